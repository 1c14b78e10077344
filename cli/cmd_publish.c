/* ipsreport publish: the quarter's whole pack from one computation — the
 * metrics as CSV and JSON, the workbook, charts and PDF summary in each
 * language asked for.  The commands that write each part run in this
 * process on one shared read-only connection inside one read transaction
 * (cli/reader.h), so every part shows the same snapshot and the facts and
 * metric rows are computed once for all of them. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/chart_opts.h"
#include "cli/commands.h"
#include "cli/period_opts.h"
#include "cli/reader.h"
#include "cli/step.h"
#include "model/disclosure.h"
#include "model/metrics.h"
#include "model/funder.h"
#include "model/project.h"
#include "reports/report_data.h"

static const char usage_text[] =
    "usage: ipsreport publish --db FILE (--period P | --from DATE --to DATE) --out DIR\n"
    "       [options]\n"
    "\n"
    "Writes the period's whole pack into DIR from one computation:\n"
    "  metrics-P.csv, metrics-P.json   every metric (as 'ipsreport metrics')\n"
    "  report-LANG.xlsx                 the workbook, per language\n"
    "  charts-LANG/                     the charts, per language\n"
    "  summary-LANG.pdf                 the PDF summary, per language\n"
    "All parts read the same snapshot of the warehouse.\n"
    "\n"
    "  --db FILE          the warehouse (only read)\n"
    PERIOD_OPTS_HELP
    "  --out DIR          the folder to write (created when missing)\n"
    "  --lang LIST        languages, comma separated: fi, sv, en (default fi)\n"
    "  --format F         chart format: png, svg or pdf (default png)\n"
    "  --min-cell N       hide counts below N (default 5)\n"
    "  --internal         no small-cell suppression; every output says so\n"
    "  --tariff FILE      fee prices for the fees in euros (workbook and PDF)\n"
    "  --per provider|team|county  also a sheet and a PDF page per provider (team;\n"
    "                    a national warehouse's county)\n"
    "  --project FILE     project settings: name, code, funder, start, targets\n"
    "  -h, --help         this text\n";

typedef struct {
    const char *db, *out, *langs, *format, *min_cell, *tariff, *per;
    period_opts p;
    const char *project;
    int internal;
} publish_args;

static int usage_error(ips_diag *d, const char *msg, const char *arg)
{
    ips_diag_set(d, IPS_ERR_USAGE, "%s%s%s; 'ipsreport publish --help' lists the options", msg,
                 arg ? " " : "", arg ? arg : "");
    return IPS_EXIT_FAILURE;
}

static int parse_args(int argc, char **argv, publish_args *a, ips_diag *d)
{
    enum { O_DB = 256, O_OUT, O_LANG, O_FORMAT, O_MIN, O_INTERNAL, O_TARIFF, O_PER, O_PROJECT };
    static const struct option opts[] = {
        PERIOD_OPTIONS,
        {"db", required_argument, NULL, O_DB},
        {"out", required_argument, NULL, O_OUT},
        {"lang", required_argument, NULL, O_LANG},
        {"format", required_argument, NULL, O_FORMAT},
        {"min-cell", required_argument, NULL, O_MIN},
        {"internal", no_argument, NULL, O_INTERNAL},
        {"tariff", required_argument, NULL, O_TARIFF},
        {"per", required_argument, NULL, O_PER},
        {"project", required_argument, NULL, O_PROJECT},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    memset(a, 0, sizeof *a);
    a->langs = "fi";
    a->format = "png";
    opterr = 0;
    optind = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        if (period_opts_take(&a->p, c, optarg))
            continue;
        switch (c) {
        case O_DB: a->db = optarg; break;
        case O_OUT: a->out = optarg; break;
        case O_LANG: a->langs = optarg; break;
        case O_FORMAT: a->format = optarg; break;
        case O_MIN: a->min_cell = optarg; break;
        case O_INTERNAL: a->internal = 1; break;
        case O_TARIFF: a->tariff = optarg; break;
        case O_PER:
            if (!cli_per_parse(optarg, &(metric_group){GROUP_NONE}))
                return usage_error(d, "--per takes provider, team or (on a national "
                                      "warehouse) county, not", optarg);
            a->per = optarg;
            break;
        case O_PROJECT: a->project = optarg; break;
        case 'h': fputs(usage_text, stdout); return IPS_EXIT_OK;
        case ':': return usage_error(d, "an option needs a value:", argv[optind - 1]);
        default: return usage_error(d, "unknown option", argv[optind - 1]);
        }
    }
    if (optind < argc)
        return usage_error(d, "unexpected argument", argv[optind]);
    if (!a->db || !a->out)
        return usage_error(d, "--db and --out are required", NULL);
    if (period_opts_check(&a->p, d) != IPS_OK) {
        char msg[sizeof d->msg];
        snprintf(msg, sizeof msg, "%s", d->msg);
        return usage_error(d, msg, NULL);
    }
    return -1;
}

/* "latest" becomes the quarter's label, so every part and file name agree. */
static ips_error resolve_period(warehouse *wh, const publish_args *a, char label[32], ips_diag *d)
{
    metric_query q;
    metric_query_init(&q);
    /* Nothing is written for a warehouse or period nothing is known of. */
    ips_error e = metrics_check_known(wh, &q, d); /* no period yet: the warehouse's data */
    if (e == IPS_OK)
        e = period_opts_resolve(&a->p, wh, &q, d);
    if (e == IPS_OK)
        e = metrics_check_known(wh, &q, d);
    if (e == IPS_OK)
        period_opts_label(&q, label, 32);
    return e;
}

