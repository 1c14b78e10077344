/* What an intruder can work out of a pattern, and secondary suppression
 * until they can work out nothing (model/disclosure.h).
 *
 * Pinned = exactly determined by linear elimination over the equations
 * restricted to the hidden variables (Gauss–Jordan: a variable is
 * determined when its reduced row has no other variable), or squeezed to
 * one integer by bounds propagated through the equations. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/disclosure_model.h"

#define EPS 1e-9

void dc_hide_row(dc_model *m, size_t i, uint8_t state)
{
    dc_row *r = &m->rows[i];
    if (r->state != DC_SHOWN)
        return;
    r->state = state;
    for (int k = 0; k < r->nvar; k++) {
        int32_t v = r->var[k];
        bool all = true;
        for (uint32_t j = m->vrow_off[v]; all && j < m->vrow_off[v + 1]; j++)
            all = m->rows[m->vrow[j]].state != DC_SHOWN;
        if (all)
            m->vars[v].hidden = true;
    }
}

/* The primary rule of metrics.md (Privacy), as metric_set_suppress. */
bool dc_primary_rule(const metric_row *r, int min_cell)
{
    switch (r->kind) {
    case MK_COUNT:
        return (r->has & MH_VALUE) && dc_small(r->value, min_cell);
    case MK_RATIO:
        /* its denominator is fte or a setting, not people; a score's is jobs */
        if (strcmp(r->metric, "follow_along_score") == 0)
            return (r->has & MH_DENOMINATOR) && dc_small(r->denominator, min_cell);
        return (r->has & MH_NUMERATOR) && dc_small(r->numerator, min_cell);
    case MK_KM: /* a cohort of 7 with 2 events: the share gives the 2 away (a blank,
                   not estimable figure gives nothing away) */
        return ((r->has & MH_DENOMINATOR) && dc_small(r->denominator, min_cell)) ||
               ((r->has & MH_VALUE) && dc_small(r->events, min_cell));
    default:
        return ((r->has & MH_NUMERATOR) && dc_small(r->numerator, min_cell)) ||
               ((r->has & MH_DENOMINATOR) && dc_small(r->denominator, min_cell));
    }
}

void dc_primary(dc_model *m)
{
    for (size_t i = 0; i < m->n_rows; i++)
        if (m->rows[i].suppressible && m->rows[i].primary)
            dc_hide_row(m, i, DC_PRIMARY);
    /* A small quantity stays hidden under every name it has. */
    for (size_t v = 0; v < m->n_vars; v++) {
        if (!dc_small(m->vars[v].value, m->min_cell))
            continue;
        bool in_primary = false;
        for (uint32_t j = m->vrow_off[v]; j < m->vrow_off[v + 1]; j++)
            in_primary |= m->rows[m->vrow[j]].state == DC_PRIMARY;
        for (uint32_t j = m->vrow_off[v]; in_primary && j < m->vrow_off[v + 1]; j++)
            dc_hide_row(m, (size_t)m->vrow[j], DC_PRIMARY);
    }
}

/* The labels: a count shown as "<5" holds 1 … min_cell − 1; every count is
 * ≥ 0.  A "–" says no more, since a zero may be hidden to protect others. */
void dc_bounds(dc_model *m)
{
    for (size_t v = 0; v < m->n_vars; v++) {
        dc_var *x = &m->vars[v];
        x->lo = 0;
        x->hi = INFINITY;
        if (!x->hidden)
            continue;
        for (uint32_t j = m->vrow_off[v]; j < m->vrow_off[v + 1]; j++) {
            const dc_row *r = &m->rows[m->vrow[j]];
            if (r->kind != MK_COUNT || r->nvar != 1)
                continue;
            if (r->state == DC_PRIMARY) {
                x->lo = fmax(x->lo, 1);
                x->hi = fmin(x->hi, m->min_cell - 1);
            }
        }
    }
}

