/* Team capacity (metrics.md "Team capacity", docs/metrics-notes.md): per
 * region and for all, in the calendar year of p_end.  Expected numbers are
 * worked out by hand beside the fixture. */
#include <math.h>
#include <string.h>

#include "tests/unit/fixture.h"

#define assert_near(a, b, eps)                                                  \
    do {                                                                        \
        double a_ = (a), b_ = (b);                                              \
        if (!(fabs(a_ - b_) <= (eps)))                                          \
            fail_msg("%s is %.6f, expected %.6f", #a, a_, b_);                  \
    } while (0)

static void coach(warehouse *wh, const char *id, const char *region, double fte,
                  const char *start, const char *end)
{
    char sql[512];
    snprintf(sql, sizeof sql, "INSERT INTO coaches(coach_id, provider_id, region, fte, start_date,"
             " end_date, " FIX_COLS ") VALUES('%s', 'P1', %s%s%s, %g, '%s', %s%s%s, " FIX_VALS ")",
             id, region ? "'" : "", region ? region : "NULL", region ? "'" : "", fte, start,
             end ? "'" : "", end ? end : "NULL", end ? "'" : "");
    fixture_sql(wh, sql);
}

static void client(warehouse *wh, const char *id)
{
    char sql[256];
    snprintf(sql, sizeof sql, "INSERT INTO clients(client_id, " FIX_COLS ") VALUES('%s', " FIX_VALS ")",
             id);
    fixture_sql(wh, sql);
}

static void episode(warehouse *wh, const char *id, const char *client_id, const char *coach_id,
                    const char *service, const char *start, const char *end)
{
    char sql[768];
    snprintf(sql, sizeof sql,
             "INSERT INTO enrollments(enrollment_id, client_id, coach_id, service, start_date,"
             " end_date, exit_reason, " FIX_COLS ") VALUES('%s', '%s', %s%s%s, '%s', '%s', %s%s%s,"
             " %s, " FIX_VALS ")",
             id, client_id, coach_id ? "'" : "", coach_id ? coach_id : "NULL", coach_id ? "'" : "",
             service, start, end ? "'" : "", end ? end : "NULL", end ? "'" : "",
             end ? "'other'" : "NULL");
    fixture_sql(wh, sql);
}

/* Year 2024 (P = 2024Q3, A = 2024-12-31 unless a test says otherwise).
 * Coaches:
 *   r1 Rovaniemi 1.0 from 2023, open          r2 Rovaniemi 0.5 from 2024-03-01, open
 *   r3 Rovaniemi 0.8 2022 .. 2024-06-30 (left during the year)
 *   k1 Kemijärvi 0.6 2023 .. 2024-05-31 (left)  ra1 Ranua 1.0 2023 .. 2024-02-29 (left)
 *   x1 no region 0.4 from 2024-01-01, open      s1 Sodankylä 1.0 2020 .. 2023-12-31 (gone)
 * ips episodes (client: coach, span):
 *   a: r1 2023-06-01..2024-06-18 and r1 2024-02-01..open (overlap: still one client a day)
 *   b: r2 03-01..04-30   c: r3 01-15..06-30   d: r1 05-01..open
 *   h: k1 01-01..03-31 and r1 04-01..04-30 (Kemijärvi and Rovaniemi)
 *   i: no coach 06-01..06-30   j: x1 07-01..open   m: x1 06-15..06-20
 *   not counted: e (group service, r1), f (ips r1 starting 2025), g (r2, all of 2023)
 * Rovaniemi: clients a b c d h = 5; April has a b c h = 4 on one day (d starts
 *   05-01 when b and h have ended) → peak 4; fte on 12-31: r1 + r2 = 1.5;
 *   throughput 5/45 = 0.11 → 0.1; caseload 4/20 = 0.2; gap 0.2 − 1.5 = −1.3
 * Kemijärvi: h = 1; peak 1; fte 0 (k1 left); 1/45 = 0.02 → 0.0; 1/20 = 0.05 → 0.1;
 *   gap 0.1 − 0 = 0.1
 * Ranua: no clients, its coach left: 0, 0.0, 0.0, 0.0, gap 0.0
 * "" (unknown region): i j m = 3; 06-15..06-20 has i m → peak 2; fte x1 0.4;
 *   3/45 = 0.07 → 0.1; 2/20 = 0.1; gap 0.1 − 0.4 = −0.3
 * all: a b c d h i j m = 8; 06-15..06-20 has a c d i m → peak 5 (more than any
 *   region's); fte 1.0 + 0.5 + 0.4 = 1.9; 8/45 = 0.18 → 0.2; 5/20 = 0.25 → 0.3;
 *   gap 0.3 − 1.9 = −1.6
 * Sodankylä worked no day of 2024: no rows. */
static warehouse *capacity_fixture(void)
{
    warehouse *wh = fixture_open();
    coach(wh, "r1", "Rovaniemi", 1.0, "2023-01-01", NULL);
    coach(wh, "r2", "Rovaniemi", 0.5, "2024-03-01", NULL);
    coach(wh, "r3", "Rovaniemi", 0.8, "2022-01-01", "2024-06-30");
    coach(wh, "k1", "Kemijärvi", 0.6, "2023-01-01", "2024-05-31");
    coach(wh, "ra1", "Ranua", 1.0, "2023-01-01", "2024-02-29");
    coach(wh, "x1", NULL, 0.4, "2024-01-01", NULL);
    coach(wh, "s1", "Sodankylä", 1.0, "2020-01-01", "2023-12-31");
    const char *clients[] = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "m"};
    for (size_t i = 0; i < sizeof clients / sizeof clients[0]; i++)
        client(wh, clients[i]);
    episode(wh, "a1", "a", "r1", "ips", "2023-06-01", "2024-06-18");
    episode(wh, "a2", "a", "r1", "ips", "2024-02-01", NULL);
    episode(wh, "b1", "b", "r2", "ips", "2024-03-01", "2024-04-30");
    episode(wh, "c1", "c", "r3", "ips", "2024-01-15", "2024-06-30");
    episode(wh, "d1", "d", "r1", "ips", "2024-05-01", NULL);
    episode(wh, "e1", "e", "r1", "group", "2024-01-01", NULL);
    episode(wh, "f1", "f", "r1", "ips", "2025-01-10", NULL);
    episode(wh, "g1", "g", "r2", "ips", "2023-01-01", "2023-12-31");
    episode(wh, "h1", "h", "k1", "ips", "2024-01-01", "2024-03-31");
    episode(wh, "h2", "h", "r1", "ips", "2024-04-01", "2024-04-30");
    episode(wh, "i1", "i", NULL, "ips", "2024-06-01", "2024-06-30");
    episode(wh, "j1", "j", "x1", "ips", "2024-07-01", NULL);
    episode(wh, "m1", "m", "x1", "ips", "2024-06-15", "2024-06-20");
    return wh;
}

