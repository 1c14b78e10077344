/* Engine: team capacity (metrics.md "Team capacity", seed 001).  Per region of the coaches (group_by "region", every
 * region with a client or a coach in the year, "" included) and then for the
 * whole (group_by ""), in the calendar year Y of p_end over the days
 * Y-01-01 .. min(Y-12-31, A), whatever the query's breakdown:
 *   clients_per_year       distinct clients of ips episodes active in those days
 *   fte_current            fte of the coaches employed in them and still on the last
 *   fte_needed_throughput  clients / clients_per_coach_year
 *   fte_needed_caseload    most clients active on one day / 20 (item 1's limit)
 *   fte_gap                the larger need − fte_current, from the rounded parts
 * An episode's region is its coach's ("" without one).  Rows carry Y as their
 * period; when all of Y lies after A every value is blank. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/engine.h"
#include "common/intern.h"

/* Clients a coach can hold at once: item 1's limit for score 5. */
#define CASELOAD_LIMIT 20.0

typedef struct {
    long clients;   /* distinct clients */
    double fte;     /* fte of coaches employed on the last day */
    long peak;      /* most clients active on one day */
    bool seen;      /* has a client or a coach in the year */
} cap_acc;

typedef struct {
    ips_day year_start, year_end; /* Y, for the rows */
    ips_day last;                 /* the last day counted */
    int days;                     /* year_start .. last */
    bool known;                   /* some day of Y is on or before A */
} cap_year;

/* One client's ips episode clipped to the year: days offsets s..t. */
typedef struct {
    int region, s, t;
} cap_span;

static void year_span(const eng_ctx *ctx, cap_year *y)
{
    int yy, m, dd;
    date_to_ymd(ctx->p_end, &yy, &m, &dd);
    y->year_start = date_from_ymd(yy, 1, 1);
    y->year_end = date_from_ymd(yy, 12, 31);
    y->last = ctx->as_of < y->year_end ? ctx->as_of : y->year_end;
    y->known = y->last >= y->year_start;
    if (!y->known)
        y->last = y->year_start;
    y->days = (int)(y->last - y->year_start) + 1;
}

/* Coaches employed on some day of the year; fte of those still employed on the last. */
static void count_coaches(const eng_ctx *ctx, const cap_year *y, cap_acc *reg, cap_acc *all)
{
    const facts *f = ctx->f;
    for (size_t k = 0; k < f->n_coaches; k++) {
        const fact_coach *c = &f->coaches[k];
        if ((c->start != IPS_DAY_NONE && c->start > y->last) ||
            (c->end != IPS_DAY_NONE && c->end < y->year_start))
            continue;
        double fte = c->end == IPS_DAY_NONE || c->end >= y->last ? c->fte : 0.0;
        reg[c->region].seen = all->seen = true;
        reg[c->region].fte += fte;
        all->fte += fte;
    }
}

static int span_cmp(const void *a, const void *b)
{
    const cap_span *x = a, *y = b;
    if (x->region != y->region)
        return x->region < y->region ? -1 : 1;
    return (x->s > y->s) - (x->s < y->s);
}

/* Adds the union of spans[0..n) (sorted by s) to diff: a client counts once a day. */
static void add_union(const cap_span *spans, size_t n, int *diff)
{
    int s = spans[0].s, t = spans[0].t;
    for (size_t i = 1; i < n; i++) {
        if (spans[i].s > t + 1) {
            diff[s]++;
            diff[t + 1]--;
            s = spans[i].s;
            t = spans[i].t;
        } else if (spans[i].t > t) {
            t = spans[i].t;
        }
    }
    diff[s]++;
    diff[t + 1]--;
}

/* One client's spans: counted once per region and once for the whole. */
static void add_client(cap_span *spans, size_t n, cap_acc *reg, cap_acc *all, int **diff,
                       int *diff_all)
{
    if (n == 0)
        return;
    qsort(spans, n, sizeof *spans, span_cmp);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && spans[j].region == spans[i].region)
            j++;
        cap_acc *r = &reg[spans[i].region];
        r->seen = true;
        r->clients++;
        add_union(spans + i, j - i, diff[spans[i].region]);
        i = j;
    }
    /* The whole merges across regions: sort by day alone. */
    for (size_t i = 0; i < n; i++)
        spans[i].region = 0;
    qsort(spans, n, sizeof *spans, span_cmp);
    all->seen = true;
    all->clients++;
    add_union(spans, n, diff_all);
}

