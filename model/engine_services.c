/* Engine: other services (metrics.md "Other services", seeds 000 and 004),
 * in this row order:
 *   trainees_per_coach        per day of [p_start, on_day]: coaching_environment
 *                             episodes active / fte of their coaches employed that
 *                             day; the mean over days with fte > 0 (coach-level, R20)
 *   support_level_mix         ips episodes active in P by support level
 *   meetings_per_month_basic  per basic-support ips episode, in-person client
 *                             meetings in its days of [p_start, on_day] per average
 *                             month; the mean over episodes
 * Means have one decimal, denominator = observations; without a breakdown an
 * empty mean still gives the whole a blank row. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/engine.h"
#include "common/intern.h"

/* An average month, for "per month active". */
#define DAYS_PER_MONTH (365.25 / 12.0)

/* Per-group sums of a mean. */
typedef struct {
    double sum;
    long n;
} mean_acc;

/* MK_MEAN rows for the groups with observations, in id (= name) order. */
static ips_error mean_rows(const eng_ctx *ctx, metric_set *out, const char *metric,
                           const mean_acc *acc, ips_diag *d)
{
    bool any = false;
    for (int g = 0; g < ctx->ngroups; g++) {
        if (acc[g].n == 0)
            continue;
        metric_row *r = eng_row(ctx, out, metric, MK_MEAN, g);
        if (!r)
            return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        r->decimals = 1;
        r->has = MH_DENOMINATOR | MH_VALUE;
        r->denominator = (double)acc[g].n;
        r->sum = acc[g].sum;
        r->value = metric_round(acc[g].sum / (double)acc[g].n, 1);
        any = true;
    }
    if (!any && ctx->by == GROUP_NONE) {
        metric_row *r = eng_row(ctx, out, metric, MK_MEAN, 0);
        if (!r)
            return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        r->decimals = 1;
        r->has = MH_DENOMINATOR; /* 0 observations, value blank */
    }
    return IPS_OK;
}

/* ---- trainees_per_coach ------------------------------------------------ */

/* A change on day: dn episodes, dc coaches (with dfte) of group g. */
typedef struct {
    ips_day day;
    int g, dn, dc;
    double dfte;
} tpc_event;

/* A coaching_environment episode clipped to [p_start, on_day]. */
typedef struct {
    int coach;
    ips_day s, t;
} tpc_span;

typedef struct {
    tpc_event *ev;
    size_t n, cap;
} tpc_events;

static bool push(tpc_events *l, tpc_event e)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 64;
        tpc_event *grown = realloc(l->ev, cap * sizeof *grown);
        if (!grown)
            return false;
        l->ev = grown;
        l->cap = cap;
    }
    l->ev[l->n++] = e;
    return true;
}

static int span_cmp(const void *a, const void *b)
{
    const tpc_span *x = a, *y = b;
    if (x->coach != y->coach)
        return x->coach < y->coach ? -1 : 1;
    return (x->s > y->s) - (x->s < y->s);
}

static int event_cmp(const void *a, const void *b)
{
    const tpc_event *x = a, *y = b;
    return (x->day > y->day) - (x->day < y->day);
}

/* A coach counts on the days it has an episode and is employed: the union of
 * its spans[0..n) (sorted by s) cut to its employment. */
static bool coach_events(const eng_ctx *ctx, const tpc_span *sp, size_t n, tpc_events *l)
{
    const fact_coach *c = &ctx->f->coaches[sp[0].coach];
    int g = eng_coach_group(ctx, sp[0].coach);
    for (size_t i = 0; i < n;) {
        ips_day s = sp[i].s, t = sp[i].t;
        for (i++; i < n && sp[i].s <= t + 1; i++)
            if (sp[i].t > t)
                t = sp[i].t;
        if (c->start != IPS_DAY_NONE && c->start > s)
            s = c->start;
        if (c->end != IPS_DAY_NONE && c->end < t)
            t = c->end;
        if (s <= t && (!push(l, (tpc_event){s, g, 0, 1, c->fte}) ||
                       !push(l, (tpc_event){t + 1, g, 0, -1, -c->fte})))
            return false;
    }
    return true;
}

/* Events of every active episode and of every coach's counted days. */
static bool tpc_collect(const eng_ctx *ctx, tpc_events *l)
{
    const facts *f = ctx->f;
    tpc_span *sp = malloc((f->n_episodes ? f->n_episodes : 1) * sizeof *sp);
    if (!sp)
        return false;
    size_t n = 0;
    bool ok = true;
    for (size_t i = 0; ok && i < f->n_episodes; i++) {
        const fact_episode *e = &f->episodes[i];
        if (e->service != SVC_COACHING_ENVIRONMENT ||
            !eng_active_in(e->start, e->end, ctx->p_start, ctx->on_day))
            continue;
        ips_day s = e->start > ctx->p_start ? e->start : ctx->p_start;
        ips_day t = e->end == IPS_DAY_NONE || e->end > ctx->on_day ? ctx->on_day : e->end;
        int g = eng_coach_group(ctx, e->coach);
        ok = push(l, (tpc_event){s, g, 1, 0, 0}) && push(l, (tpc_event){t + 1, g, -1, 0, 0});
        if (e->coach >= 0)
            sp[n++] = (tpc_span){e->coach, s, t};
    }
    qsort(sp, n, sizeof *sp, span_cmp);
    for (size_t i = 0; ok && i < n;) {
        size_t j = i;
        while (j < n && sp[j].coach == sp[i].coach)
            j++;
        ok = coach_events(ctx, sp + i, j - i, l);
        i = j;
    }
    free(sp);
    return ok;
}

