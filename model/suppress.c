/* Placeholder: small-cell suppression is being built on the metrics branch. */
#include <stdio.h>

#include "model/metrics.h"

void metric_set_suppress(metric_set *set, int min_cell)
{
    (void)set;
    (void)min_cell;
}

const char *metric_format_value(const metric_row *row, int min_cell, char *buf, size_t n)
{
    (void)min_cell;
    if (row->kind == MK_TEXT)
        snprintf(buf, n, "%s", row->text);
    else if (row->has & 4)
        snprintf(buf, n, "%.*f", row->decimals, row->value);
    else if (n)
        buf[0] = '\0';
    return buf;
}
