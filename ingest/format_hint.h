/* Telling a file written in another format from a file with a few bad
 * values.  When the rows of a file fail throughout for one format reason
 * (d.m.yyyy dates read as yyyy-mm-dd, decimal commas read with '.', a header
 * cut by the wrong delimiter or written in another language, Windows-1252
 * bytes read as UTF-8), storing the few rows that happen to pass would hide
 * the real problem: the file is refused as a whole, with one message that
 * names the profile line that fixes it.  A file whose first rows are good
 * keeps the usual per-row rejections.
 *
 * ingest.c calls format_hint_row() for each data row and
 * format_hint_verdict() before committing a file; the header helpers add the
 * fix to a refusal that ingest.c has already made. */
#ifndef IPS_FORMAT_HINT_H
#define IPS_FORMAT_HINT_H

#include <stdbool.h>
#include <stddef.h>

#include "common/error.h"
#include "ingest/csv_reader.h"
#include "ingest/profile.h"

/* The first rows that decide: when every one of them that has a date (or a
 * number) shows the other format, and so do at least half of all such rows,
 * the format is the file's, not a slip. */
#define FORMAT_HINT_ROWS 20

typedef enum {
    FH_DATES_FI,       /* 5.9.2022 where yyyy-mm-dd is expected */
    FH_DATES_ISO,      /* 2022-09-05 where d.m.yyyy is expected */
    FH_DECIMAL_COMMA,  /* 0,5 where '.' is expected */
    FH_DECIMAL_POINT,  /* 0.5 where ',' is expected */
    FH__COUNT
} format_hint_kind;

typedef struct {
    long relevant;     /* rows with a cell this kind is about (a date, a number) */
    long other;        /* ... of which show the other format */
    long first_other;  /* ... among the first FORMAT_HINT_ROWS relevant rows */
    long line;         /* first line that shows it, its column and value */
    char column[40];
    char value[40];
} format_hint_count;

typedef struct {
    const contract_entity *ent;
    int entity;
    const profile *prof;          /* NULL: no profile */
    const profile_entity *pe;     /* NULL: the contract's formats */
    const char *name;             /* the file's name, for messages */
    format_hint_count kinds[FH__COUNT];
} format_hint;

void format_hint_init(format_hint *h, int entity, const profile *prof, const char *name);
/* One data row: cells[c] (lens[c] bytes) is the row's value of contract
 * column c, or NULL when the file does not have the column. */
void format_hint_row(format_hint *h, char *const cells[], const size_t lens[], long line);
/* IPS_OK, or the refusal of the whole file (IPS_ERR_CSV) when a format
 * shows throughout; the message keeps file:line: column: and names the fix. */
ips_error format_hint_verdict(const format_hint *h, ips_diag *d);

/* The refusal of text that is not UTF-8 (IPS_ERR_ENCODING), naming the
 * encoding line and the section it goes in.  entity may be -1. */
ips_error format_hint_not_utf8(const profile *prof, int entity, const char *name, long line,
                               const char *column, ips_diag *d);
/* Adds to a header refusal already in d (no entity recognised, a required
 * column missing) the fix that the header itself shows: a delimiter other
 * than the one it was read with, or headers in Finnish or Swedish, which a
 * profile renames (`ipsreport profile guess`). */
void format_hint_header(const profile *prof, int entity, const csv_record *hdr, char delimiter,
                        ips_diag *d);

#endif
