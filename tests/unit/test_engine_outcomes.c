/* The engine's employment outcomes (model/engine_outcomes*.c): hand-computed
 * figures and time-to-job curves on a small warehouse.  (Its row-for-row
 * agreement with the SQL family it replaced lives on in
 * tests/e2e/test_metrics_matrix.sh.) */
#include "tests/unit/fixture.h"

#include <math.h>
#include <string.h>

#include "model/curves.h"

#define BLANK (-1.0)

static void run_sql(warehouse *wh, char *sql)
{
    fixture_sql(wh, sql);
    sqlite3_free(sql);
}

static void coach(warehouse *wh, const char *id, const char *provider, const char *team,
                  const char *region)
{
    run_sql(wh, sqlite3_mprintf("INSERT INTO coaches(coach_id, provider_id, team_id, region, fte,"
                                " start_date, " FIX_COLS ") VALUES(%Q, %Q, %Q, %Q, 1, '2020-01-01', "
                                FIX_VALS ")", id, provider, team, region));
}

/* birth_year 0: blank. */
static void client(warehouse *wh, const char *id, int birth_year, const char *gender,
                   const char *municipality, const char *segment)
{
    char by[16];
    snprintf(by, sizeof by, birth_year ? "%d" : "NULL", birth_year);
    run_sql(wh, sqlite3_mprintf("INSERT INTO clients(client_id, birth_year, gender, municipality,"
                                " segment, " FIX_COLS ") VALUES(%Q, %s, %Q, %Q, %Q, " FIX_VALS ")",
                                id, by, gender, municipality, segment));
}

static void episode(warehouse *wh, const char *id, const char *client_id, const char *coach_id,
                    const char *service, const char *referral, const char *source,
                    const char *start, const char *end, const char *exit_reason)
{
    run_sql(wh, sqlite3_mprintf(
                    "INSERT INTO enrollments(enrollment_id, client_id, coach_id, service, "
                    "referral_date, referral_source, start_date, end_date, exit_reason, " FIX_COLS
                    ") VALUES(%Q, %Q, %Q, %Q, %Q, %Q, %Q, %Q, %Q, " FIX_VALS ")",
                    id, client_id, coach_id, service, referral, source, start, end, exit_reason));
}

/* hours < 0: blank. */
static void job(warehouse *wh, const char *id, const char *client_id, const char *enrollment_id,
                const char *start, const char *end, double hours, int competitive)
{
    char h[32];
    snprintf(h, sizeof h, hours < 0 ? "NULL" : "%g", hours);
    run_sql(wh, sqlite3_mprintf(
                    "INSERT OR IGNORE INTO employers(employer_id, " FIX_COLS ") VALUES('x1', "
                    FIX_VALS ");"
                    "INSERT INTO jobs(job_id, client_id, employer_id, enrollment_id, start_date, "
                    "end_date, hours_per_week, competitive, " FIX_COLS ") "
                    "VALUES(%Q, %Q, 'x1', %Q, %Q, %Q, %s, %d, " FIX_VALS ")",
                    id, client_id, enrollment_id, start, end, h, competitive));
}

/* A = 2024-10-31 (given), P = 2024Q3 (07-01..09-30), W = 2023-10-02..2024-09-30.
 *   c1: e1 ips k1 ref 06-20, 07-01..08-31 employed_open; e2 ips k2 09-10..open
 *       j1 08-15..09-05 30 h → R5 e1;  j2 09-20..open 20 h → e2
 *   c2: e3 ips k1 ref 07-20 (after the start), 07-10..11-15 employed_subsidized
 *       (ends after A: open, reason unknown); j3 not competitive; j4 starts
 *       11-05, after A
 *   c3: e4 ips k3 ref 03-01, 04-01..07-20 moved; j5 07-25..08-30 37.5 h names e4
 *   c4 (no attributes): e5 ips, no coach, ref 08-01, 08-11..open; j6 from
 *       2023-05-01, no hours, no episode (R5) but counts for R6
 *   c5: g1 group k2 from 01-01; e6 ips k2 2023-09-01..2024-09-15
 *       employed_subsidized; j7 02-01..05-31 25 h → e6 (R5: ips first);
 *       j8 from 06-01 10 h names g1 (not an ips job, but R6 counts it)
 *   c6: e7 ips k1 ref 09-01, starts 10-05 (after P); j9 from 10-10 15 h → e7;
 *       e8 ips starts 11-10, after A
 *   c7: e9 ips k2 08-01..open; j10 07-01..07-20 ended before e9 began, so no
 *       day of P is a day of both (R6: not employed), and no R5 episode
 * Whole, 2024Q3: caseload c1..c5 c7 = 6; employed c1 c4 c5 = 3 → 50.0;
 * started e1 e2 e3 e5 e9 = 5; exits e1 e4 e6 = 3; at exit 1/3 = 33.3, any 2/3 = 66.7;
 * time to job: e1 45E, e2 10E, e3 113C, e4 110C (its end), e5 81C, e9 91C →
 *   S(10) = 5/6, S(45) = 2/3: no median; the longest follow-up is 113 days, so
 *   within 180/365 are not estimable (R8), in every coach's group too;
 * tenure: j1 21E, j5 36E, j2 41C, j7 120E → S(36) = 3/4 × 2/3 = 1/2 → 36;
 * hours: j1 j2 j5 → 87.5 / 3 = 29.2; waits 11, −10, 10 → median 10.
 * By coach: k1 = e1 e3 (c1 c2), k2 = e2 e6 e9 (c1 c5 c7), k3 = e4, "" = e5. */
