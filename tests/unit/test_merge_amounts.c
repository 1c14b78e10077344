/* fidelity_review_merge() and funding_amounts() pinned field by field.
 *
 * Both APIs moved from the legacy SQL onto the engine's facts; this test
 * holds them to what the legacy implementation gave.  Each case writes every
 * field of the results as text and compares it with the file
 * tests/unit/merge_amounts/<case>.txt, which was captured from the legacy
 * code (commit "Pin fidelity_review_merge and funding_amounts ...") and is
 * not to be edited by hand.  With MERGE_AMOUNTS_WRITE=DIR the actual text is
 * also written to DIR/<case>.txt, to show a difference or to recapture.
 *
 * Fixtures: the samples (three providers, a year and more of episodes) with
 * extra reviews that exercise every rule of the review list (ties, rows that
 * disagree on unit, date or reviewer, ranges, statuses, missing items, units
 * that are and are not providers); a small hand-made one with small cells;
 * and an empty warehouse. */
#include <math.h>

#include "ingest/ingest.h"
#include "model/fidelity.h"
#include "model/funding.h"
#include "tests/unit/fidelity_fixture.h"

/* ---- the text of a result --------------------------------------------- */

typedef struct {
    char *s;
    size_t n, cap;
} text;

static void put(text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int need = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    assert_true(need >= 0);
    if (t->n + (size_t)need + 1 > t->cap) {
        t->cap = (t->n + (size_t)need + 1) * 2;
        t->s = realloc(t->s, t->cap);
        assert_non_null(t->s);
    }
    va_start(ap, fmt);
    vsnprintf(t->s + t->n, t->cap - t->n, fmt, ap);
    va_end(ap);
    t->n += (size_t)need;
}

static void put_reviews(text *t, const fidelity_review_list *list)
{
    put(t, "reviews %zu\n", list->n);
    for (size_t i = 0; i < list->n; i++) {
        const fidelity_review *r = &list->reviews[i];
        put(t, "R %s|%s|%d|%s|prov=%d|total=%d..%d|rated=%d|pro=%.17g..%.17g|band=%s\n",
            r->review_id, r->unit, (int)r->review_date, r->reviewer, r->data_for_provider,
            r->total_low, r->total_high, r->items_rated, r->prorated_low, r->prorated_high,
            r->band);
        put(t, "I");
        for (int k = 0; k < FIDELITY_ITEMS; k++) {
            const fidelity_merged_item *it = &r->items[k];
            put(t, " %d:%d:%d:%d:%d:%d:%d", it->item, (int)it->section, (int)it->status,
                it->score, it->score_high, it->data_score, it->differs);
        }
        put(t, "\n");
    }
}

static void put_rows(text *t, const metric_set *set)
{
    put(t, "rows %zu\n", set->n);
    for (size_t i = 0; i < set->n; i++) {
        const metric_row *r = &set->rows[i];
        put(t, "%s|%d..%d|%s|%s|k%d|h%u|%.17g|%.17g|%.17g|s%d|%s|d%d|%s\n", r->metric,
            (int)r->period_start, (int)r->period_end, r->group_by, r->group, (int)r->kind,
            r->has, r->numerator, r->denominator, r->value, r->score, r->text, r->decimals,
            r->suppressed ? "hidden" : "shown");
    }
}

static char *slurp(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    text t = {0};
    char buf[4096];
    size_t got;
    put(&t, "%s", "");
    while ((got = fread(buf, 1, sizeof buf, fp)) > 0)
        put(&t, "%.*s", (int)got, buf);
    fclose(fp);
    return t.s;
}

/* Compares t with the captured text of case name, naming the first line
 * that differs. */
static void expect(const char *name, const text *t)
{
    const char *out = getenv("MERGE_AMOUNTS_WRITE");
    char path[512];
    if (out && *out) {
        snprintf(path, sizeof path, "%s/%s.txt", out, name);
        FILE *fp = fopen(path, "wb");
        assert_non_null(fp);
        fwrite(t->s, 1, t->n, fp);
        fclose(fp);
    }
    const char *root = getenv("IPS_ROOT");
    snprintf(path, sizeof path, "%s/tests/unit/merge_amounts/%s.txt", root ? root : ".", name);
    char *want = slurp(path);
    if (!want)
        fail_msg("cannot read %s", path);
    const char *a = t->s, *b = want;
    for (int line = 1;; line++) {
        size_t la = strcspn(a, "\n"), lb = strcspn(b, "\n");
        if (la != lb || memcmp(a, b, la) != 0)
            fail_msg("%s line %d:\n  got  %.*s\n  want %.*s", name, line, (int)la, a, (int)lb, b);
        if (!a[la] || !b[lb]) {
            if (a[la] != b[lb])
                fail_msg("%s: lengths differ after line %d", name, line);
            break;
        }
        a += la + 1;
        b += lb + 1;
    }
    free(want);
}

