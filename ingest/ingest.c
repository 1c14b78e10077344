#include "model/pack.h"
#include "ingest/ingest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "common/utf8_cut.h"
#include "ingest/csv_reader.h"
#include "ingest/format_hint.h"
#include "ingest/hetu.h"
#include "ingest/ingest_header.h"
#include "ingest/id_guard.h"
#include "ingest/ingest_job.h"
#include "ingest/retry.h"
#include "ingest/row_reader.h"
#include "model/batches.h"
#include "model/facts.h"
#include "model/runs.h"
#include "model/waiting.h"
#include "ingest/validate.h"

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* Any present entity's reading settings, for reading a header before the
 * entity is known; without sections, the defaults (which every entity has). */
static const profile_entity *any_profile_part(const ingest_options *opt)
{
    for (int e = 0; opt->prof && e < ENT__COUNT; e++)
        if (opt->prof->ent[e].present)
            return &opt->prof->ent[e];
    return opt->prof ? &opt->prof->ent[0] : NULL;
}

static ips_error open_reader(const ingest_options *opt, int entity, const char *path,
                             csv_reader **r, ips_diag *d)
{
    const profile_entity *pe = entity >= 0 ? ingest_profile_part(opt, entity) : any_profile_part(opt);
    csv_reader_options ro = {pe ? pe->delimiter : 0, pe ? pe->encoding : NULL};
    return csv_reader_open(path, &ro, r, d);
}

static bool needs_utf8_check(const ingest_options *opt, int entity)
{
    const profile_entity *pe = entity >= 0 ? ingest_profile_part(opt, entity) : any_profile_part(opt);
    return !pe || !pe->encoding || strcasecmp(pe->encoding, "utf-8") == 0;
}

static ips_error read_header(file_job *job, csv_reader *r, const csv_record **hdr, ips_diag *d)
{
    ips_error e = csv_reader_next(r, hdr, d);
    if (e != IPS_OK)
        return e;
    if (!*hdr)
        return ips_diag_set(d, IPS_ERR_HEADER, "%s: the file is empty; a header line is required",
                            job->name);
    if ((*hdr)->nfields > MAX_HEADER)
        return ips_diag_set(d, IPS_ERR_HEADER, "%s:%ld: the header has %zu columns; at most %d "
                            "are read", job->name, (*hdr)->line, (*hdr)->nfields, MAX_HEADER);
    /* NUL bytes in the header mean UTF-16 (Excel's "Unicode text") or a binary
     * file; calling that Windows-1252 would send the user the wrong way. */
    for (size_t i = 0; i < (*hdr)->nfields; i++)
        if (memchr((*hdr)->fields[i], '\0', (*hdr)->lens[i]))
            return ips_diag_set(d, IPS_ERR_ENCODING, "%s:%ld: the header contains NUL bytes: "
                                "the file is probably UTF-16 (Excel's \"Unicode text\") or not "
                                "a text file; save it as \"CSV UTF-8\"", job->name,
                                (*hdr)->line);
    if (needs_utf8_check(job->opt, job->opt->entity))
        for (size_t i = 0; i < (*hdr)->nfields; i++)
            if (!validate_utf8((*hdr)->fields[i], (*hdr)->lens[i]))
                return not_utf8(job, (*hdr)->line, "header", d);
    return IPS_OK;
}

static void add_ignored(header_map *m, const char *name, size_t len, size_t col)
{
    size_t used = strlen(m->ignored);
    if (used + 3 >= sizeof m->ignored)
        return;
    char buf[256];
    snprintf(buf, sizeof buf, "%.*s", (int)(len < sizeof buf ? len : utf8_cut(name, sizeof buf - 1)), name);
    if (hetu_find(buf)) /* listed and stored with the batch: never an identity code */
        snprintf(buf, sizeof buf, "column %zu (its name looks like an identity code)", col + 1);
    /* A long list is cut at a whole character: it is stored and printed. */
    size_t room = sizeof m->ignored - used - (used ? 3 : 1);
    size_t n = strlen(buf);
    if (n > room)
        n = utf8_cut(buf, room);
    snprintf(m->ignored + used, sizeof m->ignored - used, "%s%.*s", used ? ", " : "", (int)n, buf);
}

