/* A suppression pattern built over a universe, applied to any rows of it,
 * and the intruder's audit (model/disclosure.h). */
#include "model/disclosure.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/disclosure_model.h"
#include "model/disclosure_quantities.h"

/* A row is known by a 64-bit hash of its key (metric, period, breakdown,
 * group): a sorted array of them is small enough to keep in the warehouse
 * (9 bytes a row) and to search without building anything. */
struct disclosure {
    uint64_t *hash;      /* sorted, one per row of the universe */
    uint8_t *state;      /* DC_* per hash */
    size_t n;
    int min_cell;
    disclosure_stats stats;
};

typedef struct {
    uint64_t h;
    uint8_t st;
} hash_state;

static int cmp_hash_state(const void *a, const void *b)
{
    uint64_t x = ((const hash_state *)a)->h, y = ((const hash_state *)b)->h;
    return (x > y) - (x < y);
}

/* Two keys of one hash (never seen; about one universe in 10^8 at national
 * scale) share the more cautious state: hidden, as "–". */
static bool set_states(disclosure *dc, hash_state *hs, size_t n)
{
    qsort(hs, n, sizeof *hs, cmp_hash_state);
    dc->hash = malloc((n ? n : 1) * sizeof *dc->hash);
    dc->state = malloc(n ? n : 1);
    if (!dc->hash || !dc->state)
        return false;
    dc->n = 0;
    for (size_t i = 0; i < n; i++) {
        if (dc->n && dc->hash[dc->n - 1] == hs[i].h) {
            if (hs[i].st != dc->state[dc->n - 1])
                dc->state[dc->n - 1] = DC_SECONDARY;
            continue;
        }
        dc->hash[dc->n] = hs[i].h;
        dc->state[dc->n++] = hs[i].st;
    }
    return true;
}

