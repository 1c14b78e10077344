/* gen-samples: deterministic sample data for ipsreport, in the canonical layout
 * of the data contract (spec/data-contract.md).
 *
 * Same options give the same bytes on any machine: the generator has its own
 * PRNG (xoshiro256**, seeded per client by splitmix64) and uses integer
 * arithmetic only, so no libm, locale or compiler can change a digit.
 * Clients are generated one at a time and their rows written at once, so a
 * million clients need no more memory than one; coaches and employers are small
 * tables kept in memory.  Generation fills row structs and a writer turns a row
 * into fields (fld) and the fields into text; with --exports the same fields
 * also go to the client-system dialects of gen_exports.c (Finnish headers,
 * ';', d.m.yyyy, windows-1252; English headers, UTF-8 with BOM). */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "gen_common.h"
#include "gen_exports.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define QUANT(r, q) quant(r, q, COUNT(q))
#define WPICK(r, w) wpick(r, w, COUNT(w))

/* ---------- random numbers: integer only, identical everywhere ----------
 * C leaves the order open in which function arguments, initializer elements
 * and the operands of + are evaluated, so two draws never share one of those:
 * each draw gets its own statement, or sits behind ?:, && or ||.  Otherwise
 * gcc and clang write different samples from the same seed. */

typedef struct { uint64_t s[4]; } rng;

