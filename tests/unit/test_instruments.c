/* Outcome instruments (model/engine_instruments.c, metrics.md "Outcome
 * instruments over time") against figures worked out by hand on a small
 * warehouse.
 *
 * A = 2024-12-31 (given), P = 2024Q3 (07-01..09-30).  Coaches k1 (provider
 * p1), k2 (p2).  work_ability_score (wa) unless said:
 *   c1 k1 ips 03-01..open: wa 01-30 = 1 (one day before start − 30: out),
 *      01-31 = 4 (start − 30: in, the baseline), 05-01 = 6, 09-30 = 7 (p_end:
 *      in, the latest), 10-05 = 9 (after p_end: out) → 4 → 7, improved
 *   c2 k1 ips 06-01..08-31: wa 06-05 = 6, 08-20 = 5, 09-15 = 10 (after the
 *      end: out) → 6 → 5; with a second score 6 on 08-20 (added to the
 *      facts: the warehouse's key holds one a day) the day's mean 5.5 → 6 → 5.5
 *   c3 k2 ips 07-15..open: wa only on 08-01 (one day: not paired);
 *      rtw_se 07-01 = 2, 09-01 = 3.5 → paired, improved
 *   c4 k2 ips 01-01..05-31 (not active in P): wa 02-01 = 1, 04-01 = 9: not counted
 *   c5 ips k1 02-01..07-31 and ips k2 08-01..open: the later episode counts
 *      (group p2, window from 07-02): wa 03-01 = 2 (out), 07-10 = 4, 09-10 = 4
 *      → 4 → 4, not improved (equal)
 *   c6 group service k1 07-01..open: wa 07-05 = 1, 08-05 = 9: not an ips client
 * wa, whole: paired c1, c2, c5 = 3; baseline (4 + 6 + 4) / 3 = 4.67; latest
 *   (7 + 5 + 4) / 3 = 5.33, change (3 − 1 + 0) / 3 = 0.67, improved 1 / 3 = 33.3 %;
 *   with c2's same-day mean: latest 16.5 / 3 = 5.50, change 2.5 / 3 = 0.83.
 * wa by provider: p1 (c1, c2) 2, 5.00, 6.00, 1.00, 50.0 %; p2 (c5; c3 not
 *   paired) 1, 4.00, 4.00, 0.00, 0.0 %.
 * rtw_se, whole: 1, 2.00, 3.50, 1.50, 100.0 %. */
#include "tests/unit/fixture.h"

#include <math.h>

#include "model/engine.h"
#include "model/pass_ahead.h"
#include "model/facts.h"

static void run_sql(warehouse *wh, char *sql)
{
    fixture_sql(wh, sql);
    sqlite3_free(sql);
}

static void episode(warehouse *wh, const char *id, const char *client, const char *coach,
                    const char *service, const char *start, const char *end)
{
    run_sql(wh, sqlite3_mprintf("INSERT INTO enrollments(enrollment_id, client_id, coach_id, "
                                "service, start_date, end_date, " FIX_COLS ") VALUES(%Q, %Q, %Q, "
                                "%Q, %Q, %Q, " FIX_VALS ")",
                                id, client, coach, service, start, end));
}

static void score(warehouse *wh, const char *client, const char *date, const char *instrument,
                  double s)
{
    run_sql(wh, sqlite3_mprintf("INSERT INTO assessments(client_id, date, instrument, score, "
                                FIX_COLS ") VALUES(%Q, %Q, %Q, %.17g, " FIX_VALS ")",
                                client, date, instrument, s));
}

