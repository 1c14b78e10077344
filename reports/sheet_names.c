/* Valid, unique sheet names from free text (reports/sheet_names.h). */
#include "reports/sheet_names.h"

#include "common/utf8_cut.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define NAME_CHARS 27

/* The bytes of s's first max characters. */
static size_t bytes_of_chars(const char *s, size_t max)
{
    size_t i = 0, n = 0;
    for (; s[i]; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80 && n++ == max)
            break;
    }
    return i;
}

/* text with Excel's forbidden characters and control bytes as '_', leading
 * and trailing apostrophes and spaces dropped, at most max characters. */
static void clean(const char *text, size_t max, char *out, size_t size)
{
    size_t o = 0, limit = utf8_cut(text, size - 1); /* never half a character */
    for (const char *p = text; *p && o < limit; p++) {
        unsigned char c = (unsigned char)*p;
        out[o++] = strchr("[]:*?/\\", c) || c < 0x20 || c == 0x7F ? '_' : (char)c;
    }
    out[o] = '\0';
    out[bytes_of_chars(out, max)] = '\0';
    size_t n = strlen(out);
    while (n > 0 && (out[n - 1] == '\'' || out[n - 1] == ' '))
        out[--n] = '\0';
    size_t lead = strspn(out, "' ");
    memmove(out, out + lead, strlen(out + lead) + 1);
}

static bool taken_by(const char *name, char *const *taken, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcasecmp(name, taken[i]) == 0)
            return true;
    return false;
}

void sheet_name_make(const char *text, const char *fallback, char *const *taken, size_t n,
                     char out[SHEET_NAME_SIZE])
{
    char base[SHEET_NAME_SIZE];
    clean(text ? text : "", NAME_CHARS, base, sizeof base);
    if (!*base)
        clean(fallback ? fallback : "Sheet", NAME_CHARS, base, sizeof base);
    snprintf(out, SHEET_NAME_SIZE, "%s", base);
    for (unsigned k = 2; taken_by(out, taken, n) && k < 100000; k++) {
        char suffix[16];
        int ns = snprintf(suffix, sizeof suffix, " %u", k);
        /* the cut leaves room: at most 27 − ns characters of 4 bytes, then the suffix */
        clean(base, NAME_CHARS - (size_t)ns, out, SHEET_NAME_SIZE - sizeof suffix);
        strcat(out, suffix);
    }
}
