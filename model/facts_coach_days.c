/* R11 and R14 per coach and day (fact_coach_day), and the in-person
 * client meetings per client and day of basic-support clients
 * (fact_meeting_day), summed in one pass over the contacts table in C.
 *
 * As SQL, the sums were a GROUP BY along an index of the contacts by coach
 * and date, which only this query read: building that index took 3.1 s of
 * a 10× contacts ingest and the query 1.6 s more; without the index,
 * SQLite's sorter takes 3.7 s.  One scan of the table in storage order with
 * a hash of the coach-days takes about 1.5 s, and the index is gone
 * (schema 5).  The meeting days were a second GROUP BY over the same table
 * (1.0 s at 10×); they now come from the same scan.  The sums are the same:
 * minutes are whole numbers, which a double adds exactly in any order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/disclosure_model.h"
#include "model/facts.h"

typedef struct {
    uint64_t key; /* coach (or client) index << 32 | day, + 1: 0 is an empty slot */
    int64_t n;  /* a coach day's employer contacts, a meeting day's meetings */
    double minutes, community_minutes;
} coach_day_sum;

typedef struct {
    coach_day_sum *slot;
    size_t n, mask;
    uint64_t last_key; /* the key found last, in slot[last] (0: none) */
    size_t last;
} day_table;

static uint64_t mix(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdu;
    k ^= k >> 33;
    return k;
}

/* A key's first slot: sixteen consecutive days of one coach (or client)
 * share a run of sixteen slots, so that a client's contacts, listed by
 * date, often land near the row before's in a table of tens of MB. */
static size_t home(uint64_t key, size_t mask)
{
    return ((mix(key >> 4) << 4) | (key & 15)) & mask;
}

static bool table_grow(day_table *t)
{
    size_t slots = t->mask ? (t->mask + 1) * 2 : 4096;
    coach_day_sum *s = calloc(slots, sizeof *s);
    if (!s)
        return false;
    /* In runs of 64 old slots, their new ones fetched first (as add_batch) */
    size_t at[64];
    for (size_t i = 0; t->mask && i <= t->mask; i += 64) {
        size_t run = t->mask + 1 - i < 64 ? t->mask + 1 - i : 64;
        for (size_t j = 0; j < run; j++)
            if (t->slot[i + j].key)
                __builtin_prefetch(&s[at[j] = home(t->slot[i + j].key, slots - 1)], 1);
        for (size_t j = 0; j < run; j++) {
            if (!t->slot[i + j].key)
                continue;
            size_t h = at[j];
            while (s[h].key)
                h = (h + 1) & (slots - 1);
            s[h] = t->slot[i + j];
        }
    }
    free(t->slot);
    t->slot = s;
    t->mask = slots - 1;
    t->last_key = 0;
    return true;
}

static coach_day_sum *table_at(day_table *t, uint64_t key)
{
    if (key == t->last_key)
        return &t->slot[t->last];
    if ((t->n + 1) * 2 > t->mask + 1 && !table_grow(t))
        return NULL;
    size_t h = home(key, t->mask);
    while (t->slot[h].key && t->slot[h].key != key)
        h = (h + 1) & t->mask;
    if (!t->slot[h].key) {
        t->slot[h].key = key;
        t->n++;
    }
    t->last_key = key;
    t->last = h;
    return &t->slot[h];
}

static int by_key(const void *a, const void *b)
{
    uint64_t x = ((const coach_day_sum *)a)->key, y = ((const coach_day_sum *)b)->key;
    return x < y ? -1 : x > y;
}

static ips_error fail(warehouse *wh, ips_diag *d)
{
    return warehouse_fail(wh, d, "summing the contacts per coach and day");
}

/* The fact_coach ids in index order (their idx is their rank by id). */
static ips_error coach_ids(warehouse *wh, const char *schema, dc_intern *ids, ips_diag *d)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT coach_id FROM %s.fact_coach ORDER BY idx", schema);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(warehouse_db(wh), sql, -1, &st, NULL) != SQLITE_OK)
        return fail(wh, d);
    int rc;
    int32_t want = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (dc_intern_id(ids, (const char *)sqlite3_column_text(st, 0)) != want++) {
            sqlite3_finalize(st);
            return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
        }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? IPS_OK : fail(wh, d);
}

static bool in_community(const unsigned char *s)
{
    return s && (strcmp((const char *)s, "community") == 0 ||
                 strcmp((const char *)s, "workplace") == 0 || strcmp((const char *)s, "home") == 0);
}

