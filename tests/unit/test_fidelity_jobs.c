/* Fidelity items about jobs — 19, 20, 21 and 23 — on hand-made warehouses,
 * the expected numbers worked out beside each fixture.  Period 2024Q3:
 * p_end = 2024-09-30, W = [2023-10-02, 2024-09-30]. */
#include "tests/unit/fidelity_fixture.h"

/* A = 2024-12-31.  Coaches k1, k2 (provider p1).  Jobs competitive unless said.
 * c1 (ips episode e1, k1, from 2023-01-01):
 *   j1  occupation 52231 (type 5223), employer E1, 2023-03-01..2023-06-30 —
 *       not held in W, but in scope: it makes later jobs "same" (R12)
 *   j2  occupation 5223, E2, from 2024-01-10, permanent — same type as j1
 *   j3  title " Myyjä   kassa ", E1, 2024-02-01..2024-03-01, fixed-term —
 *       new type; same employer as j1
 *   j4  title "MYYJÄ KASSA", E3, from 2024-05-01, permanence unknown — same
 *       type as j3 (folded: lower case, blanks collapsed, Ä too)
 *   j5  no occupation, no title, E3, from 2024-05-01, permanent — no type
 *       (left out of item 19); starts the same day as j4 at E3: both "new"
 *   j12 starts 2025-01-10, after A: does not exist
 * c2 (ips episode e2, k2, from 2024-01-01):
 *   j6  occupation 5223, E1 (an employer c1 also worked for), from 2024-02-01,
 *       permanent — new for c2 on both counts
 *   j7  occupation 9112, E4, enrollment e2, starts 2023-12-01 BEFORE the
 *       episode — belongs to e2 by its enrollment_id; permanence unknown
 *   j8  occupation 9112, E4, no enrollment_id, 2023-11-01..2023-11-30 — no
 *       episode active then: out of scope, so it does not make j7 "same"
 *   j9  occupation 9112, E4, enrollment e2, 2023-10-15, NOT competitive — out
 * c3 (episode e3 'group', k1): j10 from 2024-03-01 — its episode is not ips: out
 * c4 (ips e4b k1 from 2024-01-01, 'other' e4a k2 from 2024-03-01):
 *   j11 occupation 4110, E5, from 2024-04-01, permanent, no enrollment_id —
 *       both episodes active: the ips one is taken first (R5), so k1
 * Held in W and in scope: j2 j3 j4 j5 j6 j7 j11.
 * Item 19: typed j2 j3 j4 j6 j7 j11 = 6, same j2 j4 → 4 / 6 = 66.7 → 67 → 3.
 * Item 20: 7 jobs, same j3 → 6 / 7 = 85.7 → 86 → 5.
 * Item 21: known j2 j3 j5 j6 j11 = 5, permanent 4 → 80.0 %; clients c1 c2 c4 =
 *   3 < 10 → score 1 (R13).
 * By coach: k1 (c1's j2–j5, c4's j11): 19 → 2 / 4 = 50.0 → 2; 20 → 4 / 5 =
 *   80.0 → 4; 21 → 3 / 4 = 75.0, score 1.  k2 (j6, j7): 19 and 20 → 100 → 5. */
static void jobs_fixture(warehouse *wh)
{
    add_coach(wh, "k1", "p1", 1.0, -1, -1, "2020-01-01", NULL);
    add_coach(wh, "k2", "p1", 1.0, -1, -1, "2020-01-01", NULL);
    const char *employers[] = {"E1", "E2", "E3", "E4", "E5"};
    for (int i = 0; i < 5; i++)
        add_employer(wh, employers[i]);
    add_client(wh, "c1", "f");
    add_client(wh, "c2", "m");
    add_client(wh, "c3", "f");
    add_client(wh, "c4", "m");
    add_episode(wh, "e1", "c1", "k1", "ips", "2023-01-01", NULL);
    add_episode(wh, "e2", "c2", "k2", "ips", "2024-01-01", NULL);
    add_episode(wh, "e3", "c3", "k1", "group", "2024-01-01", NULL);
    add_episode(wh, "e4b", "c4", "k1", "ips", "2024-01-01", NULL);
    add_episode(wh, "e4a", "c4", "k2", "other", "2024-03-01", NULL);
    add_job(wh, "j1", "c1", "E1", NULL, NULL, "52231", "2023-03-01", "2023-06-30", 1, 1);
    add_job(wh, "j2", "c1", "E2", NULL, "Myyjä", "5223", "2024-01-10", NULL, 1, 1);
    add_job(wh, "j3", "c1", "E1", NULL, " Myyjä   kassa ", NULL, "2024-02-01", "2024-03-01", 1, 0);
    add_job(wh, "j4", "c1", "E3", NULL, "MYYJÄ KASSA", NULL, "2024-05-01", NULL, 1, -1);
    add_job(wh, "j5", "c1", "E3", NULL, NULL, NULL, "2024-05-01", NULL, 1, 1);
    add_job(wh, "j12", "c1", "E2", NULL, NULL, "5223", "2025-01-10", NULL, 1, 1);
    add_job(wh, "j6", "c2", "E1", NULL, NULL, "5223", "2024-02-01", NULL, 1, 1);
    add_job(wh, "j7", "c2", "E4", "e2", NULL, "9112", "2023-12-01", NULL, 1, -1);
    add_job(wh, "j8", "c2", "E4", NULL, NULL, "9112", "2023-11-01", "2023-11-30", 1, 1);
    add_job(wh, "j9", "c2", "E4", "e2", NULL, "9112", "2023-10-15", NULL, 0, 1);
    add_job(wh, "j10", "c3", "E1", NULL, NULL, "1111", "2024-03-01", NULL, 1, 1);
    add_job(wh, "j11", "c4", "E5", NULL, NULL, "4110", "2024-04-01", NULL, 1, 1);
}

