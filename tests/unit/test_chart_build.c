/* From metric rows and chart inputs to chart models: the right points, hidden
 * values where suppression says so, labels and readings in fi/sv/en; the
 * whole set and the PDF summary for hand-made data and for an empty
 * warehouse.  Set IPS_KEEP_CHARTS=DIR to keep the files for looking at. */
#include "tests/unit/fixture.h"
#include "common/intern.h"

#include <math.h>
#include <sys/stat.h>

#include "charts/chart_build_internal.h"
#include "charts/charts.h"

static char dir[256];

static int setup(void **state)
{
    (void)state;
    const char *keep = getenv("IPS_KEEP_CHARTS");
    if (keep && *keep) {
        snprintf(dir, sizeof dir, "%s/build", keep);
        mkdir(keep, 0755);
        mkdir(dir, 0755);
        return 0;
    }
    snprintf(dir, sizeof dir, "/tmp/ipschartbuildXXXXXX");
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

static metric_row *row(metric_set *s, const char *metric, const char *group_by, const char *group,
                       metric_kind kind, double value)
{
    metric_row *r = metric_set_add(s, metric);
    assert_non_null(r);
    r->group_by = ips_intern(group_by);
    r->group = ips_intern(group);
    r->kind = kind;
    r->has = MH_VALUE;
    r->value = value;
    r->decimals = kind == MK_COUNT ? 0 : 1; /* as the model's rows (R17) */
    return r;
}

static metric_row *hidden(metric_set *s, const char *metric, const char *group_by,
                          const char *group, metric_kind kind)
{
    metric_row *r = row(s, metric, group_by, group, kind, 0);
    r->has = 0;
    r->suppressed = true;
    return r;
}

/* Nine quarters to 2024Q3 with one hidden rate, exits by reason, inputs. */
static void sample_data(chart_data *cd)
{
    chart_data_init(cd);
    cd->start = date_from_ymd(2024, 7, 1);
    cd->end = date_from_ymd(2024, 9, 30);
    cd->as_of = date_from_ymd(2024, 10, 15);
    chart_data_quarters(cd);
    static const double rate[CHART_QUARTERS] = {28.5, 31.0, 33.2, -1, 36.0, 35.1, 39.9, 34.2, 38.2};
    for (int i = 0; i < CHART_QUARTERS; i++) {
        cd->quarter[i] = metric_set_new();
        if (rate[i] < 0)
            hidden(cd->quarter[i], "employment_rate", "", "", MK_SHARE);
        else
            row(cd->quarter[i], "employment_rate", "", "", MK_SHARE, rate[i]);
        row(cd->quarter[i], "caseload_per_fte", "", "", MK_RATIO, 24.0 - i * 0.6);
        row(cd->quarter[i], "employer_contacts_per_week", "", "", MK_WEIGHTED, 3.1 + i * 0.35);
    }
    cd->period = cd->quarter[CHART_QUARTERS - 1];
    cd->period_is_last_quarter = true;
    metric_set *p = cd->period;
    row(p, "caseload_active", "", "", MK_COUNT, 96);
    row(p, "enrollments_started", "", "", MK_COUNT, 21);
    row(p, "exits", "", "", MK_COUNT, 31);
    row(p, "employment_at_exit", "", "", MK_SHARE, 38.7);
    row(p, "time_to_first_job_median_days", "", "", MK_KM, 142);
    row(p, "employed_within_180_days", "", "", MK_KM, 57.5);
    metric_row *m = row(p, "first_employer_contact_mean_days", "", "", MK_MEAN, 26.4);
    m->has |= MH_DENOMINATOR;
    m->denominator = 52;
    row(p, "first_employer_contact_within_30", "", "", MK_SHARE, 61.5);
    cd->exits = metric_set_new();
    row(cd->exits, "exits", "exit_reason", "employed_open", MK_COUNT, 12);
    row(cd->exits, "exits", "exit_reason", "education", MK_COUNT, 7);
    row(cd->exits, "exits", "exit_reason", "rehabilitation", MK_COUNT, 6);
    hidden(cd->exits, "exits", "exit_reason", "moved", MK_COUNT);
    hidden(cd->exits, "exits", "exit_reason", "pension", MK_COUNT);
    row(cd->exits, "exits", "exit_reason", "declined", MK_COUNT, 0);
    cd->coaches = metric_set_new();
    static const double caseload[] = {18.5, 24.0, 21.2}, contacts[] = {6.4, 3.1, 5.2};
    for (int i = 0; i < 3; i++) {
        char id[16];
        snprintf(id, sizeof id, "k%d", i + 1);
        row(cd->coaches, "caseload_per_fte", "coach", id, MK_RATIO, caseload[i]);
        row(cd->coaches, "employer_contacts_per_week", "coach", id, MK_RATIO, contacts[i]);
    }

    chart_inputs *in = &cd->in;
    /* item 15's bins as the model publishes them (model/engine_fidelity.c):
     * 0-15 … 166-180, 181-; -1 = hidden as "<5" by the pattern */
    static const int bins[13] = {6, 8, 6, -1, -1, -1, -1, -1, 0, 0, -1, 0, 0};
    for (int k = 0; k < 13; k++) {
        char g[16];
        if (k == 12)
            snprintf(g, sizeof g, "181-");
        else
            snprintf(g, sizeof g, "%d-%d", k ? 15 * k + 1 : 0, 15 * (k + 1));
        metric_row *b = row(p, "first_employer_contact_days", "days", g, MK_COUNT, bins[k]);
        if (bins[k] < 0)
            metric_row_hide(b, true, 5);
    }
    metric_row_hide(row(p, "first_employer_contact_pending", "", "", MK_COUNT, 3), true, 5);
    in->path = (chart_service_path){.count = {96, 70, 31, 4}, .pending_90 = 12, .known = true};
    static const double t[] = {12, 30, 45, 60, 90, 120, 142, 200, 260, 330};
    static const double s[] = {0.97, 0.92, 0.86, 0.80, 0.70, 0.60, 0.49, 0.40, 0.36, 0.33};
    in->km.n = 10;
    in->km.t = malloc(sizeof t);
    in->km.s = malloc(sizeof s);
    memcpy(in->km.t, t, sizeof t);
    memcpy(in->km.s, s, sizeof s);
    in->km.cohort = 64;
    in->km.known = true;

    /* The seed's audit (LIITE 9): 83–89 points. */
    chart_fidelity *f = &in->fidelity;
    static const int lo[25] = {5, 3, 5, 0, 0, 5, 5, 4, 0, 5, 0, 4, 5, 4, 3, 5, 4, 4, 5, 5, 5, 5, 1, 1, 0};
    static const int hi[25] = {5, 5, 5, 0, 0, 5, 5, 4, 0, 5, 0, 4, 5, 5, 5, 5, 4, 4, 5, 5, 5, 5, 1, 2, 0};
    static const int data[25] = {4, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2, 0, 5, 4, 5, 0, 0, 2, 0};
    f->has_review = true;
    snprintf(f->review_id, sizeof f->review_id, "ValmennusLehto 2022");
    snprintf(f->review_date, sizeof f->review_date, "2024-05-14");
    f->total_low = 83;
    f->total_high = 89;
    f->items_rated = 20;
    snprintf(f->band, sizeof f->band, "fair");
    for (int i = 0; i < 25; i++) {
        f->items[i].item = i + 1;
        f->items[i].status = lo[i] ? FID_RATED : (i == 4 || i == 8) ? FID_NOT_APPLICABLE : FID_NOT_RATED;
        f->items[i].reviewer_low = lo[i];
        f->items[i].reviewer_high = hi[i];
        f->items[i].data_score = data[i];
    }
}

static void employment_rate_chart(void **state)
{
    (void)state;
    chart_data cd;
    sample_data(&cd);
    chart_model *m = chart_build(&cd, CH_EMPLOYMENT, LANG_FI);
    assert_non_null(m);
    assert_int_equal(m->kind, CHART_LINE);
    assert_int_equal(m->ncat, 9);
    assert_string_equal(m->categories[0], "2022Q3");
    assert_string_equal(m->categories[8], "2024Q3");
    assert_int_equal(chart_count_points(m, CP_VALUE), 8);
    assert_int_equal(chart_count_points(m, CP_SUPPRESSED), 1);
    assert_int_equal(m->nrefs, 1);
    assert_int_equal(m->refs[0].kind, CHART_BAND_Y);
    assert_true(m->refs[0].a == 41 && m->refs[0].b == 50);
    assert_string_equal(chart_get_text(m, CT_READING1),
                        "Työllisyysaste 38,2\u00a0%, nousua 4,0 prosenttiyksikköä edellisestä "
                        "neljänneksestä.");
    assert_string_equal(chart_get_text(m, CT_READING2), "Taso on alle IPS-vertailutason (41–50\u00a0%).");
    assert_int_equal(m->nnotes, 1); /* the hidden quarter is explained */
    assert_non_null(strstr(m->notes[0], "Alle 5 henkilön"));
    chart_free(m);

    m = chart_build(&cd, CH_EMPLOYMENT, LANG_EN);
    assert_string_equal(chart_get_text(m, CT_READING1),
                        "Employment rate 38.2%, up 4.0 points from the previous quarter.");
    chart_free(m);
    chart_data_free(&cd);
}

static void exits_sorted_with_hidden_last(void **state)
{
    (void)state;
    chart_data cd;
    sample_data(&cd);
    chart_model *m = chart_build(&cd, CH_EXITS, LANG_SV);
    assert_int_equal(m->kind, CHART_HBARS);
    assert_int_equal(m->ncat, 5); /* declined had none */
    assert_string_equal(m->categories[0], "Arbete på öppna arbetsmarknaden");
    assert_string_equal(m->categories[2], "Rehabilitering");
    assert_int_equal(m->series[0].pts[3].state, CP_SUPPRESSED);
    assert_string_equal(m->series[0].pts[4].label, "<5");
    assert_string_equal(chart_get_text(m, CT_READING2), "Vanligaste orsaken: Arbete på öppna arbetsmarknaden (12).");
    chart_free(m);
    chart_data_free(&cd);
}

static void histogram_draws_the_published_bins(void **state)
{
    (void)state;
    chart_data cd;
    sample_data(&cd);
    chart_model *m = chart_build(&cd, CH_FIRST_CONTACT, LANG_FI);
    assert_int_equal(m->kind, CHART_HISTOGRAM);
    assert_true(m->x_step == 15);
    const chart_series *s = &m->series[0];
    assert_int_equal(s->n, 13); /* 0–15 … 166–180, 181 and more */
    /* 0–15: 6 shown; 16–30: 8; 31–45: 6; 46–60 hidden by the pattern */
    assert_true(s->pts[0].y == 6 && s->pts[0].state == CP_VALUE);
    assert_true(s->pts[1].x == 15 && s->pts[1].x2 == 30);
    assert_int_equal(s->pts[3].state, CP_SUPPRESSED);
    assert_string_equal(s->pts[3].label, "<5");
    assert_int_equal(s->pts[8].state, CP_VALUE); /* a published 0 is drawn as 0 */
    assert_int_equal(m->nrefs, 1);
    assert_true(m->refs[0].kind == CHART_REF_X && m->refs[0].a == 30);
    assert_true(chart_count_points(m, CP_SUPPRESSED) >= 2);
    assert_string_equal(chart_get_text(m, CT_READING1),
                        "Ensimmäiseen työnantajakontaktiin kului keskimäärin 26,4 päivää (52 asiakkuutta).");
    bool pending = false;
    for (size_t i = 0; i < m->nnotes; i++)
        pending |= strstr(m->notes[i], "Lisäksi <5 asiakkuutta") != NULL;
    assert_true(pending); /* 3 pending episodes print as <5 */
    chart_free(m);

    /* Internal: the chart says so (what is hidden is the model's: rows of
     * an internal query come unsuppressed). */
    cd.internal = true;
    m = chart_build(&cd, CH_FIRST_CONTACT, LANG_EN);
    assert_non_null(strstr(m->notes[0], "INTERNAL"));
    chart_free(m);
    chart_data_free(&cd);
}

static void funnel_and_curve(void **state)
{
    (void)state;
    chart_data cd;
    sample_data(&cd);
    chart_model *m = chart_build(&cd, CH_SERVICE_PATH, LANG_FI);
    assert_int_equal(m->kind, CHART_FUNNEL);
    assert_int_equal(m->ncat, 4);
    assert_string_equal(m->series[0].pts[1].label, "70 (72,9\u00a0%)"); /* one decimal, as the tables */
    assert_int_equal(m->series[0].pts[3].state, CP_SUPPRESSED);
    assert_string_equal(chart_get_text(m, CT_READING2),
                        "Ensimmäinen työ kesti 90 päivää <5 asiakkaalla (– aloittaneista).");
    bool pending = false;
    for (size_t i = 0; i < m->nnotes; i++)
        pending |= strstr(m->notes[i], "12 ensimmäistä työtä") != NULL;
    assert_true(pending);
    chart_free(m);

    /* A step the pattern hides (model/, the service_path rows) has no bar
     * and prints the tables' mark, whatever its size. */
    cd.in.path.hidden[1] = true;
    snprintf(cd.in.path.mark[1], sizeof cd.in.path.mark[1], "\u2013");
    cd.in.path.count[1] = 0;
    m = chart_build(&cd, CH_SERVICE_PATH, LANG_FI);
    assert_int_equal(m->series[0].pts[1].state, CP_SUPPRESSED);
    assert_string_equal(m->series[0].pts[1].label, "\u2013");
    assert_int_equal(m->series[0].pts[2].state, CP_VALUE);
    chart_free(m);
    cd.in.path.hidden[1] = false;

    m = chart_build(&cd, CH_TIME_TO_JOB, LANG_FI);
    assert_int_equal(m->kind, CHART_STEP);
    const chart_series *s = &m->series[0];
    assert_int_equal(s->n, 11); /* (0, 0) and the ten steps */
    assert_true(fabs(s->pts[7].y - 51) < 1e-9);
    /* Labels print the digits of the tables (R17): 142.0 days, 67.0 %. */
    assert_string_equal(s->pts[7].label, "142,0\u00a0pv"); /* the median step */
    assert_string_equal(s->pts[10].label, "67,0\u00a0%");  /* the last step */
    assert_string_equal(chart_get_text(m, CT_READING1),
                        "Puolet asiakkaista sai ensimmäisen työn 142,0 päivässä (mediaani).");
    chart_free(m);

    cd.in.km.cohort = 3; /* too few: the whole curve is hidden */
    m = chart_build(&cd, CH_TIME_TO_JOB, LANG_FI);
    assert_int_equal(chart_count_points(m, CP_VALUE), 0);
    assert_int_equal(chart_count_points(m, CP_SUPPRESSED), 1);
    assert_false(chart_is_empty(m));
    chart_free(m);
    chart_data_free(&cd);
}

static void fidelity_sections_ranges_and_differences(void **state)
{
    (void)state;
    chart_data cd;
    sample_data(&cd);
    chart_model *m = chart_build(&cd, CH_FIDELITY, LANG_FI);
    assert_int_equal(m->kind, CHART_HBARS);
    assert_string_equal(chart_get_text(m, CT_TITLE), "Laatukriteerit: 83–89 pistettä (kohtalainen)");
    assert_int_equal(m->ncat, 25);
    assert_int_equal(m->ngroups, 3);
    assert_string_equal(m->groups[1].label, "Palvelun järjestäminen");
    assert_true(m->groups[2].first == 11 && m->groups[2].count == 14);
    assert_string_equal(m->categories[14], "15 Nopea työnhaku");
    const chart_point *p = &m->series[0].pts[14];
    assert_true(p->y == 3 && p->y2 == 5);
    assert_string_equal(p->label, "3–5");
    assert_string_equal(m->series[0].pts[4].label, "ei sovellu");
    assert_int_equal(chart_count_points(m, CP_VALUE), 20 + 8);
    /* Items 15 (data 1 vs 3–5) and 17 (2 vs 4) differ by two or more. */
    assert_string_equal(chart_get_text(m, CT_READING2),
                        "Arvioija ja tiedot eroavat vähintään 2 pistettä 2 kriteerissä.");
    chart_free(m);

    m = chart_build(&cd, CH_COACH_TARGETS, LANG_FI);
    assert_int_equal(m->kind, CHART_PANELS);
    assert_int_equal(m->nparts, 2);
    assert_true(m->parts[0]->refs[0].a == 20 && m->parts[1]->refs[0].a == 6);
    assert_int_equal(chart_count_points(m, CP_VALUE), 6); /* a bar per coach in each panel */
    assert_int_equal(chart_count_off_target(m), 4);
    chart_free(m);
    chart_data_free(&cd);
}

static void fidelity_from_metric_rows(void **state)
{
    (void)state;
    metric_set *s = metric_set_new();
    row(s, "caseload_per_fte", "", "", MK_RATIO, 18)->has |= MH_SCORE;
    s->rows[0].score = 5;
    metric_row *r = row(s, "follow_along_score", "", "", MK_RATIO, 0);
    r->has |= MH_SCORE;
    r->score = 3;
    row(s, "fidelity_total_low", "review", "R1", MK_COUNT, 83);
    row(s, "fidelity_total_high", "review", "R1", MK_COUNT, 89);
    row(s, "fidelity_items_rated", "review", "R1", MK_COUNT, 20);
    row(s, "fidelity_band", "review", "R1", MK_TEXT, 0)->text = "fair/good";
    chart_fidelity f;
    chart_inputs_fidelity_from_rows(s, &f);
    assert_int_equal(f.items[0].data_score, 5);
    assert_int_equal(f.items[22].data_score, 3);
    assert_true(f.has_review && f.total_low == 83 && f.total_high == 89);
    assert_string_equal(f.band, "fair/good");
    char band[64];
    assert_string_equal(chart_fidelity_band(LANG_FI, f.band, band, sizeof band), "kohtalainen–hyvä");
    metric_set_free(s);
}

static int count_pdf_pages(const char *path)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "pdfinfo '%s' 2>/dev/null | sed -n 's/^Pages: *//p'", path);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    int pages = -1;
    if (fscanf(p, "%d", &pages) != 1)
        pages = -1;
    pclose(p);
    return pages;
}

