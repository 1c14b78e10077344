/* Fidelity items 1, 2, 15, 17 and 24 on small hand-made warehouses; the
 * expected numbers are worked out by hand beside each fixture.
 *
 * Dates used throughout: period 2024Q3, so p_end = 2024-09-30, the review
 * window W = [2023-10-02, 2024-09-30] (R2: p_end − 364 days) and item 17's 13
 * weeks = [2024-07-02, 2024-09-30].  The as-of date is given explicitly. */
#include "tests/unit/fidelity_fixture.h"

#include "model/fidelity.h"

/* Coaches on p_end = 2024-09-30:
 *   k1 p1 fte 1.0 focus 0.90 — IPS coach
 *   k2 p1 fte 0.5 focus 1.00 — IPS coach
 *   k3 p2 fte 1.0 focus 0.10 — left 2024-08-31: not employed on p_end
 *   k4 p2 fte 1.0            — starts 2024-10-15: not employed on p_end
 *   k5 p2 fte 1.0 focus blank— IPS coach (left out of item 2, R15)
 *   k6 p2 fte 1.0 focus 0.50 — employed but no active ips episode: not an IPS coach
 * Episodes active on p_end (ips unless said):
 *   c1 with k1, and c1 again with k2 (counts once overall, once per coach)
 *   c2, c3 with k1; c9 with k1 ending 2024-12-01 (after p_end: active)
 *   c4 with k2; c5 with k3 (the coach left: the client still counts, R4)
 *   c6 without a coach (counts, R4); c10 with k5
 *   c7 with k1 but service 'group' (not ips); c8 with k1 ended 2024-09-15
 *   c11 with k6 but service 'other' (so k6 is no IPS coach)
 * Item 1: clients c1 c2 c3 c4 c5 c6 c9 c10 = 8; Σ fte k1 + k2 + k5 = 2.5;
 *   8 / 2.5 = 3.2 → score 5.
 *   By coach: k1 {c1 c2 c3 c9} 4 / 1.0 = 4.0; k2 {c1 c4} 2 / 0.5 = 4.0;
 *   k3 {c5} 1 / no fte → blank; "" {c6} → blank; k5 1 / 1 = 1.0.
 *   By provider: p1 {c1 c2 c3 c4 c9} 5 / 1.5 = 3.33… → 3.3; p2 {c5 c10} 2 / 1.0 = 2.0.
 * Item 2: (1.0 × 0.90 + 0.5 × 1.00) / 1.5 = 0.9333 → 93.3 % → 93 → score 4;
 *   by coach k5: blank (focus unknown). */
static void coach_fixture(warehouse *wh)
{
    add_coach(wh, "k1", "p1", 1.0, 0.90, -1, "2020-01-01", NULL);
    add_coach(wh, "k2", "p1", 0.5, 1.00, -1, "2020-01-01", NULL);
    add_coach(wh, "k3", "p2", 1.0, 0.10, -1, "2020-01-01", "2024-08-31");
    add_coach(wh, "k4", "p2", 1.0, 0.10, -1, "2024-10-15", NULL);
    add_coach(wh, "k5", "p2", 1.0, -1, -1, NULL, NULL);
    add_coach(wh, "k6", "p2", 1.0, 0.50, -1, "2020-01-01", NULL);
    const char *clients[] = {"c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c11"};
    for (size_t i = 0; i < sizeof clients / sizeof clients[0]; i++)
        add_client(wh, clients[i], i % 2 ? "m" : "f");
    add_episode(wh, "e1", "c1", "k1", "ips", "2024-01-01", NULL);
    add_episode(wh, "e1b", "c1", "k2", "ips", "2024-05-01", NULL);
    add_episode(wh, "e2", "c2", "k1", "ips", "2024-01-01", NULL);
    add_episode(wh, "e3", "c3", "k1", "ips", "2024-09-30", NULL);
    add_episode(wh, "e9", "c9", "k1", "ips", "2024-02-01", "2024-12-01");
    add_episode(wh, "e4", "c4", "k2", "ips", "2024-01-01", NULL);
    add_episode(wh, "e5", "c5", "k3", "ips", "2024-01-01", NULL);
    add_episode(wh, "e6", "c6", NULL, "ips", "2024-01-01", NULL);
    add_episode(wh, "e10", "c10", "k5", "ips", "2024-01-01", NULL);
    add_episode(wh, "e7", "c7", "k1", "group", "2024-01-01", NULL);
    add_episode(wh, "e8", "c8", "k1", "ips", "2024-01-01", "2024-09-15");
    add_episode(wh, "e11", "c11", "k6", "other", "2024-01-01", NULL);
}

