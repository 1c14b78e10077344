/* Internal to model/: the derived facts every figure is computed from.
 *
 * Facts are derived once from the raw tables, as of a date A (metrics.md R1:
 * nothing after A exists, an end after A reads as open and its exit reason
 * as unknown), and kept as tables fact_* in the warehouse, rebuilt at the end
 * of every ingest (facts_rebuild) and stamped with the warehouse's data
 * generation (facts_stamp), so a stale fact set is never read.  A query with
 * another as-of date than the data's own builds the same tables in the
 * connection's temp schema, by the same SQL (model/facts_build.c).
 *
 * facts_load() reads them, in one read transaction, into the arrays below;
 * model/engine*.c computes every metric from these arrays alone.
 *
 * Strings (ids and codes) are interned per dimension: each dimension's names
 * are sorted by strcmp (SQLite's BINARY order) with "" (unknown) at index 0,
 * so sorting groups by id sorts them by name. */
#ifndef IPS_FACTS_H
#define IPS_FACTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/date.h"
#include "common/error.h"
#include "model/warehouse.h"

/* Bump when a fact table or its meaning changes: older facts are then stale. */
#define FACTS_VERSION 3

typedef enum {
    FD_COACH,           /* coach_id */
    FD_PROVIDER,        /* coaches.provider_id */
    FD_TEAM,            /* coaches.team_id */
    FD_REGION,          /* coaches.region */
    FD_MUNICIPALITY,    /* clients.municipality */
    FD_GENDER,          /* clients.gender */
    FD_SEGMENT,         /* clients.segment */
    FD_REFERRAL_SOURCE, /* enrollments.referral_source */
    FD_EXIT_REASON,     /* enrollments.exit_reason as of A */
    FD_SUPPORT_LEVEL,   /* enrollments.support_level */
    FD_INSTRUMENT,      /* assessments.instrument */
    FD__COUNT
} facts_dim_id;

typedef struct {
    char **names;  /* sorted by strcmp; names[0] is "" */
    int n;
} facts_dim;

typedef enum { SVC_IPS, SVC_GROUP, SVC_COACHING_ENVIRONMENT, SVC_OTHER } fact_service;

/* A coach; all coaches, sorted by coach_id. */
typedef struct {
    int32_t id;                 /* FD_COACH */
    int32_t provider, team, region;
    double fte;
    double focus_share;         /* NAN when blank */
    double community_share;     /* NAN when blank */
    ips_day start, end;         /* IPS_DAY_NONE when blank (open) */
} fact_coach;

typedef struct {
    int32_t birth_year;         /* 0 when blank */
    int32_t municipality, gender, segment;
} fact_client;

/* An episode (enrollment) that exists at A, any service; sorted by client,
 * then start, then enrollment_id. */
typedef struct {
    int32_t client;             /* index into clients */
    int32_t coach;              /* index into coaches; -1 when none */
    uint8_t service;            /* fact_service */
    int16_t exit_reason;        /* FD_EXIT_REASON; 0 when blank or ended after A (an
                                   episode open in the data keeps its reason, R1) */
    int16_t referral_source;    /* FD_REFERRAL_SOURCE */
    int16_t support_level;      /* FD_SUPPORT_LEVEL */
    ips_day referral;           /* IPS_DAY_NONE when blank */
    ips_day start;
    ips_day end;                /* IPS_DAY_NONE when open at A */
    /* ips episodes only (IPS_DAY_NONE otherwise): */
    ips_day first_employer_contact; /* R10: first in-person employer contact naming the
                                       client dated start..A; NONE when none yet */
    ips_day first_competitive_job;  /* R7: first competitive job start of the client in
                                       start..min(end, A); NONE when censored */
} fact_episode;

enum {
    FJ_TYPED = 1,          /* has a job type (R12) */
    FJ_NEW_TYPE = 2,       /* no earlier in-scope job of the client has its type */
    FJ_NEW_EMPLOYER = 4,   /* no earlier in-scope job of the client has its employer */
    FJ_BEFORE = 8,         /* item 23: in-person client contact on days −7..−1 */
    FJ_FIRST_DAYS = 16,    /* … on days 0..3 */
    FJ_WEEKLY = 32,        /* … in each of days 0–6, 7–13, 14–20, 21–27 */
    FJ_AT4 = 64,           /* … on or after start + 4 months (up to A) */
    FJ_IN_SCOPE = 128,     /* R5: belongs to an ips episode */
};

/* A competitive job that exists at A; sorted by client, then start. */
typedef struct {
    int32_t client;
    int32_t episode;       /* R5 episode (any service); -1 when none */
    ips_day start;
    ips_day end;           /* IPS_DAY_NONE when open at A */
    double hours;          /* NAN when blank */
    int8_t permanent;      /* 1, 0, or -1 unknown */
    uint8_t flags;         /* FJ_* (type, employer and follow-along flags only when in scope) */
    uint8_t months;        /* item 23: how many of months 1..6 after start had a contact */
} fact_job;

