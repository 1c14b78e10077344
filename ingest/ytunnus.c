#include "ingest/ytunnus.h"

#include <string.h>

#include "common/trim.h"

#define NOT_YTUNNUS "not a valid business id (Y-tunnus): "

/* The check digit of seven digits, or -1 when no check digit can make them
 * valid (remainder 1: such numbers are never issued). */
static int check_digit(const char *digits7)
{
    static const int weight[7] = {7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 7; i++)
        sum += (digits7[i] - '0') * weight[i];
    int r = sum % 11;
    if (r == 1)
        return -1;
    return r == 0 ? 0 : 11 - r;
}

static size_t leading_digits(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    return i;
}

/* Checks the n characters at s (no surrounding blanks); returns NULL and
 * fills out when valid, else the reason. */
static const char *check(const char *s, size_t n, char out[YTUNNUS_LEN + 1])
{
    if (n == 0)
        return NOT_YTUNNUS "it is blank";
    size_t base = leading_digits(s, n);
    if ((base != 6 && base != 7) || n != base + 2 || s[base] != '-' || s[base + 1] < '0' || s[base + 1] > '9')
        return NOT_YTUNNUS "it must be seven digits, a hyphen and a check digit, as in 1234567-1";
    char norm[YTUNNUS_LEN + 1] = "0";
    memcpy(norm + (7 - base), s, base + 2);
    norm[YTUNNUS_LEN] = '\0';
    int want = check_digit(norm);
    if (want < 0)
        return NOT_YTUNNUS "no check digit can make these seven digits valid";
    if (norm[8] - '0' != want)
        return NOT_YTUNNUS "check digit does not match";
    memcpy(out, norm, sizeof norm);
    return NULL;
}

bool ytunnus_parse(const char *in, char out[YTUNNUS_LEN + 1], const char **why)
{
    size_t n;
    in = trim_span(in ? in : "", &n);
    out[0] = '\0';
    const char *reason = check(in, n, out);
    if (why)
        *why = reason;
    return reason == NULL;
}
