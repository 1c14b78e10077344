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

/* The common out-of-memory error of the family. */
ips_error eng_fid_nomem(ips_diag *d);

/* Items 19, 20, 21 and 23 (model/engine_fidelity_jobs.c). */
ips_error engine_fidelity_jobs(const eng_ctx *ctx, metric_set *out, ips_diag *d);

#endif
