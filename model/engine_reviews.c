/* Engine: fidelity review totals (metrics.md R19), the port of
 * model/reviews.c over f->review_items.  Rows only without a breakdown, per
 * review whose date (the latest review_date on its rows) lies in W, ordered
 * by unit, date, review_id; group_by "review", group = review_id. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/engine.h"
#include "model/fidelity.h"
#include "model/metric_ctx.h"

/* One review: its item rows are f->review_items[first .. first + n). */
typedef struct {
    size_t first, n;
    const char *id;     /* review_id */
    const char *unit;   /* max(unit) over its rows, as SQL's max() */
    ips_day date;       /* max(review_date) */
} eng_review;

typedef struct {
    int total_low, total_high, rated;
    double prorated_low, prorated_high;
    char band[32];
} review_sums;

/* ORDER BY unit, rd, review_id */
static int review_cmp(const void *a, const void *b)
{
    const eng_review *x = a, *y = b;
    int c = strcmp(x->unit, y->unit);
    if (c == 0)
        c = (x->date > y->date) - (x->date < y->date);
    return c ? c : strcmp(x->id, y->id);
}

/* The reviews dated in W; *out malloc'd (NULL when none). */
static ips_error reviews_in_window(const eng_ctx *ctx, eng_review **out, size_t *n, ips_diag *d)
{
    const facts *f = ctx->f;
    *out = NULL;
    *n = 0;
    eng_review *list = NULL;
    for (size_t i = 0; i < f->n_review_items;) {
        const fact_review_item *head = &f->review_items[i];
        eng_review r = {.first = i, .id = head->review_id, .unit = head->unit,
                        .date = head->review_date};
        size_t j = i;
        for (; j < f->n_review_items && strcmp(f->review_items[j].review_id, r.id) == 0; j++) {
            const fact_review_item *it = &f->review_items[j];
            if (strcmp(it->unit, r.unit) > 0)
                r.unit = it->unit;
            if (it->review_date != IPS_DAY_NONE &&
                (r.date == IPS_DAY_NONE || it->review_date > r.date))
                r.date = it->review_date;
        }
        r.n = j - i;
        i = j;
        if (r.date == IPS_DAY_NONE || r.date < ctx->w_start || r.date > ctx->w_end)
            continue;
        eng_review *grown = realloc(list, (*n + 1) * sizeof *grown);
        if (!grown) {
            free(list);
            *n = 0;
            return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory computing review totals");
        }
        list = grown;
        list[(*n)++] = r;
    }
    if (*n > 1)
        qsort(list, *n, sizeof *list, review_cmp);
    *out = list;
    return IPS_OK;
}

/* Totals, proration and band as reviews.c's review_totals(): items outside
 * 1..25 are ignored, a later row of the same item replaces an earlier one. */
static void review_totals(const facts *f, const eng_review *r, review_sums *s)
{
    const fact_review_item *by_item[FIDELITY_ITEMS] = {0};
    for (size_t i = r->first; i < r->first + r->n; i++) {
        const fact_review_item *it = &f->review_items[i];
        if (it->item >= 1 && it->item <= FIDELITY_ITEMS)
            by_item[it->item - 1] = it;
    }
    memset(s, 0, sizeof *s);
    for (int i = 0; i < FIDELITY_ITEMS; i++) {
        const fact_review_item *it = by_item[i];
        if (!it || it->status != FR_RATED)
            continue;
        s->total_low += it->score;
        /* coalesce(score_high, score): a blank score_high loads as 0. */
        s->total_high += it->score_high ? it->score_high : it->score;
        s->rated++;
    }
    if (s->rated == 0)
        return;
    s->prorated_low = metric_round(s->total_low * 25.0 / s->rated, 1);
    s->prorated_high = metric_round(s->total_high * 25.0 / s->rated, 1);
    const char *lo = fidelity_total_band(s->total_low), *hi = fidelity_total_band(s->total_high);
    if (strcmp(lo, hi) == 0)
        snprintf(s->band, sizeof s->band, "%s", lo);
    else
        snprintf(s->band, sizeof s->band, "%s/%s", lo, hi);
}

static metric_row *review_row(const eng_ctx *ctx, metric_set *out, const char *metric,
                              metric_kind kind, const char *review_id)
{
    metric_row *row = eng_row(ctx, out, metric, kind, 0);
    if (row) {
        snprintf(row->group_by, sizeof row->group_by, "review");
        snprintf(row->group, sizeof row->group, "%s", review_id);
    }
    return row;
}

static bool emit_review(const eng_ctx *ctx, metric_set *out, const char *id, const review_sums *s)
{
    const int counts[3] = {s->total_low, s->total_high, s->rated};
    static const char *const count_ids[3] = {"fidelity_total_low", "fidelity_total_high",
                                             "fidelity_items_rated"};
    for (int i = 0; i < 3; i++) {
        metric_row *row = review_row(ctx, out, count_ids[i], MK_COUNT, id);
        if (!row)
            return false;
        row->has = MH_VALUE;
        row->value = counts[i];
    }
    const double pro[2] = {s->prorated_low, s->prorated_high};
    static const char *const pro_ids[2] = {"fidelity_prorated_low", "fidelity_prorated_high"};
    for (int i = 0; i < 2; i++) {
        metric_row *row = review_row(ctx, out, pro_ids[i], MK_RATIO, id);
        if (!row)
            return false;
        row->decimals = 1;
        if (s->rated > 0) {
            row->has = MH_VALUE;
            row->value = pro[i];
        }
    }
    metric_row *row = review_row(ctx, out, "fidelity_band", MK_TEXT, id);
    if (!row)
        return false;
    snprintf(row->text, sizeof row->text, "%s", s->band);
    if (s->band[0])
        row->has = MH_VALUE;
    return true;
}

ips_error engine_reviews(const eng_ctx *ctx, metric_set *out, ips_diag *d)
{
    if (ctx->by != GROUP_NONE)
        return IPS_OK; /* R19: review rows only without a breakdown */
    eng_review *list;
    size_t n;
    ips_error e = reviews_in_window(ctx, &list, &n, d);
    for (size_t i = 0; e == IPS_OK && i < n; i++) {
        review_sums s;
        review_totals(ctx->f, &list[i], &s);
        if (!emit_review(ctx, out, list[i].id, &s))
            e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory computing review totals");
    }
    free(list);
    return e;
}
