/* Tariff files (docs/tariff.md): euro prices of the three fees, by default
 * and per provider, read with libinih.  The file is read whole first (it is
 * small) and handed to inih line by line, so that every message can name the
 * physical line, which inih's own handler does not get. */
#include <ctype.h>
#include <errno.h>
#include <ini.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/funding.h"

#include "common/ini_text.h"

enum { FEE_START, FEE_GUIDANCE, FEE_OUTCOME, FEE__COUNT };

static const char *const fee_ids[FEE__COUNT] = {FUNDING_FEE_START, FUNDING_FEE_GUIDANCE,
                                                FUNDING_FEE_OUTCOME};
/* The seed's Finnish names (palkkio) and the everyday ones (maksu). */
static const char *const fee_aliases[FEE__COUNT][2] = {
    {"aloituspalkkio", "aloitusmaksu"},
    {"ohjauspalkkio", "ohjausmaksu"},
    {"tulospalkkio", "tulosmaksu"},
};

#define TARIFF_MAX_BYTES (1024 * 1024)

typedef struct {
    char *provider;          /* NULL for [default] */
    double price[FEE__COUNT];
    int line[FEE__COUNT];    /* where the price was given; 0 = not given */
} tariff_section;

struct funding_tariff {
    tariff_section *sec;
    size_t n, cap;
};

typedef struct {
    const char *name;        /* file name for messages */
    ini_text in;             /* the text, the line inih is on, the first error */
    funding_tariff *t;
    int last_line;           /* the previous key's line, section and name, */
    char last_section[128];  /* to tell a continuation line from a key */
    char last_name[64];
} parse_state;

static void trim(char *s)
{
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    size_t i = 0;
    while (s[i] && isspace((unsigned char)s[i]))
        i++;
    memmove(s, s + i, n - i + 1);
}

static int fee_find(const char *name)
{
    for (int f = 0; f < FEE__COUNT; f++)
        if (strcasecmp(name, fee_ids[f]) == 0 || strcasecmp(name, fee_aliases[f][0]) == 0 ||
            strcasecmp(name, fee_aliases[f][1]) == 0)
            return f;
    return -1;
}

static bool strip_suffix(char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    if (n < k || strcasecmp(s + n - k, suffix) != 0)
        return false;
    s[n - k] = '\0';
    trim(s);
    return true;
}

/* "1200", "1200.50", "1200,50", "1 200,50 €", "1200 eur" → euros. */
static bool parse_price(const char *text, double *out)
{
    char buf[64];
    if (strlen(text) >= sizeof buf)
        return false;
    snprintf(buf, sizeof buf, "%s", text);
    trim(buf);
    if (!strip_suffix(buf, "\xe2\x82\xac") && !strip_suffix(buf, "euroa"))
        strip_suffix(buf, "eur");
    char num[64];
    size_t k = 0;
    int seps = 0;
    for (size_t i = 0; buf[i]; i++) {
        unsigned char c = (unsigned char)buf[i];
        if (c == ' ' && i > 0 && isdigit((unsigned char)buf[i - 1]) && isdigit((unsigned char)buf[i + 1]))
            continue; /* thousands separator */
        if (c == 0xc2 && (unsigned char)buf[i + 1] == 0xa0) { /* no-break space */
            i++;
            continue;
        }
        if (c == ',' || c == '.') {
            seps++;
            num[k++] = '.';
        } else if (isdigit(c)) {
            num[k++] = (char)c;
        } else {
            return false;
        }
    }
    num[k] = '\0';
    if (k == 0 || seps > 1 || num[0] == '.' || num[k - 1] == '.')
        return false;
    char *end;
    errno = 0;
    double v = strtod(num, &end);
    if (*end || errno || !isfinite(v))
        return false;
    *out = v;
    return true;
}

/* "default" → provider NULL; "provider X" → X (malloc'd into *provider).
 * False when the section is neither. */
