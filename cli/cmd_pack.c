/* ipsreport pack: a county's aggregate pack for the national roll-up
 * (docs/federation.md), or --describe what a pack holds. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/reader.h"
#include "model/pack.h"

static const char usage_text[] =
    "usage: ipsreport pack --db FILE --county NAME --out FILE [--as-of DATE]\n"
    "       ipsreport pack --describe FILE\n"
    "\n"
    "Writes the county's aggregate pack for the national warehouse: every metric\n"
    "row, whole and by every breakdown, for every quarter, half and year from two\n"
    "years before the data to the as-of day, the last four quarters and the time\n"
    "since the start to each quarter's end, the funder's figures, the coach\n"
    "register and the fidelity reviews.  No row about one client leaves: no client\n"
    "id, pseudonym, date of birth or free text about a client.  The figures are\n"
    "not suppressed (the national level suppresses what it publishes), so send the\n"
    "pack as you would send confidential statistics.  See docs/federation.md.\n"
    "\n"
    "options:\n"
    "  --db FILE         the county's warehouse (opened read-only)\n"
    "  --county NAME     the county's name as the national reports show it\n"
    "  --out FILE        the pack to write (an SQLite file; replaced when it exists)\n"
    "  --as-of DATE      the day the figures describe, YYYY-MM-DD (default: the latest\n"
    "                    date in the data); every county of one roll-up uses one day\n"
    "  --describe FILE   print what a pack holds and exit\n"
    "  -h, --help        this text\n"
    "\n"
    "example: ipsreport pack --db out/warehouse.db --county P\xC3\xA4ij\xC3\xA4t-H\xC3\xA4me "
    "--as-of 2024-12-31 --out phhyky-2024Q4.pack\n";

static int usage(ips_diag *d, const char *msg)
{
    ips_diag_set(d, IPS_ERR_USAGE, "%s; see 'ipsreport pack --help'", msg);
    return IPS_EXIT_FAILURE;
}

static void print_day(const char *label, ips_day day)
{
    char buf[11] = "-";
    if (day != IPS_DAY_NONE)
        date_format_iso(day, buf);
    printf("%-22s %s\n", label, buf);
}

static int describe(const char *path, ips_diag *d)
{
    pack_info i;
    if (pack_describe(path, &i, d) != IPS_OK)
        return IPS_EXIT_FAILURE;
    printf("%-22s %s, version %d\n", "pack", PACK_FORMAT, i.version);
    printf("%-22s %s\n", "county", i.county);
    printf("%-22s %s by ipsreport %s\n", "written", i.created, i.made_by);
    print_day("as of", i.as_of);
    print_day("first day of data", i.first_day);
    print_day("periods from", i.period_first);
    print_day("periods to", i.period_last);
    printf("%-22s %zu (periods \xC3\x97 breakdowns, spans, funder)\n", "queries", i.queries);
    printf("%-22s %zu, unsuppressed\n", "metric rows", i.rows);
    printf("%-22s %zu\n", "coaches", i.coaches);
    printf("%-22s %zu item rows\n", "fidelity reviews", i.reviews);
    printf("%-22s none: no client id, pseudonym, birth date or free text\n", "client rows");
    if (fflush(stdout) != 0)
        return ips_diag_set(d, IPS_ERR_IO, "cannot write standard output"), IPS_EXIT_FAILURE;
    return IPS_EXIT_OK;
}

int cmd_pack(int argc, char **argv, ips_diag *d)
{
    static const struct option options[] = {
        {"db", required_argument, NULL, 'd'},       {"county", required_argument, NULL, 'c'},
        {"out", required_argument, NULL, 'o'},      {"as-of", required_argument, NULL, 'a'},
        {"describe", required_argument, NULL, 'D'}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *db = NULL, *county = NULL, *out = NULL, *desc = NULL;
    ips_day as_of = IPS_DAY_NONE;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", options, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'c': county = optarg; break;
        case 'o': out = optarg; break;
        case 'D': desc = optarg; break;
        case 'a':
            if (!date_parse_iso(optarg, &as_of))
                return usage(d, "--as-of takes a date YYYY-MM-DD");
            break;
        case 'h': fputs(usage_text, stdout); return IPS_EXIT_OK;
        default: return usage(d, "unknown option");
        }
    }
    if (optind < argc)
        return usage(d, "unexpected argument");
    if (desc)
        return db || out || county ? usage(d, "--describe takes no other option")
                                   : describe(desc, d);
    if (!db || !county || !out)
        return usage(d, "give --db FILE, --county NAME and --out FILE");
    warehouse *wh = NULL;
    if (reader_open(db, &wh, d) != IPS_OK)
        return IPS_EXIT_FAILURE;
    pack_info i;
    ips_error e = pack_write(wh, county, as_of, out, &i, d);
    reader_close(wh);
    if (e != IPS_OK)
        return IPS_EXIT_FAILURE;
    char a[11];
    date_format_iso(i.as_of, a);
    printf("%s: pack of %s as of %s: %zu queries, %zu metric rows, %zu coaches, %zu review "
           "rows\n", out, i.county, a, i.queries, i.rows, i.coaches, i.reviews);
    if (fflush(stdout) != 0)
        return ips_diag_set(d, IPS_ERR_IO, "cannot write standard output"), IPS_EXIT_FAILURE;
    return IPS_EXIT_OK;
}
