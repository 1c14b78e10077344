/* The linked tables as variables, rows and public equations
 * (model/disclosure.h).  Equations are built so that an intruder knows at
 * least what the model gives them: where a part of a sum has no row it
 * counts as 0, which only makes the model's intruder stronger. */
#include "model/disclosure_model.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/disclosure_quantities.h"

/* --- variables ---------------------------------------------------------- */

static uint64_t var_hash(const dc_key *k)
{
    int64_t w[4] = {k->q, k->by, ((int64_t)k->ps << 32) ^ (uint32_t)k->pe, k->group};
    return dc_hash_bytes(w, sizeof w);
}

static bool key_eq(const dc_key *a, const dc_key *b)
{
    return a->q == b->q && a->by == b->by && a->ps == b->ps && a->pe == b->pe &&
           a->group == b->group;
}

int32_t dc_var_find(const dc_model *m, const dc_key *k)
{
    if (!m->n_slots)
        return -1;
    for (size_t h = var_hash(k) & (m->n_slots - 1); m->slots[h]; h = (h + 1) & (m->n_slots - 1))
        if (key_eq(&m->vars[m->slots[h] - 1].key, k))
            return m->slots[h] - 1;
    return -1;
}

static bool var_rehash(dc_model *m)
{
    size_t ns = m->n_slots ? m->n_slots * 2 : 1024;
    int32_t *slots = calloc(ns, sizeof *slots);
    if (!slots)
        return false;
    for (size_t i = 0; i < m->n_vars; i++) {
        size_t h = var_hash(&m->vars[i].key) & (ns - 1);
        while (slots[h])
            h = (h + 1) & (ns - 1);
        slots[h] = (int32_t)i + 1;
    }
    free(m->slots);
    m->slots = slots;
    m->n_slots = ns;
    return true;
}

/* The variable of k, added (unknown, unshown) when new; −1 when out of memory. */
int32_t dc_var_get(dc_model *m, const dc_key *k)
{
    int32_t v = dc_var_find(m, k);
    if (v >= 0)
        return v;
    if ((m->n_vars + 1) * 2 > m->n_slots && !var_rehash(m))
        return -1;
    if (m->n_vars == m->cap_vars) {
        size_t nc = m->cap_vars ? m->cap_vars * 2 : 1024;
        dc_var *nv = realloc(m->vars, nc * sizeof *nv);
        if (!nv)
            return -1;
        m->vars = nv;
        m->cap_vars = nc;
    }
    dc_var *x = &m->vars[m->n_vars];
    memset(x, 0, sizeof *x);
    x->key = *k;
    x->value = NAN;
    x->truth = NAN;
    x->hidden = true;
    x->lo = 0;
    x->hi = INFINITY;
    size_t h = var_hash(k) & (m->n_slots - 1);
    while (m->slots[h])
        h = (h + 1) & (m->n_slots - 1);
    m->slots[h] = (int32_t)m->n_vars + 1;
    return (int32_t)m->n_vars++;
}

/* --- periods and levels --------------------------------------------------- */

/* 'Q', 'H', 'Y' for a calendar quarter, half or year, else 0; *part is the
 * quarter (1–4) or half (1–2). */
char dc_period_kind(ips_day ps, ips_day pe, int *year, int *part)
{
    int y, m, d, y2, m2, d2;
    date_to_ymd(ps, &y, &m, &d);
    date_to_ymd(pe, &y2, &m2, &d2);
    *year = y;
    *part = 0;
    ips_day next = date_from_ymd(m2 == 12 ? y + 1 : y, m2 == 12 ? 1 : m2 + 1, 1);
    if (d != 1 || y2 != y || pe + 1 != next)
        return 0;
    int months = m2 - m + 1;
    if (months == 12 && m == 1)
        return 'Y';
    if (months == 6 && (m == 1 || m == 7)) {
        *part = m == 1 ? 1 : 2;
        return 'H';
    }
    if (months == 3 && (m - 1) % 3 == 0) {
        *part = (m - 1) / 3 + 1;
        return 'Q';
    }
    return 0;
}

int dc_group_level(int by)
{
    switch (by) {
    case GROUP_NONE: return 4;
    case GROUP_PROVIDER: return 2;
    case GROUP_REGION:
    case GROUP_TEAM: return 1;
    default: return 0;
    }
}

/* --- equations ------------------------------------------------------------ */

static bool rel_term(dc_model *m, int32_t v, int8_t c)
{
    if (m->n_rel_terms == m->cap_rel_terms) {
        size_t nc = m->cap_rel_terms ? m->cap_rel_terms * 2 : 4096;
        int32_t *nv = realloc(m->rel_var, nc * sizeof *nv);
        if (!nv)
            return false;
        m->rel_var = nv;
        int8_t *ncf = realloc(m->rel_coef, nc * sizeof *ncf);
        if (!ncf)
            return false;
        m->rel_coef = ncf;
        m->cap_rel_terms = nc;
    }
    m->rel_var[m->n_rel_terms] = v;
    m->rel_coef[m->n_rel_terms++] = c;
    return true;
}

