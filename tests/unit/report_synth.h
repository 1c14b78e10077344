/* Hand-made metric rows and inputs for workbook tests, so the sheets can be
 * checked before (and independently of) the metric families: every kind of
 * row, formula-like and identity-code-like group names, small cells, a
 * negative median, a fidelity review with a range, fee prices.
 * Header-only, like fixture.h.  Also writes the rows as `ipsreport metrics`
 * CSV and runs tests/e2e/check_report.py on a workbook. */
#ifndef IPS_TEST_REPORT_SYNTH_H
#define IPS_TEST_REPORT_SYNTH_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/metrics.h"
#include "common/intern.h"
#include "reports/report_data.h"
#include "reports/report_inputs.h"
#include "reports/workbook.h"

/* Texts that must arrive in the workbook as they are, as text. */
static const char *const synth_texts[] = {
    "=SUM(1,2)", "@prov", "+team", "-region", "=cmd|' /C calc'!A0.csv", "-x is not a number",
};

typedef struct {
    ips_day start, end;
    bool published; /* suppress counts 1..4 and shares built on them */
} synth_ctx;

static inline metric_row *synth_row(const synth_ctx *c, metric_set *set, const char *metric,
                                    const char *group_by, const char *group, metric_kind kind)
{
    metric_row *r = metric_set_add(set, metric);
    assert_non_null(r);
    r->period_start = c->start;
    r->period_end = c->end;
    r->group_by = ips_intern(group_by);
    r->group = ips_intern(group);
    r->kind = kind;
    return r;
}

static inline bool synth_small(const synth_ctx *c, double v)
{
    return c->published && v >= 1 && v <= 4;
}

static inline void synth_count(const synth_ctx *c, metric_set *set, const char *metric,
                               const char *group_by, const char *group, double v)
{
    metric_row *r = synth_row(c, set, metric, group_by, group, MK_COUNT);
    r->has = MH_VALUE;
    r->value = v;
    r->suppressed = synth_small(c, v);
}

static inline void synth_share(const synth_ctx *c, metric_set *set, const char *metric,
                               const char *group_by, const char *group, double num, double den,
                               int score)
{
    metric_row *r = synth_row(c, set, metric, group_by, group, MK_SHARE);
    r->has = MH_NUMERATOR | MH_DENOMINATOR | MH_VALUE | (score ? MH_SCORE : 0);
    r->numerator = num;
    r->denominator = den;
    r->value = den > 0 ? num / den * 100.0 : 0;
    r->decimals = 1;
    r->score = score;
    r->suppressed = synth_small(c, num) || synth_small(c, den);
}

static inline void synth_mean(const synth_ctx *c, metric_set *set, const char *metric,
                              const char *group_by, const char *group, metric_kind kind, double v,
                              double n, int decimals, int score)
{
    metric_row *r = synth_row(c, set, metric, group_by, group, kind);
    r->has = MH_DENOMINATOR | MH_VALUE | (score ? MH_SCORE : 0);
    r->denominator = n;
    r->value = v;
    r->decimals = decimals;
    r->score = score;
}

/* The period's whole-unit rows; k varies the numbers between periods. */
static inline void synth_whole(const synth_ctx *c, metric_set *set, int k)
{
    synth_count(c, set, "caseload_active", "", "", 40 + k);
    synth_count(c, set, "enrollments_started", "", "", 12 + k);
    synth_count(c, set, "exits", "", "", 9);
    synth_share(c, set, "employment_rate", "", "", 15 + k, 40 + k, 0);
    synth_share(c, set, "employment_at_exit", "", "", 3, 9, 0);
    synth_share(c, set, "employed_at_exit_any", "", "", 5, 9, 0);
    synth_mean(c, set, "time_to_first_job_median_days", "", "", MK_KM, 120 - k, 30, 0, 0);
    synth_mean(c, set, "employed_within_180_days", "", "", MK_KM, 45.2, 30, 1, 0);
    synth_mean(c, set, "referral_wait_median_days", "", "", MK_MEDIAN, -3, 10, 0, 0);
    metric_row *r = synth_row(c, set, "caseload_per_fte", "", "", MK_RATIO);
    r->has = MH_NUMERATOR | MH_DENOMINATOR | MH_VALUE | MH_SCORE;
    r->numerator = 40;
    r->denominator = 2.5;
    r->value = 16;
    r->decimals = 1;
    r->score = 5;
    r = synth_row(c, set, "employer_contacts_per_week", "", "", MK_RATIO);
    r->has = MH_NUMERATOR | MH_VALUE | MH_SCORE;
    r->numerator = 52;
    r->value = 52.0 / 13 / 1.5;
    r->decimals = 2;
    r->score = 2;
    synth_share(c, set, "job_diversity", "", "", 8, 10, 4);
    synth_share(c, set, "employer_diversity", "", "", 6, 10, 3);
    synth_mean(c, set, "first_employer_contact_mean_days", "", "", MK_MEAN, 25.5, 12, 1, 5);
    synth_share(c, set, "first_employer_contact_within_30", "", "", 9, 12, 0);
    synth_count(c, set, "first_employer_contact_pending", "", "", 4);
    synth_count(c, set, "fidelity_total_low", "review", "R1", 83);
    synth_count(c, set, "fidelity_total_high", "review", "R1", 89);
    r = synth_row(c, set, "fidelity_band", "review", "R1", MK_TEXT);
    r->text = "fair/good";
    synth_count(c, set, "fee_start", "provider", "=SUM(1,2)", 7);
    synth_count(c, set, "fee_guidance", "provider", "=SUM(1,2)", 2);
    synth_count(c, set, "fee_outcome", "provider", "=SUM(1,2)", 6);
    synth_count(c, set, "fee_start", "provider", "@prov", 5);
    synth_count(c, set, "fee_start", "", "", 12);
    synth_count(c, set, "clients_per_year", "region", "-region", 60);
    synth_mean(c, set, "fte_current", "region", "-region", MK_WEIGHTED, 1.5, 0, 1, 0);
    synth_mean(c, set, "fte_needed_throughput", "region", "-region", MK_RATIO, 1.3, 0, 1, 0);
    synth_mean(c, set, "fte_needed_caseload", "region", "-region", MK_RATIO, 1.1, 0, 1, 0);
    synth_mean(c, set, "fte_gap", "region", "-region", MK_RATIO, -0.2, 0, 1, 0);
    for (size_t i = 0; i < set->n; i++)
        if (set->rows[i].kind == MK_WEIGHTED || strncmp(set->rows[i].metric, "fte_", 4) == 0)
            set->rows[i].has = MH_VALUE; /* value only, as R18 says */
}

