/* Surrounding blanks in text read from CSV cells and key files. */
#ifndef IPS_TRIM_H
#define IPS_TRIM_H

#include <stddef.h>

/* Returns a pointer to the first non-blank character of s and sets *len to
 * the length up to and not including any trailing blanks.  Blanks are ASCII
 * space, tab, CR, LF, VT and FF.  s must not be NULL. */
const char *trim_span(const char *s, size_t *len);

#endif
