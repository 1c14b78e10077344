/* Distributions for the charts: item 15's days and the service path. */
#include "tests/unit/fixture.h"

#include <math.h>

#include "model/distributions.h"
#include "model/metrics.h"

/* Fixture (as-of 2024-12-31, P = 2024Q4, W = 2024-01-02..2024-12-31):
 *   e1 c1 ips start 2024-10-01: employer contact in person 2024-10-01 (0 days),
 *      competitive job 2024-10-20 open → path: contact, job; held 72 days at A (< 90).
 *   e2 c2 ips start 2024-03-01, referral 2024-02-20: contact 2024-04-10 (40 days) by phone
 *      (not counted), in person 2024-05-01 (61 days); job 2024-06-01..2024-12-31 (213 days).
 *   e3 c3 ips start 2024-11-15: no contact → pending.
 *   e4 c4 group start 2024-10-05: not ips, ignored.
 * Item 15 cohort = e1, e2, e3 (started in W): days {0, 61}, pending 1. */
static void fixture(warehouse *wh)
{
    fixture_sql(wh, "INSERT INTO coaches(coach_id, provider_id, fte, " FIX_COLS ") VALUES('k1','p1',1," FIX_VALS ")");
    fixture_sql(wh, "INSERT INTO employers(employer_id, " FIX_COLS ") VALUES('m1'," FIX_VALS ")");
    for (int i = 1; i <= 4; i++) {
        char sql[200];
        snprintf(sql, sizeof sql, "INSERT INTO clients(client_id, " FIX_COLS ") VALUES('c%d'," FIX_VALS ")", i);
        fixture_sql(wh, sql);
    }
    fixture_sql(wh, "INSERT INTO enrollments(enrollment_id, client_id, coach_id, service, referral_date, start_date, " FIX_COLS ") VALUES"
                    "('e1','c1','k1','ips',NULL,'2024-10-01'," FIX_VALS "),"
                    "('e2','c2','k1','ips','2024-02-20','2024-03-01'," FIX_VALS "),"
                    "('e3','c3','k1','ips',NULL,'2024-11-15'," FIX_VALS "),"
                    "('e4','c4','k1','group',NULL,'2024-10-05'," FIX_VALS ")");
    fixture_sql(wh, "INSERT INTO contacts(contact_id, date, kind, in_person, client_id, coach_id, employer_id, " FIX_COLS ") VALUES"
                    "('t1','2024-10-01','employer',1,'c1','k1','m1'," FIX_VALS "),"
                    "('t2','2024-04-10','employer',0,'c2','k1','m1'," FIX_VALS "),"
                    "('t3','2024-05-01','employer',1,'c2','k1','m1'," FIX_VALS "),"
                    "('t4','2024-12-31','client',1,'c3','k1',NULL," FIX_VALS "),"
                    "('t5','2024-10-06','employer',1,'c4','k1','m1'," FIX_VALS ")");
    fixture_sql(wh, "INSERT INTO jobs(job_id, client_id, employer_id, start_date, end_date, competitive, " FIX_COLS ") VALUES"
                    "('j1','c1','m1','2024-10-20',NULL,1," FIX_VALS "),"
                    "('j2','c2','m1','2024-06-01','2024-12-31',1," FIX_VALS ")");
}

static metric_query query(void)
{
    metric_query q;
    ips_diag d;
    metric_query_init(&q);
    assert_int_equal(metric_period_parse("2024Q4", &q.start, &q.end, &d), IPS_OK);
    return q;
}

/* Item 15's days as published rows: bins of 15 days (0-15 … 181-) of the
 * measured episodes {0, 61}: one in 0-15, one in 61-75, none elsewhere;
 * they add up to the measured count, and the first two to "within 30". */