static inline void synth_by(const synth_ctx *c, report_data *data, metric_group g,
                            const char *const *groups, const double *counts, size_t n)
{
    if (!data->by[g])
        assert_non_null(data->by[g] = metric_set_new());
    const char *by = metric_group_name(g);
    for (size_t i = 0; i < n; i++) {
        synth_count(c, data->by[g], g == GROUP_EXIT_REASON ? "exits" : "caseload_active", by,
                    groups[i], counts[i]);
        if (g != GROUP_EXIT_REASON)
            synth_share(c, data->by[g], "employment_rate", by, groups[i], counts[i] / 2, counts[i], 0);
    }
}

static inline void synth_coaches(const synth_ctx *c, report_data *data)
{
    assert_non_null(data->by[GROUP_COACH] = metric_set_new());
    metric_set *s = data->by[GROUP_COACH];
    synth_mean(c, s, "first_employer_contact_mean_days", "coach", "k1", MK_MEAN, 20, 7, 1, 5);
    synth_share(c, s, "first_employer_contact_within_30", "coach", "k1", 6, 7, 0);
    synth_mean(c, s, "first_employer_contact_mean_days", "coach", "k2", MK_MEAN, 41, 5, 1, 4);
    metric_row *r = synth_row(c, s, "employer_contacts_per_week", "coach", "k2", MK_RATIO);
    r->has = MH_NUMERATOR | MH_VALUE | MH_SCORE;
    r->numerator = 30;
    r->value = 30.0 / 13 / 0.5;
    r->decimals = 2;
    r->score = 5;
}

static inline report_data *synth_data(ips_day start, ips_day end, bool published)
{
    report_data *data = report_data_new();
    assert_non_null(data);
    synth_ctx c = {start, end, published};
    synth_whole(&c, data->cur, 0);
    synth_ctx p = c;
    metric_period_previous(start, end, &p.start, &p.end);
    synth_whole(&p, data->prev, -4);
    ips_day qs = start, qe = end;
    for (int i = REPORT_QUARTERS - 1; i >= 0; i--) {
        synth_ctx q = {qs, qe, published};
        data->q_start[i] = qs;
        data->q_end[i] = qe;
        synth_count(&q, data->quarter[i], "caseload_active", "", "", 30 + i);
        synth_share(&q, data->quarter[i], "employment_rate", "", "", 10 + i, 30 + i, 0);
        metric_period_previous(qs, qe, &qs, &qe);
    }
    static const char *const providers[] = {"=SUM(1,2)", "@prov"};
    static const char *const teams[] = {"+team", "tiimi B"};
    static const char *const regions[] = {"-region", ""};
    static const char *const genders[] = {"f", "m", "x"};
    static const char *const ages[] = {"<25", "30-39", "60+"};
    static const char *const segments[] = {"mental_health", "youth"};
    static const char *const reasons[] = {"employed_open", "sick_leave", "weird_code"};
    static const double two[] = {25, 15}, three[] = {22, 15, 3}, exits[] = {3, 2, 4};
    synth_by(&c, data, GROUP_PROVIDER, providers, two, 2);
    synth_by(&c, data, GROUP_TEAM, teams, two, 2);
    synth_by(&c, data, GROUP_REGION, regions, two, 2);
    synth_by(&c, data, GROUP_GENDER, genders, three, 3);
    synth_by(&c, data, GROUP_AGE_GROUP, ages, three, 3);
    synth_by(&c, data, GROUP_SEGMENT, segments, two, 2);
    synth_by(&c, data, GROUP_EXIT_REASON, reasons, exits, 3);
    synth_coaches(&c, data);
    /* The reviewed unit's own data: item 1 scores 5 where the reviewer gave 2. */
    metric_row *r = synth_row(&c, data->by[GROUP_PROVIDER], "caseload_per_fte", "provider",
                              "=SUM(1,2)", MK_RATIO);
    r->has = MH_NUMERATOR | MH_DENOMINATOR | MH_VALUE | MH_SCORE;
    r->numerator = 25;
    r->denominator = 1.5;
    r->value = 16.7;
    r->decimals = 1;
    r->score = 5;
    return data;
}

