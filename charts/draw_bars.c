/* Vertical bars over categories, side by side per series, and histograms
 * over numeric bins.  A hidden value draws no bar, only its mark ("<5") on
 * the baseline. */
#include <math.h>

#include "charts/draw_internal.h"

static void bar_label(dctx *dc, const chart_point *p, double cx, double top)
{
    char buf[64];
    const char *text = p->label;
    if (!text) {
        fmt_value(dc->m, p->y, dc->m->decimals, chart_get_text(dc->m, CT_UNIT), buf, sizeof buf);
        text = buf;
    }
    dtext_at(dc, TS_VALUE, text, cx, top - 2, 0.5, 1);
}

/* A bar from the baseline to p's value (and its paler range to y2). */
static void bar(dctx *dc, size_t si, const chart_point *p, double x, double w, drect in,
                const axis_scale *ys, bool label)
{
    double base = axis_map(ys, fmax(ys->lo, 0), in.y + in.h, in.y);
    double cx = x + w / 2;
    if (p->state == CP_SUPPRESSED) {
        mark_hidden(dc, p->label ? p->label : "<5", cx, base - 2, 0.5, 1);
        return;
    }
    if (p->state == CP_MISSING) {
        if (p->label)
            dtext_at(dc, TS_NOTE, p->label, cx, base - 2, 0.5, 1);
        log_missing(dc);
        return;
    }
    double top = axis_map(ys, p->y, in.y + in.h, in.y);
    fill_series_rect(dc, si, (drect){x, top, w, base - top}, false);
    double top2 = top;
    if (p->y2 > p->y) {
        top2 = axis_map(ys, p->y2, in.y + in.h, in.y);
        fill_series_rect(dc, si, (drect){x, top2, w, top - top2}, true);
    }
    log_bar(dc);
    if (label)
        bar_label(dc, p, cx, top2);
}

void render_bars(dctx *dc, drect area)
{
    const chart_model *m = dc->m;
    axis_scale ys;
    value_scale(m, true, &ys);
    size_t ncat = m->ncat;
    for (size_t i = 0; i < m->nseries; i++)
        if (m->series[i].n > ncat)
            ncat = m->series[i].n;
    drect in;
    plot_layout(dc, area, &ys, ncat, &in);
    plot_draw_y(dc, in, &ys);
    plot_draw_refs(dc, in, &ys, NULL);
    double band = in.w / (double)(ncat ? ncat : 1);
    double group = band * 0.72;
    size_t ns = m->nseries ? m->nseries : 1;
    double bw = group / (double)ns;
    for (size_t si = 0; si < m->nseries; si++)
        for (size_t j = 0; j < m->series[si].n; j++) {
            double x = in.x + band * (double)j + (band - group) / 2 + bw * (double)si;
            bar(dc, si, &m->series[si].pts[j], x + 0.5, bw - 1, in, &ys, true);
        }
    plot_draw_categories(dc, in, ncat);
    plot_draw_x_title(dc, in, area);
}

void render_histogram(dctx *dc, drect area)
{
    const chart_model *m = dc->m;
    axis_scale ys, xs;
    value_scale(m, true, &ys);
    x_scale(m, &xs);
    drect in;
    plot_layout(dc, area, &ys, 0, &in);
    plot_draw_y(dc, in, &ys);
    for (size_t si = 0; si < m->nseries; si++)
        for (size_t j = 0; j < m->series[si].n; j++) {
            const chart_point *p = &m->series[si].pts[j];
            double x0 = axis_map(&xs, p->x, in.x, in.x + in.w);
            double x1 = axis_map(&xs, p->x2 > p->x ? p->x2 : p->x + 1, in.x, in.x + in.w);
            bar(dc, si, p, x0 + 0.5, x1 - x0 - 1, in, &ys, m->label_points);
        }
    plot_draw_refs(dc, in, &ys, &xs);
    plot_draw_x_numeric(dc, in, &xs);
    plot_draw_x_title(dc, in, area);
}