/* Bounds through every equation Σ a·x = c until nothing moves. */
static void propagate(const dc_model *m, double *lo, double *hi)
{
    for (int sweep = 0; sweep < 200; sweep++) {
        bool moved = false;
        for (size_t r = 0; r < m->n_rel; r++) {
            double c = 0, smin = 0, smax = 0;
            int ninf_min = 0, ninf_max = 0;
            uint32_t a = m->rel_off[r], b = m->rel_off[r + 1];
            for (uint32_t t = a; t < b; t++) {
                int32_t v = m->rel_var[t];
                double k = m->rel_coef[t];
                if (!m->vars[v].hidden) {
                    c -= k * m->vars[v].value;
                    continue;
                }
                double mn = k > 0 ? k * lo[v] : k * hi[v], mx = k > 0 ? k * hi[v] : k * lo[v];
                if (isinf(mn))
                    ninf_min++;
                else
                    smin += mn;
                if (isinf(mx))
                    ninf_max++;
                else
                    smax += mx;
            }
            for (uint32_t t = a; t < b; t++) {
                int32_t v = m->rel_var[t];
                if (!m->vars[v].hidden)
                    continue;
                double k = m->rel_coef[t];
                double mn = k > 0 ? k * lo[v] : k * hi[v], mx = k > 0 ? k * hi[v] : k * lo[v];
                /* k·x = c − Σ others: others span [smin − mn, smax − mx] */
                double omin = isinf(mn) ? (ninf_min > 1 ? -INFINITY : smin)
                                        : (ninf_min ? -INFINITY : smin - mn);
                double omax = isinf(mx) ? (ninf_max > 1 ? INFINITY : smax)
                                        : (ninf_max ? INFINITY : smax - mx);
                double kl = c - omax, kh = c - omin;
                double nl = k > 0 ? kl / k : kh / k, nh = k > 0 ? kh / k : kl / k;
                nl = ceil(nl - EPS);   /* counts are whole */
                nh = floor(nh + EPS);
                if (nl > lo[v] + EPS && nl <= hi[v] + EPS) {
                    lo[v] = nl;
                    moved = true;
                }
                if (nh < hi[v] - EPS && nh >= lo[v] - EPS) {
                    hi[v] = nh;
                    moved = true;
                }
            }
        }
        if (!moved)
            break;
    }
}

bool dc_pinned_values(const dc_model *m, double *val)
{
    double *lo = malloc((m->n_vars + 1) * sizeof *lo);
    double *hi = malloc((m->n_vars + 1) * sizeof *hi);
    bool *det = calloc(m->n_vars + 1, sizeof *det);
    bool ok = lo && hi && det && dc_eliminate(m, det, val);
    for (size_t v = 0; ok && v < m->n_vars; v++) {
        lo[v] = m->vars[v].lo;
        hi[v] = m->vars[v].hi;
        if (det[v])
            lo[v] = hi[v] = round(val[v]);
    }
    if (ok)
        propagate(m, lo, hi);
    for (size_t v = 0; ok && v < m->n_vars; v++) {
        const dc_var *x = &m->vars[v];
        if (!x->hidden)
            val[v] = x->value;
        else
            val[v] = hi[v] - lo[v] < 0.5 ? lo[v] : NAN;
    }
    free(lo);
    free(hi);
    free(det);
    return ok;
}

/* A row whose figure is a linear function of its quantities (a count, a
 * share, a mean: the mean's sum obeys the same equations as its
 * denominator); a median or a Kaplan–Meier figure is not. */
static bool linear_figure(const dc_row *r)
{
    switch (r->kind) {
    case MK_COUNT:
    case MK_SHARE:
    case MK_MEAN:
    case MK_RATIO: return r->nvar > 0;
    default: return false;
    }
}

