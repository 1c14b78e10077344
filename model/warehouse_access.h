/* How a warehouse file is opened, and why it could not be.  A reader opens
 * it with SQLite's mode=ro URI, so it never writes the file; and with
 * immutable=1 only where nobody can change the file through SQLite — its
 * folder is read-only (read-only media, chmod a-w) so no writer could
 * create the -wal or -journal a change needs — and the file rests in WAL
 * mode without a -wal, which a plain read-only connection would have to
 * create.  A failed open is explained (missing, no read permission,
 * read-only folder, not an SQLite file) instead of "not a warehouse". */
#ifndef IPS_WAREHOUSE_ACCESS_H
#define IPS_WAREHOUSE_ACCESS_H

#include <stdbool.h>
#include <stddef.h>

#include "common/error.h"

/* The URI to open path with ("file:/..?mode=ro[&immutable=1]" for a reader,
 * "file:...?mode=rw[c]" for a writer); false when it does not fit. */
bool warehouse_access_uri(const char *path, bool readonly, bool create, char *uri, size_t n);

/* Why path cannot be read (or, for a writer, written), from the file
 * system; sqlite_rc and sqlite_msg are SQLite's failure.  Fills d and
 * returns its code. */
ips_error warehouse_access_explain(const char *path, bool readonly, int sqlite_rc,
                                   const char *sqlite_msg, ips_diag *d);

/* Before a writer opens path: a -wal and -shm left by another user's read
 * (an older ipsreport read a WAL-mode warehouse that way) cannot be used by
 * this user, and SQLite would refuse to write.  When the -wal holds nothing
 * and no connection has the file open, they are removed, under the same
 * exclusive lock SQLite itself removes them under; otherwise nothing is
 * done and the failure is explained (warehouse_access_explain). */
void warehouse_access_clear_stale(const char *path);
/* IPS_OK unless such a -wal or -shm is still there (a sticky folder such
 * as /tmp lets only its owner remove it): then says whose and what to do. */
ips_error warehouse_access_writer_ready(const char *path, ips_diag *d);

#endif
