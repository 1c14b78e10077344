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

#define EPS 1e-9
#define SHORT_ROW 8 /* rows subtracted in place (a bit each in a word) */

typedef struct {
    int32_t *c;
    double *v;
    uint32_t n;
} svec;

typedef struct {
    size_t ncols;
    double *acc;
    bool *in;
    int32_t *touched;
    size_t n_touched;
    svec *basis;            /* published span, Gauss–Jordan: one pivot each */
    size_t n_basis;
    int32_t *pivot_of;      /* column → basis row, −1 */
    svec *hid;              /* hidden residuals, reduced by the basis */
    size_t n_hid;
    int32_t **occ_b, **occ_h;  /* column → rows that may hold it */
    uint32_t *n_ob, *cap_ob, *n_oh, *cap_oh;
    uint32_t *stamp;
    uint32_t now;
} gauss;

static bool push(int32_t **list, uint32_t *n, uint32_t *cap, int32_t x)
{
    if (*n == *cap) {
        uint32_t nc = *cap ? *cap * 2 : 4;
        int32_t *g = realloc(*list, nc * sizeof *g);
        if (!g)
            return false;
        *list = g;
        *cap = nc;
    }
    (*list)[(*n)++] = x;
    return true;
}

static void acc_add(gauss *g, int32_t c, double v)
{
    if (!g->in[c]) {
        g->in[c] = true;
        g->acc[c] = 0;
        g->touched[g->n_touched++] = c;
    }
    g->acc[c] += v;
}

static void acc_vec(gauss *g, const svec *x, double f)
{
    for (uint32_t i = 0; i < x->n; i++)
        acc_add(g, x->c[i], f * x->v[i]);
}

static bool acc_take(gauss *g, svec *out)
{
    out->n = 0;
    out->c = malloc((g->n_touched ? g->n_touched : 1) * sizeof *out->c);
    out->v = malloc((g->n_touched ? g->n_touched : 1) * sizeof *out->v);
    bool ok = out->c && out->v;
    for (size_t i = 0; i < g->n_touched; i++) {
        int32_t c = g->touched[i];
        if (ok && fabs(g->acc[c]) > EPS) {
            out->c[out->n] = c;
            out->v[out->n++] = g->acc[c];
        }
        g->in[c] = false;
    }
    g->n_touched = 0;
    return ok;
}

static double get(const svec *x, int32_t c)
{
    for (uint32_t i = 0; i < x->n; i++)
        if (x->c[i] == c)
            return x->v[i];
    return 0;
}

/* x minus its components along the published span. */
static bool reduce(gauss *g, const svec *x, svec *out)
{
    acc_vec(g, x, 1);
    for (uint32_t i = 0; i < x->n; i++) {
        int32_t b = g->pivot_of[x->c[i]];
        if (b >= 0 && fabs(g->acc[x->c[i]]) > EPS)
            acc_vec(g, &g->basis[b], -g->acc[x->c[i]]);
    }
    return acc_take(g, out);
}

/* Whether h − f·r is zero (f = h[p]/r[p], rp = r[p]): h a multiple of r.
 * h's entries go to the accumulator, so that each of r's is looked up at
 * once: the residuals of the wholes run to thousands of columns. */
static bool parallel(gauss *g, const svec *h, const svec *r, int32_t p, double rp)
{
    if (h->n != r->n)
        return false;
    double f = get(h, p) / rp;
    for (uint32_t i = 0; i < h->n; i++) {
        g->in[h->c[i]] = true;
        g->acc[h->c[i]] = h->v[i];
    }
    bool same = true;
    for (uint32_t i = 0; same && i < r->n; i++)
        same = g->in[r->c[i]] && fabs(g->acc[r->c[i]] - f * r->v[i]) <= EPS;
    for (uint32_t i = 0; i < h->n; i++)
        g->in[h->c[i]] = false;
    return same;
}

/* What subtract() does through the accumulator, in place, for a short r
 * (most often the unit row of a cell just published): the same sums, the
 * same order of entries, without a pass of the accumulator over a long x. */
