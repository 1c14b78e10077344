/* Interned strings: one copy of each distinct text for the life of the
 * process, so that a metric row holds its names as pointers (8 bytes each)
 * instead of arrays long enough for any name (model/metrics.h).
 *
 * Why a process-wide table: rows are copied between sets, kept by the
 * warehouse, shared between the publication and the outputs, and outlive
 * the facts their group names came from; a name that never goes away
 * cannot dangle.  The names are few (metric ids, breakdown values, notes:
 * about 3,000 at 10×), so the table stays small.  Thread-safe. */
#ifndef IPS_INTERN_H
#define IPS_INTERN_H

#include <stdbool.h>
#include <stddef.h>

/* The interned copy of s (of its first n bytes), never NULL: when memory
 * runs out it is "" and ips_intern_failed() says so from then on. */
const char *ips_intern(const char *s);
const char *ips_intern_n(const char *s, size_t n);
/* printf into an interned string. */
const char *ips_internf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* True once an ips_intern*() call ran out of memory: whoever made rows
 * since their last check reports IPS_ERR_NOMEM instead of a lost name. */
bool ips_intern_failed(void);

#endif
