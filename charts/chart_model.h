/* A chart described as data only: title, axis labels, categories, series of
 * points or bars, reference lines and bands, notes.  No cairo and no model/
 * includes: chart_build.c fills it from metric rows, draw*.c paints it, and
 * tests build one by hand.
 *
 *   chart_model *m = chart_new(CHART_BARS, "exits");
 *   chart_set_text(m, CT_TITLE, "Päättyneet asiakkuudet");
 *   chart_add_category(m, "Työllistyi");
 *   chart_series *s = chart_model_add_series(m, "Määrä");
 *   chart_add_value(m, s, 12);
 *   if (!chart_ok(m)) ...out of memory...
 *   chart_free(m);
 *
 * Builders never fail one by one: an allocation failure makes the model
 * "broken" (chart_ok() false) and later calls do nothing, so a builder checks
 * once at the end. */
#ifndef IPS_CHART_MODEL_H
#define IPS_CHART_MODEL_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    CHART_LINE,      /* categories along x (quarters), one line per series */
    CHART_BARS,      /* categories along x, bars side by side per series */
    CHART_HISTOGRAM, /* numeric bins [x, x2) along x, heights y */
    CHART_HBARS,     /* categories down y in groups, bars side by side per series */
    CHART_FUNNEL,    /* stages down y, one centred bar per stage */
    CHART_STEP,      /* numeric x, y as a step curve (Kaplan–Meier) */
    CHART_PANELS,    /* small multiples: the parts stacked vertically */
} chart_kind;

typedef enum {
    CP_VALUE,      /* drawn */
    CP_MISSING,    /* no value (no data, not rated): not drawn; label says why */
    CP_SUPPRESSED, /* hidden by small-cell suppression: not drawn; label says so */
} chart_point_state;

typedef struct {
    double x, x2;            /* numeric x: histogram bin [x, x2), step time x; categories: index */
    double y;                /* the value */
    double y2;               /* > y: upper end of a range (reviewer score 3–5); else = y */
    chart_point_state state;
    bool off_target;         /* misses the chart's target (CHART_HBARS): drawn hatched with an
                                outline, so it stands out in grey print too */
    char *label;             /* text by the mark or in place of a missing one; NULL = y formatted */
} chart_point;

typedef struct {
    char *name;              /* legend text */
    chart_point *pts;
    size_t n, cap;
} chart_series;

typedef enum {
    CHART_REF_Y,   /* horizontal line at value a (a target) */
    CHART_REF_X,   /* vertical line at x = a (the 30-day line; in CHART_HBARS a value,
                      the target the bars are read against) */
    CHART_BAND_Y,  /* band of values a..b (the IPS benchmark) */
} chart_ref_kind;

typedef struct {
    chart_ref_kind kind;
    double a, b;
    char *label;
} chart_ref;

/* A run of categories shown under one heading (fidelity sections). */
typedef struct {
    char *label;
    size_t first, count;
} chart_group;

typedef enum {
    CT_TITLE,
    CT_SUBTITLE,
    CT_X_LABEL,
    CT_Y_LABEL,
    CT_UNIT,        /* appended to printed values: "%", " pv" */
    CT_EMPTY,       /* shown instead of the plot when nothing can be drawn */
    CT_RANGE,       /* legend text for the paler upper part of a range bar */
    CT_READING1,    /* two-line reading for the PDF page; not drawn on the chart */
    CT_READING2,
    CT_TARGET_MET,  /* legend texts for bars within and beyond the target, shown when */
    CT_TARGET_MISSED, /* some point is off_target */
    CT__COUNT
} chart_text;

typedef struct chart_model chart_model;

struct chart_model {
    chart_kind kind;
    char *id;                    /* file stem, e.g. "employment_rate" */
    char *text[CT__COUNT];
    int decimals;                /* digits of printed values */
    char decimal_mark;           /* ',' (fi, sv) or '.' (en) */
    double y_min, y_max;         /* fixed value-axis range; NAN = from the data */
    double x_min, x_max;         /* fixed numeric x range (histogram, step); NAN = data */
    double x_step;               /* numeric x tick step (histogram bins); 0 = nice */
    bool whole_numbers;          /* the value axis counts: ticks are whole numbers */
    double aspect;               /* preferred height / width; 0 = default */
    bool label_points;           /* print each value by its mark */
    char **categories;
    size_t ncat, capcat;
    chart_series *series;
    size_t nseries, capseries;
    chart_ref *refs;
    size_t nrefs, caprefs;
    chart_group *groups;
    size_t ngroups, capgroups;
    char **notes;                /* footnotes: "Values under 5 are hidden (privacy)" */
    size_t nnotes, capnotes;
    chart_model **parts;         /* CHART_PANELS */
    size_t nparts, capparts;
    bool side_by_side;           /* CHART_PANELS: parts in one row (horizontal bars over the
                                    same categories line up), not stacked */
    bool broken;                 /* an allocation failed */
    bool dots;                   /* CHART_HBARS: each row's series as markers on one line,
                                    joined (a paired dot plot: baseline → latest) */
};

chart_model *chart_new(chart_kind kind, const char *id);
void chart_free(chart_model *m);
/* False when any earlier call ran out of memory. */
bool chart_ok(const chart_model *m);

void chart_set_text(chart_model *m, chart_text which, const char *text);
const char *chart_get_text(const chart_model *m, chart_text which); /* "" when unset */
void chart_add_category(chart_model *m, const char *label);
/* The new series (NULL when broken); valid until the next chart_model_add_series(). */
chart_series *chart_model_add_series(chart_model *m, const char *name);
/* Appends a point; the returned pointer is valid until the next append (NULL when broken). */
chart_point *chart_add_point(chart_model *m, chart_series *s, chart_point p);
/* Shorthands: a plain value at the next category index, and a hidden one. */
void chart_add_value(chart_model *m, chart_series *s, double y);
void chart_add_missing(chart_model *m, chart_series *s, chart_point_state state, const char *label);
void chart_set_point_label(chart_model *m, chart_point *p, const char *label);
void chart_add_ref(chart_model *m, chart_ref_kind kind, double a, double b, const char *label);
void chart_add_group(chart_model *m, const char *label, size_t first, size_t count);
void chart_add_note(chart_model *m, const char *note);
/* Takes ownership of part (also when it fails: then part is freed). */
void chart_add_part(chart_model *m, chart_model *part);

/* v rounded half up to decimals digits with the decimal mark (',' or '.'),
 * five digits and more grouped, a true minus sign, and unit appended:
 * (38.25, 1, ',', "\u00a0%") → "38,3 %". */
void chart_format_number(double v, int decimals, char decimal_mark, const char *unit, char *buf,
                         size_t n);

/* Points that will be drawn / that are hidden by suppression, over all series and parts. */
size_t chart_count_points(const chart_model *m, chart_point_state state);
/* True when nothing at all would be drawn (no drawable point in any series or part). */
bool chart_is_empty(const chart_model *m);
/* Drawn points marked off_target, over all series and parts. */
size_t chart_count_off_target(const chart_model *m);

#endif
