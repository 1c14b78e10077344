/* Employment outcomes of metrics.md on small hand-made warehouses; every
 * expected number is worked out in the comment beside its fixture.
 *
 * Run with "--make-warehouse FILE" this binary instead creates an empty
 * warehouse (schema and batch 1) for tests/e2e/test_metrics_cli.sh. */
#include "tests/unit/fixture.h"

#include <math.h>
#include <string.h>

#include "model/curves.h"

#define assert_near(got, want)                                                  \
    do {                                                                        \
        double g_ = (got), w_ = (want);                                         \
        if (fabs(g_ - w_) > 1e-9)                                               \
            fail_msg("%s = %.12g, wanted %.12g", #got, g_, w_);                 \
    } while (0)

/* ---- fixture rows (NULL = blank) ---------------------------------------- */

static void run_sql(warehouse *wh, char *sql)
{
    fixture_sql(wh, sql);
    sqlite3_free(sql);
}

static void coach(warehouse *wh, const char *id, const char *provider)
{
    run_sql(wh, sqlite3_mprintf("INSERT INTO coaches(coach_id, provider_id, fte, start_date, " FIX_COLS
                                ") VALUES(%Q, %Q, 1, '2020-01-01', " FIX_VALS ")", id, provider));
}

static void client(warehouse *wh, const char *id, int birth_year, const char *gender)
{
    run_sql(wh, sqlite3_mprintf("INSERT INTO clients(client_id, birth_year, gender, " FIX_COLS
                                ") VALUES(%Q, %d, %Q, " FIX_VALS ")", id, birth_year, gender));
}

static void episode(warehouse *wh, const char *id, const char *client_id, const char *coach_id,
                    const char *service, const char *referral, const char *start, const char *end,
                    const char *exit_reason)
{
    run_sql(wh, sqlite3_mprintf(
                    "INSERT INTO enrollments(enrollment_id, client_id, coach_id, service, "
                    "referral_date, start_date, end_date, exit_reason, " FIX_COLS ") "
                    "VALUES(%Q, %Q, %Q, %Q, %Q, %Q, %Q, %Q, " FIX_VALS ")",
                    id, client_id, coach_id, service, referral, start, end, exit_reason));
}

/* hours < 0: blank. */
static void job(warehouse *wh, const char *id, const char *client_id, const char *enrollment_id,
                const char *start, const char *end, double hours, int competitive)
{
    char h[32];
    snprintf(h, sizeof h, hours < 0 ? "NULL" : "%g", hours);
    run_sql(wh, sqlite3_mprintf(
                    "INSERT OR IGNORE INTO employers(employer_id, " FIX_COLS ") VALUES('x1', " FIX_VALS ");"
                    "INSERT INTO jobs(job_id, client_id, employer_id, enrollment_id, start_date, "
                    "end_date, hours_per_week, competitive, " FIX_COLS ") "
                    "VALUES(%Q, %Q, 'x1', %Q, %Q, %Q, %s, %d, " FIX_VALS ")",
                    id, client_id, enrollment_id, start, end, h, competitive));
}

/* ---- row checks ----------------------------------------------------------- */

static const metric_row *row(const metric_set *set, const char *metric, const char *group)
{
    return fixture_row(set, metric, group);
}

static void expect_count(const metric_set *set, const char *metric, const char *group, double v)
{
    const metric_row *r = row(set, metric, group);
    assert_int_equal(r->kind, MK_COUNT);
    assert_int_equal(r->has, MH_VALUE);
    if (fabs(r->value - v) > 1e-9)
        fail_msg("%s[%s] = %g, wanted %g", metric, group ? group : "", r->value, v);
}

static void expect_share(const metric_set *set, const char *metric, const char *group, double num,
                         double den, double v)
{
    const metric_row *r = row(set, metric, group);
    assert_int_equal(r->kind, MK_SHARE);
    assert_true(r->has & MH_NUMERATOR);
    assert_true(r->has & MH_DENOMINATOR);
    assert_near(r->numerator, num);
    assert_near(r->denominator, den);
    if (v < 0) {
        if (r->has & MH_VALUE)
            fail_msg("%s[%s] has value %g, wanted blank", metric, group ? group : "", r->value);
    } else {
        assert_true(r->has & MH_VALUE);
        assert_near(r->value, v);
        assert_int_equal(r->decimals, 1);
    }
}

/* Means, medians and KM figures: denominator = observations; v < 0: blank. */
static void expect_observed(const metric_set *set, const char *metric, const char *group,
                            double den, double v)
{
    const metric_row *r = row(set, metric, group);
    assert_false(r->has & MH_NUMERATOR);
    assert_true(r->has & MH_DENOMINATOR);
    if (fabs(r->denominator - den) > 1e-9)
        fail_msg("%s[%s] denominator %g, wanted %g", metric, group ? group : "", r->denominator, den);
    if (v < 0) {
        if (r->has & MH_VALUE)
            fail_msg("%s[%s] has value %g, wanted blank", metric, group ? group : "", r->value);
    } else {
        if (!(r->has & MH_VALUE))
            fail_msg("%s[%s] is blank, wanted %g", metric, group ? group : "", v);
        assert_near(r->value, v);
        assert_int_equal(r->decimals, 1);
    }
}

#define BLANK (-1.0)

/* R8: blank past the longest follow-up, and the row says why. */
static void expect_not_estimable(const metric_set *set, const char *metric, const char *group,
                                 double den)
{
    expect_observed(set, metric, group, den, BLANK);
    const char *note = row(set, metric, group)->note;
    if (strncmp(note, "not estimable: ", 15) != 0)
        fail_msg("%s[%s] note '%s', wanted 'not estimable: …'", metric, group ? group : "", note);
}

/* ---- tests ---------------------------------------------------------------- */

/* P = 2024Q3 (07-01..09-30), A = 2024-10-31 given.
 *   e1 c1 ips 2024-01-10..open; job j1 competitive 2023-06-01..open (begun before
 *      the episode: counts from the episode's start, R6) → c1 employed
 *   e2 c2 ips 2024-07-15..08-31 employed_open; j2 competitive 08-01..08-20 → employed
 *   e8 c2 ips 2024-09-10..09-25 employed_subsidized (c2 counted once)
 *   e3 c3 ips 2024-02-01..07-10 moved; j3 competitive from 07-20, after the
 *      episode ended → no active day shared → not employed
 *   e4 c4 ips 2024-09-01..2024-11-30 employed_subsidized: ends after A → open,
 *      not an exit (R1); j4 not competitive → not employed
 *   e5 c5 group service 2024-07-01 → not counted;  e6 c6 ips starts 10-05, after P
 * caseload_active = c1 c2 c3 c4 = 4; enrollments_started = e2 e4 e8 = 3;
 * exits = e2 e3 e8 = 3; employment_rate = 2/4 = 50.0;
 * employment_at_exit = 1/3 = 33.3; employed_at_exit_any = 2/3 = 66.7. */
static void counts_and_shares(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    coach(wh, "k1", "p1");
    for (int i = 1; i <= 6; i++) {
        char id[16];
        snprintf(id, sizeof id, "c%d", i);
        client(wh, id, 1980, "f");
    }
    episode(wh, "e1", "c1", "k1", "ips", NULL, "2024-01-10", NULL, NULL);
    job(wh, "j1", "c1", NULL, "2023-06-01", NULL, 30, 1);
    episode(wh, "e2", "c2", "k1", "ips", NULL, "2024-07-15", "2024-08-31", "employed_open");
    job(wh, "j2", "c2", NULL, "2024-08-01", "2024-08-20", 20, 1);
    episode(wh, "e8", "c2", "k1", "ips", NULL, "2024-09-10", "2024-09-25", "employed_subsidized");
    episode(wh, "e3", "c3", "k1", "ips", NULL, "2024-02-01", "2024-07-10", "moved");
    job(wh, "j3", "c3", NULL, "2024-07-20", NULL, 37.5, 1);
    episode(wh, "e4", "c4", "k1", "ips", NULL, "2024-09-01", "2024-11-30", "employed_subsidized");
    job(wh, "j4", "c4", NULL, "2024-09-05", NULL, 20, 0);
    episode(wh, "e5", "c5", "k1", "group", NULL, "2024-07-01", NULL, NULL);
    episode(wh, "e6", "c6", "k1", "ips", NULL, "2024-10-05", NULL, NULL);

    metric_set *set = fixture_metrics(wh, "2024Q3", "2024-10-31", GROUP_NONE);
    expect_count(set, "caseload_active", NULL, 4);
    expect_count(set, "enrollments_started", NULL, 3);
    expect_count(set, "exits", NULL, 3);
    expect_share(set, "employment_rate", NULL, 2, 4, 50.0);
    expect_share(set, "employment_at_exit", NULL, 1, 3, 33.3);
    expect_share(set, "employed_at_exit_any", NULL, 2, 3, 66.7);
    const metric_row *r = row(set, "caseload_active", NULL);
    assert_string_equal(r->group_by, "");
    assert_int_equal(r->decimals, 0);
    metric_set_free(set);

    /* --by exit_reason: e4's exit_reason is ignored (open at A), so it sits in
     * group "" with e1; exits: employed_open 1 (e2), moved 1 (e3),
     * employed_subsidized 1 (e8); employment_at_exit in moved = 0/1 = 0.0.
     * caseload "" = c1 c4 = 2; employed_subsidized = c2 (e8) = 1. */
    set = fixture_metrics(wh, "2024Q3", "2024-10-31", GROUP_EXIT_REASON);
    expect_count(set, "exits", "employed_open", 1);
    expect_count(set, "exits", "moved", 1);
    expect_count(set, "exits", "employed_subsidized", 1);
    expect_count(set, "exits", "", 0);
    expect_count(set, "caseload_active", "", 2);
    expect_count(set, "caseload_active", "employed_subsidized", 1);
    expect_share(set, "employment_at_exit", "employed_open", 1, 1, 100.0);
    expect_share(set, "employment_at_exit", "moved", 0, 1, 0.0);
    expect_share(set, "employment_at_exit", "", 0, 0, BLANK);
    assert_string_equal(row(set, "exits", "moved")->group_by, "exit_reason");
    assert_null(metric_set_find(set, "exits", NULL, "other"));
    metric_set_free(set);
    fixture_close(wh);
}

/* R1: A = 2024-09-15 comes before e1's end (09-20), so e1 is open at A and
 * its exit_reason employed_open is ignored; the job starting 09-16 does not
 * exist yet.  P = 2024Q3, W = 2023-10-01..2024-09-30.
 * caseload 1; exits 0; employment_at_exit 0/0 → blank; employment_rate 0/1 = 0.0;
 * time to first job: e1 censored at A, 76 days (07-01 → 09-15) → cohort 1,
 * median blank (curve never reaches 0.5), employed within 180 days 0.0. */
static void as_of_reopens_episodes(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    coach(wh, "k1", "p1");
    client(wh, "c1", 1990, "m");
    episode(wh, "e1", "c1", "k1", "ips", NULL, "2024-07-01", "2024-09-20", "employed_open");
    job(wh, "j1", "c1", "e1", "2024-09-16", NULL, 20, 1);

    metric_set *set = fixture_metrics(wh, "2024Q3", "2024-09-15", GROUP_NONE);
    expect_count(set, "caseload_active", NULL, 1);
    expect_count(set, "exits", NULL, 0);
    expect_share(set, "employment_at_exit", NULL, 0, 0, BLANK);
    expect_share(set, "employment_rate", NULL, 0, 1, 0.0);
    expect_observed(set, "time_to_first_job_median_days", NULL, 1, BLANK);
    /* Followed 76 days (07-01 → A): 180 days are past what is known (R8). */
    expect_not_estimable(set, "employed_within_180_days", NULL, 1);
    expect_observed(set, "job_tenure_median_days", NULL, 0, BLANK);
    metric_set_free(set);

    /* With A from the data (2024-09-20) the episode has ended: exit,
     * employed_open, and the job (09-16) is an event at day 77. */
    set = fixture_metrics(wh, "2024Q3", NULL, GROUP_NONE);
    expect_count(set, "exits", NULL, 1);
    expect_share(set, "employment_at_exit", NULL, 1, 1, 100.0);
    expect_share(set, "employment_rate", NULL, 1, 1, 100.0);
    expect_observed(set, "time_to_first_job_median_days", NULL, 1, 77);
    metric_set_free(set);
    fixture_close(wh);
}

/* A client with episodes in two groups counts in each (R20); a job takes
 * its episode's coach.  A = 2024-09-30, P = 2024Q3, W = 2023-10-01..2024-09-30.
 *   c1: e1 coach k1 2024-01-01..07-31 other; e2 coach k2 2024-08-01..open;
 *       j1 competitive 08-10..open, 30 h, no enrollment_id → e2 (active on 08-10)
 *   c2: e3 coach k1 2024-03-01..open, no job
 *   c3: e4 no coach 2024-07-01..open; j3 competitive 07-05..open, 20 h → e4
 * caseload: k1 = c1 c2 = 2, k2 = c1 = 1, "" = c3 = 1; whole = 3.
 * employment_rate: k1 0/2 (j1 starts after e1 ended), k2 1/1, "" 1/1; whole 2/3 = 66.7.
 * exits: k1 1 (e1), k2 0 → employment_at_exit k2 = 0/0 → blank (empty group).
 * hours_per_week_mean: k2 30.0 (1 job), "" 20.0, k1 blank; whole 25.0 (2 jobs).
 * time to first job, cohort = e1..e4 (all started in W):
 *   e1 censored at its end 07-31: 212 days; e2 event 9 (08-01 → 08-10);
 *   e3 censored at A: 213 days; e4 event 4 (07-01 → 07-05).
 *   whole: t=4 S=3/4, t=9 S=3/4×2/3=1/2 → median 9; within 180 = 50.0; within
 *   365 not estimable (R8: the longest follow-up is 213 days).
 *   k1: 212C 213C → blank median, within 180 = 0.0; k2: median 9, 100.0 (S
 *   reached 0: known past its one observation); "": median 4.
 * job tenure: j1 censored at 51 days, j3 at 87 → no events, median blank;
 *   cohort k2 1, "" 1, k1 0. */
static void two_groups_and_empty_group(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    coach(wh, "k1", "p1");
    coach(wh, "k2", "p2");
    client(wh, "c1", 1990, "f");
    client(wh, "c2", 1990, "m");
    client(wh, "c3", 2001, "f");
    episode(wh, "e1", "c1", "k1", "ips", NULL, "2024-01-01", "2024-07-31", "other");
    episode(wh, "e2", "c1", "k2", "ips", NULL, "2024-08-01", NULL, NULL);
    job(wh, "j1", "c1", NULL, "2024-08-10", NULL, 30, 1);
    episode(wh, "e3", "c2", "k1", "ips", NULL, "2024-03-01", NULL, NULL);
    episode(wh, "e4", "c3", NULL, "ips", NULL, "2024-07-01", NULL, NULL);
    job(wh, "j3", "c3", NULL, "2024-07-05", NULL, 20, 1);

    metric_set *set = fixture_metrics(wh, "2024Q3", "2024-09-30", GROUP_NONE);
    expect_count(set, "caseload_active", NULL, 3);
    expect_share(set, "employment_rate", NULL, 2, 3, 66.7);
    expect_observed(set, "hours_per_week_mean", NULL, 2, 25.0);
    expect_observed(set, "time_to_first_job_median_days", NULL, 4, 9);
    expect_observed(set, "employed_within_180_days", NULL, 4, 50.0);
    expect_not_estimable(set, "employed_within_365_days", NULL, 4);
    expect_observed(set, "job_tenure_median_days", NULL, 2, BLANK);
    metric_set_free(set);

    set = fixture_metrics(wh, "2024Q3", "2024-09-30", GROUP_COACH);
    expect_count(set, "caseload_active", "k1", 2);
    expect_count(set, "caseload_active", "k2", 1);
    expect_count(set, "caseload_active", "", 1);
    expect_share(set, "employment_rate", "k1", 0, 2, 0.0);
    expect_share(set, "employment_rate", "k2", 1, 1, 100.0);
    expect_share(set, "employment_rate", "", 1, 1, 100.0);
    expect_count(set, "exits", "k1", 1);
    expect_count(set, "exits", "k2", 0);
    expect_share(set, "employment_at_exit", "k2", 0, 0, BLANK);
    expect_observed(set, "hours_per_week_mean", "k2", 1, 30.0);
    expect_observed(set, "hours_per_week_mean", "", 1, 20.0);
    expect_observed(set, "hours_per_week_mean", "k1", 0, BLANK);
    expect_observed(set, "time_to_first_job_median_days", "k1", 2, BLANK);
    expect_observed(set, "employed_within_180_days", "k1", 2, 0.0);
    expect_observed(set, "time_to_first_job_median_days", "k2", 1, 9);
    expect_observed(set, "employed_within_180_days", "k2", 1, 100.0);
    expect_observed(set, "time_to_first_job_median_days", "", 1, 4);
    expect_observed(set, "job_tenure_median_days", "k2", 1, BLANK);
    expect_observed(set, "job_tenure_median_days", "k1", 0, BLANK);
    assert_null(metric_set_find(set, "caseload_active", "coach", "k3"));
    metric_set_free(set);

    /* Provider follows the coach: p1 = k1, p2 = k2, "" = no coach.  Age at
     * p_end's year 2024: c1 and c2 born 1990 → 30-39, c3 born 2001 → <25. */
    set = fixture_metrics(wh, "2024Q3", "2024-09-30", GROUP_PROVIDER);
    expect_count(set, "caseload_active", "p1", 2);
    expect_count(set, "caseload_active", "p2", 1);
    metric_set_free(set);
    set = fixture_metrics(wh, "2024Q3", "2024-09-30", GROUP_AGE_GROUP);
    expect_count(set, "caseload_active", "30-39", 2);
    expect_count(set, "caseload_active", "<25", 1);
    expect_share(set, "employment_rate", "30-39", 1, 2, 50.0);
    metric_set_free(set);
    fixture_close(wh);
}

/* R7 with A = 2024-09-30, W = 2023-10-01..2024-09-30:
 *   e1 c1 03-01..open: j1 from 2024-02-01 (before the start: not an event),
 *      j2 from 05-01 → event at 61
 *   e2 c2 04-01..06-30 other: job 07-15 is after the end → censored at 90
 *   e3 c3 06-01..open: only a non-competitive job → censored at A, 121
 *   e4 c4 06-01..open: job starts the same day → event at 0
 *   e7 c7 08-01..open: job dated 10-10, after A → censored at A, 60
 *   e8 c8 07-01..open: job 08-10 → event at 40
 *   e5 c5 started 2023-09-01, before W; e6 c6 group service → not in the cohort
 * Sorted: 0E 40E 60C 61E 90C 121C (6).  S(0) = 5/6, S(40) = 2/3,
 * S(61) = 2/3 × 2/3 = 4/9 ≤ 0.5 → median 61; within 180 = within 365 =
 * 1 − 4/9 = 55.6 %. */
static void time_to_first_job(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    coach(wh, "k1", "p1");
    for (int i = 1; i <= 8; i++) {
        char id[16];
        snprintf(id, sizeof id, "c%d", i);
        client(wh, id, 1985, "x");
    }
    episode(wh, "e1", "c1", "k1", "ips", NULL, "2024-03-01", NULL, NULL);
    job(wh, "j1", "c1", NULL, "2024-02-01", NULL, -1, 1);
    job(wh, "j2", "c1", NULL, "2024-05-01", NULL, -1, 1);
    episode(wh, "e2", "c2", "k1", "ips", NULL, "2024-04-01", "2024-06-30", "other");
    job(wh, "j3", "c2", NULL, "2024-07-15", NULL, -1, 1);
    episode(wh, "e3", "c3", "k1", "ips", NULL, "2024-06-01", NULL, NULL);
    job(wh, "j4", "c3", NULL, "2024-06-10", NULL, -1, 0);
    episode(wh, "e4", "c4", "k1", "ips", NULL, "2024-06-01", NULL, NULL);
    job(wh, "j5", "c4", NULL, "2024-06-01", NULL, -1, 1);
    episode(wh, "e7", "c7", "k1", "ips", NULL, "2024-08-01", NULL, NULL);
    job(wh, "j6", "c7", NULL, "2024-10-10", NULL, -1, 1);
    episode(wh, "e8", "c8", "k1", "ips", NULL, "2024-07-01", NULL, NULL);
    job(wh, "j7", "c8", NULL, "2024-08-10", NULL, -1, 1);
    episode(wh, "e5", "c5", "k1", "ips", NULL, "2023-09-01", NULL, NULL);
    job(wh, "j8", "c5", NULL, "2023-09-05", NULL, -1, 1);
    episode(wh, "e6", "c6", "k1", "group", NULL, "2024-07-01", NULL, NULL);
    job(wh, "j9", "c6", NULL, "2024-07-02", NULL, -1, 1);

    metric_set *set = fixture_metrics(wh, "2024Q3", "2024-09-30", GROUP_NONE);
    expect_observed(set, "time_to_first_job_median_days", NULL, 6, 61);
    /* The longest follow-up is e3's 121 days: 180 and 365 are not estimable
     * (R8), where carrying S forward read 55.6 %. */
    expect_not_estimable(set, "employed_within_180_days", NULL, 6);
    expect_not_estimable(set, "employed_within_365_days", NULL, 6);
    assert_int_equal(row(set, "time_to_first_job_median_days", NULL)->kind, MK_KM);
    metric_set_free(set);

    /* The chart API gives the same curve. */
    metric_query q;
    metric_query_init(&q);
    ips_diag d;
    assert_int_equal(metric_period_parse("2024Q3", &q.start, &q.end, &d), IPS_OK);
    assert_true(date_parse_iso("2024-09-30", &q.as_of));
    km_curve *c = NULL;
    assert_int_equal(outcomes_time_to_job_curve(wh, &q, &c, &d), IPS_OK);
    assert_int_equal(c->cohort, 6);
    assert_int_equal(c->n, 3);
    assert_int_equal(c->time[0], 0);
    assert_int_equal(c->time[1], 40);
    assert_int_equal(c->time[2], 61);
    assert_near(c->surv[2], 4.0 / 9);
    assert_int_equal(c->last_time, 121);
    km_curve_free(c);

    q.by = GROUP_COACH;
    km_curve_list *cl = NULL;
    assert_int_equal(outcomes_time_to_job_curves(wh, &q, &cl, &d), IPS_OK);
    assert_int_equal(cl->n, 1);
    assert_string_equal(cl->items[0].group, "k1");
    assert_int_equal(cl->items[0].curve->cohort, 6);
    km_curve_list_free(cl);
    fixture_close(wh);
}

/* R9 with R5, A = 2024-09-30, W = 2023-10-01..2024-09-30:
 *   c1 ips e1 2024-01-01..open: j1 02-01..03-01 → event 29; j2 04-01..10-15
 *      (ends after A → open) → censored at A, 182; j3 not competitive → out
 *   c2 group g2 from 02-01 and ips e2 from 01-15, both active on 03-01:
 *      j4 03-01..04-10 goes to the ips one (R5: ips first) → event 40
 *   c3 only a group episode: j5 03-01..03-11 → not an ips job → out
 *   c4 ips e4 05-01..06-30; j6 names e4 though it starts after e4 ended,
 *      07-10..07-20 → event 10
 *   c5 no episode: j7 → out;  c6: j8 started 2023-09-01, before W → out
 * Sorted 10E 29E 40E 182C: S(10) = 3/4, S(29) = 3/4 × 2/3 = 1/2 → median 29. */
static void job_tenure(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    coach(wh, "k1", "p1");
    for (int i = 1; i <= 6; i++) {
        char id[16];
        snprintf(id, sizeof id, "c%d", i);
        client(wh, id, 1985, "x");
    }
    episode(wh, "e1", "c1", "k1", "ips", NULL, "2024-01-01", NULL, NULL);
    job(wh, "j1", "c1", NULL, "2024-02-01", "2024-03-01", -1, 1);
    job(wh, "j2", "c1", NULL, "2024-04-01", "2024-10-15", -1, 1);
    job(wh, "j3", "c1", NULL, "2024-05-01", "2024-05-10", -1, 0);
    episode(wh, "g2", "c2", "k1", "group", NULL, "2024-02-01", NULL, NULL);
    episode(wh, "e2", "c2", "k1", "ips", NULL, "2024-01-15", NULL, NULL);
    job(wh, "j4", "c2", NULL, "2024-03-01", "2024-04-10", -1, 1);
    episode(wh, "g3", "c3", "k1", "group", NULL, "2024-01-01", NULL, NULL);
    job(wh, "j5", "c3", NULL, "2024-03-01", "2024-03-11", -1, 1);
    episode(wh, "e4", "c4", "k1", "ips", NULL, "2024-05-01", "2024-06-30", "other");
    job(wh, "j6", "c4", "e4", "2024-07-10", "2024-07-20", -1, 1);
    job(wh, "j7", "c5", NULL, "2024-03-01", "2024-03-05", -1, 1);
    episode(wh, "e6", "c6", "k1", "ips", NULL, "2023-01-01", NULL, NULL);
    job(wh, "j8", "c6", NULL, "2023-09-01", "2024-01-01", -1, 1);

    metric_set *set = fixture_metrics(wh, "2024Q3", "2024-09-30", GROUP_NONE);
    expect_observed(set, "job_tenure_median_days", NULL, 4, 29);
    assert_int_equal(row(set, "job_tenure_median_days", NULL)->kind, MK_KM);
    metric_set_free(set);
    fixture_close(wh);
}

/* R21 and R5, P = 2024Q3:
 *   c1 ips e1 from 2024-01-01: jA 06-01..open 30 h (held in P) and jB
 *      07-15..08-15 17.5 h count; jC not competitive, jD without hours and
 *      jE (ended 06-30, not held in P) do not
 *   c2 only a group episode: jF 10 h → not an ips job
 * Mean = (30 + 17.5) / 2 = 23.75 → 23.8 (half-up), denominator 2. */
static void hours_per_week(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    coach(wh, "k1", "p1");
    client(wh, "c1", 1985, "f");
    client(wh, "c2", 1985, "f");
    episode(wh, "e1", "c1", "k1", "ips", NULL, "2024-01-01", NULL, NULL);
    job(wh, "jA", "c1", NULL, "2024-06-01", NULL, 30, 1);
    job(wh, "jB", "c1", NULL, "2024-07-15", "2024-08-15", 17.5, 1);
    job(wh, "jC", "c1", NULL, "2024-07-01", NULL, 40, 0);
    job(wh, "jD", "c1", NULL, "2024-07-01", NULL, -1, 1);
    job(wh, "jE", "c1", NULL, "2024-01-01", "2024-06-30", 10, 1);
    episode(wh, "g2", "c2", "k1", "group", NULL, "2024-01-01", NULL, NULL);
    job(wh, "jF", "c2", NULL, "2024-07-01", NULL, 10, 1);

    metric_set *set = fixture_metrics(wh, "2024Q3", "2024-09-30", GROUP_NONE);
    expect_observed(set, "hours_per_week_mean", NULL, 2, 23.8);
    assert_int_equal(row(set, "hours_per_week_mean", NULL)->kind, MK_MEAN);
    metric_set_free(set);
    fixture_close(wh);
}

/* Episodes started in P (2024Q3) with a referral date, ips only:
 *   e1 referred 06-01, started 07-01 → 30;  e2 referred 07-10, started 07-05 → −5 (kept)
 *   e3 07-01 → 07-21 → 20;  e4 08-01 → 08-11 → 10
 *   e5 no referral date; e6 other service; e7 started 06-30, before P → out
 * Sorted −5 10 20 30: even count → (10 + 20) / 2 = 15.0, denominator 4.
 * --by gender: f = e1 e3 (20, 30) → 25.0; m = e2 e4 (−5, 10) → 2.5. */
static void referral_wait(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    coach(wh, "k1", "p1");
    const char *gender[] = {"f", "m", "f", "m", "f", "f", "f"};
    for (int i = 1; i <= 7; i++) {
        char id[16];
        snprintf(id, sizeof id, "c%d", i);
        client(wh, id, 1985, gender[i - 1]);
    }
    episode(wh, "e1", "c1", "k1", "ips", "2024-06-01", "2024-07-01", NULL, NULL);
    episode(wh, "e2", "c2", "k1", "ips", "2024-07-10", "2024-07-05", NULL, NULL);
    episode(wh, "e3", "c3", "k1", "ips", "2024-07-01", "2024-07-21", NULL, NULL);
    episode(wh, "e4", "c4", "k1", "ips", "2024-08-01", "2024-08-11", NULL, NULL);
    episode(wh, "e5", "c5", "k1", "ips", NULL, "2024-08-01", NULL, NULL);
    episode(wh, "e6", "c6", "k1", "other", "2024-01-01", "2024-07-02", NULL, NULL);
    episode(wh, "e7", "c7", "k1", "ips", "2024-01-01", "2024-06-30", NULL, NULL);

    metric_set *set = fixture_metrics(wh, "2024Q3", "2024-09-30", GROUP_NONE);
    expect_observed(set, "referral_wait_median_days", NULL, 4, 15.0);
    assert_int_equal(row(set, "referral_wait_median_days", NULL)->kind, MK_MEDIAN);
    metric_set_free(set);
    set = fixture_metrics(wh, "2024Q3", "2024-09-30", GROUP_GENDER);
    expect_observed(set, "referral_wait_median_days", "f", 2, 25.0);
    expect_observed(set, "referral_wait_median_days", "m", 2, 2.5);
    metric_set_free(set);
    fixture_close(wh);
}

/* An empty period gives every metric once, counts 0 and everything else
 * blank with denominator 0 — never a 0 % or a 0-day median. */
static void empty_period_is_blank(void **state)
{
    (void)state;
    static const char *const ids[] = {
        "caseload_active", "enrollments_started", "exits", "employment_rate",
        "employment_at_exit", "employed_at_exit_any", "time_to_first_job_median_days",
        "employed_within_180_days", "employed_within_365_days", "job_tenure_median_days",
        "hours_per_week_mean", "referral_wait_median_days"};
    warehouse *wh = fixture_open();
    metric_set *set = fixture_metrics(wh, "2024Q3", NULL, GROUP_NONE);
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        const metric_row *r = row(set, ids[i], NULL);
        if (r->kind == MK_COUNT) {
            assert_int_equal(r->has, MH_VALUE);
            assert_near(r->value, 0);
        } else {
            assert_false(r->has & MH_VALUE);
            assert_true(r->has & MH_DENOMINATOR);
            assert_near(r->denominator, 0);
        }
        char iso[11];
        date_format_iso(r->period_start, iso);
        assert_string_equal(iso, "2024-07-01");
    }
    metric_set_free(set);
    /* With a breakdown and no data there are no groups, hence no rows. */
    set = fixture_metrics(wh, "2024Q3", NULL, GROUP_COACH);
    assert_null(metric_set_find(set, "caseload_active", NULL, NULL));
    metric_set_free(set);
    fixture_close(wh);
}

