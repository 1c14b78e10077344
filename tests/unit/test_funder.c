/* The funder's indicators (model/funder.h, metrics.md "Funder (ESF+)") on a
 * small fixture worked out by hand: participants once each by age at entry,
 * gender and provider; on leaving (a job held within 4 weeks of the exit
 * day), six months after (a job held on exit + 183) and "not yet known". */
#include <math.h>

#include "model/funder.h"
#include "tests/unit/fixture.h"

static void sql(warehouse *wh, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    fixture_sql(wh, buf);
}

static void client(warehouse *wh, const char *id, const char *gender, int birth_year)
{
    char g[16], y[16];
    snprintf(g, sizeof g, gender ? "'%s'" : "NULL", gender);
    snprintf(y, sizeof y, birth_year ? "%d" : "NULL", birth_year);
    sql(wh, "INSERT INTO clients(client_id, gender, birth_year, segment, " FIX_COLS
        ") VALUES('%s', %s, %s, 'mental_health', " FIX_VALS ")", id, g, y);
}

static void episode(warehouse *wh, const char *id, const char *cl, const char *coach,
                    const char *service, const char *start, const char *end)
{
    char e[32];
    snprintf(e, sizeof e, end ? "'%s'" : "NULL", end);
    sql(wh, "INSERT INTO enrollments(enrollment_id, client_id, coach_id, service, start_date,"
        " end_date, exit_reason, " FIX_COLS ") VALUES('%s', '%s', '%s', '%s', '%s', %s, %s, "
        FIX_VALS ")", id, cl, coach, service, start, e, end ? "'other'" : "NULL");
}

static void job(warehouse *wh, const char *id, const char *cl, const char *start,
                const char *end, int competitive)
{
    char e[32];
    snprintf(e, sizeof e, end ? "'%s'" : "NULL", end);
    sql(wh, "INSERT INTO jobs(job_id, client_id, employer_id, start_date, end_date, competitive, "
        FIX_COLS ") VALUES('%s', '%s', 'emp', '%s', %s, %d, " FIX_VALS ")", id, cl, start, e,
        competitive);
}

/* A = 2024-12-31, S = 2024-01-01 .. 2024-12-31.  k1 of P1, k2 of P2.
 *   a f 2010 (14 → <18)  ips k1 02-01..03-01; job 03-20 open
 *        on leaving: 03-20 ≤ 03-29 yes; 6 m: 08-31 held → yes
 *   b m 2000 (24 → 18–29) ips k1 01-15..04-30; job 06-10..07-31; non-competitive 05-05..05-20
 *        on leaving: 06-10 > 05-28 no; 6 m: 10-30, job ended → no
 *   c x 1980 (44 → 30–54) ips k1 03-01..09-15; job 09-01..09-20
 *        on leaving: held on the exit day → yes; 6 m: 2025-03-17 > A → not yet known
 *   d f 1960 (64 → 55+)  ips k2 05-01 open → no leaver
 *   e -- no birth year   ips k1 2023-11-01..2024-02-01 (before S), ips k2 06-01..06-30
 *        entry 06-01 (P2), unknown age; on leaving no; 6 m: 12-30 ≤ A → no
 *   g m 1990             group service only → no participant
 *   h f 1995 (29 → 18–29) ips k2 02-01..03-01, again 08-01 open → no leaver
 * Whole: participants 6 (<18 1, 18–29 2, 30–54 1, 55+ 1, unknown 1);
 *   leavers 4 (a b c e), on leaving 2 → 50.0 %; known 3 (a b e), six months 1 → 33.3 %;
 *   not yet known 1 (c).
 * Gender: f 3 (a d h), m 1 (b), x 1 (c), "" 1 (e).
 * Provider: P1 3 (a b c; leavers 3, on leaving 2, known 2, six months 1, pending 1);
 *   P2 3 (d e h; leavers 1, on leaving 0, known 1, six months 0, pending 0). */
