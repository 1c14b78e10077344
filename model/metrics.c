/* metrics_compute(): resolves the query's dates, runs every family, then
 * applies suppression.  Also period parsing and the as-of date (R1). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/engine.h"
#include "model/disclosure.h"
#include "common/intern.h"
#include "model/metric_cache.h"
#include "model/metric_store.h"
#include "model/national.h"

void metric_query_init(metric_query *q)
{
    memset(q, 0, sizeof *q);
    q->start = q->end = IPS_DAY_NONE;
    q->as_of = IPS_DAY_NONE;
    q->project_start = IPS_DAY_NONE;
    q->by = GROUP_NONE;
    q->min_cell = 5;
    q->clients_per_coach_year = 45.0;
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return true;
}

ips_error metric_period_parse(const char *text, ips_day *start, ips_day *end, ips_diag *d)
{
    size_t n = strlen(text);
    if (n >= 4 && all_digits(text, 4)) {
        int y = atoi(text);
        if (n == 4) {
            *start = date_from_ymd(y, 1, 1);
            *end = date_from_ymd(y, 12, 31);
            return IPS_OK;
        }
        char kind = (char)toupper((unsigned char)text[4]);
        int k = n == 6 ? text[5] - '0' : 0;
        if (kind == 'Q' && k >= 1 && k <= 4) {
            *start = date_from_ymd(y, 3 * k - 2, 1);
            *end = date_add_months(*start, 3) - 1;
            return IPS_OK;
        }
        if (kind == 'H' && k >= 1 && k <= 2) {
            *start = date_from_ymd(y, 6 * k - 5, 1);
            *end = date_add_months(*start, 6) - 1;
            return IPS_OK;
        }
    }
    return ips_diag_set(d, IPS_ERR_PERIOD,
                        "period '%s' is not understood; write a quarter (2024Q3), a half-year "
                        "(2024H2), a year (2024), or use --from YYYY-MM-DD --to YYYY-MM-DD", text);
}

void metric_period_previous(ips_day start, ips_day end, ips_day *pstart, ips_day *pend)
{
    int y1, m1, d1, y2, m2, d2;
    date_to_ymd(start, &y1, &m1, &d1);
    date_to_ymd(end + 1, &y2, &m2, &d2);
    int months = (y2 * 12 + m2) - (y1 * 12 + m1);
    if (d1 == 1 && d2 == 1 && months > 0) {
        /* Whole months (quarter, half, year): step back the same number of months. */
        *pstart = date_add_months(start, -months);
        *pend = start - 1;
    } else {
        *pend = start - 1;
        *pstart = start - (end - start + 1);
    }
}

ips_day metric_quarter_start(ips_day day)
{
    int y, m, dd;
    date_to_ymd(day, &y, &m, &dd);
    return date_from_ymd(y, (m - 1) / 3 * 3 + 1, 1);
}

void metric_period_quarters(ips_day day, int n, ips_day *start, ips_day *end)
{
    ips_day qs = metric_quarter_start(day);
    ips_day qe = date_add_months(qs, 3) - 1;
    for (int i = n - 1; i >= 0; i--) {
        start[i] = qs;
        end[i] = qe;
        metric_period_previous(qs, qe, &qs, &qe);
    }
}

ips_error metrics_as_of(warehouse *wh, ips_day *out, ips_diag *d)
{
    *out = IPS_DAY_NONE;
    /* On a read-only warehouse, once; else the stored facts know it. */
    struct metric_cache *cache = warehouse_metric_cache(wh);
    if (metric_cache_as_of_get(cache, out))
        return IPS_OK;
    bool known = false;
    ips_error e = national_as_of(wh, &known, out, d);
    if (e == IPS_OK && !known)
        e = facts_stored_as_of(wh, &known, out, d);
    if (e == IPS_OK && !known)
        e = facts_scan_as_of(wh, out, d);
    if (e == IPS_OK)
        metric_cache_as_of_set(cache, *out);
    return e;
}

/* q's rows before suppression: those the warehouse keeps for q's pass
 * (model/metric_store.h, *kept set, with their kept states when q is
 * suppressed as they were kept for), else computed from the facts. */
static ips_error compute_rows(warehouse *wh, const metric_query *q, metric_set *out, bool *kept,
                              uint8_t **states, ips_diag *d)
{
    /* Kept rows need no facts loaded. */
    ips_day kept_as_of;
    long long n_episodes;
    *kept = false;
    metric_query dflt;
    metric_query_init(&dflt);
    bool want_states = !q->internal && q->min_cell == dflt.min_cell;
    ips_error e = facts_kept_summary(wh, &kept_as_of, &n_episodes, d);
    if (e == IPS_OK)
        e = metric_store_find(wh, q, kept_as_of, out, kept, want_states ? states : NULL, d);
    if (e != IPS_OK || *kept)
        return e;
    const facts *f;
    e = q->headline_only ? facts_get_core(wh, q->as_of, &f, d) : facts_get(wh, q->as_of, &f, d);
    return e == IPS_OK ? engine_compute(f, q, out, d) : e;
}

static ips_error append_rows(metric_set *out, const metric_set *rows, ips_diag *d)
{
    return metric_set_append(out, rows) ? IPS_OK
                                        : ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
}

ips_error metrics_compute(warehouse *wh, const metric_query *q, metric_set *out, ips_diag *d)
{
    if (q->start == IPS_DAY_NONE || q->end == IPS_DAY_NONE || q->end < q->start)
        return ips_diag_set(d, IPS_ERR_PERIOD, "no valid period given");
    /* Nothing after A is known: no figures of a period that starts after it. */
    ips_error ke = metrics_check_period(wh, q, d);
    if (ke != IPS_OK)
        return ke;
    /* Resolve A first, so that "as of the data" and the same date given
     * explicitly are one cache key. */
    metric_query rq = *q;
    if (rq.as_of == IPS_DAY_NONE) {
        ips_error e = metrics_as_of(wh, &rq.as_of, d);
        if (e != IPS_OK)
            return e;
        if (rq.as_of == IPS_DAY_NONE)
            rq.as_of = q->end; /* empty warehouse: nothing exists anyway */
    }
    struct metric_cache *cache = warehouse_metric_cache(wh);
    const metric_set *hit = metric_cache_find(cache, &rq);
    ips_error e = IPS_OK;
    uint8_t *states = NULL;
    size_t first = out->n;
    if (hit) {
        e = append_rows(out, hit, d);
    } else {
        /* Computed rows are cached as computed, before suppression; kept
         * ones are read again faster than a copy would cost in memory. */
        size_t n0 = out->n;
        bool kept;
        e = compute_rows(wh, &rq, out, &kept, &states, d);
        metric_set view = {.rows = out->rows + n0, .n = out->n - n0, .cap = out->n - n0};
        if (e == IPS_OK && cache && !kept)
            metric_cache_put(cache, &rq, &view);
    }
    if (e == IPS_OK && ips_intern_failed())
        e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    /* One pattern over everything the same data would publish
     * (model/disclosure.h), not one breakdown at a time: as kept with the
     * rows, else read or built. */
    if (e == IPS_OK && !q->internal &&
        !(states && disclosure_apply_states(out, first, states, out->n - first, rq.min_cell)))
        e = disclosure_suppress(wh, &rq, out, first, d);
    free(states);
    return e;
}
