#include "ingest/hash_ahead.h"

#include <pthread.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdlib.h>

/* Four buffers: the caller fills one while the helper hashes the others,
 * so neither waits for the other except at a burst. */
#define RING 4

struct hash_ahead {
    crypto_hash_sha256_state sha;
    unsigned char buf[RING][HASH_AHEAD_CHUNK];
    size_t len[RING];
    unsigned long long submitted, hashed; /* chunks; the ring slot is the count % RING */
    bool done, threaded;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    pthread_t thread;
};

static void *hasher(void *arg)
{
    hash_ahead *h = arg;
    pthread_mutex_lock(&h->mu);
    for (;;) {
        while (h->hashed == h->submitted && !h->done)
            pthread_cond_wait(&h->cv, &h->mu);
        if (h->hashed == h->submitted)
            break;
        size_t k = (size_t)(h->hashed % RING);
        pthread_mutex_unlock(&h->mu);
        crypto_hash_sha256_update(&h->sha, h->buf[k], h->len[k]);
        pthread_mutex_lock(&h->mu);
        h->hashed++;
        pthread_cond_broadcast(&h->cv);
    }
    pthread_mutex_unlock(&h->mu);
    return NULL;
}

hash_ahead *hash_ahead_new(void)
{
    hash_ahead *h = calloc(1, sizeof *h);
    if (!h)
        return NULL;
    crypto_hash_sha256_init(&h->sha);
    pthread_mutex_init(&h->mu, NULL);
    pthread_cond_init(&h->cv, NULL);
    h->threaded = pthread_create(&h->thread, NULL, hasher, h) == 0;
    return h;
}

unsigned char *hash_ahead_buffer(hash_ahead *h)
{
    size_t k = (size_t)(h->submitted % RING);
    if (h->threaded) {
        pthread_mutex_lock(&h->mu);
        while (h->submitted - h->hashed >= RING)
            pthread_cond_wait(&h->cv, &h->mu);
        pthread_mutex_unlock(&h->mu);
    }
    return h->buf[k];
}

void hash_ahead_submit(hash_ahead *h, size_t n)
{
    size_t k = (size_t)(h->submitted % RING);
    h->len[k] = n;
    if (!h->threaded) {
        crypto_hash_sha256_update(&h->sha, h->buf[k], n);
        h->submitted++;
        h->hashed++;
        return;
    }
    pthread_mutex_lock(&h->mu);
    h->submitted++;
    pthread_cond_broadcast(&h->cv);
    pthread_mutex_unlock(&h->mu);
}

static void stop(hash_ahead *h)
{
    if (!h->threaded)
        return;
    pthread_mutex_lock(&h->mu);
    h->done = true;
    pthread_cond_broadcast(&h->cv);
    pthread_mutex_unlock(&h->mu);
    pthread_join(h->thread, NULL);
    h->threaded = false;
}

void hash_ahead_final(hash_ahead *h, unsigned char digest[32])
{
    stop(h);
    crypto_hash_sha256_final(&h->sha, digest);
}

void hash_ahead_free(hash_ahead *h)
{
    if (!h)
        return;
    stop(h);
    pthread_mutex_destroy(&h->mu);
    pthread_cond_destroy(&h->cv);
    free(h);
}
