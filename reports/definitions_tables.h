/* Internal to reports/definitions*.c: the tables, split by family of
 * metrics.md so that no file grows too long. */
#ifndef IPS_REPORT_DEFINITIONS_TABLES_H
#define IPS_REPORT_DEFINITIONS_TABLES_H

#include "reports/definitions.h"

extern const metric_def definitions_outcomes[];
extern const size_t definitions_outcomes_n;
extern const metric_def definitions_fidelity[];
extern const size_t definitions_fidelity_n;
extern const metric_def definitions_other[];
extern const size_t definitions_other_n;
extern const metric_def definitions_instruments[];
extern const size_t definitions_instruments_n;
/* The "<I>_…" entry an instrument row's id ends like, or NULL. */
const metric_def *definition_instrument_find(const char *id);

#endif
