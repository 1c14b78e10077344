/* Secondary suppression by Gaussian elimination (model/disclosure.h), after
 * Statistics Norway's GaussSuppression.
 *
 * The equations are solved once for all variables: the reduced row echelon
 * form, pivoting on the higher levels (wholes, years, teams), writes every
 * variable as a combination x_v of free ones (mostly leaves).  A set of
 * published variables determines a hidden h exactly when x_h lies in the
 * span of their x.  The variables are then taken in the order we would
 * rather publish them (whole-service rows, higher levels and larger counts
 * first); each is published unless its x, added to the published span,
 * would take in the x of a hidden one, in which case it is hidden itself.
 * The small cells are hidden from the start.  So no hidden cell is ever a
 * linear combination of published ones, and what is hidden is what the
 * ordering cares least about. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/disclosure_model.h"
#include "model/disclosure_quantities.h"
#include "model/disclosure_span.h"

/* x_v over the free variables: e_v for a free one, minus its reduced row
 * (without v) for a pivot; empty when the equations fix v (always 0). */
static bool x_of(const dc_elim *e, int32_t v, dc_svec *out)
{
    int32_t r = dc_elim_pivot_row(e, v);
    out->n = 0;
    if (r < 0) {
        out->c = malloc(sizeof *out->c);
        out->v = malloc(sizeof *out->v);
        if (!out->c || !out->v)
            return false;
        out->c[0] = v;
        out->v[0] = 1;
        out->n = 1;
        return true;
    }
    const int32_t *cols;
    const double *vals;
    uint32_t n;
    double rhs;
    dc_elim_row(e, r, &cols, &vals, &n, &rhs);
    out->c = malloc((n ? n : 1) * sizeof *out->c);
    out->v = malloc((n ? n : 1) * sizeof *out->v);
    if (!out->c || !out->v)
        return false;
    for (uint32_t i = 0; i < n; i++)
        if (cols[i] != v) {
            out->c[out->n] = cols[i];
            out->v[out->n++] = -vals[i];
        }
    return true;
}

/* Higher: rather published, and rather a pivot.  Periods keyed by their
 * end only (ps = 0) rank as quarters. */
static double rank_of(const dc_model *m, int32_t v)
{
    const dc_var *x = &m->vars[v];
    int year, part;
    char pk = x->key.ps ? dc_period_kind(x->key.ps, x->key.pe, &year, &part) : 'Q';
    int plevel = pk == 'Y' ? 2 : pk == 'H' ? 1 : 0;
    return dc_group_level(x->key.by) * 4 + plevel;
}

static const dc_model *order_model;
static const double *order_rank;

/* Between two figures that differ by a small count only one can be
 * printed: employment at exit (IPS's outcome, and the outcome fee) before
 * employment of any kind at exit. */
static int keep_first(int q)
{
    switch (q) {
    case Q_EXITS_OPEN:
    case Q_FEE_OUTCOME: return 2;
    case Q_EXITS_ANY: return 0;
    default: return 1;
    }
}

/* Publish first: higher rank, the figure that matters more, more rows
 * printing it, larger value. */
static int cmp_publish(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    const dc_model *m = order_model;
    if (order_rank[x] != order_rank[y])
        return order_rank[x] > order_rank[y] ? -1 : 1;
    int kx = keep_first(m->vars[x].key.q), ky = keep_first(m->vars[y].key.q);
    if (kx != ky)
        return kx > ky ? -1 : 1;
    uint32_t rx = m->vrow_off[x + 1] - m->vrow_off[x], ry = m->vrow_off[y + 1] - m->vrow_off[y];
    if (rx != ry)
        return rx > ry ? -1 : 1;
    double vx = m->vars[x].value, vy = m->vars[y].value;
    if (vx != vy)
        return vx > vy ? -1 : 1;
    return (x > y) - (x < y);
}

/* x_v of one block, its columns numbered within the block. */
static bool x_local(const dc_elim *e, const int32_t *loc, int32_t v, dc_svec *out)
{
    if (!x_of(e, v, out))
        return false;
    for (uint32_t i = 0; i < out->n; i++)
        out->c[i] = loc[out->c[i]];
    return true;
}

/* The greedy over one block's variables vars[0 … nb − 1] (ascending): the
 * small and forced cells hidden from the start, then the others published
 * in order unless that pins a hidden one.  order has room for nb. */
