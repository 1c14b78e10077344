/* Project settings files (model/project.h): what a file says, the target a
 * period gets, and the errors, which name file:line and what to do. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/metrics.h"
#include "model/project.h"

static char path[64];

static void write_file(const char *text)
{
    snprintf(path, sizeof path, "/tmp/ips-project-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

static ips_project *load_ok(const char *text)
{
    write_file(text);
    ips_project *p = NULL;
    ips_diag d;
    ips_diag_clear(&d);
    assert_int_equal(project_load(path, &p, &d), IPS_OK);
    unlink(path);
    return p;
}

static void load_fails(const char *text, int line, const char *says)
{
    write_file(text);
    ips_project *p = (ips_project *)1;
    ips_diag d;
    ips_diag_clear(&d);
    assert_int_equal(project_load(path, &p, &d), IPS_ERR_PROJECT);
    assert_null(p);
    char where[96];
    snprintf(where, sizeof where, "%s:%d: ", path, line);
    assert_non_null(strstr(d.msg, where));
    assert_non_null(strstr(d.msg, says));
    unlink(path);
}

static void period(const char *text, ips_day *s, ips_day *e)
{
    ips_diag d;
    assert_int_equal(metric_period_parse(text, s, e, &d), IPS_OK);
}

static void reads_the_project(void **state)
{
    (void)state;
    ips_project *p = load_ok("\xEF\xBB\xBF; a comment\n[project]\nname = Polku työhön\n"
                             "code = S30481\nfunder = ESF+\nstart = 1.3.2023\n");
    assert_string_equal(p->name, "Polku työhön");
    assert_string_equal(p->code, "S30481");
    assert_string_equal(p->funder, "ESF+");
    assert_int_equal(p->start, date_from_ymd(2023, 3, 1));
    assert_int_equal(p->n_targets, 0);
    project_free(p);
}

static void targets_by_period_year_and_every(void **state)
{
    (void)state;
    ips_project *p = load_ok("[project]\nname = X\n[target employment_rate]\nvalue = 35 %\n"
                             "2024Q4 = 38,5\n[target enrollments_started]\nper_year = 160\n");
    ips_day s, e;
    double v = 0;
    period("2024Q4", &s, &e);
    assert_true(project_target_for(p, "employment_rate", s, e, &v));
    assert_float_equal(v, 38.5, 1e-12);
    period("2024Q3", &s, &e);
    assert_true(project_target_for(p, "employment_rate", s, e, &v));
    assert_float_equal(v, 35, 1e-12); /* the every-period value */
    assert_true(project_target_for(p, "enrollments_started", s, e, &v));
    assert_float_equal(v, 40, 1e-12); /* a quarter of 160 */
    period("2024H1", &s, &e);
    assert_true(project_target_for(p, "enrollments_started", s, e, &v));
    assert_float_equal(v, 80, 1e-12);
    assert_false(project_target_for(p, "exits", s, e, &v));
    assert_false(project_target_for(NULL, "exits", s, e, &v));
    project_free(p);
}

static void copies_compare_by_content(void **state)
{
    (void)state;
    ips_project *a = load_ok("[project]\nname = X\n[target exits]\nvalue = 3\n");
    ips_project *b = load_ok("[project]\nname = X\n[target exits]\nvalue = 3\n");
    ips_project *c = load_ok("[project]\nname = X\n[target exits]\nvalue = 4\n");
    bool ok;
    ips_project *copy = project_copy(a, &ok);
    assert_true(ok);
    assert_true(project_same(a, b));
    assert_true(project_same(a, copy));
    assert_false(project_same(a, c));
    assert_false(project_same(a, NULL));
    assert_true(project_same(NULL, NULL));
    project_free(copy);
    project_free(a);
    project_free(b);
    project_free(c);
}

static void errors_name_the_line(void **state)
{
    (void)state;
    load_fails("[project]\nname = X\n\n[target happiness]\nvalue = 3\n", 5, "headline metrics");
    load_fails("[project]\nname = X\nstart = 2023-02-30\n", 3, "not a date");
    load_fails("[project]\nname = X\n[target exits]\nsoon = 3\n", 4, "2024Q3 = 40");
    load_fails("[project]\nname = X\n[target exits]\nvalue = -3\n", 4, "not a number");
    load_fails("[projekti]\nname = X\n", 2, "[project]");
    load_fails("name = X\n", 1, "not under a section");
    load_fails("[project]\nname = X\nthis line is not a setting\n", 3, "key = value");
    load_fails("[project]\ncode = S1\n", 1, "name =");
}

static void a_missing_file_says_so(void **state)
{
    (void)state;
    ips_project *p = NULL;
    ips_diag d;
    ips_diag_clear(&d);
    assert_int_equal(project_load("/nonexistent/project.ini", &p, &d), IPS_ERR_IO);
    assert_null(p);
    assert_non_null(strstr(d.msg, "--project"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reads_the_project),
        cmocka_unit_test(targets_by_period_year_and_every),
        cmocka_unit_test(copies_compare_by_content),
        cmocka_unit_test(errors_name_the_line),
        cmocka_unit_test(a_missing_file_says_so),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
