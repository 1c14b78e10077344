/* metric_set: a growable array of metric rows, and the group names. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <stdio.h>
#include <math.h>

#include "model/metrics.h"

static const char *const group_names[GROUP__COUNT] = {
    [GROUP_NONE] = "",
    [GROUP_PROVIDER] = "provider",
    [GROUP_TEAM] = "team",
    [GROUP_COACH] = "coach",
    [GROUP_REGION] = "region",
    [GROUP_MUNICIPALITY] = "municipality",
    [GROUP_GENDER] = "gender",
    [GROUP_AGE_GROUP] = "age_group",
    [GROUP_SEGMENT] = "segment",
    [GROUP_REFERRAL_SOURCE] = "referral_source",
    [GROUP_EXIT_REASON] = "exit_reason",
};

const char *metric_group_name(metric_group g)
{
    return (int)g >= 0 && g < GROUP__COUNT ? group_names[g] : "";
}

int metric_group_find(const char *name)
{
    for (int g = 1; g < GROUP__COUNT; g++)
        if (strcasecmp(group_names[g], name) == 0)
            return g;
    return -1;
}

metric_set *metric_set_new(void)
{
    return calloc(1, sizeof(metric_set));
}

void metric_set_free(metric_set *set)
{
    if (!set)
        return;
    free(set->rows);
    free(set);
}

metric_row *metric_set_add(metric_set *set, const char *metric)
{
    if (set->n == set->cap) {
        size_t cap = set->cap ? set->cap * 2 : 64;
        metric_row *rows = realloc(set->rows, cap * sizeof *rows);
        if (!rows)
            return NULL;
        set->rows = rows;
        set->cap = cap;
    }
    metric_row *r = &set->rows[set->n++];
    memset(r, 0, sizeof *r);
    snprintf(r->metric, sizeof r->metric, "%s", metric);
    return r;
}

const metric_row *metric_set_find(const metric_set *set, const char *metric,
                                  const char *group_by, const char *group)
{
    for (size_t i = 0; i < set->n; i++) {
        const metric_row *r = &set->rows[i];
        if (strcmp(r->metric, metric) == 0 && (!group_by || strcmp(r->group_by, group_by) == 0) &&
            (!group || strcmp(r->group, group) == 0))
            return r;
    }
    return NULL;
}

double metric_round(double v, int decimals)
{
    double scale = pow(10.0, decimals);
    /* The nudge keeps 111.25 (stored as 111.2499999…) rounding up, as R17 wants. */
    double x = fabs(v) * scale;
    double r = floor(x + 0.5 + 1e-9 * (x > 1 ? x : 1));
    return copysign(r / scale, v);
}
