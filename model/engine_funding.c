/* Engine: the funding fee counts (metrics.md "Funding", R21).  Per group of the query's breakdown
 * (like any metric: not per provider unless --by provider), over ips
 * episodes started or ended in P:
 *   fee_start     episodes started in P
 *   fee_guidance  episodes ended in P with a guidance exit reason
 *   fee_outcome   episodes ended in P with an outcome exit reason
 * A group appears when it has an episode started or ended in P, in name
 * order; without a breakdown the whole always has its three rows. */
#include <stdlib.h>
#include <string.h>

#include "model/engine.h"
#include "model/funding.h"

enum { FEE_START, FEE_GUIDANCE, FEE_OUTCOME, FEE__COUNT };
static const char *const fee_ids[FEE__COUNT] = {FUNDING_FEE_START, FUNDING_FEE_GUIDANCE,
                                                FUNDING_FEE_OUTCOME};

typedef struct {
    long n[FEE__COUNT];
    bool seen;   /* has an episode started or ended in P */
} fee_acc;

/* in[id] = exit reason id is named in list (ids of FD_EXIT_REASON). */
static bool *reason_set(const facts *f, const char *const *list)
{
    int n = f->dim[FD_EXIT_REASON].n;
    bool *in = calloc((size_t)(n > 0 ? n : 1), sizeof *in);
    if (!in)
        return NULL;
    for (int id = 1; id < n; id++)
        for (size_t i = 0; list[i]; i++)
            if (strcmp(facts_name(f, FD_EXIT_REASON, id), list[i]) == 0)
                in[id] = true;
    return in;
}

static bool in_period(const eng_ctx *ctx, ips_day day)
{
    return day != IPS_DAY_NONE && day >= ctx->p_start && day <= ctx->p_end;
}

static void count_fees(const eng_ctx *ctx, const bool *guidance, const bool *outcome,
                       fee_acc *acc)
{
    const facts *f = ctx->f;
    for (size_t i = 0; i < f->n_episodes; i++) {
        const fact_episode *e = &f->episodes[i];
        if (e->service != SVC_IPS)
            continue;
        bool started = in_period(ctx, e->start), ended = in_period(ctx, e->end);
        if (!started && !ended)
            continue;
        fee_acc *a = &acc[eng_episode_group(ctx, e)];
        a->seen = true;
        a->n[FEE_START] += started;
        /* An exit reason is 0 ("") when blank: in no list. */
        a->n[FEE_GUIDANCE] += ended && guidance[e->exit_reason];
        a->n[FEE_OUTCOME] += ended && outcome[e->exit_reason];
    }
}

static ips_error add_counts(const eng_ctx *ctx, metric_set *out, int g, const fee_acc *a,
                            ips_diag *d)
{
    for (int k = 0; k < FEE__COUNT; k++) {
        metric_row *r = eng_row(ctx, out, fee_ids[k], MK_COUNT, g);
        if (!r)
            return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        r->has = MH_VALUE;
        r->value = (double)a->n[k];
    }
    return IPS_OK;
}

ips_error engine_funding(const eng_ctx *ctx, metric_set *out, ips_diag *d)
{
    const metric_query *q = ctx->q;
    ips_error e = funding_reasons_check(q->guidance_reasons, "guidance fee exit reasons", d);
    if (e == IPS_OK)
        e = funding_reasons_check(q->outcome_reasons, "outcome fee exit reasons", d);
    if (e != IPS_OK)
        return e;
    bool *guidance = reason_set(ctx->f, q->guidance_reasons ? q->guidance_reasons
                                                            : funding_default_guidance_reasons);
    bool *outcome = reason_set(ctx->f, q->outcome_reasons ? q->outcome_reasons
                                                          : funding_default_outcome_reasons);
    fee_acc *acc = calloc((size_t)ctx->ngroups, sizeof *acc);
    if (!guidance || !outcome || !acc)
        e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    if (e == IPS_OK)
        count_fees(ctx, guidance, outcome, acc);
    /* Without a breakdown the whole always has its row, zeros included. */
    if (e == IPS_OK && ctx->by == GROUP_NONE)
        acc[0].seen = true;
    for (int g = 0; e == IPS_OK && g < ctx->ngroups; g++)
        if (acc[g].seen)
            e = add_counts(ctx, out, g, &acc[g], d);
    free(guidance);
    free(outcome);
    free(acc);
    return e;
}
