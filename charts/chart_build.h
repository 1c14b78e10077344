/* Fetch and compute: metric rows (model/metrics.h) and chart inputs
 * (chart_inputs.h) in, chart_models out, in Finnish, Swedish or English.
 *
 *   chart_data cd;
 *   chart_data_fetch(wh, &q, &cd, &d);          // runs metrics_compute per quarter
 *   chart_model *m = chart_build(&cd, CH_EMPLOYMENT, LANG_FI);
 *   ... chart_render_file(m, CHART_PNG, path, NULL, &d) ...
 *   chart_free(m);
 *   chart_data_free(&cd);
 *
 * Suppressed rows (row->suppressed) are not drawn; the chart marks the spot
 * and says why in a note.  The counts of chart_inputs are suppressed here the
 * same way (1..min_cell−1 hidden) unless the data are internal. */
#ifndef IPS_CHART_BUILD_H
#define IPS_CHART_BUILD_H

#include "charts/chart_inputs.h"
#include "charts/chart_labels.h"
#include "charts/chart_model.h"
#include "model/metrics.h"
#include "model/publication.h"

/* The period's quarter and the eight before it. */
#define CHART_QUARTERS 9

typedef enum {
    CH_EMPLOYMENT,     /* employment rate per quarter, IPS benchmark band */
    CH_EXITS,          /* exits by reason */
    CH_FIRST_CONTACT,  /* histogram of days to the first employer contact, 30-day line */
    CH_FIDELITY,       /* 25 items by section, reviewer and data side by side */
    CH_SERVICE_PATH,   /* funnel: referred → started → contact → job → 90 days */
    CH_TIME_TO_JOB,    /* Kaplan–Meier step curve */
    CH_COACH_TARGETS,  /* caseload per FTE and employer contacts per week vs 20 and 6 */
    CH__COUNT,         /* the charts every set and PDF has; optional ones follow */
    CH_INSTRUMENTS = CH__COUNT, /* baseline vs latest score per instrument and provider:
                                   only when the period has instrument rows (chart_wanted) */
    CH__ALL
} chart_id;

/* File stem of a chart: "employment_rate", "exits", … */
const char *chart_id_name(chart_id id);

typedef struct {
    ips_day start, end;                       /* the period P */
    ips_day q_start[CHART_QUARTERS];          /* quarters ending with the one holding P's end, */
    ips_day q_end[CHART_QUARTERS];            /* oldest first */
    metric_set *quarter[CHART_QUARTERS];      /* rows per quarter, no breakdown */
    metric_set *period;                       /* rows for P, no breakdown */
    metric_set *exits;                        /* rows for P by exit_reason */
    metric_set *coaches;                      /* rows for P by coach (items 1 and 17 per
                                                 IPS coach on p_end, R4/R11/R20) */
    metric_set *providers;                    /* rows for P by provider (instruments);
                                                 NULL when not fetched */
    chart_inputs in;
    ips_day as_of;                            /* A as the data gave it (IPS_DAY_NONE: empty) */
    bool internal;                            /* no suppression: say so on every chart */
    int min_cell;
    bool period_is_last_quarter;              /* period aliases quarter[last]; not freed twice */
    pub_comparisons cmp;                      /* the key figures' comparisons (the PDF) */
    char project_name[160], project_code[64], project_funder[160]; /* "" without --project */
} chart_data;

/* Empty chart_data (every set NULL) that chart_data_free() accepts. */
void chart_data_init(chart_data *cd);
/* Runs metrics_compute() for P, for P by exit_reason, for P by coach and for
 * each quarter, then chart_inputs_fetch().  q->start/end give P; q->as_of, internal and
 * min_cell apply to every run.  On error cd is still safe to free. */
ips_error chart_data_fetch(warehouse *wh, const metric_query *q, chart_data *cd, ips_diag *d);
void chart_data_free(chart_data *cd);

/* Fills the quarter bounds of cd from cd->start/end (chart_data_fetch does it;
 * tests that build chart_data by hand call it). */
void chart_data_quarters(chart_data *cd);

/* The chart id for cd in lang; NULL when out of memory.  Its CT_READING1/2
 * hold the two-line reading for the PDF summary. */
chart_model *chart_build(const chart_data *cd, chart_id id, chart_lang lang);

/* Whether cd gets chart id: every one below CH__COUNT; an optional one when
 * its data are there (CH_INSTRUMENTS: the data hold assessments and someone
 * is paired in P, or hidden). */
bool chart_wanted(const chart_data *cd, chart_id id);

/* "2024Q3", "2024H2", "2024", or "1.7.2024–15.8.2024" (en: ISO dates). */
void chart_period_label(chart_lang lang, ips_day start, ips_day end, char *buf, size_t n);
/* "1.7.2024" (fi, sv) or "2024-07-01" (en). */
void chart_date_label(chart_lang lang, ips_day day, char *buf, size_t n);

#endif
