/* What the workbook shows besides metric rows: the input batches and key
 * fingerprint (About, Data quality), the data-quality findings (Data
 * quality), the reviewers' item scores (Fidelity), the fee prices (Funding)
 * and the fidelity items' names.  These are small plain structs so that the
 * sheets and their tests do not depend on how other modules keep the data;
 * report_inputs_load() (reports/report_inputs.c) is the one place that fills
 * them from the model's APIs. */
#ifndef IPS_REPORT_INPUTS_H
#define IPS_REPORT_INPUTS_H

#include <stdbool.h>
#include <stddef.h>

#include "common/date.h"
#include "common/error.h"
#include "model/metrics.h"
#include "model/publication.h"
#include "model/warehouse.h"
#include "reports/labels.h"

#define REPORT_ITEMS 25

/* One loaded file (a row of model/batches.h's batch list). */
typedef struct {
    char *file_name;      /* as the user named it; may be anything, even "=cmd…" */
    char *content_hash;   /* hex SHA-256 of the file's bytes */
    char *entity;         /* contract entity: "coaches", "jobs", … */
    char *loaded_at;      /* ISO 8601 time stamp text */
    long long rows_read, rows_stored, rows_updated, rows_rejected, rows_duplicate;
} report_batch;

/* One finding of the data-quality check. */
typedef struct {
    char *severity;  /* "error", "warning" or "info" (other texts are shown as they are) */
    char *check;     /* short id of the check, e.g. "job_without_episode" */
    char *entity;    /* contract entity or NULL */
    char *where;     /* "file:line: column" or NULL */
    char *message;   /* one line for the reader, in the report's language when available */
    long long count; /* rows concerned; -1 when not counted */
} report_finding;

typedef enum { RI_NONE, RI_RATED, RI_NOT_APPLICABLE, RI_NOT_RATED } report_item_status;

typedef struct {
    report_item_status status;
    int score;       /* 1..5 when rated */
    int score_high;  /* upper end of a range (3-5 → score 3, score_high 5); = score otherwise */
} report_review_item;

/* One fidelity review: the reviewer's side.  The data side (score computed
 * from the warehouse) comes from metric rows; see reports/sheet_fidelity.c. */
typedef struct {
    char *review_id;
    char *unit;       /* provider or team reviewed */
    char *reviewer;   /* may be NULL */
    ips_day review_date;
    report_review_item items[REPORT_ITEMS + 1]; /* [1..25]; [0] unused */
} report_review;

/* Prices of the three fees, for one provider or (provider NULL) for all. */
typedef struct {
    char *provider;
    double start, guidance, outcome; /* euros per fee */
} report_price;

typedef struct {
    report_batch *batches;
    size_t n_batches;
    char *key_fingerprint;          /* NULL when the warehouse has none */
    report_finding *findings;
    size_t n_findings;
    bool checked;                   /* the check ran: no findings means nothing to remark */
    report_review *reviews;
    size_t n_reviews;
    report_price *prices;
    size_t n_prices;
    bool has_tariff;                /* a tariff was given: euro columns are filled */
    const char *item_names[REPORT_ITEMS + 1]; /* [1..25] static texts; NULL = "Item N" */
    pub_comparisons cmp;            /* the headline figures' comparisons (model/publication.h) */
    char project_name[160], project_code[64], project_funder[160]; /* "" without --project */
} report_inputs;

report_inputs *report_inputs_new(void);
void report_inputs_free(report_inputs *in);

/* Fills in from the model for the query's period, in lang; tariff_path may
 * be NULL.  See report_inputs.c for what each part expects. */
ips_error report_inputs_load(warehouse *wh, const metric_query *q, const char *tariff_path,
                             report_lang lang, report_inputs *in, ips_diag *d);

/* Appenders that copy every string (NULL stays NULL); NULL when out of memory. */
report_batch *report_inputs_add_batch(report_inputs *in, const char *file_name,
                                      const char *content_hash, const char *entity,
                                      const char *loaded_at);
report_finding *report_inputs_add_finding(report_inputs *in, const char *severity,
                                          const char *check, const char *entity,
                                          const char *where, const char *message,
                                          long long count);
report_review *report_inputs_add_review(report_inputs *in, const char *review_id,
                                        const char *unit, const char *reviewer,
                                        ips_day review_date);
report_price *report_inputs_add_price(report_inputs *in, const char *provider, double start,
                                      double guidance, double outcome);

/* The price for a provider: its own row, else the row for all, else NULL. */
const report_price *report_inputs_price(const report_inputs *in, const char *provider);

#endif
