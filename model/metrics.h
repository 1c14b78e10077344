/* The model's public API: every metric of docs/metrics.md as rows.
 *
 *   metric_query q; metric_query_init(&q);
 *   metric_period_parse("2024Q3", &q.start, &q.end, &d);
 *   metric_set *set = metric_set_new();
 *   metrics_compute(wh, &q, set, &d);     // computes, then suppresses unless q.internal
 *   for (size_t i = 0; i < set->n; i++) use(&set->rows[i]);
 *   metric_set_free(set);
 *
 * Reports and charts read only these rows (and the few other model/ APIs),
 * never the warehouse tables. */
#ifndef IPS_METRICS_H
#define IPS_METRICS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/date.h"
#include "common/error.h"
#include "model/warehouse.h"

/* Breakdowns of metrics.md ("--by"). */
typedef enum {
    GROUP_NONE,
    GROUP_PROVIDER,
    GROUP_TEAM,
    GROUP_COACH,
    GROUP_REGION,
    GROUP_MUNICIPALITY,
    GROUP_GENDER,
    GROUP_AGE_GROUP,
    GROUP_SEGMENT,
    GROUP_REFERRAL_SOURCE,
    GROUP_EXIT_REASON,
    GROUP_COUNTY,       /* a national warehouse's counties (model/pack.h); no county has it */
    GROUP__COUNT
} metric_group;

/* "" for GROUP_NONE, else the --by name ("provider", "age_group", ...). */
const char *metric_group_name(metric_group g);
/* --by name to group, or -1. */
int metric_group_find(const char *name);

/* What a row's value is; decides how it prints and how it is suppressed. */
typedef enum {
    MK_COUNT,     /* value is a count (suppressed 1..min_cell-1 as "<5") */
    MK_SHARE,     /* value = numerator / denominator × 100, one decimal */
    MK_MEAN,      /* mean; denominator = observations */
    MK_MEDIAN,    /* median; denominator = observations */
    MK_KM,        /* Kaplan–Meier figure; denominator = cohort size */
    MK_RATIO,     /* numerator / denominator not as percent (caseload_per_fte) */
    MK_WEIGHTED,  /* fte-weighted mean: value only */
    MK_TEXT,      /* textual value in text (fidelity_band) */
} metric_kind;

enum {
    MH_NUMERATOR = 1,
    MH_DENOMINATOR = 2,
    MH_VALUE = 4,
    MH_SCORE = 8,
};

/* The texts (metric, group_by, group, note, text) are interned
 * (common/intern.h) or static strings, never NULL in a row made by
 * metric_set_add() or metric_row_init(): a row is 96 bytes instead of 370,
 * and the outputs hold hundreds of thousands of them at 10× (the by-coach
 * set). */
typedef struct {
    const char *metric;       /* stable id from metrics.md, e.g. "employment_rate" */
    const char *group_by;     /* "" without --by; "provider", …; "review" for review rows */
    const char *group;        /* the group's value; "" for the whole or an unknown group */
    const char *note;         /* why value is blank when that needs saying ("not estimable: …") */
    const char *text;         /* MK_TEXT value, e.g. "fair/good"; what a hidden row prints */
    ips_day period_start;     /* inclusive */
    ips_day period_end;       /* inclusive */
    double numerator;
    double denominator;
    double value;             /* percent values are 0..100 */
    double events;            /* MK_KM: the events the figure rests on; never printed, but
                                 1 … min_cell − 1 of them hide it (metrics.md, Privacy) */
    double sum;               /* MK_MEAN: the observations' sum, never printed, so that the
                                 means of several counties add up (model/pack.h) */
    uint8_t kind;             /* metric_kind; decides how it prints and is suppressed */
    uint8_t has;              /* MH_* bits: which of the fields above apply */
    int8_t score;             /* 1..5 when MH_SCORE */
    int8_t decimals;          /* digits printed after the point */
    bool suppressed;          /* hidden by small-cell suppression */
    bool to_date;             /* P ended after A and was cut at A: period_end is A (R22) */
} metric_row;

struct metric_index;

typedef struct {
    metric_row *rows;
    size_t n;
    size_t cap;
    /* A look-up table metric_set_find() builds for itself on large sets and
     * rebuilds when rows were added; freed with the set.  Copy rows, never
     * the struct. */
    struct metric_index *index;
    /* rows belong to another set (metric_set_share): read them only; the
     * first change copies them */
    bool shared;
} metric_set;

/* A zeroed row with every name "" (for a row outside any set). */
void metric_row_init(metric_row *r);

metric_set *metric_set_new(void);
void metric_set_free(metric_set *set);
/* Empties set, keeping its room for rows. */
void metric_set_clear(metric_set *set);
/* Appends a zeroed row named metric; NULL when out of memory. */
metric_row *metric_set_add(metric_set *set, const char *metric);
/* Appends a copy of row, or of every row of from; false when out of memory. */
bool metric_set_put(metric_set *set, const metric_row *row);
bool metric_set_append(metric_set *set, const metric_set *from);
/* As metric_set_append, but an empty set shares from's rows instead of
 * copying them (a by-coach set is 48 MB at national scale): set must then
 * not outlive from's rows, and reads them as they are until it changes. */
