/* Building one publication (model/publication.h): the plan of periods and
 * breakdowns the outputs show, computed in one read transaction. */
#include "model/publication.h"

#include "model/disclosure.h"

#include <stdlib.h>
#include <string.h>

#include "model/curves.h"
#include "model/funder.h"
#include "model/pack.h"
#include "model/project.h"

/* Every breakdown the workbook, charts or PDF split P by. */
static const metric_group pub_breakdowns[] = {
    GROUP_PROVIDER,  GROUP_TEAM,    GROUP_REGION, GROUP_GENDER,
    GROUP_AGE_GROUP, GROUP_SEGMENT, GROUP_COACH,  GROUP_EXIT_REASON,
};

void publication_free(publication *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n_entries; i++)
        metric_set_free(p->entries[i].rows);
    free(p->entries);
    batch_list_free(p->batches);
    quality_report_free(p->quality);
    fidelity_review_list_free(p->reviews);
    km_curve_free(p->time_to_job);
    metric_set_free(p->funder);
    pub_comparisons_free(&p->cmp);
    project_free((ips_project *)p->q.project); /* the publication's own copy */
    free(p);
}

static const pub_entry *entry_find(const publication *p, ips_day start, ips_day end,
                                   metric_group by, bool headline)
{
    for (size_t i = 0; p && i < p->n_entries; i++)
        if (p->entries[i].start == start && p->entries[i].end == end &&
            p->entries[i].by == by && p->entries[i].headline == headline)
            return &p->entries[i];
    return NULL;
}

const metric_set *publication_rows(const publication *p, ips_day start, ips_day end,
                                   metric_group by)
{
    const pub_entry *e = entry_find(p, start, end, by, false);
    return e ? e->rows : NULL;
}

const metric_set *publication_span_rows(const publication *p, ips_day start, ips_day end)
{
    const pub_entry *e = entry_find(p, start, end, GROUP_NONE, false);
    if (!e)
        e = entry_find(p, start, end, GROUP_NONE, true);
    return e ? e->rows : NULL;
}

static ips_error nomem(ips_diag *d)
{
    return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
}

/* Shared when out is empty: the warehouse keeps p, and every publication
 * it made, until it closes (warehouse_publication_keep). */
static ips_error append_shared(const metric_set *from, metric_set *out, ips_diag *d)
{
    return metric_set_share(out, from) ? IPS_OK : nomem(d);
}

ips_error publication_copy_rows(warehouse *wh, const publication *p, const metric_query *q,
                                ips_day start, ips_day end, metric_group by, metric_set *out,
                                ips_diag *d)
{
    const metric_set *rows = publication_rows(p, start, end, by);
    if (rows)
        return append_shared(rows, out, d);
    metric_query qq = *q;
    qq.start = start;
    qq.end = end;
    qq.by = by;
    return metrics_compute(wh, &qq, out, d);
}

/* Computes one planned entry unless the plan already has it (a span's
 * headline figures: unless it has them or all the figures). */
static ips_error plan_entry(warehouse *wh, publication *p, ips_day start, ips_day end,
                           metric_group by, bool span, ips_diag *d)
{
    if (start == IPS_DAY_NONE || end < start || publication_rows(p, start, end, by) ||
        (span && publication_span_rows(p, start, end)))
        return IPS_OK;
    pub_entry *grown = realloc(p->entries, (p->n_entries + 1) * sizeof *grown);
    if (!grown)
        return nomem(d);
    p->entries = grown;
    pub_entry *e = &p->entries[p->n_entries];
    *e = (pub_entry){start, end, by, metric_set_new(), span};
    if (!e->rows)
        return nomem(d);
    p->n_entries++;
    metric_query qq = p->q;
    qq.start = start;
    qq.end = end;
    qq.by = by;
    qq.internal |= span;
    qq.headline_only = span;
    return metrics_compute(wh, &qq, e->rows, d);
}

ips_error publication_plan_entry(warehouse *wh, publication *p, ips_day start, ips_day end,
                                 metric_group by, ips_diag *d)
{
    return plan_entry(wh, p, start, end, by, false, d);
}

ips_error publication_plan_span(warehouse *wh, publication *p, ips_day start, ips_day end,
                                ips_diag *d)
{
    return plan_entry(wh, p, start, end, GROUP_NONE, true, d);
}

