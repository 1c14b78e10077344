/* The report's periods: the latest complete quarter, period names, and the
 * eight quarters and breakdown sets gathered through model/metrics.h. */
#include "reports/report_data.h"
#include "tests/unit/fixture.h"

static ips_day ymd(int y, int m, int d)
{
    return date_from_ymd(y, m, d);
}

static void latest_complete_quarter(void **state)
{
    (void)state;
    ips_day s, e;
    report_latest_quarter(ymd(2024, 9, 30), &s, &e); /* the quarter's last day: complete */
    assert_int_equal(s, ymd(2024, 7, 1));
    assert_int_equal(e, ymd(2024, 9, 30));
    report_latest_quarter(ymd(2024, 9, 29), &s, &e);
    assert_int_equal(s, ymd(2024, 4, 1));
    assert_int_equal(e, ymd(2024, 6, 30));
    report_latest_quarter(ymd(2024, 2, 10), &s, &e); /* across the new year */
    assert_int_equal(s, ymd(2023, 10, 1));
    assert_int_equal(e, ymd(2023, 12, 31));
}

static void period_names(void **state)
{
    (void)state;
    char buf[48];
    report_period_text(ymd(2024, 7, 1), ymd(2024, 9, 30), buf, sizeof buf);
    assert_string_equal(buf, "2024Q3");
    report_period_text(ymd(2024, 7, 1), ymd(2024, 12, 31), buf, sizeof buf);
    assert_string_equal(buf, "2024H2");
    report_period_text(ymd(2024, 1, 1), ymd(2024, 12, 31), buf, sizeof buf);
    assert_string_equal(buf, "2024");
    report_period_text(ymd(2024, 2, 1), ymd(2024, 4, 30), buf, sizeof buf);
    assert_string_equal(buf, "2024-02-01\xE2\x80\x93" "2024-04-30");
}

static void gathers_every_set(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    fixture_sql(wh, "INSERT INTO coaches(coach_id, provider_id, fte, start_date, " FIX_COLS
                    ") VALUES('k1', 'p1', 1, '2023-01-01', " FIX_VALS ")");
    metric_query q;
    metric_query_init(&q);
    q.start = ymd(2024, 1, 1);
    q.end = ymd(2024, 12, 31);
    q.as_of = ymd(2024, 12, 31);
    report_data *data = report_data_new();
    assert_non_null(data);
    ips_diag d;
    ips_day ps, pe;
    metric_period_previous(q.start, q.end, &ps, &pe);
    if (report_data_collect(wh, &q, ps, pe, data, &d) != IPS_OK)
        fail_msg("report_data_collect: %s", d.msg);
    /* Eight quarters, oldest first, the last one ending with the period. */
    assert_int_equal(data->q_start[0], ymd(2023, 1, 1));
    assert_int_equal(data->q_end[REPORT_QUARTERS - 1], ymd(2024, 12, 31));
    for (int i = 1; i < REPORT_QUARTERS; i++)
        assert_int_equal(data->q_start[i], data->q_end[i - 1] + 1);
    /* every breakdown but the counties, which only a national warehouse has */
    for (size_t i = 0; i < report_breakdowns_n; i++)
        if (report_breakdowns[i] != GROUP_COUNTY)
            assert_non_null(data->by[report_breakdowns[i]]);
    assert_null(data->by[GROUP_COUNTY]);
    assert_null(data->by[GROUP_MUNICIPALITY]);
    /* Every row of a breakdown set is of that breakdown (or review-free whole rows). */
    for (size_t i = 0; i < report_breakdowns_n; i++) {
        const metric_set *set = data->by[report_breakdowns[i]];
        for (size_t k = 0; set && k < set->n; k++)
            assert_string_not_equal(set->rows[k].group_by, "review");
    }
    report_data_free(data);
    fixture_close(wh);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(latest_complete_quarter),
        cmocka_unit_test(period_names),
        cmocka_unit_test(gathers_every_set),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
