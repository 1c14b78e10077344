/* Internal to model/: one compute function per family of metrics.md.  Each
 * appends its rows for ctx's period and breakdown to out. metrics_compute()
 * calls them in this order. */
#ifndef IPS_METRIC_FAMILIES_H
#define IPS_METRIC_FAMILIES_H

#include "model/metric_ctx.h"

/* Employment outcomes (caseload … referral wait). */
ips_error outcomes_compute(const metric_ctx *ctx, metric_set *out, ips_diag *d);
/* Fidelity items computed from data (items 1, 2, 15, 17, 19, 20, 21, 23, 24). */
ips_error fidelity_items_compute(const metric_ctx *ctx, metric_set *out, ips_diag *d);
/* Fidelity review totals (rows only without a breakdown, R19). */
ips_error reviews_compute(const metric_ctx *ctx, metric_set *out, ips_diag *d);
/* Funding fees per provider. */
ips_error funding_compute(const metric_ctx *ctx, metric_set *out, ips_diag *d);
/* Team capacity per region (seed 001). */
ips_error capacity_compute(const metric_ctx *ctx, metric_set *out, ips_diag *d);
/* Coaching environment and support levels (seeds 000 and 004). */
ips_error services_compute(const metric_ctx *ctx, metric_set *out, ips_diag *d);

#endif
