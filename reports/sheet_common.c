/* Small pieces several sheets share: finding rows, listing groups, and the
 * standard "metric line" (name, value, numerator, denominator, score, unit,
 * id). */
#include <stdlib.h>
#include <string.h>

#include "reports/sheets.h"

const metric_row *sheet_whole(const metric_set *set, const char *metric)
{
    return set ? metric_set_find(set, metric, "", "") : NULL;
}

const metric_row *sheet_find(const metric_set *set, const char *metric, const char *group_by,
                             const char *group)
{
    return set ? metric_set_find(set, metric, group_by, group) : NULL;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool listed(const char *const *metrics, const char *metric)
{
    if (!metrics)
        return true;
    for (; *metrics; metrics++)
        if (strcmp(*metrics, metric) == 0)
            return true;
    return false;
}

const char **sheet_groups(const metric_set *const *sets, size_t nsets, const char *group_by,
                          const char *const *metrics, size_t *n)
{
    size_t total = 0;
    *n = 0;
    for (size_t s = 0; s < nsets; s++)
        total += sets[s] ? sets[s]->n : 0;
    const char **list = malloc((total + 1) * sizeof *list);
    if (!list)
        return NULL;
    size_t k = 0;
    for (size_t s = 0; s < nsets; s++)
        for (size_t i = 0; sets[s] && i < sets[s]->n; i++) {
            const metric_row *r = &sets[s]->rows[i];
            if (strcmp(r->group_by, group_by) == 0 && listed(metrics, r->metric))
                list[k++] = r->group;
        }
    qsort(list, k, sizeof *list, cmp_str);
    size_t u = 0;
    for (size_t i = 0; i < k; i++)
        if (u == 0 || strcmp(list[u - 1], list[i]) != 0)
            list[u++] = list[i];
    *n = u;
    return list;
}

void sheet_metric_headers(const report_book *b, const char *hdr[SHEET_METRIC_COLS])
{
    hdr[0] = rs_label(b, L_COL_METRIC);
    hdr[1] = rs_label(b, L_COL_VALUE);
    hdr[2] = rs_label(b, L_COL_NUMERATOR);
    hdr[3] = rs_label(b, L_COL_DENOMINATOR);
    hdr[4] = rs_label(b, L_COL_SCORE);
    hdr[5] = rs_label(b, L_COL_UNIT);
    hdr[6] = rs_label(b, L_COL_ID);
}

void sheet_metric_line(rsheet *s, lxw_row_t r, lxw_col_t c0, const char *id,
                       const metric_row *row)
{
    const metric_def *def = definition_find(id);
    rsheet_text(s, r, c0, definition_name(id, s->b->lang));
    rsheet_metric(s, r, c0 + 1, row, MH_VALUE);
    rsheet_metric(s, r, c0 + 2, row, MH_NUMERATOR);
    rsheet_metric(s, r, c0 + 3, row, MH_DENOMINATOR);
    rsheet_metric(s, r, c0 + 4, row, MH_SCORE);
    if (def)
        rsheet_text(s, r, c0 + 5, rs_label(s->b, definition_unit_label(def->unit)));
    rsheet_text(s, r, c0 + 6, id);
}
