#include "ingest/csv_reader.h"

#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/hash_ahead.h"

#define CHUNK HASH_AHEAD_CHUNK
/* A field this long means a quote was left open and swallowed the file. */
#define FIELD_LIMIT ((size_t)64 << 20)

typedef struct {
    csv_record rec;
    size_t cap_fields;
    char *buf;             /* fields back to back, each NUL-terminated */
    size_t buf_len, buf_cap;
    size_t *offsets;
} slot;

struct csv_reader {
    FILE *fp;
    char *path;
    struct csv_parser parser;
    bool parser_ready;
    iconv_t cd;
    char delimiter;
    hash_ahead *sha;       /* hashes the chunks read, beside the parsing */
    unsigned char digest[32];
    bool digest_done;
    long long bytes;
    long line;             /* physical line being fed */
    long row_line;         /* line where the current record started, 0 = none yet */
    bool eof;
    bool finishing;        /* in csv_fini: a record ended now had no line end */
    unsigned char conv[CHUNK * 3]; /* a single-byte character is at most 3 in UTF-8 */
    size_t chunk_len, chunk_pos;
    bool first_chunk;
    unsigned char eol;     /* '\n', or '\r' in a file with CR-only line ends */
    slot *slots;           /* records parsed but not yet handed out */
    size_t nslots, cap_slots, next_slot;
    bool oom;
};

/* libcsv grows its field buffer without bound; refuse past FIELD_LIMIT. */
static void *limited_realloc(void *p, size_t n)
{
    if (n > FIELD_LIMIT)
        return NULL;
    return realloc(p, n);
}

static slot *current_slot(csv_reader *r)
{
    if (r->nslots == r->cap_slots) {
        size_t cap = r->cap_slots ? r->cap_slots * 2 : 64;
        slot *s = realloc(r->slots, cap * sizeof *s);
        if (!s)
            return NULL;
        memset(s + r->cap_slots, 0, (cap - r->cap_slots) * sizeof *s);
        r->slots = s;
        r->cap_slots = cap;
    }
    return &r->slots[r->nslots];
}

static void on_field(void *data, size_t len, void *ctx)
{
    csv_reader *r = ctx;
    slot *s = current_slot(r);
    if (!s) {
        r->oom = true;
        return;
    }
    if (s->rec.nfields == s->cap_fields) {
        size_t cap = s->cap_fields ? s->cap_fields * 2 : 16;
        size_t *o = realloc(s->offsets, cap * sizeof *o);
        size_t *l = realloc(s->rec.lens, cap * sizeof *l);
        if (o)
            s->offsets = o;
        if (l)
            s->rec.lens = l;
        char **f = realloc(s->rec.fields, cap * sizeof *f);
        if (!o || !l || !f) {
            free(f == s->rec.fields ? NULL : f);
            r->oom = true;
            return;
        }
        s->rec.fields = f;
        s->cap_fields = cap;
    }
    if (s->buf_len + len + 1 > s->buf_cap) {
        size_t cap = s->buf_cap ? s->buf_cap : 256;
        while (cap < s->buf_len + len + 1)
            cap *= 2;
        char *b = realloc(s->buf, cap);
        if (!b) {
            r->oom = true;
            return;
        }
        s->buf = b;
        s->buf_cap = cap;
    }
    if (len)
        memcpy(s->buf + s->buf_len, data, len);
    s->buf[s->buf_len + len] = '\0';
    s->offsets[s->rec.nfields] = s->buf_len;
    s->rec.lens[s->rec.nfields] = len;
    s->rec.nfields++;
    s->buf_len += len + 1;
}

static void on_row(int c, void *ctx)
{
    (void)c;
    csv_reader *r = ctx;
    slot *s = current_slot(r);
    if (!s) {
        r->oom = true;
        return;
    }
    for (size_t i = 0; i < s->rec.nfields; i++)
        s->rec.fields[i] = s->buf + s->offsets[i];
    s->rec.line = r->row_line ? r->row_line : r->line;
    s->rec.unterminated = r->finishing;
    r->row_line = 0;
    r->nslots++;
    if (r->nslots < r->cap_slots) {
        r->slots[r->nslots].rec.nfields = 0;
        r->slots[r->nslots].buf_len = 0;
    }
}

/* Counts delimiters outside quotes in the first line; ';' wins ties with ','
 * only when it is more frequent, as Finnish exports use it. */
static char detect_delimiter(const unsigned char *p, size_t n)
{
    size_t commas = 0, semis = 0, tabs = 0;
    bool quoted = false;
    for (size_t i = 0; i < n && (quoted || (p[i] != '\n' && p[i] != '\r')); i++) {
        if (p[i] == '"')
            quoted = !quoted;
        else if (!quoted && p[i] == ',')
            commas++;
        else if (!quoted && p[i] == ';')
            semis++;
        else if (!quoted && p[i] == '\t')
            tabs++;
    }
    if (semis > commas && semis >= tabs)
        return ';';
    if (tabs > commas && tabs > semis)
        return '\t';
    return ',';
}

