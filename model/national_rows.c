/* The national rows: one query's rows of every county merged, and looking
 * them up for the engine (model/national.h).
 *
 * A row of a group only one county has (its providers, teams, coaches) is
 * that county's row as it was.  A row several counties share adds up: its
 * numerator and denominator are sums (clients are counted in one county),
 * a count's value is the sum, and a share, mean or ratio is worked out
 * again from the summed parts by the rule the engine uses, with the item's
 * score band.  A median, a Kaplan–Meier figure, an fte-weighted mean or a
 * text (the review band) cannot be made from the counties' figures: such a
 * row is blank with a note saying so (docs/federation.md). */
#include "model/national.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/engine.h"
#include "model/fidelity.h"
#include "model/pack_rows.h"

#define NOT_MERGED "not in the national roll-up: counties' figures do not add up to it"

void national_free(national *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->n; i++) {
        metric_set_free(n->q[i]->rows);
        free(n->q[i]);
    }
    free(n->q);
    free(n);
}

static int score_item(const char *metric)
{
    for (int item = 1; item <= 25; item++) {
        const char *m = fidelity_score_metric(item);
        if (m && strcmp(m, metric) == 0)
            return item;
    }
    return 0;
}

/* Works r's value out again from its summed parts. */
static void finish(metric_row *r, size_t counties)
{
    if (counties < 2 || strcmp(r->metric, "follow_along_score") == 0)
        return; /* one county's row as it was; item 23's score: follow_scores() */
    bool parts = (r->has & MH_NUMERATOR) && (r->has & MH_DENOMINATOR);
    /* a mean's numerator is the observations' sum */
    double num = r->kind == MK_MEAN ? r->sum : r->numerator;
    switch (r->kind) {
    case MK_COUNT: return;
    case MK_MEAN:
        parts = r->has & MH_DENOMINATOR;
        /* fall through */
    case MK_SHARE:
    case MK_RATIO:
        if (!parts)
            break;
        r->has &= ~(unsigned)(MH_VALUE | MH_SCORE);
        if (r->denominator > 0) {
            double scale = r->kind == MK_SHARE ? 100.0 : 1.0;
            r->value = metric_round(scale * num / r->denominator, r->decimals);
            r->has |= MH_VALUE;
            int item = score_item(r->metric);
            if (item) {
                r->score = fidelity_band_score(item, r->value);
                r->has |= MH_SCORE;
                if (item == 21)
                    engine_item21_rule(r);
            }
        }
        return;
    default: break;
    }
    r->has &= ~(unsigned)(MH_VALUE | MH_SCORE);
    r->text = "";
    r->note = NOT_MERGED;
}

static void add(metric_row *into, const metric_row *r)
{
    into->numerator += r->numerator;
    into->denominator += r->denominator;
    into->value += r->value;
    into->events += r->events;
    into->sum += r->sum;
    into->has |= r->has;
    into->to_date |= r->to_date;
    if (strcmp(into->note, r->note) != 0)
        into->note = "";
}

typedef struct {
    metric_row row;
    double order;    /* the metric's place (places()) */
    size_t seen;     /* the row's own first place */
    size_t counties;
} merged;

/* Metric by metric; within one, a breakdown's groups in name order (as the
 * engine emits them), other groups (item 15's bins, the path's steps) in
 * the order the counties have them. */
static int by_order(const void *a, const void *b)
{
    const merged *x = a, *y = b;
    if (x->order != y->order)
        return x->order < y->order ? -1 : 1;
    int c = strcmp(x->row.group_by, y->row.group_by);
    if (c)
        return c;
    if (x->row.group_by[0] && metric_group_find(x->row.group_by) < 0)
        return (x->seen > y->seen) - (x->seen < y->seen);
    return strcmp(x->row.group, y->row.group);
}

/* Item 23's score of each group from its five merged share rows. */
static void follow_scores(merged *m, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        metric_row *r = &m[i].row;
        if (m[i].counties < 2 || strcmp(r->metric, "follow_along_score") != 0)
            continue;
        const metric_row *rows[5] = {NULL};
        for (size_t j = 0; j < n; j++)
            for (int k = 0; k < 5; k++)
                if (strcmp(m[j].row.metric, engine_follow_ids[k]) == 0 &&
                    strcmp(m[j].row.group_by, r->group_by) == 0 &&
                    strcmp(m[j].row.group, r->group) == 0)
                    rows[k] = &m[j].row;
        r->has &= ~(unsigned)MH_SCORE;
        bool all = true;
        for (int k = 0; k < 5; k++)
            all &= rows[k] != NULL;
        int score = all ? engine_follow_score(rows) : 0;
        if (score > 0) {
            r->has |= MH_SCORE;
            r->score = score;
        }
    }
}

