/* The merged review (fidelity.h): each reviewer's item scores beside the
 * scores computed from data for the same window, and where they part.
 *
 * Reviews and provider membership come from the facts, the data scores from
 * metrics_compute() for the same query, so the report's own metric rows (and
 * their loaded facts) serve here too. */
#include <stdlib.h>
#include <string.h>

#include "model/engine.h"
#include "model/funding.h"

/* How far the data score lies outside the reviewer's score..score_high. */
static int gap(const fidelity_merged_item *it)
{
    if (it->data_score < it->score)
        return it->score - it->data_score;
    if (it->data_score > it->score_high)
        return it->data_score - it->score_high;
    return 0;
}

/* Data scores of one review from the rows of set for group. */
static void fill_scores(fidelity_review *r, const metric_set *set, const char *group)
{
    for (int i = 0; i < FIDELITY_ITEMS; i++) {
        fidelity_merged_item *it = &r->items[i];
        const char *metric = fidelity_score_metric(it->item);
        const metric_row *row = metric ? metric_set_find(set, metric, NULL, group) : NULL;
        it->data_score = row && (row->has & MH_SCORE) && !row->suppressed ? row->score : 0;
        it->differs = it->status == FID_STATUS_RATED && it->data_score > 0 && gap(it) >= 2;
    }
}

static int name_cmp(const void *key, const void *elem)
{
    return strcmp(key, *(char *const *)elem);
}

/* A unit is a provider when some coach has it as provider_id.  "" is the
 * dimension's "unknown" and names no provider. */
static bool is_provider(const facts *f, const char *unit)
{
    const facts_dim *dim = &f->dim[FD_PROVIDER];
    return unit[0] && dim->n > 1 &&
           bsearch(unit, dim->names + 1, (size_t)dim->n - 1, sizeof *dim->names, name_cmp);
}

/* Every metric row for q with breakdown by, suppressed like the report's
 * other figures unless q->internal; fill_scores picks the fidelity items. */
static ips_error data_rows(warehouse *wh, const metric_query *q, metric_group by,
                           metric_set **out, ips_diag *d)
{
    metric_query qb = *q;
    qb.by = by;
    *out = metric_set_new();
    if (!*out)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory computing fidelity items");
    return metrics_compute(wh, &qb, *out, d);
}

/* Marks the reviews whose unit is a provider; true when any is. */
static bool mark_providers(const facts *f, fidelity_review_list *list)
{
    bool any = false;
    for (size_t i = 0; i < list->n; i++) {
        fidelity_review *r = &list->reviews[i];
        r->data_for_provider = is_provider(f, r->unit);
        any = any || r->data_for_provider;
    }
    return any;
}

/* Runs after mark_providers(): metrics_compute() may reload the warehouse's
 * facts (a writable connection's temp tables count as changes), so the
 * facts are not read past this point. */
static ips_error merge_scores(warehouse *wh, const metric_query *q, bool any_provider,
                              fidelity_review_list *list, ips_diag *d)
{
    metric_set *whole = NULL, *prov = NULL;
    ips_error e = data_rows(wh, q, GROUP_NONE, &whole, d);
    if (e == IPS_OK && any_provider)
        e = data_rows(wh, q, GROUP_PROVIDER, &prov, d);
    for (size_t i = 0; e == IPS_OK && i < list->n; i++) {
        fidelity_review *r = &list->reviews[i];
        fill_scores(r, r->data_for_provider ? prov : whole, r->data_for_provider ? r->unit : "");
    }
    metric_set_free(whole);
    metric_set_free(prov);
    return e;
}

/* q for the data rows: A resolved as metrics_compute() resolves it, so both
 * load the same facts.  The fee exit reasons do not touch a fidelity score
 * and the merge never refused them: a list metrics_compute() would refuse is
 * dropped; a valid one stays, keeping the query the report's own. */
static ips_error data_query(warehouse *wh, const metric_query *q, metric_query *out, ips_diag *d)
{
    *out = *q;
    out->by = GROUP_NONE;
    ips_diag ignored;
    ips_diag_clear(&ignored);
    if (funding_reasons_check(q->guidance_reasons, "", &ignored) != IPS_OK)
        out->guidance_reasons = NULL;
    if (funding_reasons_check(q->outcome_reasons, "", &ignored) != IPS_OK)
        out->outcome_reasons = NULL;
    if (out->as_of != IPS_DAY_NONE)
        return IPS_OK;
    ips_error e = metrics_as_of(wh, &out->as_of, d);
    if (e == IPS_OK && out->as_of == IPS_DAY_NONE)
        out->as_of = q->end; /* empty warehouse: nothing exists anyway */
    return e;
}

ips_error fidelity_review_merge(warehouse *wh, const metric_query *q, const char *review_id,
                                fidelity_review_list **out, ips_diag *d)
{
    *out = NULL;
    if (q->start == IPS_DAY_NONE || q->end == IPS_DAY_NONE || q->end < q->start)
        return ips_diag_set(d, IPS_ERR_PERIOD, "no valid period given");
    fidelity_review_list *list = calloc(1, sizeof *list);
    if (!list)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory reading fidelity reviews");
    metric_query q0;
    const facts *f = NULL;
    ips_error e = data_query(wh, q, &q0, d);
    if (e == IPS_OK)
        e = facts_get_core(wh, q0.as_of, &f, d);
    /* R2: W = [p_end − 364, p_end] of P cut at A (R22), as eng_ctx_init() has it. */
    ips_day w_end = f ? metric_period_cut(q0.end, f->as_of) : q0.end;
    if (e == IPS_OK)
        e = engine_review_list(f, w_end - 364, w_end, review_id, true, list, d);
    if (e == IPS_OK && list->n > 0)
        e = merge_scores(wh, &q0, mark_providers(f, list), list, d);
    if (e != IPS_OK) {
        fidelity_review_list_free(list);
        return e;
    }
    *out = list;
    return IPS_OK;
}

void fidelity_review_list_free(fidelity_review_list *list)
{
    if (!list)
        return;
    free(list->reviews);
    free(list);
}
