/* Validation of one row against the contract: each cell parsed to a typed
 * value (dates, numbers, booleans, codes), identity codes pseudonymised, then
 * the rules that span columns.  The first broken rule is returned as the
 * column and a reason a person can act on; personal data is never echoed. */
#ifndef IPS_VALIDATE_H
#define IPS_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>

#include "ingest/profile.h"
#include "ingest/pseudonym.h"
#include "model/store.h"

#define VALIDATE_MAX_COLS 16
#define VALIDATE_MAX_FIELD 10000  /* longer cells are refused: no column needs more */

typedef struct {
    const contract_entity *ent;
    const profile_entity *pe;      /* NULL: canonical layout */
    const pseudonym_key *key;      /* NULL: no identity-code columns allowed */
    /* Set by validate_ctx_init: the columns the rules across columns read
     * (-1 when the entity has none), found once rather than by name per row. */
    int start_date, end_date, exit_reason, coach_id, by, status, score, score_high;
    int birth_year, gender;
    int entity;                    /* ips_entity of ent */
} validate_ctx;

typedef struct {
    ips_value vals[VALIDATE_MAX_COLS];
    char scratch[VALIDATE_MAX_COLS][48]; /* normalised dates, codes, pseudonyms */
    char mapped[VALIDATE_MAX_COLS][128]; /* a profile's value map applied */
} validated_row;

typedef struct {
    const char *column;            /* the contract column, or NULL for the whole row */
    char reason[256];
} validate_error;

/* Prepares ctx for validate_row. */
void validate_ctx_init(validate_ctx *ctx, const contract_entity *ent, const profile_entity *pe,
                       const pseudonym_key *key);

/* cells[i] is the text of contract column i (trimmed in place), or NULL when
 * the file has no such column.  Returns false and fills err when a rule is
 * broken. */
bool validate_row(const validate_ctx *ctx, char **cells, const size_t *lens, validated_row *out,
                  validate_error *err);

/* True when s (len bytes) is valid UTF-8 without NUL bytes. */
bool validate_utf8(const char *s, size_t len);

#endif
