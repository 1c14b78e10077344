/* Fidelity items about clients' jobs: 19 (job types), 20 (employers), 21
 * (permanent jobs) and 23 (follow-along contacts).
 *
 * All read one temp table, fid_job: the in-scope jobs held in W.  In scope
 * (R5) = competitive jobs as of A that belong to an ips episode: the episode
 * their enrollment_id names, else the client's episode active on the job's
 * start (an ips one first, then the latest start); a job whose episode is not
 * ips, or that has none, is left out.  A job takes its episode's group (R20).
 *
 * Rows: job_diversity, employer_diversity, competitive_permanent_share (MK_SHARE
 * with scores); follow_along_before, _first_days, _weekly, _4_months and
 * _monthly (MK_SHARE, no score); follow_along_score (item 23's score, MK_RATIO
 * with the jobs followed as denominator and no value). */
#include <string.h>

#include "model/fidelity_priv.h"
#include "model/sqlfn.h"

static ips_error register_functions(const metric_ctx *ctx, ips_diag *d)
{
    if (sqlfn_register(ctx->db) != SQLITE_OK)
        return warehouse_fail(ctx->wh, d, "preparing fidelity items");
    return IPS_OK;
}

/* ---- the job scope ---------------------------------------------------- */

/* new_type / new_employer: R12 — no in-scope job of the same client with the
 * same type (employer) starts strictly earlier, at any time; two starting on
 * the same day are both new.  That is: the job starts on the earliest start
 * of its (client, type) partition.  Computed over every in-scope job that
 * starts by the end of W, then only jobs held in W are kept.  Job type: the
 * first 4 characters of occupation when given, else the folded title; the
 * prefixes keep an occupation type from ever equalling a title type.  A job
 * with neither has no type and is left out of item 19 only. */
static const char *const job_ddl[] = {
    "DROP TABLE IF EXISTS temp.fid_job",
    "CREATE TEMP TABLE fid_job(enrollment_id TEXT NOT NULL, client_id TEXT NOT NULL,"
    " start_date TEXT NOT NULL, end_date TEXT, permanent INTEGER, typed INTEGER NOT NULL,"
    " new_type INTEGER NOT NULL, new_employer INTEGER NOT NULL)",
    "INSERT INTO temp.fid_job"
    " SELECT enrollment_id, client_id, start_date, end_date, permanent, jtype IS NOT NULL,"
    "  new_type, new_employer FROM ("
    " SELECT s.*,"
    "  s.jtype IS NOT NULL AND s.start_date = min(s.start_date)"
    "   OVER (PARTITION BY s.client_id, s.jtype) AS new_type,"
    "  s.start_date = min(s.start_date) OVER (PARTITION BY s.client_id, s.employer_id)"
    "   AS new_employer"
    " FROM (SELECT j.client_id, j.employer_id, j.start_date, j.end_date, j.permanent,"
    "   CASE WHEN j.occupation IS NOT NULL AND j.occupation <> ''"
    "     THEN 'o:' || substr(j.occupation, 1, 4)"
    "    WHEN ips_fold(j.job_title) <> '' THEN 't:' || ips_fold(j.job_title) END AS jtype,"
    "   CASE WHEN j.enrollment_id IS NOT NULL"
    "    THEN (SELECT e.enrollment_id FROM ep e"
    "     WHERE e.enrollment_id = j.enrollment_id AND e.service = 'ips')"
    "    ELSE (SELECT CASE WHEN e.service = 'ips' THEN e.enrollment_id END FROM ep e"
    "     WHERE e.client_id = j.client_id AND e.start_date <= j.start_date"
    "      AND (e.end_date IS NULL OR e.end_date >= j.start_date)"
    "     ORDER BY e.service = 'ips' DESC, e.start_date DESC, e.enrollment_id DESC LIMIT 1)"
    "   END AS enrollment_id"
    "  FROM jb j WHERE j.competitive = 1 AND j.start_date <= :w_end) s"
    " WHERE s.enrollment_id IS NOT NULL)"
    " WHERE end_date IS NULL OR end_date >= :w_start",
};

#define JOB_EPISODE_FROM                                                        \
    " JOIN ep e ON e.enrollment_id = j.enrollment_id"                          \
    " JOIN clients cl ON cl.client_id = e.client_id"                           \
    " LEFT JOIN coaches co ON co.coach_id = e.coach_id "

/* ---- items 19, 20, 21 ------------------------------------------------- */

static const char *const diversity_sql =
    "SELECT @G, sum(j.typed), sum(j.new_type), count(*), sum(j.new_employer),"
    " count(j.permanent), sum(j.permanent = 1), count(DISTINCT j.client_id)"
    " FROM temp.fid_job j" JOB_EPISODE_FROM
    "GROUP BY 1 ORDER BY 1";

static bool emit_diversity(const metric_ctx *ctx, metric_set *out, const char *group,
                           const double *v)
{
    double typed = v[0], new_type = v[1], jobs = v[2], new_employer = v[3];
    double known = v[4], permanent = v[5], clients = v[6];
    if (!fid_share_row(ctx, out, "job_diversity", group, new_type, typed, 19) ||
        !fid_share_row(ctx, out, "employer_diversity", group, new_employer, jobs, 20) ||
        !fid_share_row(ctx, out, "competitive_permanent_share", group, permanent, known, 21))
        return false;
    /* R13: fewer than 10 distinct clients with a job, permanence known or
     * not, scores 1; with no permanence known the row stays blank. */
    metric_row *r = &out->rows[out->n - 1];
    if ((r->has & MH_SCORE) && clients < 10)
        r->score = 1;
    return true;
}

/* ---- item 23: follow-along -------------------------------------------- */