/* ---- running the APIs ------------------------------------------------- */

typedef struct {
    const char *period;        /* "2024Q4" */
    const char *as_of;         /* NULL: from the data */
    bool internal;
    int min_cell;              /* 0: the default */
    const char *const *guidance, *const *outcome;
} setting;

static metric_query query(const setting *s)
{
    metric_query q;
    metric_query_init(&q);
    ips_diag d;
    ips_diag_clear(&d);
    assert_int_equal(metric_period_parse(s->period, &q.start, &q.end, &d), IPS_OK);
    if (s->as_of)
        assert_true(date_parse_iso(s->as_of, &q.as_of));
    q.internal = s->internal;
    if (s->min_cell)
        q.min_cell = s->min_cell;
    q.guidance_reasons = s->guidance;
    q.outcome_reasons = s->outcome;
    q.by = GROUP_TEAM; /* both APIs say they ignore q->by */
    return q;
}

static void put_setting(text *t, const char *what, const setting *s, const char *review_id)
{
    put(t, "== %s %s as_of=%s internal=%d min_cell=%d guidance=%s outcome=%s review=%s\n", what,
        s->period, s->as_of ? s->as_of : "-", s->internal, s->min_cell,
        s->guidance ? s->guidance[0] ? s->guidance[0] : "(none)" : "-",
        s->outcome ? s->outcome[0] ? s->outcome[0] : "(none)" : "-",
        review_id ? review_id : "-");
}

static void merge_case(text *t, warehouse *wh, const setting *s, const char *review_id)
{
    put_setting(t, "merge", s, review_id);
    metric_query q = query(s);
    fidelity_review_list *list = NULL;
    ips_diag d;
    ips_diag_clear(&d);
    ips_error e = fidelity_review_merge(wh, &q, review_id, &list, &d);
    if (e != IPS_OK) {
        assert_null(list);
        put(t, "error %d %s\n", (int)e, d.msg);
        return;
    }
    put_reviews(t, list);
    fidelity_review_list_free(list);
}

static void amounts_case(text *t, warehouse *wh, const setting *s, const funding_tariff *tariff)
{
    put_setting(t, "amounts", s, NULL);
    metric_query q = query(s);
    metric_set *set = metric_set_new();
    /* funding_amounts appends: a row already there must stay first and as it is. */
    metric_row *mark = metric_set_add(set, "already_there");
    assert_non_null(mark);
    mark->value = 42;
    ips_diag d;
    ips_diag_clear(&d);
    ips_error e = funding_amounts(wh, &q, tariff, set, &d);
    if (e != IPS_OK)
        put(t, "error %d %s\n", (int)e, d.msg);
    put_rows(t, set);
    metric_set_free(set);
}

static funding_tariff *tariff_of(const char *text_)
{
    funding_tariff *t = NULL;
    ips_diag d;
    ips_diag_clear(&d);
    if (funding_tariff_parse(text_, "test.ini", &t, &d) != IPS_OK)
        fail_msg("tariff: %s", d.msg);
    return t;
}

static funding_tariff *sample_tariff(void)
{
    const char *root = getenv("IPS_ROOT");
    char path[512];
    snprintf(path, sizeof path, "%s/samples/tariff.ini", root ? root : ".");
    funding_tariff *t = NULL;
    ips_diag d;
    ips_diag_clear(&d);
    if (funding_tariff_load(path, &t, &d) != IPS_OK)
        fail_msg("tariff: %s", d.msg);
    return t;
}

/* No guidance price by default; one provider has its own. */
static const char partial_tariff[] = "[default]\nfee_start = 300\nfee_outcome = 1000\n"
                                     "[provider tyopaja_orimattila]\nfee_guidance = 750.25\n"
                                     "[provider P2]\nfee_guidance = 10\n";

