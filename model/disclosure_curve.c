/* The time-to-first-job curve under the pattern (model/disclosure.h).
 *
 * A Kaplan–Meier step curve prints every event: the size of a step and the
 * cohort give how many clients found a job on that day.  So the curve is
 * published only where the figures behind it are: not at all when the
 * whole service's time-to-job row (its cohort) is hidden or the cohort is
 * small, and otherwise with its steps merged until each holds at least
 * min_cell events (the trailing ones that never do are dropped, so the
 * curve stops at its last such step).  Between two published steps the
 * curve is flat: a reader learns only that min_cell or more events fell in
 * between, never one client's day. */
#include "model/disclosure.h"

#include <stdlib.h>
#include <string.h>

/* Whether the whole service's time-to-job rows are hidden in rows. */
static bool cohort_hidden(const metric_set *rows)
{
    static const char *const names[] = {"employed_within_180_days",
                                        "time_to_first_job_median_days"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        const metric_row *r = rows ? metric_set_find(rows, names[i], "", "") : NULL;
        if (r && r->suppressed)
            return true;
    }
    return false;
}

void disclosure_curve_protect(km_curve *c, const metric_set *published, int min_cell,
                              bool *hidden)
{
    *hidden = false;
    if (!c)
        return;
    if (cohort_hidden(published) || (c->cohort > 0 && c->cohort < (size_t)min_cell)) {
        *hidden = true;
        c->n = 0;
        c->cohort = 0;
        c->events = 0;
        return;
    }
    size_t kept = 0, deaths = 0;
    for (size_t i = 0; i < c->n; i++) {
        deaths += c->deaths[i];
        if (deaths < (size_t)min_cell)
            continue;
        /* the step of the min_cell-th event since the last one published,
         * at the survival just after it */
        c->time[kept] = c->time[i];
        c->surv[kept] = c->surv[i];
        c->at_risk[kept] = c->at_risk[i];
        c->deaths[kept] = deaths;
        kept++;
        deaths = 0;
    }
    c->n = kept;
}
