/* Funding fees (metrics.md "Funding", R21) and tariff files (docs/tariff.md).
 * Every expected number is worked out by hand next to its fixture. */
#include <math.h>

#include "model/funding.h"
#include "tests/unit/fixture.h"

/* This cmocka has no assert_double_equal. */
#define assert_near(a, b, eps)                                                  \
    do {                                                                        \
        double a_ = (a), b_ = (b);                                              \
        if (!(fabs(a_ - b_) <= (eps)))                                          \
            fail_msg("%s is %.6f, expected %.6f", #a, a_, b_);                  \
    } while (0)

static void coach(warehouse *wh, const char *id, const char *provider)
{
    char sql[512];
    snprintf(sql, sizeof sql, "INSERT INTO coaches(coach_id, provider_id, fte, start_date, " FIX_COLS
             ") VALUES('%s', '%s', 1, '2023-01-01', " FIX_VALS ")", id, provider);
    fixture_sql(wh, sql);
}

/* An episode of its own client; coach, end and reason may be NULL. */
static void episode(warehouse *wh, const char *id, const char *coach_id, const char *service,
                    const char *start, const char *end, const char *reason)
{
    char sql[768], cid[64];
    snprintf(cid, sizeof cid, "c_%s", id);
    snprintf(sql, sizeof sql, "INSERT INTO clients(client_id, " FIX_COLS ") VALUES('%s', " FIX_VALS ")",
             cid);
    fixture_sql(wh, sql);
    snprintf(sql, sizeof sql,
             "INSERT INTO enrollments(enrollment_id, client_id, coach_id, service, start_date,"
             " end_date, exit_reason, " FIX_COLS ") VALUES('%s', '%s', %s%s%s, '%s', '%s', %s%s%s,"
             " %s%s%s, " FIX_VALS ")",
             id, cid, coach_id ? "'" : "", coach_id ? coach_id : "NULL", coach_id ? "'" : "",
             service, start, end ? "'" : "", end ? end : "NULL", end ? "'" : "",
             reason ? "'" : "", reason ? reason : "NULL", reason ? "'" : "");
    fixture_sql(wh, sql);
}

/* P = 2024Q3 = 2024-07-01 .. 2024-09-30.  Coaches k1, k3 of provider P1, k2 of P2.
 *   e1 P1 ips  start 07-10, open                       → start
 *   e2 P1 ips  01-05 .. 08-15 employed_open            → outcome
 *   e3 P2 ips  02-01 .. 09-30 sick_leave               → guidance (last day of P counts)
 *   e4 P2 ips  09-30 .. 09-30 work_trial               → start and guidance
 *   e5 P1 ips  06-30 .. 07-01 pension                  → guidance (started before P)
 *   e6 P2 ips  07-01 .. 10-01 employed_open            → start; the exit is after P
 *   e7 P1 group 07-05 .. 08-01 employed_open           → nothing (not ips, R21)
 *   e8 --  ips 08-01 .. 09-01 moved, no coach          → start in provider ""
 *   e9 P1 ips  03-01 .. 07-15 employed_subsidized      → nothing by default
 * Default reasons:
 *   P1: start 1 (e1), guidance 1 (e5), outcome 1 (e2)
 *   P2: start 2 (e4, e6), guidance 2 (e3, e4), outcome 0
 *   "": start 1 (e8), guidance 0, outcome 0 (moved is in neither list)
 *   all: start 4, guidance 3, outcome 1 */
static warehouse *fees_fixture(void)
{
    warehouse *wh = fixture_open();
    coach(wh, "k1", "P1");
    coach(wh, "k2", "P2");
    coach(wh, "k3", "P1");
    episode(wh, "e1", "k1", "ips", "2024-07-10", NULL, NULL);
    episode(wh, "e2", "k1", "ips", "2024-01-05", "2024-08-15", "employed_open");
    episode(wh, "e3", "k2", "ips", "2024-02-01", "2024-09-30", "sick_leave");
    episode(wh, "e4", "k2", "ips", "2024-09-30", "2024-09-30", "work_trial");
    episode(wh, "e5", "k1", "ips", "2024-06-30", "2024-07-01", "pension");
    episode(wh, "e6", "k2", "ips", "2024-07-01", "2024-10-01", "employed_open");
    episode(wh, "e7", "k1", "group", "2024-07-05", "2024-08-01", "employed_open");
    episode(wh, "e8", NULL, "ips", "2024-08-01", "2024-09-01", "moved");
    episode(wh, "e9", "k3", "ips", "2024-03-01", "2024-07-15", "employed_subsidized");
    return wh;
}

static double val(const metric_set *set, const char *metric, const char *group_by,
                  const char *group)
{
    const metric_row *r = metric_set_find(set, metric, group_by, group);
    if (!r)
        fail_msg("no row %s by '%s' group '%s'", metric, group_by, group);
    assert_true(r->has & MH_VALUE);
    return r->value;
}

static void fees_whole_and_by_provider(void **state)
{
    (void)state;
    warehouse *wh = fees_fixture();
    metric_set *set = fixture_metrics(wh, "2024Q3", NULL, GROUP_NONE);
    assert_near(val(set, "fee_start", "", ""), 4, 0);
    assert_near(val(set, "fee_guidance", "", ""), 3, 0);
    assert_near(val(set, "fee_outcome", "", ""), 1, 0);
    assert_int_equal(fixture_row(set, "fee_start", NULL)->kind, MK_COUNT);
    metric_set_free(set);

    set = fixture_metrics(wh, "2024Q3", NULL, GROUP_PROVIDER);
    assert_near(val(set, "fee_start", "provider", "P1"), 1, 0);
    assert_near(val(set, "fee_guidance", "provider", "P1"), 1, 0);
    assert_near(val(set, "fee_outcome", "provider", "P1"), 1, 0);
    assert_near(val(set, "fee_start", "provider", "P2"), 2, 0);
    assert_near(val(set, "fee_guidance", "provider", "P2"), 2, 0);
    assert_near(val(set, "fee_outcome", "provider", "P2"), 0, 0);
    assert_near(val(set, "fee_start", "provider", ""), 1, 0);
    assert_near(val(set, "fee_outcome", "provider", ""), 0, 0);
    metric_set_free(set);
    fixture_close(wh);
}

static metric_set *compute(warehouse *wh, const char *period, const char *as_of,
                           const char *const *guidance, const char *const *outcome,
                           ips_error want, ips_diag *d)
{
    metric_query q;
    metric_query_init(&q);
    assert_int_equal(metric_period_parse(period, &q.start, &q.end, d), IPS_OK);
    if (as_of)
        assert_true(date_parse_iso(as_of, &q.as_of));
    q.internal = true;
    q.by = GROUP_PROVIDER;
    q.guidance_reasons = guidance;
    q.outcome_reasons = outcome;
    metric_set *set = metric_set_new();
    assert_int_equal(metrics_compute(wh, &q, set, d), want);
    return set;
}

/* Guidance = {pension} only: P1 1 (e5), P2 0 (sick_leave and work_trial no longer count).
 * Outcome = {employed_open, employed_subsidized}: P1 2 (e2, e9). */
static void custom_reason_lists(void **state)
{
    (void)state;
    warehouse *wh = fees_fixture();
    static const char *const guid[] = {"pension", NULL};
    static const char *const outc[] = {"employed_open", "employed_subsidized", NULL};
    ips_diag d;
    metric_set *set = compute(wh, "2024Q3", NULL, guid, outc, IPS_OK, &d);
    assert_near(val(set, "fee_guidance", "provider", "P1"), 1, 0);
    assert_near(val(set, "fee_guidance", "provider", "P2"), 0, 0);
    assert_near(val(set, "fee_outcome", "provider", "P1"), 2, 0);
    assert_near(val(set, "fee_start", "provider", "P2"), 2, 0);
    metric_set_free(set);

    /* An empty list pays no guidance fee at all. */
    static const char *const none[] = {NULL};
    set = compute(wh, "2024Q3", NULL, none, NULL, IPS_OK, &d);
    assert_near(val(set, "fee_guidance", "provider", "P2"), 0, 0);
    assert_near(val(set, "fee_outcome", "provider", "P1"), 1, 0);
    metric_set_free(set);

    /* A misspelt reason is refused, named, with the codes to choose from. */
    static const char *const bad[] = {"pension", "sick", NULL};
    set = compute(wh, "2024Q3", NULL, bad, NULL, IPS_ERR_USAGE, &d);
    assert_non_null(strstr(d.msg, "'sick'"));
    assert_non_null(strstr(d.msg, "sick_leave"));
    metric_set_free(set);
    fixture_close(wh);
}

/* A = 2024-09-15 (R1): e4 starts after A and is gone; e3's end 09-30 reads as
 * open, so its sick_leave is ignored.  P2: start 1 (e6), guidance 0. */
static void as_of_hides_later_events(void **state)
{
    (void)state;
    warehouse *wh = fees_fixture();
    ips_diag d;
    metric_set *set = compute(wh, "2024Q3", "2024-09-15", NULL, NULL, IPS_OK, &d);
    assert_near(val(set, "fee_start", "provider", "P2"), 1, 0);
    assert_near(val(set, "fee_guidance", "provider", "P2"), 0, 0);
    assert_near(val(set, "fee_guidance", "provider", "P1"), 1, 0);
    metric_set_free(set);
    fixture_close(wh);
}

/* No episodes at all: the whole still has its three rows, each 0. */
static void empty_warehouse_gives_zero_counts(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    metric_set *set = fixture_metrics(wh, "2024Q3", NULL, GROUP_NONE);
    assert_near(val(set, "fee_start", "", ""), 0, 0);
    assert_near(val(set, "fee_outcome", "", ""), 0, 0);
    metric_set_free(set);
    fixture_close(wh);
}

static const char good_tariff[] =
    "; Tariff of the fees, euros\n"
    "[default]\n"
    "fee_start = 500\n"
    "fee_guidance = 1 200,50 \xe2\x82\xac\n"
    "fee_outcome = 3000\n"
    "\n"
    "[provider P2]\n"
    "tulospalkkio = 4000\n"
    "fee_start = 450.5   ; a discount\n";

static void tariff_prices(void **state)
{
    (void)state;
    funding_tariff *t;
    ips_diag d;
    assert_int_equal(funding_tariff_parse(good_tariff, "t.ini", &t, &d), IPS_OK);
    assert_near(funding_tariff_price(t, "fee_start", "P1"), 500, 1e-9);
    assert_near(funding_tariff_price(t, "fee_start", "P2"), 450.5, 1e-9);
    assert_near(funding_tariff_price(t, "fee_guidance", "P2"), 1200.5, 1e-9); /* default */
    assert_near(funding_tariff_price(t, "fee_outcome", "P2"), 4000, 1e-9);
    assert_near(funding_tariff_price(t, "fee_outcome", ""), 3000, 1e-9);
    assert_near(funding_tariff_price(t, "fee_outcome", NULL), 3000, 1e-9);
    assert_true(isnan(funding_tariff_price(t, "fee_bonus", "P1")));
    funding_tariff_free(t);

    /* Without [default], a provider not named has no prices. */
    assert_int_equal(funding_tariff_parse("[provider P2]\nfee_start=1\n", "t.ini", &t, &d), IPS_OK);
    assert_true(isnan(funding_tariff_price(t, "fee_start", "P1")));
    assert_true(isnan(funding_tariff_price(t, "fee_outcome", "P2")));
    funding_tariff_free(t);
    funding_tariff_free(NULL);
}

/* The Finnish spellings of docs/tariff.md, a BOM and CRLF line ends. */
static void tariff_finnish_names(void **state)
{
    (void)state;
    funding_tariff *t;
    ips_diag d;
    assert_int_equal(funding_tariff_parse("\xef\xbb\xbf[Oletus]\r\naloitusmaksu = 5\r\n"
                                          "[palveluntuottaja X 1]\r\nTULOSPALKKIO=7 euroa\r\n"
                                          "ohjausmaksu = 1\xc2\xa0" "000\r\n", "t.ini", &t, &d),
                     IPS_OK);
    assert_near(funding_tariff_price(t, "fee_start", "X 1"), 5, 1e-9);
    assert_near(funding_tariff_price(t, "fee_outcome", "X 1"), 7, 1e-9);
    assert_near(funding_tariff_price(t, "fee_guidance", "X 1"), 1000, 1e-9);
    assert_true(isnan(funding_tariff_price(t, "fee_outcome", "x 1"))); /* ids are exact */
    funding_tariff_free(t);
}

/* samples/tariff.ini is what docs/tariff.md shows; it must load. */
static void sample_tariff_loads(void **state)
{
    (void)state;
    const char *root = getenv("IPS_ROOT");
    char path[512];
    snprintf(path, sizeof path, "%s/samples/tariff.ini", root ? root : ".");
    funding_tariff *t;
    ips_diag d;
    if (funding_tariff_load(path, &t, &d) != IPS_OK)
        fail_msg("%s", d.msg);
    assert_near(funding_tariff_price(t, "fee_outcome", "P9"), 2500, 1e-9);
    assert_near(funding_tariff_price(t, "fee_outcome", "valmennuslehto"), 2800.5, 1e-9);
    assert_near(funding_tariff_price(t, "fee_start", "valmennuslehto"), 450, 1e-9);
    funding_tariff_free(t);
}

static void expect_tariff_error(const char *text, ips_error code, const char *where,
                                const char *what)
{
    funding_tariff *t = (funding_tariff *)1;
    ips_diag d;
    ips_diag_clear(&d);
    assert_int_equal(funding_tariff_parse(text, "tariff.ini", &t, &d), code);
    assert_null(t);
    if (!strstr(d.msg, where) || !strstr(d.msg, what))
        fail_msg("message '%s' lacks '%s' or '%s'", d.msg, where, what);
}

static void tariff_errors_name_file_and_line(void **state)
{
    (void)state;
    expect_tariff_error("[default]\nfee_start = 500\nfee_guidance = 12x0\n", IPS_ERR_TARIFF,
                        "tariff.ini:3:", "'12x0' is not a price");
    expect_tariff_error("[default]\nfee_strat = 500\n", IPS_ERR_TARIFF, "tariff.ini:2:",
                        "'fee_strat' is not a fee");
    expect_tariff_error("fee_start = 500\n", IPS_ERR_TARIFF, "tariff.ini:1:", "not under a section");
    expect_tariff_error("[default]\n\n[prices]\nfee_start = 1\n", IPS_ERR_TARIFF, "tariff.ini:4:",
                        "[prices] is not understood");
    expect_tariff_error("[default]\nfee_start = 1\n[provider P1]\nfee_start = 2\nfee_start = 3\n",
                        IPS_ERR_TARIFF, "tariff.ini:5:", "also on line 4");
    expect_tariff_error("[default]\nfee_start = -5\n", IPS_ERR_TARIFF, "tariff.ini:2:",
                        "not a price");
    expect_tariff_error("[default]\nfee_start =\n", IPS_ERR_TARIFF, "tariff.ini:2:", "no price");
    expect_tariff_error("[default]\nfee_start = 1\n  2\n", IPS_ERR_TARIFF, "tariff.ini:3:",
                        "begins with a blank");
    /* A syntax error before a wrong value is the one reported. */
    expect_tariff_error("[default]\nthis is not a setting\nfee_x = 1\n", IPS_ERR_TARIFF,
                        "tariff.ini:2:", "neither a [section]");
    expect_tariff_error("; nothing here\n", IPS_ERR_TARIFF, "tariff.ini", "gives no prices");
}

static void tariff_file_load(void **state)
{
    (void)state;
    char path[] = "/tmp/ipstariffXXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs("[default]\r\nfee_start = 500\r\nfee_outcome = 3 000 EUR\r\nfee_guidance = 1.5.0\r\n", f);
    assert_int_equal(fclose(f), 0);
    funding_tariff *t;
    ips_diag d;
    assert_int_equal(funding_tariff_load(path, &t, &d), IPS_ERR_TARIFF);
    char where[64];
    snprintf(where, sizeof where, "%s:4: fee_guidance", path);
    assert_non_null(strstr(d.msg, where));
    unlink(path);
    assert_int_equal(funding_tariff_load(path, &t, &d), IPS_ERR_IO);
    assert_non_null(strstr(d.msg, path));
    assert_null(t);
}

static const metric_row *amount(const metric_set *set, const char *metric, const char *group_by,
                                const char *group)
{
    const metric_row *r = metric_set_find(set, metric, group_by, group);
    if (!r)
        fail_msg("no row %s by '%s' group '%s'", metric, group_by, group);
    return r;
}

/* good_tariff on the fees fixture (default reasons):
 *   P1: start 1 × 500 = 500; guidance 1 × 1200.50 = 1200.50; outcome 1 × 3000 = 3000;
 *       total 4700.50
 *   P2: start 2 × 450.50 = 901; guidance 2 × 1200.50 (default) = 2401; outcome 0 × 4000 = 0;
 *       total 3302
 *   "": start 1 × 500 = 500; others 0; total 500
 *   all: start 1901; guidance 3601.50; outcome 3000; total 8502.50 */
static void amounts_per_provider(void **state)
{
    (void)state;
    warehouse *wh = fees_fixture();
    funding_tariff *t;
    ips_diag d;
    assert_int_equal(funding_tariff_parse(good_tariff, "t.ini", &t, &d), IPS_OK);
    metric_query q;
    metric_query_init(&q);
    assert_int_equal(metric_period_parse("2024Q3", &q.start, &q.end, &d), IPS_OK);
    q.by = GROUP_GENDER; /* ignored: amounts are per provider */
    q.internal = true;   /* nothing hidden */
    metric_set *set = metric_set_new();
    assert_int_equal(funding_amounts(wh, &q, t, set, &d), IPS_OK);
    assert_near(val(set, "fee_start_eur", "provider", "P1"), 500, 1e-9);
    assert_near(val(set, "fee_guidance_eur", "provider", "P1"), 1200.5, 1e-9);
    assert_near(val(set, "fee_total_eur", "provider", "P1"), 4700.5, 1e-9);
    assert_near(val(set, "fee_start_eur", "provider", "P2"), 901, 1e-9);
    assert_near(val(set, "fee_guidance_eur", "provider", "P2"), 2401, 1e-9);
    assert_near(val(set, "fee_outcome_eur", "provider", "P2"), 0, 1e-9);
    assert_near(val(set, "fee_total_eur", "provider", "P2"), 3302, 1e-9);
    assert_near(val(set, "fee_total_eur", "provider", ""), 500, 1e-9);
    assert_near(val(set, "fee_start_eur", "", ""), 1901, 1e-9);
    assert_near(val(set, "fee_guidance_eur", "", ""), 3601.5, 1e-9);
    assert_near(val(set, "fee_total_eur", "", ""), 8502.5, 1e-9);
    const metric_row *r = amount(set, "fee_start_eur", "provider", "P2");
    assert_near(r->numerator, 2, 0);
    assert_int_equal(r->decimals, 2);
    for (size_t i = 0; i < set->n; i++)
        assert_false(set->rows[i].suppressed);
    metric_set_free(set);
    funding_tariff_free(t);

    /* Only P2 priced: P1's fees with counts above 0 have no amount, nor has
     * any total that includes them.  P2: start 2 × 100 = 200, guidance 2 × 10
     * = 20, outcome 0 fees (no price needed) = 0, total 220. */
    assert_int_equal(funding_tariff_parse("[provider P2]\nfee_start = 100\nfee_guidance = 10\n",
                                          "t.ini", &t, &d), IPS_OK);
    set = metric_set_new();
    assert_int_equal(funding_amounts(wh, &q, t, set, &d), IPS_OK);
    assert_false(amount(set, "fee_start_eur", "provider", "P1")->has & MH_VALUE);
    assert_false(amount(set, "fee_total_eur", "provider", "P1")->has & MH_VALUE);
    assert_false(amount(set, "fee_start_eur", "", "")->has & MH_VALUE);
    assert_false(amount(set, "fee_total_eur", "", "")->has & MH_VALUE);
    assert_near(val(set, "fee_start_eur", "provider", "P2"), 200, 1e-9);
    assert_near(val(set, "fee_outcome_eur", "provider", "P2"), 0, 0);
    assert_near(val(set, "fee_total_eur", "provider", "P2"), 220, 1e-9);
    metric_set_free(set);
    funding_tariff_free(t);
    fixture_close(wh);
}

/* Published amounts never show a small count: wherever the count of a fee is
 * 1..4 its amount is hidden, and so is the total it is part of.  (Checked
 * only when metric_set_suppress hides small counts at all.) */
static void amounts_follow_suppression(void **state)
{
    (void)state;
    metric_set *probe = metric_set_new();
    metric_row *p = metric_set_add(probe, "fee_start");
    p->kind = MK_COUNT;
    p->has = MH_VALUE;
    p->value = 1;
    metric_set_suppress(probe, 5);
    bool active = probe->rows[0].suppressed;
    metric_set_free(probe);
    if (!active)
        skip();
    warehouse *wh = fees_fixture();
    funding_tariff *t;
    ips_diag d;
    assert_int_equal(funding_tariff_parse(good_tariff, "t.ini", &t, &d), IPS_OK);
    metric_query q;
    metric_query_init(&q);
    assert_int_equal(metric_period_parse("2024Q3", &q.start, &q.end, &d), IPS_OK);
    metric_set *set = metric_set_new();
    assert_int_equal(funding_amounts(wh, &q, t, set, &d), IPS_OK);
    for (size_t i = 0; i < set->n; i++) {
        const metric_row *r = &set->rows[i];
        if ((r->has & MH_NUMERATOR) && r->numerator >= 1 && r->numerator <= 4)
            assert_true(r->suppressed);
    }
    assert_true(amount(set, "fee_total_eur", "provider", "P1")->suppressed);
    metric_set_free(set);
    funding_tariff_free(t);
    fixture_close(wh);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fees_whole_and_by_provider),
        cmocka_unit_test(custom_reason_lists),
        cmocka_unit_test(as_of_hides_later_events),
        cmocka_unit_test(empty_warehouse_gives_zero_counts),
        cmocka_unit_test(tariff_prices),
        cmocka_unit_test(tariff_finnish_names),
        cmocka_unit_test(sample_tariff_loads),
        cmocka_unit_test(tariff_errors_name_file_and_line),
        cmocka_unit_test(tariff_file_load),
        cmocka_unit_test(amounts_per_provider),
        cmocka_unit_test(amounts_follow_suppression),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
