#include "ingest/retry.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/sha256_file.h"
#include "common/utf8_cut.h"
#include "model/batches.h"
#include "model/waiting.h"

/* Waiting rows are read back this many at a time: memory stays small
 * whatever their number. */
#define RELEASE_CHUNK 1000

ips_error retry_reading(const profile *p, char out[65], ips_diag *d)
{
    out[0] = '\0';
    if (!p)
        return IPS_OK;
    crypto_hash_sha256_state sha;
    crypto_hash_sha256_init(&sha);
    /* A profile made in memory has no file: its name stands for it. */
    if (!p->path) {
        const char *name = p->name ? p->name : "";
        crypto_hash_sha256_update(&sha, (const unsigned char *)name, strlen(name));
    } else {
        int err = sha256_file_add(&sha, p->path);
        if (err > 0)
            return ips_diag_set(d, IPS_ERR_IO, "%s: cannot read the profile again: %s",
                                p->path, strerror(err));
        if (err)
            return ips_diag_set(d, IPS_ERR_IO, "%s: cannot read the profile again", p->path);
    }
    sha256_file_hex(&sha, out);
    return IPS_OK;
}

ips_error retry_missing_ref(store *st, const contract_entity *ent, const ips_value *vals,
                            int *col, char *reason, size_t n, ips_diag *d)
{
    *col = -1;
    for (int c = 0; c < ent->ncols; c++) {
        const contract_column *cc = &ent->cols[c];
        if (cc->ref < 0 || vals[c].kind != VAL_TEXT)
            continue;
        bool exists;
        ips_error e = store_ref_exists(st, cc->ref, vals[c].text, &exists, d);
        if (e != IPS_OK)
            return e;
        if (!exists) {
            static const char *const singular[ENT__COUNT] = {
                [ENT_COACHES] = "coach", [ENT_CLIENTS] = "client",
                [ENT_EMPLOYERS] = "employer", [ENT_ENROLLMENTS] = "enrollment"};
            const char *what = contract_entity_get(cc->ref)->name;
            *col = c;
            snprintf(reason, n, "unknown %s '%.*s': load the %s file first or in the same "
                     "command; the row waits and is stored when it comes",
                     singular[cc->ref] ? singular[cc->ref] : what,
                     (int)utf8_cut(vals[c].text, 60), vals[c].text, what);
            return IPS_OK;
        }
    }
    return IPS_OK;
}

/* The columns that identify a row ("client_id, date and instrument"), so
 * that a repeated key names all of them, not only the first. */
static void key_names(const contract_entity *ent, char *buf, size_t n)
{
    size_t len = 0;
    buf[0] = '\0';
    for (int k = 0; k < ent->nkey && len < n; k++) {
        const char *sep = k == 0 ? "" : k == ent->nkey - 1 ? " and " : ", ";
        int w = snprintf(buf + len, n - len, "%s%s", sep, ent->cols[k].name);
        len += w > 0 ? (size_t)w : 0;
    }
}

bool retry_count(store_outcome o, long first, const contract_entity *ent, store_counts *c,
                 char *reason, size_t n)
{
    char key[160];
    key_names(ent, key, sizeof key);
    switch (o) {
    case STORE_NEW: c->stored++; return true;
    case STORE_UPDATED: c->stored++, c->updated++; return true;
    case STORE_SAME: c->duplicate++; return true;
    case STORE_REPEATED:
        snprintf(reason, n, "the same %s appears with other values on line %ld; keep one of "
                 "the two", key, first);
        break;
    case STORE_NEWER:
        snprintf(reason, n, "a later file (batch %ld) stored this %s with other values; the "
                 "later one is kept", first, key);
        break;
    }
    c->rejected++;
    return false;
}

typedef struct {
    warehouse *wh;
    store *st;
    waiting_writer *ww;
    const contract_entity *ent;
    ips_entity entity;
    long long batch_id;
    store_counts totals;        /* the batch's */
    retry_release *rel;
} release_job;

/* One waiting row: stored when every reference holds, else left waiting
 * (recorded again when what it waits for changed). */
