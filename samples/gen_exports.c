/* Writing the canonical rows as the client systems of gen_dialects.c export
 * them, with a henkilötunnus per client and a Y-tunnus per employer.  All
 * choices are integer hashes of the seed and the row, never the generator's
 * own random streams, so --exports leaves DIR/canonical byte-identical. */
#include "gen_exports.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "gen_dialects.h"

#define NDIALECTS 2
#define MAX_EMPLOYERS 800000L        /* distinct Y-tunnus numbers the scheme below gives */
_Static_assert(GEN_EXPORTS_MAX_CLIENTS / 540 * 150 <= MAX_EMPLOYERS, "employers outrun Y-tunnus");
#define FIRST_YEAR 1900               /* birth years the uniqueness bitmap covers */
#define NYEARS 200

static const dialect *const dialects[NDIALECTS] = {&dialect_tyopaja, &dialect_casebook};

struct gen_exports {
    uint64_t seed;
    long nclients;
    char (*hetu)[12];                 /* by client number - 1 */
    unsigned char *used;              /* bit per (birth day, individual number) */
    FILE *f[NDIALECTS][E_N];
    char path[NDIALECTS][E_N][4096];
    long rows[NDIALECTS][E_N];
};

static uint64_t mix(uint64_t z)
{
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static void fatal(const char *what, const char *detail)
{
    fprintf(stderr, "gen-samples: %s%s\n", what, detail);
    exit(1);
}

/* The number in an id such as "as000123" or "tn0042". */
static long id_number(const char *id)
{
    while (*id && (*id < '0' || *id > '9'))
        id++;
    return strtol(id, NULL, 10);
}

/* ---------- identity codes ---------- */

static bool bit_take(gen_exports *x, long k)
{
    unsigned char m = (unsigned char)(1u << (k & 7));
    if (x->used[k >> 3] & m)
        return false;
    x->used[k >> 3] |= m;
    return true;
}

/* A valid, unique henkilötunnus: the birth date from birth_year, the parity
 * of the individual number from the gender (odd = male), the century sign
 * (mostly '-' and 'A', a few of the signs added in 2023) and the check
 * character DDMMYYNNN mod 31 (metrics.md § Privacy). */
void gen_exports_client(gen_exports *x, const char *id, int birth_year, int gender)
{
    static const char check[] = "0123456789ABCDEFHJKLMNPRSTUVWXY";
    long i = id_number(id) - 1;
    if (i < 0 || i >= x->nclients)
        fatal("no room for the identity code of client ", id);
    uint64_t h = mix(x->seed ^ 0x68657475ULL ^ ((uint64_t)i << 20));
    int year = birth_year > 0 ? birth_year : 1955 + (int)(h % 45);
    if (year < FIRST_YEAR || year >= FIRST_YEAR + NYEARS)
        fatal("birth year out of range for client ", id);
    int jan1 = ymd_day(year, 1, 1), day = jan1 + (int)((h >> 8) % (uint64_t)(ymd_day(year + 1, 1, 1) - jan1));
    bool odd = gender == 1 || (gender != 0 && ((h >> 40) & 1));
    int num = (h >> 24) % 50 == 0 ? 900 + (int)((h >> 32) % 100) : 2 + (int)((h >> 32) % 898);
    if ((num & 1) != odd)
        num += num < 999 ? 1 : -1;
    long base = (long)(day - ymd_day(FIRST_YEAR, 1, 1)) * 1000;
    for (int tries = 0; !bit_take(x, base + num); tries++) {
        num = num + 2 > 999 ? 2 + odd : num + 2; /* taken: the next number of the same parity */
        if (tries > 500)
            fatal("no free identity code left for client ", id);
    }
    int y, m, d;
    day_ymd(day, &y, &m, &d);
    char sign = y >= 2000 ? ((h >> 48) % 40 == 0 ? 'B' : 'A') : ((h >> 48) % 40 == 0 ? 'Y' : '-');
    long ddmmyynnn = ((d * 100L + m) * 100 + y % 100) * 1000 + num;
    const int digits[9] = {d / 10, d % 10, m / 10, m % 10, y / 10 % 10, y % 10,
                           num / 100, num / 10 % 10, num % 10};
    char *c = x->hetu[i];
    for (int k = 0; k < 9; k++)
        c[k < 6 ? k : k + 1] = (char)('0' + digits[k]);
    c[6] = sign;
    c[10] = check[ddmmyynnn % 31];
    c[11] = '\0';
}

static const char *hetu_of(const gen_exports *x, const char *id)
{
    long i = id_number(id) - 1;
    if (i < 0 || i >= x->nclients || !x->hetu[i][0])
        fatal("no identity code for client ", id);
    return x->hetu[i];
}

/* Employer n's Y-tunnus: seven digits from a block of eleven numbers of its
 * own (so no two employers share one), the first whose check digit exists
 * (weights 7 9 10 5 8 4 2, sum mod 11; remainder 1 is never issued). */
static void ytunnus_of(const char *id, char out[16])
{
    static const int weight[7] = {7, 9, 10, 5, 8, 4, 2};
    long n = id_number(id) - 1;
    if (n < 0 || n >= MAX_EMPLOYERS)
        fatal("no Y-tunnus for employer ", id);
    long base = 1000000 + (n * 7919 + 104729) % MAX_EMPLOYERS * 11;
    for (long v = base; v < base + 11; v++) {
        char digits[24];
        snprintf(digits, sizeof digits, "%07ld", v);
        int sum = 0;
        for (int k = 0; k < 7; k++)
            sum += (digits[k] - '0') * weight[k];
        if (sum % 11 != 1) {
            snprintf(out, 16, "%.7s-%d", digits, sum % 11 ? 11 - sum % 11 : 0);
            return;
        }
    }
    fatal("no valid Y-tunnus for employer ", id);
}

/* ---------- values ---------- */

static const char *map_code(const char *const *map, const char *code)
{
    for (int i = 0; map && map[i]; i += 2)
        if (strcmp(map[i], code) == 0)
            return map[i + 1];
    fatal("no export value for the code ", code);
    return NULL;
}

/* The k-th of the '|'-separated texts in list (k taken modulo their number). */
static void pick_text(const char *list, uint64_t k, char *out, size_t n)
{
    int count = 1;
    for (const char *p = list; *p; p++)
        count += *p == '|';
    k %= (uint64_t)count;
    const char *s = list;
    for (; k > 0; k--)
        s = strchr(s, '|') + 1;
    const char *e = strchr(s, '|');
    size_t len = e ? (size_t)(e - s) : strlen(s);
    snprintf(out, n, "%.*s", (int)(len < n ? len : n - 1), s);
}

static void plain(const dialect *dl, const fld *f, long row, char *out, size_t n)
{
    int y, m, d;
    out[0] = '\0';
    switch (f->t) {
    case 's': snprintf(out, n, "%s", f->s); break;
    case 'b': snprintf(out, n, "%s", f->v ? dl->yes : dl->no); break;
    case 'n':
        *put_num(out, f->v, f->dec) = '\0';
        for (char *p = out; *p; p++)
            *p = *p == '.' ? dl->decimal : *p;
        break;
    case 'd':
        day_ymd((int)f->v, &y, &m, &d);
        if (!dl->fi_dates)
            snprintf(out, n, "%04d-%02d-%02d", y, m, d);
        else if (row % 3 == 0) /* the system pads some dates and not others */
            snprintf(out, n, "%02d.%02d.%04d", d, m, y);
        else
            snprintf(out, n, "%d.%d.%04d", d, m, y);
        break;
    }
}

/* Whether the dialect leaves this client's known gender and birth year
 * blank, for ingest to take from the henkilötunnus (f is a clients row). */
static bool derived(const dialect *dl, const fld *f)
{
    return dl->derive_odd && id_number(f[0].s) % 2 == 1;
}

/* Column c of row f as the dialect writes it, in UTF-8. */
static void value(const gen_exports *x, const dialect *dl, const xcol *c, const fld *f, long row,
                  char *out, size_t n)
{
    const fld *v = c->src >= 0 ? &f[c->src] : NULL;
    bool blank = !v || v->t == '-';
    uint64_t h = mix(x->seed ^ ((uint64_t)row << 8) ^ (uint64_t)c->src);
    out[0] = '\0';
    switch (c->how) {
    case X_PLAIN: if (!blank) plain(dl, v, row, out, n); break;
    case X_HETU: if (!blank) snprintf(out, n, "%s", hetu_of(x, v->s)); break;
    case X_YTUNNUS: if (!blank) ytunnus_of(v->s, out); break;
    case X_ID: if (!blank) snprintf(out, n, "%s%s", c->arg, v->s + strcspn(v->s, "0123456789")); break;
    case X_MAP: snprintf(out, n, "%s", blank ? (c->arg ? c->arg : "") : map_code(c->map, v->s)); break;
    case X_MODE: snprintf(out, n, "%s", map_code(c->map, v->v ? "y" : h % 3 ? "n" : "v")); break;
    case X_GENDER:
        /* 'x' is written out: the code's gender (m or f) would differ. */
        if (blank)
            snprintf(out, n, "%s", c->arg);
        else if (!derived(dl, f) || strcmp(v->s, "x") == 0)
            snprintf(out, n, "%s", map_code(c->map, v->s));
        break;
    case X_BIRTH:
        if (blank)
            snprintf(out, n, "%s", c->arg);
        else if (!derived(dl, f))
            plain(dl, v, row, out, n);
        break;
    case X_STATUS: pick_text(c->arg, blank ? 0 : 1, out, n); break;
    case X_EXTRA: pick_text(c->arg, h >> 16, out, n); break;
    }
}

/* ---------- text ---------- */

/* Appends s (UTF-8) to *p, as Windows-1252 when the dialect says so; only
 * Latin-1 letters occur in the samples, and anything else is a bug here. */
static void put_text(const dialect *dl, char **p, const char *end, const char *s)
{
    for (const unsigned char *u = (const unsigned char *)s; *u && *p < end; u++) {
        if (!dl->cp1252 || *u < 0x80) {
            *(*p)++ = (char)*u;
        } else if ((*u == 0xC2 || *u == 0xC3) && (u[1] & 0xC0) == 0x80 && (*u == 0xC3 || u[1] >= 0xA0)) {
            *(*p)++ = (char)((*u & 0x03) << 6 | (u[1] & 0x3F));
            u++;
        } else {
            fatal("a character Windows-1252 cannot hold in: ", s);
        }
    }
}

static void put_field(const dialect *dl, char **p, const char *end, const char *s)
{
    char specials[] = {dl->delim, '"', '\r', '\n', '\0'};
    if (!strpbrk(s, specials)) {
        put_text(dl, p, end, s);
        return;
    }
    char q[1200], *o = q;
    *o++ = '"';
    for (; *s && o < q + sizeof q - 4; s++) {
        if (*s == '"')
            *o++ = '"';
        *o++ = *s;
    }
    *o++ = '"';
    *o = '\0';
    put_text(dl, p, end, q);
}

static void put_line_end(const dialect *dl, char **p)
{
    if (dl->crlf)
        *(*p)++ = '\r';
    *(*p)++ = '\n';
}

void gen_exports_row(gen_exports *x, int e, const fld *f, int n)
{
    (void)n;
    for (int k = 0; k < NDIALECTS; k++) {
        const dialect *dl = dialects[k];
        const xfile *xf = &dl->files[e];
        char line[4096], *p = line, *end = line + sizeof line - 16, cell[512];
        long row = x->rows[k][e]++;
        for (int c = 0; c < xf->ncols; c++) {
            if (c)
                *p++ = dl->delim;
            value(x, dl, &xf->cols[c], f, row, cell, sizeof cell);
            put_field(dl, &p, end, cell);
        }
        put_line_end(dl, &p);
        fwrite(line, 1, (size_t)(p - line), x->f[k][e]);
    }
}

/* ---------- files ---------- */

static int open_dialect(gen_exports *x, int k, const char *dir, int year)
{
    const dialect *dl = dialects[k];
    char folder[4096];
    snprintf(folder, sizeof folder, "%s/%s", dir, dl->dir);
    if (mkdir(folder, 0777) && errno != EEXIST) {
        fprintf(stderr, "gen-samples: cannot create folder %s: %s\n", folder, strerror(errno));
        return -1;
    }
    for (int e = 0; e < E_N; e++) {
        const xfile *xf = &dl->files[e];
        char name[256], line[2048], *p = line;
        snprintf(name, sizeof name, xf->name, year);
        if (snprintf(x->path[k][e], sizeof x->path[k][e], "%s/%s", folder, name) >=
            (int)sizeof x->path[k][e]) {
            fprintf(stderr, "gen-samples: the folder name %s is too long\n", folder);
            return -1;
        }
        if (!(x->f[k][e] = fopen(x->path[k][e], "wb"))) {
            fprintf(stderr, "gen-samples: cannot write %s: %s\n", x->path[k][e], strerror(errno));
            return -1;
        }
        setvbuf(x->f[k][e], NULL, _IOFBF, 1 << 18);
        if (dl->bom)
            p += sprintf(p, "\xEF\xBB\xBF");
        for (int c = 0; c < xf->ncols; c++) {
            if (c)
                *p++ = dl->delim;
            put_field(dl, &p, line + sizeof line - 16, xf->cols[c].header);
        }
        put_line_end(dl, &p);
        fwrite(line, 1, (size_t)(p - line), x->f[k][e]);
    }
    return 0;
}

gen_exports *gen_exports_open(const char *dir, uint64_t seed, int year, long nclients)
{
    if (nclients > GEN_EXPORTS_MAX_CLIENTS) {
        fprintf(stderr, "gen-samples: --exports writes at most %ld clients\n",
                (long)GEN_EXPORTS_MAX_CLIENTS);
        return NULL;
    }
    gen_exports *x = calloc(1, sizeof *x);
    if (!x || !(x->hetu = calloc((size_t)nclients, sizeof *x->hetu)) ||
        !(x->used = calloc((size_t)NYEARS * 366 * 1000 / 8 + 1, 1))) {
        fprintf(stderr, "gen-samples: out of memory\n");
        gen_exports_close(x);
        return NULL;
    }
    x->seed = seed;
    x->nclients = nclients;
    for (int k = 0; k < NDIALECTS; k++)
        if (open_dialect(x, k, dir, year) != 0) {
            gen_exports_close(x);
            return NULL;
        }
    return x;
}

int gen_exports_close(gen_exports *x)
{
    int rc = 0;
    if (!x)
        return 0;
    for (int k = 0; k < NDIALECTS; k++)
        for (int e = 0; e < E_N; e++)
            if (x->f[k][e] && (ferror(x->f[k][e]) | fclose(x->f[k][e]))) {
                fprintf(stderr, "gen-samples: writing %s failed (disk full?)\n", x->path[k][e]);
                rc = -1;
            }
    free(x->hetu);
    free(x->used);
    free(x);
    return rc;
}
