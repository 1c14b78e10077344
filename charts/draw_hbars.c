/* Horizontal bars: categories down the page, optionally in groups with a
 * heading (the fidelity scale's three sections), series side by side in each
 * row; and the funnel, one centred bar per stage.  Labels sit in a column on
 * the left, so long Finnish names never collide. */
#include <math.h>

#include "charts/draw_internal.h"

#define ROW_MAX 24.0
#define ROW_DENSE 15.0    /* rows thinner than this use the small fonts */
#define ROW_LABELS 6.5    /* rows thinner than this carry no value labels */
#define HEAD_H 19.0
#define AXIS_H 34.0       /* tick labels and the axis title under the rows */
#define AXIS_H_BARE 18.0  /* tick labels only */
#define REF_LABEL_H 14.0  /* room above the plot for a target line's label */
#define FUNNEL_ROW 46.0

/* Up to 20 single-series rows get 19 points (a 13-point bar); more rows get
 * thinner, down to 13 points with the small fonts, so that 60 coaches make a
 * tall but readable picture rather than an endless one. */
static double row_pref(const chart_model *m)
{
    if (m->nseries > 1 && !m->dots)
        return 7.0 * (double)m->nseries + 8.0;
    if (m->ncat <= 20)
        return 19.0;
    return fmax(13.0, 19.0 - 0.3 * (double)(m->ncat - 20));
}

static bool has_ref_label(const chart_model *m)
{
    for (size_t i = 0; i < m->nrefs; i++)
        if (m->refs[i].kind == CHART_REF_X && m->refs[i].label)
            return true;
    return false;
}

static double axis_h(const chart_model *m)
{
    return chart_get_text(m, CT_X_LABEL)[0] ? AXIS_H : AXIS_H_BARE;
}

double hbars_height(const chart_model *m)
{
    if (m->kind == CHART_FUNNEL)
        return (double)m->ncat * FUNNEL_ROW;
    return (double)m->ncat * row_pref(m) + (double)m->ngroups * HEAD_H + axis_h(m) +
           (has_ref_label(m) ? REF_LABEL_H : 0);
}

static const chart_group *group_starting(const chart_model *m, size_t row)
{
    for (size_t g = 0; g < m->ngroups; g++)
        if (m->groups[g].first == row && m->groups[g].count > 0)
            return &m->groups[g];
    return NULL;
}

/* Widest category label in style st (plus the indent under group headings),
 * capped at a share of the width. */