static void caseload_and_focus(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    coach_fixture(wh);
    metric_set *set = fixture_metrics(wh, "2024Q3", "2024-12-31", GROUP_NONE);
    const metric_row *r = row_of(set, "caseload_per_fte", "");
    assert_int_equal(r->kind, MK_RATIO);
    assert_fraction(r, 8, 2.5);
    assert_value(r, 3.2);
    assert_score(r, 5);
    r = row_of(set, "focus_share", "");
    assert_int_equal(r->kind, MK_WEIGHTED);
    assert_false(r->has & (MH_NUMERATOR | MH_DENOMINATOR)); /* R18: value only */
    assert_value(r, 93.3);
    assert_score(r, 4);
    metric_set_free(set);

    set = fixture_metrics(wh, "2024Q3", "2024-12-31", GROUP_COACH);
    assert_value(row_of(set, "caseload_per_fte", "k1"), 4.0);
    assert_value(row_of(set, "caseload_per_fte", "k2"), 4.0);
    assert_value(row_of(set, "caseload_per_fte", "k5"), 1.0);
    r = row_of(set, "caseload_per_fte", "k3");
    assert_fraction(r, 1, 0);
    assert_blank(r);
    assert_blank(row_of(set, "caseload_per_fte", ""));
    assert_blank(row_of(set, "focus_share", "k5"));
    assert_value(row_of(set, "focus_share", "k2"), 100.0);
    assert_null(metric_set_find(set, "focus_share", NULL, "k6"));
    metric_set_free(set);

    set = fixture_metrics(wh, "2024Q3", "2024-12-31", GROUP_PROVIDER);
    r = row_of(set, "caseload_per_fte", "p1");
    assert_fraction(r, 5, 1.5);
    assert_value(r, 3.3);
    assert_value(row_of(set, "caseload_per_fte", "p2"), 2.0);
    metric_set_free(set);

    /* R20: coach-level items are not split by client attributes. */
    set = fixture_metrics(wh, "2024Q3", "2024-12-31", GROUP_GENDER);
    assert_null(metric_set_find(set, "caseload_per_fte", NULL, NULL));
    assert_null(metric_set_find(set, "focus_share", NULL, NULL));
    assert_null(metric_set_find(set, "employer_contacts_per_week", NULL, NULL));
    assert_null(metric_set_find(set, "community_share", NULL, NULL));
    metric_set_free(set);
    fixture_close(wh);
}

/* Band edges after rounding (R16):
 *   20 clients / 0.98 fte = 20.408… → 20.4 → 20 → 5;
 *   41 clients / 2.0 fte = 20.5 → 21 → 4;
 *   focus 0.955 → 95.5 % → 96 → 5; focus 0.954 → 95.4 % → 95 → 4. */
static void caseload_band_edges(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    add_coach(wh, "k1", "p1", 0.98, 0.955, -1, "2020-01-01", NULL);
    char id[16], ep[16];
    for (int i = 0; i < 20; i++) {
        snprintf(id, sizeof id, "c%d", i);
        snprintf(ep, sizeof ep, "e%d", i);
        add_client(wh, id, NULL);
        add_episode(wh, ep, id, "k1", "ips", "2024-01-01", NULL);
    }
    metric_set *set = fixture_metrics(wh, "2024Q3", "2024-12-31", GROUP_NONE);
    const metric_row *r = row_of(set, "caseload_per_fte", "");
    assert_value(r, 20.4);
    assert_score(r, 5);
    r = row_of(set, "focus_share", "");
    assert_value(r, 95.5);
    assert_score(r, 5);
    metric_set_free(set);

    fixture_sql(wh, "UPDATE coaches SET fte = 1, focus_share = 0.954");
    add_coach(wh, "k2", "p1", 1.0, 0.954, -1, "2020-01-01", NULL);
    for (int i = 20; i < 41; i++) {
        snprintf(id, sizeof id, "c%d", i);
        snprintf(ep, sizeof ep, "e%d", i);
        add_client(wh, id, NULL);
        add_episode(wh, ep, id, "k2", "ips", "2024-01-01", NULL);
    }
    set = fixture_metrics(wh, "2024Q3", "2024-12-31", GROUP_NONE);
    r = row_of(set, "caseload_per_fte", "");
    assert_fraction(r, 41, 2);
    assert_value(r, 20.5);
    assert_score(r, 4);
    r = row_of(set, "focus_share", "");
    assert_value(r, 95.4);
    assert_score(r, 4);
    metric_set_free(set);
    fixture_close(wh);
}

