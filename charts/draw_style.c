/* Palette, patterns, markers and the legend.  Okabe–Ito colours keep series
 * apart for colour-blind readers; patterns, dashes and marker shapes keep
 * them apart on a grey print. */
#include <math.h>
#include <string.h>

#include "charts/draw_internal.h"

const rgb INK = {0.13, 0.13, 0.13};
const rgb MUTED = {0.36, 0.36, 0.36};
const rgb GRID = {0.87, 0.87, 0.87};
const rgb AXIS = {0.45, 0.45, 0.45};
const rgb PAPER = {1, 1, 1};
const rgb BAND = {0.62, 0.75, 0.88};

/* Okabe & Ito (2008), ordered so the first two differ most in lightness. */
static const rgb okabe_ito[] = {
    {0.000, 0.447, 0.698}, /* blue */
    {0.902, 0.624, 0.000}, /* orange */
    {0.000, 0.620, 0.451}, /* bluish green */
    {0.835, 0.369, 0.000}, /* vermillion */
    {0.800, 0.475, 0.655}, /* reddish purple */
    {0.337, 0.706, 0.914}, /* sky blue */
};
#define NPAL (sizeof okabe_ito / sizeof okabe_ito[0])

void dset(dctx *dc, rgb c) { cairo_set_source_rgb(dc->cr, c.r, c.g, c.b); }
void dset_alpha(dctx *dc, rgb c, double a) { cairo_set_source_rgba(dc->cr, c.r, c.g, c.b, a); }

rgb series_color(size_t i) { return okabe_ito[i % NPAL]; }

void log_bar(dctx *dc) { if (dc->log) dc->log->bars++; }
void log_point(dctx *dc) { if (dc->log) dc->log->points++; }
void log_hidden(dctx *dc) { if (dc->log) dc->log->hidden++; }
void log_missing(dctx *dc) { if (dc->log) dc->log->missing++; }
void log_ref(dctx *dc) { if (dc->log) dc->log->refs++; }

/* Parallel lines at angle (radians) across r, spaced gap apart. */
static void hatch(cairo_t *cr, drect r, double gap, double angle)
{
    double diag = r.w + r.h;
    double cx = r.x + r.w / 2, cy = r.y + r.h / 2;
    double dx = cos(angle), dy = sin(angle);
    for (double o = -diag; o <= diag; o += gap) {
        double px = cx - dy * o, py = cy + dx * o;
        cairo_move_to(cr, px - dx * diag, py - dy * diag);
        cairo_line_to(cr, px + dx * diag, py + dy * diag);
    }
    cairo_stroke(cr);
}

static void pattern_series(dctx *dc, size_t i, drect r)
{
    cairo_t *cr = dc->cr;
    cairo_save(cr);
    cairo_rectangle(cr, r.x, r.y, r.w, r.h);
    cairo_clip(cr);
    cairo_set_source_rgba(cr, 0, 0, 0, 0.45);
    cairo_set_line_width(cr, 0.7);
    switch (i % 4) {
    case 0:
        break; /* solid */
    case 1:
        hatch(cr, r, 3.5, -G_PI / 4);
        break;
    case 2:
        for (double y = r.y + 2; y < r.y + r.h; y += 4)
            for (double x = r.x + 2 + fmod(y, 8) / 4; x < r.x + r.w; x += 4) {
                cairo_new_sub_path(cr);
                cairo_arc(cr, x, y, 0.7, 0, 2 * G_PI);
            }
        cairo_fill(cr);
        break;
    default:
        hatch(cr, r, 4.5, G_PI / 4);
        hatch(cr, r, 4.5, -G_PI / 4);
        break;
    }
    cairo_restore(cr);
}

void fill_series_rect(dctx *dc, size_t i, drect r, bool light)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    cairo_t *cr = dc->cr;
    rgb c = series_color(i);
    cairo_save(cr);
    cairo_rectangle(cr, r.x, r.y, r.w, r.h);
    if (light) {
        /* The uncertain part of a range: pale, with a dashed outline. */
        dset_alpha(dc, c, 0.28);
        cairo_fill_preserve(cr);
        dset(dc, c);
        cairo_set_line_width(cr, 0.8);
        double dash[] = {2.0, 1.5};
        cairo_set_dash(cr, dash, 2, 0);
        cairo_stroke(cr);
    } else {
        dset(dc, c);
        cairo_fill(cr);
        pattern_series(dc, i, r);
    }
    cairo_restore(cr);
}

void fill_off_target_rect(dctx *dc, drect r)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    static const rgb edge = {0.70, 0.27, 0.00}; /* vermillion, darkened for the lines */
    cairo_t *cr = dc->cr;
    cairo_save(cr);
    cairo_rectangle(cr, r.x, r.y, r.w, r.h);
    dset_alpha(dc, okabe_ito[3], 0.20);
    cairo_fill_preserve(cr);
    cairo_clip(cr);
    dset(dc, edge);
    cairo_set_line_width(cr, 0.8);
    hatch(cr, r, 3.4, -G_PI / 4);
    cairo_reset_clip(cr);
    /* The outline sits inside the bar, so its length still reads true. */
    cairo_set_line_width(cr, 1.1);
    cairo_rectangle(cr, r.x + 0.55, r.y + 0.55, fmax(r.w - 1.1, 0), fmax(r.h - 1.1, 0));
    cairo_stroke(cr);
    cairo_restore(cr);
}