static ips_error release_row(release_job *j, const waiting_row *w, ips_diag *d)
{
    int col;
    char reason[256];
    ips_error e = retry_missing_ref(j->st, j->ent, w->vals, &col, reason, sizeof reason, d);
    if (e != IPS_OK)
        return e;
    if (col >= 0 && strcmp(contract_entity_get(j->ent->cols[col].ref)->name, w->ref_entity) == 0 &&
        strcmp(w->vals[col].text, w->ref_id) == 0) {
        j->rel->still_waiting++;
        return IPS_OK;
    }
    if ((e = waiting_forget(j->ww, j->batch_id, w->line, d)) != IPS_OK)
        return e;
    j->rel->counts.read++;
    if (col >= 0) {
        /* Waits now for something else: the same reject, today's reason
         * (counted as still waiting, not as a new reject). */
        j->rel->still_waiting++;
        e = store_reject(j->st, w->line, j->ent->cols[col].name, reason, d);
        return e != IPS_OK ? e
                           : waiting_add(j->ww, j->batch_id, j->entity, w->line,
                                         j->ent->cols[col].name, j->ent->cols[col].ref,
                                         w->vals[col].text, w->vals, d);
    }
    store_outcome o;
    long first = 0;
    if ((e = store_row(j->st, w->vals, w->line, &o, &first, d)) != IPS_OK)
        return e;
    j->totals.rejected--;
    store_counts before = j->rel->counts;
    bool stored = retry_count(o, first, j->ent, &j->rel->counts, reason, sizeof reason);
    j->totals.stored += j->rel->counts.stored - before.stored;
    j->totals.updated += j->rel->counts.updated - before.updated;
    j->totals.duplicate += j->rel->counts.duplicate - before.duplicate;
    if (stored)
        return IPS_OK;
    j->totals.rejected++;
    return store_reject(j->st, w->line, j->ent->cols[0].name, reason, d);
}

static ips_error release_batch(warehouse *wh, ips_entity entity, long long batch_id,
                               retry_release *rel, ips_diag *d)
{
    release_job j = {.wh = wh, .ent = contract_entity_get(entity), .entity = entity,
                     .batch_id = batch_id, .rel = rel};
    *rel = (retry_release){.batch_id = batch_id, .entity = entity};
    ips_error e = store_reopen(wh, entity, batch_id, &j.st, d);
    if (e == IPS_OK)
        e = waiting_writer_new(wh, &j.ww, d);
    if (e == IPS_OK)
        e = batches_get(wh, batch_id, &rel->file_name, &j.totals, d);
    long after = 0;
    for (bool more = true; e == IPS_OK && more;) {
        waiting_row *rows = NULL;
        size_t n = 0;
        e = waiting_rows(wh, batch_id, entity, after, RELEASE_CHUNK, &rows, &n, d);
        for (size_t i = 0; e == IPS_OK && i < n; i++) {
            after = rows[i].line;
            e = release_row(&j, &rows[i], d);
        }
        waiting_rows_free(rows, n);
        more = n == RELEASE_CHUNK;
    }
    waiting_writer_free(j.ww);
    /* Nothing changed: the transaction is rolled back by store_free. */
    if (e == IPS_OK && rel->counts.read)
        e = store_commit(j.st, NULL, NULL, &j.totals, d);
    store_free(j.st);
    return e;
}

ips_error retry_release_waiting(warehouse *wh, retry_release **out, size_t *n, ips_diag *d)
{
    size_t cap = 0;
    *out = NULL;
    *n = 0;
    ips_error e = IPS_OK;
    for (int ent = 0; e == IPS_OK && ent < ENT__COUNT; ent++) {
        long long *ids = NULL;
        size_t nids = 0;
        e = waiting_batches(wh, ent, &ids, &nids, d);
        for (size_t i = 0; e == IPS_OK && i < nids; i++) {
            if (*n == cap) {
                cap = cap ? cap * 2 : 8;
                retry_release *g = realloc(*out, cap * sizeof *g);
                if (!g) {
                    e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
                    break;
                }
                *out = g;
            }
            retry_release *rel = &(*out)[*n];
            e = release_batch(wh, ent, ids[i], rel, d);
            if (e == IPS_OK && rel->counts.read)
                (*n)++;
            else
                free(rel->file_name);
        }
        free(ids);
    }
    return e;
}

void retry_release_free(retry_release *r, size_t n)
{
    for (size_t i = 0; r && i < n; i++)
        free(r[i].file_name);
    free(r);
}
