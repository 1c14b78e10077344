/* One publication: everything the workbook, the charts and the PDF show for a
 * period, computed once by model/ from one snapshot (one read transaction)
 * with small-cell suppression already applied as the query asks.  Reports
 * and charts lay it out; they do not compute or query.
 *
 *   const publication *p;
 *   publication_get(wh, &q, prev_start, prev_end, &p, &d);
 *   const metric_set *rows = publication_rows(p, q.start, q.end, GROUP_COACH);
 *
 * It holds the metric rows of P (whole and by every breakdown the outputs
 * split by), of the comparison period, of the nine quarters up to P's last
 * quarter, and the inputs beside them: loaded batches, data-quality findings,
 * the reviews merged with the data scores, the time-to-first-job curve, item
 * 15's distribution and the service path.  The warehouse keeps it, so the
 * report, charts and PDF of one `publish` share one. */
#ifndef IPS_PUBLICATION_H
#define IPS_PUBLICATION_H

#include "model/batches.h"
#include "model/distributions.h"
#include "model/fidelity.h"
#include "model/km.h"
#include "model/metrics.h"
#include "model/quality.h"

#define PUB_QUARTERS 9

typedef struct {
    ips_day start, end;
    metric_group by;
    metric_set *rows;
    bool headline;    /* a span's headline figures only (publication_plan_span) */
} pub_entry;

/* The comparisons beside each headline figure (model/publication_compare.c):
 * this period, the same period a year earlier, the year to date, the last
 * four quarters and since the project's start (or the data's first
 * quarter), each suppressed as every published figure is, and the target
 * with the difference from it. */
enum { PC_NOW, PC_YEAR_AGO, PC_YTD, PC_LAST4, PC_SINCE, PC__COLS };

typedef enum { PT_NONE, PT_PROJECT, PT_BENCHMARK } pub_target_source;

typedef struct {
    char metric[48];
    metric_row col[PC__COLS];  /* copies; metric "" when the period has no row */
    pub_target_source target_source;
    double target;             /* in the row's unit (percent 0..100) */
    bool has_diff;             /* this period's figure is shown */
    double diff;               /* figure as printed − target (percentage points for shares) */
} pub_comparison;

/* The IPS quarterly employment-rate benchmarks (percent). */
#define PUB_BENCH_MINIMUM 31.0
#define PUB_BENCH_AVERAGE 41.0
#define PUB_BENCH_EXCELLENT 50.0

typedef struct {
    ips_day start[PC__COLS], end[PC__COLS];
    bool since_project;        /* PC_SINCE starts at the project's start (else the data's) */
    pub_comparison *rows;      /* one per project_headline_metrics entry */
    size_t n;
} pub_comparisons;

/* Deep copy (dst's own rows; free with pub_comparisons_free); false when
 * out of memory. */
bool pub_comparisons_copy(pub_comparisons *dst, const pub_comparisons *src);
void pub_comparisons_free(pub_comparisons *c);

typedef struct publication {
    metric_query q;            /* as asked (as_of may be IPS_DAY_NONE) */
    ips_day as_of;             /* A resolved */
    ips_day prev_start, prev_end;
    ips_day q_start[PUB_QUARTERS], q_end[PUB_QUARTERS];
    pub_entry *entries;
    size_t n_entries;
    batch_list *batches;
    quality_report *quality;           /* the check at A */
    fidelity_review_list *reviews;     /* reviews in W merged with data scores */
    km_curve *time_to_job;             /* the whole cohort's curve (R7), as it may be
                                          published (disclosure_curve_protect) */
    bool time_to_job_hidden;           /* … not at all: its cohort is hidden */
    metric_set *funder;                /* the funder's rows since the start (model/funder.h),
                                          whole and by every breakdown */
    ips_day funder_start;              /* the span's first day (its last is P's cut end) */
    pub_comparisons cmp;               /* the headline figures' comparisons */
} publication;

/* The publication for q (P, A, suppression and settings) with the given
 * comparison period (IPS_DAY_NONE: the period before P), built on first use
 * and kept by the warehouse while the data stay the same.  *out stays owned
 * by the warehouse. */
ips_error publication_get(warehouse *wh, const metric_query *q, ips_day prev_start,
                          ips_day prev_end, const publication **out, ips_diag *d);

/* The rows for a period and breakdown, or NULL when the publication has none. */
const metric_set *publication_rows(const publication *p, ips_day start, ips_day end,
                                   metric_group by);
/* As publication_rows(), or else a span's headline figures (internal to
 * model/publication*.c: only the comparisons read those). */
const metric_set *publication_span_rows(const publication *p, ips_day start, ips_day end);

/* Appends the rows for (start, end, by) to out: from p when it has them
 * (shared with p when out is empty: metric_set_share; out is freed before
 * the warehouse), else computed with q's settings (a period outside the
 * plan). */
ips_error publication_copy_rows(warehouse *wh, const publication *p, const metric_query *q,
                                ips_day start, ips_day end, metric_group by, metric_set *out,
                                ips_diag *d);

void publication_free(publication *p);

/* Internal to model/publication*.c: computes one planned entry unless the
 * plan has it; then p->cmp from the entries (publication_compare.c). */
ips_error publication_plan_entry(warehouse *wh, publication *p, ips_day start, ips_day end,
                                 metric_group by, ips_diag *d);
/* The same for a span that is no cell of any year's universe (the last
 * four quarters, the time since the start): its headline figures
 * (metric_query.headline_only) before suppression, which the caller hides
 * unless every part is shown (publication_compare.c); a pattern of its own
 * would only cost time, and the other figures would need all the facts. */
ips_error publication_plan_span(warehouse *wh, publication *p, ips_day start, ips_day end,
                                ips_diag *d);
ips_error publication_compare_build(warehouse *wh, publication *p, ips_diag *d);

#endif
