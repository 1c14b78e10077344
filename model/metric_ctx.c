#include "model/metric_ctx.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static ips_error exec_sql(const metric_ctx *ctx, const char *sql, ips_diag *d)
{
    sqlite3_stmt *st;
    ips_error e = metric_ctx_prepare(ctx, sql, &st, d);
    if (e != IPS_OK)
        return e;
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return warehouse_fail(ctx->wh, d, "preparing the as-of views");
    return IPS_OK;
}

/* The views read A from a one-row temp table so that no date is spliced into
 * SQL text and the big tables are never copied. */
static ips_error create_views(metric_ctx *ctx, ips_diag *d)
{
    static const char *const ddl[] = {
        "CREATE TEMP TABLE IF NOT EXISTS asof(a TEXT NOT NULL)",
        "DELETE FROM temp.asof",
        "INSERT INTO temp.asof(a) VALUES(:as_of)",
        "CREATE TEMP VIEW IF NOT EXISTS ep AS SELECT enrollment_id, client_id, coach_id, service,"
        " referral_date, start_date,"
        " CASE WHEN end_date > (SELECT a FROM temp.asof) THEN NULL ELSE end_date END AS end_date,"
        " CASE WHEN end_date > (SELECT a FROM temp.asof) THEN NULL ELSE exit_reason END AS exit_reason,"
        " referral_source, support_level"
        " FROM main.enrollments WHERE +start_date <= (SELECT a FROM temp.asof)",
        "CREATE TEMP VIEW IF NOT EXISTS jb AS SELECT job_id, client_id, employer_id, enrollment_id,"
        " job_title, occupation, start_date,"
        " CASE WHEN end_date > (SELECT a FROM temp.asof) THEN NULL ELSE end_date END AS end_date,"
        " hours_per_week, competitive, permanent, subsidized, end_reason"
        " FROM main.jobs WHERE +start_date <= (SELECT a FROM temp.asof)",
        ("CREATE TEMP VIEW IF NOT EXISTS ct AS SELECT * FROM main.contacts"
         " WHERE date <= (SELECT a FROM temp.asof)"),
    };
    for (size_t i = 0; i < sizeof ddl / sizeof ddl[0]; i++) {
        ips_error e = exec_sql(ctx, ddl[i], d);
        if (e != IPS_OK)
            return e;
    }
    return IPS_OK;
}

ips_error metric_ctx_init(metric_ctx *ctx, warehouse *wh, const metric_query *q, ips_diag *d)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->wh = wh;
    ctx->db = warehouse_db(wh);
    ctx->q = q;
    ctx->p_start = q->start;
    ctx->p_end = q->end;
    ctx->as_of = q->as_of;
    if (ctx->as_of == IPS_DAY_NONE) {
        ips_error e = metrics_as_of(wh, &ctx->as_of, d);
        if (e != IPS_OK)
            return e;
        if (ctx->as_of == IPS_DAY_NONE)
            ctx->as_of = q->end; /* empty warehouse: nothing exists anyway */
    }
    ctx->on_day = ctx->p_end < ctx->as_of ? ctx->p_end : ctx->as_of;
    ctx->w_end = ctx->p_end;
    ctx->w_start = ctx->p_end - 364;
    date_format_iso(ctx->p_start, ctx->p_start_iso);
    date_format_iso(ctx->p_end, ctx->p_end_iso);
    date_format_iso(ctx->as_of, ctx->as_of_iso);
    date_format_iso(ctx->on_day, ctx->on_day_iso);
    date_format_iso(ctx->w_start, ctx->w_start_iso);
    date_format_iso(ctx->w_end, ctx->w_end_iso);
    return create_views(ctx, d);
}

