/* Guessing a source profile from an export's header and first rows.  The
 * header names are matched to contract columns through the word lists of
 * guess_tables.c; the entity is the one whose columns (above all the required
 * and key ones) the header covers best; the values tell the date and decimal
 * format and which columns hold identity codes. */
#include "ingest/profile_guess.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/date.h"
#include "common/text.h"
#include "common/trim.h"
#include "ingest/csv_reader.h"
#include "ingest/guess_tables.h"
#include "ingest/hetu.h"
#include "ingest/ytunnus.h"

#define SNIFF_BYTES (256 * 1024)
#define MAX_CANDIDATES 8
#define KEYLEN 160
#define MAX_COLS 32         /* more than any entity of the contract has */

typedef struct {
    const char *column;   /* contract column name, NULL for "the key column" */
    guess_syn_flag flag;
} candidate;

/* What is known of one column while guessing. */
typedef struct {
    candidate cand[MAX_CANDIDATES];
    size_t ncand;
    char *samples[GUESS_ROWS];
    size_t nsamples;
    /* Distinct values of the whole file (up to GUESS_SCAN_ROWS rows), for
     * value maps: a value first seen on row 500 needs a map as much as one
     * in the first rows.  Values that look private are never kept. */
    char *distinct[GUESS_MAX_VALUES];
    size_t ndistinct;
} column_work;

/* ---- reading ------------------------------------------------------------ */

/* Whether the first part of the file is UTF-8, to suggest windows-1252, and
 * whether it has any byte beyond ASCII (without one, any encoding reads it). */
static ips_error sniff_utf8(const char *path, bool *utf8, bool *ascii, ips_diag *d)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return ips_diag_set(d, IPS_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
    char *buf = malloc(SNIFF_BYTES);
    if (!buf) {
        fclose(f);
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    }
    size_t n = fread(buf, 1, SNIFF_BYTES, f);
    bool bad = ferror(f) != 0;
    fclose(f);
    *utf8 = text_utf8_valid(buf, n, n == SNIFF_BYTES);
    *ascii = true;
    for (size_t i = 0; i < n && *ascii; i++)
        *ascii = (unsigned char)buf[i] < 0x80;
    free(buf);
    return bad ? ips_diag_set(d, IPS_ERR_IO, "%s: read error", path) : IPS_OK;
}

static bool private_looking(const char *s);

static char *trimmed_copy(const char *s)
{
    size_t n;
    s = trim_span(s, &n);
    return strndup(s, n);
}

/* Keeps v among the column's distinct values (compared as profiles compare
 * them), unless it is blank or private-looking or there are enough already. */
static ips_error keep_distinct(column_work *w, const char *v, ips_diag *d)
{
    if (!*v || w->ndistinct == GUESS_MAX_VALUES || private_looking(v))
        return IPS_OK;
    char *key = text_key(v);
    if (!key)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    bool seen = false;
    for (size_t j = 0; j < w->ndistinct && !seen; j++)
        seen = text_key_equal(w->distinct[j], key);
    free(key);
    if (!seen && !(w->distinct[w->ndistinct++] = strdup(v)))
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    return IPS_OK;
}

/* Reads the header and up to GUESS_ROWS rows into g->cols and work, and the
 * distinct values of up to GUESS_SCAN_ROWS rows. */
