/* The warehouse: one SQLite file holding every ingested row.  Opening it
 * creates, upgrades or refuses the schema (model/schema.h).  Only model/
 * modules use warehouse_db(); everyone else goes through model/ APIs. */
#ifndef IPS_WAREHOUSE_H
#define IPS_WAREHOUSE_H

#include <sqlite3.h>
#include <stdbool.h>

#include "common/date.h"
#include "common/error.h"

typedef struct warehouse warehouse;

/* How long a connection waits for another's lock before it gives up. */
#define WAREHOUSE_BUSY_MS 60000

enum {
    WH_CREATE = 1,    /* create the file when it does not exist */
    WH_READONLY = 2,  /* open for reading only (metrics, reports, charts) */
    /* Internal: the short writer that upgrades a reader's older warehouse.
     * Its process already has the file open, so it must not take and drop
     * POSIX locks on it (warehouse_access_clear_stale). */
    WH__UPGRADE = 4,
};

/* Opens (and with WH_CREATE creates) a warehouse.  A second writer waits up
 * to 60 s for the first (busy timeout) and then fails cleanly. */
ips_error warehouse_open(const char *path, unsigned flags, warehouse **out, ips_diag *d);
/* Closes; accepts NULL. */
void warehouse_free(warehouse *wh);

sqlite3 *warehouse_db(warehouse *wh);
const char *warehouse_path(const warehouse *wh);

/* Reads meta values (key fingerprint, …); *out is malloc'd or NULL if absent. */
ips_error warehouse_meta_get(warehouse *wh, const char *key, char **out, ips_diag *d);
ips_error warehouse_meta_set(warehouse *wh, const char *key, const char *value, ips_diag *d);

/* Refreshes the query planner's statistics after a load (sampled, so cheap
 * even on a large warehouse); without them SQLite may pick a poor index. */
ips_error warehouse_optimize(warehouse *wh, ips_diag *d);

/* The cache of metrics_compute() results (model/metric_cache.h), owned and
 * freed by the warehouse; NULL on a writable warehouse, whose data may
 * change.  Emptied when another connection has committed since it was filled. */
struct metric_cache;
struct metric_cache *warehouse_metric_cache(warehouse *wh);

/* Derived facts held by the warehouse (model/facts.h).  warehouse_facts()
 * gives the facts kept for as_of (the value asked for, IPS_DAY_NONE too)
 * while no connection has changed the data since, else NULL;
 * warehouse_facts_keep() takes ownership.  The stored fact tables are
 * trusted only while this connection has made no change since it opened or
 * last rebuilt them (warehouse_facts_rebuilt). */
struct facts;
const struct facts *warehouse_facts(warehouse *wh, ips_day as_of);
void warehouse_facts_keep(warehouse *wh, ips_day as_of, struct facts *f);
bool warehouse_facts_trusted(warehouse *wh);
void warehouse_facts_rebuilt(warehouse *wh);

/* The publication kept by the warehouse (model/publication.h), NULL when
 * none or when the data changed since; keep takes ownership, and keeps the
 * one it replaces until the warehouse is freed (outputs share its rows).
 * false (out of memory, nothing changed, p still the caller's) when there
 * is no room to keep the one it would replace. */
struct publication;
struct publication *warehouse_publication(warehouse *wh);
bool warehouse_publication_keep(warehouse *wh, struct publication *p);

/* The data generation text facts_stamp() last counted, while the data stay
 * as they were (same rule as warehouse_facts). */
bool warehouse_stamp_get(warehouse *wh, char *buf, size_t n);
void warehouse_stamp_keep(warehouse *wh, const char *stamp);

/* One read transaction around what follows, so that it all reads one
 * snapshot: begin starts one unless the caller already holds one (*own
 * says which); end finishes it (rolling back when e is an error) and
 * returns e, or the failure to finish. */
ips_error warehouse_read_begin(warehouse *wh, bool *own, ips_diag *d);
ips_error warehouse_read_end(warehouse *wh, bool own, ips_error e, ips_diag *d);

/* Formats "path: sqlite message" into d with IPS_ERR_DB. */
ips_error warehouse_fail(warehouse *wh, ips_diag *d, const char *what);

#endif
