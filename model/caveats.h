/* What a reader must know before reading a figure alone (the PDF's
 * data-quality caveats): rows the ingest rejected, clients without gender
 * or birth year (absent from those breakdowns and the age groups), coaches
 * without fte (absent from the per-fte figures). */
#ifndef IPS_CAVEATS_H
#define IPS_CAVEATS_H

#include "common/error.h"
#include "model/metrics.h"
#include "model/warehouse.h"

typedef struct {
    long long rows_rejected;     /* over the batches still current */
    long clients, clients_no_gender, clients_no_birth_year;
    long coaches, coaches_no_fte;
} data_caveats;

/* The caveats of the data as of q's as-of date (IPS_DAY_NONE: the data's own). */
ips_error caveats_count(warehouse *wh, const metric_query *q, data_caveats *out, ips_diag *d);

#endif
