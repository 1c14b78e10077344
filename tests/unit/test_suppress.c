/* Small-cell suppression (metrics.md, Privacy) on hand-made metric rows, and
 * how a value prints. */
#include "tests/unit/fixture.h"
#include "common/intern.h"

#define DASH "\xE2\x80\x93"

static metric_row *add(metric_set *set, const char *metric, const char *group_by,
                       const char *group, metric_kind kind)
{
    metric_row *r = metric_set_add(set, metric);
    assert_non_null(r);
    r->period_start = date_from_ymd(2024, 7, 1);
    r->period_end = date_from_ymd(2024, 9, 30);
    r->group_by = ips_intern(group_by);
    r->group = ips_intern(group);
    r->kind = kind;
    r->decimals = kind == MK_COUNT ? 0 : 1;
    return r;
}

static metric_row *count(metric_set *set, const char *metric, const char *group_by,
                         const char *group, double v)
{
    metric_row *r = add(set, metric, group_by, group, MK_COUNT);
    r->has = MH_VALUE;
    r->value = v;
    return r;
}

static metric_row *share(metric_set *set, const char *metric, const char *group_by,
                         const char *group, double num, double den)
{
    metric_row *r = add(set, metric, group_by, group, MK_SHARE);
    r->has = MH_NUMERATOR | MH_DENOMINATOR;
    r->numerator = num;
    r->denominator = den;
    if (den > 0) {
        r->has |= MH_VALUE;
        r->value = 100.0 * num / den;
    }
    return r;
}

static const char *shown(const metric_row *r, int min_cell)
{
    static char buf[64];
    return metric_format_value(r, min_cell, buf, sizeof buf);
}

/* Counts 1..4 print "<5"; 0 and 5 are shown; --min-cell 3 moves the limit. */
static void small_counts(void **state)
{
    (void)state;
    metric_set *set = metric_set_new();
    count(set, "caseload_active", "", "", 0);
    count(set, "exits", "", "", 1);
    count(set, "enrollments_started", "", "", 4);
    count(set, "fee_start", "", "", 5);
    metric_set_suppress(set, 5);
    assert_false(set->rows[0].suppressed);
    assert_string_equal(shown(&set->rows[0], 5), "0");
    assert_true(set->rows[1].suppressed);
    assert_string_equal(shown(&set->rows[1], 5), "<5");
    assert_false(set->rows[1].has & MH_VALUE); /* the number is gone, not just hidden */
    assert_true(set->rows[2].suppressed);
    assert_false(set->rows[3].suppressed);
    assert_string_equal(shown(&set->rows[3], 5), "5");
    metric_set_free(set);

    set = metric_set_new();
    count(set, "exits", "", "", 2);
    count(set, "enrollments_started", "", "", 4);
    metric_set_suppress(set, 3);
    assert_true(set->rows[0].suppressed);
    assert_string_equal(shown(&set->rows[0], 3), "<3");
    assert_false(set->rows[1].suppressed);
    metric_set_free(set);
}

/* A share hides when its numerator or denominator is 1..4, and then keeps
 * neither; 0/40 and a blank 0/0 stay. */
