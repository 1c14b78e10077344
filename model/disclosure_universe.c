/* The universe a pattern is built over, and the one suppression step of
 * metrics_compute() (model/disclosure.h).  What is published together is
 * what any command could publish from the same data and settings: every
 * quarter, half and the year that hold P, each whole and by every
 * breakdown.  Building the pattern over all of them, whatever one output
 * shows, is what makes it the same in every output and every run. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/disclosure.h"
#include "model/disclosure_store.h"
#include "model/disclosure_model.h"
#include "model/engine.h"
#include "model/metric_cache.h"
#include "model/metric_store.h"
#include "model/pass_ahead.h"

/* January to September: the third quarter's year to date (the first
 * quarter's, second's and fourth's are Q1, H1 and the year). */
static bool ytd_q3(ips_day ps, ips_day pe, int *y)
{
    int m, d;
    date_to_ymd(ps, y, &m, &d);
    return m == 1 && d == 1 && pe == date_add_months(ps, 9) - 1;
}

/* The periods of q's universe into s/e (at most 8, the year first, the
 * year to date of Q3 last); returns how many. */
static size_t universe_periods(ips_day ps, ips_day pe, ips_day *s, ips_day *e)
{
    int y, part;
    if (!dc_period_kind(ps, pe, &y, &part) && !ytd_q3(ps, pe, &y)) {
        /* not a calendar quarter, half, year or year to date */
        s[0] = ps;
        e[0] = pe;
        return 1;
    }
    size_t n = 0;
    ips_day jan = date_from_ymd(y, 1, 1);
    s[n] = jan, e[n++] = date_add_months(jan, 12) - 1;
    for (int h = 0; h < 2; h++) {
        s[n] = date_add_months(jan, 6 * h);
        e[n++] = date_add_months(jan, 6 * h + 6) - 1;
    }
    for (int k = 0; k < 4; k++) {
        s[n] = date_add_months(jan, 3 * k);
        e[n++] = date_add_months(jan, 3 * k + 3) - 1;
    }
    /* The comparisons' year to date (model/publication_compare.c): with
     * H1 and Q3 it is linked by YTD = H1 + Q3, so it is published together. */
    s[n] = jan, e[n++] = date_add_months(jan, 9) - 1;
    return n;
}

/* The passes of q's universe (a period by a breakdown) into p, in the
 * order they are published; returns how many. */
#define MAX_PASSES (8 * GROUP__COUNT)
static size_t universe_passes(const facts *f, const metric_query *q, metric_query *p)
{
    ips_day s[8], e[8];
    size_t np = universe_periods(q->start, q->end, s, e), n = 0;
    for (size_t i = 0; i < np; i++) {
        if (q->as_of != IPS_DAY_NONE && s[i] > q->as_of && np > 1)
            continue; /* nothing is known of it (R22) */
        if (np > 1 && i == np - 1 && q->as_of != IPS_DAY_NONE && q->as_of <= e[i])
            continue; /* cut at A, the year to date is the year cut at A: held already */
        for (int by = GROUP_NONE; by < GROUP__COUNT; by++) {
            if (by == GROUP_COUNTY && !f->national)
                continue; /* only a national warehouse has counties */
            metric_query *uq = &p[n++];
            *uq = *q;
            uq->start = s[i];
            uq->end = e[i];
            uq->by = (metric_group)by;
            uq->internal = true;
        }
    }
    return n;
}

/* Pass q's rows into the kept rows (w) and the model (m). */
static ips_error take_pass(const metric_query *q, const metric_set *rows, dc_model *m,
                           metric_store_writer *w, ips_diag *d)
{
    ips_error e = w ? metric_store_put(w, q, rows, d) : IPS_OK;
    return e == IPS_OK ? dc_model_add(m, rows, NULL, d) : e;
}

/* The passes are computed ahead on helper threads (model/pass_ahead.h)
 * while the caller takes each into the model and the kept rows: a
 * county's pass is a pure function of its facts.  A national
 * warehouse's passes read its packs' rows through the connection the
 * caller writes with, so they run on the caller's thread. */
static ips_error run_streamed(const facts *f, const metric_query *p, size_t n, dc_model *m,
                              metric_store_writer *w, ips_diag *d)
{
    pass_ahead *a;
    ips_error err = pass_ahead_new(f, p, n, !f->national, &a, d);
    for (size_t i = 0; err == IPS_OK && i < n; i++) {
        const metric_set *rows;
        err = pass_ahead_next(a, &rows, d);
        if (err == IPS_OK)
            err = take_pass(&p[i], rows, m, w, d);
    }
    pass_ahead_free(a);
    return err;
}