static bool section_provider(const char *section, char **provider, bool *nomem)
{
    char buf[128];
    snprintf(buf, sizeof buf, "%s", section);
    trim(buf);
    *provider = NULL;
    if (strcasecmp(buf, "default") == 0 || strcasecmp(buf, "oletus") == 0)
        return true;
    static const char *const words[] = {"provider", "palveluntuottaja"};
    for (size_t w = 0; w < 2; w++) {
        size_t k = strlen(words[w]);
        if (strncasecmp(buf, words[w], k) == 0 && isspace((unsigned char)buf[k])) {
            char *id = buf + k;
            trim(id);
            if (!*id)
                return false;
            *provider = strdup(id);
            *nomem = *provider == NULL;
            return !*nomem;
        }
    }
    return false;
}

static tariff_section *section_get(funding_tariff *t, char *provider)
{
    for (size_t i = 0; i < t->n; i++) {
        tariff_section *s = &t->sec[i];
        if ((!s->provider && !provider) || (s->provider && provider && strcmp(s->provider, provider) == 0)) {
            free(provider);
            return s;
        }
    }
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 8;
        tariff_section *sec = realloc(t->sec, cap * sizeof *sec);
        if (!sec) {
            free(provider);
            return NULL;
        }
        t->sec = sec;
        t->cap = cap;
    }
    tariff_section *s = &t->sec[t->n++];
    memset(s, 0, sizeof *s);
    s->provider = provider;
    return s;
}

static bool is_continuation(const parse_state *ps, const char *section, const char *name)
{
    return ps->in.indented && ps->last_line == ps->in.lineno - 1 &&
           strcmp(ps->last_section, section) == 0 && strcmp(ps->last_name, name) == 0;
}

static int tariff_handler(void *user, const char *section, const char *name, const char *value)
{
    parse_state *ps = user;
    if (is_continuation(ps, section, name)) {
        ini_text_error(&ps->in, IPS_ERR_TARIFF, "the line begins with a blank, so it would continue the "
                    "line before; remove the blanks at the start of the line");
        return 0;
    }
    snprintf(ps->last_section, sizeof ps->last_section, "%s", section);
    snprintf(ps->last_name, sizeof ps->last_name, "%s", name);
    ps->last_line = ps->in.lineno;
    if (!*section) {
        ini_text_error(&ps->in, IPS_ERR_TARIFF, "'%s' is not under a section; put prices under "
                    "[default] or [provider ID]", name);
        return 0;
    }
    char *provider;
    bool nomem = false;
    if (!section_provider(section, &provider, &nomem)) {
        if (nomem)
            ini_text_error(&ps->in, IPS_ERR_NOMEM, "out of memory");
        else
            ini_text_error(&ps->in, IPS_ERR_TARIFF, "section [%s] is not understood; write [default] "
                        "or [provider ID] with the provider_id used in the data", section);
        return 0;
    }
    int f = fee_find(name);
    if (f < 0) {
        free(provider);
        ini_text_error(&ps->in, IPS_ERR_TARIFF, "'%s' is not a fee; write fee_start, fee_guidance or "
                    "fee_outcome (or aloituspalkkio, ohjauspalkkio, tulospalkkio)", name);
        return 0;
    }
    tariff_section *s = section_get(ps->t, provider);
    if (!s) {
        ini_text_error(&ps->in, IPS_ERR_NOMEM, "out of memory");
        return 0;
    }
    if (s->line[f]) {
        ini_text_error(&ps->in, IPS_ERR_TARIFF, "%s is given twice in [%s] (also on line %d); keep one",
                    fee_ids[f], section, s->line[f]);
        return 0;
    }
    double v;
    if (!*value) {
        ini_text_error(&ps->in, IPS_ERR_TARIFF, "%s has no price; write the euros (e.g. 1200 or "
                    "1200,50) or delete the line", name);
        return 0;
    }
    if (!parse_price(value, &v)) {
        ini_text_error(&ps->in, IPS_ERR_TARIFF, "%s: '%s' is not a price in euros; write a number "
                    "such as 1200 or 1200,50", name, value);
        return 0;
    }
    s->price[f] = v;
    s->line[f] = ps->in.lineno;
    return 1;
}

void funding_tariff_free(funding_tariff *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n; i++)
        free(t->sec[i].provider);
    free(t->sec);
    free(t);
}

