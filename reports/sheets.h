/* Internal to reports/: one function per sheet.  Each takes the metric rows
 * it shows (and the small input structs of reports/report_inputs.h), writes
 * its sheet into the book, and returns the book's error state.  A NULL set
 * reads as empty. */
#ifndef IPS_REPORT_SHEETS_H
#define IPS_REPORT_SHEETS_H

#include "reports/report_data.h"
#include "reports/report_inputs.h"
#include "reports/report_sheet.h"

ips_error sheet_summary(report_book *b, const metric_set *cur, const metric_set *prev,
                        const report_inputs *in);
ips_error sheet_outcomes(report_book *b, const metric_set *const quarter[],
                         const ips_day q_start[], const ips_day q_end[], size_t nq,
                         const metric_set *cur, const metric_set *by_exit_reason);
ips_error sheet_fidelity(report_book *b, const metric_set *cur, const metric_set *by_provider,
                         const metric_set *by_team, const report_inputs *in);
ips_error sheet_employer(report_book *b, const metric_set *cur, const metric_set *by_coach);
ips_error sheet_funding(report_book *b, const metric_set *cur, const metric_set *by_provider,
                        const report_inputs *in);
/* The funder's sheet (ESF+): funder = the publication's funder rows of the
 * span span_start … span_end; cur and by_provider give the period's fees. */
ips_error sheet_funder(report_book *b, const metric_set *funder, ips_day span_start,
                       ips_day span_end, const metric_set *cur, const metric_set *by_provider,
                       const report_inputs *in);
/* One sheet per group of rows->group_by (provider or team) with that group's
 * metric lines; names fit Excel (reports/sheet_names.h). */
ips_error sheet_per_group(report_book *b, const metric_set *rows, metric_group per);
ips_error sheet_capacity(report_book *b, const metric_set *cur, const metric_set *by_region);
ips_error sheet_breakdowns(report_book *b, const metric_set *cur,
                           const metric_set *const by[GROUP__COUNT]);
ips_error sheet_quality(report_book *b, const report_inputs *in);
/* Written only when cur has outcome-instrument rows. */
ips_error sheet_instruments(report_book *b, const metric_set *cur,
                            const metric_set *const by[GROUP__COUNT]);
/* The instrument codes of cur's whole "<I>_paired" rows, in row order (at
 * most max); codes[i] is NUL-terminated. */
#define SHEET_INSTRUMENTS_MAX 16
size_t sheet_instrument_codes(const metric_set *cur, char codes[][48], size_t max);
ips_error sheet_definitions(report_book *b);
ips_error sheet_about(report_book *b, const report_inputs *in);
/* The Summary's comparisons and targets (reports/sheet_summary_compare.c). */
void sheet_summary_comparisons(rsheet *s, const report_inputs *in);

/* Shared by sheets: the whole-unit row (no breakdown, no group) of a metric. */
const metric_row *sheet_whole(const metric_set *set, const char *metric);
/* metric_set_find() that reads a NULL set as empty. */
const metric_row *sheet_find(const metric_set *set, const char *metric, const char *group_by,
                             const char *group);
/* The distinct groups of rows with this group_by among the metrics (NULL-
 * ended list of ids; NULL = any metric), sorted; *n gets the count.  The
 * strings point into the sets.  NULL when out of memory (with *n = 0 when
 * there simply are none: then an empty malloc'd array is returned). */
const char **sheet_groups(const metric_set *const *sets, size_t nsets, const char *group_by,
                          const char *const *metrics, size_t *n);

/* The seven columns of a metric line: name, value, numerator, denominator,
 * score, unit, id. */
#define SHEET_METRIC_COLS 7
void sheet_metric_headers(const report_book *b, const char *hdr[SHEET_METRIC_COLS]);
void sheet_metric_line(rsheet *s, lxw_row_t r, lxw_col_t c0, const char *id,
                       const metric_row *row);

#endif
