/* Internal to model/: the one-pass metric engine.  Every metric of
 * docs/metrics.md is computed here from the in-memory facts (model/facts.h)
 * for one period and breakdown at a time, by a plain scan of the arrays: no
 * SQL.  model/publication.c runs it for every period and breakdown an output
 * shows over one loaded fact set.
 *
 * Each family (model/engine_<family>.c) appends its rows in the order and
 * with the groups the contract output has always had (docs/metrics-output.md):
 * the row order is part of what tests compare. */
#ifndef IPS_ENGINE_H
#define IPS_ENGINE_H

#include "model/curves.h"
#include "model/distributions.h"
#include "model/facts.h"
#include "model/fidelity.h"
#include "model/metrics.h"

typedef struct {
    const facts *f;
    const metric_query *q;       /* period, breakdown and settings */
    ips_day p_start, p_end;      /* P, its end cut at A (R22) */
    bool to_date;                /* the query's end was after A */
    ips_day as_of;               /* A (= f->as_of) */
    ips_day on_day;              /* R3: min(p_end, A) */
    ips_day w_start, w_end;      /* R2: [p_end − 364, p_end], of the cut p_end */
    int p_year;                  /* the year of p_end (age groups, R20) */
    metric_group by;
    int ngroups;                 /* groups of the breakdown; 1 ("") without one */
} eng_ctx;

/* Sets up ctx for q over f (q's period must be valid; as_of is f's). */
void eng_ctx_init(eng_ctx *ctx, const facts *f, const metric_query *q);

/* The fact dimension a breakdown's groups are names of (FD__COUNT for the
 * whole and the age groups, which are no dimension). */
facts_dim_id eng_group_dim(metric_group g);

/* The group of an episode for ctx->by, 0 .. ngroups − 1; ids sort as names.
 * Coach attributes come from the episode's coach (none: ""). */
int eng_episode_group(const eng_ctx *ctx, const fact_episode *e);

/* True when the breakdown applies to coach-level items (R20: none, provider,
 * team, coach, region). */
bool eng_coach_level(const eng_ctx *ctx);

/* The group of coach k (index into f->coaches; -1 = no coach → "") for a
 * coach-level breakdown.  Same ids as eng_episode_group. */
int eng_coach_group(const eng_ctx *ctx, int k);

/* The name of group g ("" for the whole, or for an unknown group). */
const char *eng_group_name(const eng_ctx *ctx, int g);

/* ngroups ints set to -1 (malloc'd; NULL when out of memory): the "last
 * client counted" per group, which dedupes clients in arrays sorted by client. */
int32_t *eng_group_marks(const eng_ctx *ctx);

/* A new row with metric id, kind, period, group_by and group g filled; the
 * rest zero.  NULL when out of memory. */
metric_row *eng_row(const eng_ctx *ctx, metric_set *out, const char *metric, metric_kind kind,
                    int g);

/* A share row (MK_SHARE, R18): numerator, denominator, and when den > 0 the
 * percentage, one decimal; blank, never 0, when the denominator is empty. */
metric_row *eng_share_row(const eng_ctx *ctx, metric_set *out, const char *metric, int g,
                          double num, double den);

/* Active on day d / in [a, b] (metrics.md "Time"); end IPS_DAY_NONE = open. */
static inline bool eng_active_on(ips_day start, ips_day end, ips_day d)
{
    return start <= d && (end == IPS_DAY_NONE || end >= d);
}
static inline bool eng_active_in(ips_day start, ips_day end, ips_day a, ips_day b)
{
    return start <= b && (end == IPS_DAY_NONE || end >= a);
}

/* Families, in the order metrics_compute() has always emitted them.  Each
 * appends its rows for ctx to out; IPS_ERR_NOMEM (with d set) when memory runs out. */
ips_error engine_outcomes(const eng_ctx *ctx, metric_set *out, ips_diag *d);
ips_error engine_fidelity_items(const eng_ctx *ctx, metric_set *out, ips_diag *d);
/* Item 10's first-contact rows alone (a span's headline figures, engine_compute). */
ips_error engine_fidelity_first_contact(const eng_ctx *ctx, metric_set *out, ips_diag *d);
ips_error engine_reviews(const eng_ctx *ctx, metric_set *out, ips_diag *d);
ips_error engine_funding(const eng_ctx *ctx, metric_set *out, ips_diag *d);
ips_error engine_capacity(const eng_ctx *ctx, metric_set *out, ips_diag *d);
ips_error engine_services(const eng_ctx *ctx, metric_set *out, ips_diag *d);
ips_error engine_instruments(const eng_ctx *ctx, metric_set *out, ips_diag *d);

/* Outcome instruments (model/engine_instruments.c): rows for the first
 * ENGINE_INSTRUMENTS_MAX codes of the data (by code), each at most
 * ENGINE_INSTRUMENT_CODE_MAX bytes ("_improved_share" must still fit a
 * metric id); the disclosure model has a quantity pair for each. */
