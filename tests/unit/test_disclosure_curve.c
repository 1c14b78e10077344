/* The time-to-first-job curve under the pattern (model/disclosure_curve.c):
 * steps merged until each holds min_cell events, nothing when the cohort is
 * small or hidden.  Worked by hand. */
#include "tests/unit/fixture.h"

#include "model/disclosure.h"
#include "model/km.h"

/* 20 episodes; events on days 10, 10, 20, 30, 30, 30, 40, 50, 60, 60, 60,
 * 60, 70 (13), the other 7 censored on day 80.  Steps (day: events):
 * 10:2 20:1 30:3 40:1 50:1 60:4 70:1. */
static km_curve *curve(void)
{
    static const int ev[] = {10, 10, 20, 30, 30, 30, 40, 50, 60, 60, 60, 60, 70};
    km_obs obs[20];
    size_t n = 0;
    for (size_t i = 0; i < sizeof ev / sizeof ev[0]; i++)
        obs[n++] = (km_obs){ev[i], true};
    while (n < 20)
        obs[n++] = (km_obs){80, false};
    km_curve *c = NULL;
    assert_int_equal(km_fit(obs, n, &c), IPS_OK);
    assert_int_equal(c->n, 7);
    return c;
}

static void steps_merged_to_min_cell(void **state)
{
    (void)state;
    km_curve *c = curve();
    double s30 = km_survival(c, 30), s60 = km_survival(c, 60);
    bool hidden = true;
    disclosure_curve_protect(c, NULL, 5, &hidden);
    assert_false(hidden);
    /* 2 + 1 + 3 = 6 events by day 30; then 1 + 1 + 4 = 6 by day 60; the
     * last event (day 70) alone is fewer than 5 and is not drawn */
    assert_int_equal(c->n, 2);
    assert_int_equal(c->time[0], 30);
    assert_int_equal(c->time[1], 60);
    assert_int_equal(c->deaths[0], 6);
    assert_int_equal(c->deaths[1], 6);
    assert_true(c->surv[0] == s30 && c->surv[1] == s60);
    assert_int_equal(c->cohort, 20);
    km_curve_free(c);

    /* min_cell 2: every step of 2 or more events, the singles merged on */
    c = curve();
    disclosure_curve_protect(c, NULL, 2, &hidden);
    assert_int_equal(c->n, 4); /* 10 (2), 30 (1 + 3), 50 (1 + 1), 60 (4) */
    assert_int_equal(c->time[1], 30);
    assert_int_equal(c->time[2], 50);
    km_curve_free(c);
}

static void small_or_hidden_cohort_hides_the_curve(void **state)
{
    (void)state;
    km_curve *c = curve();
    bool hidden = false;
    disclosure_curve_protect(c, NULL, 25, &hidden); /* cohort 20 < 25 */
    assert_true(hidden);
    assert_int_equal(c->n, 0);
    assert_int_equal(c->cohort, 0);
    km_curve_free(c);

    /* the whole service's row of the cohort hidden by the pattern */
    c = curve();
    metric_set *rows = metric_set_new();
    metric_row *r = metric_set_add(rows, "employed_within_180_days");
    assert_non_null(r);
    r->kind = MK_KM;
    metric_row_hide(r, false, 5);
    disclosure_curve_protect(c, rows, 5, &hidden);
    assert_true(hidden);
    assert_int_equal(c->n, 0);
    metric_set_free(rows);
    km_curve_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(steps_merged_to_min_cell),
        cmocka_unit_test(small_or_hidden_cohort_hides_the_curve),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
