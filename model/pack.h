/* Aggregate packs and the national warehouse (docs/federation.md).
 *
 * A county's pack holds what the national level needs to publish the same
 * figures without any row about one person: every metric row, unsuppressed,
 * for every calendar quarter, half, year and January–September from two
 * years before the data to A, whole and by every breakdown; the comparison
 * spans (the last four quarters and the time since the start, to each
 * quarter's end); the funder's rows since the start to each quarter's end;
 * the coach register (staff, not clients) and the fidelity reviews (of
 * services).  It is one SQLite file (tables pack_meta, pack_rows,
 * pack_coaches, pack_reviews) with a format version and the county's name.
 *
 *   pack_info info;
 *   pack_write(wh, "Päijät-Häme", IPS_DAY_NONE, "phhyky.pack", &info, &d);
 *   national_merge(nat, (const char *[]){"a.pack", "b.pack"}, 2, &report, &d);
 *
 * A national warehouse holds packs only; its facts (model/facts.h) are the
 * merged coach register and reviews, and its metric rows are the packs'
 * rows merged (model/national.c), so that metrics, report, charts, pdf and
 * publish read it as they read a county's warehouse. */
#ifndef IPS_PACK_H
#define IPS_PACK_H

#include <stddef.h>

#include "common/date.h"
#include "common/error.h"
#include "model/warehouse.h"

#define PACK_FORMAT "ipsreport-pack"
#define PACK_VERSION 1
#define PACK_COUNTY_MAX 64

typedef struct {
    int version;
    char county[PACK_COUNTY_MAX];
    char made_by[32];        /* the ipsreport version that wrote it */
    char created[32];        /* UTC, ISO 8601 */
    ips_day as_of;           /* A of every row */
    ips_day first_day;       /* the earliest referral or start (comparisons' "since") */
    ips_day ips_first_day;   /* the earliest ips start (the funder's "since") */
    ips_day period_first, period_last; /* the calendar periods it covers */
    size_t queries, rows, coaches, reviews;
} pack_info;

/* Writes wh's pack as of as_of (IPS_DAY_NONE: the data's own A) to path,
 * which must not exist yet.  info (may be NULL) describes what was written. */
ips_error pack_write(warehouse *wh, const char *county, ips_day as_of, const char *path,
                     pack_info *info, ips_diag *d);

/* Reads a pack's description; IPS_ERR_PACK when path is no pack of a
 * version this ipsreport reads. */
ips_error pack_describe(const char *path, pack_info *info, ips_diag *d);

/* What a merge did. */
typedef struct {
    size_t added, replaced, kept; /* packs new, newer than the county's, older or the same
                                     as the one held (ignored) */
    size_t counties;              /* counties in the national warehouse afterwards */
    ips_day as_of;
} national_report;

/* Merges packs into the national warehouse wh (writable; new or national
 * already): a pack replaces its county's older one; one older than what is
 * held is ignored.  All packs must share one as-of day.  One transaction. */
ips_error national_merge(warehouse *wh, const char *const *paths, size_t n, national_report *r,
                         ips_diag *d);

/* True when wh is a national warehouse (*out); a county's is not. */
ips_error national_is(warehouse *wh, bool *out, ips_diag *d);

#endif