size_t dc_leaks(const dc_model *m, const double *val, int32_t *act, size_t cap,
                int32_t *first_var, int32_t *first_row)
{
    size_t n = 0;
    *first_var = *first_row = -1;
    for (size_t v = 0; v < m->n_vars; v++) {
        const dc_var *x = &m->vars[v];
        /* worked out, and right: a relation these data break only misleads */
        if (!x->hidden || !x->shown || isnan(val[v]) || !dc_small(round(val[v]), m->min_cell) ||
            fabs(round(val[v]) - x->truth) > 0.5)
            continue;
        if (*first_var < 0)
            *first_var = (int32_t)v;
        if (n < cap)
            act[n] = (int32_t)v;
        n++;
    }
    for (size_t i = 0; i < m->n_rows; i++) {
        const dc_row *r = &m->rows[i];
        if (r->state == DC_SHOWN || !r->suppressible || r->derived_from >= 0 || !linear_figure(r))
            continue;
        bool all = true, nonzero = false;
        int32_t hidden = -1; /* the largest hidden one: most room to move */
        for (int k = 0; k < r->nvar; k++) {
            double x = val[r->var[k]];
            all &= !isnan(x) && fabs(round(x) - m->vars[r->var[k]].truth) <= 0.5;
            /* what was worked out is only zeros: publishable as such */
            nonzero |= m->vars[r->var[k]].hidden && !isnan(x) && fabs(x) >= 0.5;
            if (m->vars[r->var[k]].hidden && (hidden < 0 || x > val[hidden]))
                hidden = r->var[k];
        }
        if (!all || !nonzero)
            continue;
        if (*first_var < 0 && *first_row < 0)
            *first_row = (int32_t)i;
        if (n < cap)
            act[n] = hidden >= 0 ? hidden : r->var[0];
        n++;
    }
    return n;
}

/* What hiding v costs: every row still printing it, the more the larger
 * the count and the higher the level; a whole-service row almost never. */
static double var_cost(const dc_model *m, int32_t v)
{
    double c = 0, size = 1 + fabs(m->vars[v].value);
    for (uint32_t j = m->vrow_off[v]; j < m->vrow_off[v + 1]; j++) {
        const dc_row *r = &m->rows[m->vrow[j]];
        if (r->state == DC_SHOWN)
            c += r->whole ? 1e12 * size : size * (1 + r->level);
    }
    return c;
}

static bool candidate(const dc_model *m, int32_t v)
{
    const dc_var *x = &m->vars[v];
    /* A zero may serve too: it carries least, and a "–" never says "at least 5". */
    return x->shown && !x->hidden;
}

static bool whole_var(const dc_model *m, int32_t v)
{
    return m->vars[v].key.by == GROUP_NONE;
}

/* The printed variable to hide for h: breadth first from h through the
 * hidden variables the equations share, the cheapest in the nearest ring
 * of equations that has one, but a whole-service one only when no ring
 * has anything else. */
static int32_t partner(const dc_model *m, int32_t h, int32_t *queue, uint32_t *seen,
                       uint32_t stamp, uint32_t *rel_seen, const bool *banned)
{
    size_t head = 0, tail = 0, depth_end = 1;
    queue[tail++] = h;
    seen[h] = stamp;
    int32_t best = -1, whole = -1;
    double best_cost = 0, whole_cost = 0;
    while (head < tail) {
        int32_t u = queue[head++];
        for (uint32_t j = m->vrel_off[u]; j < m->vrel_off[u + 1]; j++) {
            int32_t r = m->vrel[j];
            if (rel_seen[r] == stamp)
                continue;
            rel_seen[r] = stamp;
            for (uint32_t t = m->rel_off[r]; t < m->rel_off[r + 1]; t++) {
                int32_t v = m->rel_var[t];
                if (candidate(m, v) && !banned[v]) {
                    double c = var_cost(m, v);
                    int32_t *b = whole_var(m, v) ? &whole : &best;
                    double *bc = whole_var(m, v) ? &whole_cost : &best_cost;
                    if (*b < 0 || c < *bc || (c == *bc && v < *b)) {
                        *b = v;
                        *bc = c;
                    }
                } else if (m->vars[v].hidden && seen[v] != stamp && tail < m->n_vars) {
                    seen[v] = stamp;
                    queue[tail++] = v;
                }
            }
        }
        if (head == depth_end) { /* one ring of equations done */
            if (best >= 0)
                return best;
            depth_end = tail;
        }
    }
    if (best >= 0)
        return best;
    /* Everything around h is hidden already: look one equation further,
     * through printed variables too, before giving up a whole-service row. */
    for (uint32_t j = m->vrel_off[h]; j < m->vrel_off[h + 1]; j++) {
        int32_t r = m->vrel[j];
        for (uint32_t t = m->rel_off[r]; t < m->rel_off[r + 1]; t++) {
            int32_t u = m->rel_var[t];
            for (uint32_t j2 = m->vrel_off[u]; j2 < m->vrel_off[u + 1]; j2++) {
                int32_t r2 = m->vrel[j2];
                for (uint32_t t2 = m->rel_off[r2]; t2 < m->rel_off[r2 + 1]; t2++) {
                    int32_t v = m->rel_var[t2];
                    if (!candidate(m, v) || whole_var(m, v) || banned[v])
                        continue;
                    double c = var_cost(m, v);
                    if (best < 0 || c < best_cost || (c == best_cost && v < best)) {
                        best = v;
                        best_cost = c;
                    }
                }
            }
        }
    }
    return best >= 0 ? best : whole;
}

