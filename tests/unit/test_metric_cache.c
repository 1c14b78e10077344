/* The metric result cache (model/metric_cache.h): a read-only warehouse
 * returns the same rows as a fresh computation, never confuses two queries,
 * compares reason lists by content, and forgets results after a write by
 * another connection.  A writable warehouse has no cache. */
#include "model/metric_cache.h"
#include "tests/unit/fixture.h"

static void coach(warehouse *wh, const char *id, const char *provider)
{
    char sql[512];
    snprintf(sql, sizeof sql, "INSERT INTO coaches(coach_id, provider_id, fte, start_date, " FIX_COLS
             ") VALUES('%s', '%s', 1, '2023-01-01', " FIX_VALS ")", id, provider);
    fixture_sql(wh, sql);
}

static void episode(warehouse *wh, const char *id, const char *coach_id, const char *start,
                    const char *end, const char *reason)
{
    char sql[768];
    snprintf(sql, sizeof sql, "INSERT INTO clients(client_id, " FIX_COLS ") VALUES('c_%s', " FIX_VALS
             ")", id);
    fixture_sql(wh, sql);
    snprintf(sql, sizeof sql,
             "INSERT INTO enrollments(enrollment_id, client_id, coach_id, service, start_date,"
             " end_date, exit_reason, " FIX_COLS ") VALUES('%s', 'c_%s', '%s', 'ips', '%s', %s%s%s,"
             " %s%s%s, " FIX_VALS ")",
             id, id, coach_id, start, end ? "'" : "", end ? end : "NULL", end ? "'" : "",
             reason ? "'" : "", reason ? reason : "NULL", reason ? "'" : "");
    fixture_sql(wh, sql);
}

/* Two providers; six IPS episodes in 2024Q3 (P1: 4, P2: 2). */
static warehouse *cache_fixture(void)
{
    warehouse *wh = fixture_open();
    coach(wh, "k1", "P1");
    coach(wh, "k2", "P2");
    episode(wh, "e1", "k1", "2024-07-10", NULL, NULL);
    episode(wh, "e2", "k1", "2024-01-05", "2024-08-15", "employed_open");
    episode(wh, "e3", "k1", "2024-02-01", "2024-09-30", "sick_leave");
    episode(wh, "e4", "k1", "2024-09-01", "2024-09-30", "work_trial");
    episode(wh, "e5", "k2", "2024-07-01", "2024-10-01", "employed_open");
    episode(wh, "e6", "k2", "2024-04-01", "2024-07-15", "pension");
    return wh;
}

static warehouse *open_readonly(warehouse *writer)
{
    warehouse *ro = NULL;
    ips_diag d;
    ips_diag_clear(&d);
    if (warehouse_open(warehouse_path(writer), WH_READONLY, &ro, &d) != IPS_OK)
        fail_msg("read-only open: %s", d.msg);
    return ro;
}

static metric_query query(const char *period, metric_group by)
{
    metric_query q;
    metric_query_init(&q);
    assert_int_equal(metric_period_parse(period, &q.start, &q.end, NULL), IPS_OK);
    q.by = by;
    q.internal = true;
    return q;
}

static metric_set *compute(warehouse *wh, const metric_query *q)
{
    metric_set *set = metric_set_new();
    ips_diag d;
    ips_diag_clear(&d);
    if (metrics_compute(wh, q, set, &d) != IPS_OK)
        fail_msg("metrics_compute: %s", d.msg);
    return set;
}

static void assert_same_rows(const metric_set *a, const metric_set *b)
{
    assert_int_equal(a->n, b->n);
    for (size_t i = 0; i < a->n; i++) {
        const metric_row *x = &a->rows[i], *y = &b->rows[i];
        assert_string_equal(x->metric, y->metric);
        assert_string_equal(x->group_by, y->group_by);
        assert_string_equal(x->group, y->group);
        assert_string_equal(x->text, y->text);
        assert_int_equal(x->has, y->has);
        assert_int_equal(x->suppressed, y->suppressed);
        assert_int_equal(x->period_start, y->period_start);
        assert_int_equal(x->period_end, y->period_end);
        assert_true(x->value == y->value && x->numerator == y->numerator &&
                    x->denominator == y->denominator);
    }
}

/* q with A resolved as metrics_compute() does, for looking into the cache. */
static metric_query resolved(warehouse *wh, metric_query q)
{
    if (q.as_of == IPS_DAY_NONE)
        assert_int_equal(metrics_as_of(wh, &q.as_of, NULL), IPS_OK);
    return q;
}

static double value(const metric_set *set, const char *metric, const char *group_by,
                    const char *group)
{
    const metric_row *r = metric_set_find(set, metric, group_by, group);
    if (!r)
        fail_msg("no row %s by '%s' group '%s'", metric, group_by, group);
    return r->value;
}

static void writable_warehouse_has_no_cache(void **state)
{
    (void)state;
    warehouse *wh = cache_fixture();
    assert_null(warehouse_metric_cache(wh));
    warehouse *ro = open_readonly(wh);
    assert_non_null(warehouse_metric_cache(ro));
    warehouse_free(ro);
    fixture_close(wh);
}

static void cached_equals_uncached(void **state)
{
    (void)state;
    warehouse *wh = cache_fixture();
    warehouse *ro = open_readonly(wh);
    for (int by = GROUP_NONE; by <= GROUP_PROVIDER; by++)
        for (int internal = 0; internal <= 1; internal++) {
            metric_query q = query("2024Q3", (metric_group)by);
            q.internal = internal;
            metric_set *fresh = compute(wh, &q);
            metric_set *first = compute(ro, &q);
            metric_set *again = compute(ro, &q);
            metric_query rq = resolved(ro, q);
            assert_non_null(metric_cache_find(warehouse_metric_cache(ro), &rq));
            assert_same_rows(fresh, first);
            assert_same_rows(fresh, again);
            metric_set_free(fresh);
            metric_set_free(first);
            metric_set_free(again);
        }
    warehouse_free(ro);
    fixture_close(wh);
}

