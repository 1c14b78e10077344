/* Kaplan–Meier survival curves (metrics.md R8), independent of the schema so
 * that charts can draw the step curve and tests can check the arithmetic.
 *
 * Ties: at a day t, events are counted before censorings at t, so an
 * observation censored at t is still at risk at t.  S changes only at event
 * days.  Times are whole days. */
#ifndef IPS_KM_H
#define IPS_KM_H

#include <stdbool.h>
#include <stddef.h>

#include "common/error.h"

typedef struct {
    int time;    /* days from the cohort's start to the event or censoring */
    bool event;  /* true: the event happened at time; false: censored at time */
} km_obs;

/* The step curve: S is 1 before time[0] and S(t) = surv[i] for
 * time[i] <= t < time[i + 1], carried forward after the last step. */
typedef struct {
    size_t cohort;     /* observations */
    size_t events;     /* observations that ended in an event */
    size_t n;          /* steps (distinct event days) */
    int *time;         /* step days, ascending; NULL when n = 0 */
    double *surv;      /* S just after the events of time[i] */
    size_t *at_risk;   /* observations at risk at time[i] (time >= time[i]) */
    size_t *deaths;    /* events at time[i] */
    int last_time;     /* the largest observed time (event or censoring); 0 when empty */
} km_curve;

/* Fits the curve to obs (reordered in place).  *out is NULL on error. */
ips_error km_fit(km_obs *obs, size_t n, km_curve **out);
void km_curve_free(km_curve *c);

/* S(t): 1 before the first event, carried forward past the last step (ask
 * km_estimable() whether that is known). */
double km_survival(const km_curve *c, double t);

/* Whether S(t) is known (R8): t is within the longest follow-up (t <=
 * last_time), or the curve has already reached 0 (no one left at risk who
 * could still have the event).  Past the longest follow-up S is not
 * estimable: carrying it forward would read "100 %" where nothing is known.
 * False for an empty cohort. */
bool km_estimable(const km_curve *c, double t);

/* Median = the smallest t with S(t) <= 0.5 (R8).  False, with *out untouched,
 * when the curve never reaches 0.5 (also for an empty cohort). */
bool km_median(const km_curve *c, double *out);

#endif
