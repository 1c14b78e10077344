/* Exact elimination for the disclosure model: which hidden variables the
 * published ones determine (model/disclosure_model.h).
 *
 * The equations restricted to the hidden variables, with the published ones
 * moved to the right-hand side, are brought to reduced row echelon form by
 * sparse Gauss–Jordan elimination.  A vector lies in the row space exactly
 * when it is the combination of the reduced rows given by its pivot
 * entries, so a variable is determined exactly when it is a pivot whose
 * reduced row holds nothing else.  Equations are taken shortest first and
 * each pivots on its least shared variable, which keeps the rows sparse. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/disclosure_acc.h"
#include "model/disclosure_model.h"

#define EPS 1e-9

typedef struct {
    int32_t *col;
    double *val;
    uint32_t n;
    double rhs;
} srow;

struct dc_elim {
    srow *rows;
    size_t n;
    size_t ncols;
    const double *pref;    /* pivot preference per column, or NULL */
    int32_t *pivot_row;    /* per column, −1 when none */
    int32_t **occ;         /* per column: rows that may hold it */
    uint32_t *n_occ, *cap_occ;
    dc_acc a;
};
typedef struct dc_elim elim;

static bool occ_add(elim *e, int32_t c, int32_t r)
{
    if (e->n_occ[c] == e->cap_occ[c]) {
        uint32_t nc = e->cap_occ[c] ? e->cap_occ[c] * 2 : 4;
        int32_t *no = realloc(e->occ[c], nc * sizeof *no);
        if (!no)
            return false;
        e->occ[c] = no;
        e->cap_occ[c] = nc;
    }
    e->occ[c][e->n_occ[c]++] = r;
    return true;
}

static void acc_add(elim *e, int32_t c, double v)
{
    dc_acc_add(&e->a, c, v);
}

/* The accumulator as a row (nonzero entries only); clears it. */
static bool acc_take(elim *e, srow *out)
{
    return dc_acc_take(&e->a, EPS, &out->col, &out->val, &out->n);
}

static double row_get(const srow *r, int32_t c)
{
    for (uint32_t i = 0; i < r->n; i++)
        if (r->col[i] == c)
            return r->val[i];
    return 0;
}

/* Removes column p from row r with the pivot row pr (pr[p] = 1). */
static bool eliminate_from(elim *e, int32_t ri, const srow *pr, int32_t p)
{
    srow *r = &e->rows[ri];
    double f = row_get(r, p);
    if (fabs(f) <= EPS)
        return true;
    for (uint32_t i = 0; i < r->n; i++)
        acc_add(e, r->col[i], r->val[i]);
    for (uint32_t i = 0; i < pr->n; i++) {
        bool was = e->a.in[pr->col[i]];
        acc_add(e, pr->col[i], -f * pr->val[i]);
        if (!was && !occ_add(e, pr->col[i], ri))
            return false;
    }
    double rhs = r->rhs - f * pr->rhs;
    free(r->col);
    free(r->val);
    if (!acc_take(e, r))
        return false;
    r->rhs = rhs;
    return true;
}

/* Adds one equation: reduce by the pivots, pivot on its least shared
 * column, clear that column from the other rows. */
static bool add_equation(elim *e, const int32_t *cols, const double *vals, uint32_t n,
                         double rhs, const uint32_t *degree)
{
    for (uint32_t i = 0; i < n; i++)
        acc_add(e, cols[i], vals[i]);
    for (uint32_t i = 0; i < n; i++) {
        int32_t pr = e->pivot_row[cols[i]];
        if (pr < 0)
            continue;
        double f = e->a.val[cols[i]];
        if (fabs(f) <= EPS)
            continue;
        const srow *p = &e->rows[pr];
        for (uint32_t j = 0; j < p->n; j++)
            acc_add(e, p->col[j], -f * p->val[j]);
        rhs -= f * p->rhs;
    }
    srow r;
    if (!acc_take(e, &r))
        return false;
    r.rhs = rhs;
    if (r.n == 0) {
        free(r.col);
        free(r.val);
        return true; /* implied by the others */
    }
    uint32_t best = 0;
    for (uint32_t i = 1; i < r.n; i++) {
        int32_t a = r.col[i], b = r.col[best];
        double pa = e->pref ? e->pref[a] : 0, pb = e->pref ? e->pref[b] : 0;
        if (pa > pb || (pa == pb && (degree[a] < degree[b] || (degree[a] == degree[b] && a < b))))
            best = i;
    }
    int32_t p = r.col[best];
    double pv = r.val[best];
    for (uint32_t i = 0; i < r.n; i++)
        r.val[i] /= pv;
    r.rhs /= pv;
    int32_t ri = (int32_t)e->n;
    e->rows[e->n++] = r;
    for (uint32_t k = 0; k < e->n_occ[p]; k++) {
        int32_t other = e->occ[p][k];
        if (other != ri && !eliminate_from(e, other, &e->rows[ri], p))
            return false;
    }
    e->pivot_row[p] = ri;
    for (uint32_t i = 0; i < r.n; i++)
        if (!occ_add(e, r.col[i], ri))
            return false;
    return true;
}

static bool col_is_on(const dc_model *m, const bool *on, int32_t v)
{
    return on ? on[v] : m->vars[v].hidden;
}

