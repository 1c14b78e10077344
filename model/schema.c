#include "model/schema.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* Dates are ISO text so that SQL compares and subtracts them with julianday().
 * Every entity table ends with batch_id (where the row came from), src_line
 * (its line in that file) and row_hash (to tell an unchanged re-export from a
 * corrected one).
 *
 * No CHECK constraints: ingest validates every rule in C (ingest/validate.c)
 * and gives the user the line and column; a CHECK evaluated again on every
 * INSERT (date() parses each date a second time) cost about as much as the
 * insert itself.  Warehouses made before this keep their CHECKs: they still
 * hold, so such a warehouse opens and works unchanged, only its ingest is
 * slower.  Rebuilding the tables on open was not worth copying a national
 * warehouse; the columns, keys and indexes, which is what schema version 2
 * describes, are the same in both. */
/* Version 3: a batch is one reading of one file's bytes: the reading is the
 * SHA-256 of the profile it was read with ('' for the canonical layout), so
 * the same bytes read under another profile are another batch, which
 * supersedes the earlier ones (superseded_by).  Only current batches are
 * unique per bytes, entity and reading: reading a file under profile A, then
 * B, then A again makes three batches.  retried_at: when its rejected rows
 * were last tried again. */
#define BATCHES_V3                                                              \
    "  reading TEXT NOT NULL DEFAULT '',\n"                                     \
    "  superseded_by INTEGER REFERENCES batches(batch_id),\n"                   \
    "  retried_at TEXT"
#define BATCHES_IDENTITY                                                        \
    "CREATE UNIQUE INDEX batches_identity ON batches(content_hash, entity, reading) "     \
    "WHERE superseded_by IS NULL"
/* Rows rejected only because a row they name (client, coach, employer,
 * enrollment) was not stored yet: their validated values (pseudonyms, never
 * an identity code; only contract columns) wait here beside their reject
 * until a later ingest brings what they name (ingest/retry.c). */
#define WAITING                                                                 \
    "CREATE TABLE waiting(\n"                                                   \
    "  batch_id INTEGER NOT NULL REFERENCES batches(batch_id) ON DELETE CASCADE,\n" \
    "  line INTEGER NOT NULL,\n"                                                \
    "  entity TEXT NOT NULL,\n"                                                 \
    "  column_name TEXT NOT NULL,\n"                                            \
    "  ref_entity TEXT NOT NULL,\n"                                             \
    "  ref_id TEXT NOT NULL,\n"                                                 \
    "  vals BLOB NOT NULL,\n"                                                   \
    "  PRIMARY KEY(batch_id, line))"
/* The latest schema, for a new warehouse. */
static const char *const schema_ddl[] = {
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);\n",
    "CREATE TABLE batches(\n"
    "  batch_id INTEGER PRIMARY KEY,\n"
    "  file_name TEXT NOT NULL,\n"
    "  content_hash TEXT NOT NULL,\n"
    "  entity TEXT NOT NULL,\n"
    "  profile TEXT,\n"
    "  key_fingerprint TEXT,\n"
    "  rows_read INTEGER NOT NULL DEFAULT 0,\n"
    "  rows_stored INTEGER NOT NULL DEFAULT 0,\n"
    "  rows_updated INTEGER NOT NULL DEFAULT 0,\n"
    "  rows_rejected INTEGER NOT NULL DEFAULT 0,\n"
    "  rows_duplicate INTEGER NOT NULL DEFAULT 0,\n"
    "  ignored_columns TEXT,\n"
    "  loaded_at TEXT NOT NULL,\n"
    BATCHES_V3 ");\n",
    BATCHES_IDENTITY ";\n",
    "CREATE TABLE rejects(\n"
    "  batch_id INTEGER NOT NULL REFERENCES batches(batch_id) ON DELETE CASCADE,\n"
    "  line INTEGER NOT NULL,\n"
    "  column_name TEXT,\n"
    "  reason TEXT NOT NULL);\n",
    "CREATE INDEX rejects_batch ON rejects(batch_id, line);\n",
    WAITING ";\n",
