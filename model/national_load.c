/* Reading a national warehouse's packs into merged queries
 * (model/national.h): the packs' rows, grouped by query and county, each
 * query merged once when the facts are loaded. */
#include "model/national.h"
#include "common/intern.h"

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

static bool spans_any_start(const char *family)
{
    return strcmp(family, PACK_FAMILY_SINCE) == 0 || strcmp(family, PACK_FAMILY_FUNDER) == 0 ||
           strcmp(family, PACK_FAMILY_PARTS_OF PACK_FAMILY_SINCE) == 0;
}

/* Every county's rows of one query, a set per county, into county[]. */
static ips_error read_query(national *n, const national_query *q, metric_set ***county,
                            size_t *nc, ips_day *qs, bool by_county, ips_diag *d)
{
    sqlite3_stmt *st;
    bool any = spans_any_start(q->family);
    if (sqlite3_prepare_v2(warehouse_db(n->wh),
                           "SELECT county, q_start, " PACK_ROW_COLUMNS " FROM national_rows "
                           "WHERE family = ?1 AND q_end = ?2 AND q_by = ?3 "
                           "AND (?4 IS NULL OR q_start = ?4) ORDER BY county, seq",
                           -1, &st, NULL) != SQLITE_OK)
        return warehouse_fail(n->wh, d, "reading the national rows");
    /* by county: each county's whole rows, its group the county */
    sqlite3_bind_text(st, 1, by_county ? PACK_FAMILY_METRICS : q->family, -1, SQLITE_STATIC);
    pack_bind_day(st, 2, q->qe);
    sqlite3_bind_text(st, 3, by_county ? "" : metric_group_name(q->by), -1, SQLITE_STATIC);
    pack_bind_day(st, 4, any ? IPS_DAY_NONE : q->qs);
    char last[PACK_COUNTY_MAX] = "";
    size_t cap = 0;
    ips_error e = IPS_OK;
    int rc;
    *qs = IPS_DAY_NONE;
    while (e == IPS_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *c = (const char *)sqlite3_column_text(st, 0);
        if (*nc == 0 || strcmp(last, c ? c : "") != 0) {
            if (*nc == cap) {
                cap = cap ? cap * 2 : 8;
                metric_set **g = realloc(*county, cap * sizeof *g);
                if (!g) {
                    e = nomem(d);
                    break;
                }
                *county = g;
            }
            if (!((*county)[*nc] = metric_set_new())) {
                e = nomem(d);
                break;
            }
            (*nc)++;
            snprintf(last, sizeof last, "%s", c ? c : "");
        }
        ips_day s = pack_column_day(st, 1);
        if (s != IPS_DAY_NONE && (*qs == IPS_DAY_NONE || s < *qs))
            *qs = s; /* a span since the start: the earliest county's */
        metric_row *r = metric_set_add((*county)[*nc - 1], "");
        if (!r)
            e = nomem(d);
        else if (!pack_row_read(st, 2, r))
            e = ips_diag_set(d, IPS_ERR_PACK, "a pack row of %s cannot be read", last);
        else if (by_county && r->group_by[0])
            (*county)[*nc - 1]->n--; /* a review's, a region's or a bin's: not the county's */
        else if (by_county) {
            r->group_by = metric_group_name(GROUP_COUNTY); /* a static name */
            r->group = ips_intern(last);
        }
    }
    if (e == IPS_OK && rc != SQLITE_DONE)
        e = warehouse_fail(n->wh, d, "reading the national rows");
    sqlite3_finalize(st);
    return e;
}

/* Parts are not merged: the family that reads them adds them up. */
static ips_error concatenate(metric_set *const *county, size_t nc, metric_set *out, ips_diag *d)
{
    for (size_t i = 0; i < nc; i++)
        if (!metric_set_append(out, county[i]))
            return nomem(d);
    return IPS_OK;
}

/* How many merged queries the cache keeps.  Every caller uses a cached
 * query before it looks up the next cached one (the parts it reads after
 * are not cached), so the oldest can go: a merge's pattern reads thousands
 * of passes once each, and keeping them all held every row of the universe
 * (33 MB at 1×, most of the merge's peak).  A publication asks a period
 * again soon after, well inside this window. */
#define NATIONAL_CACHE 32

static ips_error keep(national *n, const national_query *q, national_query **out, ips_diag *d)
{
    if (!n->q && !(n->q = malloc(NATIONAL_CACHE * sizeof *n->q)))
        return nomem(d);
    if (n->n == NATIONAL_CACHE) { /* the oldest goes; the others stay where they are */
        national_query_free(n->q[0]);
        memmove(n->q, n->q + 1, (n->n - 1) * sizeof *n->q);
        n->n--;
    }
    if (!(n->q[n->n] = malloc(sizeof *n->q[n->n])))
        return nomem(d);
    *n->q[n->n] = *q;
    *out = n->q[n->n++];
    return IPS_OK;
}

ips_error national_load_query(national *n, const char *family, ips_day qs, ips_day qe,
                              metric_group by, bool cache, national_query **out, ips_diag *d)
{
    national_query q = {.qs = qs, .qe = qe, .by = by};
    snprintf(q.family, sizeof q.family, "%s", family);
    metric_set **county = NULL;
    size_t nc = 0;
    ips_day first = IPS_DAY_NONE;
    ips_error e = read_query(n, &q, &county, &nc, &first, by == GROUP_COUNTY, d);
    if (e == IPS_OK && !(q.rows = metric_set_new()))
        e = nomem(d);
    if (e == IPS_OK && spans_any_start(family) && first != IPS_DAY_NONE)
        q.qs = first;
    q.absent = nc == 0;
    if (e == IPS_OK)
        e = strncmp(family, PACK_FAMILY_PARTS, strlen(PACK_FAMILY_PARTS)) == 0
                ? concatenate(county, nc, q.rows, d)
                : national_rows_merge((const metric_set *const *)county, nc, q.rows, d);
    for (size_t i = 0; i < nc; i++)
        metric_set_free(county[i]);
    free(county);
    if (e == IPS_OK && cache) {
        e = keep(n, &q, out, d);
    } else if (e == IPS_OK) { /* the caller's (national_query_free) */
        if ((*out = malloc(sizeof **out)))
            **out = q;
        else
            e = nomem(d);
    }
    if (e != IPS_OK)
        metric_set_free(q.rows);
    return e;
}

ips_error national_group_names(national *n, national_name_fn fn, void *user, ips_diag *d)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(warehouse_db(n->wh),
                           "SELECT group_by, grp FROM national_groups",
                           -1, &st, NULL) != SQLITE_OK)
        return ips_diag_set(d, IPS_ERR_PACK, "%s was merged by an earlier ipsreport; merge "
                            "the counties' packs into it again", warehouse_path(n->wh));
    ips_error e = IPS_OK;
    while (e == IPS_OK && sqlite3_step(st) == SQLITE_ROW)
        e = fn((const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
               user);
    sqlite3_finalize(st);
    return e == IPS_OK ? IPS_OK : nomem(d);
}
