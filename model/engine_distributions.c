/* Engine: the distribution behind single metrics (model/distributions.h),
 * over the facts: the service path of a period's ips episodes, from episode
 * and job facts only.  (Item 15's days are metric rows: engine_fidelity.c.) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/engine.h"
#include "common/intern.h"

/* R7's first competitive job of episode e (the earliest start, then job_id,
 * as the facts are sorted, from e's start to min(end, A)); NULL when none. */
static const fact_job *first_job(const facts *f, const eng_ctx *ctx, const fact_episode *e)
{
    ips_day last = e->end != IPS_DAY_NONE ? e->end : ctx->as_of;
    for (size_t i = f->client_jobs[e->client]; i < f->client_jobs[e->client + 1]; i++) {
        const fact_job *j = &f->jobs[i];
        if (j->start > last)
            break;
        if (j->start >= e->start)
            return j;
    }
    return NULL;
}

ips_error engine_service_path(const facts *f, const metric_query *q, long counts[PATH_COUNTS],
                              ips_diag *d)
{
    (void)d;
    eng_ctx ctx;
    eng_ctx_init(&ctx, f, q);
    memset(counts, 0, PATH_COUNTS * sizeof *counts);
    for (size_t i = 0; i < f->n_episodes; i++) {
        const fact_episode *e = &f->episodes[i];
        /* enrollments_started's cohort (R21): the funnel starts where the
         * headline does. */
        if (e->service != SVC_IPS || e->start < ctx.p_start || e->start > ctx.p_end)
            continue;
        counts[0]++;
        counts[1] += e->first_employer_contact != IPS_DAY_NONE;
        const fact_job *j = first_job(f, &ctx, e);
        if (!j)
            continue;
        counts[2]++;
        if (j->end != IPS_DAY_NONE)
            counts[3] += j->end - j->start >= PATH_DAYS_HELD;
        else if (ctx.as_of - j->start >= PATH_DAYS_HELD)
            counts[3]++;
        else
            counts[4]++; /* open, and too recent to know */
    }
    return IPS_OK;
}

const char *const distributions_path_steps[PATH_COUNTS] = {
    "started", "employer_contact", "first_job", "job_90_days", "job_90_days_not_yet_known",
};

ips_error engine_service_path_rows(const eng_ctx *ctx, metric_set *out, ips_diag *d)
{
    if (ctx->by != GROUP_NONE)
        return IPS_OK;
    long counts[PATH_COUNTS];
    ips_error e = engine_service_path(ctx->f, ctx->q, counts, d);
    for (int k = 0; e == IPS_OK && k < PATH_COUNTS; k++) {
        metric_row *r = eng_row(ctx, out, "service_path", MK_COUNT, 0);
        if (!r)
            return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        r->group_by = "step";
        r->group = ips_intern(distributions_path_steps[k]);
        r->has = MH_VALUE;
        r->value = (double)counts[k];
    }
    return e;
}