#define TAIL                                                                    \
    "  batch_id INTEGER NOT NULL REFERENCES batches(batch_id),\n"              \
    "  src_line INTEGER NOT NULL,\n"                                            \
    "  row_hash INTEGER NOT NULL"
    "CREATE TABLE coaches(\n"
    "  coach_id TEXT PRIMARY KEY,\n"
    "  provider_id TEXT NOT NULL,\n"
    "  team_id TEXT,\n"
    "  region TEXT,\n"
    "  fte REAL NOT NULL,\n"
    "  focus_share REAL,\n"
    "  community_share REAL,\n"
    "  start_date TEXT,\n"
    "  end_date TEXT,\n"
    TAIL ");\n",
    "CREATE TABLE clients(\n"
    "  client_id TEXT PRIMARY KEY,\n"
    "  birth_year INTEGER,\n"
    "  gender TEXT,\n"
    "  municipality TEXT,\n"
    "  segment TEXT,\n"
    TAIL ");\n",
    "CREATE TABLE employers(\n"
    "  employer_id TEXT PRIMARY KEY,\n"
    "  name TEXT,\n"
    "  industry TEXT,\n"
    "  sector TEXT,\n"
    "  municipality TEXT,\n"
    TAIL ");\n",
    "CREATE TABLE enrollments(\n"
    "  enrollment_id TEXT PRIMARY KEY,\n"
    "  client_id TEXT NOT NULL REFERENCES clients(client_id),\n"
    "  coach_id TEXT REFERENCES coaches(coach_id),\n"
    "  service TEXT NOT NULL,\n"
    "  referral_date TEXT,\n"
    "  start_date TEXT NOT NULL,\n"
    "  end_date TEXT,\n"
    "  exit_reason TEXT,\n"
    "  referral_source TEXT,\n"
    "  support_level TEXT,\n"
    TAIL ");\n",
    "CREATE INDEX enrollments_client ON enrollments(client_id, start_date);\n",
    "CREATE INDEX enrollments_coach ON enrollments(coach_id);\n",
    "CREATE INDEX enrollments_start ON enrollments(start_date);\n",
    "CREATE TABLE contacts(\n"
    "  contact_id TEXT PRIMARY KEY,\n"
    "  date TEXT NOT NULL,\n"
    "  kind TEXT NOT NULL,\n"
    "  in_person INTEGER NOT NULL,\n"
    "  client_id TEXT REFERENCES clients(client_id),\n"
    "  coach_id TEXT REFERENCES coaches(coach_id),\n"
    "  \"by\" TEXT,\n"
    "  employer_id TEXT REFERENCES employers(employer_id),\n"
    "  setting TEXT,\n"
    "  minutes REAL,\n"
    TAIL ");\n",
    /* The trailing columns make the facts' contact look-ups by client (items
     * 15 and 23) index-only: at 30M contacts the table look-ups they save
     * cost several times the whole query.  The sums by coach (items 17 and
     * 24) are one scan of the table (model/facts_coach_days.c). */
    "CREATE INDEX contacts_client ON contacts(client_id, date, kind, in_person);\n",
    "CREATE TABLE jobs(\n"
    "  job_id TEXT PRIMARY KEY,\n"
    "  client_id TEXT NOT NULL REFERENCES clients(client_id),\n"
    "  employer_id TEXT NOT NULL REFERENCES employers(employer_id),\n"
    "  enrollment_id TEXT REFERENCES enrollments(enrollment_id),\n"
    "  job_title TEXT,\n"
    "  occupation TEXT,\n"
    "  start_date TEXT NOT NULL,\n"
    "  end_date TEXT,\n"
    "  hours_per_week REAL,\n"
    "  competitive INTEGER NOT NULL,\n"
    "  permanent INTEGER,\n"
    "  subsidized INTEGER,\n"
    "  end_reason TEXT,\n"
    TAIL ");\n",
    "CREATE INDEX jobs_client ON jobs(client_id, start_date);\n",
    "CREATE INDEX jobs_enrollment ON jobs(enrollment_id);\n",
    "CREATE TABLE assessments(\n"
    "  client_id TEXT NOT NULL REFERENCES clients(client_id),\n"
    "  date TEXT NOT NULL,\n"
    "  instrument TEXT NOT NULL,\n"
    "  score REAL NOT NULL,\n"
    TAIL ",\n"
    "  PRIMARY KEY(client_id, date, instrument));\n",
    "CREATE TABLE fidelity_reviews(\n"
    "  review_id TEXT NOT NULL,\n"
    "  item INTEGER NOT NULL,\n"
    "  unit TEXT NOT NULL,\n"
    "  review_date TEXT NOT NULL,\n"
    "  status TEXT NOT NULL,\n"
    "  score INTEGER,\n"
    "  score_high INTEGER,\n"
    "  reviewer TEXT,\n"
    TAIL ",\n"
    "  PRIMARY KEY(review_id, item));\n",
    NULL};

