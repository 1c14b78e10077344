/* A set of identifier strings held compactly in memory: the ids of one
 * entity that rows of another may reference, so that ingest checks a
 * reference without a query per row.  Open addressing over one arena of
 * NUL-terminated strings: about len + 1 + 16 bytes per id. */
#ifndef IPS_IDSET_H
#define IPS_IDSET_H

#include <stdbool.h>
#include <stddef.h>

typedef struct idset idset;

/* An empty set, or NULL when out of memory. */
idset *idset_new(void);
/* Adds id (len bytes, no NUL inside); false when out of memory or when the
 * set would pass max_bytes (then the set is unchanged). */
bool idset_add(idset *s, const char *id, size_t len, size_t max_bytes);
bool idset_has(const idset *s, const char *id, size_t len);
size_t idset_count(const idset *s);
/* Accepts NULL. */
void idset_free(idset *s);

#endif
