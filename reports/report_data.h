/* The metric rows one workbook needs, gathered through model/metrics.h
 * only: the period and the comparison period, the eight quarters up to the
 * period's end, and the period split by each breakdown the sheets show. */
#ifndef IPS_REPORT_DATA_H
#define IPS_REPORT_DATA_H

#include "model/metrics.h"

#define REPORT_QUARTERS 8

typedef struct {
    metric_set *cur;                       /* the period, no breakdown */
    metric_set *prev;                      /* the comparison period, no breakdown */
    metric_set *quarter[REPORT_QUARTERS];  /* oldest first; the last ends with the period */
    ips_day q_start[REPORT_QUARTERS], q_end[REPORT_QUARTERS];
    metric_set *by[GROUP__COUNT];          /* the period by group; NULL when not gathered */
    metric_set *funder;                    /* the funder's rows since the start (model/funder.h) */
    ips_day funder_start, funder_end;      /* their span */
} report_data;

/* The breakdowns gathered: the Breakdowns sheet's six, the coaches for
 * Employer work, exit reasons for Outcomes. */
extern const metric_group report_breakdowns[];
extern const size_t report_breakdowns_n;

/* Empty sets everywhere (by[] stays NULL); NULL when out of memory. */
report_data *report_data_new(void);
void report_data_free(report_data *data);

/* Computes every set for base (its start, end, as_of, internal and min_cell
 * are used; as_of must be resolved) and the comparison period. */
ips_error report_data_collect(warehouse *wh, const metric_query *base, ips_day prev_start,
                              ips_day prev_end, report_data *data, ips_diag *d);

/* The quarter (start, end) that contains day. */
void report_quarter_of(ips_day day, ips_day *start, ips_day *end);
/* The latest quarter that has ended by as_of (as_of itself may be its last day). */
void report_latest_quarter(ips_day as_of, ips_day *start, ips_day *end);
/* "2024Q3" for a quarter, "2024H2" for a half-year, "2024" for a year, else
 * "2024-07-01–2024-08-15". */
void report_period_text(ips_day start, ips_day end, char *buf, size_t size);

#endif
