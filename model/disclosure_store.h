/* The suppression patterns of the default settings, kept in the warehouse
 * with the facts (model/disclosure_store.c).  Only model/ uses it. */
#ifndef IPS_DISCLOSURE_STORE_H
#define IPS_DISCLOSURE_STORE_H

#include "model/disclosure.h"
#include "model/metric_store.h"

/* Whether a pattern key (q of the universe: its year, A, the settings) is
 * one the warehouse keeps: default settings, as of the data's own date. */
bool disclosure_store_applies(const metric_query *key, ips_day data_as_of);

/* Drops the kept patterns and builds one for every calendar year from two
 * before the first episode's to A's, with its check, keeping the rows its
 * universe computed (model/metric_store.h); inside the facts'
 * transaction. */
ips_error disclosure_store_write(warehouse *wh, ips_day as_of, ips_diag *d);

/* The audit kept with key's pattern, without reading the pattern: *found
 * when the warehouse keeps it (as disclosure_store_find would). */
ips_error disclosure_store_audit(warehouse *wh, const metric_query *key, ips_day data_as_of,
                                 disclosure_audit *au, bool *found, ips_diag *d);
/* The kept pattern of key into *out (NULL when none is kept or it does
 * not fit this build), and its audit into *au when au is not NULL. */
ips_error disclosure_store_find(warehouse *wh, const metric_query *key, ips_day data_as_of,
                                disclosure **out, disclosure_audit *au, ips_diag *d);

/* The pattern of q's universe, built, and the result of the check it ends
 * with (every hidden cell's interval over all relations wider than one
 * value; au->recovered counts those pinned).  With w, the universe's rows
 * are kept as they are computed (model/metric_store.h). */
ips_error disclosure_compute(const facts *f, const metric_query *q, metric_store_writer *w,
                             disclosure **out, disclosure_audit *au, ips_diag *d);

#endif