static uint64_t splitmix(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* An independent stream per (purpose, index): a client's rows do not depend on
 * how many clients came before, so --clients 2000 starts like the default. */
static rng rng_for(uint64_t seed, uint64_t stream, uint64_t index)
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

static int below(rng *r, int n) { return (int)(((rnext(r) >> 32) * (uint64_t)n) >> 32); }
static int range(rng *r, int lo, int hi) { return lo + below(r, hi - lo + 1); }
static bool pm(rng *r, int permille) { return below(r, 1000) < permille; }

static int wpick(rng *r, const int *w, int n)
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
static int quant(rng *r, const int *q, int n)
{
    long long u = (long long)below(r, 1000000) * (n - 1);
    int seg = (int)(u / 1000000);
    return q[seg] + (int)((long long)(q[seg + 1] - q[seg]) * (u % 1000000) / 1000000);
}

/* Skewed towards the front of a list: a few employers get many clients. */
static int skew(rng *r, int n) { long long u = below(r, 1000); return (int)(n * u * u / 1000000); }

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

static int weekday(int z) { return ((z % 7) + 7 + 3) % 7; } /* 0 = Monday */
static int min_i(int a, int b) { return a < b ? a : b; }
static int max_i(int a, int b) { return a > b ? a : b; }

/* A working day in [lo, hi] at or near d, or NODATE: contacts and starts fall
 * on weekdays, as they do in real client systems. */
static int workday(int d, int lo, int hi)
{
    int w = weekday(d);
    int x = w >= 5 ? d + 7 - w : d;
    if (x > hi)
        x = hi - (weekday(hi) >= 5 ? weekday(hi) - 4 : 0);
    return x < lo || x > hi ? NODATE : x;
}

/* ---------- code lists (exactly the contract's) ---------- */

enum { SV_IPS, SV_GROUP, SV_ENV, SV_OTHER };
static const char *const services[] = {"ips", "group", "coaching_environment", "other"};
enum { X_EMP_OPEN, X_EMP_SUB, X_TRIAL, X_EDU, X_REHAB, X_SICK, X_PENSION, X_OTHER_SVC,
       X_MOVED, X_DECLINED, X_NO_CONTACT, X_OTHER };
static const char *const exits[] = {"employed_open", "employed_subsidized", "work_trial",
    "education", "rehabilitation", "sick_leave", "pension", "other_service", "moved",
    "declined", "no_contact", "other"};
static const int exit_w_ips[] = {0, 0, 40, 150, 120, 55, 20, 70, 35, 70, 100, 25};
static const int exit_w_env[] = {0, 0, 150, 120, 100, 40, 10, 150, 20, 40, 60, 30};
static const char *const sources[] = {"social_work", "disability_services", "mental_health",
    "work_ability_team", "employment_services", "self", "other"};
static const char *const levels[] = {"intensive", "basic", "light"};
enum { CK_CLIENT, CK_EMPLOYER, CK_NETWORK, CK_BENEFITS, CK_OTHER };
static const char *const kinds_c[] = {"client", "employer", "network", "benefits", "other"};
enum { BY_COACH, BY_CLIENT, BY_BOTH };
static const char *const bys[] = {"coach", "client", "both"};
enum { ST_OFFICE, ST_COMMUNITY, ST_WORKPLACE, ST_HOME, ST_REMOTE };
static const char *const settings[] = {"office", "community", "workplace", "home", "remote"};
static const char *const end_reasons[] = {"quit", "dismissed", "fixed_term_ended", "other"};
static const char *const statuses[] = {"rated", "not_applicable", "not_rated"};

enum { SEG_MH, SEG_DIS, SEG_LTU, SEG_IMM, SEG_YOUTH, SEG_OTHER };
static const char *const segments[] = {"mental_health", "disability", "long_term_unemployed",
    "immigrant", "youth", "other"};
static const int segment_w[] = {350, 150, 250, 100, 110, 40};
/* referral_source weights per segment, in the order of sources[] */
static const int source_w[6][7] = {{20, 2, 60, 8, 5, 3, 2}, {15, 60, 5, 10, 5, 3, 2},
    {30, 2, 5, 25, 33, 3, 2}, {35, 2, 3, 5, 50, 3, 2}, {40, 5, 10, 5, 25, 12, 3},
    {30, 10, 10, 10, 20, 10, 10}};
static const char *const munis[] = {"Lahti", "Hollola", "Orimattila", "Heinola", "Kärkölä",
    "Asikkala", "Iitti", "Padasjoki", "Sysmä", "Hartola"};
static const int muni_w[] = {450, 120, 120, 90, 40, 40, 35, 20, 20, 15};

/* ---------- coaches: a slot is a position, held by one coach after another ---------- */

enum { T_IPS, T_PAJA };
typedef struct {
    const char *provider, *team, *region;
    int kind, fte, focus, community; /* percent */
    int start_off, leave_off;        /* days from --start; leave 0 = stays */
} slot_tmpl;

static const slot_tmpl tmpls[] = {
    {"valmennuslehto", "lehto_lahti", "Lahti", T_IPS, 100, 95, 70, -900, 0},
    {"valmennuslehto", "lehto_lahti", "Lahti", T_IPS, 100, 90, 55, -420, 272},
    {"valmennuslehto", "lehto_lahti", "Lahti", T_IPS, 80, 100, 60, -200, 0},
    {"valmennuslehto", "lehto_hollola", "Hollola", T_IPS, 100, 85, 50, -650, 0},
    {"valmennuslehto", "lehto_hollola", "Kärkölä", T_IPS, 60, 100, 65, 151, 0},
    {"tyopaja_orimattila", "orimattila_ips", "Orimattila", T_IPS, 100, 80, 40, INT_MIN, 0},
    {"tyopaja_orimattila", "orimattila_ips", "Orimattila", T_IPS, 50, 70, 35, -300, 455},
    {"tyopaja_orimattila", "orimattila_paja", "Orimattila", T_PAJA, 100, 80, 30, -2000, 0},
    {"tyopaja_orimattila", "orimattila_paja", "Orimattila", T_PAJA, 80, 60, 30, -700, 0},
    {"kuntoutussaatio", "saatio_heinola", "Heinola", T_IPS, 100, 95, 80, -500, 0},
    {"kuntoutussaatio", "saatio_heinola", "Heinola", T_IPS, 70, 90, 60, -360, 516},
    {"kuntoutussaatio", "saatio_heinola", "Heinola", T_IPS, 90, 100, 75, -100, 0},
};
/* How clients spread over the slots (ips work and workshop work separately). */
static const int tmpl_w_ips[] = {20, 17, 16, 20, 10, 18, 8, 0, 0, 20, 13, 17};
static const int tmpl_w_paja[] = {0, 0, 0, 0, 0, 0, 0, 55, 45, 0, 0, 0};

typedef struct {
    char id[24];
    const slot_tmpl *t;
    int fte, focus, community, start, end;
    int emp_pm, free_pm, diligence, never_pm, fast, phone_pm; /* how this coach works */
} coach;

typedef struct { int tmpl, first, second, leave, start; } slot; /* coach indices */

/* ---------- employers ---------- */

enum { K_SHOP, K_FOOD, K_CLEAN, K_PROP, K_BUILD, K_WARE, K_TRANS, K_CARE, K_BAKE, K_AUTO,
       K_METAL, K_GARDEN, K_LAUNDRY, K_WOOD, K_OFFICE, K_HOTEL, K_CITY, K_COUNTY, K_THIRD, K_N };
#define B(k) (1u << (k))
static const char *const kind_tol[K_N] = {"47.11", "56.10", "81.21", "81.10", "41.20", "52.10",
    "49.41", "87.30", "10.71", "45.20", "25.62", "81.30", "96.01", "31.09", "82.11", "55.10",
    "84.11", "86.10", "88.99"};

typedef struct { const char *name; int kind; const char *muni, *tol; } named_employer;
static const named_employer named[] = {
    {"Kahvila Äijänpää", K_FOOD, "Orimattila", NULL}, {"Hämeen Rakennus Oy", K_BUILD, "Lahti", NULL},
    {"Åbo Städservice Ab", K_CLEAN, "Lahti", NULL}, {"Lahden kaupunki", K_CITY, "Lahti", NULL},
    {"Päijät-Hämeen hyvinvointialue", K_COUNTY, "Lahti", NULL},
    {"Kierrätyskeskus Kääpä ry", K_THIRD, "Lahti", "47.79"},
    {"Orimattilan kaupunki", K_CITY, "Orimattila", NULL}, {"Hollolan kunta", K_CITY, "Hollola", NULL},
    {"Heinolan kaupunki", K_CITY, "Heinola", NULL}, {"Kärkölän kunta", K_CITY, "Kärkölä", NULL},
    {"Ravintola Pöllölä Oy", K_FOOD, "Hollola", NULL}, {"Leipomo Mäkelä Ky", K_BAKE, "Kärkölä", NULL},
    {"Sähkö-Järvinen Oy", K_BUILD, "Lahti", "43.21"}, {"Lähikauppa Ämmälä", K_SHOP, "Lahti", NULL},
    {"Siivouspalvelu Kärppä Oy", K_CLEAN, "Orimattila", NULL},
    {"Metsä-Häme Puutuote Oy", K_WOOD, "Heinola", "16.23"},
    {"Vääksyn Kiinteistöpalvelu Oy", K_PROP, "Asikkala", NULL},
    {"Hoivakoti Kuusenkäpy Oy", K_CARE, "Hollola", NULL},
    {"Mielenterveysyhdistys Sävel ry", K_THIRD, "Heinola", NULL},
    {"Kukkakauppa Ruusunnuppu", K_SHOP, "Orimattila", "47.76"},
    {"Autokorjaamo Hämäläinen Oy", K_AUTO, "Lahti", NULL},
    {"Konepaja Kärkkäinen Oy", K_METAL, "Lahti", NULL}, {"Hotelli Salpaussalo Oy", K_HOTEL, "Lahti", NULL},
    {"Kahvila-Konditoria Sävyisä", K_FOOD, "Heinola", NULL}, {"Pesula Lumivalkea Ky", K_LAUNDRY, "Hollola", NULL},
    {"Logistiikkakeskus Hämeenkoski Oy", K_WARE, "Hollola", NULL},
    {"Lounasravintola Köökki Oy", K_FOOD, "Lahti", NULL}, {"Söderholmin Maalaus Oy", K_BUILD, "Lahti", "43.34"},
    {"Kuljetus Öhman Oy", K_TRANS, "Kärkölä", NULL}, {"Café Åkerlund", K_FOOD, "Heinola", NULL},
    {"Toimistopalvelu Älykäs Oy", K_OFFICE, "Lahti", NULL},
    {"Ohjelmistotalo Särmä Oy", K_OFFICE, "Lahti", "62.01"},
    {"Hoivapalvelu Hyvä Päivä Oy", K_CARE, "Orimattila", "88.10"},
    {"Työ & Toiminta ry", K_THIRD, "Orimattila", NULL},
    {"Koskinen, Mäkelä & Co Oy", K_METAL, "Orimattila", NULL},
    {"Osuuskunta \"Yhteinen Pöytä\"", K_FOOD, "Lahti", NULL},
    {"Rakennuspalvelu Hirvonen", K_BUILD, "Asikkala", "43"}, {"Pihapalvelu Määttä Tmi", K_GARDEN, "Hollola", ""},
    {"Lähitaksi Väänänen Ky", K_TRANS, "Heinola", "49.32"}, {"Kirpputori Löytö Oy", K_SHOP, "Lahti", "47.79"},
};
static const struct { const char *word; int kind; const char *tol; } trades[] = {
    {"Kauppa", K_SHOP, NULL}, {"Rautakauppa", K_SHOP, "47.52"}, {"Ravintola", K_FOOD, NULL},
    {"Lounaskahvila", K_FOOD, NULL}, {"Siivouspalvelu", K_CLEAN, NULL}, {"Kiinteistöhuolto", K_PROP, NULL},
    {"Rakennus", K_BUILD, NULL}, {"Sähkö", K_BUILD, "43.21"}, {"Logistiikka", K_WARE, NULL},
    {"Kuljetus", K_TRANS, NULL}, {"Hoivakoti", K_CARE, NULL}, {"Leipomo", K_BAKE, NULL},
    {"Autokorjaamo", K_AUTO, NULL}, {"Konepaja", K_METAL, NULL}, {"Puutarha", K_GARDEN, NULL},
    {"Pesula", K_LAUNDRY, NULL}, {"Puusepät", K_WOOD, NULL}, {"Kirjapaino", K_OFFICE, "18.12"},
    {"Hotelli", K_HOTEL, NULL}, {"Varastopalvelu", K_WARE, NULL}, {"Maalaus", K_BUILD, "43.34"},
    {"Kotipalvelu", K_CARE, "88.10"},
};
static const struct { const char *gen, *muni; } places[] = {
    {"Lahden", "Lahti"}, {"Hollolan", "Hollola"}, {"Orimattilan", "Orimattila"},
    {"Heinolan", "Heinola"}, {"Kärkölän", "Kärkölä"}, {"Päijät-Hämeen", "Lahti"},
    {"Salpausselän", "Lahti"}, {"Vesijärven", "Lahti"}, {"Järvelän", "Kärkölä"},
    {"Asikkalan", "Asikkala"}, {"Iitin", "Iitti"}, {"Jokimaan", "Lahti"}, {"Mäkelän", "Hollola"},
    {"Artjärven", "Orimattila"}, {"Virtasen", "Heinola"}, {"Sysmän", "Sysmä"},
    {"Nastolan", "Lahti"}, {"Hämeenkosken", "Hollola"}, {"Åkerlundin", "Lahti"},
};
static const char *const forms[] = {"Oy", "Oy", "Oy", "Ky", "Tmi", "Oy", "Oy", "Ky"};

typedef struct { char id[16]; char name[80]; const char *tol, *muni; int kind; } employer;

/* ---------- occupations (Ammattiluokitus 2010 / ISCO-08) ---------- */

static const struct { const char *title, *code; unsigned kinds; int w; } occs[] = {
    {"Myyjä", "5223", B(K_SHOP), 60}, {"Kassamyyjä", "5230", B(K_SHOP), 30},
    {"Varastotyöntekijä", "9333", B(K_WARE) | B(K_SHOP), 50},
    {"Siivooja", "9112", B(K_CLEAN) | B(K_HOTEL) | B(K_CITY), 70},
    {"Laitoshuoltaja", "91122", B(K_COUNTY) | B(K_CARE) | B(K_CLEAN), 30},
    {"Kokki", "5120", B(K_FOOD) | B(K_HOTEL), 35}, {"Kokki, kylmäkeittiö", "5120", B(K_FOOD), 8},
    {"Keittiöapulainen", "9412", B(K_FOOD) | B(K_CITY) | B(K_CARE), 45},
    {"Tarjoilija", "5131", B(K_FOOD) | B(K_HOTEL), 20},
    {"Hoiva-avustaja", "5329", B(K_CARE) | B(K_COUNTY), 35},
    {"Lähihoitaja", "5321", B(K_CARE) | B(K_COUNTY), 20},
    {"Kiinteistönhoitaja", "5153", B(K_PROP) | B(K_CITY), 30}, {"Rakennusapumies", "9313", B(K_BUILD), 20},
    {"Maalari", "7131", B(K_BUILD), 8}, {"Kuorma-autonkuljettaja", "8332", B(K_TRANS), 10},
    {"Jakelija", "9621", B(K_TRANS) | B(K_WARE), 15}, {"Leipuri", "7512", B(K_BAKE), 8},
    {"Autonasentaja", "7231", B(K_AUTO), 8}, {"Hitsaaja", "7212", B(K_METAL), 8},
    {"Koneistaja", "7223", B(K_METAL), 5}, {"Puutarhatyöntekijä", "6113", B(K_GARDEN) | B(K_CITY), 20},
    {"Pesulatyöntekijä", "8157", B(K_LAUNDRY) | B(K_COUNTY), 12}, {"Puuseppä", "7522", B(K_WOOD), 6},
    {"Toimistoavustaja", "4110", B(K_OFFICE) | B(K_CITY) | B(K_THIRD), 20},
    {"Asiakaspalvelija", "4222", B(K_OFFICE) | B(K_SHOP), 20},
    {"Ohjelmistokehittäjä", "2512", B(K_OFFICE), 4}, {"Kierrätystyöntekijä", "9612", B(K_THIRD), 15},
    {"Kerroshoitaja", "9111", B(K_HOTEL), 10}, {"Koulunkäynninohjaaja", "5312", B(K_CITY), 8},
    {"Tuotantotyöntekijä", "9329", B(K_METAL) | B(K_WOOD) | B(K_BAKE), 20},
    {"Vahtimestari", "9629", B(K_CITY) | B(K_COUNTY), 6}, {"Pakkaaja", "9321", B(K_WARE) | B(K_BAKE), 15},
};
static const int hours10[] = {100, 120, 150, 160, 180, 200, 200, 240, 250, 250, 280, 300, 300,
    320, 350, 375, 375, 375, 400};

/* ---------- rows: what the writer writes ---------- */

typedef struct {
    char id[24], title[64];
    int occ, emp, start, end, hours10, end_reason; /* -1 = blank */
    int competitive, permanent, subsidized, with_ep;   /* 1 y, 0 n, -1 blank */
} job;

typedef struct {
    char id[24];
    int slot, service, referral, start, end, exit, source, level, coach_blank;
    int njobs;
    job jobs[3];
} episode;

typedef struct {
    char id[24];
    int birth_year, gender, muni, segment; /* -1 = blank */
    int nep;
    episode ep[2];
    job pre; int has_pre; /* a job the client held before the service */
} client;

typedef struct {
    int date, kind, in_person, coach, by, emp, setting, minutes; /* -1 = blank */
    long seq;
} contact;

/* ---------- the writer: fields, then text ---------- */

#define BLANK ((fld){'-', NULL, 0, 0})
static fld FS(const char *s) { return s && *s ? (fld){'s', s, 0, 0} : BLANK; }
static fld FD(int d) { return d == NODATE ? BLANK : (fld){'d', NULL, d, 0}; }
static fld FN(long v, int dec) { return v < 0 ? BLANK : (fld){'n', NULL, v, dec}; }
static fld FB(int b) { return b < 0 ? BLANK : (fld){'b', NULL, b, 0}; }
static fld FC(const char *const *list, int i) { return i < 0 ? BLANK : FS(list[i]); }

static const char *const file_names[E_N] = {"coaches", "clients", "employers", "enrollments",
    "contacts", "jobs", "assessments", "fidelity_reviews"};
static const char *const headers[E_N] = {
    "coach_id,provider_id,team_id,region,fte,focus_share,community_share,start_date,end_date",
    "client_id,birth_year,gender,municipality,segment",
    "employer_id,name,industry,sector,municipality",
    "enrollment_id,client_id,coach_id,service,referral_date,start_date,end_date,exit_reason,"
    "referral_source,support_level",
    "contact_id,date,kind,in_person,client_id,coach_id,by,employer_id,setting,minutes",
    "job_id,client_id,employer_id,enrollment_id,job_title,occupation,start_date,end_date,"
    "hours_per_week,competitive,permanent,subsidized,end_reason",
    "client_id,date,instrument,score",
    "review_id,unit,review_date,item,status,score,score_high,reviewer"};

typedef struct {
    uint64_t seed;
    long nclients;
    int years, start, asof, copies;
    const char *out;
    coach *coaches; int ncoaches;
    slot *slots; int nslots;
    employer *emps; int nemps;
    int *by_kind[K_N]; int nby_kind[K_N];
    long next_ep, next_contact, next_job, rows[E_N];
    FILE *f[E_N];
    contact *cbuf; int cn, ccap;
    bool want_exports;
    gen_exports *exports;            /* the same rows as client systems export them, or NULL */
} world;

char *put_num(char *p, long v, int dec)
{
    long scale = 1;
    for (int i = 0; i < dec; i++)
        scale *= 10;
    p += sprintf(p, "%ld", v / scale);
    long frac = v % scale;
    if (frac) {
        *p++ = '.';
        for (scale /= 10; frac; scale /= 10) {
            *p++ = (char)('0' + frac / scale);
            frac %= scale;
        }
    }
    return p;
}

/* Canonical text: RFC 4180 quoting, ISO dates, '.' decimals, y/n. */
static void write_row(world *w, int e, const fld *f, int n)
{
    char line[2048], *p = line;
    for (int i = 0; i < n; i++) {
        if (i)
            *p++ = ',';
        if (f[i].t == 's') {
            bool q = strpbrk(f[i].s, ",\"\r\n") != NULL;
            if (q)
                *p++ = '"';
            for (const char *s = f[i].s; *s && p < line + sizeof line - 8; s++) {
                if (*s == '"')
                    *p++ = '"';
                *p++ = *s;
            }
            if (q)
                *p++ = '"';
        } else if (f[i].t == 'd') {
            int y, m, d;
            day_ymd((int)f[i].v, &y, &m, &d);
            p += sprintf(p, "%04d-%02d-%02d", y, m, d);
        } else if (f[i].t == 'n') {
            p = put_num(p, f[i].v, f[i].dec);
        } else if (f[i].t == 'b') {
            *p++ = f[i].v ? 'y' : 'n';
        }
    }
    *p++ = '\n';
    fwrite(line, 1, (size_t)(p - line), w->f[e]);
    w->rows[e]++;
    if (w->exports)
        gen_exports_row(w->exports, e, f, n);
}

static void write_coach(world *w, const coach *c)
{
    fld f[] = {FS(c->id), FS(c->t->provider), FS(c->t->team), FS(c->t->region), FN(c->fte, 2),
               FN(c->focus, 2), FN(c->community, 2), FD(c->start), FD(c->end)};
    write_row(w, E_COACH, f, COUNT(f));
}

static void write_employer(world *w, const employer *m)
{
    int k = m->kind;
    const char *sector = k == K_CITY || k == K_COUNTY ? "public" : k == K_THIRD ? "third" : "private";
    fld f[] = {FS(m->id), FS(m->name), FS(m->tol), FS(sector), FS(m->muni)};
    write_row(w, E_EMPLOYER, f, COUNT(f));
}

static void write_client(world *w, const client *c)
{
    if (w->exports)
        gen_exports_client(w->exports, c->id, c->birth_year, c->gender);
    fld f[] = {FS(c->id), FN(c->birth_year, 0), FC((const char *const[]){"f", "m", "x"}, c->gender),
               FC(munis, c->muni), FC(segments, c->segment)};
    write_row(w, E_CLIENT, f, COUNT(f));
}

static int coach_on(const world *w, int slot_i, int day)
{
    const slot *s = &w->slots[slot_i];
    return s->second >= 0 && day > s->leave ? s->second : s->first;
}

static void write_enrollment(world *w, const client *c, const episode *e)
{
    int coach = coach_on(w, e->slot, e->end == NODATE ? w->asof : e->end);
    fld f[] = {FS(e->id), FS(c->id), e->coach_blank ? BLANK : FS(w->coaches[coach].id),
               FC(services, e->service), FD(e->referral), FD(e->start), FD(e->end),
               FC(exits, e->exit), FC(sources, e->source), FC(levels, e->level)};
    write_row(w, E_ENROLL, f, COUNT(f));
}

static void write_job(world *w, const client *c, const episode *e, const job *j)
{
    fld f[] = {FS(j->id), FS(c->id), FS(w->emps[j->emp].id), e && j->with_ep ? FS(e->id) : BLANK,
               FS(j->title), j->occ >= 0 ? FS(occs[j->occ].code) : BLANK, FD(j->start), FD(j->end),
               FN(j->hours10, 1), FB(j->competitive), FB(j->permanent), FB(j->subsidized),
               FC(end_reasons, j->end_reason)};
    write_row(w, E_JOB, f, COUNT(f));
}

static void write_contact(world *w, const client *c, const contact *k)
{
    char id[24];
    snprintf(id, sizeof id, "ko%07ld", ++w->next_contact);
    fld f[] = {FS(id), FD(k->date), FC(kinds_c, k->kind), FB(k->in_person), c ? FS(c->id) : BLANK,
               k->coach >= 0 ? FS(w->coaches[k->coach].id) : BLANK, FC(bys, k->by),
               k->emp >= 0 ? FS(w->emps[k->emp].id) : BLANK, FC(settings, k->setting),
               FN(k->minutes, 0)};
    write_row(w, E_CONTACT, f, COUNT(f));
}

static void write_assessment(world *w, const client *c, int date, const char *inst, long v, int dec)
{
    fld f[] = {FS(c->id), FD(date), FS(inst), FN(v, dec)};
    write_row(w, E_ASSESS, f, COUNT(f));
}

/* ---------- the fixed tables: coaches, employers, the fidelity review ---------- */

static void make_coach(world *w, const slot_tmpl *t, int copy, int start, int end, bool repl)
{
    coach *c = &w->coaches[w->ncoaches];
    rng r = rng_for(w->seed, 1, (uint64_t)w->ncoaches);
    snprintf(c->id, sizeof c->id, "tv%03d", ++w->ncoaches);
    c->t = t;
    c->fte = repl ? (pm(&r, 500) ? 100 : 80) : t->fte;
    c->focus = repl ? range(&r, 17, 20) * 5 : t->focus;
    c->community = repl ? range(&r, 10, 14) * 5 : t->community;
    c->start = start, c->end = end;
    c->emp_pm = range(&r, 60, 260), c->free_pm = range(&r, 40, 260);
    c->diligence = range(&r, 450, 950), c->never_pm = range(&r, 30, 220);
    c->fast = range(&r, 0, 2), c->phone_pm = range(&r, 100, 300);
    (void)copy;
}

static void make_coaches(world *w)
{
    int span = w->asof - w->start;
    w->nslots = COUNT(tmpls) * w->copies;
    w->slots = calloc((size_t)w->nslots, sizeof *w->slots);
    w->coaches = calloc((size_t)w->nslots * 2, sizeof *w->coaches);
    for (int cp = 0; cp < w->copies; cp++)
        for (int i = 0; i < COUNT(tmpls); i++) {
            const slot_tmpl *t = &tmpls[i];
            slot *s = &w->slots[cp * COUNT(tmpls) + i];
            s->tmpl = i;
            s->start = t->start_off == INT_MIN ? NODATE : w->start + t->start_off + (cp * 17) % 60;
            int leave = t->leave_off ? t->leave_off + (cp * 41) % 90 : 0;
            s->leave = leave && leave < span - 30 ? w->start + leave : NODATE;
            s->first = w->ncoaches;
            make_coach(w, t, cp, s->start, s->leave, false);
            s->second = -1;
            if (s->leave != NODATE) {
                s->second = w->ncoaches; /* the successor starts two weeks early, for handover */
                make_coach(w, t, cp, s->leave - 14, NODATE, true);
            }
        }
    for (int i = 0; i < w->ncoaches; i++)
        write_coach(w, &w->coaches[i]);
}

static void make_employers(world *w)
{
    int n = w->nemps;
    w->emps = calloc((size_t)n, sizeof *w->emps);
    for (int i = 0; i < n; i++) {
        employer *m = &w->emps[i];
        snprintf(m->id, sizeof m->id, "tn%04d", i + 1);
        if (i < COUNT(named)) {
            snprintf(m->name, sizeof m->name, "%s", named[i].name);
            m->kind = named[i].kind, m->muni = named[i].muni;
            m->tol = named[i].tol ? named[i].tol : kind_tol[m->kind];
            continue;
        }
        /* Every trade in every place, in an order that mixes both. */
        int k = i - COUNT(named), np = COUNT(places), nt = COUNT(trades);
        int p = k % np, t = (k / np + k) % nt, round = k / (np * nt);
        snprintf(m->name, sizeof m->name, round ? "%s %s %s %d" : "%s %s %s", places[p].gen,
                 trades[t].word, forms[(p + t) % COUNT(forms)], round + 1);
        m->kind = trades[t].kind, m->muni = places[p].muni;
        m->tol = trades[t].tol ? trades[t].tol : kind_tol[m->kind];
    }
    for (int k = 0; k < K_N; k++)
        w->by_kind[k] = calloc((size_t)n, sizeof(int));
    for (int i = 0; i < n; i++) {
        int k = w->emps[i].kind;
        w->by_kind[k][w->nby_kind[k]++] = i;
        write_employer(w, &w->emps[i]);
    }
}

/* One review of one provider near the end of the span, shaped like the seed's
 * audit of ValmennusLehto Oy: items 4 and 5 did not apply, one was not rated,
 * one was scored as a range. */
static void make_review(world *w)
{
    static const signed char sc[25][2] = {{4, 0}, {4, 0}, {5, 0}, {-1, 0}, {-1, 0}, {4, 0},
        {3, 5}, {4, 0}, {5, 0}, {4, 0}, {4, 0}, {3, 0}, {-2, 0}, {4, 0}, {4, 0}, {5, 0},
        {3, 0}, {4, 0}, {4, 0}, {4, 0}, {3, 0}, {4, 0}, {4, 0}, {3, 0}, {4, 0}};
    int y, m, d, date = workday(w->asof - 40, w->start, w->asof);
    char id[40];
    day_ymd(date, &y, &m, &d);
    snprintf(id, sizeof id, "arviointi_%d_valmennuslehto", y);
    for (int i = 0; i < 25; i++) {
        int st = sc[i][0] > 0 ? 0 : sc[i][0] == -1 ? 1 : 2;
        fld f[] = {FS(id), FS("valmennuslehto"), FD(date), FN(i + 1, 0), FS(statuses[st]),
                   FN(st ? -1 : sc[i][0], 0), FN(sc[i][1] ? sc[i][1] : -1, 0),
                   FS("Hämeen ELY-keskus, kaksi arvioijaa")};
        write_row(w, E_REVIEW, f, COUNT(f));
    }
}

/* ---------- clients: plan each episode, then write its rows ---------- */

static const int q_wait[] = {0, 4, 8, 13, 18, 25, 33, 45, 60};
static const int q_ttj[] = {7, 30, 55, 80, 110, 150, 200, 280, 420, 600};
static const int q_exit[] = {40, 110, 180, 250, 320, 400, 500, 650, 900};
static const int q_follow[] = {30, 70, 110, 150, 190, 240, 300, 380, 500};
static const int q_jobdur[] = {20, 60, 110, 170, 240, 330, 450, 600, 900};
static const int q_first[] = {0, 2, 6, 12, 20, 30, 45, 70, 110, 180, 300};
static const int q_gap[] = {20, 45, 75, 110, 160, 230, 320};
static const int q_age[] = {18, 22, 27, 33, 40, 47, 54, 60, 64};
static const int minutes_list[] = {20, 30, 30, 45, 45, 45, 60, 60, 60, 60, 75, 90};

/* The first clients are forced into the cases the tools must handle, so every
 * sample set has them whatever the seed. */
enum { F_EQ_TITLE = 1, F_SAME_EMP = 2, F_SAME_TYPE = 4, F_PREJOB = 8, F_ZERO_DAY = 16,
       F_TWO_EP = 32, F_NEG_WAIT = 64, F_NO_REF = 128 };
#define F_JOB (F_EQ_TITLE | F_SAME_EMP | F_SAME_TYPE)
static const unsigned showcase[] = {F_EQ_TITLE, F_SAME_EMP, F_SAME_TYPE, F_PREJOB | F_NO_REF,
                                    F_ZERO_DAY, F_TWO_EP, F_NEG_WAIT};

static int pick_slot(world *w, rng *r, int service, int start)
{
    bool paja = service == SV_GROUP || service == SV_ENV;
    int t = paja ? WPICK(r, tmpl_w_paja) : WPICK(r, tmpl_w_ips);
    int s = below(r, w->copies) * COUNT(tmpls) + t;
    if (w->slots[s].start != NODATE && w->slots[s].start > start)
        s--; /* the position is not filled yet: a teammate takes the client */
    return s;
}

static int pick_occ(rng *r)
{
    int w[COUNT(occs)];
    for (int i = 0; i < COUNT(occs); i++)
        w[i] = occs[i].w;
    return WPICK(r, w);
}

static int pick_emp(world *w, rng *r, unsigned kinds)
{
    int cand[K_N], n = 0;
    for (int k = 0; k < K_N; k++)
        if ((kinds >> k & 1) && w->nby_kind[k])
            cand[n++] = k;
    if (!n)
        return skew(r, w->nemps);
    int k = cand[below(r, n)];
    return w->by_kind[k][skew(r, w->nby_kind[k])];
}

/* A job from start; occ and emp < 0 mean "pick one". */
static void make_job(world *w, rng *r, job *j, int start, int occ, int emp)
{
    memset(j, 0, sizeof *j);
    snprintf(j->id, sizeof j->id, "ty%06ld", ++w->next_job);
    j->occ = occ >= 0 ? occ : pick_occ(r);
    for (int t = 0; occ < 0 && emp >= 0 && t < 50 && !(occs[j->occ].kinds & B(w->emps[emp].kind)); t++)
        j->occ = pick_occ(r); /* a job that fits the employer */
    j->emp = emp >= 0 ? emp : pick_emp(w, r, occs[j->occ].kinds);
    snprintf(j->title, sizeof j->title, "%s", occs[j->occ].title);
    if (occ < 0 && pm(r, 200)) { /* only the title was recorded, sometimes in lower case */
        j->occ = -1;
        if (pm(r, 250))
            j->title[0] = (char)(j->title[0] - 'A' + 'a');
    }
    bool third = w->emps[j->emp].kind == K_THIRD;
    j->start = start;
    j->hours10 = pm(r, 40) ? -1 : hours10[below(r, COUNT(hours10))];
    j->competitive = pm(r, third ? 400 : 40) ? 0 : 1;
    j->subsidized = pm(r, third ? 500 : 150) ? 1 : pm(r, 850) ? 0 : -1;
    j->permanent = pm(r, 150) ? -1 : pm(r, 700) ? 1 : 0;
    j->with_ep = pm(r, 850);
    int dur = QUANT(r, q_jobdur);
    if (j->permanent == 0)
        dur = min_i(dur, range(r, 90, 365));
    j->end = start + dur <= w->asof ? start + dur : NODATE;
    j->end_reason = -1;
    if (j->end != NODATE)
        j->end_reason = j->permanent == 0 && pm(r, 700) ? 2 : WPICK(r, ((const int[]){45, 20, 15, 20}));
}

static const job *job_held(const client *c, int day, bool pre_too)
{
    for (int e = 0; e < c->nep; e++)
        for (int i = 0; i < c->ep[e].njobs; i++) {
            const job *j = &c->ep[e].jobs[i];
            if (j->start <= day && (j->end == NODATE || j->end >= day))
                return j;
        }
    if (pre_too && c->has_pre && c->pre.start <= day && (c->pre.end == NODATE || c->pre.end >= day))
        return &c->pre;
    return NULL;
}

/* The jobs of an episode; returns the start of the last one, or NODATE. */
static int plan_jobs(world *w, rng *r, episode *e, int first, unsigned force)
{
    job *j1 = &e->jobs[e->njobs++];
    make_job(w, r, j1, first, -1, force & F_EQ_TITLE ? pick_emp(w, r, B(K_SHOP)) : -1);
    if (force & F_EQ_TITLE) { /* formula-like text: spreadsheets must show it, not run it */
        snprintf(j1->title, sizeof j1->title, "=Kassa+Myynti");
        j1->occ = -1, j1->competitive = 1;
    }
    if (force & (F_SAME_EMP | F_SAME_TYPE)) {
        j1->occ = j1->occ < 0 ? 0 : j1->occ;
        j1->permanent = 0, j1->end = first + range(r, 90, 150);
        j1->end_reason = force & F_SAME_EMP ? 2 : 0;
    }
    bool again = force & (F_SAME_EMP | F_SAME_TYPE) || pm(r, 700);
    if (j1->end == NODATE || !again)
        return first;
    int s2 = workday(j1->end + QUANT(r, q_gap) / 3, j1->end + 1, w->asof);
    if (s2 == NODATE)
        return first;
    bool same_emp = force & F_SAME_EMP || (!(force & F_SAME_TYPE) && pm(r, 250));
    bool same_type = force & F_SAME_TYPE || (!same_emp && pm(r, 300) && j1->occ >= 0);
    int occ = same_emp ? (pm(r, 500) && j1->occ >= 0 ? j1->occ : -1) : same_type ? j1->occ : -1;
    int emp = same_emp ? j1->emp : -1;
    job *j2 = &e->jobs[e->njobs++];
    for (int tries = 0; tries < 5; tries++) {
        w->next_job -= tries > 0;
        make_job(w, r, j2, s2, occ, emp);
        if (!(force & F_SAME_TYPE) || j2->emp != j1->emp)
            break;
    }
    return s2;
}

static void plan_episode(world *w, rng *r, client *c, episode *e, int service, int start,
                         unsigned force)
{
    memset(e, 0, sizeof *e);
    snprintf(e->id, sizeof e->id, "ep%06ld", ++w->next_ep);
    e->service = service, e->start = start;
    e->slot = pick_slot(w, r, service, start);
    e->level = service == SV_IPS ? WPICK(r, ((const int[]){25, 55, 15, 5}))
                                 : WPICK(r, ((const int[]){10, 60, 25, 5}));
    e->level = e->level == 3 ? -1 : e->level;
    if (force & F_NO_REF || (!force && pm(r, 40)))
        e->referral = NODATE;
    else if (force & F_NEG_WAIT || (!force && pm(r, 30)))
        e->referral = min_i(start + range(r, 1, 10), w->asof); /* entered before the paperwork */
    else
        e->referral = start - QUANT(r, q_wait);
    e->source = pm(r, 20) ? -1 : wpick(r, source_w[c->segment < 0 ? SEG_OTHER : c->segment], 7);
    e->coach_blank = !force && pm(r, 10);
    e->exit = -1, e->end = NODATE;

    int job_pm = service == SV_IPS ? 420 : service == SV_ENV ? 120 : service == SV_GROUP ? 60 : 200;
    bool wants_job = force & F_JOB || (!(force & F_TWO_EP) && pm(r, job_pm));
    int ttj = force & F_JOB ? range(r, 30, 90) : QUANT(r, q_ttj);
    int leave = pm(r, 120) ? 100000 : QUANT(r, q_exit) * (service == SV_IPS ? 4 : 2) / 3;
    if (force & F_TWO_EP)
        leave = range(r, 120, 200);
    int plan = start + leave, first = workday(start + ttj, start, w->asof);
    if (wants_job && ttj < leave && first != NODATE) {
        int last = plan_jobs(w, r, e, first, force);
        const job *lj = &e->jobs[e->njobs - 1];
        plan = last + QUANT(r, q_follow);
        if (lj->end != NODATE && plan >= lj->end && pm(r, 600))
            plan = last + (lj->end - last) * range(r, 3, 9) / 10; /* leaves while still employed */
    }
    if (plan > w->asof || force & (F_JOB | F_ZERO_DAY))
        return; /* still in the service on the as-of date */
    e->end = workday(plan, start, w->asof);
    const job *held = job_held(c, e->end, false);
    for (int i = 0; i < e->njobs && !held; i++)
        if (e->jobs[i].start <= e->end && (e->jobs[i].end == NODATE || e->jobs[i].end >= e->end))
            held = &e->jobs[i];
    if (held)
        e->exit = held->subsidized == 1 && pm(r, 600) ? X_EMP_SUB : pm(r, 60) ? X_EDU : X_EMP_OPEN;
    else
        e->exit = force & F_TWO_EP ? X_OTHER_SVC : service == SV_IPS ? WPICK(r, exit_w_ips)
                                                                     : WPICK(r, exit_w_env);
}

static void add_contact(world *w, rng *r, const episode *e, int date, int kind, int in_person,
                        int by, int emp, int setting, int minutes)
{
    if (date == NODATE)
        return;
    if (w->cn == w->ccap) {
        w->ccap = w->ccap ? w->ccap * 2 : 256;
        w->cbuf = realloc(w->cbuf, (size_t)w->ccap * sizeof *w->cbuf);
        if (!w->cbuf) {
            fprintf(stderr, "gen-samples: out of memory\n");
            exit(1);
        }
    }
    int coach = by == BY_CLIENT && pm(r, 500) ? -1 : coach_on(w, e->slot, date);
    if (pm(r, 30))
        setting = -1;
    if (pm(r, 50))
        minutes = -1;
    w->cbuf[w->cn] = (contact){date, kind, in_person, coach, by, emp, setting, minutes, w->cn};
    w->cn++;
}

static void meet(world *w, rng *r, const client *c, const episode *e, int date, bool followup)
{
    if (date == NODATE)
        return;
    const coach *co = &w->coaches[coach_on(w, e->slot, date)];
    bool inp = followup || !pm(r, co->phone_pm);
    int setting = ST_OFFICE, minutes = minutes_list[below(r, COUNT(minutes_list))];
    if (!inp)
        setting = ST_REMOTE, minutes = range(r, 2, 6) * 5;
    else if (e->service == SV_GROUP)
        minutes = pm(r, 500) ? 90 : 120;
    else if (pm(r, co->community * 10))
        setting = job_held(c, date, true) && pm(r, 450) ? ST_WORKPLACE
                  : pm(r, 200)                          ? ST_HOME : ST_COMMUNITY;
    add_contact(w, r, e, date, CK_CLIENT, inp, -1, -1, setting, minutes);
}

static void meet_employer(world *w, rng *r, const episode *e, int date, int emp, bool inp, int by)
{
    int setting = !inp ? ST_REMOTE : by == BY_CLIENT ? ST_WORKPLACE
                                   : WPICK(r, ((const int[]){15, 25, 60})); /* office.. workplace */
    if (by == BY_COACH && pm(r, 150))
        by = -1; /* the default */
    add_contact(w, r, e, date, CK_EMPLOYER, inp, by, emp, setting,
                inp ? range(r, 4, 12) * 5 : range(r, 1, 4) * 5);
}

/* A working day in [lo, hi] on or before d (a meeting the week before something). */
static int workday_back(int d, int lo, int hi)
{
    d -= weekday(d) >= 5 ? weekday(d) - 4 : 0;
    return d < lo || d > hi ? NODATE : d;
}

static void job_followup(world *w, rng *r, const client *c, const episode *e, const job *j,
                         int lo, int hi)
{
    int dil = w->coaches[coach_on(w, e->slot, j->start)].diligence;
    if (pm(r, dil))
        meet(w, r, c, e, workday_back(j->start - range(r, 1, 6), lo, hi), true);
    if (pm(r, dil))
        meet(w, r, c, e, workday(j->start + range(r, 0, 3), lo, hi), true);
    for (int wk = 0; wk < 4; wk++)
        if (pm(r, dil))
            meet(w, r, c, e, workday(j->start + 7 * wk + range(r, 0, 4), lo, hi), true);
    for (int mo = 1; mo <= 8; mo++)
        if (pm(r, dil * 9 / 10) && (j->end == NODATE || j->start + 30 * mo <= j->end))
            meet(w, r, c, e, workday(j->start + 30 * mo + range(r, 0, 10), lo, hi), true);
}

/* The first in-person employer contact (fidelity item 15): the same day, within
 * weeks, months, or never, depending on the coach; returns its day or NODATE. */
static int first_employer_contact(world *w, rng *r, const episode *e, unsigned interest,
                                  unsigned force, int lo, int hi)
{
    const coach *co0 = &w->coaches[coach_on(w, e->slot, lo)];
    const job *j1 = e->njobs ? &e->jobs[0] : NULL;
    int fe = NODATE;
    if (force & F_ZERO_DAY)
        fe = lo;
    else if ((e->service == SV_IPS || pm(r, 250)) && !pm(r, co0->never_pm))
        fe = lo + QUANT(r, q_first) * (4 - co0->fast) / 3 * (e->service == SV_IPS ? 1 : 2);
    if (j1 && j1->start >= lo && (fe == NODATE || fe > j1->start - 3))
        fe = max_i(lo, j1->start - range(r, 3, 20)); /* the job came from an employer visit */
    fe = fe == NODATE ? NODATE : workday(fe, lo, hi);
    if (fe != NODATE) {
        int emp = j1 && fe >= j1->start - 20 ? j1->emp : pick_emp(w, r, interest);
        meet_employer(w, r, e, fe, emp, true, pm(r, 300) ? BY_BOTH : BY_COACH);
    }
    return fe;
}

static void episode_contacts(world *w, rng *r, const client *c, const episode *e, unsigned force)
{
    int lo = e->start, hi = e->end == NODATE ? w->asof : e->end;
    const job *j1 = e->njobs ? &e->jobs[0] : NULL;
    unsigned interest = j1 ? occs[j1->occ >= 0 ? j1->occ : 0].kinds : occs[pick_occ(r)].kinds;
    int fe = first_employer_contact(w, r, e, interest, force, lo, hi);
    static const int per_level[] = {600, 300, 140};
    int per = e->service == SV_GROUP ? 500 : e->service == SV_ENV ? 450 : e->service == SV_OTHER
              ? 200 : per_level[e->level < 0 ? 1 : e->level];
    for (int mon = lo - weekday(lo); mon <= hi; mon += 7) {
        const coach *co = &w->coaches[coach_on(w, e->slot, max_i(mon, lo))];
        const job *held = job_held(c, mon, true);
        int n = pm(r, per);
        n += e->level == 0 && pm(r, 250);
        for (int i = 0; i < n; i++)
            meet(w, r, c, e, workday(mon + below(r, 5), lo, hi), false);
        int d = workday(mon + below(r, 5), lo, hi);
        if (e->service == SV_IPS && !held) {
            if (fe != NODATE && mon > fe && pm(r, co->emp_pm)) {
                int emp = pick_emp(w, r, interest);
                meet_employer(w, r, e, d, emp, true, WPICK(r, ((const int[]){65, 13, 22})));
            }
            if (pm(r, co->emp_pm / 4)) {
                int emp = pick_emp(w, r, interest);
                meet_employer(w, r, e, workday(mon + below(r, 5), lo, hi), emp, false, BY_COACH);
            }
        } else if (held && held != &c->pre && pm(r, co->emp_pm / 3)) {
            meet_employer(w, r, e, d, held->emp, true, pm(r, 300) ? BY_BOTH : BY_COACH);
        }
        if (pm(r, 80)) { /* with other professionals: social work, health care */
            int day = workday(mon + below(r, 5), lo, hi), inp = pm(r, 350);
            int setting = pm(r, 500) ? ST_OFFICE : ST_REMOTE, minutes = range(r, 4, 12) * 5;
            add_contact(w, r, e, day, CK_NETWORK, inp, -1, -1, setting, minutes);
        }
        if (pm(r, 12)) {
            int day = workday(mon + below(r, 5), lo, hi), inp = pm(r, 500);
            add_contact(w, r, e, day, CK_OTHER, inp, -1, -1, ST_OFFICE, range(r, 2, 8) * 5);
        }
    }
    if (pm(r, 600)) { /* benefits counselling early in the service ... */
        int day = workday(lo + range(r, 0, 21), lo, hi);
        add_contact(w, r, e, day, CK_BENEFITS, 1, -1, -1, ST_OFFICE, range(r, 9, 18) * 5);
    }
    for (int i = 0; i < e->njobs; i++) {
        if (pm(r, 450)) { /* ... and again when work starts */
            int day = workday(e->jobs[i].start + range(r, -10, 10), lo, hi), inp = pm(r, 700);
            add_contact(w, r, e, day, CK_BENEFITS, inp, -1, -1, ST_OFFICE, range(r, 6, 12) * 5);
        }
        job_followup(w, r, c, e, &e->jobs[i], lo, hi);
    }
}

static void episode_assessments(world *w, rng *r, const client *c, const episode *e)
{
    if (!pm(r, e->service == SV_GROUP ? 300 : 880))
        return;
    int hi = e->end == NODATE ? w->asof : e->end, last = NODATE;
    int rtw = range(r, 10, 45); /* 1..6 in tenths, most start low */
    rtw = (rtw + range(r, 15, 45)) / 2;
    int wa = range(r, 1, 8);
    for (int d = workday(e->start + range(r, 0, 14), e->start, hi); d != NODATE;) {
        if (pm(r, 930))
            write_assessment(w, c, d, "rtw_se", rtw, 1);
        if (pm(r, 900))
            write_assessment(w, c, d, "work_ability_score", wa, 0);
        last = d;
        rtw = max_i(10, min_i(60, rtw + range(r, -3, 6)));
        wa = max_i(0, min_i(10, wa + range(r, -1, 2)));
        int next = d + range(r, 170, 195);
        d = next > hi - 20 ? NODATE : workday(next, d + 1, hi);
    }
    if (e->end != NODATE && last != NODATE && last < e->end - 14 && pm(r, 600)) {
        write_assessment(w, c, e->end, "rtw_se", rtw, 1);
        write_assessment(w, c, e->end, "work_ability_score", wa, 0);
    }
}

static int by_date(const void *a, const void *b)
{
    const contact *x = a, *y = b;
    return x->date != y->date ? (x->date > y->date) - (x->date < y->date)
                              : (x->seq > y->seq) - (x->seq < y->seq);
}

static void gen_client(world *w, long i)
{
    rng r = rng_for(w->seed, 2, (uint64_t)i);
    unsigned force = i < COUNT(showcase) ? showcase[i] : 0;
    client c;
    memset(&c, 0, sizeof c);
    snprintf(c.id, sizeof c.id, "as%06ld", i + 1);
    c.segment = pm(&r, 10) ? -1 : WPICK(&r, segment_w);
    int span = w->asof - w->start;
    int s = force ? w->start + range(&r, 10, 90) : pm(&r, 80) ? w->start + range(&r, 0, 20)
                                                              : w->start + below(&r, max_i(span - 14, 1));
    s = workday(min_i(s, w->asof), w->start, w->asof);
    s = s == NODATE ? w->asof : s;
    int sv = force & F_TWO_EP ? SV_ENV : force ? SV_IPS : WPICK(&r, ((const int[]){760, 70, 110, 60}));
    plan_episode(w, &r, &c, &c.ep[0], sv, s, force);
    c.nep = 1;
    episode *e1 = &c.ep[0];
    bool done = e1->exit == X_EMP_OPEN || e1->exit == X_EMP_SUB || e1->exit == X_PENSION || e1->exit == X_MOVED;
    if (e1->end != NODATE && (force & F_TWO_EP || (!done && pm(&r, sv == SV_IPS ? 150 : 400)))) {
        int s2 = workday(e1->end + (force & F_TWO_EP ? range(&r, 14, 40) : QUANT(&r, q_gap)),
                         e1->end + 1, w->asof - 10);
        if (s2 != NODATE) {
            int sv2 = sv != SV_IPS && pm(&r, 300) ? sv : pm(&r, 900) ? SV_IPS : SV_GROUP;
            plan_episode(w, &r, &c, &c.ep[c.nep++], sv2, s2, force & F_TWO_EP ? F_ZERO_DAY : 0);
        }
    }
    int y, m, d;
    day_ymd(s, &y, &m, &d);
    c.birth_year = pm(&r, 10) ? -1 : y - (c.segment == SEG_YOUTH ? range(&r, 18, 29) : QUANT(&r, q_age));
    c.gender = WPICK(&r, ((const int[]){460, 510, 20, 10}));
    c.gender = c.gender == 3 ? -1 : c.gender;
    c.muni = pm(&r, 8) ? -1 : WPICK(&r, muni_w);
    for (int k = 0, here = pm(&r, 700); here && k < COUNT(munis); k++)
        if (strcmp(munis[k], tmpls[w->slots[e1->slot].tmpl].region) == 0)
            c.muni = k; /* most clients live where their coach works */
    if (force & F_PREJOB || (sv == SV_IPS && pm(&r, 30))) {
        c.has_pre = 1;
        make_job(w, &r, &c.pre, s - range(&r, 30, 400), -1, -1);
        c.pre.with_ep = 0, c.pre.competitive = 1, c.pre.hours10 = range(&r, 10, 20) * 10;
        c.pre.end = pm(&r, 500) ? NODATE : min_i(s + range(&r, -25, 120), w->asof);
        c.pre.end_reason = c.pre.end == NODATE ? -1 : pm(&r, 600) ? 0 : 3;
    }
    write_client(w, &c);
    w->cn = 0;
    for (int k = 0; k < c.nep; k++) {
        write_enrollment(w, &c, &c.ep[k]);
        for (int j = 0; j < c.ep[k].njobs; j++)
            write_job(w, &c, &c.ep[k], &c.ep[k].jobs[j]);
        episode_contacts(w, &r, &c, &c.ep[k], k ? 0 : force);
        episode_assessments(w, &r, &c, &c.ep[k]);
    }
    if (c.has_pre)
        write_job(w, &c, NULL, &c.pre);
    qsort(w->cbuf, (size_t)w->cn, sizeof *w->cbuf, by_date);
    for (int k = 0; k < w->cn; k++)
        write_contact(w, &c, &w->cbuf[k]);
}

/* Employer work for no one client: job development, by each coach on working days. */
static void free_contacts(world *w)
{
    for (int s = 0; s < w->nslots; s++) {
        rng r = rng_for(w->seed, 3, (uint64_t)s);
        int from = w->slots[s].start == NODATE ? w->start : max_i(w->start, w->slots[s].start);
        for (int d = from; d <= w->asof; d++) {
            int ci = coach_on(w, s, d);
            int p = tmpls[w->slots[s].tmpl].kind == T_IPS ? w->coaches[ci].free_pm : 60;
            if (weekday(d) >= 5 || !pm(&r, p))
                continue;
            contact k = {.date = d, .kind = CK_EMPLOYER, .coach = ci, .seq = 0};
            k.in_person = !pm(&r, 150);
            k.by = pm(&r, 200) ? -1 : BY_COACH;
            k.emp = skew(&r, w->nemps);
            k.setting = k.in_person ? (pm(&r, 700) ? ST_WORKPLACE : ST_COMMUNITY) : ST_REMOTE;
            k.minutes = k.in_person ? range(&r, 4, 12) * 5 : range(&r, 1, 4) * 5;
            write_contact(w, NULL, &k);
        }
    }
    /* One row on the last day, so the as-of date of the set never depends on luck. */
    contact k = {w->asof, CK_EMPLOYER, 1, coach_on(w, 0, w->asof), BY_COACH, 0, ST_WORKPLACE, 45, 0};
    write_contact(w, NULL, &k);
}

/* ---------- command line ---------- */

static void usage(FILE *out)
{
    fprintf(out,
            "usage: gen-samples --out DIR [options]\n\n"
            "Writes a deterministic, made-up sample data set for ipsreport in the\n"
            "canonical layout (DIR/canonical/*.csv). The same options always give\n"
            "the same bytes.\n\n"
            "options:\n"
            "  --out DIR          where to write (DIR/canonical is created)\n"
            "  --clients N        number of clients (default 540)\n"
            "  --seed S           random seed, a whole number (default 20230101)\n"
            "  --start YYYY-MM-DD first day of the data (default 2023-01-01)\n"
            "  --years Y          length of the data in whole years (default 2);\n"
            "                     the as-of date is the span's last day\n"
            "  --exports          also write the same data as two client systems\n"
            "                     export it: DIR/tyopaja (Finnish, Windows-1252) and\n"
            "                     DIR/casebook (English, UTF-8); their profiles are\n"
            "                     ingest/profiles/tyopaja.ini and casebook.ini\n"
            "  --help             show this text\n");
}

static bool parse_long(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

static bool parse_date(const char *s, int *out)
{
    int y, m, d, z, y2, m2, d2;
    char tail;
    if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12 || d < 1)
        return false;
    z = ymd_day(y, m, d);
    day_ymd(z, &y2, &m2, &d2);
    *out = z;
    return y == y2 && m == m2 && d == d2 && y >= 1900 && y <= 2100;
}

static int open_files(world *w)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/canonical", w->out);
    if ((mkdir(w->out, 0777) && errno != EEXIST) || (mkdir(path, 0777) && errno != EEXIST)) {
        fprintf(stderr, "gen-samples: cannot create folder %s: %s\n", path, strerror(errno));
        return -1;
    }
    for (int e = 0; e < E_N; e++) {
        snprintf(path, sizeof path, "%s/canonical/%s.csv", w->out, file_names[e]);
        if (!(w->f[e] = fopen(path, "wb"))) {
            fprintf(stderr, "gen-samples: cannot write %s: %s\n", path, strerror(errno));
            return -1;
        }
        setvbuf(w->f[e], NULL, _IOFBF, 1 << 20);
        fprintf(w->f[e], "%s\n", headers[e]);
    }
    return 0;
}

