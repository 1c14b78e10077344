/* ipsreport: the one binary.  Dispatches to a subcommand from the table,
 * prints the one error line a command leaves in its ips_diag, and exits with
 * the command's status. */
#include <locale.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "common/version.h"
#include "cli/commands.h"

static const command commands[] = {
    {"ingest", cmd_ingest, "load CSV exports into the warehouse"},
    {"check", cmd_check, "summarise data quality of a warehouse"},
    {"metrics", cmd_metrics, "print metrics as CSV or JSON"},
    {"report", cmd_report, "write the XLSX workbook"},
    {"charts", cmd_charts, "draw charts as PNG, SVG or PDF"},
    {"pdf", cmd_pdf, "write the PDF summary for the steering group"},
    {"publish", cmd_publish, "write the period's whole pack from one computation"},
    {"audit", cmd_audit, "check that no hidden cell can be worked out"},
    {"pack", cmd_pack, "write a county's aggregate pack for the national roll-up"},
    {"merge", cmd_merge, "build a national warehouse from counties' packs"},
    {"profile", cmd_profile, "check or guess a source profile"},
    {"key", cmd_key, "create a pseudonym key file"},
    {"demo", cmd_demo, "run the whole pipeline on the samples"},
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void usage(FILE *out)
{
    fprintf(out, "usage: ipsreport <command> [options]\n\n"
                 "Turns supported-employment (IPS) client-system exports into metrics,\n"
                 "workbooks and charts.\n\ncommands:\n");
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(out, "  %-9s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\n'ipsreport <command> --help' describes a command.\n"
                 "'ipsreport --version' prints the version.\n");
}

int wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            return 0;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
            return 1;
    }
    return 0;
}

static int finish(int status)
{
    /* Output that never reached its file is an error, not a success. */
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "ipsreport: cannot write standard output\n");
        return IPS_EXIT_FAILURE;
    }
    return status;
}

int main(int argc, char **argv)
{
    /* Numbers are written with '.', whatever the user's locale. */
    setlocale(LC_ALL, "C");
    /* Past a file-size limit (ulimit -f) a write then fails with EFBIG and
     * the output's temporary is removed (common/outfile.h), instead of the
     * process being killed with the temporary left behind. */
    signal(SIGXFSZ, SIG_IGN);
#ifdef M_MMAP_THRESHOLD
    /* A reader allocates and frees buffers of several MB (BLOBs, row
     * arrays, images).  glibc raises its mmap threshold to each freed
     * block's size, so the next ones come from the heap and stay there: a
     * fixed threshold gives them back, 9 MB of a 10x PDF's 68. */
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
    if (argc < 2) {
        usage(stderr);
        return IPS_EXIT_FAILURE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return finish(IPS_EXIT_OK);
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("ipsreport %s\n", IPS_VERSION);
        return finish(IPS_EXIT_OK);
    }
    for (size_t i = 0; i < NCOMMANDS; i++) {
        if (strcmp(argv[1], commands[i].name) != 0)
            continue;
        ips_diag d;
        ips_diag_clear(&d);
        int status = commands[i].fn(argc - 1, argv + 1, &d);
        if (d.code != IPS_OK)
            fprintf(stderr, "ipsreport %s: %s\n", commands[i].name,
                    d.msg[0] ? d.msg : ips_strerror(d.code));
        return finish(status);
    }
    fprintf(stderr, "ipsreport: '%s' is not a command; 'ipsreport --help' lists them\n", argv[1]);
    return IPS_EXIT_FAILURE;
}
