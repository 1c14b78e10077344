/* Curves behind the outcome metrics, for charts: the Kaplan–Meier step curve
 * of time to first job (metrics.md, time_to_first_job_median_days and R7/R8),
 * computed exactly as the metric is, without the caller knowing the schema.
 *
 *   km_curve_list *cl;
 *   if (outcomes_time_to_job_curves(wh, &q, &cl, &d) == IPS_OK)
 *       for (size_t i = 0; i < cl->n; i++)
 *           draw(cl->items[i].group, cl->items[i].curve);   // S = 1 before time[0]
 *   km_curve_list_free(cl);
 *
 * Privacy: a published chart must not draw a curve whose cohort is
 * 1..min_cell-1 (metrics.md, small-cell suppression); check curve->cohort. */
#ifndef IPS_CURVES_H
#define IPS_CURVES_H

#include "model/km.h"
#include "model/metrics.h"

typedef struct {
    char group[96];   /* the group's value under q->by; "" without --by or unknown */
    km_curve *curve;
} km_group_curve;

typedef struct {
    km_group_curve *items;  /* sorted by group (byte order) */
    size_t n;
} km_curve_list;

/* Time to first job for the ips episodes started in the review window W of
 * q's period: one curve per group of q->by (one curve, group "", without a
 * breakdown).  Groups with no episodes have no curve.  q->as_of as in
 * metrics_compute(). */
ips_error outcomes_time_to_job_curves(warehouse *wh, const metric_query *q, km_curve_list **out,
                                      ips_diag *d);

/* The same for the whole cohort, ignoring q->by.  An empty cohort gives a
 * curve with cohort 0 and no steps. */
ips_error outcomes_time_to_job_curve(warehouse *wh, const metric_query *q, km_curve **out,
                                     ips_diag *d);

void km_curve_list_free(km_curve_list *list);

#endif
