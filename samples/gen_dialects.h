/* How each client system of gen-samples --exports writes the canonical rows:
 * per entity a file name and a list of columns, each naming the canonical
 * field it comes from and how that field is turned into the system's text.
 * The tables are in gen_dialects.c; gen_exports.c writes by them. */
#ifndef GEN_DIALECTS_H
#define GEN_DIALECTS_H

#include <stdbool.h>
#include <stddef.h>

#include "gen_common.h"

typedef enum {
    X_PLAIN,   /* as it is, with the dialect's dates, decimals and yes/no words */
    X_HETU,    /* a client id: the client's henkilötunnus */
    X_YTUNNUS, /* an employer id: the employer's Y-tunnus */
    X_ID,      /* an id with the system's own prefix: arg + the digits of the id */
    X_MAP,     /* a code through map; blank as arg (NULL: blank) */
    X_MODE,    /* in_person: map "y", or for n, map "n" (phone) or "v" (video) */
    X_GENDER,  /* gender through map, unknown as arg; see dialect.derive_odd */
    X_BIRTH,   /* birth year, unknown as arg; see dialect.derive_odd */
    X_STATUS,  /* arg "A|B": A when field src is blank, else B */
    X_EXTRA,   /* a column the contract does not name: one of arg's '|'-separated texts */
} xhow;

typedef struct {
    const char *header;
    int src;                  /* index of the canonical field; -1 for X_EXTRA */
    xhow how;
    const char *const *map;   /* canonical code, export text, …, NULL */
    const char *arg;
} xcol;

typedef struct {
    const char *name;         /* printf pattern with %d for the year */
    const xcol *cols;
    int ncols;
} xfile;

typedef struct {
    const char *dir;          /* folder under --out */
    char delim, decimal;
    bool crlf, bom, cp1252, fi_dates;
    const char *yes, *no;
    /* Leave a known gender and birth year blank for every second client (odd
     * client numbers), so ingest takes them from the henkilötunnus; the rest
     * are written out.  Unknown ones are always written as the unknown word,
     * which the profile maps to "": blank would be filled from the code. */
    bool derive_odd;
    xfile files[E_N];
} dialect;

extern const dialect dialect_tyopaja, dialect_casebook;

#endif
