/* The public equations between the quantities of a universe
 * (model/disclosure.h): partitions of the whole, the coach ⊂ team ⊂
 * provider and coach ⊂ region hierarchy, flows over nested periods, the
 * cohort identity of item 15 and the exits by reason behind the fees. */
#include <stdlib.h>
#include <string.h>

#include "model/disclosure_model.h"
#include "model/disclosure_quantities.h"
#include "model/funding.h"

static ips_error nomem(ips_diag *d)
{
    return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
}

static const dc_model *sort_model; /* qsort has no user pointer in C17 */

static int cmp_key(const void *a, const void *b)
{
    const dc_key *x = &sort_model->vars[*(const int32_t *)a].key;
    const dc_key *y = &sort_model->vars[*(const int32_t *)b].key;
    if (x->q != y->q)
        return x->q < y->q ? -1 : 1;
    if (x->ps != y->ps)
        return x->ps < y->ps ? -1 : 1;
    if (x->pe != y->pe)
        return x->pe < y->pe ? -1 : 1;
    if (x->by != y->by)
        return x->by < y->by ? -1 : 1;
    return (x->group > y->group) - (x->group < y->group);
}

/* Whether the groups of `by` split quantity q exactly (dc_unit). */
static bool exact_split(int q, int by)
{
    switch (dc_quantities[q].unit) {
    case DC_ITEMS: return true;
    case DC_CLIENTS:
        /* exact for the client's own attributes; for the others exact but
         * for clients of two coaches (or sources, reasons) in the period,
         * which is rare enough that an intruder would assume it: kept, and
         * dropped where these data break it (dc_model_build) */
        (void)by;
        return true;
    default: return false;
    }
}

/* Every breakdown partitions the whole: whole − Σ groups = 0 for each
 * quantity, period and breakdown (the unknown group "" included). */
static ips_error partitions(dc_model *m, const int32_t *order, size_t n, ips_diag *d)
{
    int32_t *parts = malloc((n ? n : 1) * sizeof *parts);
    if (!parts)
        return nomem(d);
    size_t i = 0;
    while (i < n) {
        dc_key head = m->vars[order[i]].key;
        size_t j = i;
        while (j < n && m->vars[order[j]].key.q == head.q && m->vars[order[j]].key.ps == head.ps &&
               m->vars[order[j]].key.pe == head.pe)
            j++;
        for (size_t k = i; k < j;) {
            int by = m->vars[order[k]].key.by;
            size_t np = 0;
            while (k < j && m->vars[order[k]].key.by == by)
                parts[np++] = order[k++];
            if (by == GROUP_NONE || by >= DC_BY_SUPPORT || !exact_split(head.q, by))
                continue;
            dc_key wk = {head.q, GROUP_NONE, head.ps, head.pe, 0};
            int32_t whole = dc_var_get(m, &wk);
            if (whole < 0 || !dc_rel_sum(m, whole, parts, np)) {
                free(parts);
                return nomem(d);
            }
        }
        i = j;
    }
    free(parts);
    return IPS_OK;
}

/* Parents of coach and team names (ids of m->names; −1 unknown, −2 a team
 * under two providers, which is then no level of a hierarchy). */
typedef struct {
    int32_t *team, *provider, *region; /* of a coach name */
    int32_t *team_provider;            /* of a team name */
    size_t n;
} parents;

static ips_error parents_build(dc_model *m, const facts *f, parents *p, ips_diag *d)
{
    memset(p, 0, sizeof *p);
    for (size_t i = 0; i < f->n_coaches; i++) {
        const fact_coach *c = &f->coaches[i];
        if (dc_intern_id(&m->names, facts_name(f, FD_COACH, c->id)) < 0 ||
            dc_intern_id(&m->names, facts_name(f, FD_TEAM, c->team)) < 0 ||
            dc_intern_id(&m->names, facts_name(f, FD_PROVIDER, c->provider)) < 0 ||
            dc_intern_id(&m->names, facts_name(f, FD_REGION, c->region)) < 0)
            return nomem(d);
    }
    p->n = m->names.n;
    p->team = malloc(p->n * sizeof *p->team);
    p->provider = malloc(p->n * sizeof *p->provider);
    p->region = malloc(p->n * sizeof *p->region);
    p->team_provider = malloc(p->n * sizeof *p->team_provider);
    if (!p->team || !p->provider || !p->region || !p->team_provider)
        return nomem(d);
    for (size_t i = 0; i < p->n; i++)
        p->team[i] = p->provider[i] = p->region[i] = p->team_provider[i] = -1;
    /* No coach: no team, provider or region either. */
    p->team[0] = p->provider[0] = p->region[0] = p->team_provider[0] = 0;
    for (size_t i = 0; i < f->n_coaches; i++) {
        const fact_coach *c = &f->coaches[i];
        int32_t cn = dc_intern_find(&m->names, facts_name(f, FD_COACH, c->id));
        int32_t tn = dc_intern_find(&m->names, facts_name(f, FD_TEAM, c->team));
        int32_t pn = dc_intern_find(&m->names, facts_name(f, FD_PROVIDER, c->provider));
        p->team[cn] = tn;
        p->provider[cn] = pn;
        p->region[cn] = dc_intern_find(&m->names, facts_name(f, FD_REGION, c->region));
        int32_t *tp = &p->team_provider[tn];
        *tp = *tp == -1 || *tp == pn ? pn : -2;
    }
    return IPS_OK;
}

