/* The workbook as a reader gets it: written from hand-made metric rows and
 * read back with openpyxl (tests/e2e/check_report.py) — every sheet in each
 * language, numbers that equal the metric rows, formula-like texts as text,
 * identity codes masked, small cells as "<5" with a note, a PNG chart placed,
 * sheets over the row limit continued rather than cut, and no file (and no
 * temporary file) left behind when writing fails. */
#include <cairo.h>
#include <dirent.h>
#include <sys/stat.h>

#include "tests/unit/report_synth.h"

static char dir[64];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/ipsreporttestXXXXXX");
    if (!mkdtemp(dir))
        return -1;
    /* libxlsxwriter's temporary folder goes here too, so the test sees it go. */
    return setenv("TMPDIR", dir, 1);
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void path_in(char *buf, size_t size, const char *name)
{
    snprintf(buf, size, "%s/%s", dir, name);
}

/* A chart as charts/ would render it: a PNG drawn with cairo. */
static void make_png(const char *path)
{
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 320, 160);
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, 0.1, 0.3, 0.7);
    cairo_rectangle(cr, 40, 40, 80, 100);
    cairo_fill(cr);
    cairo_destroy(cr);
    assert_int_equal(cairo_surface_write_to_png(s, path), CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(s);
}

static void options(report_options *o, report_lang lang, bool internal)
{
    report_options_init(o);
    o->lang = lang;
    o->internal = internal;
    o->start = date_from_ymd(2024, 7, 1);
    o->end = date_from_ymd(2024, 9, 30);
    metric_period_previous(o->start, o->end, &o->prev_start, &o->prev_end);
    o->as_of = date_from_ymd(2024, 9, 30);
    o->warehouse_name = "=SUM(1;2) 131052-308T.db";
    o->created = "2024-10-02 09:00";
}

/* CSV files of the rows, one per breakdown, as --metrics-csv arguments. */
static void metrics_csvs(const report_data *data, char *args, size_t size)
{
    static const metric_group shown[] = {GROUP_PROVIDER, GROUP_TEAM,      GROUP_REGION,
                                         GROUP_GENDER,   GROUP_AGE_GROUP, GROUP_SEGMENT};
    char path[256];
    path_in(path, sizeof path, "whole.csv");
    synth_csv(path, data->cur);
    size_t o = (size_t)snprintf(args, size, " --metrics-csv %s", path);
    for (size_t i = 0; i < sizeof shown / sizeof shown[0]; i++) {
        char name[64];
        snprintf(name, sizeof name, "by_%s.csv", metric_group_name(shown[i]));
        path_in(path, sizeof path, name);
        synth_csv(path, data->by[shown[i]]);
        o += (size_t)snprintf(args + o, size - o, " --metrics-csv %s", path);
    }
}

static void texts_file(const char *path, report_lang lang)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    for (size_t i = 0; i < sizeof synth_texts / sizeof synth_texts[0]; i++)
        fprintf(f, "%s\n", synth_texts[i]);
    fprintf(f, "=SUM(1;2) ******-****.db\n");
    /* Fidelity marks item 1, where reviewer and data differ by 3. */
    fprintf(f, "%s\n", label(L_YES, lang));
    assert_int_equal(fclose(f), 0);
}

static void one_language(report_lang lang, bool internal, int memory)
{
    char book[256], png[256], texts[256], args[4096];
    snprintf(book, sizeof book, "%s/report-%s.xlsx", dir, report_lang_code(lang));
    path_in(png, sizeof png, "chart.png");
    path_in(texts, sizeof texts, "texts.txt");
    make_png(png);
    texts_file(texts, lang);
    report_data *data = synth_data(date_from_ymd(2024, 7, 1), date_from_ymd(2024, 9, 30), !internal);
    report_inputs *in = synth_inputs();
    report_options o;
    options(&o, lang, internal);
    o.memory = memory;
    const char *pngs[] = {png};
    o.summary_pngs = pngs;
    o.n_summary_pngs = 1;
    report_result res;
    ips_diag d;
    ips_diag_clear(&d);
    if (report_write(book, &o, data, in, &res, &d) != IPS_OK)
        fail_msg("report_write: %s", d.msg);
    assert_int_equal(res.n_sheets, 11);
    assert_string_equal(res.sheets[0], label(L_SHEET_SUMMARY, lang));
    assert_string_equal(res.sheets[5], label(L_SHEET_FUNDER, lang));
    assert_string_equal(res.sheets[10], label(L_SHEET_ABOUT, lang));
    assert_true(res.masked >= 3); /* the warehouse name, a batch file name twice */
    assert_true(internal ? res.suppressed == 0 : res.suppressed > 0);
    assert_int_equal(res.constant_memory, memory == REPORT_MEMORY_CONSTANT);
    int n = snprintf(args, sizeof args, "--lang %s --expect-text-file %s --expect-images 1%s",
                     report_lang_code(lang), texts, internal ? " --internal" : " --expect-suppressed");
    if (internal)
        metrics_csvs(data, args + n, sizeof args - (size_t)n);
    synth_check(book, args);
    report_result_free(&res);
    report_inputs_free(in);
    report_data_free(data);
}

static void finnish_internal_equals_metrics(void **state)
{
    (void)state;
    one_language(REPORT_LANG_FI, true, REPORT_MEMORY_AUTO);
}

