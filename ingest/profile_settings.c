/* Validating the settings of a source profile against the data contract
 * (model/contract.h).  Each refusal says what is wrong and what to write
 * instead; profile_load.c adds the file and line. */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/text.h"
#include "common/trim.h"
#include "ingest/profile_load.h"

#define PROFILE_KEYS "name, encoding, delimiter, dates and decimal"
#define ENTITY_KEYS "file, encoding, delimiter, dates, decimal, hetu, ytunnus, " \
                    "column.NAME IN EXPORT and map.COLUMN.VALUE"

typedef struct {
    char text[600];
} name_list;

/* Appends name to a comma-separated list, stopping short of overflow. */
static void list_add(name_list *l, const char *name)
{
    size_t n = strlen(l->text);
    if (n + strlen(name) + 8 >= sizeof l->text) {
        if (!strstr(l->text, "…"))
            snprintf(l->text + n, sizeof l->text - n, ", …");
        return;
    }
    snprintf(l->text + n, sizeof l->text - n, "%s%s", n ? ", " : "", name);
}

static name_list entity_names(void)
{
    name_list l = {{0}};
    for (int e = 0; e < ENT__COUNT; e++)
        list_add(&l, contract_entity_get(e)->name);
    return l;
}

/* The columns of ent, or only its id columns. */
static name_list column_names(const contract_entity *ent, bool ids_only)
{
    name_list l = {{0}};
    for (int i = 0; i < ent->ncols; i++)
        if (!ids_only || ent->cols[i].type == CT_ID)
            list_add(&l, ent->cols[i].name);
    return l;
}

static name_list code_names(const contract_column *col)
{
    name_list l = {{0}};
    for (const char *const *c = col->codes; c && *c; c++)
        list_add(&l, *c);
    return l;
}

/* ---- sections ------------------------------------------------------- */

/* Finnish names people write for the entities, for a "did you mean". */
static const struct {
    const char *fi;
    ips_entity e;
} section_hints[] = {
    {"valmentajat", ENT_COACHES},     {"työhönvalmentajat", ENT_COACHES},
    {"asiakkaat", ENT_CLIENTS},       {"työnantajat", ENT_EMPLOYERS},
    {"asiakkuudet", ENT_ENROLLMENTS}, {"tapaamiset", ENT_CONTACTS},
    {"yhteydenotot", ENT_CONTACTS},   {"käynnit", ENT_CONTACTS},
    {"työsuhteet", ENT_JOBS},         {"mittaukset", ENT_ASSESSMENTS},
    {"arvioinnit", ENT_ASSESSMENTS},  {"laatuarvioinnit", ENT_FIDELITY_REVIEWS},
    {"laatukriteeriarvioinnit", ENT_FIDELITY_REVIEWS},
};

bool loader_section_start(loader *L, const char *name, size_t len)
{
    char buf[64];
    name_list all = entity_names();
    if (len == 0 || len >= sizeof buf)
        return loader_error(L, "'[%.*s]' is not a section ipsreport knows; use [profile] or "
                               "an entity of the data contract: %s",
                            (int)(len > 40 ? 40 : len), name, all.text);
    memcpy(buf, name, len);
    buf[len] = '\0';
    L->sections++;
    if (strcasecmp(buf, "profile") == 0) {
        if (L->profile_line)
            return loader_error(L, "[profile] appears a second time (first on line %d); "
                                   "merge the two", L->profile_line);
        L->profile_line = L->lineno;
        L->section = SEC_PROFILE;
        return true;
    }
    int e = contract_entity_find(buf);
    if (e >= 0) {
        profile_entity *pe = &L->p->ent[e];
        if (pe->present)
            return loader_error(L, "[%s] appears a second time (first on line %d); merge the two",
                                buf, pe->line);
        pe->present = true;
        pe->line = L->lineno;
        L->section = e;
        return true;
    }
    char *key = text_key(buf);
    if (!key)
        return loader_nomem(L);
    for (size_t i = 0; i < sizeof section_hints / sizeof section_hints[0]; i++) {
        if (strcmp(key, section_hints[i].fi) == 0) {
            free(key);
            return loader_error(L, "[%s] is not a section ipsreport knows; sections are named "
                                   "in English: write [%s]", buf,
                                contract_entity_get(section_hints[i].e)->name);
        }
    }
    free(key);
    return loader_error(L, "[%s] is not a section ipsreport knows; use [profile] or an entity "
                           "of the data contract: %s", buf, all.text);
}

