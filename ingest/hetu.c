#include "ingest/hetu.h"

#include <ctype.h>
#include <string.h>

#include "common/trim.h"

#define NOT_HETU "not a valid personal identity code: "

/* The check character of DDMMYYNNN mod 31. */
static const char check_chars[] = "0123456789ABCDEFHJKLMNPRSTUVWXY";

/* The first year of the century a sign names, or 0 for no century sign. */
static int century_of(char sign)
{
    if (sign == '+')
        return 1800;
    if (sign == '-' || (sign >= 'U' && sign <= 'Y'))
        return 1900;
    if (sign >= 'A' && sign <= 'F')
        return 2000;
    return 0;
}

static bool all_digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static int two(const char *s)
{
    return (s[0] - '0') * 10 + (s[1] - '0');
}

/* Copies `in` without surrounding blanks, upper-cased, into c; returns a
 * reason when what is left is not exactly HETU_LEN characters. */
static const char *normalise(const char *in, char c[HETU_LEN + 1])
{
    size_t n;
    in = trim_span(in, &n);
    if (n == 0)
        return NOT_HETU "it is blank";
    if (n != HETU_LEN)
        return NOT_HETU "it must have 11 characters, as in DDMMYY-NNNX";
    for (size_t i = 0; i < n; i++)
        c[i] = (char)toupper((unsigned char)in[i]);
    c[n] = '\0';
    return NULL;
}

/* Checks the normalised code c; returns NULL when valid, else the reason. */
static const char *check(const char *c, hetu_info *out)
{
    if (!all_digits(c, 6))
        return NOT_HETU "the first six characters must be the birth date DDMMYY";
    int century = century_of(c[6]);
    if (!century)
        return NOT_HETU "the seventh character must be a century sign (+, -, A-F or U-Y)";
    if (!all_digits(c + 7, 3))
        return NOT_HETU "characters 8 to 10 must be digits";
    int individual = (c[7] - '0') * 100 + two(c + 8);
    if (individual < 2)
        return NOT_HETU "the individual number must be from 002 to 999";
    int day = two(c), month = two(c + 2), year = century + two(c + 4);
    if (!date_valid(year, month, day))
        return NOT_HETU "the birth date is not a real date";
    long ddmmyynnn = ((day * 100L + month) * 100 + two(c + 4)) * 1000 + individual;
    if (c[10] != check_chars[ddmmyynnn % 31])
        return NOT_HETU "check character does not match";
    memcpy(out->code, c, HETU_LEN + 1);
    out->birth_year = year;
    out->birth_date = date_from_ymd(year, month, day);
    out->gender = individual % 2 ? 'm' : 'f';
    out->temporary = individual >= 900;
    return NULL;
}

bool hetu_parse(const char *in, hetu_info *out, const char **why)
{
    char c[HETU_LEN + 1];
    memset(out, 0, sizeof *out);
    const char *reason = normalise(in ? in : "", c);
    if (!reason)
        reason = check(c, out);
    if (why)
        *why = reason;
    return reason == NULL;
}

static bool alnum_ascii(char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Whether the HETU_LEN characters at s are shaped like a code (s may be
 * shorter: the checks stop at its NUL). */
static bool shaped_at(const char *s)
{
    /* Six digits first: it fails at once on most positions of most cells
     * (and stops at the NUL), since every position of every id is tried. */
    if (!all_digits(s, 6))
        return false;
    for (int i = 6; i < HETU_LEN; i++)
        if (!s[i])
            return false;
    char sign = (char)toupper((unsigned char)s[6]);
    return all_digits(s, 6) && two(s) >= 1 && two(s) <= 31 && two(s + 2) >= 1 &&
           two(s + 2) <= 12 && century_of(sign) &&
           all_digits(s + 7, 3) && alnum_ascii(s[10]);
}

/* Whether the code shaped at s is a valid one as written: a real date, an
 * individual number from 002 and the right check character.  A letter as
 * century sign must be upper case: pseudonyms are lower-case hex, and
 * "131052a308b" inside one is no one's code. */
static bool valid_at(const char *s)
{
    char c[HETU_LEN + 1];
    hetu_info h;
    if (s[6] >= 'a' && s[6] <= 'z')
        return false;
    for (int i = 0; i < HETU_LEN; i++)
        c[i] = (char)toupper((unsigned char)s[i]);
    c[HETU_LEN] = '\0';
    bool ok = check(c, &h) == NULL;
    memset(&h, 0, sizeof h);
    return ok;
}

/* Two rules, because ids are often built around codes ("A130175-6041",
 * "130175-6041B") while ordinary ids are full of digits: a code standing
 * alone (no letter or digit on either side) counts even with a typo in it;
 * one inside a longer run of letters and digits counts only when it is a
 * valid code, which a random id is once in tens of thousands. */
bool hetu_find(const char *s)
{
    for (size_t i = 0; s && s[i]; i++) {
        if (!shaped_at(s + i))
            continue;
        bool alone = (i == 0 || !alnum_ascii(s[i - 1])) && !alnum_ascii(s[i + HETU_LEN]);
        if (alone || valid_at(s + i))
            return true;
    }
    return false;
}
