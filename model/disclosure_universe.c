/* The universe a pattern is built over, and the one suppression step of
 * metrics_compute() (model/disclosure.h).  What is published together is
 * what any command could publish from the same data and settings: every
 * quarter, half and the year that hold P, each whole and by every
 * breakdown.  Building the pattern over all of them, whatever one output
 * shows, is what makes it the same in every output and every run. */
#include <stdlib.h>

#include "model/disclosure.h"
#include "model/disclosure_model.h"
#include "model/engine.h"
#include "model/metric_cache.h"

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

ips_error disclosure_universe(const facts *f, const metric_query *q, metric_set *out,
                              ips_diag *d)
{
    ips_day s[8], e[8];
    size_t np = universe_periods(q->start, q->end, s, e);
    for (size_t i = 0; i < np; i++) {
        if (q->as_of != IPS_DAY_NONE && s[i] > q->as_of && np > 1)
            continue; /* nothing is known of it (R22) */
        if (np > 1 && i == np - 1 && q->as_of != IPS_DAY_NONE && q->as_of <= e[i])
            continue; /* cut at A, the year to date is the year cut at A: held already */
        for (int by = GROUP_NONE; by < GROUP__COUNT; by++) {
            metric_query uq = *q;
            uq.start = s[i];
            uq.end = e[i];
            uq.by = (metric_group)by;
            uq.internal = true;
            ips_error err = engine_compute(f, &uq, out, d);
            if (err != IPS_OK)
                return err;
        }
    }
    return IPS_OK;
}

/* The pattern of q's universe: the one the warehouse keeps, or built from
 * universe u (computed here when u is NULL) and then kept, so that every
 * output and the audit of one run share one.  *owned is set when there was
 * no cache to keep it in: the caller frees it. */
static ips_error pattern_get(warehouse *wh, const facts *f, const metric_query *q,
                             const metric_set *u, const disclosure **out, disclosure **owned,
                             ips_diag *d)
{
    ips_day s[8], e[8];
    universe_periods(q->start, q->end, s, e);
    metric_query key = *q;
    key.start = s[0];
    key.end = e[0];
    key.by = GROUP_NONE;
    *owned = NULL;
    struct metric_cache *cache = warehouse_metric_cache(wh);
    *out = metric_cache_disclosure_find(cache, &key);
    if (*out)
        return IPS_OK;
    metric_set *mine = u ? NULL : metric_set_new();
    if (!u && !mine)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    ips_error err = u ? IPS_OK : disclosure_universe(f, q, mine, d);
    disclosure *made = NULL;
    if (err == IPS_OK)
        err = disclosure_build(f, u ? u : mine, q, &made, d);
    metric_set_free(mine);
    if (err != IPS_OK)
        return err;
    *out = made;
    if (cache)
        metric_cache_disclosure_put(cache, &key, made);
    else
        *owned = made;
    /* put frees what it cannot keep: look it up again */
    if (cache && !(*out = metric_cache_disclosure_find(cache, &key)))
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    return IPS_OK;
}

ips_error disclosure_suppress(warehouse *wh, const facts *f, const metric_query *q,
                              metric_set *set, size_t from, ips_diag *d)
{
    const disclosure *dc;
    disclosure *owned;
    ips_error e = pattern_get(wh, f, q, NULL, &dc, &owned, d);
    if (e != IPS_OK)
        return e;
    metric_set view = {set->rows + from, set->n - from, set->n - from, NULL};
    disclosure_apply(dc, &view);
    disclosure_free(owned);
    return IPS_OK;
}

/* A copy of u's rows. */
static metric_set *copy_rows(const metric_set *u)
{
    metric_set *c = metric_set_new();
    for (size_t i = 0; c && i < u->n; i++) {
        metric_row *r = metric_set_add(c, "");
        if (!r) {
            metric_set_free(c);
            return NULL;
        }
        *r = u->rows[i];
    }
    return c;
}

ips_error disclosure_audit_period(warehouse *wh, const metric_query *q, disclosure_audit *out,
                                  disclosure_stats *stats, ips_diag *d)
{
    metric_query rq = *q;
    ips_error e = IPS_OK;
    if (rq.as_of == IPS_DAY_NONE)
        e = metrics_as_of(wh, &rq.as_of, d);
    if (e == IPS_OK && rq.as_of == IPS_DAY_NONE)
        rq.as_of = q->end;
    const facts *f = NULL;
    if (e == IPS_OK)
        e = facts_get(wh, rq.as_of, &f, d);
    metric_set *u = e == IPS_OK ? metric_set_new() : NULL;
    if (e == IPS_OK && !u)
        e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    if (e == IPS_OK)
        e = disclosure_universe(f, &rq, u, d);
    /* the pattern the outputs use (kept for them when publish audits first) */
    const disclosure *dc = NULL;
    disclosure *owned = NULL;
    if (e == IPS_OK)
        e = pattern_get(wh, f, &rq, u, &dc, &owned, d);
    metric_set *pub = e == IPS_OK ? copy_rows(u) : NULL;
    if (e == IPS_OK && !pub)
        e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    if (e == IPS_OK) {
        disclosure_stats_get(dc, stats);
        disclosure_apply(dc, pub); /* what the outputs publish */
        e = disclosure_audit_run(f, pub, u, &rq, out, d);
    }
    disclosure_free(owned);
    metric_set_free(pub);
    metric_set_free(u);
    return e;
}
