/* ipsreport charts: every chart of a period (and the eight quarters before
 * it) as PNG, SVG or PDF files in a folder. */
#include <stdio.h>

#include "charts/charts.h"
#include "cli/chart_opts.h"
#include "cli/commands.h"
#include "cli/reader.h"
#include "model/project.h"

static void usage(FILE *out)
{
    fprintf(out,
            "usage: ipsreport charts --db FILE (--period P | --from DATE --to DATE) --out DIR [options]\n\n"
            "Draws the period's charts into DIR (created if missing), one file each:\n"
            "  employment_rate         quarterly employment rate, P's quarter and the 8 before,\n"
            "                          with the IPS benchmark band (41-50 %%)\n"
            "  exits_by_reason         exits in P by reason\n"
            "  first_employer_contact  days to the first employer contact, 30-day line\n"
            "  fidelity                the 25 fidelity items, reviewer and data side by side\n"
            "  service_path            started, employer contact, first job, job held 90 days\n"
            "  time_to_first_job       Kaplan-Meier curve of time to the first job\n"
            "  coach_targets           one bar per IPS coach on P's last day: caseload per\n"
            "                          FTE (target at most 20) beside employer contacts per\n"
            "                          week (target at least 6)\n"
            "  instruments             when the data hold assessments: mean baseline and latest\n"
            "                          score per instrument, whole and by provider\n\n"
            "options:\n"
            "  --db FILE          the warehouse\n"
            PERIOD_OPTS_HELP
            "  --out DIR          folder for the files\n"
            "  --format F         png (default), svg or pdf\n"
            "  --lang L           fi (default), sv or en\n"
            "  --min-cell N       hide counts under N (default 5)\n"
            "  --project FILE     project settings: name, code, funder, start, targets\n"
            "  --internal         no hiding of small numbers; every chart says so\n"
            "  -h, --help         this text\n");
}

int cmd_charts(int argc, char **argv, ips_diag *d)
{
    if (wants_help(argc, argv)) {
        usage(stdout);
        return IPS_EXIT_OK;
    }
    chart_opts o;
    if (!chart_opts_parse(argc, argv, true, &o, d))
        return IPS_EXIT_FAILURE;
    metric_query q;
    warehouse *wh = NULL;
    if (reader_open(o.db, &wh, d) != IPS_OK)
        return IPS_EXIT_FAILURE;
    /* 'latest' needs the warehouse's as-of day; the project then adds to q. */
    ips_project *project = NULL;
    if (chart_opts_query(&o, wh, &q, d) != IPS_OK ||
        chart_opts_project(&o, &q, &project, d) != IPS_OK) {
        reader_close(wh);
        project_free(project);
        return IPS_EXIT_FAILURE;
    }
    char **paths = NULL;
    size_t n = 0;
    /* No silent zeros: say what is missing rather than draw empty charts. */
    ips_error e = metrics_check_known(wh, &q, d);
    if (e == IPS_OK)
        e = charts_render_set(wh, &q, o.lang, (chart_format)chart_format_parse(o.format), o.out,
                              &paths, &n, d);
    reader_close(wh);
    project_free(project);
    for (size_t i = 0; i < n; i++)
        printf("%s\n", paths[i]);
    charts_paths_free(paths, n);
    chart_draw_shutdown();
    return e == IPS_OK ? IPS_EXIT_OK : IPS_EXIT_FAILURE;
}
