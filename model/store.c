#include "model/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/idset.h"

/* Ids found by store_ref_exists, remembered so that runs of rows naming the
 * same client or coach (exports are usually sorted) skip the look-up.
 * Direct-mapped and fixed in size: memory does not grow with the input.
 * Used only when a referenced table is too large for an id set. */
#define REF_CACHE 512
typedef struct {
    char id[48];
} ref_slot;

/* The ids of a referenced entity are read once into a set when they fit in
 * this much memory (at 10x: 100,000 clients take about 2.5 MB; the jobs
 * file's 110,000 enrollments as many), so that checking a reference is a
 * hash probe instead of a query per row and column. */
#define REF_SET_MAX_BYTES ((size_t)24 << 20)

struct store {
    warehouse *wh;
    sqlite3 *db;
    ips_entity entity;
    const contract_entity *ent;
    long long batch_id;
    bool reopened;                    /* an earlier batch, its rejected rows tried again */
    const char *reading;              /* the batch's reading (store_set_reading), or NULL */
    long long superseded;             /* earlier batches this one superseded at commit */
    bool open;                        /* transaction in progress */
    bool fk_off;                      /* foreign_keys turned off for the batch */
    bool rollback_journal;            /* switched from WAL for a large load */
    sqlite3_stmt *find, *insert, *update, *reject;
    sqlite3_stmt *ref[ENT__COUNT];    /* id look-ups of referenced entities */
    ref_slot *cache[ENT__COUNT];      /* REF_CACHE slots each, allocated on first use */
    idset *ids[ENT__COUNT];           /* every id of a referenced entity, or NULL */
    bool ids_tried[ENT__COUNT];       /* the set was loaded, or found too large */
    char **rebuild;                   /* CREATE INDEX statements to run at commit */
    size_t nrebuild;
};

/* Below this many rows, inserting into the indexes is cheaper than rebuilding. */
#define REBUILD_MIN_ROWS 100000

static unsigned id_slot(const char *id)
{
    unsigned h = 2166136261u;
    for (; *id; id++)
        h = (h ^ (unsigned char)*id) * 16777619u;
    return h % REF_CACHE;
}

static ips_error fail(store *s, ips_diag *d, const char *what)
{
    return warehouse_fail(s->wh, d, what);
}

static ips_error prepare(store *s, const char *sql, sqlite3_stmt **st, ips_diag *d)
{
    if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK)
        return fail(s, d, "preparing a statement");
    return IPS_OK;
}

/* Appends to buf; the SQL is built only from the contract's constant names. */
static void cat(char *buf, size_t n, const char *s)
{
    size_t len = strlen(buf);
    snprintf(buf + len, n - len, "%s", s);
}

static void key_where(const contract_entity *ent, char *sql, size_t n)
{
    cat(sql, n, " WHERE ");
    for (int i = 0; i < ent->nkey; i++) {
        char part[96];
        snprintf(part, sizeof part, "%s\"%s\" = ?%d", i ? " AND " : "", ent->cols[i].name, i + 1);
        cat(sql, n, part);
    }
}

