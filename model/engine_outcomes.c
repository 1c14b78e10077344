/* The engine's employment outcomes (metrics.md): caseload, starts, exits,
 * employment rate (R6), employment at exit, time to first job and tenure
 * (R7–R9, engine_outcomes_km.c), hours per week (R21) and referral wait,
 * from one scan of the episodes (client by client) and one of the jobs.
 *
 * Every group that any of the figures saw gets a
 * row for every metric (counts 0, shares blank), groups in name order,
 * metric by metric; without a breakdown there is always the one "" row. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/engine_outcomes.h"
#include "common/intern.h"

/* The id of exit reason name, or -1 when no episode has it. */
static int exit_reason_id(const facts *f, const char *name)
{
    const facts_dim *dim = &f->dim[FD_EXIT_REASON];
    for (int i = 1; i < dim->n; i++)
        if (strcmp(dim->names[i], name) == 0)
            return i;
    return -1;
}

/* R6 for one ips episode active in P: a competitive job of the client (any,
 * no episode link) held on a day of P that is also a day of the episode, so
 * a job begun before the episode counts from the episode's start. */
static bool employed_in(const eng_ctx *ctx, const fact_episode *e)
{
    const facts *f = ctx->f;
    ips_day lo = e->start > ctx->p_start ? e->start : ctx->p_start;
    ips_day hi = e->end != IPS_DAY_NONE && e->end < ctx->p_end ? e->end : ctx->p_end;
    for (size_t k = f->client_jobs[e->client]; k < f->client_jobs[e->client + 1]; k++) {
        const fact_job *j = &f->jobs[k];
        if (j->start > hi)
            break; /* jobs are sorted by start */
        if (j->end == IPS_DAY_NONE || j->end >= lo)
            return true;
    }
    return false;
}


/* The episode-level figures of one ips episode in group g.  Caseload and
 * employment count distinct clients per group (R20): episodes come client
 * by client, so "same client as last time in this group" is the dedupe. */
static ips_error scan_episode(scan *s, const fact_episode *e, int g)
{
    const eng_ctx *ctx = s->ctx;
    eo_group *gr = &s->groups[g];
    if (eng_active_in(e->start, e->end, ctx->p_start, ctx->p_end)) {
        if (s->last_client[g] != e->client) {
            s->last_client[g] = e->client;
            s->client_employed[g] = false;
            eo_add(gr, EO_CASELOAD, 1);
        }
        if (!s->client_employed[g] && employed_in(ctx, e)) {
            s->client_employed[g] = true;
            eo_add(gr, EO_EMPLOYED, 1);
        }
        eo_add(gr, EO_STARTED, e->start >= ctx->p_start);
        bool ended = e->end != IPS_DAY_NONE && e->end <= ctx->p_end;
        eo_add(gr, EO_EXITS, ended);
        eo_add(gr, EO_EXIT_OPEN, ended && e->exit_reason == s->open_id);
        eo_add(gr, EO_EXIT_ANY, ended && (e->exit_reason == s->open_id ||
                                          e->exit_reason == s->subsidized_id));
    }
    ips_error err = IPS_OK;
    /* Negative waits (referral dated after the start) are kept (R17). */
    if (e->referral != IPS_DAY_NONE && e->start >= ctx->p_start && e->start <= ctx->p_end)
        err = eo_obs_push(&s->waits, g, (int)(e->start - e->referral), false);
    if (err == IPS_OK)
        err = eo_ttj_push(ctx, e, g, &s->ttj);
    return err;
}

/* R5 and R21: competitive jobs of ips episodes; hours for those held in P
 * with hours given, tenure for those started in W.  A job takes its
 * episode's group. */
static ips_error scan_job(scan *s, const fact_job *j)
{
    const eng_ctx *ctx = s->ctx;
    if (j->episode < 0 || ctx->f->episodes[j->episode].service != SVC_IPS)
        return IPS_OK;
    int g = eng_episode_group(ctx, &ctx->f->episodes[j->episode]);
    if (!isnan(j->hours) && eng_active_in(j->start, j->end, ctx->p_start, ctx->p_end)) {
        eo_add(&s->groups[g], EO_HOURS_N, 1);
        eo_add(&s->groups[g], EO_HOURS_SUM, j->hours);
    }
    return eo_tenure_push(ctx, j, g, &s->tenure);
}

/* Waits ride in km_obs (time = days) to share the bucketing. */
static int wait_cmp(const void *a, const void *b)
{
    int x = ((const km_obs *)a)->time, y = ((const km_obs *)b)->time;
    return (x > y) - (x < y);
}

