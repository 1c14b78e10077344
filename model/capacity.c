/* Team capacity (metrics.md "Team capacity", seed 001): per region and for
 * all regions, in the calendar year Y that contains p_end, how many clients
 * the ips service had and how many coach fte that takes, against the fte
 * employed.  The days counted are Y-01-01 .. min(Y-12-31, A): nothing after
 * the as-of date exists (R1).  Definitions in docs/metrics-notes.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/metric_families.h"

/* Clients a coach can hold at once: item 1's limit for score 5. */
#define CASELOAD_LIMIT 20.0

typedef struct {
    char name[96];
    long clients;   /* distinct clients active in the year */
    double fte;     /* fte of coaches employed on the last day */
    long peak;      /* most clients active on one day */
} region_cap;

typedef struct {
    region_cap *r;
    size_t n;
    ips_day year_start, year_end;    /* the calendar year, for the rows */
    char y_start[11], y_last[11];     /* the days counted */
    int days;                         /* y_start .. y_last, inclusive */
} cap_state;

static region_cap *region_get(cap_state *cs, const char *name)
{
    for (size_t i = 0; i < cs->n; i++)
        if (strcmp(cs->r[i].name, name) == 0)
            return &cs->r[i];
    region_cap *r = realloc(cs->r, (cs->n + 1) * sizeof *r);
    if (!r)
        return NULL;
    cs->r = r;
    r = &cs->r[cs->n++];
    memset(r, 0, sizeof *r);
    snprintf(r->name, sizeof r->name, "%s", name);
    return r;
}

static ips_error prepare(const metric_ctx *ctx, const cap_state *cs, const char *sql,
                         sqlite3_stmt **st, ips_diag *d)
{
    ips_error e = metric_ctx_prepare(ctx, sql, st, d);
    if (e != IPS_OK)
        return e;
    sqlite3_bind_text(*st, sqlite3_bind_parameter_index(*st, ":y_start"), cs->y_start, -1,
                      SQLITE_STATIC);
    sqlite3_bind_text(*st, sqlite3_bind_parameter_index(*st, ":y_last"), cs->y_last, -1,
                      SQLITE_STATIC);
    return IPS_OK;
}

static const char *col_text(sqlite3_stmt *st, int i)
{
    const unsigned char *s = sqlite3_column_text(st, i);
    return s ? (const char *)s : "";
}

/* Region (or '' for the whole when by_region is false) of an episode: its coach's. */
#define CAP_REGION(by_region) ((by_region) ? "coalesce(co.region, '')" : "''")
#define CAP_ACTIVE_IN_YEAR                                                      \
    " WHERE e.service = 'ips' AND e.start_date <= :y_last"                     \
    " AND (e.end_date IS NULL OR e.end_date >= :y_start)"

/* Distinct clients and coach fte per region; regions are those with a client
 * active in the year or a coach employed on some day of it. */
static ips_error read_counts(const metric_ctx *ctx, cap_state *cs, bool by_region, ips_diag *d)
{
    char clients[512], coaches[512];
    snprintf(clients, sizeof clients,
             "SELECT %s AS g, count(DISTINCT e.client_id) FROM ep e"
             " LEFT JOIN coaches co ON co.coach_id = e.coach_id" CAP_ACTIVE_IN_YEAR " GROUP BY g",
             CAP_REGION(by_region));
    snprintf(coaches, sizeof coaches,
             "SELECT %s AS g, total(CASE WHEN co.end_date IS NULL OR co.end_date >= :y_last"
             " THEN co.fte END) FROM coaches co"
             " WHERE (co.start_date IS NULL OR co.start_date <= :y_last)"
             " AND (co.end_date IS NULL OR co.end_date >= :y_start) GROUP BY g",
             CAP_REGION(by_region));
    const char *sql[2] = {clients, coaches};
    for (int q = 0; q < 2; q++) {
        sqlite3_stmt *st;
        ips_error e = prepare(ctx, cs, sql[q], &st, d);
        if (e != IPS_OK)
            return e;
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            region_cap *r = region_get(cs, col_text(st, 0));
            if (!r) {
                sqlite3_finalize(st);
                return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
            }
            if (q == 0)
                r->clients = sqlite3_column_int64(st, 1);
            else
                r->fte = sqlite3_column_double(st, 1);
        }
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE)
            return warehouse_fail(ctx->wh, d, "computing team capacity");
    }
    return IPS_OK;
}

