/* The data-quality findings (model/quality.h): counted on the raw tables,
 * and kept with the facts for the data's own as-of date (table
 * quality_pack), since every publication shows them and the counts over
 * the contacts took a tenth of a second at national scale. */
#include "model/quality.h"
#include "model/facts.h"
#include "model/pack.h"
#include "model/pack_rows.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/utf8_cut.h"

/* Each query returns the ids of the records that break one expectation. */
static const struct {
    const char *id;
    const char *text;
    const char *sql;
} checks[] = {
    {"episodes_without_coach", "IPS episodes with no coach",
     "SELECT enrollment_id FROM enrollments WHERE service = 'ips' AND coach_id IS NULL "
     "ORDER BY enrollment_id"},
    {"open_episodes_over_two_years", "open episodes that started more than two years before the as-of date",
     "SELECT enrollment_id FROM enrollments WHERE end_date IS NULL "
     "AND start_date < date(:as_of, '-730 days') ORDER BY start_date"},
    {"jobs_without_episode", "jobs that overlap none of the client's episodes",
     "SELECT j.job_id FROM jobs j WHERE NOT EXISTS (SELECT 1 FROM enrollments e "
     "WHERE e.client_id = j.client_id AND e.start_date <= coalesce(j.end_date, '9999-12-31') "
     "AND coalesce(e.end_date, '9999-12-31') >= j.start_date) ORDER BY j.job_id"},
    {"clients_without_contact_90_days", "clients with an open episode and no contact in the last 90 days",
     "SELECT DISTINCT e.client_id FROM enrollments e WHERE e.end_date IS NULL "
     "AND e.start_date <= date(:as_of, '-90 days') AND NOT EXISTS (SELECT 1 FROM contacts c "
     "WHERE c.client_id = e.client_id AND c.date > date(:as_of, '-90 days') "
     "AND c.date <= :as_of) ORDER BY e.client_id"},
    {"contacts_after_as_of", "contacts dated after the as-of date",
     "SELECT contact_id FROM contacts WHERE date > :as_of ORDER BY date"},
};

const char *quality_finding_text(const char *id)
{
    for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++)
        if (strcmp(checks[i].id, id) == 0)
            return checks[i].text;
    return id;
}

static ips_error run_check(warehouse *wh, size_t i, const char *as_of, quality_finding *f,
                           ips_diag *d)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(warehouse_db(wh), checks[i].sql, -1, &st, NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, "checking data quality");
    int idx = sqlite3_bind_parameter_index(st, ":as_of");
    if (idx)
        sqlite3_bind_text(st, idx, as_of, -1, SQLITE_STATIC);
    f->id = checks[i].id;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (f->count++ < 5) {
            size_t n = strlen(f->examples);
            const char *ex = (const char *)sqlite3_column_text(st, 0);
            ex = ex ? ex : "";
            snprintf(f->examples + n, sizeof f->examples - n, "%s%.*s", n ? ", " : "",
                     (int)utf8_cut(ex, 30), ex);
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? IPS_OK : warehouse_fail(wh, d, "checking data quality");
}

