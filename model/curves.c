/* The time-to-first-job curves (model/curves.h), fitted by the engine from
 * the facts exactly as the metric is (model/engine_outcomes_km.c). */
#include "model/curves.h"

#include <stdlib.h>

#include "model/engine.h"

void km_curve_list_free(km_curve_list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->n; i++)
        km_curve_free(list->items[i].curve);
    free(list->items);
    free(list);
}

ips_error outcomes_time_to_job_curves(warehouse *wh, const metric_query *q, km_curve_list **out,
                                      ips_diag *d)
{
    *out = NULL;
    if (q->start == IPS_DAY_NONE || q->end == IPS_DAY_NONE || q->end < q->start)
        return ips_diag_set(d, IPS_ERR_PERIOD, "no valid period given");
    const facts *f;
    ips_error e = facts_get_core(wh, q->as_of, &f, d);
    return e == IPS_OK ? engine_time_to_job_curves(f, q, out, d) : e;
}

ips_error outcomes_time_to_job_curve(warehouse *wh, const metric_query *q, km_curve **out,
                                     ips_diag *d)
{
    *out = NULL;
    metric_query whole = *q;
    whole.by = GROUP_NONE;
    km_curve_list *list;
    ips_error e = outcomes_time_to_job_curves(wh, &whole, &list, d);
    if (e != IPS_OK)
        return e;
    if (list->n > 0) {
        *out = list->items[0].curve;
        list->items[0].curve = NULL;
    } else {
        e = km_fit(NULL, 0, out);
        if (e != IPS_OK)
            ips_diag_set(d, e, "out of memory");
    }
    km_curve_list_free(list);
    return e;
}
