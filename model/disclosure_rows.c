/* The rows of the disclosure model (model/disclosure_model.h): each row of
 * the universe as the model keeps it (its key hash, period, interned names,
 * kind and primary verdict, the quantities it prints), added set by set so
 * that the universe's rows need not be held, and the derived rows linked
 * to their sources.  Two rows of one key hash are taken for one (about one
 * universe in 10^8 at national scale; the kept pattern knows rows by the
 * same hash). */
#include "model/disclosure_model.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/disclosure_quantities.h"

uint64_t dc_hash_bytes(const void *p, size_t n)
{
    const unsigned char *b = p;
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 1099511628211u;
    return h;
}

static bool intern_grow(dc_intern *t)
{
    size_t ns = t->n_slots ? t->n_slots * 2 : 64;
    int32_t *slots = calloc(ns, sizeof *slots);
    if (!slots)
        return false;
    for (size_t i = 0; i < t->n; i++) {
        size_t h = dc_hash_bytes(t->s[i], strlen(t->s[i])) & (ns - 1);
        while (slots[h])
            h = (h + 1) & (ns - 1);
        slots[h] = (int32_t)i + 1;
    }
    free(t->slots);
    t->slots = slots;
    t->n_slots = ns;
    return true;
}

int32_t dc_intern_find(const dc_intern *t, const char *s)
{
    if (!t->n_slots)
        return -1;
    size_t h = dc_hash_bytes(s, strlen(s)) & (t->n_slots - 1);
    for (; t->slots[h]; h = (h + 1) & (t->n_slots - 1))
        if (strcmp(t->s[t->slots[h] - 1], s) == 0)
            return t->slots[h] - 1;
    return -1;
}

int32_t dc_intern_id(dc_intern *t, const char *s)
{
    int32_t id = dc_intern_find(t, s);
    if (id >= 0)
        return id;
    if ((t->n + 1) * 2 > t->n_slots && !intern_grow(t))
        return -1;
    if (t->n == t->cap) {
        size_t nc = t->cap ? t->cap * 2 : 64;
        char **ns = realloc(t->s, nc * sizeof *ns);
        if (!ns)
            return -1;
        t->s = ns;
        t->cap = nc;
    }
    char *copy = malloc(strlen(s) + 1);
    if (!copy)
        return -1;
    strcpy(copy, s);
    t->s[t->n] = copy;
    size_t h = dc_hash_bytes(s, strlen(s)) & (t->n_slots - 1);
    while (t->slots[h])
        h = (h + 1) & (t->n_slots - 1);
    t->slots[h] = (int32_t)t->n + 1;
    return (int32_t)t->n++;
}

void dc_intern_free(dc_intern *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->s[i]);
    free(t->s);
    free(t->slots);
    memset(t, 0, sizeof *t);
}