static void whole_set_and_summary_for_sample_data(void **state)
{
    (void)state;
    chart_data cd;
    sample_data(&cd);
    static const chart_lang langs[] = {LANG_FI, LANG_SV, LANG_EN};
    for (int l = 0; l < 3; l++) {
        char sub[300], pdf[320];
        snprintf(sub, sizeof sub, "%s/sample-%s", dir, chart_lang_code(langs[l]));
        char **paths;
        size_t n;
        ips_diag d;
        ips_diag_clear(&d);
        assert_int_equal(charts_write_set(&cd, langs[l], CHART_PNG, sub, &paths, &n, &d), IPS_OK);
        assert_int_equal(n, CH__COUNT);
        for (size_t i = 0; i < n; i++) {
            struct stat st;
            assert_int_equal(stat(paths[i], &st), 0);
            assert_true(st.st_size > 5000);
        }
        assert_non_null(strstr(paths[CH_FIDELITY], "/fidelity.png"));
        charts_paths_free(paths, n);
        snprintf(pdf, sizeof pdf, "%s/summary-%s.pdf", dir, chart_lang_code(langs[l]));
        assert_int_equal(pdf_summary_write_data(&cd, langs[l], pdf, &d), IPS_OK);
        assert_int_equal(count_pdf_pages(pdf), PDF_SUMMARY_PAGES);
    }
    chart_data_free(&cd);
}

