/* Employment outcomes of metrics.md: caseload, starts, exits, employment
 * rate (R6), employment at exit, time to first job and tenure (R7–R9, in
 * outcomes_km.c), hours per week (R21) and referral wait.
 *
 * Each query is set-based and grouped by the breakdown's SQL expression, so
 * a client with episodes in two groups counts in each (R20).  The results
 * are gathered as cells and then written as one row per metric and group;
 * every group seen by any of the queries gets a row for every metric, so a
 * report's table has the same groups throughout (counts 0, shares blank). */
#include "model/outcomes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/metric_families.h"

ips_error outcome_cells_add(outcome_cells *c, const char *group, outcome_slot slot, double value)
{
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 64;
        outcome_cell *v = realloc(c->v, cap * sizeof *v);
        if (!v)
            return IPS_ERR_NOMEM;
        c->v = v;
        c->cap = cap;
    }
    outcome_cell *cell = &c->v[c->n++];
    snprintf(cell->group, sizeof cell->group, "%s", group ? group : "");
    cell->slot = slot;
    cell->value = value;
    return IPS_OK;
}

/* The joins the breakdown's expression needs: a join that no column uses is
 * skipped, which saves a lookup per episode on large warehouses. */
static const char *group_joins(const char *group_sql, char *buf, size_t n)
{
    snprintf(buf, n, "%s%s",
             strstr(group_sql, "cl.") ? " JOIN clients cl ON cl.client_id = e.client_id" : "",
             strstr(group_sql, "co.") ? " LEFT JOIN coaches co ON co.coach_id = e.coach_id" : "");
    return buf;
}

/* Copies tmpl into sql with {g} and {joins} replaced; false when too long. */
static bool expand(const char *tmpl, const char *g, const char *joins, char *sql, size_t n)
{
    size_t len = 0;
    for (const char *p = tmpl; *p;) {
        const char *put = p;
        size_t k = 1;
        if (strncmp(p, "{g}", 3) == 0) {
            put = g;
            k = strlen(g);
            p += 3;
        } else if (strncmp(p, "{joins}", 7) == 0) {
            put = joins;
            k = strlen(joins);
            p += 7;
        } else {
            p++;
        }
        if (len + k >= n)
            return false;
        memcpy(sql + len, put, k);
        len += k;
    }
    sql[len] = '\0';
    return true;
}

ips_error outcomes_prepare(const metric_ctx *ctx, const char *tmpl, sqlite3_stmt **st,
                           ips_diag *d)
{
    const char *g = metric_group_sql(ctx->q->by);
    char joins[160], sql[6144];
    if (!expand(tmpl, g, group_joins(g, joins, sizeof joins), sql, sizeof sql))
        return ips_diag_set(d, IPS_ERR_DB, "internal error: an outcome query is too long");
    return metric_ctx_prepare(ctx, sql, st, d);
}

static const char *column_group(sqlite3_stmt *st)
{
    const unsigned char *g = sqlite3_column_text(st, 0);
    return g ? (const char *)g : "";
}

/* One pass over the ips episodes active in P: an episode started or ended in
 * P is always active in P, so starts and exits come from the same scan.  The
 * inner query has one row per group and client, so the outer count(*) counts
 * distinct clients per group (R20).  The employment test overlaps the job
 * with P and the episode's days, so a job begun before the episode counts
 * from the episode's start (R6).  The unary + keeps SQLite from walking the
 * start_date index for a condition that nearly every row meets. */
static const char episodes_sql[] =
    "SELECT g, count(*), total(employed), total(started), total(ended), total(ended_open),"
    " total(ended_any) FROM ("
    " SELECT {g} AS g, e.client_id,"
    "  max(EXISTS (SELECT 1 FROM jb j WHERE j.client_id = e.client_id AND j.competitive = 1"
    "   AND j.start_date <= coalesce(min(e.end_date, :p_end), :p_end)"
    "   AND (j.end_date IS NULL OR j.end_date >= max(e.start_date, :p_start)))) AS employed,"
    "  total(e.start_date >= :p_start) AS started,"
    "  total(e.end_date <= :p_end) AS ended,"
    "  total(e.end_date <= :p_end AND e.exit_reason = 'employed_open') AS ended_open,"
    "  total(e.end_date <= :p_end AND e.exit_reason IN ('employed_open', 'employed_subsidized'))"
    "   AS ended_any"
    " FROM ep e{joins}"
    " WHERE e.service = 'ips' AND +e.start_date <= :p_end"
    " AND (e.end_date IS NULL OR e.end_date >= :p_start)"
    " GROUP BY 1, 2)"
    " GROUP BY 1";