/* The intruder's audit of what the pack would publish (ipsreport audit):
 * nothing is written when a hidden cell could be worked out. */
static ips_error audit_pack(warehouse *wh, const publish_args *a, const char *label,
                            ips_day project_start, ips_diag *d)
{
    if (a->internal)
        return IPS_OK;
    metric_query q;
    metric_query_init(&q);
    char *end;
    long n = a->min_cell ? strtol(a->min_cell, &end, 10) : 5;
    if (a->min_cell && (*end || n < 1 || n > 1000))
        return ips_diag_set(d, IPS_ERR_USAGE, "--min-cell takes a whole number from 1 to 1000");
    q.min_cell = (int)n;
    if (period_opts_resolve(&a->p, wh, &q, d) != IPS_OK)
        return d->code;
    if (project_start != IPS_DAY_NONE) /* the funder's figures start there */
        q.project_start = project_start;
    disclosure_audit au;
    ips_error e = disclosure_audit_period(wh, &q, true, &au, NULL, d);
    if (e == IPS_OK && au.recovered)
        e = ips_diag_set(d, IPS_ERR_DISCLOSURE,
                         "%zu hidden cells could be worked out from what %s would publish (e.g. "
                         "%s); nothing written: 'ipsreport audit' shows them, please report it",
                         au.recovered, label, au.example);
    /* the funder's rows since the start are a universe of their own */
    if (e == IPS_OK)
        e = funder_audit(wh, &q, q.project_start, &au, d);
    if (e == IPS_OK && au.recovered)
        e = ips_diag_set(d, IPS_ERR_DISCLOSURE,
                         "%zu hidden cells of the funder's figures could be worked out (e.g. "
                         "%s); nothing written: please report it", au.recovered, au.example);
    /* The headline comparisons publish the same period a year earlier too,
     * from that year's universe (docs/project.md). */
    q.start = date_add_months(q.start, -12);
    q.end = date_add_months(q.end + 1, -12) - 1;
    char before[32];
    metric_period_text(q.start, q.end, before, sizeof before);
    if (e == IPS_OK)
        e = disclosure_audit_period(wh, &q, true, &au, NULL, d);
    if (e == IPS_OK && au.recovered)
        e = ips_diag_set(d, IPS_ERR_DISCLOSURE,
                         "%zu hidden cells could be worked out from what %s would publish beside "
                         "%s (e.g. %s); nothing written: 'ipsreport audit --period %s' shows them, "
                         "please report it", au.recovered, before, label, au.example, before);
    return e;
}

/* Appends the options every reading command shares to argv from index n. */
static int common_opts(const publish_args *a, const char *label, char **argv, int n)
{
    if (a->project && strcmp(argv[0], "metrics") != 0)
        argv[n++] = "--project", argv[n++] = (char *)a->project;
    n = period_opts_argv(&a->p, label, argv, n);
    if (a->min_cell)
        argv[n++] = "--min-cell", argv[n++] = (char *)a->min_cell;
    if (a->internal)
        argv[n++] = "--internal";
    argv[n] = NULL;
    return n;
}

typedef struct {
    const publish_args *a;
    const char *period;
    ips_diag *d;
} pack;

static int run_metrics(const pack *p, const char *format)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/metrics-%s.%s", p->a->out, p->period, format);
    char *argv[20] = {"metrics", "--db", (char *)p->a->db, "--format", (char *)format};
    common_opts(p->a, p->period, argv, 5);
    return step_run(cmd_metrics, path, p->d, argv);
}

