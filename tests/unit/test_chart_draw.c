/* The drawing layer on hand-made chart models with å ä ö labels: every kind
 * renders to PNG, SVG and PDF; the layout record, the SVG's own paths and
 * the PNG's pixels show the right number of marks; empty charts say "no data".
 * Set IPS_KEEP_CHARTS=DIR to keep the files for looking at. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "charts/draw_internal.h"

static char dir[256];

static int setup(void **state)
{
    (void)state;
    const char *keep = getenv("IPS_KEEP_CHARTS");
    if (keep && *keep) {
        snprintf(dir, sizeof dir, "%s", keep);
        mkdir(dir, 0755);
        return 0;
    }
    snprintf(dir, sizeof dir, "/tmp/ipscharttestXXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    if (!getenv("IPS_KEEP_CHARTS")) {
        char cmd[300];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        if (system(cmd) != 0)
            return -1;
    }
    chart_draw_shutdown();
    return 0;
}

static const char *path_for(const char *stem, chart_format f)
{
    static char buf[400];
    snprintf(buf, sizeof buf, "%s/%s.%s", dir, stem, chart_format_ext(f));
    return buf;
}

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)len + 1);
    assert_non_null(b);
    assert_int_equal(fread(b, 1, (size_t)len, f), (size_t)len);
    b[len] = '\0';
    fclose(f);
    if (n)
        *n = (size_t)len;
    return b;
}

static size_t count_regex(const char *text, const char *re)
{
    regex_t rx;
    assert_int_equal(regcomp(&rx, re, REG_EXTENDED), 0);
    size_t n = 0;
    regmatch_t mt;
    const char *p = text;
    while (regexec(&rx, p, 1, &mt, 0) == 0) {
        n++;
        p += mt.rm_eo;
    }
    regfree(&rx);
    return n;
}

/* Filled paths in the first series' colour (Okabe–Ito blue) in cairo's SVG. */
static size_t svg_blue_fills(const char *svg)
{
    return count_regex(svg, "fill[:=]\"?rgb\\(0%, ?44\\.7[0-9]*%, ?69\\.8[0-9]*%\\)");
}

typedef struct {
    int w, h;
    size_t ink;   /* pixels that are not white */
    size_t blue;  /* pixels close to the first series' colour */
} png_stats;

