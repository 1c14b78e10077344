/* Engine: outcome instruments over time (metrics.md "Outcome instruments
 * over time", seed 003).  For every instrument code I in the facts (sorted
 * by code), in this row order:
 *   I_paired            paired clients (count)
 *   I_baseline_mean     mean baseline over paired clients, 2 decimals
 *   I_latest_mean       mean latest over paired clients, 2 decimals
 *   I_change_mean       mean of latest − baseline over paired clients, 2 decimals
 *   I_improved_share    paired clients whose latest > baseline / paired, %
 * A client counts once, in the group of the ips episode active in P with
 * the latest start (ties: the last enrollment_id), so every breakdown
 * splits the paired clients exactly; rows for every group with a client
 * active in P, and the whole always (blank means when nobody is paired). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/engine.h"

/* Metrics.md: scores from 30 days before the episode's start count. */
#define LEAD_DAYS 30

typedef struct {
    long paired, improved;
    double baseline, latest, change; /* sums over paired clients */
} instr_acc;

typedef struct {
    const eng_ctx *ctx;
    int ninstr;      /* instruments reported: ids 1 .. ninstr */
    instr_acc *acc;  /* [(instrument − 1) × ngroups + group] */
    bool *seen;      /* groups with a client active in P */
} instr_scan;

static ips_error nomem(ips_diag *d)
{
    return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
}

/* The client's ips episode active in P with the latest start, or NULL. */
static const fact_episode *latest_episode(const eng_ctx *ctx, size_t c)
{
    const facts *f = ctx->f;
    const fact_episode *best = NULL;
    /* Sorted by start, then enrollment_id: the last active one wins. */
    for (size_t i = f->client_episodes[c]; i < f->client_episodes[c + 1]; i++) {
        const fact_episode *e = &f->episodes[i];
        if (e->service == SVC_IPS && eng_active_in(e->start, e->end, ctx->p_start, ctx->p_end))
            best = e;
    }
    return best;
}

/* One instrument's scores of one client, scores[0 .. n) sorted by day, in
 * the window [lo, hi]: the series' first and last day means. */
static void add_series(instr_acc *a, const fact_score *s, size_t n, ips_day lo, ips_day hi)
{
    int days = 0;
    double first = 0, last = 0;
    for (size_t i = 0; i < n;) {
        ips_day day = s[i].day;
        double sum = 0;
        int k = 0;
        for (; i < n && s[i].day == day; i++, k++)
            sum += s[i].score;
        if (day < lo || day > hi)
            continue;
        last = sum / k;
        if (days++ == 0)
            first = last;
    }
    if (days < 2)
        return;
    a->paired++;
    a->baseline += first;
    a->latest += last;
    a->change += last - first;
    a->improved += last > first;
}

static void scan_client(instr_scan *s, size_t c)
{
    const eng_ctx *ctx = s->ctx;
    const facts *f = ctx->f;
    const fact_episode *e = latest_episode(ctx, c);
    if (!e)
        return;
    int g = eng_episode_group(ctx, e);
    s->seen[g] = true;
    ips_day lo = e->start - LEAD_DAYS;
    /* min(end_date, p_end, A): p_end is already cut at A (R22). */
    ips_day hi = e->end != IPS_DAY_NONE && e->end < ctx->p_end ? e->end : ctx->p_end;
    size_t i = f->client_scores[c], end = f->client_scores[c + 1];
    while (i < end) {
        size_t j = i;
        int instr = f->scores[i].instrument;
        while (j < end && f->scores[j].instrument == instr)
            j++;
        if (instr >= 1 && instr <= s->ninstr)
            add_series(&s->acc[(size_t)(instr - 1) * (size_t)ctx->ngroups + (size_t)g],
                       &f->scores[i], j - i, lo, hi);
        i = j;
    }
}

static metric_row *mean_row(const eng_ctx *ctx, metric_set *out, const char *id, int g,
                            double sum, long n)
{
    metric_row *r = eng_row(ctx, out, id, MK_MEAN, g);
    if (!r)
        return NULL;
    r->decimals = 2;
    r->has = MH_DENOMINATOR;
    r->denominator = (double)n;
    r->sum = sum;
    if (n > 0) {
        r->has |= MH_VALUE;
        r->value = metric_round(sum / (double)n, 2);
    }
    return r;
}

static ips_error emit(const instr_scan *s, metric_set *out, int instr, ips_diag *d)
{
    const eng_ctx *ctx = s->ctx;
    const char *code = facts_name(ctx->f, FD_INSTRUMENT, instr);
    /* A code whose ids would not fit a metric id gets no rows (docs/metrics.md). */
    if (strlen(code) > ENGINE_INSTRUMENT_CODE_MAX)
        return IPS_OK;
    const instr_acc *acc = &s->acc[(size_t)(instr - 1) * (size_t)ctx->ngroups];
    static const char *const suffix[] = {"_paired", "_baseline_mean", "_latest_mean",
                                         "_change_mean", "_improved_share"};
    for (int k = 0; k < 5; k++) {
        char id[ENGINE_INSTRUMENT_CODE_MAX + sizeof "_improved_share"];
        snprintf(id, sizeof id, "%s%s", code, suffix[k]);
        for (int g = 0; g < ctx->ngroups; g++) {
            if (!s->seen[g] && !(g == 0 && ctx->by == GROUP_NONE))
                continue;
            const instr_acc *a = &acc[g];
            metric_row *r = NULL;
            switch (k) {
            case 0:
                if ((r = eng_row(ctx, out, id, MK_COUNT, g))) {
                    r->has = MH_VALUE;
                    r->value = (double)a->paired;
                }
                break;
            case 1: r = mean_row(ctx, out, id, g, a->baseline, a->paired); break;
            case 2: r = mean_row(ctx, out, id, g, a->latest, a->paired); break;
            case 3: r = mean_row(ctx, out, id, g, a->change, a->paired); break;
            default:
                r = eng_share_row(ctx, out, id, g, (double)a->improved, (double)a->paired);
                break;
            }
            if (!r)
                return nomem(d);
        }
    }
    return IPS_OK;
}

int engine_instrument_count(const facts *f)
{
    int n = f->dim[FD_INSTRUMENT].n - 1;
    return n < 0 ? 0 : n > ENGINE_INSTRUMENTS_MAX ? ENGINE_INSTRUMENTS_MAX : n;
}

ips_error engine_instruments(const eng_ctx *ctx, metric_set *out, ips_diag *d)
{
    instr_scan s = {ctx, engine_instrument_count(ctx->f), NULL, NULL};
    if (s.ninstr <= 0)
        return IPS_OK;
    s.acc = calloc((size_t)s.ninstr * (size_t)ctx->ngroups, sizeof *s.acc);
    s.seen = calloc((size_t)ctx->ngroups, sizeof *s.seen);
    ips_error e = s.acc && s.seen ? IPS_OK : nomem(d);
    for (size_t c = 0; e == IPS_OK && c < ctx->f->n_clients; c++)
        scan_client(&s, c);
    for (int i = 1; e == IPS_OK && i <= s.ninstr; i++)
        e = emit(&s, out, i, d);
    free(s.acc);
    free(s.seen);
    return e;
}
