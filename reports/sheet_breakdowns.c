/* Breakdowns: every metric row of the period in one long, filterable table:
 * the whole unit first, then by provider, team, region, gender, age group
 * and segment.  The three id columns at the right are the keys of
 * `ipsreport metrics` output (metric, group_by, group), so the workbook can
 * be checked against it row by row (tests/e2e/check_report.py reads these
 * columns by position: keep C_* in step with it).  Past the row limit the
 * table continues on "Breakdowns (2)", …; nothing is cut. */
#include <string.h>

#include "reports/sheets.h"

enum {
    C_BREAKDOWN, C_GROUP, C_METRIC, C_VALUE, C_NUM, C_DEN, C_SCORE, C_UNIT, C_METRIC_ID,
    C_BREAKDOWN_ID, C_GROUP_ID, C_COUNT
};

static const metric_group shown[] = {
    GROUP_COUNTY, GROUP_PROVIDER, GROUP_TEAM, GROUP_REGION, GROUP_GENDER, GROUP_AGE_GROUP, GROUP_SEGMENT,
};

static code_domain group_domain(const char *group_by)
{
    if (strcmp(group_by, "gender") == 0)
        return CODE_GENDER;
    if (strcmp(group_by, "age_group") == 0)
        return CODE_AGE_GROUP;
    if (strcmp(group_by, "segment") == 0)
        return CODE_SEGMENT;
    if (strcmp(group_by, "exit_reason") == 0)
        return CODE_EXIT_REASON;
    if (strcmp(group_by, "step") == 0)
        return CODE_PATH_STEP;
    return CODE_SUPPORT_LEVEL; /* rows split without a breakdown (support_level_mix) */
}

static void group_cell(rsheet *s, lxw_row_t r, const metric_row *row)
{
    report_book *b = s->b;
    if (!row->group_by[0] && !row->group[0]) {
        rsheet_text(s, r, C_GROUP, rs_label(b, L_ALL));
        return;
    }
    const char *by = row->group_by;
    bool coded = strcmp(by, "gender") == 0 || strcmp(by, "age_group") == 0 ||
                 strcmp(by, "segment") == 0 || strcmp(by, "exit_reason") == 0 ||
                 strcmp(by, "step") == 0 || !by[0];
    if (coded)
        rsheet_code(s, r, C_GROUP, group_domain(by), row->group);
    else
        rsheet_text(s, r, C_GROUP, row->group[0] ? row->group : rs_label(b, L_UNKNOWN_GROUP));
}

static void line(rsheet *s, const metric_row *row)
{
    report_book *b = s->b;
    const metric_def *def = definition_find(row->metric);
    lxw_row_t r = rsheet_row(s);
    const char *by = label_code(CODE_GROUP_BY, row->group_by, b->lang);
    rsheet_text(s, r, C_BREAKDOWN, by ? by : row->group_by);
    group_cell(s, r, row);
    rsheet_text(s, r, C_METRIC, definition_name(row->metric, b->lang));
    rsheet_metric(s, r, C_VALUE, row, MH_VALUE);
    rsheet_metric(s, r, C_NUM, row, MH_NUMERATOR);
    rsheet_metric(s, r, C_DEN, row, MH_DENOMINATOR);
    rsheet_metric(s, r, C_SCORE, row, MH_SCORE);
    if (def)
        rsheet_text(s, r, C_UNIT, rs_label(b, definition_unit_label(def->unit)));
    rsheet_text(s, r, C_METRIC_ID, row->metric);
    rsheet_text(s, r, C_BREAKDOWN_ID, row->group_by);
    rsheet_text(s, r, C_GROUP_ID, row->group);
}

ips_error sheet_breakdowns(report_book *b, const metric_set *cur,
                           const metric_set *const by[GROUP__COUNT])
{
    rsheet s;
    if (!rsheet_open(b, &s, L_SHEET_BREAKDOWNS))
        return rsheet_close(&s);
    const char *hdr[C_COUNT] = {
        rs_label(b, L_COL_BREAKDOWN), rs_label(b, L_COL_GROUP),       rs_label(b, L_COL_METRIC),
        rs_label(b, L_COL_VALUE),     rs_label(b, L_COL_NUMERATOR),   rs_label(b, L_COL_DENOMINATOR),
        rs_label(b, L_COL_SCORE),     rs_label(b, L_COL_UNIT),        rs_label(b, L_COL_ID),
        rs_label(b, L_COL_BREAKDOWN_ID), rs_label(b, L_COL_GROUP_ID),
    };
    size_t rows = cur ? cur->n : 0;
    for (size_t g = 0; g < sizeof shown / sizeof shown[0]; g++)
        rows += by[shown[g]] ? by[shown[g]]->n : 0;
    if (rows == 0)
        rsheet_note(&s, rs_label(b, L_NO_DATA));
    rsheet_table(&s, hdr, C_COUNT, true);
    for (size_t i = 0; cur && i < cur->n && b->err == IPS_OK; i++)
        line(&s, &cur->rows[i]);
    for (size_t g = 0; g < sizeof shown / sizeof shown[0]; g++) {
        const metric_set *set = by[shown[g]];
        const char *name = metric_group_name(shown[g]);
        for (size_t i = 0; set && i < set->n && b->err == IPS_OK; i++) {
            const metric_row *row = &set->rows[i];
            /* A family may give its rows per provider (or region) in any case;
             * the whole period's set already holds those. */
            if (strcmp(row->group_by, name) != 0 ||
                sheet_find(cur, row->metric, row->group_by, row->group))
                continue;
            line(&s, row);
        }
    }
    return rsheet_close(&s);
}
