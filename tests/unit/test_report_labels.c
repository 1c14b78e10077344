/* Every text a workbook shows exists in Finnish, Swedish and English: the
 * labels, the code translations, and the definition of every metric id of
 * metrics.md (read from ../shared/spec/metrics.md when it is there). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "reports/definitions.h"
#include "reports/labels.h"
#include "reports/xlsx_safe.h"

static void every_label_in_every_language(void **state)
{
    (void)state;
    for (int id = 0; id < L__COUNT; id++)
        for (int lang = 0; lang < REPORT_LANG__COUNT; lang++) {
            const char *t = label((label_id)id, (report_lang)lang);
            if (!t || !*t)
                fail_msg("label %d has no text in %s", id, report_lang_code((report_lang)lang));
            if (xlsx_formula_like(t))
                fail_msg("label %d in %s starts like a formula: %s", id,
                         report_lang_code((report_lang)lang), t);
        }
}

/* Excel: at most 31 characters, none of []:*?/\, no apostrophe at either
 * end, unique regardless of case; 27 leaves room for " (2)". */
static void sheet_names_are_valid(void **state)
{
    (void)state;
    for (int lang = 0; lang < REPORT_LANG__COUNT; lang++)
        for (int a = L_SHEET_SUMMARY; a <= L_SHEET_ABOUT; a++) {
            const char *name = label((label_id)a, (report_lang)lang);
            assert_true(xlsx_text_width(name) <= 27);
            assert_null(strpbrk(name, "[]:*?/\\"));
            assert_true(name[0] != '\'' && name[strlen(name) - 1] != '\'');
            for (int b = a + 1; b <= L_SHEET_ABOUT; b++)
                assert_true(strcasecmp(name, label((label_id)b, (report_lang)lang)) != 0);
        }
}

static void every_code_in_every_language(void **state)
{
    (void)state;
    for (int dom = 0; dom < CODE__COUNT; dom++) {
        assert_true(label_code_count((code_domain)dom) > 0);
        for (size_t i = 0; i < label_code_count((code_domain)dom); i++) {
            const char *code = label_code_at((code_domain)dom, i);
            assert_non_null(code);
            for (int lang = 0; lang < REPORT_LANG__COUNT; lang++) {
                const char *t = label_code((code_domain)dom, code, (report_lang)lang);
                if (!t || !*t)
                    fail_msg("code %s (domain %d) has no text in %s", code, dom,
                             report_lang_code((report_lang)lang));
            }
        }
    }
    assert_null(label_code(CODE_EXIT_REASON, "no_such_reason", REPORT_LANG_FI));
    assert_string_equal(label_code(CODE_BAND, "fair", REPORT_LANG_FI), "kohtalainen");
    assert_int_equal(label_code_count(CODE_EXIT_REASON), 12);
}

static void check_definition(const metric_def *d)
{
    for (int lang = 0; lang < REPORT_LANG__COUNT; lang++)
        if (!*definition_title(d, (report_lang)lang) || !*definition_text(d, (report_lang)lang))
            fail_msg("definition of %s lacks %s text", d->id, report_lang_code((report_lang)lang));
}

static void every_definition_in_every_language(void **state)
{
    (void)state;
    for (size_t i = 0; i < definition_count(); i++) {
        const metric_def *d = definition_at(i);
        check_definition(d);
        assert_ptr_equal(definition_find(d->id), d); /* ids are unique */
    }
    for (size_t i = 0; i < definition_term_count(); i++)
        check_definition(definition_term_at(i));
    assert_null(definition_at(definition_count()));
    assert_string_equal(definition_name("no_such_metric", REPORT_LANG_SV), "no_such_metric");
}