static inline report_inputs *synth_inputs(void)
{
    report_inputs *in = report_inputs_new();
    assert_non_null(in);
    report_batch *b = report_inputs_add_batch(in, "=cmd|' /C calc'!A0.csv", "ab12cd34", "jobs",
                                              "2024-10-01T08:00:00Z");
    assert_non_null(b);
    b->rows_read = 100;
    b->rows_stored = 95;
    b->rows_rejected = 5;
    assert_non_null(report_inputs_add_batch(in, "asiakkaat_131052-308T.csv", "ef56", "clients",
                                            "2024-10-01T08:01:00Z"));
    assert_non_null(report_inputs_add_finding(in, "warning", "job_without_episode", "jobs",
                                              "jobs.csv:12: enrollment_id", "-x is not a number", 3));
    in->checked = true;
    in->key_fingerprint = strdup("fp:0123456789abcdef");
    report_review *r = report_inputs_add_review(in, "R1", "=SUM(1,2)", "THL", date_from_ymd(2024, 9, 1));
    assert_non_null(r);
    for (int i = 1; i <= REPORT_ITEMS; i++)
        r->items[i] = (report_review_item){RI_RATED, 3, 3};
    r->items[1] = (report_review_item){RI_RATED, 2, 2}; /* data says 5: differs */
    r->items[19] = (report_review_item){RI_RATED, 3, 5};
    r->items[7] = (report_review_item){RI_NOT_APPLICABLE, 0, 0};
    assert_non_null(report_inputs_add_price(in, NULL, 500, 300, 1500));
    assert_non_null(report_inputs_add_price(in, "@prov", 600, 300, 1800));
    in->has_tariff = true;
    return in;
}

static inline void synth_csv_field(FILE *f, const char *s)
{
    if (strpbrk(s, ",\"\n\r")) {
        fputc('"', f);
        for (; *s; s++) {
            if (*s == '"')
                fputc('"', f);
            fputc(*s, f);
        }
        fputc('"', f);
    } else {
        fputs(s, f);
    }
}

/* The rows as `ipsreport metrics --format csv --internal` prints them. */
static inline void synth_csv(const char *path, const metric_set *set)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("metric,period_start,period_end,group_by,group,numerator,denominator,value,score,"
          "suppressed\n", f);
    for (size_t i = 0; set && i < set->n; i++) {
        const metric_row *r = &set->rows[i];
        char a[11], b[11], v[64];
        date_format_iso(r->period_start, a);
        date_format_iso(r->period_end, b);
        fprintf(f, "%s,%s,%s,", r->metric, a, b);
        synth_csv_field(f, r->group_by);
        fputc(',', f);
        synth_csv_field(f, r->group);
        fputc(',', f);
        if (r->has & MH_NUMERATOR)
            fprintf(f, "%.17g", r->numerator);
        fputc(',', f);
        if (r->has & MH_DENOMINATOR)
            fprintf(f, "%.17g", r->denominator);
        fputc(',', f);
        synth_csv_field(f, metric_format_value(r, 5, v, sizeof v));
        fputc(',', f);
        if (r->has & MH_SCORE)
            fprintf(f, "%d", r->score);
        fprintf(f, ",%d\n", r->suppressed ? 1 : 0);
    }
    assert_int_equal(fclose(f), 0);
}

/* Runs the openpyxl checker; fails the test when it reports a failure.
 * Skips when Debian's python3-openpyxl is not there. */
static inline void synth_check(const char *book, const char *args)
{
    if (system("/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1") != 0)
        skip();
    const char *root = getenv("IPS_ROOT");
    char cmd[8192];
    if ((size_t)snprintf(cmd, sizeof cmd, "/usr/bin/python3 %s/tests/e2e/check_report.py %s %s 2>&1",
                         root ? root : ".", book, args) >= sizeof cmd)
        fail_msg("checker command too long");
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char line[4096];
    int failed = 0;
    while (fgets(line, sizeof line, p)) {
        if (strncmp(line, "PASS: ", 6) != 0) {
            fprintf(stderr, "  %s", line);
            failed++;
        }
    }
    int rc = pclose(p);
    if (rc != 0 || failed)
        fail_msg("check_report.py found problems in %s (exit %d)", book, rc);
}

#endif
