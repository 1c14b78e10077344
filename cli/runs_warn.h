/* The warning every reading command (check, metrics, report, charts, pdf,
 * publish) prints when the warehouse's latest ingest run did not finish. */
#ifndef IPS_CLI_RUNS_WARN_H
#define IPS_CLI_RUNS_WARN_H

#include "model/warehouse.h"

/* Prints one warning line on stderr for an unfinished ingest run of wh (db
 * is its name as given), or nothing.  Never fails the command: when the
 * runs cannot be read, the read that follows says why. */
void runs_warn(warehouse *wh, const char *db);

#endif
