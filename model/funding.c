/* Funding (metrics.md "Funding", R21): counts of the start, guidance and
 * outcome fees of ips episodes, split like any metric, and their euro amounts
 * per provider from a tariff (model/funding_tariff.c reads the file).
 *
 * The counts are the engine's (model/engine_funding.c); this file holds the
 * reason lists and their check, which the engine uses, and the amounts. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/contract.h"
#include "common/intern.h"
#include "model/funding.h"
#include "model/metrics.h"

const char *const funding_default_guidance_reasons[] = {
    "work_trial", "sick_leave", "pension", "rehabilitation", "education", "other_service", NULL};
const char *const funding_default_outcome_reasons[] = {"employed_open", NULL};

enum { FEE_START, FEE_GUIDANCE, FEE_OUTCOME, FEE__COUNT };
static const char *const fee_ids[FEE__COUNT] = {FUNDING_FEE_START, FUNDING_FEE_GUIDANCE,
                                                FUNDING_FEE_OUTCOME};

/* The counts of one group. */
typedef struct {
    char group[96];
    long n[FEE__COUNT];
    bool hidden[FEE__COUNT]; /* as the published fee rows hide it */
} fee_group;

typedef struct {
    fee_group *g;
    size_t n;
} fee_groups;

ips_error funding_reasons_check(const char *const *reasons, const char *what, ips_diag *d)
{
    const contract_entity *ent = contract_entity_get(ENT_ENROLLMENTS);
    const contract_column *col = &ent->cols[contract_column_find(ent, "exit_reason")];
    for (size_t i = 0; reasons && reasons[i]; i++) {
        if (contract_code_valid(col, reasons[i]))
            continue;
        char codes[512] = "";
        for (size_t c = 0; col->codes[c]; c++) {
            size_t len = strlen(codes);
            snprintf(codes + len, sizeof codes - len, "%s%s", c ? ", " : "", col->codes[c]);
        }
        return ips_diag_set(d, IPS_ERR_USAGE, "%s: '%s' is not an exit reason; use these codes: %s",
                            what, reasons[i], codes);
    }
    return IPS_OK;
}




/* Counts the fees of ips episodes per group (group_sql over METRIC_EPISODE_FROM).
 * Groups appear when they have an episode started or ended in P. */
static ips_error check_query_reasons(const metric_query *q, ips_diag *d)
{
    ips_error e = funding_reasons_check(q->guidance_reasons, "guidance fee exit reasons", d);
    if (e == IPS_OK)
        e = funding_reasons_check(q->outcome_reasons, "outcome fee exit reasons", d);
    return e;
}

/* ---- euro amounts ----------------------------------------------------
 *
 * The counts come from metrics_compute() (unsuppressed, and suppressed for
 * which of them the outputs hide), so they are the
 * published fee rows themselves; nothing below reads the warehouse. */

static const char *const eur_ids[FEE__COUNT] = {"fee_start_eur", "fee_guidance_eur",
                                                "fee_outcome_eur"};

/* One group's amounts: known[f] false when a count above 0 has no price. */
typedef struct {
    double eur[FEE__COUNT];
    bool known[FEE__COUNT];
} fee_amounts;

static void amounts_of(const funding_tariff *t, const fee_group *g, fee_amounts *a)
{
    for (int f = 0; f < FEE__COUNT; f++) {
        double price = funding_tariff_price(t, fee_ids[f], g->group);
        a->known[f] = g->n[f] == 0 || !isnan(price);
        a->eur[f] = g->n[f] == 0 ? 0.0 : (double)g->n[f] * price;
    }
}

/* A new row of q's period. */
static metric_row *period_row(const metric_query *q, metric_set *out, const char *metric,
                              metric_kind kind, const char *group_by, const char *group)
{
    metric_row *r = metric_set_add(out, metric);
    if (!r)
        return NULL;
    r->period_start = q->start;
    r->period_end = q->end;
    r->kind = kind;
    r->group_by = ips_intern(group_by);
    r->group = ips_intern(group);
    return r;
}

