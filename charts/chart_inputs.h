/* What the charts need beyond metric rows: distributions and curves that one
 * number per metric cannot carry, and the merged fidelity review.
 *
 * chart_inputs_fetch() in chart_inputs.c is the ONE place that asks model/
 * for them; it is the glue the lead wires to model/curves.h,
 * model/fidelity.h and the distribution API.  Until then it fills what the
 * metric rows already give (fidelity data scores and the review total) and
 * leaves the rest empty, and those charts say "no data".
 *
 * Counts here are raw: chart_build.c applies small-cell suppression to them
 * (unless the query is internal), exactly as model/ does to metric rows. */
#ifndef IPS_CHART_INPUTS_H
#define IPS_CHART_INPUTS_H

#include <stdbool.h>
#include <stddef.h>

#include "common/error.h"
#include "model/metrics.h"

/* Item 15's days to the first employer contact are metric rows
 * (first_employer_contact_days, binned and suppressed by model/). */

/* The service path of the ips episodes started in P (model/distributions.h):
 * how many reached each step, each a subset of the one before, and the first
 * jobs too recent to know whether they last 90 days. */
enum {
    PATH_STARTED,
    PATH_FIRST_CONTACT,  /* first in-person employer contact by A */
    PATH_FIRST_JOB,      /* first competitive job by A (R7) */
    PATH_JOB_90,         /* that job held 90 days (ended or open at A) */
    PATH__COUNT
};
typedef struct {
    long count[PATH__COUNT];
    long pending_90;     /* first jobs open at A and under 90 days old */
    /* hidden by the pattern (the service_path rows, model/): drawn as no
     * bar, with the mark the tables print ("<5" or "–") */
    bool hidden[PATH__COUNT], pending_hidden;
    char mark[PATH__COUNT][32], pending_mark[32];
    bool known;
} chart_service_path;

/* Kaplan–Meier curve of time to first job (R7, R8) for the ips episodes
 * started in W: survival S(t) = share still without a job after t days,
 * as steps: S is s[i] from t[i] on.  t ascending, s in 0..1, non-increasing. */
typedef struct {
    double *t;        /* malloc'd */
    double *s;        /* malloc'd */
    size_t n;
    size_t cohort;    /* episodes in the cohort */
    bool hidden;      /* suppression hides the curve and its cohort (model/) */
    bool known;
} chart_km_curve;

/* One fidelity item of the merged review (metrics.md, "merged review"). */
typedef enum {
    FID_NONE,          /* no review of this item */
    FID_RATED,
    FID_NOT_APPLICABLE,
    FID_NOT_RATED,
} chart_fid_status;

typedef struct {
    int item;               /* 1..25 */
    chart_fid_status status;
    int reviewer_low;       /* 1..5 when rated */
    int reviewer_high;      /* >= reviewer_low; = low without a range */
    int data_score;         /* 1..5 computed from data; 0 = no data score */
} chart_fid_item;

typedef struct {
    bool has_review;        /* a review falls in W */
    char review_id[96];
    char review_date[11];   /* ISO, "" when unknown */
    double total_low, total_high;
    int items_rated;
    char band[32];          /* fidelity_band: "fair", "fair/good" */
    chart_fid_item items[25];
} chart_fidelity;

typedef struct {
    chart_service_path path;
    chart_km_curve km;
    chart_fidelity fidelity;
} chart_inputs;

/* Fills in for the query's period.  period = metrics_compute()'s rows for
 * the same query without a breakdown (the glue may take what it needs from
 * them).  Free with chart_inputs_free() also after an error. */
ips_error chart_inputs_fetch(warehouse *wh, const metric_query *q, const metric_set *period,
                             chart_inputs *out, ips_diag *d);
/* The same from a publication (model/publication.h) already at hand. */
struct publication;
ips_error chart_inputs_from(const struct publication *p, const metric_set *period,
                            chart_inputs *out, ips_diag *d);
void chart_inputs_free(chart_inputs *in);

/* Takes the fidelity data scores and the review total from metric rows:
 * what the glue does until model/fidelity.h's merged review is wired.  Also
 * usable by tests. */
void chart_inputs_fidelity_from_rows(const metric_set *period, chart_fidelity *out);

#endif