/* ---- encoding, delimiter, dates, decimal ------------------------------ */

/* 0: iconv does not know the encoding; 1: one byte per character; 2: some
 * characters take more bytes (the CSV reader converts chunk by chunk, which
 * only works for single-byte encodings). */
static int encoding_kind(const char *enc)
{
    iconv_t cd = iconv_open("UTF-8", enc);
    if (cd == (iconv_t)-1)
        return 0;
    int kind = 1;
    for (int b = 1; b < 256 && kind == 1; b++) {
        char in = (char)b, out[16];
        char *ip = &in, *op = out;
        size_t il = 1, ol = sizeof out;
        iconv(cd, NULL, NULL, NULL, NULL);
        if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 && errno == EINVAL)
            kind = 2;  /* a byte that only starts a character */
    }
    iconv_close(cd);
    return kind;
}

static int set_encoding(loader *L, loader_format *f, const char *v)
{
    if (strcasecmp(v, "utf-8") == 0 || strcasecmp(v, "utf8") == 0) {
        free(f->encoding);
        f->encoding = NULL;
        return 1;
    }
    int kind = *v ? encoding_kind(v) : 0;
    if (kind == 0)
        return loader_error(L, "encoding '%s' is not known; use utf-8, windows-1252 or "
                               "iso-8859-15", v);
    if (kind == 2)
        return loader_error(L, "encoding '%s' uses several bytes for a character, which "
                               "ipsreport cannot read; save the export as UTF-8 and write "
                               "encoding = utf-8", v);
    char *copy = strdup(v);
    if (!copy)
        return loader_nomem(L);
    free(f->encoding);
    f->encoding = copy;
    return 1;
}

static int set_delimiter(loader *L, loader_format *f, const char *v)
{
    if (strcmp(v, ",") == 0 || strcasecmp(v, "comma") == 0)
        f->delimiter = ',';
    else if (strcmp(v, ";") == 0 || strcasecmp(v, "semicolon") == 0)
        f->delimiter = ';';
    else if (strcasecmp(v, "tab") == 0 || strcmp(v, "\\t") == 0)
        f->delimiter = '\t';
    else if (strcasecmp(v, "detect") == 0)
        f->delimiter = 0;
    else
        return loader_error(L, "delimiter '%s' is not one ipsreport reads; write "
                               "delimiter = semicolon, comma, tab or detect", v);
    return 1;
}

static int set_dates(loader *L, loader_format *f, const char *v)
{
    if (strcasecmp(v, "yyyy-mm-dd") == 0)
        f->dates = DATE_ISO;
    else if (strcasecmp(v, "d.m.yyyy") == 0 || strcasecmp(v, "dd.mm.yyyy") == 0)
        f->dates = DATE_FI;
    else
        return loader_error(L, "dates '%s' is not a date format ipsreport reads; write "
                               "dates = d.m.yyyy (5.9.2022) or dates = yyyy-mm-dd (2022-09-05)", v);
    return 1;
}

static int set_decimal(loader *L, loader_format *f, const char *v)
{
    if (strcmp(v, ".") == 0 || strcmp(v, ",") == 0)
        f->decimal = v[0];
    else
        return loader_error(L, "decimal '%s' is not a decimal separator; write decimal = , "
                               "(0,5) or decimal = . (0.5)", v);
    return 1;
}

