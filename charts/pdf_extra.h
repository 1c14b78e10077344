/* What the PDF summary shows beyond the charts' data: the funder's (ESF+)
 * rows since the start, the period's fees in euros, the period by provider
 * or team for a page per group (--per), and the data-quality caveats with
 * how much suppression hides.  All of it is copied from model/ (the
 * publication, funding_amounts, caveats_count): the pages only lay it out. */
#ifndef IPS_PDF_EXTRA_H
#define IPS_PDF_EXTRA_H

#include <cairo.h>

#include "charts/chart_build.h"
#include "charts/draw_internal.h"
#include "model/caveats.h"

typedef struct pdf_extra {
    metric_set *funder;             /* the funder's rows (model/funder.h) */
    ips_day funder_start, funder_end;
    metric_set *eur;                /* fee_*_eur rows of P (model/funding.h); NULL: no tariff */
    metric_set *per;                /* P by per_by; NULL without --per */
    metric_group per_by;
    char **groups;                  /* per_by's groups in name order ("" = unknown) */
    size_t n_groups;
    data_caveats caveats;
    size_t rows, hidden;            /* P's figures (every breakdown), and those hidden */
} pdf_extra;

/* Fills x for q (as the publication has it); tariff may be NULL, per
 * GROUP_NONE.  Free with pdf_extra_free() also after an error. */
ips_error pdf_extra_fetch(warehouse *wh, const metric_query *q, const char *tariff,
                          metric_group per, pdf_extra *x, ips_diag *d);
void pdf_extra_free(pdf_extra *x);

/* Pages beyond PDF_SUMMARY_PAGES: one per group, the funder's page and the
 * definitions and caveats page. */
int pdf_extra_pages(const pdf_extra *x);

/* The pages themselves, each drawn on the current cairo page (the caller
 * adds the footer and shows the page); charts/pdf_pages.c. */
void pdf_page_group(cairo_t *cr, dctx *dc, const chart_data *cd, const pdf_extra *x,
                    chart_lang lang, size_t i);
void pdf_page_funder(cairo_t *cr, dctx *dc, const chart_data *cd, const pdf_extra *x,
                     chart_lang lang);
void pdf_page_definitions(cairo_t *cr, dctx *dc, const chart_data *cd,
                          const pdf_extra *x, chart_lang lang);

#endif
