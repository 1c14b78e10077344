/* The PDF summary's extra pages (charts/pdf_extra.h): one page per provider
 * or team with its headline figures and fees, the funder's (ESF+) page, and
 * the definitions and data-quality caveats page.  Texts come from the one
 * catalogue of reports/labels.h and reports/definitions.h (chart_lang and
 * report_lang list fi, sv, en in the same order). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "charts/chart_build_internal.h"
#include "charts/chart_labels.h"
#include "charts/pdf_extra.h"
#include "model/funder.h"
#include "reports/definitions.h"
#include "reports/labels.h"

#define A4_W 595.276
#define A4_H 841.890
#define MARGIN 48.0
#define ROW_H 16.0
#define COL_VALUE (MARGIN + 370)

typedef struct {
    cairo_t *cr;
    dctx *dc;
    const chart_data *cd;
    chart_lang lang;
    double y;
    int line;
} page;

static report_lang rlang(chart_lang l)
{
    return (report_lang)l;
}

static const char *lbl(const page *p, label_id id)
{
    return label(id, rlang(p->lang));
}

static void rule(page *p, double y)
{
    cairo_save(p->cr);
    dset(p->dc, AXIS);
    cairo_set_line_width(p->cr, 0.8);
    cairo_move_to(p->cr, MARGIN, y);
    cairo_line_to(p->cr, A4_W - MARGIN, y);
    cairo_stroke(p->cr);
    cairo_restore(p->cr);
}

static void title(page *p, const char *text, const char *sub)
{
    double w = A4_W - 2 * MARGIN;
    p->y = MARGIN;
    p->y += dtext_box(p->dc, TS_TITLE, text, MARGIN, p->y, w, 0, TW_WRAP) + 4;
    if (sub)
        p->y += dtext_box(p->dc, TS_LEAD, sub, MARGIN, p->y, w, 0, TW_WRAP) + 4;
    p->y += 10;
}

static void section(page *p, const char *text)
{
    p->y += 8;
    p->y += dtext_box(p->dc, TS_HEADING, text, MARGIN, p->y, A4_W - 2 * MARGIN, 0, TW_WRAP) + 2;
    rule(p, p->y);
    p->y += 4;
    p->line = 0;
}

/* A table line: label, value, and an optional third column; shaded every
 * other line (also readable in greyscale). */
static void row(page *p, const char *label_text, const char *value, const char *extra)
{
    if (p->line++ % 2 == 0) {
        dset(p->dc, (rgb){0.955, 0.96, 0.97});
        cairo_rectangle(p->cr, MARGIN, p->y - 2, A4_W - 2 * MARGIN, ROW_H);
        cairo_fill(p->cr);
    }
    dtext_box(p->dc, TS_BODY, label_text, MARGIN + 6, p->y, COL_VALUE - MARGIN - 96, 0,
              TW_ELLIPSIS);
    dtext_box(p->dc, TS_LEAD_BOLD, value, COL_VALUE - 100, p->y, 100, 1, TW_LINE);
    if (extra)
        dtext_box(p->dc, TS_BODY, extra, COL_VALUE + 6, p->y, A4_W - MARGIN - COL_VALUE - 12, 1,
                  TW_LINE);
    p->y += ROW_H;
}

/* A row's value as published: the hidden mark, blank as "–", else the number. */
static void value_text(const page *p, const metric_row *r, int decimals, bool percent,
                       char *buf, size_t n)
{
    if (r && r->suppressed)
        snprintf(buf, n, "%s", r->text[0] ? r->text : "–");
    else if (!r || !(r->has & MH_VALUE) || isnan(r->value))
        snprintf(buf, n, "–");
    else
        chart_lang_number(p->lang, r->value, decimals, percent ? chart_lang_percent(p->lang) : NULL,
                          buf, n);
}

/* "12 / 30" for a share's numerator and denominator, when shown. */
static void ratio_text(const page *p, const metric_row *r, char *buf, size_t n)
{
    buf[0] = '\0';
    if (r && !r->suppressed && (r->has & MH_NUMERATOR) && (r->has & MH_DENOMINATOR)) {
        char a[24], b[24];
        chart_lang_number(p->lang, r->numerator, 0, NULL, a, sizeof a);
        chart_lang_number(p->lang, r->denominator, 0, NULL, b, sizeof b);
        snprintf(buf, n, "%s / %s", a, b);
    }
}

