/* The outcome-instrument chart: a paired dot plot of the mean baseline and
 * latest score (metrics.md "Outcome instruments over time"), one section
 * per instrument code, the whole service first and then each provider, with
 * the paired clients in the row's label.  A hidden pair (its paired count
 * suppressed) draws no dot and no number, only the hidden mark. */
#include <stdio.h>
#include <string.h>

#include "charts/chart_build_internal.h"

#define PAIRED "_paired"
#define MAX_CODES 16

/* The codes of the whole "<I>_paired" rows of set, in row order. */
static size_t codes_of(const metric_set *set, char codes[][48], size_t max)
{
    size_t n = 0, sl = strlen(PAIRED);
    for (size_t i = 0; set && i < set->n && n < max; i++) {
        const metric_row *r = &set->rows[i];
        size_t len = strlen(r->metric);
        if (r->group_by[0] || len <= sl || len - sl >= 48 ||
            strcmp(r->metric + len - sl, PAIRED) != 0)
            continue;
        memcpy(codes[n], r->metric, len - sl);
        codes[n][len - sl] = '\0';
        n++;
    }
    return n;
}

/* The chart and its PDF page come with the data's assessments, and only for
 * a period where someone is paired (or hidden): a period before the data
 * gets no page of empty instruments. */
bool chart_wanted(const chart_data *cd, chart_id id)
{
    if ((int)id >= 0 && id < CH__COUNT)
        return true;
    if (id != CH_INSTRUMENTS)
        return false;
    char codes[MAX_CODES][48];
    size_t n = codes_of(cd->period, codes, MAX_CODES);
    for (size_t i = 0; i < n; i++) {
        char metric[64];
        snprintf(metric, sizeof metric, "%.47s" PAIRED, codes[i]);
        const metric_row *r = cb_row(cd->period, metric);
        if (r && (r->suppressed || ((r->has & MH_VALUE) && r->value > 0)))
            return true;
    }
    return false;
}

static const metric_row *find(const metric_set *set, const char *code, const char *suffix,
                              const char *group_by, const char *group)
{
    char id[64];
    snprintf(id, sizeof id, "%s%s", code, suffix);
    return set ? metric_set_find(set, id, group_by, group) : NULL;
}

/* One row: the label with its paired clients, then the two means. */
static void pair_row(chart_model *m, const chart_data *cd, chart_lang lang, const metric_set *set,
                     const char *code, const char *group_by, const char *group)
{
    const metric_row *paired = find(set, code, PAIRED, group_by, group);
    char n[32], label[160];
    cb_row_text(cd, paired, lang, 0, NULL, n, sizeof n);
    if (!group_by[0])
        snprintf(label, sizeof label, chart_label(lang, CL_INSTR_ALL), n);
    else
        snprintf(label, sizeof label, chart_label(lang, CL_INSTR_GROUP),
                 group[0] ? group : chart_label(lang, CL_INSTR_UNKNOWN), n);
    chart_add_category(m, label);
    cb_add_row_point(m, &m->series[0], find(set, code, "_baseline_mean", group_by, group), lang);
    cb_add_row_point(m, &m->series[1], find(set, code, "_latest_mean", group_by, group), lang);
}

static void reading(chart_model *m, const chart_data *cd, chart_lang lang, const char *code)
{
    char base[32], latest[32], n[32], share[32], change[32];
    cb_row_text(cd, find(cd->period, code, "_baseline_mean", "", ""), lang, 2, NULL, base,
                sizeof base);
    cb_row_text(cd, find(cd->period, code, "_latest_mean", "", ""), lang, 2, NULL, latest,
                sizeof latest);
    cb_row_text(cd, find(cd->period, code, PAIRED, "", ""), lang, 0, NULL, n, sizeof n);
    cb_row_text(cd, find(cd->period, code, "_improved_share", "", ""), lang, 1,
                chart_lang_percent(lang), share, sizeof share);
    cb_row_text(cd, find(cd->period, code, "_change_mean", "", ""), lang, 2, NULL, change,
                sizeof change);
    cb_textf(m, CT_READING1, chart_label(lang, CL_INSTR_READ1),
             chart_instrument_name(lang, code), base, latest, n);
    cb_textf(m, CT_READING2, chart_label(lang, CL_INSTR_READ2), share, change);
}

chart_model *build_instruments(const chart_data *cd, chart_lang lang)
{
    chart_model *m = cb_new(cd, CHART_HBARS, CH_INSTRUMENTS, lang);
    if (!m)
        return NULL;
    m->dots = true;
    m->decimals = 2;
    m->y_min = 0;
    char period[48];
    cb_period_label(cd, lang, period, sizeof period);
    chart_set_text(m, CT_TITLE, chart_label(lang, CL_INSTR_TITLE));
    cb_textf(m, CT_SUBTITLE, chart_label(lang, CL_INSTR_SUBTITLE), period);
    chart_set_text(m, CT_X_LABEL, chart_label(lang, CL_INSTR_X));
    chart_model_add_series(m, chart_label(lang, CL_INSTR_BASELINE));
    chart_model_add_series(m, chart_label(lang, CL_INSTR_LATEST));
    if (!chart_ok(m))
        return m;
    char codes[MAX_CODES][48];
    size_t nc = codes_of(cd->period, codes, MAX_CODES);
    for (size_t c = 0; c < nc; c++) {
        size_t first = m->ncat;
        pair_row(m, cd, lang, cd->period, codes[c], "", "");
        char id[64];
        snprintf(id, sizeof id, "%.47s" PAIRED, codes[c]);
        /* Providers with anyone paired, or whose count is hidden. */
        for (size_t i = 0; cd->providers && i < cd->providers->n; i++) {
            const metric_row *r = &cd->providers->rows[i];
            if (strcmp(r->metric, id) != 0 || strcmp(r->group_by, "provider") != 0 ||
                !(r->suppressed || ((r->has & MH_VALUE) && r->value > 0)))
                continue;
            pair_row(m, cd, lang, cd->providers, codes[c], "provider", r->group);
        }
        chart_add_group(m, chart_instrument_name(lang, codes[c]), first, m->ncat - first);
    }
    if (nc > 0)
        reading(m, cd, lang, codes[0]);
    return m;
}
