/* The chart frame (background, title, subtitle, legend, notes, the "no
 * data" picture), dispatch to the renderer of each kind, and the PNG, SVG and
 * PDF surfaces. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <fontconfig/fontconfig.h>

#include "charts/draw_internal.h"
#include "common/outfile.h"

#define PAD 14.0
#define PANEL_GAP 24.0 /* between side-by-side panels */

static double row_heading_height(dctx *dc, const chart_model *whole, double pw);

int chart_format_parse(const char *name)
{
    static const char *const names[] = {"png", "svg", "pdf"};
    for (int i = 0; i < 3; i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    return -1;
}

const char *chart_format_ext(chart_format f)
{
    return f == CHART_SVG ? "svg" : f == CHART_PDF ? "pdf" : "png";
}

void chart_layout_init(chart_layout *l) { memset(l, 0, sizeof *l); }

void chart_layout_clear(chart_layout *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->ntexts; i++)
        free(l->texts[i]);
    free(l->texts);
    memset(l, 0, sizeof *l);
}

bool chart_layout_has_text(const chart_layout *l, const char *text)
{
    for (size_t i = 0; i < l->ntexts; i++)
        if (strcmp(l->texts[i], text) == 0)
            return true;
    return false;
}

bool chart_layout_has_part(const chart_layout *l, const char *part)
{
    for (size_t i = 0; i < l->ntexts; i++)
        if (strstr(l->texts[i], part))
            return true;
    return false;
}

/* Title, legend and notes, the panels' tallest heading (measured: headings
 * wrap in the narrower columns) and the tallest panel's rows. */
static double panel_row_height(const chart_model *m, double w)
{
    double head = 30, rows = 0;
    size_t n = m->nparts ? m->nparts : 1;
    double pw = (w - 2 * PAD - PANEL_GAP * (double)(n - 1)) / (double)n;
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
    cairo_t *cr = cairo_create(s);
    dctx dc;
    if (dctx_open(&dc, cr, m, NULL))
        head = row_heading_height(&dc, m, pw);
    dctx_close(&dc);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    for (size_t i = 0; i < m->nparts; i++) {
        const chart_model *p = m->parts[i];
        rows = fmax(rows, p->kind == CHART_HBARS ? hbars_height(p) : w * 0.34);
    }
    bool legend = chart_get_text(m, CT_TARGET_MISSED)[0] && chart_count_off_target(m) > 0;
    return 96 + 12.0 * (double)m->nnotes + (legend ? 18 : 0) + head + rows;
}

double chart_height_for(const chart_model *m, double w)
{
    /* "No data" needs a title and a message, not room for 25 rows. */
    if (chart_is_empty(m))
        return 230 + 12.0 * (double)m->nnotes;
    switch (m->kind) {
    case CHART_HBARS:
    case CHART_FUNNEL: {
        double h = 100 + 12.0 * (double)m->nnotes + (m->nseries > 1 ? 18 : 0) + hbars_height(m);
        return fmax(h, 200);
    }
    case CHART_PANELS:
        if (m->side_by_side)
            return fmax(panel_row_height(m, w), 220);
        return 80 + 12.0 * (double)m->nnotes + w * 0.34 * (double)(m->nparts ? m->nparts : 1);
    default:
        return w * (m->aspect > 0 ? m->aspect : 0.6);
    }
}

static void draw_no_data(dctx *dc, drect a)
{
    cairo_t *cr = dc->cr;
    static const double dash[] = {4, 3};
    cairo_save(cr);
    dset(dc, (rgb){0.97, 0.97, 0.97});
    cairo_rectangle(cr, a.x, a.y, a.w, a.h);
    cairo_fill_preserve(cr);
    dset(dc, GRID);
    cairo_set_dash(cr, dash, 2, 0);
    cairo_set_line_width(cr, 1);
    cairo_stroke(cr);
    cairo_restore(cr);
    const char *msg = chart_get_text(dc->m, CT_EMPTY);
    if (!*msg)
        msg = "No data";
    double tw, th;
    dtext_size(dc, TS_NODATA, msg, a.w - 20, TW_WRAP, &tw, &th);
    dtext_box(dc, TS_NODATA, msg, a.x + 10, a.y + (a.h - th) / 2, a.w - 20, 0.5, TW_WRAP);
    if (dc->log)
        dc->log->no_data = true;
}

