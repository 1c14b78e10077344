/* Interned strings (common/intern.h): an open-addressing hash set of
 * pointers into 64 KB chunks that are never freed. */
#include "common/intern.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK_BYTES ((size_t)64 * 1024)

typedef struct chunk {
    struct chunk *next;
    size_t used, cap;
    char data[];
} chunk;

static struct {
    pthread_mutex_t lock;
    const char **slot;  /* NULL when empty */
    size_t mask;        /* slots − 1; 0 before the first string */
    size_t n;
    chunk *chunks;      /* newest first; reachable, so no leak to LSan */
} tab = {.lock = PTHREAD_MUTEX_INITIALIZER};

/* Read without the lock: every new metric row asks (metric_set_add). */
static atomic_bool failed;

static uint64_t hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h;
}

/* Room for n bytes in the newest chunk (or a new one). */
static char *room(size_t n)
{
    chunk *c = tab.chunks;
    if (!c || c->cap - c->used < n) {
        size_t cap = n > CHUNK_BYTES ? n : CHUNK_BYTES;
        if (!(c = malloc(sizeof *c + cap)))
            return NULL;
        c->next = tab.chunks;
        c->used = 0;
        c->cap = cap;
        tab.chunks = c;
    }
    char *p = c->data + c->used;
    c->used += n;
    return p;
}

static bool grow(void)
{
    size_t cap = tab.mask ? (tab.mask + 1) * 2 : 1024;
    const char **slot = calloc(cap, sizeof *slot);
    if (!slot)
        return false;
    for (size_t i = 0; tab.mask && i <= tab.mask; i++) {
        const char *s = tab.slot[i];
        if (!s)
            continue;
        size_t h = (size_t)hash(s, strlen(s)) & (cap - 1);
        while (slot[h])
            h = (h + 1) & (cap - 1);
        slot[h] = s;
    }
    free(tab.slot);
    tab.slot = slot;
    tab.mask = cap - 1;
    return true;
}

static const char *intern_locked(const char *s, size_t n, uint64_t hs)
{
    if ((tab.n + 1) * 2 > tab.mask + 1 && !grow())
        return NULL;
    size_t h = (size_t)hs & tab.mask;
    for (const char *t; (t = tab.slot[h]); h = (h + 1) & tab.mask)
        if (strncmp(t, s, n) == 0 && t[n] == '\0')
            return t;
    char *copy = room(n + 1);
    if (!copy)
        return NULL;
    memcpy(copy, s, n);
    copy[n] = '\0';
    tab.slot[h] = copy;
    tab.n++;
    return copy;
}

/* Each thread's texts interned lately, by hash: rows come metric by metric
 * and group by group, so most texts were just interned, and the lock is
 * not taken for them (it was 2 % of an ingest). */
#define RECENT 256
static _Thread_local const char *recent[RECENT];

const char *ips_intern_n(const char *s, size_t n)
{
    if (!s)
        return "";
    n = strnlen(s, n);
    if (n == 0)
        return "";
    uint64_t h = hash(s, n);
    const char **r = &recent[h & (RECENT - 1)];
    if (*r && strncmp(*r, s, n) == 0 && (*r)[n] == '\0')
        return *r;
    pthread_mutex_lock(&tab.lock);
    const char *t = intern_locked(s, n, h);
    pthread_mutex_unlock(&tab.lock);
    if (t)
        *r = t;
    if (!t)
        atomic_store(&failed, true);
    return t ? t : "";
}

const char *ips_intern(const char *s)
{
    return ips_intern_n(s, s ? strlen(s) : 0);
}

const char *ips_internf(const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0)
        return "";
    if ((size_t)n < sizeof buf)
        return ips_intern_n(buf, (size_t)n);
    char *big = malloc((size_t)n + 1);
    if (!big) {
        atomic_store(&failed, true);
        return "";
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    const char *t = ips_intern_n(big, (size_t)n);
    free(big);
    return t;
}

bool ips_intern_failed(void)
{
    return atomic_load(&failed);
}
