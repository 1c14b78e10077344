#include "ingest/validate.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/date.h"
#include "common/utf8_cut.h"
#include "ingest/hetu.h"
#include "ingest/ytunnus.h"

static bool reject(validate_error *err, const char *column, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static bool reject(validate_error *err, const char *column, const char *fmt, ...)
{
    err->column = column;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->reason, sizeof err->reason, fmt, ap);
    va_end(ap);
    return false;
}

/* A value shown back to the user, cut short: only for non-personal columns,
 * and never when it holds what looks like an identity code (typed into the
 * wrong column, say). */
static const char *shown(const char *s, char buf[48])
{
    if (hetu_find(s))
        return "(not shown: looks like a personal identity code)";
    size_t n = strlen(s);
    if (n < 40)
        return s;
    snprintf(buf, 48, "%.*s…", (int)utf8_cut(s, 36), s);
    return buf;
}

bool validate_utf8(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        unsigned c = *p;
        int n;
        if (c == 0)
            return false;
        if (c < 0x80) {
            p++;
            continue;
        }
        if ((c & 0xE0) == 0xC0 && c >= 0xC2)
            n = 1;
        else if ((c & 0xF0) == 0xE0)
            n = 2;
        else if ((c & 0xF8) == 0xF0 && c <= 0xF4)
            n = 3;
        else
            return false;
        if (end - p <= n)
            return false;
        for (int i = 1; i <= n; i++)
            if ((p[i] & 0xC0) != 0x80)
                return false;
        /* Overlong forms, UTF-16 surrogates and code points past U+10FFFF. */
        if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] >= 0xA0) ||
            (c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] >= 0x90))
            return false;
        p += n + 1;
    }
    return true;
}

static void lower_ascii(char *s)
{
    for (; *s; s++)
        *s = (char)tolower((unsigned char)*s);
}

static bool parse_bool(const char *s, int64_t *out)
{
    /* Nearly every cell is "y" or "n": answer those without the lists. */
    if ((s[0] == 'y' || s[0] == 'n') && !s[1])
        return *out = s[0] == 'y', true;
    static const char *const yes[] = {"y", "1", "true", "k", "kyllä", "kylla", NULL};
    static const char *const no[] = {"n", "0", "false", "e", "ei", NULL};
    for (int i = 0; yes[i]; i++)
        if (strcasecmp(s, yes[i]) == 0 || (strcmp(yes[i], "kyllä") == 0 && strcmp(s, "KYLLÄ") == 0))
            return *out = 1, true;
    for (int i = 0; no[i]; i++)
        if (strcasecmp(s, no[i]) == 0)
            return *out = 0, true;
    return false;
}

static bool parse_number(const char *s, char decimal, double *out)
{
    char buf[64];
    size_t n = strlen(s);
    if (n == 0 || n >= sizeof buf)
        return false;
    memcpy(buf, s, n + 1);
    for (char *p = buf; *p; p++) {
        if (*p == decimal)
            *p = '.';
        else if (*p == '.' && decimal == ',')
            return false; /* "1.5" in a file that declares ',' is ambiguous */
        else if (!isdigit((unsigned char)*p) && *p != '-' && *p != '+')
            return false;
    }
    char *end;
    errno = 0;
    double v = strtod(buf, &end);
    if (*end || errno || !isfinite(v))
        return false;
    *out = v;
    return true;
}

static bool parse_int(const char *s, int64_t *out)
{
    const char *p = s + (*s == '-' || *s == '+');
    if (!*p || strlen(p) > 15)
        return false;
    for (; *p; p++)
        if (!isdigit((unsigned char)*p))
            return false;
    *out = strtoll(s, NULL, 10);
    return true;
}

static void list_codes(const contract_column *col, char *buf, size_t n)
{
    buf[0] = '\0';
    for (const char *const *c = col->codes; *c; c++) {
        size_t len = strlen(buf);
        snprintf(buf + len, n - len, "%s%s", c == col->codes ? "" : ", ", *c);
    }
}