static void render_plot(dctx *dc, drect a)
{
    if (chart_is_empty(dc->m)) {
        draw_no_data(dc, a);
        return;
    }
    switch (dc->m->kind) {
    case CHART_LINE:
        render_line(dc, a);
        break;
    case CHART_STEP:
        render_step(dc, a);
        break;
    case CHART_BARS:
        render_bars(dc, a);
        break;
    case CHART_HISTOGRAM:
        render_histogram(dc, a);
        break;
    case CHART_HBARS:
        render_hbars(dc, a);
        break;
    case CHART_FUNNEL:
        render_funnel(dc, a);
        break;
    case CHART_PANELS:
        break; /* chart_draw() lays out the parts */
    }
}

/* The heading of a side-by-side panel wraps; every panel of the row starts
 * its plot below the tallest heading, so rows of bars line up across. */
static double row_heading_height(dctx *dc, const chart_model *whole, double pw)
{
    double h = 0;
    for (size_t i = 0; i < whole->nparts; i++) {
        double tw, th, sw, sh;
        dtext_size(dc, TS_HEADING, chart_get_text(whole->parts[i], CT_TITLE), pw, TW_WRAP, &tw, &th);
        dtext_size(dc, TS_TICK, chart_get_text(whole->parts[i], CT_SUBTITLE), pw, TW_WRAP, &sw, &sh);
        h = fmax(h, th + sh);
    }
    return h + 6;
}

static void render_panel_row(dctx *dc, drect a)
{
    const chart_model *whole = dc->m;
    size_t n = whole->nparts ? whole->nparts : 1;
    double pw = (a.w - PANEL_GAP * (double)(n - 1)) / (double)n;
    double hh = row_heading_height(dc, whole, pw);
    for (size_t i = 0; i < whole->nparts; i++) {
        const chart_model *part = whole->parts[i];
        double x = a.x + (double)i * (pw + PANEL_GAP);
        dc->m = part;
        double th = dtext_box(dc, TS_HEADING, chart_get_text(part, CT_TITLE), x, a.y, pw, 0, TW_WRAP);
        dtext_box(dc, TS_TICK, chart_get_text(part, CT_SUBTITLE), x, a.y + th, pw, 0, TW_WRAP);
        render_plot(dc, (drect){x, a.y + hh, pw, a.h - hh});
    }
    dc->m = whole;
}

/* Small multiples: each part gets an equal slice with its own heading. */
static void render_panels(dctx *dc, drect a)
{
    if (dc->m->side_by_side) {
        render_panel_row(dc, a);
        return;
    }
    const chart_model *whole = dc->m;
    size_t n = whole->nparts ? whole->nparts : 1;
    double gap = 14, ph = (a.h - gap * (double)(n - 1)) / (double)n;
    for (size_t i = 0; i < whole->nparts; i++) {
        const chart_model *part = whole->parts[i];
        drect pa = {a.x, a.y + (double)i * (ph + gap), a.w, ph};
        dc->m = part;
        double hh = dtext_box(dc, TS_HEADING, chart_get_text(part, CT_TITLE), pa.x, pa.y, pa.w, 0,
                              TW_ELLIPSIS);
        double sh = dtext_box(dc, TS_TICK, chart_get_text(part, CT_SUBTITLE), pa.x, pa.y + hh, pa.w,
                              0, TW_ELLIPSIS);
        render_plot(dc, (drect){pa.x, pa.y + hh + sh + 4, pa.w, pa.h - hh - sh - 4});
    }
    dc->m = whole;
}

static double notes_height(dctx *dc, double w)
{
    double h = 0;
    for (size_t i = 0; i < dc->m->nnotes; i++) {
        double tw, th;
        dtext_size(dc, TS_NOTE, dc->m->notes[i], w, TW_WRAP, &tw, &th);
        h += th + 1;
    }
    return h;
}

