/* Fidelity review totals (metrics.md, R19): per review dated in W, with
 * group_by "review" and group = review_id, only without a breakdown:
 *   fidelity_total_low, fidelity_total_high   MK_COUNT  sums over rated items of
 *                                             score and of score_high (or score)
 *   fidelity_items_rated                      MK_COUNT
 *   fidelity_prorated_low, _high              MK_RATIO  total / rated × 25, one
 *                                             decimal half-up; blank when none rated
 *   fidelity_band                             MK_TEXT   "fair", "fair/good"; blank
 *                                             when none rated
 * The band comes from the raw totals, not the prorated ones.  A review's date
 * is the latest review_date on its rows (they normally agree).  Items a review
 * has no row for count as not rated.  The legacy SQL family; the merged
 * review reads the engine's list (engine_review_list). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/engine.h"
#include "model/fidelity_priv.h"

static fidelity_status parse_status(const unsigned char *s)
{
    if (!s)
        return FID_STATUS_MISSING;
    if (strcmp((const char *)s, "rated") == 0)
        return FID_STATUS_RATED;
    if (strcmp((const char *)s, "not_applicable") == 0)
        return FID_STATUS_NOT_APPLICABLE;
    return FID_STATUS_NOT_RATED;
}

static void copy_text(char *dst, size_t n, sqlite3_stmt *st, int col)
{
    const unsigned char *s = sqlite3_column_text(st, col);
    snprintf(dst, n, "%s", s ? (const char *)s : "");
}

static ips_error load_items(const metric_ctx *ctx, fidelity_review *r, ips_diag *d)
{
    for (int i = 0; i < FIDELITY_ITEMS; i++) {
        memset(&r->items[i], 0, sizeof r->items[i]);
        r->items[i].item = i + 1;
        r->items[i].section = fidelity_item_section(i + 1);
    }
    sqlite3_stmt *st;
    ips_error e = metric_ctx_prepare(ctx,
                                     "SELECT item, status, score, coalesce(score_high, score)"
                                     " FROM fidelity_reviews WHERE review_id = :rid",
                                     &st, d);
    if (e != IPS_OK)
        return e;
    sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":rid"), r->review_id, -1,
                      SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int item = sqlite3_column_int(st, 0);
        if (item < 1 || item > FIDELITY_ITEMS)
            continue;
        fidelity_merged_item *it = &r->items[item - 1];
        it->status = parse_status(sqlite3_column_text(st, 1));
        if (it->status == FID_STATUS_RATED) {
            it->score = sqlite3_column_int(st, 2);
            it->score_high = sqlite3_column_int(st, 3);
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return warehouse_fail(ctx->wh, d, "reading fidelity reviews");
    fidelity_review_totals(r);
    return IPS_OK;
}

/* One row per review: id, unit, date, reviewer. */
#define REVIEW_HEAD                                                             \
    "SELECT review_id, max(unit) AS unit, max(review_date) AS rd, max(reviewer) AS who"  \
    " FROM fidelity_reviews "

static const char *const by_id_sql = REVIEW_HEAD "WHERE review_id = :rid GROUP BY review_id";
static const char *const in_window_sql =
    REVIEW_HEAD "GROUP BY review_id HAVING rd >= :w_start AND rd <= :w_end ORDER BY unit, rd, review_id";
static const char *const latest_sql =
    "SELECT review_id, unit, rd, who FROM (SELECT *, row_number() OVER"
    " (PARTITION BY unit ORDER BY rd DESC, review_id DESC) AS rn FROM (" REVIEW_HEAD
    "GROUP BY review_id HAVING rd >= :w_start AND rd <= :w_end))"
    " WHERE rn = 1 ORDER BY unit, rd, review_id";

