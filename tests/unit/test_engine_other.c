/* The engine's reviews, funding, capacity and services families and its
 * distributions against the SQL families they replace (model/reviews.c,
 * funding.c, capacity.c, services.c, distributions.c): the same rows, in the
 * same order, for several periods, every breakdown and the settings.  The
 * fixture gathers the situations of test_capacity.c, test_services.c,
 * test_funding.c, test_reviews.c and test_distributions.c in one warehouse. */
#include "tests/unit/fixture.h"

#include "model/distributions.h"
#include "model/engine.h"
#include "model/metric_families.h"

/* The families' bits of engine_compute_mask (reviews … services). */
#define OTHER_FAMILIES 60u

static const char *const fixture_rows[] = {
    /* Coaches: regions (one blank), providers, teams, people leaving in 2024. */
    "INSERT INTO coaches(coach_id, provider_id, team_id, region, fte, start_date, end_date, "
    FIX_COLS ") VALUES"
    "('r1','P1','T1','Rovaniemi',1.0,'2023-01-01',NULL," FIX_VALS "),"
    "('r2','P1','T1','Rovaniemi',0.5,'2024-03-01',NULL," FIX_VALS "),"
    "('r3','P2','T2','Rovaniemi',0.8,'2022-01-01','2024-06-30'," FIX_VALS "),"
    "('k1','P2',NULL,'Kemijärvi',0.6,'2023-01-01','2024-05-31'," FIX_VALS "),"
    "('ra1','P3','T3','Ranua',1.0,'2023-01-01','2024-02-29'," FIX_VALS "),"
    "('x1','P3','T3',NULL,0.4,'2024-01-01',NULL," FIX_VALS "),"
    "('s1','P1','T1','Sodankylä',1.0,'2020-01-01','2023-12-31'," FIX_VALS ")",
    "INSERT INTO employers(employer_id, " FIX_COLS ")"
    " VALUES('m1'," FIX_VALS "),('m2'," FIX_VALS ")",
    "INSERT INTO clients(client_id, birth_year, gender, municipality, segment, " FIX_COLS
    ") VALUES"
    "('a',1990,'f','Rovaniemi','youth'," FIX_VALS "),"
    "('b',1960,'m','Kemi',NULL," FIX_VALS "),"
    "('c',NULL,NULL,NULL,'adult'," FIX_VALS "),"
    "('d',2001,'f','Kemi','youth'," FIX_VALS "),"
    "('h',1975,'m','Rovaniemi','adult'," FIX_VALS "),"
    "('i',1985,'x',NULL,NULL," FIX_VALS "),"
    "('j',1999,'f','Ranua','youth'," FIX_VALS "),"
    "('m',1950,'m','Kemi','adult'," FIX_VALS "),"
    "('t1',1994,'f','Kemi',NULL," FIX_VALS "),"
    "('t2',1980,'m','Rovaniemi',NULL," FIX_VALS "),"
    "('t3',NULL,NULL,NULL,NULL," FIX_VALS ")",
    /* ips episodes with exit reasons, support levels and referrals; overlaps
     * of one client (a; h across regions); no coach (i); other services. */
    "INSERT INTO enrollments(enrollment_id, client_id, coach_id, service, referral_date,"
    " start_date, end_date, exit_reason, referral_source, support_level, " FIX_COLS ") VALUES"
    "('a1','a','r1','ips','2023-05-20','2023-06-01','2024-06-18','education','self','basic',"
    FIX_VALS "),"
    "('a2','a','r1','ips',NULL,'2024-02-01',NULL,NULL,'self','intensive'," FIX_VALS "),"
    "('b1','b','r2','ips','2024-02-25','2024-03-01','2024-04-30','employed_open',"
    "'mental_health','basic'," FIX_VALS "),"
    "('c1','c','r3','ips',NULL,'2024-01-15','2024-06-30','sick_leave',NULL,'light'," FIX_VALS "),"
    "('d1','d','r1','ips','2024-04-10','2024-05-01',NULL,NULL,'social_work','basic'," FIX_VALS "),"
    "('h1','h','k1','ips',NULL,'2024-01-01','2024-03-31','work_trial','self',NULL," FIX_VALS "),"
    "('h2','h','r1','ips',NULL,'2024-04-01','2024-04-30','employed_open','self','basic',"
    FIX_VALS "),"
    "('i1','i',NULL,'ips',NULL,'2024-06-01','2024-06-30','moved',NULL,'basic'," FIX_VALS "),"
    "('j1','j','x1','ips','2024-06-20','2024-07-01',NULL,NULL,'other','intensive'," FIX_VALS "),"
    "('m1','m','x1','ips',NULL,'2024-06-15','2024-06-20','employed_subsidized',NULL,'basic',"
    FIX_VALS "),"
    "('m2','m','r1','group',NULL,'2024-07-05','2024-08-01','pension',NULL,NULL," FIX_VALS "),"
    "('f1','b','r1','ips',NULL,'2025-01-10',NULL,NULL,NULL,'basic'," FIX_VALS "),"
    "('g1','c','r2','ips',NULL,'2023-01-01','2023-12-31','declined',NULL,NULL," FIX_VALS "),"
    "('ce1','t1','r1','coaching_environment',NULL,'2024-06-01',NULL,NULL,NULL,NULL," FIX_VALS "),"
    "('ce2','t2','r1','coaching_environment',NULL,'2024-06-01','2024-09-15','other',NULL,NULL,"
    FIX_VALS "),"
    "('ce3','t3','r3','coaching_environment',NULL,'2024-03-01',NULL,NULL,NULL,NULL," FIX_VALS "),"
    "('ce4','t1','k1','coaching_environment',NULL,'2024-05-01','2024-05-20','other',NULL,NULL,"
    FIX_VALS "),"
    "('ce5','t2',NULL,'coaching_environment',NULL,'2024-07-06','2024-07-10','other',NULL,NULL,"
    FIX_VALS "),"
    "('ce6','t3','x1','coaching_environment',NULL,'2024-07-01','2024-07-31','other',NULL,NULL,"
    FIX_VALS ")",
    "INSERT INTO contacts(contact_id, date, kind, in_person, client_id, coach_id, employer_id, "
    FIX_COLS ") VALUES"
    "('q1','2023-06-05','employer',1,'a','r1','m1'," FIX_VALS "),"
    "('q2','2024-03-10','employer',0,'b','r2','m1'," FIX_VALS "),"
    "('q3','2024-03-20','employer',1,'b','r2','m2'," FIX_VALS "),"
    "('q4','2024-05-02','employer',1,'d','r1','m1'," FIX_VALS "),"
    "('q5','2024-07-15','employer',1,'j','x1','m2'," FIX_VALS "),"
    "('q6','2024-02-02','client',1,'a','r1',NULL," FIX_VALS "),"
    "('q7','2024-02-20','client',1,'a','r1',NULL," FIX_VALS "),"
    "('q8','2024-03-05','client',1,'b','r2',NULL," FIX_VALS "),"
    "('q9','2024-03-05','client',1,'b','r2',NULL," FIX_VALS "),"
    "('q10','2024-04-15','client',0,'b','r2',NULL," FIX_VALS "),"
    "('q11','2024-05-03','client',1,'d','r1',NULL," FIX_VALS "),"
    "('q12','2024-08-01','client',1,'d','r1',NULL," FIX_VALS "),"
    "('q13','2024-06-10','client',1,'i',NULL,NULL," FIX_VALS "),"
    "('q14','2024-04-20','client',1,'h','r1',NULL," FIX_VALS "),"
    "('q15','2024-06-16','client',1,'m','x1',NULL," FIX_VALS "),"
    "('q16','2024-12-31','client',1,'a','r1',NULL," FIX_VALS ")",
    "INSERT INTO jobs(job_id, client_id, employer_id, start_date, end_date, competitive, "
    FIX_COLS ") VALUES"
    "('j1','b','m2','2024-04-01','2024-04-25',1," FIX_VALS "),"
    "('j2','d','m1','2024-06-01',NULL,1," FIX_VALS "),"
    "('j3','a','m1','2023-09-01','2024-01-31',1," FIX_VALS "),"
    "('j4','a','m2','2024-03-01','2024-03-01',0," FIX_VALS "),"
    "('j5','h','m1','2024-04-10','2024-09-30',1," FIX_VALS "),"
    "('j6','h','m2','2024-04-10','2024-04-11',1," FIX_VALS ")",
    NULL,
};

