/* Definitions of the fidelity items computed from data (metrics.md), with
 * their unit and item; the names and texts (with THL's score bands) are the
 * catalogue's "DEF_NAME:id" and "DEF_TEXT:id" (po/). */
#include "reports/definitions_tables.h"

const metric_def definitions_fidelity[] = {
    {"caseload_per_fte", UNIT_CLIENTS_PER_FTE, 1},
    {"focus_share", UNIT_PERCENT, 2},
    {"first_employer_contact_mean_days", UNIT_DAYS, 15},
    {"first_employer_contact_days", UNIT_COUNT, 15},
    {"first_employer_contact_pending", UNIT_COUNT, 15},
    {"first_employer_contact_within_30", UNIT_PERCENT, 15},
    {"employer_contacts_per_week", UNIT_PER_WEEK, 17},
    {"job_diversity", UNIT_PERCENT, 19},
    {"employer_diversity", UNIT_PERCENT, 20},
    {"competitive_permanent_share", UNIT_PERCENT, 21},
    {"follow_along_before", UNIT_PERCENT, 23},
    {"follow_along_first_days", UNIT_PERCENT, 23},
    {"follow_along_weekly", UNIT_PERCENT, 23},
    {"follow_along_4_months", UNIT_PERCENT, 23},
    {"follow_along_monthly", UNIT_PERCENT, 23},
    {"follow_along_score", UNIT_POINTS, 23},
    {"community_share", UNIT_PERCENT, 24},
};

const size_t definitions_fidelity_n = sizeof definitions_fidelity / sizeof definitions_fidelity[0];
