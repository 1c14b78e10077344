/* Internal to model/: what every metric family shares for one query — the
 * resolved dates of metrics.md (P, A, W, R3's "on p_end"), the as-of views,
 * the breakdown's SQL expression, and binding of the named parameters.
 *
 * As-of views (R1), created as TEMP views on the connection:
 *   ep  — enrollments with start_date <= A; end_date after A reads as NULL and
 *         then exit_reason reads as NULL too.  Same columns as enrollments.
 *   jb  — jobs with start_date <= A; end_date after A reads as NULL.
 *   ct  — contacts dated <= A.
 * Coaches, clients, employers, assessments and fidelity_reviews are used as
 * they are.  Note the contacts column "by" must be quoted in SQL.
 *
 * Named parameters any statement may use; metric_ctx_bind() binds those present:
 *   :p_start :p_end   the period, ISO text
 *   :as_of            A
 *   :on_day           min(p_end, A) (R3)
 *   :w_start :w_end   review window W = [p_end − 364, p_end] (R2)
 *   :p_year           the year of p_end (age groups, R20) as an integer */
#ifndef IPS_METRIC_CTX_H
#define IPS_METRIC_CTX_H

#include <sqlite3.h>

#include "model/metrics.h"

typedef struct {
    warehouse *wh;
    sqlite3 *db;
    const metric_query *q;
    ips_day p_start, p_end, as_of, on_day, w_start, w_end;
    char p_start_iso[11], p_end_iso[11], as_of_iso[11], on_day_iso[11];
    char w_start_iso[11], w_end_iso[11];
    char period_label[16];
} metric_ctx;

/* Resolves the dates (A from the data when q->as_of is IPS_DAY_NONE) and
 * (re)creates the as-of views for A. */
ips_error metric_ctx_init(metric_ctx *ctx, warehouse *wh, const metric_query *q, ips_diag *d);

/* Prepares sql and binds every named parameter above that it uses. */
ips_error metric_ctx_prepare(const metric_ctx *ctx, const char *sql, sqlite3_stmt **st, ips_diag *d);

/* Binds the named parameters above that st uses (for statements prepared elsewhere). */
void metric_ctx_bind(const metric_ctx *ctx, sqlite3_stmt *st);

/* SQL expression for the group of an episode-level row, given the aliases
 * e (ep), cl (clients) and co (coaches, LEFT JOINed on e.coach_id); for
 * GROUP_NONE it is ''.  Unknown groups read as ''. */
const char *metric_group_sql(metric_group g);

/* The same for coach-level items (1, 2, 17, 24): alias co (coaches).  NULL for
 * breakdowns that do not apply to coaches (R20): skip such metrics. */
const char *metric_group_sql_coach(metric_group g);

/* The standard FROM clause for episode-level metrics, matching metric_group_sql(). */
#define METRIC_EPISODE_FROM                                                     \
    " FROM ep e JOIN clients cl ON cl.client_id = e.client_id"                 \
    " LEFT JOIN coaches co ON co.coach_id = e.coach_id "

/* Fills the common fields of a new row (metric id, period, group_by, group). */
metric_row *metric_ctx_row(const metric_ctx *ctx, metric_set *out, const char *metric,
                           metric_kind kind, const char *group);

/* Half-up rounding to `decimals` digits (R17), robust to binary noise. */
double metric_round(double v, int decimals);

#endif
