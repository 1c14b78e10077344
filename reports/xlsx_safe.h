/* Writing text and numbers into a workbook so that what a reader opens is
 * what the data said, and nothing more:
 *
 *  - text is always written as a string cell with the Text number format,
 *    never as a formula, so "=HYPERLINK(…)", "+358…", "-x", "@SUM(…)" and
 *    texts that start with a tab or CR stay inert text even when a user edits
 *    the cell later;
 *  - anything shaped like a Finnish personal identity code (DDMMYY, century
 *    sign, NNN, check character) is masked as ******-**** before it reaches a
 *    cell, whatever column it hides in (a file name, a job title);
 *  - invalid UTF-8 and control characters, which would make the file
 *    unreadable, are replaced; overlong text is shortened to Excel's limit;
 *  - numbers that are not finite are left blank rather than written as "nan".
 *
 * Only reports/ uses this; sheets call it through reports/report_sheet.h. */
#ifndef IPS_XLSX_SAFE_H
#define IPS_XLSX_SAFE_H

#include <stdbool.h>
#include <stddef.h>
#include <xlsxwriter.h>

/* Excel's longest cell text, in characters. */
#define XLSX_TEXT_MAX 32767

/* True when a spreadsheet could take text for a formula or command: it
 * starts with '=', '+', '-', '@', a tab or a carriage return. */
bool xlsx_formula_like(const char *text);

/* Masks every identity-code-shaped token in s, in place; returns how many. */
size_t xlsx_mask_hetu(char *s);

/* A copy of text fit for a cell (see above); *masked grows by the number of
 * identity codes masked (masked may be NULL).  NULL when out of memory. */
char *xlsx_clean_text(const char *text, size_t *masked);

/* Writes text as a string cell.  fmt must carry the Text number format ("@");
 * NULL text or "" writes nothing. */
lxw_error xlsx_write_text(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text,
                          lxw_format *fmt, size_t *masked);

/* Writes a number; NaN and infinities leave the cell blank. */
lxw_error xlsx_write_number(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, double value,
                            lxw_format *fmt);

/* A chart or series name: libxlsxwriter reads a name that starts with '='
 * as a cell reference, so such a name gets a leading space. */
void xlsx_chart_name(const char *in, char *out, size_t size);

/* Characters (code points) in a UTF-8 string, for column widths. */
size_t xlsx_text_width(const char *s);

#endif