static const char *const guid_pension[] = {"pension", "education", NULL};
static const char *const outc_two[] = {"employed_open", "employed_subsidized", NULL};
static const char *const no_reasons[] = {NULL};
static const char *const bad_reasons[] = {"pension", "sick", NULL};

/* ---- fixtures --------------------------------------------------------- */

static void review_row(warehouse *wh, const char *review, const char *unit, const char *date,
                       int item, const char *status, int score, int high, const char *reviewer)
{
    sqlf(wh,
         "INSERT INTO fidelity_reviews(review_id, item, unit, review_date, status, score,"
         " score_high, reviewer, " FIX_COLS ") VALUES('%s', %d, '%s', '%s', '%s', %s, %s, %s, "
         FIX_VALS ")",
         review, item, unit, date, status, score > 0 ? num(score) : "NULL",
         high > 0 ? num(high) : "NULL", lit(reviewer));
}

/* A review of all 25 items whose scores follow seed: rated with a range on
 * every fourth item, not_applicable on every seventh, not_rated on every
 * ninth, and the items in skip left without a row (missing). */
static void full_review(warehouse *wh, const char *review, const char *unit, const char *date,
                        int seed, int skip, const char *reviewer)
{
    for (int i = 1; i <= FIDELITY_ITEMS; i++) {
        if (skip && i % skip == 0)
            continue;
        int score = 1 + (i * 7 + seed) % 5;
        if (i % 7 == 0)
            review_row(wh, review, unit, date, i, "not_applicable", 0, 0, reviewer);
        else if (i % 9 == 0)
            review_row(wh, review, unit, date, i, "not_rated", 0, 0, reviewer);
        else
            review_row(wh, review, unit, date, i, "rated", score,
                       i % 4 == 0 && score < 5 ? score + 1 : 0, reviewer);
    }
}

static void extra_reviews(warehouse *wh)
{
    /* Two reviews of one provider on one day: the later review_id is the latest. */
    full_review(wh, "orim-2024a", "tyopaja_orimattila", "2024-05-10", 1, 0, "ELY A");
    full_review(wh, "orim-2024b", "tyopaja_orimattila", "2024-05-10", 3, 11, "ELY B");
    full_review(wh, "orim-2023", "tyopaja_orimattila", "2023-10-01", 2, 0, NULL);
    /* Rows that disagree: unit, date and reviewer are the maxima over the rows. */
    full_review(wh, "saatio-mixed", "kuntoutussaatio", "2024-02-01", 4, 6, "A");
    review_row(wh, "saatio-mixed", "kuntoutus", "2024-03-15", 6, "rated", 2, 4, "B");
    review_row(wh, "saatio-mixed", "kuntoutussaatio", "2023-12-01", 12, "rated", 5, 0, NULL);
    review_row(wh, "saatio-mixed", "kuntoutussaatio", "2024-01-01", 18, "not_rated", 0, 0, NULL);
    full_review(wh, "saatio-2024-09", "kuntoutussaatio", "2024-09-20", 0, 5, "ELY");
    /* Not provider ids: data scores are the whole service's. */
    full_review(wh, "koko-2024", "Koko palvelu", "2024-08-01", 2, 3, NULL);
    full_review(wh, "koko-2023", "Koko palvelu", "2023-08-01", 1, 0, "ELY");
    full_review(wh, "blank-unit", "", "2024-04-04", 3, 8, "ELY");
    /* Everything rated 5, and a review rating nothing. */
    for (int i = 1; i <= FIDELITY_ITEMS; i++)
        review_row(wh, "lehto-best", "valmennuslehto", "2024-12-01", i, "rated", 5, 0, "X");
    review_row(wh, "nothing", "tyopaja", "2024-06-06", 3, "not_rated", 0, 0, NULL);
    review_row(wh, "nothing", "tyopaja", "2024-06-06", 4, "not_applicable", 0, 0, NULL);
    full_review(wh, "old-2021", "valmennuslehto", "2021-06-01", 4, 0, "ELY");
}

