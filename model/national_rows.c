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

#include "model/fidelity.h"
#include "model/pack_rows.h"

#define NOT_MERGED "not in the national roll-up: counties' figures do not add up to it"

void national_free(national *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->n; i++)
        metric_set_free(n->q[i].rows);
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
    if (counties < 2)
        return;
    bool parts = (r->has & MH_NUMERATOR) && (r->has & MH_DENOMINATOR);
    switch (r->kind) {
    case MK_COUNT: return;
    case MK_SHARE:
    case MK_MEAN:
    case MK_RATIO:
        if (!parts)
            break;
        r->has &= ~(unsigned)(MH_VALUE | MH_SCORE);
        if (r->denominator > 0) {
            double scale = r->kind == MK_SHARE ? 100.0 : 1.0;
            r->value = metric_round(scale * r->numerator / r->denominator, r->decimals);
            r->has |= MH_VALUE;
            int item = score_item(r->metric);
            if (item) {
                r->score = fidelity_band_score(item, r->value);
                r->has |= MH_SCORE;
            }
        }
        return;
    default: break;
    }
    r->has &= ~(unsigned)(MH_VALUE | MH_SCORE);
    r->text[0] = '\0';
    snprintf(r->note, sizeof r->note, "%s", NOT_MERGED);
}

static void add(metric_row *into, const metric_row *r)
{
    into->numerator += r->numerator;
    into->denominator += r->denominator;
    into->value += r->value;
    into->events += r->events;
    into->has |= r->has;
    into->to_date |= r->to_date;
    if (strcmp(into->note, r->note) != 0)
        into->note[0] = '\0';
}

typedef struct {
    metric_row row;
    size_t order;    /* the metric's first place in any county's rows */
    size_t counties;
} merged;

static int by_order(const void *a, const void *b)
{
    const merged *x = a, *y = b;
    if (x->order != y->order)
        return x->order < y->order ? -1 : 1;
    int c = strcmp(x->row.group_by, y->row.group_by);
    return c ? c : strcmp(x->row.group, y->row.group);
}

static merged *find(merged *m, size_t n, const metric_row *r)
{
    for (size_t i = n; i-- > 0;)
        if (strcmp(m[i].row.metric, r->metric) == 0 && strcmp(m[i].row.group, r->group) == 0 &&
            strcmp(m[i].row.group_by, r->group_by) == 0)
            return &m[i];
    return NULL;
}

static size_t order_of(const merged *m, size_t n, const char *metric, size_t next)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(m[i].row.metric, metric) == 0)
            return m[i].order;
    return next;
}

ips_error national_rows_merge(const metric_set *const *rows, size_t n, metric_set *out,
                              ips_diag *d)
{
    size_t cap = 0, nm = 0, next = 0;
    for (size_t k = 0; k < n; k++)
        cap += rows[k]->n;
    merged *m = calloc(cap ? cap : 1, sizeof *m);
    if (!m)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    for (size_t k = 0; k < n; k++)
        for (size_t i = 0; i < rows[k]->n; i++) {
            const metric_row *r = &rows[k]->rows[i];
            merged *x = find(m, nm, r);
            if (x) {
                add(&x->row, r);
                x->counties++;
                continue;
            }
            size_t o = order_of(m, nm, r->metric, next);
            if (o == next)
                next++;
            m[nm++] = (merged){*r, o, 1};
        }
    qsort(m, nm, sizeof *m, by_order);
    ips_error e = IPS_OK;
    for (size_t i = 0; e == IPS_OK && i < nm; i++) {
        metric_row *r = metric_set_add(out, "");
        if (!r) {
            e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
            break;
        }
        *r = m[i].row;
        finish(r, m[i].counties);
    }
    free(m);
    return e;
}

static ips_day quarter_start(ips_day day)
{
    int y, m, dd;
    date_to_ymd(day, &y, &m, &dd);
    return date_from_ymd(y, (m - 1) / 3 * 3 + 1, 1);
}

/* The query q's rows are in, or NULL. */
static const national_query *lookup(const national *n, const char *family, ips_day qs,
                                    ips_day qe, metric_group by, bool any_start)
{
    for (size_t i = 0; i < n->n; i++) {
        const national_query *x = &n->q[i];
        if (x->qe == qe && x->by == by && (any_start || x->qs == qs) &&
            strcmp(x->family, family) == 0)
            return x;
    }
    return NULL;
}

static ips_error append(const metric_set *rows, const char *group_by, metric_set *out,
                        ips_diag *d)
{
    for (size_t i = 0; i < rows->n; i++) {
        if (group_by && strcmp(rows->rows[i].group_by, group_by) != 0)
            continue;
        metric_row *r = metric_set_add(out, "");
        if (!r)
            return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        *r = rows->rows[i];
    }
    return IPS_OK;
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

ips_error national_rows_get(const national *n, const metric_query *q, metric_set *out,
                            ips_diag *d)
{
    ips_error e = settings_held(n, q, d);
    if (e != IPS_OK)
        return e;
    const national_query *x = lookup(n, PACK_FAMILY_METRICS, q->start, q->end, q->by, false);
    if (!x && q->by == GROUP_NONE)
        x = lookup(n, PACK_FAMILY_LAST4, q->start, q->end, q->by, false);
    if (!x && q->by == GROUP_NONE && q->start == quarter_start(n->first_day))
        x = lookup(n, PACK_FAMILY_SINCE, q->start, q->end, q->by, true);
    return x ? append(x->rows, NULL, out, d) : not_held(n, q, d);
}

ips_error national_funder_get(const national *n, const metric_query *q, metric_group by,
                              metric_set *out, ips_diag *d)
{
    ips_error e = settings_held(n, q, d);
    if (e != IPS_OK)
        return e;
    const national_query *x = lookup(n, PACK_FAMILY_FUNDER, q->start, q->end, GROUP_NONE, true);
    if (!x || q->start != n->ips_first_day)
        return not_held(n, q, d);
    return append(x->rows, metric_group_name(by), out, d);
}
