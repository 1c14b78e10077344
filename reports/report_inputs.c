/* The glue between the model and the workbook's non-metric inputs.
 *
 * report_inputs_load() takes them from the model's one publication for the
 * period (model/publication.h), which computed them from the same snapshot as
 * the metric rows.  Each loader below says which part it maps and how:
 *
 *   load_batches()     model/batches.h: batches_list(wh, &list, d) gives per
 *                      loaded file: file_name, content_hash, entity, rows
 *                      read/stored/updated/rejected/duplicate and loaded_at;
 *                      one report_inputs_add_batch() per file, oldest first,
 *                      then the five counts copied.  The warehouse's key
 *                      fingerprint (hex text) goes to in->key_fingerprint.
 *   load_findings()    model/quality.h: the findings of `ipsreport check`
 *                      for the warehouse; one report_inputs_add_finding() per
 *                      finding (severity error/warning/info, check id, entity,
 *                      "file:line: column" when it has one, the one-line
 *                      message, rows concerned or -1) and
 *                      in->checked = true once the check has run.
 *   load_reviews()     model/fidelity.h: fidelity_review_merge() for the
 *                      reviews whose review_date is in the review window W
 *                      of metrics.md (R19); per review one
 *                      report_inputs_add_review() and, per item 1..25, the
 *                      reviewer's status (rated / not_applicable /
 *                      not_rated), score and score_high (= score when the
 *                      reviewer gave no range).
 *   load_item_names()  the catalogue's "FIDELITY_ITEM:n" (po/) into
 *                      in->item_names[1..25] (static texts, not copied).
 *   load_tariff()      model/funding.h: reads the tariff file; per provider
 *                      (and one row with provider NULL for "every provider")
 *                      the euro price of the start, guidance and outcome fee
 *                      via report_inputs_add_price(); sets in->has_tariff.
 *
 * Personal identity codes: none of these carry one (ingest pseudonymises
 * them); the workbook writer masks anything shaped like one regardless. */
#include "reports/report_inputs.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/batches.h"
#include "model/fidelity.h"
#include "model/funding.h"
#include "model/project.h"
#include "model/publication.h"
#include "model/quality.h"
#include "reports/catalogue.h"

report_inputs *report_inputs_new(void)
{
    return calloc(1, sizeof(report_inputs));
}

void report_inputs_free(report_inputs *in)
{
    if (!in)
        return;
    for (size_t i = 0; i < in->n_batches; i++) {
        report_batch *b = &in->batches[i];
        free(b->file_name);
        free(b->content_hash);
        free(b->entity);
        free(b->loaded_at);
    }
    for (size_t i = 0; i < in->n_findings; i++) {
        report_finding *f = &in->findings[i];
        free(f->severity);
        free(f->check);
        free(f->entity);
        free(f->where);
        free(f->message);
    }
    for (size_t i = 0; i < in->n_reviews; i++) {
        free(in->reviews[i].review_id);
        free(in->reviews[i].unit);
        free(in->reviews[i].reviewer);
    }
    for (size_t i = 0; i < in->n_prices; i++)
        free(in->prices[i].provider);
    free(in->batches);
    free(in->findings);
    free(in->reviews);
    free(in->prices);
    free(in->key_fingerprint);
    pub_comparisons_free(&in->cmp);
    free(in);
}

/* strdup that keeps NULL; *ok turns false when memory runs out. */
static char *dup(const char *s, bool *ok)
{
    if (!s)
        return NULL;
    char *c = strdup(s);
    if (!c)
        *ok = false;
    return c;
}

/* Each array grows by one zeroed element; realloc keeps the old array when
 * it fails, so an out-of-memory append leaves the inputs as they were. */
#define APPEND(type, arr, n)                                                    \
    do {                                                                        \
        type *grown_ = realloc((arr), ((n) + 1) * sizeof(type));                \
        if (!grown_)                                                            \
            return NULL;                                                        \
        (arr) = grown_;                                                         \
        memset(&(arr)[(n)], 0, sizeof(type));                                   \
    } while (0)

report_batch *report_inputs_add_batch(report_inputs *in, const char *file_name,
                                      const char *content_hash, const char *entity,
                                      const char *loaded_at)
{
    APPEND(report_batch, in->batches, in->n_batches);
    report_batch *b = &in->batches[in->n_batches++];
    bool ok = true;
    b->file_name = dup(file_name, &ok);
    b->content_hash = dup(content_hash, &ok);
    b->entity = dup(entity, &ok);
    b->loaded_at = dup(loaded_at, &ok);
    return ok ? b : NULL;
}

