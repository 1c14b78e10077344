/* The engine's fidelity items computed from data (metrics.md): the
 * coach-level items 1, 2, 17 and 24 and item 15 (first employer contact);
 * items 19, 20, 21 and 23 are in engine_fidelity_jobs.c.
 *
 * Rows, in this order, for the whole service or per group:
 *   caseload_per_fte                      item 1   (coach-level breakdowns only)
 *   focus_share                           item 2   (coach-level only)
 *   first_employer_contact_mean_days / _within_30 / _pending   item 15, per group
 *   employer_contacts_per_week            item 17  (coach-level only)
 *   job_diversity … follow_along_score    items 19–23
 *   community_share                       item 24  (coach-level only) */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "model/engine_fid.h"
#include "common/intern.h"
#include "model/fidelity.h"

ips_error eng_fid_nomem(ips_diag *d)
{
    return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory computing fidelity items");
}

metric_row *eng_fid_share_row(const eng_ctx *ctx, metric_set *out, const char *metric, int g,
                              double num, double den, int item)
{
    metric_row *r = eng_share_row(ctx, out, metric, g, num, den);
    if (r && (r->has & MH_VALUE) && item > 0) {
        r->has |= MH_SCORE;
        r->score = fidelity_band_score(item, r->value);
    }
    return r;
}

/* ---- the coach-level sums --------------------------------------------- */

/* Marks the coaches of an ips episode active on on_day in ips[], and counts
 * the distinct clients of such episodes per group of the episode's coach
 * (no coach: ""), R4.  Episodes are sorted by client, so one "last client
 * counted" per group dedupes. */
bool eng_fid_count_clients(const eng_ctx *ctx, coach_acc *acc, bool *ips)
{
    const facts *f = ctx->f;
    int32_t *last = eng_group_marks(ctx);
    if (!last)
        return false;
    for (size_t i = 0; i < f->n_episodes; i++) {
        const fact_episode *e = &f->episodes[i];
        if (e->service != SVC_IPS || !eng_active_on(e->start, e->end, ctx->on_day))
            continue;
        if (e->coach >= 0)
            ips[e->coach] = true;
        int g = eng_episode_group(ctx, e);
        acc[g].has_client = true;
        if (last[g] != e->client) {
            last[g] = e->client;
            acc[g].clients++;
        }
    }
    free(last);
    return true;
}