static long peak_of(const int *diff, int days)
{
    long cur = 0, peak = 0;
    for (int i = 0; i < days; i++) {
        cur += diff[i];
        if (cur > peak)
            peak = cur;
    }
    return peak;
}

/* The day-by-day changes of the clients active per region and for the
 * whole: diff[region] is allocated on a region's first client (few regions). */
typedef struct {
    int **reg;
    int *all;
    int nreg;
} cap_diffs;

static void diffs_free(cap_diffs *df)
{
    for (int r = 0; df->reg && r < df->nreg; r++)
        free(df->reg[r]);
    free(df->reg);
    free(df->all);
}

static bool diffs_new(const eng_ctx *ctx, const cap_year *y, cap_diffs *df)
{
    df->nreg = ctx->f->dim[FD_REGION].n > 0 ? ctx->f->dim[FD_REGION].n : 1;
    df->reg = calloc((size_t)df->nreg, sizeof *df->reg);
    df->all = calloc((size_t)y->days + 1, sizeof *df->all);
    return df->reg && df->all;
}

static void peaks(const cap_year *y, const cap_diffs *df, cap_acc *reg, cap_acc *all)
{
    for (int r = 0; r < df->nreg; r++)
        if (df->reg[r])
            reg[r].peak = peak_of(df->reg[r], y->days);
    all->peak = peak_of(df->all, y->days);
}

/* Distinct clients from the ips episodes active in the year, and their
 * day-by-day changes into df (diffs_new'd). */
static ips_error count_clients(const eng_ctx *ctx, const cap_year *y, cap_acc *reg, cap_acc *all,
                               cap_diffs *df, ips_diag *d)
{
    const facts *f = ctx->f;
    int **diff = df->reg;
    int *diff_all = df->all;
    size_t cap = 16, n;
    cap_span *spans = malloc(cap * sizeof *spans);
    ips_error e = diff && diff_all && spans ? IPS_OK
                                            : ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    for (size_t c = 0; e == IPS_OK && c < f->n_clients; c++) {
        n = 0;
        for (size_t i = f->client_episodes[c]; e == IPS_OK && i < f->client_episodes[c + 1]; i++) {
            const fact_episode *ep = &f->episodes[i];
            if (ep->service != SVC_IPS ||
                !eng_active_in(ep->start, ep->end, y->year_start, y->last))
                continue;
            int region = ep->coach >= 0 ? f->coaches[ep->coach].region : 0;
            if (!diff[region] && !(diff[region] = calloc((size_t)y->days + 1, sizeof **diff)))
                e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
            if (n == cap) {
                cap_span *grown = realloc(spans, 2 * cap * sizeof *grown);
                if (!grown)
                    e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
                else
                    spans = grown, cap *= 2;
            }
            if (e != IPS_OK)
                break;
            ips_day s = ep->start > y->year_start ? ep->start : y->year_start;
            ips_day t = ep->end == IPS_DAY_NONE || ep->end > y->last ? y->last : ep->end;
            spans[n++] = (cap_span){region, (int)(s - y->year_start), (int)(t - y->year_start)};
        }
        if (e == IPS_OK)
            add_client(spans, n, reg, all, diff, diff_all);
    }
    free(spans);
    return e;
}

