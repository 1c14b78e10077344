/* Charts built from chart_inputs (distributions, the Kaplan–Meier curve, the
 * merged fidelity review), with their readings taken from metric rows so the
 * PDF's sentences agree with the workbook's numbers. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charts/chart_build_internal.h"

#define MAX_BINS 12

/* ---- days to the first employer contact -------------------------------- */

/* The published bins of item 15's days (model/engine_fidelity.c: 15 days
 * each, the last 181 and more), suppressed by the one pattern: a hidden
 * bin is drawn as no bar, with the label "<5" or "–" the tables print. */
#define BIN_DAYS 15

static size_t contact_bins(chart_model *m, chart_series *s, const chart_data *cd,
                           chart_lang lang)
{
    size_t nb = 0;
    const metric_row *last = NULL;
    bool any = false; /* no episode measured: no bars, the chart says "no data" */
    for (size_t i = 0; cd->period && i < cd->period->n; i++) {
        const metric_row *r = &cd->period->rows[i];
        any |= strcmp(r->metric, "first_employer_contact_days") == 0 &&
               (r->suppressed || r->value > 0);
    }
    for (size_t i = 0; any && i < cd->period->n; i++) {
        const metric_row *r = &cd->period->rows[i];
        if (strcmp(r->metric, "first_employer_contact_days") != 0)
            continue;
        char text[32] = "";
        if (r->suppressed)
            cb_row_text(cd, r, lang, 0, NULL, text, sizeof text);
        chart_point p = {.x = (double)nb * BIN_DAYS, .x2 = (double)(nb + 1) * BIN_DAYS,
                         .y = r->suppressed ? 0 : r->value,
                         .state = r->suppressed ? CP_SUPPRESSED : CP_VALUE,
                         .label = r->suppressed ? text : NULL};
        chart_add_point(m, s, p);
        nb++;
        last = r;
    }
    m->x_step = BIN_DAYS;
    if (last && last->group[strlen(last->group) - 1] == '-') {
        char from[16], note[200];
        snprintf(from, sizeof from, "%d", (int)(nb - 1) * BIN_DAYS + 1);
        snprintf(note, sizeof note, chart_label(lang, CL_FEC_LAST_BIN), from);
        chart_add_note(m, note);
    }
    return nb;
}

chart_model *build_first_contact(const chart_data *cd, chart_lang lang)
{
    chart_model *m = cb_new(cd, CHART_HISTOGRAM, CH_FIRST_CONTACT, lang);
    if (!m)
        return NULL;
    chart_set_text(m, CT_TITLE, chart_label(lang, CL_FEC_TITLE));
    chart_set_text(m, CT_SUBTITLE, chart_label(lang, CL_FEC_SUBTITLE));
    chart_set_text(m, CT_X_LABEL, chart_label(lang, CL_FEC_X));
    chart_set_text(m, CT_Y_LABEL, chart_label(lang, CL_EPISODES));
    m->whole_numbers = true;
    m->label_points = true;
    m->x_min = 0;
    m->y_min = 0;
    chart_add_ref(m, CHART_REF_X, 30, 0, chart_label(lang, CL_FEC_30));
    chart_series *s = chart_model_add_series(m, chart_label(lang, CL_EPISODES));
    if (contact_bins(m, s, cd, lang) == 0)
        chart_add_note(m, chart_label(lang, CL_PENDING_NOTE));
    const metric_row *pending = cb_row(cd->period, "first_employer_contact_pending");
    if (pending && (pending->suppressed || pending->value > 0)) {
        char c[32], note[200];
        cb_row_text(cd, pending, lang, 0, NULL, c, sizeof c);
        snprintf(note, sizeof note, chart_label(lang, CL_FEC_PENDING), c);
        chart_add_note(m, note);
    }
    const metric_row *mean = cb_row(cd->period, "first_employer_contact_mean_days");
    const metric_row *w30 = cb_row(cd->period, "first_employer_contact_within_30");
    char a[32], b[32], c[32];
    cb_row_text(cd, mean, lang, 0, NULL, a, sizeof a);
    if (mean && (mean->has & MH_DENOMINATOR))
        cb_count_text(cd, lang, (long)mean->denominator, b, sizeof b);
    else
        snprintf(b, sizeof b, "–");
    cb_row_text(cd, w30, lang, 1, chart_lang_percent(lang), c, sizeof c);
    cb_textf(m, CT_READING1, chart_label(lang, CL_FEC_READ1), a, b);
    cb_textf(m, CT_READING2, chart_label(lang, CL_FEC_READ2), c);
    return m;
}

/* ---- service path ------------------------------------------------------- */

