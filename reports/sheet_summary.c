/* Summary: the period's key figures beside the previous period's and the
 * change, the fidelity reviews' totals and band, a native chart of the key
 * shares, and the PNG charts from charts/ when given.
 *
 * Columns: A name, B period, C previous period, D change, E unit, F id. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <math.h>

#include "reports/report_images.h"
#include "reports/sheets.h"
#include "reports/xlsx_safe.h"

static const char *const counts[] = {"caseload_active", "enrollments_started", "exits"};
/* Charted together: keep them one block of rows. */
static const char *const shares[] = {
    "employment_rate",          "employment_at_exit",       "employed_at_exit_any",
    "employed_within_180_days", "employed_within_365_days", "first_employer_contact_within_30",
};
static const char *const others[] = {
    "time_to_first_job_median_days", "job_tenure_median_days",   "referral_wait_median_days",
    "first_employer_contact_mean_days", "hours_per_week_mean", "caseload_per_fte",
    "employer_contacts_per_week",
};
static const char *const review_metrics[] = {
    "fidelity_total_low", "fidelity_total_high", "fidelity_prorated_low",
    "fidelity_prorated_high", "fidelity_items_rated", "fidelity_band",
};

#define N(a) (sizeof a / sizeof a[0])

static void change_cell(rsheet *s, lxw_row_t r, const metric_row *cur, const metric_row *prev)
{
    report_book *b = s->b;
    double a, p;
    if (cur && prev && (cur->suppressed || prev->suppressed)) {
        /* A change from a hidden figure would tell it: "–", never blank. */
        rsheet_text_fmt(s, r, 3, "\xE2\x80\x93", b->f.suppressed);
        return;
    }
    if (!cur || !prev || !rsheet_metric_number(b, cur, &a) || !rsheet_metric_number(b, prev, &p))
        return;
    int d = cur->decimals < 0 ? 0 : cur->decimals >= RS_DECIMALS ? RS_DECIMALS - 1 : cur->decimals;
    /* Rounded to the digits shown, so the cell holds 7.0 and not 7.000000000000001. */
    double scale = pow(10.0, d);
    if (definition_row_is_percent(cur))
        rsheet_number(s, r, 3, round((a - p) * 100.0 * scale) / scale,
                      b->f.change_pp[d]); /* percentage points */
    else
        rsheet_number(s, r, 3, round((a - p) * scale) / scale, b->f.change[d]);
}

static void figure(rsheet *s, const char *name, const char *id, const metric_row *cur,
                   const metric_row *prev)
{
    lxw_row_t r = rsheet_row(s);
    const metric_def *def = definition_find(id);
    rsheet_text(s, r, 0, name);
    rsheet_metric(s, r, 1, cur, MH_VALUE);
    rsheet_metric(s, r, 2, prev, MH_VALUE);
    change_cell(s, r, cur, prev);
    if (def)
        rsheet_text(s, r, 4, rs_label(s->b, definition_unit_label(def->unit)));
    rsheet_text(s, r, 5, id);
}

static void figures(rsheet *s, const char *const *ids, size_t n, const metric_set *cur,
                    const metric_set *prev)
{
    for (size_t i = 0; i < n; i++)
        figure(s, definition_name(ids[i], s->b->lang), ids[i], sheet_whole(cur, ids[i]),
               sheet_whole(prev, ids[i]));
}

static const char *review_unit(const report_inputs *in, const char *review_id)
{
    for (size_t i = 0; in && i < in->n_reviews; i++)
        if (in->reviews[i].review_id && strcmp(in->reviews[i].review_id, review_id) == 0)
            return in->reviews[i].unit;
    return NULL;
}

/* One block per review in the window: totals, prorated totals, band. */
static void reviews(rsheet *s, const metric_set *cur, const metric_set *prev,
                    const report_inputs *in)
{
    const metric_set *sets[] = {cur};
    size_t n = 0;
    const char **ids = sheet_groups(sets, 1, "review", NULL, &n);
    if (!ids) {
        book_nomem(s->b);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const char *unit = review_unit(in, ids[i]);
        for (size_t k = 0; k < N(review_metrics); k++) {
            char name[256];
            snprintf(name, sizeof name, "%s \xE2\x80\x93 %s", definition_name(review_metrics[k], s->b->lang),
                     unit && *unit ? unit : ids[i]);
            figure(s, name, review_metrics[k], sheet_find(cur, review_metrics[k], "review", ids[i]),
                   sheet_find(prev, review_metrics[k], "review", ids[i]));
        }
    }
    free((void *)ids);
}