void chart_draw(cairo_t *cr, const chart_model *m, double x, double y, double w, double h,
                chart_layout *layout)
{
    dctx dc;
    cairo_save(cr);
    if (!dctx_open(&dc, cr, m, layout)) {
        dctx_close(&dc);
        cairo_restore(cr);
        return;
    }
    dset(&dc, PAPER);
    cairo_rectangle(cr, x, y, w, h);
    cairo_fill(cr);
    double iw = w - 2 * PAD, cy = y + PAD;
    cy += dtext_box(&dc, TS_TITLE, chart_get_text(m, CT_TITLE), x + PAD, cy, iw, 0, TW_WRAP);
    const char *sub = chart_get_text(m, CT_SUBTITLE);
    if (*sub)
        cy += 2 + dtext_box(&dc, TS_SUBTITLE, sub, x + PAD, cy + 2, iw, 0, TW_WRAP);
    double lh = chart_is_empty(m) ? 0 : draw_legend(&dc, m, x + PAD, cy + 8, iw, false);
    cy += 10 + (lh > 0 ? lh + 2 : 0);
    double nh = notes_height(&dc, iw);
    double ny = y + h - PAD + 4 - nh;
    for (size_t i = 0; i < m->nnotes; i++)
        ny += 1 + dtext_box(&dc, TS_NOTE, m->notes[i], x + PAD, ny, iw, 0, TW_WRAP);
    drect plot = {x + PAD, cy, iw, y + h - PAD - nh - (nh > 0 ? 6 : 0) - cy};
    if (m->kind == CHART_PANELS && !chart_is_empty(m))
        render_panels(&dc, plot);
    else
        render_plot(&dc, plot);
    dctx_close(&dc);
    cairo_restore(cr);
}

/* ---- files -------------------------------------------------------------- */

typedef struct {
    char *buf;
    size_t n, cap;
    bool failed;
} membuf;

static cairo_status_t to_membuf(void *closure, const unsigned char *data, unsigned int len)
{
    membuf *b = closure;
    if (b->n + len > b->cap) {
        size_t nc = b->cap ? b->cap : 65536;
        while (nc < b->n + len)
            nc *= 2;
        char *p = realloc(b->buf, nc);
        if (!p) {
            b->failed = true;
            return CAIRO_STATUS_NO_MEMORY;
        }
        b->buf = p;
        b->cap = nc;
    }
    memcpy(b->buf + b->n, data, len);
    b->n += len;
    return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t to_file(void *closure, const unsigned char *data, unsigned int len)
{
    return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static void xml_escaped(FILE *f, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        default: fputc(*s, f);
        }
    }
}

/* Writes cairo's SVG with <title> and <desc> after the opening <svg …> tag:
 * the texts as text, which cairo itself draws only as glyph outlines; and a
 * <metadata> element with the layout's counts (bars, hidden values, …). */
static void write_svg(FILE *f, const membuf *b, const chart_model *m, const chart_layout *l)
{
    const char *open = b->buf ? strstr(b->buf, "<svg") : NULL;
    const char *end = open ? memchr(open, '>', b->n - (size_t)(open - b->buf)) : NULL;
    size_t head = end ? (size_t)(end - b->buf) + 1 : 0;
    fwrite(b->buf, 1, head, f);
    if (end) {
        fputs("\n<title>", f);
        xml_escaped(f, chart_get_text(m, CT_TITLE));
        fputs("</title>\n<desc>", f);
        for (size_t i = 0; i < l->ntexts; i++) {
            bool seen = strcmp(l->texts[i], chart_get_text(m, CT_TITLE)) == 0;
            for (size_t j = 0; j < i && !seen; j++)
                seen = strcmp(l->texts[i], l->texts[j]) == 0;
            if (seen)
                continue;
            xml_escaped(f, l->texts[i]);
            fputc('\n', f);
        }
        fputs("</desc>", f);
        /* What was drawn, for programs: the same counts as chart_layout. */
        fprintf(f, "\n<metadata><ips:marks xmlns:ips=\"urn:ipsreport:chart-layout\" bars=\"%zu\" "
                   "off-target=\"%zu\" points=\"%zu\" hidden=\"%zu\" missing=\"%zu\" "
                   "refs=\"%zu\" legend=\"%zu\" no-data=\"%s\"/></metadata>",
                l->bars, l->off_target, l->points, l->hidden, l->missing, l->refs, l->legend,
                l->no_data ? "true" : "false");
    }
    fwrite(b->buf + head, 1, b->n - head, f);
}