chart_model *build_service_path(const chart_data *cd, chart_lang lang)
{
    /* The bars are the workbook's service-path steps (one text in the catalogue). */
    static const char *const stages[PATH__COUNT] = {"started", "employer_contact", "first_job",
                                                     "job_90_days"};
    chart_model *m = cb_new(cd, CHART_FUNNEL, CH_SERVICE_PATH, lang);
    if (!m)
        return NULL;
    chart_set_text(m, CT_TITLE, chart_label(lang, CL_PATH_TITLE));
    chart_set_text(m, CT_SUBTITLE, chart_label(lang, CL_PATH_SUBTITLE));
    const chart_service_path *p = &cd->in.path;
    chart_series *s = chart_model_add_series(m, "");
    long total = 0;
    for (int i = 0; i < PATH__COUNT; i++) {
        chart_add_category(m, chart_code_label(lang, CODE_PATH_STEP, stages[i]));
        total += p->known ? p->count[i] + p->hidden[i] : 0;
    }
    if (!p->known)
        chart_add_note(m, chart_label(lang, CL_PENDING_NOTE));
    if (!p->known || total == 0)
        return m; /* no points: the "no data" picture */
    /* The steps are the whole service's service_path rows, hidden by the
     * one pattern (the first is enrollments_started's number, so hidden
     * with it); a step the pattern hides has no bar and the tables' mark. */
    bool hide[PATH__COUNT];
    char txt[PATH__COUNT][32];
    for (int i = 0; i < PATH__COUNT; i++) {
        hide[i] = p->hidden[i] || cb_hide_count(cd, p->count[i]);
        cb_count_text(cd, lang, p->count[i], txt[i], sizeof txt[i]);
        if (p->hidden[i])
            snprintf(txt[i], sizeof txt[i], "%s", p->mark[i]);
    }
    long base = p->count[PATH_STARTED];
    bool base_shown = base > 0 && !hide[PATH_STARTED];
    for (int i = 0; i < PATH__COUNT; i++) {
        if (hide[i]) {
            chart_add_missing(m, s, CP_SUPPRESSED, txt[i]);
            continue;
        }
        char label[64], share[32];
        if (base_shown) {
            /* One decimal, as the workbook's and the PDF's shares. */
            chart_lang_number(lang, 100.0 * (double)p->count[i] / (double)base, 1,
                              chart_lang_percent(lang), share, sizeof share);
            snprintf(label, sizeof label, "%s (%s)", txt[i], share);
        } else {
            snprintf(label, sizeof label, "%s", txt[i]);
        }
        chart_point pt = {.x = i, .y = (double)p->count[i], .label = label};
        chart_add_point(m, s, pt);
    }
    if (base_shown)
        chart_add_note(m, chart_label(lang, CL_PATH_NOTE));
    if (p->pending_90 > 0 || p->pending_hidden) {
        char c[32], note[300];
        cb_count_text(cd, lang, p->pending_90, c, sizeof c);
        if (p->pending_hidden)
            snprintf(c, sizeof c, "%s", p->pending_mark);
        snprintf(note, sizeof note, chart_label(lang, CL_PATH_PENDING), c);
        chart_add_note(m, note);
    }
    cb_textf(m, CT_READING1, chart_label(lang, CL_PATH_READ1), txt[PATH_STARTED],
             txt[PATH_FIRST_CONTACT], txt[PATH_FIRST_JOB]);
    char share[32] = "\xE2\x80\x93";
    if (base_shown && !hide[PATH_JOB_90])
        chart_lang_number(lang, 100.0 * (double)p->count[PATH_JOB_90] / (double)base, 1,
                          chart_lang_percent(lang), share, sizeof share);
    cb_textf(m, CT_READING2, chart_label(lang, CL_PATH_READ2), txt[PATH_JOB_90], share);
    return m;
}

/* ---- time to first job -------------------------------------------------- */

/* The digits the tables print for a metric (R17), for chart labels that
 * show the same quantity from the curve itself. */
static int row_decimals(const chart_data *cd, const char *metric, int fallback)
{
    const metric_row *r = cb_row(cd->period, metric);
    return r && r->decimals >= 0 ? r->decimals : fallback;
}