static int by_key(const void *a, const void *b)
{
    const merged *x = a, *y = b;
    int c = strcmp(x->row.metric, y->row.metric);
    if (!c)
        c = strcmp(x->row.group_by, y->row.group_by);
    if (!c)
        c = strcmp(x->row.group, y->row.group);
    return c ? c : (x->seen > y->seen) - (x->seen < y->seen);
}

/* The metrics in the order the engine emits them, from every county's
 * sequence: a metric one county lacks (an instrument, a review's rows)
 * goes after the metric it follows where it appears. */
typedef struct {
    const char *metric;
    double order;
} metric_place;

static double place_of(const metric_place *p, size_t n, const char *metric)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(p[i].metric, metric) == 0)
            return p[i].order;
    return -1;
}

static size_t places(const metric_set *const *rows, size_t n, metric_place *p, size_t cap)
{
    size_t np = 0;
    for (size_t k = 0; k < n; k++) {
        double prev = -1;
        for (size_t i = 0; i < rows[k]->n; i++) {
            const char *metric = rows[k]->rows[i].metric;
            if (i > 0 && strcmp(rows[k]->rows[i - 1].metric, metric) == 0)
                continue;
            double o = place_of(p, np, metric);
            if (o < 0 && np < cap) {
                double next = -1; /* the first place after prev */
                for (size_t j = 0; j < np; j++)
                    if (p[j].order > prev && (next < 0 || p[j].order < next))
                        next = p[j].order;
                o = next < 0 ? prev + 1 : (prev + next) / 2;
                p[np++] = (metric_place){metric, o};
            }
            prev = o;
        }
    }
    return np;
}

ips_error national_rows_merge(const metric_set *const *rows, size_t n, metric_set *out,
                              ips_diag *d)
{
    size_t cap = 0, nm = 0, pos = 0;
    for (size_t k = 0; k < n; k++)
        cap += rows[k]->n;
    merged *m = calloc(cap ? cap : 1, sizeof *m);
    metric_place *p = calloc(cap ? cap : 1, sizeof *p);
    if (!m || !p) {
        free(m);
        free(p);
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    }
    size_t np = places(rows, n, p, cap);
    for (size_t k = 0; k < n; k++)
        for (size_t i = 0; i < rows[k]->n; i++, pos++)
            m[pos] = (merged){rows[k]->rows[i], 0, pos, 1};
    /* equal keys side by side, then each added into its first */
    qsort(m, pos, sizeof *m, by_key);
    for (size_t i = 0; i < pos; i++) {
        if (nm > 0 && strcmp(m[nm - 1].row.metric, m[i].row.metric) == 0 &&
            strcmp(m[nm - 1].row.group_by, m[i].row.group_by) == 0 &&
            strcmp(m[nm - 1].row.group, m[i].row.group) == 0) {
            add(&m[nm - 1].row, &m[i].row);
            m[nm - 1].counties++;
            continue;
        }
        m[nm++] = m[i];
    }
    for (size_t i = 0; i < nm; i++)
        m[i].order = place_of(p, np, m[i].row.metric);
    free(p);
    qsort(m, nm, sizeof *m, by_order);
    for (size_t i = 0; i < nm; i++)
        finish(&m[i].row, m[i].counties);
    follow_scores(m, nm);
    bool ok = true;
    for (size_t i = 0; ok && i < nm; i++)
        ok = metric_set_put(out, &m[i].row);
    free(m);
    return ok ? IPS_OK : ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
}

/* The rows of one query of the packs (*out NULL when no pack has it), read
 * and merged on first use. */
static ips_error lookup(national *n, const char *family, ips_day qs, ips_day qe,
                        metric_group by, bool any_start, const national_query **out,
                        ips_diag *d)
{
    *out = NULL;
    bool cache = strncmp(family, PACK_FAMILY_PARTS, strlen(PACK_FAMILY_PARTS)) != 0;
    for (size_t i = 0; cache && i < n->n; i++) {
        const national_query *x = n->q[i];
        if (x->qe == qe && x->by == by && (any_start || x->qs == qs) &&
            strcmp(x->family, family) == 0) {
            *out = x->absent ? NULL : x;
            return IPS_OK;
        }
    }
    national_query *x;
    ips_error e = national_load_query(n, family, qs, qe, by, cache, &x, d);
    if (e == IPS_OK && !x->absent)
        *out = x;
    else if (e == IPS_OK && !cache)
        national_query_free(x);
    return e;
}

void national_query_free(const national_query *q)
{
    if (q) {
        metric_set_free(q->rows);
        free((national_query *)q);
    }
}

static ips_error add_row(metric_set *out, const metric_row *row, ips_diag *d)
{
    return metric_set_put(out, row) ? IPS_OK : ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
}

