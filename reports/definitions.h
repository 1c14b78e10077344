/* What every metric of metrics.md means, in the report's three languages:
 * its name (column headers, row labels), its definition (the Definitions
 * sheet), its unit, and the fidelity item it belongs to.  Names and texts
 * are the catalogue's (po/, reports/catalogue.h).  The ids are the
 * stable ids of metrics.md; a row whose id is not here is still shown, under
 * its id. */
#ifndef IPS_REPORT_DEFINITIONS_H
#define IPS_REPORT_DEFINITIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "model/metrics.h"
#include "reports/labels.h"

typedef enum {
    UNIT_COUNT,
    UNIT_PERCENT,          /* value is 0..100; the workbook stores value / 100 as a percent */
    UNIT_DAYS,
    UNIT_HOURS_WEEK,
    UNIT_CLIENTS_PER_FTE,
    UNIT_PER_WEEK,
    UNIT_POINTS,
    UNIT_FTE,
    UNIT_PER_MONTH,
    UNIT_TEXT,
    UNIT__COUNT
} metric_unit;

typedef struct {
    const char *id;
    metric_unit unit;
    int item;                                /* fidelity item 1..25, 0 for none */
} metric_def;

/* The definition of a metric id, or NULL. */
const metric_def *definition_find(const char *id);
/* All metric definitions, in the order of metrics.md. */
size_t definition_count(void);
const metric_def *definition_at(size_t i);
/* General terms (period, as-of date, …) shown before the metrics; unit unused. */
size_t definition_term_count(void);
const metric_def *definition_term_at(size_t i);

/* A definition's (or term's) name and text in lang: the catalogue's
 * (po/); "" when the catalogue has none. */
const char *definition_title(const metric_def *d, report_lang lang);
const char *definition_text(const metric_def *d, report_lang lang);
/* The name of a metric in lang, or the id itself when it has no definition. */
const char *definition_name(const char *id, report_lang lang);
/* The unit's label. */
label_id definition_unit_label(metric_unit unit);
/* True when a row's value is a percentage (0..100): by its definition, or
 * for an unknown metric by its kind (MK_SHARE). */
bool definition_row_is_percent(const metric_row *row);

#endif