static int close_files(world *w)
{
    int rc = 0;
    for (int e = 0; e < E_N; e++) {
        if (w->f[e] && (ferror(w->f[e]) | fclose(w->f[e]))) {
            fprintf(stderr, "gen-samples: writing %s/canonical/%s.csv failed (disk full?)\n",
                    w->out, file_names[e]);
            rc = -1;
        }
        w->f[e] = NULL;
    }
    return rc;
}

int main(int argc, char **argv)
{
    world w = {.seed = 20230101, .nclients = 540, .years = 2};
    parse_date("2023-01-01", &w.start);
    for (int i = 1; i < argc; i += 2) { /* every option takes a value, except --help */
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        long n;
        if (strcmp(a, "--exports") == 0) { /* the one option without a value */
            w.want_exports = true;
            i--;
            continue;
        }
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 0;
        }
        bool ok = v != NULL;
        if (ok && strcmp(a, "--out") == 0)
            w.out = v;
        else if (ok && strcmp(a, "--clients") == 0)
            ok = parse_long(v, 1, 100000000, &w.nclients);
        else if (ok && strcmp(a, "--seed") == 0)
            ok = parse_long(v, 0, LONG_MAX, &n), w.seed = (uint64_t)n;
        else if (ok && strcmp(a, "--start") == 0)
            ok = parse_date(v, &w.start);
        else if (ok && strcmp(a, "--years") == 0)
            ok = parse_long(v, 1, 20, &n), w.years = (int)n;
        else {
            fprintf(stderr, "gen-samples: unknown option or missing value: %s\n", a);
            usage(stderr);
            return 2;
        }
        if (!ok) {
            fprintf(stderr, "gen-samples: bad value for %s: '%s'\n", a, v);
            return 2;
        }
    }
    if (w.want_exports && w.nclients > GEN_EXPORTS_MAX_CLIENTS) {
        fprintf(stderr, "gen-samples: --exports writes at most %ld clients\n",
                (long)GEN_EXPORTS_MAX_CLIENTS);
        return 2;
    }
    if (!w.out) {
        fprintf(stderr, "gen-samples: say where to write with --out DIR\n");
        usage(stderr);
        return 2;
    }
    int y, m, d;
    day_ymd(w.start, &y, &m, &d);
    w.asof = (d == 29 && m == 2 ? ymd_day(y + w.years, 3, 1) : ymd_day(y + w.years, m, d)) - 1;
    w.copies = (int)((w.nclients + 270) / 540 > 1 ? (w.nclients + 270) / 540 : 1);
    w.nemps = (int)(w.nclients * 150 / 540 > 150 ? w.nclients * 150 / 540 : 150);
    int rc = open_files(&w);
    if (rc == 0 && w.want_exports) {
        day_ymd(w.asof, &y, &m, &d); /* the files are named by the as-of year */
        if (!(w.exports = gen_exports_open(w.out, w.seed, y, w.nclients)))
            rc = -1;
    }
    if (rc == 0) {
        make_coaches(&w);
        make_employers(&w);
        for (long i = 0; i < w.nclients; i++)
            gen_client(&w, i);
        free_contacts(&w);
        make_review(&w);
    }
    rc |= close_files(&w);
    rc |= gen_exports_close(w.exports);
    if (rc == 0) {
        char asof[16];
        day_ymd(w.asof, &y, &m, &d);
        snprintf(asof, sizeof asof, "%04d-%02d-%02d", y, m, d);
        printf("gen-samples: wrote %s/canonical (as-of %s):", w.out, asof);
        for (int e = 0; e < E_N; e++)
            printf(" %s %ld", file_names[e], w.rows[e]);
        printf("\n");
        if (w.exports)
            printf("gen-samples: wrote the same rows to %s/tyopaja and %s/casebook\n", w.out, w.out);
    }
    for (int k = 0; k < K_N; k++)
        free(w.by_kind[k]);
    free(w.coaches), free(w.slots), free(w.emps), free(w.cbuf);
    return rc ? 1 : 0;
}