static bool range_ok(const contract_column *col, double v)
{
    return (col->min_exclusive ? v > col->min : v >= col->min) && v <= col->max;
}

static bool is_listed(char *const *list, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcasecmp(list[i], name) == 0)
            return true;
    return false;
}

/* An identity code declared by the profile: validated, then replaced by its
 * pseudonym.  The code itself never leaves this function. */
static bool pseudonymise(const validate_ctx *ctx, const contract_column *col, const char *cell,
                         validated_row *out, int i, hetu_info *h, validate_error *err)
{
    const char *why;
    if (!ctx->key)
        return reject(err, col->name, "holds identity codes but no key was given; give "
                                      "--key-file FILE (create one with 'ipsreport key new FILE')");
    if (!hetu_parse(cell, h, &why))
        return reject(err, col->name, "%s", why);
    pseudonym_make(ctx->key, h->code, out->scratch[i]);
    out->vals[i].kind = VAL_TEXT;
    out->vals[i].text = out->scratch[i];
    return true;
}

static bool parse_cell(const validate_ctx *ctx, int i, char *cell, validated_row *out,
                       hetu_info *h, validate_error *err)
{
    const contract_column *col = &ctx->ent->cols[i];
    ips_value *v = &out->vals[i];
    char show[48];
    const char *why;
    if (ctx->pe && ctx->pe->nhetu && is_listed(ctx->pe->hetu_columns, ctx->pe->nhetu, col->name))
        return pseudonymise(ctx, col, cell, out, i, h, err);
    switch (col->type) {
    case CT_ID:
    case CT_TEXT:
        /* Also a code with a typo, or one inside other text: still personal. */
        if (col->type == CT_ID && hetu_find(cell) && strlen(cell) == HETU_LEN)
            return reject(err, col->name, "looks like a personal identity code, which must not be "
                                          "stored; declare the column in a profile (hetu = %s) "
                                          "and give --key-file", col->name);
        if (col->type == CT_ID && hetu_find(cell))
            return reject(err, col->name, "contains a personal identity code inside the id "
                                          "(not shown), which must not be stored; export ids "
                                          "that are not built from identity codes");
        if (col->type == CT_TEXT && hetu_find(cell))
            return reject(err, col->name, "contains what looks like a personal identity code, "
                                          "which must not be stored; remove it from the export");
        if (ctx->pe && is_listed(ctx->pe->ytunnus_columns, ctx->pe->nytunnus, col->name)) {
            if (!ytunnus_parse(cell, out->scratch[i], &why))
                return reject(err, col->name, "%s", why);
            cell = out->scratch[i];
        }
        v->kind = VAL_TEXT;
        v->text = cell;
        return true;
    case CT_DATE: {
        ips_day day;
        bool fi = ctx->pe && ctx->pe->dates == DATE_FI;
        if (!(fi ? date_parse_fi(cell, &day) : date_parse_iso(cell, &day)))
            return reject(err, col->name, "'%s' is not a real date; write %s", shown(cell, show),
                          fi ? "d.m.yyyy (5.9.2022)" : "YYYY-MM-DD (2022-09-05)");
        date_format_iso(day, out->scratch[i]);
        v->kind = VAL_TEXT;
        v->text = out->scratch[i];
        return true;
    }
    case CT_NUMBER:
        if (!parse_number(cell, ctx->pe && ctx->pe->decimal ? ctx->pe->decimal : '.', &v->r))
            return reject(err, col->name, "'%s' is not a number", shown(cell, show));
        if (!range_ok(col, v->r))
            return reject(err, col->name, "%s is out of range (%s%g..%g)", shown(cell, show),
                          col->min_exclusive ? "over " : "", col->min, col->max);
        v->kind = VAL_REAL;
        return true;
    case CT_INT:
        if (!parse_int(cell, &v->i))
            return reject(err, col->name, "'%s' is not a whole number", shown(cell, show));
        if (!range_ok(col, (double)v->i))
            return reject(err, col->name, "%s is out of range (%g..%g)", shown(cell, show),
                          col->min, col->max);
        v->kind = VAL_INT;
        return true;
    case CT_BOOL:
        if (!parse_bool(cell, &v->i))
            return reject(err, col->name, "'%s' is not y or n", shown(cell, show));
        v->kind = VAL_INT;
        return true;
    case CT_CODE: {
        size_t n = strlen(cell);
        bool fits = n < sizeof out->scratch[i];
        if (fits) {
            memcpy(out->scratch[i], cell, n + 1);
            lower_ascii(out->scratch[i]);
        }
        if (!fits || !contract_code_valid(col, out->scratch[i])) {
            char codes[400];
            list_codes(col, codes, sizeof codes);
            return reject(err, col->name, "'%s' is not a known %s; use one of: %s",
                          shown(cell, show), col->name, codes);
        }
        v->kind = VAL_TEXT;
        v->text = out->scratch[i];
        return true;
    }
    case CT_DIGITS: {
        size_t n = strlen(cell);
        bool ok = n >= 1 && n <= (size_t)col->max_len;
        for (size_t k = 0; ok && k < n; k++)
            ok = isdigit((unsigned char)cell[k]);
        if (!ok)
            return reject(err, col->name, "'%s' is not a code of 1 to %d digits",
                          shown(cell, show), col->max_len);
        v->kind = VAL_TEXT;
        v->text = cell;
        return true;
    }
    }
    return reject(err, col->name, "unknown column type");
}