static void small_shares_and_medians(void **state)
{
    (void)state;
    metric_set *set = metric_set_new();
    share(set, "employment_rate", "", "", 2, 40);  /* numerator small */
    share(set, "employment_at_exit", "", "", 0, 3); /* denominator small */
    share(set, "employed_at_exit_any", "", "", 0, 40);
    share(set, "employment_rate", "", "x", 0, 0); /* blank, not hidden (group_by "" here) */
    metric_row *km = add(set, "time_to_first_job_median_days", "", "", MK_KM);
    km->has = MH_DENOMINATOR | MH_VALUE;
    km->denominator = 4;
    km->value = 61;
    metric_row *mean = add(set, "hours_per_week_mean", "", "", MK_MEAN);
    mean->has = MH_DENOMINATOR | MH_VALUE;
    mean->denominator = 12;
    mean->value = 23.75;
    metric_set_suppress(set, 5);
    assert_true(set->rows[0].suppressed);
    assert_string_equal(shown(&set->rows[0], 5), DASH);
    assert_int_equal(set->rows[0].has & (MH_NUMERATOR | MH_DENOMINATOR | MH_VALUE), 0);
    assert_true(set->rows[1].suppressed);
    assert_false(set->rows[2].suppressed);
    assert_string_equal(shown(&set->rows[2], 5), "0.0");
    assert_false(set->rows[3].suppressed);
    assert_string_equal(shown(&set->rows[3], 5), "");
    assert_true(set->rows[4].suppressed);
    assert_string_equal(shown(&set->rows[4], 5), DASH);
    assert_false(set->rows[5].suppressed);
    assert_string_equal(shown(&set->rows[5], 5), "23.8"); /* half-up (R17) */
    metric_set_free(set);
}

/* Secondary: coach counts 3, 10, 7, 0 → 3 is hidden; the next smallest
 * non-zero cell, 7, is hidden too (as "–": "<5" would be false of 7);
 * 10 and the 0 stay. */
static void one_hidden_cell_hides_the_next_smallest(void **state)
{
    (void)state;
    metric_set *set = metric_set_new();
    count(set, "caseload_active", "coach", "k1", 3);
    count(set, "caseload_active", "coach", "k2", 10);
    count(set, "caseload_active", "coach", "k3", 7);
    count(set, "caseload_active", "coach", "k4", 0);
    count(set, "exits", "coach", "k1", 6); /* another metric: its own breakdown */
    count(set, "exits", "coach", "k2", 8);
    metric_set_suppress(set, 5);
    assert_true(set->rows[0].suppressed);
    assert_string_equal(shown(&set->rows[0], 5), "<5");
    assert_false(set->rows[1].suppressed);
    assert_true(set->rows[2].suppressed);
    assert_string_equal(shown(&set->rows[2], 5), DASH);
    assert_false(set->rows[2].has & MH_VALUE);
    assert_false(set->rows[3].suppressed);
    assert_false(set->rows[4].suppressed);
    assert_false(set->rows[5].suppressed);
    metric_set_free(set);
}

/* Shares rank by denominator: 1/3 is hidden, then the 9/20 cell (20 < 50). */
static void secondary_for_shares_uses_denominators(void **state)
{
    (void)state;
    metric_set *set = metric_set_new();
    share(set, "employment_rate", "provider", "p1", 1, 3);
    share(set, "employment_rate", "provider", "p2", 25, 50);
    share(set, "employment_rate", "provider", "p3", 9, 20);
    metric_set_suppress(set, 5);
    assert_true(set->rows[0].suppressed);
    assert_false(set->rows[1].suppressed);
    assert_true(set->rows[2].suppressed);
    metric_set_free(set);
}

/* A median not reached has no value but shows its cohort, which would give
 * the hidden cohort away: cohorts 3 (hidden), 37 (blank median), 62 → 37 is
 * hidden next. */
static void blank_cells_with_a_denominator_are_candidates(void **state)
{
    (void)state;
    metric_set *set = metric_set_new();
    const double cohort[] = {3, 37, 62};
    const char *group[] = {"", "p1", "p2"};
    for (int i = 0; i < 3; i++) {
        metric_row *r = add(set, "time_to_first_job_median_days", "provider", group[i], MK_KM);
        r->has = MH_DENOMINATOR | (i == 1 ? 0 : MH_VALUE);
        r->denominator = cohort[i];
        r->value = 100;
    }
    metric_set_suppress(set, 5);
    assert_true(set->rows[0].suppressed);
    assert_true(set->rows[1].suppressed);
    assert_false(set->rows[1].has & MH_DENOMINATOR);
    assert_false(set->rows[2].suppressed);
    metric_set_free(set);
}

/* Two hidden cells already protect each other; a whole (no breakdown) row
 * has no siblings; rows of another period are another breakdown. */
