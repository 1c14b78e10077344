/* The loaded fact arrays packed as BLOBs (table fact_pack), written with the
 * stored facts at the end of an ingest and read back with one memcpy per
 * array: reading the fact tables row by row through SQLite's column calls
 * was nearly all of a reading command's start-up (0.45 s at 10×, paid by
 * each of metrics, report, charts and pdf).
 *
 * A pack belongs to the stored facts of the same transaction, so the facts'
 * stamp covers it; one whose element sizes differ from this build's structs
 * (another ipsreport) is not used, and the fact tables are read instead. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/facts.h"
#include "model/national.h"

/* One BLOB of the pack: part (0 .. FACTS_PARTS − 1, facts_read_part()'s)
 * is the fact table it comes from, bit its FACTS_LAZY bit (0: always
 * read).  A lazy array goes with its offsets, n_keys + 1 of them. */
typedef struct {
    const char *name;
    int part;
    unsigned bit;
    size_t elem;
    void **arr;
    size_t *n;
} pack_part;

#define PACK_PARTS (FACTS_PARTS + 3)

static size_t parts_of(facts *f, pack_part out[PACK_PARTS])
{
    const unsigned cd = FACTS_LAZY_COACH_DAYS, md = FACTS_LAZY_MEETING_DAYS,
                   sc = FACTS_LAZY_SCORES;
    pack_part p[] = {
        {"coaches", 0, 0, sizeof *f->coaches, (void **)&f->coaches, &f->n_coaches},
        {"clients", 1, 0, sizeof *f->clients, (void **)&f->clients, &f->n_clients},
        {"episodes", 2, 0, sizeof *f->episodes, (void **)&f->episodes, &f->n_episodes},
        {"jobs", 3, 0, sizeof *f->jobs, (void **)&f->jobs, &f->n_jobs},
        {"coach_days", 4, cd, sizeof *f->coach_days, (void **)&f->coach_days, &f->n_coach_days},
        {"coach_day_index", 4, cd, sizeof *f->coach_day_index, (void **)&f->coach_day_index,
         &f->n_coach_day_index},
        {"meeting_days", 5, md, sizeof *f->meeting_days, (void **)&f->meeting_days,
         &f->n_meeting_days},
        {"client_meetings", 5, md, sizeof *f->client_meetings, (void **)&f->client_meetings,
         &f->n_client_meetings},
        {"scores", 6, sc, sizeof *f->scores, (void **)&f->scores, &f->n_scores},
        {"client_scores", 6, sc, sizeof *f->client_scores, (void **)&f->client_scores,
         &f->n_client_scores},
    };
    _Static_assert(sizeof p / sizeof p[0] == PACK_PARTS, "one entry per BLOB");
    memcpy(out, p, sizeof p);
    return sizeof p / sizeof p[0];
}

/* A zeroblob row, then the bytes written into it: binding the BLOB would
 * have SQLite build the whole record, a second copy of the array, first. */
static ips_error put(sqlite3_stmt *st, warehouse *wh, const char *name, size_t elem, size_t n,
                     const void *data, size_t bytes, ips_diag *d)
{
    sqlite3 *db = warehouse_db(wh);
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)elem);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)n);
    sqlite3_bind_zeroblob64(st, 4, bytes);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE || bytes >= (size_t)1 << 31)
        return warehouse_fail(wh, d, "packing the derived facts");
    if (!bytes)
        return IPS_OK;
    sqlite3_blob *b = NULL;
    rc = sqlite3_blob_open(db, "main", "fact_pack", "data", sqlite3_last_insert_rowid(db), 1, &b);
    if (rc == SQLITE_OK)
        rc = sqlite3_blob_write(b, data, (int)bytes, 0);
    sqlite3_blob_close(b);
    return rc == SQLITE_OK ? IPS_OK : warehouse_fail(wh, d, "packing the derived facts");
}

/* A dimension's names, each NUL-terminated, one after another. */
static char *dim_bytes(const facts_dim *dim, size_t *bytes)
{
    size_t n = 0;
    for (int i = 0; i < dim->n; i++)
        n += strlen(dim->names[i]) + 1;
    char *buf = malloc(n ? n : 1), *p = buf;
    for (int i = 0; buf && i < dim->n; i++) {
        size_t k = strlen(dim->names[i]) + 1;
        memcpy(p, dim->names[i], k);
        p += k;
    }
    *bytes = n;
    return buf;
}

