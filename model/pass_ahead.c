#include "model/pass_ahead.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

#include "model/engine.h"

struct pass_ahead {
    const facts *f;
    const metric_query *p;
    size_t n;
    metric_set *set[PASS_AHEAD_RING]; /* pass i in set[i % PASS_AHEAD_RING] */
    size_t ready[PASS_AHEAD_RING];    /* the pass a slot holds computed, or SIZE_MAX */
    /* Passes claimed by a helper, handed to the caller, and given back (the
     * caller is done with every pass before `freed`): pass i may be claimed
     * once i − freed < PASS_AHEAD_RING, so its slot is free. */
    size_t claimed, given, freed;
    size_t failed_at; /* the first pass that could not be computed, or SIZE_MAX */
    ips_error e;
    ips_diag d;
    bool stop;
    int helpers; /* threads started */
    pthread_mutex_t mu;
    pthread_cond_t cv;
    pthread_t thread[PASS_AHEAD_HELPERS];
};

static ips_error compute(pass_ahead *a, size_t i, ips_diag *d)
{
    metric_set *s = a->set[i % PASS_AHEAD_RING];
    metric_set_clear(s);
    return engine_compute(a->f, &a->p[i], s, d);
}

/* Claims passes in order, so every pass before a failed one is claimed and
 * finished (or fails first) whatever the helpers' speeds. */
static void *helper(void *arg)
{
    pass_ahead *a = arg;
    pthread_mutex_lock(&a->mu);
    while (!a->stop && a->failed_at == SIZE_MAX && a->claimed < a->n) {
        if (a->claimed - a->freed >= PASS_AHEAD_RING) {
            pthread_cond_wait(&a->cv, &a->mu);
            continue;
        }
        size_t i = a->claimed++;
        pthread_mutex_unlock(&a->mu);
        ips_diag d;
        ips_diag_clear(&d);
        ips_error e = compute(a, i, &d);
        pthread_mutex_lock(&a->mu);
        if (e == IPS_OK)
            a->ready[i % PASS_AHEAD_RING] = i;
        else if (i < a->failed_at) {
            a->failed_at = i;
            a->e = e;
            a->d = d;
        }
        pthread_cond_broadcast(&a->cv);
    }
    pthread_mutex_unlock(&a->mu);
    return NULL;
}

ips_error pass_ahead_new(const facts *f, const metric_query *p, size_t n, bool threaded,
                         pass_ahead **out, ips_diag *d)
{
    *out = NULL;
    pass_ahead *a = calloc(1, sizeof *a);
    if (!a)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    pthread_mutex_init(&a->mu, NULL);
    pthread_cond_init(&a->cv, NULL);
    bool ok = true;
    for (int k = 0; ok && k < PASS_AHEAD_RING; k++) {
        ok = (a->set[k] = metric_set_new()) != NULL;
        a->ready[k] = SIZE_MAX;
    }
    if (!ok) {
        pass_ahead_free(a);
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    }
    a->f = f;
    a->p = p;
    a->n = n;
    a->failed_at = SIZE_MAX;
    while (threaded && n > 1 && a->helpers < PASS_AHEAD_HELPERS &&
           pthread_create(&a->thread[a->helpers], NULL, helper, a) == 0)
        a->helpers++;
    *out = a;
    return IPS_OK;
}

/* Without helpers: pass i computed here, now. */
static ips_error next_here(pass_ahead *a, size_t i, const metric_set **rows, ips_diag *d)
{
    ips_error e = compute(a, i, d);
    if (e == IPS_OK)
        *rows = a->set[i % PASS_AHEAD_RING];
    return e;
}

ips_error pass_ahead_next(pass_ahead *a, const metric_set **rows, ips_diag *d)
{
    *rows = NULL;
    if (a->given == a->n)
        return ips_diag_set(d, IPS_ERR_DB, "internal error: no pass is left");
    size_t i = a->given;
    ips_error e = IPS_OK;
    if (!a->helpers) {
        e = next_here(a, i, rows, d);
    } else {
        size_t slot = i % PASS_AHEAD_RING;
        pthread_mutex_lock(&a->mu);
        a->freed = i; /* the pass handed out before is done with */
        pthread_cond_broadcast(&a->cv);
        while (a->ready[slot] != i && a->failed_at > i)
            pthread_cond_wait(&a->cv, &a->mu);
        if (a->ready[slot] == i) {
            *rows = a->set[slot];
        } else {
            *d = a->d;
            e = a->e;
        }
        pthread_mutex_unlock(&a->mu);
    }
    if (e == IPS_OK)
        a->given++;
    return e;
}

void pass_ahead_free(pass_ahead *a)
{
    if (!a)
        return;
    pthread_mutex_lock(&a->mu);
    a->stop = true;
    pthread_cond_broadcast(&a->cv);
    pthread_mutex_unlock(&a->mu);
    for (int k = 0; k < a->helpers; k++)
        pthread_join(a->thread[k], NULL);
    pthread_mutex_destroy(&a->mu);
    pthread_cond_destroy(&a->cv);
    for (int k = 0; k < PASS_AHEAD_RING; k++)
        metric_set_free(a->set[k]);
    free(a);
}