static void add_review(warehouse *wh, const char *id, const char *unit, const char *date,
                       int first, int last, int score, int high)
{
    for (int item = first; item <= last; item++) {
        char sql[512];
        const char *status = item % 7 == 0 ? "not_applicable" : item % 5 == 0 ? "not_rated"
                                                                                : "rated";
        bool rated = strcmp(status, "rated") == 0;
        snprintf(sql, sizeof sql,
                 "INSERT INTO fidelity_reviews(review_id, item, unit, review_date, status, score,"
                 " score_high, reviewer, " FIX_COLS ") VALUES('%s', %d, '%s', '%s', '%s', %s, %s,"
                 " NULL, " FIX_VALS ")",
                 id, item, unit, date, status, rated ? (score == 3 ? "3" : "4") : "NULL",
                 rated && high && item % 3 == 0 ? "5" : "NULL");
        fixture_sql(wh, sql);
    }
}

static warehouse *other_fixture(void)
{
    warehouse *wh = fixture_open();
    for (size_t i = 0; fixture_rows[i]; i++)
        fixture_sql(wh, fixture_rows[i]);
    add_review(wh, "rev-b", "P1", "2024-05-02", 1, 25, 4, 1);
    add_review(wh, "rev-a", "P1", "2024-09-01", 1, 25, 3, 0);
    add_review(wh, "rev-c", "P2", "2024-02-10", 1, 12, 4, 1);
    add_review(wh, "rev-old", "P2", "2022-01-10", 1, 25, 4, 0);
    add_review(wh, "rev-z", "", "2024-11-30", 3, 8, 4, 1);
    return wh;
}