static warehouse *make_fixture(void)
{
    warehouse *wh = fixture_open();
    coach(wh, "k1", "p1", "t1", "north");
    coach(wh, "k2", "p2", "t1", "south");
    coach(wh, "k3", "p1", NULL, NULL);
    client(wh, "c1", 1990, "f", "m1", "s1");
    client(wh, "c2", 2001, "m", "m2", NULL);
    client(wh, "c3", 1960, "f", "m1", "s2");
    client(wh, "c4", 0, NULL, NULL, NULL);
    client(wh, "c5", 1975, "x", "m2", "s1");
    client(wh, "c6", 1985, "m", "m1", "s1");
    episode(wh, "e1", "c1", "k1", "ips", "2024-06-20", "social_work", "2024-07-01", "2024-08-31",
            "employed_open");
    episode(wh, "e2", "c1", "k2", "ips", NULL, "social_work", "2024-09-10", NULL, NULL);
    job(wh, "j1", "c1", NULL, "2024-08-15", "2024-09-05", 30, 1);
    job(wh, "j2", "c1", NULL, "2024-09-20", NULL, 20, 1);
    episode(wh, "e3", "c2", "k1", "ips", "2024-07-20", "mental_health", "2024-07-10",
            "2024-11-15", "employed_subsidized");
    job(wh, "j3", "c2", NULL, "2024-07-15", NULL, 40, 0);
    job(wh, "j4", "c2", NULL, "2024-11-05", NULL, 40, 1);
    episode(wh, "e4", "c3", "k3", "ips", "2024-03-01", "self", "2024-04-01", "2024-07-20",
            "moved");
    job(wh, "j5", "c3", "e4", "2024-07-25", "2024-08-30", 37.5, 1);
    episode(wh, "e5", "c4", NULL, "ips", "2024-08-01", NULL, "2024-08-11", NULL, NULL);
    job(wh, "j6", "c4", NULL, "2023-05-01", NULL, -1, 1);
    episode(wh, "g1", "c5", "k2", "group", NULL, NULL, "2024-01-01", NULL, NULL);
    episode(wh, "e6", "c5", "k2", "ips", NULL, "self", "2023-09-01", "2024-09-15",
            "employed_subsidized");
    job(wh, "j7", "c5", NULL, "2024-02-01", "2024-05-31", 25, 1);
    job(wh, "j8", "c5", "g1", "2024-06-01", NULL, 10, 1);
    episode(wh, "e7", "c6", "k1", "ips", "2024-09-01", "social_work", "2024-10-05", NULL, NULL);
    job(wh, "j9", "c6", NULL, "2024-10-10", NULL, 15, 1);
    episode(wh, "e8", "c6", "k1", "ips", NULL, NULL, "2024-11-10", NULL, NULL);
    client(wh, "c7", 1999, "f", "m2", "s2");
    episode(wh, "e9", "c7", "k2", "ips", NULL, "self", "2024-08-01", NULL, NULL);
    job(wh, "j10", "c7", NULL, "2024-07-01", "2024-07-20", 10, 1);
    return wh;
}

/* ---- row checks ----------------------------------------------------------- */

static void expect_count(const metric_set *set, const char *metric, const char *group, double v)
{
    const metric_row *r = fixture_row(set, metric, group);
    assert_int_equal(r->kind, MK_COUNT);
    assert_int_equal(r->has, MH_VALUE);
    assert_int_equal(r->decimals, 0);
    if (fabs(r->value - v) > 1e-9)
        fail_msg("%s[%s] = %g, wanted %g", metric, group ? group : "", r->value, v);
}

