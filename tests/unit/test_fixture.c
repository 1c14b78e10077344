/* The fixture itself: a new warehouse has the schema, and the period parser
 * and as-of date behave as metrics.md says. */
#include "tests/unit/fixture.h"

static void empty_warehouse_has_no_as_of(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    ips_day a;
    ips_diag d;
    assert_int_equal(metrics_as_of(wh, &a, &d), IPS_OK);
    assert_int_equal(a, IPS_DAY_NONE);
    fixture_sql(wh, "INSERT INTO coaches(coach_id, provider_id, fte, start_date, end_date, " FIX_COLS
                    ") VALUES('k1', 'p1', 1, '2023-01-01', '2024-05-31', " FIX_VALS ")");
    assert_int_equal(metrics_as_of(wh, &a, &d), IPS_OK);
    char iso[11];
    date_format_iso(a, iso);
    assert_string_equal(iso, "2024-05-31");
    fixture_close(wh);
}

static void periods_parse(void **state)
{
    (void)state;
    ips_day s, e, ps, pe;
    char a[11], b[11];
    ips_diag d;
    assert_int_equal(metric_period_parse("2024Q3", &s, &e, &d), IPS_OK);
    date_format_iso(s, a);
    date_format_iso(e, b);
    assert_string_equal(a, "2024-07-01");
    assert_string_equal(b, "2024-09-30");
    assert_int_equal(metric_period_parse("2024H1", &s, &e, &d), IPS_OK);
    date_format_iso(e, b);
    assert_string_equal(b, "2024-06-30");
    assert_int_equal(metric_period_parse("2024", &s, &e, &d), IPS_OK);
    metric_period_previous(s, e, &ps, &pe);
    date_format_iso(ps, a);
    date_format_iso(pe, b);
    assert_string_equal(a, "2023-01-01");
    assert_string_equal(b, "2023-12-31");
    assert_int_equal(metric_period_parse("2024Q1", &s, &e, &d), IPS_OK);
    metric_period_previous(s, e, &ps, &pe);
    date_format_iso(ps, a);
    assert_string_equal(a, "2023-10-01");
    assert_int_equal(metric_period_parse("2024Q5", &s, &e, &d), IPS_ERR_PERIOD);
    assert_int_equal(metric_period_parse("Q3", &s, &e, &d), IPS_ERR_PERIOD);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(empty_warehouse_has_no_as_of),
        cmocka_unit_test(periods_parse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
