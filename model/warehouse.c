#include "model/warehouse.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "model/metric_cache.h"
#include "model/facts.h"
#include "model/publication.h"
#include "model/schema.h"
#include "model/warehouse_access.h"

/* When something kept was derived from the data: it still holds while no
 * other connection has committed (data_version) and this one has written
 * nothing (total_changes; a read-only connection writes only its temp
 * schema, which is not the data). */
typedef struct {
    int dv;
    sqlite3_int64 tc;
} data_mark;

struct warehouse {
    sqlite3 *db;
    char *path;
    bool readonly;
    metric_cache *cache;  /* only when readonly; created on first use */
    int data_version;     /* PRAGMA data_version when cache was filled */
    /* Loaded facts (model/facts.h), kept while the data stay as they were
     * (data_mark). */
    struct facts *facts;
    ips_day facts_as_of;
    data_mark facts_mark;
    /* This connection's total_changes when it opened or last rebuilt the
     * stored facts: any change after that makes them untrusted here. */
    sqlite3_int64 trusted_tc;
    /* The data generation (facts_stamp), counted once while the data stay. */
    char stamp[256];
    data_mark stamp_mark;
    /* The last publication built (model/publication.h), same rule as facts;
     * the ones it replaced stay until the warehouse closes, since the
     * outputs share their rows (publication_copy_rows). */
    struct publication *pub;
    data_mark pub_mark;
    struct publication **retired;
    size_t n_retired;
};

sqlite3 *warehouse_db(warehouse *wh) { return wh->db; }
const char *warehouse_path(const warehouse *wh) { return wh->path; }

ips_error warehouse_fail(warehouse *wh, ips_diag *d, const char *what)
{
    return ips_diag_set(d, IPS_ERR_DB, "%s: %s: %s", wh->path, what, sqlite3_errmsg(wh->db));
}

static ips_error configure(warehouse *wh, bool readonly, ips_diag *d)
{
    /* WAL lets reports read while an ingest writes; foreign keys are part of
     * the contract, so SQLite enforces them as a backstop to ingest's checks.
     * Sorts and temporary tables (index builds, GROUP BY, the metrics' work
     * tables) spill to temporary files, so memory stays at the page cache
     * plus the sorter's share whatever the size of the data.  A writing
     * connection (ingest) keeps a 16 MB page cache: the sorter that builds
     * indexes sizes its buffer from it too, and ingest's peak RSS is to stay
     * under 64 MB; a bulk load appends, so a larger cache barely helps.
     * Readers read the fact pack and the kept rows and patterns once, as
     * BLOBs, so a small page cache serves them as well as a large one and
     * keeps their memory low (2 MB, SQLite's default). */
    const char *rw = "PRAGMA foreign_keys=ON; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                     "PRAGMA cache_size=-16384; PRAGMA temp_store=FILE;";
    const char *ro = "PRAGMA foreign_keys=ON; PRAGMA cache_size=-2000; PRAGMA temp_store=FILE;";
    sqlite3_busy_timeout(wh->db, WAREHOUSE_BUSY_MS);
    /* Switching a file to WAL needs an exclusive lock, for which SQLite does
     * not wait (no busy handler, to avoid deadlock): when two ingests start
     * on one new file, or one starts while another makes a large load
     * (which leaves WAL, store.c), it retries here for up to the timeout,
     * counted in real time: each try may itself wait for a lock. */
    int rc;
    struct timespec t0, t;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    while ((rc = sqlite3_exec(wh->db, readonly ? ro : rw, NULL, NULL, NULL)) == SQLITE_BUSY) {
        clock_gettime(CLOCK_MONOTONIC, &t);
        if ((t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) / 1000000 >= WAREHOUSE_BUSY_MS)
            break;
        sqlite3_sleep(50);
    }
    if (rc == SQLITE_BUSY)
        return ips_diag_set(d, IPS_ERR_DB, "%s: another ingest is writing to this warehouse, "
                            "or a report is still reading it; wait for it to finish and run "
                            "again", wh->path);
    if (rc != SQLITE_OK)
        return warehouse_access_explain(wh->path, readonly, sqlite3_extended_errcode(wh->db),
                                        sqlite3_errmsg(wh->db), d);
    return IPS_OK;
}

