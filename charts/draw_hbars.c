/* Horizontal bars: categories down the page, optionally in groups with a
 * heading (the fidelity scale's three sections), series side by side in each
 * row; and the funnel, one centred bar per stage.  Labels sit in a column on
 * the left, so long Finnish names never collide. */
#include <math.h>

#include "charts/draw_internal.h"

#define ROW_MAX 24.0
#define HEAD_H 19.0
#define AXIS_H 34.0
#define FUNNEL_ROW 46.0

static double row_pref(const chart_model *m)
{
    return m->nseries <= 1 ? 19.0 : 7.0 * (double)m->nseries + 8.0;
}

double hbars_height(const chart_model *m)
{
    if (m->kind == CHART_FUNNEL)
        return (double)m->ncat * FUNNEL_ROW;
    return (double)m->ncat * row_pref(m) + (double)m->ngroups * HEAD_H + AXIS_H;
}

static const chart_group *group_starting(const chart_model *m, size_t row)
{
    for (size_t g = 0; g < m->ngroups; g++)
        if (m->groups[g].first == row && m->groups[g].count > 0)
            return &m->groups[g];
    return NULL;
}

/* Widest category label (plus the indent under group headings), capped at a
 * share of the width. */
static double label_column(dctx *dc, double w, double share)
{
    double lw = dc->m->ngroups > 0 ? 8 : 0;
    for (size_t i = 0; i < dc->m->ncat; i++) {
        double tw, th;
        dtext_size(dc, TS_BODY, dc->m->categories[i], 0, TW_LINE, &tw, &th);
        lw = fmax(lw, tw + (dc->m->ngroups > 0 ? 8 : 0));
    }
    return fmin(lw + 12, w * share);
}

static const char *point_text(dctx *dc, const chart_point *p, char *buf, size_t n)
{
    if (p->label)
        return p->label;
    fmt_value(dc->m, p->y, dc->m->decimals, chart_get_text(dc->m, CT_UNIT), buf, n);
    return buf;
}

static void hbar(dctx *dc, size_t si, const chart_point *p, drect in, const axis_scale *xs,
                 double y, double t)
{
    char buf[64];
    double x0 = axis_map(xs, fmax(xs->lo, 0), in.x, in.x + in.w);
    if (p->state == CP_SUPPRESSED) {
        mark_hidden(dc, p->label ? p->label : "<5", x0 + 3, y + t / 2, 0, 0.5);
        return;
    }
    if (p->state == CP_MISSING) {
        if (p->label)
            dtext_at(dc, TS_NOTE, p->label, x0 + 3, y + t / 2, 0, 0.5);
        log_missing(dc);
        return;
    }
    double x1 = axis_map(xs, p->y, in.x, in.x + in.w);
    fill_series_rect(dc, si, (drect){x0, y, x1 - x0, t}, false);
    double x2 = x1;
    if (p->y2 > p->y) {
        x2 = axis_map(xs, p->y2, in.x, in.x + in.w);
        fill_series_rect(dc, si, (drect){x1, y, x2 - x1, t}, true);
    }
    log_bar(dc);
    dtext_at(dc, TS_VALUE, point_text(dc, p, buf, sizeof buf), x2 + 4, y + t / 2, 0, 0.5);
}

static void value_axis(dctx *dc, drect in, const axis_scale *xs, drect area)
{
    cairo_t *cr = dc->cr;
    char buf[64];
    cairo_save(cr);
    cairo_set_line_width(cr, 0.6);
    for (double v = xs->lo; v <= xs->hi + xs->step * 1e-6; v += xs->step) {
        double x = round(axis_map(xs, v, in.x, in.x + in.w)) + 0.5;
        dset(dc, GRID);
        cairo_move_to(cr, x, in.y);
        cairo_line_to(cr, x, in.y + in.h);
        cairo_stroke(cr);
        fmt_value(dc->m, v, xs->decimals, "", buf, sizeof buf);
        dtext_at(dc, TS_TICK, buf, x, in.y + in.h + 4, 0.5, 0);
    }
    double x0 = round(axis_map(xs, fmax(xs->lo, 0), in.x, in.x + in.w)) + 0.5;
    dset(dc, AXIS);
    cairo_set_line_width(cr, 1);
    cairo_move_to(cr, x0, in.y);
    cairo_line_to(cr, x0, in.y + in.h);
    cairo_stroke(cr);
    cairo_restore(cr);
    plot_draw_x_title(dc, in, area);
}

