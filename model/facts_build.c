/* Building the fact tables (model/facts.h) from the raw tables, as of A.
 *
 * Every statement is a template in which "@." stands for the schema the
 * facts go to ("main." after an ingest, "temp." for another as-of date), so
 * both are built by the same SQL.  Dates become whole days since 1970-01-01
 * (ips_day), the R5 episode of each job, R12's type and employer firsts, R10's
 * first employer contact and R7's first job are resolved here once, and the
 * contacts are summed per coach-day and (for basic support) per client-day:
 * the metric engine never reads a raw contact. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/disclosure_store.h"
#include "model/facts.h"
#include "model/quality.h"
#include "model/metrics.h"
#include "model/sqlfn.h"

/* julianday('1970-01-01') = 2440587.5: days since the epoch, exact. */
#define DAY(x) "CAST(julianday(" x ") - 2440587.5 AS INTEGER)"

/* An in-person client contact naming client cid (dated up to A) on which cond holds. */
#define MEET(cond)                                                                      \
    "EXISTS (SELECT 1 FROM main.contacts c WHERE c.client_id = j.client_id"            \
    " AND c.kind = 'client' AND c.in_person = 1 AND c.date <= :a AND " cond ")"
#define WEEK(a, b) MEET("c.date >= date(j.s, '+" a " days') AND c.date <= date(j.s, '+" b " days')")
#define MONTH(k)                                                                        \
    MEET("c.date >= ips_add_months(j.s, " k " - 1) AND c.date < ips_add_months(j.s, " k ")")