static ips_error prepare_entity(store *s, ips_diag *d)
{
    const contract_entity *ent = s->ent;
    char sql[2048], part[128];
    snprintf(sql, sizeof sql, "SELECT batch_id, src_line, row_hash FROM %s", ent->name);
    key_where(ent, sql, sizeof sql);
    ips_error e = prepare(s, sql, &s->find, d);
    if (e != IPS_OK)
        return e;
    snprintf(sql, sizeof sql, "INSERT INTO %s(", ent->name);
    for (int i = 0; i < ent->ncols; i++) {
        snprintf(part, sizeof part, "\"%s\", ", ent->cols[i].name);
        cat(sql, sizeof sql, part);
    }
    cat(sql, sizeof sql, "batch_id, src_line, row_hash) VALUES(");
    for (int i = 0; i < ent->ncols + 3; i++) {
        snprintf(part, sizeof part, "%s?%d", i ? ", " : "", i + 1);
        cat(sql, sizeof sql, part);
    }
    cat(sql, sizeof sql, ") ON CONFLICT DO NOTHING");
    if ((e = prepare(s, sql, &s->insert, d)) != IPS_OK)
        return e;
    snprintf(sql, sizeof sql, "UPDATE %s SET ", ent->name);
    for (int i = ent->nkey; i < ent->ncols; i++) {
        snprintf(part, sizeof part, "\"%s\" = ?%d, ", ent->cols[i].name, i + 1);
        cat(sql, sizeof sql, part);
    }
    snprintf(part, sizeof part, "batch_id = ?%d, src_line = ?%d, row_hash = ?%d", ent->ncols + 1,
             ent->ncols + 2, ent->ncols + 3);
    cat(sql, sizeof sql, part);
    key_where(ent, sql, sizeof sql);
    if ((e = prepare(s, sql, &s->update, d)) != IPS_OK)
        return e;
    return prepare(s, "INSERT INTO rejects(batch_id, line, column_name, reason) VALUES(?1, ?2, ?3, ?4)",
                   &s->reject, d);
}

static ips_error expect_rows(store *s, long long rows, ips_diag *d);

/* Foreign keys are checked by ingest before each row is stored (against
 * id sets, store_ref_exists), so SQLite need not look every parent up a
 * second time; PRAGMA foreign_keys takes effect only outside a transaction,
 * hence before BEGIN, and store_free turns it back on. */
static void foreign_keys(store *s, bool on)
{
    sqlite3_exec(s->db, on ? "PRAGMA foreign_keys=ON" : "PRAGMA foreign_keys=OFF", NULL, NULL,
                 NULL);
    s->fk_off = !on;
}

/* A large load writes through a rollback journal instead of the WAL.  In
 * WAL mode every page of the load is written twice (to the WAL, then by the
 * checkpoint at commit into the file) and each page the load reads again
 * (index builds) is looked up in a WAL as large as the load: at 10x, 17 s
 * against 9 s.  A rollback journal holds only the pages the load changes
 * in place, which for a load that mostly appends is little, so the data is
 * written once.  Crash safety is the same: a journal left by a crash is
 * rolled back by whoever opens the file next; synchronous=FULL keeps it so
 * against power loss too.  The price: from the first page the load spills
 * until its commit it holds the exclusive lock, so readers wait (up to
 * WAREHOUSE_BUSY_MS) instead of reading the old state.  Only when no other
 * connection has the file open (leaving WAL needs that, and this does not
 * wait for it): otherwise the load stays in WAL. */
static void leave_wal(store *s)
{
    sqlite3_stmt *st;
    sqlite3_busy_timeout(s->db, 0);
    if (sqlite3_prepare_v2(s->db, "PRAGMA journal_mode=DELETE", -1, &st, NULL) == SQLITE_OK) {
        const char *mode = sqlite3_step(st) == SQLITE_ROW
                               ? (const char *)sqlite3_column_text(st, 0) : NULL;
        s->rollback_journal = mode && strcmp(mode, "delete") == 0;
        sqlite3_finalize(st);
    }
    sqlite3_busy_timeout(s->db, WAREHOUSE_BUSY_MS);
    if (s->rollback_journal)
        sqlite3_exec(s->db, "PRAGMA synchronous=FULL", NULL, NULL, NULL);
}

/* Back to WAL after the batch, if no reader is in the way right now; if one
 * is, the next connection to open the warehouse switches it (warehouse.c). */
