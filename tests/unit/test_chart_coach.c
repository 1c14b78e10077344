/* The coach chart: one bar per IPS coach in each of two panels (caseload per
 * FTE against at most 20, employer contacts per week against at least 6),
 * the same coaches in the same order, misses drawn in their own style,
 * hidden coaches marked, the reading counting only what is drawn; and 60
 * coaches still fit a readable picture and the PDF page.  Set
 * IPS_KEEP_CHARTS=DIR to keep the files for looking at. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "charts/charts.h"
#include "common/intern.h"

static char dir[256];

static int setup(void **state)
{
    (void)state;
    const char *keep = getenv("IPS_KEEP_CHARTS");
    if (keep && *keep) {
        snprintf(dir, sizeof dir, "%s/coach", keep);
        mkdir(keep, 0755);
        mkdir(dir, 0755);
        return 0;
    }
    snprintf(dir, sizeof dir, "/tmp/ipschartcoachXXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    if (!getenv("IPS_KEEP_CHARTS")) {
        char cmd[300];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        if (system(cmd) != 0)
            return -1;
    }
    chart_draw_shutdown();
    return 0;
}

static metric_row *row(metric_set *s, const char *metric, const char *group, double value)
{
    metric_row *r = metric_set_add(s, metric);
    assert_non_null(r);
    r->group_by = ips_intern(group ? "coach" : "");
    r->group = ips_intern(group ? group : "");
    r->kind = strcmp(metric, "caseload_per_fte") == 0 ? MK_RATIO : MK_WEIGHTED;
    r->decimals = r->kind == MK_RATIO ? 1 : 2; /* as the model's rows (R17) */
    r->has = MH_VALUE;
    r->value = value;
    return r;
}

static void hide(metric_row *r)
{
    r->has = 0;
    r->suppressed = true;
}

/* 2024Q4 with service-wide rows and no coaches yet. */
static void base_data(chart_data *cd)
{
    chart_data_init(cd);
    cd->start = date_from_ymd(2024, 10, 1);
    cd->end = date_from_ymd(2024, 12, 31);
    cd->as_of = date_from_ymd(2024, 12, 20);
    chart_data_quarters(cd);
    cd->period = metric_set_new();
    cd->coaches = metric_set_new();
    row(cd->period, "caseload_per_fte", NULL, 24.6);
    row(cd->period, "employer_contacts_per_week", NULL, 4.12);
}

/* Five coaches given out of order; tv6's caseload is hidden; tv10 has no
 * contacts row; clients without a coach have a row of their own. */
static void five_coaches(chart_data *cd)
{
    base_data(cd);
    metric_set *s = cd->coaches;
    row(s, "caseload_per_fte", "tv10", 18.0);
    row(s, "caseload_per_fte", "tv2", 20.4); /* rounds to 20: meets "at most 20" (R16) */
    row(s, "caseload_per_fte", "tv1", 27.5);
    hide(row(s, "caseload_per_fte", "tv6", 0));
    row(s, "caseload_per_fte", "tv03", 31.0);
    metric_row *none = row(s, "caseload_per_fte", NULL, 0);
    none->group_by = "coach";
    none->has = MH_NUMERATOR | MH_DENOMINATOR;
    none->numerator = 2;
    row(s, "employer_contacts_per_week", "tv2", 6.0);
    row(s, "employer_contacts_per_week", "tv1", 5.99);
    row(s, "employer_contacts_per_week", "tv6", 3.1);
    row(s, "employer_contacts_per_week", "tv03", 7.25);
    row(s, "focus_share", "tv1", 90); /* other items by coach are not drawn */
}

