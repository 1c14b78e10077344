#include "reports/report_data.h"

#include <stdio.h>
#include <stdlib.h>

#include "model/publication.h"

const metric_group report_breakdowns[] = {
    GROUP_PROVIDER, GROUP_TEAM,    GROUP_REGION, GROUP_GENDER,
    GROUP_AGE_GROUP, GROUP_SEGMENT, GROUP_COACH,  GROUP_EXIT_REASON, GROUP_COUNTY,
};
const size_t report_breakdowns_n = sizeof report_breakdowns / sizeof report_breakdowns[0];

report_data *report_data_new(void)
{
    report_data *data = calloc(1, sizeof *data);
    if (!data)
        return NULL;
    bool ok = (data->cur = metric_set_new()) && (data->prev = metric_set_new()) &&
              (data->funder = metric_set_new());
    data->funder_start = data->funder_end = IPS_DAY_NONE;
    for (int i = 0; ok && i < REPORT_QUARTERS; i++) {
        ok = (data->quarter[i] = metric_set_new()) != NULL;
        data->q_start[i] = data->q_end[i] = IPS_DAY_NONE;
    }
    if (!ok) {
        report_data_free(data);
        return NULL;
    }
    return data;
}

void report_data_free(report_data *data)
{
    if (!data)
        return;
    metric_set_free(data->cur);
    metric_set_free(data->prev);
    metric_set_free(data->funder);
    for (int i = 0; i < REPORT_QUARTERS; i++)
        metric_set_free(data->quarter[i]);
    for (int g = 0; g < GROUP__COUNT; g++)
        metric_set_free(data->by[g]);
    free(data);
}

void report_quarter_of(ips_day day, ips_day *start, ips_day *end)
{
    int y, m, d;
    date_to_ymd(day, &y, &m, &d);
    *start = date_from_ymd(y, (m - 1) / 3 * 3 + 1, 1);
    *end = date_add_months(*start, 3) - 1;
}

void report_latest_quarter(ips_day as_of, ips_day *start, ips_day *end)
{
    report_quarter_of(as_of, start, end);
    if (*end > as_of)
        report_quarter_of(*start - 1, start, end);
}

void report_period_text(ips_day start, ips_day end, char *buf, size_t size)
{
    metric_period_text(start, end, buf, size);
}

/* Every set comes from the model's one publication for the period; the
 * workbook only lays them out. */
ips_error report_data_collect(warehouse *wh, const metric_query *base, ips_day prev_start,
                              ips_day prev_end, report_data *data, ips_diag *d)
{
    const publication *p;
    ips_error e = publication_get(wh, base, prev_start, prev_end, &p, d);
    if (e == IPS_OK)
        e = publication_copy_rows(wh, p, base, base->start, base->end, GROUP_NONE, data->cur, d);
    if (e == IPS_OK)
        e = publication_copy_rows(wh, p, base, prev_start, prev_end, GROUP_NONE, data->prev, d);
    metric_period_quarters(base->end, REPORT_QUARTERS, data->q_start, data->q_end);
    for (int i = REPORT_QUARTERS - 1; e == IPS_OK && i >= 0; i--)
        e = publication_copy_rows(wh, p, base, data->q_start[i], data->q_end[i], GROUP_NONE,
                                  data->quarter[i], d);
    for (size_t i = 0; e == IPS_OK && p->funder && i < p->funder->n; i++) {
        metric_row *r = metric_set_add(data->funder, "");
        if (!r)
            return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        *r = p->funder->rows[i];
    }
    if (e == IPS_OK) {
        data->funder_start = p->funder_start;
        data->funder_end = metric_period_cut(base->end, p->as_of);
    }
    for (size_t i = 0; e == IPS_OK && i < report_breakdowns_n; i++) {
        metric_group g = report_breakdowns[i];
        if (g == GROUP_COUNTY && !publication_rows(p, base->start, base->end, g))
            continue; /* only a national warehouse has counties */
        if (!data->by[g] && !(data->by[g] = metric_set_new()))
            return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        e = publication_copy_rows(wh, p, base, base->start, base->end, g, data->by[g], d);
    }
    return e;
}
