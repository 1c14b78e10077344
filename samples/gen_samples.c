/* gen-samples: deterministic sample data for ipsreport, in the canonical layout
 * of the data contract (spec/data-contract.md).
 *
 * Same options give the same bytes on any machine: the generator has its own
 * PRNG (xoshiro256**, seeded per client by splitmix64) and uses integer
 * arithmetic only, so no libm, locale or compiler can change a digit.
 * Clients are generated one at a time and their rows written at once, so a
 * million clients need no more memory than one; coaches and employers are small
 * tables kept in memory.  Generation fills row structs and a writer turns a row
 * into fields (fld) and the fields into text; with --exports the same fields
 * also go to the client-system dialects of gen_exports.c (Finnish headers,
 * ';', d.m.yyyy, windows-1252; English headers, UTF-8 with BOM).
 *
 * This file holds the command line, the output files and main(); the parts
 * it calls, and what they share, are listed in gen_world.h. */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "gen_world.h"

/* ---------- command line ---------- */

static void usage(FILE *out)
{
    fprintf(out,
            "usage: gen-samples --out DIR [options]\n\n"
            "Writes a deterministic, made-up sample data set for ipsreport in the\n"
            "canonical layout (DIR/canonical/*.csv). The same options always give\n"
            "the same bytes.\n\n"
            "options:\n"
            "  --out DIR          where to write (DIR/canonical is created)\n"
            "  --clients N        number of clients (default 540)\n"
            "  --seed S           random seed, a whole number (default 20230101)\n"
            "  --start YYYY-MM-DD first day of the data (default 2023-01-01)\n"
            "  --years Y          length of the data in whole years (default 2);\n"
            "                     the as-of date is the span's last day\n"
            "  --exports          also write the same data as two client systems\n"
            "                     export it: DIR/tyopaja (Finnish, Windows-1252) and\n"
            "                     DIR/casebook (English, UTF-8); their profiles are\n"
            "                     ingest/profiles/tyopaja.ini and casebook.ini\n"
            "  --help             show this text\n");
}

static bool parse_long(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

static bool parse_date(const char *s, int *out)
{
    int y, m, d, z, y2, m2, d2;
    char tail;
    if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12 || d < 1)
        return false;
    z = ymd_day(y, m, d);
    day_ymd(z, &y2, &m2, &d2);
    *out = z;
    return y == y2 && m == m2 && d == d2 && y >= 1900 && y <= 2100;
}

static int open_files(world *w)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/canonical", w->out);
    if ((mkdir(w->out, 0777) && errno != EEXIST) || (mkdir(path, 0777) && errno != EEXIST)) {
        fprintf(stderr, "gen-samples: cannot create folder %s: %s\n", path, strerror(errno));
        return -1;
    }
    for (int e = 0; e < E_N; e++) {
        snprintf(path, sizeof path, "%s/canonical/%s.csv", w->out, file_names[e]);
        if (!(w->f[e] = fopen(path, "wb"))) {
            fprintf(stderr, "gen-samples: cannot write %s: %s\n", path, strerror(errno));
            return -1;
        }
        setvbuf(w->f[e], NULL, _IOFBF, 1 << 20);
        fprintf(w->f[e], "%s\n", headers[e]);
    }
    return 0;
}

static int close_files(world *w)
{
    int rc = 0;
    for (int e = 0; e < E_N; e++) {
        if (w->f[e] && (ferror(w->f[e]) | fclose(w->f[e]))) {
            fprintf(stderr, "gen-samples: writing %s/canonical/%s.csv failed (disk full?)\n",
                    w->out, file_names[e]);
            rc = -1;
        }
        w->f[e] = NULL;
    }
    return rc;
}

int main(int argc, char **argv)
{
    world w = {.seed = 20230101, .nclients = 540, .years = 2};
    parse_date("2023-01-01", &w.start);
    for (int i = 1; i < argc; i += 2) { /* every option takes a value, except --help */
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        long n;
        if (strcmp(a, "--exports") == 0) { /* the one option without a value */
            w.want_exports = true;
            i--;
            continue;
        }
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 0;
        }
        bool ok = v != NULL;
        if (ok && strcmp(a, "--out") == 0)
            w.out = v;
        else if (ok && strcmp(a, "--clients") == 0)
            ok = parse_long(v, 1, 100000000, &w.nclients);
        else if (ok && strcmp(a, "--seed") == 0)
            ok = parse_long(v, 0, LONG_MAX, &n), w.seed = (uint64_t)n;
        else if (ok && strcmp(a, "--start") == 0)
            ok = parse_date(v, &w.start);
        else if (ok && strcmp(a, "--years") == 0)
            ok = parse_long(v, 1, 20, &n), w.years = (int)n;
        else {
            fprintf(stderr, "gen-samples: unknown option or missing value: %s\n", a);
            usage(stderr);
            return 2;
        }
        if (!ok) {
            fprintf(stderr, "gen-samples: bad value for %s: '%s'\n", a, v);
            return 2;
        }
    }
    if (w.want_exports && w.nclients > GEN_EXPORTS_MAX_CLIENTS) {
        fprintf(stderr, "gen-samples: --exports writes at most %ld clients\n",
                (long)GEN_EXPORTS_MAX_CLIENTS);
        return 2;
    }
    if (!w.out) {
        fprintf(stderr, "gen-samples: say where to write with --out DIR\n");
        usage(stderr);
        return 2;
    }
    int y, m, d;
    day_ymd(w.start, &y, &m, &d);
    w.asof = (d == 29 && m == 2 ? ymd_day(y + w.years, 3, 1) : ymd_day(y + w.years, m, d)) - 1;
    w.copies = (int)((w.nclients + 270) / 540 > 1 ? (w.nclients + 270) / 540 : 1);
    w.nemps = (int)(w.nclients * 150 / 540 > 150 ? w.nclients * 150 / 540 : 150);
    int rc = open_files(&w);
    if (rc == 0 && w.want_exports) {
        day_ymd(w.asof, &y, &m, &d); /* the files are named by the as-of year */
        if (!(w.exports = gen_exports_open(w.out, w.seed, y, w.nclients)))
            rc = -1;
    }
    if (rc == 0) {
        make_coaches(&w);
        make_employers(&w);
        for (long i = 0; i < w.nclients; i++)
            gen_client(&w, i);
        free_contacts(&w);
        make_review(&w);
    }
    rc |= close_files(&w);
    rc |= gen_exports_close(w.exports);
    if (rc == 0) {
        char asof[16];
        day_ymd(w.asof, &y, &m, &d);
        snprintf(asof, sizeof asof, "%04d-%02d-%02d", y, m, d);
        printf("gen-samples: wrote %s/canonical (as-of %s):", w.out, asof);
        for (int e = 0; e < E_N; e++)
            printf(" %s %ld", file_names[e], w.rows[e]);
        printf("\n");
        if (w.exports)
            printf("gen-samples: wrote the same rows to %s/tyopaja and %s/casebook\n", w.out, w.out);
    }
    for (int k = 0; k < K_N; k++)
        free(w.by_kind[k]);
    free(w.coaches), free(w.slots), free(w.emps), free(w.cbuf);
    return rc ? 1 : 0;
}
