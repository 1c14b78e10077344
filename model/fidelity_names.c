/* Sections and score bands of the 25 fidelity items.  Their names, the
 * sections' and the bands' in fi, sv and en are the text catalogue's
 * (po/: FIDELITY_ITEM, CODE_BAND), the one place a translator edits. */
#include "model/metrics.h"
#include "model/fidelity.h"

#include <string.h>


fidelity_section fidelity_item_section(int item)
{
    if (item >= 1 && item <= 3)
        return FID_SECTION_STAFFING;
    if (item >= 4 && item <= 11)
        return FID_SECTION_ORGANISATION;
    if (item >= 12 && item <= FIDELITY_ITEMS)
        return FID_SECTION_SERVICES;
    return 0;
}

/* Each band list reads "score 5 when v meets the first limit, 4 the second…";
 * the limits are the seed's whole-number ranges (LIITE 1). */
static int band_at_least(double v, double l5, double l4, double l3, double l2)
{
    return v >= l5 ? 5 : v >= l4 ? 4 : v >= l3 ? 3 : v >= l2 ? 2 : 1;
}

static int band_at_most(double v, double l5, double l4, double l3, double l2)
{
    return v <= l5 ? 5 : v <= l4 ? 4 : v <= l3 ? 3 : v <= l2 ? 2 : 1;
}

int fidelity_band_score(int item, double value)
{
    double v = item == 17 ? value : metric_round(value, 0);
    switch (item) {
    case 1: return band_at_most(v, 20, 25, 30, 40);
    case 2: return band_at_least(v, 96, 90, 75, 60);
    case 15: return band_at_most(v, 30, 60, 150, 270);
    case 17: return band_at_least(v, 6, 5, 4, 2);
    case 19:
    case 20: return band_at_least(v, 85, 70, 60, 50);
    case 21: return band_at_least(v, 95, 85, 75, 65);
    case 24: return band_at_least(v, 65, 50, 40, 30);
    default: return 0;
    }
}

const char *fidelity_score_metric(int item)
{
    switch (item) {
    case 1: return "caseload_per_fte";
    case 2: return "focus_share";
    case 15: return "first_employer_contact_mean_days";
    case 17: return "employer_contacts_per_week";
    case 19: return "job_diversity";
    case 20: return "employer_diversity";
    case 21: return "competitive_permanent_share";
    case 23: return "follow_along_score";
    case 24: return "community_share";
    default: return NULL;
    }
}

const char *fidelity_total_band(int total)
{
    if (total >= 115)
        return "exemplary";
    if (total >= 100)
        return "good";
    if (total >= 74)
        return "fair";
    return "not_supported";
}

const char *fidelity_status_name(fidelity_status s)
{
    switch (s) {
    case FID_STATUS_RATED: return "rated";
    case FID_STATUS_NOT_APPLICABLE: return "not_applicable";
    case FID_STATUS_NOT_RATED: return "not_rated";
    case FID_STATUS_MISSING: break;
    }
    return "missing";
}
