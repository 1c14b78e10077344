/* The coaches' workload against the fidelity targets, one bar per IPS coach:
 * caseload per FTE (item 1, at most 20) beside employer contacts per week
 * (item 17, at least 6), from the rows of P by coach (metrics.md R4, R11,
 * R20: only coaches who are IPS coaches on p_end have these rows).
 *
 * Both panels list the same coaches in the same order (by id, numbers in
 * ids compared as numbers), so a coach's two bars sit on one line.  A bar
 * that misses its target is drawn hatched and outlined; a suppressed row
 * keeps its line with a "hidden" mark.  Clients without a coach have a row
 * of their own (group "") with no fte: they are no coach's bar, and a note
 * says they count only in the service-wide figure. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charts/chart_build_internal.h"

#define TARGET_CASELOAD 20.0
#define TARGET_CONTACTS 6.0

static const char *const coach_metrics[2] = {"caseload_per_fte", "employer_contacts_per_week"};

/* "tv2" before "tv10": runs of digits compare by value, the rest bytewise. */
static int natural_cmp(const char *a, const char *b)
{
    while (*a && *b) {
        if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
            while (*a == '0' && isdigit((unsigned char)a[1]))
                a++;
            while (*b == '0' && isdigit((unsigned char)b[1]))
                b++;
            size_t la = 0, lb = 0;
            while (isdigit((unsigned char)a[la]))
                la++;
            while (isdigit((unsigned char)b[lb]))
                lb++;
            if (la != lb)
                return la < lb ? -1 : 1;
            int c = strncmp(a, b, la);
            if (c)
                return c;
            a += la;
            b += lb;
        } else {
            if (*a != *b)
                return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
            a++;
            b++;
        }
    }
    return *a ? 1 : *b ? -1 : 0;
}

