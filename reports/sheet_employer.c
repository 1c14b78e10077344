/* Employer work: items 15 and 17 per coach (days to the first employer
 * contact, contacts per week) with the whole unit first, then job and
 * employer diversity (items 19, 20) with the job counts behind them. */
#include <stdlib.h>

#include "reports/sheets.h"

enum {
    C_COACH, C_MEASURED, C_DAYS, C_WITHIN_30, C_PENDING, C_SCORE_15, C_PER_WEEK, C_CONTACTS,
    C_SCORE_17, C_COUNT
};

static const char *const coach_metrics[] = {
    "first_employer_contact_mean_days", "first_employer_contact_within_30",
    "first_employer_contact_pending", "employer_contacts_per_week", NULL,
};

static void coach_line(rsheet *s, const char *label_text, const metric_set *set,
                       const char *group_by, const char *group)
{
    const metric_row *mean = sheet_find(set, "first_employer_contact_mean_days", group_by, group);
    const metric_row *within = sheet_find(set, "first_employer_contact_within_30", group_by, group);
    const metric_row *pending = sheet_find(set, "first_employer_contact_pending", group_by, group);
    const metric_row *week = sheet_find(set, "employer_contacts_per_week", group_by, group);
    lxw_row_t r = rsheet_row(s);
    rsheet_text(s, r, C_COACH, label_text);
    rsheet_metric(s, r, C_MEASURED, mean, MH_DENOMINATOR);
    rsheet_metric(s, r, C_DAYS, mean, MH_VALUE);
    rsheet_metric(s, r, C_WITHIN_30, within, MH_VALUE);
    rsheet_metric(s, r, C_PENDING, pending, MH_VALUE);
    rsheet_metric(s, r, C_SCORE_15, mean, MH_SCORE);
    rsheet_metric(s, r, C_PER_WEEK, week, MH_VALUE);
    rsheet_metric(s, r, C_CONTACTS, week, MH_NUMERATOR);
    rsheet_metric(s, r, C_SCORE_17, week, MH_SCORE);
}

static void coaches(rsheet *s, const metric_set *cur, const metric_set *by_coach)
{
    report_book *b = s->b;
    char score15[64], score17[64];
    label_subst(rs_label(b, L_COL_SCORE_ITEM), 15, score15, sizeof score15);
    label_subst(rs_label(b, L_COL_SCORE_ITEM), 17, score17, sizeof score17);
    const char *hdr[C_COUNT] = {
        [C_COACH] = rs_label(b, L_COL_COACH),
        [C_MEASURED] = rs_label(b, L_COL_EPISODES_MEASURED),
        [C_DAYS] = rs_label(b, L_COL_FIRST_CONTACT_DAYS),
        [C_WITHIN_30] = rs_label(b, L_COL_WITHIN_30),
        [C_PENDING] = rs_label(b, L_COL_PENDING),
        [C_SCORE_15] = score15,
        [C_PER_WEEK] = rs_label(b, L_COL_CONTACTS_PER_WEEK),
        [C_CONTACTS] = rs_label(b, L_COL_CONTACTS_13W),
        [C_SCORE_17] = score17,
    };
    rsheet_table(s, hdr, C_COUNT, true);
    coach_line(s, rs_label(b, L_ALL), cur, "", "");
    const metric_set *sets[] = {by_coach};
    size_t n = 0;
    const char **ids = sheet_groups(sets, 1, "coach", coach_metrics, &n);
    if (!ids) {
        book_nomem(b);
        return;
    }
    for (size_t i = 0; i < n; i++)
        coach_line(s, *ids[i] ? ids[i] : rs_label(b, L_UNKNOWN_GROUP), by_coach, "coach", ids[i]);
    free((void *)ids);
    rsheet_table_end(s);
}

static void diversity(rsheet *s, const metric_set *cur)
{
    static const char *const ids[] = {"job_diversity", "employer_diversity"};
    report_book *b = s->b;
    const char *hdr[SHEET_METRIC_COLS];
    sheet_metric_headers(b, hdr);
    hdr[2] = rs_label(b, L_COL_DIFFERENT);
    hdr[3] = rs_label(b, L_COL_JOBS_OR_EMPLOYERS);
    rsheet_section(s, rs_label(b, L_TITLE_DIVERSITY));
    rsheet_table(s, hdr, SHEET_METRIC_COLS, false);
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
        sheet_metric_line(s, rsheet_row(s), 0, ids[i], sheet_whole(cur, ids[i]));
    rsheet_table_end(s);
}

ips_error sheet_employer(report_book *b, const metric_set *cur, const metric_set *by_coach)
{
    rsheet s;
    if (rsheet_open(b, &s, L_SHEET_EMPLOYER)) {
        coaches(&s, cur, by_coach);
        diversity(&s, cur);
    }
    return rsheet_close(&s);
}