/* The median of each group's waits; an even count takes the mean of the
 * two middle values (R17). */
static ips_error wait_slots(scan *s)
{
    km_obs *v;
    size_t *off;
    if (eo_obs_bucket(&s->waits, s->ctx->ngroups, &v, &off) != IPS_OK)
        return IPS_ERR_NOMEM;
    for (int g = 0; g < s->ctx->ngroups; g++) {
        size_t n = off[g + 1] - off[g];
        km_obs *w = v + off[g];
        if (n == 0)
            continue;
        qsort(w, n, sizeof *w, wait_cmp);
        eo_add(&s->groups[g], EO_WAIT_N, (double)n);
        eo_add(&s->groups[g], EO_WAIT_MEDIAN,
               n % 2 ? w[n / 2].time : (w[n / 2 - 1].time + (double)w[n / 2].time) / 2.0);
    }
    free(v);
    free(off);
    return IPS_OK;
}

/* The scans: the additive slots and the observations. */
static ips_error collect(scan *s)
{
    const facts *f = s->ctx->f;
    ips_error e = IPS_OK;
    for (size_t i = 0; e == IPS_OK && i < f->n_episodes; i++) {
        const fact_episode *ep = &f->episodes[i];
        if (ep->service == SVC_IPS)
            e = scan_episode(s, ep, eng_episode_group(s->ctx, ep));
    }
    for (size_t i = 0; e == IPS_OK && i < f->n_jobs; i++)
        e = scan_job(s, &f->jobs[i]);
    return e;
}

/* ---- writing rows ----------------------------------------------------- */

typedef struct {
    const eng_ctx *ctx;
    metric_set *out;
    const eo_group *groups;
} emitter;

static metric_row *new_row(const emitter *em, int g, const char *id, metric_kind kind)
{
    metric_row *r = eng_row(em->ctx, em->out, id, kind, g);
    if (r)
        r->decimals = kind == MK_COUNT ? 0 : 1;
    return r;
}

/* R18: counts give the value only. */
static ips_error emit_count(const emitter *em, const char *id, eo_slot slot)
{
    for (int g = 0; g < em->ctx->ngroups; g++) {
        if (!em->groups[g].seen)
            continue;
        metric_row *r = new_row(em, g, id, MK_COUNT);
        if (!r)
            return IPS_ERR_NOMEM;
        r->has = MH_VALUE;
        r->value = em->groups[g].v[slot];
    }
    return IPS_OK;
}

/* Shares, for every group seen. */
static ips_error emit_share(const emitter *em, const char *id, eo_slot num, eo_slot den)
{
    for (int g = 0; g < em->ctx->ngroups; g++) {
        if (!em->groups[g].seen)
            continue;
        if (!eng_share_row(em->ctx, em->out, id, g, em->groups[g].v[num], em->groups[g].v[den]))
            return IPS_ERR_NOMEM;
    }
    return IPS_OK;
}

/* Medians and KM figures: the observations as denominator, the value only
 * where it is defined.  A blank KM figure says why (R8): beyond is the
 * reason when the cohort is there but its follow-up is too short. */
/* ev: the slot of the events the figure rests on (EO__COUNT: none). */
static ips_error emit_observed(const emitter *em, const char *id, metric_kind kind, eo_slot n,
                               eo_slot val, eo_slot ev, const char *beyond)
{
    for (int g = 0; g < em->ctx->ngroups; g++) {
        const eo_group *gr = &em->groups[g];
        if (!gr->seen)
            continue;
        metric_row *r = new_row(em, g, id, kind);
        if (!r)
            return IPS_ERR_NOMEM;
        r->has = MH_DENOMINATOR;
        r->denominator = gr->v[n];
        r->events = ev < EO__COUNT ? gr->v[ev] : 0;
        if (gr->has[val] && r->denominator > 0) {
            r->has |= MH_VALUE;
            r->value = metric_round(gr->v[val], 1);
        } else if (kind == MK_KM) {
            r->note = ips_internf("not estimable: %s", r->denominator > 0 ? beyond : "no one in the cohort");
        }
    }
    return IPS_OK;
}