/* How each series reads on a grey print as well as in colour: the period
 * solid dark, the comparison period pale with a diagonal hatch. */
static void series_look(lxw_chart_series *series, int which)
{
    lxw_chart_line border = {.color = 0x1F1F1F, .width = 0.75};
    if (which == 0) {
        lxw_chart_fill fill = {.color = 0x0072B2};
        chart_series_set_fill(series, &fill);
    } else {
        lxw_chart_pattern pattern = {.type = LXW_CHART_PATTERN_WIDE_UPWARD_DIAGONAL,
                                     .fg_color = 0x1F1F1F, .bg_color = 0xFFFFFF};
        chart_series_set_pattern(series, &pattern);
    }
    chart_series_set_line(series, &border);
}

static void share_chart(rsheet *s, lxw_row_t first, lxw_row_t last, const char *const hdr[])
{
    report_book *b = s->b;
    if (b->err != IPS_OK)
        return;
    const char *sheet = label(L_SHEET_SUMMARY, b->lang);
    /* Bars across: the long metric names read along the category axis
     * instead of being squeezed under narrow columns. */
    lxw_chart *chart = workbook_add_chart(b->wb, LXW_CHART_BAR);
    if (!chart) {
        book_nomem(b);
        return;
    }
    for (lxw_col_t c = 1; c <= 2; c++) {
        lxw_chart_series *series = chart_add_series(chart, NULL, NULL);
        if (!series) {
            book_nomem(b);
            return;
        }
        char name[128];
        xlsx_chart_name(hdr[c], name, sizeof name);
        chart_series_set_categories(series, sheet, first, 0, last, 0);
        chart_series_set_values(series, sheet, first, c, last, c);
        chart_series_set_name(series, name);
        series_look(series, (int)c - 1);
    }
    chart_title_set_name(chart, rs_label(b, L_CHART_KEY_SHARES));
    /* A bar chart swaps the axes: x is the values, y the categories. */
    chart_axis_set_num_format(chart->x_axis, "0%");
    chart_axis_set_min(chart->x_axis, 0);
    chart_axis_set_reverse(chart->y_axis); /* the table's order, top down */
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    lxw_chart_options opt = {.x_scale = 1.6, .y_scale = 1.9};
    book_check(b, worksheet_insert_chart_opt(s->ws, 4, 7, chart, &opt), sheet, 4, 7);
}

static void pictures(rsheet *s)
{
    report_book *b = s->b;
    const report_options *o = b->opt;
    if (o->n_summary_pngs == 0 || b->err != IPS_OK)
        return;
    rsheet_section(s, rs_label(b, L_TITLE_CHARTS));
    lxw_row_t used = 0;
    ips_error e = report_insert_pngs(s->ws, s->row, 0, o->summary_pngs, o->n_summary_pngs, &used, b->d);
    if (e != IPS_OK)
        b->err = e;
    s->row += used;
}

ips_error sheet_summary(report_book *b, const metric_set *cur, const metric_set *prev,
                        const report_inputs *in)
{
    rsheet s;
    if (!rsheet_open(b, &s, L_SHEET_SUMMARY))
        return rsheet_close(&s);
    char now[96], before[96], period[48];
    label_period(b->lang, b->opt->start, b->opt->end, b->opt->as_of, period, sizeof period);
    snprintf(now, sizeof now, "%s %s", rs_label(b, L_COL_CURRENT), period);
    label_period(b->lang, b->opt->prev_start, b->opt->prev_end, b->opt->as_of, period, sizeof period);
    snprintf(before, sizeof before, "%s %s", rs_label(b, L_COL_PREVIOUS), period);
    const char *hdr[] = {rs_label(b, L_COL_METRIC), now, before, rs_label(b, L_COL_CHANGE),
                         rs_label(b, L_COL_UNIT), rs_label(b, L_COL_ID)};
    rsheet_section(&s, rs_label(b, L_TITLE_KEY_FIGURES));
    rsheet_table(&s, hdr, (int)N(hdr), true);
    figures(&s, counts, N(counts), cur, prev);
    lxw_row_t first = s.row;
    figures(&s, shares, N(shares), cur, prev);
    lxw_row_t last = s.row - 1;
    figures(&s, others, N(others), cur, prev);
    reviews(&s, cur, prev, in);
    rsheet_table_end(&s);
    share_chart(&s, first, last, hdr);
    if (in)
        sheet_summary_comparisons(&s, in);
    /* The comparisons make the sheet wide: one page across, landscape. */
    worksheet_set_landscape(s.ws);
    worksheet_fit_to_pages(s.ws, 1, 0);
    pictures(&s);
    return rsheet_close(&s);
}
