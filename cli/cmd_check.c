/* ipsreport check: a data-quality summary a project manager can act on. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/commands.h"
#include "cli/reader.h"
#include "model/batches.h"
#include "model/quality.h"
#include "model/waiting.h"

static const char usage_text[] =
    "usage: ipsreport check --db FILE [--as-of YYYY-MM-DD]\n"
    "\n"
    "Summarises the data quality of a warehouse: rows per entity, rejected rows per\n"
    "file and column, IPS episodes without a coach, open episodes older than two\n"
    "years, jobs that overlap no episode, clients with an open episode and no\n"
    "contact in 90 days, and contacts dated after the as-of date (default: today).\n"
    "Rows waiting for a client, coach, employer or enrollment not loaded yet are listed\n"
    "per file with a few file:line references; a later ingest that brings what they\n"
    "name stores them. Last, each batch's accounting as it is now.\n"
    "Each finding shows up to five record ids to look up in the client system.\n"
    "\n"
    "Exit status: 0 nothing to fix, 1 findings or rejected rows, 2 an error.\n"
    "\n"
    "example: ipsreport check --db out/warehouse.db --as-of 2024-12-31\n";

static void print_report(const char *db, const quality_report *r, int *status)
{
    char iso[11];
    date_format_iso(r->as_of, iso);
    printf("Warehouse %s, as of %s\n\nRows stored:\n", db, iso);
    for (int e = 0; e < ENT__COUNT; e++)
        printf("  %-18s %lld\n", contract_entity_get(e)->name, r->rows[e]);
    printf("\nRejected rows (file, column: count, first line, example reason):\n");
    if (!r->nrejects)
        printf("  none\n");
    for (size_t i = 0; i < r->nrejects; i++) {
        const quality_rejects *g = &r->rejects[i];
        if (g->first_line > 0)
            printf("  %s (batch %lld), %s: %lld, from line %lld, e.g. %s\n", g->file_name,
                   g->batch_id, g->column, g->count, g->first_line, g->example);
        else /* a national warehouse: a county's count; its lines stay in the county */
            printf("  %s, %s: %lld\n", g->file_name, g->column, g->count);
        *status = IPS_EXIT_REJECTS;
    }
    printf("\nFindings:\n");
    for (size_t i = 0; i < r->nfindings; i++) {
        const quality_finding *f = &r->findings[i];
        printf("  %-70s %lld", quality_finding_text(f->id), f->count);
        if (f->count && f->examples[0])
            printf("  e.g. %s%s", f->examples, f->count > 5 ? ", …" : "");
        printf("\n");
        if (f->count)
            *status = IPS_EXIT_REJECTS;
    }
}

/* Each batch's accounting as it is now: rows tried again later moved from
 * rejected to stored. */
static void print_batches(const batch_list *l)
{
    long long replaced = 0;
    printf("\nBatches (read = stored + rejected + duplicate):\n");
    if (!l->n)
        printf("  none\n");
    for (size_t i = 0; i < l->n; i++) {
        const batch_info *b = &l->items[i];
        if (b->superseded_by) {
            replaced++;
            continue;
        }
        printf("  %s (batch %lld, %s): %lld read, %lld stored (%lld updated), %lld rejected, "
               "%lld duplicate", b->file_name, b->batch_id, b->entity, b->read, b->stored,
               b->updated, b->rejected, b->duplicate);
        if (b->retried_at)
            printf("; rejected rows last tried again %s", b->retried_at);
        printf("\n");
    }
    if (replaced)
        printf("  and %lld earlier readings of the same files under another profile, replaced\n",
               replaced);
}

static void print_waiting(const waiting_group *g, size_t n, int *status)
{
    printf("\nRows waiting for what they name (file, entity: count, for what, e.g. lines):\n");
    if (!n)
        printf("  none\n");
    for (size_t i = 0; i < n; i++) {
        printf("  %s (batch %lld), %s: %lld waiting for %s (%s), e.g. ", g[i].file_name,
               g[i].batch_id, g[i].entity, g[i].count, g[i].ref_entity, g[i].column);
        /* "2, 3, 4" as file:2, file:3, file:4: each a place to look. */
        const char *p = g[i].lines;
        while (*p) {
            size_t k = strcspn(p, ",");
            printf("%s%s:%.*s", p == g[i].lines ? "" : ", ", g[i].file_name, (int)k, p);
            p += k;
            p += strspn(p, ", ");
        }
        printf("%s; %s\n", g[i].count > 3 ? ", …" : "", g[i].example);
        *status = IPS_EXIT_REJECTS;
    }
}

int cmd_check(int argc, char **argv, ips_diag *d)
{
    static const struct option options[] = {
        {"db", required_argument, NULL, 'd'},
        {"as-of", required_argument, NULL, 'a'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *db = NULL, *as_of = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", options, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'a': as_of = optarg; break;
        case 'h': fputs(usage_text, stdout); return IPS_EXIT_OK;
        default: ips_diag_set(d, IPS_ERR_USAGE, "see 'ipsreport check --help'"); return IPS_EXIT_FAILURE;
        }
    }
    if (!db || optind < argc) {
        ips_diag_set(d, IPS_ERR_USAGE, "give --db FILE; see 'ipsreport check --help'");
        return IPS_EXIT_FAILURE;
    }
    ips_day day;
    if (as_of && !date_parse_iso(as_of, &day)) {
        ips_diag_set(d, IPS_ERR_PERIOD, "--as-of %s: write a real date as YYYY-MM-DD", as_of);
        return IPS_EXIT_FAILURE;
    }
    if (!as_of) {
        time_t t = time(NULL);
        struct tm tm;
        localtime_r(&t, &tm);
        day = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    }
    warehouse *wh = NULL;
    quality_report *r = NULL;
    int status = IPS_EXIT_FAILURE;
    waiting_group *wg = NULL;
    size_t nwg = 0;
    batch_list *bl = NULL;
    if (reader_open(db, &wh, d) == IPS_OK && quality_check(wh, day, &r, d) == IPS_OK &&
        waiting_summary(wh, &wg, &nwg, d) == IPS_OK && batches_list(wh, &bl, d) == IPS_OK) {
        status = IPS_EXIT_OK;
        print_report(db, r, &status);
        print_waiting(wg, nwg, &status);
        print_batches(bl);
    }
    batch_list_free(bl);
    waiting_summary_free(wg, nwg);
    quality_report_free(r);
    reader_close(wh);
    return status;
}
