/* A suppression pattern built over a universe, applied to any rows of it,
 * and the intruder's audit (model/disclosure.h). */
#include "model/disclosure.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/disclosure_model.h"
#include "model/disclosure_quantities.h"

struct disclosure {
    dc_intern keys;      /* row keys of the universe */
    uint8_t *state;      /* DC_* per key */
    int min_cell;
    disclosure_stats stats;
};

static void count_states(const dc_model *m, size_t *rows, size_t *hidden, size_t *primary,
                         size_t *secondary)
{
    *rows = *hidden = *primary = *secondary = 0;
    for (size_t i = 0; i < m->n_rows; i++) {
        if (!m->rows[i].suppressible)
            continue;
        (*rows)++;
        *hidden += m->rows[i].state != DC_SHOWN;
        *primary += m->rows[i].state == DC_PRIMARY;
        *secondary += m->rows[i].state == DC_SECONDARY;
    }
}

ips_error disclosure_build(const facts *f, const metric_set *universe, const metric_query *q,
                           disclosure **out, ips_diag *d)
{
    *out = NULL;
    disclosure *dc = calloc(1, sizeof *dc);
    if (!dc)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    dc->min_cell = q->min_cell;
    dc_model m;
    ips_error e = dc_model_build(&m, f, universe, universe, q, d);
    size_t unprotected = 0;
    long rounds = 0;
    if (e == IPS_OK) {
        rounds = dc_secondary(&m, &unprotected);
        if (rounds < 0)
            e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    }
    dc->state = e == IPS_OK ? malloc((m.n_rows ? m.n_rows : 1) * sizeof *dc->state) : NULL;
    if (e == IPS_OK && !dc->state)
        e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    char key[256];
    for (size_t i = 0; e == IPS_OK && i < m.n_rows; i++) {
        dc_row_key(m.rows[i].row, key, sizeof key);
        int32_t id = dc_intern_id(&dc->keys, key);
        if (id < 0)
            e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        else
            dc->state[id] = m.rows[i].state;
    }
    if (e == IPS_OK) {
        disclosure_stats *s = &dc->stats;
        count_states(&m, &s->rows, &s->hidden, &s->primary, &s->secondary);
        /* primary: hidden for a small number in the row itself, whatever
         * its label ("<5", or "–" where "<5" would give it away) */
        s->primary = 0;
        for (size_t i = 0; i < m.n_rows; i++) {
            bool small = false;
            for (int k = 0; k < m.rows[i].nvar; k++) {
                double v = m.vars[m.rows[i].var[k]].truth;
                small |= dc_small(v, q->min_cell);
            }
            small |= dc_primary_rule(m.rows[i].row, q->min_cell);
            s->primary += m.rows[i].suppressible && m.rows[i].state != DC_SHOWN && small;
        }
        s->secondary = s->hidden - s->primary;
        s->variables = m.n_vars;
        s->relations = m.n_rel;
        s->rounds = (size_t)rounds;
        s->unprotected = unprotected;
        s->inexact = m.n_inexact;
    }
    dc_model_free(&m);
    if (e != IPS_OK) {
        disclosure_free(dc);
        return e;
    }
    *out = dc;
    return IPS_OK;
}

void disclosure_apply(const disclosure *dc, metric_set *set)
{
    char key[256];
    for (size_t i = 0; i < set->n; i++) {
        metric_row *r = &set->rows[i];
        if (r->suppressed)
            continue;
        dc_row_key(r, key, sizeof key);
        int32_t id = dc_intern_find(&dc->keys, key);
        uint8_t st = id >= 0 ? dc->state[id] : DC_SECONDARY;
        if (!dc_suppressible(r) && id < 0)
            st = DC_SHOWN; /* fte, weighted means, texts, reviews: never hidden */
        if (st != DC_SHOWN)
            metric_row_hide(r, st == DC_PRIMARY, dc->min_cell);
    }
}

void disclosure_stats_get(const disclosure *dc, disclosure_stats *out)
{
    *out = dc->stats;
}

void disclosure_free(disclosure *dc)
{
    if (!dc)
        return;
    dc_intern_free(&dc->keys);
    free(dc->state);
    free(dc);
}

static void describe_var(const dc_model *m, size_t v, double val, char *buf, size_t n)
{
    const dc_var *x = &m->vars[v];
    char ps[11] = "", pe[11];
    if (x->key.ps)
        date_format_iso(x->key.ps, ps);
    date_format_iso(x->key.pe, pe);
    const char *by = x->key.by == DC_BY_SUPPORT ? "support_level"
                                                : metric_group_name((metric_group)x->key.by);
    const char *g = m->names.s[x->key.group];
    snprintf(buf, n, "%s, %s%s%s, %s %s: worked out as %.0f", dc_quantities[x->key.q].label,
             x->key.ps ? ps : "window to ", x->key.ps ? ".." : "", pe, by[0] ? by : "whole",
             by[0] ? (g[0] ? g : "(unknown)") : "service", val);
}

static void describe_row(const metric_row *r, char *buf, size_t n)
{
    char ps[11], pe[11];
    date_format_iso(r->period_start, ps);
    date_format_iso(r->period_end, pe);
    snprintf(buf, n, "%s, %s..%s, %s %s: its figure follows from the published ones", r->metric,
             ps, pe, r->group_by[0] ? r->group_by : "whole",
             r->group_by[0] ? (r->group[0] ? r->group : "(unknown)") : "service");
}

ips_error disclosure_audit_run(const facts *f, const metric_set *published,
                               const metric_set *truth, const metric_query *q,
                               disclosure_audit *out, ips_diag *d)
{
    memset(out, 0, sizeof *out);
    dc_model m;
    ips_error e = dc_model_build(&m, f, published, truth, q, d);
    double *val = e == IPS_OK ? malloc((m.n_vars + 1) * sizeof *val) : NULL;
    if (e == IPS_OK && !val)
        e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    if (e == IPS_OK) {
        count_states(&m, &out->rows, &out->hidden, &out->primary, &out->secondary);
        dc_bounds(&m);
        if (!dc_pinned_values(&m, val))
            e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    }
    if (e == IPS_OK) {
        for (size_t v = 0; v < m.n_vars; v++)
            out->quantities += m.vars[v].hidden && m.vars[v].shown;
        int32_t fv, fr;
        out->recovered = dc_leaks(&m, val, NULL, 0, &fv, &fr);
        if (fv >= 0)
            describe_var(&m, (size_t)fv, val[fv], out->example, sizeof out->example);
        else if (fr >= 0)
            describe_row(m.rows[fr].row, out->example, sizeof out->example);
    }
    free(val);
    dc_model_free(&m);
    return e;
}
