/* The kept metric rows' encoding (model/metric_store.h): a table of the
 * distinct strings, then per row its string ids, its period as the change
 * from the row before, and its numbers, integers as varints and anything
 * else as the double's own 8 bytes, so that every row reads back exactly.
 * About 25 bytes a row against metric_row's 370. */
#include "model/metric_store.h"
#include "common/intern.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/disclosure_model.h"

#define CODEC_MAGIC "IPSMR001"

enum { S_METRIC, S_GROUP_BY, S_GROUP, S_TEXT, S_NOTE, S__N };
enum { N_ZERO, N_POS, N_NEG, N_RAW };

typedef struct {
    unsigned char *b;
    size_t n, cap;
    bool fail;
} out_buf;

static void put_bytes(out_buf *o, const void *p, size_t n)
{
    if (o->fail || n == 0)
        return;
    if (o->n + n > o->cap) {
        size_t nc = o->cap ? o->cap * 2 : 4096;
        while (nc < o->n + n)
            nc *= 2;
        unsigned char *g = realloc(o->b, nc);
        if (!g) {
            o->fail = true;
            return;
        }
        o->b = g;
        o->cap = nc;
    }
    memcpy(o->b + o->n, p, n);
    o->n += n;
}

static void put_varint(out_buf *o, uint64_t v)
{
    unsigned char t[10];
    size_t k = 0;
    do {
        t[k] = (unsigned char)(v & 0x7f);
        v >>= 7;
        if (v)
            t[k] |= 0x80;
        k++;
    } while (v);
    put_bytes(o, t, k);
}

static void put_signed(out_buf *o, int64_t v)
{
    put_varint(o, v < 0 ? ((uint64_t)(-(v + 1)) << 1) | 1 : (uint64_t)v << 1);
}

/* Integers (the counts nearly every number is) as a varint; the rest,
 * −0 and NaN included, as the double's bytes. */
static void put_number(out_buf *o, double v)
{
    unsigned char tag;
    if (v == 0 && !signbit(v)) {
        tag = N_ZERO;
        put_bytes(o, &tag, 1);
    } else if (fabs(v) < 9007199254740992.0 && v == (double)(int64_t)v) {
        tag = v > 0 ? N_POS : N_NEG;
        put_bytes(o, &tag, 1);
        put_varint(o, (uint64_t)(int64_t)fabs(v));
    } else {
        tag = N_RAW;
        put_bytes(o, &tag, 1);
        put_bytes(o, &v, sizeof v);
    }
}

/* The string ids of one row's fields; a field that repeats the row
 * before's string skips the look-up. */
typedef struct {
    dc_intern strings;
    const char *last[S__N];
    int32_t last_id[S__N];
} string_ids;

static int32_t string_id(string_ids *s, int field, const char *v)
{
    if (s->last[field] && strcmp(s->last[field], v) == 0)
        return s->last_id[field];
    int32_t id = dc_intern_id(&s->strings, v);
    s->last[field] = v;
    s->last_id[field] = id;
    return id;
}

static bool put_row(out_buf *o, string_ids *s, const metric_row *r, const metric_row *prev)
{
    const char *str[S__N] = {r->metric, r->group_by, r->group, r->text, r->note};
    for (int k = 0; k < S__N; k++) {
        int32_t id = string_id(s, k, str[k]);
        if (id < 0)
            return false;
        put_varint(o, (uint64_t)id);
    }
    put_signed(o, (int64_t)r->period_start - (prev ? prev->period_start : 0));
    put_signed(o, (int64_t)r->period_end - (prev ? prev->period_end : 0));
    unsigned char kind = (unsigned char)r->kind;
    put_bytes(o, &kind, 1);
    put_varint(o, r->has);
    const double num[] = {r->numerator, r->denominator, r->value, r->events, r->sum};
    for (size_t k = 0; k < sizeof num / sizeof num[0]; k++)
        put_number(o, num[k]);
    put_signed(o, r->score);
    put_signed(o, r->decimals);
    unsigned char flags = (unsigned char)((r->suppressed ? 1 : 0) | (r->to_date ? 2 : 0));
    put_bytes(o, &flags, 1);
    return !o->fail;
}

bool metric_store_encode(const metric_row *rows, size_t n, unsigned char **buf, size_t *len)
{
    *buf = NULL;
    *len = 0;
    string_ids s = {0};
    out_buf body = {0}, o = {0};
    bool ok = true;
    for (size_t i = 0; ok && i < n; i++)
        ok = put_row(&body, &s, &rows[i], i ? &rows[i - 1] : NULL);
    if (ok) {
        put_bytes(&o, CODEC_MAGIC, 8);
        put_varint(&o, s.strings.n);
        for (size_t i = 0; i < s.strings.n; i++) {
            size_t sl = strlen(s.strings.s[i]);
            put_varint(&o, sl);
            put_bytes(&o, s.strings.s[i], sl);
        }
        put_varint(&o, n);
        put_bytes(&o, body.b, body.n);
        ok = !o.fail;
    }
    dc_intern_free(&s.strings);
    free(body.b);
    if (!ok) {
        free(o.b);
        return false;
    }
    *buf = o.b;
    *len = o.n;
    return true;
}

