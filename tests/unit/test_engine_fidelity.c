/* The engine's fidelity items (model/engine_fidelity*.c) against the legacy
 * SQL family (model/fidelity_items.c, fidelity_jobs.c): on hand-made
 * warehouses full of edge cases, for several periods and as-of dates and
 * every breakdown, the engine's rows must equal the legacy rows of items 1,
 * 2, 15, 17, 19–21, 23 and 24, row for row, in order. */
#include "tests/unit/fidelity_fixture.h"

#include "model/engine.h"

/* The family's metric ids: its rows among everything metrics_compute gives. */
static bool family_metric(const char *id)
{
    static const char *const ids[] = {
        "caseload_per_fte", "focus_share", "first_employer_contact_mean_days",
        "first_employer_contact_within_30", "first_employer_contact_pending",
        "employer_contacts_per_week", "job_diversity", "employer_diversity",
        "competitive_permanent_share", "follow_along_before", "follow_along_first_days",
        "follow_along_weekly", "follow_along_4_months", "follow_along_monthly",
        "follow_along_score", "community_share",
    };
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
        if (strcmp(ids[i], id) == 0)
            return true;
    return false;
}

/* Coaches (provider, fte, focus, community, employed):
 *   k1 p1 1.0 0.90 0.20 from 2020; k2 p1 0.5 1.00 0.80; k3 p2 left 2024-08-31;
 *   k4 p2 starts 2024-10-15; k5 p2 no focus, no share, blank dates;
 *   k6 p2 0.5 0.50 (IPS only through e12); k7 p3 0.33 with blank team and region. */
static void coaches(warehouse *wh)
{
    add_coach(wh, "k1", "p1", 1.0, 0.90, 0.20, "2020-01-01", NULL);
    add_coach(wh, "k2", "p1", 0.5, 1.00, 0.80, "2020-01-01", NULL);
    add_coach(wh, "k3", "p2", 1.0, 0.10, -1, "2020-01-01", "2024-08-31");
    add_coach(wh, "k4", "p2", 1.0, 0.10, -1, "2024-10-15", NULL);
    add_coach(wh, "k5", "p2", 1.0, -1, -1, NULL, NULL);
    add_coach(wh, "k6", "p2", 0.5, 0.50, -1, "2020-01-01", NULL);
    add_coach(wh, "k7", "p3", 0.33, 0.70, 0.40, "2023-06-01", "2025-06-30");
    fixture_sql(wh, "UPDATE coaches SET team_id = NULL, region = NULL WHERE coach_id = 'k7'");
    fixture_sql(wh, "UPDATE coaches SET region = 'r2' WHERE coach_id IN ('k2', 'k6')");
}

/* Clients c1..c16 with rotating genders, birth years, municipalities and
 * segments (some blank); episodes of every service, with and without a coach,
 * open, ended, ended after A, started in and before W. */