static void job_and_employer_diversity(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    jobs_fixture(wh);
    metric_set *set = fixture_metrics(wh, "2024Q3", "2024-12-31", GROUP_NONE);
    const metric_row *r = row_of(set, "job_diversity", "");
    assert_int_equal(r->kind, MK_SHARE);
    assert_fraction(r, 4, 6);
    assert_value(r, 66.7);
    assert_score(r, 3);
    r = row_of(set, "employer_diversity", "");
    assert_fraction(r, 6, 7);
    assert_value(r, 85.7);
    assert_score(r, 5);
    r = row_of(set, "competitive_permanent_share", "");
    assert_fraction(r, 4, 5);
    assert_value(r, 80.0);
    assert_score(r, 1);
    metric_set_free(set);

    set = fixture_metrics(wh, "2024Q3", "2024-12-31", GROUP_COACH);
    r = row_of(set, "job_diversity", "k1");
    assert_fraction(r, 2, 4);
    assert_score(r, 2);
    r = row_of(set, "employer_diversity", "k1");
    assert_fraction(r, 4, 5);
    assert_score(r, 4);
    r = row_of(set, "competitive_permanent_share", "k1");
    assert_value(r, 75.0);
    assert_score(r, 1);
    assert_score(row_of(set, "job_diversity", "k2"), 5);
    assert_value(row_of(set, "employer_diversity", "k2"), 100.0);
    metric_set_free(set);
    fixture_close(wh);
}

/* Item 21 with enough clients.  d1..d10 each hold one competitive job in W in
 * their ips episode; d1..d9 permanent, d10 permanence unknown:
 *   known 9, permanent 9 → 100 %; 10 distinct clients (d10 counts though its
 *   permanence is unknown, R13) → score 5.
 *   d9 made fixed-term: 8 / 9 = 88.9 → 89 → 4.
 *   d10's job removed: 9 clients < 10 → score 1 (value still 88.9).
 *   all permanence unknown: value and score blank. */
static void permanent_share_needs_ten_clients(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    add_coach(wh, "k1", "p1", 1.0, -1, -1, "2020-01-01", NULL);
    add_employer(wh, "E1");
    char c[16], e[16], j[16];
    for (int i = 1; i <= 10; i++) {
        snprintf(c, sizeof c, "d%d", i);
        snprintf(e, sizeof e, "ed%d", i);
        snprintf(j, sizeof j, "jd%d", i);
        add_client(wh, c, NULL);
        add_episode(wh, e, c, "k1", "ips", "2024-01-01", NULL);
        add_job(wh, j, c, "E1", NULL, NULL, "5223", "2024-02-01", NULL, 1, i < 10 ? 1 : -1);
    }
    metric_set *set = fixture_metrics(wh, "2024Q3", "2024-12-31", GROUP_NONE);
    const metric_row *r = row_of(set, "competitive_permanent_share", "");
    assert_fraction(r, 9, 9);
    assert_value(r, 100.0);
    assert_score(r, 5);
    metric_set_free(set);

    fixture_sql(wh, "UPDATE jobs SET permanent = 0 WHERE job_id = 'jd9'");
    set = fixture_metrics(wh, "2024Q3", "2024-12-31", GROUP_NONE);
    r = row_of(set, "competitive_permanent_share", "");
    assert_value(r, 88.9);
    assert_score(r, 4);
    metric_set_free(set);

    fixture_sql(wh, "DELETE FROM jobs WHERE job_id = 'jd10'");
    set = fixture_metrics(wh, "2024Q3", "2024-12-31", GROUP_NONE);
    r = row_of(set, "competitive_permanent_share", "");
    assert_value(r, 88.9);
    assert_score(r, 1);
    metric_set_free(set);

    fixture_sql(wh, "UPDATE jobs SET permanent = NULL");
    set = fixture_metrics(wh, "2024Q3", "2024-12-31", GROUP_NONE);
    r = row_of(set, "competitive_permanent_share", "");
    assert_fraction(r, 0, 0);
    assert_blank(r);
    metric_set_free(set);
    fixture_close(wh);
}

