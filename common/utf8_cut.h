/* Cutting text short for messages without splitting a UTF-8 character: a
 * value shown as 'Hämeenlinn…' must stay valid UTF-8, or the reject table,
 * the terminal and the XLSX report get a broken byte. */
#ifndef IPS_UTF8_CUT_H
#define IPS_UTF8_CUT_H

#include <stddef.h>

/* The length in bytes of the longest start of the NUL-terminated s that is
 * at most max bytes and does not end inside a UTF-8 sequence; for
 * printf("%.*s", (int)utf8_cut(s, max), s). */
size_t utf8_cut(const char *s, size_t max);

#endif
