/* A national warehouse read as facts (model/national.h): the coach
 * register and the reviews of every county, and the packs' rows merged
 * query by query. */
#include "model/engine.h"
#include "model/national.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/pack.h"
#include "model/pack_rows.h"

static ips_error nomem(ips_diag *d)
{
    return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
}

ips_error national_as_of(warehouse *wh, bool *known, ips_day *out, ips_diag *d)
{
    bool nat;
    *known = false;
    *out = IPS_DAY_NONE;
    ips_error e = national_is(wh, &nat, d);
    if (e != IPS_OK || !nat)
        return e;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(warehouse_db(wh), "SELECT max(as_of) FROM national_packs", -1, &st,
                           NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, "reading the national warehouse");
    if (sqlite3_step(st) == SQLITE_ROW)
        *out = pack_column_day(st, 0);
    sqlite3_finalize(st);
    *known = true;
    return IPS_OK;
}

/* ---- names: each dimension sorted, "" first --------------------------- */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static ips_error dim_add(facts_dim *dm, size_t *cap, const char *s)
{
    if ((size_t)dm->n == *cap) {
        *cap = *cap ? *cap * 2 : 16;
        char **g = realloc(dm->names, *cap * sizeof *g);
        if (!g)
            return IPS_ERR_NOMEM;
        dm->names = g;
    }
    if (!(dm->names[dm->n] = strdup(s ? s : "")))
        return IPS_ERR_NOMEM;
    dm->n++;
    return IPS_OK;
}

static void dim_sort(facts_dim *dm)
{
    qsort(dm->names, (size_t)dm->n, sizeof *dm->names, cmp_str);
    int w = 0;
    for (int i = 0; i < dm->n; i++) {
        if (w > 0 && strcmp(dm->names[w - 1], dm->names[i]) == 0)
            free(dm->names[i]);
        else
            dm->names[w++] = dm->names[i];
    }
    dm->n = w;
}

static int32_t dim_id(const facts_dim *dm, const char *s)
{
    const char *key = s ? s : "";
    char **hit = bsearch(&key, dm->names, (size_t)dm->n, sizeof *dm->names, cmp_str);
    return hit ? (int32_t)(hit - dm->names) : 0;
}

/* ---- the coach register: each coach once ------------------------------ */

static const char *col(sqlite3_stmt *st, int i)
{
    const char *t = (const char *)sqlite3_column_text(st, i);
    return t ? t : "";
}

static double col_num(sqlite3_stmt *st, int i)
{
    return sqlite3_column_type(st, i) == SQLITE_NULL ? NAN : sqlite3_column_double(st, i);
}

static const char *const coach_sql =
    "SELECT coach_id, provider_id, team_id, region, fte, focus_share, community_share, "
    "start_date, end_date FROM national_coaches GROUP BY coach_id ORDER BY coach_id";

static ips_error load_coaches(warehouse *wh, facts *f, size_t cap[FD__COUNT], ips_diag *d)
{
    static const facts_dim_id dims[] = {FD_COACH, FD_PROVIDER, FD_TEAM, FD_REGION};
    sqlite3_stmt *st;
    for (int pass = 0; pass < 2; pass++) {
        if (sqlite3_prepare_v2(warehouse_db(wh), coach_sql, -1, &st, NULL) != SQLITE_OK)
            return warehouse_fail(wh, d, "reading the national coach register");
        size_t n = 0;
        while (sqlite3_step(st) == SQLITE_ROW) {
            if (pass == 0) {
                for (int k = 0; k < 4; k++)
                    if (dim_add(&f->dim[dims[k]], &cap[dims[k]], col(st, k)) != IPS_OK) {
                        sqlite3_finalize(st);
                        return nomem(d);
                    }
                n++;
                continue;
            }
            fact_coach *c = &f->coaches[f->n_coaches++];
            c->id = dim_id(&f->dim[FD_COACH], col(st, 0));
            c->provider = dim_id(&f->dim[FD_PROVIDER], col(st, 1));
            c->team = dim_id(&f->dim[FD_TEAM], col(st, 2));
            c->region = dim_id(&f->dim[FD_REGION], col(st, 3));
            c->fte = col_num(st, 4);
            c->focus_share = col_num(st, 5);
            c->community_share = col_num(st, 6);
            ips_day day;
            c->start = date_parse_iso(col(st, 7), &day) ? day : IPS_DAY_NONE;
            c->end = date_parse_iso(col(st, 8), &day) ? day : IPS_DAY_NONE;
        }
        sqlite3_finalize(st);
        if (pass == 0) {
            for (int k = 0; k < FD__COUNT; k++)
                if (dim_add(&f->dim[k], &cap[k], "") != IPS_OK)
                    return nomem(d);
            for (int k = 0; k < FD__COUNT; k++)
                dim_sort(&f->dim[k]);
            if (!(f->coaches = calloc(n ? n : 1, sizeof *f->coaches)))
                return nomem(d);
        }
    }
    return IPS_OK;
}

