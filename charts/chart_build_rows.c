/* Charts built from metric rows alone: the quarterly employment rate and
 * exits by reason (the coaches' workload is in chart_build_coach.c). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charts/chart_build_internal.h"

/* IPS Employment Center: 41 % is average performance, 50 % excellent. */
#define IPS_BENCHMARK_LOW 41.0
#define IPS_BENCHMARK_HIGH 50.0

static void employment_reading(chart_model *m, const chart_data *cd, chart_lang lang)
{
    const char *pct = chart_lang_percent(lang);
    const metric_row *now = cb_row(cd->quarter[CHART_QUARTERS - 1], "employment_rate");
    const metric_row *before = cb_row(cd->quarter[CHART_QUARTERS - 2], "employment_rate");
    char v[32], diff[32];
    cb_row_text(cd, now, lang, 1, pct, v, sizeof v);
    if (!cb_usable(now)) {
        chart_set_text(m, CT_READING1, chart_label(lang, CL_EMP_READ_NONE));
        return;
    }
    if (!cb_usable(before)) {
        cb_textf(m, CT_READING1, chart_label(lang, CL_EMP_READ_FIRST), v);
    } else {
        double d = round((now->value - before->value) * 10) / 10;
        chart_lang_number(lang, fabs(d), 1, NULL, diff, sizeof diff);
        chart_label_id id = d > 0 ? CL_EMP_READ_UP : d < 0 ? CL_EMP_READ_DOWN : CL_EMP_READ_SAME;
        cb_textf(m, CT_READING1, chart_label(lang, id), v, diff);
    }
    chart_label_id band = now->value < IPS_BENCHMARK_LOW    ? CL_EMP_READ_BELOW
                          : now->value <= IPS_BENCHMARK_HIGH ? CL_EMP_READ_WITHIN
                                                             : CL_EMP_READ_ABOVE;
    chart_set_text(m, CT_READING2, chart_label(lang, band));
}

chart_model *build_employment(const chart_data *cd, chart_lang lang)
{
    chart_model *m = cb_new(cd, CHART_LINE, CH_EMPLOYMENT, lang);
    if (!m)
        return NULL;
    char first[48], last[48];
    cb_quarter_label(cd, 0, lang, first, sizeof first);
    cb_quarter_label(cd, CHART_QUARTERS - 1, lang, last, sizeof last);
    chart_set_text(m, CT_TITLE, chart_label(lang, CL_EMP_TITLE));
    cb_textf(m, CT_SUBTITLE, chart_label(lang, CL_EMP_SUBTITLE), first, last);
    chart_set_text(m, CT_Y_LABEL, chart_label(lang, CL_EMP_AXIS));
    chart_set_text(m, CT_UNIT, chart_lang_percent(lang));
    m->decimals = 1;
    m->y_min = 0;
    m->label_points = true;
    chart_series *s = chart_model_add_series(m, chart_label(lang, CL_EMP_TITLE));
    for (size_t i = 0; i < CHART_QUARTERS; i++) {
        char q[48];
        cb_quarter_label(cd, i, lang, q, sizeof q);
        chart_add_category(m, q);
        cb_add_row_point(m, s, cb_row(cd->quarter[i], "employment_rate"), lang);
    }
    chart_add_ref(m, CHART_BAND_Y, IPS_BENCHMARK_LOW, IPS_BENCHMARK_HIGH,
                  chart_label(lang, CL_EMP_BENCHMARK));
    /* The project's own target (--project), from the publication's
     * comparisons: a dashed line besides the benchmark band. */
    for (size_t i = 0; i < cd->cmp.n; i++) {
        const pub_comparison *c = &cd->cmp.rows[i];
        if (strcmp(c->metric, "employment_rate") != 0 || c->target_source != PT_PROJECT)
            continue;
        char v[32], label[96];
        chart_lang_number(lang, c->target, 1, chart_lang_percent(lang), v, sizeof v);
        snprintf(label, sizeof label, chart_label(lang, CL_EMP_TARGET), v);
        chart_add_ref(m, CHART_REF_Y, c->target, 0, label);
    }
    employment_reading(m, cd, lang);
    return m;
}

