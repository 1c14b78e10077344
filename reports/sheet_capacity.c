/* Capacity: per region (seed 001) the clients served in the year, the
 * coaches' FTE now, the FTE needed (the larger of the throughput and the
 * caseload need, both shown) and the gap. */
#include <stdlib.h>

#include "reports/sheets.h"

static const char *const capacity_metrics[] = {
    "clients_per_year", "fte_current", "fte_needed_throughput", "fte_needed_caseload", "fte_gap",
    NULL,
};

enum { C_REGION, C_START, C_END, C_CLIENTS, C_FTE_NOW, C_FTE_NEEDED, C_THROUGHPUT, C_CASELOAD,
       C_GAP, C_COUNT };

static const metric_row *find2(const metric_set *const sets[2], const char *metric,
                               const char *group_by, const char *group)
{
    const metric_row *r = sheet_find(sets[0], metric, group_by, group);
    return r ? r : sheet_find(sets[1], metric, group_by, group);
}

static void region_line(rsheet *s, const char *label_text, const metric_set *const sets[2],
                        const char *group_by, const char *group)
{
    report_book *b = s->b;
    const metric_row *clients = find2(sets, "clients_per_year", group_by, group);
    const metric_row *now = find2(sets, "fte_current", group_by, group);
    const metric_row *through = find2(sets, "fte_needed_throughput", group_by, group);
    const metric_row *caseload = find2(sets, "fte_needed_caseload", group_by, group);
    const metric_row *gap = find2(sets, "fte_gap", group_by, group);
    const metric_row *any = clients ? clients : now ? now : through ? through : caseload ? caseload : gap;
    lxw_row_t r = rsheet_row(s);
    rsheet_text(s, r, C_REGION, label_text);
    if (any) {
        rsheet_date(s, r, C_START, any->period_start);
        rsheet_date(s, r, C_END, any->period_end);
    }
    rsheet_metric(s, r, C_CLIENTS, clients, MH_VALUE);
    rsheet_metric(s, r, C_FTE_NOW, now, MH_VALUE);
    double t, c;
    bool has_t = through && rsheet_metric_number(b, through, &t);
    bool has_c = caseload && rsheet_metric_number(b, caseload, &c);
    if (has_t && has_c)
        rsheet_number(s, r, C_FTE_NEEDED, t > c ? t : c, rsheet_value_format(b, t > c ? through : caseload));
    else if ((through && through->suppressed) || (caseload && caseload->suppressed))
        rsheet_text_fmt(s, r, C_FTE_NEEDED, "\xE2\x80\x93", b->f.suppressed); /* never blank */
    rsheet_metric(s, r, C_THROUGHPUT, through, MH_VALUE);
    rsheet_metric(s, r, C_CASELOAD, caseload, MH_VALUE);
    rsheet_metric(s, r, C_GAP, gap, MH_VALUE);
}

ips_error sheet_capacity(report_book *b, const metric_set *cur, const metric_set *by_region)
{
    rsheet s;
    if (!rsheet_open(b, &s, L_SHEET_CAPACITY))
        return rsheet_close(&s);
    const char *hdr[C_COUNT] = {
        rs_label(b, L_COL_REGION),        rs_label(b, L_COL_START),
        rs_label(b, L_COL_END),           rs_label(b, L_COL_CLIENTS_PER_YEAR),
        rs_label(b, L_COL_FTE_NOW),       rs_label(b, L_COL_FTE_NEEDED),
        rs_label(b, L_COL_FTE_THROUGHPUT), rs_label(b, L_COL_FTE_CASELOAD),
        rs_label(b, L_COL_FTE_GAP),
    };
    const metric_set *sets[2] = {by_region, cur};
    size_t n = 0;
    const char **regions = sheet_groups(sets, 2, "region", capacity_metrics, &n);
    if (!regions) {
        book_nomem(b);
        return rsheet_close(&s);
    }
    bool whole = false;
    for (int i = 0; capacity_metrics[i]; i++)
        whole = whole || sheet_whole(cur, capacity_metrics[i]);
    if (n == 0 && !whole)
        rsheet_note(&s, rs_label(b, L_NO_DATA));
    rsheet_table(&s, hdr, C_COUNT, true);
    for (size_t i = 0; i < n; i++)
        region_line(&s, *regions[i] ? regions[i] : rs_label(b, L_UNKNOWN_GROUP), sets, "region",
                    regions[i]);
    if (whole) {
        const metric_set *total[2] = {cur, NULL};
        region_line(&s, rs_label(b, L_TOTAL), total, "", "");
    }
    free((void *)regions);
    return rsheet_close(&s);
}
