/* Reading a national warehouse's packs into merged queries
 * (model/national.h): the packs' rows, grouped by query and county, each
 * query merged once when the facts are loaded. */
#include "model/national.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/pack.h"
#include "model/pack_rows.h"

static ips_error nomem(ips_diag *d)
{
    return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
}

ips_error national_facts_summary(warehouse *wh, national *n, ips_diag *d)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(warehouse_db(wh),
                           "SELECT max(as_of), min(first_day), min(ips_first_day), "
                           "max(period_first), min(period_last), count(*) FROM national_packs",
                           -1, &st, NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, "reading the national warehouse");
    if (sqlite3_step(st) == SQLITE_ROW) {
        n->as_of = pack_column_day(st, 0);
        n->first_day = pack_column_day(st, 1);
        n->ips_first_day = pack_column_day(st, 2);
        n->period_first = pack_column_day(st, 3);
        n->period_last = pack_column_day(st, 4);
        n->counties = (size_t)sqlite3_column_int64(st, 5);
    }
    sqlite3_finalize(st);
    if (n->counties == 0 || n->as_of == IPS_DAY_NONE)
        return ips_diag_set(d, IPS_ERR_NO_DATA,
                            "%s is a national warehouse without packs; merge the counties' "
                            "packs first (ipsreport merge --db %s PACK...)",
                            warehouse_path(wh), warehouse_path(wh));
    return IPS_OK;
}

/* The query being read: every county's rows of it. */
typedef struct {
    national_query q;
    metric_set **county;
    size_t n, cap;
    char last_county[PACK_COUNTY_MAX];
} pending;

static bool spans_any_start(const char *family)
{
    return strcmp(family, PACK_FAMILY_SINCE) == 0 || strcmp(family, PACK_FAMILY_FUNDER) == 0 ||
           strcmp(family, PACK_FAMILY_PARTS_OF PACK_FAMILY_SINCE) == 0;
}

static ips_error flush(national *n, pending *p, size_t *cap, ips_diag *d)
{
    if (p->n == 0)
        return IPS_OK;
    if (n->n == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        national_query *g = realloc(n->q, *cap * sizeof *g);
        if (!g)
            return nomem(d);
        n->q = g;
    }
    national_query *q = &n->q[n->n];
    *q = p->q;
    ips_error e = (q->rows = metric_set_new()) ? IPS_OK : nomem(d);
    if (e == IPS_OK)
        n->n++;
    /* Parts are not merged: the family that reads them adds them up. */
    bool parts = strncmp(q->family, PACK_FAMILY_PARTS, strlen(PACK_FAMILY_PARTS)) == 0;
    for (size_t i = 0; parts && e == IPS_OK && i < p->n; i++)
        for (size_t k = 0; e == IPS_OK && k < p->county[i]->n; k++) {
            metric_row *r = metric_set_add(q->rows, "");
            if (r)
                *r = p->county[i]->rows[k];
            else
                e = nomem(d);
        }
    if (e == IPS_OK && !parts)
        e = national_rows_merge((const metric_set *const *)p->county, p->n, q->rows, d);
    for (size_t i = 0; i < p->n; i++)
        metric_set_free(p->county[i]);
    p->n = 0;
    p->last_county[0] = '\0';
    return e;
}

/* The set row r of county goes into (a new one when the county changes). */
static metric_set *county_set(pending *p, const char *county)
{
    if (p->n > 0 && strcmp(p->last_county, county) == 0)
        return p->county[p->n - 1];
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 8;
        metric_set **g = realloc(p->county, p->cap * sizeof *g);
        if (!g)
            return NULL;
        p->county = g;
    }
    metric_set *s = metric_set_new();
    if (s) {
        p->county[p->n++] = s;
        snprintf(p->last_county, sizeof p->last_county, "%s", county);
    }
    return s;
}

static bool same_query(const pending *p, const char *family, ips_day qs, ips_day qe,
                       metric_group by)
{
    return p->n > 0 && strcmp(p->q.family, family) == 0 && p->q.qe == qe && p->q.by == by &&
           (spans_any_start(family) || p->q.qs == qs);
}

static ips_error read_row(national *n, pending *p, size_t *cap, sqlite3_stmt *st, ips_diag *d)
{
    const char *county = (const char *)sqlite3_column_text(st, 0);
    const char *family = (const char *)sqlite3_column_text(st, 1);
    ips_day qs = pack_column_day(st, 2), qe = pack_column_day(st, 3);
    const char *by_name = (const char *)sqlite3_column_text(st, 4);
    int by = by_name && *by_name ? metric_group_find(by_name) : GROUP_NONE;
    if (!county || !family || strlen(family) >= sizeof p->q.family || by < 0 ||
        qs == IPS_DAY_NONE || qe == IPS_DAY_NONE)
        return ips_diag_set(d, IPS_ERR_PACK, "a pack row of %s names no query it can be of",
                            county ? county : "a county");
    if (!same_query(p, family, qs, qe, (metric_group)by)) {
        ips_error e = flush(n, p, cap, d);
        if (e != IPS_OK)
            return e;
        snprintf(p->q.family, sizeof p->q.family, "%s", family);
        p->q.qs = qs, p->q.qe = qe, p->q.by = (metric_group)by;
    }
    if (qs < p->q.qs)
        p->q.qs = qs; /* a span since the start: the earliest county's */
    metric_set *s = county_set(p, county);
    metric_row *r = s ? metric_set_add(s, "") : NULL;
    if (!r)
        return nomem(d);
    if (!pack_row_read(st, 6, r))
        return ips_diag_set(d, IPS_ERR_PACK, "a pack row of %s cannot be read", county);
    return IPS_OK;
}

ips_error national_facts_rows(warehouse *wh, national *n, ips_diag *d)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(
            warehouse_db(wh),
            "SELECT county, family, q_start, q_end, q_by, seq, " PACK_ROW_COLUMNS
            " FROM national_rows ORDER BY family, q_end, q_by, CASE WHEN family IN "
            "('since', 'funder') THEN '' ELSE q_start END, county, seq",
            -1, &st, NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, "reading the national rows");
    pending p = {0};
    size_t cap = 0;
    ips_error e = IPS_OK;
    int rc;
    while (e == IPS_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
        e = read_row(n, &p, &cap, st, d);
    if (e == IPS_OK && rc != SQLITE_DONE)
        e = warehouse_fail(wh, d, "reading the national rows");
    if (e == IPS_OK)
        e = flush(n, &p, &cap, d);
    for (size_t i = 0; i < p.n; i++)
        metric_set_free(p.county[i]);
    free(p.county);
    sqlite3_finalize(st);
    return e;
}
