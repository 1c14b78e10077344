/* Engine: the funder's indicators (model/funder.h, metrics.md "Funder
 * (ESF+)") for one span and breakdown.  A participant is a client with an
 * ips episode started in the span; the first such start is the entry, and
 * its episode the client's group in every breakdown, so each client counts
 * once and the groups of a breakdown add up to the whole.  A participant
 * has left when no ips episode of theirs that started by the span's end is
 * open at it; the exit day is their last end.  Jobs are every competitive
 * job of the client known at A. */
#include <stdlib.h>

#include "model/engine.h"
#include "model/funder.h"

const char *const funder_age_metrics[FUNDER_AGE_GROUPS] = {
    "esf_age_under_18", "esf_age_18_29", "esf_age_30_54", "esf_age_55_over", "esf_age_unknown",
};

typedef struct {
    long participants, age[FUNDER_AGE_GROUPS];
    long leavers, on_leaving, known, six_months, pending;
} funder_acc;

static int age_at_entry(const fact_client *cl, ips_day entry)
{
    if (cl->birth_year == 0)
        return FUNDER_AGE_GROUPS - 1;
    int y, m, dd;
    date_to_ymd(entry, &y, &m, &dd);
    int age = y - cl->birth_year;
    return age < 18 ? 0 : age < 30 ? 1 : age < 55 ? 2 : 3;
}

/* Whether client c held a competitive job on some day of [from, to]. */
static bool job_held(const facts *f, size_t c, ips_day from, ips_day to)
{
    for (size_t j = f->client_jobs[c]; j < f->client_jobs[c + 1]; j++) {
        const fact_job *jb = &f->jobs[j];
        if (jb->start <= to && (jb->end == IPS_DAY_NONE || jb->end >= from))
            return true;
    }
    return false;
}

static void count_client(const eng_ctx *ctx, size_t c, funder_acc *acc)
{
    const facts *f = ctx->f;
    const fact_episode *entry = NULL;
    ips_day exit = IPS_DAY_NONE;
    bool open = false;
    for (size_t i = f->client_episodes[c]; i < f->client_episodes[c + 1]; i++) {
        const fact_episode *e = &f->episodes[i];
        if (e->service != SVC_IPS || e->start > ctx->p_end)
            continue;
        if (!entry && e->start >= ctx->p_start)
            entry = e; /* episodes are sorted by start */
        if (e->end == IPS_DAY_NONE || e->end > ctx->p_end)
            open = true;
        else if (exit == IPS_DAY_NONE || e->end > exit)
            exit = e->end;
    }
    if (!entry)
        return;
    funder_acc *a = &acc[eng_episode_group(ctx, entry)];
    a->participants++;
    a->age[age_at_entry(&f->clients[c], entry->start)]++;
    if (open || exit == IPS_DAY_NONE)
        return;
    a->leavers++;
    ips_day to = exit + FUNDER_LEAVING_DAYS;
    a->on_leaving += job_held(f, c, exit, to < ctx->as_of ? to : ctx->as_of);
    ips_day day = exit + FUNDER_FOLLOW_UP_DAYS;
    if (day > ctx->as_of) {
        a->pending++;
        return;
    }
    a->known++;
    a->six_months += job_held(f, c, day, day);
}

static metric_row *count_row(const eng_ctx *ctx, metric_set *out, const char *metric, int g,
                             long n)
{
    metric_row *r = eng_row(ctx, out, metric, MK_COUNT, g);
    if (r) {
        r->has = MH_VALUE;
        r->value = (double)n;
    }
    return r;
}

static bool add_rows(const eng_ctx *ctx, metric_set *out, int g, const funder_acc *a)
{
    bool ok = count_row(ctx, out, FUNDER_PARTICIPANTS, g, a->participants) != NULL;
    for (int k = 0; ok && k < FUNDER_AGE_GROUPS; k++)
        ok = count_row(ctx, out, funder_age_metrics[k], g, a->age[k]) != NULL;
    ok = ok && eng_share_row(ctx, out, FUNDER_ON_LEAVING, g, (double)a->on_leaving,
                             (double)a->leavers);
    ok = ok && eng_share_row(ctx, out, FUNDER_SIX_MONTHS, g, (double)a->six_months,
                             (double)a->known);
    return ok && count_row(ctx, out, FUNDER_NOT_YET_KNOWN, g, a->pending);
}

ips_error engine_funder(const eng_ctx *ctx, metric_set *out, ips_diag *d)
{
    funder_acc *acc = calloc((size_t)ctx->ngroups, sizeof *acc);
    if (!acc)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    for (size_t c = 0; c < ctx->f->n_clients; c++)
        count_client(ctx, c, acc);
    ips_error e = IPS_OK;
    for (int g = 0; e == IPS_OK && g < ctx->ngroups; g++)
        /* a group appears with a participant; the whole always */
        if ((acc[g].participants > 0 || ctx->by == GROUP_NONE) && !add_rows(ctx, out, g, &acc[g]))
            e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    free(acc);
    return e;
}