/* An application_id tells our warehouses from other SQLite files ("IPSr"). */
#define APPLICATION_ID 0x49505372

/* The first n integers of sql's one row into v. */
static int query_ints(sqlite3 *db, const char *sql, int *v, int n)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        for (int i = 0; i < n; i++)
            v[i] = sqlite3_column_int(st, i);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc;
}

static int query_int(sqlite3 *db, const char *sql, int *out)
{
    return query_ints(db, sql, out, 1);
}

static ips_error db_fail(sqlite3 *db, const char *path, ips_diag *d)
{
    return ips_diag_set(d, IPS_ERR_DB, "%s: %s", path, sqlite3_errmsg(db));
}

/* Upgrades, one step per version; each runs in its own transaction and
 * then sets user_version to `to`. */
static const struct {
    int to;
    bool rebuild;  /* rebuilds a table others refer to: foreign keys off meanwhile */
    const char *const *sql;
} upgrades[] = {
    /* 2: the contacts indexes carry the columns the fidelity items read. */
    {2, false, (const char *const[]){
            "DROP INDEX IF EXISTS contacts_client",
            "CREATE INDEX contacts_client ON contacts(client_id, date, kind, in_person)",
            "DROP INDEX IF EXISTS contacts_coach",
            "CREATE INDEX contacts_coach ON contacts(coach_id, date, kind, in_person, \"by\", "
            "setting, minutes)",
            NULL}},
    /* 3: batches are identified by bytes, entity and reading (SQLite drops a
     * UNIQUE constraint only by rebuilding the table).  Earlier batches read
     * with a profile do not know which one: 'unknown' reads such a file
     * again once. */
    {3, true, (const char *const[]){
            "CREATE TABLE batches_v3(\n"
            "  batch_id INTEGER PRIMARY KEY,\n"
            "  file_name TEXT NOT NULL,\n"
            "  content_hash TEXT NOT NULL,\n"
            "  entity TEXT NOT NULL,\n"
            "  profile TEXT,\n"
            "  key_fingerprint TEXT,\n"
            "  rows_read INTEGER NOT NULL DEFAULT 0,\n"
            "  rows_stored INTEGER NOT NULL DEFAULT 0,\n"
            "  rows_updated INTEGER NOT NULL DEFAULT 0,\n"
            "  rows_rejected INTEGER NOT NULL DEFAULT 0,\n"
            "  rows_duplicate INTEGER NOT NULL DEFAULT 0,\n"
            "  ignored_columns TEXT,\n"
            "  loaded_at TEXT NOT NULL,\n"
            BATCHES_V3 ")",
            "INSERT INTO batches_v3(batch_id, file_name, content_hash, entity, profile, "
            "key_fingerprint, rows_read, rows_stored, rows_updated, rows_rejected, "
            "rows_duplicate, ignored_columns, loaded_at, reading) SELECT batch_id, file_name, "
            "content_hash, entity, profile, key_fingerprint, rows_read, rows_stored, "
            "rows_updated, rows_rejected, rows_duplicate, ignored_columns, loaded_at, "
            "CASE WHEN profile IS NULL THEN '' ELSE 'unknown' END FROM batches",
            "DROP TABLE batches",
            "ALTER TABLE batches_v3 RENAME TO batches",
            BATCHES_IDENTITY,
            "DROP INDEX IF EXISTS rejects_batch",
            "CREATE INDEX rejects_batch ON rejects(batch_id, line)",
            WAITING,
            NULL}},
    /* 4: no query reads contacts by kind since the metrics read facts, and
     * building that index took a tenth of a large contacts load. */
    {4, false, (const char *const[]){"DROP INDEX IF EXISTS contacts_kind", NULL}},
    /* 5: the facts sum the contacts per coach and day in one scan of the
     * table; the index by coach only that query read took a tenth of a
     * large contacts load to build. */
    {5, false, (const char *const[]){"DROP INDEX IF EXISTS contacts_coach", NULL}},
};

