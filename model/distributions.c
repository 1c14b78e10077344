#include "model/distributions.h"

#include <stdlib.h>
#include <string.h>

#include "model/engine.h"
#include "model/metric_ctx.h"

static const char first_contact_sql[] =
    "SELECT CAST(julianday(fc) - julianday(start_date) AS INTEGER) FROM ("
    " SELECT e.start_date, (SELECT min(t.date) FROM ct t WHERE t.client_id = e.client_id"
    "   AND t.kind = 'employer' AND t.in_person = 1 AND t.date >= e.start_date) AS fc"
    " FROM ep e WHERE e.service = 'ips' AND e.start_date BETWEEN :w_start AND :w_end)"
    " ORDER BY fc IS NULL, 1";

static ips_error sql_first_contact_days(warehouse *wh, const metric_query *q, int **days,
                                       size_t *n, size_t *pending, ips_diag *d)
{
    metric_ctx ctx;
    sqlite3_stmt *st = NULL;
    size_t cap = 0;
    *days = NULL;
    *n = *pending = 0;
    ips_error e = metric_ctx_init(&ctx, wh, q, d);
    if (e == IPS_OK)
        e = metric_ctx_prepare(&ctx, first_contact_sql, &st, d);
    int rc = SQLITE_DONE;
    while (e == IPS_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (sqlite3_column_type(st, 0) == SQLITE_NULL) {
            ++*pending;
            continue;
        }
        if (*n == cap) {
            cap = cap ? cap * 2 : 64;
            int *grown = realloc(*days, cap * sizeof *grown);
            if (!grown) {
                e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
                break;
            }
            *days = grown;
        }
        (*days)[(*n)++] = sqlite3_column_int(st, 0);
    }
    if (e == IPS_OK && rc != SQLITE_DONE)
        e = warehouse_fail(wh, d, "reading first employer contacts");
    sqlite3_finalize(st);
    if (e != IPS_OK) {
        free(*days);
        *days = NULL;
        *n = *pending = 0;
    }
    return e;
}

/* The first competitive job of an episode is R7's event: starting on or
 * after the episode's start and by min(end_date, A). */
#define FIRST_JOB(col)                                                           \
    "(SELECT j." col " FROM jb j WHERE j.client_id = e.client_id AND j.competitive = 1" \
    " AND j.start_date >= e.start_date AND j.start_date <= coalesce(e.end_date, :as_of)" \
    " ORDER BY j.start_date, j.job_id LIMIT 1)"

static const char path_sql[] =
    "SELECT count(*), coalesce(sum(start_date <= :as_of), 0), coalesce(sum(fc IS NOT NULL), 0),"
    " coalesce(sum(fj_start IS NOT NULL), 0),"
    " coalesce(sum(fj_start IS NOT NULL AND"
    "  julianday(coalesce(fj_end, :as_of)) - julianday(fj_start) >= 90), 0) FROM ("
    " SELECT e.start_date,"
    "  (SELECT min(t.date) FROM ct t WHERE t.client_id = e.client_id AND t.kind = 'employer'"
    "   AND t.in_person = 1 AND t.date >= e.start_date) AS fc,"
    "  " FIRST_JOB("start_date") " AS fj_start,"
    "  " FIRST_JOB("end_date") " AS fj_end"
    " FROM ep e WHERE e.service = 'ips'"
    "  AND coalesce(e.referral_date, e.start_date) BETWEEN :p_start AND :p_end)";

static ips_error sql_service_path(warehouse *wh, const metric_query *q, long steps[PATH_STEPS],
                                 ips_diag *d)
{
    metric_ctx ctx;
    sqlite3_stmt *st = NULL;
    memset(steps, 0, PATH_STEPS * sizeof *steps);
    ips_error e = metric_ctx_init(&ctx, wh, q, d);
    if (e == IPS_OK)
        e = metric_ctx_prepare(&ctx, path_sql, &st, d);
    if (e == IPS_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            for (int i = 0; i < PATH_STEPS; i++)
                steps[i] = (long)sqlite3_column_int64(st, i);
        else
            e = warehouse_fail(wh, d, "reading the service path");
    }
    sqlite3_finalize(st);
    return e;
}