/* An empty warehouse: every whole-service item row exists and is blank
 * (never 0 or 1); a count says 0. */
static void empty_is_blank(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    add_coach(wh, "k1", "p1", 1.0, 0.9, 0.5, "2020-01-01", NULL); /* no episodes: no IPS coach */
    metric_set *set = fixture_metrics(wh, "2024Q3", "2024-12-31", GROUP_NONE);
    const char *ids[] = {"caseload_per_fte", "focus_share", "first_employer_contact_mean_days",
                         "first_employer_contact_within_30", "employer_contacts_per_week",
                         "job_diversity", "employer_diversity", "competitive_permanent_share",
                         "follow_along_before", "follow_along_first_days",
                         "follow_along_weekly", "follow_along_4_months",
                         "follow_along_monthly", "follow_along_score", "community_share"};
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
        assert_blank(row_of(set, ids[i], ""));
    const metric_row *r = row_of(set, "first_employer_contact_pending", "");
    assert_value(r, 0);
    metric_set_free(set);
    /* With a breakdown nothing is invented for groups that have no data. */
    set = fixture_metrics(wh, "2024Q3", "2024-12-31", GROUP_GENDER);
    assert_null(metric_set_find(set, "job_diversity", NULL, NULL));
    metric_set_free(set);
    fixture_close(wh);
}

/* Item 15.  W = [2023-10-02, 2024-09-30], A = 2024-12-31.
 *   e1 c1 (f) start 2024-03-01: in-person employer contact ON the start day → 0 days
 *      (an earlier one on 2024-02-20 is before the start and ignored)
 *   e2 c2 (m) start 2024-03-01: phone contact 03-05 (not in person), client-kind
 *      contact 03-02 (wrong kind), in person by the client 03-31 → 30 days
 *   e3 c3 (f) start 2024-01-01: an employer contact naming no client on 01-05
 *      is ignored; first 2024-04-10 → 100 days
 *   e4 c4 (f) start 2024-09-01: only a contact after A (2025-01-05) → pending
 *   e5 c5 start 2023-06-01: before W, not in the cohort (its 2023-06-02 contact too)
 *   e6 c6 service 'group' started in W: not ips
 *   e7 c7 (m) start 2024-08-01, ended 2024-08-20; contact 2024-10-01, after the
 *      end but before A → 61 days (not capped at the end, R10)
 * Measured e1 e2 e3 e7: mean (0 + 30 + 100 + 61) / 4 = 47.75 → 47.8 → 48 → 4;
 * within 30: e1 e2 → 2 / 4 = 50 %; pending: e4 → 1.
 * By gender: f {e1 0, e3 100, e4 pending}: 50.0 → 4, within 1/2, pending 1;
 *            m {e2 30, e7 61}: 45.5 → 46 → 4, within 1/2, pending 0. */