/* 1 or 0 when key is a format setting, -1 when it is not one. */
static int format_setting(loader *L, loader_format *f, const loader_pair *pr)
{
    static const char *const keys[] = {"encoding", "delimiter", "dates", "decimal"};
    int (*const set[])(loader *, loader_format *, const char *) = {set_encoding, set_delimiter,
                                                                  set_dates, set_decimal};
    int *lines[] = {&f->encoding_line, &f->delimiter_line, &f->dates_line, &f->decimal_line};
    for (int i = 0; i < 4; i++) {
        if (strcasecmp(pr->key, keys[i]) != 0)
            continue;
        if (*lines[i])
            return loader_error(L, "%s is already set on line %d; keep one", keys[i], *lines[i]);
        if (!set[i](L, f, pr->value))
            return 0;
        *lines[i] = L->lineno;
        return 1;
    }
    return -1;
}

/* ---- [profile] -------------------------------------------------------- */

static bool is_entity_key(const char *k)
{
    return strcasecmp(k, "file") == 0 || strcasecmp(k, "hetu") == 0 ||
           strcasecmp(k, "ytunnus") == 0 || strncasecmp(k, "column.", 7) == 0 ||
           strncasecmp(k, "map.", 4) == 0;
}

int loader_profile_setting(loader *L, const loader_pair *pr)
{
    int r = format_setting(L, &L->fmt[ENT__COUNT], pr);
    if (r >= 0)
        return r;
    if (strcasecmp(pr->key, "name") == 0) {
        if (L->name_line)
            return loader_error(L, "name is already set on line %d; keep one", L->name_line);
        if (!*pr->value)
            return loader_error(L, "name is empty; name the source system, as in name = Työpaja-X");
        if (!(L->p->name = strdup(pr->value)))
            return loader_nomem(L);
        L->name_line = L->lineno;
        return 1;
    }
    if (is_entity_key(pr->key))
        return loader_error(L, "'%s' belongs under an entity section such as [enrollments], "
                               "not under [profile]", pr->key);
    return loader_error(L, "'%s' is not a setting of [profile]; its settings are " PROFILE_KEYS,
                        pr->key);
}

/* ---- entity sections ---------------------------------------------------- */

static int file_setting(loader *L, int e, const loader_pair *pr)
{
    if (L->file_line[e])
        return loader_error(L, "file is already set on line %d; keep one (use * and [..] in the "
                               "pattern to match several names)", L->file_line[e]);
    if (!*pr->value)
        return loader_error(L, "file is empty; give the export's file name or a pattern such "
                               "as asiakkuudet*.csv");
    if (strchr(pr->value, '/'))
        return loader_error(L, "file '%s' has a folder in it; the pattern matches the file's "
                               "own name only, so drop the folder", pr->value);
    if (!(L->p->ent[e].file_pattern = strdup(pr->value)))
        return loader_nomem(L);
    L->file_line[e] = L->lineno;
    return 1;
}

/* The rename whose source is name, or NULL. */
static const profile_rename *rename_of(const profile_entity *pe, const char *name)
{
    for (size_t i = 0; i < pe->nrenames; i++)
        if (text_key_equal(name, pe->renames[i].source_key))
            return &pe->renames[i];
    return NULL;
}

