/* The distributions behind single metrics (model/distributions.h), from the
 * engine over the facts (model/engine_distributions.c). */
#include "model/distributions.h"

#include "model/engine.h"

ips_error distributions_service_path(warehouse *wh, const metric_query *q, long counts[PATH_COUNTS],
                                     ips_diag *d)
{
    const facts *f;
    ips_error e = facts_get_core(wh, q->as_of, &f, d);
    return e == IPS_OK ? engine_service_path(f, q, counts, d) : e;
}