ips_error warehouse_open(const char *path, unsigned flags, warehouse **out, ips_diag *d)
{
    *out = NULL;
    bool readonly = flags & WH_READONLY;
    if (!(flags & WH_CREATE) && access(path, F_OK) != 0)
        return ips_diag_set(d, IPS_ERR_IO, "%s: no such warehouse; create one with "
                                           "'ipsreport ingest --db %s FILES…'", path, path);
    struct stat st;
    if (readonly && stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0)
        return ips_diag_set(d, IPS_ERR_NOT_WAREHOUSE, "%s: is an empty file, not a warehouse "
                            "yet; load exports into it with 'ipsreport ingest --db %s FILES…'",
                            path, path);
    warehouse *wh = calloc(1, sizeof *wh);
    if (!wh || !(wh->path = strdup(path))) {
        free(wh);
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    }
    wh->readonly = readonly;
    /* One thread per connection: SQLite need not lock its own mutexes.  A
     * reader opens by URI (mode=ro, and immutable=1 where nobody can change
     * the file), so that it never writes the file nor, where it may not,
     * creates files beside it (model/warehouse_access.h). */
    char uri[4096 * 3 + 64];
    if (readonly && !warehouse_access_uri(path, true, false, uri, sizeof uri)) {
        warehouse_free(wh);
        return ips_diag_set(d, IPS_ERR_IO, "%s: the file name is too long", path);
    }
    if (!readonly && !(flags & WH__UPGRADE)) {
        warehouse_access_clear_stale(path);
        if (warehouse_access_writer_ready(path, d) != IPS_OK) {
            warehouse_free(wh);
            return d ? d->code : IPS_ERR_IO;
        }
    }
    int oflags = SQLITE_OPEN_NOMUTEX | (readonly ? SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
                          : SQLITE_OPEN_READWRITE | ((flags & WH_CREATE) ? SQLITE_OPEN_CREATE : 0));
    int rc = sqlite3_open_v2(readonly ? uri : path, &wh->db, oflags, NULL);
    if (rc != SQLITE_OK) {
        if (wh->db)
            warehouse_access_explain(path, readonly, sqlite3_extended_errcode(wh->db),
                                     sqlite3_errmsg(wh->db), d);
        else
            ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        warehouse_free(wh);
        return d ? d->code : IPS_ERR_IO;
    }
    ips_error e = configure(wh, readonly, d);
    int version = e == IPS_OK ? schema_version(wh->db) : -1;
    if (readonly && version > 0 && version < SCHEMA_VERSION) {
        /* An older warehouse is upgraded once, by a short writing connection. */
        warehouse *rw = NULL;
        e = warehouse_open(path, WH__UPGRADE, &rw, d);
        warehouse_free(rw);
    }
    if (e == IPS_OK)
        e = schema_ensure(wh->db, path, d);
    /* A file SQLite could not read is explained (permissions, read-only
     * folder, not an SQLite file), not called "not a warehouse". */
    int why = sqlite3_errcode(wh->db);
    if (e == IPS_ERR_NOT_WAREHOUSE && why != SQLITE_OK && why != SQLITE_ROW && why != SQLITE_DONE)
        e = warehouse_access_explain(path, readonly, sqlite3_extended_errcode(wh->db),
                                     sqlite3_errmsg(wh->db), d);
    if (e != IPS_OK) {
        warehouse_free(wh);
        return e;
    }
    wh->trusted_tc = sqlite3_total_changes64(wh->db);
    *out = wh;
    return IPS_OK;
}

