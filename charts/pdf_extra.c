/* Gathering the PDF's extra pages' data from model/ (charts/pdf_extra.h). */
#include "charts/pdf_extra.h"

#include <stdlib.h>
#include <string.h>

#include "model/funding.h"
#include "model/publication.h"

static ips_error nomem(ips_diag *d)
{
    return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
}

/* Shares from's rows (metric_set_share): x is freed before the warehouse
 * that keeps the publication. */
static ips_error copy_into(const metric_set *from, metric_set **to, ips_diag *d)
{
    if (!(*to = metric_set_new()) || !metric_set_share(*to, from))
        return nomem(d);
    return IPS_OK;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The distinct groups of x->per's rows of x->per_by, sorted. */
static ips_error list_groups(pdf_extra *x, ips_diag *d)
{
    const char *by = metric_group_name(x->per_by);
    x->groups = calloc(x->per->n + 1, sizeof *x->groups);
    if (!x->groups)
        return nomem(d);
    for (size_t i = 0; i < x->per->n; i++) {
        const metric_row *r = &x->per->rows[i];
        if (strcmp(r->group_by, by) != 0)
            continue;
        bool seen = false;
        for (size_t k = 0; k < x->n_groups && !seen; k++)
            seen = strcmp(x->groups[k], r->group) == 0;
        if (!seen && !(x->groups[x->n_groups++] = strdup(r->group)))
            return nomem(d);
    }
    qsort(x->groups, x->n_groups, sizeof *x->groups, cmp_str);
    return IPS_OK;
}

/* How many of P's published figures (whole and by every breakdown of the
 * publication) suppression hides. */
static void count_hidden(const publication *p, pdf_extra *x)
{
    for (int by = GROUP_NONE; by < GROUP__COUNT; by++) {
        const metric_set *s = publication_rows(p, p->q.start, p->q.end, (metric_group)by);
        for (size_t i = 0; s && i < s->n; i++) {
            x->rows++;
            x->hidden += s->rows[i].suppressed;
        }
    }
}

static ips_error euros(warehouse *wh, const metric_query *q, const char *tariff, pdf_extra *x,
                       ips_diag *d)
{
    funding_tariff *t = NULL;
    ips_error e = funding_tariff_load(tariff, &t, d);
    if (e == IPS_OK && !(x->eur = metric_set_new()))
        e = nomem(d);
    if (e == IPS_OK)
        e = funding_amounts(wh, q, t, x->eur, d);
    funding_tariff_free(t);
    return e;
}

ips_error pdf_extra_fetch(warehouse *wh, const metric_query *q, const char *tariff,
                          metric_group per, pdf_extra *x, ips_diag *d)
{
    memset(x, 0, sizeof *x);
    x->per_by = per;
    const publication *p = NULL;
    ips_error e = publication_get(wh, q, IPS_DAY_NONE, IPS_DAY_NONE, &p, d);
    if (e == IPS_OK)
        e = copy_into(p->funder, &x->funder, d);
    if (e == IPS_OK) {
        x->funder_start = p->funder_start;
        x->funder_end = metric_period_cut(q->end, p->as_of);
        count_hidden(p, x);
    }
    if (e == IPS_OK && (per == GROUP_PROVIDER || per == GROUP_TEAM || per == GROUP_COUNTY)) {
        e = (x->per = metric_set_new()) ? IPS_OK : nomem(d);
        if (e == IPS_OK)
            e = publication_copy_rows(wh, p, q, q->start, q->end, per, x->per, d);
        if (e == IPS_OK)
            e = list_groups(x, d);
    }
    if (e == IPS_OK && tariff)
        e = euros(wh, q, tariff, x, d);
    if (e == IPS_OK)
        e = caveats_count(wh, q, &x->caveats, d);
    return e;
}

void pdf_extra_free(pdf_extra *x)
{
    if (!x)
        return;
    metric_set_free(x->funder);
    metric_set_free(x->eur);
    metric_set_free(x->per);
    for (size_t i = 0; i < x->n_groups; i++)
        free(x->groups[i]);
    free(x->groups);
    memset(x, 0, sizeof *x);
}

int pdf_extra_pages(const pdf_extra *x)
{
    return x ? (int)x->n_groups + 2 : 0;
}