static ips_error read_sample(profile_guess *g, column_work **work, ips_diag *d)
{
    csv_reader_options opt = {0, g->encoding};
    csv_reader *r = NULL;
    ips_error e = csv_reader_open(g->path, &opt, &r, d);
    const csv_record *rec = NULL;
    if (e == IPS_OK)
        e = csv_reader_next(r, &rec, d);
    if (e == IPS_OK && (!rec || rec->nfields == 0))
        e = ips_diag_set(d, IPS_ERR_HEADER, "%s: the file is empty; a header row is needed",
                         g->path);
    if (e == IPS_OK) {
        g->delimiter = csv_reader_delimiter(r);
        g->cols = calloc(rec->nfields, sizeof *g->cols);
        *work = calloc(rec->nfields, sizeof **work);
        if (!g->cols || !*work)
            e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        else
            g->ncols = rec->nfields;
        for (size_t i = 0; e == IPS_OK && i < g->ncols; i++) {
            g->cols[i].column = g->cols[i].duplicate_of = g->cols[i].other_entity = -1;
            /* A header cell holding an identity code (a data row taken for
             * the header) is never printed: it gets a name of its own. */
            char hidden[80];
            snprintf(hidden, sizeof hidden, "column %zu (its name looks like an identity code)",
                     i + 1);
            if (!(g->cols[i].header = trimmed_copy(hetu_find(rec->fields[i]) ? hidden
                                                                              : rec->fields[i])))
                e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        }
    }
    while (e == IPS_OK && g->rows < GUESS_SCAN_ROWS) {
        if ((e = csv_reader_next(r, &rec, d)) != IPS_OK || !rec)
            break;
        g->rows++;
        for (size_t i = 0; e == IPS_OK && i < g->ncols && i < rec->nfields; i++) {
            column_work *w = &(*work)[i];
            char *v = trimmed_copy(rec->fields[i]);
            if (!v)
                e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
            else
                e = keep_distinct(w, v, d);
            if (v && w->nsamples < GUESS_ROWS && g->rows <= GUESS_ROWS)
                w->samples[w->nsamples++] = v;
            else
                free(v);
        }
    }
    csv_reader_free(r);
    return e;
}

/* ---- which column, which entity ----------------------------------------- */

static void add_candidate(column_work *w, const char *column, guess_syn_flag flag)
{
    for (size_t i = 0; i < w->ncand; i++)
        if (w->cand[i].column == column || (column && w->cand[i].column &&
                                            strcmp(w->cand[i].column, column) == 0))
            return;
    if (w->ncand < MAX_CANDIDATES)
        w->cand[w->ncand++] = (candidate){column, flag};
}

/* Contract names ("client_id", "Start date") and the synonym lists. */
static void find_candidates(const char *header, column_work *w)
{
    char key[KEYLEN], ck[KEYLEN];
    guess_plain_key(header, key, sizeof key);
    if (!*key)
        return;
    for (int e = 0; e < ENT__COUNT; e++) {
        const contract_entity *ent = contract_entity_get(e);
        for (int c = 0; c < ent->ncols; c++) {
            guess_plain_key(ent->cols[c].name, ck, sizeof ck);
            if (strcmp(ck, key) == 0)
                add_candidate(w, ent->cols[c].name, SYN_PLAIN);
        }
    }
    const guess_synonym *syn[MAX_CANDIDATES];
    size_t n = guess_synonyms(key, syn, MAX_CANDIDATES);
    for (size_t i = 0; i < n; i++)
        add_candidate(w, syn[i]->column, syn[i]->flag);
}

/* The column of ent a candidate names, or -1. */
static int candidate_column(const contract_entity *ent, const candidate *c)
{
    return c->column ? contract_column_find(ent, c->column) : 0;
}

/* How well the header fits entity e: every recognised column counts, a
 * required one more, a key one more still; covering all required columns
 * and a file name that says so count too. */
static int entity_score(const profile_guess *g, const column_work *work, int e, int name_hint)
{
    const contract_entity *ent = contract_entity_get(e);
    bool covered[MAX_COLS] = {false};
    int score = 0;
    for (size_t i = 0; i < g->ncols; i++) {
        for (size_t k = 0; k < work[i].ncand; k++) {
            const candidate *c = &work[i].cand[k];
            int col = candidate_column(ent, c);
            if (col < 0 || col >= MAX_COLS || covered[col])
                continue;
            covered[col] = true;
            if (!c->column) {
                score += 1;  /* a bare "tunnus" says little */
                break;
            }
            score += 1 + (ent->cols[col].required ? 1 : 0) + (col < ent->nkey ? 2 : 0);
            break;
        }
    }
    bool all = true;
    for (int c = 0; c < ent->ncols; c++)
        all = all && (!ent->cols[c].required || covered[c]);
    return score + (all ? 3 : 0) + (name_hint == e ? 2 : 0);
}

