/* The steering group's A4 summary on cairo's PDF surface:
 *   page 1        title, period, as-of date and the key figures (with the
 *                 previous quarter beside them when P is a quarter);
 *   pages 2..8    one chart per page under its two-line reading;
 *   (page 9       the outcome instruments, only when the data hold assessments;)
 *   page 9        the fidelity items as a table, reviewer beside data;
 *   then, from the publication (charts/pdf_extra.h): a page per provider or
 *   team (--per), the funder's (ESF+) page with the fees in euros, and the
 *   definitions and data-quality caveats page.
 * Every page has a footer with the period and "page n of N", and internal
 * data are marked on every page. */
#include <cairo-pdf.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "common/version.h"
#include "common/outfile.h"
#include "charts/chart_build_internal.h"
#include "charts/charts.h"
#include "charts/draw_internal.h"
#include "charts/pdf_extra.h"
#include "charts/pdf_compare.h"

#define A4_W 595.276
#define A4_H 841.890
#define MARGIN 48.0

#ifndef IPS_VERSION
#define IPS_VERSION "?"
#endif

typedef struct {
    cairo_t *cr;
    dctx dc;
    const chart_data *cd;
    chart_lang lang;
    int page;
    int pages;             /* in all: PDF_SUMMARY_PAGES, the optional chart pages and the
                              extra pages */
    const pdf_extra *x;    /* NULL: the summary's own pages only */
    char period[48];
} pdf_ctx;

static void rule(pdf_ctx *p, double y, rgb c, double width)
{
    cairo_save(p->cr);
    dset(&p->dc, c);
    cairo_set_line_width(p->cr, width);
    cairo_move_to(p->cr, MARGIN, y);
    cairo_line_to(p->cr, A4_W - MARGIN, y);
    cairo_stroke(p->cr);
    cairo_restore(p->cr);
}

static void finish_page(pdf_ctx *p)
{
    char left[160], right[48];
    snprintf(left, sizeof left, chart_label(p->lang, CL_PDF_MADE_BY), IPS_VERSION);
    size_t n = strlen(left);
    snprintf(left + n, sizeof left - n, " · %s", p->period);
    snprintf(right, sizeof right, chart_label(p->lang, CL_PDF_PAGE), p->page, p->pages);
    rule(p, A4_H - MARGIN + 6, GRID, 0.8);
    dtext_box(&p->dc, TS_TICK, left, MARGIN, A4_H - MARGIN + 10, A4_W - 2 * MARGIN - 80, 0,
              TW_ELLIPSIS);
    dtext_at(&p->dc, TS_TICK, right, A4_W - MARGIN, A4_H - MARGIN + 10, 1, 0);
    /* The project on every page, so that a page read alone says whose it is. */
    char project[400];
    pdf_project_line(p->cd, p->lang, false, project, sizeof project);
    if (*project)
        dtext_box(&p->dc, TS_TICK, project, MARGIN, A4_H - MARGIN + 22, A4_W - 2 * MARGIN, 0,
                  TW_ELLIPSIS);
    if (p->cd->internal)
        dtext_box(&p->dc, TS_HEADING, chart_label(p->lang, CL_INTERNAL_NOTE), MARGIN, MARGIN - 30,
                  A4_W - 2 * MARGIN, 0, TW_WRAP);
    cairo_show_page(p->cr);
    p->page++;
}

/* ---- page 1 ------------------------------------------------------------- */

static const struct {
    const char *metric;
    int decimals;
    bool percent;
} key_figures[] = {
    {"caseload_active", 0, false},
    {"enrollments_started", 0, false},
    {"exits", 0, false},
    {"employment_rate", 1, true},
    {"employment_at_exit", 1, true},
    {"time_to_first_job_median_days", 0, false},
    {"employed_within_180_days", 1, true},
    {"first_employer_contact_mean_days", 0, false},
    {"caseload_per_fte", 1, false},
    {"employer_contacts_per_week", 1, false},
};

static void figure_row(pdf_ctx *p, double y, const char *label, const char *now,
                       const char *before, bool shade)
{
    if (shade) {
        dset(&p->dc, (rgb){0.955, 0.96, 0.97});
        cairo_rectangle(p->cr, MARGIN, y - 3, A4_W - 2 * MARGIN, 21);
        cairo_fill(p->cr);
    }
    dtext_box(&p->dc, TS_LEAD, label, MARGIN + 6, y, 300, 0, TW_ELLIPSIS);
    dtext_box(&p->dc, TS_LEAD_BOLD, now, MARGIN + 300, y, 100, 1, TW_LINE);
    if (before)
        dtext_box(&p->dc, TS_LEAD, before, MARGIN + 410, y, 85, 1, TW_LINE);
}