/* The five rows of one region (g) or of the whole (g < 0). */
static ips_error emit(const eng_ctx *ctx, const cap_year *y, metric_set *out, int g,
                      const cap_acc *a, ips_diag *d)
{
    double per_coach = ctx->q->clients_per_coach_year;
    double fte = metric_round(a->fte, 1);
    double thr = metric_round(a->clients / per_coach, 1);
    double cas = metric_round(a->peak / CASELOAD_LIMIT, 1);
    /* The gap from the printed parts, so that the table adds up as the reader sees it. */
    double gap = metric_round((thr > cas ? thr : cas) - fte, 1);
    const unsigned ratio = MH_NUMERATOR | MH_DENOMINATOR | MH_VALUE;
    const struct {
        const char *metric;
        metric_kind kind;
        unsigned has;
        double numerator, denominator, value;
    } v[5] = {
        {"clients_per_year", MK_COUNT, MH_VALUE, 0, 0, (double)a->clients},
        {"fte_current", MK_WEIGHTED, MH_VALUE, 0, 0, fte},
        {"fte_needed_throughput", MK_RATIO, ratio, (double)a->clients, per_coach, thr},
        {"fte_needed_caseload", MK_RATIO, ratio, (double)a->peak, CASELOAD_LIMIT, cas},
        {"fte_gap", MK_WEIGHTED, MH_VALUE, 0, 0, gap},
    };
    for (int i = 0; i < 5; i++) {
        metric_row *r = eng_row(ctx, out, v[i].metric, v[i].kind, 0);
        if (!r)
            return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        r->group_by = g >= 0 ? "region" : "";
        r->group = ips_intern(g >= 0 ? facts_name(ctx->f, FD_REGION, g) : "");
        /* Y counted to A is Y "to date" (R22), whatever P's own end. */
        r->period_start = y->year_start;
        r->period_end = y->known ? y->last : y->year_end;
        r->to_date = r->period_end < y->year_end;
        r->decimals = v[i].kind == MK_COUNT ? 0 : 1;
        if (!y->known)
            continue;
        r->has = v[i].has;
        r->numerator = v[i].numerator;
        r->denominator = v[i].denominator;
        r->value = v[i].value;
    }
    return IPS_OK;
}

static ips_error emit_all(const eng_ctx *ctx, const cap_year *y, metric_set *out,
                          const cap_acc *reg, int nreg, const cap_acc *all, ips_diag *d)
{
    ips_error e = IPS_OK;
    for (int g = 0; e == IPS_OK && g < nreg; g++)
        if (reg[g].seen)
            e = emit(ctx, y, out, g, &reg[g], d);
    return e == IPS_OK ? emit(ctx, y, out, -1, all, d) : e;
}

ips_error engine_capacity(const eng_ctx *ctx, metric_set *out, ips_diag *d)
{
    if (!(ctx->q->clients_per_coach_year > 0))
        return ips_diag_set(d, IPS_ERR_USAGE, "clients per coach per year must be above 0 "
                            "(the seed says 40-50; the default is 45)");
    cap_year y;
    year_span(ctx, &y);
    int nreg = ctx->f->dim[FD_REGION].n > 0 ? ctx->f->dim[FD_REGION].n : 1;
    cap_acc *reg = calloc((size_t)nreg, sizeof *reg), all = {0};
    if (!reg)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    ips_error e = IPS_OK;
    cap_diffs df = {0};
    if (y.known) {
        e = diffs_new(ctx, &y, &df) ? count_clients(ctx, &y, reg, &all, &df, d)
                                    : ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        if (e == IPS_OK)
            peaks(&y, &df, reg, &all);
        count_coaches(ctx, &y, reg, &all);
    }
    diffs_free(&df);
    if (e == IPS_OK)
        e = emit_all(ctx, &y, out, reg, nreg, &all, d);
    free(reg);
    return e;
}

/* ---- parts (model/engine.h): what a national warehouse adds up --------- *
 * Only the year's whole query carries them (every query of Y shows Y's
 * rows, whatever its breakdown):
 *   "@cap:c"  per region (group_by "region") and the whole (""): value =
 *             distinct clients
 *   "@cap:d"  the same groups' day-by-day changes of the clients active:
 *             numerator = day of the year (0 = 1 January), value = change
 * The coaches' fte come from the national register (count_coaches). */

static bool year_query(const eng_ctx *ctx, const cap_year *y)
{
    return ctx->by == GROUP_NONE && ctx->q->start == y->year_start &&
           ctx->q->end == y->year_end && y->known;
}

static metric_row *part(const eng_ctx *ctx, metric_set *out, const char *id, int g)
{
    metric_row *r = eng_row(ctx, out, id, MK_COUNT, 0);
    if (r) {
        r->has = MH_NUMERATOR | MH_DENOMINATOR | MH_VALUE;
        r->group_by = g >= 0 ? "region" : "";
        r->group = ips_intern(g >= 0 ? facts_name(ctx->f, FD_REGION, g) : "");
    }
    return r;
}