static void choose_entity(profile_guess *g, const column_work *work)
{
    char key[KEYLEN];
    const char *slash = strrchr(g->path, '/');
    guess_plain_key(slash ? slash + 1 : g->path, key, sizeof key);
    int hint = guess_entity_from_name(key);
    int best = -1, second = -1, best_score = 0, second_score = 0;
    for (int e = 0; e < ENT__COUNT; e++) {
        int s = entity_score(g, work, e, hint);
        if (s > best_score) {
            second = best;
            second_score = best_score;
            best = e;
            best_score = s;
        } else if (s > second_score) {
            second = e;
            second_score = s;
        }
    }
    /* One recognised column and nothing else is no evidence. */
    g->entity = best_score >= 4 ? best : -1;
    g->runner_up = g->entity >= 0 && second_score >= 4 ? second : -1;
}

/* Gives a column the first of its candidates that is a column of ent, unless
 * an earlier header has that already (then it is a duplicate). */
static void take_column(guess_column *gc, const column_work *w, const contract_entity *ent,
                        int owner[MAX_COLS], int index)
{
    for (size_t k = 0; k < w->ncand; k++) {
        const candidate *c = &w->cand[k];
        int col = candidate_column(ent, c);
        if (col < 0 || col >= MAX_COLS)
            continue;
        if (owner[col] >= 0) {
            gc->duplicate_of = owner[col];
            return;
        }
        owner[col] = index;
        gc->column = col;
        gc->hetu = c->flag == SYN_HETU;
        gc->ytunnus = c->flag == SYN_YTUNNUS;
        return;
    }
}

static void map_by_header(profile_guess *g, const column_work *work)
{
    int owner[MAX_COLS];
    for (int c = 0; c < MAX_COLS; c++)
        owner[c] = -1;
    for (size_t i = 0; i < g->ncols; i++) {
        guess_column *gc = &g->cols[i];
        if (g->entity >= 0)
            take_column(gc, &work[i], contract_entity_get(g->entity), owner, (int)i);
        if (gc->column >= 0 || gc->duplicate_of >= 0 || !work[i].ncand || !work[i].cand[0].column)
            continue;
        /* Recognised, but as a column of another entity: say which. */
        gc->other_column = work[i].cand[0].column;
        for (int e = 0; e < ENT__COUNT && gc->other_entity < 0; e++)
            if (e != g->entity && contract_column_find(contract_entity_get(e), gc->other_column) >= 0)
                gc->other_entity = e;
    }
}

/* ---- what the values say ---------------------------------------------- */

static bool all_values(const column_work *w, bool (*test)(const char *))
{
    size_t seen = 0;
    for (size_t i = 0; i < w->nsamples; i++) {
        if (!*w->samples[i])
            continue;
        if (!test(w->samples[i]))
            return false;
        seen++;
    }
    return seen > 0;
}

static bool is_hetu(const char *s)
{
    hetu_info h;
    return hetu_parse(s, &h, NULL);
}

static bool is_ytunnus(const char *s)
{
    char out[YTUNNUS_LEN + 1];
    return strchr(s, '-') && ytunnus_parse(s, out, NULL);
}

/* An unmapped column whose values are identity codes takes the entity's
 * id column for them when nothing else has it. */
static void adopt(profile_guess *g, guess_column *gc, const char *column)
{
    const contract_entity *ent = contract_entity_get(g->entity);
    int col = contract_column_find(ent, column);
    if (col < 0 || gc->column >= 0 || gc->duplicate_of >= 0)
        return;
    for (size_t i = 0; i < g->ncols; i++)
        if (g->cols[i].column == col)
            return;
    gc->column = col;
    gc->other_entity = -1;
}

static void map_by_values(profile_guess *g, const column_work *work)
{
    const contract_entity *ent = g->entity >= 0 ? contract_entity_get(g->entity) : NULL;
    for (size_t i = 0; i < g->ncols; i++) {
        guess_column *gc = &g->cols[i];
        gc->values_look_hetu = all_values(&work[i], is_hetu);
        bool ytunnus = !gc->values_look_hetu && all_values(&work[i], is_ytunnus);
        if (!ent)
            continue;
        if (gc->values_look_hetu)
            adopt(g, gc, "client_id");
        else if (ytunnus)
            adopt(g, gc, "employer_id");
        if (gc->column >= 0 && ent->cols[gc->column].type == CT_ID) {
            gc->hetu = gc->hetu || gc->values_look_hetu;
            gc->ytunnus = !gc->hetu && (gc->ytunnus || ytunnus);
        }
    }
}

