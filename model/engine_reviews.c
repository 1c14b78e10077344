/* Engine: fidelity reviews over f->review_items — the review list that the
 * merged review (fidelity_merge.c) and the review totals (metrics.md R19)
 * read.
 *
 * A review's unit, date and reviewer are the maxima over its rows (byte
 * order, blanks ignored; the rows normally agree).  Totals rows only without
 * a breakdown, per review whose date lies in W, ordered by unit, date,
 * review_id; group_by "review", group = review_id. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/engine.h"
#include "common/intern.h"

/* One review: its item rows are f->review_items[first .. first + n). */
typedef struct {
    size_t first, n;
    const char *id;       /* review_id */
    const char *unit;     /* max(unit) */
    const char *reviewer; /* max(reviewer); NULL when every row is blank */
    ips_day date;         /* max(review_date) */
} eng_review;

/* ORDER BY unit, rd, review_id */
static int review_cmp(const void *a, const void *b)
{
    const eng_review *x = a, *y = b;
    int c = strcmp(x->unit, y->unit);
    if (c == 0)
        c = (x->date > y->date) - (x->date < y->date);
    return c ? c : strcmp(x->id, y->id);
}

/* The review whose rows start at i (the items are sorted by review_id). */
static eng_review review_at(const facts *f, size_t i)
{
    const fact_review_item *head = &f->review_items[i];
    eng_review r = {.first = i, .id = head->review_id, .unit = head->unit,
                    .reviewer = head->reviewer, .date = head->review_date};
    size_t j = i;
    for (; j < f->n_review_items && strcmp(f->review_items[j].review_id, r.id) == 0; j++) {
        const fact_review_item *it = &f->review_items[j];
        if (strcmp(it->unit, r.unit) > 0)
            r.unit = it->unit;
        if (it->reviewer && (!r.reviewer || strcmp(it->reviewer, r.reviewer) > 0))
            r.reviewer = it->reviewer;
        if (it->review_date != IPS_DAY_NONE &&
            (r.date == IPS_DAY_NONE || it->review_date > r.date))
            r.date = it->review_date;
    }
    r.n = j - i;
    return r;
}

/* The reviews named (review_id) or dated in [w_start, w_end], sorted by
 * unit, date, review_id; *out malloc'd (NULL when none). */
static ips_error select_reviews(const facts *f, ips_day w_start, ips_day w_end,
                                const char *review_id, eng_review **out, size_t *n, ips_diag *d)
{
    *out = NULL;
    *n = 0;
    eng_review *list = NULL;
    for (size_t i = 0; i < f->n_review_items;) {
        eng_review r = review_at(f, i);
        i += r.n;
        /* Nothing after A exists (R1): a review dated later is not shown,
         * not even by its id. */
        if (r.date != IPS_DAY_NONE && f->as_of != IPS_DAY_NONE && r.date > f->as_of)
            continue;
        if (review_id ? strcmp(r.id, review_id) != 0
                      : r.date == IPS_DAY_NONE || r.date < w_start || r.date > w_end)
            continue;
        eng_review *grown = realloc(list, (*n + 1) * sizeof *grown);
        if (!grown) {
            free(list);
            *n = 0;
            return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory reading fidelity reviews");
        }
        list = grown;
        list[(*n)++] = r;
    }
    if (*n > 1)
        qsort(list, *n, sizeof *list, review_cmp);
    *out = list;
    return IPS_OK;
}

/* Keeps the last review of each unit: sorted by unit, date, review_id, that
 * is the one with the latest date, then the greatest review_id. */
static void keep_latest(eng_review *list, size_t *n)
{
    size_t kept = 0;
    for (size_t i = 0; i < *n; i++)
        if (i + 1 == *n || strcmp(list[i].unit, list[i + 1].unit) != 0)
            list[kept++] = list[i];
    *n = kept;
}

void fidelity_review_totals(fidelity_review *r)
{
    r->total_low = r->total_high = r->items_rated = 0;
    for (int i = 0; i < FIDELITY_ITEMS; i++) {
        const fidelity_merged_item *it = &r->items[i];
        if (it->status != FID_STATUS_RATED)
            continue;
        r->total_low += it->score;
        r->total_high += it->score_high;
        r->items_rated++;
    }
    r->prorated_low = r->prorated_high = 0;
    r->band[0] = '\0';
    if (r->items_rated == 0)
        return;
    r->prorated_low = metric_round(r->total_low * 25.0 / r->items_rated, 1);
    r->prorated_high = metric_round(r->total_high * 25.0 / r->items_rated, 1);
    const char *lo = fidelity_total_band(r->total_low), *hi = fidelity_total_band(r->total_high);
    if (strcmp(lo, hi) == 0)
        snprintf(r->band, sizeof r->band, "%s", lo);
    else
        snprintf(r->band, sizeof r->band, "%s/%s", lo, hi);
}