void metric_ctx_bind(const metric_ctx *ctx, sqlite3_stmt *st)
{
    int y, m, dd;
    date_to_ymd(ctx->p_end, &y, &m, &dd);
    const struct {
        const char *name;
        const char *iso;
    } params[] = {
        {":p_start", ctx->p_start_iso}, {":p_end", ctx->p_end_iso},
        {":as_of", ctx->as_of_iso},     {":on_day", ctx->on_day_iso},
        {":w_start", ctx->w_start_iso}, {":w_end", ctx->w_end_iso},
    };
    for (size_t i = 0; i < sizeof params / sizeof params[0]; i++) {
        int idx = sqlite3_bind_parameter_index(st, params[i].name);
        if (idx > 0)
            sqlite3_bind_text(st, idx, params[i].iso, -1, SQLITE_TRANSIENT);
    }
    int idx = sqlite3_bind_parameter_index(st, ":p_year");
    if (idx > 0)
        sqlite3_bind_int(st, idx, y);
}

ips_error metric_ctx_prepare(const metric_ctx *ctx, const char *sql, sqlite3_stmt **st, ips_diag *d)
{
    if (sqlite3_prepare_v2(ctx->db, sql, -1, st, NULL) != SQLITE_OK) {
        *st = NULL;
        return warehouse_fail(ctx->wh, d, "preparing a metric query");
    }
    metric_ctx_bind(ctx, *st);
    return IPS_OK;
}

#define AGE_GROUP_SQL(year)                                                     \
    "CASE WHEN cl.birth_year IS NULL THEN ''"                                  \
    " WHEN :p_year - cl.birth_year < 25 THEN '<25'"                           \
    " WHEN :p_year - cl.birth_year < 30 THEN '25-29'"                         \
    " WHEN :p_year - cl.birth_year < 40 THEN '30-39'"                         \
    " WHEN :p_year - cl.birth_year < 50 THEN '40-49'"                         \
    " WHEN :p_year - cl.birth_year < 60 THEN '50-59' ELSE '60+' END"

const char *metric_group_sql(metric_group g)
{
    switch (g) {
    case GROUP_NONE: return "''";
    case GROUP_PROVIDER: return "coalesce(co.provider_id, '')";
    case GROUP_TEAM: return "coalesce(co.team_id, '')";
    case GROUP_COACH: return "coalesce(e.coach_id, '')";
    case GROUP_REGION: return "coalesce(co.region, '')";
    case GROUP_MUNICIPALITY: return "coalesce(cl.municipality, '')";
    case GROUP_GENDER: return "coalesce(cl.gender, '')";
    case GROUP_AGE_GROUP: return AGE_GROUP_SQL(":p_year");
    case GROUP_SEGMENT: return "coalesce(cl.segment, '')";
    case GROUP_REFERRAL_SOURCE: return "coalesce(e.referral_source, '')";
    case GROUP_EXIT_REASON: return "coalesce(e.exit_reason, '')";
    case GROUP__COUNT: break;
    }
    return "''";
}

const char *metric_group_sql_coach(metric_group g)
{
    switch (g) {
    case GROUP_NONE: return "''";
    case GROUP_PROVIDER: return "coalesce(co.provider_id, '')";
    case GROUP_TEAM: return "coalesce(co.team_id, '')";
    case GROUP_COACH: return "co.coach_id";
    case GROUP_REGION: return "coalesce(co.region, '')";
    default: return NULL;
    }
}

metric_row *metric_ctx_row(const metric_ctx *ctx, metric_set *out, const char *metric,
                           metric_kind kind, const char *group)
{
    metric_row *r = metric_set_add(out, metric);
    if (!r)
        return NULL;
    r->period_start = ctx->p_start;
    r->period_end = ctx->p_end;
    r->kind = kind;
    snprintf(r->group_by, sizeof r->group_by, "%s", metric_group_name(ctx->q->by));
    snprintf(r->group, sizeof r->group, "%s", group ? group : "");
    return r;
}

double metric_round(double v, int decimals)
{
    double scale = pow(10.0, decimals);
    /* The nudge keeps 111.25 (stored as 111.2499999…) rounding up, as R17 wants. */
    double x = fabs(v) * scale;
    double r = floor(x + 0.5 + 1e-9 * (x > 1 ? x : 1));
    return copysign(r / scale, v);
}