bool metric_set_share(metric_set *set, const metric_set *from);
/* First row with that metric, group_by and group (NULL group_by/group = any). */
const metric_row *metric_set_find(const metric_set *set, const char *metric,
                                  const char *group_by, const char *group);

typedef struct {
    ips_day start, end;             /* the period P, both inclusive */
    ips_day as_of;                  /* IPS_DAY_NONE: the latest date in the warehouse (R1) */
    metric_group by;                /* breakdown */
    bool internal;                  /* true: no small-cell suppression */
    bool headline_only;             /* only the families of project_headline_metrics
                                       (the outcomes and item 10's first contact): a
                                       comparison span's figures (model/publication.h),
                                       which need none of the FACTS_LAZY arrays */
    int min_cell;                   /* suppression threshold, default 5 */
    double clients_per_coach_year;  /* team capacity setting, default 45 */
    const char *const *guidance_reasons; /* fee_guidance exit reasons; NULL = defaults */
    const char *const *outcome_reasons;  /* fee_outcome exit reasons; NULL = defaults */
    ips_day project_start;          /* the funder's "since the start" (model/funder.h);
                                       IPS_DAY_NONE: the data's first day */
    /* The project settings file (model/project.h) or NULL: the publication's
     * start and targets; no metric depends on it, so it is no setting of
     * metric_query_settings_equal(). */
    const struct ips_project *project;
} metric_query;

/* Defaults: no period, as_of from data, no breakdown, min_cell 5, 45 clients/year. */
void metric_query_init(metric_query *q);

/* True when a and b ask for the same period, as-of date, suppression and
 * settings (the breakdown aside). */
bool metric_query_settings_equal(const metric_query *a, const metric_query *b);
/* True when every setting the metric engine reads beside the period and
 * A (capacity, fee reasons) is the default: what ingest keeps is kept
 * for those (model/metric_store.c, model/disclosure_store.c). */
bool metric_query_engine_defaults(const metric_query *q);

/* "2024Q3", "2024H2", "2024" → inclusive start and end. */
ips_error metric_period_parse(const char *text, ips_day *start, ips_day *end, ips_diag *d);
/* The period before [start, end] of the same kind (quarter, half, year, or same length). */
void metric_period_previous(ips_day start, ips_day end, ips_day *pstart, ips_day *pend);

/* The n quarters ending with the one that holds day, oldest first. */
void metric_period_quarters(ips_day day, int n, ips_day *start, ips_day *end);
/* The first day of the quarter that holds day. */
ips_day metric_quarter_start(ips_day day);

/* R22: the last day P is computed to, min(end, as_of); P is "to date" when
 * that is before end. */
static inline ips_day metric_period_cut(ips_day end, ips_day as_of)
{
    return as_of != IPS_DAY_NONE && as_of < end ? as_of : end;
}

/* Whether anything is known of q's period (q's as_of resolved, or
 * IPS_DAY_NONE for the data's own): IPS_ERR_NO_DATA, with a message naming
 * A and the latest period with data, when the period starts after A.
 * metrics_compute() and so the publication ask it first: no figure is
 * computed for days nothing is known of (model/known.c). */
ips_error metrics_check_period(warehouse *wh, const metric_query *q, ips_diag *d);

/* What the read commands ask before they write anything ("no silent
 * zeros"): IPS_ERR_NO_DATA, saying what is missing and what to do, when the
 * warehouse holds no enrollment that exists at A; then metrics_check_period()
 * when q has a period.  The library itself still computes an empty
 * warehouse's (blank and zero) rows for callers that want them. */
ips_error metrics_check_known(warehouse *wh, const metric_query *q, ips_diag *d);

/* "2024Q3", "2024H2", "2024", or "2024-01-05–2024-03-01" for another span. */
void metric_period_text(ips_day start, ips_day end, char *buf, size_t size);

/* R1: the latest date in any date column of the warehouse; IPS_DAY_NONE when empty. */
ips_error metrics_as_of(warehouse *wh, ips_day *out, ips_diag *d);

/* Computes every metric for the query into out (appending), then applies
 * small-cell suppression unless q->internal. */
ips_error metrics_compute(warehouse *wh, const metric_query *q, metric_set *out, ips_diag *d);

/* Half-up rounding to `decimals` digits (R17), robust to binary noise. */
double metric_round(double v, int decimals);

/* Small-cell suppression of metrics.md (Privacy), primary and secondary.  A
 * hidden row has suppressed set, its numerator, denominator and value
 * cleared (has loses those bits) and text set to what prints instead ("<5"
 * or "–"); rules in model/suppress.c and docs/metrics-output.md. */
void metric_set_suppress(metric_set *set, int min_cell);

/* Hides one row as every suppression does: suppressed set, text "<min_cell"
 * for a count hidden for being small, else "–"; numerator, denominator,
 * value, score and note cleared (has loses those bits). */
void metric_row_hide(metric_row *r, bool small, int min_cell);

/* The value as printed: "38.5", "12", "<5" (suppressed count), "–" (suppressed
 * share), "" (blank), or the text.  Returns buf. */
const char *metric_format_value(const metric_row *row, int min_cell, char *buf, size_t n);

#endif