static const metric_row *row(const metric_set *set, const char *metric, const char *group_by,
                             const char *group)
{
    const metric_row *r = metric_set_find(set, metric, group_by, group);
    if (!r)
        fail_msg("no row %s by '%s' group '%s'", metric, group_by, group);
    return r;
}

static double val(const metric_set *set, const char *metric, const char *group_by,
                  const char *group)
{
    const metric_row *r = row(set, metric, group_by, group);
    if (!(r->has & MH_VALUE))
        fail_msg("%s by '%s' group '%s' is blank", metric, group_by, group);
    return r->value;
}

static void expect_region(const metric_set *set, const char *group_by, const char *group,
                          double clients, double fte, double thr, double cas, double gap)
{
    assert_near(val(set, "clients_per_year", group_by, group), clients, 0);
    assert_near(val(set, "fte_current", group_by, group), fte, 1e-9);
    assert_near(val(set, "fte_needed_throughput", group_by, group), thr, 1e-9);
    assert_near(val(set, "fte_needed_caseload", group_by, group), cas, 1e-9);
    assert_near(val(set, "fte_gap", group_by, group), gap, 1e-9);
}

static metric_set *compute(warehouse *wh, const char *period, const char *as_of, double per_coach,
                           metric_group by)
{
    metric_query q;
    metric_query_init(&q);
    ips_diag d;
    assert_int_equal(metric_period_parse(period, &q.start, &q.end, &d), IPS_OK);
    assert_true(date_parse_iso(as_of, &q.as_of));
    q.internal = true;
    q.by = by;
    if (per_coach > 0)
        q.clients_per_coach_year = per_coach;
    metric_set *set = metric_set_new();
    if (metrics_compute(wh, &q, set, &d) != IPS_OK)
        fail_msg("metrics_compute: %s", d.msg);
    return set;
}

