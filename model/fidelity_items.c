/* Fidelity items computed from data (metrics.md): the coach-level items 1, 2,
 * 17 and 24, item 15 (first employer contact), and the shared machinery of
 * fidelity_priv.h.  Items 19, 20, 21 and 23 are in fidelity_jobs.c.
 *
 * Rows emitted, in this order, for the whole service or per group:
 *   caseload_per_fte                      item 1   MK_RATIO   clients / Σ fte
 *   focus_share                           item 2   MK_WEIGHTED
 *   first_employer_contact_mean_days      item 15  MK_MEAN    denominator = measured episodes
 *   first_employer_contact_within_30      item 15  MK_SHARE   (no score)
 *   first_employer_contact_pending        item 15  MK_COUNT
 *   employer_contacts_per_week            item 17  MK_RATIO   numerator = contacts
 *   job_diversity … follow_along_score    items 19–23 (fidelity_jobs.c)
 *   community_share                       item 24  MK_WEIGHTED
 * Scores band the value as printed (one decimal; two for item 17), rounded to
 * a whole number first except for item 17 (R16, R17). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/fidelity_priv.h"

/* ---- shared machinery ------------------------------------------------- */

/* Replaces every "@G" in tmpl by grp; NULL when out of memory. */
static char *expand(const char *tmpl, const char *grp)
{
    size_t glen = strlen(grp), n = 0;
    for (const char *p = tmpl; (p = strstr(p, "@G")) != NULL; p += 2)
        n++;
    char *sql = malloc(strlen(tmpl) + n * glen + 1);
    if (!sql)
        return NULL;
    char *o = sql;
    for (const char *p = tmpl; *p;) {
        if (p[0] == '@' && p[1] == 'G') {
            memcpy(o, grp, glen);
            o += glen;
            p += 2;
        } else {
            *o++ = *p++;
        }
    }
    *o = '\0';
    return sql;
}

ips_error fid_run(const metric_ctx *ctx, const char *tmpl, const char *grp, int ncols,
                  fid_emit_fn emit, metric_set *out, ips_diag *d)
{
    char *sql = expand(tmpl, grp);
    if (!sql)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory computing fidelity items");
    sqlite3_stmt *st;
    ips_error e = metric_ctx_prepare(ctx, sql, &st, d);
    free(sql);
    if (e != IPS_OK)
        return e;
    double v[FID_MAX_COLS] = {0};
    bool any = false, ok = true;
    int rc;
    while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const unsigned char *g = sqlite3_column_text(st, 0);
        for (int i = 0; i < ncols && i < FID_MAX_COLS; i++)
            v[i] = sqlite3_column_double(st, i + 1);
        any = true;
        ok = emit(ctx, out, g ? (const char *)g : "", v);
    }
    sqlite3_finalize(st);
    if (!ok)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory computing fidelity items");
    if (rc != SQLITE_DONE)
        return warehouse_fail(ctx->wh, d, "computing fidelity items");
    if (!any && ctx->q->by == GROUP_NONE) {
        memset(v, 0, sizeof v);
        if (!emit(ctx, out, "", v))
            return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory computing fidelity items");
    }
    return IPS_OK;
}

ips_error fid_exec(const metric_ctx *ctx, const char *const *sql, size_t n, ips_diag *d)
{
    for (size_t i = 0; i < n; i++) {
        sqlite3_stmt *st;
        ips_error e = metric_ctx_prepare(ctx, sql[i], &st, d);
        if (e != IPS_OK)
            return e;
        int rc = sqlite3_step(st);
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE)
            return warehouse_fail(ctx->wh, d, "preparing fidelity items");
    }
    return IPS_OK;
}

bool fid_share_row(const metric_ctx *ctx, metric_set *out, const char *metric,
                   const char *group, double num, double den, int item)
{
    metric_row *r = metric_ctx_row(ctx, out, metric, MK_SHARE, group);
    if (!r)
        return false;
    r->has = MH_NUMERATOR | MH_DENOMINATOR;
    r->numerator = num;
    r->denominator = den;
    r->decimals = 1;
    if (den > 0) {
        r->has |= MH_VALUE;
        r->value = metric_round(100.0 * num / den, 1);
        if (item > 0) {
            r->has |= MH_SCORE;
            r->score = fidelity_band_score(item, r->value);
        }
    }
    return true;
}

/* ---- IPS coaches on p_end (R4) ---------------------------------------- */

/* Items 1, 2, 17 and 24 all read the same coaches: employed on :on_day
 * (a blank start or end is open) and coach of an ips episode active then. */
