/* Sheets: title lines, tables that continue on a new sheet past the row
 * limit, frozen headers, autofilters, widths that fit, and checked writes. */
#include "reports/report_sheet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reports/report_data.h"
#include "reports/xlsx_safe.h"

/* Suppression notes on single cells; past this many per sheet the note at
 * the top of the sheet has to do (thousands of comments make Excel slow). */
#define RS_MAX_COMMENTS 1000
/* Days from Excel's day 0 (1899-12-30) to 1970-01-01. */
#define EXCEL_EPOCH_1970 25569

const char *rs_label(const report_book *b, label_id id)
{
    return label(id, b->lang);
}

bool book_check(report_book *b, lxw_error e, const char *sheet, lxw_row_t row, lxw_col_t col)
{
    if (e == LXW_NO_ERROR)
        return true;
    if (b->err == IPS_OK) {
        char cell[16];
        lxw_rowcol_to_cell(cell, row, col);
        b->err = ips_diag_set(b->d, IPS_ERR_XLSX, "writing sheet '%s' at %s: %s",
                              sheet ? sheet : "?", cell, lxw_strerror(e));
    }
    return false;
}

bool book_nomem(report_book *b)
{
    if (b->err == IPS_OK)
        b->err = ips_diag_set(b->d, IPS_ERR_NOMEM, "out of memory while writing the workbook");
    return false;
}

/* --- formats --------------------------------------------------------- */

static lxw_format *text_format(report_book *b)
{
    lxw_format *f = workbook_add_format(b->wb);
    if (f)
        format_set_num_format(f, "@");
    return f;
}

static lxw_format *num_format(report_book *b, const char *num)
{
    lxw_format *f = workbook_add_format(b->wb);
    if (f)
        format_set_num_format(f, num);
    return f;
}

static bool number_formats(report_book *b)
{
    static const char *const zeros[RS_DECIMALS] = {"", ".0", ".00", ".000"};
    const char *pp = rs_label(b, L_UNIT_PP);
    char buf[128];
    for (int i = 0; i < RS_DECIMALS; i++) {
        snprintf(buf, sizeof buf, "#,##0%s", zeros[i]);
        b->f.num[i] = num_format(b, buf);
        snprintf(buf, sizeof buf, "0%s%%", zeros[i]);
        b->f.pct[i] = num_format(b, buf);
        snprintf(buf, sizeof buf, "+#,##0%s;-#,##0%s;0%s", zeros[i], zeros[i], zeros[i]);
        b->f.change[i] = num_format(b, buf);
        snprintf(buf, sizeof buf, "+0%s\" %s\";-0%s\" %s\";0%s\" %s\"", zeros[i], pp, zeros[i], pp,
                 zeros[i], pp);
        b->f.change_pp[i] = num_format(b, buf);
        if (!b->f.num[i] || !b->f.pct[i] || !b->f.change[i] || !b->f.change_pp[i])
            return false;
    }
    return true;
}

bool report_book_formats(report_book *b)
{
    b->f.title = text_format(b);
    b->f.subtitle = text_format(b);
    b->f.internal = text_format(b);
    b->f.note = text_format(b);
    b->f.section = text_format(b);
    b->f.header = text_format(b);
    b->f.text = text_format(b);
    b->f.wrap = text_format(b);
    b->f.flag = text_format(b);
    b->f.suppressed = text_format(b);
    b->f.date = num_format(b, label_date_format(b->lang));
    b->f.general = workbook_add_format(b->wb);
    b->f.eur = num_format(b, "#,##0.00 \"€\"");
    if (!b->f.title || !b->f.subtitle || !b->f.internal || !b->f.note || !b->f.section ||
        !b->f.header || !b->f.text || !b->f.wrap || !b->f.flag || !b->f.suppressed ||
        !b->f.date || !b->f.general || !b->f.eur || !number_formats(b))
        return book_nomem(b);
    format_set_bold(b->f.title);
    format_set_font_size(b->f.title, 14);
    format_set_font_color(b->f.subtitle, 0x404040);
    format_set_bold(b->f.internal);
    format_set_font_color(b->f.internal, 0xC00000);
    format_set_italic(b->f.note);
    format_set_font_color(b->f.note, 0x595959);
    format_set_bold(b->f.section);
    format_set_font_size(b->f.section, 12);
    format_set_bold(b->f.header);
    format_set_bg_color(b->f.header, 0xDDEBF7);
    format_set_bottom(b->f.header, LXW_BORDER_THIN);
    format_set_text_wrap(b->f.wrap);
    format_set_align(b->f.wrap, LXW_ALIGN_VERTICAL_TOP);
    format_set_bold(b->f.flag);
    format_set_font_color(b->f.flag, 0x9C0006);
    format_set_bg_color(b->f.flag, 0xFFC7CE);
    format_set_align(b->f.suppressed, LXW_ALIGN_RIGHT);
    return true;
}