static void parents_free(parents *p)
{
    free(p->team);
    free(p->provider);
    free(p->region);
    free(p->team_provider);
}

typedef struct {
    int32_t parent, child;
} edge;

static int cmp_edge(const void *a, const void *b)
{
    const edge *x = a, *y = b;
    if (x->parent != y->parent)
        return x->parent < y->parent ? -1 : 1;
    return (x->child > y->child) - (x->child < y->child);
}

/* Appends (parent var, child var) for every child of level `by` whose parent
 * (map[group], at level `up`) has a row. */
static size_t edges_of(const dc_model *m, size_t n0, int by, int up, const int32_t *map,
                       size_t nmap, edge *out, size_t ne)
{
    for (size_t v = 0; v < n0; v++) {
        const dc_key *k = &m->vars[v].key;
        if (k->by != by || (size_t)k->group >= nmap || map[k->group] < 0 ||
            dc_quantities[k->q].unit == DC_PEAK)
            continue;
        dc_key pk = {k->q, (int8_t)up, k->ps, k->pe, map[k->group]};
        int32_t p = dc_var_find(m, &pk);
        if (p >= 0)
            out[ne++] = (edge){p, (int32_t)v};
    }
    return ne;
}

static ips_error hierarchy(dc_model *m, const facts *f, size_t n0, ips_diag *d)
{
    parents p;
    ips_error e = parents_build(m, f, &p, d);
    edge *es = e == IPS_OK ? malloc((3 * n0 + 1) * sizeof *es) : NULL;
    int32_t *parts = es ? malloc((n0 + 1) * sizeof *parts) : NULL;
    if (e == IPS_OK && !parts)
        e = nomem(d);
    if (e == IPS_OK) {
        size_t ne = edges_of(m, n0, GROUP_COACH, GROUP_TEAM, p.team, p.n, es, 0);
        ne = edges_of(m, n0, GROUP_COACH, GROUP_REGION, p.region, p.n, es, ne);
        ne = edges_of(m, n0, GROUP_TEAM, GROUP_PROVIDER, p.team_provider, p.n, es, ne);
        qsort(es, ne, sizeof *es, cmp_edge);
        for (size_t i = 0; i < ne && e == IPS_OK;) {
            size_t np = 0, j = i;
            for (; j < ne && es[j].parent == es[i].parent; j++)
                parts[np++] = es[j].child;
            if (!dc_rel_sum(m, es[i].parent, parts, np))
                e = nomem(d);
            i = j;
        }
    }
    free(parts);
    free(es);
    parents_free(&p);
    return e;
}

/* The periods the universe holds, so that a missing part of a sum is known
 * to be 0 only when its period was computed. */
typedef struct {
    ips_day ps[64], pe[64];
    size_t n;
} period_list;

static void periods_held(const dc_model *m, period_list *l)
{
    l->n = 0;
    for (size_t i = 0; i < m->n_rows; i++) {
        ips_day ps = m->rows[i].ps, pe = m->rows[i].pe;
        size_t k = 0;
        while (k < l->n && (l->ps[k] != ps || l->pe[k] != pe))
            k++;
        if (k == l->n && l->n < 64) {
            l->ps[l->n] = ps;
            l->pe[l->n++] = pe;
        }
    }
}

static bool has_period(const period_list *l, ips_day ps, ips_day pe)
{
    for (size_t k = 0; k < l->n; k++)
        if (l->ps[k] == ps && l->pe[k] == pe)
            return true;
    return false;
}

/* The parts of a flow's period: for the year and each half that the key
 * (ps, pe) is, with every end cut at A as the engine cuts it (R22), the two
 * halves or quarters; a part that starts after A holds nothing. */
typedef struct {
    ips_day s[2], e[2];
} halves;