static warehouse *world(void)
{
    warehouse *wh = fixture_open();
    fixture_sql(wh, "INSERT INTO coaches(coach_id, provider_id, fte, start_date, " FIX_COLS ") "
                    "VALUES('k1', 'p1', 1, '2020-01-01', " FIX_VALS "), "
                    "('k2', 'p2', 1, '2020-01-01', " FIX_VALS ")");
    for (int i = 1; i <= 6; i++)
        run_sql(wh, sqlite3_mprintf("INSERT INTO clients(client_id, " FIX_COLS ") "
                                    "VALUES('c%d', " FIX_VALS ")", i));
    episode(wh, "e1", "c1", "k1", "ips", "2024-03-01", NULL);
    episode(wh, "e2", "c2", "k1", "ips", "2024-06-01", "2024-08-31");
    episode(wh, "e3", "c3", "k2", "ips", "2024-07-15", NULL);
    episode(wh, "e4", "c4", "k2", "ips", "2024-01-01", "2024-05-31");
    episode(wh, "e5a", "c5", "k1", "ips", "2024-02-01", "2024-07-31");
    episode(wh, "e5b", "c5", "k2", "ips", "2024-08-01", NULL);
    episode(wh, "g6", "c6", "k1", "group", "2024-07-01", NULL);
    const char *wa = "work_ability_score";
    score(wh, "c1", "2024-01-30", wa, 1);
    score(wh, "c1", "2024-01-31", wa, 4);
    score(wh, "c1", "2024-05-01", wa, 6);
    score(wh, "c1", "2024-09-30", wa, 7);
    score(wh, "c1", "2024-10-05", wa, 9);
    score(wh, "c2", "2024-06-05", wa, 6);
    score(wh, "c2", "2024-08-20", wa, 5);
    score(wh, "c2", "2024-09-15", wa, 10);
    score(wh, "c3", "2024-08-01", wa, 3);
    score(wh, "c3", "2024-07-01", "rtw_se", 2);
    score(wh, "c3", "2024-09-01", "rtw_se", 3.5);
    score(wh, "c4", "2024-02-01", wa, 1);
    score(wh, "c4", "2024-04-01", wa, 9);
    score(wh, "c5", "2024-03-01", wa, 2);
    score(wh, "c5", "2024-07-10", wa, 4);
    score(wh, "c5", "2024-09-10", wa, 4);
    score(wh, "c6", "2024-07-05", wa, 1);
    score(wh, "c6", "2024-08-05", wa, 9);
    return wh;
}

static metric_query query(metric_group by)
{
    metric_query q;
    metric_query_init(&q);
    ips_diag d;
    assert_int_equal(metric_period_parse("2024Q3", &q.start, &q.end, &d), IPS_OK);
    assert_true(date_parse_iso("2024-12-31", &q.as_of));
    q.internal = true;
    q.by = by;
    return q;
}

static const metric_row *row(const metric_set *set, const char *metric, const char *group_by,
                             const char *group)
{
    const metric_row *r = metric_set_find(set, metric, group_by, group);
    if (!r)
        fail_msg("no row %s by '%s' group '%s'", metric, group_by, group);
    return r;
}

/* The five rows of instrument code for one group, value by value. */
static void expect(const metric_set *set, const char *code, const char *group_by,
                   const char *group, double paired, double baseline, double latest,
                   double change, double improved)
{
    char id[64];
    const double want[] = {paired, baseline, latest, change, improved};
    static const char *const suffix[] = {"_paired", "_baseline_mean", "_latest_mean",
                                         "_change_mean", "_improved_share"};
    for (int k = 0; k < 5; k++) {
        snprintf(id, sizeof id, "%s%s", code, suffix[k]);
        const metric_row *r = row(set, id, group_by, group);
        if (!(r->has & MH_VALUE))
            fail_msg("%s group '%s' is blank", id, group);
        if (fabs(r->value - want[k]) > 1e-9)
            fail_msg("%s group '%s': %.4f, expected %.4f", id, group, r->value, want[k]);
        if (k > 0 && fabs(r->denominator - paired) > 1e-9)
            fail_msg("%s group '%s': denominator %.0f, expected %.0f", id, group,
                     r->denominator, paired);
    }
    snprintf(id, sizeof id, "%s_baseline_mean", code);
    assert_int_equal(row(set, id, group_by, group)->decimals, 2);
}

static void hand_computed(void **state)
{
    (void)state;
    warehouse *wh = world();
    metric_query q = query(GROUP_NONE);
    metric_set *set = metric_set_new();
    ips_diag d;
    if (metrics_compute(wh, &q, set, &d) != IPS_OK)
        fail_msg("metrics_compute: %s", d.msg);
    expect(set, "work_ability_score", "", "", 3, 4.67, 5.33, 0.67, 33.3);
    expect(set, "rtw_se", "", "", 1, 2, 3.5, 1.5, 100);
    assert_int_equal(row(set, "work_ability_score_improved_share", "", "")->numerator, 1);
    metric_set_free(set);

    q = query(GROUP_PROVIDER);
    set = metric_set_new();
    if (metrics_compute(wh, &q, set, &d) != IPS_OK)
        fail_msg("metrics_compute: %s", d.msg);
    expect(set, "work_ability_score", "provider", "p1", 2, 5, 6, 1, 50);
    expect(set, "work_ability_score", "provider", "p2", 1, 4, 4, 0, 0);
    metric_set_free(set);
    fixture_close(wh);
}

/* The warehouse keeps one score per client, day and instrument; the
 * engine's same-day mean is tested by a second score added to the facts. */