/* r's head, items and totals; items without a row stay missing, items
 * outside 1..25 are ignored. */
static void fill_review(const facts *f, const eng_review *e, fidelity_review *r)
{
    memset(r, 0, sizeof *r);
    snprintf(r->review_id, sizeof r->review_id, "%s", e->id);
    snprintf(r->unit, sizeof r->unit, "%s", e->unit);
    snprintf(r->reviewer, sizeof r->reviewer, "%s", e->reviewer ? e->reviewer : "");
    r->review_date = e->date;
    for (int i = 0; i < FIDELITY_ITEMS; i++) {
        r->items[i].item = i + 1;
        r->items[i].section = fidelity_item_section(i + 1);
    }
    for (size_t i = e->first; i < e->first + e->n; i++) {
        const fact_review_item *row = &f->review_items[i];
        if (row->item < 1 || row->item > FIDELITY_ITEMS)
            continue;
        fidelity_merged_item *it = &r->items[row->item - 1];
        it->status = row->status == FR_RATED            ? FID_STATUS_RATED
                     : row->status == FR_NOT_APPLICABLE ? FID_STATUS_NOT_APPLICABLE
                                                        : FID_STATUS_NOT_RATED;
        if (it->status == FID_STATUS_RATED) {
            it->score = row->score;
            /* coalesce(score_high, score): a blank score_high loads as 0. */
            it->score_high = row->score_high ? row->score_high : row->score;
        }
    }
    fidelity_review_totals(r);
}

ips_error engine_review_list(const facts *f, ips_day w_start, ips_day w_end,
                             const char *review_id, bool latest, fidelity_review_list *out,
                             ips_diag *d)
{
    out->reviews = NULL;
    out->n = 0;
    eng_review *sel;
    size_t n;
    ips_error e = select_reviews(f, w_start, w_end, review_id, &sel, &n, d);
    if (e != IPS_OK)
        return e;
    if (latest && !review_id)
        keep_latest(sel, &n);
    if (n > 0 && !(out->reviews = calloc(n, sizeof *out->reviews)))
        e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory reading fidelity reviews");
    for (size_t i = 0; e == IPS_OK && i < n; i++)
        fill_review(f, &sel[i], &out->reviews[i]);
    if (e == IPS_OK)
        out->n = n;
    free(sel);
    return e;
}

static metric_row *review_row(const eng_ctx *ctx, metric_set *out, const char *metric,
                              metric_kind kind, const char *review_id)
{
    metric_row *row = eng_row(ctx, out, metric, kind, 0);
    if (row) {
        row->group_by = "review";
        row->group = ips_intern(review_id);
    }
    return row;
}

static bool emit_review(const eng_ctx *ctx, metric_set *out, const fidelity_review *r)
{
    const int counts[3] = {r->total_low, r->total_high, r->items_rated};
    static const char *const count_ids[3] = {"fidelity_total_low", "fidelity_total_high",
                                             "fidelity_items_rated"};
    for (int i = 0; i < 3; i++) {
        metric_row *row = review_row(ctx, out, count_ids[i], MK_COUNT, r->review_id);
        if (!row)
            return false;
        row->has = MH_VALUE;
        row->value = counts[i];
    }
    const double pro[2] = {r->prorated_low, r->prorated_high};
    static const char *const pro_ids[2] = {"fidelity_prorated_low", "fidelity_prorated_high"};
    for (int i = 0; i < 2; i++) {
        metric_row *row = review_row(ctx, out, pro_ids[i], MK_RATIO, r->review_id);
        if (!row)
            return false;
        row->decimals = 1;
        if (r->items_rated > 0) {
            row->has = MH_VALUE;
            row->value = pro[i];
        }
    }
    metric_row *row = review_row(ctx, out, "fidelity_band", MK_TEXT, r->review_id);
    if (!row)
        return false;
    row->text = ips_intern(r->band);
    if (r->band[0])
        row->has = MH_VALUE;
    return true;
}

ips_error engine_reviews(const eng_ctx *ctx, metric_set *out, ips_diag *d)
{
    if (ctx->by != GROUP_NONE)
        return IPS_OK; /* R19: review rows only without a breakdown */
    fidelity_review_list list;
    ips_error e = engine_review_list(ctx->f, ctx->w_start, ctx->w_end, NULL, false, &list, d);
    for (size_t i = 0; e == IPS_OK && i < list.n; i++)
        if (!emit_review(ctx, out, &list.reviews[i]))
            e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory computing review totals");
    free(list.reviews);
    return e;
}
