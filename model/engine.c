/* The engine's shared part: resolving a query's dates, the breakdowns'
 * groups over the facts, row set-up, and running the families. */
#include "model/engine.h"
#include "common/intern.h"
#include "model/national.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* R20's age groups, in strcmp order ('<' sorts after the digits). */
static const char *const age_names[] = {"", "25-29", "30-39", "40-49", "50-59", "60+", "<25"};
#define AGE_GROUPS ((int)(sizeof age_names / sizeof age_names[0]))

facts_dim_id eng_group_dim(metric_group g)
{
    switch (g) {
    case GROUP_PROVIDER: return FD_PROVIDER;
    case GROUP_TEAM: return FD_TEAM;
    case GROUP_COACH: return FD_COACH;
    case GROUP_REGION: return FD_REGION;
    case GROUP_MUNICIPALITY: return FD_MUNICIPALITY;
    case GROUP_GENDER: return FD_GENDER;
    case GROUP_SEGMENT: return FD_SEGMENT;
    case GROUP_REFERRAL_SOURCE: return FD_REFERRAL_SOURCE;
    case GROUP_EXIT_REASON: return FD_EXIT_REASON;
    default: return FD__COUNT;
    }
}

void eng_ctx_init(eng_ctx *ctx, const facts *f, const metric_query *q)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->f = f;
    ctx->q = q;
    ctx->p_start = q->start;
    ctx->as_of = f->as_of != IPS_DAY_NONE ? f->as_of : q->end; /* empty: nothing exists */
    /* R22: nothing after A is known, so no figure may count a day after it. */
    ctx->p_end = metric_period_cut(q->end, ctx->as_of);
    ctx->to_date = ctx->p_end < q->end;
    ctx->on_day = ctx->p_end;
    ctx->w_end = ctx->p_end;
    ctx->w_start = ctx->p_end - 364;
    int m, d;
    date_to_ymd(ctx->p_end, &ctx->p_year, &m, &d);
    ctx->by = q->by;
    facts_dim_id dim = eng_group_dim(q->by);
    ctx->ngroups = q->by == GROUP_AGE_GROUP ? AGE_GROUPS
                   : dim == FD__COUNT      ? 1
                                           : f->dim[dim].n;
    if (ctx->ngroups < 1)
        ctx->ngroups = 1;
}

static int age_group(const eng_ctx *ctx, int birth_year)
{
    if (birth_year == 0)
        return 0;
    int age = ctx->p_year - birth_year;
    return age < 25 ? 6 : age < 30 ? 1 : age < 40 ? 2 : age < 50 ? 3 : age < 60 ? 4 : 5;
}

int eng_coach_group(const eng_ctx *ctx, int k)
{
    if (k < 0)
        return 0;
    const fact_coach *c = &ctx->f->coaches[k];
    switch (ctx->by) {
    case GROUP_PROVIDER: return c->provider;
    case GROUP_TEAM: return c->team;
    case GROUP_COACH: return c->id;
    case GROUP_REGION: return c->region;
    default: return 0;
    }
}

int eng_episode_group(const eng_ctx *ctx, const fact_episode *e)
{
    const fact_client *cl = &ctx->f->clients[e->client];
    switch (ctx->by) {
    case GROUP_NONE: return 0;
    case GROUP_PROVIDER:
    case GROUP_TEAM:
    case GROUP_COACH:
    case GROUP_REGION: return eng_coach_group(ctx, e->coach);
    case GROUP_MUNICIPALITY: return cl->municipality;
    case GROUP_GENDER: return cl->gender;
    case GROUP_AGE_GROUP: return age_group(ctx, cl->birth_year);
    case GROUP_SEGMENT: return cl->segment;
    case GROUP_REFERRAL_SOURCE: return e->referral_source;
    case GROUP_EXIT_REASON: return e->exit_reason;
    case GROUP_COUNTY:
    case GROUP__COUNT: break;
    }
    return 0;
}

bool eng_coach_level(const eng_ctx *ctx)
{
    switch (ctx->by) {
    case GROUP_NONE:
    case GROUP_PROVIDER:
    case GROUP_TEAM:
    case GROUP_COACH:
    case GROUP_REGION: return true;
    default: return false;
    }
}

