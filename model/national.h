/* Internal to model/: a national warehouse read as facts (model/pack.h).
 * Its facts hold the merged coach register and reviews (so the breakdowns'
 * hierarchy, the disclosure model and the review pages work as on a
 * county's), and this: the counties' pack rows merged query by query. */
#ifndef IPS_NATIONAL_H
#define IPS_NATIONAL_H

#include "model/facts.h"
#include "model/metrics.h"

typedef struct {
    char family[16];       /* PACK_FAMILY_* */
    ips_day qs, qe;        /* the query as asked (since/funder: the earliest county's start) */
    metric_group by;
    metric_set *rows;      /* merged (model/national_rows.c) */
} national_query;

typedef struct national {
    national_query *q;
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

/* Internal to model/national*.c (national_load.c): the packs' summary and
 * their rows merged query by query into n. */
ips_error national_facts_summary(warehouse *wh, national *n, ips_diag *d);
ips_error national_facts_rows(warehouse *wh, national *n, ips_diag *d);

/* Appends the merged rows of q's period and breakdown (engine_compute's on
 * a county's warehouse); IPS_ERR_PERIOD naming what the packs hold when q
 * asks for a span no pack has. */
ips_error national_rows_get(const facts *f, const metric_query *q, metric_set *out,
                            ips_diag *d);
/* The packs' query q asks for (NULL: none), and the parts beside it. */
const national_query *national_query_of(const national *n, const metric_query *q);
const national_query *national_parts(const national *n, const national_query *x);
/* The funder's rows of the span ending at q->end for breakdown by. */
ips_error national_funder_get(const national *n, const metric_query *q, metric_group by,
                              metric_set *out, ips_diag *d);

/* Merges the rows of one query from several counties (each county's rows
 * in rows[k]) into out (model/national_rows.c). */
ips_error national_rows_merge(const metric_set *const *rows, size_t n, metric_set *out,
                              ips_diag *d);

#endif