void warehouse_free(warehouse *wh)
{
    if (!wh)
        return;
    /* A writer leaves the warehouse in rollback-journal mode when it is the
     * last connection (otherwise the switch fails at once and it stays in
     * WAL): at rest the warehouse is one file, which a reader who may not
     * write it, or whose folder is read-only, reads without creating a
     * -wal or -shm that the owner's next ingest could not use.  The next
     * writer switches back to WAL (configure), so readers still read while
     * an ingest writes. */
    if (wh->db && !wh->readonly && sqlite3_get_autocommit(wh->db)) {
        sqlite3_busy_timeout(wh->db, 0);
        sqlite3_exec(wh->db, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
    }
    sqlite3_close(wh->db);
    free(wh->path);
    metric_cache_free(wh->cache);
    facts_free(wh->facts);
    publication_free(wh->pub);
    for (size_t i = 0; i < wh->n_retired; i++)
        publication_free(wh->retired[i]);
    free(wh->retired);
    free(wh);
}

static int data_version(sqlite3 *db)
{
    sqlite3_stmt *st;
    int v = -1;
    if (sqlite3_prepare_v2(db, "PRAGMA data_version", -1, &st, NULL) != SQLITE_OK)
        return -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

metric_cache *warehouse_metric_cache(warehouse *wh)
{
    if (!wh->readonly)
        return NULL;
    /* Another process may commit an ingest while we read (WAL): data_version
     * then changes, and the results computed before are dropped. */
    int v = data_version(wh->db);
    if (v < 0)
        return NULL;
    if (wh->cache && v != wh->data_version) {
        metric_cache_free(wh->cache);
        wh->cache = NULL;
    }
    if (!wh->cache) {
        wh->cache = metric_cache_new();
        wh->data_version = v;
    }
    return wh->cache;
}

ips_error warehouse_meta_get(warehouse *wh, const char *key, char **out, ips_diag *d)
{
    sqlite3_stmt *st;
    *out = NULL;
    if (sqlite3_prepare_v2(wh->db, "SELECT value FROM meta WHERE key = ?1", -1, &st, NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, "reading settings");
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && !(*out = strdup((const char *)sqlite3_column_text(st, 0)))) {
        sqlite3_finalize(st);
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return warehouse_fail(wh, d, "reading settings");
    return IPS_OK;
}

ips_error warehouse_meta_set(warehouse *wh, const char *key, const char *value, ips_diag *d)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(wh->db, "INSERT INTO meta(key, value) VALUES(?1, ?2) "
                                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           -1, &st, NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, "writing settings");
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? IPS_OK : warehouse_fail(wh, d, "writing settings");
}

ips_error warehouse_optimize(warehouse *wh, ips_diag *d)
{
    if (sqlite3_exec(wh->db, "PRAGMA analysis_limit=1000; ANALYZE;", NULL, NULL, NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, "updating statistics");
    return IPS_OK;
}

/* A read-only connection cannot have written the data: only its temp
 * schema changes, which total_changes counts too. */
bool warehouse_facts_trusted(warehouse *wh)
{
    return wh->readonly || sqlite3_total_changes64(wh->db) == wh->trusted_tc;
}

static data_mark mark_now(warehouse *wh)
{
    return (data_mark){data_version(wh->db), sqlite3_total_changes64(wh->db)};
}

static bool mark_holds(warehouse *wh, data_mark m)
{
    return m.dv == data_version(wh->db) &&
           (wh->readonly || m.tc == sqlite3_total_changes64(wh->db));
}

void warehouse_facts_rebuilt(warehouse *wh)
{
    wh->trusted_tc = sqlite3_total_changes64(wh->db);
}

const struct facts *warehouse_facts(warehouse *wh, ips_day as_of)
{
    if (!wh->facts || wh->facts_as_of != as_of || !mark_holds(wh, wh->facts_mark))
        return NULL;
    return wh->facts;
}

void warehouse_facts_keep(warehouse *wh, ips_day as_of, struct facts *f)
{
    facts_free(wh->facts);
    wh->facts = f;
    wh->facts_as_of = as_of;
    wh->facts_mark = mark_now(wh);
}

struct publication *warehouse_publication(warehouse *wh)
{
    if (!wh->pub || !mark_holds(wh, wh->pub_mark))
        return NULL;
    return wh->pub;
}

bool warehouse_publication_keep(warehouse *wh, struct publication *p)
{
    if (wh->pub) { /* outputs may share its rows: never freed before the warehouse */
        struct publication **r = realloc(wh->retired, (wh->n_retired + 1) * sizeof *r);
        if (!r)
            return false;
        r[wh->n_retired++] = wh->pub;
        wh->retired = r;
    }
    wh->pub = p;
    wh->pub_mark = mark_now(wh);
    return true;
}

bool warehouse_stamp_get(warehouse *wh, char *buf, size_t n)
{
    if (!wh->stamp[0] || !mark_holds(wh, wh->stamp_mark))
        return false;
    snprintf(buf, n, "%s", wh->stamp);
    return true;
}

void warehouse_stamp_keep(warehouse *wh, const char *stamp)
{
    snprintf(wh->stamp, sizeof wh->stamp, "%s", stamp);
    wh->stamp_mark = mark_now(wh);
}

ips_error warehouse_read_begin(warehouse *wh, bool *own, ips_diag *d)
{
    *own = sqlite3_get_autocommit(wh->db);
    if (*own && sqlite3_exec(wh->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
        *own = false;
        return warehouse_fail(wh, d, "starting to read");
    }
    return IPS_OK;
}

ips_error warehouse_read_end(warehouse *wh, bool own, ips_error e, ips_diag *d)
{
    if (!own)
        return e;
    if (e != IPS_OK) {
        sqlite3_exec(wh->db, "ROLLBACK", NULL, NULL, NULL);
        return e;
    }
    if (sqlite3_exec(wh->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, "finishing reading");
    return IPS_OK;
}
