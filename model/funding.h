/* Funding (metrics.md "Funding", seed 002): the three fees a provider earns
 * per ips episode, and their euro amounts from a tariff file (docs/tariff.md).
 *
 * The counts fee_start, fee_guidance and fee_outcome are ordinary metric rows
 * made by metrics_compute() (split by the query's --by).  Euro amounts need a
 * tariff and are asked for separately:
 *
 *   funding_tariff *t;
 *   if (funding_tariff_load("tariff.ini", &t, &d) != IPS_OK) print(d.msg);
 *   funding_amounts(wh, &q, t, set, &d);   // appends fee_*_eur rows per provider
 *   funding_tariff_free(t); */
#ifndef IPS_FUNDING_H
#define IPS_FUNDING_H

#include "common/error.h"
#include "model/metrics.h"
#include "model/warehouse.h"

/* The fee ids, also the keys of a tariff file and the metric ids of the counts. */
#define FUNDING_FEE_START "fee_start"
#define FUNDING_FEE_GUIDANCE "fee_guidance"
#define FUNDING_FEE_OUTCOME "fee_outcome"

/* metrics.md's default exit reasons (NULL-terminated), used when
 * metric_query.guidance_reasons / outcome_reasons are NULL. */
extern const char *const funding_default_guidance_reasons[];
extern const char *const funding_default_outcome_reasons[];

/* Checks that every entry of a NULL-terminated reason list is an exit_reason
 * code of the data contract; names the first one that is not.  what is the
 * setting's name for the message ("guidance reasons").  NULL list is fine. */
ips_error funding_reasons_check(const char *const *reasons, const char *what, ips_diag *d);

typedef struct funding_tariff funding_tariff;

/* Reads a tariff INI file (docs/tariff.md).  Errors are IPS_ERR_IO (cannot
 * open) or IPS_ERR_TARIFF with "file:line: what is wrong; what to do". */
ips_error funding_tariff_load(const char *path, funding_tariff **out, ips_diag *d);
/* Same from text in memory; name stands for the file in messages. */
ips_error funding_tariff_parse(const char *text, const char *name, funding_tariff **out,
                               ips_diag *d);
void funding_tariff_free(funding_tariff *t);

/* Euro price of one fee (FUNDING_FEE_*) for a provider: the provider's own
 * section when it names that fee, else [default]; NAN when the tariff gives
 * no price (or fee is not a fee id).  provider NULL or "" = the default. */
double funding_tariff_price(const funding_tariff *t, const char *fee, const char *provider);

/* Appends, for q's period, euro amounts per provider of the ips episodes'
 * coaches (group_by "provider", group = provider_id, "" for episodes without a
 * coach) and for all providers together (group_by "", group ""):
 *   fee_start_eur, fee_guidance_eur, fee_outcome_eur — value = count × price,
 *       numerator = the count; no value when the count is above 0 and the
 *       tariff has no price for it;
 *   fee_total_eur — the sum of the three; no value when one of them has none.
 * Values in euros with 2 decimals, kind MK_WEIGHTED (value only).  q->by is
 * ignored.  Unless q->internal, a row is marked suppressed when its count
 * is hidden in the published fee rows (the one pattern, model/disclosure.h),
 * and a total when any of its parts is, so an amount never gives a hidden
 * count away. */
ips_error funding_amounts(warehouse *wh, const metric_query *q, const funding_tariff *t,
                          metric_set *out, ips_diag *d);

#endif
