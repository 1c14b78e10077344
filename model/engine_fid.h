/* Internal to model/engine_fidelity*.c: what the engine's fidelity items
 * share — the share row of items 15, 19–21 and 23, and the job items.
 *
 * Every item is emitted per group in group-id order (= the names' byte
 * order), for the groups that have rows; without a breakdown the whole
 * service always has its row (blank when empty). */
#ifndef IPS_ENGINE_FID_H
#define IPS_ENGINE_FID_H

#include "model/engine.h"

/* Whether group g gets rows: it had any, or it is the whole service. */
static inline bool eng_fid_emits(const eng_ctx *ctx, bool present)
{
    return present || ctx->by == GROUP_NONE;
}

/* A share row (MK_SHARE): numerator, denominator, and when den > 0 the value
 * in percent, one decimal, and for item > 0 its band score.  NULL when out
 * of memory. */
metric_row *eng_fid_share_row(const eng_ctx *ctx, metric_set *out, const char *metric, int g,
                              double num, double den, int item);

/* Items 1, 2, 17 and 24: one group's sums over R4's IPS coaches on on_day
 * (and item 1's clients), from the facts or, on a national warehouse, from
 * the counties' parts (engine_fidelity_parts.c). */
typedef struct {
    bool has_client;             /* an ips episode active on on_day (item 1) */
    bool has_coach;              /* an IPS coach (items 1, 2, 17, 24) */
    double clients, fte;         /* item 1; fte also item 17's */
    double focus_num, focus_den; /* item 2: coaches with a focus share */
    double contacts;             /* item 17 */
    double comm_num, comm_den;   /* item 24: coaches with a share */
} coach_acc;

/* One coach's contact sums in the windows of items 17 and 24. */
typedef struct {
    double employer_contacts, minutes, community_minutes;
} coach_window;

typedef enum { CI_CASELOAD, CI_FOCUS, CI_EMPLOYER, CI_COMMUNITY } coach_item;

/* Item 1's distinct clients per group, and in ips[k] whether coach k has an
 * ips episode active on on_day; false when out of memory. */
bool eng_fid_count_clients(const eng_ctx *ctx, coach_acc *acc, bool *ips);
void eng_fid_coach_window(const eng_ctx *ctx, size_t k, coach_window *w);
/* The coaches' part of acc from the register, ips[] and their windows w[]. */
void eng_fid_sum_coaches(const eng_ctx *ctx, coach_acc *acc, const bool *ips,
                         const coach_window *w);
/* One coach-level item's rows over every group that has them. */
ips_error eng_fid_coach_rows(const eng_ctx *ctx, metric_set *out, const coach_acc *acc,
                             coach_item item, ips_diag *d);

/* The common out-of-memory error of the family. */
ips_error eng_fid_nomem(ips_diag *d);

/* Items 19, 20, 21 and 23 (model/engine_fidelity_jobs.c). */
ips_error engine_fidelity_jobs(const eng_ctx *ctx, metric_set *out, ips_diag *d);

#endif
