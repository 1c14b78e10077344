/* Placeholder families while the engine is being filled in; each moves to
 * its own model/engine_<family>.c. */
#include "model/engine.h"

#define STUB(name)                                                              \
    ips_error name(const eng_ctx *ctx, metric_set *out, ips_diag *d)            \
    {                                                                           \
        (void)ctx;                                                              \
        (void)out;                                                              \
        (void)d;                                                                \
        return IPS_OK;                                                          \
    }
STUB(engine_outcomes)
STUB(engine_fidelity_items)
