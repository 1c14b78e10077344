/* Rows waiting for what they name: rejected only because the client, coach,
 * employer or enrollment they refer to was not stored yet.  Each keeps its
 * reject (the batch's accounting counts it rejected, with its reason) and
 * its validated values, so that a later ingest that brings the referent
 * stores it without the file (ingest/retry.c).  The values are what would
 * have been stored: contract columns only, identity codes already
 * pseudonymised. */
#ifndef IPS_WAITING_H
#define IPS_WAITING_H

#include <stddef.h>

#include "common/error.h"
#include "model/contract.h"
#include "model/store.h"
#include "model/warehouse.h"

typedef struct waiting_writer waiting_writer;

ips_error waiting_writer_new(warehouse *wh, waiting_writer **out, ips_diag *d);
/* Accepts NULL. */
void waiting_writer_free(waiting_writer *w);

/* Records that the row at line of batch (its reject recorded by
 * store_reject) waits for the row ref_id of entity ref, named in column. */
ips_error waiting_add(waiting_writer *w, long long batch_id, ips_entity entity, long line,
                      const char *column, ips_entity ref, const char *ref_id,
                      const ips_value *vals, ips_diag *d);

/* Forgets the reject and the waiting row of one line: it is tried again. */
ips_error waiting_forget(waiting_writer *w, long long batch_id, long line, ips_diag *d);

/* The lines of every reject of a batch, ascending (*lines malloc'd). */
ips_error waiting_rejected_lines(warehouse *wh, long long batch_id, long long **lines, size_t *n,
                                 ips_diag *d);

/* A waiting row read back: vals point into blob. */
typedef struct {
    long line;
    char *ref_entity, *ref_id;
    ips_value *vals;        /* one per contract column */
    unsigned char *blob;
} waiting_row;

/* The batches with rows of entity waiting, ascending (*ids malloc'd). */
ips_error waiting_batches(warehouse *wh, ips_entity entity, long long **ids, size_t *n,
                          ips_diag *d);
/* Up to max waiting rows of a batch after line `after`, in line order; free
 * *rows with waiting_rows_free(*rows, *n) also on error. */
ips_error waiting_rows(warehouse *wh, long long batch_id, ips_entity entity, long after,
                       size_t max, waiting_row **rows, size_t *n, ips_diag *d);
void waiting_rows_free(waiting_row *rows, size_t n);

/* What still waits, per batch, entity and what it waits for (for check). */
typedef struct {
    long long batch_id;
    char *file_name, *entity, *ref_entity, *column;
    long long count;
    char lines[80];         /* the first few lines, "2, 3, 4" */
    char *example;          /* one reason text of the group */
} waiting_group;

ips_error waiting_summary(warehouse *wh, waiting_group **out, size_t *n, ips_diag *d);
void waiting_summary_free(waiting_group *g, size_t n);

#endif
