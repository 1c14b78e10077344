/* ipsreport report: writes the XLSX workbook for a period (reports/workbook.h).
 * Reads the warehouse read-only, through model/metrics.h and the report's
 * input loader only. */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/chart_opts.h"
#include "cli/commands.h"
#include "cli/period_opts.h"
#include "cli/reader.h"
#include "model/metrics.h"
#include "model/project.h"
#include "model/warehouse.h"
#include "reports/report_data.h"
#include "reports/report_inputs.h"
#include "reports/workbook.h"
#include "charts/charts.h"
#include "charts/draw.h"

static const char usage[] =
    "usage: ipsreport report --db FILE (--period P | --from DATE --to DATE) --out FILE.xlsx\n"
    "       [options]\n"
    "\n"
    "Writes the Excel workbook for funders, evaluators and steering groups:\n"
    "Summary, Outcomes, Fidelity, Employer work, Funding, ESF+ indicators, Capacity,\n"
    "Breakdowns, Data quality, Definitions and About, with Instruments after\n"
    "Capacity when the data hold assessments.  The warehouse is only read.\n"
    "\n"
    "  --db FILE          the warehouse\n"
    PERIOD_OPTS_HELP
    "  --out FILE.xlsx    the workbook to write; it appears only when complete\n"
    "  --compare PREV     the period to compare with (default: the one before P)\n"
    "  --lang fi|sv|en    language of every text in the workbook (default fi)\n"
    "  --internal         no small-cell suppression; every sheet is marked\n"
    "                     \"internal: contains small numbers\"\n"
    "  --min-cell N       hide counts below N (default 5)\n"
    "  --tariff FILE      fee prices, to add euro amounts to the Funding sheet\n"
    "  --project FILE     project settings: name, code, funder, start and targets\n"
    "                     (docs/project.md)\n"
    "  --per provider|team|county  also one sheet per provider (team; a national\n"
    "                    warehouse's county), after About\n"
    "  -h, --help         this text\n";

typedef struct {
    const char *db, *out, *compare, *tariff;
    period_opts p;
    const char *project;
    report_lang lang;
    bool internal;
    int min_cell;
    metric_group per;  /* GROUP_NONE: no per-group sheets */
} report_args;

static int usage_error(ips_diag *d, const char *msg, const char *arg)
{
    ips_diag_set(d, IPS_ERR_USAGE, "%s%s%s; 'ipsreport report --help' lists the options", msg,
                 arg ? " " : "", arg ? arg : "");
    return IPS_EXIT_FAILURE;
}

/* A whole number 1..1000 (no stdlib here: cli/commands.h names the exit codes). */
static bool parse_count(const char *s, int *out)
{
    int v = 0;
    if (!*s)
        return false;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || v > 1000)
            return false;
        v = v * 10 + (*s - '0');
    }
    *out = v;
    return v >= 1 && v <= 1000;
}

static bool ends_with_xlsx(const char *path)
{
    size_t n = strlen(path);
    return n > 5 && strcasecmp(path + n - 5, ".xlsx") == 0;
}