static metric_row *amount_row(const metric_query *q, metric_set *out, const char *metric,
                              const char *group_by, const char *group, bool known, double eur)
{
    metric_row *r = period_row(q, out, metric, MK_WEIGHTED, group_by, group);
    if (!r)
        return NULL;
    r->decimals = 2;
    if (known) {
        r->has = MH_VALUE;
        r->value = metric_round(eur, 2);
    }
    return r;
}

/* Rows for one group; counts[] are the (possibly suppressed) count rows. */
static ips_error add_amounts(const metric_query *q, metric_set *out, const char *group_by,
                             const fee_group *g, const fee_amounts *a,
                             const metric_row *const counts[FEE__COUNT], ips_diag *d)
{
    bool all_known = true, any_hidden = false;
    double total = 0;
    for (int f = 0; f < FEE__COUNT; f++) {
        metric_row *r = amount_row(q, out, eur_ids[f], group_by, g->group, a->known[f], a->eur[f]);
        if (!r)
            return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        r->has |= MH_NUMERATOR;
        r->numerator = (double)g->n[f];
        r->suppressed = counts[f]->suppressed;
        all_known = all_known && a->known[f];
        any_hidden = any_hidden || r->suppressed;
        total += a->eur[f];
    }
    metric_row *r = amount_row(q, out, "fee_total_eur", group_by, g->group, all_known, total);
    if (!r)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    r->suppressed = any_hidden;
    return IPS_OK;
}

/* The count rows of every provider and of the whole, suppressed as
 * published: one breakdown per fee with the whole beside it, as the report
 * shows them, so a hidden provider count hides its amount too. */
static ips_error count_rows(const metric_query *q, const fee_groups *fg, const fee_group *all,
                            metric_set *counts, ips_diag *d)
{
    for (size_t i = 0; i <= fg->n; i++) {
        const fee_group *g = i < fg->n ? &fg->g[i] : all;
        for (int f = 0; f < FEE__COUNT; f++) {
            metric_row *r = period_row(q, counts, fee_ids[f], MK_COUNT,
                                       i < fg->n ? "provider" : "", g->group);
            if (!r)
                return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
            r->has = MH_VALUE;
            r->value = (double)g->n[f];
            /* the one pattern of every output (model/disclosure.h) */
            r->suppressed = !q->internal && g->hidden[f];
        }
    }
    return IPS_OK;
}

static ips_error amounts_rows(const metric_query *q, const funding_tariff *t, const fee_groups *fg,
                              const fee_group *all, metric_set *out, ips_diag *d)
{
    fee_amounts sum = {.known = {true, true, true}};
    for (size_t i = 0; i < fg->n; i++) {
        fee_amounts a;
        amounts_of(t, &fg->g[i], &a);
        for (int f = 0; f < FEE__COUNT; f++) {
            sum.eur[f] += a.eur[f];
            sum.known[f] = sum.known[f] && a.known[f];
        }
    }
    metric_set *counts = metric_set_new();
    if (!counts)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    ips_error e = count_rows(q, fg, all, counts, d);
    for (size_t i = 0; e == IPS_OK && i <= fg->n; i++) {
        const fee_group *g = i < fg->n ? &fg->g[i] : all;
        const char *group_by = i < fg->n ? "provider" : "";
        const metric_row *c[FEE__COUNT];
        for (int f = 0; f < FEE__COUNT; f++)
            c[f] = metric_set_find(counts, fee_ids[f], group_by, g->group);
        fee_amounts a;
        if (i < fg->n)
            amounts_of(t, g, &a);
        e = add_amounts(q, out, group_by, g, i < fg->n ? &a : &sum, c, d);
    }
    metric_set_free(counts);
    return e;
}