/* decimals < 0: the row's own.  whole (may be NULL): the rows whose
 * whole-service figure is shown beside, "nationally 33.1 %" on a county's
 * page, instead of the share's parts. */
static void metric_line_w(page *p, const metric_set *s, const char *metric, const char *by,
                          const char *group, const char *label_text, int decimals,
                          const metric_set *whole)
{
    const metric_row *r = s ? metric_set_find(s, metric, by, group) : NULL;
    const metric_def *def = definition_find(metric);
    bool percent = def ? def->unit == UNIT_PERCENT : r && r->kind == MK_SHARE;
    char v[48], x[96] = "";
    int dec = decimals >= 0 ? decimals : r ? r->decimals : 0;
    value_text(p, r, dec, percent, v, sizeof v);
    if (whole) {
        char w[48];
        value_text(p, metric_set_find(whole, metric, "", ""), dec, percent, w, sizeof w);
        snprintf(x, sizeof x, "%s %s", lbl(p, L_PDF_NATION), w);
    } else if (r && r->kind == MK_SHARE) {
        ratio_text(p, r, x, sizeof x);
    }
    row(p, label_text ? label_text : definition_name(metric, rlang(p->lang)), v, x);
}

static void metric_line_d(page *p, const metric_set *s, const char *metric, const char *by,
                          const char *group, const char *label_text, int decimals)
{
    metric_line_w(p, s, metric, by, group, label_text, decimals, NULL);
}

static void metric_line(page *p, const metric_set *s, const char *metric, const char *by,
                        const char *group, const char *label_text)
{
    metric_line_d(p, s, metric, by, group, label_text, -1);
}

/* Whether a provider's amount of fee (a fee_*_eur id) is hidden: then the
 * whole's amount is not shown either, since with prices of their own the
 * whole's euros less the shown providers' would give a hidden count away. */
static bool provider_hidden(const pdf_extra *x, const char *fee)
{
    for (size_t i = 0; x->eur && i < x->eur->n; i++) {
        const metric_row *r = &x->eur->rows[i];
        if (strcmp(r->group_by, "provider") == 0 && r->suppressed &&
            (strcmp(r->metric, fee) == 0 || strcmp(fee, "fee_total_eur") == 0))
            return true;
    }
    return false;
}

/* The fees as counts (from rows) and, with a tariff, euros (fee_*_eur rows
 * of x->eur for the same breakdown and group). */
static void fee_lines(page *p, const pdf_extra *x, const metric_set *counts, const char *by,
                      const char *group, bool note)
{
    static const char *const fees[] = {"fee_start", "fee_guidance", "fee_outcome"};
    static const char *const eur[] = {"fee_start_eur", "fee_guidance_eur", "fee_outcome_eur",
                                      "fee_total_eur"};
    section(p, lbl(p, L_PDF_FEES_EUR));
    for (int k = 0; k < 4; k++) {
        char c[48] = "", e[48] = "";
        if (k < 3)
            value_text(p, counts ? metric_set_find(counts, fees[k], by, group) : NULL, 0, false,
                       c, sizeof c);
        const metric_row *er = x->eur ? metric_set_find(x->eur, eur[k], by, group) : NULL;
        if (er && !*by && provider_hidden(x, eur[k]))
            snprintf(e, sizeof e, "–");
        else if (er)
            value_text(p, er, 2, false, e, sizeof e);
        if (er && *e && strcmp(e, "–") != 0 && !er->suppressed)
            strncat(e, " €", sizeof e - strlen(e) - 1);
        row(p, k < 3 ? definition_name(fees[k], rlang(p->lang)) : lbl(p, L_TOTAL), c,
            x->eur ? e : NULL);
    }
    if (!x->eur && note)
        p->y += 2 + dtext_box(p->dc, TS_NOTE, lbl(p, L_NO_TARIFF), MARGIN, p->y + 2,
                              A4_W - 2 * MARGIN, 0, TW_WRAP);
}

