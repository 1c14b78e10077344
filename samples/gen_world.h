/* What the parts of the sample generator share among themselves (the export
 * writers see only gen_common.h): the random streams, the code lists and
 * tables, the rows, the world they are written into and the functions one
 * part calls in another.  The parts:
 *   gen_samples.c   the command line, the output files, main()
 *   gen_random.c    random numbers and dates, integer only
 *   gen_codes.c     the contract's code lists, occupations
 *   gen_fixed.c     coaches, employers, the fidelity review
 *   gen_episodes.c  clients: their episodes and jobs
 *   gen_contacts.c  contacts and assessments
 *   gen_write.c     the writer: rows to fields to canonical text */
#ifndef GEN_WORLD_H
#define GEN_WORLD_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "gen_common.h"
#include "gen_exports.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define QUANT(r, q) quant(r, q, COUNT(q))
#define WPICK(r, w) wpick(r, w, COUNT(w))

/* ---------- random numbers and dates (gen_random.c) ----------
 * C leaves the order open in which function arguments, initializer elements
 * and the operands of + are evaluated, so two draws never share one of those:
 * each draw gets its own statement, or sits behind ?:, && or ||.  Otherwise
 * gcc and clang write different samples from the same seed. */

typedef struct { uint64_t s[4]; } rng;

rng rng_for(uint64_t seed, uint64_t stream, uint64_t index);
int below(rng *r, int n);                  /* 0 .. n-1 */
int range(rng *r, int lo, int hi);         /* lo .. hi */
bool pm(rng *r, int permille);             /* true permille times in 1000 */
int wpick(rng *r, const int *w, int n);    /* an index by the weights w */
int quant(rng *r, const int *q, int n);    /* by n equally spaced quantiles */
int skew(rng *r, int n);                   /* 0 .. n-1, mostly near 0 */

int weekday(int z);                        /* 0 = Monday */
int min_i(int a, int b);
int max_i(int a, int b);
int workday(int d, int lo, int hi);        /* a weekday in [lo, hi] near d, or NODATE */

/* ---------- code lists (gen_codes.c) ----------
 * The enums index the lists in their order.  A list is declared here without
 * its length, so that its definition sets it; where another part needs the
 * length it is a constant here (N_EXITS, N_TMPLS, ...), which the file that
 * defines the list checks against it. */

enum { SV_IPS, SV_GROUP, SV_ENV, SV_OTHER };
enum { X_EMP_OPEN, X_EMP_SUB, X_TRIAL, X_EDU, X_REHAB, X_SICK, X_PENSION, X_OTHER_SVC,
       X_MOVED, X_DECLINED, X_NO_CONTACT, X_OTHER, N_EXITS };
enum { CK_CLIENT, CK_EMPLOYER, CK_NETWORK, CK_BENEFITS, CK_OTHER };
enum { BY_COACH, BY_CLIENT, BY_BOTH };
enum { ST_OFFICE, ST_COMMUNITY, ST_WORKPLACE, ST_HOME, ST_REMOTE };
enum { SEG_MH, SEG_DIS, SEG_LTU, SEG_IMM, SEG_YOUTH, SEG_OTHER, N_SEGMENTS };
enum { N_MUNIS = 10 };

extern const char *const services[], *const exits[], *const sources[], *const levels[],
    *const kinds_c[], *const bys[], *const settings[], *const end_reasons[], *const statuses[],
    *const segments[], *const munis[];
extern const int exit_w_ips[], exit_w_env[], segment_w[], source_w[][7], muni_w[];

/* ---------- coaches (tables in gen_fixed.c) ---------- */

enum { T_IPS, T_PAJA };
typedef struct {
    const char *provider, *team, *region;
    int kind, fte, focus, community; /* percent */
    int start_off, leave_off;        /* days from --start; leave 0 = stays */
} slot_tmpl;

enum { N_TMPLS = 12 };
extern const slot_tmpl tmpls[];
extern const int tmpl_w_ips[], tmpl_w_paja[];

typedef struct {
    char id[24];
    const slot_tmpl *t;
    int fte, focus, community, start, end;
    int emp_pm, free_pm, diligence, never_pm, fast, phone_pm; /* how this coach works */
} coach;

typedef struct { int tmpl, first, second, leave, start; } slot; /* coach indices */

/* ---------- employers and occupations ---------- */

enum { K_SHOP, K_FOOD, K_CLEAN, K_PROP, K_BUILD, K_WARE, K_TRANS, K_CARE, K_BAKE, K_AUTO,
       K_METAL, K_GARDEN, K_LAUNDRY, K_WOOD, K_OFFICE, K_HOTEL, K_CITY, K_COUNTY, K_THIRD, K_N };
#define B(k) (1u << (k))

typedef struct { char id[16]; char name[80]; const char *tol, *muni; int kind; } employer;

typedef struct { const char *title, *code; unsigned kinds; int w; } occupation;
enum { N_OCCS = 32 };
extern const occupation occs[]; /* gen_codes.c */

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

/* How the first clients are forced into the cases the tools must handle (the
 * showcase in gen_episodes.c); gen_contacts.c obeys F_ZERO_DAY. */
enum { F_EQ_TITLE = 1, F_SAME_EMP = 2, F_SAME_TYPE = 4, F_PREJOB = 8, F_ZERO_DAY = 16,
       F_TWO_EP = 32, F_NEG_WAIT = 64, F_NO_REF = 128 };
#define F_JOB (F_EQ_TITLE | F_SAME_EMP | F_SAME_TYPE)

/* ---------- the world: options, fixed tables, counters, output ---------- */

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

/* ---------- the writer (gen_write.c) ---------- */

extern const char *const file_names[E_N], *const headers[E_N];

/* Fields: text, a date, v / 10^dec; blank for "", NODATE or v < 0. */
fld FS(const char *s);
fld FD(int d);
fld FN(long v, int dec);
/* Writes row f of entity e as canonical text, and to the exports if any. */
void write_row(world *w, int e, const fld *f, int n);
void write_coach(world *w, const coach *c);
void write_employer(world *w, const employer *m);
void write_client(world *w, const client *c);
void write_enrollment(world *w, const client *c, const episode *e);
void write_job(world *w, const client *c, const episode *e, const job *j);
void write_contact(world *w, const client *c, const contact *k);
void write_assessment(world *w, const client *c, int date, const char *inst, long v, int dec);
/* The coach who holds position slot_i on day. */
int coach_on(const world *w, int slot_i, int day);

/* ---------- generation ---------- */

/* gen_fixed.c: the fixed tables, written at once. */
void make_coaches(world *w);
void make_employers(world *w);
void make_review(world *w);

/* gen_episodes.c: client i with all its rows; the pickers contacts use too. */
void gen_client(world *w, long i);
int pick_occ(rng *r);
int pick_emp(world *w, rng *r, unsigned kinds);
const job *job_held(const client *c, int day, bool pre_too);

/* gen_contacts.c: an episode's contacts (into w->cbuf) and assessments;
 * the employer work for no one client. */
void episode_contacts(world *w, rng *r, const client *c, const episode *e, unsigned force);
void episode_assessments(world *w, rng *r, const client *c, const episode *e);
void free_contacts(world *w);

#endif
