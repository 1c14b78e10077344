/* Lines over categories (quarters) and step curves over numeric x
 * (Kaplan–Meier).  A hidden or missing value breaks the line; a hidden one
 * leaves its mark ("–") where the point would be. */
#include <math.h>

#include "charts/draw_internal.h"

static size_t category_count(const chart_model *m)
{
    size_t n = m->ncat;
    for (size_t i = 0; i < m->nseries; i++)
        if (m->series[i].n > n)
            n = m->series[i].n;
    return n;
}

/* True when a horizontal reference line runs through [top, bottom]. */
static bool crosses_ref(dctx *dc, drect in, const axis_scale *ys, double top, double bottom)
{
    for (size_t i = 0; i < dc->m->nrefs; i++) {
        const chart_ref *r = &dc->m->refs[i];
        if (r->kind != CHART_REF_Y)
            continue;
        double ry = axis_map(ys, r->a, in.y + in.h, in.y);
        if (ry >= top - 1 && ry <= bottom + 1)
            return true;
    }
    return false;
}

/* The value above its marker, or below it when a target line runs there. */
static void value_label(dctx *dc, const chart_point *p, double x, double y, drect in,
                        const axis_scale *ys)
{
    char buf[64];
    const char *text = p->label;
    if (!text) {
        fmt_value(dc->m, p->y, dc->m->decimals, chart_get_text(dc->m, CT_UNIT), buf, sizeof buf);
        text = buf;
    }
    double tw, th;
    dtext_size(dc, TS_VALUE, text, 0, TW_LINE, &tw, &th);
    if (crosses_ref(dc, in, ys, y - 6 - th, y - 6) && !crosses_ref(dc, in, ys, y + 6, y + 6 + th))
        dtext_at(dc, TS_VALUE, text, x, y + 6, 0.5, 0);
    else
        dtext_at(dc, TS_VALUE, text, x, y - 6, 0.5, 1);
}

static void line_series(dctx *dc, size_t si, drect in, const axis_scale *ys, double band)
{
    cairo_t *cr = dc->cr;
    const chart_series *s = &dc->m->series[si];
    cairo_save(cr);
    line_style_series(dc, si);
    bool pen = false;
    for (size_t j = 0; j < s->n; j++) {
        const chart_point *p = &s->pts[j];
        if (p->state != CP_VALUE) {
            pen = false;
            continue;
        }
        double x = in.x + band * ((double)j + 0.5);
        double y = axis_map(ys, p->y, in.y + in.h, in.y);
        if (pen)
            cairo_line_to(cr, x, y);
        else
            cairo_move_to(cr, x, y);
        pen = true;
    }
    cairo_stroke(cr);
    cairo_restore(cr);
    size_t last = s->n;
    for (size_t j = 0; j < s->n; j++)
        if (s->pts[j].state == CP_VALUE)
            last = j;
    for (size_t j = 0; j < s->n; j++) {
        const chart_point *p = &s->pts[j];
        double x = in.x + band * ((double)j + 0.5);
        if (p->state == CP_SUPPRESSED) {
            mark_hidden(dc, p->label ? p->label : "–", x, in.y + in.h - 4, 0.5, 1);
            continue;
        }
        if (p->state == CP_MISSING) {
            if (p->label)
                dtext_at(dc, TS_NOTE, p->label, x, in.y + in.h - 4, 0.5, 1);
            log_missing(dc);
            continue;
        }
        double y = axis_map(ys, p->y, in.y + in.h, in.y);
        marker_series(dc, si, x, y, j == last ? 8 : 6.5);
        log_point(dc);
        if (dc->m->label_points ? si == 0 : j == last)
            value_label(dc, p, x, y, in, ys);
    }
}

void render_line(dctx *dc, drect area)
{
    axis_scale ys;
    value_scale(dc->m, true, &ys);
    size_t ncat = category_count(dc->m);
    drect in;
    plot_layout(dc, area, &ys, ncat, &in);
    plot_draw_y(dc, in, &ys);
    plot_draw_refs(dc, in, &ys, NULL);
    double band = in.w / (double)(ncat ? ncat : 1);
    for (size_t si = 0; si < dc->m->nseries; si++)
        line_series(dc, si, in, &ys, band);
    plot_draw_categories(dc, in, ncat);
    plot_draw_x_title(dc, in, area);
}

static void step_series(dctx *dc, size_t si, drect in, const axis_scale *xs, const axis_scale *ys)
{
    cairo_t *cr = dc->cr;
    const chart_series *s = &dc->m->series[si];
    cairo_save(cr);
    cairo_rectangle(cr, in.x - 2, in.y - 2, in.w + 4, in.h + 4);
    cairo_clip(cr);
    line_style_series(dc, si);
    bool pen = false;
    double prev_y = 0;
    for (size_t j = 0; j < s->n; j++) {
        const chart_point *p = &s->pts[j];
        if (p->state != CP_VALUE)
            continue;
        double x = axis_map(xs, p->x, in.x, in.x + in.w);
        double y = axis_map(ys, p->y, in.y + in.h, in.y);
        if (!pen) {
            cairo_move_to(cr, x, y);
            pen = true;
        } else {
            cairo_line_to(cr, x, prev_y);
            cairo_line_to(cr, x, y);
        }
        prev_y = y;
        log_point(dc);
    }
    cairo_stroke(cr);
    cairo_restore(cr);
    for (size_t j = 0; j < s->n; j++) {
        const chart_point *p = &s->pts[j];
        if (p->state == CP_SUPPRESSED) {
            mark_hidden(dc, p->label ? p->label : "–", in.x + in.w / 2, in.y + in.h / 2, 0.5, 0.5);
        } else if (p->state == CP_VALUE && p->label) {
            /* A labelled step (the median, day 180): marker and its value. */
            double x = axis_map(xs, p->x, in.x, in.x + in.w);
            double y = axis_map(ys, p->y, in.y + in.h, in.y);
            marker_series(dc, si, x, y, 6.5);
            /* Above and left of the step: a rising curve leaves that corner empty. */
            dtext_at(dc, TS_VALUE, p->label, x - 5, y - 4, 1, 1);
        }
    }
}

void render_step(dctx *dc, drect area)
{
    axis_scale ys, xs;
    value_scale(dc->m, true, &ys);
    x_scale(dc->m, &xs);
    drect in;
    plot_layout(dc, area, &ys, 0, &in);
    plot_draw_y(dc, in, &ys);
    plot_draw_refs(dc, in, &ys, &xs);
    for (size_t si = 0; si < dc->m->nseries; si++)
        step_series(dc, si, in, &xs, &ys);
    plot_draw_x_numeric(dc, in, &xs);
    plot_draw_x_title(dc, in, area);
}