/* FNV-1a over the key's text, then splitmix64's finaliser. */
static uint64_t key_hash(const char *metric, ips_day ps, ips_day pe, const char *group_by,
                         const char *group)
{
    char key[256];
    snprintf(key, sizeof key, "%s\x1f%ld\x1f%ld\x1f%s\x1f%s", metric, (long)ps, (long)pe,
             group_by, group);
    uint64_t h = 0xcbf29ce484222325u;
    for (const char *s = key; *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3u;
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9u;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebu;
    return h ^ (h >> 31);
}

uint64_t dc_row_hash(const metric_row *r)
{
    return key_hash(r->metric, r->period_start, r->period_end, r->group_by, r->group);
}

static int by_of(const char *group_by)
{
    if (strcmp(group_by, "support_level") == 0)
        return DC_BY_SUPPORT;
    if (strcmp(group_by, "days") == 0)
        return DC_BY_DAYS;
    if (strcmp(group_by, "step") == 0)
        return DC_BY_STEP;
    if (group_by[0] == '\0')
        return GROUP_NONE;
    return metric_group_find(group_by);
}

bool dc_suppressible(const metric_row *r)
{
    return r->kind != MK_TEXT && r->kind != MK_WEIGHTED && strcmp(r->group_by, "review") != 0;
}

/* A field of the row's true figures: t (audit), or the row itself (build). */
static double truth_value(const metric_row *r, const disclosure_truth *t, char field)
{
    if (!t)
        return dc_field_value(r, field);
    return field == 'N' ? t->numerator : field == 'D' ? t->denominator : t->value;
}

/* The row of hash h, or −1. */
static int32_t row_find(const dc_model *m, uint64_t h)
{
    if (!m->n_row_slots)
        return -1;
    for (size_t k = h & (m->n_row_slots - 1); m->row_slots[k]; k = (k + 1) & (m->n_row_slots - 1))
        if (m->rows[m->row_slots[k] - 1].hash == h)
            return m->row_slots[k] - 1;
    return -1;
}

static void row_slot_put(dc_model *m, size_t i)
{
    size_t k = m->rows[i].hash & (m->n_row_slots - 1);
    while (m->row_slots[k])
        k = (k + 1) & (m->n_row_slots - 1);
    m->row_slots[k] = (int32_t)i + 1;
}

/* Room for one more row and its slot. */
static bool row_room(dc_model *m)
{
    if (m->n_rows == m->cap_rows) {
        size_t nc = m->cap_rows ? m->cap_rows * 2 : 1024;
        dc_row *nr = realloc(m->rows, nc * sizeof *nr);
        if (!nr)
            return false;
        m->rows = nr;
        m->cap_rows = nc;
    }
    if ((m->n_rows + 1) * 2 <= m->n_row_slots)
        return true;
    size_t ns = m->n_row_slots ? m->n_row_slots * 2 : 2048;
    int32_t *slots = calloc(ns, sizeof *slots);
    if (!slots)
        return false;
    free(m->row_slots);
    m->row_slots = slots;
    m->n_row_slots = ns;
    for (size_t i = 0; i < m->n_rows; i++)
        row_slot_put(m, i);
    return true;
}

/* The row's own fields: which row, what kind, hidden how. */
static bool row_head(dc_model *m, dc_row *x, const metric_row *r, uint64_t h, bool known)
{
    memset(x, 0, sizeof *x);
    x->hash = h;
    x->ps = r->period_start;
    x->pe = r->period_end;
    x->metric = dc_intern_id(&m->metrics, r->metric);
    x->group_by = dc_intern_id(&m->bys, r->group_by);
    x->group = dc_intern_id(&m->row_groups, r->group);
    x->kind = (uint8_t)r->kind;
    x->primary = dc_primary_rule(r, m->min_cell);
    x->derived_from = -1;
    x->suppressible = dc_suppressible(r);
    x->whole = r->group_by[0] == '\0';
    /* As published, a "<5" says the cell is small, a "–" only that it is hidden. */
    x->state = known || !r->suppressed ? DC_SHOWN
               : r->text[0] == '<'     ? DC_PRIMARY
                                       : DC_SECONDARY;
    return x->metric >= 0 && x->group_by >= 0 && x->group >= 0;
}

static ips_error add_row(dc_model *m, const metric_row *r, uint64_t h,
                         const disclosure_truth *tr, bool known, ips_diag *d)
{
    dc_row *x = &m->rows[m->n_rows];
    if (!row_head(m, x, r, h, known))
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    row_slot_put(m, m->n_rows++);
    int by = by_of(r->group_by);
    int year, part;
    char pk = dc_period_kind(r->period_start, r->period_end, &year, &part);
    x->level = (uint8_t)((by >= 0 ? dc_group_level(by) : 0) + (pk == 'H' ? 1 : pk == 'Y' ? 2 : 0));
    const dc_field *fs;
    size_t nf = x->suppressible && by >= 0 ? dc_fields_of(r->metric, &fs) : 0;
    int32_t group = nf ? dc_intern_id(&m->names, r->group) : 0;
    if (group < 0)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < nf && i < 3; i++) {
        dc_key k = {(int16_t)fs[i].q, (int8_t)by, r->period_start, r->period_end, group};
        if (by == DC_BY_STEP) { /* a whole-service count, named by its step */
            int pq = dc_path_quantity(r->group);
            if (pq < 0)
                break;
            k = (dc_key){(int16_t)pq, GROUP_NONE, r->period_start, r->period_end, 0};
        }
        if (dc_quantities[k.q].time == DC_END)
            k.ps = 0;
        int32_t v = dc_var_get(m, &k);
        if (v < 0)
            return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        x->var[x->nvar++] = v;
        dc_var *xv = &m->vars[v];
        xv->shown = true;
        if (isnan(xv->truth))
            xv->truth = truth_value(r, tr, fs[i].field);
        if (known && isnan(xv->value))
            xv->value = dc_field_value(r, fs[i].field);
        if (!r->suppressed || known) {
            xv->hidden = false;
            if (!known)
                xv->value = dc_field_value(r, fs[i].field);
        }
    }
    return IPS_OK;
}

void dc_model_begin(dc_model *m, int min_cell)
{
    memset(m, 0, sizeof *m);
    m->min_cell = min_cell;
}

ips_error dc_model_add(dc_model *m, const metric_set *set, const disclosure_truth *truth,
                       ips_diag *d)
{
    if (m->names.n == 0 && dc_intern_id(&m->names, "") != 0)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < set->n; i++) {
        uint64_t h = dc_row_hash(&set->rows[i]);
        if (row_find(m, h) >= 0)
            continue; /* the same row from another query of the universe */
        if (!row_room(m))
            return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        ips_error e = add_row(m, &set->rows[i], h, truth ? &truth[i] : NULL, !truth, d);
        if (e != IPS_OK)
            return e;
    }
    return IPS_OK;
}

void dc_row_names(const dc_model *m, size_t i, const char **metric, const char **group_by,
                  const char **group)
{
    const dc_row *r = &m->rows[i];
    *metric = m->metrics.s[r->metric];
    *group_by = m->bys.s[r->group_by];
    *group = m->row_groups.s[r->group];
}

ips_error dc_rows_link(dc_model *m, ips_diag *d)
{
    for (size_t i = 0; i < m->n_rows; i++) {
        const char *metric, *group_by, *group;
        dc_row_names(m, i, &metric, &group_by, &group);
        const char *const *src = dc_derived_sources(metric);
        for (; src && *src; src++) {
            int32_t j = row_find(m, key_hash(*src, m->rows[i].ps, m->rows[i].pe, group_by, group));
            if (j < 0)
                continue;
            int32_t *nr = realloc(m->dep_row, (m->n_dep + 1) * sizeof *nr);
            if (nr)
                m->dep_row = nr;
            int32_t *ns = nr ? realloc(m->dep_src, (m->n_dep + 1) * sizeof *ns) : NULL;
            if (!ns)
                return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
            m->dep_src = ns;
            if (m->rows[i].derived_from < 0)
                m->rows[i].derived_from = j;
            m->dep_row[m->n_dep] = (int32_t)i;
            m->dep_src[m->n_dep++] = j;
        }
    }
    return IPS_OK;
}

