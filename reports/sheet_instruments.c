/* Instruments (Mittarit): the outcome instruments of metrics.md, one table
 * line per instrument and group: the whole service first, then by provider,
 * team, region, gender, age group and segment — the paired clients, their
 * mean baseline, latest score and change, and the share who improved.
 * Only written when the period has instrument rows (the data hold
 * assessments); sheet_instrument_codes() says which. */
#include <stdlib.h>
#include <string.h>

#include "reports/sheets.h"

enum { C_INSTRUMENT, C_BREAKDOWN, C_GROUP, C_PAIRED, C_BASELINE, C_LATEST, C_CHANGE, C_IMPROVED,
       C_ID, C_COUNT };

static const metric_group shown[] = {
    GROUP_PROVIDER, GROUP_TEAM, GROUP_REGION, GROUP_GENDER, GROUP_AGE_GROUP, GROUP_SEGMENT,
};

#define PAIRED "_paired"

size_t sheet_instrument_codes(const metric_set *cur, char codes[][48], size_t max)
{
    size_t n = 0, sl = strlen(PAIRED);
    for (size_t i = 0; cur && i < cur->n && n < max; i++) {
        const metric_row *r = &cur->rows[i];
        size_t len = strlen(r->metric);
        if (r->group_by[0] || len <= sl || strcmp(r->metric + len - sl, PAIRED) != 0 ||
            len - sl >= 48)
            continue;
        memcpy(codes[n], r->metric, len - sl);
        codes[n][len - sl] = '\0';
        n++;
    }
    return n;
}

static code_domain domain_of(const char *group_by)
{
    if (strcmp(group_by, "gender") == 0)
        return CODE_GENDER;
    if (strcmp(group_by, "age_group") == 0)
        return CODE_AGE_GROUP;
    return CODE_SEGMENT;
}

/* One line, unless the group has no paired row or nobody paired in it. */
static void line(rsheet *s, const metric_set *set, const char *code, const char *group_by,
                 const char *group)
{
    static const char *const suffix[] = {PAIRED, "_baseline_mean", "_latest_mean",
                                         "_change_mean", "_improved_share"};
    report_book *b = s->b;
    const metric_row *rows[5];
    char id[64];
    for (int k = 0; k < 5; k++) {
        snprintf(id, sizeof id, "%s%s", code, suffix[k]);
        rows[k] = sheet_find(set, id, group_by, group);
    }
    /* A group with nobody paired says nothing; a hidden one still shows its "–". */
    if (!rows[0] || (!rows[0]->suppressed && (rows[0]->has & MH_VALUE) && rows[0]->value == 0 &&
                     group_by[0]))
        return;
    lxw_row_t r = rsheet_row(s);
    const char *name = label_code(CODE_INSTRUMENT, code, b->lang);
    rsheet_text(s, r, C_INSTRUMENT, name ? name : code);
    const char *by = label_code(CODE_GROUP_BY, group_by, b->lang);
    rsheet_text(s, r, C_BREAKDOWN, by ? by : group_by);
    if (!group_by[0])
        rsheet_text(s, r, C_GROUP, rs_label(b, L_ALL));
    else if (strcmp(group_by, "gender") == 0 || strcmp(group_by, "age_group") == 0 ||
             strcmp(group_by, "segment") == 0)
        rsheet_code(s, r, C_GROUP, domain_of(group_by), group);
    else
        rsheet_text(s, r, C_GROUP, group[0] ? group : rs_label(b, L_UNKNOWN_GROUP));
    for (int k = 0; k < 5; k++)
        rsheet_metric(s, r, (lxw_col_t)(C_PAIRED + k), rows[k], MH_VALUE);
    rsheet_text(s, r, C_ID, code);
}

ips_error sheet_instruments(report_book *b, const metric_set *cur,
                            const metric_set *const by[GROUP__COUNT])
{
    char codes[SHEET_INSTRUMENTS_MAX][48];
    size_t n = sheet_instrument_codes(cur, codes, SHEET_INSTRUMENTS_MAX);
    if (n == 0)
        return b->err;
    rsheet s;
    if (!rsheet_open(b, &s, L_SHEET_INSTRUMENTS))
        return rsheet_close(&s);
    rsheet_note(&s, rs_label(b, L_INSTRUMENTS_NOTE));
    const char *hdr[C_COUNT] = {
        rs_label(b, L_COL_INSTRUMENT),    rs_label(b, L_COL_BREAKDOWN),
        rs_label(b, L_COL_GROUP),         rs_label(b, L_COL_PAIRED),
        rs_label(b, L_COL_BASELINE_MEAN), rs_label(b, L_COL_LATEST_MEAN),
        rs_label(b, L_COL_CHANGE_MEAN),   rs_label(b, L_COL_IMPROVED_SHARE),
        rs_label(b, L_COL_CODE),
    };
    rsheet_table(&s, hdr, C_COUNT, true);
    for (size_t i = 0; i < n; i++) {
        line(&s, cur, codes[i], "", "");
        char id[64];
        snprintf(id, sizeof id, "%.47s" PAIRED, codes[i]);
        const char *const metrics[] = {id, NULL};
        for (size_t k = 0; k < sizeof shown / sizeof shown[0]; k++) {
            const metric_set *set = by ? by[shown[k]] : NULL;
            const char *group_by = metric_group_name(shown[k]);
            size_t ng = 0;
            const char **groups = sheet_groups(&set, 1, group_by, metrics, &ng);
            if (!groups) {
                book_nomem(b);
                break;
            }
            for (size_t g = 0; g < ng; g++)
                line(&s, set, codes[i], group_by, groups[g]);
            free((void *)groups);
        }
    }
    rsheet_table_end(&s);
    return rsheet_close(&s);
}
