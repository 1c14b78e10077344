/* Axes of the vertical charts: nice ticks, number formatting with the
 * chart's decimal mark, the plot rectangle after labels, grid, category and
 * numeric x labels, and reference lines and bands with their labels in the
 * margin (so data never hides them). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "charts/draw_internal.h"

#define REF_LABEL_MAX 118.0 /* widest a margin label of a reference line may be */
#define MAX_CAT_LINES 3

/* The "nice" number near x: 1, 2, 2.5 or 5 times a power of ten. */
static double nice_num(double x, bool round_it)
{
    double e = floor(log10(x));
    double f = x / pow(10, e);
    double nf;
    if (round_it)
        nf = f < 1.5 ? 1 : f < 2.25 ? 2 : f < 3.5 ? 2.5 : f < 7.5 ? 5 : 10;
    else
        nf = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
    return nf * pow(10, e);
}

void axis_nice(double lo, double hi, int n, bool whole, axis_scale *out)
{
    if (!isfinite(lo) || !isfinite(hi))
        lo = 0, hi = 1;
    if (hi <= lo)
        hi = lo + 1;
    double step = nice_num((hi - lo) / (n > 0 ? n : 5), true);
    if (whole && step < 1)
        step = 1;
    if (whole && fabs(step / pow(10, floor(log10(step))) - 2.5) < 1e-9)
        step = step / 2.5 * 2; /* 25 → 20: counts read better in twos and fives */
    out->step = step;
    out->lo = floor(lo / step + 1e-9) * step;
    out->hi = ceil(hi / step - 1e-9) * step;
    if (out->hi <= out->lo)
        out->hi = out->lo + step;
    int dec = (int)-floor(log10(step) + 1e-9);
    /* 2.5 needs one digit more than its power of ten. */
    if (fabs(step / pow(10, -dec) - 2.5) < 1e-9)
        dec++;
    out->decimals = dec > 0 ? dec : 0;
}

double axis_map(const axis_scale *a, double v, double p0, double p1)
{
    return p0 + (v - a->lo) / (a->hi - a->lo) * (p1 - p0);
}

void fmt_value(const chart_model *m, double v, int decimals, const char *unit, char *buf,
               size_t n)
{
    chart_format_number(v, decimals, m->decimal_mark, unit, buf, n);
}

void value_scale(const chart_model *m, bool from_zero, axis_scale *out)
{
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < m->nseries; i++)
        for (size_t j = 0; j < m->series[i].n; j++) {
            const chart_point *p = &m->series[i].pts[j];
            if (p->state != CP_VALUE)
                continue;
            lo = fmin(lo, p->y);
            hi = fmax(hi, fmax(p->y, p->y2));
        }
    for (size_t i = 0; i < m->nrefs; i++) {
        const chart_ref *r = &m->refs[i];
        /* In horizontal bars the value axis runs along x: a target is a REF_X. */
        if (r->kind == CHART_REF_X && m->kind != CHART_HBARS)
            continue;
        lo = fmin(lo, r->a);
        hi = fmax(hi, r->kind == CHART_BAND_Y ? fmax(r->a, r->b) : r->a);
    }
    if (!isfinite(lo))
        lo = 0, hi = 1;
    if (from_zero && lo > 0)
        lo = 0;
    if (!isnan(m->y_min))
        lo = m->y_min;
    if (isnan(m->y_max))
        hi = hi + (hi - lo) * 0.06; /* headroom for value labels */
    else
        hi = m->y_max;
    axis_nice(lo, hi, 5, m->whole_numbers, out);
    if (!isnan(m->y_max))
        out->hi = m->y_max;
    if (!isnan(m->y_min))
        out->lo = m->y_min;
}

