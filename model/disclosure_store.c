/* The suppression patterns of the default settings, built once with the
 * facts at the end of every ingest and kept in the warehouse (table
 * disclosure_pack, one row per calendar year of the data: the pattern of
 * its universe and the intruder's audit of it).
 *
 * Building a pattern means computing every period and breakdown of a year
 * and running the elimination over them: seconds at national scale, which
 * every reading command paid before it printed anything.  The pattern
 * depends only on the data and the settings, so for the settings nearly
 * every run uses (as of the data's own date, min_cell 5, the default
 * capacity and fee reasons) it is derived once, like the facts, and read
 * back in milliseconds.  Other settings build their own, as before.
 *
 * The table is dropped and written in the transaction that rebuilds the
 * facts, so the facts' stamp covers it: a stale pattern is never read. */
#include "model/disclosure_store.h"
#include "model/national.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/disclosure_model.h"

static const char create_sql[] =
    "DROP TABLE IF EXISTS main.disclosure_pack;"
    "CREATE TABLE main.disclosure_pack(year_start INTEGER PRIMARY KEY,"
    " year_end INTEGER NOT NULL, as_of INTEGER NOT NULL, min_cell INTEGER NOT NULL,"
    " clients_per_coach_year REAL NOT NULL, audit_rows INTEGER NOT NULL,"
    " audit_hidden INTEGER NOT NULL, audit_primary INTEGER NOT NULL,"
    " audit_secondary INTEGER NOT NULL, audit_quantities INTEGER NOT NULL,"
    " audit_recovered INTEGER NOT NULL, audit_example TEXT NOT NULL, pattern BLOB NOT NULL)";

bool disclosure_store_applies(const metric_query *key, ips_day data_as_of)
{
    metric_query dflt;
    metric_query_init(&dflt);
    int y, part;
    return key->as_of != IPS_DAY_NONE && key->as_of == data_as_of && !key->internal &&
           key->min_cell == dflt.min_cell && metric_query_engine_defaults(key) &&
           dc_period_kind(key->start, key->end, &y, &part) == 'Y';
}

