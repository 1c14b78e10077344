/* Internal to charts/draw*.c: the drawing context and the thin layer every
 * renderer shares — text (draw_text.c), palette and legend (draw_style.c),
 * axes and ticks (draw_axes.c).  Coordinates are points; y grows downwards. */
#ifndef IPS_CHART_DRAW_INTERNAL_H
#define IPS_CHART_DRAW_INTERNAL_H

#include <pango/pangocairo.h>

#include "charts/draw.h"

typedef struct {
    double x, y, w, h;
} drect;

/* ---- text (draw_text.c) ------------------------------------------------ */

typedef enum {
    TS_TITLE,      /* chart title */
    TS_SUBTITLE,   /* line under the title */
    TS_HEADING,    /* panel titles, group headings */
    TS_BODY,       /* legend, axis titles, category labels */
    TS_TICK,       /* tick labels */
    TS_VALUE,      /* value labels by marks */
    TS_NOTE,       /* footnotes, hidden-value marks */
    TS_NODATA,     /* the "no data" message */
    TS_DISPLAY,    /* the PDF summary's title */
    TS_LEAD,       /* the PDF summary's readings and key figures */
    TS_LEAD_BOLD,
    TS_SMALL,      /* category labels of dense rows (many coaches) */
    TS_VALUE_SMALL, /* value labels of dense rows */
    TS__COUNT
} text_style;

typedef struct {
    cairo_t *cr;
    PangoLayout *pl;
    PangoFontDescription *font[TS__COUNT];
    const chart_model *m;  /* the chart (or panel) being drawn */
    chart_layout *log;     /* may be NULL */
} dctx;

/* Prepares fonts and the Pango layout for cr (72 dpi: one point per unit);
 * false when out of memory. */
bool dctx_open(dctx *dc, cairo_t *cr, const chart_model *m, chart_layout *log);
void dctx_close(dctx *dc);

typedef enum { TW_LINE, TW_WRAP, TW_ELLIPSIS } text_wrap;

/* Size of s in style st laid out in width w (w <= 0: unlimited, one line). */
void dtext_size(dctx *dc, text_style st, const char *s, double w, text_wrap wrap, double *tw,
                double *th);
/* Draws s in the box starting at (x, y) of width w, aligned by ax (0 left,
 * 0.5 centre, 1 right); returns the height used.  Records s in the layout. */
double dtext_box(dctx *dc, text_style st, const char *s, double x, double y, double w,
                 double ax, text_wrap wrap);
/* Draws s (one line) with its anchor point (ax, ay ∈ [0,1] of its own box) at (x, y). */
void dtext_at(dctx *dc, text_style st, const char *s, double x, double y, double ax, double ay);
/* Same, rotated 90° anticlockwise (y axis titles); (x, y) is the centre. */
void dtext_vertical(dctx *dc, text_style st, const char *s, double x, double y, double maxw);
/* Records a string the caller drew some other way (tests read the layout). */
void dtext_record(dctx *dc, const char *s);

/* ---- palette, marks and legend (draw_style.c) -------------------------- */

typedef struct {
    double r, g, b;
} rgb;

extern const rgb INK, MUTED, GRID, AXIS, PAPER, BAND;

void dset(dctx *dc, rgb c);
void dset_alpha(dctx *dc, rgb c, double a);
/* Series colour in Okabe–Ito order, starting with blue and orange. */
rgb series_color(size_t i);
/* Fills rect r as a bar that misses its target: pale vermillion, hatched
 * and outlined, so it differs from series 0's solid fill also in grey print. */
void fill_off_target_rect(dctx *dc, drect r);
/* Fills rect r as series i: colour, then a pattern (none, hatching, dots…)
 * so series differ in grey; light = the paler fill used for ranges. */
void fill_series_rect(dctx *dc, size_t i, drect r, bool light);
/* Sets colour, width and dash of series i's line. */
void line_style_series(dctx *dc, size_t i);
/* Draws series i's marker (circle, square, triangle, diamond) at (x, y). */
void marker_series(dctx *dc, size_t i, double x, double y, double size);
/* The legend for the series of m, laid out in rows across width w at (x, y);
 * returns its height (0 when no legend is drawn).  Kind decides the swatch. */
double draw_legend(dctx *dc, const chart_model *m, double x, double y, double w, bool dry_run);
/* The small dashed "hidden" mark at (x, y) with its text, counted in the layout. */
void mark_hidden(dctx *dc, const char *text, double x, double y, double ax, double ay);

/* ---- axes (draw_axes.c) ------------------------------------------------ */

typedef struct {
    double lo, hi, step;
    int decimals;
} axis_scale;

/* Nice round ticks covering [lo, hi] with about n intervals; whole: steps
 * of at least 1 and never 2.5 (counts). */
void axis_nice(double lo, double hi, int n, bool whole, axis_scale *out);
/* Maps value v of the scale onto [p0, p1]. */
double axis_map(const axis_scale *a, double v, double p0, double p1);
/* Formats v with the chart's decimal mark and optional unit ("38,5 %"). */
void fmt_value(const chart_model *m, double v, int decimals, const char *unit, char *buf,
               size_t n);
/* The value scale of a vertical chart: data of every series and the refs,
 * or the chart's fixed range. */
void value_scale(const chart_model *m, bool from_zero, axis_scale *out);
/* The numeric x scale of a histogram or step curve. */
void x_scale(const chart_model *m, axis_scale *out);

/* Plot layout of a vertical chart inside area: the inner rectangle after
 * the y tick labels, the axis titles and the x labels (categories when ncat
 * > 0, else numeric ticks). */
void plot_layout(dctx *dc, drect area, const axis_scale *ys, size_t ncat, drect *inner);
/* Grid, y ticks, y title, x title and baseline of a vertical chart. */
void plot_draw_y(dctx *dc, drect inner, const axis_scale *ys);
/* Category labels centred under each of ncat bands. */
void plot_draw_categories(dctx *dc, drect inner, size_t ncat);
/* The x axis title at the bottom of area (the area given to plot_layout). */
void plot_draw_x_title(dctx *dc, drect inner, drect area);
/* Numeric x ticks and labels. */
void plot_draw_x_numeric(dctx *dc, drect inner, const axis_scale *xs);
/* Bands and lines of m->refs across the plot (kind CHART_BAND_Y/REF_Y with
 * ys, CHART_REF_X with xs, which may be NULL for category charts). */
void plot_draw_refs(dctx *dc, drect inner, const axis_scale *ys, const axis_scale *xs);

/* ---- renderers (draw_line.c, draw_bars.c, draw_hbars.c) ---------------- */

void render_line(dctx *dc, drect area);
void render_step(dctx *dc, drect area);
void render_bars(dctx *dc, drect area);
void render_histogram(dctx *dc, drect area);
void render_hbars(dctx *dc, drect area);
void render_funnel(dctx *dc, drect area);
/* Height the horizontal renderers need for their rows. */
double hbars_height(const chart_model *m);

/* Counting in the layout. */
void log_bar(dctx *dc);
void log_point(dctx *dc);
void log_hidden(dctx *dc);
void log_missing(dctx *dc);
void log_ref(dctx *dc);

#endif
