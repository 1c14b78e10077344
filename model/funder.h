/* The funder's indicators (ESF+, Regulation (EU) 2021/1057, Annex I common
 * indicators; docs/metrics.md "Funder (ESF+)"): participants since the
 * project started, each counted once, by gender, age group at entry and
 * segment (breakdowns of the rows), and the results of those who have left: in
 * employment on leaving and six months after.
 *
 *   metric_set *set = metric_set_new();
 *   funder_compute(wh, &q, IPS_DAY_NONE, set, &d);   // since the data's first day
 *   const metric_row *r = metric_set_find(set, FUNDER_PARTICIPANTS, "gender", "f");
 *
 * The span S is [start, min(q->end, A)].  Its rows are a universe of their
 * own (S is no calendar period: every breakdown of S, like any other span),
 * suppressed with the one disclosure model (model/disclosure.h) unless
 * q->internal. */
#ifndef IPS_FUNDER_H
#define IPS_FUNDER_H

#include "model/disclosure.h"
#include "model/metrics.h"
#include "model/warehouse.h"

#define FUNDER_PARTICIPANTS "esf_participants"
#define FUNDER_ON_LEAVING "esf_employed_on_leaving"
#define FUNDER_SIX_MONTHS "esf_employed_six_months"
#define FUNDER_NOT_YET_KNOWN "esf_six_months_not_yet_known"

/* The funder's rows by age_group are by age at entry in the ESF+ bands, not
 * R20's: these group names, in the order they are shown ("" = unknown). */
#define FUNDER_AGE_GROUPS 5
extern const char *const funder_age_groups[FUNDER_AGE_GROUPS];
/* An age group's name as printed ("18–29"); unknown for "". */
const char *funder_age_text(const char *group, const char *unknown);

/* Days after the exit day: a job held on exit … exit + 28 is "on leaving",
 * one held on exit + 183 is "six months after". */
#define FUNDER_LEAVING_DAYS 28
#define FUNDER_FOLLOW_UP_DAYS 183

/* The data's first day: the earliest start of an ips episode that exists at
 * q's as-of date (IPS_DAY_NONE when there is none). */
ips_error funder_first_day(warehouse *wh, const metric_query *q, ips_day *out, ips_diag *d);

/* Appends the funder rows of S = [start, min(q->end, A)] (start IPS_DAY_NONE:
 * funder_first_day), whole and by every breakdown, suppressed unless
 * q->internal.  q->by is ignored.  *s_start gets S's first day (NULL: not
 * wanted). */
ips_error funder_compute(warehouse *wh, const metric_query *q, ips_day start, metric_set *out,
                         ips_day *s_start, ips_diag *d);

/* The intruder's audit of the funder rows of S (model/disclosure.h). */
ips_error funder_audit(warehouse *wh, const metric_query *q, ips_day start,
                       disclosure_audit *out, ips_diag *d);

#endif