static void same_day_mean(void **state)
{
    (void)state;
    warehouse *wh = world();
    facts *f;
    ips_diag d;
    ips_day a;
    assert_true(date_parse_iso("2024-12-31", &a));
    if (facts_load(wh, a, &f, &d) != IPS_OK)
        fail_msg("facts_load: %s", d.msg);
    ips_day day;
    assert_true(date_parse_iso("2024-08-20", &day));
    size_t at = f->n_scores;
    for (size_t i = 0; i < f->n_scores; i++)
        if (f->scores[i].day == day)
            at = i + 1;
    assert_true(at < f->n_scores); /* c2's 08-20 score, then its 09-15 one */
    fact_score *grown = realloc(f->scores, (f->n_scores + 1) * sizeof *grown);
    assert_non_null(grown);
    f->scores = grown;
    memmove(&f->scores[at + 1], &f->scores[at], (f->n_scores - at) * sizeof *f->scores);
    f->scores[at] = f->scores[at - 1];
    f->scores[at].score = 6;
    f->n_scores++;
    size_t c2 = 0; /* the client whose scores hold row at − 1 */
    while (f->client_scores[c2 + 1] <= at - 1)
        c2++;
    for (size_t c = c2 + 1; c <= f->n_clients; c++)
        f->client_scores[c]++;

    metric_query q = query(GROUP_NONE);
    metric_set *set = metric_set_new();
    if (engine_compute(f, &q, set, &d) != IPS_OK)
        fail_msg("engine_compute: %s", d.msg);
    expect(set, "work_ability_score", "", "", 3, 4.67, 5.5, 0.83, 33.3);
    metric_set_free(set);
    facts_free(f);
    fixture_close(wh);
}

/* Without any assessment there are no instrument rows at all. */
static void no_assessments(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    fixture_sql(wh, "INSERT INTO clients(client_id, " FIX_COLS ") VALUES('c1', " FIX_VALS ")");
    episode(wh, "e1", "c1", NULL, "ips", "2024-03-01", NULL);
    metric_query q = query(GROUP_NONE);
    metric_set *set = metric_set_new();
    ips_diag d;
    if (metrics_compute(wh, &q, set, &d) != IPS_OK)
        fail_msg("metrics_compute: %s", d.msg);
    assert_non_null(metric_set_find(set, "caseload_active", "", ""));
    for (size_t i = 0; i < set->n; i++)
        if (strstr(set->rows[i].metric, "_paired"))
            fail_msg("unexpected row %s", set->rows[i].metric);
    metric_set_free(set);
    fixture_close(wh);
}

/* The scores are one of the arrays a reader that needs none of them goes
 * without (facts_get_core): left out of the stored facts' pack-read set,
 * refused by the engine while out, read in place by the next facts_get(). */
static void scores_read_when_needed(void **state)
{
    (void)state;
    warehouse *wh = world();
    ips_diag d;
    ips_diag_clear(&d);
    if (facts_rebuild(wh, &d) != IPS_OK) /* stored facts, so the pack is read */
        fail_msg("facts_rebuild: %s", d.msg);
    facts *full;
    if (facts_load(wh, IPS_DAY_NONE, &full, &d) != IPS_OK)
        fail_msg("facts_load: %s", d.msg);
    assert_true(full->stored);
    assert_int_equal(full->absent, 0);
    assert_true(full->n_scores > 0);
    const facts *core;
    if (facts_get_core(wh, IPS_DAY_NONE, &core, &d) != IPS_OK)
        fail_msg("facts_get_core: %s", d.msg);
    assert_int_equal(core->absent, FACTS_LAZY);
    assert_int_equal(core->n_scores, 0);
    assert_null(core->client_scores);
    assert_int_equal(core->n_episodes, full->n_episodes);
    metric_query q = query(GROUP_NONE);
    q.as_of = core->as_of;
    metric_set *set = metric_set_new();
    assert_int_not_equal(engine_compute(core, &q, set, &d), IPS_OK);
    q.headline_only = true; /* the outcome families need no lazy array */
    assert_int_equal(engine_compute(core, &q, set, &d), IPS_OK);
    assert_non_null(metric_set_find(set, "employment_rate", "", ""));
    assert_null(metric_set_find(set, "work_ability_score_paired", "", ""));
    const facts *again;
    if (facts_get(wh, IPS_DAY_NONE, &again, &d) != IPS_OK)
        fail_msg("facts_get: %s", d.msg);
    assert_ptr_equal(again, core); /* completed in place */
    assert_int_equal(again->absent, 0);
    assert_int_equal(again->n_scores, full->n_scores);
    assert_memory_equal(again->scores, full->scores, full->n_scores * sizeof *full->scores);
    assert_int_equal(again->n_coach_days, full->n_coach_days);
    assert_int_equal(again->n_meeting_days, full->n_meeting_days);
    assert_non_null(again->client_scores);
    for (size_t c = 0; c <= full->n_clients; c++)
        assert_int_equal(again->client_scores[c], full->client_scores[c]);
    facts_free(full);
    metric_set_free(set);
    fixture_close(wh);
}