static const char *const coach_ddl[] = {
    "DROP TABLE IF EXISTS temp.fid_coach",
    "CREATE TEMP TABLE fid_coach(coach_id TEXT PRIMARY KEY, fte REAL NOT NULL)",
    "INSERT INTO temp.fid_coach(coach_id, fte)"
    " SELECT co.coach_id, co.fte FROM coaches co"
    " WHERE (co.start_date IS NULL OR co.start_date <= :on_day)"
    "  AND (co.end_date IS NULL OR co.end_date >= :on_day)"
    "  AND EXISTS (SELECT 1 FROM ep e WHERE e.coach_id = co.coach_id AND e.service = 'ips'"
    "   AND e.start_date <= :on_day AND (e.end_date IS NULL OR e.end_date >= :on_day))",
};

/* ---- item 1: caseload per fte ----------------------------------------- */

/* Clients count in the group of their episode's coach (with or without a
 * coach, R4); fte in the group of each IPS coach. */
static const char *const caseload_sql =
    "SELECT grp, sum(n), sum(f) FROM ("
    " SELECT coalesce(@G, '') AS grp, count(DISTINCT e.client_id) AS n, 0 AS f"
    " FROM ep e LEFT JOIN coaches co ON co.coach_id = e.coach_id"
    " WHERE e.service = 'ips' AND e.start_date <= :on_day"
    "  AND (e.end_date IS NULL OR e.end_date >= :on_day)"
    " GROUP BY 1"
    " UNION ALL"
    " SELECT coalesce(@G, ''), 0, sum(k.fte) FROM temp.fid_coach k JOIN coaches co ON co.coach_id = k.coach_id"
    " GROUP BY 1)"
    " GROUP BY grp ORDER BY grp";

static bool emit_caseload(const metric_ctx *ctx, metric_set *out, const char *group,
                          const double *v)
{
    metric_row *r = metric_ctx_row(ctx, out, "caseload_per_fte", MK_RATIO, group);
    if (!r)
        return false;
    r->has = MH_NUMERATOR | MH_DENOMINATOR;
    r->numerator = v[0];
    r->denominator = metric_round(v[1], 2);
    r->decimals = 1;
    if (v[1] > 0) {
        r->has |= MH_VALUE | MH_SCORE;
        r->value = metric_round(v[0] / v[1], 1);
        r->score = fidelity_band_score(1, r->value);
    }
    return true;
}

/* ---- items 2 and 24: fte-weighted shares ------------------------------ */

/* Coaches with a blank focus_share are left out of both sums (R15). */
static const char *const focus_sql =
    "SELECT coalesce(@G, ''), sum(k.fte * co.focus_share),"
    " sum(CASE WHEN co.focus_share IS NOT NULL THEN k.fte END)"
    " FROM temp.fid_coach k JOIN coaches co ON co.coach_id = k.coach_id"
    " GROUP BY 1 ORDER BY 1";

/* R14: each coach's share of minutes in community, workplace or home among
 * contacts in W with both minutes and a setting; without such minutes the
 * coach's own community_share; with neither the coach is left out. */
static const char *const community_sql =
    "SELECT coalesce(@G, ''), sum(s.fte * s.share), sum(CASE WHEN s.share IS NOT NULL THEN s.fte END)"
    " FROM (SELECT k.coach_id, k.fte, coalesce("
    "   (SELECT sum(CASE WHEN c.setting IN ('community', 'workplace', 'home')"
    "      THEN c.minutes ELSE 0 END) * 1.0 / nullif(sum(c.minutes), 0)"
    "    FROM ct c WHERE c.coach_id = k.coach_id AND c.date >= :w_start AND c.date <= :w_end"
    "     AND c.minutes IS NOT NULL AND c.setting IS NOT NULL),"
    "   co.community_share) AS share"
    "  FROM temp.fid_coach k JOIN coaches co ON co.coach_id = k.coach_id) s"
    " JOIN coaches co ON co.coach_id = s.coach_id"
    " GROUP BY 1 ORDER BY 1";

static bool weighted_row(const metric_ctx *ctx, metric_set *out, const char *metric,
                         const char *group, const double *v, int item)
{
    metric_row *r = metric_ctx_row(ctx, out, metric, MK_WEIGHTED, group);
    if (!r)
        return false;
    r->decimals = 1;
    if (v[1] > 0) {
        r->has = MH_VALUE | MH_SCORE;
        r->value = metric_round(100.0 * v[0] / v[1], 1);
        r->score = fidelity_band_score(item, r->value);
    }
    return true;
}

static bool emit_focus(const metric_ctx *ctx, metric_set *out, const char *group, const double *v)
{
    return weighted_row(ctx, out, "focus_share", group, v, 2);
}

static bool emit_community(const metric_ctx *ctx, metric_set *out, const char *group,
                           const double *v)
{
    return weighted_row(ctx, out, "community_share", group, v, 24);
}

/* ---- item 17: employer contacts per week ------------------------------ */

/* R11: the 91 days [p_end − 90, p_end]; in-person employer contacts by an
 * IPS coach with by = coach or both (blank by = coach); value = contacts / 13
 * / Σ fte of all IPS coaches of the group, with or without contacts. */
