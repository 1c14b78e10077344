/* Internal to model/disclosure*.c: the linked tables as variables, rows and
 * equations (model/disclosure.h says what they mean). */
#ifndef IPS_DISCLOSURE_MODEL_H
#define IPS_DISCLOSURE_MODEL_H

#include <stdint.h>

#include "model/disclosure.h"

enum { DC_SHOWN, DC_PRIMARY, DC_SECONDARY };

/* A row of the universe: what the model needs of it, so that the rows
 * themselves need not be held (the universe is added pass by pass). */
typedef struct {
    uint64_t hash;          /* dc_row_hash(): metric, period, breakdown, group */
    ips_day ps, pe;         /* its period */
    int32_t metric;         /* interned in the model's metrics */
    int32_t group_by;       /* … in its breakdowns */
    int32_t group;          /* … in its row groups */
    uint8_t kind;           /* metric_kind */
    bool primary;           /* the primary rule holds at the model's min_cell */
    int32_t var[3];         /* the quantities the row prints */
    uint8_t nvar;
    uint8_t state;          /* DC_* */
    uint8_t level;          /* 0 leaf … (group level + period level); cost of hiding */
    bool whole;             /* group_by "": the whole service */
    bool suppressible;
    int32_t derived_from;   /* first source row of a derived row, or -1 */
} dc_row;

/* A variable's key: quantity, period key, breakdown and group. */
typedef struct {
    int16_t q;              /* index into the quantity table */
    int8_t by;              /* metric_group, DC_BY_SUPPORT or DC_BY_DAYS */
    ips_day ps, pe;         /* ps = 0 for quantities keyed by the period's end */
    int32_t group;          /* interned group name */
} dc_key;

#define DC_BY_SUPPORT GROUP__COUNT
#define DC_BY_DAYS (GROUP__COUNT + 1) /* item 15's days, binned (whole service only) */
#define DC_BY_STEP (GROUP__COUNT + 2) /* the service path's rows: whole-service counts */

typedef struct {
    dc_key key;
    double value;           /* true (build) or published (audit; NAN when hidden) */
    double truth;           /* true, in both */
    bool shown;             /* some row prints it */
    bool hidden;            /* no published row prints it */
    double lo, hi;          /* what the labels tell an intruder when hidden */
} dc_var;

/* Interned strings: ids 0 … n − 1 in order of first sight. */
typedef struct {
    char **s;
    size_t n, cap;
    int32_t *slots;  /* id + 1, 0 = empty */
    size_t n_slots;
} dc_intern;

/* FNV-1a over n bytes. */
uint64_t dc_hash_bytes(const void *p, size_t n);
/* The id of s (added when new), or −1 when out of memory. */
int32_t dc_intern_id(dc_intern *t, const char *s);
/* The id of s, or −1 when absent. */
int32_t dc_intern_find(const dc_intern *t, const char *s);
void dc_intern_free(dc_intern *t);

/* The 64-bit key of a row (metric, period, breakdown, group), as the
 * pattern knows it (model/disclosure.c). */
uint64_t dc_row_hash(const metric_row *r);

typedef struct dc_model {
    int min_cell;
    size_t n_inexact;       /* equations the true figures break (kept; see count_inexact) */
    dc_row *rows;
    size_t n_rows;
    dc_var *vars;
    size_t n_vars, cap_vars;
    /* var key hash: open addressing, index + 1, 0 = empty */
    int32_t *slots;
    size_t n_slots;
    dc_intern names;        /* group names of the variables */
    dc_intern metrics, bys, row_groups;  /* the rows' metric, group_by and group */
    int32_t *row_slots;     /* row hash → index + 1, open addressing, 0 = empty */
    size_t n_row_slots, cap_rows;
    /* derived rows and their sources, as pairs */
    int32_t *dep_row, *dep_src;
    size_t n_dep;
    /* equations Σ coef · var = 0, CSR */
    uint32_t *rel_off;
    int32_t *rel_var;
    int8_t *rel_coef;
    size_t n_rel, cap_rel_terms, n_rel_terms;
    /* var → rows, var → equations (CSR, built by dc_index) */
    uint32_t *vrow_off;
    int32_t *vrow;
    uint32_t *vrel_off;
    int32_t *vrel;
} dc_model;

/* How high a breakdown's groups stand: 4 the whole, 2 provider, 1 team and
 * region, 0 the leaves (coach and the client's or episode's attributes). */
int dc_group_level(int by);

/* Whether suppression may hide the row: not fte-weighted means, texts or a
 * review's own rows. */
bool dc_suppressible(const metric_row *r);

/* A small number: 1 … min_cell − 1. */
static inline bool dc_small(double v, int min_cell)
{
    return v >= 1 && v < min_cell;
}

/* Variables and equations while building (model/disclosure_model.c). */
int32_t dc_var_find(const dc_model *m, const dc_key *k);
/* The variable of k, added (unknown, unshown) when new; −1 when out of memory. */
int32_t dc_var_get(dc_model *m, const dc_key *k);
/* parent − Σ parts = 0 (nothing when n = 0); false when out of memory. */
bool dc_rel_sum(dc_model *m, int32_t parent, const int32_t *parts, size_t n);
/* 'Q', 'H', 'Y' for a calendar quarter, half or year, else 0; *part is the
 * quarter (1–4) or half (1–2). */
