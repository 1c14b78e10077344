/* The universe a pattern is built over, and the one suppression step of
 * metrics_compute() (model/disclosure.h).  What is published together is
 * what any command could publish from the same data and settings: every
 * quarter, half and the year that hold P, each whole and by every
 * breakdown.  Building the pattern over all of them, whatever one output
 * shows, is what makes it the same in every output and every run. */
#include <stdlib.h>

#include "model/disclosure.h"
#include "model/engine.h"
#include "model/metric_cache.h"

/* The periods of q's universe into s/e (at most 7); returns how many. */
static size_t universe_periods(ips_day ps, ips_day pe, ips_day *s, ips_day *e)
{
    int y, m, d, y2, m2, d2;
    date_to_ymd(ps, &y, &m, &d);
    date_to_ymd(pe, &y2, &m2, &d2);
    bool calendar = d == 1 && y == y2 && pe + 1 == date_add_months(ps, m2 - m + 1);
    int months = m2 - m + 1;
    bool nested = calendar && ((months == 3 && (m - 1) % 3 == 0) ||
                               (months == 6 && (m == 1 || m == 7)) || (months == 12 && m == 1));
    if (!nested) {
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
    return n;
}

ips_error disclosure_universe(const facts *f, const metric_query *q, metric_set *out,
                              ips_diag *d)
{
    ips_day s[7], e[7];
    size_t np = universe_periods(q->start, q->end, s, e);
    for (size_t i = 0; i < np; i++) {
        if (q->as_of != IPS_DAY_NONE && s[i] > q->as_of && np > 1)
            continue; /* nothing is known of it (R22) */
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

static ips_error pattern_build(const facts *f, const metric_query *q, disclosure **out,
                               ips_diag *d)
{
    metric_set *u = metric_set_new();
    if (!u)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    ips_error e = disclosure_universe(f, q, u, d);
    if (e == IPS_OK)
        e = disclosure_build(f, u, q, out, d);
    metric_set_free(u);
    return e;
}

ips_error disclosure_suppress(warehouse *wh, const facts *f, const metric_query *q,
                              metric_set *set, size_t from, ips_diag *d)
{
    ips_day s[7], e[7];
    universe_periods(q->start, q->end, s, e);
    metric_query key = *q;
    key.start = s[0];
    key.end = e[0];
    key.by = GROUP_NONE;
    struct metric_cache *cache = warehouse_metric_cache(wh);
    const disclosure *kept = metric_cache_disclosure_find(cache, &key);
    disclosure *made = NULL;
    if (!kept) {
        ips_error err = pattern_build(f, q, &made, d);
        if (err != IPS_OK)
            return err;
    }
    metric_set view = {set->rows + from, set->n - from, set->n - from, NULL};
    disclosure_apply(kept ? kept : made, &view);
    if (made && cache)
        metric_cache_disclosure_put(cache, &key, made);
    else
        disclosure_free(made);
    return IPS_OK;
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
    disclosure *dc = NULL;
    if (e == IPS_OK)
        e = disclosure_universe(f, &rq, u, d);
    if (e == IPS_OK)
        e = disclosure_build(f, u, &rq, &dc, d);
    metric_set *pub = e == IPS_OK ? metric_set_new() : NULL;
    for (size_t i = 0; pub && i < u->n; i++) {
        metric_row *r = metric_set_add(pub, "");
        if (!r)
            break;
        *r = u->rows[i];
    }
    if (e == IPS_OK && (!pub || pub->n != u->n))
        e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    if (e == IPS_OK) {
        disclosure_stats_get(dc, stats);
        disclosure_apply(dc, pub); /* what the outputs publish */
        e = disclosure_audit_run(f, pub, u, &rq, out, d);
    }
    disclosure_free(dc);
    metric_set_free(pub);
    metric_set_free(u);
    return e;
}