static void first_employer_contact(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    add_coach(wh, "k1", "p1", 1.0, -1, -1, "2020-01-01", NULL);
    const char *g[] = {"f", "m", "f", "f", "f", "f", "m"};
    char id[16];
    for (int i = 0; i < 7; i++) {
        snprintf(id, sizeof id, "c%d", i + 1);
        add_client(wh, id, g[i]);
    }
    add_episode(wh, "e1", "c1", "k1", "ips", "2024-03-01", NULL);
    add_episode(wh, "e2", "c2", "k1", "ips", "2024-03-01", NULL);
    add_episode(wh, "e3", "c3", "k1", "ips", "2024-01-01", NULL);
    add_episode(wh, "e4", "c4", "k1", "ips", "2024-09-01", NULL);
    add_episode(wh, "e5", "c5", "k1", "ips", "2023-06-01", NULL);
    add_episode(wh, "e6", "c6", "k1", "group", "2024-03-01", NULL);
    add_episode(wh, "e7", "c7", "k1", "ips", "2024-08-01", "2024-08-20");
    add_contact(wh, "2024-02-20", "employer", 1, "c1", "k1", "coach", NULL, -1);
    add_contact(wh, "2024-03-01", "employer", 1, "c1", "k1", NULL, NULL, -1);
    add_contact(wh, "2024-03-05", "employer", 0, "c2", "k1", "coach", NULL, -1);
    add_contact(wh, "2024-03-02", "client", 1, "c2", "k1", "coach", NULL, -1);
    add_contact(wh, "2024-03-31", "employer", 1, "c2", NULL, "client", NULL, -1);
    add_contact(wh, "2024-01-05", "employer", 1, NULL, "k1", "coach", NULL, -1);
    add_contact(wh, "2024-04-10", "employer", 1, "c3", "k1", "both", NULL, -1);
    add_contact(wh, "2024-06-01", "employer", 1, "c3", "k1", "coach", NULL, -1);
    add_contact(wh, "2025-01-05", "employer", 1, "c4", "k1", "coach", NULL, -1);
    add_contact(wh, "2023-06-02", "employer", 1, "c5", "k1", "coach", NULL, -1);
    add_contact(wh, "2024-03-02", "employer", 1, "c6", "k1", "coach", NULL, -1);
    add_contact(wh, "2024-10-01", "employer", 1, "c7", "k1", "coach", NULL, -1);

    metric_set *set = fixture_metrics(wh, "2024Q3", "2024-12-31", GROUP_NONE);
    const metric_row *r = row_of(set, "first_employer_contact_mean_days", "");
    assert_int_equal(r->kind, MK_MEAN);
    assert_true(r->has & MH_DENOMINATOR);
    assert_true(r->denominator == 4);
    assert_value(r, 47.8);
    assert_score(r, 4);
    r = row_of(set, "first_employer_contact_within_30", "");
    assert_fraction(r, 2, 4);
    assert_value(r, 50.0);
    assert_false(r->has & MH_SCORE);
    assert_value(row_of(set, "first_employer_contact_pending", ""), 1);
    metric_set_free(set);

    set = fixture_metrics(wh, "2024Q3", "2024-12-31", GROUP_GENDER);
    r = row_of(set, "first_employer_contact_mean_days", "f");
    assert_value(r, 50.0);
    assert_score(r, 4);
    assert_value(row_of(set, "first_employer_contact_pending", "f"), 1);
    r = row_of(set, "first_employer_contact_mean_days", "m");
    assert_value(r, 45.5);
    assert_score(r, 4);
    assert_fraction(row_of(set, "first_employer_contact_within_30", "m"), 1, 2);
    assert_value(row_of(set, "first_employer_contact_pending", "m"), 0);
    metric_set_free(set);
    fixture_close(wh);
}

/* Item 17.  13 weeks = [2024-07-02, 2024-09-30]; IPS coaches on p_end (the
 * coach fixture above) k1 fte 1.0, k2 fte 0.5, k5 fte 1.0; k3 left 2024-08-31.
 *   k1: 52 in-person by coach from 07-02 (counted); 4 by phone (not in person);
 *       2 on 2024-07-01 (outside the 91 days)
 *   k2: 13 by both + 5 with blank by (= coach) counted; 3 by client not counted
 *   k3: 10 (the coach left: not an IPS coach on p_end)
 *   k5: none, but its fte counts (R11)
 * Counted 52 + 18 = 70: 70 / 13 / 2.5 = 2.1538… → 2.15 → score 2 (≥ 2, < 4).
 * By coach: k1 52 / 13 / 1.0 = 4.00 → 3; k2 18 / 13 / 0.5 = 2.769… → 2.77 → 2;
 * k5 0 / 13 / 1.0 = 0.00 → 1 (a real zero: the coach has fte).
 * Raw banding at 6: adding 26 to k1 gives k1 78 / 13 = 6.00 → 5, and one fewer
 * (77 / 13 = 5.923 → 5.92) → 4. */