static int run_lang(const pack *p, const char *lang)
{
    char xlsx[4200], charts[4200], pdf[4200];
    snprintf(xlsx, sizeof xlsx, "%s/report-%s.xlsx", p->a->out, lang);
    snprintf(charts, sizeof charts, "%s/charts-%s", p->a->out, lang);
    snprintf(pdf, sizeof pdf, "%s/summary-%s.pdf", p->a->out, lang);
    char *db = (char *)p->a->db, *per = (char *)p->period, *lg = (char *)lang;
    char *rep[24] = {"report", "--db", db, "--lang", lg, "--out", xlsx};
    int n = common_opts(p->a, per, rep, 7);
    if (p->a->tariff)
        rep[n++] = "--tariff", rep[n++] = (char *)p->a->tariff, rep[n] = NULL;
    if (p->a->per)
        rep[n++] = "--per", rep[n++] = (char *)p->a->per, rep[n] = NULL;
    char *cha[24] = {"charts", "--db", db, "--lang", lg, "--format", (char *)p->a->format,
                     "--out", charts};
    common_opts(p->a, per, cha, 9);
    char *pdfa[24] = {"pdf", "--db", db, "--lang", lg, "--out", pdf};
    n = common_opts(p->a, per, pdfa, 7);
    if (p->a->tariff)
        pdfa[n++] = "--tariff", pdfa[n++] = (char *)p->a->tariff, pdfa[n] = NULL;
    if (p->a->per)
        pdfa[n++] = "--per", pdfa[n++] = (char *)p->a->per, pdfa[n] = NULL;
    int st = step_run(cmd_report, NULL, p->d, rep);
    if (st == IPS_EXIT_OK)
        st = step_run(cmd_charts, NULL, p->d, cha);
    if (st == IPS_EXIT_OK)
        st = step_run(cmd_pdf, NULL, p->d, pdfa);
    return st;
}

/* Every part, each language in turn; the first failure stops the pack. */
static int run_parts(const pack *p)
{
    int st = run_metrics(p, "csv");
    if (st == IPS_EXIT_OK)
        st = run_metrics(p, "json");
    char langs[64];
    snprintf(langs, sizeof langs, "%s", p->a->langs);
    for (char *save = NULL, *l = strtok_r(langs, ",", &save); st == IPS_EXIT_OK && l;
         l = strtok_r(NULL, ",", &save))
        st = run_lang(p, l);
    return st;
}

static bool langs_valid(const char *list)
{
    char langs[64];
    if (strlen(list) >= sizeof langs)
        return false;
    snprintf(langs, sizeof langs, "%s", list);
    int n = 0;
    for (char *save = NULL, *l = strtok_r(langs, ",", &save); l; l = strtok_r(NULL, ",", &save), n++)
        if (strcmp(l, "fi") != 0 && strcmp(l, "sv") != 0 && strcmp(l, "en") != 0)
            return false;
    return n > 0;
}

static int run(const publish_args *a, ips_diag *d)
{
    if (!langs_valid(a->langs))
        return usage_error(d, "--lang takes fi, sv and en, comma separated, not", a->langs);
    if (strlen(a->out) > 3000 || strlen(a->db) > 3000)
        return usage_error(d, "the folder or file name is too long:", a->out);
    /* The folder is made only once the period is known to hold data. */
    if (a->tariff)
        reader_protect_input(a->tariff);
    ips_day project_start = IPS_DAY_NONE;
    if (a->project) {
        /* A bad file stops the pack before anything is written. */
        ips_project *pr;
        reader_protect_input(a->project);
        if (project_load(a->project, &pr, d) != IPS_OK)
            return IPS_EXIT_FAILURE;
        project_start = pr->start;
        project_free(pr);
    }
    warehouse *wh = NULL;
    if (reader_open(a->db, &wh, d) != IPS_OK)
        return IPS_EXIT_FAILURE; /* it also warns of an unfinished ingest run */
    /* One read transaction: every part sees the same data, even while an
     * ingest commits beside us. */
    char label[32];
    int st = IPS_EXIT_FAILURE;
    bool own;
    if (warehouse_read_begin(wh, &own, d) == IPS_OK) {
        ips_error e = resolve_period(wh, a, label, d);
        if (e == IPS_OK)
            e = audit_pack(wh, a, label, project_start, d);
        if (e == IPS_OK && mkdir(a->out, 0755) != 0 && errno != EEXIST)
            e = ips_diag_set(d, IPS_ERR_IO, "%s: cannot create: %s", a->out, strerror(errno));
        if (e == IPS_OK) {
            reader_share(a->db, wh);
            pack p = {a, label, d};
            st = run_parts(&p);
            reader_share(NULL, NULL);
        }
        if (warehouse_read_end(wh, own, e, d) != IPS_OK)
            st = IPS_EXIT_FAILURE;
    }
    reader_close(wh);
    if (st == IPS_EXIT_OK)
        fprintf(stderr, "publish: wrote %s for %s (metrics CSV and JSON; workbook, charts and "
                "PDF in %s)\n", a->out, label, a->langs);
    return st;
}

int cmd_publish(int argc, char **argv, ips_diag *d)
{
    publish_args a;
    int st = parse_args(argc, argv, &a, d);
    return st >= 0 ? st : run(&a, d);
}
