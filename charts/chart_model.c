/* chart_model: growable arrays of owned strings and points, with a sticky
 * "broken" flag instead of an error check after every call. */
#include "charts/chart_model.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *dup_or_break(chart_model *m, const char *s)
{
    if (!s)
        return NULL;
    char *c = strdup(s);
    if (!c)
        m->broken = true;
    return c;
}

/* Makes room for one more element of size sz in *arr (n used, *cap allocated). */
static bool grow(chart_model *m, void **arr, size_t n, size_t *cap, size_t sz)
{
    if (m->broken)
        return false;
    if (n < *cap)
        return true;
    size_t nc = *cap ? *cap * 2 : 8;
    void *p = realloc(*arr, nc * sz);
    if (!p) {
        m->broken = true;
        return false;
    }
    *arr = p;
    *cap = nc;
    return true;
}

chart_model *chart_new(chart_kind kind, const char *id)
{
    chart_model *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->kind = kind;
    m->decimal_mark = '.';
    m->y_min = m->y_max = NAN;
    m->x_min = m->x_max = NAN;
    m->id = dup_or_break(m, id ? id : "chart");
    return m;
}

void chart_free(chart_model *m)
{
    if (!m)
        return;
    free(m->id);
    for (int i = 0; i < CT__COUNT; i++)
        free(m->text[i]);
    for (size_t i = 0; i < m->ncat; i++)
        free(m->categories[i]);
    free(m->categories);
    for (size_t i = 0; i < m->nseries; i++) {
        chart_series *s = &m->series[i];
        for (size_t j = 0; j < s->n; j++)
            free(s->pts[j].label);
        free(s->pts);
        free(s->name);
    }
    free(m->series);
    for (size_t i = 0; i < m->nrefs; i++)
        free(m->refs[i].label);
    free(m->refs);
    for (size_t i = 0; i < m->ngroups; i++)
        free(m->groups[i].label);
    free(m->groups);
    for (size_t i = 0; i < m->nnotes; i++)
        free(m->notes[i]);
    free(m->notes);
    for (size_t i = 0; i < m->nparts; i++)
        chart_free(m->parts[i]);
    free(m->parts);
    free(m);
}

bool chart_ok(const chart_model *m)
{
    if (!m || m->broken)
        return false;
    for (size_t i = 0; i < m->nparts; i++)
        if (!chart_ok(m->parts[i]))
            return false;
    return true;
}

void chart_set_text(chart_model *m, chart_text which, const char *text)
{
    if (m->broken || (int)which < 0 || which >= CT__COUNT)
        return;
    free(m->text[which]);
    m->text[which] = dup_or_break(m, text);
}

const char *chart_get_text(const chart_model *m, chart_text which)
{
    if ((int)which < 0 || which >= CT__COUNT || !m->text[which])
        return "";
    return m->text[which];
}

void chart_add_category(chart_model *m, const char *label)
{
    if (!grow(m, (void **)&m->categories, m->ncat, &m->capcat, sizeof *m->categories))
        return;
    char *c = dup_or_break(m, label ? label : "");
    if (c)
        m->categories[m->ncat++] = c;
}

chart_series *chart_model_add_series(chart_model *m, const char *name)
{
    if (!grow(m, (void **)&m->series, m->nseries, &m->capseries, sizeof *m->series))
        return NULL;
    chart_series *s = &m->series[m->nseries];
    memset(s, 0, sizeof *s);
    s->name = dup_or_break(m, name ? name : "");
    if (m->broken)
        return NULL;
    m->nseries++;
    return s;
}

chart_point *chart_add_point(chart_model *m, chart_series *s, chart_point p)
{
    if (!s || !grow(m, (void **)&s->pts, s->n, &s->cap, sizeof *s->pts))
        return NULL;
    chart_point *q = &s->pts[s->n];
    *q = p;
    q->label = dup_or_break(m, p.label);
    if (m->broken)
        return NULL;
    if (!(q->y2 > q->y))
        q->y2 = q->y;
    s->n++;
    return q;
}

void chart_add_value(chart_model *m, chart_series *s, double y)
{
    if (!s)
        return;
    chart_point p = {.x = (double)s->n, .y = y, .y2 = y, .state = CP_VALUE};
    chart_add_point(m, s, p);
}

void chart_add_missing(chart_model *m, chart_series *s, chart_point_state state, const char *label)
{
    if (!s)
        return;
    chart_point p = {.x = (double)s->n, .state = state, .label = (char *)label};
    chart_add_point(m, s, p);
}