static void empty_warehouse_gives_no_data_charts(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    metric_query q;
    metric_query_init(&q);
    ips_diag d;
    ips_diag_clear(&d);
    assert_int_equal(metric_period_parse("2024Q3", &q.start, &q.end, &d), IPS_OK);
    chart_data cd;
    assert_int_equal(chart_data_fetch(wh, &q, &cd, &d), IPS_OK);
    for (int id = 0; id < CH__COUNT; id++) {
        chart_model *m = chart_build(&cd, (chart_id)id, LANG_FI);
        assert_non_null(m);
        if (!chart_is_empty(m))
            fail_msg("chart %s is not empty", chart_id_name((chart_id)id));
        assert_string_equal(chart_get_text(m, CT_EMPTY), "Ei tietoja tältä jaksolta");
        chart_free(m);
    }
    char sub[300], pdf[320];
    snprintf(sub, sizeof sub, "%s/empty", dir);
    char **paths;
    size_t n;
    assert_int_equal(charts_write_set(&cd, LANG_FI, CHART_SVG, sub, &paths, &n, &d), IPS_OK);
    assert_int_equal(n, CH__COUNT);
    charts_paths_free(paths, n);
    snprintf(pdf, sizeof pdf, "%s/summary-empty.pdf", dir);
    assert_int_equal(pdf_summary_write_data(&cd, LANG_FI, pdf, &d), IPS_OK);
    assert_int_equal(count_pdf_pages(pdf), PDF_SUMMARY_PAGES);
    chart_data_free(&cd);

    /* The same through the one-call API the workbook uses. */
    snprintf(sub, sizeof sub, "%s/png-set", dir);
    assert_int_equal(charts_render_png_set(wh, &q, "sv", sub, &paths, &n, &d), IPS_OK);
    assert_int_equal(n, CH__COUNT);
    charts_paths_free(paths, n);
    assert_int_equal(charts_render_png_set(wh, &q, "de", sub, &paths, &n, &d), IPS_ERR_USAGE);
    assert_null(paths);
    fixture_close(wh);
}

