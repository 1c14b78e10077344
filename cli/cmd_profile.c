/* ipsreport profile: checks a source profile (check) and writes a starting
 * profile for an export (guess).  The INI format is in docs/profiles.md; the
 * guessing is in ingest/profile_guess.c, the writing of it here. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/commands.h"
#include "ingest/profile.h"
#include "ingest/profile_guess.h"
#include "ingest/profile_guess_set.h"

static const char profile_usage[] =
    "usage: ipsreport profile check FILE\n"
    "       ipsreport profile guess EXPORT.csv... [--encoding E]\n"
    "\n"
    "A source profile says how one client system's export maps onto the data\n"
    "contract: file names, encoding, delimiter, date and decimal format, column\n"
    "names, values and which columns hold identity codes (docs/profiles.md).\n"
    "\n"
    "  check FILE    say whether a profile is valid and what it maps\n"
    "  guess EXPORT... print one starting profile for a system's exports, to\n"
    "                finish by hand\n"
    "\n"
    "'ipsreport profile check --help' and 'ipsreport profile guess --help' say more.\n";

static const char check_usage[] =
    "usage: ipsreport profile check FILE\n"
    "\n"
    "Reads the source profile FILE and checks every line against the data\n"
    "contract.  When it is valid, prints one line per entity it maps and exits\n"
    "0; otherwise prints the first problem as FILE:LINE: what is wrong, what to\n"
    "do, and exits 2.\n";

static const char guess_usage[] =
    "usage: ipsreport profile guess EXPORT.csv... [--encoding E]\n"
    "\n"
    "Reads the exports of one system (every file of it, say asiakkaat.csv,\n"
    "asiakkuudet.csv, tapaamiset.csv ...) and prints ONE starting profile for\n"
    "them to standard output: the encoding (text that is not UTF-8 suggests\n"
    "windows-1252), the delimiter, the date and decimal format (what most files\n"
    "show goes under [profile]; a section repeats a setting only where its\n"
    "files differ), and for each file the entity it holds, a file pattern,\n"
    "column renames, identity-code columns and value maps from a Finnish,\n"
    "Swedish and English vocabulary of the contract's codes.  The formats are\n"
    "told by the first 20 rows of each file, the values by its first 200000.\n"
    "Lines starting with '; TODO' mark what it could not decide, and a summary\n"
    "of it goes to standard error.  Save the output, finish it, and run\n"
    "'ipsreport profile check' on it.  No value that looks like a personal\n"
    "identity code is ever printed.\n"
    "\n"
    "  --encoding E   the exports' encoding (utf-8, windows-1252, iso-8859-15)\n"
    "                 instead of detecting it\n";

/* ---- check ---------------------------------------------------------------- */

static const char *delimiter_name(char c)
{
    return c == ';' ? "';'" : c == ',' ? "','" : c == '\t' ? "tab" : "detected";
}

static void print_entity_summary(const profile_entity *pe, const char *name)
{
    printf("  %s: file %s; %s, delimiter %s, dates %s, decimal '%c'; %zu column%s renamed, "
           "%zu value%s mapped",
           name, pe->file_pattern ? pe->file_pattern : "(by header)",
           pe->encoding ? pe->encoding : "utf-8", delimiter_name(pe->delimiter),
           profile_date_format_name(pe->dates), pe->decimal, pe->nrenames,
           pe->nrenames == 1 ? "" : "s", pe->nmaps, pe->nmaps == 1 ? "" : "s");
    for (size_t i = 0; i < pe->nhetu; i++)
        printf("%s%s", i ? ", " : "; henkilötunnus in ", pe->hetu_columns[i]);
    for (size_t i = 0; i < pe->nytunnus; i++)
        printf("%s%s", i ? ", " : "; Y-tunnus in ", pe->ytunnus_columns[i]);
    printf("\n");
}

static int profile_check(int argc, char **argv, ips_diag *d)
{
    if (wants_help(argc, argv)) {
        fputs(check_usage, stdout);
        return IPS_EXIT_OK;
    }
    if (argc != 2 || argv[1][0] == '-') {
        ips_diag_set(d, IPS_ERR_USAGE, "give the one profile to check: ipsreport profile check FILE");
        return IPS_EXIT_FAILURE;
    }
    profile *p = NULL;
    if (profile_load(argv[1], &p, d) != IPS_OK)
        return IPS_EXIT_FAILURE;
    printf("%s: profile '%s' is valid\n", argv[1], p->name);
    int shown = 0;
    for (int e = 0; e < ENT__COUNT; e++) {
        if (p->ent[e].present) {
            print_entity_summary(&p->ent[e], contract_entity_get(e)->name);
            shown++;
        }
    }
    if (!shown)
        printf("  no entity sections: its defaults apply to every file read with it\n");
    profile_free(p);
    return IPS_EXIT_OK;
}

