/* Data quality of a warehouse: what 'ipsreport check' prints and the
 * report's Data quality sheet shows.  Findings name record ids (never
 * personal data) so a project manager can fix them in the client system. */
#ifndef IPS_QUALITY_H
#define IPS_QUALITY_H

#include <stddef.h>

#include "common/date.h"
#include "common/error.h"
#include "model/contract.h"
#include "model/warehouse.h"

/* A finding: how many records break an expectation, with a few example ids. */
typedef struct {
    const char *id;          /* stable id, e.g. "episodes_without_coach" */
    long long count;
    char examples[200];      /* up to five ids, comma separated */
} quality_finding;

/* Rejected rows of one batch grouped by column, with one example reason. */
typedef struct {
    long long batch_id;
    char *file_name;
    char *column;            /* "row" for whole-row reasons */
    long long count;
    long long first_line;
    char *example;           /* one reason text of the group */
} quality_rejects;

typedef struct quality_report {
    ips_day as_of;
    long long rows[ENT__COUNT];
    quality_finding *findings;
    size_t nfindings;
    quality_rejects *rejects;
    size_t nrejects;
} quality_report;

/* Findings per docs: episodes without a coach, open episodes older than two
 * years, jobs that overlap no episode, clients with an open episode and no
 * contact in 90 days, and contacts dated after as_of. */
ips_error quality_check(warehouse *wh, ips_day as_of, quality_report **out, ips_diag *d);

/* Counts the findings at as_of (the data's own A) and keeps them in the
 * warehouse for quality_check(); inside the facts' transaction, after
 * they were rebuilt, so that the facts' stamp covers them. */
ips_error quality_keep(warehouse *wh, ips_day as_of, ips_diag *d);
void quality_report_free(quality_report *r);

/* English description of a finding id (the report translates by id). */
const char *quality_finding_text(const char *id);

#endif
