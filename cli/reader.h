/* The read-only warehouse the reading commands (metrics, report, charts, pdf)
 * use.  Alone, each opens its own; under `publish` they all share the one
 * connection publish opened, inside its one read transaction, so every
 * output is laid out from one snapshot and the facts and metric rows are
 * computed once for all of them. */
#ifndef IPS_CLI_READER_H
#define IPS_CLI_READER_H

#include "common/error.h"
#include "model/warehouse.h"

/* The shared warehouse when one is set for db, else a new read-only one. */
ips_error reader_open(const char *db, warehouse **out, ips_diag *d);
/* Frees wh unless it is the shared one. */
void reader_close(warehouse *wh);

/* Sets (or with NULL clears) the warehouse reader_open() hands out for db. */
void reader_share(const char *db, warehouse *wh);

#endif