static bool subtract_short(svec *x, const svec *r, double f, int32_t **occ, uint32_t *n_o,
                           uint32_t *cap_o, int32_t id)
{
    uint32_t found = 0, k = 0;
    for (uint32_t i = 0; i < x->n; i++) {
        double v = x->v[i];
        for (uint32_t j = 0; j < r->n; j++)
            if (r->c[j] == x->c[i]) {
                v += -f * r->v[j];
                found |= 1u << j;
                break;
            }
        if (fabs(v) > EPS) {
            x->c[k] = x->c[i];
            x->v[k++] = v;
        }
    }
    if (k < x->n && k > 0) { /* give back what the removed entries held, as a new row would */
        int32_t *nc = realloc(x->c, k * sizeof *nc);
        double *nv = realloc(x->v, k * sizeof *nv);
        x->c = nc ? nc : x->c;
        x->v = nv ? nv : x->v;
    }
    x->n = k;
    for (uint32_t j = 0; j < r->n; j++) {
        if (found & (1u << j))
            continue;
        int32_t c = r->c[j];
        double v = -f * r->v[j];
        if (!push(&occ[c], &n_o[c], &cap_o[c], id))
            return false;
        if (fabs(v) <= EPS)
            continue;
        int32_t *nc = realloc(x->c, (x->n + 1) * sizeof *nc);
        if (nc)
            x->c = nc;
        double *nv = nc ? realloc(x->v, (x->n + 1) * sizeof *nv) : NULL;
        if (!nv)
            return false;
        x->v = nv;
        x->c[x->n] = c;
        x->v[x->n++] = v;
    }
    return true;
}

/* Replaces row x by x − f·r (f = x[p]/r[p], rp = r[p]), indexing its new
 * columns.  Most rows listed under p no longer hold it (the lists only
 * grow): they cost a look at x, never a pass over a long r. */
static bool subtract(gauss *g, svec *x, const svec *r, int32_t p, double rp, int32_t **occ,
                     uint32_t *n_o, uint32_t *cap_o, int32_t id)
{
    double f = get(x, p) / rp;
    if (fabs(f) <= EPS)
        return true;
    if (r->n <= SHORT_ROW)
        return subtract_short(x, r, f, occ, n_o, cap_o, id);
    acc_vec(g, x, 1);
    for (uint32_t i = 0; i < r->n; i++) {
        bool was = g->in[r->c[i]];
        acc_add(g, r->c[i], -f * r->v[i]);
        if (!was && !push(&occ[r->c[i]], &n_o[r->c[i]], &cap_o[r->c[i]], id))
            return false;
    }
    free(x->c);
    free(x->v);
    return acc_take(g, x);
}

static bool index_vec(int32_t **occ, uint32_t *n_o, uint32_t *cap_o, const svec *x, int32_t id)
{
    for (uint32_t i = 0; i < x->n; i++)
        if (!push(&occ[x->c[i]], &n_o[x->c[i]], &cap_o[x->c[i]], id))
            return false;
    return true;
}

static bool add_hidden(gauss *g, svec *r)
{
    g->hid[g->n_hid] = *r;
    return index_vec(g->occ_h, g->n_oh, g->cap_oh, r, (int32_t)g->n_hid++);
}

/* Publishes x unless that determines a hidden residual; returns 1
 * published, 0 hidden, −1 out of memory. */
static int try_publish(gauss *g, const svec *x)
{
    svec r;
    if (!reduce(g, x, &r))
        return -1;
    if (r.n == 0) { /* already known from what is published */
        free(r.c);
        free(r.v);
        return 1;
    }
    int32_t p = r.c[0];
    for (uint32_t i = 1; i < r.n; i++)
        if (g->n_oh[r.c[i]] < g->n_oh[p])
            p = r.c[i];
    double pv = get(&r, p);
    g->now++;
    for (uint32_t k = 0; k < g->n_oh[p]; k++) {
        int32_t h = g->occ_h[p][k];
        if (g->stamp[h] == g->now)
            continue;
        g->stamp[h] = g->now;
        if (fabs(get(&g->hid[h], p)) > EPS && parallel(g, &g->hid[h], &r, p, pv))
            return add_hidden(g, &r) ? 0 : -1;
    }
    g->now++;
    for (uint32_t k = 0; k < g->n_oh[p]; k++) {
        int32_t h = g->occ_h[p][k];
        if (g->stamp[h] != g->now) {
            g->stamp[h] = g->now;
            if (!subtract(g, &g->hid[h], &r, p, pv, g->occ_h, g->n_oh, g->cap_oh, h))
                return -1;
        }
    }
    for (uint32_t i = 0; i < r.n; i++)
        r.v[i] /= pv;
    int32_t id = (int32_t)g->n_basis;
    g->now++;
    for (uint32_t k = 0; k < g->n_ob[p]; k++) {
        int32_t b = g->occ_b[p][k];
        if (g->stamp[b] != g->now) {
            g->stamp[b] = g->now;
            if (!subtract(g, &g->basis[b], &r, p, 1, g->occ_b, g->n_ob, g->cap_ob, b))
                return -1;
        }
    }
    g->basis[g->n_basis++] = r;
    g->pivot_of[p] = id;
    return index_vec(g->occ_b, g->n_ob, g->cap_ob, &r, id) ? 1 : -1;
}

