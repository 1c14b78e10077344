/* Guessing ONE source profile for a whole system's exports: each file is
 * guessed on its own (ingest/profile_guess.h), then the guesses are put
 * together: the formats most files show become the [profile] defaults, the
 * files of one entity become one section (their columns and values merged,
 * one file pattern for them all), and a section keeps a format setting of its
 * own only where its files differ from the defaults.  What could not be
 * decided is returned as notes for the CLI to print. */
#ifndef IPS_PROFILE_GUESS_SET_H
#define IPS_PROFILE_GUESS_SET_H

#include <stdbool.h>
#include <stddef.h>

#include "common/error.h"
#include "ingest/profile_guess.h"

/* The format settings of [profile] or of one section. */
typedef struct {
    const char *encoding;          /* NULL: utf-8 */
    char delimiter;
    guess_certainty dates_seen;    /* NONE: no file showed a date */
    profile_date_format dates;
    guess_certainty decimal_seen;
    char decimal;
} guess_format;

typedef struct {
    profile_guess *merged;         /* the section's columns and values, NULL: no file */
    size_t nfiles;
    /* Which settings the section sets itself (its files differ from [profile]). */
    bool own_encoding, own_delimiter, own_dates, own_decimal;
    guess_format fmt;
} guess_section;

typedef struct {
    profile_guess **files;         /* one per path, in the order given */
    size_t nfiles;
    char *name;                    /* for [profile] name = */
    guess_format defaults;
    guess_section sections[ENT__COUNT];
    char **notes;                  /* what could not be decided, one sentence each */
    size_t nnotes;
} profile_guess_set;

/* Guesses from n exports (encoding NULL: detect each).  A file that cannot be
 * read fails the whole guess, with its name in the message. */
ips_error profile_guess_files(char *const *paths, size_t n, const char *encoding,
                              profile_guess_set **out, ips_diag *d);
void profile_guess_set_free(profile_guess_set *s);

#endif
