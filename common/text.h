/* Comparing text the way people read it: header names and code values from
 * exports differ in case ("Työllistynyt" / "TYÖLLISTYNYT") and in blanks
 * ("Asiakkuuden  tunnus "), and a Windows-1252 export converted to UTF-8 may
 * carry no-break spaces.  A "key" is the text trimmed, every run of blanks
 * collapsed to one space, and letters folded to lower case: ASCII and the
 * Latin-1 capitals À..Þ (so Ä Ö Å become ä ö å).  Text is UTF-8. */
#ifndef IPS_TEXT_H
#define IPS_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* The key of s in a new string (caller frees), or NULL when out of memory. */
char *text_key(const char *s);
/* s with letters folded to lower case as above, blanks untouched, in a new
 * string (caller frees), or NULL when out of memory: for file names. */
char *text_lower(const char *s);
/* True when the key of raw equals key (itself made by text_key()); allocates
 * nothing, so it can be called for every cell. */
bool text_key_equal(const char *raw, const char *key);
/* True when the n bytes at s are well-formed UTF-8 (no overlongs, no
 * surrogates).  With partial_end, a sequence cut off by the end is accepted,
 * for checking the first part of a file. */
bool text_utf8_valid(const char *s, size_t n, bool partial_end);

#endif
