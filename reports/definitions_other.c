/* Definitions of the review totals, funding fees, team capacity and other
 * services of metrics.md; their texts are the catalogue's (po/). */
#include "reports/definitions_tables.h"

const metric_def definitions_other[] = {
    {"fidelity_total_low", UNIT_POINTS, 0},
    {"fidelity_total_high", UNIT_POINTS, 0},
    {"fidelity_items_rated", UNIT_COUNT, 0},
    {"fidelity_prorated_low", UNIT_POINTS, 0},
    {"fidelity_prorated_high", UNIT_POINTS, 0},
    {"fidelity_band", UNIT_TEXT, 0},
    {"fee_start", UNIT_COUNT, 0},
    {"fee_guidance", UNIT_COUNT, 0},
    {"fee_outcome", UNIT_COUNT, 0},
    {"clients_per_year", UNIT_COUNT, 0},
    {"fte_current", UNIT_FTE, 0},
    {"fte_needed_throughput", UNIT_FTE, 0},
    {"fte_needed_caseload", UNIT_FTE, 0},
    {"fte_gap", UNIT_FTE, 0},
    {"trainees_per_coach", UNIT_CLIENTS_PER_FTE, 0},
    {"support_level_mix", UNIT_COUNT, 0},
    {"service_path", UNIT_COUNT, 0},
    {"meetings_per_month_basic", UNIT_PER_MONTH, 0},
};

const size_t definitions_other_n = sizeof definitions_other / sizeof definitions_other[0];