/* Contacts (dated <= A) of one coach on one day; sorted by coach, day.
 * The coach is where the row lies: coach k's days are coach_days[
 * coach_day_index[k] .. coach_day_index[k + 1]).  The three largest arrays
 * hold no key of their own (a quarter of the coach days' bytes at 10×):
 * their offsets are loaded and packed with them. */
typedef struct {
    ips_day day;
    int32_t employer_contacts;  /* R11: in person, kind employer, by coach/both/blank */
    double minutes;             /* R14: minutes of contacts with minutes and a setting */
    double community_minutes;   /* … in settings community, workplace or home */
} fact_coach_day;

/* In-person client contacts (dated <= A) of a client on one day, for clients
 * with a basic-support ips episode (meetings_per_month_basic); sorted. */
typedef struct {
    ips_day day;           /* the client: client_meetings */
    int32_t n;
} fact_meeting_day;

/* One assessment score (dated <= A); sorted by client, instrument, day.
 * Kept one row per score, not per day: the engine averages a day's scores
 * (metrics.md "Outcome instruments"), whatever the warehouse's key allows. */
typedef struct {
    int32_t instrument;    /* FD_INSTRUMENT; the client: client_scores */
    ips_day day;
    double score;
} fact_score;

typedef enum { FR_RATED, FR_NOT_APPLICABLE, FR_NOT_RATED } fact_review_status;

/* One item row of fidelity_reviews; sorted by review_id, item. */
typedef struct {
    char *review_id, *unit, *reviewer; /* reviewer NULL when blank */
    ips_day review_date;
    int item;
    uint8_t status;        /* fact_review_status */
    int score, score_high; /* 0 when blank */
} fact_review_item;

typedef struct facts {
    ips_day as_of;         /* A the facts were derived at */
    ips_day data_as_of;    /* R1's A of the data (IPS_DAY_NONE when empty) */
    bool stored;           /* the warehouse's stored facts, of the data's generation:
                              what was kept with them (patterns, metric rows) holds */
    unsigned absent;       /* FACTS_LAZY bits of the arrays not read yet (facts_get_core):
                              empty, with empty offsets, until facts_get() reads them */
    facts_dim dim[FD__COUNT];
    fact_coach *coaches;
    size_t n_coaches;
    fact_client *clients;
    size_t n_clients;
    fact_episode *episodes;
    size_t n_episodes;
    fact_job *jobs;
    size_t n_jobs;
    fact_coach_day *coach_days;
    size_t n_coach_days;
    fact_meeting_day *meeting_days;
    size_t n_meeting_days;
    fact_review_item *review_items;
    size_t n_review_items;
    fact_score *scores;
    size_t n_scores;
    /* Offsets: client c's episodes are episodes[client_episodes[c] ..
     * client_episodes[c + 1]); likewise jobs, meeting days, scores, and coach k's days. */
    size_t *client_episodes, *client_jobs, *client_meetings, *coach_day_index, *client_scores;
    /* The lengths of the last three (keys + 1), as loaded or read from the pack. */
    size_t n_client_meetings, n_coach_day_index, n_client_scores;
    /* A national warehouse's merged pack rows (model/national.h); NULL in a
     * county's, whose rows the engine computes from the arrays above. */
    struct national *national;
} facts;

/* The as-of date of what was kept with f (the data's own), or IPS_DAY_NONE
 * when f is no stored fact set (stale, or derived at another date): then
 * nothing kept applies. */
static inline ips_day facts_kept_as_of(const facts *f)
{
    return f->stored ? f->data_as_of : IPS_DAY_NONE;
}

/* The warehouse's data generation as text: FACTS_VERSION, the batches' count
 * and last id, and every entity table's row count, colon-separated. */
ips_error facts_stamp(warehouse *wh, char *buf, size_t n, ips_diag *d);

/* R1's as-of date scanned from every date column of the raw tables. */
ips_error facts_scan_as_of(warehouse *wh, ips_day *out, ips_diag *d);
/* The as-of date the stored facts recorded, when they are fresh (*known). */
ips_error facts_stored_as_of(warehouse *wh, bool *known, ips_day *out, ips_diag *d);
/* Without loading the facts: the as-of date of what was kept with the
 * stored ones (facts_kept_as_of() of the facts facts_get() would load at
 * that date, a national warehouse's too; IPS_DAY_NONE when they are stale
 * or there are none), and their number of episodes (−1 when the pack does
 * not say, or the warehouse is national).  A reading
 * command whose figures are all kept need not load the facts at all. */
ips_error facts_kept_summary(warehouse *wh, ips_day *kept_as_of, long long *n_episodes,
                             ips_diag *d);

/* Rebuilds the fact tables in the main schema as of the data's own A, inside
 * one transaction, and records the stamp.  Called at the end of ingest. */
ips_error facts_rebuild(warehouse *wh, ips_diag *d);

/* facts_rebuild() unless the stored facts are already of the data's
 * generation (and this connection has not changed the data since). */
ips_error facts_refresh(warehouse *wh, ips_diag *d);

/* Builds the fact tables into schema ("main" or "temp") as of as_of; runs
 * inside the caller's transaction. */