/* An in-person client contact naming the job's client (ct stops at A). */
#define MEET(cond)                                                              \
    "EXISTS (SELECT 1 FROM ct c WHERE c.client_id = f.client_id AND c.kind = 'client'" \
    " AND c.in_person = 1 AND " cond ")"
#define WEEK(a, b) MEET("c.date >= date(f.s, '+" a " days') AND c.date <= date(f.s, '+" b " days')")
#define MONTH(k)                                                                \
    "(" MEET("c.date >= ips_add_months(f.s, " k " - 1) AND c.date < ips_add_months(f.s, " k ")") ")"

/* Jobs started in W and at least 30 days before A.  Before: days −7..−1;
 * first days: days 0..3; weekly: each of days 0–6, 7–13, 14–20, 21–27.  A job
 * is held N months when it is still held (open at A or ending no earlier) on
 * start + N months, and that day is no later than A; _4_months wants a
 * contact on or after that day, monthly one in at least 5 of the first 6
 * months [start + k − 1 months, start + k months). */
static const char *const follow_sql =
    "WITH f AS MATERIALIZED ("
    " SELECT j.enrollment_id, j.client_id, j.start_date AS s, j.end_date AS en,"
    "  ips_add_months(j.start_date, 4) AS d4, ips_add_months(j.start_date, 6) AS d6"
    " FROM temp.fid_job j WHERE j.start_date >= :w_start AND j.start_date <= :w_end"
    "  AND j.start_date <= date(:as_of, '-30 days')),"
    " g AS MATERIALIZED ("
    " SELECT f.enrollment_id,"
    "  " MEET("c.date >= date(f.s, '-7 days') AND c.date <= date(f.s, '-1 days')") " AS before,"
    "  " MEET("c.date >= f.s AND c.date <= date(f.s, '+3 days')") " AS first_days,"
    "  " WEEK("0", "6") " AND " WEEK("7", "13") " AND " WEEK("14", "20") " AND "
    WEEK("21", "27") " AS weekly,"
    "  (f.d4 <= :as_of AND (f.en IS NULL OR f.en >= f.d4)) AS held4,"
    "  " MEET("c.date >= f.d4") " AS at4,"
    "  (f.d6 <= :as_of AND (f.en IS NULL OR f.en >= f.d6)) AS held6,"
    "  " MONTH("1") " + " MONTH("2") " + " MONTH("3") " + " MONTH("4") " + " MONTH("5")
    " + " MONTH("6") " AS months"
    " FROM f)"
    " SELECT @G, count(*), sum(j.before), sum(j.first_days), sum(j.weekly),"
    "  sum(j.held4), sum(j.held4 AND j.at4), sum(j.held6), sum(j.held6 AND j.months >= 5)"
    " FROM g j" JOB_EPISODE_FROM
    "GROUP BY 1 ORDER BY 1";

/* Item 23's bands (metrics.md), read from the printed shares: 5 when before,
 * first days, weekly and 4 months are all ≥ 80 %; 4 when weekly and monthly
 * are; 3 when 4 months ≥ 50 %; 2 when above 0; else 1.  Blank without jobs
 * held 4 months, since then neither 1–3 nor 5 can be told. */
static int follow_score(const metric_row *row[5])
{
    const metric_row *b = row[0], *f = row[1], *w = row[2], *m4 = row[3], *mo = row[4];
    if (!(m4->has & MH_VALUE))
        return 0;
    if (b->value >= 80 && f->value >= 80 && w->value >= 80 && m4->value >= 80)
        return 5;
    if ((mo->has & MH_VALUE) && w->value >= 80 && mo->value >= 80)
        return 4;
    if (m4->value >= 50)
        return 3;
    return m4->value > 0 ? 2 : 1;
}

static bool emit_follow(const metric_ctx *ctx, metric_set *out, const char *group,
                        const double *v)
{
    static const char *const ids[5] = {
        "follow_along_before", "follow_along_first_days", "follow_along_weekly",
        "follow_along_4_months", "follow_along_monthly",
    };
    const double num[5] = {v[1], v[2], v[3], v[5], v[7]};
    const double den[5] = {v[0], v[0], v[0], v[4], v[6]};
    size_t first = out->n;
    for (int i = 0; i < 5; i++)
        if (!fid_share_row(ctx, out, ids[i], group, num[i], den[i], 0))
            return false;
    const metric_row *rows[5];
    for (int i = 0; i < 5; i++)
        rows[i] = &out->rows[first + (size_t)i]; /* after the adds: no realloc below */
    int score = follow_score(rows);
    metric_row *r = metric_ctx_row(ctx, out, "follow_along_score", MK_RATIO, group);
    if (!r)
        return false;
    r->has = MH_DENOMINATOR;
    r->denominator = v[0];
    if (score > 0) {
        r->has |= MH_SCORE;
        r->score = score;
    }
    return true;
}

ips_error fidelity_jobs_compute(const metric_ctx *ctx, metric_set *out, ips_diag *d)
{
    const char *g = metric_group_sql(ctx->q->by);
    ips_error e = register_functions(ctx, d);
    if (e == IPS_OK)
        e = fid_exec(ctx, job_ddl, sizeof job_ddl / sizeof job_ddl[0], d);
    if (e == IPS_OK)
        e = fid_run(ctx, diversity_sql, g, 7, emit_diversity, out, d);
    if (e == IPS_OK)
        e = fid_run(ctx, follow_sql, g, 8, emit_follow, out, d);
    static const char *const drop[] = {"DROP TABLE IF EXISTS temp.fid_job"};
    if (e != IPS_OK) {
        ips_diag ignored; /* keep the first error's message */
        fid_exec(ctx, drop, 1, &ignored);
        return e;
    }
    return fid_exec(ctx, drop, 1, d);
}
