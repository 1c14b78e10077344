/* A file's records read, parsed and validated on a helper thread, in
 * batches, while the caller stores the ones before them.
 *
 * Storing a row (SQLite's insert and its key, the references, the batch's
 * accounting) takes about three times what reading it takes (the CSV
 * parse, UTF-8, the identity-code guard, validation); on one thread the
 * two added up.  The caller's judge (ingest/ingest.c) runs here on the
 * helper: it sees each record and says what it is, a row to store, a row
 * to reject and why, or nothing (a line a second pass does not try).  The
 * caller takes the verdicts in file order, so every row is stored,
 * rejected and counted exactly as on one thread.  The judge may touch only
 * what the caller leaves alone until row_reader_free(). */
#ifndef IPS_ROW_READER_H
#define IPS_ROW_READER_H

#include <stdbool.h>
#include <stdint.h>

#include "common/error.h"
#include "ingest/csv_reader.h"
#include "ingest/validate.h"

typedef enum { ROW_SKIP, ROW_STORE, ROW_REJECT } row_verdict_kind;

/* One record's verdict.  The judge may point column and reason, and the
 * values' texts, at its own buffers or the record's: they are copied. */
typedef struct {
    row_verdict_kind kind;
    long line;
    const char *column;        /* ROW_REJECT: the contract column, or NULL for the row;
                                * a static string, not copied */
    const char *reason;        /* ROW_REJECT */
    int ncols;                 /* ROW_STORE: vals[0 .. ncols − 1] */
    ips_value vals[VALIDATE_MAX_COLS];
} row_verdict;

/* Fills v for rec (v->line is rec's line); an error refuses the file. */
typedef ips_error (*row_judge)(void *ctx, const csv_record *rec, row_verdict *v, ips_diag *d);

typedef struct row_reader row_reader;

/* Starts reading r's records (after its header) through judge; r belongs
 * to the reader until row_reader_free().  NULL when out of memory. */
row_reader *row_reader_new(csv_reader *r, row_judge judge, void *ctx);

/* The next verdict in file order (never ROW_SKIP), or *v = NULL at the end;
 * valid until the next call.  The error of a record (or of reading) comes
 * after the verdicts of the records before it. */
ips_error row_reader_next(row_reader *rr, const row_verdict **v, ips_diag *d);

/* Bytes of the file read as far as the verdicts taken so far, for progress. */
long long row_reader_bytes(const row_reader *rr);

/* Stops the helper (the caller may stop early) and frees; accepts NULL. */
void row_reader_free(row_reader *rr);

#endif
