/* One sheet per provider (or team), `--per provider|team`: each group's own
 * metric lines of the period, so that every provider can present its part.
 * The sheet is named by the group itself, made valid and unique for Excel
 * (reports/sheet_names.h); its heading says which breakdown it is. */
#include <stdlib.h>
#include <string.h>

#include "reports/sheet_names.h"
#include "reports/sheets.h"

static ips_error one_sheet(report_book *b, const metric_set *rows, const char *by,
                           const char *group, label_id heading)
{
    char name[SHEET_NAME_SIZE];
    sheet_name_make(*group ? group : rs_label(b, L_UNKNOWN_GROUP), rs_label(b, heading),
                    b->res->sheets, b->res->n_sheets, name);
    rsheet s;
    if (!rsheet_open_named(b, &s, heading, name))
        return rsheet_close(&s);
    const char *hdr[SHEET_METRIC_COLS];
    sheet_metric_headers(b, hdr);
    rsheet_table(&s, hdr, SHEET_METRIC_COLS, true);
    for (size_t i = 0; i < rows->n && b->err == IPS_OK; i++) {
        const metric_row *r = &rows->rows[i];
        if (strcmp(r->group_by, by) == 0 && strcmp(r->group, group) == 0)
            sheet_metric_line(&s, rsheet_row(&s), 0, r->metric, r);
    }
    rsheet_table_end(&s);
    return rsheet_close(&s);
}

ips_error sheet_per_group(report_book *b, const metric_set *rows, metric_group per)
{
    if (!rows)
        return b->err;
    const char *by = metric_group_name(per);
    const metric_set *sets[1] = {rows};
    size_t n = 0;
    const char **groups = sheet_groups(sets, 1, by, NULL, &n);
    if (!groups) {
        book_nomem(b);
        return b->err;
    }
    label_id heading = per == GROUP_TEAM     ? L_SHEET_TEAM
                       : per == GROUP_COUNTY ? L_SHEET_COUNTY
                                             : L_SHEET_PROVIDER;
    for (size_t i = 0; i < n && b->err == IPS_OK; i++)
        one_sheet(b, rows, by, groups[i], heading);
    free((void *)groups);
    return b->err;
}