static double label_column(dctx *dc, text_style st, double w, double share)
{
    double lw = dc->m->ngroups > 0 ? 8 : 0;
    for (size_t i = 0; i < dc->m->ncat; i++) {
        double tw, th;
        dtext_size(dc, st, dc->m->categories[i], 0, TW_LINE, &tw, &th);
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

/* How the rows of a horizontal bar chart sit in their rectangle. */
typedef struct {
    drect area, in;
    axis_scale xs;
    double lw;           /* label column */
    double rh, t;        /* row pitch, bar thickness */
    text_style label_st, value_st;
} hb_layout;

static void hbar(dctx *dc, const hb_layout *L, size_t si, const chart_point *p, double y,
                 double t)
{
    double x0 = axis_map(&L->xs, fmax(L->xs.lo, 0), L->in.x, L->in.x + L->in.w);
    if (p->state != CP_VALUE)
        return;
    double x1 = axis_map(&L->xs, p->y, L->in.x, L->in.x + L->in.w);
    if (p->off_target) {
        fill_off_target_rect(dc, (drect){x0, y, x1 - x0, t});
        if (dc->log)
            dc->log->off_target++;
    } else {
        fill_series_rect(dc, si, (drect){x0, y, x1 - x0, t}, false);
    }
    if (p->y2 > p->y) {
        double x2 = axis_map(&L->xs, p->y2, L->in.x, L->in.x + L->in.w);
        fill_series_rect(dc, si, (drect){x1, y, x2 - x1, t}, true);
    }
    log_bar(dc);
}

/* The value by a bar, or the hidden or missing mark in its place. */
static void hbar_label(dctx *dc, const hb_layout *L, const chart_point *p, double y, double t)
{
    char buf[64];
    double x0 = axis_map(&L->xs, fmax(L->xs.lo, 0), L->in.x, L->in.x + L->in.w);
    double my = y + t / 2;
    if (p->state == CP_SUPPRESSED) {
        mark_hidden(dc, p->label ? p->label : "<5", x0 + 3, my, 0, 0.5);
    } else if (p->state == CP_MISSING) {
        if (p->label)
            dtext_at(dc, TS_NOTE, p->label, x0 + 3, my, 0, 0.5);
        log_missing(dc);
    } else if (L->rh >= ROW_LABELS) {
        double x2 = axis_map(&L->xs, fmax(p->y, p->y2), L->in.x, L->in.x + L->in.w);
        const char *text = point_text(dc, p, buf, sizeof buf);
        double tw, th;
        dtext_size(dc, L->value_st, text, 0, TW_LINE, &tw, &th);
        /* Paper behind the number: a target line crossing it stops short. */
        dset(dc, PAPER);
        cairo_rectangle(dc->cr, x2 + 2, my - th / 2, tw + 4, th);
        cairo_fill(dc->cr);
        dtext_at(dc, L->value_st, text, x2 + 4, my, 0, 0.5);
    }
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

static void hb_layout_make(dctx *dc, drect area, hb_layout *L)
{
    const chart_model *m = dc->m;
    L->area = area;
    value_scale(m, true, &L->xs);
    double top = has_ref_label(m) ? REF_LABEL_H : 0;
    double avail = area.h - axis_h(m) - top - (double)m->ngroups * HEAD_H;
    L->rh = fmin(ROW_MAX, avail / (double)(m->ncat ? m->ncat : 1));
    bool dense = L->rh < ROW_DENSE;
    L->label_st = dense ? TS_SMALL : TS_BODY;
    L->value_st = dense ? TS_VALUE_SMALL : TS_VALUE;
    L->lw = label_column(dc, L->label_st, area.w, 0.42);
    double vw, th;
    dtext_size(dc, L->value_st, "888–888", 0, TW_LINE, &vw, &th);
    L->in = (drect){area.x + L->lw, area.y + top, area.w - L->lw - vw - 8,
                    area.h - axis_h(m) - top};
    /* Bars thinner than their row leave a gap that grows with the row, capped at 13 points. */
    double ns = (double)(m->nseries && !m->dots ? m->nseries : 1);
    L->t = fmin((L->rh - fmin(5, L->rh * 0.35)) / ns, 13);
}

/* A paired dot plot's row (m->dots): series 0 and 1 as markers joined by a
 * line, each value outside its end of the pair so that two close values
 * never print over each other; a hidden pair shows its mark only. */
static void dots_row(dctx *dc, const hb_layout *L, size_t i, double y, int pass)
{
    const chart_model *m = dc->m;
    double cy = y + L->rh / 2, x[2] = {0, 0};
    const chart_point *pt[2] = {NULL, NULL};
    bool has[2] = {false, false};
    for (size_t si = 0; si < 2 && si < m->nseries; si++) {
        if (i >= m->series[si].n)
            continue;
        pt[si] = &m->series[si].pts[i];
        has[si] = pt[si]->state == CP_VALUE;
        if (has[si])
            x[si] = axis_map(&L->xs, pt[si]->y, L->in.x, L->in.x + L->in.w);
    }
    if (pass == 0) {
        if (has[0] && has[1]) {
            cairo_save(dc->cr);
            dset(dc, MUTED);
            cairo_set_line_width(dc->cr, 2);
            cairo_move_to(dc->cr, x[0], cy);
            cairo_line_to(dc->cr, x[1], cy);
            cairo_stroke(dc->cr);
            cairo_restore(dc->cr);
        }
        for (size_t si = 0; si < 2; si++) {
            if (has[si]) {
                marker_series(dc, si, x[si], cy, 8);
                log_bar(dc);
            }
        }
        return;
    }
    if (!has[0] && !has[1]) {
        const chart_point *p = pt[0] ? pt[0] : pt[1];
        double x0 = axis_map(&L->xs, fmax(L->xs.lo, 0), L->in.x, L->in.x + L->in.w);
        if (p && p->state == CP_SUPPRESSED)
            mark_hidden(dc, p->label ? p->label : "<5", x0 + 3, cy, 0, 0.5);
        else if (p)
            log_missing(dc);
        return;
    }
    if (L->rh < ROW_LABELS)
        return;
    char buf[64];
    /* The lower value left of its marker, the higher right of its. */
    size_t lo = has[0] && has[1] ? (x[0] <= x[1] ? 0 : 1) : (has[0] ? 0 : 1);
    if (has[0] && has[1])
        dtext_at(dc, L->value_st, point_text(dc, pt[lo], buf, sizeof buf), x[lo] - 7, cy, 1, 0.5);
    size_t hi = has[0] && has[1] ? 1 - lo : lo;
    dtext_at(dc, L->value_st, point_text(dc, pt[hi], buf, sizeof buf), x[hi] + 7, cy, 0, 0.5);
}

/* Pass 0 draws headings, category labels and bars; pass 1 the value labels,
 * after the target lines, so that no line crosses a number. */
static void hb_rows(dctx *dc, const hb_layout *L, int pass)
{
    const chart_model *m = dc->m;
    size_t ns = m->nseries ? m->nseries : 1;
    double y = L->in.y, indent = m->ngroups > 0 ? 8 : 0;
    for (size_t i = 0; i < m->ncat; i++) {
        const chart_group *g = group_starting(m, i);
        if (g && pass == 0)
            dtext_box(dc, TS_HEADING, g->label, L->area.x, y + HEAD_H - 15, L->area.w, 0,
                      TW_ELLIPSIS);
        if (g)
            y += HEAD_H;
        if (pass == 0) {
            double tw, lh;
            dtext_size(dc, L->label_st, m->categories[i], L->lw - 10, TW_ELLIPSIS, &tw, &lh);
            dtext_box(dc, L->label_st, m->categories[i], L->area.x + indent, y + (L->rh - lh) / 2,
                      L->lw - 10 - indent, 0, TW_ELLIPSIS);
        }
        if (m->dots) {
            dots_row(dc, L, i, y, pass);
            y += L->rh;
            continue;
        }
        double by = y + (L->rh - L->t * (double)ns) / 2;
        for (size_t si = 0; si < m->nseries; si++) {
            if (i >= m->series[si].n)
                continue;
            const chart_point *p = &m->series[si].pts[i];
            /* Side by side series keep a hairline gap between their edges. */
            double sy = by + L->t * (double)si, t = L->t - 1;
            if (pass == 0)
                hbar(dc, L, si, p, sy, t);
            else
                hbar_label(dc, L, p, sy, t);
        }
        y += L->rh;
    }
}

void render_hbars(dctx *dc, drect area)
{
    hb_layout L;
    hb_layout_make(dc, area, &L);
    value_axis(dc, L.in, &L.xs, area);
    hb_rows(dc, &L, 0);
    plot_draw_refs(dc, L.in, NULL, &L.xs);
    hb_rows(dc, &L, 1);
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
    double lw = label_column(dc, TS_BODY, area.w, 0.34);
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