static void clients_and_episodes(warehouse *wh)
{
    static const char *const genders[] = {"f", "m", NULL, "x"};
    static const char *const towns[] = {"Lahti", NULL, "Orimattila"};
    char id[16];
    for (int i = 1; i <= 16; i++) {
        snprintf(id, sizeof id, "c%d", i);
        add_client(wh, id, genders[i % 4]);
        sqlf(wh, "UPDATE clients SET birth_year = %s, municipality = %s, segment = %s"
             " WHERE client_id = '%s'", i % 5 ? num(1950 + 4 * i) : "NULL", lit(towns[i % 3]),
             i % 2 ? "'A'" : "NULL", id);
    }
    add_episode(wh, "e1", "c1", "k1", "ips", "2024-01-01", NULL);
    add_episode(wh, "e1b", "c1", "k2", "ips", "2024-05-01", NULL);
    add_episode(wh, "e2", "c2", "k1", "ips", "2023-01-01", NULL);
    add_episode(wh, "e3", "c3", "k1", "ips", "2024-09-30", NULL);
    add_episode(wh, "e4", "c4", "k2", "ips", "2024-01-01", NULL);
    add_episode(wh, "e4b", "c4", "k7", "other", "2024-03-01", NULL);
    add_episode(wh, "e5", "c5", "k3", "ips", "2023-11-01", NULL);
    add_episode(wh, "e6", "c6", NULL, "ips", "2024-01-01", NULL);
    add_episode(wh, "e7", "c7", "k1", "group", "2024-01-01", NULL);
    add_episode(wh, "e8", "c8", "k1", "ips", "2023-06-01", "2024-09-15");
    add_episode(wh, "e9", "c9", "k1", "ips", "2024-02-01", "2024-12-01");
    add_episode(wh, "e10", "c10", "k5", "ips", "2024-08-01", "2024-08-20");
    add_episode(wh, "e11", "c11", "k6", "other", "2024-01-01", NULL);
    add_episode(wh, "e12", "c12", "k6", "ips", "2024-04-01", NULL);
    add_episode(wh, "e13", "c13", "k7", "ips", "2023-09-01", NULL);
    add_episode(wh, "e14", "c14", "k4", "ips", "2024-10-20", NULL);
    add_episode(wh, "e15", "c15", NULL, "ips", "2025-01-05", NULL); /* after A: none */
    add_episode(wh, "e16", "c16", "k2", "ips", "2022-03-01", "2023-03-01");
    fixture_sql(wh, "UPDATE enrollments SET referral_source = 'self' WHERE client_id IN"
                    " ('c1', 'c4', 'c9')");
    fixture_sql(wh, "UPDATE enrollments SET referral_source = 'mental_health',"
                    " exit_reason = 'education' WHERE enrollment_id IN ('e8', 'e13')");
}

/* Employer contacts (item 15 and 17), minutes (item 24). */
static void contacts(warehouse *wh)
{
    add_employer_contacts(wh, "k1", 52, "2024-07-02", "coach");
    add_employer_contacts(wh, "k1", 2, "2024-06-30", "coach");
    add_employer_contacts(wh, "k2", 13, "2024-08-01", "both");
    add_employer_contacts(wh, "k2", 5, "2024-09-01", NULL);
    add_employer_contacts(wh, "k2", 3, "2024-09-10", "client");
    add_employer_contacts(wh, "k3", 10, "2024-07-10", "coach");
    add_employer_contacts(wh, "k7", 30, "2024-03-01", "coach");
    add_contact(wh, "2024-08-01", "employer", 0, NULL, "k1", "coach", NULL, -1);
    add_contact(wh, "2024-03-01", "employer", 1, "c1", "k1", NULL, NULL, -1);
    add_contact(wh, "2024-03-31", "employer", 1, "c2", NULL, "client", NULL, -1);
    add_contact(wh, "2024-04-10", "employer", 1, "c5", "k1", "both", NULL, -1);
    add_contact(wh, "2024-10-01", "employer", 1, "c10", "k1", "coach", NULL, -1);
    add_contact(wh, "2025-01-05", "employer", 1, "c12", "k1", "coach", NULL, -1);
    add_contact(wh, "2024-06-02", "employer", 1, "c13", "k7", "coach", NULL, -1);
    add_contact(wh, "2024-05-01", "client", 1, "c1", "k1", "coach", "community", 60);
    add_contact(wh, "2024-05-02", "network", 0, NULL, "k1", "coach", "home", 10);
    add_contact(wh, "2024-05-04", "client", 1, "c2", "k1", "coach", "office", 30);
    add_contact(wh, "2024-05-05", "client", 1, "c2", "k1", "coach", NULL, 100);
    add_contact(wh, "2023-09-01", "client", 1, "c2", "k1", "coach", "office", 500);
    add_contact(wh, "2024-06-01", "client", 0, "c12", "k6", "coach", "remote", 45);
    add_contact(wh, "2024-06-02", "client", 1, "c12", "k6", "coach", "workplace", 15);
    add_contact(wh, "2024-06-03", "client", 1, "c13", "k7", "coach", "office", 0);
}