/* Closes the equation whose terms start at rel_off[n_rel]. */
static bool rel_end(dc_model *m)
{
    uint32_t *no = realloc(m->rel_off, (m->n_rel + 2) * sizeof *no);
    if (!no)
        return false;
    m->rel_off = no;
    if (m->n_rel == 0)
        no[0] = 0;
    no[++m->n_rel] = (uint32_t)m->n_rel_terms;
    return true;
}

/* parent − Σ parts = 0, when there is at least one part. */
bool dc_rel_sum(dc_model *m, int32_t parent, const int32_t *parts, size_t n)
{
    if (n == 0)
        return true;
    if (m->n_rel == 0 && !m->rel_off) {
        m->rel_off = calloc(1, sizeof *m->rel_off);
        if (!m->rel_off)
            return false;
    }
    if (!rel_term(m, parent, 1))
        return false;
    for (size_t i = 0; i < n; i++)
        if (!rel_term(m, parts[i], -1))
            return false;
    return rel_end(m);
}

/* How many equations the true figures break: definitions that hold for
 * nearly every client but not here (a client of two coaches in P counts
 * under both).  They are kept: an intruder would assume them, and a value
 * they pin is a recovery only when it is the true one (dc_leaks). */
static size_t count_inexact(const dc_model *m)
{
    size_t n = 0;
    for (size_t r = 0; r < m->n_rel; r++) {
        double sum = 0;
        bool known = true;
        for (uint32_t t = m->rel_off[r]; t < m->rel_off[r + 1]; t++) {
            double v = m->vars[m->rel_var[t]].truth;
            known &= !isnan(v);
            sum += m->rel_coef[t] * v;
        }
        n += known && fabs(sum) > 1e-6;
    }
    return n;
}

static int32_t find(int32_t *parent, int32_t v)
{
    while (parent[v] != v) {
        parent[v] = parent[parent[v]];
        v = parent[v];
    }
    return v;
}

/* The same quantity under two names (a - b = 0: a reason's exits and the
 * fee they earn, a window's figure for Q4 and for the year) becomes one
 * variable, so that it is printed or hidden as one and ranks as the
 * highest of its names.  Equations are rewritten over the merged ones. */
static bool merge_aliases(dc_model *m)
{
    int32_t *parent = malloc((m->n_vars + 1) * sizeof *parent);
    /* where a variable's term went in the equation being rewritten (an
     * equation of the whole runs to thousands of terms) */
    uint32_t *pos = malloc((m->n_vars + 1) * sizeof *pos);
    uint32_t *pos_rel = calloc(m->n_vars + 1, sizeof *pos_rel);
    if (!parent || !pos || !pos_rel) {
        free(parent);
        free(pos);
        free(pos_rel);
        return false;
    }
    for (size_t v = 0; v < m->n_vars; v++)
        parent[v] = (int32_t)v;
    for (size_t r = 0; r < m->n_rel; r++) {
        uint32_t a = m->rel_off[r];
        if (m->rel_off[r + 1] - a != 2 || m->rel_coef[a] + m->rel_coef[a + 1] != 0)
            continue;
        int32_t x = find(parent, m->rel_var[a]), y = find(parent, m->rel_var[a + 1]);
        if (x == y || !(fabs(m->vars[x].truth - m->vars[y].truth) < 1e-6))
            continue; /* not the same number here: stays an equation */
        /* the root keeps the key: a whole-service name wins */
        bool yw = m->vars[y].key.by == GROUP_NONE, xw = m->vars[x].key.by == GROUP_NONE;
        if (yw && !xw)
            parent[x] = y;
        else
            parent[y] = x;
    }
    for (size_t v = 0; v < m->n_vars; v++) {
        int32_t root = find(parent, (int32_t)v);
        if (root == (int32_t)v)
            continue;
        dc_var *rv = &m->vars[root], *x = &m->vars[v];
        if (isnan(rv->value) || (!x->hidden && rv->hidden))
            rv->value = x->value;
        if (isnan(rv->truth))
            rv->truth = x->truth;
        rv->hidden = rv->hidden && x->hidden;
        rv->shown = rv->shown || x->shown;
        x->shown = false;
        x->hidden = true;
    }
    for (size_t i = 0; i < m->n_rows; i++) {
        dc_row *r = &m->rows[i];
        int n = 0;
        for (int k = 0; k < r->nvar; k++) {
            int32_t v = find(parent, r->var[k]);
            bool dup = false;
            for (int j = 0; j < n; j++)
                dup |= r->var[j] == v;
            if (!dup)
                r->var[n++] = v;
        }
        r->nvar = (uint8_t)n;
    }
    /* rewrite the equations; a term met twice is summed, a zero one dropped */
    uint32_t out = 0;
    size_t kept = 0;
    for (size_t r = 0; r < m->n_rel; r++) {
        uint32_t a = m->rel_off[r], b = m->rel_off[r + 1], start = out;
        for (uint32_t t = a; t < b; t++) {
            int32_t v = find(parent, m->rel_var[t]);
            int c = m->rel_coef[t];
            if (pos_rel[v] == r + 1) {
                m->rel_coef[pos[v]] = (int8_t)(m->rel_coef[pos[v]] + c);
            } else {
                pos_rel[v] = (uint32_t)r + 1;
                pos[v] = out;
                m->rel_var[out] = v;
                m->rel_coef[out++] = (int8_t)c;
            }
        }
        uint32_t w = start;
        for (uint32_t j = start; j < out; j++)
            if (m->rel_coef[j] != 0) {
                m->rel_var[w] = m->rel_var[j];
                m->rel_coef[w++] = m->rel_coef[j];
            }
        out = w;
        if (out > start) {
            m->rel_off[kept++] = start;
        }
    }
    if (m->rel_off)
        m->rel_off[kept] = out;
    m->n_rel = kept;
    m->n_rel_terms = out;
    free(parent);
    free(pos);
    free(pos_rel);
    return true;
}