/* The ids metrics.md defines; the spec file, when present, is checked too. */
static const char *const spec_ids[] = {
    "caseload_active", "enrollments_started", "exits", "employment_rate", "employment_at_exit",
    "employed_at_exit_any", "time_to_first_job_median_days", "employed_within_180_days",
    "employed_within_365_days", "job_tenure_median_days", "hours_per_week_mean",
    "referral_wait_median_days", "caseload_per_fte", "focus_share",
    "first_employer_contact_mean_days", "first_employer_contact_pending",
    "first_employer_contact_within_30", "employer_contacts_per_week", "job_diversity",
    "employer_diversity", "competitive_permanent_share", "follow_along_before",
    "follow_along_first_days", "follow_along_weekly", "follow_along_4_months", "community_share",
    "fidelity_total_low", "fidelity_total_high", "fidelity_items_rated", "fidelity_prorated_low",
    "fidelity_prorated_high", "fidelity_band", "fee_start", "fee_guidance", "fee_outcome",
    "clients_per_year", "fte_current", "fte_needed_throughput", "fte_needed_caseload", "fte_gap",
    "trainees_per_coach", "support_level_mix", "meetings_per_month_basic",
};

static void every_spec_id_is_defined(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof spec_ids / sizeof spec_ids[0]; i++)
        if (!definition_find(spec_ids[i]))
            fail_msg("metrics.md id %s has no definition", spec_ids[i]);
}

/* Every `id` in the first column of metrics.md's tables ("x_low/high" means
 * x_low and x_high; "follow_along_*" is listed above in full). */
static void spec_file_ids_are_defined(void **state)
{
    (void)state;
    const char *root = getenv("IPS_ROOT");
    char path[1024];
    snprintf(path, sizeof path, "%s/../shared/spec/metrics.md", root ? root : ".");
    FILE *f = fopen(path, "r");
    if (!f)
        skip();
    char line[2048];
    int found = 0;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "| `", 3) != 0)
            continue;
        char *end = strchr(line + 2, '|');
        if (end)
            *end = '\0';
        for (char *p = strchr(line, '`'); p; p = strchr(p, '`')) {
            char *q = strchr(p + 1, '`');
            if (!q)
                break;
            *q = '\0';
            char id[128];
            snprintf(id, sizeof id, "%s", p + 1);
            p = q + 1;
            if (strchr(id, '*'))
                continue;
            char *slash = strchr(id, '/');
            if (slash) { /* fidelity_prorated_low/high */
                char other[128];
                *slash = '\0';
                char *us = strrchr(id, '_');
                snprintf(other, sizeof other, "%.*s_%s", us ? (int)(us - id) : 0, id, slash + 1);
                if (!definition_find(other))
                    fail_msg("metrics.md id %s has no definition", other);
            }
            if (!definition_find(id))
                fail_msg("metrics.md id %s has no definition", id);
            found++;
        }
    }
    fclose(f);
    assert_true(found > 20);
}

static void substitution_and_dates(void **state)
{
    (void)state;
    char buf[64];
    assert_string_equal(label_subst("alle {n} ({n})", 5, buf, sizeof buf), "alle 5 (5)");
    assert_string_equal(label_subst("x{n}", 12345, buf, 4), "x12");
    char d[16];
    label_date(REPORT_LANG_FI, date_from_ymd(2024, 9, 5), d);
    assert_string_equal(d, "5.9.2024");
    label_date(REPORT_LANG_SV, date_from_ymd(2024, 9, 5), d);
    assert_string_equal(d, "5.9.2024"); /* one style for fi and sv */
    label_date(REPORT_LANG_EN, date_from_ymd(2024, 9, 5), d);
    assert_string_equal(d, "2024-09-05");
    assert_string_equal(label_date_format(REPORT_LANG_SV), "d.m.yyyy");
    assert_int_equal(report_lang_parse("SV"), REPORT_LANG_SV);
    assert_int_equal(report_lang_parse("de"), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_label_in_every_language),
        cmocka_unit_test(sheet_names_are_valid),
        cmocka_unit_test(every_code_in_every_language),
        cmocka_unit_test(every_definition_in_every_language),
        cmocka_unit_test(every_spec_id_is_defined),
        cmocka_unit_test(spec_file_ids_are_defined),
        cmocka_unit_test(substitution_and_dates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