ips_error csv_reader_open(const char *path, const csv_reader_options *opt, csv_reader **out,
                          ips_diag *d)
{
    *out = NULL;
    csv_reader *r = calloc(1, sizeof *r);
    if (!r || !(r->path = strdup(path))) {
        free(r);
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    }
    r->cd = (iconv_t)-1;
    r->line = 1;
    r->first_chunk = true;
    r->delimiter = opt ? opt->delimiter : 0;
    if (sodium_init() < 0) {
        csv_reader_free(r);
        return ips_diag_set(d, IPS_ERR_NOMEM, "cannot initialise libsodium");
    }
    if (!(r->sha = hash_ahead_new())) {
        csv_reader_free(r);
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    }
    const char *enc = opt ? opt->encoding : NULL;
    if (enc && strcasecmp(enc, "utf-8") != 0 && strcasecmp(enc, "utf8") != 0) {
        r->cd = iconv_open("UTF-8", enc);
        if (r->cd == (iconv_t)-1) {
            csv_reader_free(r);
            return ips_diag_set(d, IPS_ERR_PROFILE,
                                "%s: encoding '%s' is not supported; use utf-8, windows-1252 "
                                "or iso-8859-15", path, enc);
        }
    }
    if (!(r->fp = fopen(path, "rb"))) {
        ips_diag_set(d, IPS_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
        csv_reader_free(r);
        return IPS_ERR_IO;
    }
    if (csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        csv_reader_free(r);
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    }
    r->parser_ready = true;
    csv_set_realloc_func(&r->parser, limited_realloc);
    *out = r;
    return IPS_OK;
}

static ips_error parse_error(csv_reader *r, ips_diag *d)
{
    if (r->oom)
        return ips_diag_set(d, IPS_ERR_NOMEM, "%s:%ld: out of memory", r->path, r->line);
    int err = csv_error(&r->parser);
    if (err == CSV_ENOMEM || err == CSV_ETOOBIG)
        return ips_diag_set(d, IPS_ERR_CSV,
                            "%s:%ld: a field is longer than 64 MiB; a quote (\") opened at or "
                            "before line %ld is probably never closed",
                            r->path, r->line, r->row_line ? r->row_line : r->line);
    return ips_diag_set(d, IPS_ERR_CSV,
                        "%s:%ld: malformed quoting: a quote (\") inside a field that did not "
                        "start with one, or text after a closing quote; quote the whole field "
                        "and double quotes inside it (\"\")",
                        r->path, r->line);
}

/* Converts a chunk from a single-byte encoding to UTF-8 (at most 3× longer). */
static ips_error convert(csv_reader *r, const unsigned char *in, size_t n, unsigned char **out,
                         size_t *outn, ips_diag *d)
{
    unsigned char *buf = r->conv;
    char *ip = (char *)in, *op = (char *)buf;
    size_t il = n, ol = sizeof r->conv;
    if (iconv(r->cd, &ip, &il, &op, &ol) == (size_t)-1)
        return ips_diag_set(d, IPS_ERR_ENCODING, "%s:%ld: a byte cannot be converted from the "
                            "profile's encoding", r->path, r->line);
    *out = buf;
    *outn = sizeof r->conv - ol;
    return IPS_OK;
}

/* libcsv's state between records (ROW_NOT_BEGUN in libcsv.c). */
#define LIBCSV_ROW_NOT_BEGUN 0

static bool is_blank(unsigned char c, unsigned char delim)
{
    return (c == ' ' || c == '\t') && c != delim;
}

/* A whole line without quotes or stray line ends, met between records, is
 * split here as libcsv would split it (blanks around a field dropped, a
 * line of blanks no record) but without its per-byte state machine: most
 * exports quote nothing, and libcsv was a fifth of reading a row.  False
 * when the line needs libcsv. */
static bool split_plain_line(csv_reader *r, const unsigned char *p, size_t seg)
{
    size_t n = seg - 1; /* without the line end */
    if (r->parser.pstate != LIBCSV_ROW_NOT_BEGUN || p[n] != r->eol)
        return false;
    if (r->eol == '\n' && n && p[n - 1] == '\r')
        n--;
    if (memchr(p, '"', n) || memchr(p, '\r', n) || (r->eol == '\r' && memchr(p, '\n', n)))
        return false;
    unsigned char delim = (unsigned char)r->delimiter;
    size_t i = 0;
    while (i < n && is_blank(p[i], delim))
        i++;
    if (i == n)
        return true; /* blanks only: libcsv reports no record */
    for (;;) {
        while (i < n && is_blank(p[i], delim))
            i++;
        const unsigned char *end = memchr(p + i, delim, n - i);
        size_t stop = end ? (size_t)(end - p) : n, last = stop;
        while (last > i && is_blank(p[last - 1], delim))
            last--;
        on_field((void *)(p + i), last - i, r);
        if (!end)
            break;
        i = stop + 1;
    }
    on_row(r->eol, r);
    return !r->oom;
}

/* Feeds data to libcsv one physical line at a time so that records know
 * the line they start on, even when a quoted field spans lines. */
static ips_error feed(csv_reader *r, const unsigned char *p, size_t n, ips_diag *d)
{
    while (n > 0) {
        const unsigned char *nl = memchr(p, r->eol, n);
        size_t seg = nl ? (size_t)(nl - p) + 1 : n;
        if (!r->row_line && !(seg == 1 && p[0] == r->eol) && !(seg == 2 && p[0] == '\r'))
            r->row_line = r->line;
        if (nl && split_plain_line(r, p, seg)) {
            r->line++;
            p += seg;
            n -= seg;
            continue;
        }
        if (r->oom)
            return parse_error(r, d);
        /* libcsv grows a field's buffer by blk_size at a time, so a long field
         * (a 5 MB line) costs quadratic copying; growing by the current size
         * makes it doubling. */
        size_t have = csv_get_buffer_size(&r->parser);
        csv_set_blk_size(&r->parser, have > CHUNK ? have : CHUNK);
        if (csv_parse(&r->parser, p, seg, on_field, on_row, r) != seg || r->oom)
            return parse_error(r, d);
        if (nl)
            r->line++;
        p += seg;
        n -= seg;
    }
    return IPS_OK;
}

static ips_error fill(csv_reader *r, ips_diag *d)
{
    unsigned char *chunk = hash_ahead_buffer(r->sha);
    size_t n = fread(chunk, 1, CHUNK, r->fp);
    if (ferror(r->fp))
        return ips_diag_set(d, IPS_ERR_IO, "%s: read error: %s", r->path, strerror(errno));
    hash_ahead_submit(r->sha, n);
    r->bytes += (long long)n;
    const unsigned char *p = chunk;
    if (r->first_chunk) {
        r->first_chunk = false;
        if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
            p += 3;
            n -= 3;
        }
        /* Old Mac exports end lines with CR alone; count those as lines too. */
        r->eol = !memchr(p, '\n', n) && memchr(p, '\r', n) ? '\r' : '\n';
        if (!r->delimiter)
            r->delimiter = detect_delimiter(p, n);
        csv_set_delim(&r->parser, (unsigned char)r->delimiter);
    }
    if (n == 0) {
        r->eof = true;
        if (r->row_line == 0)
            r->row_line = r->line;
        r->finishing = true;
        int rc = csv_fini(&r->parser, on_field, on_row, r);
        r->finishing = false;
        if (rc != 0)
            return ips_diag_set(d, IPS_ERR_CSV,
                                "%s:%ld: the file ends inside a quoted field that starts on or "
                                "before line %ld; close the quote (\")",
                                r->path, r->line, r->row_line ? r->row_line : r->line);
        return IPS_OK;
    }
    if (r->cd != (iconv_t)-1) {
        unsigned char *conv = NULL;
        size_t cn = 0;
        ips_error e = convert(r, p, n, &conv, &cn, d);
        return e != IPS_OK ? e : feed(r, conv, cn, d);
    }
    return feed(r, p, n, d);
}

