/* Sheet names Excel accepts, made from free text (a provider or team id):
 * at most 31 characters, none of []:*?/\, no apostrophe at either end, and
 * unique regardless of case among the sheets already in the workbook. */
#ifndef IPS_REPORT_SHEET_NAMES_H
#define IPS_REPORT_SHEET_NAMES_H

#include <stddef.h>

/* Bytes a name may take: 27 characters (room for " (2)" on a sheet that
 * continues past the row limit), up to 4 bytes each, and the NUL. */
#define SHEET_NAME_SIZE (27 * 4 + 1)

/* Writes into out a valid name for text (fallback when text leaves nothing),
 * different from every name in taken[0 … n), case ignored; a clash gets
 * " 2", " 3", … (text cut shorter when needed). */
void sheet_name_make(const char *text, const char *fallback, char *const *taken, size_t n,
                     char out[SHEET_NAME_SIZE]);

#endif
