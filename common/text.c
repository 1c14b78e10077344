#include "common/text.h"

#include <stdlib.h>
#include <string.h>

/* Length of the blank at s (ASCII blank or UTF-8 no-break space), or 0. */
static size_t blank_len(const unsigned char *s)
{
    if (*s == ' ' || (*s >= '\t' && *s <= '\r'))
        return 1;
    if (s[0] == 0xC2 && s[1] == 0xA0)
        return 2;
    return 0;
}

/* Folds the character at s into out (1 or 2 bytes) and returns its length. */
static size_t fold_char(const unsigned char *s, unsigned char out[2])
{
    if (*s >= 'A' && *s <= 'Z') {
        out[0] = (unsigned char)(*s + 32);
        return 1;
    }
    /* U+00C0..U+00DE except U+00D7 (×) are capitals whose small letter is
     * 0x20 further on: À..Þ -> à..þ, which covers Ä Ö Å and É. */
    if (s[0] == 0xC3 && s[1] >= 0x80 && s[1] <= 0x9E && s[1] != 0x97) {
        out[0] = 0xC3;
        out[1] = (unsigned char)(s[1] + 0x20);
        return 2;
    }
    out[0] = *s;
    return 1;
}

/* Walks the key of a string one byte at a time, without building it. */
typedef struct {
    const unsigned char *p;
    unsigned char pend[2];
    size_t npend, ipend;
} key_iter;

static void key_iter_init(key_iter *it, const char *s)
{
    it->p = (const unsigned char *)s;
    while (blank_len(it->p))
        it->p += blank_len(it->p);
    it->npend = it->ipend = 0;
}

/* Next byte of the key, or 0 at its end. */
static unsigned char key_iter_next(key_iter *it)
{
    if (it->ipend < it->npend)
        return it->pend[it->ipend++];
    size_t b = blank_len(it->p);
    if (b) {
        while ((b = blank_len(it->p)) != 0)
            it->p += b;
        return *it->p ? ' ' : 0;  /* trailing blanks vanish */
    }
    if (!*it->p)
        return 0;
    size_t n = fold_char(it->p, it->pend);
    it->p += n;
    it->npend = n;
    it->ipend = 1;
    return it->pend[0];
}

char *text_key(const char *s)
{
    char *out = malloc(strlen(s) + 1);  /* a key is never longer than its text */
    if (!out)
        return NULL;
    key_iter it;
    key_iter_init(&it, s);
    size_t n = 0;
    unsigned char c;
    while ((c = key_iter_next(&it)) != 0)
        out[n++] = (char)c;
    out[n] = '\0';
    return out;
}

char *text_lower(const char *s)
{
    char *out = malloc(strlen(s) + 1);
    if (!out)
        return NULL;
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0;
    while (*p) {
        unsigned char f[2];
        size_t k = fold_char(p, f);
        memcpy(out + n, f, k);
        n += k;
        p += k;
    }
    out[n] = '\0';
    return out;
}

bool text_key_equal(const char *raw, const char *key)
{
    key_iter it;
    key_iter_init(&it, raw);
    const unsigned char *k = (const unsigned char *)key;
    for (;; k++) {
        unsigned char c = key_iter_next(&it);
        if (c != *k)
            return false;
        if (!c)
            return true;
    }
}

bool text_utf8_valid(const char *str, size_t n, bool partial_end)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        size_t len;
        unsigned lo = 0x80, hi = 0xBF;  /* allowed range of the second byte */
        if (c < 0x80)
            len = 1;
        else if (c >= 0xC2 && c <= 0xDF)
            len = 2;
        else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0)
                lo = 0xA0;          /* overlong */
            else if (c == 0xED)
                hi = 0x9F;          /* surrogates */
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F;
        } else
            return false;
        for (size_t k = 1; k < len; k++) {
            if (i + k >= n)
                return partial_end;
            unsigned char cc = s[i + k];
            if (k == 1 ? (cc < lo || cc > hi) : (cc < 0x80 || cc > 0xBF))
                return false;
        }
        i += len;
    }
    return true;
}