static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Returns -1 when parsed, else the exit status (help or a usage error). */
static int parse_args(int argc, char **argv, report_args *a, ips_diag *d)
{
    enum { O_DB = 256, O_OUT, O_COMPARE, O_LANG, O_INTERNAL, O_MIN_CELL, O_TARIFF, O_PER,
           O_PROJECT };
    static const struct option opts[] = {
        PERIOD_OPTIONS,
        {"db", required_argument, NULL, O_DB},
        {"out", required_argument, NULL, O_OUT},
        {"compare", required_argument, NULL, O_COMPARE},
        {"lang", required_argument, NULL, O_LANG},
        {"internal", no_argument, NULL, O_INTERNAL},
        {"min-cell", required_argument, NULL, O_MIN_CELL},
        {"tariff", required_argument, NULL, O_TARIFF},
        {"per", required_argument, NULL, O_PER},
        {"project", required_argument, NULL, O_PROJECT},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    memset(a, 0, sizeof *a);
    a->lang = REPORT_LANG_FI;
    a->min_cell = 5;
    opterr = 0;
    optind = 0; /* glibc and musl: a full reset, as `demo` runs report more than once */
    int c, lang;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        if (period_opts_take(&a->p, c, optarg))
            continue;
        switch (c) {
        case O_DB: a->db = optarg; break;
        case O_OUT: a->out = optarg; break;
        case O_COMPARE: a->compare = optarg; break;
        case O_TARIFF: a->tariff = optarg; break;
        case O_PROJECT: a->project = optarg; break;
        case O_INTERNAL: a->internal = true; break;
        case O_PER:
            if (!cli_per_parse(optarg, &a->per))
                return usage_error(d, "--per takes provider, team or (on a national warehouse) "
                                      "county, not", optarg);
            break;
        case O_LANG:
            if ((lang = report_lang_parse(optarg)) < 0)
                return usage_error(d, "--lang must be fi, sv or en, not", optarg);
            a->lang = (report_lang)lang;
            break;
        case O_MIN_CELL:
            if (!parse_count(optarg, &a->min_cell))
                return usage_error(d, "--min-cell needs a whole number from 1 to 1000, not", optarg);
            break;
        case 'h':
            fputs(usage, stdout);
            return IPS_EXIT_OK;
        case ':':
            return usage_error(d, "this option needs a value:", argv[optind - 1]);
        default:
            return usage_error(d, "unknown option", argv[optind - 1]);
        }
    }
    if (optind < argc)
        return usage_error(d, "unexpected argument", argv[optind]);
    if (!a->db)
        return usage_error(d, "give the warehouse with --db FILE", NULL);
    if (period_opts_check(&a->p, d) != IPS_OK) {
        char msg[sizeof d->msg];
        snprintf(msg, sizeof msg, "%s", d->msg);
        return usage_error(d, msg, NULL);
    }
    if (!a->out)
        return usage_error(d, "give the workbook to write with --out FILE.xlsx", NULL);
    if (!ends_with_xlsx(a->out))
        return usage_error(d, "--out must name an .xlsx file (Excel opens no other ending), not",
                           a->out);
    if (same_file(a->db, a->out))
        return usage_error(d, "--out names the warehouse itself:", a->out);
    return -1;
}

/* Resolves A, P and the comparison period into q and o. */
static ips_error resolve_dates(warehouse *wh, const report_args *a, metric_query *q,
                               report_options *o, ips_diag *d)
{
    if (!a->p.as_of) {
        ips_error e = metrics_as_of(wh, &q->as_of, d);
        if (e != IPS_OK)
            return e;
        if (q->as_of == IPS_DAY_NONE)
            return metrics_check_known(wh, q, d); /* says what to load */
    }
    ips_day as_of = q->as_of;
    ips_error e = period_opts_resolve(&a->p, wh, q, d);
    if (e != IPS_OK)
        return e;
    if (!a->p.as_of)
        q->as_of = as_of;
    if (a->compare) {
        ips_error e = metric_period_parse(a->compare, &o->prev_start, &o->prev_end, d);
        if (e != IPS_OK)
            return e;
    } else {
        metric_period_previous(q->start, q->end, &o->prev_start, &o->prev_end);
    }
    o->start = q->start;
    o->end = q->end;
    o->as_of = q->as_of;
    /* No silent zeros: say what is missing rather than write an empty workbook. */
    return metrics_check_known(wh, q, d);
}

static void summary_line(const report_args *a, const report_options *o, const report_result *res)
{
    char period[48], as_of[11];
    report_period_text(o->start, o->end, period, sizeof period);
    date_format_iso(o->as_of, as_of);
    printf("wrote %s: %zu sheets, period %s%s, data as of %s%s\n", a->out, res->n_sheets, period,
           metric_period_cut(o->end, o->as_of) < o->end ? " to date" : "", as_of,
           a->internal ? ", internal (no suppression)" : "");
    if (res->masked)
        fprintf(stderr, "ipsreport report: warning: masked %zu text(s) shaped like a personal "
                        "identity code (About counts them); look for identity codes in file "
                        "names and source data\n", res->masked);
}

