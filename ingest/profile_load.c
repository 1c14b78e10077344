/* Loading a source profile: libinih splits the INI file into sections and
 * `name = value` pairs; this file validates each pair against the data
 * contract and says what is wrong as `file:line: what, what to do`.
 *
 * libinih (r55 as Debian builds it) does not give the handler a line number
 * and takes ';' after a blank as the start of a comment, ':' as another
 * separator and an indented line as the continuation of the previous value.
 * So the profile is fed to ini_parse_stream() through our own line reader,
 * which counts lines, reads section headers itself, drops indentation and
 * comments (so that only the setting counts towards inih's 200-byte line
 * buffer), and hides '=', ';' and ':' inside double quotes (and ':' and a ';'
 * that starts a value everywhere) behind placeholder bytes that the handler
 * turns back.
 * The format is described in docs/profiles.md. */
#include "ingest/profile.h"

#include <errno.h>
#include <ini.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/text.h"
#include "common/trim.h"
#include "ingest/profile_load.h"

#define PH_EQ '\x01'
#define PH_SEMI '\x02'
#define PH_COLON '\x03'

/* Records the first error as "path:line: …" and tells inih the pair failed. */
int loader_error(loader *L, const char *fmt, ...)
{
    if (L->failed)
        return 0;
    L->failed = true;
    L->code = IPS_ERR_PROFILE;
    int n = snprintf(L->msg, sizeof L->msg, "%s:%d: ", L->path, L->lineno);
    if (n < 0 || (size_t)n >= sizeof L->msg)
        return 0;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(L->msg + n, sizeof L->msg - (size_t)n, fmt, ap);
    va_end(ap);
    return 0;
}

int loader_nomem(loader *L)
{
    if (!L->failed) {
        L->failed = true;
        L->code = IPS_ERR_NOMEM;
        snprintf(L->msg, sizeof L->msg, "%s: out of memory", L->path);
    }
    return 0;
}

/* Hides the characters inih would take as syntax, see the top of the file.
 * Returns false (with the error recorded) when the line is not a setting. */
static bool protect(loader *L, char *s)
{
    bool quoted = false, in_value = false, value_blank = false;
    for (char *c = s; *c; c++) {
        if (*c == '"') {
            quoted = !quoted;
            value_blank = false;
            continue;
        }
        if (quoted) {
            if (*c == '=')
                *c = PH_EQ;
            else if (*c == ';')
                *c = PH_SEMI;
            else if (*c == ':')
                *c = PH_COLON;
            continue;
        }
        if (*c == ';' && (c[-1] == ' ' || c[-1] == '\t')) {
            if (!in_value)
                return loader_error(L, "the ';' after a blank starts a comment before any '='; "
                                       "put a name that contains ';' in double quotes: "
                                       "column.\"A ; B\" = …");
            if (!value_blank) {
                *c = '\0';  /* the rest of the line is a comment: not read, not counted */
                break;
            }
            *c = PH_SEMI; /* `delimiter = ;`: a value, not an empty value and a comment */
        }
        if (*c == ':')
            *c = PH_COLON;
        else if (*c == '=' && !in_value)
            in_value = value_blank = true;
        else if (*c != ' ' && *c != '\t')
            value_blank = false;
    }
    if (quoted)
        return loader_error(L, "a double quote (\") is not closed; close it, and write a "
                               "quote inside quotes as two (\"\")");
    if (!in_value)
        return loader_error(L, "this line is not a setting; write `name = value`, a section "
                               "such as [enrollments], or a comment starting with ';'");
    return true;
}

/* A section header read by our reader; sets L->section. */
static bool section_line(loader *L, char *s)
{
    char *end = strchr(s, ']');
    if (!end)
        return loader_error(L, "a section header needs a closing ']', as in [enrollments]");
    size_t rest;
    const char *after = trim_span(end + 1, &rest);
    if (rest && *after != ';' && *after != '#')
        return loader_error(L, "text after the section header's ']'; put a comment after ';'");
    *end = '\0';
    size_t n;
    const char *name = trim_span(s + 1, &n);
    bool ok = loader_section_start(L, name, n);
    *end = ']';
    end[1] = '\0';  /* drop a comment after it */
    return ok;
}

