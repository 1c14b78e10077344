/* A file's records judged on the reading thread (ingest/row_reader.h):
 * every check of a record that comes before the store, moved off the
 * thread that stores (ingest/ingest.c, apply_verdict).  Each verdict is
 * what one thread made of the record: the same checks in the same order. */
#include "ingest/ingest_job.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct judge_ctx {
    file_job *job;
    const header_map *m;
    bool check_utf8;
    validated_row vr;
    validate_error err;     /* a broken rule's column and reason */
    char reason[200];       /* the field count's reason */
};

judge_ctx *judge_ctx_new(file_job *job, const header_map *m, bool check_utf8)
{
    judge_ctx *jc = malloc(sizeof *jc);
    if (jc) {
        jc->job = job;
        jc->m = m;
        jc->check_utf8 = check_utf8;
    }
    return jc;
}

static void reject_verdict(row_verdict *v, const char *column, const char *reason)
{
    v->kind = ROW_REJECT;
    v->column = column;
    v->reason = reason;
}

/* A second pass tries only the lines rejected before. */
static bool retried(file_job *job, long line)
{
    while (job->retry_at < job->nretry && job->retry_lines[job->retry_at] < line)
        job->retry_at++;
    return job->retry_at < job->nretry && job->retry_lines[job->retry_at] == line;
}

ips_error judge_record(void *arg, const csv_record *rec, row_verdict *v, ips_diag *d)
{
    judge_ctx *jc = arg;
    file_job *job = jc->job;
    const contract_entity *ent = job->vctx.ent;
    if (job->retry_batch && !retried(job, rec->line))
        return IPS_OK; /* ROW_SKIP */
    /* A row after a header that ends in a line end (any data row) but with
     * none of its own: most likely a file cut inside its last value, which
     * would store "menta" for "mental_health" over a good row. */
    if (rec->unterminated) {
        reject_verdict(v, NULL, "the last line has no line end, so the file was probably cut "
                       "short (truncated) while it was written or copied; this line is not "
                       "stored: export the file again, or if the line is complete, end it "
                       "with a line break");
        return IPS_OK;
    }
    if (rec->nfields != jc->m->ncols) {
        snprintf(jc->reason, sizeof jc->reason, "has %zu fields but the header has %zu; check "
                 "the delimiter ('%c') and the quoting on this line", rec->nfields,
                 jc->m->ncols,
                 job->vctx.pe && job->vctx.pe->delimiter ? job->vctx.pe->delimiter : ',');
        reject_verdict(v, NULL, jc->reason);
        return IPS_OK;
    }
    char *cells[VALIDATE_MAX_COLS] = {NULL};
    size_t lens[VALIDATE_MAX_COLS] = {0};
    for (size_t i = 0; i < rec->nfields; i++) {
        int c = jc->m->to_contract[i];
        if (c < 0)
            continue; /* not in the contract: never stored */
        if (jc->check_utf8 && !validate_utf8(rec->fields[i], rec->lens[i]) &&
            !memchr(rec->fields[i], '\0', rec->lens[i]))
            return not_utf8(job, rec->line, ent->cols[c].name, d);
        cells[c] = rec->fields[i];
        lens[c] = rec->lens[i];
    }
    format_hint_row(&job->hint, cells, lens, rec->line);
    if (!validate_row(&job->vctx, cells, lens, &jc->vr, &jc->err)) {
        reject_verdict(v, jc->err.column, jc->err.reason);
        return IPS_OK;
    }
    v->kind = ROW_STORE;
    v->ncols = ent->ncols;
    memcpy(v->vals, jc->vr.vals, (size_t)ent->ncols * sizeof v->vals[0]);
    return IPS_OK;
}

