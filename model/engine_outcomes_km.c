/* The Kaplan–Meier outcomes of the engine: time to first job (R7) and job
 * tenure (R9) as slots of eo_group, and the time-to-job curves for charts
 * (model/curves.h).  Observations are
 * gathered with their group during the family's scans, bucketed by group in
 * one counting pass, and each group's bucket is fitted by km_fit(). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/curves.h"
#include "model/engine_outcomes.h"
#include "model/national.h"

ips_error eo_obs_push(eo_obs_buf *b, int g, int time, bool event)
{
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        eo_obs *v = realloc(b->v, cap * sizeof *v);
        if (!v)
            return IPS_ERR_NOMEM;
        b->v = v;
        b->cap = cap;
    }
    b->v[b->n++] = (eo_obs){g, time, event};
    return IPS_OK;
}

ips_error eo_obs_bucket(const eo_obs_buf *b, int ngroups, km_obs **kv, size_t **off)
{
    *kv = malloc((b->n ? b->n : 1) * sizeof **kv);
    *off = calloc((size_t)ngroups + 2, sizeof **off);
    if (!*kv || !*off) {
        free(*kv);
        free(*off);
        *kv = NULL;
        *off = NULL;
        return IPS_ERR_NOMEM;
    }
    /* Counts land in off[g + 2] so that after the prefix sum off[g + 1] is
     * group g's next free place while filling, and its end afterwards. */
    size_t *o = *off;
    for (size_t i = 0; i < b->n; i++)
        o[b->v[i].g + 2]++;
    for (int g = 0; g < ngroups; g++)
        o[g + 2] += o[g + 1];
    for (size_t i = 0; i < b->n; i++)
        (*kv)[o[b->v[i].g + 1]++] = (km_obs){b->v[i].time, b->v[i].event};
    return IPS_OK;
}

static bool in_window(const eng_ctx *ctx, ips_day d)
{
    return d >= ctx->w_start && d <= ctx->w_end;
}

/* R7: the event is the client's first competitive job from the episode's
 * start to min(end, A) (resolved in the facts); otherwise censored there. */
ips_error eo_ttj_push(const eng_ctx *ctx, const fact_episode *e, int g, eo_obs_buf *b)
{
    if (e->service != SVC_IPS || !in_window(ctx, e->start))
        return IPS_OK;
    bool event = e->first_competitive_job != IPS_DAY_NONE;
    ips_day stop = event ? e->first_competitive_job
                   : e->end != IPS_DAY_NONE ? e->end
                                            : ctx->as_of;
    return eo_obs_push(b, g, (int)(stop - e->start), event);
}

/* R9: every ended job is an event; an open one (or one ending after A) is
 * censored at A. */
ips_error eo_tenure_push(const eng_ctx *ctx, const fact_job *j, int g, eo_obs_buf *b)
{
    if (!in_window(ctx, j->start))
        return IPS_OK;
    bool event = j->end != IPS_DAY_NONE;
    return eo_obs_push(b, g, (int)((event ? j->end : ctx->as_of) - j->start), event);
}

/* Called with each group that has observations and its fitted curve, which
 * it takes over. */
typedef ips_error (*curve_fn)(int g, km_curve *c, void *user);

static ips_error fit_groups(const eng_ctx *ctx, const eo_obs_buf *b, curve_fn fn, void *user)
{
    km_obs *kv;
    size_t *off;
    ips_error e = eo_obs_bucket(b, ctx->ngroups, &kv, &off);
    for (int g = 0; e == IPS_OK && g < ctx->ngroups; g++) {
        if (off[g + 1] == off[g])
            continue;
        km_curve *c;
        e = km_fit(kv + off[g], off[g + 1] - off[g], &c);
        if (e == IPS_OK)
            e = fn(g, c, user);
    }
    free(kv);
    free(off);
    return e;
}

/* ---- metric slots ------------------------------------------------------ */

typedef struct {
    eo_group *groups;
    eo_slot n_slot, median_slot, last_slot, events_slot;
    bool within; /* also 1 − S(180) and 1 − S(365) */
} slot_target;

/* Events up to day `days` (all when days < 0): how many people a
 * Kaplan–Meier figure rests on, which suppression judges (metrics.md). */
static double events_by(const km_curve *c, int days)
{
    size_t n = 0;
    for (size_t i = 0; i < c->n; i++)
        if (days < 0 || c->time[i] <= days)
            n += c->deaths[i];
    return (double)n;
}

/* 1 − S(days) only where S(days) is estimable (R8); the slot stays unset,
 * and the row blank with its reason, past the longest follow-up. */
static void within_slot(eo_group *gr, eo_slot slot, const km_curve *c, int days)
{
    if (km_estimable(c, days))
        eo_add(gr, slot, 100.0 * (1.0 - km_survival(c, days)));
}

