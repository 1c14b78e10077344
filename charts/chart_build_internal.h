/* Internal to charts/chart_build*.c: helpers every builder shares and the
 * builders themselves (chart_build_rows.c: charts from metric rows;
 * chart_build_coach.c: the rows by coach; chart_build_inputs.c: charts from
 * chart_inputs). */
#ifndef IPS_CHART_BUILD_INTERNAL_H
#define IPS_CHART_BUILD_INTERNAL_H

#include "charts/chart_build.h"

/* A new chart with the language's decimal mark, "no data" text and, for
 * internal data, the internal note. */
chart_model *cb_new(const chart_data *cd, chart_kind kind, chart_id id, chart_lang lang);
/* The whole-population row of metric in set (group_by "" and group ""), or NULL. */
const metric_row *cb_row(const metric_set *set, const char *metric);
/* True when the row has a value that may be shown. */
bool cb_usable(const metric_row *r);
/* Appends r's value to s: a point, a hidden point (suppressed) or a missing one. */
void cb_add_row_point(chart_model *m, chart_series *s, const metric_row *r, chart_lang lang);
/* True when a raw count must be hidden (1..min_cell−1, unless internal). */
bool cb_hide_count(const chart_data *cd, long count);
/* A count as printed: "12", or "<5" when hidden. */
void cb_count_text(const chart_data *cd, chart_lang lang, long count, char *buf, size_t n);
/* A row's value as printed in the language: "38,5 %", "<5", "–", or "" when absent. */
void cb_row_text(const chart_data *cd, const metric_row *r, chart_lang lang, int decimals,
                 const char *unit, char *buf, size_t n);
/* printf into one of the chart's texts. */
void cb_textf(chart_model *m, chart_text which, const char *fmt, ...);
/* The quarter's label for the x axis ("2024Q3"; "2024Q4 (to date)" in lang
 * when it ends after the as-of day, where its figures stop: R22). */
void cb_quarter_label(const chart_data *cd, size_t i, chart_lang lang, char *buf, size_t n);
/* P's label, with "(to date)" likewise. */
void cb_period_label(const chart_data *cd, chart_lang lang, char *buf, size_t n);

chart_model *build_employment(const chart_data *cd, chart_lang lang);
chart_model *build_exits(const chart_data *cd, chart_lang lang);
chart_model *build_coach_targets(const chart_data *cd, chart_lang lang);
chart_model *build_first_contact(const chart_data *cd, chart_lang lang);
chart_model *build_service_path(const chart_data *cd, chart_lang lang);
chart_model *build_time_to_job(const chart_data *cd, chart_lang lang);
chart_model *build_fidelity(const chart_data *cd, chart_lang lang);
chart_model *build_instruments(const chart_data *cd, chart_lang lang);

#endif