static cairo_surface_t *make_surface(chart_format fmt, double w, double h, FILE *f, membuf *mb)
{
    switch (fmt) {
    case CHART_SVG:
        return cairo_svg_surface_create_for_stream(to_membuf, mb, w, h);
    case CHART_PDF:
        return cairo_pdf_surface_create_for_stream(to_file, f, w, h);
    default:
        return cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)ceil(w * CHART_PNG_SCALE),
                                          (int)ceil(h * CHART_PNG_SCALE));
    }
}

static cairo_status_t paint(cairo_surface_t *s, chart_format fmt, const chart_model *m, double w,
                            double h, chart_layout *l)
{
    if (fmt == CHART_PDF)
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, chart_get_text(m, CT_TITLE));
    cairo_t *cr = cairo_create(s);
    if (fmt == CHART_PNG)
        cairo_scale(cr, CHART_PNG_SCALE, CHART_PNG_SCALE);
    chart_draw(cr, m, 0, 0, w, h, l);
    cairo_status_t st = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_flush(s);
    return st;
}

ips_error chart_render_file(const chart_model *m, chart_format fmt, const char *path,
                            chart_layout *layout, ips_diag *d)
{
    double w = CHART_FILE_WIDTH, h = ceil(chart_height_for(m, w));
    chart_layout own;
    chart_layout_init(&own);
    chart_layout *l = layout ? layout : &own;
    outfile of;
    ips_error oe = outfile_open(&of, path, d);
    if (oe != IPS_OK)
        return oe;
    FILE *f = outfile_stream(&of);
    if (!f) {
        outfile_abort(&of);
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory drawing %s", path);
    }
    membuf mb = {0};
    cairo_surface_t *s = make_surface(fmt, w, h, f, &mb);
    cairo_status_t st = cairo_surface_status(s);
    if (st == CAIRO_STATUS_SUCCESS)
        st = paint(s, fmt, m, w, h, l);
    if (st == CAIRO_STATUS_SUCCESS && fmt == CHART_PNG)
        st = cairo_surface_write_to_png_stream(s, to_file, f);
    cairo_surface_finish(s);
    if (st == CAIRO_STATUS_SUCCESS)
        st = cairo_surface_status(s);
    cairo_surface_destroy(s);
    if (st == CAIRO_STATUS_SUCCESS && fmt == CHART_SVG)
        write_svg(f, &mb, m, l);
    free(mb.buf);
    bool write_failed = ferror(f) != 0;
    if (fclose(f) != 0)
        write_failed = true;
    chart_layout_clear(&own);
    if (st != CAIRO_STATUS_SUCCESS || write_failed || mb.failed) {
        outfile_abort(&of);
        if (st == CAIRO_STATUS_NO_MEMORY || mb.failed)
            return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory drawing %s", path);
        if (write_failed || st == CAIRO_STATUS_WRITE_ERROR)
            return ips_diag_set(d, IPS_ERR_IO, "%s: cannot write the chart (disk full?)", path);
        return ips_diag_set(d, IPS_ERR_CHART, "%s: cairo: %s", path, cairo_status_to_string(st));
    }
    return outfile_commit(&of, d);
}

void chart_draw_shutdown(void)
{
    /* No cairo_debug_reset_static_data(): it asserts when any cairo object
     * is still alive (Pango may keep a scaled font a moment longer), and
     * cairo's static caches are reachable, not leaked. */
    pango_cairo_font_map_set_default(NULL);
    /* No FcFini(): it asserts (FcCacheFini) when a font is still referenced,
     * which happened now and then after a PDF and always after the many
     * drawings of one `publish`.  Its caches are freed at exit; the tests'
     * leak check is told so (tests/lsan.supp). */
}