/* The Summary sheet carries the PNG charts: drawn into a private temporary
 * folder that is removed once the workbook is written. */
static ips_error draw_summary_charts(warehouse *wh, const metric_query *q, const report_args *a,
                                     char tmpdir[96], char ***paths, size_t *n, ips_diag *d)
{
    const char *base = getenv("TMPDIR");
    snprintf(tmpdir, 96, "%.40s/ipsreport-charts-XXXXXX", base && *base ? base : "/tmp");
    if (!mkdtemp(tmpdir)) {
        tmpdir[0] = '\0';
        return ips_diag_set(d, IPS_ERR_IO, "cannot make a temporary folder for the charts: %s",
                            strerror(errno));
    }
    return charts_render_png_set(wh, q, report_lang_code(a->lang), tmpdir, paths, n, d);
}

static void remove_summary_charts(const char *tmpdir, char **paths, size_t n)
{
    for (size_t i = 0; i < n; i++)
        unlink(paths[i]);
    charts_paths_free(paths, n);
    if (tmpdir[0])
        rmdir(tmpdir);
}

static ips_error run(const report_args *a, ips_diag *d)
{
    char tmpdir[96] = "";
    char **pngs = NULL;
    size_t npngs = 0;
    warehouse *wh = NULL;
    report_data *data = NULL;
    report_inputs *in = NULL;
    report_result res = {0};
    metric_query q;
    report_options o;
    metric_query_init(&q);
    report_options_init(&o);
    q.internal = o.internal = a->internal;
    q.min_cell = o.min_cell = a->min_cell;
    o.lang = a->lang;
    o.per = a->per;
    const char *slash = strrchr(a->db, '/');
    o.warehouse_name = slash ? slash + 1 : a->db;
    if (a->tariff)
        reader_protect_input(a->tariff);
    ips_project *project = NULL;
    ips_error e = IPS_OK;
    if (a->project) {
        reader_protect_input(a->project);
        e = project_load(a->project, &project, d);
        q.project = project;
        if (project && project->start != IPS_DAY_NONE)
            q.project_start = project->start; /* the funder's "since the start" */
    }
    if (e == IPS_OK)
        e = reader_open(a->db, &wh, d);
    if (e == IPS_OK)
        e = resolve_dates(wh, a, &q, &o, d);
    if (e == IPS_OK && (!(data = report_data_new()) || !(in = report_inputs_new())))
        e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    if (e == IPS_OK)
        e = report_data_collect(wh, &q, o.prev_start, o.prev_end, data, d);
    if (e == IPS_OK)
        e = report_inputs_load(wh, &q, a->tariff, a->lang, in, d);
    if (e == IPS_OK)
        e = draw_summary_charts(wh, &q, a, tmpdir, &pngs, &npngs, d);
    o.summary_pngs = (const char *const *)pngs;
    o.n_summary_pngs = npngs;
    if (e == IPS_OK)
        e = report_write(a->out, &o, data, in, &res, d);
    remove_summary_charts(tmpdir, pngs, npngs);
    chart_draw_shutdown();
    if (e == IPS_OK)
        summary_line(a, &o, &res);
    report_result_free(&res);
    report_inputs_free(in);
    report_data_free(data);
    reader_close(wh);
    project_free(project);
    return e;
}

int cmd_report(int argc, char **argv, ips_diag *d)
{
    report_args a;
    int status = parse_args(argc, argv, &a, d);
    if (status >= 0)
        return status;
    return run(&a, d) == IPS_OK ? IPS_EXIT_OK : IPS_EXIT_FAILURE;
}
