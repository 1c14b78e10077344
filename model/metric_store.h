/* The metric rows of the default settings, kept in the warehouse with the
 * facts (table metric_pack): every pass (a period by a breakdown) that the
 * suppression patterns' universes compute at ingest, before suppression,
 * so that a reading command reads those rows back instead of computing
 * them again.  Only model/ uses it.
 *
 * The rows are kept exactly (every field, doubles bit for bit), and only
 * this very build reads them back (common/build_id.h): a changed metric
 * definition never meets rows computed by the old one. */
#ifndef IPS_METRIC_STORE_H
#define IPS_METRIC_STORE_H

#include "model/metrics.h"
#include "model/warehouse.h"

typedef struct metric_store_writer metric_store_writer;

/* Drops the kept rows and prepares to keep new ones, inside the facts'
 * transaction.  *out stays NULL when this build cannot keep rows. */
ips_error metric_store_begin(warehouse *wh, metric_store_writer **out, ips_diag *d);
/* Keeps the rows of pass q (as engine_compute computed them for q). */
ips_error metric_store_put(metric_store_writer *w, const metric_query *q, const metric_set *rows,
                           ips_diag *d);
/* After the pattern dc of the passes kept since the last call is chosen:
 * keeps beside each of them what dc does to its rows (disclosure_key_states),
 * so that a reader suppresses them without reading the pattern. */
struct disclosure;
ips_error metric_store_states(metric_store_writer *w, const struct disclosure *dc,
                              ips_diag *d);
/* Frees w; accepts NULL. */
void metric_store_end(metric_store_writer *w);

/* Appends the kept rows of q to out and sets *found, when the warehouse
 * keeps q's pass for its settings and as-of date (data_as_of: the facts'
 * own) and this build wrote them; else out is unchanged and *found false.
 * With states: *states is a malloc'd copy of the rows' kept states (one
 * byte a row, for the default min_cell), or NULL when there are none. */
ips_error metric_store_find(warehouse *wh, const metric_query *q, ips_day data_as_of,
                            metric_set *out, bool *found, uint8_t **states, ips_diag *d);

/* The rows' encoding: *buf (malloc'd, *len bytes) for n rows; false when
 * out of memory. */
bool metric_store_encode(const metric_row *rows, size_t n, unsigned char **buf, size_t *len);
/* Appends the rows of buf to out; false (out as before) when buf is not
 * an encoding this build reads or memory ran out. */
bool metric_store_decode(const unsigned char *buf, size_t len, metric_set *out);

#endif