/* In-person client contacts of the f1 pattern for client g, job from
 * 2024-03-04: before (02-28, day −5) only when asked; first days and week 1
 * (03-06), weeks 2–4 (03-12, 03-19, 03-26); months 2, 3, 5, 6 (04-15, 05-15,
 * 07-15, 08-15) — with month 1 that is 5 of 6, and 07-15 is past 4 months
 * (2024-07-04). */
static void f1_like(warehouse *wh, const char *g, bool before)
{
    const char *days[] = {"2024-03-06", "2024-03-12", "2024-03-19", "2024-03-26",
                          "2024-04-15", "2024-05-15", "2024-07-15", "2024-08-15"};
    if (before)
        add_contact(wh, "2024-02-28", "client", 1, g, "k1", "coach", NULL, -1);
    for (size_t i = 0; i < sizeof days / sizeof days[0]; i++)
        add_contact(wh, days[i], "client", 1, g, "k1", "coach", NULL, -1);
}

/* Item 23.  A = 2024-10-15, so the cohort is jobs started in W and by
 * 2024-09-15 (30 days before A).  Each client gN has an ips episode (k1) from
 * 2023-01-01 and one competitive job fN.
 *   f1 from 2024-03-04, open, f1_like with before: before ✓ first ✓ weekly ✓;
 *      held 4 months (2024-07-04 ≤ A) with a contact on 07-15 ✓; held 6
 *      months (2024-09-04 ≤ A), 5 of 6 months ✓
 *   f2 from 2024-05-01 to 2024-06-15: contacts 04-24 (day −7 ✓ before),
 *      05-01 (day 0: first ✓, week 1), 05-09 (week 2), 05-15 (week 3), a phone
 *      call 05-22 (week 4 not met) → weekly ✗; not held 4 months
 *   f3 from 2024-02-01, open: an employer-kind meeting 01-31 (✗ before),
 *      02-05 (day 4: ✗ first days, week 1 ✓), nothing in week 2 → weekly ✗;
 *      06-01 = exactly start + 4 months ✓; months 1 and 5 only → monthly ✗
 *   f4 from 2024-09-20: after 2024-09-15, not in the cohort
 *   f5 from 2024-04-01, open, no contacts: held 4 and 6 months, nothing met
 *   f6 from 2023-09-01: before W, not in the cohort
 * Cohort f1 f2 f3 f5 = 4: before 2/4 = 50.0; first days 2/4 = 50.0; weekly
 * 1/4 = 25.0; 4 months 2/3 (f1 f3 of f1 f3 f5) = 66.7; monthly 1/3 = 33.3.
 * Score: not 5 (before 50 %), not 4 (weekly 25 %), 4 months ≥ 50 % → 3. */
static void follow_fixture(warehouse *wh)
{
    add_coach(wh, "k1", "p1", 1.0, -1, -1, "2020-01-01", NULL);
    add_employer(wh, "E1");
    const char *starts[] = {"2024-03-04", "2024-05-01", "2024-02-01",
                            "2024-09-20", "2024-04-01", "2023-09-01"};
    char g[16], e[16], f[16];
    for (int i = 0; i < 6; i++) {
        snprintf(g, sizeof g, "g%d", i + 1);
        snprintf(e, sizeof e, "eg%d", i + 1);
        snprintf(f, sizeof f, "f%d", i + 1);
        add_client(wh, g, i % 2 ? "m" : "f");
        add_episode(wh, e, g, "k1", "ips", "2023-01-01", NULL);
        add_job(wh, f, g, "E1", NULL, NULL, "5223", starts[i], i == 1 ? "2024-06-15" : NULL, 1, 1);
    }
    f1_like(wh, "g1", true);
    add_contact(wh, "2024-04-24", "client", 1, "g2", "k1", "coach", NULL, -1);
    add_contact(wh, "2024-05-01", "client", 1, "g2", "k1", "coach", NULL, -1);
    add_contact(wh, "2024-05-09", "client", 1, "g2", "k1", "coach", NULL, -1);
    add_contact(wh, "2024-05-15", "client", 1, "g2", "k1", "coach", NULL, -1);
    add_contact(wh, "2024-05-22", "client", 0, "g2", "k1", "coach", NULL, -1);
    add_contact(wh, "2024-01-31", "employer", 1, "g3", "k1", "coach", NULL, -1);
    add_contact(wh, "2024-02-05", "client", 1, "g3", "k1", "coach", NULL, -1);
    add_contact(wh, "2024-06-01", "client", 1, "g3", "k1", "coach", NULL, -1);
    add_contact(wh, "2024-09-19", "client", 1, "g4", "k1", "coach", NULL, -1);
    add_contact(wh, "2024-09-21", "client", 1, "g4", "k1", "coach", NULL, -1);
}

