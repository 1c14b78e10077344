/* The period options of every reading command (report, charts, pdf,
 * publish, metrics, audit), parsed and checked in one place so that they
 * are the same everywhere:
 *
 *   --period P           2024Q3, 2024H2, 2024, or 'latest' (the latest
 *                        quarter complete by the as-of day)
 *   --from DATE --to DATE  any span, both days included
 *   --as-of DATE         the day the data describe (default: the latest
 *                        date in the data, R1)
 *
 *   static const struct option opts[] = {PERIOD_OPTIONS, {"db", ...}, ...};
 *   case PERIOD_OPT_PERIOD: ... → period_opts_take(&p, c, optarg)
 *   period_opts_check(&p, d);             // after the loop: a usage error?
 *   period_opts_resolve(&p, wh, &q, d);   // q.start, q.end, q.as_of
 */
#ifndef IPS_CLI_PERIOD_OPTS_H
#define IPS_CLI_PERIOD_OPTS_H

#include <getopt.h>
#include <stdbool.h>

#include "common/error.h"
#include "model/metrics.h"
#include "model/warehouse.h"

typedef struct {
    const char *period, *from, *to, *as_of;
} period_opts;

/* getopt_long codes, out of the way of every command's own. */
enum { PERIOD_OPT_PERIOD = 0x7100, PERIOD_OPT_FROM, PERIOD_OPT_TO, PERIOD_OPT_AS_OF };

#define PERIOD_OPTIONS                                                                        \
    {"period", required_argument, NULL, PERIOD_OPT_PERIOD},                                   \
        {"from", required_argument, NULL, PERIOD_OPT_FROM},                                   \
        {"to", required_argument, NULL, PERIOD_OPT_TO},                                       \
        {"as-of", required_argument, NULL, PERIOD_OPT_AS_OF}

/* The help lines for the options, the same in every command's --help. */
#define PERIOD_OPTS_HELP                                                                      \
    "  --period P         2024Q3 (a quarter), 2024H2 (a half-year), 2024 (a year),\n"          \
    "                     or 'latest' (the latest quarter complete by the as-of day)\n"      \
    "  --from DATE --to DATE  instead of --period: any span, YYYY-MM-DD, both days\n"         \
    "                     included\n"                                                        \
    "  --as-of DATE       the day the data describe, YYYY-MM-DD (default: the\n"              \
    "                     latest date in the data); nothing after it is used\n"

/* Stores the value of option c when it is one of PERIOD_OPTIONS; false
 * otherwise (the command's own option). */
bool period_opts_take(period_opts *p, int c, const char *arg);

/* After the options: exactly one way to give the period, and dates that are
 * dates.  IPS_ERR_USAGE with what to write instead. */
ips_error period_opts_check(const period_opts *p, ips_diag *d);

/* Sets q->start, q->end and q->as_of (left IPS_DAY_NONE without --as-of,
 * except for 'latest', which needs the as-of day from wh). */
ips_error period_opts_resolve(const period_opts *p, warehouse *wh, metric_query *q, ips_diag *d);

/* The period as one word: "2024Q3", or the span "2024-01-01–2024-02-15"
 * for --from/--to (after period_opts_resolve). */
void period_opts_label(const metric_query *q, char *buf, size_t size);

/* Appends the options to argv at n, for a command run in-process by
 * another: --period label ('latest' already resolved to its label), or
 * --from and --to as given, and --as-of; returns the new n (argv[n] NULL). */
int period_opts_argv(const period_opts *p, const char *label, char **argv, int n);

#endif
