/* Options shared by 'charts' and 'pdf': which warehouse, period, as-of date,
 * language and privacy settings, turned into a metric_query. */
#ifndef IPS_CLI_CHART_OPTS_H
#define IPS_CLI_CHART_OPTS_H

#include <stdbool.h>

#include "cli/period_opts.h"
#include "common/error.h"
#include "model/metrics.h"

typedef struct {
    const char *db, *lang, *format, *out;
    period_opts p; /* --period, --from/--to, --as-of (cli/period_opts.h) */
    const char *project;  /* --project FILE or NULL */
    bool internal;
    int min_cell;
    const char *tariff;  /* pdf: fee prices for the euro amounts (docs/tariff.md) */
    metric_group per;    /* pdf: GROUP_PROVIDER or GROUP_TEAM for a page per group */
} chart_opts;

/* "provider" or "team" (--per) into *out; false for anything else. */
bool cli_per_parse(const char *s, metric_group *out);

/* Parses argv (argv[0] is the command name).  with_format: accept --format.
 * Returns false with d set (IPS_ERR_USAGE) on a usage error, naming the
 * option and what to write instead. */
bool chart_opts_parse(int argc, char **argv, bool with_format, chart_opts *o, ips_diag *d);

/* The metric_query the options describe (period from --period or --from/--to;
 * 'latest' reads the as-of day from wh). */
ips_error chart_opts_query(const chart_opts *o, warehouse *wh, metric_query *q, ips_diag *d);

/* Reads --project (when given) into *out and q->project; the caller frees
 * *out with project_free() after the last use of q. */
struct ips_project;
ips_error chart_opts_project(const chart_opts *o, metric_query *q, struct ips_project **out,
                             ips_diag *d);

#endif
