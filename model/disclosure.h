/* Disclosure control over everything published together (docs/privacy.md).
 *
 * The rows that one command or `publish` writes, and those the other
 * breakdowns and periods of the same data would publish, are one set of
 * linked tables: the universe of a year is its four quarters, two halves
 * and the year, each whole and by every breakdown.  Each row carries
 * quantities (counts of clients, episodes, exits, jobs, contacts); the same
 * quantity under several names is one variable (caseload_active is the
 * denominator of employment_rate; fee_outcome is the numerator of
 * employment_at_exit), and the public relations between variables are
 * linear equations: every breakdown partitions the whole, coach ⊂ team ⊂
 * provider and coach ⊂ region, flows add up over nested periods (quarters
 * in halves in years), and cohort = measured + pending.
 *
 * Primary suppression hides the small cells (1 … min_cell − 1) as before.
 * Secondary suppression then hides more rows until no hidden quantity can
 * be worked out from the published ones: neither exactly, by linear
 * elimination over all relations at once (as Statistics Norway's
 * GaussSuppression), nor by bounds (a "<5" cell holds 1 … 4, a count
 * hidden as "–" holds at least min_cell, every count is ≥ 0) propagated
 * through the relations until they pin a cell to one value.  It prefers
 * the cells that carry least: low counts, leaf rows (coach before team
 * before provider, quarter before half before year), and never hides a
 * whole-service row while a lower one can serve.
 *
 * The same data and settings give the same pattern in every output and run:
 * the pattern depends only on the universe, never on which rows one output
 * asks for. */
#ifndef IPS_DISCLOSURE_H
#define IPS_DISCLOSURE_H

#include "model/facts.h"
#include "model/km.h"
#include "model/metrics.h"

typedef struct disclosure disclosure;

typedef struct {
    size_t rows;        /* distinct rows in the universe that could be hidden */
    size_t hidden;      /* rows hidden */
    size_t primary;     /* … by the primary rule */
    size_t secondary;   /* … to protect other cells */
    size_t variables;   /* distinct quantities behind the rows */
    size_t relations;   /* public equations between them */
    size_t rounds;      /* rounds of secondary suppression */
    size_t unprotected; /* pinned cells no further hiding could free (min_cell 2) */
    size_t inexact;     /* equations these figures break (an intruder would still use them) */
} disclosure_stats;

/* Builds the pattern for universe: unsuppressed rows (metrics_compute with
 * q.internal) of every period and breakdown published together, computed
 * from f, whose coaches give the hierarchy.  q gives min_cell and the fee
 * reason lists, which make fee_guidance and fee_outcome sums of exits by
 * reason. */
ips_error disclosure_build(const facts *f, const metric_set *universe, const metric_query *q,
                           disclosure **out, ips_diag *d);

/* Hides the rows of set that the pattern hides ("<5" primary counts, "–"
 * otherwise) and clears their numbers.  A suppressible row the pattern does
 * not know is hidden too: what was not checked is not published. */
void disclosure_apply(const disclosure *dc, metric_set *set);
/* What disclosure_apply() does to each row, one byte a row (0 shown, 1
 * hidden as small, 2 hidden to protect others), kept with the rows at
 * ingest (model/metric_store.h) so that a reader applies the pattern
 * without reading it.  It is worked out from each row's key, so that a
 * year's passes can be let go before their pattern exists. */
typedef struct {
    uint64_t hash;
    uint8_t kind;  /* 0 hidden already, 1 suppressible, 2 never hidden */
} disclosure_row_key;
void disclosure_keys(const metric_set *set, disclosure_row_key *out);
/* The states of n rows from their keys. */
void disclosure_key_states(const disclosure *dc, const disclosure_row_key *keys, size_t n,
                           uint8_t *out);
/* Applies states (n of them, from disclosure_key_states()) to set's rows from
 * `from` on, as disclosure_apply() would have with their pattern; false,
 * set untouched, when they do not fit those rows. */
bool disclosure_apply_states(metric_set *set, size_t from, const uint8_t *states, size_t n,
                             int min_cell);

void disclosure_stats_get(const disclosure *dc, disclosure_stats *out);

/* Accepts NULL. */
void disclosure_free(disclosure *dc);

/* The pattern as bytes to keep in the warehouse (malloc'd into *buf), and
 * back; decode gives NULL for bytes it did not write (another build or
 * machine), and the pattern is then built again. */
ips_error disclosure_encode(const disclosure *dc, void **buf, size_t *len, ips_diag *d);
disclosure *disclosure_decode(const void *buf, size_t len);

/* The figures of a row before suppression: what the audit needs of the
 * truth (24 bytes a row instead of a copy of every row). */
typedef struct {
    double numerator, denominator, value;
} disclosure_truth;

/* The true figures of set's rows, one per row (malloc'd; NULL when out of
 * memory); taken before the pattern is applied to set in place. */
disclosure_truth *disclosure_truth_of(const metric_set *set);

/* The intruder's view (ipsreport audit).  published: the rows as published
 * (suppressed, numbers of hidden rows cleared); truth: their figures before
 * suppression, one per row.  For every hidden quantity the audit
 * works out, from the published figures and the public relations alone,
 * whether it is pinned to one value (exact elimination, then bounds
 * propagated through the relations); pinned to its true value is a
 * recovery (a relation that these data break only misleads). */
typedef struct {
    size_t rows, hidden, primary, secondary;  /* as published */
    size_t quantities;                        /* hidden quantities checked */
    size_t recovered;                         /* … pinned to one value */
    char example[320];                        /* the first recovered one, or "" */
} disclosure_audit;

ips_error disclosure_audit_run(const facts *f, const metric_set *published,
                               const disclosure_truth *truth, const metric_query *q,
                               disclosure_audit *out, ips_diag *d);

/* Applies the pattern of the universe that holds q's period (its calendar
 * year's quarters, halves and year, or the period alone when it is none of
 * them; every breakdown) to set->rows[from …]: the one suppression of every
 * output (metrics_compute).  The pattern is kept on a read-only warehouse;
 * the facts are loaded only when no kept pattern serves. */
ips_error disclosure_suppress(warehouse *wh, const metric_query *q, metric_set *set,
                              size_t from, ips_diag *d);

/* The whole service's time-to-first-job curve as it may be published,
 * given the whole service's rows of P as published: nothing (*hidden) when
 * its cohort is hidden or small, else its steps merged so that each holds
 * at least min_cell events (model/disclosure_curve.c). */
void disclosure_curve_protect(km_curve *c, const metric_set *published, int min_cell,
                              bool *hidden);

/* The universe itself (unsuppressed rows of every period and breakdown) for
 * q's period, appended to out; the audit publishes it through the pattern. */
ips_error disclosure_universe(const facts *f, const metric_query *q, metric_set *out,
                              ips_diag *d);

/* The audit of `ipsreport audit`: q's universe published through its
 * pattern, then attacked with disclosure_audit_run(); stats of the pattern
 * (stats may be NULL).  kept: the audit the warehouse keeps with its
 * pattern will do (publish, whose outputs then suppress as kept); then
 * without stats the pattern itself is not even read. */
ips_error disclosure_audit_period(warehouse *wh, const metric_query *q, bool kept,
                                  disclosure_audit *out, disclosure_stats *stats, ips_diag *d);

#endif