static void km_points(const chart_data *cd, chart_model *m, chart_series *s,
                      const chart_km_curve *km, chart_lang lang)
{
    int day_digits = row_decimals(cd, "time_to_first_job_median_days", 0);
    int pct_digits = row_decimals(cd, "employed_within_180_days", 1);
    if (km->t[0] > 0)
        chart_add_point(m, s, (chart_point){.x = 0, .y = 0});
    size_t median = km->n;
    for (size_t i = 0; i < km->n; i++)
        if (median == km->n && km->s[i] <= 0.5)
            median = i;
    for (size_t i = 0; i < km->n; i++) {
        char label[48] = "";
        if (i == median)
            chart_lang_number(lang, km->t[i], day_digits, chart_label(lang, CL_DAYS_UNIT), label,
                              sizeof label);
        else if (i == km->n - 1)
            chart_lang_number(lang, (1 - km->s[i]) * 100, pct_digits, chart_lang_percent(lang),
                              label, sizeof label);
        chart_point p = {.x = km->t[i], .y = (1 - km->s[i]) * 100, .label = label[0] ? label : NULL};
        chart_add_point(m, s, p);
    }
}

chart_model *build_time_to_job(const chart_data *cd, chart_lang lang)
{
    chart_model *m = cb_new(cd, CHART_STEP, CH_TIME_TO_JOB, lang);
    if (!m)
        return NULL;
    const chart_km_curve *km = &cd->in.km;
    char cohort[32] = "–";
    if (!km->hidden)
        cb_count_text(cd, lang, (long)km->cohort, cohort, sizeof cohort);
    chart_set_text(m, CT_TITLE, chart_label(lang, CL_KM_TITLE));
    cb_textf(m, CT_SUBTITLE, chart_label(lang, CL_KM_SUBTITLE), cohort);
    chart_set_text(m, CT_X_LABEL, chart_label(lang, CL_KM_X));
    chart_set_text(m, CT_Y_LABEL, chart_label(lang, CL_KM_Y));
    m->y_min = 0;
    m->x_min = 0;
    chart_add_ref(m, CHART_REF_Y, 50, 0, chart_label(lang, CL_KM_MEDIAN));
    chart_series *s = chart_model_add_series(m, chart_label(lang, CL_KM_Y));
    if (!km->known)
        chart_add_note(m, chart_label(lang, CL_PENDING_NOTE));
    else if (km->hidden || (km->n > 0 && cb_hide_count(cd, (long)km->cohort)))
        chart_add_missing(m, s, CP_SUPPRESSED, chart_label(lang, CL_HIDDEN));
    else if (km->n > 0)
        km_points(cd, m, s, km, lang);
    if (km->known && !km->hidden && km->n > 0 && !cd->internal) {
        char note[240];
        snprintf(note, sizeof note, chart_label(lang, CL_KM_MERGED), cd->min_cell);
        chart_add_note(m, note);
    }
    const metric_row *med = cb_row(cd->period, "time_to_first_job_median_days");
    if (cb_usable(med)) {
        char d[32];
        chart_lang_number(lang, med->value, med->decimals >= 0 ? med->decimals : 0, NULL, d,
                          sizeof d);
        cb_textf(m, CT_READING1, chart_label(lang, CL_KM_READ_MEDIAN), d);
    } else {
        chart_set_text(m, CT_READING1, chart_label(lang, CL_KM_READ_NO_MEDIAN));
    }
    /* Not estimable past the longest follow-up (R8): said, not shown as "–". */
    const metric_row *w180 = cb_row(cd->period, "employed_within_180_days");
    if (w180 && !w180->suppressed && !(w180->has & MH_VALUE) && w180->note[0]) {
        chart_set_text(m, CT_READING2, chart_label(lang, CL_KM_READ2_NONE));
    } else {
        char w[32];
        cb_row_text(cd, w180, lang, 1, chart_lang_percent(lang), w, sizeof w);
        cb_textf(m, CT_READING2, chart_label(lang, CL_KM_READ2), w);
    }
    return m;
}

/* ---- fidelity ----------------------------------------------------------- */

/* How far the data score lies outside the reviewer's range (0 inside). */
static int fid_gap(const chart_fid_item *it)
{
    if (it->status != FID_RATED || it->data_score < 1)
        return 0;
    if (it->data_score < it->reviewer_low)
        return it->reviewer_low - it->data_score;
    if (it->data_score > it->reviewer_high)
        return it->data_score - it->reviewer_high;
    return 0;
}