void line_style_series(dctx *dc, size_t i)
{
    static const double dashed[] = {6, 3}, dotted[] = {1, 3}, dashdot[] = {7, 2.5, 1.5, 2.5};
    cairo_t *cr = dc->cr;
    dset(dc, series_color(i));
    cairo_set_line_width(cr, 2.2);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    switch (i % 4) {
    case 0:
        cairo_set_dash(cr, NULL, 0, 0);
        break;
    case 1:
        cairo_set_dash(cr, dashed, 2, 0);
        break;
    case 2:
        cairo_set_dash(cr, dotted, 2, 0);
        break;
    default:
        cairo_set_dash(cr, dashdot, 4, 0);
        break;
    }
}

void marker_series(dctx *dc, size_t i, double x, double y, double size)
{
    cairo_t *cr = dc->cr;
    double s = size / 2;
    cairo_save(cr);
    cairo_new_path(cr);
    switch (i % 4) {
    case 0:
        cairo_arc(cr, x, y, s, 0, 2 * G_PI);
        break;
    case 1:
        cairo_rectangle(cr, x - s * 0.9, y - s * 0.9, s * 1.8, s * 1.8);
        break;
    case 2:
        cairo_move_to(cr, x, y - s * 1.15);
        cairo_line_to(cr, x + s * 1.1, y + s * 0.8);
        cairo_line_to(cr, x - s * 1.1, y + s * 0.8);
        cairo_close_path(cr);
        break;
    default:
        cairo_move_to(cr, x, y - s * 1.2);
        cairo_line_to(cr, x + s * 1.2, y);
        cairo_line_to(cr, x, y + s * 1.2);
        cairo_line_to(cr, x - s * 1.2, y);
        cairo_close_path(cr);
        break;
    }
    dset(dc, series_color(i));
    cairo_fill_preserve(cr);
    dset(dc, PAPER);
    cairo_set_dash(cr, NULL, 0, 0);
    cairo_set_line_width(cr, 1.0);
    cairo_stroke(cr);
    cairo_restore(cr);
}

void mark_hidden(dctx *dc, const char *text, double x, double y, double ax, double ay)
{
    dtext_at(dc, TS_NOTE, text, x, y, ax, ay);
    log_hidden(dc);
}

static bool has_range(const chart_model *m)
{
    for (size_t i = 0; i < m->nseries; i++)
        for (size_t j = 0; j < m->series[i].n; j++)
            if (m->series[i].pts[j].state == CP_VALUE && m->series[i].pts[j].y2 > m->series[i].pts[j].y)
                return true;
    return false;
}

typedef enum { SW_SERIES, SW_RANGE, SW_OFF_TARGET } swatch_kind;

static void swatch(dctx *dc, const chart_model *m, size_t i, swatch_kind kind, drect r)
{
    cairo_t *cr = dc->cr;
    if (kind == SW_OFF_TARGET) {
        fill_off_target_rect(dc, r);
    } else if (m->dots) {
        marker_series(dc, i, r.x + r.w / 2, r.y + r.h / 2, 7);
    } else if (m->kind == CHART_LINE || m->kind == CHART_STEP) {
        cairo_save(cr);
        line_style_series(dc, i);
        cairo_move_to(cr, r.x, r.y + r.h / 2);
        cairo_line_to(cr, r.x + r.w, r.y + r.h / 2);
        cairo_stroke(cr);
        cairo_restore(cr);
        if (m->kind == CHART_LINE)
            marker_series(dc, i, r.x + r.w / 2, r.y + r.h / 2, 6);
    } else {
        fill_series_rect(dc, i, r, kind == SW_RANGE);
    }
}

/* One legend entry: swatch and text at (*cx, *cy), wrapping to a new row. */
static void entry(dctx *dc, const chart_model *m, size_t i, swatch_kind kind, const char *text,
                  drect box, double *cx, double *cy, double row_h, bool dry)
{
    double tw, th;
    dtext_size(dc, TS_BODY, text, box.w - 26, TW_ELLIPSIS, &tw, &th);
    double need = 18 + 5 + tw + 16;
    if (*cx > box.x && *cx + need > box.x + box.w) {
        *cx = box.x;
        *cy += row_h;
    }
    if (!dry) {
        swatch(dc, m, i, kind, (drect){*cx, *cy + (row_h - 10) / 2 - 1, 18, 9});
        dtext_box(dc, TS_BODY, text, *cx + 23, *cy + (row_h - th) / 2 - 1, box.w - 26, 0,
                  TW_ELLIPSIS);
        if (dc->log)
            dc->log->legend++;
    }
    *cx += need;
}

double draw_legend(dctx *dc, const chart_model *m, double x, double y, double w, bool dry_run)
{
    bool range = has_range(m) && chart_get_text(m, CT_RANGE)[0];
    bool targets = chart_get_text(m, CT_TARGET_MISSED)[0] && chart_count_off_target(m) > 0;
    if (m->nseries < 2 && !range && !targets)
        return 0;
    const double row_h = 15;
    double cx = x, cy = y;
    drect box = {x, y, w, 0};
    /* One series needs no legend of its own, unless a range explains its paler part. */
    bool series = m->nseries >= 2 || range;
    for (size_t i = 0; series && i < m->nseries; i++) {
        if (!m->series[i].name || !*m->series[i].name)
            continue;
        entry(dc, m, i, SW_SERIES, m->series[i].name, box, &cx, &cy, row_h, dry_run);
    }
    if (range)
        entry(dc, m, 0, SW_RANGE, chart_get_text(m, CT_RANGE), box, &cx, &cy, row_h, dry_run);
    if (targets) {
        entry(dc, m, 0, SW_SERIES, chart_get_text(m, CT_TARGET_MET), box, &cx, &cy, row_h,
              dry_run);
        entry(dc, m, 0, SW_OFF_TARGET, chart_get_text(m, CT_TARGET_MISSED), box, &cx, &cy, row_h,
              dry_run);
    }
    return cy - y + row_h;
}
