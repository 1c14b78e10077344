/* The metric result cache: a short list searched linearly (a report makes
 * a few dozen distinct queries; each costs far more than the search). */
#include "model/metric_cache.h"

#include "model/disclosure.h"

#include <stdlib.h>
#include <string.h>

/* Rows kept at most (about 8 MB), so that memory stays low; past it, results
 * are not kept.  The publication holds what the outputs show, and the engine
 * recomputes a large set (by coach at national scale) faster than it
 * would be worth keeping a second copy of it. */
#define CACHE_MAX_ROWS ((size_t)8 * 1024 * 1024 / sizeof(metric_row))

typedef struct {
    metric_query q;      /* reason lists point into owned copies below */
    char **guidance;     /* NULL-terminated copy, or NULL */
    char **outcome;
    metric_set rows;
} cache_entry;

typedef struct {
    metric_query q;
    char **guidance, **outcome;
    struct disclosure *dc;
} pattern_entry;

struct metric_cache {
    cache_entry *e;
    size_t n, cap;
    pattern_entry *p;
    size_t n_p;
    size_t rows_total;
    bool has_as_of;
    ips_day as_of;
};

metric_cache *metric_cache_new(void)
{
    return calloc(1, sizeof(metric_cache));
}

static void strv_free(char **v)
{
    for (size_t i = 0; v && v[i]; i++)
        free(v[i]);
    free(v);
}

void metric_cache_free(metric_cache *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++) {
        strv_free(c->e[i].guidance);
        strv_free(c->e[i].outcome);
        free(c->e[i].rows.rows);
    }
    free(c->e);
    for (size_t i = 0; i < c->n_p; i++) {
        strv_free(c->p[i].guidance);
        strv_free(c->p[i].outcome);
        disclosure_free(c->p[i].dc);
    }
    free(c->p);
    free(c);
}


/* false when out of memory; *out NULL for a NULL list. */
static bool strv_copy(const char *const *v, char ***out)
{
    *out = NULL;
    if (!v)
        return true;
    size_t n = 0;
    while (v[n])
        n++;
    char **c = calloc(n + 1, sizeof *c);
    if (!c)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!(c[i] = strdup(v[i]))) {
            strv_free(c);
            return false;
        }
    *out = c;
    return true;
}

static bool query_equal(const metric_query *a, const metric_query *b)
{
    return a->by == b->by && a->headline_only == b->headline_only &&
           metric_query_settings_equal(a, b);
}

const metric_set *metric_cache_find(const metric_cache *c, const metric_query *q)
{
    if (!c || q->as_of == IPS_DAY_NONE)
        return NULL;
    for (size_t i = 0; i < c->n; i++)
        if (query_equal(&c->e[i].q, q))
            return &c->e[i].rows;
    return NULL;
}

bool metric_cache_put(metric_cache *c, const metric_query *q, const metric_set *rows)
{
    if (!c || q->as_of == IPS_DAY_NONE || rows->n > CACHE_MAX_ROWS - c->rows_total)
        return false;
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 16;
        cache_entry *grown = realloc(c->e, cap * sizeof *grown);
        if (!grown)
            return false;
        c->e = grown;
        c->cap = cap;
    }
    cache_entry ent = {.q = *q};
    if (rows->n && !(ent.rows.rows = malloc(rows->n * sizeof *rows->rows)))
        return false;
    if (!strv_copy(q->guidance_reasons, &ent.guidance) ||
        !strv_copy(q->outcome_reasons, &ent.outcome)) {
        strv_free(ent.guidance);
        free(ent.rows.rows);
        return false;
    }
    if (rows->n)
        memcpy(ent.rows.rows, rows->rows, rows->n * sizeof *rows->rows);
    ent.rows.n = ent.rows.cap = rows->n;
    ent.q.guidance_reasons = (const char *const *)ent.guidance;
    ent.q.outcome_reasons = (const char *const *)ent.outcome;
    c->e[c->n++] = ent;
    c->rows_total += rows->n;
    return true;
}

bool metric_cache_as_of_get(const metric_cache *c, ips_day *out)
{
    if (!c || !c->has_as_of)
        return false;
    *out = c->as_of;
    return true;
}

void metric_cache_as_of_set(metric_cache *c, ips_day as_of)
{
    if (!c)
        return;
    c->has_as_of = true;
    c->as_of = as_of;
}

const struct disclosure *metric_cache_disclosure_find(const metric_cache *c,
                                                      const metric_query *key)
{
    for (size_t i = 0; c && key->as_of != IPS_DAY_NONE && i < c->n_p; i++)
        if (c->p[i].q.start == key->start && c->p[i].q.end == key->end &&
            metric_query_settings_equal(&c->p[i].q, key))
            return c->p[i].dc;
    return NULL;
}

void metric_cache_disclosure_put(metric_cache *c, const metric_query *key,
                                 struct disclosure *dc)
{
    pattern_entry ent = {.q = *key, .dc = dc};
    pattern_entry *grown = c ? realloc(c->p, (c->n_p + 1) * sizeof *grown) : NULL;
    if (!grown || !strv_copy(key->guidance_reasons, &ent.guidance) ||
        !strv_copy(key->outcome_reasons, &ent.outcome)) {
        if (grown)
            c->p = grown;
        strv_free(ent.guidance);
        disclosure_free(dc);
        return;
    }
    c->p = grown;
    ent.q.guidance_reasons = (const char *const *)ent.guidance;
    ent.q.outcome_reasons = (const char *const *)ent.outcome;
    c->p[c->n_p++] = ent;
}