typedef struct {
    const unsigned char *p, *end;
    bool fail;
} in_buf;

static uint64_t get_varint(in_buf *in)
{
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (in->p >= in->end)
            break;
        unsigned char c = *in->p++;
        v |= (uint64_t)(c & 0x7f) << shift;
        if (!(c & 0x80))
            return v;
    }
    in->fail = true;
    return 0;
}

static int64_t get_signed(in_buf *in)
{
    uint64_t z = get_varint(in);
    return z & 1 ? -(int64_t)(z >> 1) - 1 : (int64_t)(z >> 1);
}

static unsigned char get_byte(in_buf *in)
{
    if (in->p >= in->end) {
        in->fail = true;
        return 0;
    }
    return *in->p++;
}

static double get_number(in_buf *in)
{
    unsigned char tag = get_byte(in);
    double v = 0;
    if (tag == N_POS || tag == N_NEG) {
        uint64_t m = get_varint(in);
        v = tag == N_POS ? (double)m : -(double)m;
    } else if (tag == N_RAW && in->end - in->p >= (ptrdiff_t)sizeof v) {
        memcpy(&v, in->p, sizeof v);
        in->p += sizeof v;
    } else if (tag != N_ZERO) {
        in->fail = true;
    }
    return v;
}

typedef struct {
    const char *s;
    size_t len;
    const char *name;      /* s interned, on first use as a name */
} str_ref;

/* Points a name field at string id, interned once per table entry. */
static bool get_name(in_buf *in, str_ref *t, uint64_t nt, const char **dst)
{
    uint64_t id = get_varint(in);
    if (in->fail || id >= nt || memchr(t[id].s, '\0', t[id].len))
        return false;
    if (!t[id].name)
        t[id].name = ips_intern_n(t[id].s, t[id].len);
    *dst = t[id].name;
    return true;
}

static bool get_row(in_buf *in, str_ref *t, uint64_t nt, metric_row *r, const metric_row *prev)
{
    metric_row_init(r);
    if (!get_name(in, t, nt, &r->metric) || !get_name(in, t, nt, &r->group_by) ||
        !get_name(in, t, nt, &r->group) ||
        !get_name(in, t, nt, &r->text) || !get_name(in, t, nt, &r->note))
        return false;
    r->period_start = (ips_day)(get_signed(in) + (prev ? prev->period_start : 0));
    r->period_end = (ips_day)(get_signed(in) + (prev ? prev->period_end : 0));
    r->kind = (metric_kind)get_byte(in);
    r->has = (unsigned)get_varint(in);
    double *num[] = {&r->numerator, &r->denominator, &r->value, &r->events, &r->sum};
    for (size_t k = 0; k < sizeof num / sizeof num[0]; k++)
        *num[k] = get_number(in);
    r->score = (int)get_signed(in);
    r->decimals = (int)get_signed(in);
    unsigned char flags = get_byte(in);
    r->suppressed = flags & 1;
    r->to_date = (flags & 2) != 0;
    return !in->fail && flags < 4 && r->kind <= MK_TEXT;
}

/* The string table at the start of in; NULL (in->fail) when damaged. */
static str_ref *get_strings(in_buf *in, uint64_t *nt)
{
    *nt = get_varint(in);
    if (in->fail || *nt > (uint64_t)(in->end - in->p))
        return NULL;
    str_ref *t = malloc((*nt ? *nt : 1) * sizeof *t);
    for (uint64_t i = 0; t && i < *nt; i++) {
        uint64_t len = get_varint(in);
        if (in->fail || len > (uint64_t)(in->end - in->p)) {
            free(t);
            return NULL;
        }
        t[i] = (str_ref){(const char *)in->p, (size_t)len, NULL};
        in->p += len;
    }
    return t;
}

bool metric_store_decode(const unsigned char *buf, size_t len, metric_set *out)
{
    if (!buf || len < 8 || memcmp(buf, CODEC_MAGIC, 8) != 0)
        return false;
    in_buf in = {buf + 8, buf + len, false};
    uint64_t nt;
    str_ref *t = get_strings(&in, &nt);
    if (!t)
        return false;
    uint64_t n = get_varint(&in);
    size_t first = out->n;
    bool ok = !in.fail && n <= (uint64_t)(in.end - in.p);
    for (uint64_t i = 0; ok && i < n; i++) {
        metric_row r;
        ok = get_row(&in, t, nt, &r, out->n > first ? &out->rows[out->n - 1] : NULL) &&
             metric_set_put(out, &r);
    }
    free(t);
    ok = ok && in.p == in.end;
    if (!ok)
        out->n = first; /* as before (an index of the first rows still holds) */
    return ok;
}