static bool put_group(const eng_ctx *ctx, const cap_year *y, metric_set *out, int g,
                      const cap_acc *a, const int *diff)
{
    metric_row *r = part(ctx, out, "@cap:c", g);
    if (!r)
        return false;
    r->value = (double)a->clients;
    for (int i = 0; diff && i <= y->days; i++) {
        if (!diff[i])
            continue;
        if (!(r = part(ctx, out, "@cap:d", g)))
            return false;
        r->numerator = i;
        r->value = diff[i];
    }
    return true;
}

ips_error engine_capacity_parts(const eng_ctx *ctx, metric_set *out, ips_diag *d)
{
    cap_year y;
    year_span(ctx, &y);
    if (!year_query(ctx, &y))
        return IPS_OK;
    int nreg = ctx->f->dim[FD_REGION].n > 0 ? ctx->f->dim[FD_REGION].n : 1;
    cap_acc *reg = calloc((size_t)nreg, sizeof *reg), all = {0};
    cap_diffs df = {0};
    ips_error e = reg && diffs_new(ctx, &y, &df) ? count_clients(ctx, &y, reg, &all, &df, d)
                                                 : ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    for (int g = 0; e == IPS_OK && g < nreg; g++)
        if (reg[g].clients && !put_group(ctx, &y, out, g, &reg[g], df.reg[g]))
            e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    if (e == IPS_OK && !put_group(ctx, &y, out, -1, &all, df.all))
        e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    diffs_free(&df);
    free(reg);
    return e;
}

static int region_id(const facts *f, const char *name)
{
    for (int i = 0; i < f->dim[FD_REGION].n; i++)
        if (strcmp(f->dim[FD_REGION].names[i], name) == 0)
            return i;
    return -1;
}

/* One part row into the sums; false when it names no known region. */
static bool take(const cap_year *y, const metric_row *r, cap_diffs *df, cap_acc *reg,
                 cap_acc *all, const facts *f)
{
    int g = r->group_by[0] ? region_id(f, r->group) : -1;
    if (r->group_by[0] && g < 0)
        return false;
    cap_acc *a = g >= 0 ? &reg[g] : all;
    if (strcmp(r->metric, "@cap:c") == 0) {
        a->clients += (long)r->value;
        a->seen = true;
        return true;
    }
    int *diff = g >= 0 ? df->reg[g] : df->all;
    if (!diff && !(diff = df->reg[g] = calloc((size_t)y->days + 1, sizeof *diff)))
        return false;
    int day = (int)r->numerator;
    if (day >= 0 && day <= y->days)
        diff[day] += (int)r->value;
    return true;
}

ips_error engine_capacity_from_parts(const eng_ctx *ctx, const metric_set *parts,
                                     metric_set *out, ips_diag *d)
{
    cap_year y;
    year_span(ctx, &y);
    int nreg = ctx->f->dim[FD_REGION].n > 0 ? ctx->f->dim[FD_REGION].n : 1;
    cap_acc *reg = calloc((size_t)nreg, sizeof *reg), all = {0};
    cap_diffs df = {0};
    ips_error e = reg && diffs_new(ctx, &y, &df) ? IPS_OK
                                                 : ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    for (size_t i = 0; e == IPS_OK && y.known && parts && i < parts->n; i++)
        if (strncmp(parts->rows[i].metric, "@cap:", 5) == 0 &&
            !take(&y, &parts->rows[i], &df, reg, &all, ctx->f))
            e = ips_diag_set(d, IPS_ERR_PACK, "a pack's capacity part names region '%s', "
                             "which the national warehouse does not know", parts->rows[i].group);
    if (e == IPS_OK && y.known) {
        peaks(&y, &df, reg, &all);
        count_coaches(ctx, &y, reg, &all);
    }
    if (e == IPS_OK)
        e = emit_all(ctx, &y, out, reg, nreg, &all, d);
    diffs_free(&df);
    free(reg);
    return e;
}