static void fid_points(chart_model *m, chart_series *rev, chart_series *dat,
                       const chart_fid_item *it, chart_lang lang)
{
    if (it->status == FID_RATED && it->reviewer_low >= 1 && it->reviewer_low <= 5) {
        int hi = it->reviewer_high > it->reviewer_low ? it->reviewer_high : it->reviewer_low;
        char label[32];
        if (hi > it->reviewer_low)
            snprintf(label, sizeof label, "%d–%d", it->reviewer_low, hi);
        else
            snprintf(label, sizeof label, "%d", it->reviewer_low);
        chart_point p = {.x = it->item - 1, .y = it->reviewer_low, .y2 = hi, .label = label};
        chart_add_point(m, rev, p);
    } else {
        const char *why = it->status == FID_NOT_APPLICABLE ? chart_label(lang, CL_FID_NA)
                          : it->status == FID_NOT_RATED    ? chart_label(lang, CL_FID_NOT_RATED)
                                                           : NULL;
        chart_add_missing(m, rev, CP_MISSING, why);
    }
    if (it->data_score >= 1 && it->data_score <= 5)
        chart_add_value(m, dat, it->data_score);
    else
        chart_add_missing(m, dat, CP_MISSING, NULL);
}

static void fid_texts(chart_model *m, const chart_fidelity *f, chart_lang lang)
{
    char total[48], band[96], sub[160];
    chart_lang_number(lang, f->total_low, 0, NULL, total, sizeof total);
    if (f->total_high > f->total_low) {
        size_t n = strlen(total);
        snprintf(total + n, sizeof total - n, "–");
        n = strlen(total);
        chart_lang_number(lang, f->total_high, 0, NULL, total + n, sizeof total - n);
    }
    chart_fidelity_band(lang, f->band, band, sizeof band);
    int differ = 0, with_data = 0;
    for (int i = 0; i < 25; i++) {
        differ += fid_gap(&f->items[i]) >= 2;
        with_data += f->items[i].data_score >= 1;
    }
    char n[16], rated[16];
    if (f->has_review) {
        cb_textf(m, CT_TITLE, chart_label(lang, CL_FID_TITLE), total, band);
        if (f->review_date[0]) {
            ips_day day;
            char dl[16];
            if (date_parse_iso(f->review_date, &day))
                chart_date_label(lang, day, dl, sizeof dl);
            else
                snprintf(dl, sizeof dl, "%s", f->review_date);
            snprintf(sub, sizeof sub, "%s, %s", f->review_id, dl);
        } else {
            snprintf(sub, sizeof sub, "%s", f->review_id);
        }
        cb_textf(m, CT_SUBTITLE, chart_label(lang, CL_FID_SUBTITLE), sub);
        snprintf(rated, sizeof rated, "%d", f->items_rated);
        cb_textf(m, CT_READING1, chart_label(lang, CL_FID_READ1), total, band, rated);
        snprintf(n, sizeof n, "%d", differ);
        cb_textf(m, CT_READING2, chart_label(lang, CL_FID_READ2), n);
    } else {
        chart_set_text(m, CT_TITLE, chart_label(lang, CL_FID_TITLE_NONE));
        chart_set_text(m, CT_SUBTITLE, chart_label(lang, CL_FID_SUBTITLE_NONE));
        chart_set_text(m, CT_READING1, chart_label(lang, CL_FID_READ1_NONE));
        snprintf(n, sizeof n, "%d", with_data);
        cb_textf(m, CT_READING2, chart_label(lang, CL_FID_READ2_DATA), n);
    }
}

chart_model *build_fidelity(const chart_data *cd, chart_lang lang)
{
    chart_model *m = cb_new(cd, CHART_HBARS, CH_FIDELITY, lang);
    if (!m)
        return NULL;
    const chart_fidelity *f = &cd->in.fidelity;
    chart_set_text(m, CT_X_LABEL, chart_label(lang, CL_FID_AXIS));
    chart_set_text(m, CT_RANGE, chart_label(lang, CL_FID_RANGE));
    m->y_min = 0;
    m->y_max = 5;
    m->whole_numbers = true;
    chart_add_group(m, chart_fidelity_section(lang, 0), 0, 3);
    chart_add_group(m, chart_fidelity_section(lang, 1), 3, 8);
    chart_add_group(m, chart_fidelity_section(lang, 2), 11, 14);
    chart_model_add_series(m, chart_label(lang, CL_FID_REVIEWER));
    chart_model_add_series(m, chart_label(lang, CL_FID_DATA));
    if (m->nseries != 2) {
        chart_free(m);
        return NULL;
    }
    /* Series pointers are taken after both exist: adding one may move the others. */
    chart_series *rev = &m->series[0], *dat = &m->series[1];
    for (int i = 0; i < 25; i++) {
        char label[96];
        snprintf(label, sizeof label, "%d %s", i + 1, chart_fidelity_item(lang, i + 1));
        chart_add_category(m, label);
        chart_fid_item it = f->items[i];
        it.item = i + 1;
        fid_points(m, rev, dat, &it, lang);
    }
    chart_add_note(m, chart_label(lang, CL_FID_NOTE));
    fid_texts(m, f, lang);
    return m;
}