static char *trim_in_place(char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        s[--n] = '\0';
    return s;
}

void validate_ctx_init(validate_ctx *ctx, const contract_entity *ent, const profile_entity *pe,
                       const pseudonym_key *key)
{
    *ctx = (validate_ctx){.ent = ent, .pe = pe, .key = key};
    ctx->entity = contract_entity_find(ent->name);
    ctx->start_date = contract_column_find(ent, "start_date");
    ctx->end_date = contract_column_find(ent, "end_date");
    ctx->exit_reason = contract_column_find(ent, "exit_reason");
    ctx->coach_id = contract_column_find(ent, "coach_id");
    ctx->by = contract_column_find(ent, "by");
    ctx->status = contract_column_find(ent, "status");
    ctx->score = contract_column_find(ent, "score");
    ctx->score_high = contract_column_find(ent, "score_high");
    ctx->birth_year = contract_column_find(ent, "birth_year");
    ctx->gender = contract_column_find(ent, "gender");
}

static const char *text_of(const validated_row *r, int i)
{
    return i >= 0 && r->vals[i].kind == VAL_TEXT ? r->vals[i].text : NULL;
}

static bool is_null(const validated_row *r, int i)
{
    return i < 0 || r->vals[i].kind == VAL_NULL;
}

/* end_date must not be before start_date (ISO text compares as dates). */
static bool dates_in_order(const validate_ctx *ctx, const validated_row *r, validate_error *err)
{
    const char *sv = text_of(r, ctx->start_date), *ev = text_of(r, ctx->end_date);
    if (sv && ev && strcmp(ev, sv) < 0)
        return reject(err, "end_date", "%s is before start_date %s", ev, sv);
    return true;
}