/* Jobs of every scope (R5, R12, R13) and item 23's follow-along contacts. */
static void jobs(warehouse *wh)
{
    const char *employers[] = {"E1", "E2", "E3", "E4", "E5"};
    for (int i = 0; i < 5; i++)
        add_employer(wh, employers[i]);
    add_job(wh, "j1", "c1", "E1", NULL, NULL, "52231", "2023-03-01", "2023-06-30", 1, 1);
    add_job(wh, "j2", "c1", "E2", NULL, "Myyjä", "5223", "2024-01-10", NULL, 1, 1);
    add_job(wh, "j3", "c1", "E1", NULL, " Myyjä   kassa ", NULL, "2024-02-01", "2024-03-01", 1, 0);
    add_job(wh, "j4", "c1", "E3", NULL, "MYYJÄ KASSA", NULL, "2024-05-01", NULL, 1, -1);
    add_job(wh, "j5", "c1", "E3", NULL, NULL, NULL, "2024-05-01", NULL, 1, 1);
    add_job(wh, "j6", "c2", "E1", NULL, NULL, "5223", "2024-03-04", NULL, 1, 1);
    add_job(wh, "j7", "c4", "E4", "e4", NULL, "9112", "2023-12-01", NULL, 1, -1);
    add_job(wh, "j8", "c4", "E4", NULL, NULL, "9112", "2024-04-01", "2024-06-15", 1, 1);
    add_job(wh, "j9", "c5", "E4", NULL, NULL, "9112", "2024-02-01", NULL, 0, 1);
    add_job(wh, "j10", "c7", "E1", NULL, NULL, "1111", "2024-03-01", NULL, 1, 1);
    add_job(wh, "j11", "c9", "E5", NULL, NULL, "4110", "2024-04-01", NULL, 1, 0);
    add_job(wh, "j12", "c13", "E2", NULL, "Kokki", NULL, "2024-09-20", NULL, 1, 1);
    add_job(wh, "j13", "c12", "E5", NULL, NULL, "4110", "2024-06-30", NULL, 1, -1);
    add_job(wh, "j14", "c6", "E2", NULL, "kokki", NULL, "2024-01-31", "2024-10-31", 1, 1);
    add_job(wh, "j15", "c1", "E2", NULL, NULL, "5223", "2025-01-10", NULL, 1, 1);
    static const char *const meet[] = {"2024-02-28", "2024-03-06", "2024-03-12", "2024-03-19",
                                       "2024-03-26", "2024-04-15", "2024-05-15", "2024-07-15",
                                       "2024-08-15"};
    for (size_t i = 0; i < sizeof meet / sizeof meet[0]; i++)
        add_contact(wh, meet[i], "client", 1, "c2", "k1", "coach", NULL, -1);
    add_contact(wh, "2024-04-24", "client", 1, "c4", "k2", "coach", NULL, -1);
    add_contact(wh, "2024-04-01", "client", 1, "c4", "k2", "coach", NULL, -1);
    add_contact(wh, "2024-08-01", "client", 1, "c4", "k2", "coach", NULL, -1);
    add_contact(wh, "2024-02-05", "client", 1, "c6", NULL, "client", NULL, -1);
    add_contact(wh, "2024-05-31", "client", 1, "c6", NULL, "client", NULL, -1);
    add_contact(wh, "2024-07-01", "client", 1, "c12", "k6", "coach", NULL, -1);
}

static void rich_fixture(warehouse *wh)
{
    coaches(wh);
    clients_and_episodes(wh);
    contacts(wh);
    jobs(wh);
}

/* The legacy family's rows for q: everything metrics_compute gives (the SQL
 * path, no env) with the other families' rows left out. */
static metric_set *legacy_rows(warehouse *wh, const metric_query *q)
{
    metric_set *all = metric_set_new(), *mine = metric_set_new();
    assert_non_null(all);
    assert_non_null(mine);
    ips_diag d;
    ips_diag_clear(&d);
    if (metrics_compute(wh, q, all, &d) != IPS_OK)
        fail_msg("metrics_compute: %s", d.msg);
    for (size_t i = 0; i < all->n; i++) {
        if (!family_metric(all->rows[i].metric))
            continue;
        metric_row *r = metric_set_add(mine, "");
        assert_non_null(r);
        *r = all->rows[i];
    }
    metric_set_free(all);
    return mine;
}