/* The SQL families' rows and the engine's for q, compared; fails on a
 * difference.  Returns how many rows they had. */
static size_t compare(warehouse *wh, const metric_query *q0)
{
    typedef ips_error (*family_fn)(const metric_ctx *, metric_set *, ips_diag *);
    static const family_fn legacy[] = {reviews_compute, funding_compute, capacity_compute,
                                       services_compute};
    metric_query q = *q0;
    ips_diag d;
    ips_diag_clear(&d);
    assert_int_equal(metrics_as_of(wh, &q.as_of, &d), IPS_OK);
    metric_ctx ctx;
    assert_int_equal(metric_ctx_init(&ctx, wh, &q, &d), IPS_OK);
    metric_set *old = metric_set_new(), *fresh = metric_set_new();
    for (size_t i = 0; i < sizeof legacy / sizeof legacy[0]; i++)
        if (legacy[i](&ctx, old, &d) != IPS_OK)
            fail_msg("legacy: %s", d.msg);
    const facts *f;
    assert_int_equal(facts_get(wh, q.as_of, &f, &d), IPS_OK);
    if (engine_compute_mask(f, &q, OTHER_FAMILIES, fresh, &d) != IPS_OK)
        fail_msg("engine: %s", d.msg);
    char why[1024];
    if (!metric_set_equal(old, fresh, why, sizeof why)) {
        char a[11], b[11];
        date_format_iso(q.start, a);
        date_format_iso(q.end, b);
        fail_msg("%s..%s by '%s': %s", a, b, metric_group_name(q.by), why);
    }
    size_t n = old->n;
    metric_set_free(old);
    metric_set_free(fresh);
    return n;
}

static const char *const periods[] = {"2023", "2024Q1", "2024Q2", "2024Q3", "2024Q4", "2024H1",
                                      "2024H2", "2024", "2025Q1", "2030Q1"};
#define NPERIODS (sizeof periods / sizeof periods[0])

static metric_query query(const char *period, const char *as_of, metric_group by)
{
    metric_query q;
    metric_query_init(&q);
    ips_diag d;
    assert_int_equal(metric_period_parse(period, &q.start, &q.end, &d), IPS_OK);
    if (as_of)
        assert_true(date_parse_iso(as_of, &q.as_of));
    q.internal = true;
    q.by = by;
    return q;
}

static void rows_equal_every_period_and_breakdown(void **state)
{
    (void)state;
    warehouse *wh = other_fixture();
    for (size_t p = 0; p < NPERIODS; p++)
        for (int by = 0; by < GROUP__COUNT; by++) {
            metric_query q = query(periods[p], NULL, (metric_group)by);
            size_t n = compare(wh, &q);
            if (by == GROUP_NONE)
                assert_true(n >= 13); /* funding's 3, capacity's 5 + 5, services' 4+ */
        }
    fixture_close(wh);
}

static void rows_equal_earlier_as_of_and_free_span(void **state)
{
    (void)state;
    warehouse *wh = other_fixture();
    for (int by = 0; by < GROUP__COUNT; by++) {
        metric_query q = query("2024Q2", "2024-06-15", (metric_group)by);
        compare(wh, &q);
        q = query("2024", "2024-03-31", (metric_group)by);
        compare(wh, &q);
        assert_true(date_parse_iso("2023-02-11", &q.start));
        assert_true(date_parse_iso("2024-07-07", &q.end));
        q.as_of = IPS_DAY_NONE;
        compare(wh, &q);
    }
    fixture_close(wh);
}

