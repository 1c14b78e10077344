#include "ingest/row_reader.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Verdicts per batch, and batches held at once: the one the caller takes
 * from and those read ahead of it (a few hundred KB in all). */
#define BATCH 256
#define RING 3
#define ARENA_SOFT (128 * 1024) /* a batch ends early once its texts pass this */

typedef struct {
    row_verdict v[BATCH];
    uint32_t off[BATCH][VALIDATE_MAX_COLS]; /* where each text is in the arena */
    uint32_t reason_off[BATCH];
    size_t n;
    char *arena;
    size_t used, cap;
    long long bytes;
    bool end;     /* nothing is read after this batch */
    ips_error e;  /* with end: the error after the batch's verdicts */
    ips_diag d;
} batch;

struct row_reader {
    csv_reader *r;
    row_judge judge;
    void *ctx;
    batch b[RING];          /* batch k in b[k % RING] */
    size_t filled, done;    /* batches read; batches the caller is finished with */
    batch *cur;             /* the caller's: b[done % RING], or NULL */
    size_t pos;
    bool threaded, stop;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    pthread_t thread;
};

/* Copies n bytes and a NUL into b's arena; its offset into *off. */
static bool put(batch *b, const char *s, size_t n, uint32_t *off)
{
    if (b->used + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->used + n + 1)
            cap *= 2;
        if (cap > UINT32_MAX)
            return false;
        char *a = realloc(b->arena, cap);
        if (!a)
            return false;
        b->arena = a;
        b->cap = cap;
    }
    memcpy(b->arena + b->used, s, n);
    b->arena[b->used + n] = '\0';
    *off = (uint32_t)b->used;
    b->used += n + 1;
    return true;
}

/* The judge's texts of verdict i copied into the arena. */
static bool keep(batch *b, size_t i)
{
    row_verdict *v = &b->v[i];
    if (v->kind == ROW_REJECT)
        return put(b, v->reason, strlen(v->reason), &b->reason_off[i]);
    for (int c = 0; c < v->ncols; c++)
        if (v->vals[c].kind == VAL_TEXT &&
            !put(b, v->vals[c].text, strlen(v->vals[c].text), &b->off[i][c]))
            return false;
    return true;
}

/* The texts pointed at where they now stay (the arena moves while it grows). */
static void settle(batch *b)
{
    for (size_t i = 0; i < b->n; i++) {
        row_verdict *v = &b->v[i];
        if (v->kind == ROW_REJECT)
            v->reason = b->arena + b->reason_off[i];
        for (int c = 0; v->kind == ROW_STORE && c < v->ncols; c++)
            if (v->vals[c].kind == VAL_TEXT)
                v->vals[c].text = b->arena + b->off[i][c];
    }
}

static void fill(row_reader *rr, batch *b)
{
    b->n = 0;
    b->used = 0;
    b->end = false;
    b->e = IPS_OK;
    ips_diag_clear(&b->d);
    while (b->n < BATCH && b->used < ARENA_SOFT) {
        const csv_record *rec;
        ips_error e = csv_reader_next(rr->r, &rec, &b->d);
        row_verdict *v = &b->v[b->n];
        if (e == IPS_OK && rec) {
            memset(v, 0, offsetof(row_verdict, vals));
            v->line = rec->line;
            e = rr->judge(rr->ctx, rec, v, &b->d);
        }
        if (e == IPS_OK && rec && v->kind != ROW_SKIP && !keep(b, b->n))
            e = ips_diag_set(&b->d, IPS_ERR_NOMEM, "out of memory");
        if (e != IPS_OK || !rec) {
            b->e = e;
            b->end = true;
            break;
        }
        if (v->kind != ROW_SKIP)
            b->n++;
    }
    b->bytes = csv_reader_bytes(rr->r);
    settle(b);
}

static void *reader(void *arg)
{
    row_reader *rr = arg;
    pthread_mutex_lock(&rr->mu);
    while (!rr->stop) {
        if (rr->filled - rr->done >= RING) {
            pthread_cond_wait(&rr->cv, &rr->mu);
            continue;
        }
        batch *b = &rr->b[rr->filled % RING];
        pthread_mutex_unlock(&rr->mu);
        fill(rr, b);
        pthread_mutex_lock(&rr->mu);
        rr->filled++;
        pthread_cond_broadcast(&rr->cv);
        if (b->end)
            break;
    }
    pthread_mutex_unlock(&rr->mu);
    return NULL;
}

row_reader *row_reader_new(csv_reader *r, row_judge judge, void *ctx)
{
    row_reader *rr = calloc(1, sizeof *rr);
    if (!rr)
        return NULL;
    rr->r = r;
    rr->judge = judge;
    rr->ctx = ctx;
    pthread_mutex_init(&rr->mu, NULL);
    pthread_cond_init(&rr->cv, NULL);
    rr->threaded = pthread_create(&rr->thread, NULL, reader, rr) == 0;
    return rr;
}

/* The caller's next batch, b[done % RING], once it is read. */
static batch *take(row_reader *rr)
{
    batch *b = &rr->b[rr->done % RING];
    if (!rr->threaded) {
        fill(rr, b); /* no thread to be had: read here */
        return b;
    }
    pthread_mutex_lock(&rr->mu);
    while (rr->filled <= rr->done)
        pthread_cond_wait(&rr->cv, &rr->mu);
    pthread_mutex_unlock(&rr->mu);
    return b;
}

ips_error row_reader_next(row_reader *rr, const row_verdict **v, ips_diag *d)
{
    *v = NULL;
    for (;;) {
        batch *b = rr->cur;
        if (b && rr->pos < b->n) {
            *v = &b->v[rr->pos++];
            return IPS_OK;
        }
        if (b && b->end) {
            if (b->e != IPS_OK && d)
                *d = b->d;
            return b->e;
        }
        if (b) { /* finished with it: the reader may fill it again */
            pthread_mutex_lock(&rr->mu);
            rr->done++;
            pthread_cond_broadcast(&rr->cv);
            pthread_mutex_unlock(&rr->mu);
        }
        rr->cur = take(rr);
        rr->pos = 0;
    }
}

long long row_reader_bytes(const row_reader *rr)
{
    return rr->cur ? rr->cur->bytes : 0;
}

void row_reader_free(row_reader *rr)
{
    if (!rr)
        return;
    if (rr->threaded) {
        pthread_mutex_lock(&rr->mu);
        rr->stop = true;
        pthread_cond_broadcast(&rr->cv);
        pthread_mutex_unlock(&rr->mu);
        pthread_join(rr->thread, NULL);
    }
    pthread_mutex_destroy(&rr->mu);
    pthread_cond_destroy(&rr->cv);
    for (int k = 0; k < RING; k++)
        free(rr->b[k].arena);
    free(rr);
}