ips_error facts_pack_write(warehouse *wh, facts *f, ips_diag *d)
{
    sqlite3 *db = warehouse_db(wh);
    if (sqlite3_exec(db, "DROP TABLE IF EXISTS main.fact_pack;"
                         "CREATE TABLE main.fact_pack(name TEXT PRIMARY KEY, elem INTEGER NOT NULL,"
                         " n INTEGER NOT NULL, data BLOB NOT NULL)", NULL, NULL, NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, "packing the derived facts");
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "INSERT INTO main.fact_pack VALUES(?1, ?2, ?3, ?4)", -1, &st,
                           NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, "packing the derived facts");
    pack_part parts[PACK_PARTS];
    size_t np = parts_of(f, parts);
    ips_error e = IPS_OK;
    /* One table in memory at a time: ingest's peak stays its own.  The
     * counts stay: the coaches' and clients' are the later offsets' keys. */
    for (int t = 0; e == IPS_OK && t < FACTS_PARTS; t++) {
        e = facts_read_part(wh, "main", f, t, d);
        for (size_t i = 0; i < np; i++) {
            if (parts[i].part != t)
                continue;
            if (e == IPS_OK)
                e = put(st, wh, parts[i].name, parts[i].elem, *parts[i].n, *parts[i].arr,
                        parts[i].elem * *parts[i].n, d);
            free(*parts[i].arr);
            *parts[i].arr = NULL;
        }
    }
    for (int k = 0; e == IPS_OK && k < FD__COUNT; k++) {
        char name[16];
        size_t bytes;
        snprintf(name, sizeof name, "dim%d", k);
        char *buf = dim_bytes(&f->dim[k], &bytes);
        e = buf ? put(st, wh, name, 1, (size_t)f->dim[k].n, buf, bytes, d)
                : ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        free(buf);
    }
    sqlite3_finalize(st);
    return e;
}

static bool read_dim(facts_dim *dim, const char *data, size_t bytes, size_t n)
{
    if (n == 0 || !(dim->names = calloc(n, sizeof *dim->names)))
        return false;
    const char *p = data, *end = data + bytes;
    for (size_t i = 0; i < n; i++) {
        const char *z = memchr(p, '\0', (size_t)(end - p));
        if (!z || !(dim->names[i] = strdup(p)))
            return false;
        dim->n = (int)i + 1;
        p = z + 1;
    }
    return true;
}

/* The index of part name among FACTS_PARTS, or -1 (a dimension). */
static int part_index(facts *f, const char *name, pack_part *part)
{
    pack_part parts[PACK_PARTS];
    size_t np = parts_of(f, parts);
    for (size_t i = 0; i < np; i++)
        if (strcmp(parts[i].name, name) == 0) {
            *part = parts[i];
            return (int)i;
        }
    return -1;
}

/* Whether a pack row (elem bytes each, n of them, bytes in all) fits part
 * name of this build. */
static bool part_fits(facts *f, const char *name, size_t elem, size_t n, size_t bytes,
                      pack_part *part)
{
    return part_index(f, name, part) >= 0 && elem == part->elem && bytes == elem * n;
}

/* One row of the pack into f, taking buf (bytes long); false when it does
 * not fit this build. */
static bool read_part(facts *f, const char *name, size_t elem, size_t n, char *buf,
                      size_t bytes)
{
    if (strncmp(name, "dim", 3) == 0) {
        int k = atoi(name + 3);
        bool ok = k >= 0 && k < FD__COUNT && !f->dim[k].names &&
                  read_dim(&f->dim[k], buf, bytes, n);
        free(buf);
        return ok;
    }
    pack_part part;
    if (!part_fits(f, name, elem, n, bytes, &part) || *part.arr) {
        free(buf);
        return false;
    }
    *part.arr = buf;
    *part.n = n;
    return true;
}

/* The BLOB of row rowid straight into a new buffer: reading it as a column
 * would hold a second copy of the largest array (31 MB at 10×). */
