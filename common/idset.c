#include "common/idset.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A slot holds the id's hash (compared before the string, so that a probe
 * rarely touches the arena) and its offset in the arena; offset 0 is empty
 * (the arena starts with one unused byte). */
typedef struct {
    uint32_t hash;
    uint32_t off;
} slot;

struct idset {
    slot *slots;
    size_t nslots;     /* a power of two */
    size_t count;
    char *arena;
    size_t used, cap;
};

static uint32_t hash_id(const char *id, size_t len)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)id[i]) * 1099511628211ULL;
    return (uint32_t)(h ^ (h >> 32));
}

idset *idset_new(void)
{
    idset *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->nslots = 1024;
    s->cap = 16384;
    s->slots = calloc(s->nslots, sizeof *s->slots);
    s->arena = malloc(s->cap);
    if (!s->slots || !s->arena) {
        idset_free(s);
        return NULL;
    }
    s->used = 1;
    return s;
}

static size_t find(const idset *s, uint32_t h, const char *id, size_t len, bool *found)
{
    size_t mask = s->nslots - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const slot *sl = &s->slots[i];
        if (!sl->off) {
            *found = false;
            return i;
        }
        const char *k = s->arena + sl->off;
        if (sl->hash == h && memcmp(k, id, len) == 0 && k[len] == '\0') {
            *found = true;
            return i;
        }
    }
}

static bool grow_slots(idset *s)
{
    size_t n = s->nslots * 2;
    slot *grown = calloc(n, sizeof *grown);
    if (!grown)
        return false;
    for (size_t i = 0; i < s->nslots; i++) {
        if (!s->slots[i].off)
            continue;
        size_t k = s->slots[i].hash & (n - 1);
        while (grown[k].off)
            k = (k + 1) & (n - 1);
        grown[k] = s->slots[i];
    }
    free(s->slots);
    s->slots = grown;
    s->nslots = n;
    return true;
}

bool idset_add(idset *s, const char *id, size_t len, size_t max_bytes)
{
    uint32_t h = hash_id(id, len);
    bool found;
    size_t at = find(s, h, id, len, &found);
    if (found)
        return true;
    size_t need = s->used + len + 1;
    /* Half full at most, so that probes stay short. */
    size_t slots_after = (s->count + 1) * 2 > s->nslots ? s->nslots * 2 : s->nslots;
    if (need > UINT32_MAX || need + slots_after * sizeof(slot) > max_bytes)
        return false;
    if (need > s->cap) {
        /* Doubling, but not past the limit: the arena is most of the memory. */
        size_t cap = s->cap * 2 < max_bytes ? s->cap * 2 : max_bytes;
        if (cap < need)
            cap = need;
        char *a = realloc(s->arena, cap);
        if (!a)
            return false;
        s->arena = a;
        s->cap = cap;
    }
    if (slots_after != s->nslots) {
        if (!grow_slots(s))
            return false;
        at = find(s, h, id, len, &found);
    }
    memcpy(s->arena + s->used, id, len);
    s->arena[s->used + len] = '\0';
    s->slots[at] = (slot){h, (uint32_t)s->used};
    s->used = need;
    s->count++;
    return true;
}

bool idset_has(const idset *s, const char *id, size_t len)
{
    bool found;
    find(s, hash_id(id, len), id, len, &found);
    return found;
}

size_t idset_count(const idset *s) { return s->count; }

void idset_free(idset *s)
{
    if (!s)
        return;
    free(s->slots);
    free(s->arena);
    free(s);
}