static void one_bar_per_coach_in_both_panels(void **state)
{
    (void)state;
    chart_data cd;
    five_coaches(&cd);
    chart_model *m = chart_build(&cd, CH_COACH_TARGETS, LANG_FI);
    assert_non_null(m);
    assert_int_equal(m->kind, CHART_PANELS);
    assert_true(m->side_by_side);
    assert_int_equal(m->nparts, 2);
    static const char *const order[] = {"tv1", "tv2", "tv03", "tv6", "tv10"};
    for (size_t p = 0; p < 2; p++) {
        const chart_model *part = m->parts[p];
        assert_int_equal(part->kind, CHART_HBARS);
        assert_int_equal(part->ncat, 5);
        for (size_t i = 0; i < 5; i++)
            assert_string_equal(part->categories[i], order[i]);
        assert_int_equal(part->nrefs, 1);
        assert_int_equal(part->refs[0].kind, CHART_REF_X);
    }
    const chart_point *cl = m->parts[0]->series[0].pts, *ec = m->parts[1]->series[0].pts;
    assert_true(m->parts[0]->refs[0].a == 20 && m->parts[1]->refs[0].a == 6);
    assert_string_equal(m->parts[0]->refs[0].label, "tavoite enintään 20");
    /* Caseload: tv1 27.5 misses, tv2 20.4 meets, tv03 31 misses, tv6 hidden, tv10 meets. */
    assert_true(cl[0].off_target && !cl[1].off_target && cl[2].off_target && !cl[4].off_target);
    assert_int_equal(cl[3].state, CP_SUPPRESSED);
    assert_string_equal(cl[3].label, "piilotettu");
    /* Contacts: 5.99 misses 6, 6.0 meets, tv6 drawn (only its caseload is hidden), tv10 no row. */
    assert_true(ec[0].off_target && !ec[1].off_target && !ec[2].off_target && ec[3].off_target);
    assert_int_equal(ec[4].state, CP_MISSING);
    assert_int_equal(m->parts[1]->decimals, 2);
    assert_int_equal(chart_count_points(m, CP_VALUE), 8);
    assert_int_equal(chart_count_off_target(m), 4);
    assert_string_equal(chart_get_text(m, CT_SUBTITLE),
                        "IPS-valmentajat 20.12.2024; laatukriteerit 1 ja 17, työnantajakontaktit 13 viikolta");
    assert_string_equal(chart_get_text(m, CT_READING1),
                        "Enintään 20 asiakasta henkilötyövuotta kohden: 2/4 valmentajaa; koko palvelussa 24,6.");
    /* Median of 5.99, 6.0, 7.25 and 3.1. */
    assert_string_equal(chart_get_text(m, CT_READING2),
                        "Vähintään 6 työnantajakontaktia viikossa: 2/4 valmentajaa; mediaani 6,00, koko palvelussa 4,12.");
    bool no_coach = false, privacy = false;
    for (size_t i = 0; i < m->nnotes; i++) {
        no_coach |= strstr(m->notes[i], "ei ole valmentajaa") != NULL;
        privacy |= strstr(m->notes[i], "tietosuojan") != NULL;
    }
    assert_true(no_coach && privacy);

    char path[400];
    snprintf(path, sizeof path, "%s/five.svg", dir);
    chart_layout l;
    chart_layout_init(&l);
    ips_diag d;
    ips_diag_clear(&d);
    assert_int_equal(chart_render_file(m, CHART_SVG, path, &l, &d), IPS_OK);
    assert_int_equal(l.bars, 8);
    assert_int_equal(l.off_target, 4);
    assert_int_equal(l.hidden, 1);
    assert_int_equal(l.refs, 2);
    assert_int_equal(l.legend, 2);
    assert_true(chart_layout_has_text(&l, "Tavoite ei täyty"));
    assert_true(chart_layout_has_text(&l, "tv10"));
    assert_true(chart_layout_has_text(&l, "20,4"));
    assert_true(chart_layout_has_text(&l, "5,99"));
    chart_layout_clear(&l);
    chart_free(m);

    m = chart_build(&cd, CH_COACH_TARGETS, LANG_EN);
    assert_string_equal(chart_get_text(m, CT_READING1),
                        "2 of 4 coaches within 20 clients per FTE; service-wide 24.6.");
    assert_string_equal(chart_get_text(m, CT_READING2),
                        "2 of 4 coaches make at least 6 employer contacts a week; median 6.00, "
                        "service-wide 4.12.");
    chart_free(m);
    m = chart_build(&cd, CH_COACH_TARGETS, LANG_SV);
    assert_string_equal(chart_get_text(m, CT_READING1),
                        "Högst 20 klienter per årsverke: 2 av 4 coacher; hela tjänsten 24,6.");
    chart_free(m);
    chart_data_free(&cd);
}