/* R5 and R21: competitive jobs of ips episodes held in P with hours given. */
static const char hours_sql[] =
    "SELECT {g} AS g, count(*), total(j.hours_per_week)"
    " FROM (SELECT j.*, " OUTCOME_JOB_EPISODE_SQL " AS eid FROM jb j"
    "  WHERE j.competitive = 1 AND j.hours_per_week IS NOT NULL"
    "  AND j.start_date <= :p_end AND (j.end_date IS NULL OR j.end_date >= :p_start)) j"
    " JOIN ep e ON e.enrollment_id = j.eid{joins}"
    " WHERE e.service = 'ips' GROUP BY 1";

/* Waits sorted within each group so the median is read off in one pass;
 * negative waits (referral dated after the start) are kept (R17). */
static const char wait_sql[] =
    "SELECT {g} AS g,"
    " CAST(round(julianday(e.start_date) - julianday(e.referral_date)) AS INTEGER) AS w"
    " FROM ep e{joins}"
    " WHERE e.service = 'ips' AND e.referral_date IS NOT NULL"
    " AND e.start_date BETWEEN :p_start AND :p_end"
    " ORDER BY 1, 2";

/* Runs a grouped statement and stores column i + 1 as slots[i]. */
static ips_error grouped_cells(const metric_ctx *ctx, const char *tmpl, const outcome_slot *slots,
                               int nslots, outcome_cells *cells, ips_diag *d)
{
    sqlite3_stmt *st;
    ips_error e = outcomes_prepare(ctx, tmpl, &st, d);
    int rc = SQLITE_DONE;
    while (e == IPS_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
        for (int i = 0; e == IPS_OK && i < nslots; i++)
            e = outcome_cells_add(cells, column_group(st), slots[i],
                                  sqlite3_column_double(st, i + 1));
    if (e == IPS_OK && rc != SQLITE_DONE)
        e = warehouse_fail(ctx->wh, d, "computing employment outcomes");
    sqlite3_finalize(st);
    if (e == IPS_ERR_NOMEM)
        ips_diag_set(d, e, "out of memory");
    return e;
}

/* The median of the sorted values v[0..n-1]; an even count takes the mean
 * of the two middle values (R17). */
static double median_sorted(const int *v, size_t n)
{
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + (double)v[n / 2]) / 2.0;
}

static ips_error flush_wait(outcome_cells *cells, const char *group, const int *v, size_t n)
{
    ips_error e = outcome_cells_add(cells, group, OS_WAIT_N, (double)n);
    if (e == IPS_OK)
        e = outcome_cells_add(cells, group, OS_WAIT_MEDIAN, median_sorted(v, n));
    return e;
}

static ips_error referral_wait(const metric_ctx *ctx, outcome_cells *cells, ips_diag *d)
{
    sqlite3_stmt *st;
    ips_error e = outcomes_prepare(ctx, wait_sql, &st, d);
    if (e != IPS_OK)
        return e;
    char group[96] = "";
    int *v = NULL;
    size_t n = 0, cap = 0;
    int rc = SQLITE_DONE;
    while (e == IPS_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *g = column_group(st);
        if (n > 0 && strncmp(g, group, sizeof group - 1) != 0) {
            e = flush_wait(cells, group, v, n);
            n = 0;
        }
        snprintf(group, sizeof group, "%s", g);
        if (e == IPS_OK && n == cap) {
            cap = cap ? cap * 2 : 256;
            int *nv = realloc(v, cap * sizeof *nv);
            if (!nv)
                e = IPS_ERR_NOMEM;
            else
                v = nv;
        }
        if (e == IPS_OK)
            v[n++] = sqlite3_column_int(st, 1);
    }
    if (e == IPS_OK && rc != SQLITE_DONE)
        e = warehouse_fail(ctx->wh, d, "computing referral waits");
    if (e == IPS_OK && n > 0)
        e = flush_wait(cells, group, v, n);
    free(v);
    sqlite3_finalize(st);
    if (e == IPS_ERR_NOMEM)
        ips_diag_set(d, e, "out of memory");
    return e;
}

