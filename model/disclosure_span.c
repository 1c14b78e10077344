/* The published span of the greedy secondary suppression
 * (model/disclosure_span.h), kept in Gauss–Jordan form: each basis row has
 * one pivot column that no other basis row holds, so reducing a vector by
 * the span is one pass over its columns.  The hidden cells' residuals are
 * kept reduced by it, so that a new published vector determines a hidden
 * cell exactly when its residual is a multiple of that cell's. */
#include "model/disclosure_span.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define EPS 1e-9
#define SHORT_ROW 8 /* rows subtracted in place (a bit each in a word) */

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

static void acc_vec(dc_span *g, const dc_svec *x, double f)
{
    for (uint32_t i = 0; i < x->n; i++)
        dc_acc_add(&g->a, x->c[i], f * x->v[i]);
}

/* The accumulator as a vector; clears it. */
static bool acc_take(dc_span *g, dc_svec *out)
{
    return dc_acc_take(&g->a, EPS, &out->c, &out->v, &out->n);
}

static double get(const dc_svec *x, int32_t c)
{
    for (uint32_t i = 0; i < x->n; i++)
        if (x->c[i] == c)
            return x->v[i];
    return 0;
}

/* x minus its components along the published span. */
static bool reduce(dc_span *g, const dc_svec *x, dc_svec *out)
{
    acc_vec(g, x, 1);
    for (uint32_t i = 0; i < x->n; i++) {
        int32_t b = g->pivot_of[x->c[i]];
        if (b >= 0 && fabs(g->a.val[x->c[i]]) > EPS)
            acc_vec(g, &g->basis[b], -g->a.val[x->c[i]]);
    }
    return acc_take(g, out);
}

/* Whether h − f·r is zero (f = h[p]/r[p], rp = r[p]): h a multiple of r.
 * h's entries go to the accumulator, so that each of r's is looked up at
 * once: the residuals of the wholes run to thousands of columns. */
static bool parallel(dc_span *g, const dc_svec *h, const dc_svec *r, int32_t p, double rp)
{
    if (h->n != r->n)
        return false;
    double f = get(h, p) / rp;
    for (uint32_t i = 0; i < h->n; i++) {
        g->a.in[h->c[i]] = true;
        g->a.val[h->c[i]] = h->v[i];
    }
    bool same = true;
    for (uint32_t i = 0; same && i < r->n; i++)
        same = g->a.in[r->c[i]] && fabs(g->a.val[r->c[i]] - f * r->v[i]) <= EPS;
    for (uint32_t i = 0; i < h->n; i++)
        g->a.in[h->c[i]] = false;
    return same;
}

/* What subtract() does through the accumulator, in place, for a short r
 * (most often the unit row of a cell just published): the same sums, the
 * same order of entries, without a pass of the accumulator over a long x. */
static bool subtract_short(dc_svec *x, const dc_svec *r, double f, int32_t **occ, uint32_t *n_o,
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
    /* r's columns x lacks (each now listed under its column) go after x's
     * own; the arrays take the row's new size, as a new row would */
    uint32_t size = k;
    for (uint32_t j = 0; j < r->n; j++) {
        if (found & (1u << j))
            continue;
        int32_t c = r->c[j];
        if (!push(&occ[c], &n_o[c], &cap_o[c], id))
            return false;
        size += fabs(-f * r->v[j]) > EPS;
    }
    uint32_t room = x->n; /* the arrays hold at least this many */
    x->n = k;
    if (size != room) {
        int32_t *nc = realloc(x->c, (size ? size : 1) * sizeof *nc);
        x->c = nc ? nc : x->c;
        double *nv = nc ? realloc(x->v, (size ? size : 1) * sizeof *nv) : NULL;
        x->v = nv ? nv : x->v;
        if (!nv && size > room)
            return false;
    }
    for (uint32_t j = 0; j < r->n; j++) {
        double v = -f * r->v[j];
        if (!(found & (1u << j)) && fabs(v) > EPS) {
            x->c[x->n] = r->c[j];
            x->v[x->n++] = v;
        }
    }
    return true;
}

/* Replaces row x by x − f·r (f = x[p]/r[p], rp = r[p]), indexing its new
 * columns.  Most rows listed under p no longer hold it (the lists only
 * grow): they cost a look at x, never a pass over a long r. */
static bool subtract(dc_span *g, dc_svec *x, const dc_svec *r, int32_t p, double rp, int32_t **occ,
                     uint32_t *n_o, uint32_t *cap_o, int32_t id)
{
    double f = get(x, p) / rp;
    if (fabs(f) <= EPS)
        return true;
    if (r->n <= SHORT_ROW)
        return subtract_short(x, r, f, occ, n_o, cap_o, id);
    acc_vec(g, x, 1);
    for (uint32_t i = 0; i < r->n; i++) {
        bool was = g->a.in[r->c[i]];
        dc_acc_add(&g->a, r->c[i], -f * r->v[i]);
        if (!was && !push(&occ[r->c[i]], &n_o[r->c[i]], &cap_o[r->c[i]], id))
            return false;
    }
    free(x->c);
    free(x->v);
    return acc_take(g, x);
}

static bool index_vec(int32_t **occ, uint32_t *n_o, uint32_t *cap_o, const dc_svec *x, int32_t id)
{
    for (uint32_t i = 0; i < x->n; i++)
        if (!push(&occ[x->c[i]], &n_o[x->c[i]], &cap_o[x->c[i]], id))
            return false;
    return true;
}

bool dc_span_hide(dc_span *g, dc_svec *r)
{
    g->hid[g->n_hid] = *r;
    return index_vec(g->occ_h, g->n_oh, g->cap_oh, r, (int32_t)g->n_hid++);
}

/* Publishes x unless that determines a hidden residual; returns 1
 * published, 0 hidden, −1 out of memory. */
int dc_span_publish(dc_span *g, const dc_svec *x)
{
    dc_svec r;
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
            return dc_span_hide(g, &r) ? 0 : -1;
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

void dc_span_free(dc_span *g)
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
    dc_acc_free(&g->a);
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

bool dc_span_init(dc_span *g, size_t ncols, size_t nvars)
{
    memset(g, 0, sizeof *g);
    g->ncols = ncols;
    bool room = dc_acc_init(&g->a, ncols);
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
    if (!room || !g->basis || !g->pivot_of || !g->hid || !g->occ_b || !g->occ_h || !g->n_ob ||
        !g->cap_ob || !g->n_oh || !g->cap_oh || !g->stamp)
        return false;
    for (size_t c = 0; c < ncols; c++)
        g->pivot_of[c] = -1;
    return true;
}

/* Back to an empty span for the next block: its nb columns and the rows
 * it made. */
void dc_span_clear(dc_span *g, size_t nb)
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

void dc_span_forget_last(dc_span *g)
{
    dc_svec *last = &g->hid[--g->n_hid];
    free(last->c);
    free(last->v);
    memset(last, 0, sizeof *last);
}