static void back_to_wal(store *s)
{
    sqlite3_busy_timeout(s->db, 0);
    sqlite3_exec(s->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
    sqlite3_busy_timeout(s->db, WAREHOUSE_BUSY_MS);
    sqlite3_exec(s->db, "PRAGMA synchronous=NORMAL", NULL, NULL, NULL);
    s->rollback_journal = false;
}

/* The store and its transaction, before any batch row is touched. */
static ips_error start(warehouse *wh, ips_entity entity, long long rows, store **out,
                       ips_diag *d)
{
    *out = NULL;
    store *s = calloc(1, sizeof *s);
    if (!s)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    s->wh = wh;
    s->db = warehouse_db(wh);
    s->entity = entity;
    s->ent = contract_entity_get(entity);
    foreign_keys(s, false);
    if (rows >= REBUILD_MIN_ROWS)
        leave_wal(s);
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
        ips_error e = sqlite3_errcode(s->db) == SQLITE_BUSY
                          ? ips_diag_set(d, IPS_ERR_DB, "%s: another ingest is writing to this "
                                         "warehouse; wait for it to finish and run again",
                                         warehouse_path(wh))
                          : fail(s, d, "starting a transaction");
        store_free(s);
        return e;
    }
    s->open = true;
    *out = s;
    return IPS_OK;
}

ips_error store_reopen(warehouse *wh, ips_entity entity, long long batch_id, store **out,
                       ips_diag *d)
{
    ips_error e = start(wh, entity, 0, out, d);
    if (e != IPS_OK)
        return e;
    (*out)->batch_id = batch_id;
    (*out)->reopened = true;
    if ((e = prepare_entity(*out, d)) != IPS_OK) {
        store_free(*out);
        *out = NULL;
    }
    return e;
}

void store_set_reading(store *s, const char *reading) { s->reading = reading; }

ips_error store_begin(warehouse *wh, ips_entity entity, const char *file_name,
                      const char *profile, const char *key_fingerprint, long long rows,
                      store **out, ips_diag *d)
{
    store *s;
    ips_error e = start(wh, entity, rows, &s, d);
    if (e != IPS_OK)
        return e;
    char now[32];
    time_t t = time(NULL);
    strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
    sqlite3_stmt *st;
    e = prepare(s, "INSERT INTO batches(file_name, content_hash, entity, profile, "
                   "key_fingerprint, loaded_at) VALUES(?1, 'loading', ?2, ?3, ?4, ?5)", &st, d);
    if (e != IPS_OK) {
        store_free(s);
        return e;
    }
    sqlite3_bind_text(st, 1, file_name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, s->ent->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, profile, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, key_fingerprint, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        e = fail(s, d, "recording the batch");
        store_free(s);
        return e;
    }
    s->batch_id = sqlite3_last_insert_rowid(s->db);
    if ((e = prepare_entity(s, d)) != IPS_OK || (e = expect_rows(s, rows, d)) != IPS_OK) {
        store_free(s);
        return e;
    }
    *out = s;
    return IPS_OK;
}

