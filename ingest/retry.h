/* Trying rejected rows again.  A batch is one reading of one file's bytes
 * (model/batches.h): loading the same bytes under the same profile again
 * tries the batch's rejected rows again (ingest.c), and after every ingest
 * the rows waiting for a client, coach, employer or enrollment that has since
 * been stored are stored from their kept values (model/waiting.h), entity by
 * entity in dependency order, so that what one release brings releases the
 * next.  A row tried again never overwrites what a later file stored. */
#ifndef IPS_RETRY_H
#define IPS_RETRY_H

#include <stdbool.h>
#include <stddef.h>

#include "common/error.h"
#include "ingest/profile.h"
#include "model/contract.h"
#include "model/store.h"
#include "model/warehouse.h"

/* The reading a file is loaded under: the SHA-256 (hex) of the profile
 * file's bytes, or "" for the canonical layout (no profile). */
ips_error retry_reading(const profile *p, char out[65], ips_diag *d);

/* The first id in vals that names no stored row: *col is its column, or -1
 * when every reference holds; reason says what to load. */
ips_error retry_missing_ref(store *st, const contract_entity *ent, const ips_value *vals,
                            int *col, char *reason, size_t n, ips_diag *d);

/* Counts a store outcome; false, with the reason, when it rejects the row. */
bool retry_count(store_outcome o, long first, const contract_entity *ent, store_counts *c,
                 char *reason, size_t n);

/* What releasing waiting rows did to one batch. */
typedef struct {
    long long batch_id;
    char *file_name;
    ips_entity entity;
    store_counts counts;        /* read: rows tried; of them stored, updated, duplicate, or
                                 * rejected for good (those that now wait for something
                                 * else are in still_waiting) */
    long long still_waiting;    /* rows of the batch that still wait */
} retry_release;

/* Stores every waiting row whose references now all hold; one transaction
 * per batch.  *out lists the batches where something changed. */
ips_error retry_release_waiting(warehouse *wh, retry_release **out, size_t *n, ips_diag *d);
void retry_release_free(retry_release *r, size_t n);

#endif
