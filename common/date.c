#include "common/date.h"

#include <stdio.h>
#include <string.h>

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

bool date_valid(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

/* Howard Hinnant's days_from_civil: exact for every Gregorian date. */
ips_day date_from_ymd(int y, int m, int d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (153u * (unsigned)(m > 2 ? m - 3 : m + 9) + 2u) / 5u + (unsigned)d - 1u;
    const unsigned doe = yoe * 365u + yoe / 4u - yoe / 100u + doy;
    return (ips_day)(era * 146097 + (int)doe - 719468);
}

void date_to_ymd(ips_day day, int *y, int *m, int *d)
{
    const int z = day + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = (unsigned)(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460u + doe / 36524u - doe / 146096u) / 365u;
    const unsigned doy = doe - (365u * yoe + yoe / 4u - yoe / 100u);
    const unsigned mp = (5u * doy + 2u) / 153u;
    const unsigned dd = doy - (153u * mp + 2u) / 5u + 1u;
    const unsigned mm = mp < 10 ? mp + 3 : mp - 9;
    *y = (int)yoe + era * 400 + (mm <= 2);
    *m = (int)mm;
    *d = (int)dd;
}

static bool digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

bool date_parse_iso(const char *s, ips_day *out)
{
    int y, m, d;
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    if (!digits(s, 4, &y) || !digits(s + 5, 2, &m) || !digits(s + 8, 2, &d))
        return false;
    if (!date_valid(y, m, d))
        return false;
    *out = date_from_ymd(y, m, d);
    return true;
}

/* Reads 1..max digits; returns the count read or 0. */
static int read_num(const char *s, int max, int *out)
{
    int n = 0, v = 0;
    while (n < max && s[n] >= '0' && s[n] <= '9')
        v = v * 10 + (s[n++] - '0');
    *out = v;
    return n;
}

bool date_parse_fi(const char *s, ips_day *out)
{
    int d, m, y, n;
    if (!(n = read_num(s, 2, &d)) || s[n] != '.')
        return false;
    s += n + 1;
    if (!(n = read_num(s, 2, &m)) || s[n] != '.')
        return false;
    s += n + 1;
    if (read_num(s, 4, &y) != 4 || s[4] != '\0')
        return false;
    if (!date_valid(y, m, d))
        return false;
    *out = date_from_ymd(y, m, d);
    return true;
}

void date_format_iso(ips_day day, char buf[11])
{
    int y, m, d;
    date_to_ymd(day, &y, &m, &d);
    const int parts[3][2] = {{y % 10000, 4}, {m, 2}, {d, 2}};
    char *p = buf;
    for (int i = 0; i < 3; i++) {
        for (int k = parts[i][1] - 1, v = parts[i][0]; k >= 0; k--, v /= 10)
            p[k] = (char)('0' + v % 10);
        p += parts[i][1];
        *p++ = i < 2 ? '-' : '\0';
    }
}

int date_weekday(ips_day day)
{
    /* 1970-01-01 was a Thursday (3 when Monday is 0). */
    int w = (day + 3) % 7;
    return w < 0 ? w + 7 : w;
}

ips_day date_add_months(ips_day day, int months)
{
    int y, m, d;
    date_to_ymd(day, &y, &m, &d);
    int idx = y * 12 + (m - 1) + months;
    y = idx / 12;
    m = idx % 12 + 1;
    if (d > days_in_month(y, m))
        d = days_in_month(y, m);
    return date_from_ymd(y, m, d);
}

date_style date_style_of(const char *lang)
{
    return lang && strcmp(lang, "en") == 0 ? DATE_STYLE_ISO : DATE_STYLE_DMY;
}

void date_format_style(ips_day day, date_style style, char buf[16])
{
    int y, m, d;
    if (day == IPS_DAY_NONE) {
        buf[0] = '\0';
        return;
    }
    if (style == DATE_STYLE_ISO) {
        date_format_iso(day, buf);
        return;
    }
    date_to_ymd(day, &y, &m, &d);
    snprintf(buf, 16, "%d.%d.%04d", d, m, y);
}

const char *date_style_excel(date_style style)
{
    return style == DATE_STYLE_ISO ? "yyyy-mm-dd" : "d.m.yyyy";
}