/* ---- writing rows ---------------------------------------------------- */

typedef struct {
    const char *name;
    double v[OS__COUNT];
    bool has[OS__COUNT];
} outcome_group;

static int cell_cmp(const void *a, const void *b)
{
    const outcome_cell *x = a, *y = b;
    return strcmp(x->group, y->group);
}

/* Folds the cells into one record per group, sorted by group name. */
static outcome_group *fold_groups(outcome_cells *cells, size_t *ngroups)
{
    size_t groups = 0;
    if (cells->n > 0)
        qsort(cells->v, cells->n, sizeof *cells->v, cell_cmp);
    for (size_t i = 0; i < cells->n; i++)
        groups += i == 0 || strcmp(cells->v[i - 1].group, cells->v[i].group) != 0;
    outcome_group *g = calloc(groups ? groups : 1, sizeof *g);
    if (!g)
        return NULL;
    size_t n = 0;
    for (size_t i = 0; i < cells->n; i++) {
        const outcome_cell *c = &cells->v[i];
        if (n == 0 || strcmp(g[n - 1].name, c->group) != 0)
            g[n++].name = c->group;
        g[n - 1].v[c->slot] += c->value;
        g[n - 1].has[c->slot] = true;
    }
    *ngroups = n;
    return g;
}

typedef struct {
    const metric_ctx *ctx;
    metric_set *out;
    const outcome_group *g;
    size_t ng;
} emitter;

static metric_row *new_row(const emitter *em, size_t i, const char *id, metric_kind kind)
{
    metric_row *r = metric_ctx_row(em->ctx, em->out, id, kind, em->g[i].name);
    if (r)
        r->decimals = kind == MK_COUNT ? 0 : 1;
    return r;
}

/* R18: counts give the value only. */
static ips_error emit_count(const emitter *em, const char *id, outcome_slot slot)
{
    for (size_t i = 0; i < em->ng; i++) {
        metric_row *r = new_row(em, i, id, MK_COUNT);
        if (!r)
            return IPS_ERR_NOMEM;
        r->has = MH_VALUE;
        r->value = em->g[i].v[slot];
    }
    return IPS_OK;
}

/* Shares give numerator, denominator and a value that is blank, not 0, when
 * the denominator is empty. */
static ips_error emit_share(const emitter *em, const char *id, outcome_slot num, outcome_slot den)
{
    for (size_t i = 0; i < em->ng; i++) {
        metric_row *r = new_row(em, i, id, MK_SHARE);
        if (!r)
            return IPS_ERR_NOMEM;
        r->has = MH_NUMERATOR | MH_DENOMINATOR;
        r->numerator = em->g[i].v[num];
        r->denominator = em->g[i].v[den];
        if (r->denominator > 0) {
            r->has |= MH_VALUE;
            r->value = metric_round(100.0 * r->numerator / r->denominator, 1);
        }
    }
    return IPS_OK;
}

/* Medians and KM figures: the observations (cohort) as denominator and the
 * value only where it is defined. */
static ips_error emit_observed(const emitter *em, const char *id, metric_kind kind,
                               outcome_slot n, outcome_slot val)
{
    for (size_t i = 0; i < em->ng; i++) {
        metric_row *r = new_row(em, i, id, kind);
        if (!r)
            return IPS_ERR_NOMEM;
        r->has = MH_DENOMINATOR;
        r->denominator = em->g[i].v[n];
        if (em->g[i].has[val] && r->denominator > 0) {
            r->has |= MH_VALUE;
            r->value = metric_round(em->g[i].v[val], 1);
        }
    }
    return IPS_OK;
}