/* The title page's key figures, with its decimals. */
static const struct {
    const char *metric;
    int decimals;
} headline[] = {
    {"caseload_active", 0},
    {"enrollments_started", 0},
    {"exits", 0},
    {"employment_rate", 1},
    {"employment_at_exit", 1},
    {"time_to_first_job_median_days", 0},
    {"employed_within_180_days", 1},
    {"first_employer_contact_mean_days", 0},
    {"caseload_per_fte", 1},
    {"employer_contacts_per_week", 1},
};
#define N_HEADLINE (sizeof headline / sizeof headline[0])

void pdf_page_group(cairo_t *cr, dctx *dc, const chart_data *cd, const pdf_extra *x,
                    chart_lang lang, size_t i)
{
    page p = {.cr = cr, .dc = dc, .cd = cd, .lang = lang};
    const char *by = metric_group_name(x->per_by);
    const char *group = x->groups[i];
    char head[256], period[48];
    snprintf(head, sizeof head, "%s: %s",
             lbl(&p, x->per_by == GROUP_TEAM     ? L_SHEET_TEAM
                     : x->per_by == GROUP_COUNTY ? L_SHEET_COUNTY
                                                 : L_SHEET_PROVIDER),
             *group ? group : lbl(&p, L_UNKNOWN_GROUP));
    cb_period_label(cd, lang, period, sizeof period);
    title(&p, head, period);
    section(&p, chart_label(lang, CL_PDF_KEY_FIGURES));
    /* a county's page: the nation's figure beside each of the county's */
    const metric_set *nation = x->per_by == GROUP_COUNTY ? cd->period : NULL;
    for (size_t k = 0; k < N_HEADLINE; k++)
        metric_line_w(&p, x->per, headline[k].metric, by, group,
                      chart_metric_title(lang, headline[k].metric), headline[k].decimals, nation);
    /* euros are priced per provider: a team's page has the counts only */
    pdf_extra view = *x;
    if (x->per_by != GROUP_PROVIDER)
        view.eur = NULL;
    fee_lines(&p, &view, x->per, by, group, !x->eur);
}

/* Funder rows of a breakdown, one line per group in name order. */
static void group_lines(page *p, const pdf_extra *x, const char *by, code_domain dom)
{
    for (int pass = 0; pass < 2 && x->funder; pass++)
        for (size_t i = 0; i < x->funder->n; i++) {
            const metric_row *r = &x->funder->rows[i];
            if (strcmp(r->metric, FUNDER_PARTICIPANTS) != 0 || strcmp(r->group_by, by) != 0)
                continue;
            /* the unknown group last, as in the workbook's order of names */
            if ((pass == 0) != (r->group[0] != '\0'))
                continue;
            const char *t = r->group[0] ? label_code(dom, r->group, rlang(p->lang)) : NULL;
            char name[160];
            snprintf(name, sizeof name, "  %s", t ? t : r->group[0] ? r->group
                                                                      : lbl(p, L_UNKNOWN_GROUP));
            metric_line(p, x->funder, FUNDER_PARTICIPANTS, by, r->group, name);
        }
}

