/* The data quality of a national warehouse (model/pack.h): the counties'
 * counts of rows, findings, rejected rows and caveats, carried in their
 * packs as counts only (no record id, no rejected value), added up. */
#include "model/pack.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/caveats.h"
#include "model/national.h"
#include "model/pack_rows.h"
#include "model/quality.h"

/* ---- in the pack --------------------------------------------------------- */

static ips_error put(sqlite3 *out, const char *kind, const char *id, long long n, ips_diag *d)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(out, "INSERT INTO pack_quality(kind, id, count) VALUES (?, ?, ?)", -1,
                           &st, NULL) != SQLITE_OK)
        return ips_diag_set(d, IPS_ERR_DB, "writing the pack: %s", sqlite3_errmsg(out));
    sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, n);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? IPS_OK
                             : ips_diag_set(d, IPS_ERR_DB, "writing the pack: %s",
                                            sqlite3_errmsg(out));
}

static ips_error put_report(sqlite3 *out, const quality_report *r, ips_diag *d)
{
    ips_error e = IPS_OK;
    for (int k = 0; e == IPS_OK && k < ENT__COUNT; k++)
        e = put(out, "rows", contract_entity_get((ips_entity)k)->name, r->rows[k], d);
    for (size_t i = 0; e == IPS_OK && i < r->nfindings; i++)
        e = put(out, "finding", r->findings[i].id, r->findings[i].count, d);
    for (size_t i = 0; e == IPS_OK && i < r->nrejects; i++)
        e = put(out, "rejects", r->rejects[i].column, r->rejects[i].count, d);
    return e;
}

ips_error pack_put_quality(warehouse *wh, sqlite3 *out, ips_day as_of, ips_diag *d)
{
    if (sqlite3_exec(out, "CREATE TABLE pack_quality(kind TEXT NOT NULL, id TEXT NOT NULL, "
                          "count INTEGER NOT NULL)", NULL, NULL, NULL) != SQLITE_OK)
        return ips_diag_set(d, IPS_ERR_DB, "writing the pack: %s", sqlite3_errmsg(out));
    quality_report *r = NULL;
    ips_error e = quality_check(wh, as_of, &r, d);
    if (e == IPS_OK)
        e = put_report(out, r, d);
    quality_report_free(r);
    metric_query q;
    metric_query_init(&q);
    q.as_of = q.start = q.end = as_of;
    data_caveats c;
    if (e == IPS_OK)
        e = caveats_count(wh, &q, &c, d);
    if (e == IPS_OK)
        e = put(out, "caveat", "rows_rejected", c.rows_rejected, d);
    if (e == IPS_OK)
        e = put(out, "caveat", "clients", c.clients, d);
    if (e == IPS_OK)
        e = put(out, "caveat", "clients_no_gender", c.clients_no_gender, d);
    if (e == IPS_OK)
        e = put(out, "caveat", "clients_no_birth_year", c.clients_no_birth_year, d);
    return e;
}

/* ---- in the national warehouse ------------------------------------------ */

/* The sum of the counties' counts of (kind, id). */
static ips_error sum_of(warehouse *wh, const char *kind, const char *id, long long *out,
                        ips_diag *d)
{
    sqlite3_stmt *st;
    *out = 0;
    if (sqlite3_prepare_v2(warehouse_db(wh),
                           "SELECT coalesce(sum(count), 0) FROM national_quality "
                           "WHERE kind = ? AND id = ?",
                           -1, &st, NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, "reading the counties' data quality");
    sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW)
        *out = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return IPS_OK;
}

/* Rejected rows per county and column: "file" is the county's name. */
static ips_error rejects(warehouse *wh, quality_report *r, ips_diag *d)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(warehouse_db(wh),
                           "SELECT county, id, sum(count) FROM national_quality "
                           "WHERE kind = 'rejects' GROUP BY county, id ORDER BY county, id",
                           -1, &st, NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, "reading the counties' data quality");
    ips_error e = IPS_OK;
    while (e == IPS_OK && sqlite3_step(st) == SQLITE_ROW) {
        quality_rejects *g = realloc(r->rejects, (r->nrejects + 1) * sizeof *g);
        if (!g) {
            e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
            break;
        }
        r->rejects = g;
        g = &r->rejects[r->nrejects++];
        memset(g, 0, sizeof *g);
        g->file_name = strdup((const char *)sqlite3_column_text(st, 0));
        g->column = strdup((const char *)sqlite3_column_text(st, 1));
        g->count = sqlite3_column_int64(st, 2);
        g->example = strdup("");
        if (!g->file_name || !g->column || !g->example)
            e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    }
    sqlite3_finalize(st);
    return e;
}

ips_error national_quality(warehouse *wh, quality_report *r, ips_diag *d)
{
    bool known;
    ips_error e = national_as_of(wh, &known, &r->as_of, d); /* the packs' day, not today */
    for (int k = 0; e == IPS_OK && k < ENT__COUNT; k++)
        e = sum_of(wh, "rows", contract_entity_get((ips_entity)k)->name, &r->rows[k], d);
    for (size_t i = 0; e == IPS_OK && i < r->nfindings; i++) {
        e = sum_of(wh, "finding", r->findings[i].id, &r->findings[i].count, d);
        /* the ids to look up stay in the counties' own warehouses */
        snprintf(r->findings[i].examples, sizeof r->findings[i].examples, "%s", "");
    }
    return e == IPS_OK ? rejects(wh, r, d) : e;
}

ips_error national_caveats(warehouse *wh, long long *rows_rejected, long *clients,
                           long *no_gender, long *no_birth_year, ips_diag *d)
{
    long long v[4];
    static const char *const ids[4] = {"rows_rejected", "clients", "clients_no_gender",
                                       "clients_no_birth_year"};
    ips_error e = IPS_OK;
    for (int i = 0; e == IPS_OK && i < 4; i++)
        e = sum_of(wh, "caveat", ids[i], &v[i], d);
    *rows_rejected = v[0];
    *clients = (long)v[1];
    *no_gender = (long)v[2];
    *no_birth_year = (long)v[3];
    return e;
}
