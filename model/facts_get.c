/* Choosing and completing the facts a reader gets (model/facts.h): the
 * warehouse's kept set when the data are the same, the offsets into the
 * arrays, and the FACTS_LAZY arrays read in only when a reader needs them.
 *
 * Why lazy: a workbook, chart set or PDF reads nearly every figure from
 * what ingest kept; what it still computes from the facts (the funder's
 * span, a span's headline figures, the curve, the caveats) never reads the
 * coach days, meeting days or scores, 47 of the pack's 54 MB at 10×. */
#include <stdlib.h>

#include "model/facts.h"
#include "model/metrics.h"

static ips_error nomem(ips_diag *d)
{
    return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
}

/* idx[k] = the first row whose key is >= k, for k = 0 .. nkeys (rows sorted by key). */
static size_t *offsets(const void *rows, size_t n, size_t elem, size_t nkeys)
{
    size_t *idx = calloc(nkeys + 1, sizeof *idx);
    if (!idx)
        return NULL;
    size_t r = 0;
    for (size_t k = 0; k <= nkeys; k++) {
        while (r < n && *(const int32_t *)((const char *)rows + r * elem) < (int32_t)k)
            r++;
        idx[k] = r;
    }
    return idx;
}

/* Every fact struct starts with its client (or coach) index.  An array
 * not read yet (f->absent) has no offsets either: nothing may read it, and
 * the engine refuses such facts for what would (engine_compute). */
ips_error facts_build_lazy_offsets(facts *f, unsigned parts, ips_diag *d)
{
    parts &= ~f->absent;
    bool ok = true;
    if (parts & FACTS_LAZY_MEETING_DAYS) {
        free(f->client_meetings);
        f->client_meetings =
            offsets(f->meeting_days, f->n_meeting_days, sizeof *f->meeting_days, f->n_clients);
        ok = ok && f->client_meetings;
    }
    if (parts & FACTS_LAZY_COACH_DAYS) {
        free(f->coach_day_index);
        f->coach_day_index =
            offsets(f->coach_days, f->n_coach_days, sizeof *f->coach_days, f->n_coaches);
        ok = ok && f->coach_day_index;
    }
    if (parts & FACTS_LAZY_SCORES) {
        free(f->client_scores);
        f->client_scores = offsets(f->scores, f->n_scores, sizeof *f->scores, f->n_clients);
        ok = ok && f->client_scores;
    }
    return ok ? IPS_OK : nomem(d);
}

ips_error facts_build_offsets(facts *f, ips_diag *d)
{
    f->client_episodes = offsets(f->episodes, f->n_episodes, sizeof *f->episodes, f->n_clients);
    f->client_jobs = offsets(f->jobs, f->n_jobs, sizeof *f->jobs, f->n_clients);
    if (!f->client_episodes || !f->client_jobs)
        return nomem(d);
    return facts_build_lazy_offsets(f, FACTS_LAZY, d);
}

/* p's arrays of the FACTS_LAZY bits into f, which has none of them. */
static void take_lazy(facts *f, facts *p, unsigned parts)
{
    if (parts & FACTS_LAZY_COACH_DAYS) {
        f->coach_days = p->coach_days, f->n_coach_days = p->n_coach_days;
        p->coach_days = NULL, p->n_coach_days = 0;
    }
    if (parts & FACTS_LAZY_MEETING_DAYS) {
        f->meeting_days = p->meeting_days, f->n_meeting_days = p->n_meeting_days;
        p->meeting_days = NULL, p->n_meeting_days = 0;
    }
    if (parts & FACTS_LAZY_SCORES) {
        f->scores = p->scores, f->n_scores = p->n_scores;
        p->scores = NULL, p->n_scores = 0;
    }
}

/* Reads f's absent arrays from the pack, when the warehouse still holds
 * the data f was read from (its mark, checked inside this snapshot), so
 * the pack is the one f's other arrays came from; *done false otherwise. */
static ips_error complete_in_txn(warehouse *wh, ips_day as_of, facts *f, bool *done, ips_diag *d)
{
    *done = false;
    if (warehouse_facts(wh, as_of) != f)
        return IPS_OK; /* the data changed: the caller loads them anew */
    facts *p = calloc(1, sizeof *p);
    if (!p)
        return nomem(d);
    bool found = false;
    ips_error e = facts_pack_read_lazy(wh, p, f->absent, &found, d);
    if (e == IPS_OK && found) {
        unsigned read = f->absent;
        take_lazy(f, p, read);
        f->absent = 0;
        e = facts_build_lazy_offsets(f, read, d);
        if (e == IPS_OK) {
            *done = true;
        } else { /* no offsets to read them by: as they were, and p frees them */
            f->absent = read;
            take_lazy(p, f, read);
        }
    }
    facts_free(p);
    return e;
}

static ips_error get(warehouse *wh, ips_day as_of, unsigned skip, const facts **out,
                     ips_diag *d)
{
    *out = NULL;
    /* "The data's own date" and that date given explicitly are one fact set. */
    if (as_of == IPS_DAY_NONE) {
        ips_error e = metrics_as_of(wh, &as_of, d);
        if (e != IPS_OK)
            return e;
    }
    /* The warehouse keeps them as its own, changeable set
     * (warehouse_facts_keep): reading arrays in is the owner's business. */
    facts *kept = (facts *)warehouse_facts(wh, as_of);
    if (kept && !(kept->absent & ~skip)) {
        *out = kept;
        return IPS_OK;
    }
    if (kept) {
        bool own, done = false;
        ips_error e = warehouse_read_begin(wh, &own, d);
        if (e == IPS_OK)
            e = warehouse_read_end(wh, own, complete_in_txn(wh, as_of, kept, &done, d), d);
        if (e != IPS_OK || done) {
            *out = e == IPS_OK ? kept : NULL;
            return e;
        }
    }
    facts *f;
    ips_error e = facts_load_lazy(wh, as_of, skip, &f, d);
    if (e != IPS_OK)
        return e;
    warehouse_facts_keep(wh, as_of, f);
    *out = f;
    return IPS_OK;
}

ips_error facts_get(warehouse *wh, ips_day as_of, const facts **out, ips_diag *d)
{
    return get(wh, as_of, 0, out, d);
}

ips_error facts_get_core(warehouse *wh, ips_day as_of, const facts **out, ips_diag *d)
{
    return get(wh, as_of, FACTS_LAZY, out, d);
}
