/* Distributions behind single metrics, for pictures that need more than one
 * number: item 15's days to the first employer contact, and the service path
 * of the episodes of a period.  Both use the same rules as the metrics
 * (docs/metrics.md R1, R7, R10). */
#ifndef IPS_DISTRIBUTIONS_H
#define IPS_DISTRIBUTIONS_H

#include <stddef.h>

#include "model/metrics.h"

/* (Item 15's days to the first employer contact are metric rows,
 * first_employer_contact_days: model/engine_fidelity.c.) */

/* The service path of the ips episodes referred in P (their referral_date,
 * or start_date where no referral is recorded, falls in P):
 *   steps[0] referred, [1] started by A, [2] had an in-person employer contact
 *   on or after the start (R10), [3] had a first competitive job (R7's event),
 *   [4] that first job lasted 90 days or more (ended, or open at A).
 * Each step counts a subset of the one before it. */
#define PATH_STEPS 5
ips_error distributions_service_path(warehouse *wh, const metric_query *q, long steps[PATH_STEPS],
                                     ips_diag *d);

#endif