/* ---- IPSREPORT_ENGINE: the engine's versions, or both compared ---------- */

/* 0 legacy (the default), 1 engine, 2 check: as metrics_compute() reads it. */
static int engine_mode(void)
{
    const char *mode = getenv("IPSREPORT_ENGINE");
    return !mode ? 0 : strcmp(mode, "engine") == 0 ? 1 : strcmp(mode, "check") == 0 ? 2 : 0;
}

/* The facts for q's as-of date, resolved first as metrics_compute() does so
 * that both share the warehouse's one loaded fact set. */
static ips_error query_facts(warehouse *wh, const metric_query *q, const facts **f, ips_diag *d)
{
    ips_day a = q->as_of;
    ips_error e = a == IPS_DAY_NONE ? metrics_as_of(wh, &a, d) : IPS_OK;
    return e == IPS_OK ? facts_get(wh, a, f, d) : e;
}

static ips_error fresh_first_contact_days(warehouse *wh, const metric_query *q, int **days,
                                          size_t *n, size_t *pending, ips_diag *d)
{
    const facts *f;
    *days = NULL;
    *n = *pending = 0;
    ips_error e = query_facts(wh, q, &f, d);
    return e == IPS_OK ? engine_first_contact_days(f, q, days, n, pending, d) : e;
}

ips_error distributions_first_contact_days(warehouse *wh, const metric_query *q, int **days,
                                           size_t *n, size_t *pending, ips_diag *d)
{
    int mode = engine_mode();
    if (mode != 2)
        return mode == 1 ? fresh_first_contact_days(wh, q, days, n, pending, d)
                         : sql_first_contact_days(wh, q, days, n, pending, d);
    int *other = NULL;
    size_t on = 0, opending = 0;
    ips_error e = sql_first_contact_days(wh, q, days, n, pending, d);
    if (e == IPS_OK)
        e = fresh_first_contact_days(wh, q, &other, &on, &opending, d);
    if (e == IPS_OK && (on != *n || opending != *pending ||
                        (on && memcmp(other, *days, on * sizeof *other) != 0)))
        e = ips_diag_set(d, IPS_ERR_DB, "engine check: first contact days differ (legacy %zu "
                         "measured, %zu pending; engine %zu, %zu)", *n, *pending, on, opending);
    free(other);
    if (e != IPS_OK) {
        free(*days);
        *days = NULL;
        *n = *pending = 0;
    }
    return e;
}

static ips_error fresh_service_path(warehouse *wh, const metric_query *q, long steps[PATH_STEPS],
                                    ips_diag *d)
{
    const facts *f;
    memset(steps, 0, PATH_STEPS * sizeof *steps);
    ips_error e = query_facts(wh, q, &f, d);
    return e == IPS_OK ? engine_service_path(f, q, steps, d) : e;
}

ips_error distributions_service_path(warehouse *wh, const metric_query *q, long steps[PATH_STEPS],
                                     ips_diag *d)
{
    int mode = engine_mode();
    if (mode != 2)
        return mode == 1 ? fresh_service_path(wh, q, steps, d) : sql_service_path(wh, q, steps, d);
    long other[PATH_STEPS];
    ips_error e = sql_service_path(wh, q, steps, d);
    if (e == IPS_OK)
        e = fresh_service_path(wh, q, other, d);
    for (int i = 0; e == IPS_OK && i < PATH_STEPS; i++)
        if (other[i] != steps[i])
            e = ips_diag_set(d, IPS_ERR_DB, "engine check: service path step %d differs "
                             "(legacy %ld, engine %ld)", i, steps[i], other[i]);
    return e;
}