typedef struct {
    const metric_row *row;
} exit_ref;

/* Largest first; hidden ones after the shown, then by code for a stable order. */
static int by_count(const void *a, const void *b)
{
    const metric_row *x = ((const exit_ref *)a)->row, *y = ((const exit_ref *)b)->row;
    if (x->suppressed != y->suppressed)
        return x->suppressed ? 1 : -1;
    if (x->value != y->value)
        return x->value < y->value ? 1 : -1;
    return strcmp(x->group, y->group);
}

static void exits_reading(chart_model *m, const chart_data *cd, chart_lang lang,
                          const exit_ref *refs, size_t n)
{
    char total[32], open[32], share[32];
    const metric_row *all = cb_row(cd->period, "exits");
    cb_row_text(cd, all, lang, 0, NULL, total, sizeof total);
    const metric_row *emp =
        cd->exits ? metric_set_find(cd->exits, "exits", "exit_reason", "employed_open") : NULL;
    if (emp)
        cb_row_text(cd, emp, lang, 0, NULL, open, sizeof open);
    else
        chart_lang_number(lang, 0, 0, NULL, open, sizeof open);
    cb_row_text(cd, cb_row(cd->period, "employment_at_exit"), lang, 1, chart_lang_percent(lang),
                share, sizeof share);
    cb_textf(m, CT_READING1, chart_label(lang, CL_EXIT_READ1), total, open, share);
    if (n > 0 && cb_usable(refs[0].row)) {
        char c[32];
        cb_row_text(cd, refs[0].row, lang, 0, NULL, c, sizeof c);
        cb_textf(m, CT_READING2, chart_label(lang, CL_EXIT_READ2),
                 chart_exit_reason(lang, refs[0].row->group), c);
    }
}

chart_model *build_exits(const chart_data *cd, chart_lang lang)
{
    chart_model *m = cb_new(cd, CHART_HBARS, CH_EXITS, lang);
    if (!m)
        return NULL;
    char period[48];
    cb_period_label(cd, lang, period, sizeof period);
    chart_set_text(m, CT_TITLE, chart_label(lang, CL_EXIT_TITLE));
    cb_textf(m, CT_SUBTITLE, chart_label(lang, CL_EXIT_SUBTITLE), period);
    chart_set_text(m, CT_X_LABEL, chart_label(lang, CL_EPISODES));
    m->whole_numbers = true;
    m->y_min = 0;
    size_t n = 0;
    exit_ref *refs = calloc(cd->exits && cd->exits->n ? cd->exits->n : 1, sizeof *refs);
    if (!refs) {
        chart_free(m);
        return NULL;
    }
    for (size_t i = 0; cd->exits && i < cd->exits->n; i++) {
        const metric_row *r = &cd->exits->rows[i];
        if (strcmp(r->metric, "exits") == 0 && strcmp(r->group_by, "exit_reason") == 0 &&
            (r->suppressed || ((r->has & MH_VALUE) && r->value > 0)))
            refs[n++].row = r;
    }
    qsort(refs, n, sizeof *refs, by_count);
    chart_series *s = chart_model_add_series(m, chart_label(lang, CL_EPISODES));
    for (size_t i = 0; i < n; i++) {
        chart_add_category(m, chart_exit_reason(lang, refs[i].row->group));
        if (refs[i].row->suppressed) {
            char lt[16];
            snprintf(lt, sizeof lt, "<%d", cd->min_cell);
            chart_add_missing(m, s, CP_SUPPRESSED, lt);
        } else {
            chart_add_value(m, s, refs[i].row->value);
        }
    }
    exits_reading(m, cd, lang, refs, n);
    free(refs);
    return m;
}
