/* The shape of a sheet: title lines, tables with a frozen, filtered header,
 * continuation sheets past the row limit, and column widths. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reports/report_data.h"
#include "reports/report_sheet.h"
#include "reports/xlsx_safe.h"

/* Rows 0..2 hold the title, the period line and the privacy line; row 3 is
 * blank; content starts here. */
#define RS_FIRST_ROW 4

static void part_name(const rsheet *s, char *buf, size_t size)
{
    const char *base = s->title[0] ? s->title : label(s->name, s->b->lang);
    if (s->part <= 1)
        snprintf(buf, size, "%s", base);
    else
        snprintf(buf, size, "%s (%d)", base, s->part);
}

static bool record_sheet(report_book *b, const char *name)
{
    report_result *res = b->res;
    char **grown = realloc(res->sheets, (res->n_sheets + 1) * sizeof *grown);
    if (!grown)
        return book_nomem(b);
    res->sheets = grown;
    if (!(res->sheets[res->n_sheets] = strdup(name)))
        return book_nomem(b);
    res->n_sheets++;
    return true;
}

static void title_lines(rsheet *s)
{
    report_book *b = s->b;
    const report_options *o = b->opt;
    char line[768], period[48], prev[48], from[16], to[16], as_of[16];
    snprintf(line, sizeof line, "%s \xE2\x80\x93 %s%s%s", rs_label(b, L_REPORT_TITLE),
             rs_label(b, s->name), s->title[0] ? ": " : "", s->title);
    rsheet_text_fmt(s, 0, 0, line, b->f.title);
    label_period(b->lang, o->start, o->end, o->as_of, period, sizeof period);
    label_period(b->lang, o->prev_start, o->prev_end, o->as_of, prev, sizeof prev);
    label_date(b->lang, o->start, from);
    label_date(b->lang, metric_period_cut(o->end, o->as_of), to); /* R22 */
    label_date(b->lang, o->as_of, as_of);
    snprintf(line, sizeof line, "%s: %s (%s\xE2\x80\x93%s) \xC2\xB7 %s: %s \xC2\xB7 %s: %s",
             rs_label(b, L_ABOUT_PERIOD), period, from, to, rs_label(b, L_ABOUT_COMPARE), prev,
             rs_label(b, L_ABOUT_AS_OF), as_of);
    rsheet_text_fmt(s, 1, 0, line, b->f.subtitle);
    if (o->internal) {
        rsheet_text_fmt(s, 2, 0, rs_label(b, L_INTERNAL_MARK), b->f.internal);
    } else {
        label_subst(rs_label(b, L_SUPPRESSION_NOTE), o->min_cell, line, sizeof line);
        rsheet_text_fmt(s, 2, 0, line, b->f.note);
    }
    /* Titles overflow into empty neighbours; they must not widen column A. */
    memset(s->width, 0, sizeof s->width);
    s->row = RS_FIRST_ROW;
}

static void page_setup(rsheet *s, const char *name)
{
    report_book *b = s->b;
    char header[256], footer[256], period[48];
    worksheet_set_landscape(s->ws);
    worksheet_set_paper(s->ws, 9); /* A4 */
    worksheet_fit_to_pages(s->ws, 1, 0);
    label_period(b->lang, b->opt->start, b->opt->end, b->opt->as_of, period, sizeof period);
    if (b->opt->internal)
        snprintf(header, sizeof header, "&L%s&R%s", name, rs_label(b, L_INTERNAL_MARK));
    else
        snprintf(header, sizeof header, "&L%s", name);
    snprintf(footer, sizeof footer, "&L%s&R&P / &N", period);
    book_check(b, worksheet_set_header(s->ws, header), name, 0, 0);
    book_check(b, worksheet_set_footer(s->ws, footer), name, 0, 0);
    if (b->opt->internal)
        worksheet_set_tab_color(s->ws, 0xC00000);
}

static bool open_part(rsheet *s)
{
    report_book *b = s->b;
    char name[128];
    part_name(s, name, sizeof name);
    if (b->err != IPS_OK)
        return false;
    if (!(s->ws = workbook_add_worksheet(b->wb, name))) {
        b->err = ips_diag_set(b->d, IPS_ERR_XLSX, "cannot add the sheet '%s' to the workbook", name);
        return false;
    }
    if (!record_sheet(b, name))
        return false;
    memset(s->width, 0, sizeof s->width);
    memset(s->fixed, 0, sizeof s->fixed);
    s->comments = 0;
    s->has_primary = false;
    page_setup(s, name);
    title_lines(s);
    return b->err == IPS_OK;
}

bool rsheet_open(report_book *b, rsheet *s, label_id name)
{
    memset(s, 0, sizeof *s);
    s->b = b;
    s->name = name;
    s->part = 1;
    return open_part(s);
}

bool rsheet_open_named(report_book *b, rsheet *s, label_id name, const char *title)
{
    memset(s, 0, sizeof *s);
    s->b = b;
    s->name = name;
    snprintf(s->title, sizeof s->title, "%s", title);
    s->part = 1;
    return open_part(s);
}