static size_t nominal_splits(ips_day ps, ips_day pe, ips_day as_of, halves *out)
{
    int y, mo, dd;
    date_to_ymd(ps, &y, &mo, &dd);
    if (dd != 1)
        return 0;
    size_t n = 0;
    /* (start month, length in months) of the year and the two halves */
    static const int parents[3][2] = {{1, 12}, {1, 6}, {7, 6}};
    for (int k = 0; k < 3; k++) {
        if (mo != parents[k][0])
            continue;
        ips_day s0 = date_from_ymd(y, parents[k][0], 1);
        ips_day e0 = date_add_months(s0, parents[k][1]) - 1;
        if ((e0 > as_of ? as_of : e0) != pe)
            continue;
        int half = parents[k][1] / 2;
        halves h;
        for (int c = 0; c < 2; c++) {
            h.s[c] = date_add_months(s0, half * c);
            ips_day ce = date_add_months(s0, half * (c + 1)) - 1;
            h.e[c] = ce > as_of ? as_of : ce;
        }
        out[n++] = h;
    }
    /* The year to date of Q3 (model/disclosure_universe.c) = H1 + Q3. */
    ips_day s0 = date_from_ymd(y, 1, 1), mid = date_add_months(s0, 6);
    ips_day e0 = date_add_months(s0, 9) - 1;
    if (mo == 1 && (e0 > as_of ? as_of : e0) == pe && as_of >= mid) {
        halves h = {{s0, mid}, {mid - 1, e0 > as_of ? as_of : e0}};
        out[n++] = h;
    }
    return n;
}

/* Flows add up: year = H1 + H2, H1 = Q1 + Q2, H2 = Q3 + Q4. */
static ips_error periods(dc_model *m, size_t n0, ips_day as_of, ips_diag *d)
{
    period_list held;
    periods_held(m, &held);
    for (size_t v = 0; v < n0; v++) {
        dc_key k = m->vars[v].key;
        if (dc_quantities[k.q].time != DC_FLOW)
            continue;
        halves hs[4];
        size_t nh = nominal_splits(k.ps, k.pe, as_of, hs);
        for (size_t i = 0; i < nh; i++) {
            int32_t parts[2];
            size_t np = 0;
            bool computed = true;
            for (int c = 0; c < 2; c++) {
                if (hs[i].s[c] > as_of)
                    continue; /* nothing exists after A */
                computed &= has_period(&held, hs[i].s[c], hs[i].e[c]);
                dc_key ck = {k.q, k.by, hs[i].s[c], hs[i].e[c], k.group};
                int32_t cv = dc_var_find(m, &ck);
                if (cv >= 0 && cv != (int32_t)v)
                    parts[np++] = cv;
            }
            if (computed && !dc_rel_sum(m, (int32_t)v, parts, np))
                return nomem(d);
        }
    }
    return IPS_OK;
}

/* whole = a + b for every key of a `whole` quantity, with the parts of the
 * same key that the universe has. */
static ips_error two_parts(dc_model *m, size_t n0, int whole, int qa, int qb, ips_diag *d)
{
    for (size_t v = 0; v < n0; v++) {
        dc_key k = m->vars[v].key;
        if (k.q != whole)
            continue;
        int32_t parts[2];
        size_t np = 0;
        dc_key a = k, b = k;
        a.q = (int16_t)qa;
        b.q = (int16_t)qb;
        int32_t va = dc_var_find(m, &a), vb = dc_var_find(m, &b);
        if (va >= 0)
            parts[np++] = va;
        if (vb >= 0)
            parts[np++] = vb;
        if (!dc_rel_sum(m, (int32_t)v, parts, np))
            return nomem(d);
    }
    return IPS_OK;
}

/* Item 15's days in bins: they add up to the measured episodes, and the
 * first two (0–15, 16–30) to those within 30 days, for each period key. */
static ips_error contact_bins(dc_model *m, size_t n0, ips_diag *d)
{
    size_t nb = 0;
    int32_t *bins = malloc((n0 ? n0 : 1) * sizeof *bins);
    if (!bins)
        return nomem(d);
    for (size_t v = 0; v < n0; v++)
        if (m->vars[v].key.q == Q_FEC_BIN && m->vars[v].key.by == DC_BY_DAYS)
            bins[nb++] = (int32_t)v;
    ips_error e = IPS_OK;
    for (size_t i = 0; e == IPS_OK && i < nb; i++) {
        const dc_key *k = &m->vars[bins[i]].key;
        bool first = true; /* the first bin of its period key does the sums */
        for (size_t j = 0; first && j < i; j++)
            first = m->vars[bins[j]].key.ps != k->ps || m->vars[bins[j]].key.pe != k->pe;
        if (!first)
            continue;
        int32_t all[32], early[2];
        size_t na = 0, ne = 0;
        for (size_t j = i; j < nb; j++) {
            const dc_key *x = &m->vars[bins[j]].key;
            if (x->ps != k->ps || x->pe != k->pe)
                continue;
            const char *g = m->names.s[x->group];
            if (na < 32)
                all[na++] = bins[j];
            if (ne < 2 && (strcmp(g, "0-15") == 0 || strcmp(g, "16-30") == 0))
                early[ne++] = bins[j];
        }
        dc_key mk = {Q_FEC_MEASURED, GROUP_NONE, k->ps, k->pe, 0};
        dc_key wk = {Q_FEC_30, GROUP_NONE, k->ps, k->pe, 0};
        int32_t mv = dc_var_get(m, &mk), wv = dc_var_get(m, &wk);
        if (mv < 0 || wv < 0 || !dc_rel_sum(m, mv, all, na) || !dc_rel_sum(m, wv, early, ne))
            e = nomem(d);
    }
    free(bins);
    return e;
}