static bool has_prices(const funding_tariff *t)
{
    for (size_t i = 0; i < t->n; i++)
        for (int f = 0; f < FEE__COUNT; f++)
            if (t->sec[i].line[f])
                return true;
    return false;
}

ips_error funding_tariff_parse(const char *text, const char *name, funding_tariff **out,
                               ips_diag *d)
{
    *out = NULL;
    parse_state ps;
    memset(&ps, 0, sizeof ps);
    ps.name = name;
    ini_text_init(&ps.in, text, IPS_ERR_TARIFF);
    ps.t = calloc(1, sizeof *ps.t);
    if (!ps.t)
        return ips_diag_set(d, IPS_ERR_NOMEM, "%s: out of memory", name);
    int rc = ini_parse_stream(ini_text_read, &ps.in, tariff_handler, &ps);
    ips_error e = IPS_OK;
    if (ps.in.err_line && (rc <= 0 || rc >= ps.in.err_line))
        e = ips_diag_set(d, ps.in.err_code, "%s:%d: %s", name, ps.in.err_line, ps.in.err);
    else if (rc > 0)
        e = ips_diag_set(d, IPS_ERR_TARIFF, "%s:%d: the line is neither a [section] nor "
                         "'fee = price'; see docs/tariff.md", name, rc);
    else if (rc < 0)
        e = ips_diag_set(d, IPS_ERR_NOMEM, "%s: out of memory", name);
    else if (!has_prices(ps.t))
        e = ips_diag_set(d, IPS_ERR_TARIFF, "%s: gives no prices; write a [default] section "
                         "with fee_start, fee_guidance and fee_outcome (see docs/tariff.md)", name);
    if (e != IPS_OK) {
        funding_tariff_free(ps.t);
        return e;
    }
    *out = ps.t;
    return IPS_OK;
}

/* Reads the whole file; refuses files that are not small text. */
static ips_error read_text(const char *path, char **out, ips_diag *d)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return ips_diag_set(d, IPS_ERR_IO, "%s: cannot open the tariff file: %s; check the path",
                            path, strerror(errno));
    char *buf = malloc(TARIFF_MAX_BYTES + 1);
    if (!buf) {
        fclose(f);
        return ips_diag_set(d, IPS_ERR_NOMEM, "%s: out of memory", path);
    }
    size_t n = fread(buf, 1, TARIFF_MAX_BYTES + 1, f);
    int failed = ferror(f);
    fclose(f);
    ips_error e = IPS_OK;
    if (failed)
        e = ips_diag_set(d, IPS_ERR_IO, "%s: cannot read the tariff file", path);
    else if (n > TARIFF_MAX_BYTES)
        e = ips_diag_set(d, IPS_ERR_TARIFF, "%s: is over 1 MB, too big for a tariff file; "
                         "check that the right file was given", path);
    else if (memchr(buf, '\0', n))
        e = ips_diag_set(d, IPS_ERR_TARIFF, "%s: is not a text file; give the tariff INI file "
                         "(see docs/tariff.md)", path);
    if (e != IPS_OK) {
        free(buf);
        return e;
    }
    buf[n] = '\0';
    *out = buf;
    return IPS_OK;
}

ips_error funding_tariff_load(const char *path, funding_tariff **out, ips_diag *d)
{
    char *text;
    *out = NULL;
    ips_error e = read_text(path, &text, d);
    if (e != IPS_OK)
        return e;
    e = funding_tariff_parse(text, path, out, d);
    free(text);
    return e;
}

double funding_tariff_price(const funding_tariff *t, const char *fee, const char *provider)
{
    int f = -1;
    for (int i = 0; i < FEE__COUNT; i++)
        if (fee && strcmp(fee, fee_ids[i]) == 0)
            f = i;
    if (!t || f < 0)
        return NAN;
    const tariff_section *dflt = NULL;
    for (size_t i = 0; i < t->n; i++) {
        const tariff_section *s = &t->sec[i];
        if (!s->provider)
            dflt = s;
        else if (provider && *provider && strcmp(s->provider, provider) == 0 && s->line[f])
            return s->price[f];
    }
    return dflt && dflt->line[f] ? dflt->price[f] : NAN;
}