/* The same rows, in the same order, as engine_compute() one pass at a time. */
static void same_sets(const metric_set *a, const metric_set *b)
{
    assert_int_equal(a->n, b->n);
    for (size_t i = 0; i < a->n; i++) {
        const metric_row *x = &a->rows[i], *y = &b->rows[i];
        assert_string_equal(x->metric, y->metric);
        assert_string_equal(x->group_by, y->group_by);
        assert_string_equal(x->group, y->group);
        assert_true(memcmp(&x->numerator, &y->numerator, sizeof x->numerator) == 0);
        assert_true(memcmp(&x->denominator, &y->denominator, sizeof x->denominator) == 0);
        assert_true(memcmp(&x->value, &y->value, sizeof x->value) == 0);
    }
}

/* Passes computed ahead by helpers (model/pass_ahead.h) come back in order
 * with the rows each pass has alone, threaded or not. */
static void passes_ahead_in_order(void **state)
{
    (void)state;
    warehouse *wh = world();
    ips_diag d;
    ips_diag_clear(&d);
    const facts *f;
    if (facts_get(wh, IPS_DAY_NONE, &f, &d) != IPS_OK)
        fail_msg("facts_get: %s", d.msg);
    metric_query p[24];
    size_t n = 0;
    const char *periods[] = {"2024Q1", "2024Q2", "2024Q3", "2024", "2024H2", "2024Q4"};
    metric_group by[] = {GROUP_NONE, GROUP_COACH, GROUP_PROVIDER, GROUP_GENDER};
    for (int i = 0; i < 6; i++)
        for (int g = 0; g < 4; g++) {
            p[n] = query(by[g]);
            assert_int_equal(metric_period_parse(periods[i], &p[n].start, &p[n].end, &d), IPS_OK);
            n++;
        }
    for (int threaded = 0; threaded < 2; threaded++) {
        pass_ahead *a;
        assert_int_equal(pass_ahead_new(f, p, n, threaded, &a, &d), IPS_OK);
        for (size_t i = 0; i < n; i++) {
            const metric_set *rows;
            assert_int_equal(pass_ahead_next(a, &rows, &d), IPS_OK);
            metric_set *want = metric_set_new();
            assert_int_equal(engine_compute(f, &p[i], want, &d), IPS_OK);
            assert_true(want->n > 0);
            same_sets(rows, want);
            metric_set_free(want);
        }
        const metric_set *rows;
        assert_int_not_equal(pass_ahead_next(a, &rows, &d), IPS_OK); /* none is left */
        pass_ahead_free(a);
    }
    /* a caller that stops early is not kept waiting */
    pass_ahead *a;
    assert_int_equal(pass_ahead_new(f, p, n, true, &a, &d), IPS_OK);
    const metric_set *rows;
    assert_int_equal(pass_ahead_next(a, &rows, &d), IPS_OK);
    pass_ahead_free(a);
    pass_ahead_free(NULL);
    fixture_close(wh);
}

/* A pass that fails (the engine refuses facts without their scores) comes
 * back as that pass's error, after every pass before it. */
static void pass_ahead_error_in_order(void **state)
{
    (void)state;
    warehouse *wh = world();
    ips_diag d;
    ips_diag_clear(&d);
    if (facts_rebuild(wh, &d) != IPS_OK)
        fail_msg("facts_rebuild: %s", d.msg);
    const facts *core;
    if (facts_get_core(wh, IPS_DAY_NONE, &core, &d) != IPS_OK)
        fail_msg("facts_get_core: %s", d.msg);
    metric_query p[8];
    for (int i = 0; i < 8; i++) {
        p[i] = query(i % 2 ? GROUP_COACH : GROUP_NONE);
        p[i].as_of = core->as_of;
        p[i].headline_only = i != 5;
    }
    pass_ahead *a;
    assert_int_equal(pass_ahead_new(core, p, 8, true, &a, &d), IPS_OK);
    const metric_set *rows;
    for (int i = 0; i < 5; i++) {
        assert_int_equal(pass_ahead_next(a, &rows, &d), IPS_OK);
        assert_true(rows->n > 0);
    }
    ips_diag_clear(&d);
    assert_int_not_equal(pass_ahead_next(a, &rows, &d), IPS_OK);
    assert_null(rows);
    assert_true(d.msg[0] != '\0');
    pass_ahead_free(a);
    fixture_close(wh);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hand_computed),
        cmocka_unit_test(same_day_mean),
        cmocka_unit_test(no_assessments),
        cmocka_unit_test(scores_read_when_needed),
        cmocka_unit_test(passes_ahead_in_order),
        cmocka_unit_test(pass_ahead_error_in_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