static void fidelity_figure(pdf_ctx *p, char *buf, size_t n)
{
    const chart_fidelity *f = &p->cd->in.fidelity;
    if (!f->has_review) {
        snprintf(buf, n, "–");
        return;
    }
    char lo[16], hi[16], band[96];
    chart_lang_number(p->lang, f->total_low, 0, NULL, lo, sizeof lo);
    chart_lang_number(p->lang, f->total_high, 0, NULL, hi, sizeof hi);
    chart_fidelity_band(p->lang, f->band, band, sizeof band);
    if (f->total_high > f->total_low)
        snprintf(buf, n, "%s–%s (%s)", lo, hi, band);
    else
        snprintf(buf, n, "%s (%s)", lo, band);
}

static void title_page(pdf_ctx *p)
{
    const chart_data *cd = p->cd;
    double w = A4_W - 2 * MARGIN, y = 90;
    y += dtext_box(&p->dc, TS_DISPLAY, chart_label(p->lang, CL_PDF_TITLE), MARGIN, y, w, 0, TW_WRAP);
    y += 4 + dtext_box(&p->dc, TS_LEAD, chart_label(p->lang, CL_PDF_SUBTITLE), MARGIN, y + 4, w, 0,
                       TW_WRAP);
    char a[24], b[24], line[400];
    pdf_project_line(cd, p->lang, true, line, sizeof line);
    if (*line)
        y += 10 + dtext_box(&p->dc, TS_LEAD_BOLD, line, MARGIN, y + 10, w, 0, TW_WRAP);
    chart_date_label(p->lang, cd->start, a, sizeof a);
    chart_date_label(p->lang, metric_period_cut(cd->end, cd->as_of), b, sizeof b); /* R22 */
    snprintf(line, sizeof line, chart_label(p->lang, CL_PDF_PERIOD), p->period, a, b);
    y += 18 + dtext_box(&p->dc, TS_LEAD_BOLD, line, MARGIN, y + 18, w, 0, TW_WRAP);
    if (cd->as_of != IPS_DAY_NONE) {
        chart_date_label(p->lang, cd->as_of, a, sizeof a);
        snprintf(line, sizeof line, chart_label(p->lang, CL_PDF_AS_OF), a);
        y += 4 + dtext_box(&p->dc, TS_LEAD, line, MARGIN, y + 4, w, 0, TW_WRAP);
    }

    y += 24;
    y += dtext_box(&p->dc, TS_TITLE, chart_label(p->lang, CL_PDF_KEY_FIGURES), MARGIN, y, w, 0,
                   TW_WRAP) + 6;
    const metric_set *before = cd->period_is_last_quarter ? cd->quarter[CHART_QUARTERS - 2] : NULL;
    if (before) {
        char q[48];
        cb_quarter_label(cd, CHART_QUARTERS - 2, p->lang, q, sizeof q);
        dtext_box(&p->dc, TS_TICK, p->period, MARGIN + 300, y, 100, 1, TW_LINE);
        dtext_box(&p->dc, TS_TICK, q, MARGIN + 410, y, 85, 1, TW_LINE);
        y += 14;
    }
    rule(p, y, AXIS, 0.8);
    y += 8;
    size_t nk = sizeof key_figures / sizeof key_figures[0];
    for (size_t i = 0; i < nk; i++) {
        const char *unit = key_figures[i].percent ? chart_lang_percent(p->lang) : NULL;
        char now[48], prev[48];
        cb_row_text(cd, cb_row(cd->period, key_figures[i].metric), p->lang,
                    key_figures[i].decimals, unit, now, sizeof now);
        if (before)
            cb_row_text(cd, cb_row(before, key_figures[i].metric), p->lang,
                        key_figures[i].decimals, unit, prev, sizeof prev);
        figure_row(p, y, chart_metric_title(p->lang, key_figures[i].metric), now,
                   before ? prev : NULL, i % 2 == 0);
        y += 21;
    }
    char fid[160];
    fidelity_figure(p, fid, sizeof fid);
    figure_row(p, y, chart_metric_title(p->lang, "fidelity_total_low"), "", NULL, nk % 2 == 0);
    dtext_box(&p->dc, TS_LEAD_BOLD, fid, MARGIN + 180, y, w - 186, 1, TW_ELLIPSIS);
    y += 24;
    rule(p, y, AXIS, 0.8);
    if (!cd->internal) {
        char note[400];
        snprintf(note, sizeof note, chart_label(p->lang, CL_SUPPRESSED_NOTE), cd->min_cell,
                 cd->min_cell);
        y += 8 + dtext_box(&p->dc, TS_NOTE, note, MARGIN, y + 8, w, 0, TW_WRAP);
    }
    pdf_compare_draw(&p->dc, cd, p->lang, MARGIN, y + 12, w);
}

/* ---- chart pages -------------------------------------------------------- */

