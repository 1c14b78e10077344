/* The comparisons beside the headline figures (model/publication.h): the
 * periods, their suppressed rows, the targets and the differences, all in
 * model/ so that the workbook and the PDF only lay them out.
 *
 * Disclosure.  The same period a year earlier is a calendar period of its
 * own year's universe, and the year to date is Q1, H1, the year, or (for
 * Q3) January–September, which model/disclosure_universe.c publishes with
 * its year (YTD = H1 + Q3).  The last four quarters and the time since the
 * start usually span two or more years, so they belong to no one year's
 * universe: their flows are sums of cells of several universes (2023Q4 +
 * January–September 2024), whose patterns were chosen apart.  Such a
 * figure is shown only when every part it is the sum of is shown whole in
 * its own universe: then it tells nothing the parts do not, and no hidden
 * part can be worked out as the span minus the others.  Otherwise it reads
 * "–".  The start is taken to the first day of its quarter so that the
 * parts are always calendar cells; a span that is not made of them (the year
 * to date of a free period that ends mid-quarter) reads "–" throughout. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/facts.h"
#include "model/project.h"
#include "model/publication.h"

bool pub_comparisons_copy(pub_comparisons *dst, const pub_comparisons *src)
{
    *dst = *src;
    dst->rows = NULL;
    if (!src->n)
        return true;
    dst->rows = malloc(src->n * sizeof *dst->rows);
    if (!dst->rows) {
        dst->n = 0;
        return false;
    }
    memcpy(dst->rows, src->rows, src->n * sizeof *dst->rows);
    return true;
}

void pub_comparisons_free(pub_comparisons *c)
{
    free(c->rows);
    c->rows = NULL;
    c->n = 0;
}

/* The first day anything is known of (facts_first_day). */
static ips_error data_first_day(warehouse *wh, const publication *p, ips_day *out, ips_diag *d)
{
    const facts *f;
    ips_error e = facts_get_core(wh, p->as_of, &f, d);
    *out = e == IPS_OK ? facts_first_day(f) : IPS_DAY_NONE;
    return e;
}

/* A cell of one year's universe starting at s: the year, January–September,
 * a half or a quarter; the longest that fits in s..e, or 0 months. */
static int cell_months(ips_day s, ips_day e)
{
    int y, m, d;
    date_to_ymd(s, &y, &m, &d);
    static const int months[] = {12, 9, 6, 3};
    for (size_t i = 0; i < sizeof months / sizeof months[0]; i++) {
        int n = months[i];
        bool starts = n == 3 ? (m - 1) % 3 == 0 : n == 6 ? m == 1 || m == 7 : m == 1;
        if (d == 1 && starts && date_add_months(s, n) - 1 <= e)
            return n;
    }
    return 0;
}

/* The calendar cells s..e is the sum of (s a quarter's first day, e a
 * quarter's last); returns how many (0 when it is one cell itself). */
static size_t span_parts(ips_day s, ips_day e, ips_day *ps, ips_day *pe, size_t cap)
{
    if (cell_months(s, e) && date_add_months(s, cell_months(s, e)) - 1 == e)
        return 0;
    size_t n = 0;
    while (s <= e && n < cap) {
        int k = cell_months(s, e);
        if (!k)
            return cap + 1; /* not made of cells: the caller hides it */
        ps[n] = s;
        pe[n++] = date_add_months(s, k) - 1;
        s = date_add_months(s, k);
    }
    return s <= e ? cap + 1 : n;
}

#define MAX_PARTS 64

/* Hides the rows of a span that some part does not show (header comment). */
static ips_error guard_span(warehouse *wh, publication *p, ips_day s, ips_day e, ips_diag *d)
{
    ips_day ps[MAX_PARTS], pe[MAX_PARTS];
    size_t n = span_parts(s, e, ps, pe, MAX_PARTS);
    if (n == 0 || p->q.internal)
        return IPS_OK;
    metric_set *span = (metric_set *)publication_span_rows(p, s, e);
    if (!span)
        return IPS_OK;
    bool all_hidden = n > MAX_PARTS;
    for (size_t k = 0; !all_hidden && k < n; k++) {
        ips_error err = publication_plan_entry(wh, p, ps[k], pe[k], GROUP_NONE, d);
        if (err != IPS_OK)
            return err;
    }
    span = (metric_set *)publication_span_rows(p, s, e); /* the plan may have moved */
    for (size_t i = 0; i < span->n; i++) {
        metric_row *r = &span->rows[i];
        if (r->suppressed || !(r->has & MH_VALUE))
            continue;
        bool shown = !all_hidden;
        for (size_t k = 0; shown && k < n; k++) {
            const metric_row *part =
                metric_set_find(publication_rows(p, ps[k], pe[k], GROUP_NONE), r->metric, "", "");
            shown = part && !part->suppressed;
        }
        if (!shown)
            metric_row_hide(r, false, p->q.min_cell);
    }
    return IPS_OK;
}