/* inih's line source: counts lines, checks the text and prepares it (above). */
static char *read_line(char *str, int num, void *user)
{
    loader *L = user;
    if (L->failed)
        return NULL;
    ssize_t got = getline(&L->raw, &L->rawcap, L->fp);
    if (got < 0) {
        if (ferror(L->fp)) {
            L->failed = true;
            L->code = IPS_ERR_IO;
            snprintf(L->msg, sizeof L->msg, "%s: read error after line %d", L->path, L->lineno);
        }
        return NULL;
    }
    L->lineno++;
    size_t n = (size_t)got;
    char *s = L->raw;
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = '\0';
    if (L->lineno == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        s += 3;
        n -= 3;
    }
    if (!text_utf8_valid(s, n, false)) {
        loader_error(L, "the profile is not UTF-8 text; save it as UTF-8 (the export may still "
                        "be windows-1252: say so with `encoding =`)");
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)s[i] < 0x20 && s[i] != '\t') {
            loader_error(L, "the line contains a control character; remove it");
            return NULL;
        }
    }
    while (*s == ' ' || *s == '\t')
        s++;  /* indentation is not a continuation line here */
    if (*s == ';' || *s == '#')
        *s = '\0';  /* a comment may be as long as it likes: inih sees a blank line */
    bool ok = true;
    if (*s == '[')
        ok = section_line(L, s);
    else if (*s)
        ok = protect(L, s);
    if (!ok)
        return NULL;
    n = strlen(s);
    if (n + 2 > (size_t)num) {
        loader_error(L, "the line is %zu bytes long without its comment, and the INI reader "
                        "takes at most %d; shorten it (a letter like ä takes two bytes)",
                     n, num - 2);
        return NULL;
    }
    memcpy(str, s, n + 1);
    return str;
}

/* Turns placeholders back and removes double quotes ("" inside quotes is a
 * quote).  Returns a new string, or NULL when out of memory. */
static char *unquote(const char *in)
{
    char *out = malloc(strlen(in) + 1);
    if (!out)
        return NULL;
    size_t n = 0;
    bool quoted = false;
    for (const char *c = in; *c; c++) {
        if (*c == '"') {
            if (quoted && c[1] == '"') {
                out[n++] = '"';
                c++;
            } else
                quoted = !quoted;
            continue;
        }
        out[n++] = *c == PH_EQ ? '=' : *c == PH_SEMI ? ';' : *c == PH_COLON ? ':' : *c;
    }
    out[n] = '\0';
    return out;
}

static int on_pair(void *user, const char *section, const char *name, const char *value)
{
    (void)section;  /* our reader tracks sections, with line numbers */
    loader *L = user;
    if (L->failed)
        return 0;
    L->pairs++;
    char *key = unquote(name), *val = unquote(value);
    int ok;
    if (!key || !val)
        ok = loader_nomem(L);
    else if (L->section == SEC_NONE)
        ok = loader_error(L, "'%s' comes before any section; put it under [profile] or an "
                             "entity section such as [enrollments]", key);
    else {
        /* A value written as "" is an explicit blank; an empty one is a slip. */
        loader_pair pair = {key, val, value[0] != '\0'};
        size_t n;
        const char *t = trim_span(val, &n);
        memmove(val, t, n);
        val[n] = '\0';
        ok = L->section == SEC_PROFILE ? loader_profile_setting(L, &pair)
                                       : loader_entity_setting(L, L->section, &pair);
    }
    free(key);
    free(val);
    return ok;
}

ips_error profile_load(const char *path, profile **out, ips_diag *d)
{
    *out = NULL;
    loader L;
    memset(&L, 0, sizeof L);
    L.path = path;
    L.section = SEC_NONE;
    if (!(L.p = calloc(1, sizeof *L.p)))
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    if (!(L.fp = fopen(path, "rb"))) {
        int err = errno;
        profile_free(L.p);
        return ips_diag_set(d, IPS_ERR_IO, "%s: cannot open the profile: %s", path, strerror(err));
    }
    int rc = ini_parse_stream(read_line, &L, on_pair, &L);
    fclose(L.fp);
    free(L.raw);
    L.raw = NULL;
    if (!L.failed && rc == -2)
        loader_nomem(&L);
    else if (!L.failed && rc != 0) {
        L.lineno = rc;  /* our reader lets nothing through that inih refuses; just in case */
        loader_error(&L, "this line cannot be read; write `name = value`, a [section] or a "
                         "';' comment");
    }
    if (!L.failed)
        loader_finish(&L);
    loader_release(&L);
    if (L.failed) {
        profile_free(L.p);
        return ips_diag_set(d, L.code, "%s", L.msg);
    }
    *out = L.p;
    return IPS_OK;
}