static ips_error chart_page(pdf_ctx *p, chart_id id, ips_diag *d)
{
    chart_model *m = chart_build(p->cd, id, p->lang);
    if (!m)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory building the charts");
    double w = A4_W - 2 * MARGIN, y = MARGIN;
    y += dtext_box(&p->dc, TS_LEAD_BOLD, chart_get_text(m, CT_READING1), MARGIN, y, w, 0, TW_WRAP);
    const char *r2 = chart_get_text(m, CT_READING2);
    if (*r2)
        y += 3 + dtext_box(&p->dc, TS_LEAD, r2, MARGIN, y + 3, w, 0, TW_WRAP);
    y += 12;
    rule(p, y - 6, GRID, 0.8);
    double avail = A4_H - MARGIN - 14 - y;
    /* Line, bar and curve charts get a taller plot than on screen; row
     * charts (exits, fidelity, funnel, bars per coach) are as tall as their
     * rows, or squeezed to the page when there are many. */
    double want = chart_height_for(m, w + 2 * 14);
    bool rows = m->kind == CHART_HBARS || m->kind == CHART_FUNNEL ||
                (m->kind == CHART_PANELS && m->side_by_side);
    if (!rows)
        want = fmax(want, (w + 2 * 14) * 0.78);
    double h = fmin(want, avail);
    /* The chart's own padding lines its edges up with the page's margins. */
    chart_draw(p->cr, m, MARGIN - 14, y, w + 2 * 14, h, NULL);
    chart_free(m);
    return IPS_OK;
}

/* ---- fidelity table ----------------------------------------------------- */

static void reviewer_text(pdf_ctx *p, const chart_fid_item *it, char *buf, size_t n)
{
    if (it->status == FID_RATED && it->reviewer_high > it->reviewer_low)
        snprintf(buf, n, "%d–%d", it->reviewer_low, it->reviewer_high);
    else if (it->status == FID_RATED)
        snprintf(buf, n, "%d", it->reviewer_low);
    else if (it->status == FID_NOT_APPLICABLE)
        snprintf(buf, n, "%s", chart_label(p->lang, CL_FID_NA));
    else if (it->status == FID_NOT_RATED)
        snprintf(buf, n, "%s", chart_label(p->lang, CL_FID_NOT_RATED));
    else
        snprintf(buf, n, "–");
}

static bool differs(const chart_fid_item *it)
{
    if (it->status != FID_RATED || it->data_score < 1)
        return false;
    return it->data_score <= it->reviewer_low - 2 || it->data_score >= it->reviewer_high + 2;
}

#define COL_REV (MARGIN + 300)
#define COL_DATA (MARGIN + 385)
#define COL_DIFF (MARGIN + 450)

static void table_row(pdf_ctx *p, double y, const char *item, const char *rev, const char *dat,
                      const char *diff, text_style st)
{
    dtext_box(&p->dc, st, item, MARGIN + 6, y, 290, 0, TW_ELLIPSIS);
    dtext_box(&p->dc, st, rev, COL_REV, y, 80, 0.5, TW_ELLIPSIS);
    dtext_box(&p->dc, st, dat, COL_DATA, y, 60, 0.5, TW_ELLIPSIS);
    dtext_box(&p->dc, st, diff, COL_DIFF, y, A4_W - MARGIN - COL_DIFF, 0.5, TW_ELLIPSIS);
}

static void fidelity_table(pdf_ctx *p)
{
    const chart_fidelity *f = &p->cd->in.fidelity;
    double w = A4_W - 2 * MARGIN, y = MARGIN;
    y += dtext_box(&p->dc, TS_TITLE, chart_label(p->lang, CL_PDF_TABLE_TITLE), MARGIN, y, w, 0,
                   TW_WRAP) + 10;
    table_row(p, y, chart_label(p->lang, CL_PDF_COL_ITEM), chart_label(p->lang, CL_PDF_COL_REVIEWER),
              chart_label(p->lang, CL_PDF_COL_DATA), chart_label(p->lang, CL_PDF_COL_DIFF),
              TS_HEADING);
    y += 16;
    rule(p, y, AXIS, 0.8);
    y += 4;
    for (int i = 0; i < 25; i++) {
        if (i == 0 || i == 3 || i == 11) {
            y += 4;
            dtext_box(&p->dc, TS_HEADING, chart_fidelity_section(p->lang, chart_fidelity_section_of(i + 1)),
                      MARGIN, y, w, 0, TW_ELLIPSIS);
            y += 17;
        }
        const chart_fid_item *it = &f->items[i];
        if (i % 2 == 0) {
            dset(&p->dc, (rgb){0.955, 0.96, 0.97});
            cairo_rectangle(p->cr, MARGIN, y - 2, w, 17);
            cairo_fill(p->cr);
        }
        char item[96], rev[32], dat[16];
        snprintf(item, sizeof item, "%d %s", i + 1, chart_fidelity_item(p->lang, i + 1));
        reviewer_text(p, it, rev, sizeof rev);
        if (it->data_score >= 1)
            snprintf(dat, sizeof dat, "%d", it->data_score);
        else
            snprintf(dat, sizeof dat, "–");
        table_row(p, y, item, rev, dat, differs(it) ? "●" : "", TS_BODY);
        y += 17;
    }
    rule(p, y + 2, AXIS, 0.8);
    char total[160];
    fidelity_figure(p, total, sizeof total);
    dtext_box(&p->dc, TS_HEADING, chart_shared_label(p->lang, L_TOTAL), MARGIN + 6, y + 8, 200,
              0, TW_LINE);
    dtext_box(&p->dc, TS_HEADING, total, COL_REV + 40 - 110, y + 8, 220, 0.5, TW_ELLIPSIS);
    y += 30;
    y += dtext_box(&p->dc, TS_NOTE, chart_label(p->lang, CL_PDF_TABLE_NOTE), MARGIN, y, w, 0, TW_WRAP);
    dtext_box(&p->dc, TS_NOTE, chart_label(p->lang, CL_FID_NOTE), MARGIN, y + 2, w, 0, TW_WRAP);
}