static void follow_along(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    follow_fixture(wh);
    metric_set *set = fixture_metrics(wh, "2024Q3", "2024-10-15", GROUP_NONE);
    const metric_row *r = row_of(set, "follow_along_before", "");
    assert_fraction(r, 2, 4);
    assert_value(r, 50.0);
    assert_false(r->has & MH_SCORE);
    assert_fraction(row_of(set, "follow_along_first_days", ""), 2, 4);
    r = row_of(set, "follow_along_weekly", "");
    assert_fraction(r, 1, 4);
    assert_value(r, 25.0);
    r = row_of(set, "follow_along_4_months", "");
    assert_fraction(r, 2, 3);
    assert_value(r, 66.7);
    r = row_of(set, "follow_along_monthly", "");
    assert_fraction(r, 1, 3);
    assert_value(r, 33.3);
    r = row_of(set, "follow_along_score", "");
    assert_true(r->has & MH_DENOMINATOR);
    assert_true(r->denominator == 4);
    assert_false(r->has & MH_VALUE);
    assert_score(r, 3);
    metric_set_free(set);

    /* By gender: f = g1 g3 g5 (f1 f3 f5), m = g2 (f2; g4 and g6 fall out). */
    set = fixture_metrics(wh, "2024Q3", "2024-10-15", GROUP_GENDER);
    assert_fraction(row_of(set, "follow_along_before", "f"), 1, 3);
    assert_fraction(row_of(set, "follow_along_4_months", "f"), 2, 3);
    assert_fraction(row_of(set, "follow_along_before", "m"), 1, 1);
    /* m: no job held 4 months yet, so no score can be told. */
    r = row_of(set, "follow_along_score", "m");
    assert_false(r->has & MH_SCORE);
    assert_blank(row_of(set, "follow_along_4_months", "m"));
    metric_set_free(set);
    fixture_close(wh);
}

/* The other bands of item 23, one cohort each (A = 2024-10-15):
 *   f1 alone: all four 100 % → 5.
 *   f1 without the meeting before the start: before 0 %, weekly and monthly
 *     100 % → 4.
 *   f5 alone: held 4 months, no contact → 4 months 0 % → 1.
 *   f1 (met at 4 months) + three jobs like f5: 4 months 1/4 = 25 % → 2. */
static void follow_along_bands(void **state)
{
    (void)state;
    static const struct {
        bool before;
        int silent; /* jobs with no contacts, like f5 */
        bool with_f1;
        int score;
    } cases[] = {{true, 0, true, 5}, {false, 0, true, 4}, {false, 1, false, 1}, {true, 3, true, 2}};
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        warehouse *wh = fixture_open();
        add_coach(wh, "k1", "p1", 1.0, -1, -1, "2020-01-01", NULL);
        add_employer(wh, "E1");
        if (cases[k].with_f1) {
            add_client(wh, "g1", NULL);
            add_episode(wh, "eg1", "g1", "k1", "ips", "2023-01-01", NULL);
            add_job(wh, "f1", "g1", "E1", NULL, NULL, "5223", "2024-03-04", NULL, 1, 1);
            f1_like(wh, "g1", cases[k].before);
        }
        char g[16], e[16], f[16];
        for (int i = 0; i < cases[k].silent; i++) {
            snprintf(g, sizeof g, "s%d", i);
            snprintf(e, sizeof e, "es%d", i);
            snprintf(f, sizeof f, "fs%d", i);
            add_client(wh, g, NULL);
            add_episode(wh, e, g, "k1", "ips", "2023-01-01", NULL);
            add_job(wh, f, g, "E1", NULL, NULL, "5223", "2024-04-01", NULL, 1, 1);
        }
        metric_set *set = fixture_metrics(wh, "2024Q3", "2024-10-15", GROUP_NONE);
        assert_score(row_of(set, "follow_along_score", ""), cases[k].score);
        metric_set_free(set);
        fixture_close(wh);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(job_and_employer_diversity),
        cmocka_unit_test(permanent_share_needs_ten_clients),
        cmocka_unit_test(follow_along),
        cmocka_unit_test(follow_along_bands),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
