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
#include "model/disclosure.h"

typedef struct {
    ips_day start, end;
    int by;
    disclosure_row_key *keys; /* what the states need of its rows */
    size_t n;
} pass_key;

struct metric_store_writer {
    warehouse *wh;
    sqlite3_stmt *insert;
    pass_key *pending;     /* passes kept since the last metric_store_states() */
    size_t n_pending, cap_pending;
};

static const char create_sql[] =
    "DROP TABLE IF EXISTS main.metric_pack;"
    "CREATE TABLE main.metric_pack(period_start INTEGER NOT NULL,"
    " period_end INTEGER NOT NULL, by INTEGER NOT NULL, as_of INTEGER NOT NULL,"
    " clients_per_coach_year REAL NOT NULL, build TEXT NOT NULL, n_rows INTEGER NOT NULL,"
    " rows BLOB NOT NULL, states BLOB, PRIMARY KEY(period_start, period_end, by))"
    " WITHOUT ROWID";

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
                           " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULL)",
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
    if (rc != SQLITE_DONE)
        return warehouse_fail(w->wh, d, "keeping the metric rows");
    if (w->n_pending == w->cap_pending) {
        size_t cap = w->cap_pending ? w->cap_pending * 2 : 64;
        pass_key *grown = realloc(w->pending, cap * sizeof *grown);
        if (!grown)
            return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        w->pending = grown;
        w->cap_pending = cap;
    }
    /* the rows' keys, not the rows: the states are written once the year's
     * pattern exists, and reading the rows back cost a decode of each pass */
    disclosure_row_key *keys = malloc((rows->n ? rows->n : 1) * sizeof *keys);
    if (!keys)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    disclosure_keys(rows, keys);
    w->pending[w->n_pending++] = (pass_key){q->start, q->end, (int)q->by, keys, rows->n};
    return IPS_OK;
}

/* The states of one kept pass under dc, written beside its rows. */
static ips_error put_states(metric_store_writer *w, sqlite3_stmt *set, const pass_key *k,
                            const disclosure *dc, ips_diag *d)
{
    sqlite3_int64 v[] = {k->start, k->end, k->by};
    for (int i = 0; i < 3; i++)
        sqlite3_bind_int64(set, i + 2, v[i]);
    uint8_t *states = malloc(k->n ? k->n : 1);
    if (!states)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    disclosure_key_states(dc, k->keys, k->n, states);
    sqlite3_bind_blob64(set, 1, states, k->n, SQLITE_STATIC);
    int rc = sqlite3_step(set);
    sqlite3_reset(set);
    free(states);
    return rc == SQLITE_DONE ? IPS_OK : warehouse_fail(w->wh, d, "keeping the metric rows");
}

static void drop_pending(metric_store_writer *w)
{
    for (size_t i = 0; i < w->n_pending; i++)
        free(w->pending[i].keys);
    w->n_pending = 0;
}

ips_error metric_store_states(metric_store_writer *w, const disclosure *dc, ips_diag *d)
{
    if (!w || !w->n_pending)
        return IPS_OK;
    sqlite3_stmt *set = NULL;
    ips_error e = IPS_OK;
    if (sqlite3_prepare_v2(warehouse_db(w->wh),
                           "UPDATE main.metric_pack SET states = ?1 WHERE period_start = ?2"
                           " AND period_end = ?3 AND by = ?4",
                           -1, &set, NULL) != SQLITE_OK)
        e = warehouse_fail(w->wh, d, "keeping the metric rows");
    for (size_t i = 0; e == IPS_OK && i < w->n_pending; i++)
        e = put_states(w, set, &w->pending[i], dc, d);
    drop_pending(w);
    sqlite3_finalize(set);
    return e;
}

void metric_store_end(metric_store_writer *w)
{
    if (!w)
        return;
    sqlite3_finalize(w->insert);
    drop_pending(w);
    free(w->pending);
    free(w);
}

/* A copy of the kept states of a pass of n rows, or NULL when there are
 * none that fit. */
static uint8_t *states_of(sqlite3_stmt *st, int col, size_t n)
{
    if (sqlite3_column_type(st, col) != SQLITE_BLOB || (size_t)sqlite3_column_bytes(st, col) != n)
        return NULL;
    uint8_t *s = malloc(n ? n : 1);
    if (s && n)
        memcpy(s, sqlite3_column_blob(st, col), n);
    return s;
}

ips_error metric_store_find(warehouse *wh, const metric_query *q, ips_day data_as_of,
                            metric_set *out, bool *found, uint8_t **states, ips_diag *d)
{
    *found = false;
    if (states)
        *states = NULL;
    if (!settings_kept(q) || q->as_of != data_as_of || !build_id()[0])
        return IPS_OK;
    sqlite3_stmt *st;
    /* No table (facts stored by an older ipsreport): compute the rows. */
    if (sqlite3_prepare_v2(warehouse_db(wh),
                           "SELECT rows, n_rows, states FROM main.metric_pack"
                           " WHERE period_start = ?1"
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
        else if (states)
            *states = states_of(st, 2, out->n - before);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return warehouse_fail(wh, d, "reading the kept metric rows");
    return IPS_OK;
}
