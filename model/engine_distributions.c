/* Engine: the distribution behind single metrics (model/distributions.h),
 * over the facts: the service path of a period's ips episodes, from episode
 * and job facts only.  (Item 15's days are metric rows: engine_fidelity.c.) */
#include <stdlib.h>
#include <string.h>

#include "model/engine.h"

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

ips_error engine_service_path(const facts *f, const metric_query *q, long steps[PATH_STEPS],
                              ips_diag *d)
{
    (void)d;
    eng_ctx ctx;
    eng_ctx_init(&ctx, f, q);
    memset(steps, 0, PATH_STEPS * sizeof *steps);
    for (size_t i = 0; i < f->n_episodes; i++) {
        const fact_episode *e = &f->episodes[i];
        ips_day referred = e->referral != IPS_DAY_NONE ? e->referral : e->start;
        if (e->service != SVC_IPS || referred < ctx.p_start || referred > ctx.p_end)
            continue;
        steps[0]++;
        steps[1] += e->start <= ctx.as_of;
        steps[2] += e->first_employer_contact != IPS_DAY_NONE;
        const fact_job *j = first_job(f, &ctx, e);
        if (!j)
            continue;
        steps[3]++;
        /* Held 90 days: to its end, or to A while open. */
        steps[4] += (j->end != IPS_DAY_NONE ? j->end : ctx.as_of) - j->start >= 90;
    }
    return IPS_OK;
}