void render_hbars(dctx *dc, drect area)
{
    const chart_model *m = dc->m;
    axis_scale xs;
    value_scale(m, true, &xs);
    double lw = label_column(dc, area.w, 0.42);
    double vw;
    double th;
    dtext_size(dc, TS_VALUE, "888–888", 0, TW_LINE, &vw, &th);
    drect in = {area.x + lw, area.y, area.w - lw - vw - 8, area.h - AXIS_H};
    double avail = in.h - (double)m->ngroups * HEAD_H;
    double rh = fmin(ROW_MAX, avail / (double)(m->ncat ? m->ncat : 1));
    value_axis(dc, in, &xs, area);
    plot_draw_refs(dc, in, NULL, NULL);
    size_t ns = m->nseries ? m->nseries : 1;
    double t = fmin((rh - 5) / (double)ns, 13);
    double y = in.y;
    for (size_t i = 0; i < m->ncat; i++) {
        const chart_group *g = group_starting(m, i);
        if (g) {
            dtext_box(dc, TS_HEADING, g->label, area.x, y + HEAD_H - 15, area.w, 0, TW_ELLIPSIS);
            y += HEAD_H;
        }
        double tw, lh;
        dtext_size(dc, TS_BODY, m->categories[i], lw - 10, TW_ELLIPSIS, &tw, &lh);
        dtext_box(dc, TS_BODY, m->categories[i], area.x + 8 * (m->ngroups > 0), y + (rh - lh) / 2,
                  lw - 10 - 8 * (m->ngroups > 0), 0, TW_ELLIPSIS);
        double by = y + (rh - t * (double)ns) / 2;
        for (size_t si = 0; si < m->nseries; si++)
            if (i < m->series[si].n)
                hbar(dc, si, &m->series[si].pts[i], in, &xs, by + t * (double)si, t - 1);
        y += rh;
    }
}

/* Pale connectors between consecutive funnel bars make the narrowing visible. */
static void connector(dctx *dc, double cx, double w0, double y0, double w1, double y1)
{
    cairo_t *cr = dc->cr;
    cairo_save(cr);
    dset_alpha(dc, BAND, 0.45);
    cairo_move_to(cr, cx - w0 / 2, y0);
    cairo_line_to(cr, cx + w0 / 2, y0);
    cairo_line_to(cr, cx + w1 / 2, y1);
    cairo_line_to(cr, cx - w1 / 2, y1);
    cairo_close_path(cr);
    cairo_fill(cr);
    cairo_restore(cr);
}

void render_funnel(dctx *dc, drect area)
{
    const chart_model *m = dc->m;
    if (m->nseries == 0)
        return;
    const chart_series *s = &m->series[0];
    double lw = label_column(dc, area.w, 0.34);
    double vw, th;
    dtext_size(dc, TS_VALUE, "8888 (100 %)", 0, TW_LINE, &vw, &th);
    drect in = {area.x + lw, area.y, area.w - lw - vw - 10, area.h - 10};
    double maxv = 0;
    for (size_t i = 0; i < s->n; i++)
        if (s->pts[i].state == CP_VALUE)
            maxv = fmax(maxv, s->pts[i].y);
    if (maxv <= 0)
        maxv = 1;
    double rh = fmin(FUNNEL_ROW, in.h / (double)(m->ncat ? m->ncat : 1));
    double t = rh * 0.62, cx = in.x + in.w / 2;
    double prev_w = -1, prev_bottom = 0;
    char buf[64];
    for (size_t i = 0; i < m->ncat && i < s->n; i++) {
        const chart_point *p = &s->pts[i];
        double y = in.y + rh * (double)i, by = y + (rh - t) / 2;
        double tw, lh;
        dtext_size(dc, TS_BODY, m->categories[i], lw - 10, TW_WRAP, &tw, &lh);
        dtext_box(dc, TS_BODY, m->categories[i], area.x, y + (rh - lh) / 2, lw - 10, 0, TW_WRAP);
        if (p->state != CP_VALUE) {
            if (p->state == CP_SUPPRESSED)
                mark_hidden(dc, p->label ? p->label : "<5", cx, by + t / 2, 0.5, 0.5);
            else
                log_missing(dc);
            prev_w = -1;
            continue;
        }
        double w = fmax(in.w * p->y / maxv, 1.5);
        if (prev_w >= 0)
            connector(dc, cx, prev_w, prev_bottom, w, by);
        fill_series_rect(dc, 0, (drect){cx - w / 2, by, w, t}, false);
        log_bar(dc);
        dtext_at(dc, TS_VALUE, point_text(dc, p, buf, sizeof buf), cx + fmax(w, 0) / 2 + 6,
                 by + t / 2, 0, 0.5);
        prev_w = w;
        prev_bottom = by + t;
    }
}
