/* Other services (metrics.md "Other services", seeds 000 and 004): trainees
 * per coach in the coaching environment, the support-level mix of ips
 * episodes and how often basic-support clients are met.  The days of P that
 * count end at min(p_end, A) (R3): nothing after the as-of date exists.
 * Definitions in docs/metrics-notes.md. */
#include <stdio.h>
#include <string.h>

#include "model/metric_families.h"

/* An average month, for "per month active" (a constant of the SQL text). */
#define DAYS_PER_MONTH_SQL "(365.25 / 12.0)"

static const char *col_text(sqlite3_stmt *st, int i)
{
    const unsigned char *s = sqlite3_column_text(st, i);
    return s ? (const char *)s : "";
}

/* Runs sql, whose rows are (group, mean, observations), into MK_MEAN rows;
 * without a breakdown an empty result still gives the whole a blank row. */
static ips_error mean_rows(const metric_ctx *ctx, metric_set *out, const char *metric,
                           const char *sql, ips_diag *d)
{
    sqlite3_stmt *st;
    ips_error e = metric_ctx_prepare(ctx, sql, &st, d);
    if (e != IPS_OK)
        return e;
    size_t first = out->n;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        metric_row *r = metric_ctx_row(ctx, out, metric, MK_MEAN, col_text(st, 0));
        if (!r) {
            sqlite3_finalize(st);
            return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        }
        r->decimals = 1;
        r->has = MH_DENOMINATOR;
        r->denominator = sqlite3_column_double(st, 2);
        if (sqlite3_column_type(st, 1) != SQLITE_NULL) {
            r->has |= MH_VALUE;
            r->value = metric_round(sqlite3_column_double(st, 1), 1);
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return warehouse_fail(ctx->wh, d, "computing the other-service metrics");
    if (out->n == first && ctx->q->by == GROUP_NONE) {
        metric_row *r = metric_ctx_row(ctx, out, metric, MK_MEAN, "");
        if (!r)
            return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        r->decimals = 1;
        r->has = MH_DENOMINATOR; /* 0 observations, value blank */
    }
    return IPS_OK;
}

/* Per day d of [p_start, on_day]: coaching_environment episodes active on d
 * / fte of the coaches employed on d who coach at least one of them; the
 * mean over the days where that fte is above 0.  Coach-level (R20). */
static ips_error trainees_per_coach(const metric_ctx *ctx, metric_set *out, ips_diag *d)
{
    const char *g = metric_group_sql_coach(ctx->q->by);
    if (!g)
        return IPS_OK;
    char sql[2048];
    snprintf(sql, sizeof sql,
             "WITH RECURSIVE days(d) AS (SELECT :p_start WHERE :p_start <= :on_day"
             " UNION ALL SELECT date(d, '+1 day') FROM days WHERE d < :on_day),"
             /* The episodes that overlap the days, found once: joining every day
              * to ep itself scanned all earlier enrollments per day. */
             " ce AS MATERIALIZED (SELECT e.coach_id AS coach_id, e.start_date AS s,"
             "  e.end_date AS en, coalesce(%s, '') AS g"
             "  FROM ep e LEFT JOIN coaches co ON co.coach_id = e.coach_id"
             "  WHERE e.service = 'coaching_environment' AND e.start_date <= :on_day"
             "  AND (e.end_date IS NULL OR e.end_date >= :p_start)),"
             " act AS (SELECT days.d AS d, ce.coach_id AS coach_id, ce.g AS g"
             "  FROM days JOIN ce ON ce.s <= days.d AND (ce.en IS NULL OR ce.en >= days.d)),"
             " num AS (SELECT d, g, count(*) AS n FROM act GROUP BY d, g),"
             " den AS (SELECT x.d AS d, coalesce(%s, '') AS g, sum(co.fte) AS f"
             "  FROM (SELECT DISTINCT d, coach_id FROM act WHERE coach_id IS NOT NULL) x"
             "  JOIN coaches co ON co.coach_id = x.coach_id"
             "  WHERE (co.start_date IS NULL OR co.start_date <= x.d)"
             "  AND (co.end_date IS NULL OR co.end_date >= x.d) GROUP BY x.d, g)"
             " SELECT num.g, avg(num.n / den.f), count(*) FROM num"
             " JOIN den ON den.d = num.d AND den.g = num.g WHERE den.f > 0"
             " GROUP BY num.g ORDER BY num.g",
             g, g);
    return mean_rows(ctx, out, "trainees_per_coach", sql, d);
}

/* Basic-support ips episodes active in [p_start, on_day]: in-person client
 * contacts on the episode's days there / those days in average months; the
 * mean over episodes.  "+c.kind" keeps SQLite on the (client_id, date) index:
 * without statistics it picks (kind, date) and scans every client meeting of
 * the period once per episode. */
static ips_error meetings_per_month_basic(const metric_ctx *ctx, metric_set *out, ips_diag *d)
{
    char sql[2048];
    snprintf(sql, sizeof sql,
             "SELECT g, avg(n / (days / " DAYS_PER_MONTH_SQL ")), count(*) FROM ("
             " SELECT %s AS g,"
             "  julianday(min(coalesce(e.end_date, :on_day), :on_day))"
             "  - julianday(max(e.start_date, :p_start)) + 1 AS days,"
             "  (SELECT count(*) FROM ct c WHERE c.client_id = e.client_id AND +c.kind = 'client'"
             "   AND c.in_person = 1 AND c.date BETWEEN max(e.start_date, :p_start)"
             "   AND min(coalesce(e.end_date, :on_day), :on_day)) AS n"
             " " METRIC_EPISODE_FROM
             " WHERE e.service = 'ips' AND e.support_level = 'basic' AND :p_start <= :on_day"
             " AND e.start_date <= :on_day AND (e.end_date IS NULL OR e.end_date >= :p_start))"
             " GROUP BY g ORDER BY g",
             metric_group_sql(ctx->q->by));
    return mean_rows(ctx, out, "meetings_per_month_basic", sql, d);
}

/* ips episodes active in P by support level: one share row per level, group_by
 * "support_level" whatever the breakdown ('' = level not recorded, shown only
 * when such episodes exist). */
static ips_error support_level_mix(const metric_ctx *ctx, metric_set *out, ips_diag *d)
{
    static const char *const levels[] = {"intensive", "basic", "light", ""};
    long n[4] = {0, 0, 0, 0}, total = 0;
    sqlite3_stmt *st;
    ips_error e = metric_ctx_prepare(ctx,
        "SELECT coalesce(e.support_level, ''), count(*) FROM ep e WHERE e.service = 'ips'"
        " AND e.start_date <= :p_end AND (e.end_date IS NULL OR e.end_date >= :p_start)"
        " GROUP BY 1", &st, d);
    if (e != IPS_OK)
        return e;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        for (int i = 0; i < 4; i++)
            if (strcmp(col_text(st, 0), levels[i]) == 0)
                n[i] = sqlite3_column_int64(st, 1);
        total += sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return warehouse_fail(ctx->wh, d, "computing the support-level mix");
    for (int i = 0; i < 4; i++) {
        if (i == 3 && n[i] == 0)
            break;
        metric_row *r = metric_ctx_row(ctx, out, "support_level_mix", MK_SHARE, levels[i]);
        if (!r)
            return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        snprintf(r->group_by, sizeof r->group_by, "support_level");
        r->decimals = 1;
        r->has = MH_NUMERATOR | MH_DENOMINATOR;
        r->numerator = (double)n[i];
        r->denominator = (double)total;
        if (total > 0) {
            r->has |= MH_VALUE;
            r->value = metric_round(100.0 * (double)n[i] / (double)total, 1);
        }
    }
    return IPS_OK;
}

ips_error services_compute(const metric_ctx *ctx, metric_set *out, ips_diag *d)
{
    ips_error e = trainees_per_coach(ctx, out, d);
    if (e == IPS_OK)
        e = support_level_mix(ctx, out, d);
    if (e == IPS_OK)
        e = meetings_per_month_basic(ctx, out, d);
    return e;
}