static bool listed(const char *const *list, const char *s)
{
    for (; list && *list; list++)
        if (strcmp(*list, s) == 0)
            return true;
    return false;
}

/* Exits to a job, and the fees, are sums of exits by reason: the whole's
 * count is the sum of those reasons' rows of the exit_reason breakdown, and
 * a reason's own row in that breakdown is its exits. */
static ips_error exit_sums(dc_model *m, size_t n0, const metric_query *q, ips_diag *d)
{
    static const char *const open[] = {"employed_open", NULL};
    static const char *const any[] = {"employed_open", "employed_subsidized", NULL};
    const struct {
        int q;
        const char *const *reasons;
    } sums[] = {
        {Q_EXITS_OPEN, open},
        {Q_EXITS_ANY, any},
        {Q_FEE_OUTCOME, q->outcome_reasons ? q->outcome_reasons : funding_default_outcome_reasons},
        {Q_FEE_GUIDANCE,
         q->guidance_reasons ? q->guidance_reasons : funding_default_guidance_reasons},
    };
    int32_t *parts = malloc((m->names.n + 1) * sizeof *parts);
    if (!parts)
        return nomem(d);
    for (size_t v = 0; v < n0; v++) {
        dc_key k = m->vars[v].key;
        for (size_t s = 0; s < sizeof sums / sizeof sums[0]; s++) {
            if (k.q != sums[s].q)
                continue;
            size_t np = 0;
            if (k.by == GROUP_NONE) {
                for (const char *const *r = sums[s].reasons; *r; r++) {
                    dc_key e = {Q_EXITS, GROUP_EXIT_REASON, k.ps, k.pe,
                                dc_intern_find(&m->names, *r)};
                    int32_t ve = e.group >= 0 ? dc_var_find(m, &e) : -1;
                    if (ve >= 0)
                        parts[np++] = ve;
                }
            } else if (k.by == GROUP_EXIT_REASON && listed(sums[s].reasons, m->names.s[k.group])) {
                dc_key e = {Q_EXITS, GROUP_EXIT_REASON, k.ps, k.pe, k.group};
                int32_t ve = dc_var_find(m, &e);
                if (ve >= 0)
                    parts[np++] = ve;
            }
            if (!dc_rel_sum(m, (int32_t)v, parts, np)) {
                free(parts);
                return nomem(d);
            }
        }
    }
    free(parts);
    return IPS_OK;
}

ips_error dc_relations_build(dc_model *m, const facts *f, const metric_query *q, ips_diag *d)
{
    size_t n0 = m->n_vars; /* the shown variables; sums may add unshown wholes */
    int32_t *order = malloc((n0 ? n0 : 1) * sizeof *order);
    if (!order)
        return nomem(d);
    for (size_t i = 0; i < n0; i++)
        order[i] = (int32_t)i;
    sort_model = m;
    qsort(order, n0, sizeof *order, cmp_key);
    sort_model = NULL;
    ips_error e = partitions(m, order, n0, d);
    free(order);
    if (e == IPS_OK)
        e = hierarchy(m, f, n0, d);
    if (e == IPS_OK)
        e = periods(m, n0, q->as_of, d);
    /* Item 15: the episodes started in W are measured or pending, and the
     * same episodes are the time-to-first-job cohort. */
    if (e == IPS_OK)
        e = two_parts(m, n0, Q_TTJ_COHORT, Q_FEC_MEASURED, Q_FEC_PENDING, d);
    if (e == IPS_OK)
        e = exit_sums(m, n0, q, d);
    if (e == IPS_OK)
        e = contact_bins(m, n0, d);
    /* The funder's leavers (model/funder.h) are those six months on and
     * those not yet there. */
    if (e == IPS_OK)
        e = two_parts(m, n0, Q_ESF_LEAVERS, Q_ESF_KNOWN, Q_ESF_PENDING, d);
    return e;
}