/* A derived row goes with any of its sources. */
static void hide_derived(dc_model *m)
{
    for (bool again = true; again;) {
        again = false;
        for (size_t k = 0; k < m->n_dep; k++)
            if (m->rows[m->dep_src[k]].state != DC_SHOWN &&
                m->rows[m->dep_row[k]].state == DC_SHOWN) {
                dc_hide_row(m, (size_t)m->dep_row[k], DC_SECONDARY);
                again = true;
            }
    }
}

void dc_reset(dc_model *m)
{
    for (size_t i = 0; i < m->n_rows; i++)
        m->rows[i].state = DC_SHOWN;
    for (size_t v = 0; v < m->n_vars; v++)
        m->vars[v].hidden = !m->vars[v].shown;
}

static size_t wholes_hidden(const dc_model *m)
{
    size_t n = 0;
    for (size_t v = 0; v < m->n_vars; v++)
        n += m->vars[v].shown && m->vars[v].hidden && whole_var(m, v) &&
             m->vars[v].value >= m->min_cell;
    return n;
}

/* Forces hidden every printed, non-whole, unbanned variable of the
 * equations that hold h; returns how many it added to added[]. */
static size_t force_ring(const dc_model *m, int32_t h, bool *forced, const bool *banned,
                         int32_t *added)
{
    size_t n = 0;
    for (uint32_t j = m->vrel_off[h]; j < m->vrel_off[h + 1]; j++) {
        int32_t r = m->vrel[j];
        for (uint32_t t = m->rel_off[r]; t < m->rel_off[r + 1]; t++) {
            int32_t v = m->rel_var[t];
            if (candidate(m, v) && !forced[v] && !banned[v] && !whole_var(m, v)) {
                forced[v] = true;
                added[n++] = v;
            }
        }
    }
    return n;
}

/* One pattern: the small cells, the forced ones, the greedy's secondary
 * cells and the rows derived from hidden ones. */
static bool pattern(dc_model *m, dc_gauss_plan *plan, const bool *forced, const bool *dash)
{
    dc_reset(m);
    dc_primary(m);
    if (!dc_gauss(m, plan, forced))
        return false;
    hide_derived(m);
    /* A small count whose "<5", with the others', would give its value away
     * (a year of "<5" made of four quarters of "<5" is 4, each quarter 1)
     * reads "–" instead, which says nothing of its size. */
    for (size_t i = 0; i < m->n_rows; i++) {
        dc_row *r = &m->rows[i];
        if (r->state == DC_PRIMARY && r->nvar == 1 && dash[r->var[0]])
            r->state = DC_SECONDARY;
    }
    dc_bounds(m);
    return true;
}

/* The greedy keeps every hidden cell out of the published span; bounds
 * (a "<5" holds 1 … 4, counts are ≥ 0) can still squeeze one to a value.
 * For each such cell one more printed cell next to it is forced hidden and
 * the greedy runs again from scratch, so the pattern stays one consistent
 * greedy pass.  A forced cell that costs a whole-service row is banned. */
