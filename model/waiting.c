#include "model/waiting.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


struct waiting_writer {
    warehouse *wh;
    sqlite3_stmt *add, *forget_wait, *forget_reject;
};

static ips_error fail(warehouse *wh, ips_diag *d, const char *what)
{
    return warehouse_fail(wh, d, what);
}

static ips_error prepare(warehouse *wh, const char *sql, sqlite3_stmt **st, ips_diag *d)
{
    if (sqlite3_prepare_v3(warehouse_db(wh), sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) !=
        SQLITE_OK)
        return fail(wh, d, "preparing a statement");
    return IPS_OK;
}

ips_error waiting_writer_new(warehouse *wh, waiting_writer **out, ips_diag *d)
{
    waiting_writer *w = calloc(1, sizeof *w);
    *out = NULL;
    if (!w)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    w->wh = wh;
    ips_error e = prepare(wh, "INSERT OR REPLACE INTO waiting(batch_id, line, entity, "
                              "column_name, ref_entity, ref_id, vals) "
                              "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)", &w->add, d);
    if (e == IPS_OK)
        e = prepare(wh, "DELETE FROM waiting WHERE batch_id = ?1 AND line = ?2",
                    &w->forget_wait, d);
    if (e == IPS_OK)
        e = prepare(wh, "DELETE FROM rejects WHERE batch_id = ?1 AND line = ?2",
                    &w->forget_reject, d);
    if (e != IPS_OK) {
        waiting_writer_free(w);
        return e;
    }
    *out = w;
    return IPS_OK;
}

void waiting_writer_free(waiting_writer *w)
{
    if (!w)
        return;
    sqlite3_finalize(w->add);
    sqlite3_finalize(w->forget_wait);
    sqlite3_finalize(w->forget_reject);
    free(w);
}

/* The values as bytes: per column its kind, then 8 bytes little-endian for a
 * number, or a 4-byte length and the text with its NUL.  Portable between
 * machines, and read back without parsing text. */
static void put_u64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get_u64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v |= (uint64_t)p[i] << (8 * i);
    return v;
}

static unsigned char *encode(const ips_value *vals, int n, size_t *len)
{
    size_t need = 0;
    for (int i = 0; i < n; i++)
        need += 1 + (vals[i].kind == VAL_TEXT ? 4 + strlen(vals[i].text) + 1
                     : vals[i].kind == VAL_NULL ? 0 : 8);
    unsigned char *b = malloc(need ? need : 1), *p = b;
    if (!b)
        return NULL;
    for (int i = 0; i < n; i++) {
        *p++ = (unsigned char)vals[i].kind;
        if (vals[i].kind == VAL_INT) {
            put_u64(p, (uint64_t)vals[i].i);
            p += 8;
        } else if (vals[i].kind == VAL_REAL) {
            uint64_t bits;
            memcpy(&bits, &vals[i].r, 8);
            put_u64(p, bits);
            p += 8;
        } else if (vals[i].kind == VAL_TEXT) {
            size_t l = strlen(vals[i].text) + 1;
            for (int k = 0; k < 4; k++)
                p[k] = (unsigned char)(l >> (8 * k));
            memcpy(p + 4, vals[i].text, l);
            p += 4 + l;
        }
    }
    *len = need;
    return b;
}

/* False when the bytes are not what encode() wrote for n columns. */
static bool decode(unsigned char *b, size_t len, ips_value *vals, int n)
{
    size_t at = 0;
    for (int i = 0; i < n; i++) {
        if (at >= len)
            return false;
        vals[i] = (ips_value){.kind = b[at++]};
        if (vals[i].kind == VAL_INT || vals[i].kind == VAL_REAL) {
            if (len - at < 8)
                return false;
            uint64_t bits = get_u64(b + at);
            if (vals[i].kind == VAL_INT)
                vals[i].i = (int64_t)bits;
            else
                memcpy(&vals[i].r, &bits, 8);
            at += 8;
        } else if (vals[i].kind == VAL_TEXT) {
            if (len - at < 4)
                return false;
            size_t l = 0;
            for (int k = 0; k < 4; k++)
                l |= (size_t)b[at + k] << (8 * k);
            at += 4;
            if (l == 0 || len - at < l || b[at + l - 1] != '\0')
                return false;
            vals[i].text = (const char *)b + at;
            at += l;
        } else if (vals[i].kind != VAL_NULL) {
            return false;
        }
    }
    return at == len;
}

