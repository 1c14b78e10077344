/* The engine's fidelity items about clients' jobs: 19 (job types), 20
 * (employers), 21 (permanent jobs) and 23 (follow-along contacts).
 *
 * All read the in-scope jobs (FJ_IN_SCOPE: R5, they belong to an ips
 * episode) held in W; a job takes its episode's group (R20).  R12's type and
 * employer firsts and item 23's contacts around the start are facts
 * (fact_job's flags and months); held 4 / 6 months depends on A and is
 * computed here.
 *
 * Rows: job_diversity, employer_diversity, competitive_permanent_share per
 * group; then follow_along_before, _first_days, _weekly, _4_months,
 * _monthly and follow_along_score per group. */
#include <stdlib.h>

#include "model/engine_fid.h"

typedef struct {
    bool present;
    double typed, new_type, jobs, new_employer, known, permanent, clients;
} diversity_acc;

typedef struct {
    bool present;
    double jobs, before, first_days, weekly, held4, at4, held6, monthly;
} follow_acc;

/* Whether a job is held on start + months (that day no later than A). */
static bool held(const eng_ctx *ctx, const fact_job *j, int months)
{
    ips_day dn = date_add_months(j->start, months);
    return dn <= ctx->as_of && (j->end == IPS_DAY_NONE || j->end >= dn);
}

/* Item 23 counts jobs started in W and at least 30 days before A. */
static void add_follow(const eng_ctx *ctx, follow_acc *a, const fact_job *j)
{
    if (j->start < ctx->w_start || j->start > ctx->w_end || j->start > ctx->as_of - 30)
        return;
    a->present = true;
    a->jobs++;
    a->before += (j->flags & FJ_BEFORE) != 0;
    a->first_days += (j->flags & FJ_FIRST_DAYS) != 0;
    a->weekly += (j->flags & FJ_WEEKLY) != 0;
    if (held(ctx, j, 4)) {
        a->held4++;
        a->at4 += (j->flags & FJ_AT4) != 0;
    }
    if (held(ctx, j, 6)) {
        a->held6++;
        a->monthly += j->months >= 5;
    }
}

/* One pass over the jobs (sorted by client, so one "last client counted"
 * per group counts distinct clients). */
static bool sum_jobs(const eng_ctx *ctx, diversity_acc *div, follow_acc *fol)
{
    const facts *f = ctx->f;
    int32_t *last = eng_group_marks(ctx);
    if (!last)
        return false;
    for (size_t i = 0; i < f->n_jobs; i++) {
        const fact_job *j = &f->jobs[i];
        if (!(j->flags & FJ_IN_SCOPE) || j->episode < 0 ||
            !eng_active_in(j->start, j->end, ctx->w_start, ctx->w_end))
            continue;
        int g = eng_episode_group(ctx, &f->episodes[j->episode]);
        diversity_acc *a = &div[g];
        a->present = true;
        a->typed += (j->flags & FJ_TYPED) != 0;
        a->new_type += (j->flags & FJ_NEW_TYPE) != 0;
        a->jobs++;
        a->new_employer += (j->flags & FJ_NEW_EMPLOYER) != 0;
        a->known += j->permanent != -1;
        a->permanent += j->permanent == 1;
        if (last[g] != j->client) {
            last[g] = j->client;
            a->clients++;
        }
        add_follow(ctx, &fol[g], j);
    }
    free(last);
    return true;
}

/* ---- items 19, 20, 21 ------------------------------------------------- */

static bool diversity_rows(const eng_ctx *ctx, metric_set *out, int g, const diversity_acc *a)
{
    if (!eng_fid_share_row(ctx, out, "job_diversity", g, a->new_type, a->typed, 19) ||
        !eng_fid_share_row(ctx, out, "employer_diversity", g, a->new_employer, a->jobs, 20))
        return false;
    metric_row *r = eng_fid_share_row(ctx, out, "competitive_permanent_share", g, a->permanent,
                                      a->known, 21);
    if (!r)
        return false;
    r->sum = a->clients; /* hidden: the rule below, again on a national warehouse */
    engine_item21_rule(r);
    return true;
}

void engine_item21_rule(metric_row *r)
{
    /* R13: fewer than 10 distinct clients with a job, permanence known or
     * not, scores 1; with no permanence known the row stays blank. */
    if ((r->has & MH_SCORE) && r->sum < 10)
        r->score = 1;
}

/* ---- item 23 ---------------------------------------------------------- */

/* Item 23's bands (metrics.md), read from the printed shares: 5 when before,
 * first days, weekly and 4 months are all ≥ 80 %; 4 when weekly and monthly
 * are; 3 when 4 months ≥ 50 %; 2 when above 0; else 1.  Blank (0) without
 * jobs held 4 months. */
int engine_follow_score(const metric_row *row[5])
{
    const metric_row *b = row[0], *f = row[1], *w = row[2], *m4 = row[3], *mo = row[4];
    if (!(m4->has & MH_VALUE))
        return 0;
    if (b->value >= 80 && f->value >= 80 && w->value >= 80 && m4->value >= 80)
        return 5;
    if ((mo->has & MH_VALUE) && w->value >= 80 && mo->value >= 80)
        return 4;
    if (m4->value >= 50)
        return 3;
    return m4->value > 0 ? 2 : 1;
}

const char *const engine_follow_ids[5] = {
    "follow_along_before", "follow_along_first_days", "follow_along_weekly",
    "follow_along_4_months", "follow_along_monthly",
};

static bool follow_rows(const eng_ctx *ctx, metric_set *out, int g, const follow_acc *a)
{
    const char *const *ids = engine_follow_ids;
    const double num[5] = {a->before, a->first_days, a->weekly, a->at4, a->monthly};
    const double den[5] = {a->jobs, a->jobs, a->jobs, a->held4, a->held6};
    size_t first = out->n;
    for (int i = 0; i < 5; i++)
        if (!eng_fid_share_row(ctx, out, ids[i], g, num[i], den[i], 0))
            return false;
    const metric_row *rows[5];
    for (int i = 0; i < 5; i++)
        rows[i] = &out->rows[first + (size_t)i]; /* after the adds: no realloc below */
    int score = engine_follow_score(rows);
    metric_row *r = eng_row(ctx, out, "follow_along_score", MK_RATIO, g);
    if (!r)
        return false;
    r->has = MH_DENOMINATOR;
    r->denominator = a->jobs;
    if (score > 0) {
        r->has |= MH_SCORE;
        r->score = score;
    }
    return true;
}

/* ---- the items -------------------------------------------------------- */

ips_error engine_fidelity_jobs(const eng_ctx *ctx, metric_set *out, ips_diag *d)
{
    diversity_acc *div = calloc((size_t)ctx->ngroups, sizeof *div);
    follow_acc *fol = calloc((size_t)ctx->ngroups, sizeof *fol);
    bool ok = div && fol && sum_jobs(ctx, div, fol);
    for (int g = 0; ok && g < ctx->ngroups; g++)
        if (eng_fid_emits(ctx, div[g].present))
            ok = diversity_rows(ctx, out, g, &div[g]);
    for (int g = 0; ok && g < ctx->ngroups; g++)
        if (eng_fid_emits(ctx, fol[g].present))
            ok = follow_rows(ctx, out, g, &fol[g]);
    free(div);
    free(fol);
    return ok ? IPS_OK : eng_fid_nomem(d);
}