static bool cross_rules(const validate_ctx *ctx, validated_row *r, validate_error *err)
{
    if (!dates_in_order(ctx, r, err))
        return false;
    if (ctx->entity == ENT_ENROLLMENTS) {
        if (!is_null(r, ctx->end_date) && is_null(r, ctx->exit_reason))
            return reject(err, "exit_reason", "is required when end_date is set");
    } else if (ctx->entity == ENT_CONTACTS) {
        const char *by = text_of(r, ctx->by);
        if (is_null(r, ctx->coach_id) && !(by && strcmp(by, "client") == 0))
            return reject(err, "coach_id", "is blank; it may be blank only when by is 'client'");
    } else if (ctx->entity == ENT_FIDELITY_REVIEWS) {
        const char *status = text_of(r, ctx->status);
        int sc = ctx->score, hi = ctx->score_high;
        bool rated = status && strcmp(status, "rated") == 0;
        if (rated && is_null(r, sc))
            return reject(err, "score", "is required when status is 'rated'");
        if (!rated && (!is_null(r, sc) || !is_null(r, hi)))
            return reject(err, "score", "is given but status is '%s'; give the score only for "
                                        "rated items", status ? status : "");
        if (!is_null(r, hi) && r->vals[hi].i < r->vals[sc].i)
            return reject(err, "score_high", "is lower than score");
    }
    return true;
}

/* Birth year and gender from the identity code when the export leaves them
 * blank.  Not when the export says it does not know them (a value the
 * profile maps to ""): a person may have declined to state a gender, and the
 * code must not overrule that.  bit i of unknown: column i was such a value.
 * A code's birth year is checked like a written one: a code of the 1800s
 * (century sign '+') names a year the contract does not accept. */
static bool fill_from_hetu(const validate_ctx *ctx, validated_row *r, const hetu_info *h,
                           unsigned unknown, validate_error *err)
{
    int by = ctx->birth_year, g = ctx->gender;
    if (by >= 0 && !(unknown >> by & 1) && r->vals[by].kind == VAL_NULL) {
        const contract_column *col = &ctx->ent->cols[by];
        if (!range_ok(col, h->birth_year))
            return reject(err, col->name, "%d (from the identity code) is out of range "
                          "(%g..%g)", h->birth_year, col->min, col->max);
        r->vals[by].kind = VAL_INT;
        r->vals[by].i = h->birth_year;
    }
    if (g >= 0 && !(unknown >> g & 1) && r->vals[g].kind == VAL_NULL) {
        r->scratch[g][0] = h->gender;
        r->scratch[g][1] = '\0';
        r->vals[g].kind = VAL_TEXT;
        r->vals[g].text = r->scratch[g];
    }
    return true;
}

bool validate_row(const validate_ctx *ctx, char **cells, const size_t *lens, validated_row *out,
                  validate_error *err)
{
    const contract_entity *ent = ctx->ent;
    hetu_info h = {0};
    bool from_hetu = false;
    unsigned unknown = 0; /* columns the profile mapped to "" */
    for (int i = 0; i < ent->ncols; i++) {
        const contract_column *col = &ent->cols[i];
        out->vals[i].kind = VAL_NULL;
        if (cells[i] && lens[i] > VALIDATE_MAX_FIELD)
            return reject(err, col->name, "is %zu bytes long; the longest accepted is %d",
                          lens[i], VALIDATE_MAX_FIELD);
        if (cells[i] && memchr(cells[i], '\0', lens[i]))
            return reject(err, col->name, "contains a NUL byte; the file may be damaged or binary");
        char *cell = cells[i] ? trim_in_place(cells[i]) : NULL;
        /* A profile's value map turns the export's wording into the contract's
         * code (or into blank, for "unknown") before the value is checked. */
        const char *mapped = cell && *cell && ctx->pe ? profile_map_value(ctx->pe, col->name, cell) : NULL;
        if (mapped) {
            snprintf(out->mapped[i], sizeof out->mapped[i], "%s", mapped);
            cell = out->mapped[i];
            unknown |= (unsigned)!*mapped << i;
        }
        if (!cell || !*cell) {
            if (col->required)
                return reject(err, col->name, "is required but blank");
            continue;
        }
        hetu_info hi = {0};
        if (!parse_cell(ctx, i, cell, out, &hi, err))
            return false;
        if (hi.birth_year) {
            h = hi;
            from_hetu = true;
        }
    }
    bool ok = !from_hetu || fill_from_hetu(ctx, out, &h, unknown, err);
    memset(&h, 0, sizeof h);
    return ok && cross_rules(ctx, out, err);
}
