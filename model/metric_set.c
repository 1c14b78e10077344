/* metric_set: a growable array of metric rows, and the group names. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <stdio.h>
#include <math.h>

#include "common/intern.h"
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
    [GROUP_COUNTY] = "county",
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

void metric_row_init(metric_row *r)
{
    memset(r, 0, sizeof *r);
    r->metric = r->group_by = r->group = r->note = r->text = "";
}

metric_set *metric_set_new(void)
{
    return calloc(1, sizeof(metric_set));
}

/* Open addressing over (metric, group_by, group) → the first row's index + 1. */
struct metric_index {
    size_t n;        /* rows indexed */
    size_t mask;     /* slots − 1 */
    size_t *slot;
};

static void index_free(struct metric_index *ix)
{
    if (ix)
        free(ix->slot);
    free(ix);
}

void metric_set_clear(metric_set *set)
{
    index_free(set->index);
    set->index = NULL;
    set->n = 0;
    if (set->shared) {
        set->rows = NULL;
        set->cap = 0;
        set->shared = false;
    }
}

void metric_set_free(metric_set *set)
{
    if (!set)
        return;
    if (!set->shared)
        free(set->rows);
    index_free(set->index);
    free(set);
}

/* A shared set's own copy of its rows, with room for more. */
static bool unshare(metric_set *set)
{
    size_t cap = set->n < 32 ? 64 : set->n * 2;
    metric_row *rows = malloc(cap * sizeof *rows);
    if (!rows)
        return false;
    if (set->n)
        memcpy(rows, set->rows, set->n * sizeof *rows);
    set->rows = rows;
    set->cap = cap;
    set->shared = false;
    return true;
}

bool metric_set_share(metric_set *set, const metric_set *from)
{
    if (set->n || set->shared || !from || !from->n)
        return metric_set_append(set, from);
    free(set->rows);
    index_free(set->index);
    set->index = NULL;
    set->rows = from->rows;
    set->n = set->cap = from->n;
    set->shared = true;
    return true;
}

static size_t key_hash(const char *metric, const char *group_by, const char *group)
{
    size_t h = 1469598103934665603u; /* FNV-1a over the three keys and separators */
    const char *parts[3] = {metric, group_by, group};
    for (int k = 0; k < 3; k++) {
        for (const unsigned char *p = (const unsigned char *)parts[k]; *p; p++)
            h = (h ^ *p) * 1099511628211u;
        h = (h ^ 0xff) * 1099511628211u;
    }
    return h;
}

static bool row_is(const metric_row *r, const char *metric, const char *group_by,
                   const char *group)
{
    return strcmp(r->metric, metric) == 0 && strcmp(r->group_by, group_by) == 0 &&
           strcmp(r->group, group) == 0;
}

static struct metric_index *index_build(const metric_set *set)
{
    struct metric_index *ix = calloc(1, sizeof *ix);
    size_t slots = 16;
    while (slots < 2 * set->n)
        slots *= 2;
    if (!ix || !(ix->slot = calloc(slots, sizeof *ix->slot))) {
        free(ix);
        return NULL;
    }
    ix->n = set->n;
    ix->mask = slots - 1;
    for (size_t i = 0; i < set->n; i++) {
        const metric_row *r = &set->rows[i];
        size_t h = key_hash(r->metric, r->group_by, r->group) & ix->mask;
        while (ix->slot[h] && !row_is(&set->rows[ix->slot[h] - 1], r->metric, r->group_by,
                                      r->group))
            h = (h + 1) & ix->mask;
        if (!ix->slot[h])
            ix->slot[h] = i + 1; /* the first row with the key wins, as a linear search */
    }
    return ix;
}

metric_row *metric_set_add(metric_set *set, const char *metric)
{
    /* A name lost to a full memory fails the next row, and so the command. */
    if ((set->shared && !unshare(set)) || ips_intern_failed())
        return NULL;
    if (set->n == set->cap) {
        size_t cap = set->cap ? set->cap * 2 : 64;
        metric_row *rows = realloc(set->rows, cap * sizeof *rows);
        if (!rows)
            return NULL;
        set->rows = rows;
        set->cap = cap;
    }
    metric_row *r = &set->rows[set->n++];
    metric_row_init(r);
    r->metric = ips_intern(metric);
    return r;
}

bool metric_set_put(metric_set *set, const metric_row *row)
{
    metric_row *r = metric_set_add(set, "");
    if (r)
        *r = *row;
    return r != NULL;
}

bool metric_set_append(metric_set *set, const metric_set *from)
{
    for (size_t i = 0; from && i < from->n; i++)
        if (!metric_set_put(set, &from->rows[i]))
            return false;
    return true;
}

/* Sets this large are looked up through the index: the workbook and the
 * charts look up every coach's rows, which was quadratic at national scale. */
#define INDEX_MIN_ROWS 512

const metric_row *metric_set_find(const metric_set *set, const char *metric,
                                  const char *group_by, const char *group)
{
    if (group_by && group && set->n >= INDEX_MIN_ROWS) {
        metric_set *own = (metric_set *)set; /* the index is a cache, not content */
        if (own->index && own->index->n != set->n) {
            index_free(own->index);
            own->index = NULL;
        }
        if (!own->index)
            own->index = index_build(set);
        if (own->index) {
            const struct metric_index *ix = own->index;
            for (size_t h = key_hash(metric, group_by, group) & ix->mask; ix->slot[h];
                 h = (h + 1) & ix->mask)
                if (row_is(&set->rows[ix->slot[h] - 1], metric, group_by, group))
                    return &set->rows[ix->slot[h] - 1];
            return NULL;
        }
    }
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

static bool strv_equal(const char *const *a, const char *const *b)
{
    if (!a || !b)
        return a == b;
    size_t i = 0;
    for (; a[i] && b[i]; i++)
        if (strcmp(a[i], b[i]) != 0)
            return false;
    return !a[i] && !b[i];
}

bool metric_query_engine_defaults(const metric_query *q)
{
    metric_query dflt;
    metric_query_init(&dflt);
    return q->clients_per_coach_year == dflt.clients_per_coach_year && !q->guidance_reasons &&
           !q->outcome_reasons;
}

bool metric_query_settings_equal(const metric_query *a, const metric_query *b)
{
    return a->start == b->start && a->end == b->end && a->as_of == b->as_of &&
           a->internal == b->internal && a->min_cell == b->min_cell &&
           a->clients_per_coach_year == b->clients_per_coach_year &&
           strv_equal(a->guidance_reasons, b->guidance_reasons) &&
           strv_equal(a->outcome_reasons, b->outcome_reasons) &&
           a->project_start == b->project_start;
}