static warehouse *esf_fixture(void)
{
    warehouse *wh = fixture_open();
    sql(wh, "INSERT INTO coaches(coach_id, provider_id, fte, start_date, " FIX_COLS
        ") VALUES('k1', 'P1', 1, '2023-01-01', " FIX_VALS "), ('k2', 'P2', 1, '2023-01-01', "
        FIX_VALS ")");
    sql(wh, "INSERT INTO employers(employer_id, " FIX_COLS ") VALUES('emp', " FIX_VALS ")");
    client(wh, "a", "f", 2010);
    client(wh, "b", "m", 2000);
    client(wh, "c", "x", 1980);
    client(wh, "d", "f", 1960);
    client(wh, "e", NULL, 0);
    client(wh, "g", "m", 1990);
    client(wh, "h", "f", 1995);
    episode(wh, "ea", "a", "k1", "ips", "2024-02-01", "2024-03-01");
    episode(wh, "eb", "b", "k1", "ips", "2024-01-15", "2024-04-30");
    episode(wh, "ec", "c", "k1", "ips", "2024-03-01", "2024-09-15");
    episode(wh, "ed", "d", "k2", "ips", "2024-05-01", NULL);
    episode(wh, "ee1", "e", "k1", "ips", "2023-11-01", "2024-02-01");
    episode(wh, "ee2", "e", "k2", "ips", "2024-06-01", "2024-06-30");
    episode(wh, "eg", "g", "k1", "group", "2024-04-01", "2024-05-01");
    episode(wh, "eh1", "h", "k2", "ips", "2024-02-01", "2024-03-01");
    episode(wh, "eh2", "h", "k2", "ips", "2024-08-01", NULL);
    job(wh, "ja", "a", "2024-03-20", NULL, 1);
    job(wh, "jb", "b", "2024-06-10", "2024-07-31", 1);
    job(wh, "jb2", "b", "2024-05-05", "2024-05-20", 0);
    job(wh, "jc", "c", "2024-09-01", "2024-09-20", 1);
    return wh;
}

static metric_query esf_query(bool internal)
{
    metric_query q;
    metric_query_init(&q);
    ips_diag d;
    assert_int_equal(metric_period_parse("2024Q4", &q.start, &q.end, &d), IPS_OK);
    assert_true(date_parse_iso("2024-12-31", &q.as_of));
    q.internal = internal;
    return q;
}

static metric_set *esf_rows(warehouse *wh, bool internal, ips_day start, ips_day *s_start)
{
    metric_query q = esf_query(internal);
    metric_set *set = metric_set_new();
    ips_diag d;
    ips_diag_clear(&d);
    if (funder_compute(wh, &q, start, set, s_start, &d) != IPS_OK)
        fail_msg("funder_compute: %s", d.msg);
    return set;
}

static const metric_row *row(const metric_set *s, const char *metric, const char *by,
                             const char *group)
{
    const metric_row *r = metric_set_find(s, metric, by, group);
    if (!r)
        fail_msg("no row %s by '%s' group '%s'", metric, by, group);
    return r;
}

static void check_group(const metric_set *s, const char *by, const char *group, double parts,
                        double leavers, double on_leaving, double known, double six,
                        double pending)
{
    assert_true(row(s, FUNDER_PARTICIPANTS, by, group)->value == parts);
    const metric_row *l = row(s, FUNDER_ON_LEAVING, by, group);
    assert_true(l->denominator == leavers && l->numerator == on_leaving);
    const metric_row *m = row(s, FUNDER_SIX_MONTHS, by, group);
    assert_true(m->denominator == known && m->numerator == six);
    assert_true(row(s, FUNDER_NOT_YET_KNOWN, by, group)->value == pending);
}

