/* ipsreport audit: act as the intruder against what the outputs publish. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/commands.h"
#include "cli/period_opts.h"
#include "cli/reader.h"
#include "model/disclosure.h"
#include "model/funder.h"
#include "model/metrics.h"

static const char usage_text[] =
    "usage: ipsreport audit --db FILE (--period P | --from DATE --to DATE) [--as-of DATE]\n"
    "       [--min-cell N]\n"
    "\n"
    "Checks the small-cell suppression of everything the outputs would publish\n"
    "for P's year: its quarters, halves, the year and January-September (the\n"
    "third quarter's year to date), each whole and by every breakdown (metrics,\n"
    "report, charts, pdf and publish all hide the same cells).\n"
    "Taking only the published figures and the public relations between them\n"
    "(breakdowns add up to the whole, coaches to teams, teams to providers,\n"
    "quarters to halves and years, the same count under several names, \"<5\"\n"
    "means 1 to 4), it works out every hidden count it can, exactly or by bounds,\n"
    "and reports any that it pins to one value.  See docs/privacy.md.\n"
    "\n"
    "Exit status: 0 nothing hidden can be worked out, 1 some can, 2 an error.\n"
    "\n"
    PERIOD_OPTS_HELP
    "\n"
    "example: ipsreport audit --db out/warehouse.db --period 2024Q4\n";

static int usage(ips_diag *d, const char *msg)
{
    ips_diag_set(d, IPS_ERR_USAGE, "%s; see 'ipsreport audit --help'", msg);
    return IPS_EXIT_FAILURE;
}

static int parse(int argc, char **argv, const char **db, period_opts *p, metric_query *q,
                 ips_diag *d)
{
    static const struct option options[] = {
        PERIOD_OPTIONS,
        {"db", required_argument, NULL, 'd'},     {"min-cell", required_argument, NULL, 'm'},
        {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0},
    };
    char *end;
    long n;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", options, NULL)) != -1) {
        if (period_opts_take(p, c, optarg))
            continue;
        switch (c) {
        case 'd': *db = optarg; break;
        case 'm':
            n = strtol(optarg, &end, 10);
            if (*end || n < 1 || n > 1000)
                return usage(d, "--min-cell takes a whole number from 1 to 1000");
            q->min_cell = (int)n;
            break;
        case 'h': fputs(usage_text, stdout); return -1;
        default: return usage(d, "unknown option");
        }
    }
    if (!*db || optind < argc)
        return usage(d, "give --db FILE and --period P");
    if (period_opts_check(p, d) != IPS_OK) {
        char msg[sizeof d->msg];
        snprintf(msg, sizeof msg, "%s", d->msg);
        return usage(d, msg);
    }
    return IPS_EXIT_OK;
}

int cmd_audit(int argc, char **argv, ips_diag *d)
{
    const char *db = NULL;
    metric_query q;
    metric_query_init(&q);
    period_opts p = {0};
    int st = parse(argc, argv, &db, &p, &q, d);
    if (st != IPS_EXIT_OK)
        return st < 0 ? IPS_EXIT_OK : st;
    warehouse *wh = NULL;
    if (reader_open(db, &wh, d) != IPS_OK)
        return IPS_EXIT_FAILURE;
    disclosure_audit a, fa;
    disclosure_stats s;
    bool own = false;
    ips_error e = warehouse_read_begin(wh, &own, d);
    /* nothing to audit in a warehouse or period nothing is known of: exit 2 */
    if (e == IPS_OK) {
        ips_error r = period_opts_resolve(&p, wh, &q, d);
        if (r == IPS_OK)
            r = metrics_check_known(wh, &q, d);
        if (r == IPS_OK)
            r = disclosure_audit_period(wh, &q, false, &a, &s, d);
        /* the funder's figures since the start are a universe of their own */
        if (r == IPS_OK)
            r = funder_audit(wh, &q, q.project_start, &fa, d);
        e = warehouse_read_end(wh, own, r, d);
    }
    reader_close(wh);
    if (e != IPS_OK)
        return IPS_EXIT_FAILURE;
    printf("Published together: %zu rows that could be hidden (%zu quantities, %zu public "
           "relations between them)\n",
           s.rows, s.variables, s.relations);
    printf("Hidden: %zu rows, %zu for a small number in them (primary; %zu read \"<%d\"), %zu "
           "to protect them (secondary; %zu rounds)\n",
           s.hidden, s.primary, a.primary, q.min_cell, s.secondary, s.rounds);
    if (s.inexact)
        printf("Note: %zu relations do not hold exactly in these data (a client of two coaches "
               "counts under both); the intruder is assumed to use them anyway\n",
               s.inexact);
    printf("Intruder: %zu hidden quantities checked, %zu worked out\n", a.quantities,
           a.recovered);
    if (a.recovered)
        printf("  e.g. %s\n", a.example);
    printf("Funder's figures since the start: %zu hidden quantities checked, %zu worked out\n",
           fa.quantities, fa.recovered);
    if (fa.recovered)
        printf("  e.g. %s\n", fa.example);
    if (fflush(stdout) != 0)
        return ips_diag_set(d, IPS_ERR_IO, "cannot write standard output"), IPS_EXIT_FAILURE;
    return a.recovered || fa.recovered ? IPS_EXIT_REJECTS : IPS_EXIT_OK;
}