/* --- cells ----------------------------------------------------------- */

static const char *sheet_title(const rsheet *s)
{
    return rs_label(s->b, s->name);
}

static void widen(rsheet *s, lxw_col_t c, double w)
{
    if (c < RS_MAX_COLS && w > s->width[c])
        s->width[c] = w;
}

static void put_text(rsheet *s, lxw_row_t r, lxw_col_t c, const char *text, lxw_format *fmt,
                     bool count_width)
{
    report_book *b = s->b;
    if (b->err != IPS_OK || !text || !*text)
        return;
    lxw_error e = xlsx_write_text(s->ws, r, c, text, fmt ? fmt : b->f.text, &b->res->masked);
    if (book_check(b, e, sheet_title(s), r, c) && count_width)
        widen(s, c, (double)xlsx_text_width(text) * (fmt == b->f.header ? 1.15 : 1.0));
}

void rsheet_text(rsheet *s, lxw_row_t r, lxw_col_t c, const char *text)
{
    put_text(s, r, c, text, NULL, true);
}

void rsheet_text_fmt(rsheet *s, lxw_row_t r, lxw_col_t c, const char *text, lxw_format *fmt)
{
    put_text(s, r, c, text, fmt, true);
}

void rsheet_number(rsheet *s, lxw_row_t r, lxw_col_t c, double v, lxw_format *fmt)
{
    report_book *b = s->b;
    if (b->err != IPS_OK)
        return;
    if (book_check(b, xlsx_write_number(s->ws, r, c, v, fmt), sheet_title(s), r, c)) {
        char buf[40];
        widen(s, c, (double)snprintf(buf, sizeof buf, "%.2f", v) + 1);
    }
}

void rsheet_date(rsheet *s, lxw_row_t r, lxw_col_t c, ips_day day)
{
    if (day == IPS_DAY_NONE)
        return;
    rsheet_number(s, r, c, (double)day + EXCEL_EPOCH_1970, s->b->f.date);
    widen(s, c, 11);
}

void rsheet_code(rsheet *s, lxw_row_t r, lxw_col_t c, code_domain dom, const char *code)
{
    if (!code || !*code) {
        rsheet_text(s, r, c, rs_label(s->b, L_UNKNOWN_GROUP));
        return;
    }
    const char *t = label_code(dom, code, s->b->lang);
    rsheet_text(s, r, c, t ? t : code);
}

/* --- metric rows ----------------------------------------------------- */

static int clamp_decimals(int d)
{
    return d < 0 ? 0 : d >= RS_DECIMALS ? RS_DECIMALS - 1 : d;
}

lxw_format *rsheet_value_format(report_book *b, const metric_row *row)
{
    int d = clamp_decimals(row->decimals);
    return definition_row_is_percent(row) ? b->f.pct[d] : b->f.num[d];
}

bool rsheet_metric_number(const report_book *b, const metric_row *row, double *out)
{
    if (row->suppressed || row->kind == MK_TEXT || !(row->has & MH_VALUE))
        return false;
    /* The number as `ipsreport metrics` prints it, so that the workbook and
     * the CSV agree to the last digit (rounding is the model's, R17). */
    char buf[64], *end;
    metric_format_value(row, b->opt->min_cell, buf, sizeof buf);
    double v = strtod(buf, &end);
    if (end == buf || *end != '\0')
        return false;
    *out = definition_row_is_percent(row) ? v / 100.0 : v;
    return true;
}