static warehouse *samples_fixture(void)
{
    warehouse *wh = fixture_open();
    static const char *const names[] = {"coaches", "clients",     "employers",       "enrollments",
                                        "jobs",    "assessments", "contacts",        "fidelity_reviews"};
    const char *root = getenv("IPS_ROOT");
    char *paths[8];
    for (int i = 0; i < 8; i++) {
        char buf[512];
        snprintf(buf, sizeof buf, "%s/samples/canonical/%s.csv", root ? root : ".", names[i]);
        paths[i] = strdup(buf);
        assert_non_null(paths[i]);
    }
    ingest_options opt = {.entity = -1};
    ingest_result *res = NULL;
    ips_diag d;
    ips_diag_clear(&d);
    if (ingest_files(wh, paths, 8, &opt, &res, &d) != IPS_OK)
        fail_msg("ingest: %s", d.msg);
    for (size_t i = 0; i < res->n; i++)
        if (res->files[i].error != IPS_OK)
            fail_msg("ingest %s: %s", res->files[i].path, res->files[i].message);
    ingest_result_free(res);
    for (int i = 0; i < 8; i++)
        free(paths[i]);
    extra_reviews(wh);
    return wh;
}

/* Small cells: test_reviews.c's merge fixture and test_funding.c's fees. */
static warehouse *small_fixture(void)
{
    warehouse *wh = fixture_open();
    add_coach(wh, "k1", "P1", 1.0, 0.90, -1, "2020-01-01", NULL);
    add_coach(wh, "k2", "P2", 0.5, 1.00, -1, "2020-01-01", NULL);
    add_coach(wh, "k3", "P1", 1.0, 0.50, -1, "2020-01-01", NULL);
    static const struct {
        const char *id, *coach, *service, *start, *end, *reason;
    } eps[] = {
        {"e1", "k1", "ips", "2024-07-10", NULL, NULL},
        {"e2", "k1", "ips", "2024-01-05", "2024-08-15", "employed_open"},
        {"e3", "k2", "ips", "2024-02-01", "2024-09-30", "sick_leave"},
        {"e4", "k2", "ips", "2024-09-30", "2024-09-30", "work_trial"},
        {"e5", "k1", "ips", "2024-06-30", "2024-07-01", "pension"},
        {"e6", "k2", "ips", "2024-07-01", "2024-10-01", "employed_open"},
        {"e7", "k1", "group", "2024-07-05", "2024-08-01", "employed_open"},
        {"e8", NULL, "ips", "2024-08-01", "2024-09-01", "moved"},
        {"e9", "k3", "ips", "2024-03-01", "2024-07-15", "employed_subsidized"},
        {"e10", "k3", "ips", "2024-01-01", NULL, NULL},
    };
    for (size_t i = 0; i < sizeof eps / sizeof eps[0]; i++) {
        char c[16];
        snprintf(c, sizeof c, "c-%s", eps[i].id);
        add_client(wh, c, NULL);
        sqlf(wh,
             "INSERT INTO enrollments(enrollment_id, client_id, coach_id, service, start_date,"
             " end_date, exit_reason, " FIX_COLS ") VALUES('%s', '%s', %s, '%s', '%s', %s, %s, "
             FIX_VALS ")",
             eps[i].id, c, lit(eps[i].coach), eps[i].service, eps[i].start, lit(eps[i].end),
             lit(eps[i].reason));
    }
    review_row(wh, "p1-old", "P1", "2024-01-15", 1, "rated", 1, 0, "ELY");
    review_row(wh, "p1-new", "P1", "2024-06-01", 1, "rated", 3, 5, "ELY");
    review_row(wh, "p1-new", "P1", "2024-06-01", 2, "rated", 2, 0, "ELY");
    review_row(wh, "p1-new", "P1", "2024-06-01", 15, "not_rated", 0, 0, "ELY");
    review_row(wh, "svc", "Koko palvelu", "2024-03-01", 1, "rated", 2, 0, NULL);
    review_row(wh, "p2", "P2", "2024-09-01", 2, "rated", 1, 3, NULL);
    review_row(wh, "gone", "x", "2023-06-01", 1, "rated", 4, 0, NULL);
    return wh;
}

/* ---- cases ------------------------------------------------------------ */

static const setting merge_settings[] = {
    {"2024Q4", NULL, true, 0, NULL, NULL},
    {"2024Q4", NULL, false, 0, NULL, NULL},
    {"2024Q4", "2024-06-30", false, 3, NULL, NULL},
    {"2024Q3", NULL, true, 0, NULL, NULL},
    {"2024Q3", NULL, false, 20, NULL, NULL},
    {"2024", NULL, false, 0, NULL, NULL},
    {"2024H1", "2024-12-31", true, 0, NULL, NULL},
    {"2023H2", NULL, false, 0, NULL, NULL},
    {"2022", NULL, true, 0, NULL, NULL},
    /* The data scores do not depend on the fee reasons: a bad list is no error. */
    {"2024Q4", NULL, false, 0, bad_reasons, outc_two},
};
#define N_MERGE (sizeof merge_settings / sizeof merge_settings[0])

