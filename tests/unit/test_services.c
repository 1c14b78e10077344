/* Other services (metrics.md "Other services", docs/metrics-notes.md):
 * trainees_per_coach, support_level_mix, meetings_per_month_basic.  Expected
 * numbers are worked out by hand beside each fixture. */
#include <math.h>

#include "tests/unit/fixture.h"

#define assert_near(a, b, eps)                                                  \
    do {                                                                        \
        double a_ = (a), b_ = (b);                                              \
        if (!(fabs(a_ - b_) <= (eps)))                                          \
            fail_msg("%s is %.6f, expected %.6f", #a, a_, b_);                  \
    } while (0)

static void coach(warehouse *wh, const char *id, const char *provider, double fte,
                  const char *start, const char *end)
{
    char sql[512];
    snprintf(sql, sizeof sql, "INSERT INTO coaches(coach_id, provider_id, fte, start_date, end_date, "
             FIX_COLS ") VALUES('%s', '%s', %g, '%s', %s%s%s, " FIX_VALS ")",
             id, provider, fte, start, end ? "'" : "", end ? end : "NULL", end ? "'" : "");
    fixture_sql(wh, sql);
}

static void client(warehouse *wh, const char *id, const char *gender)
{
    char sql[256];
    snprintf(sql, sizeof sql, "INSERT INTO clients(client_id, gender, " FIX_COLS
             ") VALUES('%s', %s%s%s, " FIX_VALS ")",
             id, gender ? "'" : "", gender ? gender : "NULL", gender ? "'" : "");
    fixture_sql(wh, sql);
}

/* An episode; coach, end and level may be NULL. */
static void episode(warehouse *wh, const char *id, const char *client_id, const char *coach_id,
                    const char *service, const char *start, const char *end, const char *level)
{
    char sql[768];
    snprintf(sql, sizeof sql,
             "INSERT INTO enrollments(enrollment_id, client_id, coach_id, service, start_date,"
             " end_date, exit_reason, support_level, " FIX_COLS ") VALUES('%s', '%s', %s%s%s, '%s',"
             " '%s', %s%s%s, %s, %s%s%s, " FIX_VALS ")",
             id, client_id, coach_id ? "'" : "", coach_id ? coach_id : "NULL", coach_id ? "'" : "",
             service, start, end ? "'" : "", end ? end : "NULL", end ? "'" : "",
             end ? "'other'" : "NULL", level ? "'" : "", level ? level : "NULL", level ? "'" : "");
    fixture_sql(wh, sql);
}

static void contact(warehouse *wh, const char *id, const char *client_id, const char *date,
                    const char *kind, int in_person)
{
    char sql[512];
    snprintf(sql, sizeof sql, "INSERT INTO contacts(contact_id, date, kind, in_person, client_id,"
             " coach_id, " FIX_COLS ") VALUES('%s', '%s', '%s', %d, '%s', 'k1', " FIX_VALS ")",
             id, date, kind, in_person, client_id);
    fixture_sql(wh, sql);
}

static metric_set *compute(warehouse *wh, const char *from, const char *to, const char *as_of,
                           metric_group by)
{
    metric_query q;
    metric_query_init(&q);
    assert_true(date_parse_iso(from, &q.start));
    assert_true(date_parse_iso(to, &q.end));
    assert_true(date_parse_iso(as_of, &q.as_of));
    q.internal = true;
    q.by = by;
    ips_diag d;
    metric_set *set = metric_set_new();
    if (metrics_compute(wh, &q, set, &d) != IPS_OK)
        fail_msg("metrics_compute: %s", d.msg);
    return set;
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

/* P = 2024-07-01 .. 2024-07-10 (10 days), A = 2024-12-31.
 * Coaches: v1 P1 fte 1.0 open; v2 P2 fte 0.5 employed until 2024-07-05 (leaves
 * during P); v3 P1 fte 1.0 with only an ips episode (not a coaching-environment
 * coach, so not counted).
 * coaching_environment episodes: 4 of v1 and 2 of v2, all from 2024-06-01 and
 * open (v2's stay on her after she left); w1 without a coach 07-06 .. 07-10.
 *   07-01..07-05: 6 episodes / (1.0 + 0.5) = 4 a day
 *   07-06..07-10: 4 + 2 + 1 = 7 episodes / 1.0 (v2 has left) = 7 a day
 *   mean over the 10 days = (5 × 4 + 5 × 7) / 10 = 5.5, 10 observations
 * --by provider: P1 4 / 1.0 = 4 every day → 4.0 (10 days); P2 2 / 0.5 = 4 on
 *   the 5 days v2 worked → 4.0 (5 days); w1 (no coach, no fte) gives no row. */
static warehouse *trainee_fixture(void)
{
    warehouse *wh = fixture_open();
    coach(wh, "v1", "P1", 1.0, "2023-01-01", NULL);
    coach(wh, "v2", "P2", 0.5, "2023-01-01", "2024-07-05");
    coach(wh, "v3", "P1", 1.0, "2023-01-01", NULL);
    char id[16], cl[16];
    for (int i = 0; i < 6; i++) {
        snprintf(id, sizeof id, "t%d", i);
        snprintf(cl, sizeof cl, "ct%d", i);
        client(wh, cl, NULL);
        episode(wh, id, cl, i < 4 ? "v1" : "v2", "coaching_environment", "2024-06-01", NULL, NULL);
    }
    client(wh, "cw", NULL);
    episode(wh, "w1", "cw", NULL, "coaching_environment", "2024-07-06", "2024-07-10", NULL);
    client(wh, "ci", NULL);
    episode(wh, "i1", "ci", "v3", "ips", "2024-01-01", NULL, "basic");
    return wh;
}

static void trainees_per_coach(void **state)
{
    (void)state;
    warehouse *wh = trainee_fixture();
    metric_set *set = compute(wh, "2024-07-01", "2024-07-10", "2024-12-31", GROUP_NONE);
    const metric_row *r = row(set, "trainees_per_coach", "", "");
    assert_int_equal(r->kind, MK_MEAN);
    assert_near(val(set, "trainees_per_coach", "", ""), 5.5, 1e-9);
    assert_near(r->denominator, 10, 0);
    metric_set_free(set);

    set = compute(wh, "2024-07-01", "2024-07-10", "2024-12-31", GROUP_PROVIDER);
    assert_near(val(set, "trainees_per_coach", "provider", "P1"), 4.0, 1e-9);
    assert_near(row(set, "trainees_per_coach", "provider", "P1")->denominator, 10, 0);
    assert_near(val(set, "trainees_per_coach", "provider", "P2"), 4.0, 1e-9);
    assert_near(row(set, "trainees_per_coach", "provider", "P2")->denominator, 5, 0);
    assert_null(metric_set_find(set, "trainees_per_coach", "provider", ""));
    metric_set_free(set);

    /* A coach-level metric: no rows by client attributes (R20). */
    set = compute(wh, "2024-07-01", "2024-07-10", "2024-12-31", GROUP_GENDER);
    assert_null(metric_set_find(set, "trainees_per_coach", NULL, NULL));
    metric_set_free(set);

    /* A = 2024-07-03 caps the days at 07-01..07-03 (R3): 6 / 1.5 = 4 each → 4.0, 3 days. */
    set = compute(wh, "2024-07-01", "2024-07-10", "2024-07-03", GROUP_NONE);
    assert_near(val(set, "trainees_per_coach", "", ""), 4.0, 1e-9);
    assert_near(row(set, "trainees_per_coach", "", "")->denominator, 3, 0);
    metric_set_free(set);

    /* 2023: no coaching-environment episode yet → blank (no fte to divide by), not 0. */
    set = compute(wh, "2023-01-01", "2023-01-10", "2024-12-31", GROUP_NONE);
    r = row(set, "trainees_per_coach", "", "");
    assert_false(r->has & MH_VALUE);
    assert_near(r->denominator, 0, 0);
    metric_set_free(set);
    fixture_close(wh);
}

/* ips episodes active in P = 2024-07-01 .. 2024-07-10:
 *   s1 intensive, s2 basic, s3 basic, s4 light, s5 no level → counted
 *   s6 basic ended 2024-06-30 (before P), s7 basic of service group → not counted
 * 5 episodes: intensive 1 (20.0 %), basic 2 (40.0 %), light 1 (20.0 %), "" 1 (20.0 %). */
static void support_level_mix(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    const char *levels[] = {"intensive", "basic", "basic", "light", NULL};
    char id[16], cl[16];
    for (int i = 0; i < 5; i++) {
        snprintf(id, sizeof id, "s%d", i + 1);
        snprintf(cl, sizeof cl, "cs%d", i + 1);
        client(wh, cl, NULL);
        episode(wh, id, cl, NULL, "ips", "2024-05-01", NULL, levels[i]);
    }
    client(wh, "cs6", NULL);
    episode(wh, "s6", "cs6", NULL, "ips", "2024-01-01", "2024-06-30", "basic");
    client(wh, "cs7", NULL);
    episode(wh, "s7", "cs7", NULL, "group", "2024-01-01", NULL, "basic");
    /* Rows are per support level whatever the breakdown asked for. */
    metric_set *set = compute(wh, "2024-07-01", "2024-07-10", "2024-12-31", GROUP_PROVIDER);
    const metric_row *r = row(set, "support_level_mix", "support_level", "basic");
    assert_int_equal(r->kind, MK_SHARE);
    assert_near(r->numerator, 2, 0);
    assert_near(r->denominator, 5, 0);
    assert_near(r->value, 40.0, 1e-9);
    assert_near(val(set, "support_level_mix", "support_level", "intensive"), 20.0, 1e-9);
    assert_near(val(set, "support_level_mix", "support_level", "light"), 20.0, 1e-9);
    assert_near(val(set, "support_level_mix", "support_level", ""), 20.0, 1e-9);
    metric_set_free(set);

    /* 2023-01: none active; the three levels have rows with 0 / 0 and a blank
     * share, and the unknown level has no row. */
    set = compute(wh, "2023-01-01", "2023-01-31", "2024-12-31", GROUP_NONE);
    r = row(set, "support_level_mix", "support_level", "intensive");
    assert_false(r->has & MH_VALUE);
    assert_near(r->denominator, 0, 0);
    assert_null(metric_set_find(set, "support_level_mix", "support_level", ""));
    metric_set_free(set);
    fixture_close(wh);
}

/* P = 2024Q3 = 2024-07-01 .. 2024-09-30 (92 days), A = 2024-12-31; a month is
 * 365.25 / 12 = 30.4375 days.  Basic-support ips episodes:
 *   m1 (f) from 2024-01-01, open: 92 days = 3.0226 months; in-person client
 *      contacts in P: 6 (also a phone call, an in-person employer contact and a
 *      meeting on 06-30, none counted) → 6 × 30.4375 / 92 = 1.98505 a month
 *   m2 (m) 2024-09-01 .. 09-30: 30 days; 2 meetings in September and one on
 *      10-05 after the end → 2 × 30.4375 / 30 = 2.02917
 *   m4 (m) 2024-07-01 .. 07-31: 31 days, no meetings → 0
 *   m3 (f) intensive → not counted
 * mean = (1.98505 + 2.02917 + 0) / 3 = 1.33807 → 1.3, 3 episodes
 * --by gender: f 1.98505 → 2.0 (1); m (2.02917 + 0) / 2 = 1.01458 → 1.0 (2). */
static void meetings_per_month_basic(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    coach(wh, "k1", "P1", 1.0, "2023-01-01", NULL);
    client(wh, "c1", "f");
    client(wh, "c2", "m");
    client(wh, "c3", "f");
    client(wh, "c4", "m");
    episode(wh, "m1", "c1", "k1", "ips", "2024-01-01", NULL, "basic");
    episode(wh, "m2", "c2", "k1", "ips", "2024-09-01", "2024-09-30", "basic");
    episode(wh, "m3", "c3", "k1", "ips", "2024-01-01", NULL, "intensive");
    episode(wh, "m4", "c4", "k1", "ips", "2024-07-01", "2024-07-31", "basic");
    static const char *const c1_dates[] = {"2024-07-02", "2024-07-20", "2024-08-05",
                                           "2024-08-25", "2024-09-10", "2024-09-30"};
    char id[16];
    for (int i = 0; i < 6; i++) {
        snprintf(id, sizeof id, "x%d", i);
        contact(wh, id, "c1", c1_dates[i], "client", 1);
    }
    contact(wh, "y1", "c1", "2024-07-03", "client", 0);   /* phone */
    contact(wh, "y2", "c1", "2024-07-04", "employer", 1); /* not a client meeting */
    contact(wh, "y3", "c1", "2024-06-30", "client", 1);   /* before P */
    contact(wh, "y4", "c2", "2024-09-02", "client", 1);
    contact(wh, "y5", "c2", "2024-09-29", "client", 1);
    contact(wh, "y6", "c2", "2024-10-05", "client", 1);   /* after the episode */
    contact(wh, "y7", "c3", "2024-07-05", "client", 1);   /* intensive client */

    metric_set *set = compute(wh, "2024-07-01", "2024-09-30", "2024-12-31", GROUP_NONE);
    const metric_row *r = row(set, "meetings_per_month_basic", "", "");
    assert_int_equal(r->kind, MK_MEAN);
    assert_near(r->value, 1.3, 1e-9);
    assert_near(r->denominator, 3, 0);
    metric_set_free(set);

    set = compute(wh, "2024-07-01", "2024-09-30", "2024-12-31", GROUP_GENDER);
    assert_near(val(set, "meetings_per_month_basic", "gender", "f"), 2.0, 1e-9);
    assert_near(val(set, "meetings_per_month_basic", "gender", "m"), 1.0, 1e-9);
    assert_near(row(set, "meetings_per_month_basic", "gender", "m")->denominator, 2, 0);
    metric_set_free(set);

    /* 2023: no basic episode active → a blank row, not 0. */
    set = compute(wh, "2023-07-01", "2023-09-30", "2024-12-31", GROUP_NONE);
    r = row(set, "meetings_per_month_basic", "", "");
    assert_false(r->has & MH_VALUE);
    metric_set_free(set);
    fixture_close(wh);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(trainees_per_coach),
        cmocka_unit_test(support_level_mix),
        cmocka_unit_test(meetings_per_month_basic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