/* Every pass of q's universe computed into out; with w, each pass's rows
 * are kept in the warehouse as well (model/metric_store.h). */
static ips_error universe_run(const facts *f, const metric_query *q, metric_set *out,
                              metric_store_writer *w, ips_diag *d)
{
    metric_query p[MAX_PASSES];
    size_t n = universe_passes(f, q, p);
    ips_error err = IPS_OK;
    for (size_t i = 0; err == IPS_OK && i < n; i++) {
        size_t first = out->n;
        err = engine_compute(f, &p[i], out, d);
        metric_set pass = {.rows = out->rows + first, .n = out->n - first, .cap = out->n - first};
        if (err == IPS_OK && w)
            err = metric_store_put(w, &p[i], &pass, d);
    }
    return err;
}

ips_error disclosure_universe(const facts *f, const metric_query *q, metric_set *out,
                              ips_diag *d)
{
    return universe_run(f, q, out, NULL, d);
}

/* The pattern of q's universe, built pass by pass (as disclosure_build over
 * disclosure_universe's rows, without holding them all at once). */
static ips_error build_streamed(const facts *f, const metric_query *q, metric_store_writer *w,
                                disclosure **out, ips_diag *d)
{
    *out = NULL;
    dc_model m;
    dc_model_begin(&m, q->min_cell);
    metric_query p[MAX_PASSES];
    size_t n = universe_passes(f, q, p);
    ips_error e = run_streamed(f, p, n, &m, w, d);
    if (e == IPS_OK)
        e = dc_model_end(&m, f, q, d);
    if (e != IPS_OK) {
        dc_model_free(&m);
        return e;
    }
    return dc_pattern_of(&m, q, out, d);
}

/* The pattern key of q: its universe's first period (the year) and q's
 * settings. */
static metric_query pattern_key(const metric_query *q)
{
    ips_day s[8], e[8];
    universe_periods(q->start, q->end, s, e);
    metric_query key = *q;
    key.start = s[0];
    key.end = e[0];
    key.by = GROUP_NONE;
    return key;
}

/* Keeps made in the run's cache (which frees it if it cannot keep it), or
 * hands it to the caller through *owned when there is no cache. */
static ips_error keep(struct metric_cache *cache, const metric_query *key, disclosure *made,
                      const disclosure **out, disclosure **owned, ips_diag *d)
{
    *out = made;
    if (!cache) {
        *owned = made;
        return IPS_OK;
    }
    metric_cache_disclosure_put(cache, key, made);
    /* put frees what it cannot keep: look it up again */
    if (!(*out = metric_cache_disclosure_find(cache, key)))
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    return IPS_OK;
}

/* The pattern of q's universe: the run's, the one the warehouse keeps
 * (model/disclosure_store.c), or built from universe u (computed here
 * when u is NULL), so that every output and the audit of one run share
 * one.  f NULL: the facts are loaded only if no kept pattern serves.
 * *owned is set when there was no cache to keep it in: the caller frees
 * it. */
static ips_error pattern_get(warehouse *wh, const facts *f, const metric_query *q,
                             const metric_set *u, const disclosure **out, disclosure **owned,
                             ips_diag *d)
{
    metric_query key = pattern_key(q);
    *owned = NULL;
    struct metric_cache *cache = warehouse_metric_cache(wh);
    *out = metric_cache_disclosure_find(cache, &key);
    if (*out)
        return IPS_OK;
    disclosure *made = NULL;
    ips_day kept_as_of = f ? facts_kept_as_of(f) : IPS_DAY_NONE;
    long long n_episodes;
    ips_error err = f ? IPS_OK : facts_kept_summary(wh, &kept_as_of, &n_episodes, d);
    if (err == IPS_OK)
        err = disclosure_store_find(wh, &key, kept_as_of, &made, NULL, d);
    if (err == IPS_OK && !made && !f) /* none kept: the facts build it */
        err = facts_get(wh, q->as_of, &f, d);
    if (err != IPS_OK || made)
        return err != IPS_OK ? err : keep(cache, &key, made, out, owned, d);
    err = u ? disclosure_build(f, u, q, &made, d) : build_streamed(f, q, NULL, &made, d);
    if (err != IPS_OK)
        return err;
    return keep(cache, &key, made, out, owned, d);
}

ips_error disclosure_suppress(warehouse *wh, const metric_query *q, metric_set *set,
                              size_t from, ips_diag *d)
{
    const disclosure *dc;
    disclosure *owned;
    ips_error e = pattern_get(wh, NULL, q, NULL, &dc, &owned, d);
    if (e != IPS_OK)
        return e;
    metric_set view = {.rows = set->rows + from, .n = set->n - from, .cap = set->n - from};
    disclosure_apply(dc, &view);
    disclosure_free(owned);
    return IPS_OK;
}