static void first_contact_days(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    fixture(wh);
    metric_query q = query();
    q.internal = true;
    metric_set *set = metric_set_new();
    ips_diag d;
    assert_int_equal(metrics_compute(wh, &q, set, &d), IPS_OK);
    static const char *const groups[13] = {"0-15",    "16-30",   "31-45",   "46-60",  "61-75",
                                           "76-90",   "91-105",  "106-120", "121-135",
                                           "136-150", "151-165", "166-180", "181-"};
    double sum = 0;
    for (int k = 0; k < 13; k++) {
        const metric_row *r = metric_set_find(set, "first_employer_contact_days", "days",
                                              groups[k]);
        assert_non_null(r);
        assert_int_equal(r->kind, MK_COUNT);
        assert_true(r->value == (k == 0 || k == 4 ? 1 : 0));
        sum += r->value;
    }
    const metric_row *mean = metric_set_find(set, "first_employer_contact_mean_days", "", "");
    const metric_row *w30 = metric_set_find(set, "first_employer_contact_within_30", "", "");
    const metric_row *pend = metric_set_find(set, "first_employer_contact_pending", "", "");
    assert_true(mean && w30 && pend);
    assert_true(sum == mean->denominator && sum == 2);
    assert_true(w30->numerator == 1 && pend->value == 1);
    metric_set_free(set);
    /* A breakdown publishes no bins: the chart shows the whole service. */
    q.by = GROUP_COACH;
    set = metric_set_new();
    assert_int_equal(metrics_compute(wh, &q, set, &d), IPS_OK);
    assert_null(metric_set_find(set, "first_employer_contact_days", NULL, NULL));
    metric_set_free(set);
    fixture_close(wh);
}

/* The service path's fixture adds to fixture() (A = 2024-12-31, P = 2024Q4):
 *   e5 c5 ips referral 2024-09-15 (in Q3), start 2024-10-02: contact in person
 *      2024-10-03; job 2024-10-03..2024-12-31 ended after 89 days → not held.
 *   e6 c6 ips start 2024-10-01: contact in person 2024-10-01; job 2024-10-01 open,
 *      91 days at A → held 90 days.
 *   e8 c8 ips start 2024-12-01: employer contact by phone only (no step); an
 *      earlier job 2024-06-01..2024-07-01 (before the start: not its first job);
 *      job 2024-12-10..2024-12-20 → first job, not held.
 *   e9 c9 ips start 2024-10-05: no contact; job 2024-10-05..2025-02-01, open at
 *      A after 87 days → not yet known.
 * Started in P: e1, e3, e5, e6, e8, e9 = 6 (e2 started in March; e4 is not ips;
 *   e5 counts though referred in Q3: the cohort is enrollments_started's).
 * Employer contact: e1, e5, e6 = 3.  First job: e1, e5, e6, e8, e9 = 5.
 * Held 90 days: e6 = 1.  Not yet known: e1 (72 days), e9 (87) = 2.
 * At A = 2025-03-31: e1's job 162 days open, e9's ended after 119 → held 3, none pending. */
static void path_fixture(warehouse *wh)
{
    fixture(wh);
    static const int more[] = {5, 6, 8, 9};
    for (size_t i = 0; i < sizeof more / sizeof more[0]; i++) {
        char sql[200];
        snprintf(sql, sizeof sql, "INSERT INTO clients(client_id, " FIX_COLS ") VALUES('c%d'," FIX_VALS ")", more[i]);
        fixture_sql(wh, sql);
    }
    fixture_sql(wh, "INSERT INTO enrollments(enrollment_id, client_id, coach_id, service, referral_date, start_date, " FIX_COLS ") VALUES"
                    "('e5','c5','k1','ips','2024-09-15','2024-10-02'," FIX_VALS "),"
                    "('e6','c6','k1','ips',NULL,'2024-10-01'," FIX_VALS "),"
                    "('e8','c8','k1','ips',NULL,'2024-12-01'," FIX_VALS "),"
                    "('e9','c9','k1','ips',NULL,'2024-10-05'," FIX_VALS ")");
    fixture_sql(wh, "INSERT INTO contacts(contact_id, date, kind, in_person, client_id, coach_id, employer_id, " FIX_COLS ") VALUES"
                    "('t51','2024-10-03','employer',1,'c5','k1','m1'," FIX_VALS "),"
                    "('t61','2024-10-01','employer',1,'c6','k1','m1'," FIX_VALS "),"
                    "('t81','2024-12-02','employer',0,'c8','k1','m1'," FIX_VALS ")");
    fixture_sql(wh, "INSERT INTO jobs(job_id, client_id, employer_id, start_date, end_date, competitive, " FIX_COLS ") VALUES"
                    "('j5','c5','m1','2024-10-03','2024-12-31',1," FIX_VALS "),"
                    "('j6','c6','m1','2024-10-01',NULL,1," FIX_VALS "),"
                    "('j80','c8','m1','2024-06-01','2024-07-01',1," FIX_VALS "),"
                    "('j81','c8','m1','2024-12-10','2024-12-20',1," FIX_VALS "),"
                    "('j9','c9','m1','2024-10-05','2025-02-01',1," FIX_VALS ")");
}

