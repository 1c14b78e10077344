/* What was loaded: the ingest batches, for the report's About sheet and for
 * 'ipsreport check'. */
#ifndef IPS_BATCHES_H
#define IPS_BATCHES_H

#include <stddef.h>

#include "common/error.h"
#include "model/warehouse.h"

typedef struct {
    long long batch_id;
    char *file_name, *content_hash, *entity, *profile, *key_fingerprint, *loaded_at;
    char *ignored_columns;
    long long read, stored, updated, rejected, duplicate;
} batch_info;

typedef struct {
    batch_info *items;
    size_t n;
    char *key_fingerprint;  /* the warehouse's pseudonym key, or NULL */
} batch_list;

ips_error batches_list(warehouse *wh, batch_list **out, ips_diag *d);
void batch_list_free(batch_list *l);

#endif
