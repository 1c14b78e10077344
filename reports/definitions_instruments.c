/* Definitions of the outcome-instrument rows of metrics.md ("Outcome
 * instruments over time"); their texts are the catalogue's (po/).  One
 * entry per row kind under the id "<I>_…": every instrument code I of the
 * data shares it
 * (definition_find() matches "work_ability_score_paired" to "<I>_paired"). */
#include <string.h>

#include "reports/definitions_tables.h"

const metric_def definitions_instruments[] = {
    {"<I>_paired", UNIT_COUNT, 0},
    {"<I>_baseline_mean", UNIT_POINTS, 0},
    {"<I>_latest_mean", UNIT_POINTS, 0},
    {"<I>_change_mean", UNIT_POINTS, 0},
    {"<I>_improved_share", UNIT_PERCENT, 0},
};

const size_t definitions_instruments_n =
    sizeof definitions_instruments / sizeof definitions_instruments[0];

const metric_def *definition_instrument_find(const char *id)
{
    size_t len = strlen(id);
    for (size_t i = 0; i < definitions_instruments_n; i++) {
        const char *suffix = definitions_instruments[i].id + 3; /* after "<I>" */
        size_t sl = strlen(suffix);
        if (len > sl && strcmp(id + len - sl, suffix) == 0)
            return &definitions_instruments[i];
    }
    return NULL;
}