static void swedish_published(void **state)
{
    (void)state;
    one_language(REPORT_LANG_SV, false, REPORT_MEMORY_NORMAL);
}

/* Constant memory too: notes, charts and the PNG work in that mode. */
static void english_published(void **state)
{
    (void)state;
    one_language(REPORT_LANG_EN, false, REPORT_MEMORY_CONSTANT);
}

/* 300 providers on a 40-row limit, in constant-memory mode. */
static void long_sheets_continue(void **state)
{
    (void)state;
    char book[256], args[4096];
    path_in(book, sizeof book, "long.xlsx");
    report_data *data = synth_data(date_from_ymd(2024, 7, 1), date_from_ymd(2024, 9, 30), false);
    synth_ctx c = {date_from_ymd(2024, 7, 1), date_from_ymd(2024, 9, 30), false};
    for (int i = 0; i < 300; i++) {
        char g[16];
        snprintf(g, sizeof g, "p%03d", i);
        synth_count(&c, data->by[GROUP_PROVIDER], "caseload_active", "provider", g, 10 + i);
    }
    size_t rows = data->cur->n;
    static const metric_group shown[] = {GROUP_PROVIDER, GROUP_TEAM,      GROUP_REGION,
                                         GROUP_GENDER,   GROUP_AGE_GROUP, GROUP_SEGMENT};
    for (size_t i = 0; i < 6; i++)
        rows += data->by[shown[i]]->n;
    /* Sixty files: About's batch table, not its first, continues too. */
    report_inputs *in = report_inputs_new();
    assert_non_null(in);
    for (int i = 0; i < 60; i++) {
        char name[32];
        snprintf(name, sizeof name, "contacts_%02d.csv", i);
        assert_non_null(report_inputs_add_batch(in, name, "00ff", "contacts", "2024-10-01"));
    }
    report_options o;
    options(&o, REPORT_LANG_EN, true);
    o.max_rows = 40;
    o.memory = REPORT_MEMORY_CONSTANT;
    report_result res;
    ips_diag d;
    if (report_write(book, &o, data, in, &res, &d) != IPS_OK)
        fail_msg("report_write: %s", d.msg);
    assert_true(res.constant_memory);
    bool breakdowns = false, about = false;
    for (size_t i = 0; i < res.n_sheets; i++) {
        breakdowns = breakdowns || strcmp(res.sheets[i], "Breakdowns (2)") == 0;
        about = about || strcmp(res.sheets[i], "About (2)") == 0;
    }
    assert_true(breakdowns && about);
    int n = snprintf(args, sizeof args, "--lang en --internal --expect-split Breakdowns "
                                        "--expect-breakdown-rows %zu", rows);
    metrics_csvs(data, args + n, sizeof args - (size_t)n);
    synth_check(book, args);
    report_result_free(&res);
    report_inputs_free(in);
    report_data_free(data);
}

/* Only our own files may remain in the folder: no half workbook, no
 * temporary output, no libxlsxwriter folder. */
static void only_files(const char *const *names, size_t n)
{
    DIR *dp = opendir(dir);
    assert_non_null(dp);
    struct dirent *e;
    while ((e = readdir(dp)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        bool ok = false;
        for (size_t i = 0; i < n; i++)
            ok = ok || strcmp(e->d_name, names[i]) == 0;
        if (!ok)
            fail_msg("left behind: %s/%s", dir, e->d_name);
    }
    closedir(dp);
}

static void failures_leave_nothing(void **state)
{
    (void)state;
    report_data *data = synth_data(date_from_ymd(2024, 7, 1), date_from_ymd(2024, 9, 30), true);
    report_options o;
    options(&o, REPORT_LANG_FI, false);
    report_result res;
    ips_diag d;
    char book[256];
    /* A folder that does not exist. */
    path_in(book, sizeof book, "no/such/folder/r.xlsx");
    assert_int_equal(report_write(book, &o, data, NULL, &res, &d), IPS_ERR_IO);
    assert_non_null(strstr(d.msg, "r.xlsx"));
    report_result_free(&res);
    /* A chart image that is not there: the old workbook stays as it was. */
    path_in(book, sizeof book, "r.xlsx");
    FILE *f = fopen(book, "w");
    assert_non_null(f);
    fputs("old", f);
    assert_int_equal(fclose(f), 0);
    char missing[256];
    path_in(missing, sizeof missing, "missing.png");
    const char *pngs[] = {missing};
    o.summary_pngs = pngs;
    o.n_summary_pngs = 1;
    assert_int_equal(report_write(book, &o, data, NULL, &res, &d), IPS_ERR_IO);
    assert_non_null(strstr(d.msg, "missing.png"));
    char buf[8] = {0};
    f = fopen(book, "r");
    assert_non_null(f);
    assert_int_equal(fread(buf, 1, sizeof buf - 1, f), 3);
    fclose(f);
    assert_string_equal(buf, "old");
    report_result_free(&res);
    static const char *const left[] = {"r.xlsx"};
    only_files(left, 1);
    report_data_free(data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(finnish_internal_equals_metrics, setup, teardown),
        cmocka_unit_test_setup_teardown(swedish_published, setup, teardown),
        cmocka_unit_test_setup_teardown(english_published, setup, teardown),
        cmocka_unit_test_setup_teardown(long_sheets_continue, setup, teardown),
        cmocka_unit_test_setup_teardown(failures_leave_nothing, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