void pdf_page_funder(cairo_t *cr, dctx *dc, const chart_data *cd, const pdf_extra *x,
                     chart_lang lang)
{
    page p = {.cr = cr, .dc = dc, .cd = cd, .lang = lang};
    char from[24], to[24], sub[256];
    chart_date_label(lang, x->funder_start, from, sizeof from);
    chart_date_label(lang, x->funder_end, to, sizeof to);
    snprintf(sub, sizeof sub, "%s: %s\xE2\x80\x93%s", lbl(&p, L_FUNDER_SINCE_START), from, to);
    title(&p, lbl(&p, L_SHEET_FUNDER), sub);
    section(&p, lbl(&p, L_TITLE_FUNDER_PARTICIPANTS));
    metric_line(&p, x->funder, FUNDER_PARTICIPANTS, "", "", lbl(&p, L_ALL));
    const char *gender = label_code(CODE_GROUP_BY, "gender", rlang(lang));
    row(&p, gender ? gender : "gender", "", NULL);
    group_lines(&p, x, "gender", CODE_GENDER);
    row(&p, lbl(&p, L_FUNDER_AGE_AT_ENTRY), "", NULL);
    for (int k = 0; k < FUNDER_AGE_GROUPS; k++) {
        char name[160];
        snprintf(name, sizeof name, "  %s",
                 funder_age_text(funder_age_groups[k], lbl(&p, L_UNKNOWN_GROUP)));
        if (x->funder && metric_set_find(x->funder, FUNDER_PARTICIPANTS, "age_group",
                                         funder_age_groups[k]))
            metric_line(&p, x->funder, FUNDER_PARTICIPANTS, "age_group", funder_age_groups[k],
                        name);
    }
    row(&p, lbl(&p, L_FUNDER_STATUS_AT_ENTRY), "", NULL);
    group_lines(&p, x, "segment", CODE_SEGMENT);
    section(&p, lbl(&p, L_TITLE_FUNDER_RESULTS));
    metric_line(&p, x->funder, FUNDER_ON_LEAVING, "", "", NULL);
    metric_line(&p, x->funder, FUNDER_SIX_MONTHS, "", "", NULL);
    metric_line(&p, x->funder, FUNDER_NOT_YET_KNOWN, "", "", NULL);
    fee_lines(&p, x, cd->period, "", "", true);
}

static void caveat(page *p, label_id id, long long n)
{
    char buf[512];
    label_subst(lbl(p, id), (long)n, buf, sizeof buf);
    p->y += 3 + dtext_box(p->dc, TS_BODY, buf, MARGIN + 10, p->y, A4_W - 2 * MARGIN - 10, 0,
                          TW_WRAP);
}

/* A definition: its name in bold, its text below; false when it would not fit. */
static bool definition(page *p, const metric_def *def)
{
    double w = A4_W - 2 * MARGIN;
    if (!def || p->y > A4_H - MARGIN - 70)
        return false;
    report_lang l = rlang(p->lang);
    p->y += dtext_box(p->dc, TS_HEADING, definition_title(def, l), MARGIN, p->y, w, 0, TW_WRAP);
    p->y += 6 + dtext_box(p->dc, TS_NOTE, definition_text(def, l), MARGIN, p->y + 1, w, 0, TW_WRAP);
    return true;
}

void pdf_page_definitions(cairo_t *cr, dctx *dc, const chart_data *cd, const pdf_extra *x,
                          chart_lang lang)
{
    page p = {.cr = cr, .dc = dc, .cd = cd, .lang = lang};
    title(&p, lbl(&p, L_PDF_DEFS_TITLE), NULL);
    section(&p, lbl(&p, L_PDF_CAVEATS));
    caveat(&p, L_CAVEAT_REJECTED, x->caveats.rows_rejected);
    caveat(&p, L_CAVEAT_NO_GENDER, x->caveats.clients_no_gender);
    caveat(&p, L_CAVEAT_NO_BIRTH_YEAR, x->caveats.clients_no_birth_year);
    caveat(&p, L_CAVEAT_NO_FTE, x->caveats.coaches_no_fte);
    if (!cd->internal)
        caveat(&p, L_CAVEAT_HIDDEN, (long long)x->hidden);
    else
        p.y += 3 + dtext_box(dc, TS_BODY, chart_label(lang, CL_INTERNAL_NOTE), MARGIN + 10, p.y,
                             A4_W - 2 * MARGIN - 10, 0, TW_WRAP);
    section(&p, lbl(&p, L_PDF_DEFINITIONS));
    bool fits = true;
    for (size_t k = 0; k < N_HEADLINE && fits; k++)
        fits = definition(&p, definition_find(headline[k].metric));
    static const char *const funder_ids[] = {FUNDER_PARTICIPANTS, FUNDER_ON_LEAVING,
                                             FUNDER_SIX_MONTHS, "fee_outcome"};
    for (size_t k = 0; k < sizeof funder_ids / sizeof funder_ids[0] && fits; k++)
        fits = definition(&p, definition_find(funder_ids[k]));
    dtext_box(dc, TS_NOTE, lbl(&p, L_PDF_DEFS_MORE), MARGIN, A4_H - MARGIN - 18,
              A4_W - 2 * MARGIN, 0, TW_LINE);
}