static void hand_computed_figures(void **state)
{
    (void)state;
    warehouse *wh = esf_fixture();
    ips_day start, s_start;
    assert_true(date_parse_iso("2024-01-01", &start));
    metric_set *s = esf_rows(wh, true, start, &s_start);
    assert_int_equal(s_start, start);
    check_group(s, "", "", 6, 4, 2, 3, 1, 1);
    assert_true(row(s, FUNDER_ON_LEAVING, "", "")->value == 50.0);
    assert_true(row(s, FUNDER_SIX_MONTHS, "", "")->value == 33.3);
    /* age at entry in the ESF+ bands, in funder_age_groups' order */
    const double ages[FUNDER_AGE_GROUPS] = {1, 2, 1, 1, 1};
    for (int k = 0; k < FUNDER_AGE_GROUPS; k++)
        assert_true(row(s, FUNDER_PARTICIPANTS, "age_group", funder_age_groups[k])->value ==
                    ages[k]);
    check_group(s, "age_group", "18-29", 2, 1, 0, 1, 0, 0);
    assert_true(row(s, FUNDER_PARTICIPANTS, "gender", "f")->value == 3);
    assert_true(row(s, FUNDER_PARTICIPANTS, "gender", "m")->value == 1);
    assert_true(row(s, FUNDER_PARTICIPANTS, "gender", "x")->value == 1);
    assert_true(row(s, FUNDER_PARTICIPANTS, "gender", "")->value == 1);
    check_group(s, "provider", "P1", 3, 3, 2, 2, 1, 1);
    check_group(s, "provider", "P2", 3, 1, 0, 1, 0, 0);
    assert_true(row(s, FUNDER_PARTICIPANTS, "age_group", "<18")->value == 1);
    metric_set_free(s);
    fixture_close(wh);
}

/* Without a start the span begins on the data's first day (e's first
 * episode, 2023-11-01): e enters then, with k1 (P1), and is still counted once. */
static void start_defaults_to_the_first_day(void **state)
{
    (void)state;
    warehouse *wh = esf_fixture();
    metric_query q = esf_query(true);
    ips_day first, expect, s_start;
    ips_diag d;
    assert_int_equal(funder_first_day(wh, &q, &first, &d), IPS_OK);
    assert_true(date_parse_iso("2023-11-01", &expect));
    assert_int_equal(first, expect);
    metric_set *s = esf_rows(wh, true, IPS_DAY_NONE, &s_start);
    assert_int_equal(s_start, expect);
    check_group(s, "", "", 6, 4, 2, 3, 1, 1);
    assert_true(row(s, FUNDER_PARTICIPANTS, "provider", "P1")->value == 4);
    assert_true(row(s, FUNDER_PARTICIPANTS, "provider", "P2")->value == 2);
    metric_set_free(s);
    fixture_close(wh);
}

/* Published, no count of 1 … 4 shows, hidden cells say so, and the audit
 * recovers none of them. */
static void suppressed_and_audited(void **state)
{
    (void)state;
    warehouse *wh = esf_fixture();
    ips_day start;
    assert_true(date_parse_iso("2024-01-01", &start));
    metric_set *s = esf_rows(wh, false, start, NULL);
    size_t hidden = 0;
    for (size_t i = 0; i < s->n; i++) {
        const metric_row *r = &s->rows[i];
        if (r->suppressed) {
            hidden++;
            assert_true(r->text[0] != '\0');
            continue;
        }
        if (r->kind == MK_COUNT && (r->has & MH_VALUE))
            assert_false(r->value >= 1 && r->value < 5);
        if (r->has & MH_NUMERATOR)
            assert_false(r->numerator >= 1 && r->numerator < 5);
    }
    assert_true(hidden > 0);
    assert_true(row(s, FUNDER_PARTICIPANTS, "", "")->value == 6);
    metric_query q = esf_query(false);
    disclosure_audit a;
    ips_diag d;
    ips_diag_clear(&d);
    if (funder_audit(wh, &q, start, &a, &d) != IPS_OK)
        fail_msg("funder_audit: %s", d.msg);
    assert_true(a.hidden > 0);
    if (a.recovered != 0)
        fail_msg("%zu recovered: %s", a.recovered, a.example);
    metric_set_free(s);
    fixture_close(wh);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hand_computed_figures),
        cmocka_unit_test(start_defaults_to_the_first_day),
        cmocka_unit_test(suppressed_and_audited),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
