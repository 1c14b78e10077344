/* Word lists behind 'ipsreport profile guess' (ingest/profile_guess.c):
 * Finnish and English header names of contract columns, Finnish values of
 * codes, and words in file names.  Internal to the guesser. */
#ifndef IPS_GUESS_TABLES_H
#define IPS_GUESS_TABLES_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    SYN_PLAIN,
    SYN_HETU,     /* the column holds a henkilötunnus */
    SYN_YTUNNUS,  /* the column holds a Y-tunnus */
    SYN_KEY       /* a bare "tunnus"/"id": the key column of whatever entity it is */
} guess_syn_flag;

typedef struct {
    const char *key;     /* guess_plain_key() of a header */
    const char *column;  /* contract column; NULL for SYN_KEY */
    guess_syn_flag flag;
} guess_synonym;

/* s reduced to lower-case letters a-z and digits, with ä å → a, ö → o,
 * é → e, ü → u and everything else dropped: "Y-tunnus" -> "ytunnus",
 * "Päättymispäivä" -> "paattymispaiva".  Writes at most n bytes with the NUL. */
void guess_plain_key(const char *s, char *out, size_t n);
/* The synonyms whose key is key (up to max), returning how many. */
size_t guess_synonyms(const char *key, const guess_synonym **out, size_t max);
/* The code a value (as guess_plain_key()) surely means in a contract column,
 * or NULL (ingest/guess_values.c: Finnish, Swedish and English). */
const char *guess_value_code(const char *column, const char *value_key);
/* "y" or "n" for a yes/no word ingest does not read itself (yes, ja, nej…), or NULL. */
const char *guess_yes_no(const char *value_key);
/* Whether a value is a word for unknown ("Ei tiedossa", "Okänd", "Not stated"). */
bool guess_value_unknown(const char *value_key);
/* Whether the vocabulary knows values of this contract column (also of id
 * columns such as segment and instrument). */
bool guess_column_has_vocabulary(const char *column);
/* The entity a file name (as guess_plain_key()) suggests, or -1. */
int guess_entity_from_name(const char *name_key);

#endif