static const char *const build_sql[] = {
    "DROP TABLE IF EXISTS @.fact_pack",
    "DROP TABLE IF EXISTS @.fact_score",
    "DROP TABLE IF EXISTS @.fact_meeting_day",
    "DROP TABLE IF EXISTS @.fact_coach_day",
    "DROP TABLE IF EXISTS @.fact_job",
    "DROP TABLE IF EXISTS @.fact_episode",
    "DROP TABLE IF EXISTS @.fact_client",
    "DROP TABLE IF EXISTS @.fact_coach",

    "CREATE TABLE @.fact_coach(idx INTEGER PRIMARY KEY, coach_id TEXT NOT NULL UNIQUE,"
    " provider_id TEXT, team_id TEXT, region TEXT, fte REAL NOT NULL, focus_share REAL,"
    " community_share REAL, start_day INTEGER, end_day INTEGER)",
    "INSERT INTO @.fact_coach SELECT row_number() OVER (ORDER BY coach_id) - 1, coach_id,"
    " provider_id, team_id, region, fte, focus_share, community_share, " DAY("start_date") ","
    " " DAY("end_date") " FROM main.coaches ORDER BY coach_id",

    "CREATE TABLE @.fact_client(idx INTEGER PRIMARY KEY, client_id TEXT NOT NULL UNIQUE,"
    " birth_year INTEGER, gender TEXT, municipality TEXT, segment TEXT)",
    "INSERT INTO @.fact_client SELECT row_number() OVER (ORDER BY client_id) - 1, client_id,"
    " birth_year, gender, municipality, segment FROM main.clients ORDER BY client_id",

    /* R1: episodes that start after A do not exist; an end after A is open,
     * and its exit reason unknown (only then: an episode open in the data
     * keeps the reason it gives, as the as-of view ep does).  R10 and R7 for
     * ips episodes. */
    "CREATE TABLE @.fact_episode(idx INTEGER PRIMARY KEY, enrollment_id TEXT NOT NULL UNIQUE,"
    " client INTEGER NOT NULL, coach INTEGER, service INTEGER NOT NULL, referral INTEGER,"
    " start INTEGER NOT NULL, end_day INTEGER, exit_reason TEXT, referral_source TEXT,"
    " support_level TEXT, first_employer_contact INTEGER, first_competitive_job INTEGER)",
    "INSERT INTO @.fact_episode"
    " SELECT row_number() OVER (ORDER BY fc.idx, e.start_date, e.enrollment_id) - 1,"
    "  e.enrollment_id, fc.idx, k.idx,"
    "  CASE e.service WHEN 'ips' THEN 0 WHEN 'group' THEN 1"
    "   WHEN 'coaching_environment' THEN 2 ELSE 3 END,"
    "  " DAY("e.referral_date") ", " DAY("e.start_date") ", " DAY("e.end_a") ","
    "  CASE WHEN e.end_date > :a THEN NULL ELSE e.exit_reason END, e.referral_source,"
    " e.support_level,"
    "  CASE WHEN e.service = 'ips' THEN (SELECT " DAY("min(c.date)") " FROM main.contacts c"
    "   WHERE c.client_id = e.client_id AND c.date >= e.start_date AND c.date <= :a"
    "   AND c.kind = 'employer' AND c.in_person = 1) END,"
    "  CASE WHEN e.service = 'ips' THEN (SELECT " DAY("min(j.start_date)") " FROM main.jobs j"
    "   WHERE j.client_id = e.client_id AND j.competitive = 1 AND j.start_date >= e.start_date"
    "   AND j.start_date <= coalesce(e.end_a, :a)) END"
    " FROM (SELECT *, CASE WHEN end_date > :a THEN NULL ELSE end_date END AS end_a"
    "  FROM main.enrollments WHERE +start_date <= :a) e"
    " JOIN @.fact_client fc ON fc.client_id = e.client_id"
    " LEFT JOIN @.fact_coach k ON k.coach_id = e.coach_id"
    " ORDER BY fc.idx, e.start_date, e.enrollment_id",
    "CREATE INDEX @.fact_episode_client ON fact_episode(client, start)",

    /* Competitive jobs that exist at A.  R5: the episode the job names, else
     * the client's episode active on its start (an ips one first, then the
     * latest start).  In scope = that episode is ips.  R12: a job is new in
     * type (employer) when it starts on the earliest start of its client's
     * in-scope jobs of that type (employer).  Item 23's contacts around the
     * start, for in-scope jobs. */
    "CREATE TABLE @.fact_job(idx INTEGER PRIMARY KEY, client INTEGER NOT NULL, episode INTEGER,"
    " start INTEGER NOT NULL, end_day INTEGER, hours REAL, permanent INTEGER,"
    " flags INTEGER NOT NULL, months INTEGER NOT NULL)",
    "DROP TABLE IF EXISTS temp.fact_job_stage",
    "CREATE TEMP TABLE fact_job_stage AS"
    " WITH j0 AS MATERIALIZED ("
    " SELECT j.job_id, j.client_id, fc.idx AS client, j.employer_id, j.start_date AS s,"
    "  CASE WHEN j.end_date > :a THEN NULL ELSE j.end_date END AS en,"
    "  j.hours_per_week AS hours, j.permanent,"
    "  CASE WHEN j.occupation IS NOT NULL AND j.occupation <> ''"
    "    THEN 'o:' || substr(j.occupation, 1, 4)"
    "   WHEN ips_fold(j.job_title) <> '' THEN 't:' || ips_fold(j.job_title) END AS jtype,"
    "  CASE WHEN j.enrollment_id IS NOT NULL"
    "   THEN (SELECT fe.idx FROM @.fact_episode fe WHERE fe.enrollment_id = j.enrollment_id)"
    "   ELSE (SELECT fe.idx FROM @.fact_episode fe WHERE fe.client = fc.idx"
    "    AND fe.start <= " DAY("j.start_date")
    "    AND (fe.end_day IS NULL OR fe.end_day >= " DAY("j.start_date") ")"
    "    ORDER BY fe.service = 0 DESC, fe.start DESC, fe.enrollment_id DESC LIMIT 1) END"
    "   AS episode"
    " FROM main.jobs j JOIN @.fact_client fc ON fc.client_id = j.client_id"
    " WHERE j.competitive = 1 AND j.start_date <= :a),"
    " j1 AS MATERIALIZED (SELECT j0.*, coalesce((SELECT fe.service = 0 FROM @.fact_episode fe"
    "  WHERE fe.idx = j0.episode), 0) AS scope FROM j0)"
    " SELECT j1.*,"
    "  scope AND jtype IS NOT NULL AND s = min(s) OVER (PARTITION BY client, scope, jtype)"
    "   AS new_type,"
    "  scope AND s = min(s) OVER (PARTITION BY client, scope, employer_id) AS new_employer"
    " FROM j1",
    "INSERT INTO @.fact_job"
    " SELECT row_number() OVER (ORDER BY j.client, j.s, j.job_id) - 1, j.client, j.episode,"
    "  " DAY("j.s") ", " DAY("j.en") ", j.hours, j.permanent,"
    "  CASE WHEN j.scope THEN 128 + (j.jtype IS NOT NULL) + 2 * j.new_type + 4 * j.new_employer"
    "   + 8 * " MEET("c.date >= date(j.s, '-7 days') AND c.date <= date(j.s, '-1 days')")
    "   + 16 * " MEET("c.date >= j.s AND c.date <= date(j.s, '+3 days')")
    "   + 32 * (" WEEK("0", "6") " AND " WEEK("7", "13") " AND " WEEK("14", "20")
    "    AND " WEEK("21", "27") ")"
    "   + 64 * " MEET("c.date >= ips_add_months(j.s, 4)") " ELSE 0 END,"
    "  CASE WHEN j.scope THEN " MONTH("1") " + " MONTH("2") " + " MONTH("3") " + " MONTH("4")
    "   + " MONTH("5") " + " MONTH("6") " ELSE 0 END"
    " FROM temp.fact_job_stage j ORDER BY j.client, j.s, j.job_id",
    "DROP TABLE temp.fact_job_stage",
    /* Only the job look-ups above need it; the fact set keeps no index of its own. */
    "DROP INDEX @.fact_episode_client",

    /* R11 and R14 per coach and day. */
    "CREATE TABLE @.fact_coach_day(coach INTEGER NOT NULL, day INTEGER NOT NULL,"
    " employer_contacts INTEGER NOT NULL, minutes REAL NOT NULL, community_minutes REAL NOT NULL,"
    " PRIMARY KEY(coach, day)) WITHOUT ROWID",
    /* filled in C after these statements (model/facts_coach_days.c) */

    /* meetings_per_month_basic: in-person client contacts per client-day,
     * only for clients with a basic-support ips episode. */
    "CREATE TABLE @.fact_meeting_day(client INTEGER NOT NULL, day INTEGER NOT NULL,"
    " n INTEGER NOT NULL, PRIMARY KEY(client, day)) WITHOUT ROWID",
    /* filled in C with the coach days, from the same scan of the contacts */

    /* Outcome instruments: every score dated up to A (R1), in the order the
     * engine pairs them; the window and same-day means are the engine's. */
    "CREATE TABLE @.fact_score(client INTEGER NOT NULL, instrument TEXT NOT NULL,"
    " day INTEGER NOT NULL, score REAL NOT NULL)",
    "INSERT INTO @.fact_score"
    " SELECT fc.idx, a.instrument, " DAY("a.date") ", a.score FROM main.assessments a"
    " JOIN @.fact_client fc ON fc.client_id = a.client_id WHERE a.date <= :a"
    " ORDER BY fc.idx, a.instrument, a.date",
    NULL,
};

