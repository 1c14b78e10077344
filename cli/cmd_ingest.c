/* ipsreport ingest: load CSV exports into the warehouse and account for every row. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "ingest/ingest.h"

#define SHOW_REJECTS 20

static const char usage_text[] =
    "usage: ipsreport ingest --db FILE [--entity NAME] [--profile FILE] [--key-file FILE] FILES...\n"
    "\n"
    "Loads CSV exports into the warehouse FILE (created when missing). Each file is\n"
    "one transaction: its good rows are stored together, or nothing when the file is\n"
    "refused. Files are loaded in dependency order (coaches, clients, employers,\n"
    "enrollments, contacts, jobs, assessments, fidelity_reviews) whatever their order.\n"
    "Loading the same file again under the same profile changes nothing when all its\n"
    "rows were stored; otherwise its rejected rows are tried again. A file read under\n"
    "another profile is read again. Rows rejected only because the client, coach,\n"
    "employer or enrollment they name was missing wait, and are stored by a later\n"
    "ingest that brings it ('ipsreport check' lists them). A corrected re-export\n"
    "updates rows.\n"
    "\n"
    "  --db FILE        the warehouse\n"
    "  --entity NAME    the files' entity (default: recognised from the header)\n"
    "  --profile FILE   a source profile for a client system's own layout\n"
    "  --key-file FILE  pseudonym key (or IPSREPORT_KEY_FILE); needed when the profile\n"
    "                   declares identity-code (henkilötunnus) columns\n"
    "  -q, --quiet      print only errors\n"
    "\n"
    "Prints one line per file (read, stored, updated, rejected, duplicate) and the\n"
    "first rejected rows as file:line: column: reason (all are kept in the warehouse;\n"
    "see 'ipsreport check').\n"
    "Exit status: 0 every row stored, 1 some rows rejected, 2 a file refused, an input\n"
    "that cannot be read (then no warehouse is created or changed) or a usage error.\n"
    "\n"
    "example: ipsreport ingest --db out/warehouse.db samples/canonical/*.csv\n";

typedef struct {
    long long shown, total;
    bool progress;
} ingest_cli;

static void on_reject(void *ctx, const char *file, long line, const char *column,
                      const char *reason)
{
    ingest_cli *c = ctx;
    if (c->shown++ < SHOW_REJECTS)
        fprintf(stderr, "%s:%ld: %s: %s\n", file, line, column, reason);
}

static void on_progress(void *ctx, const char *file, long long bytes, long long rows)
{
    ingest_cli *c = ctx;
    if (c->progress)
        fprintf(stderr, "\r%s: %lld rows, %.1f MB read ", file, rows, (double)bytes / 1e6);
}

static bool profile_has_hetu(const profile *p)
{
    for (int e = 0; p && e < ENT__COUNT; e++)
        if (p->ent[e].present && p->ent[e].nhetu)
            return true;
    return false;
}

static void print_file(const ingest_file_result *f, bool quiet, int *status)
{
    const char *name = strrchr(f->path, '/') ? strrchr(f->path, '/') + 1 : f->path;
    if (f->error != IPS_OK) {
        fprintf(stderr, "ipsreport ingest: %s\n", f->message);
        if (!quiet)
            printf("%s: refused, nothing stored\n", name);
        *status = IPS_EXIT_FAILURE;
        return;
    }
    const store_counts *c = &f->counts;
    if (c->rejected && *status == IPS_EXIT_OK)
        *status = IPS_EXIT_REJECTS;
    if (quiet)
        return;
    if (f->already_loaded) {
        printf("%s: already loaded (batch %lld): %lld read, %lld duplicate; nothing changed\n",
               name, f->batch_id, c->read, c->duplicate);
        return;
    }
    if (f->retried) {
        const store_counts *t = &f->totals;
        printf("%s: loaded before (batch %lld); its %lld rejected rows tried again: %lld stored, "
               "%lld updated, %lld rejected", name, f->batch_id, c->read, c->stored, c->updated,
               c->rejected);
        if (c->duplicate)
            printf(", %lld duplicate", c->duplicate);
        printf("; the batch now: %lld read, %lld stored, %lld rejected, %lld duplicate\n",
               t->read, t->stored, t->rejected, t->duplicate);
        return;
    }
    printf("%s: %lld read, %lld stored, %lld updated, %lld rejected", name, c->read, c->stored,
           c->updated, c->rejected);
    if (c->duplicate)
        printf(", %lld duplicate", c->duplicate);
    printf("\n");
    if (f->superseded)
        printf("%s: read before under another profile; this reading replaces that one\n",
               name);
    if (f->ignored_columns)
        printf("%s: columns not in the data contract, not stored: %s\n", name, f->ignored_columns);
}

static int run(const char *db, ingest_options *opt, char *const *files, size_t n, bool quiet,
               ips_diag *d)
{
    warehouse *wh = NULL;
    ingest_result *res = NULL;
    ingest_cli cli = {.progress = !quiet && isatty(2)};
    opt->on_reject = on_reject;
    opt->on_progress = on_progress;
    opt->cb_ctx = &cli;
    if (ingest_inputs_readable(files, n, d) != IPS_OK ||
        warehouse_open(db, WH_CREATE, &wh, d) != IPS_OK)
        return IPS_EXIT_FAILURE;
    ips_error e = ingest_files(wh, files, n, opt, &res, d);
    if (cli.progress)
        fprintf(stderr, "\r\033[K");
    int status = e == IPS_OK ? IPS_EXIT_OK : IPS_EXIT_FAILURE;
    for (size_t i = 0; res && i < res->n; i++) {
        print_file(&res->files[i], quiet, &status);
        cli.total += res->files[i].already_loaded ? 0 : res->files[i].counts.rejected;
    }
    for (size_t i = 0; res && !quiet && i < res->nreleased; i++) {
        const retry_release *r = &res->released[i];
        printf("%s (batch %lld): %lld waiting rows (%s) tried again: %lld stored, %lld updated, "
               "%lld rejected", r->file_name, r->batch_id, r->counts.read,
               contract_entity_get(r->entity)->name, r->counts.stored, r->counts.updated,
               r->counts.rejected);
        if (r->counts.duplicate)
            printf(", %lld duplicate", r->counts.duplicate);
        printf("; %lld still waiting\n", r->still_waiting);
    }
    if (cli.total > SHOW_REJECTS)
        fprintf(stderr, "… and %lld more rejected rows; 'ipsreport check --db %s' lists them "
                "by reason\n", cli.total - SHOW_REJECTS, db);
    ingest_result_free(res);
    warehouse_free(wh);
    return status;
}

int cmd_ingest(int argc, char **argv, ips_diag *d)
{
    static const struct option options[] = {
        {"db", required_argument, NULL, 'd'},      {"entity", required_argument, NULL, 'e'},
        {"profile", required_argument, NULL, 'p'}, {"key-file", required_argument, NULL, 'k'},
        {"quiet", no_argument, NULL, 'q'},         {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *db = NULL, *entity = NULL, *profile_path = NULL, *key_path = NULL;
    bool quiet = false;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "qh", options, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'e': entity = optarg; break;
        case 'p': profile_path = optarg; break;
        case 'k': key_path = optarg; break;
        case 'q': quiet = true; break;
        case 'h': fputs(usage_text, stdout); return IPS_EXIT_OK;
        default:
            ips_diag_set(d, IPS_ERR_USAGE, "see 'ipsreport ingest --help'");
            return IPS_EXIT_FAILURE;
        }
    }
    if (!db || optind >= argc) {
        ips_diag_set(d, IPS_ERR_USAGE, "give --db FILE and at least one CSV file; see "
                                       "'ipsreport ingest --help'");
        return IPS_EXIT_FAILURE;
    }
    ingest_options opt = {.entity = -1};
    if (entity && (opt.entity = contract_entity_find(entity)) < 0) {
        ips_diag_set(d, IPS_ERR_USAGE, "--entity %s: not an entity; use coaches, clients, "
                     "employers, enrollments, contacts, jobs, assessments or fidelity_reviews",
                     entity);
        return IPS_EXIT_FAILURE;
    }
    profile *prof = NULL;
    pseudonym_key key;
    bool have_key = false;
    int status = IPS_EXIT_FAILURE;
    if (profile_path && profile_load(profile_path, &prof, d) != IPS_OK)
        goto out;
    if (key_path || getenv(PSEUDONYM_KEY_ENV)) {
        if (pseudonym_key_from_env_or_path(key_path, &key, d) != IPS_OK)
            goto out;
        have_key = true;
    } else if (profile_has_hetu(prof)) {
        ips_diag_set(d, IPS_ERR_KEY, "%s declares identity-code (henkilötunnus) columns, so a "
                     "pseudonym key is needed: give --key-file FILE or set %s (create a key "
                     "with 'ipsreport key new FILE')", profile_path, PSEUDONYM_KEY_ENV);
        goto out;
    }
    opt.prof = prof;
    opt.key = have_key ? &key : NULL;
    status = run(db, &opt, argv + optind, (size_t)(argc - optind), quiet, d);
out:
    if (have_key)
        pseudonym_key_wipe(&key);
    profile_free(prof);
    return status;
}