static int rename_setting(loader *L, int e, const char *src, const loader_pair *pr)
{
    profile_entity *pe = &L->p->ent[e];
    const contract_entity *ent = contract_entity_get(e);
    size_t n;
    src = trim_span(src, &n);
    if (n == 0)
        return loader_error(L, "column. needs the export's column name after the dot, as in "
                               "column.Aloituspäivä = start_date");
    name_list cols = column_names(ent, false);
    if (!*pr->value)
        return loader_error(L, "column.%s says nothing to rename to; name a column of %s: %s",
                            src, ent->name, cols.text);
    int c = contract_column_find(ent, pr->value);
    if (c < 0)
        return loader_error(L, "%s has no column '%s'; rename to one of: %s", ent->name,
                            pr->value, cols.text);
    const profile_rename *old = rename_of(pe, src);
    if (old)
        return loader_error(L, "column '%s' is already renamed on line %d; keep one", src,
                            old->line);
    profile_rename *r = realloc(pe->renames, (pe->nrenames + 1) * sizeof *r);
    if (!r)
        return loader_nomem(L);
    pe->renames = r;
    r += pe->nrenames;
    memset(r, 0, sizeof *r);
    r->source = strndup(src, n);
    r->canonical = strdup(ent->cols[c].name);
    r->source_key = r->source ? text_key(r->source) : NULL;
    r->line = L->lineno;
    pe->nrenames++;  /* counted now so that profile_free() frees what was made */
    return r->source && r->canonical && r->source_key ? 1 : loader_nomem(L);
}

/* A yes/no word as the contract reads it, or NULL. */
static const char *bool_code(const char *v)
{
    static const char *const yes[] = {"y", "yes", "k", "kyllä", "1", "true"};
    static const char *const no[] = {"n", "no", "e", "ei", "0", "false"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (text_key_equal(v, yes[i]))
            return "y";
        if (text_key_equal(v, no[i]))
            return "n";
    }
    return NULL;
}

/* The contract code v stands for in col (case-insensitively), or NULL with
 * the error recorded. */
static const char *map_target(loader *L, const contract_column *col, const char *v)
{
    if (!*v)
        return "";  /* written as "": blank, i.e. unknown */
    if (col->type == CT_BOOL) {
        const char *b = bool_code(v);
        if (!b)
            loader_error(L, "'%s' is not yes or no; map values of %s to y or n", v, col->name);
        return b;
    }
    if (col->type == CT_ID)
        return v;
    for (const char *const *c = col->codes; c && *c; c++)
        if (strcasecmp(*c, v) == 0)
            return *c;
    name_list codes = code_names(col);
    loader_error(L, "'%s' is not a code of %s; use one of: %s", v, col->name, codes.text);
    return NULL;
}

static int add_map(loader *L, profile_entity *pe, const contract_column *col, const char *from,
                   const char *to)
{
    char *key = text_key(from);
    if (!key)
        return loader_nomem(L);
    for (size_t i = 0; i < pe->nmaps; i++) {
        if (strcmp(pe->maps[i].column, col->name) == 0 && strcmp(pe->maps[i].from_key, key) == 0) {
            free(key);
            return loader_error(L, "the value '%s' of %s is already mapped on line %d; keep one",
                                from, col->name, pe->maps[i].line);
        }
    }
    profile_value_map *m = realloc(pe->maps, (pe->nmaps + 1) * sizeof *m);
    if (!m) {
        free(key);
        return loader_nomem(L);
    }
    pe->maps = m;
    m += pe->nmaps++;
    m->from_key = key;
    m->column = strdup(col->name);
    m->from = strdup(from);
    m->to = strdup(to);
    m->line = L->lineno;
    return m->column && m->from && m->to ? 1 : loader_nomem(L);
}

