#include "model/quality.h"
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
     "AND julianday(:as_of) - julianday(start_date) > 730 ORDER BY start_date"},
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

ips_error quality_check(warehouse *wh, ips_day as_of, quality_report **out, ips_diag *d)
{
    size_t n = sizeof checks / sizeof checks[0];
    quality_report *r = calloc(1, sizeof *r);
    *out = NULL;
    if (!r || !(r->findings = calloc(n, sizeof *r->findings))) {
        free(r);
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    }
    r->as_of = as_of;
    char iso[11];
    date_format_iso(as_of, iso);
    ips_error e = count_rows(wh, r, d);
    for (size_t i = 0; e == IPS_OK && i < n; i++, r->nfindings++)
        e = run_check(wh, i, iso, &r->findings[i], d);
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
