/* Internal to reports/: the workbook being written (report_book) and one
 * sheet being written (rsheet), with the few operations every sheet needs:
 *
 *   rsheet s;
 *   if (rsheet_open(b, &s, L_SHEET_OUTCOMES)) {     // title rows written
 *       rsheet_table(&s, headers, ncols, true);     // header row; frozen, filtered
 *       lxw_row_t r = rsheet_row(&s);               // next data row (continues on
 *       rsheet_text(&s, r, 0, "…");                 //  "Name (2)" past the row limit)
 *       rsheet_metric(&s, r, 1, row, MH_VALUE);
 *       rsheet_table_end(&s);
 *   }
 *   return rsheet_close(&s);                         // widths; first error, if any
 *
 * Rows are only ever written in increasing order, so libxlsxwriter's
 * constant-memory mode works for every sheet.  Every libxlsxwriter return
 * code is checked; the first failure is kept in the book and stops further
 * writing. */
#ifndef IPS_REPORT_SHEET_H
#define IPS_REPORT_SHEET_H

#include <stdbool.h>
#include <xlsxwriter.h>

#include "model/metrics.h"
#include "reports/definitions.h"
#include "reports/workbook.h"

#define RS_MAX_COLS 24
#define RS_DECIMALS 4 /* 0..3 decimals have formats */

typedef struct {
    lxw_workbook *wb;
    const report_options *opt;
    report_lang lang;
    lxw_row_t max_rows;
    report_result *res;
    ips_error err;
    ips_diag *d;
    struct {
        lxw_format *title, *subtitle, *internal, *note, *section, *header, *text, *wrap;
        lxw_format *date, *general, *flag, *eur, *suppressed;
        lxw_format *num[RS_DECIMALS], *pct[RS_DECIMALS], *change[RS_DECIMALS];
        lxw_format *change_pp[RS_DECIMALS];
    } f;
} report_book;

typedef struct {
    report_book *b;
    lxw_worksheet *ws;
    label_id name;
    char title[112];               /* the sheet's own name instead of name's label, or "" */
    int part;                      /* 1 for the sheet, 2.. for its continuations */
    lxw_row_t row;                 /* the next row to write */
    const char *hdr[RS_MAX_COLS];  /* the open table's headers (repeated on a new part) */
    int ncols;
    bool in_table, primary, has_primary;
    lxw_row_t table_first;         /* header row of the primary table on this part */
    double width[RS_MAX_COLS];
    double fixed[RS_MAX_COLS];     /* widths set by rsheet_fix_width (wrapped text) */
    unsigned comments;
} rsheet;

/* Formats; false (and the book's error set) when libxlsxwriter fails. */
bool report_book_formats(report_book *b);

/* Records a libxlsxwriter failure (the first one only) and returns false. */
bool book_check(report_book *b, lxw_error e, const char *sheet, lxw_row_t row, lxw_col_t col);
/* Records an out-of-memory failure; returns false. */
bool book_nomem(report_book *b);

/* Adds the worksheet and writes its title, period and privacy lines. */
bool rsheet_open(report_book *b, rsheet *s, label_id name);
/* The same for a sheet named title (a valid, unique sheet name) whose
 * heading is name's label and title. */
bool rsheet_open_named(report_book *b, rsheet *s, label_id name, const char *title);
/* A bold section title on its own row, then the tables below it. */
void rsheet_section(rsheet *s, const char *title);
/* A note line (not counted in column widths). */
void rsheet_note(rsheet *s, const char *text);
/* Starts a table: writes its header row.  The first primary table of a
 * sheet gets frozen panes below its header and the sheet's autofilter. */
void rsheet_table(rsheet *s, const char *const *headers, int ncols, bool primary);
/* The row for the next table line; starts the next part of the sheet when
 * this one is full. */
lxw_row_t rsheet_row(rsheet *s);
/* Ends the table (sets the autofilter range) and leaves a blank row. */
void rsheet_table_end(rsheet *s);
/* The height of row r for text wrapped in a column width characters wide,
 * so that LibreOffice and Excel show every line (neither grows a row when
 * it opens the file).  Call before writing the row's cells. */
void rsheet_wrap_height(rsheet *s, lxw_row_t r, const char *text, double width);
/* Fixes a column's width (for wrapped text). */
void rsheet_fix_width(rsheet *s, lxw_col_t col, double width);
/* Column widths; returns the book's error state. */
ips_error rsheet_close(rsheet *s);

/* Cells.  Text goes through xlsx_write_text (never a formula). */
void rsheet_text(rsheet *s, lxw_row_t r, lxw_col_t c, const char *text);
void rsheet_text_fmt(rsheet *s, lxw_row_t r, lxw_col_t c, const char *text, lxw_format *fmt);
void rsheet_number(rsheet *s, lxw_row_t r, lxw_col_t c, double v, lxw_format *fmt);
void rsheet_date(rsheet *s, lxw_row_t r, lxw_col_t c, ips_day day);
/* An ISO 8601 UTC time stamp ("2024-12-31T08:05:00Z") as text in the
 * language's date style, "31.12.2024 08:05 UTC"; other text as it is. */
void rsheet_timestamp(rsheet *s, lxw_row_t r, lxw_col_t c, const char *iso);
/* A code shown through label_code() when known, else as it is ("" → unknown). */
void rsheet_code(rsheet *s, lxw_row_t r, lxw_col_t c, code_domain dom, const char *code);

/* One field of a metric row: MH_VALUE, MH_NUMERATOR, MH_DENOMINATOR or
 * MH_SCORE.  Blank when the row lacks it; "<N" or "–" with a note when the
 * row is suppressed; else a number (percent values stored as fractions with
 * a percent format, as printed by metric_format_value()). */
void rsheet_metric(rsheet *s, lxw_row_t r, lxw_col_t c, const metric_row *row, unsigned field);
/* The number a metric row shows (its printed value); false when blank or
 * suppressed. */
bool rsheet_metric_number(const report_book *b, const metric_row *row, double *out);
/* The number format for a metric row's value. */
lxw_format *rsheet_value_format(report_book *b, const metric_row *row);
/* Text of a MK_TEXT row (fidelity_band translated). */
void rsheet_metric_text(const report_book *b, const metric_row *row, char *buf, size_t size);

/* The label in the book's language. */
const char *rs_label(const report_book *b, label_id id);

#endif
