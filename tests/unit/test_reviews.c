/* Fidelity review totals (R19) and the merged review of model/fidelity.h. */
#include "tests/unit/fidelity_fixture.h"

#include "model/fidelity.h"

/* One fidelity_reviews row: status "rated" with score (and score_high > 0 for
 * a range), or another status with no score. */
static void add_item(warehouse *wh, const char *review, const char *unit, const char *date,
                     int item, const char *status, int score, int score_high)
{
    char s[16], h[16];
    snprintf(s, sizeof s, "%d", score);
    snprintf(h, sizeof h, "%d", score_high);
    sqlf(wh,
         "INSERT INTO fidelity_reviews(review_id, item, unit, review_date, status, score,"
         " score_high, reviewer, " FIX_COLS ") VALUES('%s', %d, '%s', '%s', '%s', %s, %s,"
         " 'ELY-keskus', " FIX_VALS ")",
         review, item, unit, date, status, score > 0 ? s : "NULL", score_high > 0 ? h : "NULL");
}

/* The seed's audit, transcribed from seed 002, LIITE 9 ("Yhteenveto
 * ELY-keskuksen auditoinnista ValmennusLehto Oy:lle"), item by item:
 *    1 "vaihtelee 5"              rated 5
 *    2 "vaihtelee 3-5"            rated 3–5
 *    3 "5"                        rated 5
 *    4 "ei pääasiallinen – jossain määrin mukana"
 *                                 not_rated (a remark, no score)
 *    5 "ei relevantti"            not_applicable
 *    6 5, 7 5, 8 4                rated
 *    9 "ei relevantti"            not_applicable
 *   10 5                          rated
 *   11 "----"                     not_rated
 *   12 4, 13 5                    rated
 *   14 "4-5"                      rated 4–5
 *   15 "3-5"                      rated 3–5
 *   16 5, 17 4, 18 4, 19 5, 20 5, 21 5, 22 5, 23 1
 *   24 "1-2"                      rated 1–2
 *   25 "---"                      not_rated
 * Rated: 20 items (all but 4, 5, 9, 11, 25).
 * Low:  5+3+5 + 5+5+4 + 5 + 4+5+4+3+5+4+4+5+5+5+5+1+1 = 83.
 * High: the ranges add 2 (item 2) + 1 (14) + 2 (15) + 1 (24) = 6 → 89, the
 *       audit's "YHTEISPISTEET 89 pistettä".
 * Prorated: 83 / 20 × 25 = 103.75 → 103.8; 89 / 20 × 25 = 111.25 → 111.3.
 * Band: 83 and 89 both lie in 74–99 → "fair" (kohtalainen), from the raw
 * totals although the prorated ones would read "good". */
static void seed_audit(warehouse *wh)
{
    static const struct {
        const char *status;
        int score, high;
    } items[25] = {
        {"rated", 5, 0},          {"rated", 3, 5}, {"rated", 5, 0},
        {"not_rated", 0, 0},      {"not_applicable", 0, 0},
        {"rated", 5, 0},          {"rated", 5, 0}, {"rated", 4, 0},
        {"not_applicable", 0, 0}, {"rated", 5, 0}, {"not_rated", 0, 0},
        {"rated", 4, 0},          {"rated", 5, 0}, {"rated", 4, 5},
        {"rated", 3, 5},          {"rated", 5, 0}, {"rated", 4, 0},
        {"rated", 4, 0},          {"rated", 5, 0}, {"rated", 5, 0},
        {"rated", 5, 0},          {"rated", 5, 0}, {"rated", 1, 0},
        {"rated", 1, 2},          {"not_rated", 0, 0},
    };
    for (int i = 0; i < 25; i++)
        add_item(wh, "VL-2022", "ValmennusLehto Oy", "2022-11-30", i + 1, items[i].status,
                 items[i].score, items[i].high);
}