/* Per-group state of the sweep: constant from day `since` on. */
typedef struct {
    long n, coaches;
    double fte;
    ips_day since;
} tpc_state;

static ips_error trainees_per_coach(const eng_ctx *ctx, metric_set *out, ips_diag *d)
{
    if (!eng_coach_level(ctx))
        return IPS_OK;
    tpc_events l = {0};
    tpc_state *st = calloc((size_t)ctx->ngroups, sizeof *st);
    mean_acc *acc = calloc((size_t)ctx->ngroups, sizeof *acc);
    ips_error e = IPS_OK;
    if (!st || !acc || (ctx->p_start <= ctx->on_day && !tpc_collect(ctx, &l)))
        e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    if (e == IPS_OK && l.n)
        qsort(l.ev, l.n, sizeof *l.ev, event_cmp);
    for (size_t i = 0; e == IPS_OK && i < l.n; i++) {
        const tpc_event *ev = &l.ev[i];
        tpc_state *s = &st[ev->g];
        /* Every day of the run before this change has the same n / fte. */
        if (s->coaches > 0 && ev->day > s->since) {
            acc[ev->g].sum += (double)(ev->day - s->since) * ((double)s->n / s->fte);
            acc[ev->g].n += (long)(ev->day - s->since);
        }
        s->since = ev->day;
        s->n += ev->dn;
        s->coaches += ev->dc;
        s->fte = s->coaches > 0 ? s->fte + ev->dfte : 0.0; /* no drift left when none */
    }
    if (e == IPS_OK)
        e = mean_rows(ctx, out, "trainees_per_coach", acc, d);
    free(l.ev);
    free(st);
    free(acc);
    return e;
}

/* ---- support_level_mix ------------------------------------------------- */

static ips_error support_level_mix(const eng_ctx *ctx, metric_set *out, ips_diag *d)
{
    static const char *const levels[] = {"intensive", "basic", "light", ""};
    const facts *f = ctx->f;
    long n[4] = {0, 0, 0, 0}, total = 0;
    for (size_t i = 0; i < f->n_episodes; i++) {
        const fact_episode *e = &f->episodes[i];
        if (e->service != SVC_IPS || !eng_active_in(e->start, e->end, ctx->p_start, ctx->p_end))
            continue;
        const char *name = facts_name(f, FD_SUPPORT_LEVEL, e->support_level);
        for (int k = 0; k < 4; k++)
            if (strcmp(name, levels[k]) == 0)
                n[k]++;
        total++;
    }
    for (int i = 0; i < 4; i++) {
        if (i == 3 && n[i] == 0)
            break;
        metric_row *r = eng_share_row(ctx, out, "support_level_mix", 0, (double)n[i],
                                      (double)total);
        if (!r)
            return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        r->group_by = "support_level";
        r->group = ips_intern(levels[i]);
    }
    return IPS_OK;
}

/* ---- meetings_per_month_basic ------------------------------------------ */

/* In-person client meetings of client c on days a..b. */
static long meetings_in(const facts *f, int32_t c, ips_day a, ips_day b)
{
    size_t lo = f->client_meetings[c], hi = f->client_meetings[c + 1];
    while (lo < hi) { /* the first day >= a */
        size_t mid = lo + (hi - lo) / 2;
        if (f->meeting_days[mid].day < a)
            lo = mid + 1;
        else
            hi = mid;
    }
    long n = 0;
    for (size_t i = lo; i < f->client_meetings[c + 1] && f->meeting_days[i].day <= b; i++)
        n += f->meeting_days[i].n;
    return n;
}

static int level_id(const facts *f, const char *name)
{
    for (int id = 1; id < f->dim[FD_SUPPORT_LEVEL].n; id++)
        if (strcmp(f->dim[FD_SUPPORT_LEVEL].names[id], name) == 0)
            return id;
    return -1;
}

static ips_error meetings_per_month_basic(const eng_ctx *ctx, metric_set *out, ips_diag *d)
{
    const facts *f = ctx->f;
    mean_acc *acc = calloc((size_t)ctx->ngroups, sizeof *acc);
    if (!acc)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    int basic = level_id(f, "basic");
    for (size_t i = 0; basic > 0 && ctx->p_start <= ctx->on_day && i < f->n_episodes; i++) {
        const fact_episode *e = &f->episodes[i];
        if (e->service != SVC_IPS || e->support_level != basic ||
            !eng_active_in(e->start, e->end, ctx->p_start, ctx->on_day))
            continue;
        ips_day a = e->start > ctx->p_start ? e->start : ctx->p_start;
        ips_day b = e->end == IPS_DAY_NONE || e->end > ctx->on_day ? ctx->on_day : e->end;
        /* Days active in P, both ends counted, then meetings per average
         * month, in doubles in this order (the recorded figures' order). */
        double days = (double)(b - a) + 1.0;
        double v = (double)meetings_in(f, e->client, a, b) / (days / DAYS_PER_MONTH);
        mean_acc *m = &acc[eng_episode_group(ctx, e)];
        m->sum += v;
        m->n++;
    }
    ips_error err = mean_rows(ctx, out, "meetings_per_month_basic", acc, d);
    free(acc);
    return err;
}

ips_error engine_services(const eng_ctx *ctx, metric_set *out, ips_diag *d)
{
    ips_error e = trainees_per_coach(ctx, out, d);
    if (e == IPS_OK)
        e = support_level_mix(ctx, out, d);
    if (e == IPS_OK)
        e = meetings_per_month_basic(ctx, out, d);
    return e;
}