/* Appends rows (of group_by when not NULL) but for parts ("@…"). */
static ips_error append(const metric_set *rows, const char *group_by, metric_set *out,
                        ips_diag *d)
{
    ips_error e = IPS_OK;
    for (size_t i = 0; e == IPS_OK && i < rows->n; i++)
        if ((!group_by || strcmp(rows->rows[i].group_by, group_by) == 0) &&
            rows->rows[i].metric[0] != '@')
            e = add_row(out, &rows->rows[i], d);
    return e;
}

/* One metric's rows in a set: rows[start .. end). */
typedef struct {
    const char *metric;
    size_t start, end;
    int block;      /* which family made it */
    bool done;
} run;

/* The families worked out from parts, in from_parts' order: [0] the
 * outcomes, [1] items 1, 2, 17 and 24 (between other items of the fidelity
 * family: each metric in its own place), [2] capacity (one block region by
 * region: all of it in its first metric's place). */
#define PART_BLOCKS 3
static const bool block_whole[PART_BLOCKS] = {true, false, true};

#define MAX_RUNS 64

static size_t runs_of(const metric_set *s, const size_t *bounds, run *runs)
{
    size_t n = 0;
    int b = 0;
    for (size_t i = 0; i < s->n && n < MAX_RUNS; i++) {
        while (b < PART_BLOCKS - 1 && i >= bounds[b])
            b++;
        if (n && runs[n - 1].block == b && strcmp(runs[n - 1].metric, s->rows[i].metric) == 0) {
            runs[n - 1].end = i + 1;
            continue;
        }
        runs[n++] = (run){s->rows[i].metric, i, i + 1, b, false};
    }
    return n;
}

static ips_error emit_run(const metric_set *from_parts, run *r, metric_set *out, ips_diag *d)
{
    ips_error e = IPS_OK;
    for (size_t k = r->start; !r->done && e == IPS_OK && k < r->end; k++)
        e = add_row(out, &from_parts->rows[k], d);
    r->done = true;
    return e;
}

/* The merged rows with each metric worked out from parts in its place: the
 * order of the engine's own output. */
static ips_error interleave(const metric_set *merged, const metric_set *from_parts,
                            const size_t *bounds, metric_set *out, ips_diag *d)
{
    run runs[MAX_RUNS];
    size_t nr = runs_of(from_parts, bounds, runs);
    ips_error e = IPS_OK;
    for (size_t i = 0; e == IPS_OK && i < merged->n; i++) {
        const metric_row *r = &merged->rows[i];
        if (r->metric[0] == '@')
            continue;
        run *hit = NULL;
        for (size_t k = 0; !hit && k < nr; k++)
            if (strcmp(runs[k].metric, r->metric) == 0)
                hit = &runs[k];
        if (!hit) {
            e = add_row(out, r, d);
            continue;
        }
        for (size_t k = 0; e == IPS_OK && block_whole[hit->block] && k < nr; k++)
            if (runs[k].block == hit->block)
                e = emit_run(from_parts, &runs[k], out, d);
        if (e == IPS_OK)
            e = emit_run(from_parts, hit, out, d);
    }
    for (size_t k = 0; e == IPS_OK && k < nr; k++) /* none of the counties had them */
        e = emit_run(from_parts, &runs[k], out, d);
    return e;
}

static ips_error not_held(const national *n, const metric_query *q, ips_diag *d)
{
    char a[11], b[11], f[11], l[11];
    date_format_iso(q->start, a);
    date_format_iso(q->end, b);
    date_format_iso(n->period_first, f);
    date_format_iso(n->period_last, l);
    return ips_diag_set(d, IPS_ERR_PERIOD,
                        "the national warehouse holds the counties' figures for calendar "
                        "quarters, halves and years from %s to %s (and the last four quarters "
                        "and the time since the start to each quarter's end), not for %s .. %s; "
                        "ask for one of those periods",
                        f, l, a, b);
}

ips_error national_parts(national *n, const national_query *x, const national_query **out,
                         ips_diag *d)
{
    if (strcmp(x->family, PACK_FAMILY_METRICS) == 0)
        return lookup(n, PACK_FAMILY_PARTS, x->qs, x->qe, x->by, false, out, d);
    char family[32];
    snprintf(family, sizeof family, "%s%s", PACK_FAMILY_PARTS_OF, x->family);
    return lookup(n, family, x->qs, x->qe, x->by, strcmp(x->family, PACK_FAMILY_SINCE) == 0,
                  out, d);
}

ips_error national_end_parts(national *n, ips_day qe, metric_group by,
                             const national_query **out, ips_diag *d)
{
    return lookup(n, PACK_FAMILY_PARTS_END, qe, qe, by, false, out, d);
}

