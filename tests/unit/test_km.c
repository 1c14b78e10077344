/* Kaplan–Meier arithmetic of metrics.md R8, worked by hand. */
#include "tests/unit/fixture.h"

#include <math.h>

#include "model/km.h"

#define assert_near(got, want)                                                  \
    do {                                                                        \
        double g_ = (got), w_ = (want);                                         \
        if (fabs(g_ - w_) > 1e-9)                                               \
            fail_msg("%s = %.12g, wanted %.12g", #got, g_, w_);                 \
    } while (0)

#define E(t) {t, true}
#define C(t) {t, false}

static km_curve *fit(km_obs *obs, size_t n)
{
    km_curve *c = NULL;
    assert_int_equal(km_fit(obs, n, &c), IPS_OK);
    assert_non_null(c);
    return c;
}

/* Ties: events at t come before censorings at t, so the one censored at 5
 * is still at risk at 5.
 *   t=5:  at risk 5 (5E 5E 5C 10E 12C), 2 events → S = 3/5 = 0.6
 *   t=10: at risk 2 (10E 12C), 1 event       → S = 0.6 × 1/2 = 0.3
 * Median = 10.  (Censoring first would give at risk 4 at t=5, S = 0.5 and
 * a median of 5: this test tells the two rules apart.) */
static void ties_count_events_before_censorings(void **state)
{
    (void)state;
    km_obs obs[] = {E(5), C(5), E(10), C(12), E(5)};
    km_curve *c = fit(obs, 5);
    assert_int_equal(c->cohort, 5);
    assert_int_equal(c->events, 3);
    assert_int_equal(c->n, 2);
    assert_int_equal(c->time[0], 5);
    assert_int_equal(c->at_risk[0], 5);
    assert_int_equal(c->deaths[0], 2);
    assert_near(c->surv[0], 0.6);
    assert_int_equal(c->time[1], 10);
    assert_int_equal(c->at_risk[1], 2);
    assert_near(c->surv[1], 0.3);
    assert_int_equal(c->last_time, 12);
    double m = -1;
    assert_true(km_median(c, &m));
    assert_near(m, 10);
    km_curve_free(c);
}

/* S reaches exactly 0.5 through a product that is not exact in binary:
 *   t=1: 4 at risk, 1 event → 3/4;  t=2: 3 at risk, 1 event → 3/4 × 2/3 = 1/2.
 * Median = 2 (S(t) <= 0.5 at t = 2), not 3 or "not reached". */
static void median_where_s_is_exactly_half(void **state)
{
    (void)state;
    km_obs obs[] = {E(1), E(2), C(3), C(4)};
    km_curve *c = fit(obs, 4);
    double m = -1;
    assert_true(km_median(c, &m));
    assert_near(m, 2);
    km_curve_free(c);
}

/* Survival between and after the steps, carried forward (R8):
 *   0E 40E 60C 61E 90C 121C: S(0) = 5/6, S(40) = 5/6 × 4/5 = 2/3,
 *   S(61) = 2/3 × 2/3 = 4/9 (at risk 61, 90, 121).
 * S(-1) = 1, S(39) = 5/6, S(60) = 2/3, S(180) = S(365) = 4/9. */
static void survival_is_a_step_function_carried_forward(void **state)
{
    (void)state;
    km_obs obs[] = {C(121), E(61), C(90), E(0), C(60), E(40)};
    km_curve *c = fit(obs, 6);
    assert_near(km_survival(c, -1), 1.0);
    assert_near(km_survival(c, 0), 5.0 / 6);
    assert_near(km_survival(c, 39), 5.0 / 6);
    assert_near(km_survival(c, 60), 2.0 / 3);
    assert_near(km_survival(c, 180), 4.0 / 9);
    assert_near(km_survival(c, 365), 4.0 / 9);
    double m = -1;
    assert_true(km_median(c, &m));
    assert_near(m, 61);
    km_curve_free(c);
}

/* 3E 5C 6C: S = 2/3 and no further events, so the median is not reached. */
static void median_not_reached_is_undefined(void **state)
{
    (void)state;
    km_obs obs[] = {E(3), C(5), C(6)};
    km_curve *c = fit(obs, 3);
    double m = -1;
    assert_false(km_median(c, &m));
    assert_near(m, -1);
    assert_near(km_survival(c, 1000), 2.0 / 3);
    km_curve_free(c);
}

/* Everyone censored: no steps, S = 1 everywhere; an empty cohort likewise. */
static void censored_only_and_empty(void **state)
{
    (void)state;
    km_obs obs[] = {C(10), C(20)};
    km_curve *c = fit(obs, 2);
    assert_int_equal(c->n, 0);
    assert_int_equal(c->events, 0);
    assert_int_equal(c->last_time, 20);
    assert_near(km_survival(c, 100), 1.0);
    double m;
    assert_false(km_median(c, &m));
    km_curve_free(c);

    c = fit(NULL, 0);
    assert_int_equal(c->cohort, 0);
    assert_int_equal(c->n, 0);
    assert_false(km_median(c, &m));
    assert_near(km_survival(c, 0), 1.0);
    km_curve_free(c);
    km_curve_free(NULL);
}

/* Events on day 0 (job found on the start day) make a step at 0; when all
 * events fall on day 0 for half the cohort, the median is 0. */
static void event_on_day_zero(void **state)
{
    (void)state;
    km_obs obs[] = {E(0), E(0), C(0), C(7)};
    km_curve *c = fit(obs, 4);
    /* t=0: at risk 4, 2 events → S = 1/2. */
    assert_int_equal(c->time[0], 0);
    assert_near(c->surv[0], 0.5);
    double m = -1;
    assert_true(km_median(c, &m));
    assert_near(m, 0);
    km_curve_free(c);
}

/* R8's "not estimable": S is known up to the longest follow-up T (the
 * largest time, event or censoring) and beyond it only once S has reached 0.
 *   3E 8C 20E 30C: T = 30, S(30) = 2/3 × 1/2 = 1/3 > 0 → known at 30, not at 31
 *   4E 9E:        T = 9,  S(9) = 0 → known at 365 (everyone had the event)
 *   9E 9C:        T = 9,  S(9) = 1/2 (the censoring at 9 stays at risk) → not at 10
 *   empty: never. */
static void not_estimable_past_the_longest_follow_up(void **state)
{
    (void)state;
    km_obs a[] = {E(3), C(8), E(20), C(30)};
    km_curve *c = fit(a, 4);
    assert_int_equal(c->last_time, 30);
    assert_true(km_estimable(c, 0));
    assert_true(km_estimable(c, 30));
    assert_false(km_estimable(c, 31));
    assert_false(km_estimable(c, 365));
    km_curve_free(c);
    km_obs b[] = {E(4), E(9)};
    c = fit(b, 2);
    assert_near(km_survival(c, 9), 0.0);
    assert_true(km_estimable(c, 365));
    km_curve_free(c);
    km_obs t[] = {C(9), E(9)};
    c = fit(t, 2);
    assert_near(km_survival(c, 9), 0.5);
    assert_true(km_estimable(c, 9));
    assert_false(km_estimable(c, 10));
    km_curve_free(c);
    c = fit(NULL, 0);
    assert_false(km_estimable(c, 0));
    km_curve_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ties_count_events_before_censorings),
        cmocka_unit_test(median_where_s_is_exactly_half),
        cmocka_unit_test(survival_is_a_step_function_carried_forward),
        cmocka_unit_test(median_not_reached_is_undefined),
        cmocka_unit_test(censored_only_and_empty),
        cmocka_unit_test(event_on_day_zero),
        cmocka_unit_test(not_estimable_past_the_longest_follow_up),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
