#include "reports/xlsx_safe.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool xlsx_formula_like(const char *text)
{
    if (!text)
        return false;
    switch (text[0]) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
        return true;
    default:
        return false;
    }
}

/* --- identity codes ---------------------------------------------------- */

static bool two_digits(const char *s, int lo, int hi)
{
    if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]))
        return false;
    int v = (s[0] - '0') * 10 + (s[1] - '0');
    return v >= lo && v <= hi;
}

/* The shape of metrics.md's henkilötunnus, checked loosely on purpose: a code
 * with a wrong check character is still someone's mistyped identity. */
static bool hetu_shape(const char *s)
{
    static const char signs[] = "+-ABCDEFUVWXY";
    static const char checks[] = "0123456789ABCDEFHJKLMNPRSTUVWXY";
    if (!two_digits(s, 1, 31) || !two_digits(s + 2, 1, 12) || !two_digits(s + 4, 0, 99))
        return false;
    int sign = toupper((unsigned char)s[6]);
    if (!sign || !strchr(signs, sign))
        return false;
    for (int i = 7; i < 10; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    int check = toupper((unsigned char)s[10]);
    return check && strchr(checks, check) != NULL;
}

static bool word_char(char c)
{
    return isalnum((unsigned char)c) != 0;
}

size_t xlsx_mask_hetu(char *s)
{
    size_t n = 0;
    size_t len = strlen(s);
    for (size_t i = 0; i + 11 <= len; i++) {
        if ((i > 0 && word_char(s[i - 1])) || word_char(s[i + 11]) || !hetu_shape(s + i))
            continue;
        memcpy(s + i, "******-****", 11);
        n++;
        i += 10;
    }
    return n;
}

/* --- UTF-8 and control characters ------------------------------------- */

/* Decodes one UTF-8 sequence at s; returns its length, or 0 when invalid. */
static size_t utf8_decode(const unsigned char *s, uint32_t *cp)
{
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    size_t n;
    uint32_t c, min;
    if ((s[0] & 0xE0) == 0xC0) {
        n = 2, c = s[0] & 0x1F, min = 0x80;
    } else if ((s[0] & 0xF0) == 0xE0) {
        n = 3, c = s[0] & 0x0F, min = 0x800;
    } else if ((s[0] & 0xF8) == 0xF0) {
        n = 4, c = s[0] & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF)
        return 0;
    *cp = c;
    return n;
}

char *xlsx_clean_text(const char *text, size_t *masked)
{
    static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */
    static const char ellipsis[] = "\xE2\x80\xA6";    /* … */
    size_t len = strlen(text);
    char *out = malloc(len * 3 + sizeof ellipsis);
    if (!out)
        return NULL;
    const unsigned char *p = (const unsigned char *)text;
    size_t o = 0, units = 0;
    while (*p) {
        if (units >= XLSX_TEXT_MAX - 1) {
            memcpy(out + o, ellipsis, 3);
            o += 3;
            break;
        }
        uint32_t cp;
        size_t n = utf8_decode(p, &cp);
        if (n == 0) {
            memcpy(out + o, replacement, 3);
            o += 3;
            p++;
        } else if (cp == '\r') {
            /* CR LF and a lone CR both become a line break Excel shows. */
            out[o++] = '\n';
            p += p[1] == '\n' ? 2 : 1;
        } else if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F) {
            out[o++] = ' ';
            p++;
        } else {
            memcpy(out + o, p, n);
            o += n;
            p += n;
        }
        units += n == 4 ? 2 : 1; /* Excel counts UTF-16 units */
    }
    out[o] = '\0';
    size_t m = xlsx_mask_hetu(out);
    if (masked)
        *masked += m;
    return out;
}

lxw_error xlsx_write_text(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text,
                          lxw_format *fmt, size_t *masked)
{
    if (!text || !*text)
        return LXW_NO_ERROR;
    char *clean = xlsx_clean_text(text, masked);
    if (!clean)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    /* worksheet_write_string() stores a string cell whatever the text looks
     * like; the Text format keeps it text if a reader edits it. */
    lxw_error e = worksheet_write_string(ws, row, col, clean, fmt);
    free(clean);
    return e;
}

lxw_error xlsx_write_number(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, double value,
                            lxw_format *fmt)
{
    if (!isfinite(value))
        return LXW_NO_ERROR;
    return worksheet_write_number(ws, row, col, value, fmt);
}

void xlsx_chart_name(const char *in, char *out, size_t size)
{
    if (size == 0)
        return;
    snprintf(out, size, "%s%s", in && in[0] == '=' ? " " : "", in ? in : "");
}

size_t xlsx_text_width(const char *s)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p & 0xC0) != 0x80)
            n++;
    return n;
}