/* tmpl with every "@" replaced by schema; false when it does not fit. */
static bool expand(const char *tmpl, const char *schema, char *out, size_t n)
{
    size_t k = 0, sl = strlen(schema);
    for (const char *p = tmpl; *p; p++) {
        const char *put = *p == '@' ? schema : p;
        size_t len = *p == '@' ? sl : 1;
        if (k + len >= n)
            return false;
        memcpy(out + k, put, len);
        k += len;
    }
    out[k] = '\0';
    return true;
}

ips_error facts_build(warehouse *wh, const char *schema, ips_day as_of, ips_diag *d)
{
    sqlite3 *db = warehouse_db(wh);
    if (sqlfn_register(db) != SQLITE_OK)
        return warehouse_fail(wh, d, "preparing the derived facts");
    char a[11];
    date_format_iso(as_of == IPS_DAY_NONE ? 0 : as_of, a);
    char sql[16384];
    for (size_t i = 0; build_sql[i]; i++) {
        if (!expand(build_sql[i], schema, sql, sizeof sql))
            return ips_diag_set(d, IPS_ERR_DB, "internal error: a fact query is too long");
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
            return warehouse_fail(wh, d, "building the derived facts");
        int idx = sqlite3_bind_parameter_index(st, ":a");
        if (idx > 0)
            sqlite3_bind_text(st, idx, a, -1, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE)
            return warehouse_fail(wh, d, "building the derived facts");
    }
    return facts_coach_days(wh, schema, a, d);
}

/* The batches say what ipsreport loaded; their rows stored also move when
 * an earlier batch's rejected or waiting rows are stored later (ingest/
 * retry.c), possibly as updates that change no count; the row counts also
 * catch rows written beside it (a test's or a user's own SQL).  count(*)
 * reads the smallest index of each table, which stays cheap at national
 * scale. */
