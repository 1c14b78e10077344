/* Guessing a starting source profile from an export: reads the header and
 * the first rows, and says which entity the file seems to hold, how its
 * columns and values map onto the data contract, and its encoding,
 * delimiter, date and decimal format.  cli/cmd_profile.c writes the guess as
 * INI text for a person to finish.
 *
 * Privacy: the guess keeps sample values only of code and yes/no columns,
 * and never a value that looks like a personal identity code. */
#ifndef IPS_PROFILE_GUESS_H
#define IPS_PROFILE_GUESS_H

#include <stdbool.h>
#include <stddef.h>

#include "common/error.h"
#include "ingest/profile.h"

#define GUESS_ROWS 20          /* data rows whose values tell the formats */
#define GUESS_SCAN_ROWS 200000 /* data rows whose values are looked at for maps */
#define GUESS_MAX_VALUES 40    /* distinct values kept per column for maps */
/* guess_value.to of a word for unknown ("Ei tiedossa"), as a profile writes it. */
#define GUESS_BLANK "\"\""

typedef enum {
    GUESS_FORMAT_NONE,         /* nothing seen to tell by */
    GUESS_FORMAT_ONE,          /* one format seen: see the field beside */
    GUESS_FORMAT_MIXED         /* both seen: a person must decide */
} guess_certainty;

typedef struct {
    char *from;                /* the export's value */
    const char *to;            /* contract code it surely means (GUESS_BLANK: unknown), or
                                * NULL: a person decides */
} guess_value;

typedef struct {
    char *header;              /* as in the export */
    int column;                /* contract column of the guessed entity, or -1 */
    bool hetu, ytunnus;        /* holds a henkilötunnus / Y-tunnus (by name or by values) */
    bool values_look_hetu;     /* every value seen is a valid henkilötunnus */
    int duplicate_of;          /* index of an earlier header mapped to the same column, or -1 */
    int other_entity;          /* recognised as a column of this other entity, or -1 */
    const char *other_column;  /* ... named this */
    guess_value *values;       /* values of code and yes/no columns that need a map */
    size_t nvalues;
} guess_column;

typedef struct {
    char *path;
    char *encoding;            /* NULL: utf-8 */
    bool not_utf8;             /* bytes that are not UTF-8 were seen */
    bool ascii;                /* only ASCII bytes were seen: any encoding reads it */
    char delimiter;
    guess_certainty dates_seen;
    profile_date_format dates;
    guess_certainty decimal_seen;
    char decimal;
    int entity;                /* ips_entity, or -1 when the header names none clearly */
    int runner_up;             /* the next likeliest entity, or -1 */
    char *file_pattern;        /* the base name with dates and numbers as '*' */
    guess_column *cols;
    size_t ncols;
    long rows;                 /* data rows read (at most GUESS_SCAN_ROWS) */
} profile_guess;

/* Reads path (encoding NULL: detect utf-8 or windows-1252). */
ips_error profile_guess_file(const char *path, const char *encoding, profile_guess **out,
                             ips_diag *d);
void profile_guess_free(profile_guess *g);

#endif
