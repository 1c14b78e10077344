/* Internal to charts/pdf_*.c: the PDF's comparisons table and project line. */
#ifndef IPS_PDF_COMPARE_H
#define IPS_PDF_COMPARE_H

#include "charts/chart_build.h"
#include "charts/draw_internal.h"

/* Draws the comparisons of cd at (x, y), w wide; returns the height used
 * (0 when there are none). */
double pdf_compare_draw(dctx *dc, const chart_data *cd, chart_lang lang, double x, double y,
                        double w);

/* "Hanke: NAME, hankekoodi CODE" (and " · Rahoittaja: FUNDER" when funder)
 * in lang; "" without a project file. */
void pdf_project_line(const chart_data *cd, chart_lang lang, bool funder, char *buf, size_t n);

#endif