static void gauss_free(gauss *g)
{
    for (size_t i = 0; i < g->n_basis; i++) {
        free(g->basis[i].c);
        free(g->basis[i].v);
    }
    for (size_t i = 0; i < g->n_hid; i++) {
        free(g->hid[i].c);
        free(g->hid[i].v);
    }
    for (size_t c = 0; c < g->ncols; c++) {
        if (g->occ_b)
            free(g->occ_b[c]);
        if (g->occ_h)
            free(g->occ_h[c]);
    }
    free(g->acc);
    free(g->in);
    free(g->touched);
    free(g->basis);
    free(g->pivot_of);
    free(g->hid);
    free(g->occ_b);
    free(g->occ_h);
    free(g->n_ob);
    free(g->cap_ob);
    free(g->n_oh);
    free(g->cap_oh);
    free(g->stamp);
}

static bool gauss_init(gauss *g, size_t ncols, size_t nvars)
{
    memset(g, 0, sizeof *g);
    g->ncols = ncols;
    g->acc = malloc(ncols * sizeof *g->acc);
    g->in = calloc(ncols, sizeof *g->in);
    g->touched = malloc(ncols * sizeof *g->touched);
    g->basis = calloc(nvars + 1, sizeof *g->basis);
    g->pivot_of = malloc(ncols * sizeof *g->pivot_of);
    g->hid = calloc(nvars + 1, sizeof *g->hid);
    g->occ_b = calloc(ncols, sizeof *g->occ_b);
    g->occ_h = calloc(ncols, sizeof *g->occ_h);
    g->n_ob = calloc(ncols, sizeof *g->n_ob);
    g->cap_ob = calloc(ncols, sizeof *g->cap_ob);
    g->n_oh = calloc(ncols, sizeof *g->n_oh);
    g->cap_oh = calloc(ncols, sizeof *g->cap_oh);
    g->stamp = calloc(nvars + 1, sizeof *g->stamp);
    if (!g->acc || !g->in || !g->touched || !g->basis || !g->pivot_of || !g->hid || !g->occ_b ||
        !g->occ_h || !g->n_ob || !g->cap_ob || !g->n_oh || !g->cap_oh || !g->stamp)
        return false;
    for (size_t c = 0; c < ncols; c++)
        g->pivot_of[c] = -1;
    return true;
}

/* x_v over the free variables: e_v for a free one, minus its reduced row
 * (without v) for a pivot; empty when the equations fix v (always 0). */
static bool x_of(const dc_elim *e, int32_t v, svec *out)
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

/* Back to an empty span for the next block: its nb columns and the rows
 * it made. */
static void gauss_clear(gauss *g, size_t nb)
{
    for (size_t i = 0; i < g->n_basis || i < g->n_hid; i++) {
        if (i < g->n_basis)
            free(g->basis[i].c), free(g->basis[i].v);
        if (i < g->n_hid)
            free(g->hid[i].c), free(g->hid[i].v);
    }
    memset(g->basis, 0, g->n_basis * sizeof *g->basis);
    memset(g->hid, 0, g->n_hid * sizeof *g->hid);
    g->n_basis = g->n_hid = 0;
    for (size_t c = 0; c < nb; c++) {
        g->pivot_of[c] = -1;
        free(g->occ_b[c]);
        free(g->occ_h[c]);
        g->occ_b[c] = g->occ_h[c] = NULL;
        g->n_ob[c] = g->cap_ob[c] = g->n_oh[c] = g->cap_oh[c] = 0;
    }
}

/* x_v of one block, its columns numbered within the block. */
static bool x_local(const dc_elim *e, const int32_t *loc, int32_t v, svec *out)
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
static int greedy_block(dc_model *m, gauss *g, const dc_elim *e, const int32_t *loc,
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
            svec r;
            st = x_local(e, loc, v, &r) && (r.n == 0 || add_hidden(g, &r)) ? 0 : -1;
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
        svec x;
        if (!x_local(e, loc, v, &x))
            return -1;
        int r = try_publish(g, &x);
        free(x.c);
        free(x.v);
        if (r < 0)
            return -1;
        hidden[v] = r == 0;
        /* a hidden zero need not stay unknown: zeros are published */
        if (r == 0 && fabs(m->vars[v].value) < 0.5) {
            svec *last = &g->hid[--g->n_hid];
            free(last->c);
            free(last->v);
            memset(last, 0, sizeof *last);
        }
    }
    gauss_clear(g, nb);
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
    gauss g;
    size_t w = p->max_blk ? p->max_blk : 1;
    int32_t *order = malloc(w * sizeof *order);
    int st = gauss_init(&g, w, w) && order ? 0 : -1;
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
    gauss_free(&g);
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
