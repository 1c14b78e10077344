/* Internal to model/: what the fidelity modules share — running a grouped
 * query and turning its columns into metric rows, and the job scope of items
 * 19, 20, 21 and 23.
 *
 * Queries are templates in which every "@G" is replaced by the breakdown's SQL
 * expression (from metric_ctx; never a value), and whose first column is the
 * group and the rest numbers (NULL reads as 0). */
#ifndef IPS_FIDELITY_PRIV_H
#define IPS_FIDELITY_PRIV_H

#include "model/fidelity.h"
#include "model/metric_families.h"

#define FID_MAX_COLS 10

/* Turns one group's numbers into rows; false when out of memory. */
typedef bool (*fid_emit_fn)(const metric_ctx *ctx, metric_set *out, const char *group,
                            const double *v);

/* Runs tmpl with grp for "@G", calling emit once per group, and once with
 * group "" and all-zero numbers when there is no breakdown and no row came
 * back (the whole service always has its row, blank when empty). */
ips_error fid_run(const metric_ctx *ctx, const char *tmpl, const char *grp, int ncols,
                  fid_emit_fn emit, metric_set *out, ips_diag *d);

/* Runs statements that return no rows (temp tables). */
ips_error fid_exec(const metric_ctx *ctx, const char *const *sql, size_t n, ips_diag *d);

/* A share row (MK_SHARE): numerator, denominator, and when den > 0 the value
 * in percent, one decimal, and for item > 0 its band score. */
bool fid_share_row(const metric_ctx *ctx, metric_set *out, const char *metric,
                   const char *group, double num, double den, int item);

/* Items 19, 20, 21 and 23 (model/fidelity_jobs.c). */
ips_error fidelity_jobs_compute(const metric_ctx *ctx, metric_set *out, ips_diag *d);

/* Reviews read for the legacy totals (model/reviews.c).  With
 * review_id: that review; else with latest: the latest review of each unit
 * whose date is in W; else every review dated in W. */
ips_error fid_reviews_load(const metric_ctx *ctx, const char *review_id, bool latest,
                           fidelity_review_list *out, ips_diag *d);

#endif