report_finding *report_inputs_add_finding(report_inputs *in, const char *severity,
                                          const char *check, const char *entity,
                                          const char *where, const char *message,
                                          long long count)
{
    APPEND(report_finding, in->findings, in->n_findings);
    report_finding *f = &in->findings[in->n_findings++];
    bool ok = true;
    f->severity = dup(severity, &ok);
    f->check = dup(check, &ok);
    f->entity = dup(entity, &ok);
    f->where = dup(where, &ok);
    f->message = dup(message, &ok);
    f->count = count;
    return ok ? f : NULL;
}

report_review *report_inputs_add_review(report_inputs *in, const char *review_id,
                                        const char *unit, const char *reviewer,
                                        ips_day review_date)
{
    APPEND(report_review, in->reviews, in->n_reviews);
    report_review *r = &in->reviews[in->n_reviews++];
    bool ok = true;
    r->review_id = dup(review_id, &ok);
    r->unit = dup(unit, &ok);
    r->reviewer = dup(reviewer, &ok);
    r->review_date = review_date;
    return ok ? r : NULL;
}

report_price *report_inputs_add_price(report_inputs *in, const char *provider, double start,
                                      double guidance, double outcome)
{
    APPEND(report_price, in->prices, in->n_prices);
    report_price *p = &in->prices[in->n_prices++];
    bool ok = true;
    p->provider = dup(provider, &ok);
    p->start = start;
    p->guidance = guidance;
    p->outcome = outcome;
    return ok ? p : NULL;
}

/* The provider's own row only (no fallback to the row for all). */
static const report_price *report_inputs_price_exact(const report_inputs *in, const char *provider)
{
    for (size_t i = 0; i < in->n_prices; i++)
        if (in->prices[i].provider && strcmp(in->prices[i].provider, provider) == 0)
            return &in->prices[i];
    return NULL;
}

const report_price *report_inputs_price(const report_inputs *in, const char *provider)
{
    const report_price *any = NULL;
    for (size_t i = 0; i < in->n_prices; i++) {
        const report_price *p = &in->prices[i];
        if (!p->provider)
            any = p;
        else if (provider && strcmp(p->provider, provider) == 0)
            return p;
    }
    return any;
}

/* --- loaders: see the comment at the top of this file ------------------ */

static ips_error load_batches(const publication *p, report_inputs *in, ips_diag *d)
{
    const batch_list *l = p->batches;
    ips_error e = IPS_OK;
    for (size_t i = 0; e == IPS_OK && i < l->n; i++) {
        const batch_info *b = &l->items[i];
        report_batch *r = report_inputs_add_batch(in, b->file_name, b->content_hash, b->entity,
                                                  b->loaded_at);
        if (!r) {
            e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
            break;
        }
        r->rows_read = b->read;
        r->rows_stored = b->stored;
        r->rows_updated = b->updated;
        r->rows_rejected = b->rejected;
        r->rows_duplicate = b->duplicate;
    }
    if (e == IPS_OK && l->key_fingerprint && !(in->key_fingerprint = strdup(l->key_fingerprint)))
        e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    return e;
}

/* The check's findings at the report's as-of date, and the rejected rows
 * grouped by file and column, as 'ipsreport check' prints them. */
static ips_error load_findings(const publication *p, report_inputs *in, ips_diag *d)
{
    const quality_report *r = p->quality;
    ips_error e = IPS_OK;
    for (size_t i = 0; e == IPS_OK && i < r->nfindings; i++) {
        const quality_finding *f = &r->findings[i];
        /* The examples alone: the sheet says "e.g." in its own language. */
        if (!report_inputs_add_finding(in, f->count ? "warning" : "info", f->id, NULL,
                                       f->count ? f->examples : NULL, quality_finding_text(f->id),
                                       f->count))
            e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    }
    for (size_t i = 0; e == IPS_OK && i < r->nrejects; i++) {
        const quality_rejects *g = &r->rejects[i];
        char where[300];
        snprintf(where, sizeof where, "%.200s:%lld: %.60s", g->file_name, g->first_line, g->column);
        if (!report_inputs_add_finding(in, "error", "rejected_rows", NULL, where, g->example,
                                       g->count))
            e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    }
    in->checked = e == IPS_OK;
    return e;
}

static report_item_status report_status(fidelity_status s)
{
    switch (s) {
    case FID_STATUS_RATED: return RI_RATED;
    case FID_STATUS_NOT_APPLICABLE: return RI_NOT_APPLICABLE;
    case FID_STATUS_NOT_RATED: return RI_NOT_RATED;
    default: return RI_NONE;
    }
}

