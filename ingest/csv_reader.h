/* Streaming CSV reader over libcsv: RFC 4180 quoting, BOM, CRLF or LF, ',' or
 * ';' detected from the header line, optional conversion from a single-byte
 * encoding, and the physical line on which each record starts.  Holds one
 * 64 KiB chunk and the records parsed from it, never the whole file.  Also
 * computes the SHA-256 of the bytes it reads, for the batch record. */
#ifndef IPS_CSV_READER_H
#define IPS_CSV_READER_H

#include <stdbool.h>
#include <stddef.h>

#include "common/error.h"

typedef struct {
    char delimiter;        /* 0: detect from the header line */
    const char *encoding;  /* NULL or "utf-8": as is; "windows-1252", "iso-8859-15" */
} csv_reader_options;

typedef struct {
    long line;             /* physical line where the record starts (1-based) */
    size_t nfields;
    char **fields;         /* NUL-terminated; a field may contain NUL bytes (see lens) */
    size_t *lens;
    /* The record ends where the file ends, without a line end: a file cut
     * short while written or copied ends so (ingest rejects such a row). */
    bool unterminated;
} csv_record;

typedef struct csv_reader csv_reader;

ips_error csv_reader_open(const char *path, const csv_reader_options *opt, csv_reader **out,
                          ips_diag *d);
/* Next record, or *rec = NULL at the end.  The record stays valid until the
 * next call.  Errors name the file and line. */
ips_error csv_reader_next(csv_reader *r, const csv_record **rec, ips_diag *d);
char csv_reader_delimiter(const csv_reader *r);
/* Lowercase hex SHA-256 of every byte read so far (all of them after EOF). */
void csv_reader_hash_hex(csv_reader *r, char out[65]);
/* Bytes read so far, for progress. */
long long csv_reader_bytes(const csv_reader *r);
void csv_reader_free(csv_reader *r);

#endif