/* num < 0: skip numerator (means, medians, KM); v < 0: value blank. */
static void expect(const metric_set *set, const char *metric, const char *group, double num,
                   double den, double v)
{
    const metric_row *r = fixture_row(set, metric, group);
    const char *g = group ? group : "";
    assert_int_equal(r->decimals, 1);
    if (num >= 0 && (!(r->has & MH_NUMERATOR) || fabs(r->numerator - num) > 1e-9))
        fail_msg("%s[%s] numerator %g, wanted %g", metric, g, r->numerator, num);
    if (!(r->has & MH_DENOMINATOR) || fabs(r->denominator - den) > 1e-9)
        fail_msg("%s[%s] denominator %g, wanted %g", metric, g, r->denominator, den);
    if (v < 0 && (r->has & MH_VALUE))
        fail_msg("%s[%s] has value %g, wanted blank", metric, g, r->value);
    if (v >= 0 && (!(r->has & MH_VALUE) || fabs(r->value - v) > 1e-9))
        fail_msg("%s[%s] = %g (has %u), wanted %g", metric, g, r->value, r->has, v);
}

/* R8: blank past the longest follow-up, with the reason, never carried forward. */
static void expect_not_estimable(const metric_set *set, const char *metric, const char *group,
                                 double den)
{
    expect(set, metric, group, -1, den, BLANK);
    const metric_row *r = fixture_row(set, metric, group);
    if (strncmp(r->note, "not estimable: ", 15) != 0)
        fail_msg("%s[%s] note '%s', wanted 'not estimable: …'", metric, group ? group : "",
                 r->note);
}

static metric_set *engine_metrics(warehouse *wh, const char *period, const char *as_of,
                                  metric_group by)
{
    return fixture_metrics(wh, period, as_of, by);
}

static void hand_computed_whole(void **state)
{
    (void)state;
    warehouse *wh = make_fixture();
    metric_set *set = engine_metrics(wh, "2024Q3", "2024-10-31", GROUP_NONE);
    expect_count(set, "caseload_active", NULL, 6);
    expect_count(set, "enrollments_started", NULL, 5);
    expect_count(set, "exits", NULL, 3);
    expect(set, "employment_rate", NULL, 3, 6, 50.0);
    expect(set, "employment_at_exit", NULL, 1, 3, 33.3);
    expect(set, "employed_at_exit_any", NULL, 2, 3, 66.7);
    expect(set, "time_to_first_job_median_days", NULL, -1, 6, BLANK);
    expect_not_estimable(set, "employed_within_180_days", NULL, 6);
    expect_not_estimable(set, "employed_within_365_days", NULL, 6);
    expect(set, "job_tenure_median_days", NULL, -1, 4, 36);
    expect(set, "hours_per_week_mean", NULL, -1, 3, 29.2);
    expect(set, "referral_wait_median_days", NULL, -1, 3, 10);
    assert_string_equal(fixture_row(set, "caseload_active", NULL)->group_by, "");
    metric_set_free(set);
    fixture_close(wh);
}

/* By coach, 2024Q3 (A 2024-10-31):
 *   k1: c1 (e1) c2 (e3): caseload 2, employed 1; started 2; exit e1 → 1/1;
 *       time to job 45E 113C → median 45, within 180 50.0; tenure j1 21E;
 *       hours j1 30.0; waits 11, −10 → 0.5
 *   k2: c1 (e2) c5 (e6) c7 (e9): 2 of 3 employed; started e2 e9; exit e6
 *       subsidized → 0/1, any 1/1; time to job 10E 91C → median 10, within
 *       50.0; tenure 41C 120E → S(120) = 0 → 120;
 *       hours j2 20.0; no waits
 *   k3: c3 (e4): 0/1; exit moved; time to job 110C → no median, 0.0;
 *       tenure j5 36E; hours 37.5
 *   "": c4 (e5): 1/1 employed (j6, begun before the episode); no exits →
 *       blank shares; 81C; no jobs of its own; wait 10 */
