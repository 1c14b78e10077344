/* The charts' API for the command line and the workbook: draw every chart of
 * a period into a folder, or write the A4 PDF summary.
 *
 *   metric_query q;  metric_query_init(&q);  ...period, as_of, internal, min_cell...
 *   char **paths; size_t n;
 *   if (charts_render_png_set(wh, &q, "fi", "out/charts", &paths, &n, &d) == IPS_OK) {
 *       for (size_t i = 0; i < n; i++) insert_image(paths[i]);
 *       charts_paths_free(paths, n);
 *   }
 *
 * Charts read only metric rows and chart_inputs (chart_build.h); a period
 * with no data gives "no data" pictures, not an error.  Library code: nothing
 * is printed.  Call chart_draw_shutdown() (draw.h) once before exit if a leak
 * checker runs. */
#ifndef IPS_CHARTS_H
#define IPS_CHARTS_H

#include <stddef.h>

#include "charts/chart_build.h"
#include "charts/draw.h"

/* Renders the charts of cd (all CH__COUNT of them, in chart_id order, then
 * each optional one chart_wanted() gives) as
 * DIR/<chart_id_name>.<ext>, creating DIR (one level) when missing.  On
 * success *paths holds *n malloc'd paths (free with charts_paths_free); on
 * error nothing is returned and the files written so far stay. */
ips_error charts_write_set(const chart_data *cd, chart_lang lang, chart_format fmt,
                           const char *dir, char ***paths, size_t *n, ips_diag *d);

/* Fetches the data for q (chart_data_fetch) and renders every chart in fmt;
 * lang is "fi", "sv" or "en" (NULL = "fi"). */
ips_error charts_render_set(warehouse *wh, const metric_query *q, const char *lang,
                            chart_format fmt, const char *dir, char ***paths, size_t *n,
                            ips_diag *d);

/* The workbook's Summary sheet: the same as charts_render_set() in PNG
 * (960 px wide at 1.5 px per point; scale by 0.5 for about 480 px on a sheet).
 * paths[i] is the chart with chart_id i (CH_EMPLOYMENT first). */
ips_error charts_render_png_set(warehouse *wh, const metric_query *q, const char *lang,
                                const char *dir, char ***paths, size_t *n, ips_diag *d);

void charts_paths_free(char **paths, size_t n);

/* Pages of the PDF summary: title page, one page per chart, fidelity table;
 * and one more for each optional chart chart_wanted() gives. */
#define PDF_SUMMARY_PAGES (1 + CH__COUNT + 1)

/* Writes the A4 summary of cd to path (see pdf_summary.c for the pages). */
ips_error pdf_summary_write_data(const chart_data *cd, chart_lang lang, const char *path,
                                 ips_diag *d);
/* Fetches the data for q and writes the summary; lang as above. */
ips_error pdf_summary_write(warehouse *wh, const metric_query *q, const char *lang,
                            const char *path, ips_diag *d);

#endif
