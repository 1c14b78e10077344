/* Loading export files into the warehouse.  Files of one call are loaded in
 * the contract's dependency order; each file is one transaction: its good
 * rows land together or, when the file is refused, none do.  Every row read
 * is stored, rejected or counted as a duplicate.  A batch is one reading of
 * a file's bytes (the bytes, the entity and the profile's digest): the same
 * again changes nothing when every row was stored, else its rejected rows
 * are tried again (ingest/retry.h). */
#ifndef IPS_INGEST_H
#define IPS_INGEST_H

#include <stdbool.h>
#include <stddef.h>

#include "ingest/profile.h"
#include "ingest/pseudonym.h"
#include "ingest/retry.h"
#include "model/store.h"
#include "model/warehouse.h"

typedef struct {
    int entity;                 /* -1: recognised from the header (or the profile's file pattern) */
    const profile *prof;        /* NULL: the canonical layout */
    const pseudonym_key *key;   /* NULL: identity-code columns are refused */
    /* Called for every rejected row (the CLI prints the first few). */
    void (*on_reject)(void *ctx, const char *file, long line, const char *column,
                      const char *reason);
    /* Called now and then during a file, for progress on a terminal. */
    void (*on_progress)(void *ctx, const char *file, long long bytes, long long rows);
    void *cb_ctx;
} ingest_options;

typedef struct {
    char *path;
    int entity;                 /* -1 when not recognised */
    store_counts counts;
    bool already_loaded;        /* same bytes read before, every row stored: nothing changed */
    /* Same bytes read before under the same profile with rejected rows: those
     * were tried again in the earlier batch; counts are then what became of
     * them (read: rows tried) and totals the batch's counts now. */
    bool retried;
    store_counts totals;        /* the batch's counts after this command */
    long long batch_id;         /* the batch, or the earlier one when already_loaded/retried */
    long long superseded;       /* earlier readings of the same bytes this one replaced */
    char *ignored_columns;      /* columns not in the contract, comma separated, or NULL */
    ips_error error;            /* IPS_OK, or why the file was refused */
    char message[1024];
} ingest_file_result;

typedef struct {
    ingest_file_result *files;
    size_t n;
    /* Earlier batches whose waiting rows this command released. */
    retry_release *released;
    size_t nreleased;
} ingest_result;

/* Loads the files; a refused file is reported in its result and the others
 * still load.  Returns an error only when nothing could be attempted (key
 * mismatch, out of memory). */
ips_error ingest_files(warehouse *wh, char *const *paths, size_t n, const ingest_options *opt,
                       ingest_result **out, ips_diag *d);
void ingest_result_free(ingest_result *r);

/* Whether every input can be opened for reading (and is not a directory):
 * checked before the warehouse is opened, so that a mistyped path creates
 * no warehouse and changes none. */
ips_error ingest_inputs_readable(char *const *paths, size_t n, ips_diag *d);

#endif
