/* Items 1, 2, 17 and 24 as parts (model/engine.h): a coach who serves
 * clients of several counties is in each county's register, so the coach
 * figures cannot be added up from the counties' rows (each would count the
 * coach's fte again).  A county's parts say per group how many distinct
 * clients item 1 counts, and per coach whether it had an active ips
 * episode and its contact sums in the items' windows; the nation adds them
 * up and takes each coach's fte once, from the merged register, by the
 * same code as a county (eng_fid_sum_coaches).
 *
 *   "@fc:g"  per group:  value = distinct clients, numerator = 1 (had one)
 *   "@fc:c"  per coach (group_by "@coach", group = coach id):  sum = 1 when
 *            it had an active ips episode, numerator = employer contacts,
 *            denominator = minutes, value = community minutes */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/engine_fid.h"
#include "common/intern.h"

typedef struct {
    coach_acc *acc;
    bool *ips;
    coach_window *w;
} coach_parts;

static bool parts_new(const eng_ctx *ctx, coach_parts *p)
{
    p->acc = calloc((size_t)ctx->ngroups, sizeof *p->acc);
    p->ips = calloc(ctx->f->n_coaches + 1, sizeof *p->ips);
    p->w = calloc(ctx->f->n_coaches + 1, sizeof *p->w);
    return p->acc && p->ips && p->w;
}

static void parts_free(coach_parts *p)
{
    free(p->acc);
    free(p->ips);
    free(p->w);
}

static metric_row *part(const eng_ctx *ctx, metric_set *out, const char *id, int g)
{
    metric_row *r = eng_row(ctx, out, id, MK_COUNT, g);
    if (r)
        r->has = MH_NUMERATOR | MH_DENOMINATOR | MH_VALUE;
    return r;
}

static ips_error put(const eng_ctx *ctx, const coach_parts *p, eng_parts_kind kind,
                     metric_set *out)
{
    for (int g = 0; kind == PARTS_OF_QUERY && g < ctx->ngroups; g++) {
        if (!p->acc[g].has_client)
            continue;
        metric_row *r = part(ctx, out, "@fc:g", g);
        if (!r)
            return IPS_ERR_NOMEM;
        r->value = p->acc[g].clients;
        r->numerator = 1;
    }
    /* a coach's sums are of the end day alone: once, with the whole's */
    for (size_t k = 0; kind == PARTS_OF_END && ctx->by == GROUP_NONE && k < ctx->f->n_coaches;
         k++) {
        const coach_window *w = &p->w[k];
        if (!p->ips[k] && !w->employer_contacts && !w->minutes && !w->community_minutes)
            continue;
        metric_row *r = part(ctx, out, "@fc:c", 0);
        if (!r)
            return IPS_ERR_NOMEM;
        r->group_by = "@coach";
        r->group = ips_intern(facts_name(ctx->f, FD_COACH, ctx->f->coaches[k].id));
        r->sum = p->ips[k];
        r->numerator = w->employer_contacts;
        r->denominator = w->minutes;
        r->value = w->community_minutes;
    }
    return IPS_OK;
}

ips_error engine_fidelity_parts(const eng_ctx *ctx, eng_parts_kind kind, metric_set *out,
                                ips_diag *d)
{
    if (!eng_coach_level(ctx))
        return IPS_OK; /* R20: no coach items by client attributes */
    coach_parts p;
    ips_error e = parts_new(ctx, &p) && eng_fid_count_clients(ctx, p.acc, p.ips)
                      ? IPS_OK
                      : IPS_ERR_NOMEM;
    for (size_t k = 0; e == IPS_OK && k < ctx->f->n_coaches; k++)
        eng_fid_coach_window(ctx, k, &p.w[k]);
    if (e == IPS_OK)
        e = put(ctx, &p, kind, out);
    parts_free(&p);
    return e == IPS_OK ? IPS_OK : eng_fid_nomem(d);
}

/* The index of the coach named id in the (national) register, or -1. */
static long coach_index(const facts *f, const char *id)
{
    size_t lo = 0, hi = f->n_coaches;
    while (lo < hi) { /* coaches are sorted by id, ids by name */
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(facts_name(f, FD_COACH, f->coaches[mid].id), id);
        if (c == 0)
            return (long)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

static ips_error take(const eng_ctx *ctx, coach_parts *p, const metric_row *r, ips_diag *d)
{
    if (strcmp(r->metric, "@fc:c") == 0) {
        long k = coach_index(ctx->f, r->group);
        if (k < 0)
            return ips_diag_set(d, IPS_ERR_PACK, "a pack names coach '%s', who is in no "
                                "county's coach register", r->group);
        p->ips[k] |= r->sum != 0;
        p->w[k].employer_contacts += r->numerator;
        p->w[k].minutes += r->denominator;
        p->w[k].community_minutes += r->value;
        return IPS_OK;
    }
    if (strcmp(r->group_by, metric_group_name(ctx->by)) != 0)
        return IPS_OK;
    int g = eng_group_find(ctx, r->group);
    if (g < 0)
        return ips_diag_set(d, IPS_ERR_PACK, "a pack names group '%s' that the national "
                            "warehouse does not know", r->group);
    p->acc[g].clients += r->value;
    p->acc[g].has_client |= r->numerator != 0;
    return IPS_OK;
}

ips_error engine_fidelity_coach_from_parts(const eng_ctx *ctx, const metric_set *parts,
                                           const metric_set *end_parts, metric_set *out,
                                           ips_diag *d)
{
    if (!eng_coach_level(ctx))
        return IPS_OK;
    coach_parts p;
    ips_error e = parts_new(ctx, &p) ? IPS_OK : eng_fid_nomem(d);
    const metric_set *sets[2] = {parts, end_parts};
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; e == IPS_OK && sets[k] && i < sets[k]->n; i++)
            if (strncmp(sets[k]->rows[i].metric, "@fc:", 4) == 0)
                e = take(ctx, &p, &sets[k]->rows[i], d);
    if (e == IPS_OK)
        eng_fid_sum_coaches(ctx, p.acc, p.ips, p.w);
    static const coach_item items[] = {CI_CASELOAD, CI_FOCUS, CI_EMPLOYER, CI_COMMUNITY};
    for (size_t i = 0; e == IPS_OK && i < sizeof items / sizeof items[0]; i++)
        e = eng_fid_coach_rows(ctx, out, p.acc, items[i], d);
    parts_free(&p);
    return e;
}