static png_stats png_read(const char *path)
{
    cairo_surface_t *s = cairo_image_surface_create_from_png(path);
    assert_int_equal(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
    png_stats st = {cairo_image_surface_get_width(s), cairo_image_surface_get_height(s), 0, 0};
    unsigned char *data = cairo_image_surface_get_data(s);
    int stride = cairo_image_surface_get_stride(s);
    for (int y = 0; y < st.h; y++)
        for (int x = 0; x < st.w; x++) {
            uint32_t px = *(uint32_t *)(data + y * stride + x * 4);
            int r = (px >> 16) & 255, g = (px >> 8) & 255, b = px & 255;
            if (r < 245 || g < 245 || b < 245)
                st.ink++;
            if (abs(r - 0) < 12 && abs(g - 114) < 12 && abs(b - 178) < 12)
                st.blue++;
        }
    cairo_surface_destroy(s);
    return st;
}

/* Renders m in all three formats; returns the SVG text and the PNG stats,
 * and leaves the layout of the SVG render in l. */
static char *render_all(const chart_model *m, chart_layout *l, png_stats *ps)
{
    ips_diag d;
    ips_diag_clear(&d);
    chart_layout png_l, pdf_l;
    chart_layout_init(&png_l);
    chart_layout_init(&pdf_l);
    assert_int_equal(chart_render_file(m, CHART_PNG, path_for(m->id, CHART_PNG), &png_l, &d), IPS_OK);
    assert_int_equal(chart_render_file(m, CHART_PDF, path_for(m->id, CHART_PDF), &pdf_l, &d), IPS_OK);
    assert_int_equal(chart_render_file(m, CHART_SVG, path_for(m->id, CHART_SVG), l, &d), IPS_OK);
    /* The same marks whatever the surface. */
    assert_int_equal(png_l.bars, l->bars);
    assert_int_equal(png_l.points, l->points);
    assert_int_equal(pdf_l.hidden, l->hidden);
    chart_layout_clear(&png_l);
    chart_layout_clear(&pdf_l);

    *ps = png_read(path_for(m->id, CHART_PNG));
    assert_int_equal(ps->w, (int)ceil(CHART_FILE_WIDTH * CHART_PNG_SCALE));
    assert_int_equal(ps->h, (int)ceil(ceil(chart_height_for(m, CHART_FILE_WIDTH)) * CHART_PNG_SCALE));
    assert_true(ps->ink > (size_t)(ps->w * ps->h) / 200); /* not blank */

    size_t n;
    char *pdf = slurp(path_for(m->id, CHART_PDF), &n);
    assert_true(n > 500);
    assert_memory_equal(pdf, "%PDF-", 5);
    free(pdf);

    /* Well-formed XML, also with "<5" and "&" in the texts cairo never sees. */
    char cmd[700];
    snprintf(cmd, sizeof cmd,
             "python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' '%s'",
             path_for(m->id, CHART_SVG));
    assert_int_equal(system(cmd), 0);
    char *svg = slurp(path_for(m->id, CHART_SVG), NULL);
    assert_non_null(strstr(svg, "<?xml"));
    assert_non_null(strstr(svg, "</svg>"));
    return svg;
}

static void svg_has_title(const char *svg, const char *title)
{
    char want[300];
    snprintf(want, sizeof want, "<title>%s</title>", title);
    if (!strstr(svg, want))
        fail_msg("SVG lacks %s", want);
}

static chart_model *line_model(void)
{
    chart_model *m = chart_new(CHART_LINE, "line");
    m->decimal_mark = ',';
    m->decimals = 1;
    m->y_min = 0;
    m->label_points = true;
    chart_set_text(m, CT_TITLE, "Työllisyysaste neljännesvuosittain");
    chart_set_text(m, CT_Y_LABEL, "Työllisiä, %");
    chart_set_text(m, CT_UNIT, "\u00a0%");
    chart_series *s = chart_model_add_series(m, "Työllisyysaste");
    const char *q[] = {"2022Q3", "2022Q4", "2023Q1", "2023Q2", "2023Q3",
                       "2023Q4", "2024Q1", "2024Q2", "2024Q3"};
    double v[] = {28.5, 31, 33.2, -1, 36, 35.1, 39.9, 34, 38.2};
    for (int i = 0; i < 9; i++) {
        chart_add_category(m, q[i]);
        if (v[i] < 0)
            chart_add_missing(m, s, CP_SUPPRESSED, "piilotettu");
        else
            chart_add_value(m, s, v[i]);
    }
    chart_add_ref(m, CHART_BAND_Y, 41, 50, "IPS-vertailutaso 41–50 %");
    chart_add_note(m, "Alle viiden henkilön lukuja ei näytetä (tietosuoja).");
    assert_true(chart_ok(m));
    return m;
}

static void line_renders_points_band_and_hidden_value(void **state)
{
    (void)state;
    chart_model *m = line_model();
    chart_layout l;
    chart_layout_init(&l);
    png_stats ps;
    char *svg = render_all(m, &l, &ps);
    assert_int_equal(l.points, 8);
    assert_int_equal(l.hidden, 1);
    assert_int_equal(l.refs, 1);
    assert_false(l.no_data);
    assert_true(chart_layout_has_text(&l, "Työllisyysaste neljännesvuosittain"));
    assert_true(chart_layout_has_text(&l, "Työllisiä, %"));
    assert_true(chart_layout_has_text(&l, "2024Q3"));
    assert_true(chart_layout_has_text(&l, "38,2\u00a0%"));
    assert_true(chart_layout_has_text(&l, "piilotettu"));
    assert_true(chart_layout_has_part(&l, "tietosuoja"));
    svg_has_title(svg, "Työllisyysaste neljännesvuosittain");
    assert_non_null(strstr(svg, "Työllisiä, %"));
    /* Eight markers in the series colour: the hidden quarter draws none. */
    assert_int_equal(svg_blue_fills(svg), 8);
    assert_true(ps.blue > 200);
    free(svg);
    chart_layout_clear(&l);
    chart_free(m);
}

static void bars_side_by_side_with_legend(void **state)
{
    (void)state;
    chart_model *m = chart_new(CHART_BARS, "bars");
    m->whole_numbers = true;
    chart_set_text(m, CT_TITLE, "Päättyneet asiakkuudet");
    chart_set_text(m, CT_X_LABEL, "Syy");
    const char *cats[] = {"Työllistyi", "Koulutukseen", "Eläkkeelle"};
    for (int i = 0; i < 3; i++)
        chart_add_category(m, cats[i]);
    chart_series *a = chart_model_add_series(m, "Tämä neljännes");
    chart_add_value(m, a, 12);
    chart_add_value(m, a, 7);
    chart_add_missing(m, a, CP_SUPPRESSED, "<5");
    chart_series *b = chart_model_add_series(m, "Edellinen neljännes");
    chart_add_value(m, b, 9);
    chart_add_value(m, b, 11);
    chart_add_value(m, b, 5);
    assert_true(chart_ok(m));
    chart_layout l;
    chart_layout_init(&l);
    png_stats ps;
    char *svg = render_all(m, &l, &ps);
    assert_int_equal(l.bars, 5);
    assert_int_equal(l.hidden, 1);
    assert_int_equal(l.legend, 2);
    assert_true(chart_layout_has_text(&l, "<5"));
    assert_true(chart_layout_has_text(&l, "Eläkkeelle"));
    /* Two bars of the first series and its legend swatch. */
    assert_int_equal(svg_blue_fills(svg), 3);
    free(svg);
    chart_layout_clear(&l);
    chart_free(m);
}

static chart_model *fidelity_model(void)
{
    chart_model *m = chart_new(CHART_HBARS, "hbars");
    m->y_min = 0;
    m->y_max = 5;
    chart_set_text(m, CT_TITLE, "Laatukriteerit: 89 pistettä (kohtalainen)");
    chart_set_text(m, CT_X_LABEL, "Pisteet 1–5");
    chart_set_text(m, CT_RANGE, "Arvioijan vaihteluväli");
    chart_add_group(m, "Palvelun henkilöstö", 0, 3);
    chart_add_group(m, "Palvelun järjestäminen", 3, 8);
    chart_add_group(m, "Palvelun sisältö", 11, 14);
    chart_series *rev = chart_model_add_series(m, "Arvioija");
    chart_series *dat = chart_model_add_series(m, "Tiedoista laskettu");
    for (int i = 1; i <= 25; i++) {
        char label[64];
        snprintf(label, sizeof label, "%d Kriteeri äö %d", i, i);
        chart_add_category(m, label);
        if (i == 5 || i == 9)
            chart_add_missing(m, rev, CP_MISSING, "ei sovellu");
        else {
            chart_point p = {.x = i - 1, .y = 1 + i % 5, .y2 = (i == 2 ? 5 : 1 + i % 5)};
            chart_add_point(m, rev, p);
        }
        if (i == 1 || i == 2 || i == 15 || i == 17)
            chart_add_value(m, dat, 1 + (i * 3) % 5);
        else
            chart_add_missing(m, dat, CP_MISSING, NULL);
    }
    assert_true(chart_ok(m));
    return m;
}

static void hbars_in_sections_with_ranges(void **state)
{
    (void)state;
    chart_model *m = fidelity_model();
    chart_layout l;
    chart_layout_init(&l);
    png_stats ps;
    char *svg = render_all(m, &l, &ps);
    assert_int_equal(l.bars, 23 + 4);
    assert_int_equal(l.missing, 2 + 21);
    assert_int_equal(l.legend, 3);
    assert_true(chart_layout_has_text(&l, "Palvelun järjestäminen"));
    assert_true(chart_layout_has_text(&l, "ei sovellu"));
    assert_true(chart_layout_has_text(&l, "25 Kriteeri äö 25"));
    svg_has_title(svg, "Laatukriteerit: 89 pistettä (kohtalainen)");
    /* 23 reviewer bars and their legend swatch, item 2's pale range and its swatch. */
    assert_int_equal(svg_blue_fills(svg), 23 + 1 + 1 + 1);
    free(svg);
    chart_layout_clear(&l);
    chart_free(m);
}

static void histogram_with_day_line(void **state)
{
    (void)state;
    chart_model *m = chart_new(CHART_HISTOGRAM, "histogram");
    m->x_min = 0;
    m->x_step = 15;
    m->whole_numbers = true;
    m->label_points = true;
    chart_set_text(m, CT_TITLE, "Päiviä ensimmäiseen työnantajakontaktiin");
    chart_set_text(m, CT_X_LABEL, "Päivää palvelun alusta");
    chart_set_text(m, CT_Y_LABEL, "Asiakkuuksia");
    chart_series *s = chart_model_add_series(m, "");
    int counts[] = {14, 9, 6, 0, 3, 5};
    for (int i = 0; i < 6; i++) {
        chart_point p = {.x = i * 15, .x2 = (i + 1) * 15, .y = counts[i],
                         .state = counts[i] > 0 && counts[i] < 5 ? CP_SUPPRESSED : CP_VALUE};
        chart_add_point(m, s, p);
    }
    chart_add_ref(m, CHART_REF_X, 30, 0, "30 päivää");
    assert_true(chart_ok(m));
    chart_layout l;
    chart_layout_init(&l);
    png_stats ps;
    char *svg = render_all(m, &l, &ps);
    assert_int_equal(l.bars, 5); /* the zero bin draws an empty bar */
    assert_int_equal(l.hidden, 1);
    assert_int_equal(l.refs, 1);
    assert_true(chart_layout_has_text(&l, "30 päivää"));
    assert_true(chart_layout_has_text(&l, "14"));
    assert_false(chart_layout_has_text(&l, "3"));
    free(svg);
    chart_layout_clear(&l);
    chart_free(m);
}

static void funnel_and_step(void **state)
{
    (void)state;
    chart_model *f = chart_new(CHART_FUNNEL, "funnel");
    chart_set_text(f, CT_TITLE, "Palvelupolku");
    const char *st[] = {"Ohjattu", "Aloittanut", "Ensimmäinen työnantajakontakti",
                        "Ensimmäinen työ", "Työ kestänyt 90 päivää"};
    chart_series *s = chart_model_add_series(f, "");
    double v[] = {120, 96, 70, 31, 3};
    for (int i = 0; i < 5; i++) {
        chart_add_category(f, st[i]);
        if (v[i] < 5)
            chart_add_missing(f, s, CP_SUPPRESSED, "<5");
        else
            chart_add_value(f, s, v[i]);
    }
    chart_layout l;
    chart_layout_init(&l);
    png_stats ps;
    char *svg = render_all(f, &l, &ps);
    assert_int_equal(l.bars, 4);
    assert_int_equal(l.hidden, 1);
    assert_true(chart_layout_has_text(&l, "Työ kestänyt 90 päivää"));
    assert_int_equal(svg_blue_fills(svg), 4);
    free(svg);
    chart_layout_clear(&l);
    chart_free(f);

    chart_model *k = chart_new(CHART_STEP, "step");
    k->y_min = 0;
    k->y_max = 100;
    k->x_min = 0;
    chart_set_text(k, CT_TITLE, "Aika ensimmäiseen työhön");
    chart_set_text(k, CT_X_LABEL, "Päivää aloituksesta");
    chart_series *c = chart_model_add_series(k, "Työllistyneet");
    double t[] = {0, 20, 45, 60, 120, 200, 300}, y[] = {0, 5, 12, 20, 33, 45, 51};
    for (int i = 0; i < 7; i++)
        chart_add_point(k, c, (chart_point){.x = t[i], .y = y[i], .label = i == 6 ? "51 %" : NULL});
    chart_layout_init(&l);
    svg = render_all(k, &l, &ps);
    assert_int_equal(l.points, 7);
    assert_true(chart_layout_has_text(&l, "51 %"));
    free(svg);
    chart_layout_clear(&l);
    chart_free(k);
}

static void panels_stack_their_parts(void **state)
{
    (void)state;
    chart_model *m = chart_new(CHART_PANELS, "panels");
    chart_set_text(m, CT_TITLE, "Valmentajien työmäärä tavoitteisiin nähden");
    for (int p = 0; p < 2; p++) {
        chart_model *part = chart_new(CHART_LINE, "part");
        part->decimal_mark = ',';
        part->decimals = p;
        chart_set_text(part, CT_TITLE, p ? "Työnantajakontakteja viikossa" : "Asiakkaita / htv");
        chart_series *s = chart_model_add_series(part, "");
        for (int i = 0; i < 9; i++) {
            char q[8];
            snprintf(q, sizeof q, "Q%d", (i + 1) % 10);
            chart_add_category(part, q);
            chart_add_value(part, s, p ? 4 + i * 0.3 : 18 + i);
        }
        chart_add_ref(part, CHART_REF_Y, p ? 6 : 20, 0, p ? "tavoite vähintään 6" : "tavoite enintään 20");
        chart_add_part(m, part);
    }
    assert_true(chart_ok(m));
    chart_layout l;
    chart_layout_init(&l);
    png_stats ps;
    char *svg = render_all(m, &l, &ps);
    assert_int_equal(l.points, 18);
    assert_int_equal(l.refs, 2);
    assert_true(chart_layout_has_text(&l, "tavoite vähintään 6"));
    assert_true(chart_layout_has_text(&l, "Asiakkaita / htv"));
    free(svg);
    chart_layout_clear(&l);
    chart_free(m);
}

/* Every kind, with no data at all, draws the message and nothing else. */
static void empty_charts_say_no_data(void **state)
{
    (void)state;
    static const chart_kind kinds[] = {CHART_LINE, CHART_BARS, CHART_HISTOGRAM, CHART_HBARS,
                                       CHART_FUNNEL, CHART_STEP, CHART_PANELS};
    static const char *const msgs[] = {"Ei tietoja tältä jaksolta", "Inga uppgifter", "No data"};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        char id[32];
        snprintf(id, sizeof id, "empty%zu", i);
        chart_model *m = chart_new(kinds[i], id);
        chart_set_text(m, CT_TITLE, "Tyhjä kaavio");
        chart_set_text(m, CT_EMPTY, msgs[i % 3]);
        chart_add_category(m, "Ääriarvo");
        chart_series *s = chart_model_add_series(m, "Sarja");
        chart_add_missing(m, s, CP_MISSING, NULL);
        assert_true(chart_is_empty(m));
        chart_layout l;
        chart_layout_init(&l);
        png_stats ps;
        char *svg = render_all(m, &l, &ps);
        assert_true(l.no_data);
        assert_true(chart_layout_has_text(&l, msgs[i % 3]));
        assert_int_equal(l.bars + l.points, 0);
        assert_int_equal(svg_blue_fills(svg), 0);
        free(svg);
        chart_layout_clear(&l);
        chart_free(m);
    }
}

