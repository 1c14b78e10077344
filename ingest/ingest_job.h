/* Internal to ingest/: one file's load (ingest/ingest.c), and the judge
 * that reads its records on the reading thread (ingest/ingest_judge.c,
 * ingest/row_reader.h). */
#ifndef IPS_INGEST_JOB_H
#define IPS_INGEST_JOB_H

#include <stdbool.h>

#include "ingest/format_hint.h"
#include "ingest/ingest.h"
#include "ingest/row_reader.h"
#include "ingest/validate.h"
#include "model/store.h"
#include "model/waiting.h"

#define MAX_HEADER 256
#define KEEP_REJECTS 20  /* per file, handed to on_reject once the file is committed */

typedef struct {
    long line;
    char column[40];
    char reason[256];
} kept_reject;

/* How a file's columns map onto its entity. */
typedef struct {
    int entity;
    size_t ncols;                    /* header columns */
    int to_contract[MAX_HEADER];     /* header column → contract column, or -1 */
    char ignored[1024];
} header_map;

typedef struct {
    const ingest_options *opt;
    warehouse *wh;
    const char *path;
    const char *name;                /* base name, for messages */
    ingest_file_result *res;
    store *st;
    const profile_entity *pe;
    validate_ctx vctx;
    const char *fingerprint;         /* of the key, or NULL */
    const char *reading;             /* retry_reading() of the profile */
    waiting_writer *ww;
    kept_reject kept[KEEP_REJECTS];  /* first rejects, reported only if the file commits */
    size_t nkept;
    format_hint hint;                /* does a format show throughout? */
    /* Set when these bytes were read before under this reading with rejects:
     * the second pass reopens that batch and reads only its rejected lines. */
    long long retry_batch;
    char retry_hash[65];
    store_counts retry_totals;       /* the batch's counts before this pass */
    long long *retry_lines;          /* its rejected lines, ascending */
    size_t nretry, retry_at;
} file_job;

/* The refusal of a file whose line is not UTF-8 (its header, or a record
 * on the reading thread). */
static inline ips_error not_utf8(const file_job *job, long line, const char *column,
                                 ips_diag *d)
{
    return format_hint_not_utf8(job->opt->prof, job->res->entity, job->name, line, column, d);
}

/* What the reading thread judges a record with: until the file is read it
 * alone touches the job's format hint and retry position. */
typedef struct judge_ctx judge_ctx;

/* NULL when out of memory; freed with free(). */
judge_ctx *judge_ctx_new(file_job *job, const header_map *m, bool check_utf8);

/* A row_judge (ingest/row_reader.h) over a judge_ctx. */
ips_error judge_record(void *ctx, const csv_record *rec, row_verdict *v, ips_diag *d);

#endif