/* Sweep state: one client's episodes in one region are merged first, so a
 * client with overlapping episodes counts once a day. */
typedef struct {
    int *diff;              /* days + 1 counters */
    char region[96], client[256];
    int s, e;               /* the current merged span, day offsets; s < 0 = none */
} sweep;

static void sweep_flush_span(sweep *sw)
{
    if (sw->s >= 0) {
        sw->diff[sw->s]++;
        sw->diff[sw->e + 1]--;
    }
    sw->s = -1;
}

static long sweep_peak(sweep *sw, int days)
{
    long cur = 0, peak = 0;
    for (int i = 0; i < days; i++) {
        cur += sw->diff[i];
        if (cur > peak)
            peak = cur;
    }
    memset(sw->diff, 0, (size_t)(days + 1) * sizeof *sw->diff);
    return peak;
}

static ips_error set_peak(cap_state *cs, sweep *sw, ips_diag *d)
{
    sweep_flush_span(sw);
    region_cap *r = region_get(cs, sw->region);
    if (!r)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    r->peak = sweep_peak(sw, cs->days);
    return IPS_OK;
}

/* The most clients active on one day of the year, per region. */
static ips_error read_peaks(const metric_ctx *ctx, cap_state *cs, bool by_region, ips_diag *d)
{
    char sql[768];
    snprintf(sql, sizeof sql,
             "SELECT %s AS g, e.client_id,"
             " CAST(julianday(max(e.start_date, :y_start)) - julianday(:y_start) AS INTEGER),"
             " CAST(julianday(min(coalesce(e.end_date, :y_last), :y_last)) - julianday(:y_start)"
             " AS INTEGER) FROM ep e LEFT JOIN coaches co ON co.coach_id = e.coach_id"
             CAP_ACTIVE_IN_YEAR " ORDER BY 1, 2, 3",
             CAP_REGION(by_region));
    sweep sw = {.s = -1};
    sw.diff = calloc((size_t)cs->days + 1, sizeof *sw.diff);
    if (!sw.diff)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    sqlite3_stmt *st;
    ips_error e = prepare(ctx, cs, sql, &st, d);
    bool any = false;
    int rc = SQLITE_DONE;
    while (e == IPS_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *g = col_text(st, 0), *client = col_text(st, 1);
        int s = sqlite3_column_int(st, 2), t = sqlite3_column_int(st, 3);
        if (any && strcmp(g, sw.region) != 0)
            e = set_peak(cs, &sw, d);
        if (!any || strcmp(g, sw.region) != 0 || strcmp(client, sw.client) != 0 || s > sw.e + 1)
            sweep_flush_span(&sw);
        snprintf(sw.region, sizeof sw.region, "%s", g);
        snprintf(sw.client, sizeof sw.client, "%s", client);
        if (sw.s < 0) {
            sw.s = s;
            sw.e = t;
        } else if (t > sw.e) {
            sw.e = t;
        }
        any = true;
    }
    if (e == IPS_OK && rc != SQLITE_DONE)
        e = warehouse_fail(ctx->wh, d, "computing team capacity");
    if (e == IPS_OK && any)
        e = set_peak(cs, &sw, d);
    sqlite3_finalize(st);
    free(sw.diff);
    return e;
}

static int region_cmp(const void *a, const void *b)
{
    return strcmp(((const region_cap *)a)->name, ((const region_cap *)b)->name);
}

static metric_row *cap_row(const metric_ctx *ctx, const cap_state *cs, metric_set *out,
                           const char *metric, metric_kind kind, const char *group_by,
                           const char *group)
{
    metric_row *r = metric_ctx_row(ctx, out, metric, kind, group);
    if (!r)
        return NULL;
    snprintf(r->group_by, sizeof r->group_by, "%s", group_by);
    r->period_start = cs->year_start;
    r->period_end = cs->year_end;
    r->decimals = kind == MK_COUNT ? 0 : 1;
    return r;
}

