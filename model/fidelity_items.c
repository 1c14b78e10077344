/* Placeholder: this family is being built on its own branch. */
#include "model/metric_families.h"

ips_error fidelity_items_compute(const metric_ctx *ctx, metric_set *out, ips_diag *d)
{
    (void)ctx;
    (void)out;
    (void)d;
    return IPS_OK;
}
