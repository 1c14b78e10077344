/* Internal to model/: the results of earlier metrics_compute() calls on one
 * read-only warehouse, so that a report and its charts, which ask for the
 * same period many times, compute it once.  The warehouse owns the cache
 * (warehouse_metric_cache()); a writable warehouse has none, because its
 * data may change under a cached result.
 *
 * A key is a query whose as_of is already resolved (never IPS_DAY_NONE):
 * two queries match when every field that can change a row is equal,
 * including the fee reason lists by content (NULL = defaults, which differs
 * from any given list).  The cached rows are those the families produced,
 * before metrics_compute()'s final suppression. */
#ifndef IPS_METRIC_CACHE_H
#define IPS_METRIC_CACHE_H

#include "model/metrics.h"

typedef struct metric_cache metric_cache;

metric_cache *metric_cache_new(void);
/* Accepts NULL. */
void metric_cache_free(metric_cache *c);

/* The rows cached for q, or NULL. */
const metric_set *metric_cache_find(const metric_cache *c, const metric_query *q);

/* Stores a copy of q (and its reason lists) and of rows.  Returns false when
 * out of memory or when the cache is full; nothing is stored then, which
 * only costs a later recomputation. */
bool metric_cache_put(metric_cache *c, const metric_query *q, const metric_set *rows);

/* The as-of date found earlier (metrics_as_of()), so that it is looked up
 * once; get returns false when none is stored. */
bool metric_cache_as_of_get(const metric_cache *c, ips_day *out);
void metric_cache_as_of_set(metric_cache *c, ips_day as_of);

/* Suppression patterns (model/disclosure.h), one per universe: key is a
 * query whose start and end are the universe's; put takes dc over (freed
 * at once when it cannot be kept). */
struct disclosure;
const struct disclosure *metric_cache_disclosure_find(const metric_cache *c,
                                                      const metric_query *key);
void metric_cache_disclosure_put(metric_cache *c, const metric_query *key,
                                 struct disclosure *dc);

#endif
