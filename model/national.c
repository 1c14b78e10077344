/* Merging county packs into a national warehouse (model/pack.h): each
 * county's rows, coach register and reviews are kept as the pack had them,
 * so that a newer pack of a county replaces exactly its older one; the
 * national rows are merged from them when the warehouse is read
 * (model/national_rows.c). */
#include "model/pack.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/sha256_file.h"
#include "model/disclosure_store.h"
#include "model/pack_rows.h"

static const char *const national_schema =
    "CREATE TABLE IF NOT EXISTS national_packs(county TEXT PRIMARY KEY, version INTEGER,"
    " made_by TEXT, created TEXT, as_of TEXT, first_day TEXT, ips_first_day TEXT,"
    " period_first TEXT, period_last TEXT, file TEXT, merged_at TEXT, sha256 TEXT);"
    "CREATE TABLE IF NOT EXISTS national_rows(county TEXT NOT NULL, family TEXT NOT NULL,"
    " q_start TEXT NOT NULL, q_end TEXT NOT NULL, q_by TEXT NOT NULL, seq INTEGER NOT NULL, "
    PACK_ROW_DECL ");"
    "CREATE INDEX IF NOT EXISTS national_rows_q ON national_rows(family, q_end, q_by, q_start);"
    "CREATE TABLE IF NOT EXISTS national_coaches(county TEXT NOT NULL, coach_id TEXT NOT NULL,"
    " provider_id TEXT, team_id TEXT, region TEXT, fte REAL, focus_share REAL,"
    " community_share REAL, start_date TEXT, end_date TEXT);"
    "CREATE TABLE IF NOT EXISTS national_reviews(county TEXT NOT NULL, review_id TEXT NOT NULL,"
    " unit TEXT, review_date TEXT, item INTEGER NOT NULL, status TEXT, score INTEGER,"
    " score_high INTEGER, reviewer TEXT);"
    "CREATE TABLE IF NOT EXISTS national_quality(county TEXT NOT NULL, kind TEXT NOT NULL,"
    " id TEXT NOT NULL, count INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS national_groups(group_by TEXT NOT NULL, grp TEXT NOT NULL);"
    "INSERT OR REPLACE INTO meta(key, value) VALUES ('warehouse_kind', 'national');";

ips_error national_is(warehouse *wh, bool *out, ips_diag *d)
{
    char *kind = NULL;
    ips_error e = warehouse_meta_get(wh, "warehouse_kind", &kind, d);
    *out = e == IPS_OK && kind && strcmp(kind, "national") == 0;
    free(kind);
    return e;
}

static ips_error exec(warehouse *wh, const char *sql, ips_diag *d)
{
    return sqlite3_exec(warehouse_db(wh), sql, NULL, NULL, NULL) == SQLITE_OK
               ? IPS_OK
               : warehouse_fail(wh, d, "merging packs");
}

/* A county's warehouse holds client rows: packs merge into a national one. */
static ips_error refuse_county(warehouse *wh, ips_diag *d)
{
    sqlite3_stmt *st;
    bool any = false;
    if (sqlite3_prepare_v2(warehouse_db(wh), "SELECT 1 FROM batches LIMIT 1", -1, &st, NULL) ==
        SQLITE_OK) {
        any = sqlite3_step(st) == SQLITE_ROW;
        sqlite3_finalize(st);
    }
    return any ? ips_diag_set(d, IPS_ERR_PACK,
                              "%s holds a county's client data; merge packs into a national "
                              "warehouse of its own (a new --db file)",
                              warehouse_path(wh))
               : IPS_OK;
}

/* The pack file's SHA-256 in hex, so the batch list names the very file. */
static ips_error file_sha256(const char *path, char hex[65], ips_diag *d)
{
    crypto_hash_sha256_state sha;
    crypto_hash_sha256_init(&sha);
    int err = sha256_file_add(&sha, path);
    if (err > 0)
        return ips_diag_set(d, IPS_ERR_IO, "%s: cannot read the pack: %s", path, strerror(err));
    if (err)
        return ips_diag_set(d, IPS_ERR_IO, "%s: cannot read the pack", path);
    sha256_file_hex(&sha, hex);
    return IPS_OK;
}

/* The as-of day, time written and SHA-256 of the pack the nation holds for
 * county (none: ""). */
