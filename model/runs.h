/* Ingest runs: one row per `ipsreport ingest`, with how many of its files it
 * planned and how many it finished, so that a run killed (or crashed, or
 * stopped by a full disk) after 4 of 8 files does not leave a warehouse that
 * looks complete.  Each file is its own transaction (store.h): what a
 * stopped run loaded is whole, and running it again loads the rest.
 *
 * The table (ingest_runs) is created by the first ingest that records a
 * run, so that warehouses made before it need no schema upgrade; where it
 * does not exist, no run is unfinished. */
#ifndef IPS_RUNS_H
#define IPS_RUNS_H

#include <stdbool.h>

#include "common/error.h"
#include "model/warehouse.h"

/* Records the start of a run of `planned` files; *run_id names it. */
ips_error runs_begin(warehouse *wh, long long planned, long long *run_id, ips_diag *d);
/* One more file of the run handled to its end (loaded, already loaded or refused). */
ips_error runs_file_done(warehouse *wh, long long run_id, ips_diag *d);
/* The run finished: every file handled and the derived facts rebuilt. */
ips_error runs_end(warehouse *wh, long long run_id, ips_diag *d);

typedef struct {
    char started_at[24];   /* "YYYY-MM-DD HH:MM" UTC */
    long long planned, done;
    bool running;          /* its process is still alive on this machine */
} run_info;

/* The latest run, when it has not finished: *found says whether there is
 * one.  A finished run after an unfinished one settles it (the usual
 * remedy is to run the same ingest again). */
ips_error runs_unfinished(warehouse *wh, run_info *out, bool *found, ips_diag *d);

#endif