static void hidden_or_absent_coaches(void **state)
{
    (void)state;
    chart_data cd;
    base_data(&cd);
    chart_model *m = chart_build(&cd, CH_COACH_TARGETS, LANG_EN);
    assert_true(chart_is_empty(m)); /* no IPS coach on p_end: "no data" */
    assert_string_equal(chart_get_text(m, CT_READING1), "No data for this period");
    chart_free(m);

    hide(row(cd.coaches, "caseload_per_fte", "k1", 0));
    hide(row(cd.coaches, "employer_contacts_per_week", "k1", 0));
    m = chart_build(&cd, CH_COACH_TARGETS, LANG_EN);
    assert_false(chart_is_empty(m));
    assert_int_equal(chart_count_points(m, CP_SUPPRESSED), 2);
    assert_string_equal(chart_get_text(m, CT_READING1),
                        "No caseload per coach can be shown; service-wide 24.6 clients per FTE.");
    assert_string_equal(chart_get_text(m, CT_READING2),
                        "No employer contacts per coach can be shown; service-wide 4.12 a week.");
    chart_free(m);
    chart_data_free(&cd);
}

/* 60 coaches: k01..k60, every third misses the caseload target and every
 * fourth the contacts target; k07's rows are hidden. */
static void sixty_coaches(chart_data *cd)
{
    base_data(cd);
    for (int i = 1; i <= 60; i++) {
        char id[16];
        snprintf(id, sizeof id, "k%02d", i);
        metric_row *a = row(cd->coaches, "caseload_per_fte", id, i % 3 == 0 ? 26 + i % 9 : 12 + i % 8);
        metric_row *b = row(cd->coaches, "employer_contacts_per_week", id,
                            i % 4 == 0 ? 2 + 0.1 * (i % 30) : 6 + 0.05 * i);
        if (i == 7) {
            hide(a);
            hide(b);
        }
    }
}

static void sixty_coaches_stay_readable(void **state)
{
    (void)state;
    chart_data cd;
    sixty_coaches(&cd);
    chart_model *m = chart_build(&cd, CH_COACH_TARGETS, LANG_FI);
    assert_non_null(m);
    assert_int_equal(m->parts[0]->ncat, 60);
    /* Taller than a few coaches, but rows thinner than the 19 points of
     * short lists: at least 13 points a row, and no endless picture. */
    double h = chart_height_for(m, CHART_FILE_WIDTH);
    assert_true(h >= 60 * 13.0 && h <= 60 * 15.0 + 260);

    size_t miss = 0;
    for (int i = 1; i <= 60; i++)
        if (i != 7)
            miss += (size_t)(i % 3 == 0) + (size_t)(i % 4 == 0);
    char path[400];
    ips_diag d;
    ips_diag_clear(&d);
    chart_layout l;
    chart_layout_init(&l);
    snprintf(path, sizeof path, "%s/sixty.png", dir);
    assert_int_equal(chart_render_file(m, CHART_PNG, path, &l, &d), IPS_OK);
    assert_int_equal(l.bars, 2 * 59);
    assert_int_equal(l.off_target, miss);
    assert_int_equal(l.hidden, 2);
    for (int i = 1; i <= 60; i++) {
        char id[16];
        snprintf(id, sizeof id, "k%02d", i);
        if (!chart_layout_has_text(&l, id))
            fail_msg("coach %s is not labelled", id);
    }
    chart_layout_clear(&l);
    cairo_surface_t *s = cairo_image_surface_create_from_png(path);
    assert_int_equal(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
    assert_int_equal(cairo_image_surface_get_height(s), (int)ceil(ceil(h) * CHART_PNG_SCALE));
    cairo_surface_destroy(s);

    /* Squeezed onto the A4 page under its reading: every bar still drawn. */
    cairo_surface_t *page = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 551, 640);
    cairo_t *cr = cairo_create(page);
    chart_layout_init(&l);
    chart_draw(cr, m, 0, 0, 551, 640, &l);
    assert_int_equal(cairo_status(cr), CAIRO_STATUS_SUCCESS);
    assert_int_equal(l.bars, 2 * 59);
    assert_int_equal(l.hidden, 2);
    chart_layout_clear(&l);
    cairo_destroy(cr);
    cairo_surface_destroy(page);

    snprintf(path, sizeof path, "%s/sixty-summary.pdf", dir);
    assert_int_equal(pdf_summary_write_data(&cd, LANG_EN, path, &d), IPS_OK);
    chart_free(m);
    chart_data_free(&cd);
}

int main(void)
{
    setenv("TZ", "Europe/Helsinki", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(one_bar_per_coach_in_both_panels),
        cmocka_unit_test(hidden_or_absent_coaches),
        cmocka_unit_test(sixty_coaches_stay_readable),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
