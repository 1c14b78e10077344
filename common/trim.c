#include "common/trim.h"

#include <string.h>

static int is_blank(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

const char *trim_span(const char *s, size_t *len)
{
    while (is_blank(*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && is_blank(s[n - 1]))
        n--;
    *len = n;
    return s;
}