static ips_error add_review(fidelity_review_list *out, sqlite3_stmt *st, ips_diag *d)
{
    fidelity_review *grown = realloc(out->reviews, (out->n + 1) * sizeof *grown);
    if (!grown)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory reading fidelity reviews");
    out->reviews = grown;
    fidelity_review *r = &out->reviews[out->n++];
    memset(r, 0, sizeof *r);
    copy_text(r->review_id, sizeof r->review_id, st, 0);
    copy_text(r->unit, sizeof r->unit, st, 1);
    const unsigned char *rd = sqlite3_column_text(st, 2);
    if (!rd || !date_parse_iso((const char *)rd, &r->review_date))
        r->review_date = IPS_DAY_NONE;
    copy_text(r->reviewer, sizeof r->reviewer, st, 3);
    return IPS_OK;
}

ips_error fid_reviews_load(const metric_ctx *ctx, const char *review_id, bool latest,
                           fidelity_review_list *out, ips_diag *d)
{
    const char *sql = review_id ? by_id_sql : latest ? latest_sql : in_window_sql;
    sqlite3_stmt *st;
    ips_error e = metric_ctx_prepare(ctx, sql, &st, d);
    if (e != IPS_OK)
        return e;
    if (review_id)
        sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":rid"), review_id, -1,
                          SQLITE_STATIC);
    int rc;
    while (e == IPS_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
        e = add_review(out, st, d);
    sqlite3_finalize(st);
    if (e != IPS_OK)
        return e;
    if (rc != SQLITE_DONE)
        return warehouse_fail(ctx->wh, d, "reading fidelity reviews");
    for (size_t i = 0; e == IPS_OK && i < out->n; i++)
        e = load_items(ctx, &out->reviews[i], d);
    return e;
}

static metric_row *review_row(const metric_ctx *ctx, metric_set *out, const char *metric,
                              metric_kind kind, const fidelity_review *r)
{
    metric_row *row = metric_ctx_row(ctx, out, metric, kind, r->review_id);
    if (row)
        snprintf(row->group_by, sizeof row->group_by, "review");
    return row;
}

static bool count_row(const metric_ctx *ctx, metric_set *out, const char *metric,
                      const fidelity_review *r, int value)
{
    metric_row *row = review_row(ctx, out, metric, MK_COUNT, r);
    if (!row)
        return false;
    row->has = MH_VALUE;
    row->value = value;
    return true;
}

static bool prorated_row(const metric_ctx *ctx, metric_set *out, const char *metric,
                         const fidelity_review *r, double value)
{
    metric_row *row = review_row(ctx, out, metric, MK_RATIO, r);
    if (!row)
        return false;
    row->decimals = 1;
    if (r->items_rated > 0) {
        row->has = MH_VALUE;
        row->value = value;
    }
    return true;
}

static bool emit_review(const metric_ctx *ctx, metric_set *out, const fidelity_review *r)
{
    if (!count_row(ctx, out, "fidelity_total_low", r, r->total_low) ||
        !count_row(ctx, out, "fidelity_total_high", r, r->total_high) ||
        !count_row(ctx, out, "fidelity_items_rated", r, r->items_rated) ||
        !prorated_row(ctx, out, "fidelity_prorated_low", r, r->prorated_low) ||
        !prorated_row(ctx, out, "fidelity_prorated_high", r, r->prorated_high))
        return false;
    metric_row *row = review_row(ctx, out, "fidelity_band", MK_TEXT, r);
    if (!row)
        return false;
    snprintf(row->text, sizeof row->text, "%s", r->band);
    if (r->band[0])
        row->has = MH_VALUE;
    return true;
}

ips_error reviews_compute(const metric_ctx *ctx, metric_set *out, ips_diag *d)
{
    if (ctx->q->by != GROUP_NONE)
        return IPS_OK; /* R19: review rows only without a breakdown */
    fidelity_review_list list = {0};
    ips_error e = fid_reviews_load(ctx, NULL, false, &list, d);
    for (size_t i = 0; e == IPS_OK && i < list.n; i++)
        if (!emit_review(ctx, out, &list.reviews[i]))
            e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory computing review totals");
    free(list.reviews);
    return e;
}
