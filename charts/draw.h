/* Painting a chart_model with cairo and pangocairo: one thin layer (text,
 * axes with nice ticks, legend, palette) under one renderer per chart kind.
 * The painter knows nothing of where the numbers came from.
 *
 * Colours are Okabe–Ito (safe for colour-blind readers) and every series also
 * differs by pattern, dash and marker shape, so a grey print still tells them
 * apart.  Text is laid out by Pango in "DejaVu Sans", so å ä ö and long
 * Finnish words measure and wrap correctly.
 *
 * Every render can fill a chart_layout: what was actually drawn (bars,
 * points, hidden values, every string).  Tests assert on it, because cairo's
 * SVG and PNG output carry text only as glyph outlines. */
#ifndef IPS_CHART_DRAW_H
#define IPS_CHART_DRAW_H

#include <cairo.h>
#include <stdbool.h>
#include <stddef.h>

#include "charts/chart_model.h"
#include "common/error.h"

typedef enum { CHART_PNG, CHART_SVG, CHART_PDF } chart_format;

/* "png", "svg", "pdf" → format, or -1. */
int chart_format_parse(const char *name);
/* The file extension without the dot. */
const char *chart_format_ext(chart_format f);

typedef struct {
    size_t bars;      /* bars, histogram bins and funnel stages drawn */
    size_t off_target; /* of those, bars drawn in the off-target style */
    size_t points;    /* line markers and step-curve steps drawn */
    size_t hidden;    /* suppressed values marked instead of drawn */
    size_t missing;   /* values without data, marked with their label */
    size_t refs;      /* reference lines and bands drawn */
    size_t legend;    /* legend entries */
    bool no_data;     /* the "no data" picture was drawn instead of a plot */
    char **texts;     /* every string drawn, in drawing order */
    size_t ntexts, captexts;
    bool broken;      /* out of memory while recording (the drawing itself is fine) */
} chart_layout;

void chart_layout_init(chart_layout *l);
/* Frees the recorded strings and zeroes the counts; accepts NULL. */
void chart_layout_clear(chart_layout *l);
/* True when some drawn string equals text exactly. */
bool chart_layout_has_text(const chart_layout *l, const char *text);
/* True when some drawn string contains part. */
bool chart_layout_has_part(const chart_layout *l, const char *part);

/* Width in points that files are drawn at; the height follows the chart. */
#define CHART_FILE_WIDTH 640.0
/* PNG pixels per point: 640 pt → 960 px. */
#define CHART_PNG_SCALE 1.5

/* The height in points the chart wants at width w (fidelity bars need more). */
double chart_height_for(const chart_model *m, double w);

/* Draws m into the rectangle (x, y, w, h) of cr: background, title,
 * subtitle, legend, plot (or the "no data" picture) and notes.  layout may
 * be NULL.  Leaves cr's state as it found it. */
void chart_draw(cairo_t *cr, const chart_model *m, double x, double y, double w, double h,
                chart_layout *layout);

/* Writes m as a PNG, SVG or one-page PDF file at CHART_FILE_WIDTH.  SVG files
 * also carry the title and the other texts in <title> and <desc>, so that
 * screen readers and searches find them, and the layout's counts as
 * <metadata><ips:marks bars="…" off-target="…" points="…" hidden="…"
 * missing="…" refs="…" legend="…" no-data="true|false"/></metadata>
 * (namespace urn:ipsreport:chart-layout).  layout may be NULL. */
ips_error chart_render_file(const chart_model *m, chart_format fmt, const char *path,
                            chart_layout *layout, ips_diag *d);

/* Releases Pango's and fontconfig's caches; call once before exit so leak
 * checkers see a clean heap.  Nothing may be drawn afterwards. */
void chart_draw_shutdown(void);

#endif