static void hand_computed_by_coach(void **state)
{
    (void)state;
    warehouse *wh = make_fixture();
    metric_set *set = engine_metrics(wh, "2024Q3", "2024-10-31", GROUP_COACH);
    static const char *const order[] = {"", "k1", "k2", "k3"};
    for (size_t i = 0; i < 4; i++) {
        assert_string_equal(set->rows[i].metric, "caseload_active");
        assert_string_equal(set->rows[i].group, order[i]);
        assert_string_equal(set->rows[i].group_by, "coach");
    }
    assert_string_equal(set->rows[4].metric, "enrollments_started");
    expect_count(set, "caseload_active", "k1", 2);
    expect(set, "employment_rate", "k1", 1, 2, 50.0);
    expect_count(set, "enrollments_started", "k1", 2);
    expect(set, "employment_at_exit", "k1", 1, 1, 100.0);
    expect(set, "time_to_first_job_median_days", "k1", -1, 2, 45);
    expect_not_estimable(set, "employed_within_180_days", "k1", 2);
    expect(set, "job_tenure_median_days", "k1", -1, 1, 21);
    expect(set, "hours_per_week_mean", "k1", -1, 1, 30.0);
    expect(set, "referral_wait_median_days", "k1", -1, 2, 0.5);

    expect(set, "employment_rate", "k2", 2, 3, 66.7);
    expect_count(set, "enrollments_started", "k2", 2);
    expect(set, "employment_at_exit", "k2", 0, 1, 0.0);
    expect(set, "employed_at_exit_any", "k2", 1, 1, 100.0);
    expect(set, "time_to_first_job_median_days", "k2", -1, 2, 10);
    expect_not_estimable(set, "employed_within_180_days", "k2", 2);
    expect(set, "job_tenure_median_days", "k2", -1, 2, 120);
    expect(set, "hours_per_week_mean", "k2", -1, 1, 20.0);
    expect(set, "referral_wait_median_days", "k2", -1, 0, BLANK);

    expect(set, "employment_rate", "k3", 0, 1, 0.0);
    expect_count(set, "exits", "k3", 1);
    expect(set, "time_to_first_job_median_days", "k3", -1, 1, BLANK);
    expect_not_estimable(set, "employed_within_365_days", "k3", 1);
    expect(set, "job_tenure_median_days", "k3", -1, 1, 36);
    expect(set, "hours_per_week_mean", "k3", -1, 1, 37.5);

    expect(set, "employment_rate", "", 1, 1, 100.0);
    expect_count(set, "exits", "", 0);
    expect(set, "employment_at_exit", "", 0, 0, BLANK);
    expect_not_estimable(set, "employed_within_180_days", "", 1);
    expect(set, "job_tenure_median_days", "", -1, 0, BLANK);
    expect(set, "hours_per_week_mean", "", -1, 0, BLANK);
    expect(set, "referral_wait_median_days", "", -1, 1, 10);
    metric_set_free(set);
    fixture_close(wh);
}

/* ---- engine = legacy -------------------------------------------------------- */

/* 2024Q3 as of 2024-10-31, whole: 10E 45E 81C 91C 110C 113C (see make_fixture). */
static void curves_hand_computed(void **state)
{
    (void)state;
    warehouse *wh = make_fixture();
    metric_query q;
    metric_query_init(&q);
    ips_diag d;
    ips_diag_clear(&d);
    assert_int_equal(metric_period_parse("2024Q3", &q.start, &q.end, &d), IPS_OK);
    assert_true(date_parse_iso("2024-10-31", &q.as_of));
    km_curve_list *cl = NULL;
    assert_int_equal(outcomes_time_to_job_curves(wh, &q, &cl, &d), IPS_OK);
    assert_int_equal(cl->n, 1);
    assert_string_equal(cl->items[0].group, "");
    const km_curve *c = cl->items[0].curve;
    assert_int_equal(c->cohort, 6);
    assert_int_equal(c->events, 2);
    assert_int_equal(c->n, 2);
    assert_int_equal(c->time[0], 10);
    assert_int_equal(c->time[1], 45);
    assert_true(fabs(c->surv[0] - 5.0 / 6) < 1e-12 && fabs(c->surv[1] - 2.0 / 3) < 1e-12);
    assert_int_equal(c->last_time, 113);
    km_curve_list_free(cl);
    /* By coach: one curve per coach with episodes; the whole curve ignores it. */
    q.by = GROUP_COACH;
    assert_int_equal(outcomes_time_to_job_curves(wh, &q, &cl, &d), IPS_OK);
    assert_int_equal(cl->n, 4);
    km_curve_list_free(cl);
    km_curve *whole = NULL;
    assert_int_equal(outcomes_time_to_job_curve(wh, &q, &whole, &d), IPS_OK);
    assert_int_equal(whole->cohort, 6);
    km_curve_free(whole);
    fixture_close(wh);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hand_computed_whole),
        cmocka_unit_test(hand_computed_by_coach),
        cmocka_unit_test(curves_hand_computed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
