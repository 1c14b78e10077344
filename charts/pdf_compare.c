/* The PDF's comparisons and targets: under the title page's key figures, a
 * table of each headline figure this period, a year earlier, year to date,
 * over the last four quarters and since the start, with the target and the
 * difference from it, all as the model's publication gives them
 * (model/publication.h); nothing is computed here but the text.  The
 * difference carries ▲ or ▼, so it reads in greyscale. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "charts/chart_build_internal.h"
#include "charts/draw_internal.h"
#include "charts/pdf_compare.h"

#define LABEL_W 140.0
#define ROW_H 14.0
#define DIFF_W 84.0
#define TARGET_W 44.0

/* "2024Q3", or "2023Q4– 2024Q3" for a run of quarters (the blank lets it
 * wrap in a narrow column), or dates. */
static void column_period(chart_lang lang, ips_day s, ips_day e, char *buf, size_t n)
{
    buf[0] = '\0';
    if (s == IPS_DAY_NONE)
        return;
    char a[28], b[28];
    chart_period_label(lang, s, e, buf, n);
    if (!strchr(buf, '\xE2') && !strchr(buf, '-'))
        return; /* one calendar period: "2024Q3", "2024H1", "2024" */
    int y, m, d;
    date_to_ymd(s, &y, &m, &d);
    ips_day qe = date_add_months(date_from_ymd(y, (m - 1) / 3 * 3 + 1, 1), 3) - 1;
    date_to_ymd(e + 1, &y, &m, &d);
    if (d == 1 && (m - 1) % 3 == 0) {
        chart_period_label(lang, s, qe, a, sizeof a);
        int y2, m2, d2;
        date_to_ymd(e, &y2, &m2, &d2);
        ips_day es = date_from_ymd(y2, (m2 - 1) / 3 * 3 + 1, 1);
        chart_period_label(lang, es, e, b, sizeof b);
    } else {
        chart_date_label(lang, s, a, sizeof a);
        chart_date_label(lang, e, b, sizeof b);
    }
    snprintf(buf, n, "%s\xE2\x80\x93 %s", a, b);
}

static bool percent_row(const metric_row *r)
{
    return r->kind == MK_SHARE || r->kind == MK_KM;
}

static void diff_text(chart_lang lang, const pub_comparison *c, char *buf, size_t n)
{
    const metric_row *now = &c->col[PC_NOW];
    buf[0] = '\0';
    if (!c->has_diff)
        return;
    char num[48];
    chart_lang_number(lang, fabs(c->diff), now->decimals, NULL, num, sizeof num);
    if (percent_row(now)) {
        size_t o = strlen(num);
        snprintf(num + o, sizeof num - o, " %s", chart_shared_label(lang, L_UNIT_PP));
    }
    if (c->diff > 0)
        snprintf(buf, n, "\xE2\x96\xB2 +%s", num);
    else if (c->diff < 0)
        snprintf(buf, n, "\xE2\x96\xBC \xE2\x88\x92%s", num);
    else
        snprintf(buf, n, "= %s", num);
}