static void service_path(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    path_fixture(wh);
    metric_query q = query();
    assert_true(date_parse_iso("2024-12-31", &q.as_of));
    long c[PATH_COUNTS];
    ips_diag d;
    assert_int_equal(distributions_service_path(wh, &q, c, &d), IPS_OK);
    assert_int_equal(c[0], 6); /* started in P */
    assert_int_equal(c[1], 3); /* in-person employer contact */
    assert_int_equal(c[2], 5); /* first competitive job */
    assert_int_equal(c[3], 1); /* held 90 days */
    assert_int_equal(c[4], 2); /* not yet known */
    assert_true(date_parse_iso("2025-03-31", &q.as_of));
    assert_int_equal(distributions_service_path(wh, &q, c, &d), IPS_OK);
    assert_int_equal(c[0], 6);
    assert_int_equal(c[2], 5);
    assert_int_equal(c[3], 3);
    assert_int_equal(c[4], 0);
    fixture_close(wh);
}

/* The funnel's first step is the headline's enrollments_started. */
static void path_starts_as_headline(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    path_fixture(wh);
    metric_query q = query();
    assert_true(date_parse_iso("2024-12-31", &q.as_of));
    long c[PATH_COUNTS];
    ips_diag d;
    assert_int_equal(distributions_service_path(wh, &q, c, &d), IPS_OK);
    metric_set *set = metric_set_new();
    assert_non_null(set);
    q.internal = true;
    assert_int_equal(metrics_compute(wh, &q, set, &d), IPS_OK);
    const metric_row *r = metric_set_find(set, "enrollments_started", NULL, NULL);
    assert_non_null(r);
    assert_true(fabs(r->value - (double)c[0]) < 1e-9);
    metric_set_free(set);
    fixture_close(wh);
}

/* The funnel as published rows (service_path by step, whole service only):
 * the same counts as the distribution, and "started" the same number as
 * enrollments_started, which the disclosure model treats as one. */
static void service_path_rows(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    fixture(wh);
    metric_query q = query();
    q.internal = true;
    long counts[PATH_COUNTS];
    ips_diag d;
    assert_int_equal(distributions_service_path(wh, &q, counts, &d), IPS_OK);
    metric_set *set = metric_set_new();
    assert_int_equal(metrics_compute(wh, &q, set, &d), IPS_OK);
    for (int k = 0; k < PATH_COUNTS; k++) {
        const metric_row *r = metric_set_find(set, "service_path", "step", distributions_path_steps[k]);
        assert_non_null(r);
        assert_int_equal(r->kind, MK_COUNT);
        assert_true(r->value == (double)counts[k]);
    }
    const metric_row *st = metric_set_find(set, "enrollments_started", "", "");
    assert_non_null(st);
    assert_true(st->value == (double)counts[0]);
    metric_set_free(set);
    q.by = GROUP_PROVIDER;
    set = metric_set_new();
    assert_int_equal(metrics_compute(wh, &q, set, &d), IPS_OK);
    assert_null(metric_set_find(set, "service_path", NULL, NULL));
    metric_set_free(set);
    fixture_close(wh);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(service_path_rows),
        cmocka_unit_test(first_contact_days),
        cmocka_unit_test(service_path),
        cmocka_unit_test(path_starts_as_headline),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
