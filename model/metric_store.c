/* The metric rows kept with the facts (model/metric_store.h), table
 * metric_pack: one row per pass (period, breakdown) of the years the
 * suppression patterns are built for, at the data's own as-of date and
 * the default settings.
 *
 * The patterns' universes compute every quarter, half and year by every
 * breakdown at each ingest anyway; keeping what they computed spares each
 * reading command the same engine passes (at 10× about 25 ms each, some
 * twenty per workbook, chart set or PDF).  The table is dropped and
 * written in the transaction that rebuilds the facts, so the facts' stamp
 * covers it, and each row names the build that wrote it. */
#include "model/metric_store.h"

#include <stdlib.h>
#include <string.h>

#include "common/build_id.h"

struct metric_store_writer {
    warehouse *wh;
    sqlite3_stmt *insert;
};

static const char create_sql[] =
    "DROP TABLE IF EXISTS main.metric_pack;"
    "CREATE TABLE main.metric_pack(period_start INTEGER NOT NULL,"
    " period_end INTEGER NOT NULL, by INTEGER NOT NULL, as_of INTEGER NOT NULL,"
    " clients_per_coach_year REAL NOT NULL, build TEXT NOT NULL, n_rows INTEGER NOT NULL,"
    " rows BLOB NOT NULL, PRIMARY KEY(period_start, period_end, by)) WITHOUT ROWID";

/* Rows are kept and read for these settings only: the ones the patterns
 * are kept for (model/disclosure_store.c), whatever the suppression. */
static bool settings_kept(const metric_query *q)
{
    return q->as_of != IPS_DAY_NONE && metric_query_engine_defaults(q);
}

ips_error metric_store_begin(warehouse *wh, metric_store_writer **out, ips_diag *d)
{
    *out = NULL;
    sqlite3 *db = warehouse_db(wh);
    if (sqlite3_exec(db, create_sql, NULL, NULL, NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, "keeping the metric rows");
    if (!build_id()[0])
        return IPS_OK; /* no build to name: keep nothing */
    metric_store_writer *w = calloc(1, sizeof *w);
    if (!w)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    w->wh = wh;
    if (sqlite3_prepare_v2(db,
                           "INSERT OR REPLACE INTO main.metric_pack"
                           " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                           -1, &w->insert, NULL) != SQLITE_OK) {
        free(w);
        return warehouse_fail(wh, d, "keeping the metric rows");
    }
    *out = w;
    return IPS_OK;
}

ips_error metric_store_put(metric_store_writer *w, const metric_query *q, const metric_set *rows,
                           ips_diag *d)
{
    if (!w || !settings_kept(q))
        return IPS_OK;
    unsigned char *buf;
    size_t len;
    if (!metric_store_encode(rows->rows, rows->n, &buf, &len))
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    sqlite3_stmt *st = w->insert;
    sqlite3_int64 v[] = {q->start, q->end, q->by, q->as_of};
    for (int i = 0; i < 4; i++)
        sqlite3_bind_int64(st, i + 1, v[i]);
    sqlite3_bind_double(st, 5, q->clients_per_coach_year);
    sqlite3_bind_text(st, 6, build_id(), -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 7, (sqlite3_int64)rows->n);
    sqlite3_bind_blob64(st, 8, buf, len, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    free(buf);
    return rc == SQLITE_DONE ? IPS_OK : warehouse_fail(w->wh, d, "keeping the metric rows");
}

void metric_store_end(metric_store_writer *w)
{
    if (!w)
        return;
    sqlite3_finalize(w->insert);
    free(w);
}

ips_error metric_store_find(warehouse *wh, const metric_query *q, ips_day data_as_of,
                            metric_set *out, bool *found, ips_diag *d)
{
    *found = false;
    if (!settings_kept(q) || q->as_of != data_as_of || !build_id()[0])
        return IPS_OK;
    sqlite3_stmt *st;
    /* No table (facts stored by an older ipsreport): compute the rows. */
    if (sqlite3_prepare_v2(warehouse_db(wh),
                           "SELECT rows, n_rows FROM main.metric_pack WHERE period_start = ?1"
                           " AND period_end = ?2 AND by = ?3 AND as_of = ?4"
                           " AND clients_per_coach_year = ?5 AND build = ?6",
                           -1, &st, NULL) != SQLITE_OK)
        return IPS_OK;
    sqlite3_int64 v[] = {q->start, q->end, q->by, q->as_of};
    for (int i = 0; i < 4; i++)
        sqlite3_bind_int64(st, i + 1, v[i]);
    sqlite3_bind_double(st, 5, q->clients_per_coach_year);
    sqlite3_bind_text(st, 6, build_id(), -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        size_t before = out->n;
        /* A damaged row is not used: the caller computes the rows. */
        *found = metric_store_decode(sqlite3_column_blob(st, 0),
                                     (size_t)sqlite3_column_bytes(st, 0), out) &&
                 out->n - before == (size_t)sqlite3_column_int64(st, 1);
        if (!*found)
            out->n = before;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return warehouse_fail(wh, d, "reading the kept metric rows");
    return IPS_OK;
}