static ips_error upgrade(sqlite3 *db, const char *path, int version, ips_diag *d)
{
    for (size_t i = 0; i < sizeof upgrades / sizeof upgrades[0]; i++) {
        if (upgrades[i].to <= version)
            continue;
        char pragma[48];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", upgrades[i].to);
        /* PRAGMA foreign_keys is a no-op inside a transaction. */
        if (upgrades[i].rebuild)
            sqlite3_exec(db, "PRAGMA foreign_keys=OFF", NULL, NULL, NULL);
        int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
        for (const char *const *stmt = upgrades[i].sql; *stmt && rc == SQLITE_OK; stmt++)
            rc = sqlite3_exec(db, *stmt, NULL, NULL, NULL);
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(db, pragma, NULL, NULL, NULL);
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
        if (rc != SQLITE_OK) {
            ips_diag_set(d, IPS_ERR_DB, "%s: cannot upgrade the warehouse from version %d to %d: "
                         "%s; nothing was changed: run again, or ingest into a new warehouse",
                         path, version, upgrades[i].to, sqlite3_errmsg(db));
            sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        }
        if (upgrades[i].rebuild)
            sqlite3_exec(db, "PRAGMA foreign_keys=ON", NULL, NULL, NULL);
        if (rc != SQLITE_OK)
            return IPS_ERR_DB;
        version = upgrades[i].to;
    }
    return IPS_OK;
}

int schema_version(sqlite3 *db)
{
    int version = -1;
    return query_int(db, "PRAGMA user_version", &version) == SQLITE_OK ? version : -1;
}

/* Creates the schema, unless another process did while this one waited for
 * the write lock (two ingests started on one new file): then *created is
 * false and nothing is changed. */
static ips_error create_latest(sqlite3 *db, const char *path, bool *created, ips_diag *d)
{
    char pragma[96];
    int tables = 0;
    *created = false;
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return db_fail(db, path, d);
    if (query_int(db, "SELECT count(*) FROM sqlite_schema", &tables) != SQLITE_OK || tables > 0) {
        ips_error e = tables > 0 ? IPS_OK : db_fail(db, path, d);
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return e;
    }
    snprintf(pragma, sizeof pragma, "PRAGMA application_id=%d; PRAGMA user_version=%d;",
             APPLICATION_ID, SCHEMA_VERSION);
    int rc = SQLITE_OK;
    for (const char *const *stmt = schema_ddl; *stmt && rc == SQLITE_OK; stmt++)
        rc = sqlite3_exec(db, *stmt, NULL, NULL, NULL);
    if (rc != SQLITE_OK || sqlite3_exec(db, pragma, NULL, NULL, NULL) != SQLITE_OK) {
        ips_error e = db_fail(db, path, d);
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return e;
    }
    if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        return db_fail(db, path, d);
    *created = true;
    return IPS_OK;
}

ips_error schema_ensure(sqlite3 *db, const char *path, ips_diag *d)
{
    int v[3] = {0, 0, 0};
    /* One statement, so one snapshot: read one by one, another ingest that
     * creates the file meanwhile could be seen half (tables, but not yet
     * its application id). */
    if (query_ints(db, "SELECT (SELECT user_version FROM pragma_user_version),"
                       " (SELECT application_id FROM pragma_application_id),"
                       " (SELECT count(*) FROM sqlite_schema)",
                   v, 3) != SQLITE_OK) {
        /* A large load holds the file locked until it commits (store.c). */
        if (sqlite3_errcode(db) == SQLITE_BUSY)
            return ips_diag_set(d, IPS_ERR_DB, "%s: an ingest is writing to this warehouse; "
                                "run again when it has finished", path);
        return ips_diag_set(d, IPS_ERR_NOT_WAREHOUSE,
                            "%s: cannot be read as a warehouse (%s); give a new file name "
                            "or an ipsreport warehouse",
                            path, sqlite3_errmsg(db));
    }
    int version = v[0], appid = v[1], tables = v[2];
    if (tables == 0 && version == 0) {
        bool created;
        ips_error e = create_latest(db, path, &created, d);
        /* Made by another process meanwhile: check it like any warehouse. */
        return e != IPS_OK || created ? e : schema_ensure(db, path, d);
    }
    if (appid != APPLICATION_ID)
        return ips_diag_set(d, IPS_ERR_NOT_WAREHOUSE,
                            "%s: is an SQLite database but not an ipsreport warehouse; "
                            "give a new file name", path);
    if (version > SCHEMA_VERSION)
        return ips_diag_set(d, IPS_ERR_SCHEMA_NEWER,
                            "%s: warehouse schema version %d is newer than this ipsreport "
                            "understands (%d); upgrade ipsreport", path, version, SCHEMA_VERSION);
    return version < SCHEMA_VERSION ? upgrade(db, path, version, d) : IPS_OK;
}
