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

/* The service path of the ips episodes started in P (the cohort of
 * enrollments_started, so that the funnel's first step and the headline
 * agree), each step counted by A:
 *   counts[0] started in P, [1] had an in-person employer contact on or
 *   after the start (R10), [2] had a first competitive job (R7's event),
 *   [3] that first job was held 90 days or more (ended 90 or more days after
 *   its start, or still open at A 90 or more days after it);
 *   counts[4] is no step: the first jobs still open at A that started less
 *   than 90 days before it, whose 90 days are not yet known.  They are left
 *   out of step 3 rather than counted as failures (a quarter's first jobs
 *   are mostly this recent).
 * Steps 1 and 2 each count a subset of step 0, and step 3 of step 2 (a
 * client may find a job with no recorded employer contact). */
#define PATH_STEPS 4
#define PATH_COUNTS 5
#define PATH_DAYS_HELD 90
/* The group of each count in the service_path rows (metrics.md). */
extern const char *const distributions_path_steps[PATH_COUNTS];
ips_error distributions_service_path(warehouse *wh, const metric_query *q, long counts[PATH_COUNTS],
                                     ips_diag *d);

#endif
