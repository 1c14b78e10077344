#include "model/batches.h"
#include "model/pack.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static char *dup_col(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? strdup((const char *)t) : NULL;
}

static bool read_batch(sqlite3_stmt *st, batch_info *b)
{
    b->batch_id = sqlite3_column_int64(st, 0);
    b->file_name = dup_col(st, 1);
    b->content_hash = dup_col(st, 2);
    b->entity = dup_col(st, 3);
    b->profile = dup_col(st, 4);
    b->key_fingerprint = dup_col(st, 5);
    b->loaded_at = dup_col(st, 6);
    b->ignored_columns = dup_col(st, 7);
    b->read = sqlite3_column_int64(st, 8);
    b->stored = sqlite3_column_int64(st, 9);
    b->updated = sqlite3_column_int64(st, 10);
    b->rejected = sqlite3_column_int64(st, 11);
    b->duplicate = sqlite3_column_int64(st, 12);
    b->superseded_by = sqlite3_column_int64(st, 13);
    b->retried_at = dup_col(st, 14);
    return b->file_name && b->content_hash && b->entity && b->loaded_at;
}

/* A national warehouse's "batches" are the counties' packs it holds: the
 * pack file and its SHA-256, entity "pack", the county as its profile, its
 * rows and when it was merged. */
static const char *const national_sql =
    "SELECT rowid, file, sha256, 'pack', county, NULL, merged_at, NULL, "
    "(SELECT count(*) FROM national_rows r WHERE r.county = p.county), "
    "(SELECT count(*) FROM national_rows r WHERE r.county = p.county), 0, 0, 0, 0, NULL "
    "FROM national_packs p ORDER BY county";

ips_error batches_list(warehouse *wh, batch_list **out, ips_diag *d)
{
    sqlite3_stmt *st;
    *out = NULL;
    bool national;
    ips_error ne = national_is(wh, &national, d);
    if (ne != IPS_OK)
        return ne;
    batch_list *l = calloc(1, sizeof *l);
    if (!l)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    if (sqlite3_prepare_v2(warehouse_db(wh),
                           national ? national_sql
                                    : "SELECT batch_id, file_name, content_hash, entity, profile, "
                                      "key_fingerprint, loaded_at, ignored_columns, rows_read, "
                                      "rows_stored, rows_updated, rows_rejected, rows_duplicate, "
                                      "superseded_by, retried_at FROM batches ORDER BY batch_id",
                           -1, &st, NULL) != SQLITE_OK) {
        free(l);
        return warehouse_fail(wh, d, "listing batches");
    }
    ips_error e = IPS_OK;
    int rc;
    size_t cap = 0;
    while (e == IPS_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (l->n == cap) {
            cap = cap ? cap * 2 : 16;
            batch_info *items = realloc(l->items, cap * sizeof *items);
            if (!items) {
                e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
                break;
            }
            l->items = items;
        }
        memset(&l->items[l->n], 0, sizeof l->items[l->n]);
        if (!read_batch(st, &l->items[l->n++]))
            e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    }
    if (e == IPS_OK && rc != SQLITE_DONE)
        e = warehouse_fail(wh, d, "listing batches");
    sqlite3_finalize(st);
    if (e == IPS_OK)
        e = warehouse_meta_get(wh, "key_fingerprint", &l->key_fingerprint, d);
    if (e != IPS_OK) {
        batch_list_free(l);
        return e;
    }
    *out = l;
    return IPS_OK;
}

void batch_list_free(batch_list *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++) {
        batch_info *b = &l->items[i];
        free(b->file_name);
        free(b->content_hash);
        free(b->entity);
        free(b->profile);
        free(b->key_fingerprint);
        free(b->loaded_at);
        free(b->ignored_columns);
        free(b->retried_at);
    }
    free(l->items);
    free(l->key_fingerprint);
    free(l);
}

static void read_counts(sqlite3_stmt *st, int at, store_counts *c)
{
    c->read = sqlite3_column_int64(st, at);
    c->stored = sqlite3_column_int64(st, at + 1);
    c->updated = sqlite3_column_int64(st, at + 2);
    c->rejected = sqlite3_column_int64(st, at + 3);
    c->duplicate = sqlite3_column_int64(st, at + 4);
}

ips_error batches_find(warehouse *wh, const char *content_hash, ips_entity entity,
                       const char *reading, long long *batch_id, store_counts *counts,
                       ips_diag *d)
{
    sqlite3_stmt *st;
    *batch_id = 0;
    *counts = (store_counts){0};
    if (sqlite3_prepare_v2(warehouse_db(wh), "SELECT batch_id, rows_read, rows_stored, "
                           "rows_updated, rows_rejected, rows_duplicate FROM batches "
                           "WHERE content_hash = ?1 AND entity = ?2 AND reading = ?3 "
                           "AND superseded_by IS NULL", -1, &st, NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, "looking up earlier loads");
    sqlite3_bind_text(st, 1, content_hash, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, contract_entity_get(entity)->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, reading, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *batch_id = sqlite3_column_int64(st, 0);
        read_counts(st, 1, counts);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return warehouse_fail(wh, d, "looking up earlier loads");
    return IPS_OK;
}

ips_error batches_get(warehouse *wh, long long batch_id, char **file_name, store_counts *counts,
                      ips_diag *d)
{
    sqlite3_stmt *st;
    *file_name = NULL;
    *counts = (store_counts){0};
    if (sqlite3_prepare_v2(warehouse_db(wh), "SELECT file_name, rows_read, rows_stored, "
                           "rows_updated, rows_rejected, rows_duplicate FROM batches "
                           "WHERE batch_id = ?1", -1, &st, NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, "reading a batch");
    sqlite3_bind_int64(st, 1, batch_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        read_counts(st, 1, counts);
        if (!(*file_name = dup_col(st, 0))) {
            sqlite3_finalize(st);
            return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? IPS_OK : warehouse_fail(wh, d, "reading a batch");
}
