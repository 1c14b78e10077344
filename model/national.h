/* Internal to model/: a national warehouse read as facts (model/pack.h).
 * Its facts hold the merged coach register and reviews (so the breakdowns'
 * hierarchy, the disclosure model and the review pages work as on a
 * county's), and this: the counties' pack rows merged query by query. */
#ifndef IPS_NATIONAL_H
#define IPS_NATIONAL_H

#include "model/facts.h"
#include "model/metrics.h"

typedef struct {
    bool absent;           /* no pack has it */
    char family[16];       /* PACK_FAMILY_* */
    ips_day qs, qe;        /* the query as asked (since/funder: the earliest county's start) */
    metric_group by;
    metric_set *rows;      /* merged (model/national_rows.c) */
} national_query;

typedef struct national {
    warehouse *wh;         /* whose national_rows are read query by query */
    national_query **q;    /* the last queries read, merged (each its own allocation, so
                              an entry stays where it is while more are read; the
                              oldest goes when the cache is full: national_load.c) */
    size_t n;
    ips_day as_of;
    ips_day first_day, ips_first_day; /* the earliest of the counties' */
    ips_day period_first, period_last; /* the calendar periods every pack covers */
    size_t counties;
} national;

void national_free(national *n);

/* The facts of national warehouse wh (model/national_facts.c). */
ips_error national_facts_load(warehouse *wh, facts **out, ips_diag *d);
/* The packs' common as-of day (*known false when wh is no national warehouse). */
ips_error national_as_of(warehouse *wh, bool *known, ips_day *out, ips_diag *d);

/* Internal to model/national*.c (national_load.c): the packs' summary; one
 * query's rows of every county read and merged (parts: put side by side)
 * into a new entry of n's cache; every group name the rows have (kept by
 * merge in national_groups), to fn. */
ips_error national_facts_summary(warehouse *wh, national *n, ips_diag *d);
ips_error national_load_query(national *n, const char *family, ips_day qs, ips_day qe,
                              metric_group by, bool cache, national_query **out, ips_diag *d);
/* Frees a query national_load_query() gave without caching it (NULL: nothing). */
void national_query_free(const national_query *q);
typedef ips_error (*national_name_fn)(const char *group_by, const char *group, void *user);
ips_error national_group_names(national *n, national_name_fn fn, void *user, ips_diag *d);

/* Appends the merged rows of q's period and breakdown (engine_compute's on
 * a county's warehouse); IPS_ERR_PERIOD naming what the packs hold when q
 * asks for a span no pack has. */
ips_error national_rows_get(const facts *f, const metric_query *q, metric_set *out,
                            ips_diag *d);
/* The packs' query q asks for (*out NULL: none; kept by n), and the parts
 * beside it (the caller's: national_query_free; parts are large and read
 * once per query). */
ips_error national_query_of(national *n, const metric_query *q, const national_query **out,
                            ips_diag *d);
ips_error national_parts(national *n, const national_query *x, const national_query **out,
                         ips_diag *d);
/* The parts of end day qe and breakdown by (the caller's: national_query_free). */
ips_error national_end_parts(national *n, ips_day qe, metric_group by,
                             const national_query **out, ips_diag *d);
/* The funder's rows of the span ending at q->end for breakdown by. */
ips_error national_funder_get(national *n, const metric_query *q, metric_group by,
                              metric_set *out, ips_diag *d);

/* Merges the rows of one query from several counties (each county's rows
 * in rows[k]) into out (model/national_rows.c). */
ips_error national_rows_merge(const metric_set *const *rows, size_t n, metric_set *out,
                              ips_diag *d);

#endif