static void labels_exist_in_every_language(void **state)
{
    (void)state;
    for (int l = 0; l < LANG__COUNT; l++) {
        for (int id = 0; id < CL__COUNT; id++)
            if (!*chart_label((chart_lang)l, (chart_label_id)id))
                fail_msg("label %d missing in %s", id, chart_lang_code((chart_lang)l));
        for (int i = 1; i <= 25; i++)
            assert_true(*chart_fidelity_item((chart_lang)l, i));
    }
    assert_string_equal(chart_exit_reason(LANG_FI, "sick_leave"), "Sairauslomalle");
    assert_string_equal(chart_exit_reason(LANG_EN, "unheard_of"), "unheard_of");
    char buf[32];
    chart_period_label(LANG_FI, date_from_ymd(2024, 7, 1), date_from_ymd(2024, 8, 15), buf, sizeof buf);
    assert_string_equal(buf, "1.7.2024–15.8.2024");
    chart_period_label(LANG_FI, date_from_ymd(2024, 7, 1), date_from_ymd(2024, 12, 31), buf, sizeof buf);
    assert_string_equal(buf, "2024H2");
}

int main(void)
{
    setenv("TZ", "Europe/Helsinki", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(employment_rate_chart),
        cmocka_unit_test(exits_sorted_with_hidden_last),
        cmocka_unit_test(histogram_draws_the_published_bins),
        cmocka_unit_test(funnel_and_curve),
        cmocka_unit_test(fidelity_sections_ranges_and_differences),
        cmocka_unit_test(fidelity_from_metric_rows),
        cmocka_unit_test(whole_set_and_summary_for_sample_data),
        cmocka_unit_test(empty_warehouse_gives_no_data_charts),
        cmocka_unit_test(labels_exist_in_every_language),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