/* The values of one row before it is added (rows are added one at a time:
 * adding may move the set's array, so no row pointer is kept across adds). */
typedef struct {
    const char *metric;
    metric_kind kind;
    unsigned has;
    double numerator, denominator, value;
} cap_value;

/* The five rows of one region (or of the whole); known false = the year lies
 * after the as-of date, so every value is blank. */
static ips_error emit_region(const metric_ctx *ctx, const cap_state *cs, metric_set *out,
                             const char *group_by, const region_cap *rc, bool known, ips_diag *d)
{
    double per_coach = ctx->q->clients_per_coach_year;
    double fte = metric_round(rc->fte, 1);
    double thr = metric_round(rc->clients / per_coach, 1);
    double cas = metric_round(rc->peak / CASELOAD_LIMIT, 1);
    /* The gap from the printed parts, so that the table adds up as the reader sees it. */
    double gap = metric_round((thr > cas ? thr : cas) - fte, 1);
    const unsigned ratio = MH_NUMERATOR | MH_DENOMINATOR | MH_VALUE;
    const cap_value v[5] = {
        {"clients_per_year", MK_COUNT, MH_VALUE, 0, 0, (double)rc->clients},
        {"fte_current", MK_WEIGHTED, MH_VALUE, 0, 0, fte},
        {"fte_needed_throughput", MK_RATIO, ratio, (double)rc->clients, per_coach, thr},
        {"fte_needed_caseload", MK_RATIO, ratio, (double)rc->peak, CASELOAD_LIMIT, cas},
        {"fte_gap", MK_WEIGHTED, MH_VALUE, 0, 0, gap},
    };
    for (int i = 0; i < 5; i++) {
        metric_row *r = cap_row(ctx, cs, out, v[i].metric, v[i].kind, group_by, rc->name);
        if (!r)
            return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        if (!known)
            continue;
        r->has = v[i].has;
        r->numerator = v[i].numerator;
        r->denominator = v[i].denominator;
        r->value = v[i].value;
    }
    return IPS_OK;
}

/* Y = p_end's year; the days counted end at A when A falls inside Y.  known
 * is false when all of Y lies after A. */
static void year_span(const metric_ctx *ctx, cap_state *cs, bool *known)
{
    int y, m, dd;
    date_to_ymd(ctx->p_end, &y, &m, &dd);
    cs->year_start = date_from_ymd(y, 1, 1);
    cs->year_end = date_from_ymd(y, 12, 31);
    ips_day last = ctx->as_of < cs->year_end ? ctx->as_of : cs->year_end;
    *known = last >= cs->year_start;
    if (!*known)
        last = cs->year_start;
    date_format_iso(cs->year_start, cs->y_start);
    date_format_iso(last, cs->y_last);
    cs->days = (int)(last - cs->year_start) + 1;
}

ips_error capacity_compute(const metric_ctx *ctx, metric_set *out, ips_diag *d)
{
    if (!(ctx->q->clients_per_coach_year > 0))
        return ips_diag_set(d, IPS_ERR_USAGE, "clients per coach per year must be above 0 "
                            "(the seed says 40-50; the default is 45)");
    cap_state regions = {0}, whole = {0};
    bool known;
    year_span(ctx, &regions, &known);
    year_span(ctx, &whole, &known);
    ips_error e = IPS_OK;
    if (known) {
        e = read_counts(ctx, &regions, true, d);
        if (e == IPS_OK)
            e = read_peaks(ctx, &regions, true, d);
        if (e == IPS_OK)
            e = read_counts(ctx, &whole, false, d);
        if (e == IPS_OK)
            e = read_peaks(ctx, &whole, false, d);
    }
    if (regions.n)
        qsort(regions.r, regions.n, sizeof *regions.r, region_cmp);
    for (size_t i = 0; e == IPS_OK && i < regions.n; i++)
        e = emit_region(ctx, &regions, out, "region", &regions.r[i], known, d);
    region_cap none = {.name = ""};
    if (e == IPS_OK)
        e = emit_region(ctx, &whole, out, "", whole.n ? &whole.r[0] : &none, known, d);
    free(regions.r);
    free(whole.r);
    return e;
}
