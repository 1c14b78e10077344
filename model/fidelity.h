/* Fidelity: THL's 25 quality criteria for supported employment (seed 002,
 * LIITE 1), which follow the IPS Supported Employment Fidelity Scale.
 *
 * The metric rows themselves come from metrics_compute() (docs metrics.md,
 * "Fidelity items computed from data" and "Fidelity review totals").  This
 * header gives the report what it needs around them:
 *
 *   - item and section names in Finnish, Swedish and English;
 *   - the score band of an item value, so the report can explain a score;
 *   - the merged review: each reviewer's item scores beside the score
 *     computed from data for the same window, with the gaps marked.
 *
 *   fidelity_review_list *list = NULL;
 *   if (fidelity_review_merge(wh, &q, NULL, &list, &d) == IPS_OK)
 *       for (size_t i = 0; i < list->n; i++) show(&list->reviews[i]);
 *   fidelity_review_list_free(list);
 */
#ifndef IPS_FIDELITY_H
#define IPS_FIDELITY_H

#include <stdbool.h>
#include <stddef.h>

#include "common/date.h"
#include "common/error.h"
#include "model/metrics.h"
#include "model/warehouse.h"

#define FIDELITY_ITEMS 25

/* The criteria's three parts as the seed's score sheet and audit (LIITE 9)
 * group them: items 1–3, 4–11 and 12–25. */
typedef enum {
    FID_SECTION_STAFFING = 1,     /* Palvelun henkilöstö */
    FID_SECTION_ORGANISATION = 2, /* Palvelun järjestäminen */
    FID_SECTION_SERVICES = 3,     /* Palvelun sisältö */
} fidelity_section;

/* The section of item 1..25; 0 for any other number. */
fidelity_section fidelity_item_section(int item);

/* The score 1..5 that THL's bands give item's value, where value is the
 * metric row's value as printed (percent for shares, days for item 15,
 * clients per fte for item 1, contacts per week for item 17).  Items 1, 2, 15,
 * 19, 20, 21 and 24 round it half-up to a whole number first (R16); item 17
 * bands it as it is.  Item 21's "fewer than 10 clients → 1" is not applied
 * here (the metric row has it).  0 for items without data bands (including
 * 23, whose score combines several shares). */
int fidelity_band_score(int item, double value);

/* The metric id whose row carries item's data score ("caseload_per_fte",
 * ..., "follow_along_score"), or NULL when no score is computed from data. */
const char *fidelity_score_metric(int item);

/* The band of a review total (R19): "exemplary" (115–125), "good" (100–114),
 * "fair" (74–99) or "not_supported" (≤ 73). */
const char *fidelity_total_band(int total);

typedef enum {
    FID_STATUS_MISSING = 0,   /* the review has no row for the item */
    FID_STATUS_RATED,
    FID_STATUS_NOT_APPLICABLE,
    FID_STATUS_NOT_RATED,
} fidelity_status;

/* "rated", "not_applicable", "not_rated" or "missing". */
const char *fidelity_status_name(fidelity_status s);

typedef struct {
    int item;                  /* 1..25 */
    fidelity_section section;
    fidelity_status status;    /* the reviewer's */
    int score;                 /* reviewer's score, or the low end of a range; 0 unless rated */
    int score_high;            /* high end of a range; equals score without one */
    int data_score;            /* score computed from data for the same window; 0 = none */
    bool differs;              /* rated, data_score > 0, and data_score lies 2 or more
                                  outside score..score_high */
} fidelity_merged_item;

typedef struct {
    char review_id[96];
    char unit[96];
    ips_day review_date;
    char reviewer[96];         /* "" when not given */
    bool data_for_provider;    /* data scores are the unit's provider's (the unit
                                  is a provider id); false: the whole service */
    int total_low, total_high; /* fidelity_total_low / _high */
    int items_rated;
    double prorated_low, prorated_high; /* one decimal; 0 when items_rated is 0 */
    char band[32];             /* fidelity_band: "fair", "fair/good"; "" when nothing rated */
    fidelity_merged_item items[FIDELITY_ITEMS]; /* items[i].item == i + 1 */
} fidelity_review;

typedef struct {
    fidelity_review *reviews;  /* by unit, then review_date */
    size_t n;
} fidelity_review_list;

/* Reviews with the data scores beside them.  With review_id NULL: the latest
 * review of each unit whose review_date is in q's window W (R2, R19); else
 * that one review, whatever its date (an unknown id gives an empty list).
 * Data scores are computed for q's period (as-of date, window) without a
 * breakdown, for the unit's provider when the unit is a provider_id of some
 * coach, else for the whole service; unless q->internal, a score whose row
 * small-cell suppression hides counts as none. */
ips_error fidelity_review_merge(warehouse *wh, const metric_query *q, const char *review_id,
                                fidelity_review_list **out, ips_diag *d);
void fidelity_review_list_free(fidelity_review_list *list);

#endif