/* The clients whose meetings are counted: fact_client idx by interned id. */
typedef struct {
    dc_intern ids;
    int32_t *idx;
} basic_clients;

/* The last id looked up and what it was: an export lists a client's
 * contacts together (by client, then date), so most rows name the row
 * before's client and coach, and most of a row's cost was finding them. */
typedef struct {
    char s[32];
    int32_t id;
    bool set;
} last_id;

static int32_t find_cached(const dc_intern *t, last_id *c, const char *s)
{
    if (c->set && strcmp(c->s, s) == 0)
        return c->id;
    int32_t id = dc_intern_find(t, s);
    size_t n = strlen(s);
    c->set = n < sizeof c->s;
    if (c->set) {
        memcpy(c->s, s, n + 1);
        c->id = id;
    }
    return id;
}

typedef struct {
    last_id coach, client;
} scan_cache;

/* What one contact adds: to its coach's day (key, 0 for none) and to its
 * client's meeting day (mkey, 0 for none). */
typedef struct {
    uint64_t key, mkey;
    bool employer, timed, community;
    double minutes;
} contribution;

/* One contact row of st as what it adds; false when it adds nothing. */
static bool read_contact(const dc_intern *ids, const basic_clients *basic, scan_cache *sc,
                         sqlite3_stmt *st, contribution *c)
{
    ips_day day;
    if (!date_parse_iso((const char *)sqlite3_column_text(st, 1), &day))
        return false; /* no fact row, as the joins had it */
    memset(c, 0, sizeof *c);
    const unsigned char *kind = sqlite3_column_text(st, 2), *client = sqlite3_column_text(st, 7);
    if (client && kind && strcmp((const char *)kind, "client") == 0 &&
        sqlite3_column_int(st, 3) == 1) {
        int32_t k = find_cached(&basic->ids, &sc->client, (const char *)client);
        if (k >= 0)
            c->mkey = (((uint64_t)basic->idx[k] << 32) | (uint32_t)day) + 1;
    }
    const unsigned char *coach_id = sqlite3_column_text(st, 0);
    int32_t coach = coach_id ? find_cached(ids, &sc->coach, (const char *)coach_id) : -1;
    if (coach < 0)
        return c->mkey != 0; /* a coach the facts do not know: no fact row, as the join had it */
    c->key = (((uint64_t)coach << 32) | (uint32_t)day) + 1;
    const unsigned char *by = sqlite3_column_text(st, 4);
    c->employer = kind && strcmp((const char *)kind, "employer") == 0 &&
                  sqlite3_column_int(st, 3) == 1 && !(by && strcmp((const char *)by, "client") == 0);
    const unsigned char *setting = sqlite3_column_text(st, 5);
    if (setting && sqlite3_column_type(st, 6) != SQLITE_NULL) {
        c->timed = true;
        c->minutes = sqlite3_column_double(st, 6);
        c->community = in_community(setting);
    }
    return true;
}

/* Contributions taken in together: the slots of a batch are fetched from
 * memory side by side instead of one miss after another (the tables are
 * tens of MB, and the misses were most of the scan).  Each key's sums are
 * added in row order, as one at a time. */
#define BATCH 32

static bool add_batch(day_table *t, day_table *mt, const contribution *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (c[i].mkey && mt->mask)
            __builtin_prefetch(&mt->slot[home(c[i].mkey, mt->mask)]);
        if (c[i].key && t->mask)
            __builtin_prefetch(&t->slot[home(c[i].key, t->mask)]);
    }
    for (size_t i = 0; i < n; i++) {
        coach_day_sum *m = c[i].mkey ? table_at(mt, c[i].mkey) : NULL;
        if (c[i].mkey && !m)
            return false;
        if (m)
            m->n++;
        coach_day_sum *s = c[i].key ? table_at(t, c[i].key) : NULL;
        if (c[i].key && !s)
            return false;
        if (s && c[i].employer)
            s->n++;
        if (s && c[i].timed) {
            s->minutes += c[i].minutes;
            if (c[i].community)
                s->community_minutes += c[i].minutes;
        }
    }
    return true;
}