/* ---- guess ----------------------------------------------------------------- */

/* Text as it must appear in a profile: in double quotes (with quotes
 * doubled) when it holds what INI would take as syntax. */
static void ini_text(char *out, size_t size, const char *s)
{
    size_t n = strlen(s);
    bool quote = n == 0 || strpbrk(s, "\"=;#[]") || s[0] == ' ' || s[n - 1] == ' ';
    size_t k = 0;
    if (quote && k + 1 < size)
        out[k++] = '"';
    for (; *s && k + 2 < size; s++) {
        if (*s == '"' && k + 3 < size)
            out[k++] = '"';
        out[k++] = *s;
    }
    if (quote && k + 1 < size)
        out[k++] = '"';
    out[k] = '\0';
}

static void setting(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints a setting, or a TODO when it is longer than the loader takes. */
static void setting(const char *fmt, ...)
{
    char line[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (strlen(line) > PROFILE_LINE_MAX)
        printf("; TODO this line is longer than %d bytes, the most a profile line may be; "
               "shorten it:\n; %s\n", PROFILE_LINE_MAX, line);
    else
        printf("%s\n", line);
}

static const char *delimiter_word(char c)
{
    return c == ';' ? "semicolon" : c == '\t' ? "tab" : "comma";
}

/* The format settings of [profile] (all) or those a section sets itself. */
static void guess_format_lines(const guess_format *f, bool enc, bool delim, bool dates, bool dec,
                               bool defaults)
{
    if (enc && defaults && f->encoding && strcasecmp(f->encoding, "windows-1252") == 0)
        printf("; bytes that are not UTF-8 were seen: windows-1252 is what Finnish\n"
               "; Windows systems usually write (iso-8859-15 is the other candidate)\n");
    if (enc)
        printf("encoding = %s\n", f->encoding ? f->encoding : "utf-8");
    if (delim)
        printf("delimiter = %s\n", delimiter_word(f->delimiter));
    if (dates && f->dates_seen == GUESS_FORMAT_NONE)
        printf("; no dates seen in the first rows; yyyy-mm-dd assumed\n");
    if (dates)
        printf("dates = %s\n", profile_date_format_name(f->dates));
    if (dec && f->decimal_seen == GUESS_FORMAT_NONE)
        printf("; no decimal numbers seen in the first rows; '.' assumed\n");
    if (dec)
        printf("decimal = %c\n", f->decimal);
}

static void guess_header(const profile_guess_set *s)
{
    if (s->nfiles == 1) {
        const char *slash = strrchr(s->files[0]->path, '/');
        printf("; Source profile guessed by 'ipsreport profile guess' from %s\n"
               "; (its header and %ld data row%s).", slash ? slash + 1 : s->files[0]->path,
               s->files[0]->rows, s->files[0]->rows == 1 ? "" : "s");
    } else {
        printf("; Source profile guessed by 'ipsreport profile guess' from %zu exports:\n",
               s->nfiles);
        for (size_t i = 0; i < s->nfiles; i++) {
            const char *slash = strrchr(s->files[i]->path, '/');
            printf(";   %s (%ld data rows)\n", slash ? slash + 1 : s->files[i]->path,
                   s->files[i]->rows);
        }
        printf(";");
    }
    printf("  Read it through: a line starting with\n"
           "; '; TODO' needs your decision.  Then: ipsreport profile check THIS_FILE\n"
           "; This file is UTF-8, whatever the export's own encoding.\n");
    for (size_t i = 0; i < s->nnotes; i++)
        printf("; TODO %s\n", s->notes[i]);
    printf("\n[profile]\n");
    char q[600];
    ini_text(q, sizeof q, s->name);
    setting("name = %s", q);
    guess_format_lines(&s->defaults, true, true, true, true, true);
}

static void guess_unknown_entity(const profile_guess *g)
{
    const char *slash = strrchr(g->path, '/');
    printf("\n; TODO the header does not tell which entity %s holds.  Add a\n"
           "; section for it, one of:", slash ? slash + 1 : g->path);
    for (int e = 0; e < ENT__COUNT; e++)
        printf(" [%s]", contract_entity_get(e)->name);
    printf(",\n; with file = and a column.NAME = COLUMN line for each column it keeps.\n");
    for (size_t i = 0; i < g->ncols; i++) {
        const guess_column *gc = &g->cols[i];
        if (gc->values_look_hetu)
            printf("; %s holds personal identity codes (hetu = …)\n", gc->header);
        else if (gc->other_column)
            printf("; %s looks like %s\n", gc->header, gc->other_column);
        else
            printf("; %s is not recognised\n", gc->header);
    }
}

static void guess_columns(const profile_guess *g, const contract_entity *ent)
{
    char q[600];
    for (size_t i = 0; i < g->ncols; i++) {
        const guess_column *gc = &g->cols[i];
        ini_text(q, sizeof q, gc->header);
        if (!*gc->header)
            printf("; column %zu has no name in the header; it is ignored\n", i + 1);
        else if (gc->column >= 0 && strcasecmp(gc->header, ent->cols[gc->column].name) == 0)
            printf("; %s is already a contract column\n", gc->header);
        else if (gc->column >= 0)
            setting("column.%s = %s", q, ent->cols[gc->column].name);
        else if (gc->duplicate_of >= 0)
            printf("; %s also looks like %s, which %s gives; it is ignored\n", gc->header,
                   ent->cols[g->cols[gc->duplicate_of].column].name,
                   g->cols[gc->duplicate_of].header);
        else if (gc->other_entity >= 0)
            printf("; %s looks like %s of %s, not a column of %s; it is ignored\n", gc->header,
                   gc->other_column, contract_entity_get(gc->other_entity)->name, ent->name);
        else
            printf("; %s is not recognised; it is ignored and never stored, unless you name\n"
                   "; the column of %s it is and remove '; TODO ' here:\n"
                   "; TODO column.%s = COLUMN\n", gc->header, ent->name, q);
        if (gc->column < 0 && gc->values_look_hetu)
            printf(";   (%s holds personal identity codes; ignored, they are never stored)\n",
                   gc->header);
    }
}

static void guess_ids(const profile_guess *g, const contract_entity *ent, bool ytunnus)
{
    const char *sep = ytunnus ? "ytunnus = " : "hetu = ";
    for (size_t i = 0; i < g->ncols; i++) {
        const guess_column *gc = &g->cols[i];
        if (gc->column < 0 || !(ytunnus ? gc->ytunnus : gc->hetu))
            continue;
        if (strcmp(sep, ", ") != 0)
            printf(ytunnus ? "; %s holds business ids (Y-tunnus): ingest checks them\n"
                           : "; %s holds personal identity codes: ingest checks them and "
                             "stores only pseudonyms\n", gc->header);
        printf("%s%s", sep, ent->cols[gc->column].name);
        sep = ", ";
    }
    if (strcmp(sep, ", ") == 0)
        printf("\n");
}

static void guess_missing(const profile_guess *g, const contract_entity *ent)
{
    for (int c = 0; c < ent->ncols; c++) {
        bool have = false;
        for (size_t i = 0; i < g->ncols; i++)
            have = have || g->cols[i].column == c;
        if (ent->cols[c].required && !have)
            printf("; TODO the required column %s is not in the export (or not recognised);\n"
                   ";   ingest refuses a %s file without it\n", ent->cols[c].name, ent->name);
    }
}

static void guess_maps(const profile_guess *g, const contract_entity *ent)
{
    char from[600];
    for (size_t i = 0; i < g->ncols; i++) {
        const guess_column *gc = &g->cols[i];
        if (!gc->nvalues)
            continue;
        const contract_column *col = &ent->cols[gc->column];
        bool todo = false;
        for (size_t k = 0; k < gc->nvalues; k++)
            todo = todo || !gc->values[k].to;
        printf("; values of %s seen in the export%s\n", gc->header,
               todo ? " (where a line says TODO, write\n; the code for the value and remove "
                      "'; TODO '):" : ":");
        for (size_t k = 0; k < gc->nvalues; k++) {
            ini_text(from, sizeof from, gc->values[k].from);
            if (gc->values[k].to) {
                setting("map.%s.%s = %s", col->name, from, gc->values[k].to);
                continue;
            }
            printf("; TODO map.%s.%s = CODE ; ", col->name, from);
            if (col->type == CT_BOOL)
                printf("CODE is y or n\n");
            else
                for (const char *const *c = col->codes; *c; c++)
                    printf("%s%s", c == col->codes ? "CODE is one of: " : ", ", *c);
            if (col->type != CT_BOOL)
                printf("\n");
        }
    }
}

static void print_section(const guess_section *sec, int e)
{
    const profile_guess *g = sec->merged;
    const contract_entity *ent = contract_entity_get(e);
    printf("\n[%s]\n", ent->name);
    if (g->runner_up >= 0)
        printf("; the header fits %s best (next: %s)\n", ent->name,
               contract_entity_get(g->runner_up)->name);
    char q[600];
    ini_text(q, sizeof q, g->file_pattern);
    setting("file = %s", q);
    if (sec->own_encoding || sec->own_delimiter || sec->own_dates || sec->own_decimal)
        printf("; these files differ from the [profile] defaults:\n");
    guess_format_lines(&sec->fmt, sec->own_encoding, sec->own_delimiter, sec->own_dates,
                       sec->own_decimal, false);
    guess_columns(g, ent);
    guess_ids(g, ent, false);
    guess_ids(g, ent, true);
    guess_missing(g, ent);
    guess_maps(g, ent);
}

/* Counts the TODO decisions left in the sections, for the summary. */
static size_t todo_count(const profile_guess_set *s)
{
    size_t n = s->nnotes;
    for (int e = 0; e < ENT__COUNT; e++) {
        const profile_guess *g = s->sections[e].merged;
        for (size_t i = 0; g && i < g->ncols; i++) {
            const guess_column *gc = &g->cols[i];
            n += gc->column < 0 && gc->duplicate_of < 0 && gc->other_entity < 0 && *gc->header;
            for (size_t k = 0; k < gc->nvalues; k++)
                n += !gc->values[k].to;
        }
    }
    return n;
}

static int profile_guess_cmd(int argc, char **argv, ips_diag *d)
{
    if (wants_help(argc, argv)) {
        fputs(guess_usage, stdout);
        return IPS_EXIT_OK;
    }
    const char *encoding = NULL;
    char **paths = calloc((size_t)argc, sizeof *paths);
    size_t n = 0;
    if (!paths) {
        ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        return IPS_EXIT_FAILURE;
    }
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--encoding") == 0 && i + 1 < argc)
            encoding = argv[++i];
        else if (strncmp(argv[i], "--encoding=", 11) == 0)
            encoding = argv[i] + 11;
        else if (strcmp(argv[i], "--encoding") == 0) {
            free(paths);
            ips_diag_set(d, IPS_ERR_USAGE, "--encoding needs an encoding after it, such as windows-1252");
            return IPS_EXIT_FAILURE;
        } else if (argv[i][0] != '-')
            paths[n++] = argv[i];
        else {
            free(paths);
            ips_diag_set(d, IPS_ERR_USAGE, "'%s' is not understood; usage: ipsreport profile guess "
                         "EXPORT.csv... [--encoding E]", argv[i]);
            return IPS_EXIT_FAILURE;
        }
    }
    if (!n) {
        free(paths);
        ips_diag_set(d, IPS_ERR_USAGE, "name the exports to guess from: ipsreport profile guess "
                     "EXPORT.csv...");
        return IPS_EXIT_FAILURE;
    }
    profile_guess_set *s = NULL;
    ips_error err = profile_guess_files(paths, n, encoding, &s, d);
    free(paths);
    if (err != IPS_OK)
        return IPS_EXIT_FAILURE;
    guess_header(s);
    for (size_t i = 0; i < s->nfiles; i++)
        if (s->files[i]->entity < 0)
            guess_unknown_entity(s->files[i]);
    for (int e = 0; e < ENT__COUNT; e++)
        if (s->sections[e].merged)
            print_section(&s->sections[e], e);
    int rc = fflush(stdout) == 0 && !ferror(stdout) ? IPS_EXIT_OK : IPS_EXIT_FAILURE;
    if (rc != IPS_EXIT_OK)
        ips_diag_set(d, IPS_ERR_IO, "cannot write the profile to standard output");
    size_t todo = todo_count(s);
    if (rc == IPS_EXIT_OK && todo) {
        fprintf(stderr, "ipsreport profile guess: %zu decision%s left (the '; TODO' lines of the "
                "profile)%s\n", todo, todo == 1 ? "" : "s", s->nnotes ? ":" : "");
        for (size_t i = 0; i < s->nnotes; i++)
            fprintf(stderr, "  %s\n", s->notes[i]);
    }
    profile_guess_set_free(s);
    return rc;
}

int cmd_profile(int argc, char **argv, ips_diag *d)
{
    if (argc >= 2 && strcmp(argv[1], "check") == 0)
        return profile_check(argc - 1, argv + 1, d);
    if (argc >= 2 && strcmp(argv[1], "guess") == 0)
        return profile_guess_cmd(argc - 1, argv + 1, d);
    if (wants_help(argc, argv)) {
        fputs(profile_usage, stdout);
        return IPS_EXIT_OK;
    }
    if (argc < 2)
        ips_diag_set(d, IPS_ERR_USAGE, "say what to do: 'ipsreport profile check FILE' or "
                     "'ipsreport profile guess EXPORT.csv'");
    else
        ips_diag_set(d, IPS_ERR_USAGE, "'%s' is not a profile command; 'ipsreport profile --help' "
                     "lists them", argv[1]);
    return IPS_EXIT_FAILURE;
}
