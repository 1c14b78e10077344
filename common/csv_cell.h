/* Writing one CSV field that a spreadsheet will open safely.  RFC 4180: a
 * field holding a comma, a quote or a line break is quoted and its quotes
 * doubled.  OWASP's rule against CSV injection: a text field that starts
 * with '=', '+', '-', '@', a tab or a carriage return would be read as a
 * formula (=HYPERLINK(...) opens a link, @SUM(A1) computes), so it is
 * written with a single quote in front ('=HYPERLINK(...)), which a
 * spreadsheet shows as text.  Numbers are not text fields: -3.5 stays a
 * number. */
#ifndef IPS_CSV_CELL_H
#define IPS_CSV_CELL_H

#include <stdbool.h>
#include <stdio.h>

/* True when text field s would be read as a formula. */
bool csv_cell_formula_risk(const char *s);
/* Writes s (a text field when text, else a number or blank) and then ','
 * or, when last, a line end. */
void csv_cell_write(FILE *out, const char *s, bool text, bool last);

#endif