static ips_error emit_mean(const emitter *em, const char *id, outcome_slot n, outcome_slot sum)
{
    for (size_t i = 0; i < em->ng; i++) {
        metric_row *r = new_row(em, i, id, MK_MEAN);
        if (!r)
            return IPS_ERR_NOMEM;
        r->has = MH_DENOMINATOR;
        r->denominator = em->g[i].v[n];
        if (r->denominator > 0) {
            r->has |= MH_VALUE;
            r->value = metric_round(em->g[i].v[sum] / r->denominator, 1);
        }
    }
    return IPS_OK;
}

/* The order of metrics.md's table. */
static ips_error emit_all(const emitter *em)
{
    ips_error e = emit_count(em, "caseload_active", OS_CASELOAD);
    if (e == IPS_OK)
        e = emit_count(em, "enrollments_started", OS_STARTED);
    if (e == IPS_OK)
        e = emit_count(em, "exits", OS_EXITS);
    if (e == IPS_OK)
        e = emit_share(em, "employment_rate", OS_EMPLOYED, OS_CASELOAD);
    if (e == IPS_OK)
        e = emit_share(em, "employment_at_exit", OS_EXIT_OPEN, OS_EXITS);
    if (e == IPS_OK)
        e = emit_share(em, "employed_at_exit_any", OS_EXIT_ANY, OS_EXITS);
    if (e == IPS_OK)
        e = emit_observed(em, "time_to_first_job_median_days", MK_KM, OS_TTJ_N, OS_TTJ_MEDIAN);
    if (e == IPS_OK)
        e = emit_observed(em, "employed_within_180_days", MK_KM, OS_TTJ_N, OS_TTJ_180);
    if (e == IPS_OK)
        e = emit_observed(em, "employed_within_365_days", MK_KM, OS_TTJ_N, OS_TTJ_365);
    if (e == IPS_OK)
        e = emit_observed(em, "job_tenure_median_days", MK_KM, OS_TENURE_N, OS_TENURE_MEDIAN);
    if (e == IPS_OK)
        e = emit_mean(em, "hours_per_week_mean", OS_HOURS_N, OS_HOURS_SUM);
    if (e == IPS_OK)
        e = emit_observed(em, "referral_wait_median_days", MK_MEDIAN, OS_WAIT_N, OS_WAIT_MEDIAN);
    return e;
}

static ips_error collect(const metric_ctx *ctx, outcome_cells *cells, ips_diag *d)
{
    static const outcome_slot episode_slots[] = {OS_CASELOAD, OS_EMPLOYED, OS_STARTED,
                                                 OS_EXITS,    OS_EXIT_OPEN, OS_EXIT_ANY};
    static const outcome_slot hours_slots[] = {OS_HOURS_N, OS_HOURS_SUM};
    ips_error e = IPS_OK;
    /* Without a breakdown there is always the one whole row, data or not. */
    if (ctx->q->by == GROUP_NONE)
        e = outcome_cells_add(cells, "", OS_CASELOAD, 0);
    if (e == IPS_OK)
        e = grouped_cells(ctx, episodes_sql, episode_slots, 6, cells, d);
    if (e == IPS_OK)
        e = grouped_cells(ctx, hours_sql, hours_slots, 2, cells, d);
    if (e == IPS_OK)
        e = referral_wait(ctx, cells, d);
    if (e == IPS_OK)
        e = outcomes_km_compute(ctx, cells, d);
    return e;
}

ips_error outcomes_compute(const metric_ctx *ctx, metric_set *out, ips_diag *d)
{
    outcome_cells cells = {0};
    ips_error e = collect(ctx, &cells, d);
    if (e == IPS_OK) {
        emitter em = {ctx, out, NULL, 0};
        outcome_group *g = fold_groups(&cells, &em.ng);
        em.g = g;
        e = g ? emit_all(&em) : IPS_ERR_NOMEM;
        free(g);
        if (e == IPS_ERR_NOMEM)
            ips_diag_set(d, e, "out of memory");
    } else if (e == IPS_ERR_NOMEM) {
        ips_diag_set(d, e, "out of memory");
    }
    free(cells.v);
    return e;
}