static void rows_equal_with_settings(void **state)
{
    (void)state;
    warehouse *wh = other_fixture();
    static const char *const guidance[] = {"employed_subsidized", "moved", NULL};
    static const char *const outcome[] = {"employed_open", "education", "work_trial", NULL};
    static const char *const none[] = {NULL};
    for (size_t p = 0; p < NPERIODS; p++)
        for (int by = 0; by < GROUP__COUNT; by++) {
            metric_query q = query(periods[p], NULL, (metric_group)by);
            q.guidance_reasons = guidance;
            q.outcome_reasons = outcome;
            q.clients_per_coach_year = 40;
            compare(wh, &q);
            q.guidance_reasons = none;
            q.clients_per_coach_year = 2.5;
            compare(wh, &q);
        }
    fixture_close(wh);
}

/* Through metrics_compute() with IPSREPORT_ENGINE=check, as the suite runs it. */
static void check_mode_agrees(void **state)
{
    (void)state;
    warehouse *wh = other_fixture();
    setenv("IPSREPORT_ENGINE", "check", 1);
    setenv("IPSREPORT_ENGINE_FAMILIES", "60", 1);
    for (size_t p = 0; p < NPERIODS; p++)
        for (int by = 0; by < GROUP__COUNT; by++) {
            metric_query q = query(periods[p], NULL, (metric_group)by);
            metric_set *set = metric_set_new();
            ips_diag d;
            ips_diag_clear(&d);
            if (metrics_compute(wh, &q, set, &d) != IPS_OK)
                fail_msg("%s by '%s': %s", periods[p], metric_group_name(q.by), d.msg);
            metric_set_free(set);
        }
    unsetenv("IPSREPORT_ENGINE");
    unsetenv("IPSREPORT_ENGINE_FAMILIES");
    fixture_close(wh);
}

static void distributions_equal(void **state)
{
    (void)state;
    warehouse *wh = other_fixture();
    for (size_t p = 0; p < NPERIODS; p++)
        for (int k = 0; k < 2; k++) {
            metric_query q = query(periods[p], k ? "2024-06-15" : NULL, GROUP_NONE);
            ips_diag d;
            ips_diag_clear(&d);
            int *days, *edays;
            size_t n, pending, en, epending;
            assert_int_equal(distributions_first_contact_days(wh, &q, &days, &n, &pending, &d),
                             IPS_OK);
            const facts *f;
            assert_int_equal(facts_get(wh, q.as_of, &f, &d), IPS_OK);
            assert_int_equal(engine_first_contact_days(f, &q, &edays, &en, &epending, &d), IPS_OK);
            assert_int_equal(en, n);
            assert_int_equal(epending, pending);
            for (size_t i = 0; i < n; i++)
                assert_int_equal(edays[i], days[i]);
            free(days);
            free(edays);
            long steps[PATH_STEPS], esteps[PATH_STEPS];
            assert_int_equal(distributions_service_path(wh, &q, steps, &d), IPS_OK);
            assert_int_equal(engine_service_path(f, &q, esteps, &d), IPS_OK);
            for (int i = 0; i < PATH_STEPS; i++)
                assert_int_equal(esteps[i], steps[i]);
        }
    fixture_close(wh);
}

/* The legacy entry points with IPSREPORT_ENGINE=check and =engine. */
static void distributions_env_switch(void **state)
{
    (void)state;
    warehouse *wh = other_fixture();
    metric_query q = query("2024", NULL, GROUP_NONE);
    ips_diag d;
    int *days;
    size_t n, pending;
    long steps[PATH_STEPS], legacy[PATH_STEPS];
    assert_int_equal(distributions_service_path(wh, &q, legacy, &d), IPS_OK);
    assert_true(legacy[0] > 0 && legacy[3] > 0);
    static const char *const modes[] = {"check", "engine"};
    for (int m = 0; m < 2; m++) {
        setenv("IPSREPORT_ENGINE", modes[m], 1);
        if (distributions_first_contact_days(wh, &q, &days, &n, &pending, &d) != IPS_OK)
            fail_msg("%s: %s", modes[m], d.msg);
        assert_true(n > 0);
        free(days);
        if (distributions_service_path(wh, &q, steps, &d) != IPS_OK)
            fail_msg("%s: %s", modes[m], d.msg);
        for (int i = 0; i < PATH_STEPS; i++)
            assert_int_equal(steps[i], legacy[i]);
    }
    unsetenv("IPSREPORT_ENGINE");
    fixture_close(wh);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rows_equal_every_period_and_breakdown),
        cmocka_unit_test(rows_equal_earlier_as_of_and_free_span),
        cmocka_unit_test(rows_equal_with_settings),
        cmocka_unit_test(check_mode_agrees),
        cmocka_unit_test(distributions_equal),
        cmocka_unit_test(distributions_env_switch),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
