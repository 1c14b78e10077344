/* The Kaplan–Meier outcomes: time to first job (R7) and job tenure (R9),
 * as metric cells and, for charts, as step curves (model/curves.h).
 * SQL gives one (group, days, event) row per observation, sorted by group;
 * the curve is fitted in C (model/km.c). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/curves.h"
#include "model/engine.h"
#include "model/outcomes.h"

/* R7: the cohort is the ips episodes started in W; the event is the first
 * competitive job of the client (any job, R5 does not apply) starting from
 * the episode's start to min(end_date, A); otherwise censored there.  The
 * ep view already reads an end after A as open, so min(end, A) is
 * coalesce(end, A). */
static const char time_to_job_sql[] =
    "SELECT g, CAST(round(julianday(coalesce(fj, stop)) - julianday(s)) AS INTEGER),"
    " fj IS NOT NULL FROM ("
    " SELECT {g} AS g, e.start_date AS s, coalesce(e.end_date, :as_of) AS stop,"
    "  (SELECT min(j.start_date) FROM jb j WHERE j.client_id = e.client_id"
    "   AND j.competitive = 1 AND j.start_date >= e.start_date"
    "   AND j.start_date <= coalesce(e.end_date, :as_of)) AS fj"
    " FROM ep e{joins}"
    " WHERE e.service = 'ips' AND e.start_date BETWEEN :w_start AND :w_end)"
    " ORDER BY 1";

/* R9 with R5: competitive jobs of ips episodes started in W; every ended job
 * is an event, an open one (or one ending after A) is censored at A.  A job
 * takes its episode's groups (R20). */
static const char tenure_sql[] =
    "SELECT {g} AS g,"
    " CAST(round(julianday(coalesce(j.end_date, :as_of)) - julianday(j.start_date)) AS INTEGER),"
    " j.end_date IS NOT NULL"
    " FROM (SELECT j.*, " OUTCOME_JOB_EPISODE_SQL " AS eid FROM jb j"
    "  WHERE j.competitive = 1 AND j.start_date BETWEEN :w_start AND :w_end) j"
    " JOIN ep e ON e.enrollment_id = j.eid{joins}"
    " WHERE e.service = 'ips' ORDER BY 1";

/* Called once per group with that group's fitted curve; takes ownership. */
typedef ips_error (*km_group_fn)(const char *group, km_curve *curve, void *user);

typedef struct {
    km_obs *v;
    size_t n, cap;
} obs_buf;

static ips_error obs_push(obs_buf *b, int time, bool event)
{
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        km_obs *v = realloc(b->v, cap * sizeof *v);
        if (!v)
            return IPS_ERR_NOMEM;
        b->v = v;
        b->cap = cap;
    }
    b->v[b->n++] = (km_obs){time, event};
    return IPS_OK;
}

static ips_error flush_group(obs_buf *b, const char *group, km_group_fn fn, void *user)
{
    km_curve *c;
    ips_error e = km_fit(b->v, b->n, &c);
    b->n = 0;
    return e == IPS_OK ? fn(group, c, user) : e;
}

/* Runs tmpl (rows: group, days, event; sorted by group) and fits a curve per group. */
static ips_error km_groups(const metric_ctx *ctx, const char *tmpl, km_group_fn fn, void *user,
                           ips_diag *d)
{
    sqlite3_stmt *st;
    ips_error e = outcomes_prepare(ctx, tmpl, &st, d);
    if (e != IPS_OK)
        return e;
    obs_buf b = {0};
    char group[96] = "";
    int rc = SQLITE_DONE;
    while (e == IPS_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const unsigned char *gt = sqlite3_column_text(st, 0);
        const char *g = gt ? (const char *)gt : "";
        if (b.n > 0 && strncmp(g, group, sizeof group - 1) != 0)
            e = flush_group(&b, group, fn, user);
        snprintf(group, sizeof group, "%s", g);
        if (e == IPS_OK)
            e = obs_push(&b, sqlite3_column_int(st, 1), sqlite3_column_int(st, 2) != 0);
    }
    if (e == IPS_OK && rc != SQLITE_DONE)
        e = warehouse_fail(ctx->wh, d, "computing Kaplan-Meier cohorts");
    if (e == IPS_OK && b.n > 0)
        e = flush_group(&b, group, fn, user);
    free(b.v);
    sqlite3_finalize(st);
    if (e == IPS_ERR_NOMEM)
        ips_diag_set(d, e, "out of memory");
    return e;
}

/* ---- metric cells ---------------------------------------------------- */

typedef struct {
    outcome_cells *cells;
    outcome_slot n_slot, median_slot;
    bool within;  /* also 1 − S(180) and 1 − S(365) */
} km_cells_target;

static ips_error curve_to_cells(const char *group, km_curve *c, void *user)
{
    const km_cells_target *t = user;
    double median;
    ips_error e = outcome_cells_add(t->cells, group, t->n_slot, (double)c->cohort);
    if (e == IPS_OK && km_median(c, &median))
        e = outcome_cells_add(t->cells, group, t->median_slot, median);
    if (e == IPS_OK && t->within)
        e = outcome_cells_add(t->cells, group, OS_TTJ_180, 100.0 * (1.0 - km_survival(c, 180)));
    if (e == IPS_OK && t->within)
        e = outcome_cells_add(t->cells, group, OS_TTJ_365, 100.0 * (1.0 - km_survival(c, 365)));
    km_curve_free(c);
    return e;
}