void chart_set_point_label(chart_model *m, chart_point *p, const char *label)
{
    if (!p || m->broken)
        return;
    free(p->label);
    p->label = dup_or_break(m, label);
}

void chart_add_ref(chart_model *m, chart_ref_kind kind, double a, double b, const char *label)
{
    if (!grow(m, (void **)&m->refs, m->nrefs, &m->caprefs, sizeof *m->refs))
        return;
    chart_ref *r = &m->refs[m->nrefs];
    r->kind = kind;
    r->a = a;
    r->b = b;
    r->label = dup_or_break(m, label);
    if (!m->broken)
        m->nrefs++;
}

void chart_add_group(chart_model *m, const char *label, size_t first, size_t count)
{
    if (!grow(m, (void **)&m->groups, m->ngroups, &m->capgroups, sizeof *m->groups))
        return;
    chart_group *g = &m->groups[m->ngroups];
    g->label = dup_or_break(m, label ? label : "");
    g->first = first;
    g->count = count;
    if (!m->broken)
        m->ngroups++;
}

void chart_add_note(chart_model *m, const char *note)
{
    if (!note || !*note)
        return;
    for (size_t i = 0; i < m->nnotes; i++)
        if (strcmp(m->notes[i], note) == 0)
            return; /* one note says it once */
    if (!grow(m, (void **)&m->notes, m->nnotes, &m->capnotes, sizeof *m->notes))
        return;
    char *c = dup_or_break(m, note);
    if (c)
        m->notes[m->nnotes++] = c;
}

void chart_add_part(chart_model *m, chart_model *part)
{
    if (!part) {
        m->broken = true;
        return;
    }
    if (!grow(m, (void **)&m->parts, m->nparts, &m->capparts, sizeof *m->parts)) {
        chart_free(part);
        return;
    }
    m->parts[m->nparts++] = part;
}

size_t chart_count_points(const chart_model *m, chart_point_state state)
{
    size_t n = 0;
    for (size_t i = 0; i < m->nseries; i++)
        for (size_t j = 0; j < m->series[i].n; j++)
            if (m->series[i].pts[j].state == state)
                n++;
    for (size_t i = 0; i < m->nparts; i++)
        n += chart_count_points(m->parts[i], state);
    return n;
}

size_t chart_count_off_target(const chart_model *m)
{
    size_t n = 0;
    for (size_t i = 0; i < m->nseries; i++)
        for (size_t j = 0; j < m->series[i].n; j++)
            if (m->series[i].pts[j].state == CP_VALUE && m->series[i].pts[j].off_target)
                n++;
    for (size_t i = 0; i < m->nparts; i++)
        n += chart_count_off_target(m->parts[i]);
    return n;
}

bool chart_is_empty(const chart_model *m)
{
    return chart_count_points(m, CP_VALUE) == 0 && chart_count_points(m, CP_SUPPRESSED) == 0;
}

/* Groups the thousands of digits (the integer part, no sign) with sep. */
static void group_digits(char *digits, size_t n, const char *sep)
{
    char out[64];
    size_t len = strlen(digits), o = 0, seplen = strlen(sep);
    for (size_t i = 0; i < len && o + seplen + 2 < sizeof out; i++) {
        if (i > 0 && (len - i) % 3 == 0) {
            memcpy(out + o, sep, seplen);
            o += seplen;
        }
        out[o++] = digits[i];
    }
    out[o] = '\0';
    snprintf(digits, n, "%s", out);
}

void chart_format_number(double v, int decimals, char decimal_mark, const char *unit, char *buf,
                         size_t n)
{
    char num[48], intpart[64];
    /* Half up, as metrics.md R17 rounds, robust to binary noise (38.25 → 38.3). */
    double p = pow(10, decimals), a = floor(fabs(v) * p + 0.5 + 1e-7) / p;
    if (a == 0)
        v = 0; /* no "-0" */
    snprintf(num, sizeof num, "%.*f", decimals, a);
    char *dot = strchr(num, '.');
    const char *frac = "";
    if (dot) {
        *dot = '\0';
        frac = dot + 1;
    }
    snprintf(intpart, sizeof intpart, "%s", num);
    /* Five digits and more are grouped: a no-break space in Finnish and Swedish. */
    if (strlen(intpart) >= 5)
        group_digits(intpart, sizeof intpart, decimal_mark == ',' ? "\u00a0" : ",");
    char mark[2] = {decimal_mark ? decimal_mark : '.', '\0'};
    snprintf(buf, n, "%s%s%s%s%s", v < 0 ? "\u2212" : "", intpart, *frac ? mark : "", frac,
             unit ? unit : "");
}