static void header_row(rsheet *s)
{
    report_book *b = s->b;
    lxw_row_t r = s->row++;
    for (int c = 0; c < s->ncols; c++)
        rsheet_text_fmt(s, r, (lxw_col_t)c, s->hdr[c], b->f.header);
    if (!s->primary)
        return;
    /* Frozen below the header and left of the first column: labels stay in
     * view however far a reader scrolls; printed pages repeat the header. */
    worksheet_freeze_panes(s->ws, r + 1, 1);
    book_check(b, worksheet_repeat_rows(s->ws, r, r), label(s->name, b->lang), r, 0);
    s->table_first = r;
    s->has_primary = true;
}

static void widths(rsheet *s)
{
    report_book *b = s->b;
    for (lxw_col_t c = 0; c < RS_MAX_COLS && b->err == IPS_OK; c++) {
        double w = s->fixed[c];
        if (w <= 0 && s->width[c] > 0)
            w = s->width[c] + 2 < 9 ? 9 : s->width[c] + 2 > 60 ? 60 : s->width[c] + 2;
        if (w > 0)
            book_check(b, worksheet_set_column(s->ws, c, c, w, NULL), label(s->name, b->lang), 0, c);
    }
}

static void filter(rsheet *s)
{
    if (!s->primary)
        return;
    lxw_row_t last = s->row > s->table_first + 1 ? s->row - 1 : s->table_first;
    book_check(s->b, worksheet_autofilter(s->ws, s->table_first, 0, last, (lxw_col_t)(s->ncols - 1)),
               label(s->name, s->b->lang), s->table_first, 0);
}

/* Continues on the next part: the table in progress (if any) closes here and
 * reopens with its header on the new sheet, so no row is ever dropped. */
/* Settles a part: its primary table's filter, frozen rows even when it has
 * no table (below the title lines), column widths. */
static void finish_part(rsheet *s)
{
    if (s->in_table)
        filter(s);
    if (!s->has_primary)
        worksheet_freeze_panes(s->ws, RS_FIRST_ROW, 0);
    widths(s);
}

static void next_part(rsheet *s)
{
    bool table = s->in_table;
    finish_part(s);
    s->part++;
    s->in_table = s->primary = false;
    if (!open_part(s))
        return;
    if (table) {
        /* The continued table is the new part's first: frozen and filtered
         * there whether or not it was the primary table before. */
        s->primary = true;
        header_row(s);
        s->in_table = true;
    }
}

static void ensure_room(rsheet *s, lxw_row_t rows)
{
    if (s->b->err == IPS_OK && s->row + rows > s->b->max_rows)
        next_part(s);
}

/* A line of its own in column A; it overflows into the empty cells beside
 * it, so it does not widen column A. */
static void line(rsheet *s, const char *text, lxw_format *fmt)
{
    double keep = s->width[0];
    rsheet_text_fmt(s, s->row++, 0, text, fmt);
    s->width[0] = keep;
}

void rsheet_section(rsheet *s, const char *title)
{
    if (s->in_table)
        rsheet_table_end(s);
    ensure_room(s, 3);
    line(s, title, s->b->f.section);
}

void rsheet_note(rsheet *s, const char *text)
{
    ensure_room(s, 1);
    line(s, text, s->b->f.note);
}

void rsheet_table(rsheet *s, const char *const *headers, int ncols, bool primary)
{
    if (s->in_table)
        rsheet_table_end(s);
    ensure_room(s, 2);
    s->ncols = ncols > RS_MAX_COLS ? RS_MAX_COLS : ncols;
    for (int c = 0; c < s->ncols; c++)
        s->hdr[c] = headers[c];
    /* On a continuation part the first table leads, so that every sheet has
     * a frozen, filtered header. */
    s->primary = (primary || s->part > 1) && !s->has_primary;
    header_row(s);
    s->in_table = true;
}

lxw_row_t rsheet_row(rsheet *s)
{
    ensure_room(s, 1);
    return s->row++;
}

void rsheet_table_end(rsheet *s)
{
    if (!s->in_table)
        return;
    filter(s);
    s->in_table = s->primary = false;
    s->row++;
}

void rsheet_wrap_height(rsheet *s, lxw_row_t r, const char *text, double width)
{
    if (s->b->err != IPS_OK || !text || width <= 0)
        return;
    /* A tenth more for word breaks; 15 points a line, as the default row. */
    double lines = ceil((double)xlsx_text_width(text) * 1.1 / width);
    if (lines > 1)
        book_check(s->b, worksheet_set_row(s->ws, r, 15.0 * (lines > 20 ? 20 : lines), NULL),
                   label(s->name, s->b->lang), r, 0);
}

void rsheet_fix_width(rsheet *s, lxw_col_t col, double width)
{
    if (col < RS_MAX_COLS)
        s->fixed[col] = width;
}

ips_error rsheet_close(rsheet *s)
{
    report_book *b = s->b;
    if (b->err == IPS_OK && s->ws) {
        finish_part(s);
        s->in_table = s->primary = false;
    }
    return b->err;
}
