#include "model/runs.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

static const char create_sql[] =
    "CREATE TABLE IF NOT EXISTS ingest_runs(\n"
    "  run_id INTEGER PRIMARY KEY,\n"
    "  started_at TEXT NOT NULL,\n"
    "  ended_at TEXT,\n"
    "  files_planned INTEGER NOT NULL,\n"
    "  files_done INTEGER NOT NULL DEFAULT 0,\n"
    "  pid INTEGER,\n"
    "  host TEXT)";

static void now_utc(char out[24])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 24, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void host_name(char out[256])
{
    if (gethostname(out, 256) != 0)
        out[0] = '\0';
    out[255] = '\0';
}

/* Runs one statement with up to two text or integer parameters. */
static ips_error exec(warehouse *wh, const char *sql, long long a, const char *text,
                      const char *what, ips_diag *d)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(warehouse_db(wh), sql, -1, &st, NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, what);
    if (sqlite3_bind_parameter_count(st) >= 1)
        sqlite3_bind_int64(st, 1, a);
    if (sqlite3_bind_parameter_count(st) >= 2)
        sqlite3_bind_text(st, 2, text, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? IPS_OK : warehouse_fail(wh, d, what);
}

ips_error runs_begin(warehouse *wh, long long planned, long long *run_id, ips_diag *d)
{
    sqlite3 *db = warehouse_db(wh);
    char now[24], host[256];
    now_utc(now);
    host_name(host);
    *run_id = 0;
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, "recording the ingest run");
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_exec(db, create_sql, NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db, "INSERT INTO ingest_runs(started_at, files_planned, pid, host) "
                                    "VALUES(?1, ?2, ?3, ?4)", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, planned);
        sqlite3_bind_int64(st, 3, (long long)getpid());
        sqlite3_bind_text(st, 4, host, -1, SQLITE_STATIC);
        rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_OK)
        *run_id = sqlite3_last_insert_rowid(db);
    if (rc != SQLITE_OK || sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        ips_error e = warehouse_fail(wh, d, "recording the ingest run");
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return e;
    }
    return IPS_OK;
}

ips_error runs_file_done(warehouse *wh, long long run_id, ips_diag *d)
{
    return exec(wh, "UPDATE ingest_runs SET files_done = files_done + 1 WHERE run_id = ?1",
                run_id, NULL, "recording the ingest run", d);
}

ips_error runs_end(warehouse *wh, long long run_id, ips_diag *d)
{
    char now[24];
    now_utc(now);
    return exec(wh, "UPDATE ingest_runs SET ended_at = ?2 WHERE run_id = ?1", run_id, now,
                "recording the ingest run", d);
}

/* Whether process pid on host is alive (only this machine can tell). */
static bool alive(long long pid, const char *host)
{
    char here[256];
    host_name(here);
    if (!host || strcmp(host, here) != 0 || pid <= 0)
        return false;
    return kill((pid_t)pid, 0) == 0 || errno == EPERM;
}

ips_error runs_unfinished(warehouse *wh, run_info *out, bool *found, ips_diag *d)
{
    sqlite3 *db = warehouse_db(wh);
    sqlite3_stmt *st;
    *found = false;
    memset(out, 0, sizeof *out);
    /* No table: no ingest has recorded a run yet (or one older than runs). */
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                               "AND name = 'ingest_runs'", -1, &st, NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, "reading the ingest runs");
    bool have = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
    sqlite3_finalize(st);
    if (!have)
        return IPS_OK;
    if (sqlite3_prepare_v2(db, "SELECT started_at, files_planned, files_done, pid, host "
                               "FROM ingest_runs WHERE ended_at IS NULL AND run_id > "
                               "coalesce((SELECT max(run_id) FROM ingest_runs WHERE ended_at IS "
                               "NOT NULL), 0) ORDER BY run_id DESC LIMIT 1",
                           -1, &st, NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, "reading the ingest runs");
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const unsigned char *at = sqlite3_column_text(st, 0);
        /* "2024-12-06T22:40:05Z" shown as "2024-12-06 22:40 UTC". */
        snprintf(out->started_at, sizeof out->started_at, "%.10s %.5s UTC",
                 at ? (const char *)at : "", at && strlen((const char *)at) >= 16
                 ? (const char *)at + 11 : "");
        out->planned = sqlite3_column_int64(st, 1);
        out->done = sqlite3_column_int64(st, 2);
        out->running = alive(sqlite3_column_int64(st, 3), (const char *)sqlite3_column_text(st, 4));
        *found = true;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? IPS_OK : warehouse_fail(wh, d, "reading the ingest runs");
}