/* The state of the row of hash h; −1 when the universe has no such row. */
static int state_of(const disclosure *dc, uint64_t h)
{
    size_t lo = 0, hi = dc->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (dc->hash[mid] < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < dc->n && dc->hash[lo] == h ? dc->state[lo] : -1;
}

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

ips_error dc_pattern_of(dc_model *m, const metric_query *q, disclosure **out, ips_diag *d)
{
    *out = NULL;
    disclosure *dc = calloc(1, sizeof *dc);
    ips_error e = dc ? IPS_OK : ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    size_t unprotected = 0;
    long rounds = 0;
    if (e == IPS_OK) {
        dc->min_cell = q->min_cell;
        rounds = dc_secondary(m, &unprotected);
        if (rounds < 0)
            e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    }
    hash_state *hs = e == IPS_OK ? malloc((m->n_rows ? m->n_rows : 1) * sizeof *hs) : NULL;
    for (size_t i = 0; hs && i < m->n_rows; i++)
        hs[i] = (hash_state){m->rows[i].hash, m->rows[i].state};
    if (e == IPS_OK && (!hs || !set_states(dc, hs, m->n_rows)))
        e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    free(hs);
    if (e == IPS_OK) {
        disclosure_stats *s = &dc->stats;
        count_states(m, &s->rows, &s->hidden, &s->primary, &s->secondary);
        /* primary: hidden for a small number in the row itself, whatever
         * its label ("<5", or "–" where "<5" would give it away) */
        s->primary = 0;
        for (size_t i = 0; i < m->n_rows; i++) {
            bool small = false;
            for (int k = 0; k < m->rows[i].nvar; k++) {
                double v = m->vars[m->rows[i].var[k]].truth;
                small |= dc_small(v, q->min_cell);
            }
            small |= m->rows[i].primary;
            s->primary += m->rows[i].suppressible && m->rows[i].state != DC_SHOWN && small;
        }
        s->secondary = s->hidden - s->primary;
        s->variables = m->n_vars;
        s->relations = m->n_rel;
        s->rounds = (size_t)rounds;
        s->unprotected = unprotected;
        s->inexact = m->n_inexact;
    }
    dc_model_free(m);
    if (e != IPS_OK) {
        disclosure_free(dc);
        return e;
    }
    *out = dc;
    return IPS_OK;
}

ips_error disclosure_build(const facts *f, const metric_set *universe, const metric_query *q,
                           disclosure **out, ips_diag *d)
{
    dc_model m;
    ips_error e = dc_model_build(&m, f, universe, NULL, q, d);
    if (e != IPS_OK) {
        *out = NULL;
        dc_model_free(&m);
        return e;
    }
    return dc_pattern_of(&m, q, out, d);
}

/* What the state of a row under a pattern depends on. */
static disclosure_row_key row_key(const metric_row *r)
{
    /* a row hidden already is left as it is */
    return r->suppressed ? (disclosure_row_key){0, 0}
                         : (disclosure_row_key){dc_row_hash(r), dc_suppressible(r) ? 1 : 2};
}

/* What the pattern does to a row of key k: DC_SHOWN, DC_PRIMARY or
 * DC_SECONDARY. */
static uint8_t key_state(const disclosure *dc, const disclosure_row_key *k)
{
    if (!k->kind)
        return DC_SHOWN;
    int id = state_of(dc, k->hash);
    if (id >= 0)
        return (uint8_t)id;
    /* fte, weighted means, texts, reviews: never hidden; any other row the
     * pattern does not know is */
    return k->kind == 1 ? DC_SECONDARY : DC_SHOWN;
}

static uint8_t row_state(const disclosure *dc, const metric_row *r)
{
    disclosure_row_key k = row_key(r);
    return key_state(dc, &k);
}

static void hide_as(metric_row *r, uint8_t st, int min_cell)
{
    if (st != DC_SHOWN)
        metric_row_hide(r, st == DC_PRIMARY, min_cell);
}

void disclosure_apply(const disclosure *dc, metric_set *set)
{
    for (size_t i = 0; i < set->n; i++)
        hide_as(&set->rows[i], row_state(dc, &set->rows[i]), dc->min_cell);
}

void disclosure_keys(const metric_set *set, disclosure_row_key *out)
{
    for (size_t i = 0; i < set->n; i++)
        out[i] = row_key(&set->rows[i]);
}

void disclosure_key_states(const disclosure *dc, const disclosure_row_key *keys, size_t n,
                           uint8_t *out)
{
    for (size_t i = 0; i < n; i++)
        out[i] = key_state(dc, &keys[i]);
}

bool disclosure_apply_states(metric_set *set, size_t from, const uint8_t *states, size_t n,
                             int min_cell)
{
    if (set->n - from != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (states[i] > DC_SECONDARY)
            return false;
    for (size_t i = 0; i < n; i++)
        hide_as(&set->rows[from + i], states[i], min_cell);
    return true;
}

void disclosure_stats_get(const disclosure *dc, disclosure_stats *out)
{
    *out = dc->stats;
}

void disclosure_free(disclosure *dc)
{
    if (!dc)
        return;
    free(dc->hash);
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
                     : x->key.by == DC_BY_DAYS  ? "days"
                     : x->key.by == DC_BY_STEP  ? "step"
                                                : metric_group_name((metric_group)x->key.by);
    const char *g = m->names.s[x->key.group];
    snprintf(buf, n, "%s, %s%s%s, %s %s: worked out as %.0f", dc_quantities[x->key.q].label,
             x->key.ps ? ps : "window to ", x->key.ps ? ".." : "", pe, by[0] ? by : "whole",
             by[0] ? (g[0] ? g : "(unknown)") : "service", val);
}

static void describe_row(const dc_model *m, size_t i, char *buf, size_t n)
{
    char ps[11], pe[11];
    const char *metric, *group_by, *group;
    dc_row_names(m, i, &metric, &group_by, &group);
    date_format_iso(m->rows[i].ps, ps);
    date_format_iso(m->rows[i].pe, pe);
    snprintf(buf, n, "%s, %s..%s, %s %s: its figure follows from the published ones", metric,
             ps, pe, group_by[0] ? group_by : "whole",
             group_by[0] ? (group[0] ? group : "(unknown)") : "service");
}

ips_error disclosure_audit_run(const facts *f, const metric_set *published,
                               const disclosure_truth *truth, const metric_query *q,
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
            describe_row(&m, (size_t)fr, out->example, sizeof out->example);
    }
    free(val);
    dc_model_free(&m);
    return e;
}

/* --- the pattern as bytes (model/disclosure_store.c) ------------------- */

/* 002: the universe holds January–September (issue 15), so a pattern kept
 * by a build without it does not fit. */
#define PACK_MAGIC "IPSDC002"
#define PACK_ORDER 0x0102030405060708u

typedef struct {
    char magic[8];
    uint64_t order;      /* byte order and word size of the writer */
    uint64_t min_cell;
    uint64_t n;
    uint64_t stats[9];
} pack_head;

static void stats_words(const disclosure_stats *s, uint64_t w[9])
{
    const size_t v[9] = {s->rows,   s->hidden, s->primary,     s->secondary, s->variables,
                         s->relations, s->rounds, s->unprotected, s->inexact};
    for (int i = 0; i < 9; i++)
        w[i] = v[i];
}

ips_error disclosure_encode(const disclosure *dc, void **buf, size_t *len, ips_diag *d)
{
    pack_head h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, PACK_MAGIC, 8);
    h.order = PACK_ORDER;
    h.min_cell = (uint64_t)dc->min_cell;
    h.n = dc->n;
    stats_words(&dc->stats, h.stats);
    *len = sizeof h + dc->n * (sizeof *dc->hash + 1);
    char *p = malloc(*len);
    if (!(*buf = p))
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    memcpy(p, &h, sizeof h);
    memcpy(p + sizeof h, dc->hash, dc->n * sizeof *dc->hash);
    memcpy(p + sizeof h + dc->n * sizeof *dc->hash, dc->state, dc->n);
    return IPS_OK;
}

