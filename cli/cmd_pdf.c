/* ipsreport pdf: the steering group's A4 summary of a period. */
#include <stdio.h>

#include "charts/charts.h"
#include "cli/chart_opts.h"
#include "cli/commands.h"
#include "cli/reader.h"
#include "model/project.h"

static void usage(FILE *out)
{
    fprintf(out,
            "usage: ipsreport pdf --db FILE (--period P | --from DATE --to DATE) --out FILE.pdf [options]\n\n"
            "Writes an A4 summary for the steering group: a title page with the key\n"
            "figures, one page per chart with a two-line reading of it, and the\n"
            "fidelity items as a table (%d pages; one more for the outcome instruments\n"
            "when the data hold assessments), the funder's (ESF+) page with the fees,\n"
            "and a page of definitions and data-quality caveats; with --per, one page\n"
            "per provider or team.\n\n"
            "options:\n"
            "  --db FILE          the warehouse\n"
            PERIOD_OPTS_HELP
            "  --out FILE.pdf     the PDF to write\n"
            "  --lang L           fi (default), sv or en\n"
            "  --min-cell N       hide counts under N (default 5)\n"
            "  --project FILE     project settings: name, code, funder, start, targets\n"
            "  --internal         no hiding of small numbers; every page says so\n"
            "  --tariff FILE      fee prices, for the fees in euros (docs/tariff.md)\n"
            "  --per provider|team|county  also one page per provider (team; a national\n"
            "                    warehouse's county)\n"
            "  -h, --help         this text\n",
            PDF_SUMMARY_PAGES);
}

int cmd_pdf(int argc, char **argv, ips_diag *d)
{
    if (wants_help(argc, argv)) {
        usage(stdout);
        return IPS_EXIT_OK;
    }
    chart_opts o;
    if (!chart_opts_parse(argc, argv, false, &o, d))
        return IPS_EXIT_FAILURE;
    metric_query q;
    warehouse *wh = NULL;
    if (o.tariff)
        reader_protect_input(o.tariff);
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
    /* No silent zeros: say what is missing rather than write an empty summary. */
    ips_error e = metrics_check_known(wh, &q, d);
    if (e == IPS_OK)
        e = pdf_summary_write_ex(wh, &q, o.lang, o.tariff, o.per, o.out, d);
    reader_close(wh);
    project_free(project);
    chart_draw_shutdown();
    if (e != IPS_OK)
        return IPS_EXIT_FAILURE;
    printf("%s\n", o.out);
    return IPS_EXIT_OK;
}