ips_error waiting_add(waiting_writer *w, long long batch_id, ips_entity entity, long line,
                      const char *column, ips_entity ref, const char *ref_id,
                      const ips_value *vals, ips_diag *d)
{
    size_t len;
    unsigned char *blob = encode(vals, contract_entity_get(entity)->ncols, &len);
    if (!blob)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    sqlite3_stmt *st = w->add;
    sqlite3_bind_int64(st, 1, batch_id);
    sqlite3_bind_int64(st, 2, line);
    sqlite3_bind_text(st, 3, contract_entity_get(entity)->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, column, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, contract_entity_get(ref)->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, ref_id, -1, SQLITE_STATIC);
    sqlite3_bind_blob(st, 7, blob, (int)len, free);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? IPS_OK : fail(w->wh, d, "recording a waiting row");
}

ips_error waiting_forget(waiting_writer *w, long long batch_id, long line, ips_diag *d)
{
    sqlite3_stmt *sts[] = {w->forget_wait, w->forget_reject};
    for (size_t i = 0; i < 2; i++) {
        sqlite3_bind_int64(sts[i], 1, batch_id);
        sqlite3_bind_int64(sts[i], 2, line);
        int rc = sqlite3_step(sts[i]);
        sqlite3_reset(sts[i]);
        if (rc != SQLITE_DONE)
            return fail(w->wh, d, "trying a rejected row again");
    }
    return IPS_OK;
}

/* Runs sql with batch_id bound to ?1, collecting column 0 as integers. */
static ips_error collect(warehouse *wh, const char *sql, long long batch_id, long long **out,
                         size_t *n, ips_diag *d)
{
    sqlite3_stmt *st;
    size_t cap = 0;
    *out = NULL;
    *n = 0;
    if (sqlite3_prepare_v2(warehouse_db(wh), sql, -1, &st, NULL) != SQLITE_OK)
        return fail(wh, d, "reading rejected rows");
    sqlite3_bind_int64(st, 1, batch_id);
    int rc = SQLITE_DONE;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 64;
            long long *g = realloc(*out, cap * sizeof *g);
            if (!g) {
                sqlite3_finalize(st);
                return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
            }
            *out = g;
        }
        (*out)[(*n)++] = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? IPS_OK : fail(wh, d, "reading rejected rows");
}

ips_error waiting_rejected_lines(warehouse *wh, long long batch_id, long long **lines, size_t *n,
                                 ips_diag *d)
{
    ips_error e = collect(wh, "SELECT DISTINCT line FROM rejects WHERE batch_id = ?1 "
                              "ORDER BY line", batch_id, lines, n, d);
    if (e != IPS_OK) {
        free(*lines);
        *lines = NULL;
    }
    return e;
}

ips_error waiting_batches(warehouse *wh, ips_entity entity, long long **ids, size_t *n,
                          ips_diag *d)
{
    sqlite3_stmt *st;
    size_t cap = 0;
    *ids = NULL;
    *n = 0;
    if (sqlite3_prepare_v2(warehouse_db(wh), "SELECT DISTINCT batch_id FROM waiting "
                           "WHERE entity = ?1 ORDER BY batch_id", -1, &st, NULL) != SQLITE_OK)
        return fail(wh, d, "reading waiting rows");
    sqlite3_bind_text(st, 1, contract_entity_get(entity)->name, -1, SQLITE_STATIC);
    int rc = SQLITE_DONE;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            long long *g = realloc(*ids, cap * sizeof *g);
            if (!g) {
                sqlite3_finalize(st);
                return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
            }
            *ids = g;
        }
        (*ids)[(*n)++] = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? IPS_OK : fail(wh, d, "reading waiting rows");
}

static char *dup_text(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return strdup(t ? (const char *)t : "");
}

