/* Glue between model/ and the charts' inputs (see chart_inputs.h): curves,
 * distributions and the merged review, copied from the one publication. */
#include "charts/chart_inputs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/curves.h"
#include "model/distributions.h"
#include "model/fidelity.h"
#include "model/publication.h"

/* The service path from the whole service's rows of P as published
 * (service_path by step, model/engine_distributions.c). */
static void path_from(const metric_set *period, chart_service_path *out)
{
    memset(out, 0, sizeof *out);
    for (int k = 0; period && k < PATH_COUNTS; k++) {
        const metric_row *r = metric_set_find(period, "service_path", "step", distributions_path_steps[k]);
        if (!r)
            continue;
        out->known = true;
        long v = r->suppressed ? 0 : (long)r->value;
        if (k < PATH__COUNT) {
            out->count[k] = v;
            out->hidden[k] = r->suppressed;
            snprintf(out->mark[k], sizeof out->mark[k], "%s", r->suppressed ? r->text : "");
        } else {
            out->pending_90 = v;
            out->pending_hidden = r->suppressed;
            snprintf(out->pending_mark, sizeof out->pending_mark, "%s",
                     r->suppressed ? r->text : "");
        }
    }
}

static ips_error km_from(const publication *p, chart_km_curve *out, ips_diag *d)
{
    const km_curve *c = p->time_to_job;
    memset(out, 0, sizeof *out);
    if (!c)
        return IPS_OK;
    out->cohort = c->cohort;
    out->hidden = p->time_to_job_hidden;
    out->n = c->n;
    if (c->n && (!(out->t = malloc(c->n * sizeof *out->t)) || !(out->s = malloc(c->n * sizeof *out->s))))
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < c->n; i++) {
        out->t[i] = c->time[i];
        out->s[i] = c->surv[i];
    }
    out->known = true;
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
static void fidelity_from(const publication *p, const metric_set *period, chart_fidelity *out)
{
    const fidelity_review_list *list = p->reviews;
    chart_inputs_fidelity_from_rows(period, out);
    if (!list || !list->n)
        return;
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

ips_error chart_inputs_from(const publication *p, const metric_set *period, chart_inputs *out,
                            ips_diag *d)
{
    memset(out, 0, sizeof *out);
    path_from(period, &out->path);
    ips_error e = km_from(p, &out->km, d);
    if (e == IPS_OK)
        fidelity_from(p, period, &out->fidelity);
    return e;
}

ips_error chart_inputs_fetch(warehouse *wh, const metric_query *q, const metric_set *period,
                             chart_inputs *out, ips_diag *d)
{
    const publication *p;
    memset(out, 0, sizeof *out);
    ips_error e = publication_get(wh, q, IPS_DAY_NONE, IPS_DAY_NONE, &p, d);
    return e == IPS_OK ? chart_inputs_from(p, period, out, d) : e;
}

void chart_inputs_free(chart_inputs *in)
{
    if (!in)
        return;
    free(in->km.t);
    free(in->km.s);
    memset(in, 0, sizeof *in);
}
