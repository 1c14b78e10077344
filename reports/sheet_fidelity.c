/* Fidelity: the 25 quality criteria, item by item, for each review in the
 * window: the reviewer's score beside the score computed from the data for
 * the same unit, the data's value with its numerator and denominator, and a
 * mark where the two scores differ by 2 or more (metrics.md, merged review).
 *
 * The data side comes from metric rows: the reviewed unit's rows when it is
 * a provider or team of the breakdowns, else the whole data.  Without
 * reviews the sheet still lists the 25 items with the data's scores. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reports/sheets.h"

enum {
    C_REVIEW, C_UNIT, C_DATE, C_ITEM, C_NAME, C_REV_SCORE, C_REV_HIGH, C_DATA_SCORE, C_VALUE,
    C_NUM, C_DEN, C_DIFFERS, C_METRIC, C_COUNT
};

/* Where a unit's data rows are: a set and the group_by/group to look for. */
typedef struct {
    const metric_set *set;
    const char *group_by;
    const char *group;
} unit_rows;

static unit_rows rows_for_unit(const char *unit, const metric_set *cur,
                               const metric_set *by_provider, const metric_set *by_team)
{
    const metric_set *sets[] = {by_provider, by_team};
    const char *names[] = {"provider", "team"};
    for (int i = 0; unit && *unit && i < 2; i++)
        for (size_t k = 0; sets[i] && k < sets[i]->n; k++)
            if (strcmp(sets[i]->rows[k].group_by, names[i]) == 0 &&
                strcmp(sets[i]->rows[k].group, unit) == 0)
                return (unit_rows){sets[i], names[i], unit};
    return (unit_rows){cur, "", ""};
}

/* The row that scores an item: the first of the item's metrics that carries
 * a score, else the first present. */
static const metric_row *item_row(int item, unit_rows u)
{
    const metric_row *first = NULL;
    for (size_t i = 0, n = definition_count(); i < n; i++) {
        const metric_def *def = definition_at(i);
        if (def->item != item)
            continue;
        const metric_row *r = sheet_find(u.set, def->id, u.group_by, u.group);
        if (r && (r->has & MH_SCORE))
            return r;
        if (r && !first)
            first = r;
    }
    return first;
}

static void reviewer_cells(rsheet *s, lxw_row_t r, const report_review_item *it)
{
    report_book *b = s->b;
    switch (it->status) {
    case RI_RATED:
        rsheet_number(s, r, C_REV_SCORE, it->score, b->f.num[0]);
        if (it->score_high > it->score)
            rsheet_number(s, r, C_REV_HIGH, it->score_high, b->f.num[0]);
        break;
    case RI_NOT_APPLICABLE:
        rsheet_text(s, r, C_REV_SCORE, rs_label(b, L_NOT_APPLICABLE));
        break;
    case RI_NOT_RATED:
        rsheet_text(s, r, C_REV_SCORE, rs_label(b, L_NOT_RATED));
        break;
    case RI_NONE:
        break;
    }
}

static bool differs(const report_review_item *it, const metric_row *data)
{
    if (!it || it->status != RI_RATED || !data || !(data->has & MH_SCORE) || data->suppressed ||
        data->score < 1)
        return false;
    int high = it->score_high > it->score ? it->score_high : it->score;
    return data->score <= it->score - 2 || data->score >= high + 2;
}

static void item_line(rsheet *s, const report_inputs *in, const report_review *rev, int item,
                      unit_rows u)
{
    report_book *b = s->b;
    lxw_row_t r = rsheet_row(s);
    const report_review_item *it = rev ? &rev->items[item] : NULL;
    const metric_row *data = item_row(item, u);
    if (rev) {
        rsheet_text(s, r, C_REVIEW, rev->review_id);
        rsheet_text(s, r, C_UNIT, rev->unit);
        rsheet_date(s, r, C_DATE, rev->review_date);
    }
    rsheet_number(s, r, C_ITEM, item, b->f.num[0]);
    char name[64];
    const char *known = in ? in->item_names[item] : NULL;
    rsheet_text(s, r, C_NAME, known ? known : label_subst(rs_label(b, L_ITEM_N), item, name, sizeof name));
    if (it)
        reviewer_cells(s, r, it);
    if (data) {
        rsheet_metric(s, r, C_DATA_SCORE, data, MH_SCORE);
        rsheet_metric(s, r, C_VALUE, data, MH_VALUE);
        rsheet_metric(s, r, C_NUM, data, MH_NUMERATOR);
        rsheet_metric(s, r, C_DEN, data, MH_DENOMINATOR);
        rsheet_text(s, r, C_METRIC, data->metric);
    }
    if (differs(it, data))
        rsheet_text_fmt(s, r, C_DIFFERS, rs_label(b, L_YES), b->f.flag);
}

ips_error sheet_fidelity(report_book *b, const metric_set *cur, const metric_set *by_provider,
                         const metric_set *by_team, const report_inputs *in)
{
    rsheet s;
    if (!rsheet_open(b, &s, L_SHEET_FIDELITY))
        return rsheet_close(&s);
    const char *hdr[C_COUNT] = {
        [C_REVIEW] = rs_label(b, L_COL_REVIEW),
        [C_UNIT] = rs_label(b, L_COL_REVIEWED_UNIT),
        [C_DATE] = rs_label(b, L_COL_REVIEW_DATE),
        [C_ITEM] = rs_label(b, L_COL_ITEM),
        [C_NAME] = rs_label(b, L_COL_ITEM_NAME),
        [C_REV_SCORE] = rs_label(b, L_COL_REVIEWER_SCORE),
        [C_REV_HIGH] = rs_label(b, L_COL_REVIEWER_SCORE_HIGH),
        [C_DATA_SCORE] = rs_label(b, L_COL_DATA_SCORE),
        [C_VALUE] = rs_label(b, L_COL_DATA_VALUE),
        [C_NUM] = rs_label(b, L_COL_NUMERATOR),
        [C_DEN] = rs_label(b, L_COL_DENOMINATOR),
        [C_DIFFERS] = rs_label(b, L_COL_DIFFERS),
        [C_METRIC] = rs_label(b, L_COL_ID),
    };
    rsheet_note(&s, rs_label(b, L_DATA_SCORE_NOTE));
    size_t nrev = in ? in->n_reviews : 0;
    if (nrev == 0)
        rsheet_note(&s, rs_label(b, L_NO_REVIEWS));
    rsheet_table(&s, hdr, C_COUNT, true);
    for (size_t i = 0; i < (nrev ? nrev : 1); i++) {
        const report_review *rev = nrev ? &in->reviews[i] : NULL;
        unit_rows u = rows_for_unit(rev ? rev->unit : NULL, cur, by_provider, by_team);
        for (int item = 1; item <= REPORT_ITEMS; item++)
            item_line(&s, in, rev, item, u);
    }
    return rsheet_close(&s);
}