static ips_error map_header(file_job *job, const csv_record *hdr, header_map *m, ips_diag *d)
{
    const contract_entity *ent = contract_entity_get(m->entity);
    int seen_at[VALIDATE_MAX_COLS];
    for (int c = 0; c < VALIDATE_MAX_COLS; c++)
        seen_at[c] = -1;
    m->ncols = hdr->nfields;
    m->ignored[0] = '\0';
    for (size_t i = 0; i < hdr->nfields; i++) {
        size_t len;
        const char *name;
        int c = ingest_header_column(ent, job->pe, hdr->fields[i], &name, &len);
        m->to_contract[i] = c;
        if (c < 0) {
            if (len)
                add_ignored(m, name, len, i);
            continue;
        }
        if (seen_at[c] >= 0)
            return ips_diag_set(d, IPS_ERR_HEADER, "%s:%ld: column '%s' appears twice (columns "
                                "%d and %zu); remove one", job->name, hdr->line,
                                ent->cols[c].name, seen_at[c] + 1, i + 1);
        seen_at[c] = (int)i;
    }
    for (int c = 0; c < ent->ncols; c++)
        if (ent->cols[c].required && seen_at[c] < 0)
            return ips_diag_set(d, IPS_ERR_MISSING_COLUMN, "%s:%ld: required column '%s' of %s "
                                "is missing; the file is refused and nothing from it is stored",
                                job->name, hdr->line, ent->cols[c].name, ent->name);
    return IPS_OK;
}

/* Whether a column of the file is its entity's client_id. */
static bool has_client_id(const header_map *m)
{
    int c = contract_column_find(contract_entity_get(m->entity), "client_id");
    for (size_t i = 0; c >= 0 && i < m->ncols; i++)
        if (m->to_contract[i] == c)
            return true;
    return false;
}

static ips_error reject_row(file_job *job, long line, const char *column, const char *reason,
                            ips_diag *d)
{
    job->res->counts.rejected++;
    if (job->nkept < KEEP_REJECTS) {
        kept_reject *k = &job->kept[job->nkept++];
        k->line = line;
        snprintf(k->column, sizeof k->column, "%s", column ? column : "row");
        snprintf(k->reason, sizeof k->reason, "%s", reason);
    }
    return store_reject(job->st, line, column, reason, d);
}

/* A row naming what is not stored yet is rejected and kept waiting for it. */
static ips_error wait_row(file_job *job, const ips_value *vals, long line, int col,
                          const char *reason, ips_diag *d)
{
    const contract_column *cc = &job->vctx.ent->cols[col];
    ips_error e = reject_row(job, line, cc->name, reason, d);
    return e != IPS_OK ? e
                       : waiting_add(job->ww, store_batch_id(job->st), job->res->entity, line,
                                     cc->name, cc->ref, vals[col].text, vals, d);
}

static ips_error store_validated(file_job *job, const ips_value *vals, long line, ips_diag *d)
{
    store_outcome outcome;
    long first = 0;
    ips_error e = store_row(job->st, vals, line, &outcome, &first, d);
    if (e != IPS_OK)
        return e;
    char reason[200];
    store_counts *c = &job->res->counts;
    if (retry_count(outcome, first, job->vctx.ent, c, reason, sizeof reason))
        return IPS_OK;
    c->rejected--; /* reject_row counts it */
    return reject_row(job, line, job->vctx.ent->cols[0].name, reason, d);
}

/* A verdict stored, rejected or kept waiting, and counted. */
static ips_error apply_verdict(file_job *job, const row_verdict *v, ips_diag *d)
{
    ips_error e;
    /* Decided anew: its old reject (and waiting record) go. */
    if (job->retry_batch && (e = waiting_forget(job->ww, job->retry_batch, v->line, d)) != IPS_OK)
        return e;
    job->res->counts.read++;
    if (v->kind == ROW_REJECT)
        return reject_row(job, v->line, v->column, v->reason, d);
    int col;
    char reason[256];
    e = retry_missing_ref(job->st, job->vctx.ent, v->vals, &col, reason, sizeof reason, d);
    if (e != IPS_OK)
        return e;
    if (col >= 0)
        return wait_row(job, v->vals, v->line, col, reason, d);
    return store_validated(job, v->vals, v->line, d);
}