static void employer_contacts(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    coach_fixture(wh);
    add_employer_contacts(wh, "k1", 52, "2024-07-02", "coach");
    add_employer_contacts(wh, "k1", 2, "2024-06-30", "coach"); /* 06-30, 07-01 */
    add_contact(wh, "2024-08-01", "employer", 0, NULL, "k1", "coach", NULL, -1);
    add_contact(wh, "2024-08-02", "employer", 0, NULL, "k1", "coach", NULL, -1);
    add_contact(wh, "2024-08-03", "employer", 0, NULL, "k1", "coach", NULL, -1);
    add_contact(wh, "2024-08-04", "employer", 0, NULL, "k1", "coach", NULL, -1);
    add_employer_contacts(wh, "k2", 13, "2024-08-01", "both");
    add_employer_contacts(wh, "k2", 5, "2024-09-01", NULL);
    add_employer_contacts(wh, "k2", 3, "2024-09-10", "client");
    add_employer_contacts(wh, "k3", 10, "2024-07-10", "coach");
    metric_set *set = fixture_metrics(wh, "2024Q3", "2024-12-31", GROUP_NONE);
    const metric_row *r = row_of(set, "employer_contacts_per_week", "");
    assert_true(r->has & MH_NUMERATOR);
    assert_true(r->numerator == 70);
    assert_int_equal(r->decimals, 2);
    assert_value(r, 2.15);
    assert_score(r, 2);
    metric_set_free(set);

    set = fixture_metrics(wh, "2024Q3", "2024-12-31", GROUP_COACH);
    r = row_of(set, "employer_contacts_per_week", "k1");
    assert_value(r, 4.0);
    assert_score(r, 3);
    r = row_of(set, "employer_contacts_per_week", "k2");
    assert_value(r, 2.77);
    assert_score(r, 2);
    r = row_of(set, "employer_contacts_per_week", "k5");
    assert_value(r, 0.0);
    assert_score(r, 1);
    assert_null(metric_set_find(set, "employer_contacts_per_week", NULL, "k3"));
    metric_set_free(set);

    add_employer_contacts(wh, "k1", 25, "2024-08-01", "coach");
    set = fixture_metrics(wh, "2024Q3", "2024-12-31", GROUP_COACH);
    r = row_of(set, "employer_contacts_per_week", "k1");
    assert_value(r, 5.92);
    assert_score(r, 4);
    metric_set_free(set);
    add_employer_contacts(wh, "k1", 1, "2024-09-01", "coach");
    set = fixture_metrics(wh, "2024Q3", "2024-12-31", GROUP_COACH);
    r = row_of(set, "employer_contacts_per_week", "k1");
    assert_value(r, 6.0);
    assert_score(r, 5);
    metric_set_free(set);
    fixture_close(wh);
}

/* Item 24.  W = [2023-10-02, 2024-09-30].  IPS coaches on p_end:
 *   k1 fte 1.0 community_share 0.20 — contacts in W with minutes and setting:
 *      60 community + 10 home + 20 workplace (a by = client contact carrying
 *      k1) + 30 office → 90 / 120 = 0.75.  Left out: 100 min with no setting,
 *      a workplace contact with no minutes, 500 office minutes before W.
 *   k2 fte 0.5 community_share 0.80 — no contacts: falls back to 0.80
 *   k5 fte 1.0, no share, no contacts — left out
 *   k6 fte 0.5, no share: 45 remote + 15 workplace → 0.25 (made an IPS coach
 *      here by an ips episode)
 * (1.0 × 0.75 + 0.5 × 0.80 + 0.5 × 0.25) / 2.0 = 0.6375 → 63.75 → 63.8 (half-up)
 * → 64 → score 4.  By coach: k1 75.0 → 5, k2 80.0 → 5, k6 25.0 → 1, k5 blank. */
