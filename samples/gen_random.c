/* Random numbers and dates for gen-samples, integer only, so that the same
 * options give the same bytes on any machine: no libm, locale or compiler can
 * change a digit.  The rule on the order of draws is in gen_world.h. */
#include "gen_world.h"

/* ---------- random numbers: integer only, identical everywhere ---------- */

static uint64_t splitmix(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* An independent stream per (purpose, index): a client's rows do not depend on
 * how many clients came before, so --clients 2000 starts like the default. */
rng rng_for(uint64_t seed, uint64_t stream, uint64_t index)
{
    uint64_t x = seed;
    x = splitmix(&x) ^ (stream * 0xd1342543de82ef95ULL);
    x = splitmix(&x) ^ index;
    rng r;
    for (int i = 0; i < 4; i++)
        r.s[i] = splitmix(&x);
    return r;
}

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t rnext(rng *r)
{
    uint64_t *s = r->s, res = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0], s[3] ^= s[1], s[1] ^= s[2], s[0] ^= s[3], s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return res;
}

int below(rng *r, int n) { return (int)(((rnext(r) >> 32) * (uint64_t)n) >> 32); }
int range(rng *r, int lo, int hi) { return lo + below(r, hi - lo + 1); }
bool pm(rng *r, int permille) { return below(r, 1000) < permille; }

int wpick(rng *r, const int *w, int n)
{
    int total = 0;
    for (int i = 0; i < n; i++)
        total += w[i];
    int u = below(r, total);
    for (int i = 0; i < n; i++)
        if ((u -= w[i]) < 0)
            return i;
    return n - 1;
}

/* A value from a distribution given by n equally spaced quantiles (min..max). */
int quant(rng *r, const int *q, int n)
{
    long long u = (long long)below(r, 1000000) * (n - 1);
    int seg = (int)(u / 1000000);
    return q[seg] + (int)((long long)(q[seg + 1] - q[seg]) * (u % 1000000) / 1000000);
}

/* Skewed towards the front of a list: a few employers get many clients. */
int skew(rng *r, int n) { long long u = below(r, 1000); return (int)(n * u * u / 1000000); }

/* ---------- dates: days since 1970-01-01 ---------- */

int ymd_day(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400, yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

void day_ymd(int z, int *y, int *m, int *d)
{
    z += 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097, doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

int weekday(int z) { return ((z % 7) + 7 + 3) % 7; } /* 0 = Monday */
int min_i(int a, int b) { return a < b ? a : b; }
int max_i(int a, int b) { return a > b ? a : b; }

/* A working day in [lo, hi] at or near d, or NODATE: contacts and starts fall
 * on weekdays, as they do in real client systems. */
int workday(int d, int lo, int hi)
{
    int w = weekday(d);
    int x = w >= 5 ? d + 7 - w : d;
    if (x > hi)
        x = hi - (weekday(hi) >= 5 ? weekday(hi) - 4 : 0);
    return x < lo || x > hi ? NODATE : x;
}