char dc_period_kind(ips_day ps, ips_day pe, int *year, int *part);
/* The public equations (model/disclosure_relations.c). */
ips_error dc_relations_build(dc_model *m, const facts *f, const metric_query *q, ips_diag *d);

/* The model built in steps: begin, the universe's rows added set by set
 * (a row already added is skipped), then end adds the equations of f's
 * hierarchy and the indexes.  Rows of an added set need not live on.
 * truth as dc_model_build's (NULL: build, every value known). */
void dc_model_begin(dc_model *m, int min_cell);
ips_error dc_model_add(dc_model *m, const metric_set *set, const disclosure_truth *truth,
                       ips_diag *d);
ips_error dc_model_end(dc_model *m, const facts *f, const metric_query *q, ips_diag *d);

/* The pattern of a built model (model/disclosure.c): secondary suppression,
 * then each row's state by its key; frees m, whatever the outcome. */
ips_error dc_pattern_of(dc_model *m, const metric_query *q, disclosure **out, ips_diag *d);

/* Links each derived row to its source rows (model/disclosure_rows.c). */
ips_error dc_rows_link(dc_model *m, ips_diag *d);

/* The names of row i, for messages. */
void dc_row_names(const dc_model *m, size_t i, const char **metric, const char **group_by,
                  const char **group);

/* Builds rows, variables, equations and indexes from set and f's
 * hierarchy.  truth: the true figures of set's rows, one per row, or NULL
 * when set holds them itself (build: every value is known and the
 * equations these data break are dropped); else (audit) only what set
 * publishes is known, and truth serves to tell a real recovery from a
 * wrong guess. */
ips_error dc_model_build(dc_model *m, const facts *f, const metric_set *set,
                         const disclosure_truth *truth, const metric_query *q, ips_diag *d);
void dc_model_free(dc_model *m);

/* The primary rule of metrics.md (Privacy) for one row. */
bool dc_primary_rule(const metric_row *r, int min_cell);

/* Marks the rows the primary rule hides and the quantities that must stay
 * hidden with them (build only). */
void dc_primary(dc_model *m);

/* Hides row i (and with it every variable no published row prints). */
void dc_hide_row(dc_model *m, size_t i, uint8_t state);

/* Sets the intruder's bounds of every hidden variable from the labels. */
void dc_bounds(dc_model *m);

/* What an intruder works out: val[v] is the published value, the one value
 * a hidden v is pinned to (exactly, or squeezed by bounds), or NAN; false
 * when out of memory. */
bool dc_pinned_values(const dc_model *m, double *val);

/* The leaks in val: a hidden quantity worked out to 1 … min_cell − 1, or a
 * hidden row (count, share, mean) whose figure follows from quantities
 * worked out or printed elsewhere (not all zero).  For each leak act[k]
 * (up to cap) is the variable to protect, or, when it is printed under
 * another name, to hide there too; first_var/first_row the first leak
 * (−1 when none).  Returns the number of leaks. */
size_t dc_leaks(const dc_model *m, const double *val, int32_t *act, size_t cap,
                int32_t *first_var, int32_t *first_row);

/* Reduced row echelon form of the equations over the columns on[v] (NULL:
 * the hidden variables), the others moved to the right-hand side with their
 * values; pivots prefer larger pref[v] (NULL: none).  NULL when out of memory. */
typedef struct dc_elim dc_elim;
dc_elim *dc_elim_build(const dc_model *m, const bool *on, const double *pref);
/* The reduced row whose pivot is col, or −1. */
int32_t dc_elim_pivot_row(const dc_elim *e, int32_t col);
void dc_elim_row(const dc_elim *e, int32_t r, const int32_t **cols, const double **vals,
                 uint32_t *n, double *rhs);
void dc_elim_free(dc_elim *e);

/* Gauss–Jordan over the equations restricted to the hidden variables:
 * det[v] when v is exactly determined, with its value in val[v]; false
 * when out of memory (model/disclosure_elim.c). */
bool dc_eliminate(const dc_model *m, bool *det, double *val);

/* The linear part of secondary suppression, in one pass
 * (model/disclosure_gauss.c); after dc_primary().  The plan holds what does
 * not change between passes (the equations' reduced form, the order); forced
 * (or NULL): more variables to hide from the start.  false when out of memory. */
typedef struct dc_gauss_plan dc_gauss_plan;
dc_gauss_plan *dc_gauss_plan_new(const dc_model *m);
void dc_gauss_plan_free(dc_gauss_plan *p);
bool dc_gauss(dc_model *m, dc_gauss_plan *p, const bool *forced);

/* Back to nothing hidden (build). */
void dc_reset(dc_model *m);

/* Secondary suppression until nothing is pinned; returns the rounds, or −1
 * when out of memory.  *unprotected: pinned cells that no further hiding
 * could free (a "<2" label, say), which the audit then reports. */
long dc_secondary(dc_model *m, size_t *unprotected);

#endif