static void target_of(const publication *p, pub_comparison *c)
{
    const ips_project *pr = p->q.project;
    if (project_target_for(pr, c->metric, p->cmp.start[PC_NOW], p->cmp.end[PC_NOW], &c->target)) {
        c->target_source = PT_PROJECT;
    } else if (strcmp(c->metric, "employment_rate") == 0) {
        c->target = PUB_BENCH_AVERAGE; /* the IPS benchmark unless the project sets its own */
        c->target_source = PT_BENCHMARK;
    }
    const metric_row *now = &c->col[PC_NOW];
    if (c->target_source != PT_NONE && now->metric[0] && !now->suppressed &&
        (now->has & MH_VALUE)) {
        c->has_diff = true;
        /* to the digits shown, so the cell holds 8.8 and not 8.800000000000001 */
        double scale = pow(10.0, now->decimals < 0 ? 0 : now->decimals);
        c->diff = round((metric_round(now->value, now->decimals) - c->target) * scale) / scale;
    }
}

static ips_error periods(warehouse *wh, publication *p, ips_diag *d)
{
    pub_comparisons *c = &p->cmp;
    ips_day s = p->q.start, e = p->q.end;
    c->start[PC_NOW] = s, c->end[PC_NOW] = e;
    c->start[PC_YEAR_AGO] = date_add_months(s, -12);
    c->end[PC_YEAR_AGO] = date_add_months(e + 1, -12) - 1;
    int y, m, dd;
    date_to_ymd(e, &y, &m, &dd);
    c->start[PC_YTD] = date_from_ymd(y, 1, 1), c->end[PC_YTD] = e;
    ips_day qs[4], qe[4];
    metric_period_quarters(e, 4, qs, qe);
    c->start[PC_LAST4] = qs[0], c->end[PC_LAST4] = qe[3];
    ips_day first;
    ips_error err = data_first_day(wh, p, &first, d);
    if (err != IPS_OK)
        return err;
    const ips_project *pr = p->q.project;
    c->since_project = pr && pr->start != IPS_DAY_NONE;
    ips_day from = c->since_project ? pr->start : first;
    c->start[PC_SINCE] = from == IPS_DAY_NONE || from > e ? s : metric_quarter_start(from);
    c->end[PC_SINCE] = e;
    /* A period that ends before anything is known has no figures, not zeros. */
    for (int k = 0; k < PC__COLS; k++)
        if (k != PC_NOW && first != IPS_DAY_NONE && c->end[k] < first)
            c->start[k] = c->end[k] = IPS_DAY_NONE;
    return IPS_OK;
}

ips_error publication_compare_build(warehouse *wh, publication *p, ips_diag *d)
{
    ips_error e = periods(wh, p, d);
    pub_comparisons *c = &p->cmp;
    for (int k = 0; e == IPS_OK && k < PC__COLS; k++) {
        if (c->start[k] == IPS_DAY_NONE)
            continue;
        ips_day ps[MAX_PARTS], pe[MAX_PARTS];
        bool span = k >= PC_YTD && !p->q.internal &&
                    span_parts(c->start[k], c->end[k], ps, pe, MAX_PARTS) != 0;
        /* guard_span() hides a span's rows unless every part shows them */
        e = span ? publication_plan_span(wh, p, c->start[k], c->end[k], d)
                 : publication_plan_entry(wh, p, c->start[k], c->end[k], GROUP_NONE, d);
    }
    /* The year to date of a free period (--from/--to) is no cell either. */
    for (int k = PC_YTD; e == IPS_OK && k < PC__COLS; k++)
        if (c->start[k] != IPS_DAY_NONE)
            e = guard_span(wh, p, c->start[k], c->end[k], d);
    if (e != IPS_OK)
        return e;
    size_t n = 0;
    while (project_headline_metrics[n])
        n++;
    c->rows = calloc(n, sizeof *c->rows);
    if (!c->rows)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    c->n = n;
    for (size_t i = 0; i < n; i++) {
        pub_comparison *r = &c->rows[i];
        snprintf(r->metric, sizeof r->metric, "%s", project_headline_metrics[i]);
        for (int k = 0; k < PC__COLS; k++)
            metric_row_init(&r->col[k]); /* metric "": the period has no row */
        for (int k = 0; k < PC__COLS; k++) {
            const metric_row *x =
                c->start[k] == IPS_DAY_NONE
                    ? NULL
                    : metric_set_find(publication_span_rows(p, c->start[k], c->end[k]),
                                      r->metric, "", "");
            if (x)
                r->col[k] = *x;
        }
        target_of(p, r);
    }
    return IPS_OK;
}
