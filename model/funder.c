/* The funder's rows of a span (model/funder.h): the universe of every
 * breakdown of S, its disclosure pattern, and the audit of it.  S is no
 * calendar period, so like any other span it is published alone: its
 * pattern is built over its own rows, every breakdown. */
#include "model/funder.h"

#include <stdlib.h>

#include "model/engine.h"
#include "model/national.h"

static ips_error nomem(ips_diag *d)
{
    return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
}

static ips_day first_ips_start(const facts *f)
{
    if (f->national)
        return f->national->ips_first_day;
    ips_day first = IPS_DAY_NONE;
    for (size_t i = 0; i < f->n_episodes; i++)
        if (f->episodes[i].service == SVC_IPS &&
            (first == IPS_DAY_NONE || f->episodes[i].start < first))
            first = f->episodes[i].start;
    return first;
}

/* q with its as-of date resolved, and the facts at it. */
static ips_error resolve(warehouse *wh, const metric_query *q, metric_query *rq, const facts **f,
                         ips_diag *d)
{
    *rq = *q;
    ips_error e = rq->as_of == IPS_DAY_NONE ? metrics_as_of(wh, &rq->as_of, d) : IPS_OK;
    if (e == IPS_OK && rq->as_of == IPS_DAY_NONE)
        rq->as_of = q->end; /* an empty warehouse: nothing exists anyway */
    return e == IPS_OK ? facts_get_core(wh, rq->as_of, f, d) : e;
}

ips_error funder_first_day(warehouse *wh, const metric_query *q, ips_day *out, ips_diag *d)
{
    metric_query rq;
    const facts *f = NULL;
    ips_error e = resolve(wh, q, &rq, &f, d);
    *out = e == IPS_OK ? first_ips_start(f) : IPS_DAY_NONE;
    return e;
}

/* Every breakdown of S, unsuppressed; rq's start is S's. */
static ips_error universe(const facts *f, const metric_query *rq, metric_set *out, ips_diag *d)
{
    for (int by = GROUP_NONE; by < GROUP__COUNT; by++) {
        if (by == GROUP_COUNTY)
            continue; /* the funder's rows have no county breakdown */
        metric_query uq = *rq;
        uq.by = (metric_group)by;
        uq.internal = true;
        eng_ctx ctx;
        eng_ctx_init(&ctx, f, &uq);
        ips_error e = engine_funder(&ctx, out, d);
        if (e != IPS_OK)
            return e;
    }
    return IPS_OK;
}

/* rq for S, and the facts. */
static ips_error span(warehouse *wh, const metric_query *q, ips_day start, metric_query *rq,
                      const facts **f, ips_diag *d)
{
    if (q->start == IPS_DAY_NONE || q->end == IPS_DAY_NONE || q->end < q->start)
        return ips_diag_set(d, IPS_ERR_PERIOD, "no valid period given");
    ips_error e = resolve(wh, q, rq, f, d);
    if (e != IPS_OK)
        return e;
    if (start == IPS_DAY_NONE)
        start = first_ips_start(*f);
    if (start == IPS_DAY_NONE || start > q->end)
        start = q->start; /* no ips episode yet: the period alone */
    rq->start = start;
    rq->by = GROUP_NONE;
    return IPS_OK;
}

ips_error funder_compute(warehouse *wh, const metric_query *q, ips_day start, metric_set *out,
                         ips_day *s_start, ips_diag *d)
{
    metric_query rq;
    const facts *f = NULL;
    ips_error e = span(wh, q, start, &rq, &f, d);
    if (e != IPS_OK)
        return e;
    if (s_start)
        *s_start = rq.start;
    size_t first = out->n;
    e = universe(f, &rq, out, d);
    if (e != IPS_OK || q->internal)
        return e;
    metric_set view = {.rows = out->rows + first, .n = out->n - first, .cap = out->n - first};
    /* The pattern is chosen over the rows as computed, then applied to them:
     * disclosure_build() keeps no reference to the rows. */
    disclosure *dc = NULL;
    e = disclosure_build(f, &view, &rq, &dc, d);
    if (e == IPS_OK)
        disclosure_apply(dc, &view);
    disclosure_free(dc);
    return e;
}

ips_error funder_audit(warehouse *wh, const metric_query *q, ips_day start,
                       disclosure_audit *out, ips_diag *d)
{
    metric_query rq;
    const facts *f = NULL;
    ips_error e = span(wh, q, start, &rq, &f, d);
    if (e != IPS_OK)
        return e;
    rq.internal = false;
    metric_set *truth = metric_set_new();
    if (!truth)
        return nomem(d);
    e = universe(f, &rq, truth, d);
    disclosure *dc = NULL;
    if (e == IPS_OK)
        e = disclosure_build(f, truth, &rq, &dc, d);
    disclosure_truth *tv = e == IPS_OK ? disclosure_truth_of(truth) : NULL;
    if (e == IPS_OK && !tv)
        e = nomem(d);
    if (e == IPS_OK) {
        disclosure_apply(dc, truth); /* now what is published */
        e = disclosure_audit_run(f, truth, tv, &rq, out, d);
    }
    disclosure_free(dc);
    free(tv);
    metric_set_free(truth);
    return e;
}