void rsheet_metric_text(const report_book *b, const metric_row *row, char *buf, size_t size)
{
    /* A band may be a range of two ("fair/good"); each end is translated. */
    char tmp[sizeof row->text];
    snprintf(tmp, sizeof tmp, "%s", row->text);
    buf[0] = '\0';
    size_t o = 0;
    char *save = NULL;
    for (char *part = strtok_r(tmp, "/", &save); part; part = strtok_r(NULL, "/", &save)) {
        const char *t = strcmp(row->metric, "fidelity_band") == 0
                            ? label_code(CODE_BAND, part, b->lang)
                            : NULL;
        int w = snprintf(buf + o, size - o, "%s%s", o ? "/" : "", t ? t : part);
        if (w < 0 || (size_t)w >= size - o)
            break;
        o += (size_t)w;
    }
}

static void suppressed_cell(rsheet *s, lxw_row_t r, lxw_col_t c, const metric_row *row,
                            unsigned field)
{
    report_book *b = s->b;
    char text[16];
    /* "<5" only where the count itself is small: a count hidden to protect
     * another (text "–") may hold any number, and "<5" would misstate it. */
    if (field == MH_VALUE && row->kind == MK_COUNT &&
        (row->text[0] == '<' || row->text[0] == '\0'))
        snprintf(text, sizeof text, "<%d", b->opt->min_cell);
    else
        snprintf(text, sizeof text, "\xE2\x80\x93"); /* – */
    rsheet_text_fmt(s, r, c, text, b->f.suppressed);
    if (field != MH_VALUE || b->err != IPS_OK)
        return;
    b->res->suppressed++;
    if (s->comments >= RS_MAX_COMMENTS)
        return;
    char note[512];
    label_subst(rs_label(b, L_SUPPRESSED_COMMENT), b->opt->min_cell, note, sizeof note);
    if (book_check(b, worksheet_write_comment(s->ws, r, c, note), sheet_title(s), r, c))
        s->comments++;
}

/* Whether a hidden row had field: its numbers are cleared (has lost the
 * bits), so the kind says which cells would have held one.  A hidden cell
 * reads "<5" or "–", never blank, which a reader would take for 0 or for
 * data not given. */
static bool hidden_field(const metric_row *row, unsigned field)
{
    switch (field) {
    case MH_VALUE: return true;
    case MH_NUMERATOR: return row->kind == MK_SHARE || row->kind == MK_RATIO;
    case MH_DENOMINATOR: return row->kind != MK_COUNT && row->kind != MK_TEXT;
    default: return false;
    }
}

/* A Kaplan–Meier figure past the longest follow-up (metrics.md R8): "–",
 * never a blank that reads as missing data or a carried-forward 100 %. */
static void not_estimable_cell(rsheet *s, lxw_row_t r, lxw_col_t c)
{
    report_book *b = s->b;
    rsheet_text(s, r, c, "\xE2\x80\x93");
    if (b->err != IPS_OK || s->comments >= RS_MAX_COMMENTS)
        return;
    if (book_check(b, worksheet_write_comment(s->ws, r, c, (char *)rs_label(b, L_NOT_ESTIMABLE)),
                   sheet_title(s), r, c))
        s->comments++;
}

void rsheet_metric(rsheet *s, lxw_row_t r, lxw_col_t c, const metric_row *row, unsigned field)
{
    if (!row)
        return;
    report_book *b = s->b;
    bool text = row->kind == MK_TEXT && field == MH_VALUE;
    if (field == MH_VALUE && row->kind == MK_KM && !row->suppressed && !(row->has & MH_VALUE) &&
        row->note[0]) {
        not_estimable_cell(s, r, c);
        return;
    }
    if (row->suppressed && hidden_field(row, field)) {
        suppressed_cell(s, r, c, row, field);
        return;
    }
    if (!(row->has & field) && !(text && row->text[0]))
        return;
    double v;
    switch (field) {
    case MH_VALUE:
        if (text) {
            char buf[128];
            rsheet_metric_text(b, row, buf, sizeof buf);
            rsheet_text(s, r, c, buf);
        } else if (rsheet_metric_number(b, row, &v)) {
            rsheet_number(s, r, c, v, rsheet_value_format(b, row));
        }
        break;
    case MH_NUMERATOR:
        rsheet_number(s, r, c, row->numerator, b->f.general);
        break;
    case MH_DENOMINATOR:
        rsheet_number(s, r, c, row->denominator, b->f.general);
        break;
    case MH_SCORE:
        rsheet_number(s, r, c, row->score, b->f.num[0]);
        break;
    default:
        break;
    }
}