static const metric_row *review_metric(const metric_set *set, const char *metric,
                                       const char *review)
{
    const metric_row *r = metric_set_find(set, metric, "review", review);
    if (!r)
        fail_msg("no %s row for review %s", metric, review);
    return r;
}

static void seed_audit_totals(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    seed_audit(wh);
    metric_set *set = fixture_metrics(wh, "2022Q4", "2022-12-31", GROUP_NONE);
    assert_value(review_metric(set, "fidelity_total_low", "VL-2022"), 83);
    assert_value(review_metric(set, "fidelity_total_high", "VL-2022"), 89);
    assert_value(review_metric(set, "fidelity_items_rated", "VL-2022"), 20);
    const metric_row *r = review_metric(set, "fidelity_prorated_low", "VL-2022");
    assert_value(r, 103.8);
    assert_int_equal(r->decimals, 1);
    assert_value(review_metric(set, "fidelity_prorated_high", "VL-2022"), 111.3);
    r = review_metric(set, "fidelity_band", "VL-2022");
    assert_int_equal(r->kind, MK_TEXT);
    assert_string_equal(r->text, "fair");
    metric_set_free(set);

    /* R19: no review rows with a breakdown, nor for a period whose W misses
     * the review date (2023Q4: W = [2023-01-01, 2023-12-31]). */
    set = fixture_metrics(wh, "2022Q4", "2022-12-31", GROUP_PROVIDER);
    assert_null(metric_set_find(set, "fidelity_total_low", NULL, NULL));
    metric_set_free(set);
    set = fixture_metrics(wh, "2023Q4", "2023-12-31", GROUP_NONE);
    assert_null(metric_set_find(set, "fidelity_total_low", NULL, NULL));
    metric_set_free(set);
    fixture_close(wh);
}

/* A range across two bands: 19 items rated 5 (95) and item 20 rated 2–5:
 * low 97 (fair), high 100 (good) → "fair/good".  Prorated 97 / 20 × 25 =
 * 121.25 → 121.3 and 125.0 — exemplary, but the band reads the raw totals.
 * Items 21–25 have no rows: missing, adding 0. */
static void band_across_a_range(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    for (int i = 1; i <= 19; i++)
        add_item(wh, "R2", "p1", "2024-06-01", i, "rated", 5, 0);
    add_item(wh, "R2", "p1", "2024-06-01", 20, "rated", 2, 5);
    metric_set *set = fixture_metrics(wh, "2024Q3", "2024-12-31", GROUP_NONE);
    assert_value(review_metric(set, "fidelity_total_low", "R2"), 97);
    assert_value(review_metric(set, "fidelity_total_high", "R2"), 100);
    assert_value(review_metric(set, "fidelity_items_rated", "R2"), 20);
    assert_value(review_metric(set, "fidelity_prorated_low", "R2"), 121.3);
    assert_value(review_metric(set, "fidelity_prorated_high", "R2"), 125.0);
    assert_string_equal(review_metric(set, "fidelity_band", "R2")->text, "fair/good");
    metric_set_free(set);
    fixture_close(wh);

    assert_string_equal(fidelity_total_band(125), "exemplary");
    assert_string_equal(fidelity_total_band(115), "exemplary");
    assert_string_equal(fidelity_total_band(114), "good");
    assert_string_equal(fidelity_total_band(100), "good");
    assert_string_equal(fidelity_total_band(99), "fair");
    assert_string_equal(fidelity_total_band(74), "fair");
    assert_string_equal(fidelity_total_band(73), "not_supported");
}

