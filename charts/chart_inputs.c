/* Glue between model/ and the charts' inputs (see chart_inputs.h): the one
 * place that asks model/ for curves, distributions and the merged review. */
#include "charts/chart_inputs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/curves.h"
#include "model/distributions.h"
#include "model/fidelity.h"

static ips_error fetch_contact_days(warehouse *wh, const metric_query *q, chart_contact_days *out,
                                    ips_diag *d)
{
    memset(out, 0, sizeof *out);
    ips_error e = distributions_first_contact_days(wh, q, &out->days, &out->n, &out->pending, d);
    out->known = e == IPS_OK;
    return e;
}

static ips_error fetch_path(warehouse *wh, const metric_query *q, chart_service_path *out,
                            ips_diag *d)
{
    long steps[PATH_STEPS];
    memset(out, 0, sizeof *out);
    ips_error e = distributions_service_path(wh, q, steps, d);
    for (int i = 0; e == IPS_OK && i < PATH__COUNT && i < PATH_STEPS; i++)
        out->count[i] = steps[i];
    out->known = e == IPS_OK;
    return e;
}

static ips_error fetch_km(warehouse *wh, const metric_query *q, chart_km_curve *out, ips_diag *d)
{
    km_curve *c = NULL;
    memset(out, 0, sizeof *out);
    ips_error e = outcomes_time_to_job_curve(wh, q, &c, d);
    if (e != IPS_OK)
        return e;
    out->cohort = c->cohort;
    out->n = c->n;
    if (c->n && (!(out->t = malloc(c->n * sizeof *out->t)) || !(out->s = malloc(c->n * sizeof *out->s)))) {
        km_curve_free(c);
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    }
    for (size_t i = 0; i < c->n; i++) {
        out->t[i] = c->time[i];
        out->s[i] = c->surv[i];
    }
    out->known = true;
    km_curve_free(c);
    return IPS_OK;
}

static chart_fid_status chart_status(fidelity_status s)
{
    switch (s) {
    case FID_STATUS_RATED: return FID_RATED;
    case FID_STATUS_NOT_APPLICABLE: return FID_NOT_APPLICABLE;
    case FID_STATUS_NOT_RATED: return FID_NOT_RATED;
    default: return FID_NONE;
    }
}

/* The latest review in the window, merged with the scores computed from data
 * for the same unit; without a review, the data scores alone. */
static ips_error fetch_fidelity(warehouse *wh, const metric_query *q, const metric_set *period,
                                chart_fidelity *out, ips_diag *d)
{
    fidelity_review_list *list = NULL;
    chart_inputs_fidelity_from_rows(period, out);
    ips_error e = fidelity_review_merge(wh, q, NULL, &list, d);
    if (e != IPS_OK || !list->n) {
        fidelity_review_list_free(list);
        return e;
    }
    const fidelity_review *r = &list->reviews[0];
    for (size_t i = 1; i < list->n; i++)
        if (list->reviews[i].review_date > r->review_date)
            r = &list->reviews[i];
    out->has_review = true;
    snprintf(out->review_id, sizeof out->review_id, "%s", r->review_id);
    date_format_iso(r->review_date, out->review_date);
    out->total_low = r->total_low;
    out->total_high = r->total_high;
    out->items_rated = r->items_rated;
    snprintf(out->band, sizeof out->band, "%s", r->band);
    for (int i = 0; i < 25 && i < FIDELITY_ITEMS; i++) {
        const fidelity_merged_item *m = &r->items[i];
        chart_fid_item *c = &out->items[i];
        c->item = m->item;
        c->status = chart_status(m->status);
        c->reviewer_low = m->score;
        c->reviewer_high = m->score_high ? m->score_high : m->score;
        c->data_score = m->data_score;
    }
    fidelity_review_list_free(list);
    return IPS_OK;
}

/* The review rows of the last review in the set (R19: group_by "review"). */
static void review_totals(const metric_set *set, chart_fidelity *out)
{
    const metric_row *low = NULL;
    for (size_t i = 0; i < set->n; i++)
        if (strcmp(set->rows[i].metric, "fidelity_total_low") == 0 &&
            strcmp(set->rows[i].group_by, "review") == 0)
            low = &set->rows[i];
    if (!low)
        return;
    out->has_review = true;
    snprintf(out->review_id, sizeof out->review_id, "%s", low->group);
    out->total_low = out->total_high = low->value;
    const metric_row *r = metric_set_find(set, "fidelity_total_high", "review", low->group);
    if (r)
        out->total_high = r->value;
    if ((r = metric_set_find(set, "fidelity_items_rated", "review", low->group)))
        out->items_rated = (int)r->value;
    if ((r = metric_set_find(set, "fidelity_band", "review", low->group)))
        snprintf(out->band, sizeof out->band, "%s", r->text);
}

void chart_inputs_fidelity_from_rows(const metric_set *period, chart_fidelity *out)
{
    memset(out, 0, sizeof *out);
    for (int i = 0; i < 25; i++)
        out->items[i].item = i + 1;
    if (!period)
        return;
    for (int item = 1; item <= 25; item++) {
        const char *metric = fidelity_score_metric(item);
        const metric_row *r = metric ? metric_set_find(period, metric, "", "") : NULL;
        if (r && (r->has & MH_SCORE) && r->score >= 1 && r->score <= 5)
            out->items[item - 1].data_score = r->score;
    }
    review_totals(period, out);
}

ips_error chart_inputs_fetch(warehouse *wh, const metric_query *q, const metric_set *period,
                             chart_inputs *out, ips_diag *d)
{
    memset(out, 0, sizeof *out);
    ips_error e = fetch_contact_days(wh, q, &out->contact_days, d);
    if (e == IPS_OK)
        e = fetch_path(wh, q, &out->path, d);
    if (e == IPS_OK)
        e = fetch_km(wh, q, &out->km, d);
    if (e == IPS_OK)
        e = fetch_fidelity(wh, q, period, &out->fidelity, d);
    return e;
}

void chart_inputs_free(chart_inputs *in)
{
    if (!in)
        return;
    free(in->contact_days.days);
    free(in->km.t);
    free(in->km.s);
    memset(in, 0, sizeof *in);
}
