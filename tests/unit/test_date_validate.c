/* Dates (real calendar days, Finnish d.m.yyyy) and UTF-8 validation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "common/date.h"
#include "ingest/validate.h"

static void iso_dates(void **state)
{
    (void)state;
    ips_day d;
    char buf[11];
    assert_true(date_parse_iso("2024-02-29", &d));
    date_format_iso(d, buf);
    assert_string_equal(buf, "2024-02-29");
    assert_false(date_parse_iso("2023-02-29", &d));
    assert_false(date_parse_iso("2024-02-31", &d));
    assert_false(date_parse_iso("2024-2-3", &d));
    assert_false(date_parse_iso("2024-02-03x", &d));
    assert_true(date_parse_iso("1970-01-01", &d));
    assert_int_equal(d, 0);
    assert_int_equal(date_weekday(d), 3); /* Thursday */
}

static void finnish_dates(void **state)
{
    (void)state;
    ips_day a, b;
    assert_true(date_parse_fi("5.9.2022", &a));
    assert_true(date_parse_iso("2022-09-05", &b));
    assert_int_equal(a, b);
    assert_true(date_parse_fi("05.09.2022", &a));
    assert_int_equal(a, b);
    assert_false(date_parse_fi("31.02.2024", &a));
    assert_false(date_parse_fi("5.9.22", &a));
    assert_false(date_parse_fi("5/9/2022", &a));
}

static void day_arithmetic(void **state)
{
    (void)state;
    ips_day a, b;
    assert_true(date_parse_iso("2024-12-31", &a));
    assert_true(date_parse_iso("2024-01-01", &b));
    assert_int_equal(a - b, 365); /* leap year */
    char buf[11];
    date_format_iso(date_add_months(b + 30, 1), buf); /* Jan 31 + 1 month */
    assert_string_equal(buf, "2024-02-29");
    int y, m, d;
    date_to_ymd(date_from_ymd(1899, 12, 31), &y, &m, &d);
    assert_int_equal(y * 10000 + m * 100 + d, 18991231);
}

static void utf8(void **state)
{
    (void)state;
    assert_true(validate_utf8("Kärkölä Åbo", strlen("Kärkölä Åbo")));
    assert_false(validate_utf8("K\xe4rk", 4));          /* Latin-1 byte */
    assert_false(validate_utf8("\xc3", 1));             /* cut short */
    assert_false(validate_utf8("\xc0\xaf", 2));         /* overlong */
    assert_false(validate_utf8("\xed\xa0\x80", 3));     /* surrogate */
    assert_false(validate_utf8("a\0b", 3));             /* NUL */
    assert_true(validate_utf8("\xf0\x9f\x98\x80", 4));  /* emoji */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(iso_dates),
        cmocka_unit_test(finnish_dates),
        cmocka_unit_test(day_arithmetic),
        cmocka_unit_test(utf8),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