static ips_error count_rows(warehouse *wh, quality_report *r, ips_diag *d)
{
    for (int e = 0; e < ENT__COUNT; e++) {
        char sql[96];
        sqlite3_stmt *st;
        /* The table name comes from the contract's constant list, not from input. */
        snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", contract_entity_get(e)->name);
        if (sqlite3_prepare_v2(warehouse_db(wh), sql, -1, &st, NULL) != SQLITE_OK)
            return warehouse_fail(wh, d, "counting rows");
        if (sqlite3_step(st) == SQLITE_ROW)
            r->rows[e] = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    return IPS_OK;
}

static ips_error group_rejects(warehouse *wh, quality_report *r, ips_diag *d)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(warehouse_db(wh),
                           "SELECT b.batch_id, b.file_name, coalesce(x.column_name, 'row'), "
                           "count(*), min(x.line), min(x.reason) FROM rejects x "
                           "JOIN batches b ON b.batch_id = x.batch_id "
                           /* A reading superseded by another of the same
                            * bytes is history: that one decided every row. */
                           "WHERE b.superseded_by IS NULL "
                           "GROUP BY b.batch_id, x.column_name ORDER BY b.batch_id, count(*) DESC",
                           -1, &st, NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, "grouping rejects");
    int rc;
    size_t cap = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (r->nrejects == cap) {
            cap = cap ? cap * 2 : 16;
            quality_rejects *g = realloc(r->rejects, cap * sizeof *g);
            if (!g) {
                sqlite3_finalize(st);
                return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
            }
            r->rejects = g;
        }
        quality_rejects *g = &r->rejects[r->nrejects++];
        g->batch_id = sqlite3_column_int64(st, 0);
        g->file_name = strdup((const char *)sqlite3_column_text(st, 1));
        g->column = strdup((const char *)sqlite3_column_text(st, 2));
        g->count = sqlite3_column_int64(st, 3);
        g->first_line = sqlite3_column_int64(st, 4);
        g->example = strdup((const char *)sqlite3_column_text(st, 5));
        if (!g->file_name || !g->column || !g->example) {
            sqlite3_finalize(st);
            return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? IPS_OK : warehouse_fail(wh, d, "grouping rejects");
}

#define N_CHECKS (sizeof checks / sizeof checks[0])

/* The counts and findings of the raw tables at as_of, into r. */
static ips_error count_all(warehouse *wh, ips_day as_of, quality_report *r, ips_diag *d)
{
    char iso[11];
    date_format_iso(as_of, iso);
    ips_error e = count_rows(wh, r, d);
    for (size_t i = 0; e == IPS_OK && i < N_CHECKS; i++, r->nfindings++)
        e = run_check(wh, i, iso, &r->findings[i], d);
    return e;
}

static const char keep_sql[] =
    "DROP TABLE IF EXISTS main.quality_pack;"
    "CREATE TABLE main.quality_pack(item INTEGER PRIMARY KEY, as_of INTEGER NOT NULL,"
    " count INTEGER NOT NULL, examples TEXT NOT NULL)";

/* One row per entity's row count (items 0 … ENT__COUNT − 1), then one per
 * check in the order of checks[]. */
static ips_error keep_rows(warehouse *wh, ips_day as_of, const quality_report *r, ips_diag *d)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(warehouse_db(wh), "INSERT INTO main.quality_pack VALUES(?1, ?2, ?3, ?4)",
                           -1, &st, NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, "keeping the data-quality findings");
    int rc = SQLITE_DONE;
    for (size_t i = 0; rc == SQLITE_DONE && i < ENT__COUNT + N_CHECKS; i++) {
        bool row = i < ENT__COUNT;
        sqlite3_bind_int64(st, 1, (sqlite3_int64)i);
        sqlite3_bind_int64(st, 2, as_of);
        sqlite3_bind_int64(st, 3, row ? r->rows[i] : r->findings[i - ENT__COUNT].count);
        sqlite3_bind_text(st, 4, row ? "" : r->findings[i - ENT__COUNT].examples, -1,
                          SQLITE_STATIC);
        rc = sqlite3_step(st);
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? IPS_OK : warehouse_fail(wh, d, "keeping the data-quality findings");
}

ips_error quality_keep(warehouse *wh, ips_day as_of, ips_diag *d)
{
    if (sqlite3_exec(warehouse_db(wh), keep_sql, NULL, NULL, NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, "keeping the data-quality findings");
    if (as_of == IPS_DAY_NONE)
        return IPS_OK;
    quality_report r = {0};
    quality_finding f[N_CHECKS];
    memset(f, 0, sizeof f);
    r.findings = f;
    ips_error e = count_all(wh, as_of, &r, d);
    return e == IPS_OK ? keep_rows(wh, as_of, &r, d) : e;
}

/* The kept counts and findings into r when they are of as_of and the
 * stored facts are of the data's generation; *kept says whether. */
static ips_error read_kept(warehouse *wh, ips_day as_of, quality_report *r, bool *kept,
                           ips_diag *d)
{
    *kept = false;
    bool fresh;
    ips_day stored;
    ips_error e = facts_stored_as_of(wh, &fresh, &stored, d);
    sqlite3_stmt *st;
    /* No table (an older ipsreport kept none): count. */
    if (e != IPS_OK || !fresh || stored != as_of ||
        sqlite3_prepare_v2(warehouse_db(wh),
                           "SELECT item, count, examples FROM main.quality_pack WHERE as_of = ?1"
                           " ORDER BY item", -1, &st, NULL) != SQLITE_OK)
        return e;
    sqlite3_bind_int64(st, 1, as_of);
    size_t n = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < ENT__COUNT + N_CHECKS &&
           sqlite3_column_int64(st, 0) == (sqlite3_int64)n) {
        long long c = sqlite3_column_int64(st, 1);
        if (n < ENT__COUNT) {
            r->rows[n] = c;
        } else {
            quality_finding *f = &r->findings[n - ENT__COUNT];
            f->id = checks[n - ENT__COUNT].id;
            f->count = c;
            snprintf(f->examples, sizeof f->examples, "%s", sqlite3_column_text(st, 2));
        }
        n++;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return warehouse_fail(wh, d, "reading the data-quality findings");
    *kept = n == ENT__COUNT + N_CHECKS && rc == SQLITE_DONE;
    if (*kept)
        r->nfindings = N_CHECKS;
    else /* not all there: counted afresh */
        memset(r->findings, 0, N_CHECKS * sizeof *r->findings);
    return IPS_OK;
}

ips_error quality_check(warehouse *wh, ips_day as_of, quality_report **out, ips_diag *d)
{
    quality_report *r = calloc(1, sizeof *r);
    *out = NULL;
    if (!r || !(r->findings = calloc(N_CHECKS, sizeof *r->findings))) {
        free(r);
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    }
    r->as_of = as_of;
    bool kept;
    ips_error e = read_kept(wh, as_of, r, &kept, d);
    if (e == IPS_OK && !kept)
        e = count_all(wh, as_of, r, d);
    bool national = false;
    if (e == IPS_OK)
        e = national_is(wh, &national, d);
    if (e == IPS_OK) /* a national warehouse: the counties' counts */
        e = national ? national_quality(wh, r, d) : group_rejects(wh, r, d);
    if (e != IPS_OK) {
        quality_report_free(r);
        return e;
    }
    *out = r;
    return IPS_OK;
}

void quality_report_free(quality_report *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nrejects; i++) {
        free(r->rejects[i].file_name);
        free(r->rejects[i].column);
        free(r->rejects[i].example);
    }
    free(r->rejects);
    free(r->findings);
    free(r);
}