static void run_merges(text *t, warehouse *wh, const char *const *ids, size_t n_ids)
{
    for (size_t i = 0; i < N_MERGE; i++)
        merge_case(t, wh, &merge_settings[i], NULL);
    for (size_t k = 0; k < n_ids; k++) {
        merge_case(t, wh, &merge_settings[0], ids[k]);
        merge_case(t, wh, &merge_settings[4], ids[k]);
    }
    setting bad = {"2024Q4", NULL, true, 0, NULL, NULL};
    metric_query q = query(&bad);
    q.end = q.start - 1;
    static fidelity_review_list dummy;
    fidelity_review_list *list = &dummy; /* must come back NULL */
    ips_diag d;
    ips_diag_clear(&d);
    put(t, "== merge bad period: %d\n", (int)fidelity_review_merge(wh, &q, NULL, &list, &d));
    assert_null(list);
}

static const setting amount_settings[] = {
    {"2024Q4", NULL, true, 0, NULL, NULL},
    {"2024Q4", NULL, false, 0, NULL, NULL},
    {"2024Q4", "2024-11-15", false, 0, NULL, NULL},
    {"2024Q3", NULL, false, 12, NULL, NULL},
    {"2024Q3", NULL, true, 0, guid_pension, outc_two},
    {"2024", NULL, false, 0, no_reasons, outc_two},
    {"2024", NULL, false, 40, NULL, no_reasons},
    {"2023H2", NULL, false, 0, NULL, NULL},
    {"2023", NULL, true, 3, NULL, NULL},
    {"2019", NULL, false, 0, NULL, NULL},
    {"2024Q3", NULL, false, 0, bad_reasons, NULL},
    {"2024Q3", NULL, false, 0, NULL, bad_reasons},
};
#define N_AMOUNTS (sizeof amount_settings / sizeof amount_settings[0])

static void run_amounts(text *t, warehouse *wh)
{
    funding_tariff *tariffs[2] = {sample_tariff(), tariff_of(partial_tariff)};
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < N_AMOUNTS; i++)
            amounts_case(t, wh, &amount_settings[i], tariffs[k]);
    setting bad = {"2024Q4", NULL, true, 0, NULL, NULL};
    metric_query q = query(&bad);
    q.start = IPS_DAY_NONE;
    metric_set *set = metric_set_new();
    ips_diag d;
    ips_diag_clear(&d);
    put(t, "== amounts bad period: %d\n", (int)funding_amounts(wh, &q, tariffs[0], set, &d));
    put_rows(t, set);
    metric_set_free(set);
    funding_tariff_free(tariffs[0]);
    funding_tariff_free(tariffs[1]);
}

static void samples_merge(void **state)
{
    (void)state;
    warehouse *wh = samples_fixture();
    static const char *const ids[] = {"old-2021", "saatio-mixed", "orim-2024a",
                                      "arviointi_2024_valmennuslehto", "no-such-review"};
    text t = {0};
    run_merges(&t, wh, ids, sizeof ids / sizeof ids[0]);
    expect("samples_merge", &t);
    free(t.s);
    fixture_close(wh);
}

static void samples_amounts(void **state)
{
    (void)state;
    warehouse *wh = samples_fixture();
    text t = {0};
    run_amounts(&t, wh);
    expect("samples_amounts", &t);
    free(t.s);
    fixture_close(wh);
}

static void small_cells(void **state)
{
    (void)state;
    warehouse *wh = small_fixture();
    static const char *const ids[] = {"p1-old", "gone", "p2"};
    text t = {0};
    run_merges(&t, wh, ids, sizeof ids / sizeof ids[0]);
    run_amounts(&t, wh);
    expect("small_cells", &t);
    free(t.s);
    fixture_close(wh);
}

static void empty_warehouse(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    text t = {0};
    run_merges(&t, wh, NULL, 0);
    run_amounts(&t, wh);
    expect("empty_warehouse", &t);
    free(t.s);
    fixture_close(wh);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(samples_merge),
        cmocka_unit_test(samples_amounts),
        cmocka_unit_test(small_cells),
        cmocka_unit_test(empty_warehouse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