static ips_error load_reviews(const publication *p, report_inputs *in, ips_diag *d)
{
    const fidelity_review_list *list = p->reviews;
    ips_error e = IPS_OK;
    for (size_t i = 0; e == IPS_OK && i < list->n; i++) {
        const fidelity_review *r = &list->reviews[i];
        report_review *rr = report_inputs_add_review(in, r->review_id, r->unit,
                                                     r->reviewer[0] ? r->reviewer : NULL,
                                                     r->review_date);
        if (!rr) {
            e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
            break;
        }
        for (int k = 0; k < FIDELITY_ITEMS && k < REPORT_ITEMS; k++) {
            const fidelity_merged_item *m = &r->items[k];
            if (m->item < 1 || m->item > REPORT_ITEMS)
                continue;
            report_review_item *it = &rr->items[m->item];
            it->status = report_status(m->status);
            it->score = m->score;
            it->score_high = m->score_high ? m->score_high : m->score;
        }
    }
    return e;
}

static void load_item_names(report_lang lang, report_inputs *in)
{
    in->item_names[0] = NULL;
    for (int i = 1; i <= REPORT_ITEMS; i++) {
        char key[12];
        snprintf(key, sizeof key, "%d", i);
        const catalogue_entry *e = catalogue_find(&catalogue_FIDELITY_ITEM, key);
        /* No usable translation: the English name, as gettext shows it. */
        in->item_names[i] = !e ? NULL : e->text[lang] ? e->text[lang] : e->text[REPORT_LANG_EN];
    }
}

/* One price row for all providers (the tariff's default) and one for each
 * provider the period's fees name, so the Funding sheet can price each. */
static ips_error load_tariff(warehouse *wh, const metric_query *q, const char *path,
                             report_inputs *in, ips_diag *d)
{
    funding_tariff *t = NULL;
    metric_set *set = metric_set_new();
    if (!set)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    metric_query all = *q;
    all.internal = true; /* prices are not counts: nothing to hide */
    ips_error e = funding_tariff_load(path, &t, d);
    if (e == IPS_OK)
        e = funding_amounts(wh, &all, t, set, d);
    if (e == IPS_OK && !report_inputs_add_price(in, NULL,
            funding_tariff_price(t, FUNDING_FEE_START, NULL),
            funding_tariff_price(t, FUNDING_FEE_GUIDANCE, NULL),
            funding_tariff_price(t, FUNDING_FEE_OUTCOME, NULL)))
        e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    for (size_t i = 0; e == IPS_OK && i < set->n; i++) {
        const metric_row *r = &set->rows[i];
        if (strcmp(r->group_by, "provider") != 0 || report_inputs_price_exact(in, r->group))
            continue;
        if (!report_inputs_add_price(in, r->group,
                funding_tariff_price(t, FUNDING_FEE_START, r->group),
                funding_tariff_price(t, FUNDING_FEE_GUIDANCE, r->group),
                funding_tariff_price(t, FUNDING_FEE_OUTCOME, r->group)))
            e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    }
    in->has_tariff = e == IPS_OK;
    metric_set_free(set);
    funding_tariff_free(t);
    return e;
}

static ips_error load_comparisons(const publication *p, report_inputs *in, ips_diag *d)
{
    pub_comparisons_free(&in->cmp);
    if (!pub_comparisons_copy(&in->cmp, &p->cmp))
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    const ips_project *pr = p->q.project;
    if (pr) {
        snprintf(in->project_name, sizeof in->project_name, "%s", pr->name);
        snprintf(in->project_code, sizeof in->project_code, "%s", pr->code);
        snprintf(in->project_funder, sizeof in->project_funder, "%s", pr->funder);
    }
    return IPS_OK;
}

ips_error report_inputs_load(warehouse *wh, const metric_query *q, const char *tariff_path,
                             report_lang lang, report_inputs *in, ips_diag *d)
{
    const publication *p;
    ips_error e = publication_get(wh, q, IPS_DAY_NONE, IPS_DAY_NONE, &p, d);
    if (e == IPS_OK)
        e = load_batches(p, in, d);
    if (e == IPS_OK)
        e = load_findings(p, in, d);
    if (e == IPS_OK)
        e = load_reviews(p, in, d);
    if (e == IPS_OK)
        load_item_names(lang, in);
    if (e == IPS_OK)
        e = load_comparisons(p, in, d);
    if (e == IPS_OK && tariff_path)
        e = load_tariff(wh, q, tariff_path, in, d);
    return e;
}