static bool number_with(const char *s, char sep)
{
    const char *p = s + (*s == '-');
    size_t a = strspn(p, "0123456789");
    if (!a || p[a] != sep)
        return false;
    size_t b = strspn(p + a + 1, "0123456789");
    return b && p[a + 1 + b] == '\0';
}

static guess_certainty certainty(int one, int other)
{
    return one && other ? GUESS_FORMAT_MIXED : one || other ? GUESS_FORMAT_ONE : GUESS_FORMAT_NONE;
}

static void formats(profile_guess *g, const column_work *work)
{
    int fi = 0, iso = 0, comma = 0, point = 0;
    const contract_entity *ent = g->entity >= 0 ? contract_entity_get(g->entity) : NULL;
    for (size_t i = 0; i < g->ncols; i++) {
        if (g->cols[i].values_look_hetu)
            continue;
        /* A column known to be neither dates nor numbers does not count: an
         * industry code 56.10 is text, not a decimal number. */
        int type = ent && g->cols[i].column >= 0 ? (int)ent->cols[g->cols[i].column].type : -1;
        if (type >= 0 && type != CT_DATE && type != CT_NUMBER)
            continue;
        for (size_t k = 0; k < work[i].nsamples; k++) {
            const char *s = work[i].samples[k];
            ips_day day;
            fi += date_parse_fi(s, &day);
            iso += date_parse_iso(s, &day);
            comma += number_with(s, ',');
            point += number_with(s, '.');
        }
    }
    g->dates_seen = certainty(fi, iso);
    g->dates = fi && !iso ? DATE_FI : DATE_ISO;
    g->decimal_seen = certainty(comma, point);
    g->decimal = comma && !point ? ',' : '.';
}

/* ---- values that need a map ---------------------------------------------- */

/* Values never kept for printing: identity codes, anything long or with a
 * long run of digits (a phone number, an account). */
static bool private_looking(const char *s)
{
    if (strlen(s) > 80 || is_hetu(s) || hetu_find(s))
        return true;
    for (size_t run = 0; *s; s++) {
        run = (*s >= '0' && *s <= '9') ? run + 1 : 0;
        if (run >= 6)
            return true;
    }
    return false;
}

/* The code a value surely means (GUESS_BLANK for a word for unknown), ""
 * when it needs no map, NULL when a person must say. */
static const char *code_for(const contract_column *col, const char *v)
{
    char key[KEYLEN], ck[KEYLEN];
    guess_plain_key(v, key, sizeof key);
    if (guess_value_unknown(key))
        return GUESS_BLANK;
    if (col->type == CT_ID) {  /* ids are kept as they are unless the vocabulary knows them */
        const char *code = guess_value_code(col->name, key);
        return code && strcmp(code, v) != 0 ? code : "";
    }
    if (col->type == CT_BOOL) {
        /* What the contract reads as it is, then what surely means yes or no. */
        static const char *const words[] = {"y", "n", "1", "0", "true", "false",
                                            "k", "e", "kylla", "ei"};
        for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
            if (strcmp(key, words[i]) == 0)
                return "";
        const char *yn = guess_yes_no(key);
        return yn ? yn : guess_value_code(col->name, key);
    }
    for (const char *const *c = col->codes; c && *c; c++) {
        if (strcmp(v, *c) == 0)
            return "";
        guess_plain_key(*c, ck, sizeof ck);
        if (strcmp(ck, key) == 0)
            return *c;
    }
    return guess_value_code(col->name, key);
}

