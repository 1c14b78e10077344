/* ipsreport demo: the whole pipeline on the sample exports, by running the
 * other commands in turn, so the demo shows exactly what users will run. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <glob.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/reader.h"
#include "cli/step.h"
#include "model/metrics.h"
#include "reports/report_data.h"

static const char usage_text[] =
    "usage: ipsreport demo [--samples DIR] [--out DIR]\n"
    "\n"
    "Runs the whole pipeline on the sample exports (default samples/canonical) into\n"
    "DIR (default out): a fresh warehouse.db, the data-quality check, metrics for the\n"
    "latest complete quarter as CSV and JSON, workbooks, charts and the PDF summary in\n"
    "Finnish, Swedish and English ('ipsreport publish'). Each step is the ipsreport command a\n"
    "user would run.\n";

/* The latest quarter that ends on or before the as-of date. */
static ips_error latest_quarter(const char *db, char label[16], char as_of_iso[11], ips_diag *d)
{
    warehouse *wh = NULL;
    ips_day as_of;
    ips_error e = reader_open(db, &wh, d);
    if (e == IPS_OK)
        e = metrics_as_of(wh, &as_of, d);
    reader_close(wh);
    if (e != IPS_OK)
        return e;
    if (as_of == IPS_DAY_NONE)
        return ips_diag_set(d, IPS_ERR_NO_DATA, "%s: the samples gave no dated rows", db);
    ips_day start, end;
    date_format_iso(as_of, as_of_iso);
    report_latest_quarter(as_of, &start, &end);
    report_period_text(start, end, label, 16);
    return IPS_OK;
}

static int run(const char *samples, const char *out, ips_diag *d)
{
    char db[4096], path[4200], quarter[16], pattern[4200], as_of[11];
    glob_t g;
    if (strlen(out) > 3000 || strlen(samples) > 3000) {
        ips_diag_set(d, IPS_ERR_USAGE, "folder names are too long");
        return IPS_EXIT_FAILURE;
    }
    snprintf(db, sizeof db, "%s/warehouse.db", out);
    snprintf(pattern, sizeof pattern, "%s/*.csv", samples);
    if (mkdir(out, 0755) != 0 && errno != EEXIST) {
        ips_diag_set(d, IPS_ERR_IO, "%s: cannot create: %s", out, strerror(errno));
        return IPS_EXIT_FAILURE;
    }
    static const char *const suffixes[] = {"", "-wal", "-shm"};
    for (size_t i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s%s", db, suffixes[i]);
        unlink(path); /* a fresh warehouse each run */
    }
    if (glob(pattern, 0, NULL, &g) != 0) {
        ips_diag_set(d, IPS_ERR_IO, "%s: no CSV files; run 'make samples' first", samples);
        return IPS_EXIT_FAILURE;
    }
    char **argv = calloc(g.gl_pathc + 4, sizeof *argv);
    if (!argv) {
        globfree(&g);
        ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        return IPS_EXIT_FAILURE;
    }
    argv[0] = "ingest", argv[1] = "--db", argv[2] = db;
    for (size_t i = 0; i < g.gl_pathc; i++)
        argv[3 + i] = g.gl_pathv[i];
    int status = step_run(cmd_ingest, NULL, d, argv);
    free(argv);
    globfree(&g);
    if (status == IPS_EXIT_FAILURE || latest_quarter(db, quarter, as_of, d) != IPS_OK)
        return IPS_EXIT_FAILURE;
    char chk[4200], project[4200], tariff[4200];
    snprintf(chk, sizeof chk, "%s/check.txt", out);
    /* The samples' project settings and fee prices (samples/project.ini and
     * samples/tariff.ini beside samples/canonical), and a page and sheet per
     * provider, as a project manager's quarterly pack has them. */
    snprintf(project, sizeof project, "%s/../project.ini", samples);
    snprintf(tariff, sizeof tariff, "%s/../tariff.ini", samples);
    bool has_project = access(project, R_OK) == 0, has_tariff = access(tariff, R_OK) == 0;
    char *publish[20] = {"publish", "--db", db, "--period", quarter, "--lang", "fi,sv,en",
                         "--out", (char *)out, "--per", "provider"};
    size_t np = 11;
    if (has_project)
        publish[np++] = "--project", publish[np++] = project;
    if (has_tariff)
        publish[np++] = "--tariff", publish[np++] = tariff;
    publish[np] = NULL;
    struct {
        command_fn fn;
        const char *out_file;
        char **argv;
    } steps[] = {
        {cmd_check, chk, (char *[]){"check", "--db", db, "--as-of", as_of, NULL}},
        {cmd_publish, NULL, publish},
    };
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        /* check exits 1 when it has findings; that is information, not failure. */
        if (step_run(steps[i].fn, steps[i].out_file, d, steps[i].argv) == IPS_EXIT_FAILURE)
            return IPS_EXIT_FAILURE;
    }
    /* The last connection to close checkpoints the WAL and removes it only
     * when it may write: leave one warehouse file, not three. */
    warehouse *wh = NULL;
    if (warehouse_open(db, 0, &wh, d) == IPS_OK)
        warehouse_free(wh);
    fprintf(stderr, "demo: wrote %s (warehouse, check.txt, metrics-%s.csv and .json, "
            "report-fi.xlsx, report-sv.xlsx, report-en.xlsx, charts-fi/, charts-sv/, "
            "charts-en/, summary-fi.pdf, summary-sv.pdf, summary-en.pdf)\n", out, quarter);
    return IPS_EXIT_OK;
}

int cmd_demo(int argc, char **argv, ips_diag *d)
{
    static const struct option options[] = {
        {"samples", required_argument, NULL, 's'},
        {"out", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *samples = "samples/canonical", *out = "out";
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", options, NULL)) != -1) {
        switch (c) {
        case 's': samples = optarg; break;
        case 'o': out = optarg; break;
        case 'h': fputs(usage_text, stdout); return IPS_EXIT_OK;
        default: ips_diag_set(d, IPS_ERR_USAGE, "see 'ipsreport demo --help'"); return IPS_EXIT_FAILURE;
        }
    }
    return run(samples, out, d);
}