static void per_region_and_whole(void **state)
{
    (void)state;
    warehouse *wh = capacity_fixture();
    /* The breakdown asked for does not matter: these rows are per region. */
    metric_set *set = compute(wh, "2024Q3", "2024-12-31", 0, GROUP_GENDER);
    expect_region(set, "region", "Rovaniemi", 5, 1.5, 0.1, 0.2, -1.3);
    expect_region(set, "region", "Kemijärvi", 1, 0.0, 0.0, 0.1, 0.1);
    expect_region(set, "region", "Ranua", 0, 0.0, 0.0, 0.0, 0.0);
    expect_region(set, "region", "", 3, 0.4, 0.1, 0.1, -0.3);
    expect_region(set, "", "", 8, 1.9, 0.2, 0.3, -1.6);
    assert_null(metric_set_find(set, "clients_per_year", "region", "Sodankylä"));
    const metric_row *r = row(set, "fte_needed_caseload", "region", "Rovaniemi");
    assert_int_equal(r->kind, MK_RATIO);
    assert_near(r->numerator, 4, 0);
    assert_near(r->denominator, 20, 0);
    r = row(set, "fte_needed_throughput", "", "");
    assert_near(r->numerator, 8, 0);
    assert_near(r->denominator, 45, 0);
    /* The rows cover the calendar year, not the quarter. */
    char a[11], b[11];
    date_format_iso(r->period_start, a);
    date_format_iso(r->period_end, b);
    assert_string_equal(a, "2024-01-01");
    assert_string_equal(b, "2024-12-31");
    assert_int_equal(row(set, "clients_per_year", "region", "Ranua")->kind, MK_COUNT);
    metric_set_free(set);
    fixture_close(wh);
}

/* clients_per_coach_year = 4: Rovaniemi 5/4 = 1.25 → 1.3 (half-up);
 * gap max(1.3, 0.2) − 1.5 = −0.2.  All: 8/4 = 2.0; gap 2.0 − 1.9 = 0.1. */
static void clients_per_coach_setting(void **state)
{
    (void)state;
    warehouse *wh = capacity_fixture();
    metric_set *set = compute(wh, "2024", "2024-12-31", 4, GROUP_NONE);
    assert_near(val(set, "fte_needed_throughput", "region", "Rovaniemi"), 1.3, 1e-9);
    assert_near(val(set, "fte_gap", "region", "Rovaniemi"), -0.2, 1e-9);
    assert_near(val(set, "fte_needed_throughput", "", ""), 2.0, 1e-9);
    assert_near(val(set, "fte_gap", "", ""), 0.1, 1e-9);
    metric_set_free(set);
    fixture_close(wh);
}

/* A = 2024-06-10: the year's days end there (R1).  Coaches employed on 06-10:
 * Rovaniemi r1 + r2 + r3 (leaves 06-30) = 2.3; Kemijärvi 0 (k1 left 05-31).
 * Rovaniemi clients are still a b c d h = 5, peak 4 → gap 0.2 − 2.3 = −2.1.
 * Unknown region: i only (j and m start after A) = 1, peak 1, fte 0.4.
 * All: a b c d h i = 6; peak: 06-01..06-10 has a c d i = 4, April a b c h = 4. */