static void no_secondary_when_not_needed(void **state)
{
    (void)state;
    metric_set *set = metric_set_new();
    count(set, "exits", "region", "a", 2);
    count(set, "exits", "region", "b", 3);
    count(set, "exits", "region", "c", 30);
    count(set, "caseload_active", "", "", 3);
    count(set, "enrollments_started", "", "", 30);
    count(set, "fee_start", "provider", "p1", 2);
    metric_row *other = count(set, "fee_start", "provider", "p2", 40);
    other->period_start = date_from_ymd(2024, 4, 1);
    other->period_end = date_from_ymd(2024, 6, 30);
    metric_set_suppress(set, 5);
    assert_true(set->rows[0].suppressed);
    assert_true(set->rows[1].suppressed);
    assert_false(set->rows[2].suppressed);
    assert_true(set->rows[3].suppressed);
    assert_false(set->rows[4].suppressed);
    assert_true(set->rows[5].suppressed);
    assert_false(set->rows[6].suppressed);
    metric_set_free(set);
}

/* fte-weighted means, texts and a review's own rows are never hidden; a
 * ratio is judged by its numerator (people), not its fte denominator. */
static void kinds_that_are_not_people(void **state)
{
    (void)state;
    metric_set *set = metric_set_new();
    metric_row *w = add(set, "focus_share", "", "", MK_WEIGHTED);
    w->has = MH_VALUE;
    w->value = 3;
    metric_row *t = add(set, "fidelity_band", "review", "r1", MK_TEXT);
    t->text = "fair/good";
    count(set, "fidelity_items_rated", "review", "r1", 3);
    metric_row *ratio = add(set, "caseload_per_fte", "", "", MK_RATIO);
    ratio->has = MH_NUMERATOR | MH_DENOMINATOR | MH_VALUE;
    ratio->numerator = 30;
    ratio->denominator = 1.5;
    ratio->value = 20;
    metric_row *few = add(set, "caseload_per_fte", "coach", "k1", MK_RATIO);
    few->has = MH_NUMERATOR | MH_DENOMINATOR | MH_VALUE;
    few->numerator = 4;
    few->denominator = 1;
    few->value = 4;
    metric_set_suppress(set, 5);
    assert_false(set->rows[0].suppressed);
    assert_false(set->rows[1].suppressed);
    assert_string_equal(shown(&set->rows[1], 5), "fair/good");
    assert_false(set->rows[2].suppressed);
    assert_false(set->rows[3].suppressed);
    assert_string_equal(shown(&set->rows[3], 5), "20.0");
    assert_true(set->rows[4].suppressed);
    metric_set_free(set);
}

/* R17: half-up with the row's decimals; blank without a value. */
/* Ratios (fte needed = clients / 45) are judged by their numerator, also when
 * choosing the next smallest: the denominators are one setting, 45, in every
 * region.  Regions: "" 2 clients (hidden), Heinola 123, Hollola 52 → Hollola,
 * the next smallest number of people, is hidden too; Heinola stays. */
static void secondary_for_ratios_uses_numerators(void **state)
{
    (void)state;
    metric_set *set = metric_set_new();
    const char *groups[] = {"", "Heinola", "Hollola"};
    const double clients[] = {2, 123, 52};
    for (int i = 0; i < 3; i++) {
        metric_row *r = add(set, "fte_needed_throughput", "region", groups[i], MK_RATIO);
        r->has = MH_NUMERATOR | MH_DENOMINATOR | MH_VALUE;
        r->numerator = clients[i];
        r->denominator = 45;
        r->value = clients[i] / 45;
    }
    metric_set_suppress(set, 5);
    assert_true(set->rows[0].suppressed);
    assert_false(set->rows[1].suppressed);
    assert_true(set->rows[2].suppressed);
    metric_set_free(set);
}