static ips_error held(warehouse *wh, const char *county, char *created, ips_day *as_of,
                      char sha[65], ips_diag *d)
{
    sqlite3_stmt *st;
    created[0] = sha[0] = '\0';
    *as_of = IPS_DAY_NONE;
    if (sqlite3_prepare_v2(warehouse_db(wh),
                           "SELECT created, as_of, sha256 FROM national_packs WHERE county = ?",
                           -1, &st, NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, "merging packs");
    sqlite3_bind_text(st, 1, county, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        snprintf(created, 32, "%s", (const char *)sqlite3_column_text(st, 0));
        *as_of = pack_column_day(st, 1);
        const char *h = (const char *)sqlite3_column_text(st, 2);
        snprintf(sha, 65, "%s", h ? h : "");
    }
    sqlite3_finalize(st);
    return IPS_OK;
}

/* Copies the pack's table src into national table dst with its county. */
static ips_error copy_table(warehouse *wh, sqlite3 *pk, const char *county, const char *src,
                            const char *dst, int ncols, ips_diag *d)
{
    char sel[128], ins[512];
    snprintf(sel, sizeof sel, "SELECT * FROM %s", src);
    int n = snprintf(ins, sizeof ins, "INSERT INTO %s VALUES (?", dst);
    for (int i = 0; i < ncols; i++)
        n += snprintf(ins + n, sizeof ins - (size_t)n, ",?");
    snprintf(ins + n, sizeof ins - (size_t)n, ")");
    sqlite3_stmt *s = NULL, *t = NULL;
    ips_error e = IPS_OK;
    if (sqlite3_prepare_v2(pk, sel, -1, &s, NULL) != SQLITE_OK ||
        sqlite3_column_count(s) != ncols)
        e = ips_diag_set(d, IPS_ERR_PACK, "the pack of %s has no usable table %s", county, src);
    else if (sqlite3_prepare_v2(warehouse_db(wh), ins, -1, &t, NULL) != SQLITE_OK)
        e = warehouse_fail(wh, d, "merging packs");
    int rc = e == IPS_OK ? pack_copy_rows(s, t, county, NULL) : PACK_COPY_OK;
    if (rc == PACK_COPY_WRITE)
        e = warehouse_fail(wh, d, "merging packs");
    else if (rc == PACK_COPY_READ)
        e = ips_diag_set(d, IPS_ERR_PACK, "the pack of %s cannot be read: %s", county,
                         sqlite3_errmsg(pk));
    sqlite3_finalize(s);
    sqlite3_finalize(t);
    return e;
}

static ips_error drop_county(warehouse *wh, const char *county, ips_diag *d)
{
    static const char *const tables[] = {"national_packs", "national_rows", "national_coaches",
                                         "national_reviews", "national_quality"};
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        char sql[96];
        snprintf(sql, sizeof sql, "DELETE FROM %s WHERE county = ?", tables[i]);
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(warehouse_db(wh), sql, -1, &st, NULL) != SQLITE_OK)
            return warehouse_fail(wh, d, "merging packs");
        sqlite3_bind_text(st, 1, county, -1, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE)
            return warehouse_fail(wh, d, "merging packs");
    }
    return IPS_OK;
}

static ips_error record(warehouse *wh, const pack_info *i, const char *path, const char *hex,
                        ips_diag *d)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(warehouse_db(wh),
                           "INSERT INTO national_packs VALUES (?,?,?,?,?,?,?,?,?,?,"
                           "strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?11)",
                           -1, &st, NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, "merging packs");
    sqlite3_bind_text(st, 11, hex, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 1, i->county, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, i->version);
    sqlite3_bind_text(st, 3, i->made_by, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, i->created, -1, SQLITE_STATIC);
    pack_bind_day(st, 5, i->as_of);
    pack_bind_day(st, 6, i->first_day);
    pack_bind_day(st, 7, i->ips_first_day);
    pack_bind_day(st, 8, i->period_first);
    pack_bind_day(st, 9, i->period_last);
    sqlite3_bind_text(st, 10, path, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? IPS_OK : warehouse_fail(wh, d, "merging packs");
}