void x_scale(const chart_model *m, axis_scale *out)
{
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < m->nseries; i++)
        for (size_t j = 0; j < m->series[i].n; j++) {
            const chart_point *p = &m->series[i].pts[j];
            lo = fmin(lo, p->x);
            hi = fmax(hi, fmax(p->x, p->x2));
        }
    for (size_t i = 0; i < m->nrefs; i++)
        if (m->refs[i].kind == CHART_REF_X)
            lo = fmin(lo, m->refs[i].a), hi = fmax(hi, m->refs[i].a);
    if (!isfinite(lo))
        lo = 0, hi = 1;
    if (!isnan(m->x_min))
        lo = m->x_min;
    if (!isnan(m->x_max))
        hi = m->x_max;
    axis_nice(lo, hi, 6, false, out);
    if (m->x_step > 0) {
        /* Ticks on the bin edges, about six of them. */
        double k = ceil((hi - lo) / m->x_step / 7);
        out->step = m->x_step * (k > 1 ? k : 1);
        out->lo = floor(lo / out->step) * out->step;
        out->hi = ceil(hi / out->step - 1e-9) * out->step;
        out->decimals = 0;
    }
    if (!isnan(m->x_min))
        out->lo = m->x_min;
    if (!isnan(m->x_max))
        out->hi = m->x_max;
}

static double ref_margin(dctx *dc)
{
    double w = 0;
    for (size_t i = 0; i < dc->m->nrefs; i++) {
        const chart_ref *r = &dc->m->refs[i];
        if (r->kind == CHART_REF_X || !r->label)
            continue;
        double tw, th;
        dtext_size(dc, TS_TICK, r->label, REF_LABEL_MAX, TW_WRAP, &tw, &th);
        w = fmax(w, tw);
    }
    return w > 0 ? w + 10 : 0;
}

static double tick_label_width(dctx *dc, const axis_scale *ys)
{
    double w, th;
    char buf[64];
    /* At least three digits wide, so stacked panels line their plots up. */
    dtext_size(dc, TS_TICK, "000", 0, TW_LINE, &w, &th);
    for (double v = ys->lo; v <= ys->hi + ys->step * 1e-6; v += ys->step) {
        double tw, th;
        fmt_value(dc->m, v, ys->decimals, "", buf, sizeof buf);
        dtext_size(dc, TS_TICK, buf, 0, TW_LINE, &tw, &th);
        w = fmax(w, tw);
    }
    return w;
}

static bool has_x_ref_label(const chart_model *m)
{
    for (size_t i = 0; i < m->nrefs; i++)
        if (m->refs[i].kind == CHART_REF_X && m->refs[i].label)
            return true;
    return false;
}

void plot_layout(dctx *dc, drect area, const axis_scale *ys, size_t ncat, drect *inner)
{
    double tw, th_body, th_tick;
    dtext_size(dc, TS_BODY, "Åg", 0, TW_LINE, &tw, &th_body);
    dtext_size(dc, TS_TICK, "Åg", 0, TW_LINE, &tw, &th_tick);
    const char *ylab = chart_get_text(dc->m, CT_Y_LABEL), *xlab = chart_get_text(dc->m, CT_X_LABEL);
    double left = tick_label_width(dc, ys) + 6 + (*ylab ? th_body + 6 : 0);
    double right = fmax(ref_margin(dc), 10);
    double top = has_x_ref_label(dc->m) ? th_tick + 6 : 8;
    double xh = th_tick;
    if (ncat > 0) {
        double band = (area.w - left - right) / (double)ncat;
        for (size_t i = 0; i < ncat && i < dc->m->ncat; i++) {
            double cw, ch;
            dtext_size(dc, TS_TICK, dc->m->categories[i], band - 4, TW_WRAP, &cw, &ch);
            xh = fmax(xh, fmin(ch, th_tick * MAX_CAT_LINES));
        }
    }
    double bottom = 5 + xh + (*xlab ? th_body + 8 : 0);
    *inner = (drect){area.x + left, area.y + top, area.w - left - right, area.h - top - bottom};
    if (inner->w < 20)
        inner->w = 20;
    if (inner->h < 20)
        inner->h = 20;
}