static void different_queries_not_confused(void **state)
{
    (void)state;
    warehouse *wh = cache_fixture();
    warehouse *ro = open_readonly(wh);
    metric_query q3 = query("2024Q3", GROUP_NONE), q2 = query("2024Q2", GROUP_NONE);
    metric_query byp = query("2024Q3", GROUP_PROVIDER);
    metric_set *a = compute(ro, &q3), *b = compute(ro, &q2), *c = compute(ro, &byp);
    assert_int_equal(value(a, "fee_start", "", ""), 3); /* e1, e4, e5 start in Q3 */
    assert_int_equal(value(b, "fee_start", "", ""), 1); /* e6 */
    assert_null(metric_set_find(c, "fee_start", "", ""));
    assert_int_equal(value(c, "fee_start", "provider", "P1"), 2);
    /* An earlier as-of date hides the exits after it. */
    metric_query early = q3;
    assert_true(date_parse_iso("2024-08-31", &early.as_of));
    metric_set *e = compute(ro, &early);
    assert_int_equal(value(e, "fee_guidance", "", ""), 1);  /* e6 only */
    assert_int_equal(value(a, "fee_guidance", "", ""), 3);  /* e3, e4, e6 */
    /* Suppression settings are part of the key. */
    metric_query sup = q3;
    sup.internal = false;
    sup.min_cell = 5;
    metric_set *s = compute(ro, &sup);
    assert_true(metric_set_find(s, "fee_start", "", "")->suppressed);
    assert_false(metric_set_find(a, "fee_start", "", "")->suppressed);
    metric_set *a2 = compute(ro, &q3);
    assert_same_rows(a, a2);
    /* "As of the data" and the same date given are one key. */
    metric_query given = resolved(ro, q3);
    assert_true(given.as_of != IPS_DAY_NONE);
    assert_non_null(metric_cache_find(warehouse_metric_cache(ro), &given));
    metric_set_free(a);
    metric_set_free(a2);
    metric_set_free(b);
    metric_set_free(c);
    metric_set_free(e);
    metric_set_free(s);
    warehouse_free(ro);
    fixture_close(wh);
}

static void reason_lists_compared_by_content(void **state)
{
    (void)state;
    warehouse *wh = cache_fixture();
    warehouse *ro = open_readonly(wh);
    char pension[] = "pension", sick[] = "sick_leave";
    const char *list1[] = {pension, NULL};
    metric_query q = query("2024Q3", GROUP_NONE);
    q.guidance_reasons = list1;
    metric_set *a = compute(ro, &q);
    assert_int_equal(value(a, "fee_guidance", "", ""), 1);
    /* Same content in other memory: a hit, even after the caller's strings change. */
    pension[0] = 'P';
    const char *list2[] = {"pension", NULL};
    metric_query q2 = q;
    q2.guidance_reasons = list2;
    q2 = resolved(ro, q2);
    assert_non_null(metric_cache_find(warehouse_metric_cache(ro), &q2));
    /* Other content in the same array: not a hit, and computed afresh. */
    const char *list3[] = {"pension", sick, NULL};
    q2.guidance_reasons = list3;
    assert_null(metric_cache_find(warehouse_metric_cache(ro), &q2));
    metric_set *b = compute(ro, &q2);
    assert_int_equal(value(b, "fee_guidance", "", ""), 2);
    /* NULL (the defaults) is not the same as a given list. */
    q2.guidance_reasons = NULL;
    assert_null(metric_cache_find(warehouse_metric_cache(ro), &q2));
    metric_set_free(a);
    metric_set_free(b);
    warehouse_free(ro);
    fixture_close(wh);
}

static void write_by_another_connection_empties_cache(void **state)
{
    (void)state;
    warehouse *wh = cache_fixture();
    warehouse *ro = open_readonly(wh);
    metric_query q = query("2024Q3", GROUP_NONE);
    q.as_of = date_from_ymd(2024, 12, 31);
    metric_set *a = compute(ro, &q);
    assert_int_equal(value(a, "fee_start", "", ""), 3);
    ips_day as_of;
    assert_int_equal(metrics_as_of(ro, &as_of, NULL), IPS_OK);
    assert_int_equal(as_of, date_from_ymd(2024, 10, 1));
    assert_int_equal(metrics_as_of(ro, &as_of, NULL), IPS_OK); /* remembered */
    assert_int_equal(as_of, date_from_ymd(2024, 10, 1));
    episode(wh, "e7", "k2", "2024-08-01", "2024-11-20", "moved");
    metric_set *b = compute(ro, &q);
    assert_int_equal(value(b, "fee_start", "", ""), 4);
    assert_int_equal(metrics_as_of(ro, &as_of, NULL), IPS_OK);
    assert_int_equal(as_of, date_from_ymd(2024, 11, 20));
    metric_set_free(a);
    metric_set_free(b);
    warehouse_free(ro);
    fixture_close(wh);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(writable_warehouse_has_no_cache),
        cmocka_unit_test(cached_equals_uncached),
        cmocka_unit_test(different_queries_not_confused),
        cmocka_unit_test(reason_lists_compared_by_content),
        cmocka_unit_test(write_by_another_connection_empties_cache),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
