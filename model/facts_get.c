/* Choosing and completing the facts a reader gets (model/facts.h): the
 * warehouse's kept set when the data are the same, the offsets into the
 * arrays, and the FACTS_LAZY arrays read in only when a reader needs them.
 *
 * Why lazy: a workbook, chart set or PDF reads nearly every figure from
 * what ingest kept; what it still computes from the facts (the funder's
 * span, a span's headline figures, the curve, the caveats) never reads the
 * coach days, meeting days or scores, 36 of the pack's 43 MB at 10×. */
#include <stdlib.h>
#include <string.h>

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

/* A lazy array's place in f: its rows, their offsets and how many keys
 * (coaches or clients) the offsets are by. */
typedef struct {
    unsigned bit;
    size_t n, nkeys;
    size_t **idx, *n_idx;
} lazy_part;

static int lazy_parts(facts *f, lazy_part out[3])
{
    lazy_part p[3] = {
        {FACTS_LAZY_COACH_DAYS, f->n_coach_days, f->n_coaches, &f->coach_day_index,
         &f->n_coach_day_index},
        {FACTS_LAZY_MEETING_DAYS, f->n_meeting_days, f->n_clients, &f->client_meetings,
         &f->n_client_meetings},
        {FACTS_LAZY_SCORES, f->n_scores, f->n_clients, &f->client_scores, &f->n_client_scores},
    };
    memcpy(out, p, sizeof p);
    return 3;
}

bool facts_offsets_fit(facts *f, unsigned parts)
{
    lazy_part p[3];
    int np = lazy_parts(f, p);
    for (int k = 0; k < np; k++) {
        if (!(parts & p[k].bit & ~f->absent))
            continue;
        const size_t *idx = *p[k].idx;
        if (!idx || *p[k].n_idx != p[k].nkeys + 1 || idx[0] != 0 || idx[p[k].nkeys] != p[k].n)
            return false;
        for (size_t i = 0; i < p[k].nkeys; i++)
            if (idx[i] > idx[i + 1])
                return false;
    }
    return true;
}

/* The episodes' and jobs' offsets from their client field; the lazy
 * arrays came with theirs (facts_load.c, facts_pack.c), and an empty one
 * without (a national warehouse's) gets empty ones.  An array not read
 * yet (f->absent) has no offsets either: nothing may read it, and the
 * engine refuses such facts for what would (engine_compute). */
ips_error facts_build_offsets(facts *f, ips_diag *d)
{
    f->client_episodes = offsets(f->episodes, f->n_episodes, sizeof *f->episodes, f->n_clients);
    f->client_jobs = offsets(f->jobs, f->n_jobs, sizeof *f->jobs, f->n_clients);
    if (!f->client_episodes || !f->client_jobs)
        return nomem(d);
    lazy_part p[3];
    int np = lazy_parts(f, p);
    for (int k = 0; k < np; k++) {
        if ((p[k].bit & f->absent) || *p[k].idx || p[k].n)
            continue;
        if (!(*p[k].idx = calloc(p[k].nkeys + 1, sizeof **p[k].idx)))
            return nomem(d);
        *p[k].n_idx = p[k].nkeys + 1;
    }
    if (!facts_offsets_fit(f, FACTS_LAZY))
        return ips_diag_set(d, IPS_ERR_DB, "the derived facts do not fit together: run "
                            "ipsreport ingest again to rebuild them");
    return IPS_OK;
}

void facts_take_lazy(facts *f, facts *p, unsigned parts)
{
    if (parts & FACTS_LAZY_COACH_DAYS) {
        f->coach_days = p->coach_days, f->n_coach_days = p->n_coach_days;
        f->coach_day_index = p->coach_day_index, f->n_coach_day_index = p->n_coach_day_index;
        p->coach_days = NULL, p->n_coach_days = 0;
        p->coach_day_index = NULL, p->n_coach_day_index = 0;
    }
    if (parts & FACTS_LAZY_MEETING_DAYS) {
        f->meeting_days = p->meeting_days, f->n_meeting_days = p->n_meeting_days;
        f->client_meetings = p->client_meetings, f->n_client_meetings = p->n_client_meetings;
        p->meeting_days = NULL, p->n_meeting_days = 0;
        p->client_meetings = NULL, p->n_client_meetings = 0;
    }
    if (parts & FACTS_LAZY_SCORES) {
        f->scores = p->scores, f->n_scores = p->n_scores;
        f->client_scores = p->client_scores, f->n_client_scores = p->n_client_scores;
        p->scores = NULL, p->n_scores = 0;
        p->client_scores = NULL, p->n_client_scores = 0;
    }
}

/* Reads f's absent arrays of want from the pack, when the warehouse still
 * holds the data f was read from (its mark, checked inside this snapshot),
 * so the pack is the one f's other arrays came from; *done false otherwise. */
static ips_error complete_in_txn(warehouse *wh, ips_day as_of, facts *f, unsigned want,
                                 bool *done, ips_diag *d)
{
    *done = false;
    if (warehouse_facts(wh, as_of) != f)
        return IPS_OK; /* the data changed: the caller loads them anew */
    facts *p = calloc(1, sizeof *p);
    if (!p)
        return nomem(d);
    bool found = false;
    want &= f->absent;
    ips_error e = facts_pack_read_lazy(wh, p, want, &found, d);
    if (e == IPS_OK && found) {
        facts_take_lazy(f, p, want);
        f->absent &= ~want;
        if (facts_offsets_fit(f, want)) {
            *done = true;
        } else { /* offsets that do not fit f's keys: as they were, and p frees them */
            f->absent |= want;
            facts_take_lazy(p, f, want);
        }
    }
    facts_free(p);
    return e;
}

/* The facts as of as_of with every array but those of skip (FACTS_LAZY
 * bits) read. */
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
            e = warehouse_read_end(wh, own,
                                   complete_in_txn(wh, as_of, kept, ~skip, &done, d), d);
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

ips_error facts_get_without(warehouse *wh, ips_day as_of, unsigned skip, const facts **out,
                            ips_diag *d)
{
    return get(wh, as_of, skip & FACTS_LAZY, out, d);
}

void facts_release(warehouse *wh, ips_day as_of, unsigned parts)
{
    facts *f = (facts *)warehouse_facts(wh, as_of);
    /* Only arrays the pack can give back: stored facts, not temp ones. */
    if (!f || !f->stored || f->national)
        return;
    parts &= FACTS_LAZY & ~f->absent;
    facts *p = calloc(1, sizeof *p);
    if (!p)
        return; /* kept: only costs room */
    facts_take_lazy(p, f, parts);
    f->absent |= parts;
    facts_free(p);
}
