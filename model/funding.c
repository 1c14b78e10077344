/* Funding (metrics.md "Funding", R21): counts of the start, guidance and
 * outcome fees of ips episodes, split like any metric, and their euro amounts
 * per provider from a tariff (model/funding_tariff.c reads the file). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/contract.h"
#include "model/funding.h"
#include "model/metric_families.h"

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

static size_t list_len(const char *const *list)
{
    size_t n = 0;
    while (list && list[n])
        n++;
    return n;
}

/* "IN (:g0, :g1)" with one named placeholder per reason: values stay bound. */
static void append_in_list(char *sql, size_t cap, char prefix, size_t n)
{
    size_t len = strlen(sql);
    snprintf(sql + len, cap - len, "IN (");
    for (size_t i = 0; i < n; i++) {
        len = strlen(sql);
        snprintf(sql + len, cap - len, "%s:%c%zu", i ? ", " : "", prefix, i);
    }
    len = strlen(sql);
    snprintf(sql + len, cap - len, ")");
}

static void bind_list(sqlite3_stmt *st, char prefix, const char *const *list)
{
    char name[32];
    for (size_t i = 0; list[i]; i++) {
        snprintf(name, sizeof name, ":%c%zu", prefix, i);
        sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, name), list[i], -1, SQLITE_STATIC);
    }
}

/* Counts the fees of ips episodes per group (group_sql over METRIC_EPISODE_FROM).
 * Groups appear when they have an episode started or ended in P. */
static ips_error fee_count(const metric_ctx *ctx, const char *group_sql, fee_groups *out,
                           ips_diag *d)
{
    out->g = NULL;
    out->n = 0;
    const char *const *guid = ctx->q->guidance_reasons ? ctx->q->guidance_reasons
                                                       : funding_default_guidance_reasons;
    const char *const *outc = ctx->q->outcome_reasons ? ctx->q->outcome_reasons
                                                      : funding_default_outcome_reasons;
    size_t ng = list_len(guid), no = list_len(outc);
    size_t cap = 1024 + 16 * (ng + no);
    char *sql = malloc(cap);
    if (!sql)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    snprintf(sql, cap, "SELECT %s AS g,"
             " count(CASE WHEN e.start_date BETWEEN :p_start AND :p_end THEN 1 END),"
             " count(CASE WHEN e.end_date BETWEEN :p_start AND :p_end AND e.exit_reason ",
             group_sql);
    append_in_list(sql, cap, 'g', ng);
    strncat(sql, " THEN 1 END), count(CASE WHEN e.end_date BETWEEN :p_start AND :p_end"
            " AND e.exit_reason ", cap - strlen(sql) - 1);
    append_in_list(sql, cap, 'o', no);
    strncat(sql, " THEN 1 END)" METRIC_EPISODE_FROM
            "WHERE e.service = 'ips' AND (e.start_date BETWEEN :p_start AND :p_end"
            " OR e.end_date BETWEEN :p_start AND :p_end) GROUP BY g ORDER BY g",
            cap - strlen(sql) - 1);
    sqlite3_stmt *st;
    ips_error e = metric_ctx_prepare(ctx, sql, &st, d);
    free(sql);
    if (e != IPS_OK)
        return e;
    bind_list(st, 'g', guid);
    bind_list(st, 'o', outc);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        fee_group *g = realloc(out->g, (out->n + 1) * sizeof *g);
        if (!g) {
            sqlite3_finalize(st);
            return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        }
        out->g = g;
        g = &out->g[out->n++];
        const unsigned char *name = sqlite3_column_text(st, 0);
        snprintf(g->group, sizeof g->group, "%s", name ? (const char *)name : "");
        for (int f = 0; f < FEE__COUNT; f++)
            g->n[f] = sqlite3_column_int64(st, 1 + f);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return warehouse_fail(ctx->wh, d, "counting the funding fees");
    return IPS_OK;
}

static ips_error check_query_reasons(const metric_query *q, ips_diag *d)
{
    ips_error e = funding_reasons_check(q->guidance_reasons, "guidance fee exit reasons", d);
    if (e == IPS_OK)
        e = funding_reasons_check(q->outcome_reasons, "outcome fee exit reasons", d);
    return e;
}

static ips_error add_count(const metric_ctx *ctx, metric_set *out, const char *metric,
                           const char *group, long n, ips_diag *d)
{
    metric_row *r = metric_ctx_row(ctx, out, metric, MK_COUNT, group);
    if (!r)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    r->has = MH_VALUE;
    r->value = (double)n;
    return IPS_OK;
}