ips_error facts_stamp(warehouse *wh, char *buf, size_t n, ips_diag *d)
{
    static const char sql[] =
        "SELECT (SELECT count(*) FROM main.batches), (SELECT coalesce(max(batch_id), 0) FROM"
        " main.batches), (SELECT coalesce(sum(rows_stored), 0) FROM main.batches),"
        " (SELECT count(*) FROM main.coaches), (SELECT count(*) FROM"
        " main.clients), (SELECT count(*) FROM main.employers), (SELECT count(*) FROM"
        " main.enrollments), (SELECT count(*) FROM main.contacts), (SELECT count(*) FROM"
        " main.jobs), (SELECT count(*) FROM main.assessments), (SELECT count(*) FROM"
        " main.fidelity_reviews)";
    sqlite3_stmt *st;
    if (warehouse_stamp_get(wh, buf, n))
        return IPS_OK;
    if (sqlite3_prepare_v2(warehouse_db(wh), sql, -1, &st, NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, "reading the data generation");
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        size_t k = (size_t)snprintf(buf, n, "%d", FACTS_VERSION);
        for (int i = 0; i < sqlite3_column_count(st) && k < n; i++)
            k += (size_t)snprintf(buf + k, n - k, ":%lld", sqlite3_column_int64(st, i));
        warehouse_stamp_keep(wh, buf);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? IPS_OK : warehouse_fail(wh, d, "reading the data generation");
}

static ips_error exec(warehouse *wh, const char *sql, ips_diag *d)
{
    if (sqlite3_exec(warehouse_db(wh), sql, NULL, NULL, NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, "rebuilding the derived facts");
    return IPS_OK;
}

/* R1 from the raw tables: the latest date in any date column. */
ips_error facts_scan_as_of(warehouse *wh, ips_day *out, ips_diag *d)
{
    static const char *const sql =
        "SELECT max(v) FROM ("
        " SELECT max(start_date) AS v FROM coaches UNION ALL SELECT max(end_date) FROM coaches"
        " UNION ALL SELECT max(referral_date) FROM enrollments"
        " UNION ALL SELECT max(start_date) FROM enrollments"
        " UNION ALL SELECT max(end_date) FROM enrollments"
        " UNION ALL SELECT max(date) FROM contacts"
        " UNION ALL SELECT max(start_date) FROM jobs UNION ALL SELECT max(end_date) FROM jobs"
        " UNION ALL SELECT max(date) FROM assessments"
        " UNION ALL SELECT max(review_date) FROM fidelity_reviews)";
    sqlite3_stmt *st;
    *out = IPS_DAY_NONE;
    if (sqlite3_prepare_v2(warehouse_db(wh), sql, -1, &st, NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, "finding the as-of date");
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
        date_parse_iso((const char *)sqlite3_column_text(st, 0), out);
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW)
        return warehouse_fail(wh, d, "finding the as-of date");
    return IPS_OK;
}

/* The stored facts as read back, packed for fast loading (model/facts_pack.c). */
static ips_error pack(warehouse *wh, ips_diag *d)
{
    facts *f = calloc(1, sizeof *f);
    if (!f)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    ips_error e = facts_read_dims(wh, "main", f, d);
    if (e == IPS_OK)
        e = facts_pack_write(wh, f, d);
    facts_free(f);
    return e;
}

ips_error facts_rebuild(warehouse *wh, ips_diag *d)
{
    ips_error e = exec(wh, "BEGIN IMMEDIATE", d);
    if (e != IPS_OK)
        return e;
    ips_day a = IPS_DAY_NONE;
    char stamp[256], as_of[16] = "";
    e = facts_scan_as_of(wh, &a, d);
    if (e == IPS_OK)
        e = facts_build(wh, "main", a, d);
    if (e == IPS_OK)
        e = pack(wh, d);
    if (e == IPS_OK)
        e = facts_stamp(wh, stamp, sizeof stamp, d);
    if (e == IPS_OK && a != IPS_DAY_NONE)
        date_format_iso(a, as_of);
    if (e == IPS_OK)
        e = warehouse_meta_set(wh, "facts_stamp", stamp, d);
    if (e == IPS_OK)
        e = warehouse_meta_set(wh, "facts_as_of", as_of, d);
    if (e == IPS_OK) {
        /* the facts just built are the ones the patterns are built from */
        warehouse_facts_rebuilt(wh);
        e = disclosure_store_write(wh, a, d);
    }
    if (e == IPS_OK)
        e = quality_keep(wh, a, d);
    if (e == IPS_OK)
        e = exec(wh, "COMMIT", d);
    if (e == IPS_OK)
        warehouse_facts_rebuilt(wh);
    if (e != IPS_OK)
        sqlite3_exec(warehouse_db(wh), "ROLLBACK", NULL, NULL, NULL);
    return e;
}

ips_error facts_refresh(warehouse *wh, ips_diag *d)
{
    bool fresh;
    ips_day stored;
    ips_error e = facts_stored_as_of(wh, &fresh, &stored, d);
    return e != IPS_OK || fresh ? e : facts_rebuild(wh, d);
}
