/* Internal to model/engine_outcomes*.c: the employment outcomes family of
 * the engine.
 *
 * Each group of the breakdown has one eo_group record whose slots the scans
 * fill; `seen` says some figure had an episode or job in the group, which
 * gives the group its rows. */
#ifndef IPS_ENGINE_OUTCOMES_H
#define IPS_ENGINE_OUTCOMES_H

#include "model/engine.h"
#include "model/km.h"

/* What a group holds. */
typedef enum {
    EO_CASELOAD,      /* distinct clients with an ips episode active in P */
    EO_EMPLOYED,      /* … of whom held a competitive job on an active day of P (R6) */
    EO_STARTED,       /* ips episodes started in P */
    EO_EXITS,         /* ips episodes ended in P */
    EO_EXIT_OPEN,     /* … with exit_reason employed_open */
    EO_EXIT_ANY,      /* … employed_open or employed_subsidized */
    EO_TTJ_N,         /* time-to-first-job cohort size (R7) */
    EO_TTJ_MEDIAN,    /* its KM median, only when reached */
    EO_TTJ_180,       /* 1 − S(180), percent */
    EO_TTJ_365,       /* 1 − S(365), percent */
    EO_TTJ_LAST,      /* the cohort's longest follow-up, days (R8: not estimable past it) */
    EO_TTJ_EVENTS,    /* its events (first jobs): what its median rests on */
    EO_TTJ_EV180,     /* … of them by day 180 */
    EO_TTJ_EV365,     /* … by day 365 */
    EO_TENURE_N,      /* job tenure cohort size (R9) */
    EO_TENURE_MEDIAN, /* its KM median, only when reached */
    EO_TENURE_LAST,   /* the cohort's longest follow-up, days */
    EO_TENURE_EVENTS, /* its events (jobs ended) */
    EO_HOURS_N,       /* competitive jobs of ips episodes held in P with hours */
    EO_HOURS_SUM,     /* … sum of their hours_per_week */
    EO_WAIT_N,        /* ips episodes started in P with a referral date */
    EO_WAIT_MEDIAN,   /* median of start − referral, days */
    EO__COUNT
} eo_slot;

typedef struct {
    double v[EO__COUNT];
    bool has[EO__COUNT];
    bool seen;
} eo_group;

static inline void eo_add(eo_group *g, eo_slot s, double v)
{
    g->v[s] += v;
    g->has[s] = true;
    g->seen = true;
}

/* Observations (days, event) tagged with their group. */
typedef struct {
    int32_t g;
    int32_t time;
    bool event;
} eo_obs;

typedef struct {
    eo_obs *v;
    size_t n, cap;
} eo_obs_buf;

ips_error eo_obs_push(eo_obs_buf *b, int g, int time, bool event);

/* The observations grouped: group g's are kv[off[g] .. off[g + 1]), in the
 * order pushed.  Both arrays are the caller's to free. */
ips_error eo_obs_bucket(const eo_obs_buf *b, int ngroups, km_obs **kv, size_t **off);

/* R7: pushes episode e (in group g) when it is in the time-to-first-job
 * cohort: an ips episode started in W. */
ips_error eo_ttj_push(const eng_ctx *ctx, const fact_episode *e, int g, eo_obs_buf *b);

/* R9: pushes job j (of an ips episode, in that episode's group g) when it is
 * in the tenure cohort: started in W. */
ips_error eo_tenure_push(const eng_ctx *ctx, const fact_job *j, int g, eo_obs_buf *b);

/* One run of the family: the groups' slots and the observations (the
 * parts a pack carries, engine_outcomes_parts.c), then the medians and
 * curves worked out from them and the rows. */
typedef struct {
    const eng_ctx *ctx;
    eo_group *groups;
    int32_t *last_client;   /* per group: the client last counted in its caseload */
    bool *client_employed;  /* per group: … and whether they were counted employed */
    int open_id, subsidized_id;
    eo_obs_buf waits, ttj, tenure;
} scan;

ips_error eo_scan_init(scan *s, const eng_ctx *ctx);
void eo_scan_free(scan *s);
/* The scans of the facts: the additive slots and the observations. */
ips_error eo_collect(scan *s);
/* Medians and curves from the observations, then every row. */
ips_error eo_finish(scan *s, metric_set *out);

/* Fits the curves of both cohorts per group into the KM slots. */
ips_error eo_km_slots(const eng_ctx *ctx, const eo_obs_buf *ttj, const eo_obs_buf *tenure,
                      eo_group *groups);

#endif