static ips_error emit_mean(const emitter *em, const char *id, eo_slot n, eo_slot sum)
{
    for (int g = 0; g < em->ctx->ngroups; g++) {
        if (!em->groups[g].seen)
            continue;
        metric_row *r = new_row(em, g, id, MK_MEAN);
        if (!r)
            return IPS_ERR_NOMEM;
        r->has = MH_DENOMINATOR;
        r->denominator = em->groups[g].v[n];
        r->sum = em->groups[g].v[sum];
        if (r->denominator > 0) {
            r->has |= MH_VALUE;
            r->value = metric_round(em->groups[g].v[sum] / r->denominator, 1);
        }
    }
    return IPS_OK;
}

/* The order of metrics.md's table. */
static ips_error emit_all(const emitter *em)
{
    ips_error e = emit_count(em, "caseload_active", EO_CASELOAD);
    if (e == IPS_OK)
        e = emit_count(em, "enrollments_started", EO_STARTED);
    if (e == IPS_OK)
        e = emit_count(em, "exits", EO_EXITS);
    if (e == IPS_OK)
        e = emit_share(em, "employment_rate", EO_EMPLOYED, EO_CASELOAD);
    if (e == IPS_OK)
        e = emit_share(em, "employment_at_exit", EO_EXIT_OPEN, EO_EXITS);
    if (e == IPS_OK)
        e = emit_share(em, "employed_at_exit_any", EO_EXIT_ANY, EO_EXITS);
    static const char median_beyond[] = "the curve stays above 50 % through the longest follow-up";
    if (e == IPS_OK)
        e = emit_observed(em, "time_to_first_job_median_days", MK_KM, EO_TTJ_N, EO_TTJ_MEDIAN,
                          EO_TTJ_EVENTS,
                          median_beyond);
    if (e == IPS_OK)
        e = emit_observed(em, "employed_within_180_days", MK_KM, EO_TTJ_N, EO_TTJ_180, EO_TTJ_EV180,
                          "no follow-up reaches 180 days");
    if (e == IPS_OK)
        e = emit_observed(em, "employed_within_365_days", MK_KM, EO_TTJ_N, EO_TTJ_365, EO_TTJ_EV365,
                          "no follow-up reaches 365 days");
    if (e == IPS_OK)
        e = emit_observed(em, "job_tenure_median_days", MK_KM, EO_TENURE_N, EO_TENURE_MEDIAN,
                          EO_TENURE_EVENTS,
                          median_beyond);
    if (e == IPS_OK)
        e = emit_mean(em, "hours_per_week_mean", EO_HOURS_N, EO_HOURS_SUM);
    if (e == IPS_OK)
        e = emit_observed(em, "referral_wait_median_days", MK_MEDIAN, EO_WAIT_N, EO_WAIT_MEDIAN,
                          EO__COUNT,
                          NULL);
    return e;
}

ips_error eo_scan_init(scan *s, const eng_ctx *ctx)
{
    size_t ng = (size_t)ctx->ngroups;
    *s = (scan){.ctx = ctx,
                .groups = calloc(ng, sizeof *s->groups),
                .last_client = malloc(ng * sizeof *s->last_client),
                .client_employed = calloc(ng, sizeof *s->client_employed),
                .open_id = exit_reason_id(ctx->f, "employed_open"),
                .subsidized_id = exit_reason_id(ctx->f, "employed_subsidized")};
    if (!s->groups || !s->last_client || !s->client_employed)
        return IPS_ERR_NOMEM;
    for (size_t g = 0; g < ng; g++)
        s->last_client[g] = -1;
    /* Without a breakdown there is always the one whole row, data or not. */
    if (ctx->by == GROUP_NONE)
        s->groups[0].seen = true;
    return IPS_OK;
}

void eo_scan_free(scan *s)
{
    free(s->groups);
    free(s->last_client);
    free(s->client_employed);
    free(s->waits.v);
    free(s->ttj.v);
    free(s->tenure.v);
}

ips_error eo_finish(scan *s, metric_set *out)
{
    ips_error e = wait_slots(s);
    if (e == IPS_OK)
        e = eo_km_slots(s->ctx, &s->ttj, &s->tenure, s->groups);
    if (e == IPS_OK) {
        emitter em = {s->ctx, out, s->groups};
        e = emit_all(&em);
    }
    return e;
}

ips_error eo_collect(scan *s)
{
    return collect(s);
}

ips_error engine_outcomes(const eng_ctx *ctx, metric_set *out, ips_diag *d)
{
    scan s;
    ips_error e = eo_scan_init(&s, ctx);
    if (e == IPS_OK)
        e = collect(&s);
    if (e == IPS_OK)
        e = eo_finish(&s, out);
    eo_scan_free(&s);
    return e == IPS_OK ? IPS_OK : ips_diag_set(d, e, "out of memory");
}