static ips_error merge_one(warehouse *wh, const char *path, national_report *r, ips_diag *d)
{
    sqlite3 *pk;
    pack_info info;
    ips_error e = pack_open(path, &pk, d);
    if (e == IPS_OK)
        e = pack_read_info(pk, path, &info, d);
    char created[32], sha[65], mine[65];
    ips_day as_of;
    if (e == IPS_OK)
        e = held(wh, info.county, created, &as_of, sha, d);
    if (e == IPS_OK)
        e = file_sha256(path, mine, d);
    /* older, or this very file again */
    bool older = e == IPS_OK && created[0] &&
                 (info.as_of < as_of || (info.as_of == as_of && strcmp(info.created, created) < 0) ||
                  strcmp(sha, mine) == 0);
    if (e == IPS_OK && older) {
        r->kept++; /* the nation holds a newer pack of this county */
    } else if (e == IPS_OK) {
        (created[0] ? &r->replaced : &r->added)[0]++;
        e = drop_county(wh, info.county, d);
        if (e == IPS_OK)
            e = copy_table(wh, pk, info.county, "pack_rows", "national_rows",
                           5 + PACK_ROW_NCOLS, d);
        if (e == IPS_OK)
            e = copy_table(wh, pk, info.county, "pack_coaches", "national_coaches", 9, d);
        if (e == IPS_OK)
            e = copy_table(wh, pk, info.county, "pack_reviews", "national_reviews", 8, d);
        if (e == IPS_OK)
            e = copy_table(wh, pk, info.county, "pack_quality", "national_quality", 3, d);
        if (e == IPS_OK)
            e = record(wh, &info, path, mine, d);
    }
    sqlite3_close(pk);
    return e;
}

/* Every county the nation holds must be as of one day: the national figures
 * are sums over counties of the same time. */
static ips_error one_as_of(warehouse *wh, national_report *r, ips_diag *d)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(warehouse_db(wh),
                           "SELECT as_of, count(*), group_concat(county, ', '), "
                           "(SELECT count(*) FROM national_packs) FROM national_packs "
                           "GROUP BY as_of ORDER BY as_of DESC",
                           -1, &st, NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, "merging packs");
    ips_error e = IPS_OK;
    if (sqlite3_step(st) == SQLITE_ROW) {
        r->as_of = pack_column_day(st, 0);
        r->counties = (size_t)sqlite3_column_int64(st, 3);
        char newest[11];
        date_format_iso(r->as_of, newest);
        if (sqlite3_step(st) == SQLITE_ROW)
            e = ips_diag_set(d, IPS_ERR_PACK,
                             "the counties' packs are not as of one day: %s is as of %s, %s as "
                             "of %s; ask those counties for packs as of %s (ipsreport pack "
                             "--as-of %s)",
                             (const char *)sqlite3_column_text(st, 2),
                             (const char *)sqlite3_column_text(st, 0), "the newest", newest,
                             newest, newest);
    }
    sqlite3_finalize(st);
    return e;
}

ips_error national_merge(warehouse *wh, const char *const *paths, size_t n, national_report *r,
                         ips_diag *d)
{
    memset(r, 0, sizeof *r);
    if (n == 0)
        return ips_diag_set(d, IPS_ERR_USAGE, "give at least one pack to merge");
    ips_error e = refuse_county(wh, d);
    if (e == IPS_OK)
        e = exec(wh, "BEGIN IMMEDIATE", d);
    if (e != IPS_OK)
        return e;
    e = exec(wh, national_schema, d);
    for (size_t i = 0; e == IPS_OK && i < n; i++)
        e = merge_one(wh, paths[i], r, d);
    if (e == IPS_OK)
        e = one_as_of(wh, r, d);
    /* every group any county's rows name, once here rather than scanned
     * from all rows by every reading command (national_group_names) */
    if (e == IPS_OK)
        e = exec(wh, "DELETE FROM national_groups; INSERT INTO national_groups "
                     "SELECT DISTINCT group_by, grp FROM national_rows WHERE grp <> ''", d);
    /* The default suppression patterns, kept as an ingest keeps a county's
     * (model/disclosure_store.h): built over the national universe, the
     * county breakdown included, in the merge's own transaction, so no
     * reading command applies one of other packs. */
    if (e == IPS_OK)
        e = disclosure_store_write(wh, r->as_of, d);
    if (e != IPS_OK) {
        sqlite3_exec(warehouse_db(wh), "ROLLBACK", NULL, NULL, NULL);
        return e;
    }
    return exec(wh, "COMMIT", d);
}