static ips_error load_rows(file_job *job, csv_reader *r, const header_map *m, ips_diag *d)
{
    judge_ctx *jc = judge_ctx_new(job, m, needs_utf8_check(job->opt, m->entity));
    row_reader *rr = jc ? row_reader_new(r, judge_record, jc) : NULL;
    if (!rr) {
        free(jc);
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    }
    const row_verdict *v;
    ips_error e;
    while ((e = row_reader_next(rr, &v, d)) == IPS_OK && v) {
        if ((e = apply_verdict(job, v, d)) != IPS_OK)
            break;
        if (job->opt->on_progress && job->res->counts.read % 50000 == 0)
            job->opt->on_progress(job->opt->cb_ctx, job->name, row_reader_bytes(rr),
                                  job->res->counts.read);
    }
    row_reader_free(rr);
    free(jc);
    return e;
}

/* The second pass: the earlier batch reopened, the lines of its rejects
 * read to be decided again. */
static ips_error reopen(file_job *job, int entity, ips_diag *d)
{
    ips_error e = store_reopen(job->wh, entity, job->retry_batch, &job->st, d);
    if (e == IPS_OK)
        e = waiting_rejected_lines(job->wh, job->retry_batch, &job->retry_lines, &job->nretry,
                                   d);
    job->res->retried = true;
    job->res->counts = (store_counts){0};
    job->nkept = 0;
    return e;
}

/* The batch's counts after its rejected rows were tried again: each was
 * rejected and is now what this pass made of it. */
static store_counts retried_totals(const file_job *job)
{
    store_counts t = job->retry_totals;
    const store_counts *c = &job->res->counts;
    t.rejected += c->rejected - c->read;
    t.stored += c->stored;
    t.updated += c->updated;
    t.duplicate += c->duplicate;
    return t;
}

/* Loads one file in one transaction; on any error nothing of it stays. */
static ips_error load_file(file_job *job, ips_diag *d)
{
    csv_reader *r = NULL;
    const csv_record *hdr;
    header_map m = {.entity = job->res->entity};
    job->pe = ingest_profile_part(job->opt, m.entity);
    ips_error e = open_reader(job->opt, m.entity, job->path, &r, d);
    if (e == IPS_OK)
        e = read_header(job, r, &hdr, d);
    if (e == IPS_OK && (e = map_header(job, hdr, &m, d)) == IPS_ERR_MISSING_COLUMN)
        format_hint_header(job->opt->prof, m.entity, hdr, csv_reader_delimiter(r), d);
    /* Rows are at least ~40 bytes; a low estimate keeps a large table's
     * indexes in place for a small file. */
    struct stat sb;
    long long rows = stat(job->path, &sb) == 0 ? (long long)sb.st_size / 100 : 0;
    if (e == IPS_OK && job->retry_batch)
        e = reopen(job, m.entity, d);
    else if (e == IPS_OK)
        e = store_begin(job->wh, m.entity, job->name, job->opt->prof ? job->opt->prof->name : NULL,
                        job->fingerprint, rows, &job->st, d);
    if (e == IPS_OK && !job->retry_batch)
        store_set_reading(job->st, job->reading);
    if (e == IPS_OK)
        e = id_guard_admit(job->wh, contract_entity_get(m.entity), job->pe, has_client_id(&m),
                           job->name, d);
    if (e == IPS_OK)
        e = waiting_writer_new(job->wh, &job->ww, d);
    if (e == IPS_OK) {
        validate_ctx_init(&job->vctx, contract_entity_get(m.entity), job->pe, job->opt->key);
        format_hint_init(&job->hint, m.entity, job->opt->prof, job->name);
        e = load_rows(job, r, &m, d);
    }
    /* Refused whole: the format, not a slip.  A second pass sees only the
     * rejected rows, which the first pass over the whole file has judged. */
    if (e == IPS_OK && !job->retry_batch)
        e = format_hint_verdict(&job->hint, d);
    char hash[65] = "";
    long long earlier = 0;
    store_counts before = {0};
    bool again = false;
    if (e == IPS_OK) {
        csv_reader_hash_hex(r, hash);
        if (job->retry_batch && strcmp(hash, job->retry_hash) != 0)
            e = ips_diag_set(d, IPS_ERR_IO, "%s: the file changed while it was read; nothing "
                             "from it is stored: run the ingest again", job->name);
        else if (!job->retry_batch)
            e = batches_find(job->wh, hash, m.entity, job->reading, &earlier, &before, d);
    }
    if (e == IPS_OK && earlier && before.rejected) {
        /* Read before with rejects: drop this pass, then try those rows again. */
        again = true;
        job->retry_batch = earlier;
        job->retry_totals = before;
        snprintf(job->retry_hash, sizeof job->retry_hash, "%s", hash);
    } else if (e == IPS_OK && earlier) {
        /* Same bytes as an earlier batch, every row stored: change nothing. */
        job->res->already_loaded = true;
        job->res->batch_id = earlier;
        job->res->counts = (store_counts){.read = job->res->counts.read,
                                          .duplicate = job->res->counts.read};
    } else if (e == IPS_OK) {
        store_counts total = job->retry_batch ? retried_totals(job) : job->res->counts;
        job->res->totals = total;
        e = store_commit(job->st, job->retry_batch ? NULL : hash, m.ignored[0] ? m.ignored : NULL,
                         &total, d);
        job->res->batch_id = store_batch_id(job->st);
        job->res->superseded = store_superseded(job->st);
        for (size_t i = 0; e == IPS_OK && job->opt->on_reject && i < job->nkept; i++)
            job->opt->on_reject(job->opt->cb_ctx, job->name, job->kept[i].line,
                                job->kept[i].column, job->kept[i].reason);
    }
    if (e == IPS_OK && !again && m.ignored[0] &&
        !(job->res->ignored_columns = strdup(m.ignored)))
        e = ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    waiting_writer_free(job->ww);
    job->ww = NULL;
    store_free(job->st);
    job->st = NULL;
    csv_reader_free(r);
    return e;
}

