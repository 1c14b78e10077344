/* Putting the guesses of several exports together into one profile (see
 * profile_guess_set.h).  The formats are decided by vote: a file that shows
 * no date says nothing about dates, a file of ASCII bytes only nothing about
 * the encoding. */
#include "ingest/profile_guess_set.h"

#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/text.h"

#define NOTE_MAX 400

static const char *base_of(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static ips_error note(profile_guess_set *s, ips_diag *d, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static ips_error note(profile_guess_set *s, ips_diag *d, const char *fmt, ...)
{
    char buf[NOTE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    char **n = realloc(s->notes, (s->nnotes + 1) * sizeof *n);
    if (!n)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    s->notes = n;
    if (!(n[s->nnotes] = strdup(buf)))
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    s->nnotes++;
    return IPS_OK;
}

static bool same_encoding(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcasecmp(a, b) == 0);
}

/* ---- votes -------------------------------------------------------------- */

/* What the files (of one entity, or all when entity < 0) show, by vote; the
 * first file breaks ties.  split[] tells which of encoding, delimiter, dates
 * and decimal the files disagree on. */
static guess_format vote(const profile_guess_set *s, int entity, bool split[4])
{
    guess_format f = {NULL, ',', GUESS_FORMAT_NONE, DATE_ISO, GUESS_FORMAT_NONE, '.'};
    int best_enc = 0, best_delim = 0, fi = 0, iso = 0, comma = 0, point = 0;
    const profile_guess *first = NULL, *first_8bit = NULL;
    memset(split, 0, 4 * sizeof *split);
    for (size_t i = 0; i < s->nfiles; i++) {
        const profile_guess *g = s->files[i];
        if (entity >= 0 && g->entity != entity)
            continue;
        int enc = 0, delim = 0;
        for (size_t k = 0; k < s->nfiles; k++) {
            const profile_guess *o = s->files[k];
            if (entity < 0 || o->entity == entity) {
                enc += !o->ascii && same_encoding(o->encoding, g->encoding);
                delim += o->delimiter == g->delimiter;
            }
        }
        if (!first)
            first = g;
        if (!g->ascii && !first_8bit)
            first_8bit = g;
        if (!g->ascii && !same_encoding(first_8bit->encoding, g->encoding))
            split[0] = true;
        if (!g->ascii && enc > best_enc)
            f.encoding = g->encoding, best_enc = enc;
        if (first->delimiter != g->delimiter)
            split[1] = true;
        if (delim > best_delim)
            f.delimiter = g->delimiter, best_delim = delim;
        /* A file showing both formats votes for what it was guessed as (a
         * note asks a person to decide). */
        if (g->dates_seen != GUESS_FORMAT_NONE)
            *(g->dates == DATE_FI ? &fi : &iso) += 1;
        if (g->decimal_seen != GUESS_FORMAT_NONE)
            *(g->decimal == ',' ? &comma : &point) += 1;
    }
    if (!first_8bit && first)
        f.encoding = first->encoding;  /* ASCII only: what the file was read as */
    split[2] = fi && iso;
    split[3] = comma && point;
    f.dates_seen = fi || iso ? GUESS_FORMAT_ONE : GUESS_FORMAT_NONE;
    f.dates = fi > iso ? DATE_FI : DATE_ISO;
    f.decimal_seen = comma || point ? GUESS_FORMAT_ONE : GUESS_FORMAT_NONE;
    f.decimal = comma > point ? ',' : '.';
    return f;
}

/* ---- merging the files of one entity ---------------------------------- */

static int find_header(const profile_guess *m, const char *header)
{
    char *key = text_key(header);
    int at = -1;
    for (size_t i = 0; key && at < 0 && i < m->ncols; i++)
        if (text_key_equal(m->cols[i].header, key))
            at = (int)i;
    free(key);
    return at;
}

static ips_error add_values(guess_column *to, const guess_column *from, ips_diag *d)
{
    for (size_t k = 0; k < from->nvalues; k++) {
        char *key = text_key(from->values[k].from);
        if (!key)
            return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        bool seen = false;
        for (size_t j = 0; j < to->nvalues && !seen; j++)
            seen = text_key_equal(to->values[j].from, key);
        free(key);
        if (seen || to->nvalues == GUESS_MAX_VALUES)
            continue;
        if (!to->values && !(to->values = calloc(GUESS_MAX_VALUES, sizeof *to->values)))
            return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        if (!(to->values[to->nvalues].from = strdup(from->values[k].from)))
            return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        to->values[to->nvalues++].to = from->values[k].to;
    }
    return IPS_OK;
}

/* Adds g's columns to m: a header m has already (compared as profiles
 * compare names) takes g's values and identity flags, a new one is appended. */
static ips_error merge_file(profile_guess *m, const profile_guess *g, ips_diag *d)
{
    int *at = calloc(g->ncols ? g->ncols : 1, sizeof *at);
    guess_column *cols = realloc(m->cols, (m->ncols + g->ncols + 1) * sizeof *cols);
    if (!at || !cols) {
        free(at);
        if (cols)
            m->cols = cols;
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    }
    m->cols = cols;
    ips_error e = IPS_OK;
    for (size_t i = 0; e == IPS_OK && i < g->ncols; i++) {
        const guess_column *gc = &g->cols[i];
        int k = find_header(m, gc->header);
        if (k < 0) {
            k = (int)m->ncols++;
            guess_column *nc = &m->cols[k];
            *nc = *gc;
            nc->values = NULL;
            nc->nvalues = 0;
            nc->duplicate_of = gc->duplicate_of >= 0 ? at[gc->duplicate_of] : -1;
            if (!(nc->header = strdup(gc->header)))
                e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        } else {
            guess_column *oc = &m->cols[k];
            oc->hetu = oc->hetu || gc->hetu;
            oc->ytunnus = !oc->hetu && (oc->ytunnus || gc->ytunnus);
            oc->values_look_hetu = oc->values_look_hetu && gc->values_look_hetu;
        }
        at[i] = k;
        if (e == IPS_OK)
            e = add_values(&m->cols[k], gc, d);
    }
    free(at);
    m->rows += g->rows;
    return e;
}

/* Drops a value that an earlier header renamed to the same contract column
 * maps already: a profile maps each value of a column once. */
static ips_error drop_repeated_values(profile_guess *m, ips_diag *d)
{
    for (size_t i = 0; i < m->ncols; i++) {
        guess_column *gc = &m->cols[i];
        size_t kept = 0;
        for (size_t k = 0; k < gc->nvalues; k++) {
            char *key = text_key(gc->values[k].from);
            if (!key)
                return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
            bool seen = false;
            for (size_t j = 0; j < i && !seen; j++)
                for (size_t v = 0; gc->column >= 0 && m->cols[j].column == gc->column &&
                                   v < m->cols[j].nvalues && !seen; v++)
                    seen = text_key_equal(m->cols[j].values[v].from, key);
            free(key);
            if (seen)
                free(gc->values[k].from);
            else
                gc->values[kept++] = gc->values[k];
        }
        gc->nvalues = kept;
    }
    return IPS_OK;
}

/* ---- file patterns -------------------------------------------------------- */

/* One pattern for the names of every file of entity e: theirs when they
 * agree, else their common start and end around '*'.  NULL when they share
 * nothing, or when the pattern would also take a file of another entity. */
static char *section_pattern(const profile_guess_set *s, int e)
{
    const char *first = NULL;
    size_t pre = 0, suf = 0;
    for (size_t i = 0; i < s->nfiles; i++) {
        const char *p = s->files[i]->file_pattern;
        if (s->files[i]->entity != e)
            continue;
        if (!first) {
            first = p;
            pre = suf = strlen(p);
            continue;
        }
        size_t n = strlen(p), lf = strlen(first), k = 0;
        while (k < pre && k < n && p[k] == first[k])
            k++;
        pre = k;
        k = 0;
        while (k < suf && k < n && p[n - 1 - k] == first[lf - 1 - k])
            k++;
        suf = k;
    }
    if (!first)
        return NULL;
    size_t lf = strlen(first);
    char *pat;
    if (pre == lf)
        pat = strdup(first);
    else if (pre == 0)
        return NULL;
    else {
        if (pre + suf > lf)
            suf = lf - pre;
        /* Do not cut an escape (\*) in two, nor leave '*' twice in a row. */
        while (pre > 0 && first[pre - 1] == '\\')
            pre--;
        pat = malloc(pre + suf + 2);
        if (pat)
            snprintf(pat, pre + suf + 2, "%.*s*%s", (int)pre, first,
                     first + lf - suf + (suf && first[lf - suf] == '*'));
    }
    for (size_t i = 0; pat && i < s->nfiles; i++) {
        char *lp = text_lower(pat), *lb = text_lower(base_of(s->files[i]->path));
        bool hit = lp && lb && fnmatch(lp, lb, 0) == 0;
        free(lp);
        free(lb);
        if (hit != (s->files[i]->entity == e)) {
            free(pat);
            return NULL;
        }
    }
    return pat;
}

/* ---- the whole ---------------------------------------------------------- */

static ips_error make_section(profile_guess_set *s, int e, ips_diag *d)
{
    guess_section *sec = &s->sections[e];
    const char *name = contract_entity_get(e)->name;
    profile_guess *m = calloc(1, sizeof *m);
    if (!m)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    sec->merged = m;
    m->entity = e;
    m->runner_up = -1;
    ips_error err = IPS_OK;
    for (size_t i = 0; err == IPS_OK && i < s->nfiles; i++) {
        if (s->files[i]->entity != e)
            continue;
        if (!sec->nfiles++) {
            m->runner_up = s->files[i]->runner_up;
            if (!(m->path = strdup(s->files[i]->path)))
                err = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        }
        if (err == IPS_OK)
            err = merge_file(m, s->files[i], d);
    }
    if (err == IPS_OK)
        err = drop_repeated_values(m, d);
    if (err != IPS_OK)
        return err;
    bool split[4];
    sec->fmt = vote(s, e, split);
    const guess_format *def = &s->defaults;
    bool any_8bit = false;
    for (size_t i = 0; i < s->nfiles; i++)
        any_8bit = any_8bit || (s->files[i]->entity == e && !s->files[i]->ascii);
    sec->own_encoding = any_8bit && !same_encoding(sec->fmt.encoding, def->encoding);
    sec->own_delimiter = sec->fmt.delimiter != def->delimiter;
    sec->own_dates = sec->fmt.dates_seen != GUESS_FORMAT_NONE && sec->fmt.dates != def->dates;
    sec->own_decimal = sec->fmt.decimal_seen != GUESS_FORMAT_NONE && sec->fmt.decimal != def->decimal;
    static const char *const what[4] = {"encoding", "delimiter", "date format",
                                        "decimal separator"};
    char differ[120] = "";
    for (int k = 0; k < 4; k++)
        if (split[k])
            snprintf(differ + strlen(differ), sizeof differ - strlen(differ), "%s%s",
                     *differ ? ", " : "", what[k]);
    if (*differ)
        err = note(s, d, "the %s files differ in their %s; [%s] takes what most of them "
                   "show: check it, or split the files into profiles of their own",
                   name, differ, name);
    if (err == IPS_OK && !(m->file_pattern = section_pattern(s, e))) {
        const char *b = base_of(m->path);
        err = note(s, d, "no one file pattern fits every %s file and no other; [%s] has "
                   "file = %s: widen it to the others", name, name, b);
        if (err == IPS_OK && !(m->file_pattern = strdup(b)))
            err = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    }
    return err;
}

static char *profile_name(const profile_guess_set *s)
{
    const char *first = s->files[0]->path, *slash = strrchr(first, '/');
    size_t dir = slash ? (size_t)(slash - first) : 0;
    bool one_dir = s->nfiles > 1 && dir > 0;
    for (size_t i = 1; one_dir && i < s->nfiles; i++) {
        const char *p = s->files[i]->path, *ps = strrchr(p, '/');
        one_dir = ps && (size_t)(ps - p) == dir && strncmp(p, first, dir) == 0;
    }
    if (one_dir) {
        /* The folder the exports came in: samples/tyopaja -> tyopaja. */
        const char *start = first + dir;
        while (start > first && start[-1] != '/')
            start--;
        if ((size_t)(first + dir - start) > 0 && strncmp(start, ".", (size_t)(first + dir - start)) != 0)
            return strndup(start, (size_t)(first + dir - start));
    }
    const char *b = base_of(first), *dot = strrchr(b, '.');
    return strndup(b, dot && dot != b ? (size_t)(dot - b) : strlen(b));
}

static ips_error decide(profile_guess_set *s, ips_diag *d)
{
    bool split[4];
    s->defaults = vote(s, -1, split);
    ips_error e = (s->name = profile_name(s)) ? IPS_OK
                                             : ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    for (size_t i = 0; e == IPS_OK && i < s->nfiles; i++) {
        const profile_guess *g = s->files[i];
        const char *b = base_of(g->path);
        if (g->entity < 0)
            e = note(s, d, "%s: the header does not tell which entity the file holds; its "
                     "columns are listed in the profile for you to place", b);
        if (e == IPS_OK && g->dates_seen == GUESS_FORMAT_MIXED)
            e = note(s, d, "%s shows dates like 5.9.2022 and like 2022-09-05; keep the one "
                     "the export uses", b);
        if (e == IPS_OK && g->decimal_seen == GUESS_FORMAT_MIXED)
            e = note(s, d, "%s shows numbers like 0,5 and like 0.5; keep the one the "
                     "export uses", b);
    }
    for (int en = 0; e == IPS_OK && en < ENT__COUNT; en++) {
        bool any = false;
        for (size_t i = 0; i < s->nfiles; i++)
            any = any || s->files[i]->entity == en;
        if (any)
            e = make_section(s, en, d);
        else if (s->nfiles > 1)
            e = note(s, d, "no export of %s was given; add its section by hand, or guess "
                     "again with its file", contract_entity_get(en)->name);
    }
    return e;
}

ips_error profile_guess_files(char *const *paths, size_t n, const char *encoding,
                              profile_guess_set **out, ips_diag *d)
{
    *out = NULL;
    profile_guess_set *s = calloc(1, sizeof *s);
    if (!s || !(s->files = calloc(n ? n : 1, sizeof *s->files))) {
        free(s);
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    }
    ips_error e = n ? IPS_OK : ips_diag_set(d, IPS_ERR_USAGE, "no export to guess from");
    for (size_t i = 0; e == IPS_OK && i < n; i++, s->nfiles++)
        e = profile_guess_file(paths[i], encoding, &s->files[i], d);
    if (e == IPS_OK)
        e = decide(s, d);
    if (e != IPS_OK) {
        profile_guess_set_free(s);
        return e;
    }
    *out = s;
    return IPS_OK;
}

void profile_guess_set_free(profile_guess_set *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->nfiles; i++)
        profile_guess_free(s->files[i]);
    free(s->files);
    for (int e = 0; e < ENT__COUNT; e++)
        profile_guess_free(s->sections[e].merged);
    for (size_t i = 0; i < s->nnotes; i++)
        free(s->notes[i]);
    free(s->notes);
    free(s->name);
    free(s);
}
