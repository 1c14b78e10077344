/* Taking the rows the charts need from the model's one publication (each
 * quarter, P, P by exit reason, P by coach), the helpers the builders share, and the
 * dispatch from chart id to builder. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "charts/chart_build_internal.h"
#include "model/project.h"
#include "model/publication.h"

const char *chart_id_name(chart_id id)
{
    static const char *const names[CH__ALL] = {
        [CH_EMPLOYMENT] = "employment_rate",
        [CH_EXITS] = "exits_by_reason",
        [CH_FIRST_CONTACT] = "first_employer_contact",
        [CH_FIDELITY] = "fidelity",
        [CH_SERVICE_PATH] = "service_path",
        [CH_TIME_TO_JOB] = "time_to_first_job",
        [CH_COACH_TARGETS] = "coach_targets",
        [CH_INSTRUMENTS] = "instruments",
    };
    return (int)id >= 0 && id < CH__ALL ? names[id] : "chart";
}

void chart_data_init(chart_data *cd)
{
    memset(cd, 0, sizeof *cd);
    cd->start = cd->end = cd->as_of = IPS_DAY_NONE;
    cd->min_cell = 5;
}

void chart_data_quarters(chart_data *cd)
{
    metric_period_quarters(cd->end, CHART_QUARTERS, cd->q_start, cd->q_end);
}

/* A copy of the publication's rows for one period and breakdown. */
static ips_error compute(warehouse *wh, const publication *p, const metric_query *base,
                         ips_day s, ips_day e, metric_group by, metric_set **out, ips_diag *d)
{
    if (!(*out = metric_set_new()))
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    return publication_copy_rows(wh, p, base, s, e, by, *out, d);
}

ips_error chart_data_fetch(warehouse *wh, const metric_query *q, chart_data *cd, ips_diag *d)
{
    chart_data_init(cd);
    cd->start = q->start;
    cd->end = q->end;
    cd->internal = q->internal;
    cd->min_cell = q->min_cell > 0 ? q->min_cell : 5;
    cd->as_of = q->as_of;
    if (cd->start == IPS_DAY_NONE || cd->end == IPS_DAY_NONE || cd->end < cd->start)
        return ips_diag_set(d, IPS_ERR_PERIOD, "no valid period given");
    const publication *p = NULL;
    ips_error e = publication_get(wh, q, IPS_DAY_NONE, IPS_DAY_NONE, &p, d);
    if (e == IPS_OK && cd->as_of == IPS_DAY_NONE)
        e = metrics_as_of(wh, &cd->as_of, d);
    chart_data_quarters(cd);
    for (int i = 0; e == IPS_OK && i < CHART_QUARTERS; i++)
        e = compute(wh, p, q, cd->q_start[i], cd->q_end[i], GROUP_NONE, &cd->quarter[i], d);
    if (e != IPS_OK)
        return e;
    cd->period_is_last_quarter = cd->start == cd->q_start[CHART_QUARTERS - 1] &&
                                 cd->end == cd->q_end[CHART_QUARTERS - 1];
    if (cd->period_is_last_quarter)
        cd->period = cd->quarter[CHART_QUARTERS - 1];
    else
        e = compute(wh, p, q, cd->start, cd->end, GROUP_NONE, &cd->period, d);
    if (e == IPS_OK)
        e = compute(wh, p, q, cd->start, cd->end, GROUP_EXIT_REASON, &cd->exits, d);
    if (e == IPS_OK)
        e = compute(wh, p, q, cd->start, cd->end, GROUP_COACH, &cd->coaches, d);
    if (e == IPS_OK)
        e = compute(wh, p, q, cd->start, cd->end, GROUP_PROVIDER, &cd->providers, d);
    if (e == IPS_OK)
        e = chart_inputs_from(p, cd->period, &cd->in, d);
    if (e == IPS_OK && !pub_comparisons_copy(&cd->cmp, &p->cmp))
        e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    if (e == IPS_OK && p->q.project) {
        snprintf(cd->project_name, sizeof cd->project_name, "%s", p->q.project->name);
        snprintf(cd->project_code, sizeof cd->project_code, "%s", p->q.project->code);
        snprintf(cd->project_funder, sizeof cd->project_funder, "%s", p->q.project->funder);
    }
    return e;
}

void chart_data_free(chart_data *cd)
{
    if (!cd)
        return;
    for (int i = 0; i < CHART_QUARTERS; i++)
        metric_set_free(cd->quarter[i]);
    if (!cd->period_is_last_quarter)
        metric_set_free(cd->period);
    metric_set_free(cd->exits);
    metric_set_free(cd->coaches);
    metric_set_free(cd->providers);
    chart_inputs_free(&cd->in);
    pub_comparisons_free(&cd->cmp);
    chart_data_init(cd);
}

void chart_date_label(chart_lang lang, ips_day day, char *buf, size_t n)
{
    if (day == IPS_DAY_NONE) {
        snprintf(buf, n, "–");
        return;
    }
    /* The workbook's style (common/date.h), so that one language writes one. */
    char text[16];
    date_format_style(day, date_style_of(chart_lang_code(lang)), text);
    snprintf(buf, n, "%s", text);
}