disclosure_truth *disclosure_truth_of(const metric_set *set)
{
    disclosure_truth *t = malloc((set->n ? set->n : 1) * sizeof *t);
    for (size_t i = 0; t && i < set->n; i++)
        t[i] = (disclosure_truth){set->rows[i].numerator, set->rows[i].denominator,
                                  set->rows[i].value};
    return t;
}

/* The universe u published through dc (in place: u is what the outputs
 * publish afterwards), attacked by the intruder. */
static ips_error audit_universe(const facts *f, metric_set *u, const disclosure *dc,
                                const metric_query *q, disclosure_audit *out, ips_diag *d)
{
    disclosure_truth *truth = disclosure_truth_of(u);
    if (!truth)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    disclosure_apply(dc, u);
    ips_error e = disclosure_audit_run(f, u, truth, q, out, d);
    free(truth);
    return e;
}

ips_error disclosure_compute(const facts *f, const metric_query *q, metric_store_writer *w,
                             disclosure **out, disclosure_audit *au, ips_diag *d)
{
    ips_error e = build_streamed(f, q, w, out, d);
    if (e == IPS_OK) {
        /* The build ends with the intruder's check over the same relations
         * (disclosure_build: no hidden cell pinned, or `unprotected` say
         * how many); that is the check kept.  `ipsreport audit` repeats it
         * independently from the published figures whenever asked. */
        disclosure_stats s;
        disclosure_stats_get(*out, &s);
        memset(au, 0, sizeof *au);
        au->rows = s.rows;
        au->hidden = s.hidden;
        au->primary = s.primary;
        au->secondary = s.secondary;
        au->quantities = s.variables;
        au->recovered = s.unprotected;
        if (s.unprotected)
            snprintf(au->example, sizeof au->example,
                     "cells the pattern's own check found pinned");
    }
    if (e != IPS_OK) {
        disclosure_free(*out);
        *out = NULL;
    }
    return e;
}

/* The audit kept with the pattern, when the warehouse keeps the one of
 * rq; the pattern then goes to the run's cache for the outputs. */
static ips_error kept_audit(warehouse *wh, const facts *f, const metric_query *rq,
                            disclosure_audit *out, disclosure_stats *stats, bool *found,
                            ips_diag *d)
{
    metric_query key = pattern_key(rq);
    disclosure *made = NULL;
    *found = false;
    if (!stats) /* the audit's figures are kept beside the pattern */
        return disclosure_store_audit(wh, &key, facts_kept_as_of(f), out, found, d);
    ips_error e = disclosure_store_find(wh, &key, facts_kept_as_of(f), &made, out, d);
    if (e != IPS_OK || !made)
        return e;
    *found = true;
    disclosure_stats_get(made, stats);
    struct metric_cache *cache = warehouse_metric_cache(wh);
    if (!metric_cache_disclosure_find(cache, &key)) {
        const disclosure *kept;
        disclosure *owned = NULL;
        e = keep(cache, &key, made, &kept, &owned, d);
        disclosure_free(owned);
    } else {
        disclosure_free(made);
    }
    return e;
}

ips_error disclosure_audit_period(warehouse *wh, const metric_query *q, bool kept,
                                  disclosure_audit *out, disclosure_stats *stats, ips_diag *d)
{
    metric_query rq = *q;
    ips_error e = IPS_OK;
    if (rq.as_of == IPS_DAY_NONE)
        e = metrics_as_of(wh, &rq.as_of, d);
    if (e == IPS_OK && rq.as_of == IPS_DAY_NONE)
        rq.as_of = q->end;
    const facts *f = NULL;
    /* A kept audit needs only to know the facts are the stored ones. */
    if (e == IPS_OK)
        e = facts_get_core(wh, rq.as_of, &f, d);
    bool found = false;
    if (e == IPS_OK && kept)
        e = kept_audit(wh, f, &rq, out, stats, &found, d);
    if (e == IPS_OK && !found)
        e = facts_get(wh, rq.as_of, &f, d);
    if (e != IPS_OK || found)
        return e;
    metric_set *u = metric_set_new();
    if (!u)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    e = disclosure_universe(f, &rq, u, d);
    /* the pattern the outputs use (kept for them when publish audits first) */
    const disclosure *dc = NULL;
    disclosure *owned = NULL;
    if (e == IPS_OK)
        e = pattern_get(wh, f, &rq, u, &dc, &owned, d);
    if (e == IPS_OK) {
        if (stats)
            disclosure_stats_get(dc, stats);
        e = audit_universe(f, u, dc, &rq, out, d);
    }
    disclosure_free(owned);
    metric_set_free(u);
    return e;
}