disclosure *disclosure_decode(const void *buf, size_t len)
{
    pack_head h;
    if (len < sizeof h)
        return NULL;
    memcpy(&h, buf, sizeof h);
    if (memcmp(h.magic, PACK_MAGIC, 8) != 0 || h.order != PACK_ORDER ||
        h.n > (len - sizeof h) / (sizeof(uint64_t) + 1) ||
        len != sizeof h + h.n * (sizeof(uint64_t) + 1))
        return NULL;
    disclosure *dc = calloc(1, sizeof *dc);
    if (!dc)
        return NULL;
    dc->n = (size_t)h.n;
    dc->min_cell = (int)h.min_cell;
    dc->hash = malloc((dc->n ? dc->n : 1) * sizeof *dc->hash);
    dc->state = malloc(dc->n ? dc->n : 1);
    if (!dc->hash || !dc->state) {
        disclosure_free(dc);
        return NULL;
    }
    const char *p = (const char *)buf + sizeof h;
    memcpy(dc->hash, p, dc->n * sizeof *dc->hash);
    memcpy(dc->state, p + dc->n * sizeof *dc->hash, dc->n);
    size_t *s[9] = {&dc->stats.rows,      &dc->stats.hidden,    &dc->stats.primary,
                    &dc->stats.secondary, &dc->stats.variables, &dc->stats.relations,
                    &dc->stats.rounds,    &dc->stats.unprotected, &dc->stats.inexact};
    for (int i = 0; i < 9; i++)
        *s[i] = (size_t)h.stats[i];
    for (size_t i = 1; i < dc->n; i++)
        if (dc->hash[i - 1] >= dc->hash[i]) { /* not what encode writes */
            disclosure_free(dc);
            return NULL;
        }
    return dc;
}