void plot_draw_y(dctx *dc, drect inner, const axis_scale *ys)
{
    cairo_t *cr = dc->cr;
    char buf[64];
    cairo_save(cr);
    cairo_set_line_width(cr, 0.6);
    for (double v = ys->lo; v <= ys->hi + ys->step * 1e-6; v += ys->step) {
        double y = round(axis_map(ys, v, inner.y + inner.h, inner.y)) + 0.5;
        dset(dc, GRID);
        cairo_move_to(cr, inner.x, y);
        cairo_line_to(cr, inner.x + inner.w, y);
        cairo_stroke(cr);
        fmt_value(dc->m, v, ys->decimals, "", buf, sizeof buf);
        dtext_at(dc, TS_TICK, buf, inner.x - 5, y, 1, 0.5);
    }
    /* The baseline at zero (or the lowest tick). */
    double base = ys->lo <= 0 && ys->hi >= 0 ? 0 : ys->lo;
    double yb = round(axis_map(ys, base, inner.y + inner.h, inner.y)) + 0.5;
    dset(dc, AXIS);
    cairo_set_line_width(cr, 1.0);
    cairo_move_to(cr, inner.x, yb);
    cairo_line_to(cr, inner.x + inner.w, yb);
    cairo_stroke(cr);
    cairo_restore(cr);

    double tw, th;
    const char *ylab = chart_get_text(dc->m, CT_Y_LABEL);
    if (*ylab) {
        dtext_size(dc, TS_BODY, "Åg", 0, TW_LINE, &tw, &th);
        double twl = tick_label_width(dc, ys);
        dtext_vertical(dc, TS_BODY, ylab, inner.x - twl - 6 - 6 - th / 2, inner.y + inner.h / 2,
                       inner.h);
    }
}

void plot_draw_x_title(dctx *dc, drect inner, drect area)
{
    const char *xlab = chart_get_text(dc->m, CT_X_LABEL);
    if (!*xlab)
        return;
    double tw, th;
    dtext_size(dc, TS_BODY, xlab, inner.w, TW_ELLIPSIS, &tw, &th);
    dtext_box(dc, TS_BODY, xlab, inner.x, area.y + area.h - th, inner.w, 0.5, TW_ELLIPSIS);
}

void plot_draw_categories(dctx *dc, drect inner, size_t ncat)
{
    double band = inner.w / (double)(ncat ? ncat : 1);
    double tw, th_tick;
    dtext_size(dc, TS_TICK, "Åg", 0, TW_LINE, &tw, &th_tick);
    for (size_t i = 0; i < ncat && i < dc->m->ncat; i++) {
        const char *c = dc->m->categories[i];
        double cw, ch;
        dtext_size(dc, TS_TICK, c, band - 4, TW_WRAP, &cw, &ch);
        text_wrap wrap = ch > th_tick * MAX_CAT_LINES + 0.5 ? TW_ELLIPSIS : TW_WRAP;
        dtext_box(dc, TS_TICK, c, inner.x + band * (double)i + 2, inner.y + inner.h + 5, band - 4,
                  0.5, wrap);
    }
}

void plot_draw_x_numeric(dctx *dc, drect inner, const axis_scale *xs)
{
    cairo_t *cr = dc->cr;
    char buf[64];
    double yb = inner.y + inner.h;
    cairo_save(cr);
    cairo_set_line_width(cr, 0.8);
    dset(dc, AXIS);
    for (double v = xs->lo; v <= xs->hi + xs->step * 1e-6; v += xs->step) {
        double x = round(axis_map(xs, v, inner.x, inner.x + inner.w)) + 0.5;
        cairo_move_to(cr, x, yb);
        cairo_line_to(cr, x, yb + 3);
        cairo_stroke(cr);
        fmt_value(dc->m, v, xs->decimals, "", buf, sizeof buf);
        dtext_at(dc, TS_TICK, buf, x, yb + 5, 0.5, 0);
    }
    cairo_restore(cr);
}

