#include "model/km.h"

#include <stdlib.h>

/* S is a product of fractions, so 0.75 × 2/3 lands a hair above 0.5 in
 * binary; this tolerance keeps "S(t) <= 0.5" exact in the sense of R8. */
#define KM_EPS 1e-9

/* Events sort before censorings on the same day: the tie rule of R8. */
static int obs_cmp(const void *a, const void *b)
{
    const km_obs *x = a, *y = b;
    if (x->time != y->time)
        return x->time < y->time ? -1 : 1;
    return (int)y->event - (int)x->event;
}

void km_curve_free(km_curve *c)
{
    if (!c)
        return;
    free(c->time);
    free(c->surv);
    free(c->at_risk);
    free(c->deaths);
    free(c);
}

static size_t count_event_days(const km_obs *obs, size_t n)
{
    size_t days = 0;
    for (size_t i = 0; i < n; i++)
        if (obs[i].event && (i == 0 || !obs[i - 1].event || obs[i - 1].time != obs[i].time))
            days++;
    return days;
}

ips_error km_fit(km_obs *obs, size_t n, km_curve **out)
{
    *out = NULL;
    km_curve *c = calloc(1, sizeof *c);
    if (!c)
        return IPS_ERR_NOMEM;
    if (n > 0)
        qsort(obs, n, sizeof *obs, obs_cmp);
    c->cohort = n;
    size_t steps = count_event_days(obs, n);
    if (steps > 0) {
        c->time = malloc(steps * sizeof *c->time);
        c->surv = malloc(steps * sizeof *c->surv);
        c->at_risk = malloc(steps * sizeof *c->at_risk);
        c->deaths = malloc(steps * sizeof *c->deaths);
        if (!c->time || !c->surv || !c->at_risk || !c->deaths) {
            km_curve_free(c);
            return IPS_ERR_NOMEM;
        }
    }
    double s = 1.0;
    size_t i = 0;
    while (i < n) {
        /* Everyone from i on has time >= obs[i].time: that is the risk set. */
        size_t at_risk = n - i, d = 0;
        int t = obs[i].time;
        while (i < n && obs[i].time == t) {
            d += obs[i].event;
            i++;
        }
        if (d > 0) {
            s *= (double)(at_risk - d) / (double)at_risk;
            c->time[c->n] = t;
            c->surv[c->n] = s;
            c->at_risk[c->n] = at_risk;
            c->deaths[c->n] = d;
            c->n++;
            c->events += d;
        }
        c->last_time = t;
    }
    *out = c;
    return IPS_OK;
}

double km_survival(const km_curve *c, double t)
{
    double s = 1.0;
    for (size_t i = 0; i < c->n && c->time[i] <= t; i++)
        s = c->surv[i];
    return s;
}

bool km_median(const km_curve *c, double *out)
{
    for (size_t i = 0; i < c->n; i++)
        if (c->surv[i] <= 0.5 + KM_EPS) {
            *out = c->time[i];
            return true;
        }
    return false;
}

bool km_estimable(const km_curve *c, double t)
{
    if (c->cohort == 0)
        return false;
    return t <= c->last_time || (c->n > 0 && c->surv[c->n - 1] <= KM_EPS);
}
