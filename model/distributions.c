#include "model/distributions.h"

#include <stdlib.h>
#include <string.h>

#include "model/metric_ctx.h"

static const char first_contact_sql[] =
    "SELECT CAST(julianday(fc) - julianday(start_date) AS INTEGER) FROM ("
    " SELECT e.start_date, (SELECT min(t.date) FROM ct t WHERE t.client_id = e.client_id"
    "   AND t.kind = 'employer' AND t.in_person = 1 AND t.date >= e.start_date) AS fc"
    " FROM ep e WHERE e.service = 'ips' AND e.start_date BETWEEN :w_start AND :w_end)"
    " ORDER BY fc IS NULL, 1";

ips_error distributions_first_contact_days(warehouse *wh, const metric_query *q, int **days,
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

ips_error distributions_service_path(warehouse *wh, const metric_query *q, long steps[PATH_STEPS],
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