void chart_period_label(chart_lang lang, ips_day start, ips_day end, char *buf, size_t n)
{
    int y1, m1, d1, y2, m2, d2;
    date_to_ymd(start, &y1, &m1, &d1);
    date_to_ymd(end + 1, &y2, &m2, &d2);
    int months = (y2 * 12 + m2) - (y1 * 12 + m1);
    bool whole = d1 == 1 && d2 == 1;
    if (whole && months == 3 && (m1 - 1) % 3 == 0)
        snprintf(buf, n, "%dQ%d", y1, (m1 - 1) / 3 + 1);
    else if (whole && months == 6 && (m1 == 1 || m1 == 7))
        snprintf(buf, n, "%dH%d", y1, m1 == 1 ? 1 : 2);
    else if (whole && months == 12 && m1 == 1)
        snprintf(buf, n, "%d", y1);
    else {
        char a[16], b[16];
        chart_date_label(lang, start, a, sizeof a);
        chart_date_label(lang, end, b, sizeof b);
        snprintf(buf, n, "%s–%s", a, b);
    }
}

/* label, and " (to date)" when [.., end] was cut at A. */
static void to_date_label(const chart_data *cd, chart_lang lang, ips_day start, ips_day end,
                          chart_lang code_lang, char *buf, size_t n)
{
    char name[48];
    chart_period_label(code_lang, start, end, name, sizeof name);
    if (metric_period_cut(end, cd->as_of) < end)
        snprintf(buf, n, "%s (%s)", name, chart_shared_label(lang, L_TO_DATE));
    else
        snprintf(buf, n, "%s", name);
}

void cb_quarter_label(const chart_data *cd, size_t i, chart_lang lang, char *buf, size_t n)
{
    to_date_label(cd, lang, cd->q_start[i], cd->q_end[i], LANG_EN, buf, n);
}

void cb_period_label(const chart_data *cd, chart_lang lang, char *buf, size_t n)
{
    to_date_label(cd, lang, cd->start, cd->end, lang, buf, n);
}

chart_model *cb_new(const chart_data *cd, chart_kind kind, chart_id id, chart_lang lang)
{
    chart_model *m = chart_new(kind, chart_id_name(id));
    if (!m)
        return NULL;
    m->decimal_mark = chart_lang_decimal_mark(lang);
    chart_set_text(m, CT_EMPTY, chart_label(lang, CL_NO_DATA));
    if (cd->internal)
        chart_add_note(m, chart_label(lang, CL_INTERNAL_NOTE));
    return m;
}

const metric_row *cb_row(const metric_set *set, const char *metric)
{
    return set ? metric_set_find(set, metric, "", "") : NULL;
}

bool cb_usable(const metric_row *r)
{
    return r && !r->suppressed && (r->has & MH_VALUE);
}

void cb_add_row_point(chart_model *m, chart_series *s, const metric_row *r, chart_lang lang)
{
    if (cb_usable(r))
        chart_add_value(m, s, r->value);
    else if (r && r->suppressed)
        chart_add_missing(m, s, CP_SUPPRESSED, chart_label(lang, CL_HIDDEN));
    else
        chart_add_missing(m, s, CP_MISSING, NULL);
}

bool cb_hide_count(const chart_data *cd, long count)
{
    return !cd->internal && count > 0 && count < cd->min_cell;
}

void cb_count_text(const chart_data *cd, chart_lang lang, long count, char *buf, size_t n)
{
    if (cb_hide_count(cd, count))
        snprintf(buf, n, "<%d", cd->min_cell);
    else
        chart_lang_number(lang, (double)count, 0, NULL, buf, n);
}

void cb_row_text(const chart_data *cd, const metric_row *r, chart_lang lang, int decimals,
                 const char *unit, char *buf, size_t n)
{
    if (!r)
        snprintf(buf, n, "–");
    else if (r->suppressed) /* "<5" only for a count hidden for being small */
        snprintf(buf, n, r->kind == MK_COUNT && (r->text[0] == '<' || !r->text[0]) ? "<%d" : "–",
                 cd->min_cell);
    else if (!(r->has & MH_VALUE))
        snprintf(buf, n, "–");
    else
        chart_lang_number(lang, r->value, r->decimals >= 0 ? r->decimals : decimals, unit, buf, n);
}

void cb_textf(chart_model *m, chart_text which, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    chart_set_text(m, which, buf);
}

chart_model *chart_build(const chart_data *cd, chart_id id, chart_lang lang)
{
    static chart_model *(*const builders[CH__ALL])(const chart_data *, chart_lang) = {
        [CH_EMPLOYMENT] = build_employment,
        [CH_EXITS] = build_exits,
        [CH_FIRST_CONTACT] = build_first_contact,
        [CH_FIDELITY] = build_fidelity,
        [CH_SERVICE_PATH] = build_service_path,
        [CH_TIME_TO_JOB] = build_time_to_job,
        [CH_COACH_TARGETS] = build_coach_targets,
        [CH_INSTRUMENTS] = build_instruments,
    };
    if ((int)id < 0 || id >= CH__ALL || (int)lang < 0 || lang >= LANG__COUNT)
        return NULL;
    chart_model *m = builders[id](cd, lang);
    if (!m)
        return NULL;
    /* Whatever was hidden, the chart says why. */
    if (chart_count_points(m, CP_SUPPRESSED) > 0) {
        char note[300];
        snprintf(note, sizeof note, chart_label(lang, CL_SUPPRESSED_NOTE), cd->min_cell,
                 cd->min_cell);
        chart_add_note(m, note);
    }
    if (chart_is_empty(m)) {
        chart_set_text(m, CT_READING1, chart_label(lang, CL_NO_DATA));
        chart_set_text(m, CT_READING2, "");
    }
    if (!chart_ok(m)) {
        chart_free(m);
        return NULL;
    }
    return m;
}
