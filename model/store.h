/* Storing ingested rows: one batch (one file) per transaction, one prepared
 * look-up, INSERT and UPDATE per entity reused for every row, rejects beside
 * the rows.  Only this module writes entity tables. */
#ifndef IPS_STORE_H
#define IPS_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "common/error.h"
#include "model/contract.h"
#include "model/warehouse.h"

/* A validated value of one contract column. */
typedef struct {
    enum { VAL_NULL, VAL_TEXT, VAL_INT, VAL_REAL } kind;
    const char *text;  /* VAL_TEXT: UTF-8, NUL-terminated */
    int64_t i;
    double r;
} ips_value;

typedef enum {
    STORE_NEW,        /* a row with a new id */
    STORE_UPDATED,    /* the id was stored from an earlier file with other values */
    STORE_SAME,       /* the id was stored with the same values: a duplicate */
    STORE_REPEATED,   /* the id appeared earlier in this same file */
    STORE_NEWER,      /* a row tried again (store_reopen) whose id a later batch stored
                       * with other values: not written; *first_line is that batch */
} store_outcome;

typedef struct {
    long long read, stored, updated, rejected, duplicate;
} store_counts;

typedef struct store store;

/* Starts a batch for one file of one entity: BEGIN IMMEDIATE (a second
 * writer waits, then fails cleanly) and the batch row.  rows is about how
 * many rows will come.  When that is at least as many as the table holds (a
 * first load, or a large one), the table's secondary indexes are dropped now
 * and built again, sorted, at store_commit(): much faster than inserting
 * into them row by row, and the same transaction keeps it all or nothing.
 * SQLite's own foreign-key checks are off during the batch: ingest checks
 * every reference with store_ref_exists() before storing the row. */
ips_error store_begin(warehouse *wh, ips_entity entity, const char *file_name,
                      const char *profile, const char *key_fingerprint, long long rows,
                      store **out, ips_diag *d);

/* Opens an earlier batch again to try its rejected rows once more (ingest/
 * retry.c): the same transaction rules as store_begin, no new batch row.  A
 * row stored so never overwrites one a later batch stored (STORE_NEWER). */
ips_error store_reopen(warehouse *wh, ips_entity entity, long long batch_id, store **out,
                       ips_diag *d);

/* The digest of the profile the batch is read with ('' for the canonical
 * layout), recorded at store_commit; s keeps the pointer. */
void store_set_reading(store *s, const char *reading);

/* Stores a row of vals (one per contract column, in contract order). */
ips_error store_row(store *s, const ips_value *vals, long line, store_outcome *outcome,
                    long *first_line, ips_diag *d);

/* True when id names a stored row of entity ref (earlier batches or this one).
 * The ids of another entity are read once per batch into memory. */
ips_error store_ref_exists(store *s, ips_entity ref, const char *id, bool *exists, ips_diag *d);

/* Records a rejected row (never the offending personal data). */
ips_error store_reject(store *s, long line, const char *column, const char *reason, ips_diag *d);

/* Records the counts, content hash and dropped columns (NULL: kept as they
 * were, for a reopened batch), and commits; the COMMIT's result is checked.
 * A new batch supersedes the current batches of the same bytes and entity
 * (read under another reading) and drops their waiting rows. */
ips_error store_commit(store *s, const char *content_hash, const char *ignored_columns,
                       const store_counts *counts, ips_diag *d);

long long store_batch_id(const store *s);
/* How many earlier batches the committed one superseded. */
long long store_superseded(const store *s);

/* Rolls back unless committed; accepts NULL. */
void store_free(store *s);

#endif