ips_error funding_compute(const metric_ctx *ctx, metric_set *out, ips_diag *d)
{
    ips_error e = check_query_reasons(ctx->q, d);
    if (e != IPS_OK)
        return e;
    fee_groups fg;
    e = fee_count(ctx, metric_group_sql(ctx->q->by), &fg, d);
    /* Without a breakdown the whole always has its row, zeros included. */
    if (e == IPS_OK && fg.n == 0 && ctx->q->by == GROUP_NONE)
        for (int f = 0; e == IPS_OK && f < FEE__COUNT; f++)
            e = add_count(ctx, out, fee_ids[f], "", 0, d);
    for (size_t i = 0; e == IPS_OK && i < fg.n; i++)
        for (int f = 0; e == IPS_OK && f < FEE__COUNT; f++)
            e = add_count(ctx, out, fee_ids[f], fg.g[i].group, fg.g[i].n[f], d);
    free(fg.g);
    return e;
}

/* ---- euro amounts ---------------------------------------------------- */

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

static metric_row *amount_row(const metric_ctx *ctx, metric_set *out, const char *metric,
                              const char *group_by, const char *group, bool known, double eur)
{
    metric_row *r = metric_ctx_row(ctx, out, metric, MK_WEIGHTED, group);
    if (!r)
        return NULL;
    snprintf(r->group_by, sizeof r->group_by, "%s", group_by);
    r->decimals = 2;
    if (known) {
        r->has = MH_VALUE;
        r->value = metric_round(eur, 2);
    }
    return r;
}

/* Rows for one group; counts[] are the (possibly suppressed) count rows. */
static ips_error add_amounts(const metric_ctx *ctx, metric_set *out, const char *group_by,
                             const fee_group *g, const fee_amounts *a,
                             const metric_row *const counts[FEE__COUNT], ips_diag *d)
{
    bool all_known = true, any_hidden = false;
    double total = 0;
    for (int f = 0; f < FEE__COUNT; f++) {
        metric_row *r = amount_row(ctx, out, eur_ids[f], group_by, g->group, a->known[f], a->eur[f]);
        if (!r)
            return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        r->has |= MH_NUMERATOR;
        r->numerator = (double)g->n[f];
        r->suppressed = counts[f]->suppressed;
        all_known = all_known && a->known[f];
        any_hidden = any_hidden || r->suppressed;
        total += a->eur[f];
    }
    metric_row *r = amount_row(ctx, out, "fee_total_eur", group_by, g->group, all_known, total);
    if (!r)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    r->suppressed = any_hidden;
    return IPS_OK;
}

/* The count rows of every provider and of the whole, suppressed as published. */
static ips_error count_rows(const metric_ctx *ctx, const fee_groups *fg, const fee_group *all,
                            metric_set *counts, ips_diag *d)
{
    ips_error e = IPS_OK;
    for (size_t i = 0; e == IPS_OK && i <= fg->n; i++) {
        const fee_group *g = i < fg->n ? &fg->g[i] : all;
        for (int f = 0; e == IPS_OK && f < FEE__COUNT; f++) {
            e = add_count(ctx, counts, fee_ids[f], g->group, g->n[f], d);
            if (e == IPS_OK && i == fg->n)
                counts->rows[counts->n - 1].group_by[0] = '\0';
        }
    }
    if (e == IPS_OK && !ctx->q->internal)
        metric_set_suppress(counts, ctx->q->min_cell);
    return e;
}

static ips_error amounts_rows(const metric_ctx *ctx, const funding_tariff *t, const fee_groups *fg,
                              metric_set *out, ips_diag *d)
{
    fee_group all;
    memset(&all, 0, sizeof all);
    fee_amounts sum = {.known = {true, true, true}};
    for (size_t i = 0; i < fg->n; i++) {
        fee_amounts a;
        amounts_of(t, &fg->g[i], &a);
        for (int f = 0; f < FEE__COUNT; f++) {
            all.n[f] += fg->g[i].n[f];
            sum.eur[f] += a.eur[f];
            sum.known[f] = sum.known[f] && a.known[f];
        }
    }
    metric_set *counts = metric_set_new();
    if (!counts)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    ips_error e = count_rows(ctx, fg, &all, counts, d);
    for (size_t i = 0; e == IPS_OK && i <= fg->n; i++) {
        const fee_group *g = i < fg->n ? &fg->g[i] : &all;
        const char *group_by = i < fg->n ? "provider" : "";
        const metric_row *c[FEE__COUNT];
        for (int f = 0; f < FEE__COUNT; f++)
            c[f] = metric_set_find(counts, fee_ids[f], group_by, g->group);
        fee_amounts a;
        if (i < fg->n)
            amounts_of(t, g, &a);
        e = add_amounts(ctx, out, group_by, g, i < fg->n ? &a : &sum, c, d);
    }
    metric_set_free(counts);
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
    metric_query byprov = *q;
    byprov.by = GROUP_PROVIDER;
    metric_ctx ctx;
    e = metric_ctx_init(&ctx, wh, &byprov, d);
    if (e != IPS_OK)
        return e;
    fee_groups fg;
    e = fee_count(&ctx, metric_group_sql(GROUP_PROVIDER), &fg, d);
    if (e == IPS_OK)
        e = amounts_rows(&ctx, t, &fg, out, d);
    free(fg.g);
    return e;
}