static ips_error put_year(sqlite3_stmt *st, metric_store_writer *w, warehouse *wh,
                          const facts *f, const metric_query *q, ips_diag *d)
{
    disclosure *dc = NULL;
    disclosure_audit au;
    ips_error e = disclosure_compute(f, q, w, &dc, &au, d);
    if (e == IPS_OK)
        e = metric_store_states(w, dc, d);
    void *buf = NULL;
    size_t len = 0;
    if (e == IPS_OK)
        e = disclosure_encode(dc, &buf, &len, d);
    disclosure_free(dc);
    if (e != IPS_OK)
        return e;
    sqlite3_int64 v[] = {q->start, q->end, q->as_of, q->min_cell};
    for (int i = 0; i < 4; i++)
        sqlite3_bind_int64(st, i + 1, v[i]);
    sqlite3_bind_double(st, 5, q->clients_per_coach_year);
    size_t a[] = {au.rows, au.hidden, au.primary, au.secondary, au.quantities, au.recovered};
    for (int i = 0; i < 6; i++)
        sqlite3_bind_int64(st, i + 6, (sqlite3_int64)a[i]);
    sqlite3_bind_text(st, 12, au.example, -1, SQLITE_STATIC);
    sqlite3_bind_blob64(st, 13, buf, len, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    free(buf);
    return rc == SQLITE_DONE ? IPS_OK : warehouse_fail(wh, d, "keeping the suppression pattern");
}

/* The calendar years from two before the first episode's to A's: the
 * outputs' nine quarters up to P reach two years back, and a year before
 * the data still has rows (zeros, coaches' fte) that need its pattern. */
static void years_of(const facts *f, ips_day as_of, int *first, int *last)
{
    ips_day lo = f->national && f->national->first_day < as_of ? f->national->first_day : as_of;
    for (size_t i = 0; i < f->n_episodes; i++)
        if (f->episodes[i].start < lo)
            lo = f->episodes[i].start;
    int m, dd;
    date_to_ymd(lo, first, &m, &dd);
    *first -= 2;
    date_to_ymd(as_of, last, &m, &dd);
}

ips_error disclosure_store_write(warehouse *wh, ips_day as_of, ips_diag *d)
{
    sqlite3 *db = warehouse_db(wh);
    if (sqlite3_exec(db, create_sql, NULL, NULL, NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, "keeping the suppression pattern");
    metric_store_writer *w;
    ips_error e = metric_store_begin(wh, &w, d);
    if (e != IPS_OK || as_of == IPS_DAY_NONE) {
        metric_store_end(w);
        return e; /* … or nothing to publish yet */
    }
    const facts *f;
    e = facts_get(wh, as_of, &f, d);
    sqlite3_stmt *st = NULL;
    if (e == IPS_OK && (f->n_episodes || f->national) &&
        sqlite3_prepare_v2(db,
                           "INSERT INTO main.disclosure_pack VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7,"
                           " ?8, ?9, ?10, ?11, ?12, ?13)",
                           -1, &st, NULL) != SQLITE_OK)
        e = warehouse_fail(wh, d, "keeping the suppression pattern");
    int first = 0, last = -1;
    if (st)
        years_of(f, as_of, &first, &last);
    for (int y = first; e == IPS_OK && y <= last; y++) {
        metric_query q;
        metric_query_init(&q);
        q.start = date_from_ymd(y, 1, 1);
        q.end = date_from_ymd(y, 12, 31);
        q.as_of = as_of;
        e = put_year(st, w, wh, f, &q, d);
    }
    sqlite3_finalize(st);
    metric_store_end(w);
    return e;
}

/* The audit columns of the row that step left in st. */
static void read_audit(sqlite3_stmt *st, disclosure_audit *au)
{
    memset(au, 0, sizeof *au);
    size_t *a[] = {&au->rows, &au->hidden, &au->primary, &au->secondary, &au->quantities,
                   &au->recovered};
    for (int i = 0; i < 6; i++)
        *a[i] = (size_t)sqlite3_column_int64(st, i);
    const unsigned char *ex = sqlite3_column_text(st, 7);
    snprintf(au->example, sizeof au->example, "%s", ex ? (const char *)ex : "");
}

static disclosure *read_row(sqlite3_stmt *st, disclosure_audit *au)
{
    disclosure *dc = disclosure_decode(sqlite3_column_blob(st, 6),
                                       (size_t)sqlite3_column_bytes(st, 6));
    if (dc && au)
        read_audit(st, au);
    return dc;
}

/* The kept row of key's pattern: with out its pattern (NULL when it does
 * not fit this build), its audit into au when au is not NULL; *found when
 * the warehouse keeps one (and, with out, it fits). */
#define KEPT_SELECT(pattern)                                                            \
    "SELECT audit_rows, audit_hidden, audit_primary, audit_secondary,"                  \
    " audit_quantities, audit_recovered, " pattern ", audit_example"                    \
    " FROM main.disclosure_pack WHERE year_start = ?1 AND year_end = ?2"                \
    " AND as_of = ?3 AND min_cell = ?4 AND clients_per_coach_year = ?5"
static ips_error read_kept(warehouse *wh, const metric_query *key, ips_day data_as_of,
                           disclosure **out, disclosure_audit *au, bool *found, ips_diag *d)
{
    *found = false;
    if (out)
        *out = NULL;
    if (!disclosure_store_applies(key, data_as_of))
        return IPS_OK;
    sqlite3_stmt *st;
    /* No table (facts stored by an older ipsreport): the pattern is built. */
    if (sqlite3_prepare_v2(warehouse_db(wh), out ? KEPT_SELECT("pattern") : KEPT_SELECT("NULL"),
                           -1, &st, NULL) != SQLITE_OK)
        return IPS_OK;
    sqlite3_int64 v[] = {key->start, key->end, key->as_of, key->min_cell};
    for (int i = 0; i < 4; i++)
        sqlite3_bind_int64(st, i + 1, v[i]);
    sqlite3_bind_double(st, 5, key->clients_per_coach_year);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && out) {
        *out = read_row(st, au);
        *found = *out != NULL;
    } else if (rc == SQLITE_ROW) {
        if (au)
            read_audit(st, au);
        *found = true;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return warehouse_fail(wh, d, "reading the suppression pattern");
    return IPS_OK;
}

ips_error disclosure_store_audit(warehouse *wh, const metric_query *key, ips_day data_as_of,
                                 disclosure_audit *au, bool *found, ips_diag *d)
{
    return read_kept(wh, key, data_as_of, NULL, au, found, d);
}

ips_error disclosure_store_find(warehouse *wh, const metric_query *key, ips_day data_as_of,
                                disclosure **out, disclosure_audit *au, ips_diag *d)
{
    bool found;
    return read_kept(wh, key, data_as_of, out, au, &found, d);
}
