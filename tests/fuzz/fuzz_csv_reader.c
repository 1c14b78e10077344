/* Fuzz target: the CSV reader alone (ingest/csv_reader.c), without the
 * warehouse, so that it runs thousands of times a second on inputs up to
 * 1 MB (scripts/fuzz.sh) and reaches its chunk boundaries, the
 * line-at-a-time fast path beside libcsv and the quoted fields that span
 * both.
 *
 * scripts/fuzz.sh builds it with 1 KiB chunks (HASH_AHEAD_CHUNK), so that
 * inputs of a few KB already cross several boundaries: at 64 KiB an input
 * large enough to cross one costs as much as a hundred small ones.
 *
 * The first byte picks the reading options: bits 0-1 the delimiter (detect,
 * ',', ';', tab), bit 2 Windows-1252 conversion, and bits 5-7 all set
 * repeat the rest of the input until it is past one chunk, so that even a
 * short input crosses a chunk boundary.
 *
 * Beyond memory errors, the target aborts when the reader breaks its
 * promises: records start on lines that never go back, no later
 * than the number of line ends allows; every field is NUL-terminated at its
 * length; only the last record may lack a line end, and then the input does
 * not end in one; at the end every byte was read and the hash is the
 * SHA-256 of the whole input; an error names the file. */
#include <sodium.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/csv_reader.h"
#include "ingest/hash_ahead.h"
#include "tests/fuzz/support.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define BOUNDARY (HASH_AHEAD_CHUNK + 100)

/* memchr, not a loop of compares: this file is instrumented for coverage
 * too, and a byte loop over a 64 KiB input cost more than the reading. */
static size_t count_byte(const uint8_t *p, size_t n, int c)
{
    size_t k = 0;
    for (const uint8_t *q; n && (q = memchr(p, c, n)); k++) {
        n -= (size_t)(q - p) + 1;
        p = q + 1;
    }
    return k;
}

static size_t count_line_ends(const uint8_t *p, size_t n)
{
    size_t lf = count_byte(p, n, '\n'), cr = count_byte(p, n, '\r');
    return lf > cr ? lf : cr;
}

static void check_records(csv_reader *r, const char *path, const uint8_t *file, size_t n)
{
    const csv_record *rec;
    ips_diag d;
    ips_diag_clear(&d);
    long last_line = 0;
    bool ended_open = false;
    long max_line = (long)count_line_ends(file, n) + 1;
    ips_error e;
    while ((e = csv_reader_next(r, &rec, &d)) == IPS_OK && rec) {
        if (ended_open)
            fuzz_fail("a record after one that had no line end");
        if (rec->line < last_line || rec->line > max_line)
            fuzz_fail("record on line %ld after line %ld (at most %ld lines)", rec->line,
                      last_line, max_line);
        last_line = rec->line;
        for (size_t i = 0; i < rec->nfields; i++)
            if (rec->fields[i][rec->lens[i]] != '\0')
                fuzz_fail("field %zu on line %ld is not NUL-terminated", i, rec->line);
        ended_open = rec->unterminated;
    }
    if (e != IPS_OK) {
        if (strncmp(d.msg, path, strlen(path)) != 0)
            fuzz_fail("an error that does not name the file: %s", d.msg);
        return;
    }
    if (ended_open && n && (file[n - 1] == '\n' || file[n - 1] == '\r'))
        fuzz_fail("the last record is marked unterminated but the input ends in a line end");
    if (csv_reader_bytes(r) != (long long)n)
        fuzz_fail("%lld bytes read of %zu", csv_reader_bytes(r), n);
    unsigned char want[crypto_hash_sha256_BYTES];
    char want_hex[65], got_hex[65];
    crypto_hash_sha256(want, file, n);
    sodium_bin2hex(want_hex, sizeof want_hex, want, sizeof want);
    csv_reader_hash_hex(r, got_hex);
    if (strcmp(want_hex, got_hex) != 0)
        fuzz_fail("the content hash is not the SHA-256 of the input");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    static const char delims[] = {0, ',', ';', '\t'};
    uint8_t mode = data[0];
    const uint8_t *body = data + 1;
    size_t n = size - 1;
    uint8_t *grown = NULL;
    if ((mode & 0xE0) == 0xE0 && n > 0 && n < BOUNDARY) {
        size_t copies = BOUNDARY / n + 1;
        if (!(grown = malloc(copies * n)))
            fuzz_fail("out of memory");
        for (size_t i = 0; i < copies; i++)
            memcpy(grown + i * n, body, n);
        body = grown;
        n *= copies;
    }
    char path[600];
    fuzz_write("reader.csv", body, n, path, sizeof path);
    csv_reader_options opt = {delims[mode & 3], mode & 4 ? "windows-1252" : NULL};
    csv_reader *r = NULL;
    ips_diag d;
    ips_diag_clear(&d);
    if (csv_reader_open(path, &opt, &r, &d) != IPS_OK)
        fuzz_fail("cannot open %s: %s", path, d.msg);
    check_records(r, path, body, n);
    csv_reader_free(r);
    free(grown);
    return 0;
}
