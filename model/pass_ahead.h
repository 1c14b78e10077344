/* Internal to model/: a universe's engine passes (model/engine.h) computed
 * ahead, in order, by helper threads, while the caller takes each one in.
 *
 * The caller (model/disclosure_universe.c) adds every pass of a year to the
 * disclosure model and the kept rows; the passes cost more than the caller
 * does with them, and differ a lot from one another (a by-coach pass of
 * funding is long, an age-group pass of a year before the data is short).
 * Computing only the next pass beside the caller made both wait at every
 * step for the slower of the two.  Here helpers claim the passes in order
 * and compute up to PASS_AHEAD_RING of them ahead, and the caller waits
 * only when all of them are behind.  The caller takes the passes in their
 * order whatever the helpers' speeds, so the rows it sees, and all it
 * builds from them, are the same as on one thread. */
#ifndef IPS_PASS_AHEAD_H
#define IPS_PASS_AHEAD_H

#include <stdbool.h>

#include "model/facts.h"
#include "model/metrics.h"

/* Helper threads, and the passes held at once: the one the caller takes
 * in and those computed (or being computed) ahead of it. */
#define PASS_AHEAD_HELPERS 2
#define PASS_AHEAD_RING 4

typedef struct pass_ahead pass_ahead;

/* Starts the n passes p (kept by the caller until pass_ahead_free) over f;
 * with threaded false (or no thread to be had) each pass is computed when
 * it is asked for, on the caller's thread.  engine_compute() must be safe
 * to run on several threads over the same facts (it only reads them). */
ips_error pass_ahead_new(const facts *f, const metric_query *p, size_t n, bool threaded,
                         pass_ahead **out, ips_diag *d);

/* The rows of the next pass, 0 to n − 1 in order, valid until the next call;
 * an error of that pass's computation is returned here. */
ips_error pass_ahead_next(pass_ahead *a, const metric_set **rows, ips_diag *d);

/* Stops the helpers (when the caller ends early) and frees; accepts NULL. */
void pass_ahead_free(pass_ahead *a);

#endif