static char *read_blob(sqlite3 *db, sqlite3_int64 rowid, size_t bytes)
{
    char *buf = malloc(bytes ? bytes : 1);
    sqlite3_blob *b = NULL;
    if (!buf || sqlite3_blob_open(db, "main", "fact_pack", "data", rowid, 0, &b) != SQLITE_OK ||
        (bytes && sqlite3_blob_read(b, buf, (int)bytes, 0) != SQLITE_OK)) {
        sqlite3_blob_close(b);
        free(buf);
        return NULL;
    }
    sqlite3_blob_close(b);
    return buf;
}

/* Reads the rows of the pack into f: all but the parts whose bits are in
 * skip, or (only) only those.  *rows counts the rows looked at. */
static bool pack_scan(sqlite3 *db, facts *f, unsigned skip, bool only, int *rows)
{
    sqlite3_stmt *st;
    *rows = 0;
    /* No pack (facts stored by an older ipsreport): read the tables. */
    if (sqlite3_prepare_v2(db, "SELECT rowid, name, elem, n, length(data) FROM main.fact_pack",
                           -1, &st, NULL) != SQLITE_OK)
        return false;
    bool ok = true;
    while (ok && sqlite3_step(st) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(st, 1);
        size_t elem = (size_t)sqlite3_column_int64(st, 2), n = (size_t)sqlite3_column_int64(st, 3);
        size_t bytes = (size_t)sqlite3_column_int64(st, 4);
        pack_part part;
        int k = name ? part_index(f, name, &part) : -1;
        bool lazy = k >= 0 && (skip & part.bit);
        (*rows)++;
        if (lazy != only) { /* not read now: it must still fit, for *found to hold */
            ok = only || part_fits(f, name, elem, n, bytes, &part);
            continue;
        }
        char *buf = name && bytes < (size_t)1 << 31
                        ? read_blob(db, sqlite3_column_int64(st, 0), bytes)
                        : NULL;
        ok = buf && read_part(f, name, elem, n, buf, bytes);
    }
    sqlite3_finalize(st);
    return ok;
}

ips_error facts_pack_read(warehouse *wh, facts *f, unsigned skip, bool *found, ips_diag *d)
{
    (void)d;
    int rows;
    skip &= FACTS_LAZY;
    *found = pack_scan(warehouse_db(wh), f, skip, false, &rows) &&
             rows == PACK_PARTS + FD__COUNT;
    if (*found) {
        f->absent = skip;
        /* offsets that do not fit their keys and rows: as no pack */
        *found = facts_offsets_fit(f, FACTS_LAZY);
    }
    return IPS_OK;
}

ips_error facts_pack_read_lazy(warehouse *wh, facts *f, unsigned want, bool *found,
                               ips_diag *d)
{
    (void)d;
    int rows;
    *found = pack_scan(warehouse_db(wh), f, want & FACTS_LAZY, true, &rows) &&
             rows == PACK_PARTS + FD__COUNT;
    return IPS_OK;
}

ips_error facts_kept_summary(warehouse *wh, ips_day *kept_as_of, long long *n_episodes,
                             ips_diag *d)
{
    *kept_as_of = IPS_DAY_NONE;
    *n_episodes = -1;
    /* A national warehouse's facts are its packs, merged in the transaction
     * that kept what goes with them (national_facts_load: stored). */
    bool national;
    ips_error e = national_as_of(wh, &national, kept_as_of, d);
    if (e != IPS_OK || national)
        return e;
    bool fresh;
    ips_day stored;
    e = facts_stored_as_of(wh, &fresh, &stored, d);
    if (e != IPS_OK || !fresh)
        return e;
    *kept_as_of = stored;
    sqlite3_stmt *st;
    /* The pack's row count of the episodes, read without the array. */
    if (sqlite3_prepare_v2(warehouse_db(wh),
                           "SELECT n FROM main.fact_pack WHERE name = 'episodes'", -1, &st,
                           NULL) != SQLITE_OK)
        return IPS_OK; /* no pack: the count is not known */
    if (sqlite3_step(st) == SQLITE_ROW)
        *n_episodes = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return IPS_OK;
}