/* A hidden row does not keep its fidelity score: the band would tell the value. */
static void hidden_rows_lose_their_score(void **state)
{
    (void)state;
    metric_set *set = metric_set_new();
    metric_row *r = add(set, "caseload_per_fte", "coach", "k1", MK_RATIO);
    r->has = MH_NUMERATOR | MH_DENOMINATOR | MH_VALUE | MH_SCORE;
    r->numerator = 3;
    r->denominator = 0.5;
    r->value = 6;
    r->score = 5;
    metric_set_suppress(set, 5);
    assert_true(set->rows[0].suppressed);
    assert_false(set->rows[0].has & MH_SCORE);
    assert_int_equal(set->rows[0].score, 0);
    metric_set_free(set);
}

static void values_print_half_up(void **state)
{
    (void)state;
    metric_row r;
    memset(&r, 0, sizeof r);
    r.kind = MK_MEAN;
    r.has = MH_VALUE;
    r.decimals = 1;
    r.value = 89.0 / 20.0 * 25.0; /* 111.25 */
    assert_string_equal(shown(&r, 5), "111.3");
    r.value = 100.0 / 3.0;
    assert_string_equal(shown(&r, 5), "33.3");
    r.value = -2.5;
    assert_string_equal(shown(&r, 5), "-2.5");
    r.decimals = 2;
    r.value = 2.345;
    assert_string_equal(shown(&r, 5), "2.35");
    r.kind = MK_COUNT;
    r.decimals = 0;
    r.value = 12;
    assert_string_equal(shown(&r, 5), "12");
    r.has = 0;
    assert_string_equal(shown(&r, 5), "");
}

/* metrics_compute suppresses unless q.internal: a warehouse with 2 clients
 * shows caseload "<5" and an employment rate "–". */
static void compute_suppresses_unless_internal(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    fixture_sql(wh, "INSERT INTO clients(client_id, " FIX_COLS ") VALUES('c1', " FIX_VALS "),"
                    "('c2', " FIX_VALS ")");
    fixture_sql(wh, "INSERT INTO enrollments(enrollment_id, client_id, service, start_date, " FIX_COLS
                    ") VALUES('e1', 'c1', 'ips', '2024-07-01', " FIX_VALS "),"
                    "('e2', 'c2', 'ips', '2024-08-01', " FIX_VALS ")");
    metric_query q;
    metric_query_init(&q);
    ips_diag d;
    assert_int_equal(metric_period_parse("2024Q3", &q.start, &q.end, &d), IPS_OK);
    metric_set *set = metric_set_new();
    assert_int_equal(metrics_compute(wh, &q, set, &d), IPS_OK);
    const metric_row *r = fixture_row(set, "caseload_active", NULL);
    assert_true(r->suppressed);
    assert_string_equal(shown(r, 5), "<5");
    assert_true(fixture_row(set, "employment_rate", NULL)->suppressed);
    assert_false(fixture_row(set, "exits", NULL)->suppressed); /* 0 */
    metric_set_free(set);

    q.internal = true;
    set = metric_set_new();
    assert_int_equal(metrics_compute(wh, &q, set, &d), IPS_OK);
    r = fixture_row(set, "caseload_active", NULL);
    assert_false(r->suppressed);
    assert_string_equal(shown(r, 5), "2");
    metric_set_free(set);
    fixture_close(wh);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(small_counts),
        cmocka_unit_test(small_shares_and_medians),
        cmocka_unit_test(one_hidden_cell_hides_the_next_smallest),
        cmocka_unit_test(secondary_for_shares_uses_denominators),
        cmocka_unit_test(blank_cells_with_a_denominator_are_candidates),
        cmocka_unit_test(no_secondary_when_not_needed),
        cmocka_unit_test(kinds_that_are_not_people),
        cmocka_unit_test(secondary_for_ratios_uses_numerators),
        cmocka_unit_test(hidden_rows_lose_their_score),
        cmocka_unit_test(values_print_half_up),
        cmocka_unit_test(compute_suppresses_unless_internal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