/* The first of coach k's days on or after day (days are sorted). */
static size_t first_day(const facts *f, size_t k, ips_day day)
{
    size_t lo = f->coach_day_index[k], hi = f->coach_day_index[k + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (f->coach_days[mid].day < day)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Coach k's contact sums: item 17's employer contacts on [p_end − 90, p_end]
 * (R11) and item 24's minutes and community minutes in W (R14). */
void eng_fid_coach_window(const eng_ctx *ctx, size_t k, coach_window *w)
{
    const facts *f = ctx->f;
    double ec = 0, m = 0, cm = 0;
    for (size_t i = first_day(f, k, ctx->w_start); i < f->coach_day_index[k + 1]; i++) {
        const fact_coach_day *cd = &f->coach_days[i];
        if (cd->day > ctx->w_end)
            break;
        m += cd->minutes;
        cm += cd->community_minutes;
        if (cd->day >= ctx->p_end - 90 && cd->day <= ctx->p_end)
            ec += cd->employer_contacts;
    }
    *w = (coach_window){ec, m, cm};
}

/* The IPS coaches on on_day: employed then (a blank start or end is open)
 * and coach of an ips episode active then, with their window sums w[k].
 * Item 24's share is the coach's community minutes over its minutes, or,
 * when its minutes sum to nothing or 0 (no share to take), its
 * community_share. */
void eng_fid_sum_coaches(const eng_ctx *ctx, coach_acc *acc, const bool *ips,
                         const coach_window *w)
{
    const facts *f = ctx->f;
    for (size_t k = 0; k < f->n_coaches; k++) {
        const fact_coach *c = &f->coaches[k];
        if (!ips[k] || (c->start != IPS_DAY_NONE && c->start > ctx->on_day) ||
            (c->end != IPS_DAY_NONE && c->end < ctx->on_day))
            continue;
        coach_acc *a = &acc[eng_coach_group(ctx, (int)k)];
        a->has_coach = true;
        a->fte += c->fte;
        if (!isnan(c->focus_share)) { /* R15: a blank focus share leaves the coach out */
            a->focus_num += c->fte * c->focus_share;
            a->focus_den += c->fte;
        }
        double share = w[k].minutes != 0 ? w[k].community_minutes * 1.0 / w[k].minutes
                                         : c->community_share;
        a->contacts += w[k].employer_contacts;
        if (!isnan(share)) {
            a->comm_num += c->fte * share;
            a->comm_den += c->fte;
        }
    }
}

/* ---- coach-level rows ------------------------------------------------- */

static bool caseload_row(const eng_ctx *ctx, metric_set *out, int g, const coach_acc *a)
{
    metric_row *r = eng_row(ctx, out, "caseload_per_fte", MK_RATIO, g);
    if (!r)
        return false;
    r->has = MH_NUMERATOR | MH_DENOMINATOR;
    r->numerator = a->clients;
    r->denominator = metric_round(a->fte, 2);
    r->decimals = 1;
    if (a->fte > 0) {
        r->has |= MH_VALUE | MH_SCORE;
        r->value = metric_round(a->clients / a->fte, 1);
        r->score = fidelity_band_score(1, r->value);
    }
    return true;
}

static bool weighted_row(const eng_ctx *ctx, metric_set *out, const char *metric, int g,
                         double num, double den, int item)
{
    metric_row *r = eng_row(ctx, out, metric, MK_WEIGHTED, g);
    if (!r)
        return false;
    r->decimals = 1;
    if (den > 0) {
        r->has = MH_VALUE | MH_SCORE;
        r->value = metric_round(100.0 * num / den, 1);
        r->score = fidelity_band_score(item, r->value);
    }
    return true;
}

static bool employer_row(const eng_ctx *ctx, metric_set *out, int g, const coach_acc *a)
{
    metric_row *r = eng_row(ctx, out, "employer_contacts_per_week", MK_RATIO, g);
    if (!r)
        return false;
    r->has = MH_NUMERATOR;
    r->numerator = a->contacts;
    r->decimals = 2;
    if (a->fte > 0) {
        r->has |= MH_VALUE | MH_SCORE;
        r->value = metric_round(a->contacts / 13.0 / a->fte, 2);
        r->score = fidelity_band_score(17, r->value);
    }
    return true;
}


static bool coach_row(const eng_ctx *ctx, metric_set *out, int g, const coach_acc *a,
                      coach_item item)
{
    switch (item) {
    case CI_CASELOAD: return caseload_row(ctx, out, g, a);
    case CI_FOCUS: return weighted_row(ctx, out, "focus_share", g, a->focus_num, a->focus_den, 2);
    case CI_EMPLOYER: return employer_row(ctx, out, g, a);
    case CI_COMMUNITY:
        return weighted_row(ctx, out, "community_share", g, a->comm_num, a->comm_den, 24);
    }
    return false;
}

/* One coach-level item's rows over every group that has them.  Item 1's
 * groups are those with clients or IPS coaches; the others' those with IPS
 * coaches. */
ips_error eng_fid_coach_rows(const eng_ctx *ctx, metric_set *out, const coach_acc *acc,
                             coach_item item, ips_diag *d)
{
    for (int g = 0; g < ctx->ngroups; g++) {
        const coach_acc *a = &acc[g];
        bool present = a->has_coach || (item == CI_CASELOAD && a->has_client);
        if (eng_fid_emits(ctx, present) && !coach_row(ctx, out, g, a, item))
            return eng_fid_nomem(d);
    }
    return IPS_OK;
}

/* ---- item 15: first in-person employer contact ------------------------ */

typedef struct {
    bool present;
    double episodes, measured, days, within;
} contact_acc;

/* The whole service's distribution of the days, in bins of 15 days that
 * end on multiples of 15 (0–15, 16–30, …, 166–180, then 181 and more), so
 * that the first two are exactly the "within 30 days" count: the chart of
 * item 15 draws these rows, suppressed like any other. */
#define CONTACT_BINS 13

static int contact_bin(double days)
{
    int k = days <= 15 ? 0 : (int)((days - 1) / 15);
    return k < CONTACT_BINS - 1 ? k : CONTACT_BINS - 1;
}

static bool contact_bin_rows(const eng_ctx *ctx, metric_set *out, const double *bins)
{
    for (int k = 0; k < CONTACT_BINS; k++) {
        metric_row *r = eng_row(ctx, out, "first_employer_contact_days", MK_COUNT, 0);
        if (!r)
            return false;
        r->group_by = "days";
        if (k == CONTACT_BINS - 1)
            r->group = ips_internf("%d-", 15 * k + 1);
        else
            r->group = ips_internf("%d-%d", k ? 15 * k + 1 : 0, 15 * (k + 1));
        r->has = MH_VALUE;
        r->value = bins[k];
    }
    return true;
}

/* R10: ips episodes started in W; days from start to the first in-person
 * employer contact naming the client (fact_episode), none yet: pending. */
ips_error engine_fidelity_first_contact(const eng_ctx *ctx, metric_set *out, ips_diag *d)
{
    const facts *f = ctx->f;
    contact_acc *acc = calloc((size_t)ctx->ngroups, sizeof *acc);
    double bins[CONTACT_BINS] = {0};
    if (!acc)
        return eng_fid_nomem(d);
    for (size_t i = 0; i < f->n_episodes; i++) {
        const fact_episode *e = &f->episodes[i];
        if (e->service != SVC_IPS || e->start < ctx->w_start || e->start > ctx->w_end)
            continue;
        if (e->first_employer_contact != IPS_DAY_NONE)
            bins[contact_bin((double)(e->first_employer_contact - e->start))]++;
        contact_acc *a = &acc[eng_episode_group(ctx, e)];
        a->present = true;
        a->episodes++;
        if (e->first_employer_contact != IPS_DAY_NONE) {
            double days = (double)(e->first_employer_contact - e->start);
            a->measured++;
            a->days += days;
            a->within += days <= 30;
        }
    }
    ips_error err = IPS_OK;
    for (int g = 0; err == IPS_OK && g < ctx->ngroups; g++) {
        const contact_acc *a = &acc[g];
        if (!eng_fid_emits(ctx, a->present))
            continue;
        metric_row *r = eng_row(ctx, out, "first_employer_contact_mean_days", MK_MEAN, g);
        if (r) {
            r->has = MH_DENOMINATOR;
            r->denominator = a->measured;
            r->sum = a->days;
            r->decimals = 1;
            if (a->measured > 0) {
                r->has |= MH_VALUE | MH_SCORE;
                r->value = metric_round(a->days / a->measured, 1);
                r->score = fidelity_band_score(15, r->value);
            }
            r = eng_fid_share_row(ctx, out, "first_employer_contact_within_30", g, a->within,
                                  a->measured, 0);
        }
        if (r)
            r = eng_row(ctx, out, "first_employer_contact_pending", MK_COUNT, g);
        if (r) {
            r->has = MH_VALUE;
            r->value = a->episodes - a->measured;
        }
        if (!r || (ctx->by == GROUP_NONE && !contact_bin_rows(ctx, out, bins)))
            err = eng_fid_nomem(d);
    }
    free(acc);
    return err;
}

/* ---- the family ------------------------------------------------------- */

/* The sums of items 1, 2, 17 and 24 per group; NULL when out of memory. */
static coach_acc *coach_sums(const eng_ctx *ctx)
{
    coach_acc *acc = calloc((size_t)ctx->ngroups, sizeof *acc);
    bool *ips = calloc(ctx->f->n_coaches + 1, sizeof *ips);
    coach_window *w = calloc(ctx->f->n_coaches + 1, sizeof *w);
    bool ok = acc && ips && w && eng_fid_count_clients(ctx, acc, ips);
    for (size_t k = 0; ok && k < ctx->f->n_coaches; k++)
        eng_fid_coach_window(ctx, k, &w[k]);
    if (ok)
        eng_fid_sum_coaches(ctx, acc, ips, w);
    free(ips);
    free(w);
    if (ok)
        return acc;
    free(acc);
    return NULL;
}

ips_error engine_fidelity_items(const eng_ctx *ctx, metric_set *out, ips_diag *d)
{
    /* R20: a breakdown by client attributes leaves the coach-level items out. */
    coach_acc *acc = NULL;
    if (eng_coach_level(ctx) && !(acc = coach_sums(ctx)))
        return eng_fid_nomem(d);
    ips_error e = IPS_OK;
    if (acc)
        e = eng_fid_coach_rows(ctx, out, acc, CI_CASELOAD, d);
    if (e == IPS_OK && acc)
        e = eng_fid_coach_rows(ctx, out, acc, CI_FOCUS, d);
    if (e == IPS_OK)
        e = engine_fidelity_first_contact(ctx, out, d);
    if (e == IPS_OK && acc)
        e = eng_fid_coach_rows(ctx, out, acc, CI_EMPLOYER, d);
    if (e == IPS_OK)
        e = engine_fidelity_jobs(ctx, out, d);
    if (e == IPS_OK && acc)
        e = eng_fid_coach_rows(ctx, out, acc, CI_COMMUNITY, d);
    free(acc);
    return e;
}
