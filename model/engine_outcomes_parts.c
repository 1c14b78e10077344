/* The employment outcomes family as parts (model/engine.h): what one
 * county's scan gathered, in rows a pack can carry and a national
 * warehouse adds up, and the family's rows worked out again from the sum,
 * by the same code as from the facts (eo_finish), so a median or a
 * Kaplan–Meier figure of several counties is exact.
 *
 * Parts, per group: each additive slot ("@eo:<slot>", value), that the
 * group was seen ("@eo:seen"), and the observations behind the medians and
 * curves counted by day and event ("@eo:w" waits, "@eo:t" time to first
 * job, "@eo:j" tenure: numerator = days, value = 1 for an event,
 * denominator = how many).  No part is about one person: each is a count
 * of a group's episodes or jobs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/engine_outcomes.h"

static const eo_slot additive[] = {EO_CASELOAD, EO_EMPLOYED,   EO_STARTED, EO_EXITS,
                                   EO_EXIT_OPEN, EO_EXIT_ANY, EO_HOURS_N, EO_HOURS_SUM};
#define N_ADDITIVE (sizeof additive / sizeof additive[0])

static metric_row *part(const eng_ctx *ctx, metric_set *out, const char *id, int g, double num,
                        double den, double value)
{
    metric_row *r = eng_row(ctx, out, id, MK_COUNT, g);
    if (r) {
        r->has = MH_NUMERATOR | MH_DENOMINATOR | MH_VALUE;
        r->numerator = num;
        r->denominator = den;
        r->value = value;
    }
    return r;
}

static int obs_cmp(const void *a, const void *b)
{
    const eo_obs *x = a, *y = b;
    if (x->g != y->g)
        return x->g < y->g ? -1 : 1;
    if (x->time != y->time)
        return x->time < y->time ? -1 : 1;
    return (int)x->event - (int)y->event;
}

/* The observations of b counted by group, day and event. */
static ips_error put_obs(const eng_ctx *ctx, const eo_obs_buf *b, const char *id, metric_set *out)
{
    if (b->n == 0)
        return IPS_OK;
    eo_obs *v = malloc(b->n * sizeof *v);
    if (!v)
        return IPS_ERR_NOMEM;
    memcpy(v, b->v, b->n * sizeof *v);
    qsort(v, b->n, sizeof *v, obs_cmp);
    ips_error e = IPS_OK;
    for (size_t i = 0; e == IPS_OK && i < b->n;) {
        size_t j = i;
        while (j < b->n && obs_cmp(&v[i], &v[j]) == 0)
            j++;
        if (!part(ctx, out, id, v[i].g, v[i].time, (double)(j - i), v[i].event))
            e = IPS_ERR_NOMEM;
        i = j;
    }
    free(v);
    return e;
}

static ips_error put_slots(const scan *s, metric_set *out)
{
    for (int g = 0; g < s->ctx->ngroups; g++) {
        const eo_group *gr = &s->groups[g];
        if (gr->seen && !part(s->ctx, out, "@eo:seen", g, 0, 0, 1))
            return IPS_ERR_NOMEM;
        for (size_t k = 0; k < N_ADDITIVE; k++) {
            char id[16];
            snprintf(id, sizeof id, "@eo:%d", (int)additive[k]);
            if (gr->has[additive[k]] &&
                !part(s->ctx, out, id, g, 0, 0, gr->v[additive[k]]))
                return IPS_ERR_NOMEM;
        }
    }
    return IPS_OK;
}

ips_error engine_outcomes_parts(const eng_ctx *ctx, eng_parts_kind kind, metric_set *out,
                                ips_diag *d)
{
    scan s;
    ips_error e = eo_scan_init(&s, ctx);
    if (e == IPS_OK)
        e = eo_collect(&s);
    if (e == IPS_OK && kind == PARTS_OF_QUERY)
        e = put_slots(&s, out);
    if (e == IPS_OK && kind == PARTS_OF_QUERY)
        e = put_obs(ctx, &s.waits, "@eo:w", out);
    /* the time-to-job and tenure cohorts are W's: the end day's */
    if (e == IPS_OK && kind == PARTS_OF_END)
        e = put_obs(ctx, &s.ttj, "@eo:t", out);
    if (e == IPS_OK && kind == PARTS_OF_END)
        e = put_obs(ctx, &s.tenure, "@eo:j", out);
    eo_scan_free(&s);
    return e == IPS_OK ? IPS_OK : ips_diag_set(d, e, "out of memory");
}

/* Adds one part row to the scan. */
static ips_error take(scan *s, const metric_row *r, int g)
{
    const char *id = r->metric + 4; /* after "@eo:" */
    eo_obs_buf *b = strcmp(id, "w") == 0   ? &s->waits
                    : strcmp(id, "t") == 0 ? &s->ttj
                    : strcmp(id, "j") == 0 ? &s->tenure
                                           : NULL;
    if (b) {
        for (long k = 0; k < (long)r->denominator; k++) {
            ips_error e = eo_obs_push(b, g, (int)r->numerator, r->value != 0);
            if (e != IPS_OK)
                return e;
        }
        return IPS_OK;
    }
    if (strcmp(id, "seen") == 0) {
        s->groups[g].seen = true;
        return IPS_OK;
    }
    int slot = atoi(id);
    for (size_t k = 0; k < N_ADDITIVE; k++)
        if ((int)additive[k] == slot)
            eo_add(&s->groups[g], additive[k], r->value);
    return IPS_OK;
}

/* Adds the "@eo:" rows of set for ctx's breakdown into s. */
static ips_error take_set(scan *s, const metric_set *set, ips_diag *d)
{
    const char *by = metric_group_name(s->ctx->by);
    ips_error e = IPS_OK;
    for (size_t i = 0; e == IPS_OK && set && i < set->n; i++) {
        const metric_row *r = &set->rows[i];
        if (strncmp(r->metric, "@eo:", 4) != 0 || strcmp(r->group_by, by) != 0)
            continue;
        int g = eng_group_find(s->ctx, r->group);
        if (g < 0)
            e = ips_diag_set(d, IPS_ERR_PACK, "a pack names group '%s' of %s that the national "
                             "warehouse does not know", r->group, by);
        else if (take(s, r, g) != IPS_OK)
            e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    }
    return e;
}

ips_error engine_outcomes_from_parts(const eng_ctx *ctx, const metric_set *parts,
                                     const metric_set *end_parts, metric_set *out, ips_diag *d)
{
    scan s;
    ips_error e = eo_scan_init(&s, ctx);
    if (e != IPS_OK)
        e = ips_diag_set(d, e, "out of memory");
    if (e == IPS_OK)
        e = take_set(&s, parts, d);
    if (e == IPS_OK)
        e = take_set(&s, end_parts, d);
    if (e == IPS_OK && (e = eo_finish(&s, out)) != IPS_OK)
        e = ips_diag_set(d, e, "out of memory");
    eo_scan_free(&s);
    return e;
}