/* Reads only the header to learn the file's entity, so that files can be
 * loaded in dependency order whatever order they were given in. */
static void plan_file(const ingest_options *opt, ingest_file_result *res)
{
    ips_diag d;
    ips_diag_clear(&d);
    const char *name = base_name(res->path);
    res->entity = opt->entity;
    if (res->entity < 0 && opt->prof)
        res->entity = profile_entity_for_file(opt->prof, res->path);
    if (res->entity >= 0)
        return;
    csv_reader *r = NULL;
    const csv_record *hdr = NULL;
    file_job job = {.opt = opt, .path = res->path, .name = name, .res = res};
    ips_error e = open_reader(opt, -1, res->path, &r, &d);
    if (e == IPS_OK)
        e = read_header(&job, r, &hdr, &d);
    if (e == IPS_OK && (res->entity = ingest_recognise(opt, res->path, hdr, name, &d)) < 0)
        format_hint_header(opt->prof, -1, hdr, csv_reader_delimiter(r), &d);
    csv_reader_free(r);
    if (res->entity < 0) {
        res->error = d.code ? d.code : IPS_ERR_NO_ENTITY;
        snprintf(res->message, sizeof res->message, "%s", d.msg);
    }
}

static int by_entity(const void *a, const void *b)
{
    const ingest_file_result *x = a, *y = b;
    return x->entity - y->entity;
}

/* A warehouse holds pseudonyms of one key only: another key would silently
 * turn every person into a new one. */
static ips_error check_key(warehouse *wh, const pseudonym_key *key, char fp[], ips_diag *d)
{
    char *stored = NULL;
    pseudonym_fingerprint(key, fp);
    ips_error e = warehouse_meta_get(wh, "key_fingerprint", &stored, d);
    if (e == IPS_OK && !stored)
        e = warehouse_meta_set(wh, "key_fingerprint", fp, d);
    else if (e == IPS_OK && strcmp(stored, fp) != 0)
        e = ips_diag_set(d, IPS_ERR_KEY_MISMATCH,
                         "%s: the warehouse was pseudonymised with the key whose fingerprint is "
                         "%s, but the key given has fingerprint %s; give the same key file, or "
                         "load into a new warehouse", warehouse_path(wh), stored, fp);
    free(stored);
    return e;
}