static ips_error collect_values(profile_guess *g, const column_work *work, ips_diag *d)
{
    if (g->entity < 0)
        return IPS_OK;
    const contract_entity *ent = contract_entity_get(g->entity);
    for (size_t i = 0; i < g->ncols; i++) {
        guess_column *gc = &g->cols[i];
        if (gc->column < 0)
            continue;
        const contract_column *col = &ent->cols[gc->column];
        /* Code and yes/no columns need a map for every other value; an id
         * column only for values the vocabulary knows (segment, instrument);
         * any other column only for a word for unknown. */
        bool coded = col->type == CT_CODE || col->type == CT_BOOL ||
                     (col->type == CT_ID && guess_column_has_vocabulary(col->name));
        for (size_t k = 0; k < work[i].ndistinct && gc->nvalues < GUESS_MAX_VALUES; k++) {
            const char *v = work[i].distinct[k];
            char key[KEYLEN];
            guess_plain_key(v, key, sizeof key);
            const char *to = coded ? code_for(col, v) : guess_value_unknown(key) ? GUESS_BLANK : "";
            if (to && !*to)
                continue;
            if (!gc->values && !(gc->values = calloc(GUESS_MAX_VALUES, sizeof *gc->values)))
                return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
            if (!(gc->values[gc->nvalues].from = strdup(v)))
                return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
            gc->values[gc->nvalues++].to = to;
        }
    }
    return IPS_OK;
}

/* ---- file name pattern ----------------------------------------------- */

/* The base name with each run of digits (with - _ . between) as '*', and
 * fnmatch's special characters escaped: asiakkuudet_2024-06.csv ->
 * asiakkuudet_*.csv. */
static char *name_pattern(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *s = slash ? slash + 1 : path;
    char *out = malloc(2 * strlen(s) + 1);
    if (!out)
        return NULL;
    size_t n = 0;
    while (*s) {
        if (*s >= '0' && *s <= '9') {
            while ((*s >= '0' && *s <= '9') ||
                   ((*s == '-' || *s == '_' || *s == '.') && s[1] >= '0' && s[1] <= '9'))
                s++;
            out[n++] = '*';
            continue;
        }
        if (strchr("*?[]\\", *s))
            out[n++] = '\\';
        out[n++] = *s++;
    }
    out[n] = '\0';
    return out;
}

/* ---- the whole --------------------------------------------------------- */

static void work_free(column_work *work, size_t n)
{
    for (size_t i = 0; work && i < n; i++) {
        for (size_t k = 0; k < work[i].nsamples; k++)
            free(work[i].samples[k]);
        for (size_t k = 0; k < work[i].ndistinct; k++)
            free(work[i].distinct[k]);
    }
    free(work);
}

ips_error profile_guess_file(const char *path, const char *encoding, profile_guess **out,
                             ips_diag *d)
{
    *out = NULL;
    profile_guess *g = calloc(1, sizeof *g);
    if (!g || !(g->path = strdup(path))) {
        free(g);
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    }
    g->entity = g->runner_up = -1;
    bool utf8 = true, ascii = true;
    ips_error e = sniff_utf8(path, &utf8, &ascii, d);
    g->not_utf8 = !utf8;
    g->ascii = ascii;
    bool say_utf8 = encoding && (strcasecmp(encoding, "utf-8") == 0 || strcasecmp(encoding, "utf8") == 0);
    if (e == IPS_OK && say_utf8 && !utf8)
        e = ips_diag_set(d, IPS_ERR_ENCODING, "%s is not UTF-8 although --encoding says so; "
                         "try --encoding windows-1252", path);
    const char *enc = say_utf8 ? NULL : encoding ? encoding : utf8 ? NULL : "windows-1252";
    if (e == IPS_OK && enc && !(g->encoding = strdup(enc)))
        e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    column_work *work = NULL;
    if (e == IPS_OK)
        e = read_sample(g, &work, d);
    if (e == IPS_OK) {
        for (size_t i = 0; i < g->ncols; i++)
            find_candidates(g->cols[i].header, &work[i]);
        choose_entity(g, work);
        map_by_header(g, work);
        map_by_values(g, work);
        formats(g, work);
        e = collect_values(g, work, d);
    }
    if (e == IPS_OK && !(g->file_pattern = name_pattern(path)))
        e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    work_free(work, g->ncols);
    if (e != IPS_OK) {
        profile_guess_free(g);
        return e;
    }
    *out = g;
    return IPS_OK;
}

void profile_guess_free(profile_guess *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->ncols; i++) {
        free(g->cols[i].header);
        for (size_t k = 0; k < g->cols[i].nvalues; k++)
            free(g->cols[i].values[k].from);
        free(g->cols[i].values);
    }
    free(g->cols);
    free(g->path);
    free(g->encoding);
    free(g->file_pattern);
    free(g);
}