static int by_coach_id(const void *a, const void *b)
{
    int c = natural_cmp(*(const char *const *)a, *(const char *const *)b);
    return c ? c : strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool is_coach_row(const metric_row *r)
{
    return strcmp(r->group_by, "coach") == 0 && r->group[0] &&
           (strcmp(r->metric, coach_metrics[0]) == 0 || strcmp(r->metric, coach_metrics[1]) == 0);
}

/* The distinct coach ids of either metric, sorted; pointers into set's rows
 * (NULL when out of memory; *n = 0 and a non-NULL array when none). */
static const char **coach_ids(const metric_set *set, size_t *n)
{
    *n = 0;
    const char **ids = malloc(((set ? set->n : 0) + 1) * sizeof *ids);
    if (!ids)
        return NULL;
    for (size_t i = 0; set && i < set->n; i++)
        if (is_coach_row(&set->rows[i]))
            ids[(*n)++] = set->rows[i].group;
    qsort(ids, *n, sizeof *ids, by_coach_id);
    size_t k = 0;
    for (size_t i = 0; i < *n; i++)
        if (k == 0 || strcmp(ids[k - 1], ids[i]) != 0)
            ids[k++] = ids[i];
    *n = k;
    return ids;
}

/* Item 1 bands the value rounded to whole clients (R16), so 20.4 meets "at
 * most 20"; item 17 bands the raw value. */
static bool meets(int panel, double v)
{
    return panel == 0 ? floor(v + 0.5) <= TARGET_CASELOAD : v >= TARGET_CONTACTS;
}

typedef struct {
    size_t shown, met;
    double *values; /* the shown values, for the median */
} panel_tally;

/* rows[i] = the first row of metric for coach ids[i], or NULL; ids sorted by
 * by_coach_id.  One pass over the set with a binary search per row: a
 * metric_set_find per coach was quadratic, seconds at national scale.
 * NULL when out of memory. */
static const metric_row **coach_rows(const metric_set *set, const char **ids, size_t n,
                                     const char *metric)
{
    const metric_row **rows = calloc(n + 1, sizeof *rows);
    for (size_t i = set->n; rows && i-- > 0;) { /* backwards: the first row wins, as find */
        const metric_row *r = &set->rows[i];
        const char *g = r->group;
        if (strcmp(r->metric, metric) != 0 || strcmp(r->group_by, "coach") != 0)
            continue;
        const char **hit = bsearch(&g, ids, n, sizeof *ids, by_coach_id);
        if (hit)
            rows[hit - ids] = r;
    }
    return rows;
}

static chart_model *coach_panel(const chart_data *cd, chart_lang lang, int panel,
                                const char **ids, size_t n, panel_tally *t)
{
    const metric_row **rows = coach_rows(cd->coaches, ids, n, coach_metrics[panel]);
    if (!rows)
        return NULL;
    static const chart_label_id titles[2] = {CL_COACH_CASELOAD, CL_COACH_CONTACTS};
    static const chart_label_id targets[2] = {CL_COACH_CASELOAD_TARGET, CL_COACH_CONTACTS_TARGET};
    chart_model *p = cb_new(cd, CHART_HBARS, CH_COACH_TARGETS, lang);
    if (!p) {
        free(rows);
        return NULL;
    }
    chart_set_text(p, CT_TITLE, chart_label(lang, titles[panel]));
    p->decimals = panel == 0 ? 1 : 2; /* as metrics.md R17 prints them */
    p->y_min = 0;
    chart_series *s = chart_model_add_series(p, chart_label(lang, titles[panel]));
    for (size_t i = 0; i < n; i++) {
        chart_add_category(p, ids[i]);
        const metric_row *r = rows[i];
        if (r && r->suppressed) {
            chart_add_missing(p, s, CP_SUPPRESSED, chart_label(lang, CL_HIDDEN));
            continue;
        }
        if (!cb_usable(r)) {
            chart_add_missing(p, s, CP_MISSING, "–");
            continue;
        }
        chart_point pt = {.x = (double)i, .y = r->value, .y2 = r->value, .state = CP_VALUE,
                          .off_target = !meets(panel, r->value)};
        chart_add_point(p, s, pt);
        t->values[t->shown++] = r->value;
        t->met += !pt.off_target;
    }
    chart_add_ref(p, CHART_REF_X, panel == 0 ? TARGET_CASELOAD : TARGET_CONTACTS, 0,
                  chart_label(lang, targets[panel]));
    free(rows);
    return p;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, size_t n)
{
    qsort(v, n, sizeof *v, by_value);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* "9 of 14 coaches within 20 clients per FTE; service-wide 26.7." and
 * "… at least 6 employer contacts a week; median 3.90, service-wide 3.86."
 * Only drawn coaches are counted, so a hidden one cannot be worked back. */
static void coach_reading(chart_model *m, const chart_data *cd, chart_lang lang,
                          panel_tally *t)
{
    for (int panel = 0; panel < 2; panel++) {
        char met[16], shown[16], med[32], all[32];
        int dec = panel == 0 ? 1 : 2;
        chart_text which = panel == 0 ? CT_READING1 : CT_READING2;
        cb_row_text(cd, cb_row(cd->period, coach_metrics[panel]), lang, dec, NULL, all, sizeof all);
        if (t[panel].shown == 0) {
            cb_textf(m, which, chart_label(lang, panel == 0 ? CL_COACH_READ1_NONE
                                                              : CL_COACH_READ2_NONE), all);
            continue;
        }
        chart_lang_number(lang, (double)t[panel].met, 0, NULL, met, sizeof met);
        chart_lang_number(lang, (double)t[panel].shown, 0, NULL, shown, sizeof shown);
        if (panel == 0) {
            cb_textf(m, which, chart_label(lang, CL_COACH_READ1), met, shown, all);
        } else {
            chart_lang_number(lang, median(t[panel].values, t[panel].shown), dec, NULL, med,
                              sizeof med);
            cb_textf(m, which, chart_label(lang, CL_COACH_READ2), met, shown, med, all);
        }
    }
}

/* Clients with an ips episode but no coach on p_end (R4: item 1 counts them). */
/* More coaches than fit a page (cairo also refuses images taller than 32767
 * px): draw those furthest over the caseload target, in id order. */
#define COACH_CHART_MAX 60

/* A coach and its caseload, for picking the coaches furthest over target. */
typedef struct {
    const char *id;
    double caseload;   /* -1 when blank or hidden */
} coach_key;

static int by_caseload_desc(const void *a, const void *b)
{
    const coach_key *x = a, *y = b;
    if (x->caseload != y->caseload)
        return x->caseload < y->caseload ? 1 : -1;
    return by_coach_id(&x->id, &y->id);
}

/* Each coach's caseload is looked up once: a look-up per comparison made
 * the sort quadratic in the coaches. */
static size_t cap_coaches(const chart_data *cd, const char **ids, size_t n)
{
    if (n <= COACH_CHART_MAX)
        return n;
    coach_key *keys = malloc(n * sizeof *keys);
    const metric_row **rows = coach_rows(cd->coaches, ids, n, coach_metrics[0]);
    if (!keys || !rows) {
        free(keys);
        free(rows);
        return COACH_CHART_MAX; /* out of memory: the first ones, still a valid chart */
    }
    for (size_t i = 0; i < n; i++) {
        const metric_row *r = rows[i];
        keys[i] = (coach_key){ids[i], r && cb_usable(r) && !r->suppressed ? r->value : -1};
    }
    free(rows);
    qsort(keys, n, sizeof *keys, by_caseload_desc);
    for (size_t i = 0; i < COACH_CHART_MAX; i++)
        ids[i] = keys[i].id;
    free(keys);
    qsort(ids, COACH_CHART_MAX, sizeof *ids, by_coach_id);
    return COACH_CHART_MAX;
}

static bool has_clients_without_coach(const chart_data *cd)
{
    const metric_row *r = metric_set_find(cd->coaches, coach_metrics[0], "coach", "");
    return r && (r->suppressed || ((r->has & MH_NUMERATOR) && r->numerator > 0));
}

chart_model *build_coach_targets(const chart_data *cd, chart_lang lang)
{
    chart_model *m = cb_new(cd, CHART_PANELS, CH_COACH_TARGETS, lang);
    size_t n = 0;
    const char **ids = coach_ids(cd->coaches, &n);
    panel_tally t[2] = {{0, 0, calloc(n + 1, sizeof(double))}, {0, 0, calloc(n + 1, sizeof(double))}};
    if (!m || !ids || !t[0].values || !t[1].values) {
        chart_free(m);
        m = NULL;
        goto done;
    }
    m->side_by_side = true;
    char day[24];
    ips_day on = cd->as_of != IPS_DAY_NONE && cd->as_of < cd->end ? cd->as_of : cd->end; /* R3 */
    chart_date_label(lang, on, day, sizeof day);
    chart_set_text(m, CT_TITLE, chart_label(lang, CL_COACH_TITLE));
    cb_textf(m, CT_SUBTITLE, chart_label(lang, CL_COACH_SUBTITLE), day);
    chart_set_text(m, CT_TARGET_MET, chart_label(lang, CL_COACH_MET));
    chart_set_text(m, CT_TARGET_MISSED, chart_label(lang, CL_COACH_MISSED));
    /* The reading counts every coach; the picture may show fewer. */
    for (int panel = 0; panel < 2; panel++)
        chart_free(coach_panel(cd, lang, panel, ids, n, &t[panel]));
    size_t shown = cap_coaches(cd, ids, n);
    panel_tally drawn[2] = {{0, 0, NULL}, {0, 0, NULL}};
    double *scratch = calloc(shown + 1, sizeof(double));
    for (int panel = 0; scratch && panel < 2; panel++) {
        drawn[panel].values = scratch;
        drawn[panel].shown = 0;
        chart_add_part(m, coach_panel(cd, lang, panel, ids, shown, &drawn[panel]));
    }
    free(scratch);
    if (shown < n) {
        char a[24], b[24], note[320];
        snprintf(a, sizeof a, "%zu", shown);
        snprintf(b, sizeof b, "%zu", n);
        snprintf(note, sizeof note, chart_label(lang, CL_COACH_CAPPED), a, b);
        chart_add_note(m, note);
    }
    if (n > 0 && has_clients_without_coach(cd))
        chart_add_note(m, chart_label(lang, CL_COACH_NO_COACH_NOTE));
    coach_reading(m, cd, lang, t);
done:
    free(ids);
    free(t[0].values);
    free(t[1].values);
    return m;
}