static void community_share(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    coach_fixture(wh);
    fixture_sql(wh, "UPDATE coaches SET community_share = 0.20 WHERE coach_id = 'k1'");
    fixture_sql(wh, "UPDATE coaches SET community_share = 0.80 WHERE coach_id = 'k2'");
    fixture_sql(wh, "UPDATE coaches SET fte = 0.5 WHERE coach_id = 'k6'");
    add_client(wh, "c12", "f");
    add_episode(wh, "e12", "c12", "k6", "ips", "2024-01-01", NULL);
    add_contact(wh, "2024-05-01", "client", 1, "c1", "k1", "coach", "community", 60);
    add_contact(wh, "2024-05-02", "network", 0, NULL, "k1", "coach", "home", 10);
    add_contact(wh, "2024-05-03", "employer", 1, "c1", "k1", "client", "workplace", 20);
    add_contact(wh, "2024-05-04", "client", 1, "c2", "k1", "coach", "office", 30);
    add_contact(wh, "2024-05-05", "client", 1, "c2", "k1", "coach", NULL, 100);
    add_contact(wh, "2024-05-06", "client", 1, "c2", "k1", "coach", "workplace", -1);
    add_contact(wh, "2023-09-01", "client", 1, "c2", "k1", "coach", "office", 500);
    add_contact(wh, "2024-06-01", "client", 0, "c12", "k6", "coach", "remote", 45);
    add_contact(wh, "2024-06-02", "client", 1, "c12", "k6", "coach", "workplace", 15);
    metric_set *set = fixture_metrics(wh, "2024Q3", "2024-12-31", GROUP_NONE);
    const metric_row *r = row_of(set, "community_share", "");
    assert_int_equal(r->kind, MK_WEIGHTED);
    assert_value(r, 63.8);
    assert_score(r, 4);
    metric_set_free(set);

    set = fixture_metrics(wh, "2024Q3", "2024-12-31", GROUP_COACH);
    assert_value(row_of(set, "community_share", "k1"), 75.0);
    assert_score(row_of(set, "community_share", "k1"), 5);
    assert_value(row_of(set, "community_share", "k2"), 80.0);
    r = row_of(set, "community_share", "k6");
    assert_value(r, 25.0);
    assert_score(r, 1);
    assert_blank(row_of(set, "community_share", "k5"));
    metric_set_free(set);
    fixture_close(wh);
}

/* The public band table, at each edge of THL's ranges. */
static void band_scores(void **state)
{
    (void)state;
    assert_int_equal(fidelity_band_score(1, 20.4), 5);
    assert_int_equal(fidelity_band_score(1, 20.5), 4);
    assert_int_equal(fidelity_band_score(1, 25.0), 4);
    assert_int_equal(fidelity_band_score(1, 30.4), 3);
    assert_int_equal(fidelity_band_score(1, 40.0), 2);
    assert_int_equal(fidelity_band_score(1, 41.0), 1);
    assert_int_equal(fidelity_band_score(2, 95.5), 5);
    assert_int_equal(fidelity_band_score(2, 95.4), 4);
    assert_int_equal(fidelity_band_score(2, 59.5), 2);
    assert_int_equal(fidelity_band_score(2, 59.4), 1);
    assert_int_equal(fidelity_band_score(15, 30.4), 5);
    assert_int_equal(fidelity_band_score(15, 30.5), 4);
    assert_int_equal(fidelity_band_score(15, 150.0), 3);
    assert_int_equal(fidelity_band_score(15, 270.4), 2);
    assert_int_equal(fidelity_band_score(15, 270.5), 1);
    assert_int_equal(fidelity_band_score(17, 5.99), 4);
    assert_int_equal(fidelity_band_score(17, 6.0), 5);
    assert_int_equal(fidelity_band_score(17, 1.99), 1);
    assert_int_equal(fidelity_band_score(19, 84.5), 5);
    assert_int_equal(fidelity_band_score(20, 49.4), 1);
    assert_int_equal(fidelity_band_score(21, 94.5), 5);
    assert_int_equal(fidelity_band_score(21, 64.4), 1);
    assert_int_equal(fidelity_band_score(24, 64.5), 5);
    assert_int_equal(fidelity_band_score(24, 29.5), 2);
    assert_int_equal(fidelity_band_score(23, 90), 0);
    assert_int_equal(fidelity_band_score(3, 90), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(caseload_and_focus),
        cmocka_unit_test(caseload_band_edges),
        cmocka_unit_test(empty_is_blank),
        cmocka_unit_test(first_employer_contact),
        cmocka_unit_test(employer_contacts),
        cmocka_unit_test(community_share),
        cmocka_unit_test(band_scores),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
