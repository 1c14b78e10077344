/* The sample data as two unlike client systems export it (gen-samples
 * --exports): DIR/tyopaja/ (a Finnish workshop system: Windows-1252, ';',
 * d.m.yyyy, ',' decimals, Finnish headers and values, CRLF) and DIR/casebook/
 * (an English case-management system: UTF-8 with BOM, ',', ISO dates, English
 * headers and values).  Both identify clients by a henkilötunnus and
 * employers by a Y-tunnus; the profiles in ingest/profiles/ map them back
 * onto the contract, so the three sets load into warehouses with the same
 * metrics.  The writers take the canonical rows as the generator makes them
 * and write nothing of their own invention except the identity codes. */
#ifndef GEN_EXPORTS_H
#define GEN_EXPORTS_H

#include <stdint.h>

#include "gen_common.h"

/* Beyond this many clients the employers (150 per 540 clients) would run out
 * of distinct Y-tunnus numbers. */
#define GEN_EXPORTS_MAX_CLIENTS 2000000L

typedef struct gen_exports gen_exports;

/* Creates DIR/tyopaja and DIR/casebook and opens their files, named with
 * the as-of year; nclients bounds the client numbers.  NULL (after a
 * message on stderr) when a file cannot be written or the set is too big. */
gen_exports *gen_exports_open(const char *dir, uint64_t seed, int year, long nclients);

/* Gives client `id` ("as000001") its henkilötunnus: born in birth_year (-1:
 * unknown, then any year), individual number odd for gender 1 (m), even for
 * 0 (f), either for 2 (x) or -1 (unknown).  Call before the client's rows. */
void gen_exports_client(gen_exports *x, const char *id, int birth_year, int gender);

/* Writes the canonical row f of entity e (E_COACH…) in both systems' dialects. */
void gen_exports_row(gen_exports *x, int e, const fld *f, int n);

/* Closes the files and frees x (NULL is fine); -1 when a write failed. */
int gen_exports_close(gen_exports *x);

#endif