long dc_secondary(dc_model *m, size_t *unprotected)
{
    *unprotected = 0;
    size_t nv = m->n_vars + 1, nr = m->n_rel + 1;
    double *val = malloc(nv * sizeof *val);
    int32_t *act = malloc((nv + m->n_rows) * sizeof *act);
    int32_t *queue = malloc(nv * sizeof *queue);
    uint32_t *seen = calloc(nv, sizeof *seen), *rel_seen = calloc(nr, sizeof *rel_seen);
    bool *forced = calloc(nv, sizeof *forced), *banned = calloc(nv, sizeof *banned);
    bool *dash = calloc(nv, sizeof *dash);
    uint16_t *tries = calloc(nv, sizeof *tries);
    uint32_t *tried = calloc(nv, sizeof *tried);
    int32_t *added = malloc(nv * sizeof *added);
    long rounds = -1;
    uint32_t stamp = 0;
    size_t base = 0, n_added = 0;
    bool last_resort = false;
    dc_gauss_plan *plan = dc_gauss_plan_new(m);
    bool ok = val && act && queue && seen && rel_seen && forced && banned && dash && tries &&
              tried && added && plan;
    for (long round = 1; ok && round <= 200; round++) {
        if (!pattern(m, plan, forced, dash) || !dc_pinned_values(m, val)) {
            ok = false;
            break;
        }
        size_t w = wholes_hidden(m);
        if (round == 1 || base == SIZE_MAX || last_resort)
            base = w;
        if (w > base && !last_resort) { /* the last round's choices cost a whole row: undo them */
            for (size_t k = 0; k < n_added; k++) {
                forced[added[k]] = false;
                banned[added[k]] = true;
            }
            n_added = 0;
            continue;
        }
        int32_t fv, fr;
        size_t n = dc_leaks(m, val, act, nv + m->n_rows, &fv, &fr);
        *unprotected = n;
        rounds = round - 1;
        if (n == 0)
            break;
        n_added = 0;
        size_t n_whole = 0;
        size_t relabeled = 0;
        for (size_t k = 0; k < n; k++) {
            int32_t v = act[k], p = v;
            const dc_var *x = &m->vars[v];
            /* pinned at an end of its "<5" (1 or 4): the labels did it */
            if (x->hidden && !dash[v] && isfinite(x->hi) &&
                (fabs(val[v] - x->lo) < 0.5 || fabs(val[v] - x->hi) < 0.5)) {
                dash[v] = true;
                relabeled++;
                continue;
            }
            if (m->vars[v].hidden && tried[v] != (uint32_t)round) {
                tried[v] = (uint32_t)round; /* once a round, however many rows it leaks through */
                tries[v]++;
            }
            if (m->vars[v].hidden && tries[v] >= 3) {
                /* the cheapest neighbour did not free it, twice: hide every
                 * printed cell of its own equations */
                n_added += force_ring(m, v, forced, banned, added + n_added);
                continue;
            }
            if (m->vars[v].hidden)
                p = partner(m, v, queue, seen, ++stamp, rel_seen, banned);
            if (p < 0 || forced[p] || (banned[p] && !last_resort))
                continue;
            if (whole_var(m, p)) {
                act[n_whole++] = p; /* only if nothing else can serve */
                continue;
            }
            forced[p] = true;
            added[n_added++] = p;
        }
        if (n_added == 0 && n_whole > 0) {
            /* Small cells that bounds pin to the whole (12 exits in three
             * providers of "<5") can only be freed by hiding the whole. */
            for (size_t k = 0; k < n_whole; k++)
                forced[act[k]] = true;
            base = SIZE_MAX;
            continue;
        }
        if (relabeled && n_added == 0)
            continue;
        if (n_added == 0) {
            /* no cell around them can help: what pins them is the labels */
            for (size_t k = 0; k < n; k++) {
                int32_t v = act[k];
                if (m->vars[v].hidden && !dash[v] && isfinite(m->vars[v].hi)) {
                    dash[v] = true;
                    relabeled++;
                }
            }
            if (relabeled)
                continue;
        }
        if (n_added == 0 && !last_resort) {
            /* Nothing else can serve: choices banned for costing a whole
             * row are allowed again.  Privacy first. */
            last_resort = true;
            memset(banned, 0, nv * sizeof *banned);
            base = SIZE_MAX;
            continue;
        }
        if (n_added == 0)
            break; /* nothing left to hide around them: the audit reports them */
    }
    if (ok && rounds < 0)
        rounds = 200;
    free(val);
    free(act);
    free(queue);
    free(seen);
    free(rel_seen);
    free(forced);
    free(banned);
    free(dash);
    free(tries);
    free(tried);
    free(added);
    dc_gauss_plan_free(plan);
    return ok ? rounds : -1;
}
