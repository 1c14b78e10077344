/* The read-only warehouse the reading commands (metrics, check, report,
 * charts, pdf) use.  Alone, each opens its own; under `publish` they all
 * share the one connection publish opened, so every output is laid out
 * from one snapshot and the facts and metric rows are computed once for
 * all of them.  Either way the connection holds one read transaction from
 * open to close: every query of the command reads the same snapshot, even
 * while an ingest commits beside it. */
#ifndef IPS_CLI_READER_H
#define IPS_CLI_READER_H

#include "common/error.h"
#include "model/warehouse.h"

/* The shared warehouse when one is set for db, else a new read-only one
 * inside its own read transaction.  Either way db (and its -wal, -shm and
 * -journal) is protected from this process's outputs (common/outfile.h). */
ips_error reader_open(const char *db, warehouse **out, ips_diag *d);
/* Ends the read transaction and frees wh, unless it is the shared one. */
void reader_close(warehouse *wh);

/* Sets (or with NULL clears) the warehouse reader_open() hands out for db. */
void reader_share(const char *db, warehouse *wh);

/* Protects a file the command reads (a tariff) from its outputs. */
void reader_protect_input(const char *path);

#endif
