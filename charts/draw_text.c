/* Text through Pango: measuring, wrapping, ellipsizing and drawing in the
 * chart's few styles, and recording every string in the chart_layout. */
#include <stdlib.h>
#include <string.h>

#include "charts/draw_internal.h"

static const struct {
    const char *font;
    int muted;
} styles[TS__COUNT] = {
    [TS_TITLE] = {"DejaVu Sans Bold 14", 0},
    [TS_SUBTITLE] = {"DejaVu Sans 9.5", 1},
    [TS_HEADING] = {"DejaVu Sans Bold 9.5", 0},
    [TS_BODY] = {"DejaVu Sans 9", 0},
    [TS_TICK] = {"DejaVu Sans 8", 1},
    [TS_VALUE] = {"DejaVu Sans Bold 8", 0},
    [TS_NOTE] = {"DejaVu Sans Oblique 7.5", 1},
    [TS_NODATA] = {"DejaVu Sans Bold 15", 1},
    [TS_DISPLAY] = {"DejaVu Sans Bold 22", 0},
    [TS_LEAD] = {"DejaVu Sans 11", 0},
    [TS_LEAD_BOLD] = {"DejaVu Sans Bold 11", 0},
    [TS_SMALL] = {"DejaVu Sans 7.5", 0},
    [TS_VALUE_SMALL] = {"DejaVu Sans Bold 6.5", 0},
};

bool dctx_open(dctx *dc, cairo_t *cr, const chart_model *m, chart_layout *log)
{
    memset(dc, 0, sizeof *dc);
    dc->cr = cr;
    dc->m = m;
    dc->log = log;
    dc->pl = pango_cairo_create_layout(cr);
    if (!dc->pl)
        return false;
    PangoContext *pc = pango_layout_get_context(dc->pl);
    /* One user unit is one point, and metrics are not hinted, so a PNG and a
     * PDF of the same chart break lines at the same places. */
    pango_cairo_context_set_resolution(pc, 72.0);
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(pc, fo);
    cairo_font_options_destroy(fo);
    pango_layout_context_changed(dc->pl);
    for (int i = 0; i < TS__COUNT; i++)
        if (!(dc->font[i] = pango_font_description_from_string(styles[i].font)))
            return false;
    return true;
}

void dctx_close(dctx *dc)
{
    for (int i = 0; i < TS__COUNT; i++)
        if (dc->font[i])
            pango_font_description_free(dc->font[i]);
    if (dc->pl)
        g_object_unref(dc->pl);
    memset(dc, 0, sizeof *dc);
}

void dtext_record(dctx *dc, const char *s)
{
    chart_layout *l = dc->log;
    if (!l || !s || !*s || l->broken)
        return;
    if (l->ntexts == l->captexts) {
        size_t nc = l->captexts ? l->captexts * 2 : 32;
        char **t = realloc(l->texts, nc * sizeof *t);
        if (!t) {
            l->broken = true;
            return;
        }
        l->texts = t;
        l->captexts = nc;
    }
    if (!(l->texts[l->ntexts] = strdup(s))) {
        l->broken = true;
        return;
    }
    l->ntexts++;
}

static void prepare(dctx *dc, text_style st, const char *s, double w, text_wrap wrap, double ax)
{
    PangoLayout *pl = dc->pl;
    pango_cairo_update_layout(dc->cr, pl);
    pango_layout_set_font_description(pl, dc->font[st]);
    pango_layout_set_text(pl, s, -1);
    pango_layout_set_ellipsize(pl, PANGO_ELLIPSIZE_NONE);
    pango_layout_set_height(pl, -1);
    if (w > 0 && wrap != TW_LINE) {
        pango_layout_set_width(pl, (int)(w * PANGO_SCALE));
        pango_layout_set_wrap(pl, PANGO_WRAP_WORD_CHAR);
        if (wrap == TW_ELLIPSIS)
            pango_layout_set_ellipsize(pl, PANGO_ELLIPSIZE_END);
        pango_layout_set_alignment(pl, ax >= 0.75  ? PANGO_ALIGN_RIGHT
                                        : ax >= 0.25 ? PANGO_ALIGN_CENTER
                                                     : PANGO_ALIGN_LEFT);
    } else {
        pango_layout_set_width(pl, -1);
        pango_layout_set_alignment(pl, PANGO_ALIGN_LEFT);
    }
}

static void logical_size(dctx *dc, double *tw, double *th)
{
    PangoRectangle logical;
    pango_layout_get_extents(dc->pl, NULL, &logical);
    *tw = (double)logical.width / PANGO_SCALE;
    *th = (double)logical.height / PANGO_SCALE;
}

void dtext_size(dctx *dc, text_style st, const char *s, double w, text_wrap wrap, double *tw,
                double *th)
{
    if (!s || !*s) {
        *tw = *th = 0;
        return;
    }
    prepare(dc, st, s, w, wrap, 0);
    logical_size(dc, tw, th);
}

static void set_style_colour(dctx *dc, text_style st)
{
    dset(dc, styles[st].muted ? MUTED : INK);
}

double dtext_box(dctx *dc, text_style st, const char *s, double x, double y, double w,
                 double ax, text_wrap wrap)
{
    if (!s || !*s)
        return 0;
    double tw, th;
    prepare(dc, st, s, w, wrap, ax);
    logical_size(dc, &tw, &th);
    double dx = 0;
    if (w > 0 && wrap == TW_LINE)
        dx = (w - tw) * ax;
    cairo_save(dc->cr);
    set_style_colour(dc, st);
    cairo_move_to(dc->cr, x + dx, y);
    pango_cairo_show_layout(dc->cr, dc->pl);
    cairo_restore(dc->cr);
    dtext_record(dc, s);
    return th;
}

void dtext_at(dctx *dc, text_style st, const char *s, double x, double y, double ax, double ay)
{
    if (!s || !*s)
        return;
    double tw, th;
    prepare(dc, st, s, 0, TW_LINE, 0);
    logical_size(dc, &tw, &th);
    cairo_save(dc->cr);
    if (st == TS_VALUE || st == TS_VALUE_SMALL) {
        /* A white halo keeps value labels readable where they cross a line. */
        cairo_move_to(dc->cr, x - tw * ax, y - th * ay);
        pango_cairo_layout_path(dc->cr, dc->pl);
        dset(dc, PAPER);
        cairo_set_line_width(dc->cr, 3.0);
        cairo_set_line_join(dc->cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke(dc->cr);
    }
    set_style_colour(dc, st);
    cairo_move_to(dc->cr, x - tw * ax, y - th * ay);
    pango_cairo_show_layout(dc->cr, dc->pl);
    cairo_restore(dc->cr);
    dtext_record(dc, s);
}

void dtext_vertical(dctx *dc, text_style st, const char *s, double x, double y, double maxw)
{
    if (!s || !*s)
        return;
    cairo_save(dc->cr);
    cairo_translate(dc->cr, x, y);
    cairo_rotate(dc->cr, -G_PI / 2);
    double tw, th;
    prepare(dc, st, s, maxw, TW_ELLIPSIS, 0.5);
    logical_size(dc, &tw, &th);
    set_style_colour(dc, st);
    /* A width-limited layout is as wide as its limit; centre that box. */
    double bw = maxw > 0 ? maxw : tw;
    cairo_move_to(dc->cr, -bw / 2, -th / 2);
    pango_cairo_show_layout(dc->cr, dc->pl);
    cairo_restore(dc->cr);
    pango_cairo_update_layout(dc->cr, dc->pl);
    dtext_record(dc, s);
}
