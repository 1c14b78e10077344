/* Summary: the comparisons and targets beside each headline figure, as the
 * model's publication gives them (model/publication.h): this period, a year
 * earlier, the year to date, the last four quarters, since the start, the
 * target and the difference from it.  Nothing is computed here.
 *
 * Columns: A name, B–F the periods, G target, H difference, I target from,
 * J unit.  The difference carries ▲ or ▼ so that it reads without colour. */
#include <stdio.h>
#include <string.h>

#include "reports/sheets.h"

/* The native chart stands at row 5, column H, about 19 rows tall (1.3 ×
 * 288 px at 20 px a row): the table starts below it. */
#define BELOW_CHART 26

static lxw_format *arrow_format(report_book *b, int decimals, bool pp)
{
    static const char *const zeros[RS_DECIMALS] = {"", ".0", ".00", ".000"};
    const char *z = zeros[decimals < 0 ? 0 : decimals >= RS_DECIMALS ? RS_DECIMALS - 1 : decimals];
    char unit[32] = "";
    if (pp)
        snprintf(unit, sizeof unit, "\" %s\"", rs_label(b, L_UNIT_PP));
    char buf[160];
    snprintf(buf, sizeof buf,
             "\"\xE2\x96\xB2 \"+#,##0%s%s;\"\xE2\x96\xBC \"-#,##0%s%s;\"= \"0%s%s", z, unit, z,
             unit, z, unit);
    lxw_format *f = workbook_add_format(b->wb);
    if (f) {
        format_set_num_format(f, buf);
        format_set_align(f, LXW_ALIGN_RIGHT);
    } else {
        book_nomem(b);
    }
    return f;
}

static void project_lines(rsheet *s, const report_inputs *in)
{
    const struct {
        label_id id;
        const char *text;
    } lines[] = {
        {L_PROJECT_NAME, in->project_name},
        {L_PROJECT_CODE, in->project_code},
        {L_PROJECT_FUNDER, in->project_funder},
    };
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        if (!*lines[i].text)
            continue;
        char buf[256];
        snprintf(buf, sizeof buf, "%s: %s", rs_label(s->b, lines[i].id), lines[i].text);
        rsheet_note(s, buf);
    }
}

static void target_cells(rsheet *s, lxw_row_t r, const pub_comparison *c)
{
    report_book *b = s->b;
    const metric_row *now = &c->col[PC_NOW];
    if (c->target_source == PT_NONE || !now->metric[0])
        return;
    bool pct = definition_row_is_percent(now);
    rsheet_number(s, r, 6, pct ? c->target / 100.0 : c->target, rsheet_value_format(b, now));
    if (c->has_diff) {
        lxw_format *f = arrow_format(b, now->decimals, pct);
        if (f)
            rsheet_number(s, r, 7, c->diff, f);
    }
    /* indented, so that it does not run into the right-aligned difference */
    lxw_format *f = workbook_add_format(b->wb);
    if (!f) {
        book_nomem(b);
        return;
    }
    format_set_indent(f, 1);
    rsheet_text_fmt(s, r, 8,
                    rs_label(b, c->target_source == PT_PROJECT ? L_CMP_SRC_PROJECT : L_CMP_SRC_BENCH),
                    f);
}

void sheet_summary_comparisons(rsheet *s, const report_inputs *in)
{
    report_book *b = s->b;
    const pub_comparisons *cmp = &in->cmp;
    if (!cmp->n || b->err != IPS_OK)
        return;
    if (s->row < BELOW_CHART)
        s->row = BELOW_CHART;
    rsheet_section(s, rs_label(b, L_TITLE_COMPARISONS));
    project_lines(s, in);
    const char *hdr[] = {rs_label(b, L_COL_METRIC),
                         rs_label(b, L_CMP_NOW),
                         rs_label(b, L_CMP_YEAR_AGO),
                         rs_label(b, L_CMP_YTD),
                         rs_label(b, L_CMP_LAST4),
                         rs_label(b, cmp->since_project ? L_CMP_SINCE : L_CMP_SINCE_DATA),
                         rs_label(b, L_CMP_TARGET),
                         rs_label(b, L_CMP_DIFF),
                         rs_label(b, L_CMP_SOURCE),
                         rs_label(b, L_COL_UNIT)};
    rsheet_table(s, hdr, (int)(sizeof hdr / sizeof hdr[0]), false);
    /* Which days each column covers, as the other sheets write periods. */
    lxw_row_t r = rsheet_row(s);
    for (int k = 0; k < PC__COLS; k++) {
        char period[64] = "";
        if (cmp->start[k] != IPS_DAY_NONE)
            label_period(b->lang, cmp->start[k], cmp->end[k], b->opt->as_of, period,
                         sizeof period);
        rsheet_text_fmt(s, r, (lxw_col_t)(k + 1), period, b->f.note);
    }
    for (size_t i = 0; i < cmp->n; i++) {
        const pub_comparison *c = &cmp->rows[i];
        r = rsheet_row(s);
        rsheet_text(s, r, 0, definition_name(c->metric, b->lang));
        for (int k = 0; k < PC__COLS; k++)
            if (c->col[k].metric[0])
                rsheet_metric(s, r, (lxw_col_t)(k + 1), &c->col[k], MH_VALUE);
        target_cells(s, r, c);
        const metric_def *def = definition_find(c->metric);
        if (def)
            rsheet_text(s, r, 9, rs_label(b, definition_unit_label(def->unit)));
    }
    rsheet_table_end(s);
    rsheet_note(s, rs_label(b, L_CMP_NOTE));
    rsheet_note(s, rs_label(b, L_CMP_SPAN_NOTE));
}