ips_error waiting_rows(warehouse *wh, long long batch_id, ips_entity entity, long after,
                       size_t max, waiting_row **rows, size_t *n, ips_diag *d)
{
    sqlite3_stmt *st;
    int ncols = contract_entity_get(entity)->ncols;
    *n = 0;
    if (!(*rows = calloc(max ? max : 1, sizeof **rows)))
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    if (sqlite3_prepare_v2(warehouse_db(wh), "SELECT line, ref_entity, ref_id, vals "
                           "FROM waiting WHERE batch_id = ?1 AND line > ?2 ORDER BY line "
                           "LIMIT ?3", -1, &st, NULL) != SQLITE_OK)
        return fail(wh, d, "reading waiting rows");
    sqlite3_bind_int64(st, 1, batch_id);
    sqlite3_bind_int64(st, 2, after);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)max);
    ips_error e = IPS_OK;
    int rc = SQLITE_DONE;
    while (e == IPS_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        waiting_row *r = &(*rows)[(*n)++];
        size_t len = (size_t)sqlite3_column_bytes(st, 3);
        r->line = (long)sqlite3_column_int64(st, 0);
        r->ref_entity = dup_text(st, 1);
        r->ref_id = dup_text(st, 2);
        r->vals = calloc((size_t)ncols, sizeof *r->vals);
        r->blob = malloc(len ? len : 1);
        if (!r->ref_entity || !r->ref_id || !r->vals || !r->blob)
            e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        else if (memcpy(r->blob, sqlite3_column_blob(st, 3), len),
                 !decode(r->blob, len, r->vals, ncols))
            e = ips_diag_set(d, IPS_ERR_DB, "%s: a waiting row of batch %lld (line %ld) cannot "
                             "be read; load its file again", warehouse_path(wh), batch_id,
                             r->line);
    }
    sqlite3_finalize(st);
    if (e == IPS_OK && rc != SQLITE_DONE)
        e = fail(wh, d, "reading waiting rows");
    return e;
}

void waiting_rows_free(waiting_row *rows, size_t n)
{
    for (size_t i = 0; rows && i < n; i++) {
        free(rows[i].ref_entity);
        free(rows[i].ref_id);
        free(rows[i].vals);
        free(rows[i].blob);
    }
    free(rows);
}

ips_error waiting_summary(warehouse *wh, waiting_group **out, size_t *n, ips_diag *d)
{
    sqlite3_stmt *st;
    size_t cap = 0;
    *out = NULL;
    *n = 0;
    if (sqlite3_prepare_v2(warehouse_db(wh),
                           "SELECT g.batch_id, b.file_name, g.entity, g.ref_entity, "
                           "g.column_name, g.n, (SELECT group_concat(line, ', ') FROM "
                           "(SELECT line FROM waiting v WHERE v.batch_id = g.batch_id AND "
                           "v.ref_entity = g.ref_entity AND v.column_name = g.column_name "
                           "ORDER BY line LIMIT 3)), (SELECT reason FROM rejects x WHERE "
                           "x.batch_id = g.batch_id AND x.line = g.first) "
                           "FROM (SELECT batch_id, entity, ref_entity, column_name, "
                           "count(*) AS n, min(line) AS first FROM waiting "
                           "GROUP BY batch_id, entity, ref_entity, column_name) g "
                           "JOIN batches b ON b.batch_id = g.batch_id "
                           "ORDER BY g.batch_id, g.n DESC", -1, &st, NULL) != SQLITE_OK)
        return fail(wh, d, "listing waiting rows");
    ips_error e = IPS_OK;
    int rc = SQLITE_DONE;
    while (e == IPS_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            waiting_group *g = realloc(*out, cap * sizeof *g);
            if (!g) {
                e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
                break;
            }
            *out = g;
        }
        waiting_group *g = &(*out)[(*n)++];
        memset(g, 0, sizeof *g);
        g->batch_id = sqlite3_column_int64(st, 0);
        g->file_name = dup_text(st, 1);
        g->entity = dup_text(st, 2);
        g->ref_entity = dup_text(st, 3);
        g->column = dup_text(st, 4);
        g->count = sqlite3_column_int64(st, 5);
        const char *lines = (const char *)sqlite3_column_text(st, 6);
        snprintf(g->lines, sizeof g->lines, "%s", lines ? lines : "");
        g->example = dup_text(st, 7);
        if (!g->file_name || !g->entity || !g->ref_entity || !g->column || !g->example)
            e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    }
    sqlite3_finalize(st);
    if (e == IPS_OK && rc != SQLITE_DONE)
        e = fail(wh, d, "listing waiting rows");
    if (e != IPS_OK) {
        waiting_summary_free(*out, *n);
        *out = NULL;
        *n = 0;
    }
    return e;
}

void waiting_summary_free(waiting_group *g, size_t n)
{
    for (size_t i = 0; g && i < n; i++) {
        free(g[i].file_name);
        free(g[i].entity);
        free(g[i].ref_entity);
        free(g[i].column);
        free(g[i].example);
    }
    free(g);
}