static ips_error curve_to_slots(int g, km_curve *c, void *user)
{
    const slot_target *t = user;
    eo_group *gr = &t->groups[g];
    double median;
    eo_add(gr, t->n_slot, (double)c->cohort);
    eo_add(gr, t->last_slot, (double)c->last_time);
    eo_add(gr, t->events_slot, events_by(c, -1));
    if (km_median(c, &median))
        eo_add(gr, t->median_slot, median);
    if (t->within) {
        within_slot(gr, EO_TTJ_180, c, 180);
        within_slot(gr, EO_TTJ_365, c, 365);
        eo_add(gr, EO_TTJ_EV180, events_by(c, 180));
        eo_add(gr, EO_TTJ_EV365, events_by(c, 365));
    }
    km_curve_free(c);
    return IPS_OK;
}

ips_error eo_km_slots(const eng_ctx *ctx, const eo_obs_buf *ttj, const eo_obs_buf *tenure,
                      eo_group *groups)
{
    slot_target t = {groups, EO_TTJ_N, EO_TTJ_MEDIAN, EO_TTJ_LAST, EO_TTJ_EVENTS, true};
    slot_target u = {groups,         EO_TENURE_N,      EO_TENURE_MEDIAN,
                     EO_TENURE_LAST, EO_TENURE_EVENTS, false};
    ips_error e = fit_groups(ctx, ttj, curve_to_slots, &t);
    return e == IPS_OK ? fit_groups(ctx, tenure, curve_to_slots, &u) : e;
}

/* ---- curves for charts ------------------------------------------------- */

typedef struct {
    const eng_ctx *ctx;
    km_curve_list *list;
} list_target;

static ips_error curve_to_list(int g, km_curve *c, void *user)
{
    list_target *t = user;
    km_curve_list *list = t->list;
    km_group_curve *items = realloc(list->items, (list->n + 1) * sizeof *items);
    if (!items) {
        km_curve_free(c);
        return IPS_ERR_NOMEM;
    }
    list->items = items;
    snprintf(items[list->n].group, sizeof items[list->n].group, "%s", eng_group_name(t->ctx, g));
    items[list->n++].curve = c;
    return IPS_OK;
}

/* On a national warehouse: the cohort's observations from the counties'
 * parts (model/engine_outcomes_parts.c), so the curve is the one a single
 * warehouse of all counties would draw. */
static ips_error national_obs(const eng_ctx *ctx, eo_obs_buf *b)
{
    const national_query *x = NULL, *p = NULL;
    ips_error e = national_query_of(ctx->f->national, ctx->q, &x, NULL);
    if (e == IPS_OK && x) /* the cohort is W's: its observations are the end day's */
        e = national_end_parts(ctx->f->national, x->qe, ctx->by, &p, NULL);
    const char *by = metric_group_name(ctx->by);
    for (size_t i = 0; p && e == IPS_OK && i < p->rows->n; i++) {
        const metric_row *r = &p->rows->rows[i];
        int g = strcmp(r->metric, "@eo:t") == 0 && strcmp(r->group_by, by) == 0
                    ? eng_group_find(ctx, r->group)
                    : -1;
        for (long k = 0; g >= 0 && e == IPS_OK && k < (long)r->denominator; k++)
            e = eo_obs_push(b, g, (int)r->numerator, r->value != 0);
    }
    national_query_free(p);
    return e;
}

ips_error engine_time_to_job_curves(const facts *f, const metric_query *q, km_curve_list **out,
                                    ips_diag *d)
{
    *out = NULL;
    if (q->start == IPS_DAY_NONE || q->end == IPS_DAY_NONE || q->end < q->start)
        return ips_diag_set(d, IPS_ERR_PERIOD, "no valid period given");
    eng_ctx ctx;
    eng_ctx_init(&ctx, f, q);
    km_curve_list *list = calloc(1, sizeof *list);
    if (!list)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    eo_obs_buf b = {0};
    ips_error e = f->national ? national_obs(&ctx, &b) : IPS_OK;
    for (size_t i = 0; e == IPS_OK && i < f->n_episodes; i++) {
        const fact_episode *ep = &f->episodes[i];
        if (ep->service == SVC_IPS)
            e = eo_ttj_push(&ctx, ep, eng_episode_group(&ctx, ep), &b);
    }
    list_target t = {&ctx, list};
    if (e == IPS_OK)
        e = fit_groups(&ctx, &b, curve_to_list, &t);
    free(b.v);
    if (e != IPS_OK) {
        km_curve_list_free(list);
        return ips_diag_set(d, e, "out of memory");
    }
    *out = list;
    return IPS_OK;
}