ips_error ingest_files(warehouse *wh, char *const *paths, size_t n, const ingest_options *opt,
                       ingest_result **out, ips_diag *d)
{
    char fp[PSEUDONYM_FINGERPRINT_LEN + 1] = "", reading[65];
    *out = NULL;
    bool nat;
    ips_error ne = national_is(wh, &nat, d);
    if (ne != IPS_OK)
        return ne;
    if (nat)
        return ips_diag_set(d, IPS_ERR_PACK,
                            "%s is a national warehouse: it holds counties' packs, never client "
                            "rows; ingest into the county's own warehouse, then 'ipsreport "
                            "pack' it and merge the pack here", warehouse_path(wh));
    ips_error rd = retry_reading(opt->prof, reading, d);
    if (rd != IPS_OK)
        return rd;
    if (opt->key) {
        ips_error e = check_key(wh, opt->key, fp, d);
        if (e != IPS_OK)
            return e;
    }
    /* Recorded first, so that a run killed midway is known to be partial. */
    long long run = 0;
    ips_error re = runs_begin(wh, (long long)n, &run, d);
    if (re != IPS_OK)
        return re;
    ingest_result *res = calloc(1, sizeof *res);
    if (!res || !(res->files = calloc(n ? n : 1, sizeof *res->files))) {
        free(res);
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    }
    *out = res;
    for (size_t i = 0; i < n; i++, res->n++) {
        if (!(res->files[i].path = strdup(paths[i])))
            return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        plan_file(opt, &res->files[i]);
    }
    /* Stable enough: files of one entity keep the user's order (qsort is not
     * stable, so sort by entity then index). */
    for (size_t i = 0; i < n; i++)
        res->files[i].batch_id = (long long)i;
    qsort(res->files, n, sizeof *res->files, by_entity);
    for (size_t i = 1; i < n; i++)
        for (size_t k = i; k > 0 && res->files[k - 1].entity == res->files[k].entity &&
                           res->files[k - 1].batch_id > res->files[k].batch_id; k--) {
            ingest_file_result t = res->files[k];
            res->files[k] = res->files[k - 1];
            res->files[k - 1] = t;
        }
    for (size_t i = 0; i < n; i++) {
        ingest_file_result *f = &res->files[i];
        f->batch_id = 0;
        if (f->error != IPS_OK) {
            if ((re = runs_file_done(wh, run, d)) != IPS_OK)
                return re;
            continue;
        }
        ips_diag fd;
        ips_diag_clear(&fd);
        file_job *job = calloc(1, sizeof *job);
        if (!job)
            return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        *job = (file_job){.opt = opt, .wh = wh, .path = f->path, .name = base_name(f->path),
                          .res = f, .fingerprint = fp[0] ? fp : NULL, .reading = reading};
        ips_error e = load_file(job, &fd);
        if (e == IPS_OK && job->retry_batch)
            e = load_file(job, &fd);
        free(job->retry_lines);
        free(job);
        if (e != IPS_OK) {
            f->error = fd.code;
            snprintf(f->message, sizeof f->message, "%s", fd.msg);
            f->counts = (store_counts){0};
        }
        if ((re = runs_file_done(wh, run, d)) != IPS_OK)
            return re;
    }
    /* Rows waiting for what this command brought are stored before the
     * facts are rebuilt. */
    ips_error e = retry_release_waiting(wh, &res->released, &res->nreleased, d);
    /* The derived facts follow the data: rebuilt once for the whole command,
     * after the planner's statistics are fresh. */
    if (e == IPS_OK)
        e = warehouse_optimize(wh, d);
    if (e == IPS_OK)
        e = facts_refresh(wh, d);
    return e == IPS_OK ? runs_end(wh, run, d) : e;
}

void ingest_result_free(ingest_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n; i++) {
        free(r->files[i].path);
        free(r->files[i].ignored_columns);
    }
    retry_release_free(r->released, r->nreleased);
    free(r->files);
    free(r);
}