static void as_of_inside_the_year(void **state)
{
    (void)state;
    warehouse *wh = capacity_fixture();
    metric_set *set = compute(wh, "2024Q2", "2024-06-10", 0, GROUP_NONE);
    expect_region(set, "region", "Rovaniemi", 5, 2.3, 0.1, 0.2, -2.1);
    expect_region(set, "region", "Kemijärvi", 1, 0.0, 0.0, 0.1, 0.1);
    expect_region(set, "region", "", 1, 0.4, 0.0, 0.1, -0.3);
    expect_region(set, "", "", 6, 2.7, 0.1, 0.2, -2.5);
    metric_set_free(set);
    fixture_close(wh);
}

/* P = 2025Q1 with A = 2024-12-31: the data say nothing of 2025, so the whole
 * has its five rows blank, not 0, and no region has rows. */
/* A period that starts after A is refused (metrics.md R22): nothing is
 * known of it, and blank rows would pass for a report. */
static void year_after_as_of_is_refused(void **state)
{
    (void)state;
    warehouse *wh = capacity_fixture();
    metric_query q;
    metric_query_init(&q);
    ips_diag d;
    assert_int_equal(metric_period_parse("2025Q1", &q.start, &q.end, &d), IPS_OK);
    assert_true(date_parse_iso("2024-12-31", &q.as_of));
    metric_set *set = metric_set_new();
    assert_int_equal(metrics_compute(wh, &q, set, &d), IPS_ERR_NO_DATA);
    assert_non_null(strstr(d.msg, "2024-12-31"));
    assert_int_equal(set->n, 0);
    metric_set_free(set);
    fixture_close(wh);
}

/* An empty warehouse: the whole has 0 clients and 0 fte (the data, such as
 * they are, describe the year), gap 0. */
static void empty_warehouse(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    metric_set *set = compute(wh, "2024Q3", "2024-12-31", 0, GROUP_NONE);
    expect_region(set, "", "", 0, 0, 0, 0, 0);
    assert_null(metric_set_find(set, "clients_per_year", "region", NULL));
    metric_set_free(set);
    fixture_close(wh);
}

static void setting_must_be_positive(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    metric_query q;
    metric_query_init(&q);
    ips_diag d;
    assert_int_equal(metric_period_parse("2024", &q.start, &q.end, &d), IPS_OK);
    q.clients_per_coach_year = 0;
    metric_set *set = metric_set_new();
    assert_int_equal(metrics_compute(wh, &q, set, &d), IPS_ERR_USAGE);
    assert_non_null(strstr(d.msg, "clients per coach"));
    metric_set_free(set);
    fixture_close(wh);
}

/* Adding a row may move the set's rows; whatever the set already holds, the
 * rows come out right (AddressSanitizer catches a stale row pointer). */
static void rows_survive_set_growth(void **state)
{
    (void)state;
    warehouse *wh = capacity_fixture();
    for (int k = 0; k <= 70; k++) {
        metric_query q;
        metric_query_init(&q);
        ips_diag d;
        assert_int_equal(metric_period_parse("2024Q3", &q.start, &q.end, &d), IPS_OK);
        assert_true(date_parse_iso("2024-12-31", &q.as_of));
        q.internal = true;
        metric_set *set = metric_set_new();
        for (int i = 0; i < k; i++)
            assert_non_null(metric_set_add(set, "filler"));
        assert_int_equal(metrics_compute(wh, &q, set, &d), IPS_OK);
        expect_region(set, "region", "Rovaniemi", 5, 1.5, 0.1, 0.2, -1.3);
        expect_region(set, "", "", 8, 1.9, 0.2, 0.3, -1.6);
        metric_set_free(set);
    }
    fixture_close(wh);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(per_region_and_whole),
        cmocka_unit_test(clients_per_coach_setting),
        cmocka_unit_test(as_of_inside_the_year),
        cmocka_unit_test(year_after_as_of_is_refused),
        cmocka_unit_test(empty_warehouse),
        cmocka_unit_test(setting_must_be_positive),
        cmocka_unit_test(rows_survive_set_growth),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