static ips_error drop_indexes(store *s, ips_diag *d)
{
    sqlite3_stmt *st;
    ips_error e = prepare(s, "SELECT name, sql FROM sqlite_schema WHERE type = 'index' "
                             "AND tbl_name = ?1 AND sql IS NOT NULL", &st, d);
    if (e != IPS_OK)
        return e;
    sqlite3_bind_text(st, 1, s->ent->name, -1, SQLITE_STATIC);
    char *names[16];
    size_t n = 0;
    while (sqlite3_step(st) == SQLITE_ROW && n < 16) {
        char **grown = realloc(s->rebuild, (s->nrebuild + 1) * sizeof *grown);
        names[n] = strdup((const char *)sqlite3_column_text(st, 0));
        char *sql = strdup((const char *)sqlite3_column_text(st, 1));
        if (!grown || !names[n] || !sql) {
            free(grown == s->rebuild ? NULL : grown);
            free(names[n]);
            free(sql);
            e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
            break;
        }
        s->rebuild = grown;
        s->rebuild[s->nrebuild++] = sql;
        n++;
    }
    sqlite3_finalize(st);
    for (size_t i = 0; i < n; i++) {
        /* The names come from our own schema, not from input. */
        char sql[160];
        snprintf(sql, sizeof sql, "DROP INDEX \"%s\"", names[i]);
        if (e == IPS_OK && sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
            e = fail(s, d, "preparing a large load");
        free(names[i]);
    }
    return e;
}

static ips_error expect_rows(store *s, long long rows, ips_diag *d)
{
    if (rows < REBUILD_MIN_ROWS || s->nrebuild)
        return IPS_OK;
    char sql[96];
    sqlite3_stmt *st;
    snprintf(sql, sizeof sql, "SELECT coalesce(max(rowid), 0) FROM %s", s->ent->name);
    ips_error e = prepare(s, sql, &st, d);
    if (e != IPS_OK)
        return e;
    long long held = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : rows;
    sqlite3_finalize(st);
    return rows >= held ? drop_indexes(s, d) : IPS_OK;
}

static ips_error rebuild_indexes(store *s, ips_diag *d)
{
    for (size_t i = 0; i < s->nrebuild; i++)
        if (sqlite3_exec(s->db, s->rebuild[i], NULL, NULL, NULL) != SQLITE_OK)
            return fail(s, d, "building an index");
    return IPS_OK;
}

/* FNV-1a over the typed values: tells an unchanged row from a corrected one. */
static int64_t row_hash(const ips_value *vals, int n)
{
    uint64_t h = 1469598103934665603ULL;
    for (int i = 0; i < n; i++) {
        unsigned char buf[9] = {(unsigned char)vals[i].kind};
        size_t len = 1;
        const unsigned char *p = buf;
        if (vals[i].kind == VAL_INT)
            memcpy(buf + 1, &vals[i].i, 8), len = 9;
        else if (vals[i].kind == VAL_REAL)
            memcpy(buf + 1, &vals[i].r, 8), len = 9;
        for (size_t k = 0; k < len; k++)
            h = (h ^ p[k]) * 1099511628211ULL;
        if (vals[i].kind == VAL_TEXT)
            for (const unsigned char *t = (const unsigned char *)vals[i].text; *t; t++)
                h = (h ^ *t) * 1099511628211ULL;
        h = (h ^ 0xff) * 1099511628211ULL; /* separator */
    }
    return (int64_t)h;
}

static void bind_value(sqlite3_stmt *st, int idx, const ips_value *v)
{
    switch (v->kind) {
    case VAL_NULL: sqlite3_bind_null(st, idx); break;
    case VAL_TEXT: sqlite3_bind_text(st, idx, v->text, -1, SQLITE_STATIC); break;
    case VAL_INT: sqlite3_bind_int64(st, idx, v->i); break;
    case VAL_REAL: sqlite3_bind_double(st, idx, v->r); break;
    }
}

static ips_error write_row(store *s, sqlite3_stmt *st, const ips_value *vals, long line,
                           int64_t hash, ips_diag *d)
{
    int n = s->ent->ncols;
    for (int i = 0; i < n; i++)
        bind_value(st, i + 1, &vals[i]);
    sqlite3_bind_int64(st, n + 1, s->batch_id);
    sqlite3_bind_int64(st, n + 2, line);
    sqlite3_bind_int64(st, n + 3, hash);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? IPS_OK : fail(s, d, "storing a row");
}

ips_error store_row(store *s, const ips_value *vals, long line, store_outcome *outcome,
                    long *first_line, ips_diag *d)
{
    int64_t hash = row_hash(vals, s->ent->ncols);
    /* Most rows are new: try the INSERT first (it does nothing on a key that
     * exists) and look the old row up only when it did nothing. */
    ips_error e = write_row(s, s->insert, vals, line, hash, d);
    if (e != IPS_OK)
        return e;
    if (sqlite3_changes(s->db) == 1) {
        *outcome = STORE_NEW;
        return IPS_OK;
    }
    for (int i = 0; i < s->ent->nkey; i++)
        bind_value(s->find, i + 1, &vals[i]);
    int rc = sqlite3_step(s->find);
    if (rc == SQLITE_ROW) {
        long long batch = sqlite3_column_int64(s->find, 0);
        *first_line = (long)sqlite3_column_int64(s->find, 1);
        int64_t old = sqlite3_column_int64(s->find, 2);
        sqlite3_reset(s->find);
        if (batch == s->batch_id) {
            *outcome = old == hash ? STORE_SAME : STORE_REPEATED;
            return IPS_OK;
        }
        /* A row tried again is older than what a later file stored. */
        if (s->reopened && batch > s->batch_id && old != hash) {
            *outcome = STORE_NEWER;
            *first_line = (long)batch;
            return IPS_OK;
        }
        if (old == hash) {
            *outcome = STORE_SAME;
            return IPS_OK;
        }
        *outcome = STORE_UPDATED;
        return write_row(s, s->update, vals, line, hash, d);
    }
    sqlite3_reset(s->find);
    return fail(s, d, rc == SQLITE_DONE ? "storing a row (the key vanished)" : "looking up a row");
}

/* Reads every id of entity ref into s->ids[ref], or leaves it NULL when they
 * would take more than REF_SET_MAX_BYTES (then look-ups go to SQL). */
static ips_error load_ids(store *s, ips_entity ref, ips_diag *d)
{
    const contract_entity *re = contract_entity_get(ref);
    char sql[160];
    sqlite3_stmt *st;
    s->ids_tried[ref] = true;
    snprintf(sql, sizeof sql, "SELECT \"%s\" FROM %s", re->cols[0].name, re->name);
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return fail(s, d, "reading the ids of referenced rows");
    idset *set = idset_new();
    bool fits = set != NULL;
    int rc;
    while (fits && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(st, 0);
        if (id)
            fits = idset_add(set, id, (size_t)sqlite3_column_bytes(st, 0), REF_SET_MAX_BYTES);
    }
    sqlite3_finalize(st);
    if (fits && rc != SQLITE_DONE) {
        idset_free(set);
        return fail(s, d, "reading the ids of referenced rows");
    }
    if (fits)
        s->ids[ref] = set;
    else
        idset_free(set);
    return IPS_OK;
}

ips_error store_ref_exists(store *s, ips_entity ref, const char *id, bool *exists, ips_diag *d)
{
    size_t len = strlen(id);
    /* The batch's own table changes as rows come, so its ids are never held. */
    if (!s->ids_tried[ref] && ref != s->entity) {
        ips_error e = load_ids(s, ref, d);
        if (e != IPS_OK)
            return e;
    }
    if (s->ids[ref]) {
        *exists = idset_has(s->ids[ref], id, len);
        return IPS_OK;
    }
    ref_slot *slot = NULL;
    if (len < sizeof slot->id) {
        if (!s->cache[ref] && !(s->cache[ref] = calloc(REF_CACHE, sizeof(ref_slot))))
            return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        slot = &s->cache[ref][id_slot(id)];
        if (strcmp(slot->id, id) == 0 && len) {
            *exists = true;
            return IPS_OK;
        }
    }
    if (!s->ref[ref]) {
        const contract_entity *re = contract_entity_get(ref);
        char sql[160];
        snprintf(sql, sizeof sql, "SELECT 1 FROM %s WHERE \"%s\" = ?1", re->name, re->cols[0].name);
        ips_error e = prepare(s, sql, &s->ref[ref], d);
        if (e != IPS_OK)
            return e;
    }
    sqlite3_bind_text(s->ref[ref], 1, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s->ref[ref]);
    sqlite3_reset(s->ref[ref]);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return fail(s, d, "looking up a reference");
    *exists = rc == SQLITE_ROW;
    if (*exists && slot)
        memcpy(slot->id, id, len + 1);
    return IPS_OK;
}

ips_error store_reject(store *s, long line, const char *column, const char *reason, ips_diag *d)
{
    sqlite3_bind_int64(s->reject, 1, s->batch_id);
    sqlite3_bind_int64(s->reject, 2, line);
    sqlite3_bind_text(s->reject, 3, column, -1, SQLITE_STATIC);
    sqlite3_bind_text(s->reject, 4, reason, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s->reject);
    sqlite3_reset(s->reject);
    return rc == SQLITE_DONE ? IPS_OK : fail(s, d, "recording a rejected row");
}

/* The same bytes read before under another reading: this batch now stands
 * for them.  The earlier batches' waiting rows go (this batch decided every
 * line again, and releasing them would store the old reading's values); their
 * counts and rejects stay as the history of what that reading did. */
static ips_error supersede(store *s, ips_diag *d)
{
    static const char *const sql[] = {
        "UPDATE batches SET superseded_by = ?1 WHERE batch_id <> ?1 AND superseded_by IS NULL "
        "AND entity = (SELECT entity FROM batches WHERE batch_id = ?1) "
        "AND content_hash = (SELECT content_hash FROM batches WHERE batch_id = ?1)",
        "DELETE FROM waiting WHERE batch_id IN (SELECT batch_id FROM batches "
        "WHERE superseded_by = ?1)",
    };
    for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
        sqlite3_stmt *st;
        ips_error e = prepare(s, sql[i], &st, d);
        if (e != IPS_OK)
            return e;
        sqlite3_bind_int64(st, 1, s->batch_id);
        int rc = sqlite3_step(st);
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE)
            return fail(s, d, "recording the batch");
        if (i == 0)
            s->superseded = sqlite3_changes64(s->db);
    }
    return IPS_OK;
}