ips_error facts_build(warehouse *wh, const char *schema, ips_day as_of, ips_diag *d);
/* Part of facts_build: fills schema.fact_coach_day and schema.fact_meeting_day
 * from the contacts up to a (ISO date), schema.fact_coach and
 * schema.fact_client (model/facts_coach_days.c). */
ips_error facts_coach_days(warehouse *wh, const char *schema, const char *a, ips_diag *d);

/* Loads the facts as of as_of (IPS_DAY_NONE: the data's own A), in one read
 * transaction: the stored ones when fresh and of that date, else built into
 * the temp schema first.  *out is NULL on error. */
ips_error facts_load(warehouse *wh, ips_day as_of, facts **out, ips_diag *d);
/* As facts_load(), leaving the FACTS_LAZY arrays of skip out when the
 * stored pack is read (f->absent). */
ips_error facts_load_lazy(warehouse *wh, ips_day as_of, unsigned skip, facts **out,
                          ips_diag *d);
void facts_free(facts *f);

/* The facts as of as_of, kept by the warehouse between calls while the data
 * stay the same (warehouse_facts); the warehouse owns them. */
ips_error facts_get(warehouse *wh, ips_day as_of, const facts **out, ips_diag *d);

/* The three largest arrays, which only a few metric families read: the
 * coach days (item 17's employer contacts, item 24's minutes), the meeting
 * days (meetings_per_month_basic) and the scores (the instruments).  At 10×
 * they are 36 of the pack's 43 MB. */
enum {
    FACTS_LAZY_COACH_DAYS = 1u << 4,   /* bit k: FACTS_PARTS array k */
    FACTS_LAZY_MEETING_DAYS = 1u << 5,
    FACTS_LAZY_SCORES = 1u << 6,
    FACTS_LAZY = FACTS_LAZY_COACH_DAYS | FACTS_LAZY_MEETING_DAYS | FACTS_LAZY_SCORES,
};

/* As facts_get(), for a reader that never looks at the FACTS_LAZY arrays
 * (the curve, the funder's span, the caveats, a span's headline figures):
 * stored facts read from their pack leave those out (f->absent) until a
 * facts_get() of the same facts reads them in, in place. */
ips_error facts_get_core(warehouse *wh, ips_day as_of, const facts **out, ips_diag *d);
/* As facts_get(), leaving the FACTS_LAZY arrays of skip out in the same way
 * (a county's pack: its parts read the coach days alone). */
ips_error facts_get_without(warehouse *wh, ips_day as_of, unsigned skip, const facts **out,
                            ips_diag *d);
/* Frees the FACTS_LAZY arrays of parts from the warehouse's stored facts
 * as of as_of (a date, as got), which read them in again when asked (a
 * county's pack, between years); no facts pointer got before may be used
 * for them after. */
void facts_release(warehouse *wh, ips_day as_of, unsigned parts);

/* Internal to the facts modules.  The dimensions, and one of the FACTS_PARTS
 * arrays (0 coaches, 1 clients, 2 episodes, 3 jobs, 4 coach days, 5 meeting
 * days, 6 scores), of schema's fact tables read into f.  facts_pack_write() packs the
 * main schema's arrays into main.fact_pack, reading and freeing one array at
 * a time (f holds the dimensions); facts_pack_read() reads a pack back into an
 * empty f (*found false when there is no usable pack). */
#define FACTS_PARTS 7
ips_error facts_read_dims(warehouse *wh, const char *schema, facts *f, ips_diag *d);
ips_error facts_read_part(warehouse *wh, const char *schema, facts *f, int part, ips_diag *d);
ips_error facts_pack_write(warehouse *wh, facts *f, ips_diag *d);
ips_error facts_pack_read(warehouse *wh, facts *f, unsigned skip, bool *found, ips_diag *d);
/* Reads the pack's arrays of the FACTS_LAZY bits want into f (which holds
 * none of them); *found false when the pack has not got them as expected. */
ips_error facts_pack_read_lazy(warehouse *wh, facts *f, unsigned want, bool *found,
                               ips_diag *d);
/* Moves p's arrays of the FACTS_LAZY bits parts, with their offsets, into
 * f, which has none of them (facts_get.c). */
void facts_take_lazy(facts *f, facts *p, unsigned parts);

/* The offsets above (facts_get.c): the episodes' and jobs' from their
 * sorted arrays; the lazy arrays' are loaded with them, and
 * facts_offsets_fit() checks those of the FACTS_LAZY bits parts that f
 * holds against f's keys and rows. */
ips_error facts_build_offsets(facts *f, ips_diag *d);
bool facts_offsets_fit(facts *f, unsigned parts);

/* The first day anything is known of: the earliest referral or start of an
 * episode (a national warehouse's: the earliest of its counties');
 * IPS_DAY_NONE when there is none. */
ips_day facts_first_day(const facts *f);

/* The name of dimension value id ("" for 0 or out of range). */
const char *facts_name(const facts *f, facts_dim_id dim, int id);

#endif