/* For tests/e2e/test_metrics_cli.sh: an empty warehouse at path. */
static int make_warehouse(const char *path)
{
    warehouse *wh = NULL;
    ips_diag d;
    ips_diag_clear(&d);
    if (warehouse_open(path, WH_CREATE, &wh, &d) != IPS_OK) {
        fprintf(stderr, "%s\n", d.msg);
        return 1;
    }
    int rc = sqlite3_exec(warehouse_db(wh),
                          "INSERT INTO batches(batch_id, file_name, content_hash, entity, loaded_at) "
                          "VALUES(1, 'fixture', 'fixture', 'fixture', '2024-01-01T00:00:00Z');"
                          "PRAGMA journal_mode=DELETE;",
                          NULL, NULL, NULL);
    warehouse_free(wh);
    return rc == SQLITE_OK ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--make-warehouse") == 0)
        return make_warehouse(argv[2]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(counts_and_shares),
        cmocka_unit_test(as_of_reopens_episodes),
        cmocka_unit_test(two_groups_and_empty_group),
        cmocka_unit_test(time_to_first_job),
        cmocka_unit_test(job_tenure),
        cmocka_unit_test(hours_per_week),
        cmocka_unit_test(referral_wait),
        cmocka_unit_test(empty_period_is_blank),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