/* The merged review.  Period 2024Q3, A = 2024-12-31, W = [2023-10-02, 2024-09-30].
 * Coaches k1 p1 fte 1.0 focus 0.90; k2 p1 fte 0.5 focus 1.00; k3 p2 fte 1.0
 * focus 0.50.  Active ips episodes: c1 c2 c3 with k1, c4 with k2, c5 with k3.
 *   Whole service: caseload 5 / 2.5 = 2.0 → 5; focus (0.9 + 0.5 + 0.5) / 2.5 =
 *     76.0 % → 3.
 *   Provider p1: caseload 4 / 1.5 = 2.7 → 5; focus 1.4 / 1.5 = 93.3 % → 4.
 *   Item 15 has no measured episode (no employer contacts): no data score.
 * Reviews:
 *   p1-old (unit p1, 2024-01-15): item 1 rated 1
 *   p1-new (unit p1, 2024-06-01): item 1 rated 3–5 (data 5 inside the range:
 *     no flag); item 2 rated 2 (data 4: 2 apart → flag); item 3 rated 5 (no
 *     data score); item 15 not_rated; other items missing.
 *     Totals: low 3 + 2 + 5 = 10, high 12, 3 rated, band not_supported.
 *   svc (unit "Koko palvelu", not a provider id, 2024-03-01): item 1 rated 2
 *     (whole-service data 5: flag); item 2 rated 2 (data 3: 1 apart, no flag)
 *   gone (unit "x", 2023-06-01): outside W, not listed. */
static void merge_fixture(warehouse *wh)
{
    add_coach(wh, "k1", "p1", 1.0, 0.90, -1, "2020-01-01", NULL);
    add_coach(wh, "k2", "p1", 0.5, 1.00, -1, "2020-01-01", NULL);
    add_coach(wh, "k3", "p2", 1.0, 0.50, -1, "2020-01-01", NULL);
    const char *coach[] = {"k1", "k1", "k1", "k2", "k3"};
    char c[16], e[16];
    for (int i = 0; i < 5; i++) {
        snprintf(c, sizeof c, "c%d", i + 1);
        snprintf(e, sizeof e, "e%d", i + 1);
        add_client(wh, c, NULL);
        add_episode(wh, e, c, coach[i], "ips", "2024-01-01", NULL);
    }
    add_item(wh, "p1-old", "p1", "2024-01-15", 1, "rated", 1, 0);
    add_item(wh, "p1-new", "p1", "2024-06-01", 1, "rated", 3, 5);
    add_item(wh, "p1-new", "p1", "2024-06-01", 2, "rated", 2, 0);
    add_item(wh, "p1-new", "p1", "2024-06-01", 3, "rated", 5, 0);
    add_item(wh, "p1-new", "p1", "2024-06-01", 15, "not_rated", 0, 0);
    add_item(wh, "svc", "Koko palvelu", "2024-03-01", 1, "rated", 2, 0);
    add_item(wh, "svc", "Koko palvelu", "2024-03-01", 2, "rated", 2, 0);
    add_item(wh, "gone", "x", "2023-06-01", 1, "rated", 4, 0);
}

static fidelity_review_list *merge(warehouse *wh, const char *review_id, bool internal)
{
    metric_query q;
    metric_query_init(&q);
    ips_diag d;
    ips_diag_clear(&d);
    assert_int_equal(metric_period_parse("2024Q3", &q.start, &q.end, &d), IPS_OK);
    assert_true(date_parse_iso("2024-12-31", &q.as_of));
    q.internal = internal;
    fidelity_review_list *list = NULL;
    if (fidelity_review_merge(wh, &q, review_id, &list, &d) != IPS_OK)
        fail_msg("fidelity_review_merge: %s", d.msg);
    return list;
}

