/* Option parsing for 'charts' and 'pdf' (getopt_long), with messages that
 * say what is wrong and what to write instead. */
#include "cli/chart_opts.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charts/chart_labels.h"
#include "charts/draw.h"
#include "cli/reader.h"
#include "model/project.h"

enum { OPT_DB = 1000, OPT_LANG, OPT_FORMAT, OPT_OUT, OPT_INTERNAL, OPT_MIN_CELL, OPT_TARIFF,
       OPT_PER, OPT_PROJECT };

static bool parse_min_cell(const char *s, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || v < 1 || v > 1000)
        return false;
    *out = (int)v;
    return true;
}

static bool bad(ips_diag *d, const char *cmd, const char *what)
{
    ips_diag_set(d, IPS_ERR_USAGE, "%s; see 'ipsreport %s --help'", what, cmd);
    return false;
}

static bool check_values(const chart_opts *o, const char *cmd, bool with_format, ips_diag *d)
{
    char msg[256];
    if (!o->db)
        return bad(d, cmd, "--db FILE is required: the warehouse to read");
    if (period_opts_check(&o->p, d) != IPS_OK) {
        char why[sizeof d->msg];
        snprintf(why, sizeof why, "%s", d->msg);
        return bad(d, cmd, why);
    }
    if (!o->out)
        return bad(d, cmd, with_format ? "--out DIR is required: the folder for the charts"
                                       : "--out FILE.pdf is required: the PDF to write");
    if (chart_lang_parse(o->lang) < 0) {
        snprintf(msg, sizeof msg, "--lang '%s' is not available; use fi, sv or en", o->lang);
        return bad(d, cmd, msg);
    }
    if (with_format && chart_format_parse(o->format) < 0) {
        snprintf(msg, sizeof msg, "--format '%s' is not known; use png, svg or pdf", o->format);
        return bad(d, cmd, msg);
    }
    return true;
}

bool chart_opts_parse(int argc, char **argv, bool with_format, chart_opts *o, ips_diag *d)
{
    static const struct option longs[] = {
        PERIOD_OPTIONS,
        {"db", required_argument, NULL, OPT_DB},
        {"lang", required_argument, NULL, OPT_LANG},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"out", required_argument, NULL, OPT_OUT},
        {"internal", no_argument, NULL, OPT_INTERNAL},
        {"min-cell", required_argument, NULL, OPT_MIN_CELL},
        {"tariff", required_argument, NULL, OPT_TARIFF},
        {"per", required_argument, NULL, OPT_PER},
        {"project", required_argument, NULL, OPT_PROJECT},
        {NULL, 0, NULL, 0},
    };
    const char *cmd = argv[0];
    memset(o, 0, sizeof *o);
    o->lang = "fi";
    o->format = "png";
    o->min_cell = 5;
    optind = 0; /* a fresh scan (glibc) */
    opterr = 0; /* we word the errors ourselves */
    int c;
    char msg[256];
    /* A leading ':' makes a missing value ':' rather than '?'. */
    while ((c = getopt_long(argc, argv, ":", longs, NULL)) != -1) {
        if (period_opts_take(&o->p, c, optarg))
            continue;
        switch (c) {
        case OPT_DB: o->db = optarg; break;
        case OPT_LANG: o->lang = optarg; break;
        case OPT_OUT: o->out = optarg; break;
        case OPT_INTERNAL: o->internal = true; break;
        case OPT_PROJECT: o->project = optarg; break;
        case OPT_FORMAT:
            if (!with_format)
                return bad(d, cmd, "--format is not an option here: the summary is always a PDF");
            o->format = optarg;
            break;
        case OPT_TARIFF:
        case OPT_PER:
            if (with_format) {
                snprintf(msg, sizeof msg, "%s is an option of 'pdf' and 'report', not of '%s'",
                         argv[optind - 1], cmd);
                return bad(d, cmd, msg);
            }
            if (c == OPT_TARIFF)
                o->tariff = optarg;
            else if (!cli_per_parse(optarg, &o->per))
                return bad(d, cmd, "--per takes provider, team or (national) county");
            break;
        case OPT_MIN_CELL:
            if (!parse_min_cell(optarg, &o->min_cell)) {
                snprintf(msg, sizeof msg, "--min-cell '%s' must be a whole number from 1 to 1000",
                         optarg);
                return bad(d, cmd, msg);
            }
            break;
        case ':':
            snprintf(msg, sizeof msg, "%s needs a value", argv[optind - 1]);
            return bad(d, cmd, msg);
        default:
            snprintf(msg, sizeof msg, "'%s' is not an option of '%s'", argv[optind - 1], cmd);
            return bad(d, cmd, msg);
        }
    }
    if (optind < argc) {
        snprintf(msg, sizeof msg, "unexpected argument '%s'", argv[optind]);
        return bad(d, cmd, msg);
    }
    return check_values(o, cmd, with_format, d);
}

bool cli_per_parse(const char *s, metric_group *out)
{
    static const metric_group per[] = {GROUP_PROVIDER, GROUP_TEAM, GROUP_COUNTY};
    for (size_t i = 0; i < sizeof per / sizeof per[0]; i++)
        if (strcmp(s, metric_group_name(per[i])) == 0) {
            *out = per[i];
            return true;
        }
    return false;
}

ips_error chart_opts_query(const chart_opts *o, warehouse *wh, metric_query *q, ips_diag *d)
{
    metric_query_init(q);
    q->internal = o->internal;
    q->min_cell = o->min_cell;
    return period_opts_resolve(&o->p, wh, q, d);
}

ips_error chart_opts_project(const chart_opts *o, metric_query *q, struct ips_project **out,
                             ips_diag *d)
{
    *out = NULL;
    if (!o->project)
        return IPS_OK;
    reader_protect_input(o->project);
    ips_error e = project_load(o->project, out, d);
    q->project = *out;
    /* the funder's "since the start" is the project's start (model/funder.h) */
    if (*out && (*out)->start != IPS_DAY_NONE)
        q->project_start = (*out)->start;
    return e;
}