static void ref_label_margin(dctx *dc, const chart_ref *r, drect inner, double y)
{
    if (!r->label)
        return;
    double tw, th;
    dtext_size(dc, TS_TICK, r->label, REF_LABEL_MAX, TW_WRAP, &tw, &th);
    double top = fmin(fmax(y - th / 2, inner.y - 4), inner.y + inner.h - th);
    dtext_box(dc, TS_TICK, r->label, inner.x + inner.w + 8, top, REF_LABEL_MAX, 0, TW_WRAP);
}

/* Above the plot, right of a vertical line, or left of it where the right
 * side has no room (a target near the end of the axis). */
static void ref_label_top(dctx *dc, const chart_ref *r, drect inner, double x)
{
    if (!r->label)
        return;
    double tw, th;
    dtext_size(dc, TS_TICK, r->label, 0, TW_LINE, &tw, &th);
    bool right = x + 4 + tw <= inner.x + inner.w + 6 || x - 4 - tw < inner.x - 6;
    dtext_at(dc, TS_TICK, r->label, right ? x + 4 : x - 4, inner.y - 2, right ? 0 : 1, 1);
}

void plot_draw_refs(dctx *dc, drect inner, const axis_scale *ys, const axis_scale *xs)
{
    cairo_t *cr = dc->cr;
    static const double dash[] = {5, 3};
    for (size_t i = 0; i < dc->m->nrefs; i++) {
        const chart_ref *r = &dc->m->refs[i];
        cairo_save(cr);
        cairo_rectangle(cr, inner.x, inner.y, inner.w, inner.h);
        cairo_clip(cr);
        if (r->kind == CHART_BAND_Y && ys) {
            double y0 = axis_map(ys, fmin(r->a, r->b), inner.y + inner.h, inner.y);
            double y1 = axis_map(ys, fmax(r->a, r->b), inner.y + inner.h, inner.y);
            dset_alpha(dc, BAND, 0.55);
            cairo_rectangle(cr, inner.x, y1, inner.w, y0 - y1);
            cairo_fill(cr);
            dset(dc, (rgb){0.62, 0.70, 0.80});
            cairo_set_line_width(cr, 0.8);
            cairo_move_to(cr, inner.x, round(y0) + 0.5);
            cairo_line_to(cr, inner.x + inner.w, round(y0) + 0.5);
            cairo_move_to(cr, inner.x, round(y1) + 0.5);
            cairo_line_to(cr, inner.x + inner.w, round(y1) + 0.5);
            cairo_stroke(cr);
            cairo_restore(cr);
            ref_label_margin(dc, r, inner, (y0 + y1) / 2);
        } else if (r->kind == CHART_REF_Y && ys) {
            double y = round(axis_map(ys, r->a, inner.y + inner.h, inner.y)) + 0.5;
            dset(dc, INK);
            cairo_set_line_width(cr, 1.3);
            cairo_set_dash(cr, dash, 2, 0);
            cairo_move_to(cr, inner.x, y);
            cairo_line_to(cr, inner.x + inner.w, y);
            cairo_stroke(cr);
            cairo_restore(cr);
            ref_label_margin(dc, r, inner, y);
        } else if (r->kind == CHART_REF_X && xs) {
            double x = round(axis_map(xs, r->a, inner.x, inner.x + inner.w)) + 0.5;
            dset(dc, INK);
            cairo_set_line_width(cr, 1.3);
            cairo_set_dash(cr, dash, 2, 0);
            cairo_move_to(cr, x, inner.y);
            cairo_line_to(cr, x, inner.y + inner.h);
            cairo_stroke(cr);
            cairo_restore(cr);
            ref_label_top(dc, r, inner, x);
        } else {
            cairo_restore(cr);
            continue;
        }
        log_ref(dc);
    }
}