static void merged_review(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    merge_fixture(wh);
    fidelity_review_list *list = merge(wh, NULL, true);
    assert_int_equal(list->n, 2);
    const fidelity_review *svc = &list->reviews[0], *p1 = &list->reviews[1];
    assert_string_equal(svc->review_id, "svc");
    assert_string_equal(p1->review_id, "p1-new");
    assert_string_equal(p1->reviewer, "ELY-keskus");

    assert_false(svc->data_for_provider);
    assert_int_equal(svc->items[0].data_score, 5);
    assert_true(svc->items[0].differs);
    assert_int_equal(svc->items[1].data_score, 3);
    assert_false(svc->items[1].differs);

    assert_true(p1->data_for_provider);
    assert_int_equal(p1->items[0].item, 1);
    assert_int_equal(p1->items[0].section, FID_SECTION_STAFFING);
    assert_int_equal(p1->items[0].status, FID_STATUS_RATED);
    assert_int_equal(p1->items[0].score, 3);
    assert_int_equal(p1->items[0].score_high, 5);
    assert_int_equal(p1->items[0].data_score, 5);
    assert_false(p1->items[0].differs);
    assert_int_equal(p1->items[1].data_score, 4);
    assert_true(p1->items[1].differs);
    assert_int_equal(p1->items[2].data_score, 0);
    assert_false(p1->items[2].differs);
    assert_int_equal(p1->items[14].status, FID_STATUS_NOT_RATED);
    assert_int_equal(p1->items[14].data_score, 0);
    assert_int_equal(p1->items[14].section, FID_SECTION_SERVICES);
    assert_int_equal(p1->items[4].status, FID_STATUS_MISSING);
    assert_int_equal(p1->items[4].section, FID_SECTION_ORGANISATION);
    assert_int_equal(p1->total_low, 10);
    assert_int_equal(p1->total_high, 12);
    assert_int_equal(p1->items_rated, 3);
    assert_string_equal(p1->band, "not_supported");
    fidelity_review_list_free(list);

    /* A given review, even an older one: p1-old's 1 against p1's data 5. */
    list = merge(wh, "p1-old", true);
    assert_int_equal(list->n, 1);
    assert_int_equal(list->reviews[0].items[0].data_score, 5);
    assert_true(list->reviews[0].items[0].differs);
    fidelity_review_list_free(list);
    list = merge(wh, "no-such-review", true);
    assert_int_equal(list->n, 0);
    fidelity_review_list_free(list);
    /* Published (suppressed) figures: the same reviews come back. */
    list = merge(wh, NULL, false);
    assert_int_equal(list->n, 2);
    assert_string_equal(list->reviews[1].review_id, "p1-new");
    fidelity_review_list_free(list);

    /* All three reviews dated in W have total rows; "gone" has none. */
    metric_set *set = fixture_metrics(wh, "2024Q3", "2024-12-31", GROUP_NONE);
    assert_value(review_metric(set, "fidelity_total_low", "p1-old"), 1);
    assert_value(review_metric(set, "fidelity_total_high", "p1-new"), 12);
    assert_value(review_metric(set, "fidelity_prorated_low", "p1-new"), 83.3);
    assert_value(review_metric(set, "fidelity_items_rated", "svc"), 2);
    assert_null(metric_set_find(set, "fidelity_total_low", "review", "gone"));
    metric_set_free(set);
    fidelity_review_list_free(NULL);
    fixture_close(wh);
}

/* Sections follow the seed's score sheet and LIITE 9: 1–3, 4–11, 12–25. */
static void names_and_sections(void **state)
{
    (void)state;
    assert_int_equal(fidelity_item_section(3), FID_SECTION_STAFFING);
    assert_int_equal(fidelity_item_section(4), FID_SECTION_ORGANISATION);
    assert_int_equal(fidelity_item_section(11), FID_SECTION_ORGANISATION);
    assert_int_equal(fidelity_item_section(12), FID_SECTION_SERVICES);
    assert_int_equal(fidelity_item_section(25), FID_SECTION_SERVICES);
    assert_int_equal(fidelity_item_section(26), 0);
    assert_string_equal(fidelity_score_metric(23), "follow_along_score");
    assert_null(fidelity_score_metric(3));
    assert_string_equal(fidelity_status_name(FID_STATUS_NOT_APPLICABLE), "not_applicable");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed_audit_totals),
        cmocka_unit_test(band_across_a_range),
        cmocka_unit_test(merged_review),
        cmocka_unit_test(names_and_sections),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