static int map_setting(loader *L, int e, const char *rest, const loader_pair *pr)
{
    profile_entity *pe = &L->p->ent[e];
    const contract_entity *ent = contract_entity_get(e);
    const char *dot = strchr(rest, '.');
    if (!dot)
        return loader_error(L, "write a value map as map.COLUMN.VALUE = CODE, as in "
                               "map.exit_reason.Työllistynyt = employed_open");
    char colname[64];
    size_t n;
    const char *cn = trim_span(rest, &n);
    n = (size_t)(dot - cn) < n ? (size_t)(dot - cn) : n;
    while (n > 0 && (cn[n - 1] == ' ' || cn[n - 1] == '\t'))
        n--;
    snprintf(colname, sizeof colname, "%.*s", (int)n, cn);
    int c = contract_column_find(ent, colname);
    if (c < 0) {
        const profile_rename *r = rename_of(pe, colname);
        if (r)
            return loader_error(L, "a map names the contract column, not the export's: write "
                                   "map.%s.%s", r->canonical, dot + 1);
        name_list cols = column_names(ent, false);
        return loader_error(L, "%s has no column '%s'; maps name one of: %s", ent->name, colname,
                            cols.text);
    }
    const contract_column *col = &ent->cols[c];
    /* Any column may map the export's word for unknown ("-", "Ei tiedossa") to
     * "": only code, yes/no and id columns have other values to map to. */
    bool to_codes = col->type == CT_CODE || col->type == CT_BOOL || col->type == CT_ID;
    if (!to_codes && !(pr->explicit_value && !*pr->value))
        return loader_error(L, "values of %s cannot be mapped: maps are for code, yes/no and "
                               "id columns; %s is read as it is (only a word for unknown may be "
                               "mapped, to \"\")", col->name, col->name);
    size_t fn;
    const char *from = trim_span(dot + 1, &fn);
    if (fn == 0)
        return loader_error(L, "map.%s. names no value; write the export's value after the dot "
                               "(blank cells stay blank and need no map)", col->name);
    if (!pr->explicit_value) {
        name_list codes = code_names(col);
        return loader_error(L, "map.%s.%s says nothing to map to; write %s, or \"\" to read the "
                               "value as blank (unknown)", col->name, from,
                            col->type == CT_CODE ? codes.text : col->type == CT_BOOL ? "y or n" : "an id");
    }
    const char *to = map_target(L, col, pr->value);
    return to ? add_map(L, pe, col, from, to) : 0;
}

/* hetu = / ytunnus = : a comma-separated list of contract id columns. */
static int id_setting(loader *L, int e, const loader_pair *pr, bool ytunnus)
{
    profile_entity *pe = &L->p->ent[e];
    const contract_entity *ent = contract_entity_get(e);
    const char *what = ytunnus ? "ytunnus" : "hetu";
    const char *holds = ytunnus ? "a Y-tunnus" : "a henkilötunnus";
    char **list = ytunnus ? pe->ytunnus_columns : pe->hetu_columns;
    size_t *count = ytunnus ? &pe->nytunnus : &pe->nhetu;
    name_list ids = column_names(ent, true);
    const char *p = pr->value;
    do {
        const char *comma = strchr(p, ',');
        char name[64];
        snprintf(name, sizeof name, "%.*s", (int)(comma ? (size_t)(comma - p) : strlen(p)), p);
        size_t tn;
        const char *t = trim_span(name, &tn);
        memmove(name, t, tn);
        name[tn] = '\0';
        p = comma ? comma + 1 : NULL;
        if (!tn)
            return loader_error(L, "%s names no column; name the id column that holds %s, as in "
                                   "%s = %s", what, holds, what, ytunnus ? "employer_id" : "client_id");
        int c = contract_column_find(ent, name);
        const profile_rename *r = c < 0 ? rename_of(pe, name) : NULL;
        if (r)
            return loader_error(L, "%s names the contract column, not the export's: write %s = %s",
                                what, what, r->canonical);
        if (c < 0)
            return loader_error(L, "%s has no column '%s'; name one of its id columns: %s",
                                ent->name, name, ids.text);
        if (ent->cols[c].type != CT_ID)
            return loader_error(L, "%s is not an id column, so it cannot hold %s; name one of "
                                   "the id columns of %s: %s", ent->cols[c].name, holds, ent->name,
                                ids.text);
        if ((ytunnus ? profile_is_hetu_column : profile_is_ytunnus_column)(pe, name))
            return loader_error(L, "%s cannot hold both a henkilötunnus and a Y-tunnus; keep the "
                                   "right one", ent->cols[c].name);
        if ((ytunnus ? profile_is_ytunnus_column : profile_is_hetu_column)(pe, name))
            continue;
        if (*count == PROFILE_MAX_ID_COLUMNS)
            return loader_error(L, "%s names more than %d columns", what, PROFILE_MAX_ID_COLUMNS);
        if (!(list[*count] = strdup(ent->cols[c].name)))
            return loader_nomem(L);
        (*count)++;
    } while (p);
    return 1;
}