static int greedy_block(dc_model *m, dc_span *g, const dc_elim *e, const int32_t *loc,
                        const int32_t *vars, size_t nb, const bool *forced, int32_t *order,
                        bool *hidden)
{
    size_t n = 0;
    int st = 0;
    for (size_t i = 0; st == 0 && i < nb; i++) {
        int32_t v = vars[i];
        const dc_var *x = &m->vars[v];
        bool start = x->shown && (dc_small(x->value, m->min_cell) || (forced && forced[v]));
        hidden[v] = !x->shown || start;
        if (start) {
            dc_svec r;
            st = x_local(e, loc, v, &r) && (r.n == 0 || dc_span_hide(g, &r)) ? 0 : -1;
            if (r.n == 0) {
                free(r.c);
                free(r.v);
            }
        } else if (x->shown) {
            order[n++] = v;
        }
    }
    if (st == 0)
        qsort(order, n, sizeof *order, cmp_publish);
    for (size_t i = 0; st == 0 && i < n; i++) {
        int32_t v = order[i];
        dc_svec x;
        if (!x_local(e, loc, v, &x))
            return -1;
        int r = dc_span_publish(g, &x);
        free(x.c);
        free(x.v);
        if (r < 0)
            return -1;
        hidden[v] = r == 0;
        /* a hidden zero need not stay unknown: zeros are published */
        if (r == 0 && fabs(m->vars[v].value) < 0.5)
            dc_span_forget_last(g);
    }
    dc_span_clear(g, nb);
    return st;
}

/* Variables no equation links are independent: the reduced form is block
 * diagonal, and the greedy's choice in one block never depends on another.
 * A round that forces a few more cells hidden reruns only their blocks. */
struct dc_gauss_plan {
    double *rank;
    dc_elim *e;   /* the equations' one reduced form, whatever is hidden */
    bool *hidden;
    int32_t *comp;      /* block of each variable */
    bool *dirty;        /* per block: forced cells changed since the last run */
    bool *last_forced;  /* forced[] of the last run */
    bool ran;
    /* The blocks' variables, block after block, each ascending (CSR), and
     * each variable's place in its block: the greedy runs one block at a
     * time, on columns numbered within it, so that it holds one block's
     * span at a time. */
    int32_t *blk_var;
    uint32_t *blk_off;
    size_t n_blk, max_blk;
    int32_t *loc;
};

/* dirty: per component, whether to run it (NULL: all); the others keep
 * their hidden[] of the last run.  Blocks are independent, so running them
 * one after another chooses what one run over all of them would. */
static int run_greedy(dc_model *m, const dc_gauss_plan *p, const bool *forced,
                      const bool *dirty, bool *hidden)
{
    dc_span g;
    size_t w = p->max_blk ? p->max_blk : 1;
    int32_t *order = malloc(w * sizeof *order);
    int st = dc_span_init(&g, w, w) && order ? 0 : -1;
    order_model = m;
    order_rank = p->rank;
    for (size_t b = 0; st == 0 && b < p->n_blk; b++) {
        const int32_t *vars = p->blk_var + p->blk_off[b];
        if (dirty && !dirty[p->comp[vars[0]]])
            continue;
        st = greedy_block(m, &g, p->e, p->loc, vars, p->blk_off[b + 1] - p->blk_off[b], forced,
                          order, hidden);
    }
    order_model = NULL;
    order_rank = NULL;
    free(order);
    dc_span_free(&g);
    return st;
}

static int32_t find_root(int32_t *up, int32_t v)
{
    while (up[v] != v)
        v = up[v] = up[up[v]];
    return v;
}

/* The blocks, by union–find over the equations. */
static void find_blocks(const dc_model *m, int32_t *comp)
{
    for (size_t v = 0; v < m->n_vars; v++)
        comp[v] = (int32_t)v;
    for (size_t r = 0; r < m->n_rel; r++)
        for (uint32_t k = m->rel_off[r] + 1; k < m->rel_off[r + 1]; k++) {
            int32_t a = find_root(comp, m->rel_var[m->rel_off[r]]);
            int32_t b = find_root(comp, m->rel_var[k]);
            if (a != b)
                comp[a > b ? a : b] = a < b ? a : b;
        }
    for (size_t v = 0; v < m->n_vars; v++)
        comp[v] = find_root(comp, (int32_t)v);
}