#define ENGINE_INSTRUMENTS_MAX 16
#define ENGINE_INSTRUMENT_CODE_MAX 32
int engine_instrument_count(const facts *f);
/* Not one of engine_compute()'s families: the funder's rows of a span
 * (model/funder.h), asked for by funder_compute() alone. */
ips_error engine_funder(const eng_ctx *ctx, metric_set *out, ips_diag *d);

/* The time-to-first-job curves of outcomes_time_to_job_curves() (model/curves.h)
 * for q over f: one per group of q->by that has episodes in the cohort, in
 * group order.  IPS_ERR_PERIOD for an invalid period. */
ips_error engine_time_to_job_curves(const facts *f, const metric_query *q, km_curve_list **out,
                                    ips_diag *d);

/* The group id of name for ctx->by (the inverse of eng_group_name), or -1. */
int eng_group_find(const eng_ctx *ctx, const char *name);

/* Which parts a pack keeps with a query: its own (the period's slots and
 * waits, item 1's clients, capacity), or those that depend on its end day
 * and breakdown only (the 12-month cohorts' observations; without a
 * breakdown also each coach's window sums), kept once per end day so that
 * the quarter, half and year ending on one day do not carry them three times. */
typedef enum { PARTS_OF_QUERY, PARTS_OF_END } eng_parts_kind;

/* The outcomes family as additive parts ("@eo:…" rows, engine_outcomes_parts.c)
 * for a county's pack, and its rows worked out again from the parts of
 * several counties (any order; the query's and the end day's sets). */
ips_error engine_outcomes_parts(const eng_ctx *ctx, eng_parts_kind kind, metric_set *out,
                                ips_diag *d);
ips_error engine_outcomes_from_parts(const eng_ctx *ctx, const metric_set *parts,
                                     const metric_set *end_parts, metric_set *out, ips_diag *d);
/* Items 1, 2, 17 and 24 the same way (engine_fidelity_parts.c): the coach
 * figures, each coach's fte taken once from the national register. */
ips_error engine_fidelity_parts(const eng_ctx *ctx, eng_parts_kind kind, metric_set *out,
                                ips_diag *d);
ips_error engine_fidelity_coach_from_parts(const eng_ctx *ctx, const metric_set *parts,
                                           const metric_set *end_parts, metric_set *out,
                                           ips_diag *d);
/* Team capacity the same way (engine_capacity.c): the year's distinct
 * clients and day-by-day active clients travel in the year's whole query;
 * the fte come from the national register.  year_parts: that query's parts. */
ips_error engine_capacity_parts(const eng_ctx *ctx, metric_set *out, ips_diag *d);
ips_error engine_capacity_from_parts(const eng_ctx *ctx, const metric_set *year_parts,
                                     metric_set *out, ips_diag *d);
/* Item 21's R13 (fewer than 10 clients with a job score 1; the clients ride
 * in r->sum) and item 23's score from its five share rows, in the order of
 * engine_follow_ids: the rules a national warehouse applies again to the
 * counties' rows added up. */
void engine_item21_rule(metric_row *r);
int engine_follow_score(const metric_row *row[5]);
extern const char *const engine_follow_ids[5];
/* Every family's parts of one kind for one query. */
ips_error engine_parts(const facts *f, const metric_query *q, eng_parts_kind kind,
                       metric_set *out, ips_diag *d);

/* Every family for one query (no suppression). */
ips_error engine_compute(const facts *f, const metric_query *q, metric_set *out, ips_diag *d);

/* The reviews of f for the merged review and the totals (engine_reviews.c),
 * without data scores: with review_id that review whatever its date (none
 * when unknown or dated after f's A); else with latest the latest review of each unit dated in
 * [w_start, w_end] (by date, then review_id); else every review dated there.
 * Listed by unit, date, review_id; out->reviews is malloc'd. */
ips_error engine_review_list(const facts *f, ips_day w_start, ips_day w_end,
                             const char *review_id, bool latest, fidelity_review_list *out,
                             ips_diag *d);

/* Fills r's totals, proration and band (R19) from its items: the one rule
 * for the review rows and the merged review alike. */
void fidelity_review_totals(fidelity_review *r);

/* The service path as rows of the whole service (service_path, group_by
 * "step": started, employer_contact, first_job, job_90_days and
 * job_90_days_not_yet_known), so that the pattern protects the funnel like
 * any count; nothing for a breakdown. */
ips_error engine_service_path_rows(const eng_ctx *ctx, metric_set *out, ips_diag *d);

/* distributions_service_path() over the facts (model/engine_distributions.c),
 * for q's period (as-of date = f's). */
ips_error engine_service_path(const facts *f, const metric_query *q, long counts[PATH_COUNTS],
                              ips_diag *d);

#endif