ips_error outcomes_km_compute(const metric_ctx *ctx, outcome_cells *cells, ips_diag *d)
{
    km_cells_target ttj = {cells, OS_TTJ_N, OS_TTJ_MEDIAN, true};
    km_cells_target tenure = {cells, OS_TENURE_N, OS_TENURE_MEDIAN, false};
    ips_error e = km_groups(ctx, time_to_job_sql, curve_to_cells, &ttj, d);
    if (e == IPS_OK)
        e = km_groups(ctx, tenure_sql, curve_to_cells, &tenure, d);
    return e;
}

/* ---- curves for charts (model/curves.h) ------------------------------ */

void km_curve_list_free(km_curve_list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->n; i++)
        km_curve_free(list->items[i].curve);
    free(list->items);
    free(list);
}

static ips_error curve_to_list(const char *group, km_curve *c, void *user)
{
    km_curve_list *list = user;
    km_group_curve *items = realloc(list->items, (list->n + 1) * sizeof *items);
    if (!items) {
        km_curve_free(c);
        return IPS_ERR_NOMEM;
    }
    list->items = items;
    snprintf(items[list->n].group, sizeof items[list->n].group, "%s", group);
    items[list->n++].curve = c;
    return IPS_OK;
}

static ips_error legacy_curves(warehouse *wh, const metric_query *q, km_curve_list **out,
                               ips_diag *d)
{
    *out = NULL;
    if (q->start == IPS_DAY_NONE || q->end == IPS_DAY_NONE || q->end < q->start)
        return ips_diag_set(d, IPS_ERR_PERIOD, "no valid period given");
    metric_ctx ctx;
    ips_error e = metric_ctx_init(&ctx, wh, q, d);
    if (e != IPS_OK)
        return e;
    km_curve_list *list = calloc(1, sizeof *list);
    if (!list)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    e = km_groups(&ctx, time_to_job_sql, curve_to_list, list, d);
    if (e != IPS_OK) {
        km_curve_list_free(list);
        return e;
    }
    *out = list;
    return IPS_OK;
}

static bool curve_equal(const km_curve *a, const km_curve *b)
{
    if (a->cohort != b->cohort || a->events != b->events || a->n != b->n ||
        a->last_time != b->last_time)
        return false;
    for (size_t i = 0; i < a->n; i++)
        if (a->time[i] != b->time[i] || fabs(a->surv[i] - b->surv[i]) > 1e-12 ||
            a->at_risk[i] != b->at_risk[i] || a->deaths[i] != b->deaths[i])
            return false;
    return true;
}

/* The first difference of two curve lists in why; true when there is none. */
static bool curves_equal(const km_curve_list *a, const km_curve_list *b, char *why, size_t n)
{
    for (size_t i = 0; i < a->n && i < b->n; i++) {
        if (strcmp(a->items[i].group, b->items[i].group) != 0) {
            snprintf(why, n, "curve %zu: group '%s' (legacy), '%s' (engine)", i,
                     a->items[i].group, b->items[i].group);
            return false;
        }
        const km_curve *x = a->items[i].curve, *y = b->items[i].curve;
        if (!curve_equal(x, y)) {
            snprintf(why, n, "curve of group '%s': cohort %zu/%zu, events %zu/%zu, steps %zu/%zu "
                     "(legacy/engine)", a->items[i].group, x->cohort, y->cohort, x->events,
                     y->events, x->n, y->n);
            return false;
        }
    }
    if (a->n != b->n) {
        snprintf(why, n, "legacy has %zu curves, engine %zu", a->n, b->n);
        return false;
    }
    return true;
}

static ips_error engine_curves(warehouse *wh, const metric_query *q, km_curve_list **out,
                               ips_diag *d)
{
    *out = NULL;
    const facts *f;
    ips_error e = facts_get(wh, q->as_of, &f, d);
    return e == IPS_OK ? engine_time_to_job_curves(f, q, out, d) : e;
}

/* IPSREPORT_ENGINE as in metrics_compute(): "engine" draws from the facts,
 * "check" computes both ways and fails on a difference (giving the engine's
 * curves), anything else the SQL above. */
ips_error outcomes_time_to_job_curves(warehouse *wh, const metric_query *q, km_curve_list **out,
                                      ips_diag *d)
{
    *out = NULL;
    const char *mode = getenv("IPSREPORT_ENGINE");
    if (!mode || (strcmp(mode, "engine") != 0 && strcmp(mode, "check") != 0))
        return legacy_curves(wh, q, out, d);
    if (strcmp(mode, "engine") == 0)
        return engine_curves(wh, q, out, d);
    km_curve_list *legacy, *fresh = NULL;
    ips_error e = legacy_curves(wh, q, &legacy, d);
    if (e == IPS_OK)
        e = engine_curves(wh, q, &fresh, d);
    char why[512];
    if (e == IPS_OK && !curves_equal(legacy, fresh, why, sizeof why))
        e = ips_diag_set(d, IPS_ERR_DB, "engine check: time-to-job curves: %s", why);
    km_curve_list_free(legacy);
    if (e != IPS_OK) {
        km_curve_list_free(fresh);
        return e;
    }
    *out = fresh;
    return IPS_OK;
}

ips_error outcomes_time_to_job_curve(warehouse *wh, const metric_query *q, km_curve **out,
                                     ips_diag *d)
{
    *out = NULL;
    metric_query whole = *q;
    whole.by = GROUP_NONE;
    km_curve_list *list;
    ips_error e = outcomes_time_to_job_curves(wh, &whole, &list, d);
    if (e != IPS_OK)
        return e;
    if (list->n > 0) {
        *out = list->items[0].curve;
        list->items[0].curve = NULL;
    } else {
        e = km_fit(NULL, 0, out);
        if (e != IPS_OK)
            ips_diag_set(d, e, "out of memory");
    }
    km_curve_list_free(list);
    return e;
}
