/* Definitions of the funder's (ESF+) indicators of metrics.md "Funder
 * (ESF+)" (model/funder.h); their texts are the catalogue's (po/). */
#include "reports/definitions_tables.h"

const metric_def definitions_funder[] = {
    {"esf_participants", UNIT_COUNT, 0},
    {"esf_employed_on_leaving", UNIT_PERCENT, 0},
    {"esf_employed_six_months", UNIT_PERCENT, 0},
    {"esf_six_months_not_yet_known", UNIT_COUNT, 0},
};
const size_t definitions_funder_n = sizeof definitions_funder / sizeof definitions_funder[0];