const char *eng_group_name(const eng_ctx *ctx, int g)
{
    if (ctx->by == GROUP_AGE_GROUP)
        return g >= 0 && g < AGE_GROUPS ? age_names[g] : "";
    facts_dim_id dim = eng_group_dim(ctx->by);
    return dim == FD__COUNT ? "" : facts_name(ctx->f, dim, g);
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int eng_group_find(const eng_ctx *ctx, const char *name)
{
    if (ctx->by == GROUP_AGE_GROUP) {
        for (int g = 0; g < AGE_GROUPS; g++)
            if (strcmp(age_names[g], name) == 0)
                return g;
        return -1;
    }
    facts_dim_id dim = eng_group_dim(ctx->by);
    if (dim == FD__COUNT)
        return name[0] ? -1 : 0;
    const facts_dim *dm = &ctx->f->dim[dim];
    char **hit = bsearch(&name, dm->names, (size_t)dm->n, sizeof *dm->names, cmp_name);
    return hit ? (int)(hit - dm->names) : -1;
}

int32_t *eng_group_marks(const eng_ctx *ctx)
{
    int32_t *last = malloc((size_t)ctx->ngroups * sizeof *last);
    for (int g = 0; last && g < ctx->ngroups; g++)
        last[g] = -1;
    return last;
}

metric_row *eng_row(const eng_ctx *ctx, metric_set *out, const char *metric, metric_kind kind,
                    int g)
{
    metric_row *r = metric_set_add(out, metric);
    if (!r)
        return NULL;
    r->period_start = ctx->p_start;
    r->period_end = ctx->p_end;
    r->to_date = ctx->to_date;
    r->kind = kind;
    r->group_by = metric_group_name(ctx->by); /* static names */
    r->group = ips_intern(eng_group_name(ctx, g));
    return r;
}

metric_row *eng_share_row(const eng_ctx *ctx, metric_set *out, const char *metric, int g,
                          double num, double den)
{
    metric_row *r = eng_row(ctx, out, metric, MK_SHARE, g);
    if (!r)
        return NULL;
    r->has = MH_NUMERATOR | MH_DENOMINATOR;
    r->numerator = num;
    r->denominator = den;
    r->decimals = 1;
    if (den > 0) {
        r->has |= MH_VALUE;
        r->value = metric_round(100.0 * num / den, 1);
    }
    return r;
}

typedef ips_error (*eng_family)(const eng_ctx *, metric_set *, ips_diag *);

/* facts_get_core()'s facts where a family reads the arrays it left out: a
 * caller's mistake, never a figure. */
static ips_error partial_facts(ips_diag *d)
{
    return ips_diag_set(d, IPS_ERR_DB, "the derived facts were read in part; "
                        "all of them are needed here");
}

ips_error engine_compute(const facts *f, const metric_query *q, metric_set *out, ips_diag *d)
{
    static const eng_family families[] = {
        engine_outcomes, engine_fidelity_items, engine_reviews,
        engine_funding,  engine_capacity,       engine_services, engine_instruments,
        engine_service_path_rows,
    };
    if (q->start == IPS_DAY_NONE || q->end == IPS_DAY_NONE || q->end < q->start)
        return ips_diag_set(d, IPS_ERR_PERIOD, "no valid period given");
    eng_ctx ctx;
    eng_ctx_init(&ctx, f, q);
    if (ctx.p_end < ctx.p_start) {
        char a[11];
        date_format_iso(ctx.as_of, a);
        return ips_diag_set(d, IPS_ERR_NO_DATA, "the period starts after the as-of day %s: "
                            "nothing is known of it", a);
    }
    if (f->national) /* a national warehouse: the counties' rows merged */
        return national_rows_get(f, q, out, d);
    if (q->by == GROUP_COUNTY)
        return ips_diag_set(d, IPS_ERR_USAGE, "the county breakdown is a national warehouse's "
                            "(ipsreport merge); a county's own warehouse has none");
    if (q->headline_only) {
        ips_error e = engine_outcomes(&ctx, out, d);
        return e == IPS_OK ? engine_fidelity_first_contact(&ctx, out, d) : e;
    }
    if (f->absent)
        return partial_facts(d);
    ips_error e = IPS_OK;
    for (size_t i = 0; e == IPS_OK && i < sizeof families / sizeof families[0]; i++)
        e = families[i](&ctx, out, d);
    return e;
}

ips_error engine_parts(const facts *f, const metric_query *q, eng_parts_kind kind,
                       metric_set *out, ips_diag *d)
{
    /* Of the lazy arrays only items 17 and 24 read one, the coach days: a
     * county's pack leaves the others out (facts_get_without). */
    if (f->absent & FACTS_LAZY_COACH_DAYS)
        return partial_facts(d);
    eng_ctx ctx;
    eng_ctx_init(&ctx, f, q);
    ips_error e = engine_outcomes_parts(&ctx, kind, out, d);
    if (e == IPS_OK)
        e = engine_fidelity_parts(&ctx, kind, out, d);
    return e == IPS_OK && kind == PARTS_OF_QUERY ? engine_capacity_parts(&ctx, out, d) : e;
}