ips_error csv_reader_next(csv_reader *r, const csv_record **rec, ips_diag *d)
{
    *rec = NULL;
    while (r->next_slot >= r->nslots) {
        if (r->eof)
            return IPS_OK;
        /* All handed out: reuse the slots from the start, keeping the record
         * whose fields are half parsed (it sits just after the last whole one). */
        if (r->nslots < r->cap_slots) {
            slot tmp = r->slots[0];
            r->slots[0] = r->slots[r->nslots];
            r->slots[r->nslots] = tmp;
        } else if (r->cap_slots) {
            r->slots[0].rec.nfields = 0;
            r->slots[0].buf_len = 0;
        }
        r->next_slot = r->nslots = 0;
        ips_error e = fill(r, d);
        if (e != IPS_OK)
            return e;
    }
    *rec = &r->slots[r->next_slot++].rec;
    return IPS_OK;
}

char csv_reader_delimiter(const csv_reader *r) { return r->delimiter; }
long long csv_reader_bytes(const csv_reader *r) { return r->bytes; }

void csv_reader_hash_hex(csv_reader *r, char out[65])
{
    if (!r->digest_done) {
        hash_ahead_final(r->sha, r->digest);
        r->digest_done = true;
    }
    sodium_bin2hex(out, 65, r->digest, sizeof r->digest);
}

void csv_reader_free(csv_reader *r)
{
    if (!r)
        return;
    if (r->parser_ready)
        csv_free(&r->parser);
    if (r->fp)
        fclose(r->fp);
    hash_ahead_free(r->sha);
    if (r->cd != (iconv_t)-1)
        iconv_close(r->cd);
    for (size_t i = 0; i < r->cap_slots; i++) {
        free(r->slots[i].rec.fields);
        free(r->slots[i].rec.lens);
        free(r->slots[i].offsets);
        free(r->slots[i].buf);
    }
    free(r->slots);
    free(r->path);
    free(r);
}
