/* The pack's registers copied from a county's warehouse, its first days,
 * and reading a pack's description (model/pack.h). */
#include "model/pack.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/pack_rows.h"

/* Copies every row of src_sql (in wh) into dst_sql's parameters (in out). */
static ips_error copy_rows(warehouse *wh, sqlite3 *out, const char *src_sql,
                           const char *dst_sql, size_t *count, ips_diag *d)
{
    sqlite3_stmt *src = NULL, *dst = NULL;
    if (sqlite3_prepare_v2(warehouse_db(wh), src_sql, -1, &src, NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, "reading the registers for the pack");
    int rc = sqlite3_prepare_v2(out, dst_sql, -1, &dst, NULL) != SQLITE_OK
                 ? PACK_COPY_WRITE
                 : pack_copy_rows(src, dst, NULL, count);
    ips_error e = IPS_OK;
    if (rc == PACK_COPY_WRITE)
        e = ips_diag_set(d, IPS_ERR_DB, "writing the pack: %s", sqlite3_errmsg(out));
    else if (rc == PACK_COPY_READ)
        e = warehouse_fail(wh, d, "reading the registers for the pack");
    sqlite3_finalize(src);
    sqlite3_finalize(dst);
    return e;
}

ips_error pack_copy_registers(warehouse *wh, sqlite3 *out, pack_info *info, ips_diag *d)
{
    ips_error e = copy_rows(
        wh, out,
        "SELECT coach_id, provider_id, team_id, region, fte, focus_share, community_share, "
        "start_date, end_date FROM coaches ORDER BY coach_id",
        "INSERT INTO pack_coaches VALUES (?,?,?,?,?,?,?,?,?)", &info->coaches, d);
    if (e == IPS_OK)
        e = copy_rows(wh, out,
                      "SELECT review_id, unit, review_date, item, status, score, score_high, "
                      "reviewer FROM fidelity_reviews ORDER BY review_id, item",
                      "INSERT INTO pack_reviews VALUES (?,?,?,?,?,?,?,?)", &info->reviews, d);
    return e;
}

static ips_error bad_pack(const char *path, const char *why, ips_diag *d)
{
    return ips_diag_set(d, IPS_ERR_PACK,
                        "%s: %s; give a file written by 'ipsreport pack'", path, why);
}

static void meta_text(sqlite3 *db, const char *key, char *out, size_t n)
{
    sqlite3_stmt *st;
    out[0] = '\0';
    if (sqlite3_prepare_v2(db, "SELECT value FROM pack_meta WHERE key = ?", -1, &st, NULL) !=
        SQLITE_OK)
        return;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW)
        snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
}

static ips_day meta_day(sqlite3 *db, const char *key)
{
    char buf[16];
    ips_day day;
    meta_text(db, key, buf, sizeof buf);
    return date_parse_iso(buf, &day) ? day : IPS_DAY_NONE;
}

static size_t count_of(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    size_t n = 0;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        n = (size_t)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

ips_error pack_read_info(sqlite3 *db, const char *path, pack_info *info, ips_diag *d)
{
    memset(info, 0, sizeof *info);
    char buf[64];
    meta_text(db, "format", buf, sizeof buf);
    if (strcmp(buf, PACK_FORMAT) != 0)
        return bad_pack(path, "this is not an aggregate pack", d);
    meta_text(db, "version", buf, sizeof buf);
    info->version = atoi(buf);
    if (info->version < 1 || info->version > PACK_VERSION)
        return ips_diag_set(d, IPS_ERR_PACK,
                            "%s: pack format version %s; this ipsreport reads versions 1 to %d: "
                            "update ipsreport",
                            path, buf, PACK_VERSION);
    meta_text(db, "county", info->county, sizeof info->county);
    meta_text(db, "made_by", info->made_by, sizeof info->made_by);
    meta_text(db, "created", info->created, sizeof info->created);
    info->as_of = meta_day(db, "as_of");
    info->first_day = meta_day(db, "first_day");
    info->ips_first_day = meta_day(db, "ips_first_day");
    info->period_first = meta_day(db, "period_first");
    info->period_last = meta_day(db, "period_last");
    if (!info->county[0] || info->as_of == IPS_DAY_NONE || info->first_day == IPS_DAY_NONE)
        return bad_pack(path, "its description (county, as-of day) is incomplete", d);
    info->rows = count_of(db, "SELECT count(*) FROM pack_rows");
    info->queries =
        count_of(db, "SELECT count(*) FROM (SELECT DISTINCT family, q_start, q_end, q_by "
                     "FROM pack_rows)");
    info->coaches = count_of(db, "SELECT count(*) FROM pack_coaches");
    info->reviews = count_of(db, "SELECT count(*) FROM pack_reviews");
    return IPS_OK;
}

ips_error pack_open(const char *path, sqlite3 **out, ips_diag *d)
{
    *out = NULL;
    FILE *probe = fopen(path, "rb");
    if (!probe)
        return ips_diag_set(d, IPS_ERR_IO, "%s: cannot open the pack; check the name", path);
    fclose(probe);
    if (sqlite3_open_v2(path, out, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        sqlite3_close(*out);
        *out = NULL;
        return bad_pack(path, "this is not an aggregate pack", d);
    }
    return IPS_OK;
}

ips_error pack_describe(const char *path, pack_info *info, ips_diag *d)
{
    sqlite3 *db;
    ips_error e = pack_open(path, &db, d);
    if (e == IPS_OK)
        e = pack_read_info(db, path, info, d);
    sqlite3_close(db);
    return e;
}
