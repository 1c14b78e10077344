/* ipsreport merge: builds or updates a national warehouse from counties'
 * aggregate packs (docs/federation.md). */
#include <getopt.h>
#include <stdio.h>

#include "cli/commands.h"
#include "model/pack.h"

static const char usage_text[] =
    "usage: ipsreport merge --db NATIONAL PACK...\n"
    "\n"
    "Builds the national warehouse NATIONAL from the counties' packs (ipsreport\n"
    "pack), or updates it: a county's newer pack replaces its older one, an older\n"
    "one is ignored.  Every county's pack must be as of one day.  metrics, report,\n"
    "charts, pdf and publish then read NATIONAL as they read a county's warehouse,\n"
    "for the calendar quarters, halves and years the packs hold, with\n"
    "suppression applied as everywhere.  A county's own warehouse is refused.\n"
    "\n"
    "options:\n"
    "  --db FILE     the national warehouse (created when it does not exist)\n"
    "  -h, --help    this text\n"
    "\n"
    "example: ipsreport merge --db national.db phhyky-2024Q4.pack khshyvinvointi-2024Q4.pack\n";

static int usage(ips_diag *d, const char *msg)
{
    ips_diag_set(d, IPS_ERR_USAGE, "%s; see 'ipsreport merge --help'", msg);
    return IPS_EXIT_FAILURE;
}

int cmd_merge(int argc, char **argv, ips_diag *d)
{
    static const struct option options[] = {
        {"db", required_argument, NULL, 'd'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *db = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", options, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'h': fputs(usage_text, stdout); return IPS_EXIT_OK;
        default: return usage(d, "unknown option");
        }
    }
    if (!db || optind >= argc)
        return usage(d, "give --db NATIONAL and one or more packs");
    warehouse *wh = NULL;
    if (warehouse_open(db, WH_CREATE, &wh, d) != IPS_OK)
        return IPS_EXIT_FAILURE;
    national_report r;
    ips_error e = national_merge(wh, (const char *const *)(argv + optind),
                                 (size_t)(argc - optind), &r, d);
    warehouse_free(wh);
    if (e != IPS_OK)
        return IPS_EXIT_FAILURE;
    char a[11];
    date_format_iso(r.as_of, a);
    printf("%s: %zu packs added, %zu replaced, %zu older or already held ignored; %zu counties "
           "as of %s\n",
           db, r.added, r.replaced, r.kept, r.counties, a);
    if (fflush(stdout) != 0)
        return ips_diag_set(d, IPS_ERR_IO, "cannot write standard output"), IPS_EXIT_FAILURE;
    return IPS_EXIT_OK;
}