static const char *const employer_sql =
    "SELECT coalesce(@G, ''), sum((SELECT count(*) FROM ct c WHERE c.coach_id = k.coach_id"
    "   AND c.date >= date(:p_end, '-90 days') AND c.date <= :p_end"
    "   AND c.kind = 'employer' AND c.in_person = 1 AND coalesce(c.\"by\", 'coach') <> 'client')),"
    " sum(k.fte)"
    " FROM temp.fid_coach k JOIN coaches co ON co.coach_id = k.coach_id"
    " GROUP BY 1 ORDER BY 1";

static bool emit_employer(const metric_ctx *ctx, metric_set *out, const char *group,
                          const double *v)
{
    metric_row *r = metric_ctx_row(ctx, out, "employer_contacts_per_week", MK_RATIO, group);
    if (!r)
        return false;
    r->has = MH_NUMERATOR;
    r->numerator = v[0];
    r->decimals = 2;
    if (v[1] > 0) {
        r->has |= MH_VALUE | MH_SCORE;
        r->value = metric_round(v[0] / 13.0 / v[1], 2);
        r->score = fidelity_band_score(17, r->value);
    }
    return true;
}

/* ---- item 15: first in-person employer contact ------------------------ */

/* R10: ips episodes started in W; the first in-person employer contact that
 * names the client, by anyone, dated from start_date to A (ct stops at A),
 * not capped at the episode's end. */
static const char *const first_contact_sql =
    "WITH m AS MATERIALIZED ("
    " SELECT @G AS grp, julianday((SELECT min(c.date) FROM ct c"
    "   WHERE c.client_id = e.client_id AND c.date >= e.start_date"
    "    AND c.kind = 'employer' AND c.in_person = 1)) - julianday(e.start_date) AS days"
    METRIC_EPISODE_FROM
    " WHERE e.service = 'ips' AND e.start_date >= :w_start AND e.start_date <= :w_end)"
    " SELECT grp, count(*), count(days), sum(days), sum(days <= 30)"
    " FROM m GROUP BY 1 ORDER BY 1";

static bool emit_first_contact(const metric_ctx *ctx, metric_set *out, const char *group,
                               const double *v)
{
    double episodes = v[0], measured = v[1], days = v[2], within = v[3];
    metric_row *r = metric_ctx_row(ctx, out, "first_employer_contact_mean_days", MK_MEAN, group);
    if (!r)
        return false;
    r->has = MH_DENOMINATOR;
    r->denominator = measured;
    r->decimals = 1;
    if (measured > 0) {
        r->has |= MH_VALUE | MH_SCORE;
        r->value = metric_round(days / measured, 1);
        r->score = fidelity_band_score(15, r->value);
    }
    if (!fid_share_row(ctx, out, "first_employer_contact_within_30", group, within, measured, 0))
        return false;
    r = metric_ctx_row(ctx, out, "first_employer_contact_pending", MK_COUNT, group);
    if (!r)
        return false;
    r->has = MH_VALUE;
    r->value = episodes - measured;
    return true;
}

/* ---- the family ------------------------------------------------------- */

static const char *const drop_ddl[] = {"DROP TABLE IF EXISTS temp.fid_coach"};

static ips_error coach_items(const metric_ctx *ctx, metric_set *out, const char *g,
                             bool first_half, ips_diag *d)
{
    if (!g)
        return IPS_OK; /* breakdown by client attributes: coach items do not apply (R20) */
    if (first_half) {
        ips_error e = fid_run(ctx, caseload_sql, g, 2, emit_caseload, out, d);
        return e != IPS_OK ? e : fid_run(ctx, focus_sql, g, 2, emit_focus, out, d);
    }
    return fid_run(ctx, employer_sql, g, 2, emit_employer, out, d);
}

ips_error fidelity_items_compute(const metric_ctx *ctx, metric_set *out, ips_diag *d)
{
    /* Coach-level items read the coach expression on co; templates wrap it in
     * coalesce() because co is LEFT JOINed for clients without a coach. */
    const char *cg = metric_group_sql_coach(ctx->q->by);
    const char *eg = metric_group_sql(ctx->q->by);
    ips_error e = fid_exec(ctx, coach_ddl, sizeof coach_ddl / sizeof coach_ddl[0], d);
    if (e == IPS_OK)
        e = coach_items(ctx, out, cg, true, d);
    if (e == IPS_OK)
        e = fid_run(ctx, first_contact_sql, eg, 4, emit_first_contact, out, d);
    if (e == IPS_OK)
        e = coach_items(ctx, out, cg, false, d);
    if (e == IPS_OK)
        e = fidelity_jobs_compute(ctx, out, d);
    if (e == IPS_OK && cg)
        e = fid_run(ctx, community_sql, cg, 2, emit_community, out, d);
    if (e != IPS_OK) {
        ips_diag ignored; /* keep the first error's message */
        fid_exec(ctx, drop_ddl, 1, &ignored);
        return e;
    }
    return fid_exec(ctx, drop_ddl, 1, d);
}