static void numbers_format_per_language(void **state)
{
    (void)state;
    chart_model *fi = chart_new(CHART_LINE, "x"), *en = chart_new(CHART_LINE, "x");
    fi->decimal_mark = ',';
    char buf[64];
    fmt_value(fi, 38.25, 1, "\u00a0%", buf, sizeof buf);
    assert_string_equal(buf, "38,3\u00a0%");
    fmt_value(fi, 12345, 0, "", buf, sizeof buf);
    assert_string_equal(buf, "12\u00a0345");
    fmt_value(en, 12345.5, 1, "%", buf, sizeof buf);
    assert_string_equal(buf, "12,345.5%");
    fmt_value(en, -0.01, 1, "", buf, sizeof buf);
    assert_string_equal(buf, "0.0");
    fmt_value(en, -2, 0, "", buf, sizeof buf);
    assert_string_equal(buf, "\u22122");
    chart_free(fi);
    chart_free(en);
}

static void nice_ticks(void **state)
{
    (void)state;
    axis_scale a;
    axis_nice(0, 43.7, 5, false, &a);
    assert_true(a.lo == 0 && a.hi == 50 && a.step == 10);
    axis_nice(0, 5, 5, false, &a);
    assert_true(a.step == 1 && a.hi == 5);
    axis_nice(0, 0.9, 5, false, &a);
    assert_true(fabs(a.step - 0.2) < 1e-12 && a.decimals == 1);
    axis_nice(0, 0, 5, false, &a);
    assert_true(a.hi > a.lo);
    axis_nice(0, 230, 6, false, &a);
    assert_true(a.step == 50 && a.hi == 250);
    axis_nice(0, 3, 5, true, &a);
    assert_true(a.step == 1 && a.decimals == 0);
    axis_nice(0, 14, 5, true, &a);
    assert_true(a.step == 2);
}

static void unwritable_path_is_an_io_error(void **state)
{
    (void)state;
    chart_model *m = line_model();
    ips_diag d;
    ips_diag_clear(&d);
    assert_int_equal(chart_render_file(m, CHART_PNG, "/nonexistent-dir/x.png", NULL, &d), IPS_ERR_IO);
    assert_non_null(strstr(d.msg, "/nonexistent-dir/x.png"));
    chart_free(m);
}

int main(void)
{
    setenv("TZ", "UTC", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(line_renders_points_band_and_hidden_value),
        cmocka_unit_test(bars_side_by_side_with_legend),
        cmocka_unit_test(hbars_in_sections_with_ranges),
        cmocka_unit_test(histogram_with_day_line),
        cmocka_unit_test(funnel_and_step),
        cmocka_unit_test(panels_stack_their_parts),
        cmocka_unit_test(empty_charts_say_no_data),
        cmocka_unit_test(numbers_format_per_language),
        cmocka_unit_test(nice_ticks),
        cmocka_unit_test(unwritable_path_is_an_io_error),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