static ips_error compute_rows(warehouse *wh, publication *p, ips_diag *d)
{
    ips_error e = publication_plan_entry(wh, p, p->q.start, p->q.end, GROUP_NONE, d);
    if (e == IPS_OK)
        e = publication_plan_entry(wh, p, p->prev_start, p->prev_end, GROUP_NONE, d);
    metric_period_quarters(p->q.end, PUB_QUARTERS, p->q_start, p->q_end);
    for (int i = 0; e == IPS_OK && i < PUB_QUARTERS; i++)
        e = publication_plan_entry(wh, p, p->q_start[i], p->q_end[i], GROUP_NONE, d);
    for (size_t i = 0; e == IPS_OK && i < sizeof pub_breakdowns / sizeof pub_breakdowns[0]; i++)
        e = publication_plan_entry(wh, p, p->q.start, p->q.end, pub_breakdowns[i], d);
    bool national = false;
    if (e == IPS_OK)
        e = national_is(wh, &national, d);
    if (e == IPS_OK && national) /* each county's figure beside the nation's */
        e = publication_plan_entry(wh, p, p->q.start, p->q.end, GROUP_COUNTY, d);
    return e == IPS_OK ? publication_compare_build(wh, p, d) : e;
}

static ips_error compute_inputs(warehouse *wh, publication *p, ips_diag *d)
{
    ips_error e = batches_list(wh, &p->batches, d);
    if (e == IPS_OK)
        e = quality_check(wh, p->as_of, &p->quality, d);
    if (e == IPS_OK)
        e = fidelity_review_merge(wh, &p->q, NULL, &p->reviews, d);
    if (e == IPS_OK)
        e = outcomes_time_to_job_curve(wh, &p->q, &p->time_to_job, d);
    if (e == IPS_OK && !p->q.internal)
        disclosure_curve_protect(p->time_to_job,
                                 publication_rows(p, p->q.start, p->q.end, GROUP_NONE),
                                 p->q.min_cell, &p->time_to_job_hidden);
    return e;
}

/* The funder's span first: choosing its own pattern takes more memory
 * (about 10 MB at 10×) than anything after it, and it is freed before the
 * rows of every period and breakdown are read. */
static ips_error compute_funder(warehouse *wh, publication *p, ips_diag *d)
{
    if (!(p->funder = metric_set_new()))
        return nomem(d);
    return funder_compute(wh, &p->q, p->q.project_start, p->funder, &p->funder_start, d);
}

static ips_error build(warehouse *wh, publication *p, ips_diag *d)
{
    ips_error e = p->q.as_of == IPS_DAY_NONE ? metrics_as_of(wh, &p->as_of, d) : IPS_OK;
    if (e != IPS_OK)
        return e;
    if (p->as_of == IPS_DAY_NONE)
        p->as_of = p->q.end; /* an empty warehouse: nothing exists anyway */
    e = compute_funder(wh, p, d);
    if (e == IPS_OK)
        e = compute_rows(wh, p, d);
    return e == IPS_OK ? compute_inputs(wh, p, d) : e;
}

/* The publication's own reading runs in one transaction unless the caller
 * (publish) already holds one. */
static ips_error build_in_txn(warehouse *wh, publication *p, ips_diag *d)
{
    bool own;
    ips_error e = warehouse_read_begin(wh, &own, d);
    return e == IPS_OK ? warehouse_read_end(wh, own, build(wh, p, d), d) : e;
}

ips_error publication_get(warehouse *wh, const metric_query *q, ips_day prev_start,
                          ips_day prev_end, const publication **out, ips_diag *d)
{
    *out = NULL;
    if (q->start == IPS_DAY_NONE || q->end == IPS_DAY_NONE || q->end < q->start)
        return ips_diag_set(d, IPS_ERR_PERIOD, "no valid period given");
    if (prev_start == IPS_DAY_NONE)
        metric_period_previous(q->start, q->end, &prev_start, &prev_end);
    /* "As of the data" and that date given explicitly are one publication:
     * the report resolves it, the charts do not. */
    metric_query rq = *q;
    ips_error e = rq.as_of == IPS_DAY_NONE ? metrics_as_of(wh, &rq.as_of, d) : IPS_OK;
    if (e != IPS_OK)
        return e;
    q = &rq;
    publication *kept = warehouse_publication(wh);
    if (kept && metric_query_settings_equal(&kept->q, q) && project_same(kept->q.project, q->project)) {
        /* Another comparison period joins the same snapshot's plan. */
        e = publication_plan_entry(wh, kept, prev_start, prev_end, GROUP_NONE, d);
        *out = e == IPS_OK ? kept : NULL;
        return e;
    }
    publication *p = calloc(1, sizeof *p);
    if (!p)
        return nomem(d);
    p->q = *q;
    p->q.by = GROUP_NONE;
    bool ok;
    /* Kept beyond the command that read the file (publish runs several). */
    p->q.project = project_copy(q->project, &ok);
    if (!ok) {
        free(p);
        return nomem(d);
    }
    p->as_of = q->as_of;
    p->prev_start = prev_start;
    p->prev_end = prev_end;
    e = build_in_txn(wh, p, d);
    if (e != IPS_OK) {
        publication_free(p);
        return e;
    }
    if (!warehouse_publication_keep(wh, p)) {
        publication_free(p);
        return nomem(d);
    }
    *out = p;
    return IPS_OK;
}