/* The group named group in fg, added (zero counts) when new; groups keep
 * the order the rows give them, which is the groups' name order. */
static fee_group *group_in(fee_groups *fg, const char *group)
{
    for (size_t i = 0; i < fg->n; i++)
        if (strcmp(fg->g[i].group, group) == 0)
            return &fg->g[i];
    fee_group *g = realloc(fg->g, (fg->n + 1) * sizeof *g);
    if (!g)
        return NULL;
    fg->g = g;
    g = &fg->g[fg->n++];
    memset(g, 0, sizeof *g);
    snprintf(g->group, sizeof g->group, "%s", group);
    return g;
}

static int fee_index(const char *metric)
{
    for (int f = 0; f < FEE__COUNT; f++)
        if (strcmp(metric, fee_ids[f]) == 0)
            return f;
    return -1;
}

/* The fee counts of q's period with breakdown by, unsuppressed, into fg:
 * per group that has an episode started or ended in P (without a
 * breakdown, the whole's one group, always). */
static ips_error fee_counts(warehouse *wh, const metric_query *q, metric_group by,
                            fee_groups *fg, ips_diag *d)
{
    metric_query qb = *q;
    qb.by = by;
    qb.internal = true;
    metric_set *set = metric_set_new();
    ips_error e = set ? metrics_compute(wh, &qb, set, d)
                      : ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    for (size_t i = 0; e == IPS_OK && i < set->n; i++) {
        const metric_row *r = &set->rows[i];
        int f = fee_index(r->metric);
        if (f < 0)
            continue;
        fee_group *g = group_in(fg, r->group);
        if (!g)
            e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        else
            g->n[f] = (r->has & MH_VALUE) ? (long)r->value : 0;
    }
    /* Which the published rows hide: the same query, suppressed. */
    if (e == IPS_OK && !q->internal) {
        metric_set_free(set);
        qb.internal = false;
        set = metric_set_new();
        e = set ? metrics_compute(wh, &qb, set, d)
                : ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        for (size_t i = 0; e == IPS_OK && i < set->n; i++) {
            const metric_row *r = &set->rows[i];
            int f = fee_index(r->metric);
            fee_group *g = f >= 0 ? group_in(fg, r->group) : NULL;
            if (g)
                g->hidden[f] = r->suppressed;
        }
    }
    metric_set_free(set);
    return e;
}

ips_error funding_amounts(warehouse *wh, const metric_query *q, const funding_tariff *t,
                          metric_set *out, ips_diag *d)
{
    if (q->start == IPS_DAY_NONE || q->end == IPS_DAY_NONE || q->end < q->start)
        return ips_diag_set(d, IPS_ERR_PERIOD, "no valid period given");
    ips_error e = check_query_reasons(q, d);
    if (e != IPS_OK)
        return e;
    fee_groups fg = {0}, whole = {0};
    e = fee_counts(wh, q, GROUP_PROVIDER, &fg, d);
    if (e == IPS_OK)
        e = fee_counts(wh, q, GROUP_NONE, &whole, d);
    fee_group all;
    memset(&all, 0, sizeof all);
    for (size_t i = 0; i < whole.n; i++)
        if (whole.g[i].group[0] == '\0')
            all = whole.g[i];
    size_t first = out->n;
    if (e == IPS_OK)
        e = amounts_rows(q, t, &fg, &all, out, d);
    /* R22: the amounts cover P up to A, as the counts they price do. */
    ips_day as_of = q->as_of;
    if (e == IPS_OK && as_of == IPS_DAY_NONE)
        e = metrics_as_of(wh, &as_of, d);
    for (size_t i = first; e == IPS_OK && i < out->n; i++) {
        metric_row *r = &out->rows[i];
        r->period_end = metric_period_cut(r->period_end, as_of);
        r->to_date = r->period_end < q->end;
    }
    free(fg.g);
    free(whole.g);
    return e;
}
