/* Definitions of the employment outcomes of metrics.md; their texts are the
 * catalogue's (po/). */
#include "reports/definitions_tables.h"

const metric_def definitions_outcomes[] = {
    {"caseload_active", UNIT_COUNT, 0},
    {"enrollments_started", UNIT_COUNT, 0},
    {"exits", UNIT_COUNT, 0},
    {"employment_rate", UNIT_PERCENT, 0},
    {"employment_at_exit", UNIT_PERCENT, 0},
    {"employed_at_exit_any", UNIT_PERCENT, 0},
    {"time_to_first_job_median_days", UNIT_DAYS, 0},
    {"employed_within_180_days", UNIT_PERCENT, 0},
    {"employed_within_365_days", UNIT_PERCENT, 0},
    {"job_tenure_median_days", UNIT_DAYS, 0},
    {"hours_per_week_mean", UNIT_HOURS_WEEK, 0},
    {"referral_wait_median_days", UNIT_DAYS, 0},
};

const size_t definitions_outcomes_n = sizeof definitions_outcomes / sizeof definitions_outcomes[0];