static uint32_t hidden_terms(const dc_model *m, const bool *on, size_t r)
{
    uint32_t n = 0;
    for (uint32_t t = m->rel_off[r]; t < m->rel_off[r + 1]; t++)
        n += col_is_on(m, on, m->rel_var[t]);
    return n;
}

/* An equation to take: its number of unknown terms, then its index. */
typedef struct {
    uint32_t len;
    uint32_t rel;
} by_len;

static int cmp_len(const void *a, const void *b)
{
    const by_len *x = a, *y = b;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    return (x->rel > y->rel) - (x->rel < y->rel);
}

static void elim_free(elim *e, size_t ncols)
{
    if (!e)
        return;
    for (size_t i = 0; i < e->n; i++) {
        free(e->rows[i].col);
        free(e->rows[i].val);
    }
    for (size_t c = 0; e->occ && c < ncols; c++)
        free(e->occ[c]);
    free(e->rows);
    free(e->pivot_row);
    free(e->occ);
    free(e->n_occ);
    free(e->cap_occ);
    dc_acc_free(&e->a);
    free(e);
}

static bool run(const dc_model *m, const bool *on, elim *e, const by_len *order, size_t nr,
                uint32_t *degree)
{
    size_t maxlen = 1;
    for (size_t r = 0; r < m->n_rel; r++)
        if (m->rel_off[r + 1] - m->rel_off[r] > maxlen)
            maxlen = m->rel_off[r + 1] - m->rel_off[r];
    int32_t *cols = malloc(maxlen * sizeof *cols);
    double *vals = malloc(maxlen * sizeof *vals);
    bool ok = cols && vals;
    for (size_t i = 0; ok && i < nr; i++) {
        size_t r = order[i].rel;
        uint32_t n = 0;
        double rhs = 0;
        for (uint32_t t = m->rel_off[r]; t < m->rel_off[r + 1]; t++) {
            const dc_var *x = &m->vars[m->rel_var[t]];
            if (col_is_on(m, on, m->rel_var[t])) {
                cols[n] = m->rel_var[t];
                vals[n++] = m->rel_coef[t];
            } else {
                rhs -= m->rel_coef[t] * x->value;
            }
        }
        if (n)
            ok = add_equation(e, cols, vals, n, rhs, degree);
    }
    free(cols);
    free(vals);
    return ok;
}

dc_elim *dc_elim_build(const dc_model *m, const bool *on, const double *pref)
{
    size_t nc = m->n_vars ? m->n_vars : 1;
    elim *e = calloc(1, sizeof *e);
    if (!e)
        return NULL;
    e->ncols = nc;
    e->pref = pref;
    e->rows = malloc((m->n_rel + 1) * sizeof *e->rows);
    e->pivot_row = malloc(nc * sizeof *e->pivot_row);
    e->occ = calloc(nc, sizeof *e->occ);
    e->n_occ = calloc(nc, sizeof *e->n_occ);
    e->cap_occ = calloc(nc, sizeof *e->cap_occ);
    bool room = dc_acc_init(&e->a, nc);
    by_len *order = malloc((m->n_rel + 1) * sizeof *order);
    uint32_t *degree = calloc(nc, sizeof *degree);
    bool ok = e->rows && e->pivot_row && e->occ && e->n_occ && e->cap_occ && room && order &&
              degree;
    size_t nr = 0;
    if (ok) {
        for (size_t c = 0; c < nc; c++)
            e->pivot_row[c] = -1;
        for (size_t r = 0; r < m->n_rel; r++) {
            uint32_t len = hidden_terms(m, on, r);
            if (len == 0)
                continue;
            order[nr++] = (by_len){len, (uint32_t)r};
            for (uint32_t t = m->rel_off[r]; t < m->rel_off[r + 1]; t++)
                degree[m->rel_var[t]]++;
        }
        /* lengths counted once: an equation of the whole has thousands of
         * terms, and qsort compares each equation many times */
        qsort(order, nr, sizeof *order, cmp_len);
        ok = run(m, on, e, order, nr, degree);
    }
    free(order);
    free(degree);
    if (!ok) {
        elim_free(e, nc);
        return NULL;
    }
    e->pref = NULL;
    return e;
}

int32_t dc_elim_pivot_row(const dc_elim *e, int32_t col)
{
    return e->pivot_row[col];
}

void dc_elim_row(const dc_elim *e, int32_t r, const int32_t **cols, const double **vals,
                 uint32_t *n, double *rhs)
{
    *cols = e->rows[r].col;
    *vals = e->rows[r].val;
    *n = e->rows[r].n;
    *rhs = e->rows[r].rhs;
}

void dc_elim_free(dc_elim *e)
{
    if (e)
        elim_free(e, e->ncols);
}

bool dc_eliminate(const dc_model *m, bool *det, double *val)
{
    elim *e = dc_elim_build(m, NULL, NULL);
    if (!e)
        return false;
    for (size_t v = 0; v < m->n_vars; v++) {
        int32_t pr = m->vars[v].hidden ? e->pivot_row[v] : -1;
        det[v] = pr >= 0 && e->rows[pr].n == 1;
        val[v] = det[v] ? e->rows[pr].rhs : NAN;
    }
    dc_elim_free(e);
    return true;
}