static metric_set *engine_rows(warehouse *wh, const metric_query *q)
{
    const facts *f;
    ips_diag d;
    ips_diag_clear(&d);
    if (facts_get(wh, q->as_of, &f, &d) != IPS_OK)
        fail_msg("facts_get: %s", d.msg);
    metric_set *set = metric_set_new();
    assert_non_null(set);
    if (engine_compute_mask(f, q, 2u, set, &d) != IPS_OK)
        fail_msg("engine: %s", d.msg);
    return set;
}

/* Every breakdown for one period (start..end) as of as_of (NULL: the data's). */
static void compare_period(warehouse *wh, ips_day start, ips_day end, const char *as_of)
{
    for (int by = 0; by < GROUP__COUNT; by++) {
        metric_query q;
        metric_query_init(&q);
        q.start = start;
        q.end = end;
        q.internal = true;
        q.by = (metric_group)by;
        if (as_of)
            assert_true(date_parse_iso(as_of, &q.as_of));
        metric_set *legacy = legacy_rows(wh, &q), *fresh = engine_rows(wh, &q);
        char why[1024];
        if (!metric_set_equal(legacy, fresh, why, sizeof why))
            fail_msg("by %s as of %s: %s", metric_group_name(q.by), as_of ? as_of : "data",
                     why);
        /* Without a breakdown the whole service always has its rows. */
        if (q.by == GROUP_NONE)
            assert_true(fresh->n >= 15);
        metric_set_free(legacy);
        metric_set_free(fresh);
    }
}

static void compare_periods(warehouse *wh)
{
    static const char *const periods[] = {"2024Q3", "2024Q2", "2024", "2024H1", "2023Q4",
                                          "2025Q1", "2022Q1"};
    static const char *const as_of[] = {NULL, "2024-10-15", "2024-12-31", "2024-06-15"};
    for (size_t i = 0; i < sizeof periods / sizeof periods[0]; i++) {
        ips_day s, e;
        ips_diag d;
        ips_diag_clear(&d);
        assert_int_equal(metric_period_parse(periods[i], &s, &e, &d), IPS_OK);
        for (size_t k = 0; k < sizeof as_of / sizeof as_of[0]; k++)
            compare_period(wh, s, e, as_of[k]);
    }
    ips_day s, e; /* a free span */
    assert_true(date_parse_iso("2023-02-11", &s));
    assert_true(date_parse_iso("2024-05-20", &e));
    compare_period(wh, s, e, NULL);
}

static void engine_equals_legacy(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    rich_fixture(wh);
    compare_periods(wh);
    fixture_close(wh);
}

/* An empty warehouse and one with coaches only: the blank whole rows. */
static void engine_equals_legacy_when_empty(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    compare_periods(wh);
    coaches(wh);
    compare_periods(wh);
    fixture_close(wh);
}

/* The check mode itself: metrics_compute computes the family both ways and
 * fails on the first difference. */
static void check_mode_agrees(void **state)
{
    (void)state;
    setenv("IPSREPORT_ENGINE", "check", 1);
    setenv("IPSREPORT_ENGINE_FAMILIES", "2", 1);
    warehouse *wh = fixture_open();
    rich_fixture(wh);
    for (int by = 0; by < GROUP__COUNT; by++) {
        metric_set *set = fixture_metrics(wh, "2024Q3", "2024-12-31", (metric_group)by);
        metric_set_free(set);
    }
    fixture_close(wh);
    unsetenv("IPSREPORT_ENGINE");
    unsetenv("IPSREPORT_ENGINE_FAMILIES");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(engine_equals_legacy),
        cmocka_unit_test(engine_equals_legacy_when_empty),
        cmocka_unit_test(check_mode_agrees),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