ips_error national_query_of(national *n, const metric_query *q, const national_query **out,
                            ips_diag *d)
{
    ips_error e = lookup(n, PACK_FAMILY_METRICS, q->start, q->end, q->by, false, out, d);
    if (e == IPS_OK && !*out && q->by == GROUP_NONE)
        e = lookup(n, PACK_FAMILY_LAST4, q->start, q->end, q->by, false, out, d);
    if (e == IPS_OK && !*out && q->by == GROUP_NONE && q->start == metric_quarter_start(n->first_day))
        e = lookup(n, PACK_FAMILY_SINCE, q->start, q->end, q->by, true, out, d);
    return e;
}

/* The packs hold rows of the default settings (and A): others cannot be
 * made from them. */
static ips_error settings_held(const national *n, const metric_query *q, ips_diag *d)
{
    if (q->clients_per_coach_year != 45.0 || q->guidance_reasons || q->outcome_reasons)
        return ips_diag_set(d, IPS_ERR_USAGE,
                            "the counties' packs hold figures of the default settings only; "
                            "leave out --clients-per-coach-year and the fee reason lists");
    if (q->as_of != IPS_DAY_NONE && q->as_of != n->as_of) {
        char a[11];
        date_format_iso(n->as_of, a);
        return ips_diag_set(d, IPS_ERR_USAGE,
                            "the counties' packs are as of %s; leave out --as-of or give that "
                            "day", a);
    }
    return IPS_OK;
}

/* The families whose parts travel, worked out from their sum, in their
 * places among x's merged rows. */
static ips_error from_parts(const facts *f, const metric_query *q, const national_query *x,
                            const national_query *parts, metric_set *out, ips_diag *d)
{
    national *n = f->national;
    metric_set *tmp = metric_set_new();
    if (!tmp)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    size_t bounds[PART_BLOCKS - 1];
    eng_ctx ctx;
    eng_ctx_init(&ctx, f, q);
    /* the end day's parts: this breakdown's cohorts, the whole's coach sums */
    const national_query *end_by = NULL, *end_all = NULL;
    ips_error e = national_end_parts(n, x->qe, q->by, &end_by, d);
    if (e == IPS_OK && q->by != GROUP_NONE)
        e = national_end_parts(n, x->qe, GROUP_NONE, &end_all, d);
    if (e == IPS_OK)
        e = engine_outcomes_from_parts(&ctx, parts->rows, end_by ? end_by->rows : NULL, tmp, d);
    bounds[0] = tmp->n;
    const national_query *coach_end = q->by == GROUP_NONE ? end_by : end_all;
    if (e == IPS_OK)
        e = engine_fidelity_coach_from_parts(&ctx, parts->rows,
                                             coach_end ? coach_end->rows : NULL, tmp, d);
    bounds[1] = tmp->n;
    national_query_free(end_by);
    national_query_free(end_all);
    /* every query of a year shows the year's capacity: its parts ride in the year's */
    int y, m, dd;
    date_to_ymd(ctx.p_end, &y, &m, &dd);
    const national_query *yq = NULL;
    if (e == IPS_OK)
        e = lookup(n, PACK_FAMILY_PARTS, date_from_ymd(y, 1, 1), date_from_ymd(y, 12, 31),
                   GROUP_NONE, false, &yq, d);
    if (e == IPS_OK)
        e = engine_capacity_from_parts(&ctx, yq ? yq->rows : NULL, tmp, d);
    national_query_free(yq);
    if (e == IPS_OK)
        e = interleave(x->rows, tmp, bounds, out, d);
    metric_set_free(tmp);
    return e;
}

ips_error national_rows_get(const facts *f, const metric_query *q, metric_set *out,
                            ips_diag *d)
{
    national *n = f->national;
    const national_query *x, *parts = NULL;
    ips_error e = settings_held(n, q, d);
    if (e == IPS_OK)
        e = national_query_of(n, q, &x, d);
    if (e == IPS_OK && !x)
        return not_held(n, q, d);
    if (e == IPS_OK && q->by == GROUP_COUNTY) /* each county's own rows, exact as they are */
        return append(x->rows, NULL, out, d);
    if (e == IPS_OK)
        e = national_parts(n, x, &parts, d);
    if (e == IPS_OK)
        e = parts ? from_parts(f, q, x, parts, out, d) : append(x->rows, NULL, out, d);
    national_query_free(parts);
    return e;
}

ips_error national_funder_get(national *n, const metric_query *q, metric_group by,
                              metric_set *out, ips_diag *d)
{
    const national_query *x = NULL;
    ips_error e = settings_held(n, q, d);
    if (e == IPS_OK)
        e = lookup(n, PACK_FAMILY_FUNDER, q->start, q->end, GROUP_NONE, true, &x, d);
    if (e != IPS_OK)
        return e;
    if (!x || q->start != n->ips_first_day)
        return not_held(n, q, d);
    return append(x->rows, metric_group_name(by), out, d);
}