/* The clients with a basic-support ips episode started by A. */
static ips_error basic_of(warehouse *wh, const char *schema, const char *a, basic_clients *b,
                          ips_diag *d)
{
    char sql[320];
    snprintf(sql, sizeof sql,
             "SELECT fc.idx, fc.client_id FROM %s.fact_client fc WHERE fc.client_id IN"
             " (SELECT client_id FROM main.enrollments WHERE service = 'ips'"
             " AND support_level = 'basic' AND start_date <= ?1) ORDER BY fc.idx",
             schema);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(warehouse_db(wh), sql, -1, &st, NULL) != SQLITE_OK)
        return fail(wh, d);
    sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
    int rc;
    size_t cap = 0;
    bool ok = true;
    while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        int32_t k = dc_intern_id(&b->ids, (const char *)sqlite3_column_text(st, 1));
        if (k >= 0 && (size_t)k >= cap) {
            size_t nc = cap ? cap * 2 : 1024;
            int32_t *g = realloc(b->idx, nc * sizeof *g);
            if (g)
                b->idx = g, cap = nc;
        }
        ok = k >= 0 && (size_t)k < cap;
        if (ok)
            b->idx[k] = (int32_t)sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    if (!ok)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    return rc == SQLITE_DONE ? IPS_OK : fail(wh, d);
}

static ips_error scan(warehouse *wh, const dc_intern *ids, const basic_clients *basic,
                      const char *a, day_table *t, day_table *mt, ips_diag *d)
{
    sqlite3_stmt *st;
    /* NOT INDEXED: a skip-scan of the index by client and date would look
     * each row up in the table. */
    if (sqlite3_prepare_v2(warehouse_db(wh),
                           "SELECT coach_id, date, kind, in_person, \"by\", setting, minutes,"
                           " client_id FROM main.contacts NOT INDEXED WHERE date <= ?1",
                           -1, &st, NULL) != SQLITE_OK)
        return fail(wh, d);
    sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
    int rc;
    bool ok = true;
    scan_cache sc = {0};
    contribution batch[BATCH];
    size_t n = 0;
    while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        n += read_contact(ids, basic, &sc, st, &batch[n]);
        if (n == BATCH) {
            ok = add_batch(t, mt, batch, n);
            n = 0;
        }
    }
    ok = ok && add_batch(t, mt, batch, n);
    sqlite3_finalize(st);
    if (!ok)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    return rc == SQLITE_DONE ? IPS_OK : fail(wh, d);
}

/* The sums in key order into schema.fact_coach_day, or the meeting counts
 * into schema.fact_meeting_day. */
static ips_error store(warehouse *wh, const char *schema, day_table *t, bool meetings,
                       ips_diag *d)
{
    size_t n = 0;
    for (size_t i = 0; t->mask && i <= t->mask; i++)
        if (t->slot[i].key)
            t->slot[n++] = t->slot[i];
    if (n)
        qsort(t->slot, n, sizeof *t->slot, by_key);
    char sql[128];
    snprintf(sql, sizeof sql,
             meetings ? "INSERT INTO %s.fact_meeting_day VALUES(?1, ?2, ?3)"
                      : "INSERT INTO %s.fact_coach_day VALUES(?1, ?2, ?3, ?4, ?5)",
             schema);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(warehouse_db(wh), sql, -1, &st, NULL) != SQLITE_OK)
        return fail(wh, d);
    int rc = SQLITE_DONE;
    for (size_t i = 0; rc == SQLITE_DONE && i < n; i++) {
        uint64_t k = t->slot[i].key - 1;
        sqlite3_bind_int64(st, 1, (sqlite3_int64)(k >> 32));
        sqlite3_bind_int64(st, 2, (int32_t)(uint32_t)k);
        sqlite3_bind_int64(st, 3, t->slot[i].n);
        if (!meetings) {
            sqlite3_bind_double(st, 4, t->slot[i].minutes);
            sqlite3_bind_double(st, 5, t->slot[i].community_minutes);
        }
        rc = sqlite3_step(st);
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? IPS_OK : fail(wh, d);
}

ips_error facts_coach_days(warehouse *wh, const char *schema, const char *a, ips_diag *d)
{
    dc_intern ids = {0};
    basic_clients basic = {0};
    day_table t = {0}, mt = {0};
    ips_error e = coach_ids(wh, schema, &ids, d);
    if (e == IPS_OK)
        e = basic_of(wh, schema, a, &basic, d);
    if (e == IPS_OK)
        e = scan(wh, &ids, &basic, a, &t, &mt, d);
    dc_intern_free(&ids);
    dc_intern_free(&basic.ids);
    free(basic.idx);
    if (e == IPS_OK)
        e = store(wh, schema, &t, false, d);
    free(t.slot);
    if (e == IPS_OK)
        e = store(wh, schema, &mt, true, d);
    free(mt.slot);
    return e;
}
