/* What was loaded: the ingest batches, for the report's About sheet and for
 * 'ipsreport check'. */
#ifndef IPS_BATCHES_H
#define IPS_BATCHES_H

#include <stddef.h>

#include "common/error.h"
#include "model/contract.h"
#include "model/store.h"
#include "model/warehouse.h"

typedef struct {
    long long batch_id;
    char *file_name, *content_hash, *entity, *profile, *key_fingerprint, *loaded_at;
    char *ignored_columns;
    long long read, stored, updated, rejected, duplicate;
    long long superseded_by;  /* the batch that read the same bytes again under another
                               * profile, or 0 */
    char *retried_at;         /* when its rejected rows were last tried again, or NULL */
} batch_info;

typedef struct {
    batch_info *items;
    size_t n;
    char *key_fingerprint;  /* the warehouse's pseudonym key, or NULL */
} batch_list;

ips_error batches_list(warehouse *wh, batch_list **out, ips_diag *d);
void batch_list_free(batch_list *l);

/* The current batch (not superseded) of these bytes, entity and reading (the
 * profile's digest, '' for the canonical layout), with its counts; *batch_id
 * is 0 when there is none. */
ips_error batches_find(warehouse *wh, const char *content_hash, ips_entity entity,
                       const char *reading, long long *batch_id, store_counts *counts,
                       ips_diag *d);
/* A batch's file name (malloc'd) and counts. */
ips_error batches_get(warehouse *wh, long long batch_id, char **file_name, store_counts *counts,
                      ips_diag *d);

#endif