/* The blocks as lists (comp[v] is the block's least variable). */
static bool list_blocks(dc_gauss_plan *p, size_t nv)
{
    p->blk_var = malloc((nv + 1) * sizeof *p->blk_var);
    p->blk_off = malloc((nv + 2) * sizeof *p->blk_off);
    p->loc = malloc((nv + 1) * sizeof *p->loc);
    int32_t *id = malloc((nv + 1) * sizeof *id);
    bool ok = p->blk_var && p->blk_off && p->loc && id;
    p->n_blk = 0;
    for (size_t v = 0; ok && v < nv; v++) /* sizes, then offsets */
        if (p->comp[v] == (int32_t)v) {
            id[v] = (int32_t)p->n_blk;
            p->blk_off[++p->n_blk] = 0;
        }
    for (size_t v = 0; ok && v < nv; v++)
        p->loc[v] = (int32_t)p->blk_off[id[p->comp[v]] + 1]++;
    if (ok) {
        p->blk_off[0] = 0;
        p->max_blk = 0;
        for (size_t b = 0; b < p->n_blk; b++) {
            uint32_t size = p->blk_off[b + 1];
            p->max_blk = size > p->max_blk ? size : p->max_blk;
            p->blk_off[b + 1] = p->blk_off[b] + size;
        }
        for (size_t v = 0; v < nv; v++)
            p->blk_var[p->blk_off[id[p->comp[v]]] + p->loc[v]] = (int32_t)v;
    }
    free(id);
    return ok;
}

dc_gauss_plan *dc_gauss_plan_new(const dc_model *m)
{
    dc_gauss_plan *p = calloc(1, sizeof *p);
    bool *on = malloc((m->n_vars + 1) * sizeof *on);
    if (p) {
        p->rank = malloc((m->n_vars + 1) * sizeof *p->rank);
        p->hidden = malloc((m->n_vars + 1) * sizeof *p->hidden);
        p->comp = malloc((m->n_vars + 1) * sizeof *p->comp);
        p->dirty = malloc((m->n_vars + 1) * sizeof *p->dirty);
        p->last_forced = calloc(m->n_vars + 1, sizeof *p->last_forced);
    }
    bool ok = p && on && p->rank && p->hidden && p->comp && p->dirty && p->last_forced;
    if (ok)
        find_blocks(m, p->comp);
    ok = ok && list_blocks(p, m->n_vars);
    for (size_t v = 0; ok && v < m->n_vars; v++) {
        p->rank[v] = rank_of(m, (int32_t)v);
        on[v] = true;
    }
    if (ok)
        p->e = dc_elim_build(m, on, p->rank);
    free(on);
    if (!ok || !p->e) {
        dc_gauss_plan_free(p);
        return NULL;
    }
    return p;
}

void dc_gauss_plan_free(dc_gauss_plan *p)
{
    if (!p)
        return;
    dc_elim_free(p->e);
    free(p->rank);
    free(p->hidden);
    free(p->comp);
    free(p->dirty);
    free(p->last_forced);
    free(p->blk_var);
    free(p->blk_off);
    free(p->loc);
    free(p);
}

bool dc_gauss(dc_model *m, dc_gauss_plan *p, const bool *forced)
{
    bool *hidden = p->hidden;
    if (p->ran) {
        memset(p->dirty, 0, (m->n_vars + 1) * sizeof *p->dirty);
        for (size_t v = 0; v < m->n_vars; v++)
            if ((forced && forced[v]) != p->last_forced[v])
                p->dirty[p->comp[v]] = true;
    }
    bool ok = run_greedy(m, p, forced, p->ran ? p->dirty : NULL, hidden) == 0;
    p->ran = ok;
    for (size_t v = 0; v < m->n_vars; v++)
        p->last_forced[v] = forced && forced[v];
    for (size_t i = 0; ok && i < m->n_rows; i++) {
        const dc_row *r = &m->rows[i];
        bool hide = false, sensitive = false;
        for (int k = 0; k < r->nvar; k++) {
            hide |= hidden[r->var[k]];
            sensitive |= dc_small(m->vars[r->var[k]].value, m->min_cell);
        }
        if (hide)
            dc_hide_row(m, i, sensitive ? DC_PRIMARY : DC_SECONDARY);
    }
    return ok;
}