typedef struct {
    facts *f;
    size_t *cap;
} names_ctx;

static ips_error add_name(const char *group_by, const char *group, void *user)
{
    names_ctx *c = user;
    int by = metric_group_find(group_by ? group_by : "");
    facts_dim_id dim = by < 0 ? FD__COUNT : eng_group_dim((metric_group)by);
    if (dim == FD__COUNT || !group)
        return IPS_OK;
    return dim_add(&c->f->dim[dim], &c->cap[dim], group);
}

/* ---- reviews ----------------------------------------------------------- */

static char *dup_or_null(sqlite3_stmt *st, int i)
{
    const char *t = (const char *)sqlite3_column_text(st, i);
    return t && *t ? strdup(t) : NULL;
}

static ips_error load_reviews(warehouse *wh, facts *f, ips_diag *d)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(warehouse_db(wh),
                           "SELECT review_id, unit, reviewer, review_date, item, status, score, "
                           "score_high FROM national_reviews ORDER BY review_id, item",
                           -1, &st, NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, "reading the national reviews");
    size_t cap = 0;
    ips_error e = IPS_OK;
    while (e == IPS_OK && sqlite3_step(st) == SQLITE_ROW) {
        if (f->n_review_items == cap) {
            cap = cap ? cap * 2 : 32;
            fact_review_item *g = realloc(f->review_items, cap * sizeof *g);
            if (!g) {
                e = nomem(d);
                break;
            }
            f->review_items = g;
        }
        fact_review_item *r = &f->review_items[f->n_review_items++];
        memset(r, 0, sizeof *r);
        r->review_id = strdup(col(st, 0));
        r->unit = strdup(col(st, 1));
        r->reviewer = dup_or_null(st, 2);
        ips_day day;
        r->review_date = date_parse_iso(col(st, 3), &day) ? day : IPS_DAY_NONE;
        r->item = sqlite3_column_int(st, 4);
        const char *s = col(st, 5);
        r->status = !*s || strcmp(s, "rated") == 0          ? FR_RATED
                    : strcmp(s, "not_applicable") == 0 ? FR_NOT_APPLICABLE
                                                       : FR_NOT_RATED;
        r->score = sqlite3_column_int(st, 6);
        r->score_high = sqlite3_column_int(st, 7);
        if (!r->review_id || !r->unit)
            e = nomem(d);
    }
    sqlite3_finalize(st);
    return e;
}

ips_error national_facts_load(warehouse *wh, facts **out, ips_diag *d)
{
    *out = NULL;
    facts *f = calloc(1, sizeof *f);
    national *n = calloc(1, sizeof *n);
    if (!f || !n) {
        free(f);
        free(n);
        return nomem(d);
    }
    f->national = n;
    ips_error e = national_facts_summary(wh, n, d);
    f->as_of = f->data_as_of = n->as_of;
    f->stored = true; /* the packs, merged with what was kept from them */
    size_t cap[FD__COUNT] = {0};
    n->wh = wh;
    /* Every group the counties' rows name, so the engine can finish the
     * families whose parts travel (model/engine_outcomes_parts.c). */
    names_ctx nc = {f, cap};
    if (e == IPS_OK)
        e = national_group_names(n, add_name, &nc, d);
    if (e == IPS_OK)
        e = load_coaches(wh, f, cap, d);
    if (e == IPS_OK)
        e = load_reviews(wh, f, d);
    if (e == IPS_OK)
        e = facts_build_offsets(f, d);
    if (e != IPS_OK) {
        facts_free(f);
        return e;
    }
    *out = f;
    return IPS_OK;
}