double pdf_compare_draw(dctx *dc, const chart_data *cd, chart_lang lang, double x, double y,
                        double w)
{
    const pub_comparisons *cmp = &cd->cmp;
    if (!cmp->n)
        return 0;
    double y0 = y, cw = (w - LABEL_W - TARGET_W - DIFF_W) / PC__COLS;
    double col_x[7], col_w[7];
    for (int k = 0; k < 7; k++) {
        col_x[k] = x + LABEL_W + (k < PC__COLS ? k * cw : k == 5 ? 5 * cw : 5 * cw + TARGET_W);
        col_w[k] = k < PC__COLS ? cw : k == 5 ? TARGET_W : DIFF_W;
    }
    const char *title = chart_shared_label(lang, L_TITLE_COMPARISONS);
    y += dtext_box(dc, TS_HEADING, title, x, y, w, 0, TW_WRAP) + 4;
    /* Column names as on the workbook's Summary sheet, except the two the
     * PDF words its own way (CL_PDF_CMP_SINCE, CL_PDF_CMP_DIFF). */
    const char *heads[7] = {
        chart_shared_label(lang, L_CMP_NOW),   chart_shared_label(lang, L_CMP_YEAR_AGO),
        chart_shared_label(lang, L_CMP_YTD),   chart_shared_label(lang, L_CMP_LAST4),
        cmp->since_project ? chart_label(lang, CL_PDF_CMP_SINCE)
                           : chart_shared_label(lang, L_CMP_SINCE_DATA),
        chart_shared_label(lang, L_CMP_TARGET), chart_label(lang, CL_PDF_CMP_DIFF),
    };
    double hh = 0;
    for (int k = 0; k < 7; k++) {
        double cx = col_x[k];
        double h = dtext_box(dc, TS_TICK, heads[k], cx + 2, y, col_w[k] - 4,
                             1, TW_WRAP);
        if (k < PC__COLS) {
            char per[64];
            column_period(lang, cmp->start[k], cmp->end[k], per, sizeof per);
            h += dtext_box(dc, TS_NOTE, per, cx + 2, y + h, col_w[k] - 4, 1, TW_WRAP);
        }
        hh = fmax(hh, h);
    }
    y += hh + 3;
    cairo_save(dc->cr);
    dset(dc, AXIS);
    cairo_set_line_width(dc->cr, 0.6);
    cairo_move_to(dc->cr, x, y);
    cairo_line_to(dc->cr, x + w, y);
    cairo_stroke(dc->cr);
    cairo_restore(dc->cr);
    y += 3;
    for (size_t i = 0; i < cmp->n; i++) {
        const pub_comparison *c = &cmp->rows[i];
        const metric_row *now = &c->col[PC_NOW];
        if (i % 2 == 0) {
            dset(dc, (rgb){0.955, 0.96, 0.97});
            cairo_rectangle(dc->cr, x, y - 2, w, ROW_H);
            cairo_fill(dc->cr);
        }
        dtext_box(dc, TS_TICK, chart_metric_title(lang, c->metric), x + 4, y, LABEL_W - 6, 0,
                  TW_ELLIPSIS);
        const char *unit = percent_row(now) ? chart_lang_percent(lang) : NULL;
        char text[64];
        for (int k = 0; k < PC__COLS; k++) {
            const metric_row *r = &c->col[k];
            if (r->metric[0])
                cb_row_text(cd, r, lang, r->decimals, unit, text, sizeof text);
            else
                text[0] = '\0';
            dtext_box(dc, k == PC_NOW ? TS_HEADING : TS_TICK, text, col_x[k] + 2, y,
                      col_w[k] - 4, 1, TW_ELLIPSIS);
        }
        text[0] = '\0';
        if (c->target_source != PT_NONE) {
            char num[48];
            chart_lang_number(lang, c->target, now->decimals, unit, num, sizeof num);
            snprintf(text, sizeof text, "%s%s", num, c->target_source == PT_BENCHMARK ? "*" : "");
        }
        dtext_box(dc, TS_TICK, text, col_x[5] + 2, y, col_w[5] - 4, 1, TW_ELLIPSIS);
        diff_text(lang, c, text, sizeof text);
        dtext_box(dc, TS_HEADING, text, col_x[6] + 2, y, col_w[6] - 4, 1, TW_ELLIPSIS);
        y += ROW_H;
    }
    y += 4;
    y += dtext_box(dc, TS_NOTE, chart_label(lang, CL_PDF_CMP_NOTE), x, y, w, 0, TW_WRAP);
    return y - y0;
}

void pdf_project_line(const chart_data *cd, chart_lang lang, bool funder, char *buf, size_t n)
{
    buf[0] = '\0';
    if (!cd->project_name[0])
        return;
    int k = snprintf(buf, n, chart_label(lang, CL_PDF_PROJECT), cd->project_name);
    if (k > 0 && (size_t)k < n && cd->project_code[0]) {
        size_t o = (size_t)k;
        k = snprintf(buf + o, n - o, ", ");
        o += k > 0 ? (size_t)k : 0;
        if (o < n)
            snprintf(buf + o, n - o, chart_label(lang, CL_PDF_PROJECT_CODE), cd->project_code);
    }
    size_t o = strlen(buf);
    if (funder && cd->project_funder[0] && o + 4 < n) {
        snprintf(buf + o, n - o, " \xC2\xB7 ");
        o = strlen(buf);
        snprintf(buf + o, n - o, chart_label(lang, CL_PDF_FUNDER), cd->project_funder);
    }
}
