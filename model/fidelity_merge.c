/* The merged review (fidelity.h): each reviewer's item scores beside the
 * scores computed from data for the same window, and where they part. */
#include <stdlib.h>
#include <string.h>

#include "model/fidelity_priv.h"

/* How far the data score lies outside the reviewer's score..score_high. */
static int gap(const fidelity_merged_item *it)
{
    if (it->data_score < it->score)
        return it->score - it->data_score;
    if (it->data_score > it->score_high)
        return it->data_score - it->score_high;
    return 0;
}

/* Data scores of one review from the rows of set for group. */
static void fill_scores(fidelity_review *r, const metric_set *set, const char *group)
{
    for (int i = 0; i < FIDELITY_ITEMS; i++) {
        fidelity_merged_item *it = &r->items[i];
        const char *metric = fidelity_score_metric(it->item);
        const metric_row *row = metric ? metric_set_find(set, metric, NULL, group) : NULL;
        it->data_score = row && (row->has & MH_SCORE) && !row->suppressed ? row->score : 0;
        it->differs = it->status == FID_STATUS_RATED && it->data_score > 0 && gap(it) >= 2;
    }
}

static ips_error is_provider(const metric_ctx *ctx, const char *unit, bool *out, ips_diag *d)
{
    sqlite3_stmt *st;
    ips_error e = metric_ctx_prepare(
        ctx, "SELECT EXISTS (SELECT 1 FROM coaches WHERE provider_id = :unit)", &st, d);
    if (e != IPS_OK)
        return e;
    sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":unit"), unit, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    *out = rc == SQLITE_ROW && sqlite3_column_int(st, 0) != 0;
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW)
        return warehouse_fail(ctx->wh, d, "reading fidelity reviews");
    return IPS_OK;
}

/* Fidelity item rows for q with breakdown by (suppressed like the report's
 * other figures unless q->internal). */
static ips_error data_rows(warehouse *wh, const metric_query *q, metric_group by,
                           metric_set **out, ips_diag *d)
{
    metric_query qb = *q;
    qb.by = by;
    metric_ctx ctx;
    *out = metric_set_new();
    if (!*out)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory computing fidelity items");
    ips_error e = metric_ctx_init(&ctx, wh, &qb, d);
    if (e == IPS_OK)
        e = fidelity_items_compute(&ctx, *out, d);
    if (e == IPS_OK && !q->internal)
        metric_set_suppress(*out, q->min_cell);
    return e;
}

static ips_error merge_scores(warehouse *wh, const metric_query *q, fidelity_review_list *list,
                              const metric_ctx *ctx, ips_diag *d)
{
    metric_set *whole = NULL, *prov = NULL;
    ips_error e = data_rows(wh, q, GROUP_NONE, &whole, d);
    for (size_t i = 0; e == IPS_OK && i < list->n; i++) {
        fidelity_review *r = &list->reviews[i];
        e = is_provider(ctx, r->unit, &r->data_for_provider, d);
        if (e == IPS_OK && r->data_for_provider && !prov)
            e = data_rows(wh, q, GROUP_PROVIDER, &prov, d);
        if (e == IPS_OK)
            fill_scores(r, r->data_for_provider ? prov : whole,
                        r->data_for_provider ? r->unit : "");
    }
    metric_set_free(whole);
    metric_set_free(prov);
    return e;
}

ips_error fidelity_review_merge(warehouse *wh, const metric_query *q, const char *review_id,
                                fidelity_review_list **out, ips_diag *d)
{
    *out = NULL;
    if (q->start == IPS_DAY_NONE || q->end == IPS_DAY_NONE || q->end < q->start)
        return ips_diag_set(d, IPS_ERR_PERIOD, "no valid period given");
    fidelity_review_list *list = calloc(1, sizeof *list);
    if (!list)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory reading fidelity reviews");
    metric_query q0 = *q;
    q0.by = GROUP_NONE;
    metric_ctx ctx;
    ips_error e = metric_ctx_init(&ctx, wh, &q0, d);
    if (e == IPS_OK)
        e = fid_reviews_load(&ctx, review_id, true, list, d);
    if (e == IPS_OK && list->n > 0)
        e = merge_scores(wh, &q0, list, &ctx, d);
    if (e != IPS_OK) {
        fidelity_review_list_free(list);
        return e;
    }
    *out = list;
    return IPS_OK;
}

void fidelity_review_list_free(fidelity_review_list *list)
{
    if (!list)
        return;
    free(list->reviews);
    free(list);
}