/* ---- the document ------------------------------------------------------- */

static cairo_status_t to_file(void *closure, const unsigned char *data, unsigned int len)
{
    return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static ips_error draw_pages(pdf_ctx *p, ips_diag *d)
{
    title_page(p);
    finish_page(p);
    for (int id = 0; id < CH__ALL; id++) {
        if (!chart_wanted(p->cd, (chart_id)id))
            continue;
        ips_error e = chart_page(p, (chart_id)id, d);
        if (e != IPS_OK)
            return e;
        finish_page(p);
    }
    fidelity_table(p);
    finish_page(p);
    if (!p->x)
        return IPS_OK;
    for (size_t i = 0; i < p->x->n_groups; i++) {
        pdf_page_group(p->cr, &p->dc, p->cd, p->x, p->lang, i);
        finish_page(p);
    }
    pdf_page_funder(p->cr, &p->dc, p->cd, p->x, p->lang);
    finish_page(p);
    pdf_page_definitions(p->cr, &p->dc, p->cd, p->x, p->lang);
    finish_page(p);
    return IPS_OK;
}

ips_error pdf_summary_write_data(const chart_data *cd, chart_lang lang, const char *path,
                                 ips_diag *d)
{
    return pdf_summary_write_full(cd, NULL, lang, path, d);
}

ips_error pdf_summary_write_full(const chart_data *cd, const pdf_extra *x, chart_lang lang,
                                 const char *path, ips_diag *d)
{
    outfile of;
    ips_error oe = outfile_open(&of, path, d);
    if (oe != IPS_OK)
        return oe;
    FILE *f = outfile_stream(&of);
    if (!f) {
        outfile_abort(&of);
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory preparing the PDF");
    }
    pdf_ctx p = {.cd = cd, .lang = lang, .page = 1, .x = x,
                 .pages = PDF_SUMMARY_PAGES + pdf_extra_pages(x)};
    for (int id = CH__COUNT; id < CH__ALL; id++)
        p.pages += chart_wanted(cd, (chart_id)id);
    cb_period_label(cd, lang, p.period, sizeof p.period);
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(to_file, f, A4_W, A4_H);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, chart_label(lang, CL_PDF_TITLE));
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "ipsreport " IPS_VERSION);
    p.cr = cairo_create(s);
    ips_error e = IPS_OK;
    if (!dctx_open(&p.dc, p.cr, NULL, NULL))
        e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory preparing the PDF");
    if (e == IPS_OK)
        e = draw_pages(&p, d);
    dctx_close(&p.dc);
    cairo_status_t st = cairo_status(p.cr);
    cairo_destroy(p.cr);
    cairo_surface_finish(s);
    if (st == CAIRO_STATUS_SUCCESS)
        st = cairo_surface_status(s);
    cairo_surface_destroy(s);
    bool write_failed = ferror(f) != 0;
    if (fclose(f) != 0)
        write_failed = true;
    if (e == IPS_OK && write_failed)
        e = ips_diag_set(d, IPS_ERR_IO, "%s: cannot write the PDF (disk full?); the previous "
                         "file, if any, is left as it was", path);
    else if (e == IPS_OK && st != CAIRO_STATUS_SUCCESS)
        e = ips_diag_set(d, IPS_ERR_CHART, "%s: cairo: %s", path, cairo_status_to_string(st));
    if (e != IPS_OK) {
        outfile_abort(&of);
        return e;
    }
    return outfile_commit(&of, d);
}
