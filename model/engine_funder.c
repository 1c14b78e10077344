/* Engine: the funder's indicators (model/funder.h, metrics.md "Funder
 * (ESF+)") for one span and breakdown.  A participant is a client with an
 * ips episode started in the span; the first such start is the entry, and
 * its episode the client's group in every breakdown (by age_group: the age
 * at entry in the ESF+ bands), so each client counts once and the groups of
 * a breakdown add up to the whole.  A participant
 * has left when no ips episode of theirs that started by the span's end is
 * open at it; the exit day is their last end.  Jobs are every competitive
 * job of the client known at A. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/engine.h"
#include "common/intern.h"
#include "model/national.h"
#include "model/funder.h"

const char *const funder_age_groups[FUNDER_AGE_GROUPS] = {"<18", "18-29", "30-54", "55+", ""};
const char *funder_age_text(const char *group, const char *unknown)
{
    /* the bands with an en dash, the same in every language */
    static const char *const text[FUNDER_AGE_GROUPS] = {"<18", "18\xE2\x80\x93" "29",
                                                        "30\xE2\x80\x93" "54", "55+", ""};
    for (int k = 0; k < FUNDER_AGE_GROUPS - 1; k++)
        if (strcmp(group, funder_age_groups[k]) == 0)
            return text[k];
    return *group ? group : unknown;
}

/* The groups of the age breakdown here, by name (strcmp order, "" first). */
static const char *const age_names[FUNDER_AGE_GROUPS] = {"", "18-29", "30-54", "55+", "<18"};

typedef struct {
    long participants;
    long leavers, on_leaving, known, six_months, pending;
} funder_acc;

/* The index into age_names of the client's age at entry. */
static int age_at_entry(const fact_client *cl, ips_day entry)
{
    if (cl->birth_year == 0)
        return 0;
    int y, m, dd;
    date_to_ymd(entry, &y, &m, &dd);
    int age = y - cl->birth_year;
    return age < 18 ? 4 : age < 30 ? 1 : age < 55 ? 2 : 3;
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
    int g = ctx->by == GROUP_AGE_GROUP ? age_at_entry(&f->clients[c], entry->start)
                                        : eng_episode_group(ctx, entry);
    funder_acc *a = &acc[g];
    a->participants++;
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

/* By age, the group is the age band at entry, named here. */
static metric_row *named(const eng_ctx *ctx, metric_row *r, int g)
{
    if (r && ctx->by == GROUP_AGE_GROUP)
        r->group = ips_intern(age_names[g]);
    return r;
}

static metric_row *count_row(const eng_ctx *ctx, metric_set *out, const char *metric, int g,
                             long n)
{
    metric_row *r = named(ctx, eng_row(ctx, out, metric, MK_COUNT, g), g);
    if (r) {
        r->has = MH_VALUE;
        r->value = (double)n;
    }
    return r;
}

static bool add_rows(const eng_ctx *ctx, metric_set *out, int g, const funder_acc *a)
{
    bool ok = count_row(ctx, out, FUNDER_PARTICIPANTS, g, a->participants) != NULL;
    ok = ok && named(ctx, eng_share_row(ctx, out, FUNDER_ON_LEAVING, g, (double)a->on_leaving,
                                        (double)a->leavers), g);
    ok = ok && named(ctx, eng_share_row(ctx, out, FUNDER_SIX_MONTHS, g, (double)a->six_months,
                                        (double)a->known), g);
    return ok && count_row(ctx, out, FUNDER_NOT_YET_KNOWN, g, a->pending);
}

ips_error engine_funder(const eng_ctx *ctx, metric_set *out, ips_diag *d)
{
    if (ctx->f->national)
        return national_funder_get(ctx->f->national, ctx->q, ctx->by, out, d);
    int ngroups = ctx->by == GROUP_AGE_GROUP ? FUNDER_AGE_GROUPS : ctx->ngroups;
    funder_acc *acc = calloc((size_t)ngroups, sizeof *acc);
    if (!acc)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    for (size_t c = 0; c < ctx->f->n_clients; c++)
        count_client(ctx, c, acc);
    ips_error e = IPS_OK;
    for (int g = 0; e == IPS_OK && g < ngroups; g++)
        /* a group appears with a participant; the whole always */
        if ((acc[g].participants > 0 || ctx->by == GROUP_NONE) && !add_rows(ctx, out, g, &acc[g]))
            e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    free(acc);
    return e;
}