static int unknown_entity_key(loader *L, int e, const loader_pair *pr)
{
    const contract_entity *ent = contract_entity_get(e);
    if (strcasecmp(pr->key, "name") == 0)
        return loader_error(L, "name belongs under [profile]");
    if (contract_column_find(ent, pr->value) >= 0)
        return loader_error(L, "'%s' is not a setting of [%s]; to rename the export's column "
                               "write column.%s = %s", pr->key, ent->name, pr->key, pr->value);
    return loader_error(L, "'%s' is not a setting of [%s]; settings there are " ENTITY_KEYS,
                        pr->key, ent->name);
}

int loader_entity_setting(loader *L, int e, const loader_pair *pr)
{
    int r = format_setting(L, &L->fmt[e], pr);
    if (r >= 0)
        return r;
    const char *k = pr->key;
    if (strncasecmp(k, "column.", 7) == 0)
        return rename_setting(L, e, k + 7, pr);
    if (strncasecmp(k, "map.", 4) == 0)
        return map_setting(L, e, k + 4, pr);
    if (strcasecmp(k, "file") == 0)
        return file_setting(L, e, pr);
    if (strcasecmp(k, "hetu") == 0)
        return id_setting(L, e, pr, false);
    if (strcasecmp(k, "ytunnus") == 0 || strcasecmp(k, "y-tunnus") == 0)
        return id_setting(L, e, pr, true);
    return unknown_entity_key(L, e, pr);
}

/* ---- the end ------------------------------------------------------------ */

/* Each entity takes its own format setting, else the [profile] default, else
 * the contract's (utf-8, detected delimiter, yyyy-mm-dd, '.'). */
static void apply_format(loader *L, profile_entity *pe, loader_format *own)
{
    const loader_format *def = &L->fmt[ENT__COUNT];
    if (own->encoding_line) {
        pe->encoding = own->encoding;
        own->encoding = NULL;
    } else if (def->encoding_line && def->encoding && !(pe->encoding = strdup(def->encoding)))
        loader_nomem(L);
    pe->delimiter = own->delimiter_line ? own->delimiter : def->delimiter_line ? def->delimiter : 0;
    pe->dates = own->dates_line ? own->dates : def->dates_line ? def->dates : DATE_ISO;
    pe->decimal = own->decimal_line ? own->decimal : def->decimal_line ? def->decimal : '.';
}

void loader_finish(loader *L)
{
    if (L->sections == 0 && L->pairs == 0) {
        L->failed = true;
        L->code = IPS_ERR_PROFILE;
        snprintf(L->msg, sizeof L->msg, "%s: the profile is empty; write a [profile] section "
                 "and a section per entity (docs/profiles.md), or start from "
                 "'ipsreport profile guess EXPORT.csv'", L->path);
        return;
    }
    for (int e = 0; e < ENT__COUNT; e++)
        apply_format(L, &L->p->ent[e], &L->fmt[e]);
    if (!L->p->name) {
        const char *slash = strrchr(L->path, '/');
        const char *base = slash ? slash + 1 : L->path;
        const char *dot = strrchr(base, '.');
        L->p->name = strndup(base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
    }
    if (!L->p->name || !(L->p->path = strdup(L->path)))
        loader_nomem(L);
}

void loader_release(loader *L)
{
    for (int e = 0; e <= ENT__COUNT; e++) {
        free(L->fmt[e].encoding);
        L->fmt[e].encoding = NULL;
    }
}