/* CSR of var → rows and var → equations. */
static bool build_index(dc_model *m)
{
    m->vrow_off = calloc(m->n_vars + 1, sizeof *m->vrow_off);
    m->vrel_off = calloc(m->n_vars + 1, sizeof *m->vrel_off);
    size_t nrt = 0;
    for (size_t i = 0; i < m->n_rows; i++)
        nrt += m->rows[i].nvar;
    m->vrow = malloc((nrt ? nrt : 1) * sizeof *m->vrow);
    m->vrel = malloc((m->n_rel_terms ? m->n_rel_terms : 1) * sizeof *m->vrel);
    if (!m->vrow_off || !m->vrel_off || !m->vrow || !m->vrel)
        return false;
    for (size_t i = 0; i < m->n_rows; i++)
        for (int k = 0; k < m->rows[i].nvar; k++)
            m->vrow_off[m->rows[i].var[k] + 1]++;
    for (size_t t = 0; t < m->n_rel_terms; t++)
        m->vrel_off[m->rel_var[t] + 1]++;
    for (size_t v = 0; v < m->n_vars; v++) {
        m->vrow_off[v + 1] += m->vrow_off[v];
        m->vrel_off[v + 1] += m->vrel_off[v];
    }
    uint32_t *fill = calloc(m->n_vars + 1, sizeof *fill);
    if (!fill)
        return false;
    for (size_t i = 0; i < m->n_rows; i++)
        for (int k = 0; k < m->rows[i].nvar; k++) {
            int32_t v = m->rows[i].var[k];
            m->vrow[m->vrow_off[v] + fill[v]++] = (int32_t)i;
        }
    memset(fill, 0, (m->n_vars + 1) * sizeof *fill);
    for (size_t r = 0; r < m->n_rel; r++)
        for (uint32_t t = m->rel_off[r]; t < m->rel_off[r + 1]; t++) {
            int32_t v = m->rel_var[t];
            m->vrel[m->vrel_off[v] + fill[v]++] = (int32_t)r;
        }
    free(fill);
    return true;
}

ips_error dc_model_end(dc_model *m, const facts *f, const metric_query *q, ips_diag *d)
{
    ips_error e = dc_rows_link(m, d);
    /* rows are found by hash only while they are added and linked */
    free(m->row_slots);
    m->row_slots = NULL;
    m->n_row_slots = 0;
    if (e == IPS_OK)
        e = dc_relations_build(m, f, q, d);
    if (e == IPS_OK)
        m->n_inexact = count_inexact(m);
    if (e == IPS_OK && (!merge_aliases(m) || !build_index(m)))
        e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    return e;
}

ips_error dc_model_build(dc_model *m, const facts *f, const metric_set *set,
                         const disclosure_truth *truth, const metric_query *q, ips_diag *d)
{
    dc_model_begin(m, q->min_cell);
    ips_error e = dc_model_add(m, set, truth, d);
    return e == IPS_OK ? dc_model_end(m, f, q, d) : e;
}

void dc_model_free(dc_model *m)
{
    free(m->rows);
    free(m->vars);
    free(m->slots);
    dc_intern_free(&m->names);
    dc_intern_free(&m->metrics);
    dc_intern_free(&m->bys);
    dc_intern_free(&m->row_groups);
    free(m->row_slots);
    free(m->dep_row);
    free(m->dep_src);
    free(m->rel_off);
    free(m->rel_var);
    free(m->rel_coef);
    free(m->vrow_off);
    free(m->vrow);
    free(m->vrel_off);
    free(m->vrel);
    memset(m, 0, sizeof *m);
}