ips_error store_commit(store *s, const char *content_hash, const char *ignored_columns,
                       const store_counts *c, ips_diag *d)
{
    sqlite3_stmt *st;
    ips_error e = rebuild_indexes(s, d);
    if (e != IPS_OK)
        return e;
    e = prepare(s, "UPDATE batches SET content_hash = coalesce(?1, content_hash), "
                   "ignored_columns = coalesce(?2, ignored_columns), rows_read = ?3, "
                   "rows_stored = ?4, rows_updated = ?5, rows_rejected = ?6, "
                   "rows_duplicate = ?7, reading = coalesce(?9, reading), "
                   "retried_at = CASE WHEN ?10 THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                   "ELSE retried_at END WHERE batch_id = ?8", &st, d);
    if (e != IPS_OK)
        return e;
    sqlite3_bind_text(st, 1, content_hash, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, ignored_columns, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, c->read);
    sqlite3_bind_int64(st, 4, c->stored);
    sqlite3_bind_int64(st, 5, c->updated);
    sqlite3_bind_int64(st, 6, c->rejected);
    sqlite3_bind_int64(st, 7, c->duplicate);
    sqlite3_bind_int64(st, 8, s->batch_id);
    sqlite3_bind_text(st, 9, s->reading, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 10, s->reopened);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return fail(s, d, "recording the batch");
    if (!s->reopened && (e = supersede(s, d)) != IPS_OK)
        return e;
    if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        return fail(s, d, "committing the batch");
    s->open = false;
    return IPS_OK;
}

long long store_batch_id(const store *s) { return s->batch_id; }
long long store_superseded(const store *s) { return s->superseded; }

void store_free(store *s)
{
    if (!s)
        return;
    sqlite3_finalize(s->find);
    sqlite3_finalize(s->insert);
    sqlite3_finalize(s->update);
    sqlite3_finalize(s->reject);
    for (int i = 0; i < ENT__COUNT; i++) {
        sqlite3_finalize(s->ref[i]);
        free(s->cache[i]);
        idset_free(s->ids[i]);
    }
    for (size_t i = 0; i < s->nrebuild; i++)
        free(s->rebuild[i]);
    free(s->rebuild);
    if (s->open)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    if (s->fk_off)
        foreign_keys(s, true);
    if (s->rollback_journal)
        back_to_wal(s);
    free(s);
}
