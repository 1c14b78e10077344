/* Outcomes: the last eight quarters side by side (with native charts of the
 * employment rate and of clients), the period's exit reasons, and the
 * period's employment figures with their numerators and denominators. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reports/sheets.h"
#include "reports/xlsx_safe.h"

/* Columns D.. of the quarter table; the charts refer to them by position. */
static const char *const quarter_metrics[] = {
    "caseload_active",    "enrollments_started",           "exits",
    "employment_rate",    "employment_at_exit",            "time_to_first_job_median_days",
    "employed_within_180_days",
};
#define Q_FIRST_METRIC_COL 3
#define Q_RATE_COL 6 /* employment_rate */

static const char *const period_metrics[] = {
    "caseload_active",          "employment_rate",          "employment_at_exit",
    "employed_at_exit_any",     "time_to_first_job_median_days", "employed_within_180_days",
    "employed_within_365_days", "job_tenure_median_days",   "hours_per_week_mean",
    "referral_wait_median_days",
};

#define N(a) (sizeof a / sizeof a[0])

static lxw_chart *chart_new(report_book *b, uint8_t type, label_id title)
{
    lxw_chart *chart = b->err == IPS_OK ? workbook_add_chart(b->wb, type) : NULL;
    if (!chart) {
        if (b->err == IPS_OK)
            book_nomem(b);
        return NULL;
    }
    chart_title_set_name(chart, rs_label(b, title));
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    return chart;
}

static bool series(report_book *b, lxw_chart *chart, const char *sheet, lxw_row_t first,
                   lxw_row_t last, lxw_col_t col, const char *name)
{
    lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
    if (!s)
        return book_nomem(b);
    char safe[128];
    xlsx_chart_name(name, safe, sizeof safe);
    chart_series_set_categories(s, sheet, first, 0, last, 0);
    chart_series_set_values(s, sheet, first, col, last, col);
    chart_series_set_name(s, safe);
    return true;
}

/* Beside the quarter table: the employment rate as a line, clients as columns. */
static void quarter_charts(rsheet *s, lxw_row_t first, lxw_row_t last)
{
    report_book *b = s->b;
    const char *sheet = label(L_SHEET_OUTCOMES, b->lang);
    lxw_chart *rate = chart_new(b, LXW_CHART_LINE, L_CHART_EMPLOYMENT_RATE);
    if (!rate ||
        !series(b, rate, sheet, first, last, Q_RATE_COL, definition_name("employment_rate", b->lang)))
        return;
    chart_axis_set_num_format(rate->y_axis, "0%");
    chart_axis_set_min(rate->y_axis, 0);
    lxw_col_t at = Q_FIRST_METRIC_COL + (lxw_col_t)N(quarter_metrics) + 1;
    book_check(b, worksheet_insert_chart(s->ws, 4, at, rate), sheet, 4, at);
    lxw_chart *clients = chart_new(b, LXW_CHART_COLUMN, L_CHART_CLIENTS);
    if (!clients)
        return;
    for (lxw_col_t c = 0; c < 3; c++)
        if (!series(b, clients, sheet, first, last, Q_FIRST_METRIC_COL + c,
                    definition_name(quarter_metrics[c], b->lang)))
            return;
    book_check(b, worksheet_insert_chart(s->ws, 20, at, clients), sheet, 20, at);
}

static void quarters(rsheet *s, const metric_set *const quarter[], const ips_day q_start[],
                     const ips_day q_end[], size_t nq)
{
    report_book *b = s->b;
    const char *hdr[3 + N(quarter_metrics)];
    hdr[0] = rs_label(b, L_COL_QUARTER);
    hdr[1] = rs_label(b, L_COL_START);
    hdr[2] = rs_label(b, L_COL_END);
    for (size_t i = 0; i < N(quarter_metrics); i++)
        hdr[3 + i] = definition_name(quarter_metrics[i], b->lang);
    rsheet_section(s, rs_label(b, L_TITLE_QUARTERS));
    rsheet_table(s, hdr, (int)N(hdr), true);
    lxw_row_t first = s->row;
    for (size_t q = 0; q < nq; q++) {
        lxw_row_t r = rsheet_row(s);
        char text[48];
        label_period(b->lang, q_start[q], q_end[q], b->opt->as_of, text, sizeof text);
        rsheet_text(s, r, 0, text);
        rsheet_date(s, r, 1, q_start[q]);
        rsheet_date(s, r, 2, metric_period_cut(q_end[q], b->opt->as_of)); /* R22 */
        for (size_t i = 0; i < N(quarter_metrics); i++)
            rsheet_metric(s, r, (lxw_col_t)(Q_FIRST_METRIC_COL + i),
                          sheet_whole(quarter[q], quarter_metrics[i]), MH_VALUE);
    }
    lxw_row_t last = s->row - 1;
    rsheet_table_end(s);
    if (nq > 0)
        quarter_charts(s, first, last);
}

/* Exit reasons in the contract's order, then any other code the data holds. */
static void exit_reasons(rsheet *s, const metric_set *by)
{
    report_book *b = s->b;
    const char *hdr[] = {rs_label(b, L_COL_EXIT_REASON), rs_label(b, L_COL_CODE),
                         definition_name("exits", b->lang)};
    static const char *const exits[] = {"exits", NULL};
    const metric_set *sets[] = {by};
    size_t n = 0;
    const char **codes = sheet_groups(sets, 1, "exit_reason", exits, &n);
    if (!codes) {
        book_nomem(b);
        return;
    }
    rsheet_section(s, rs_label(b, L_TITLE_EXIT_REASONS));
    if (n == 0)
        rsheet_note(s, rs_label(b, L_NO_DATA));
    rsheet_table(s, hdr, (int)N(hdr), false);
    size_t known = label_code_count(CODE_EXIT_REASON);
    for (size_t pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < (pass == 0 ? known : n); i++) {
            const char *code = pass == 0 ? label_code_at(CODE_EXIT_REASON, i) : codes[i];
            if (pass == 1 && label_code(CODE_EXIT_REASON, code, b->lang))
                continue; /* listed in the first pass */
            const metric_row *row = sheet_find(by, "exits", "exit_reason", code);
            if (!row)
                continue;
            lxw_row_t r = rsheet_row(s);
            rsheet_code(s, r, 0, CODE_EXIT_REASON, code);
            rsheet_text(s, r, 1, code);
            rsheet_metric(s, r, 2, row, MH_VALUE);
        }
    rsheet_table_end(s);
    free((void *)codes);
}

static void period_figures(rsheet *s, const metric_set *cur)
{
    const char *hdr[SHEET_METRIC_COLS];
    sheet_metric_headers(s->b, hdr);
    rsheet_section(s, rs_label(s->b, L_TITLE_PERIOD_OUTCOMES));
    rsheet_table(s, hdr, SHEET_METRIC_COLS, false);
    for (size_t i = 0; i < N(period_metrics); i++)
        sheet_metric_line(s, rsheet_row(s), 0, period_metrics[i],
                          sheet_whole(cur, period_metrics[i]));
    rsheet_table_end(s);
}

ips_error sheet_outcomes(report_book *b, const metric_set *const quarter[],
                         const ips_day q_start[], const ips_day q_end[], size_t nq,
                         const metric_set *cur, const metric_set *by_exit_reason)
{
    rsheet s;
    if (rsheet_open(b, &s, L_SHEET_OUTCOMES)) {
        quarters(&s, quarter, q_start, q_end, nq);
        exit_reasons(&s, by_exit_reason);
        period_figures(&s, cur);
    }
    return rsheet_close(&s);
}
