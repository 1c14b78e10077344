/* Internal to model/outcomes*.c: the employment outcomes family collects
 * its figures as cells (group, slot, value) from several set-based queries,
 * then writes one row per metric and group (outcomes.c).  The Kaplan–Meier
 * cohorts live in outcomes_km.c, which also serves model/curves.h. */
#ifndef IPS_OUTCOMES_H
#define IPS_OUTCOMES_H

#include "model/km.h"
#include "model/metric_ctx.h"

/* What a cell holds.  A slot with no cell for a group is 0 for counts and
 * "not defined" for medians and percentages (value left blank). */
typedef enum {
    OS_CASELOAD,      /* distinct clients with an ips episode active in P */
    OS_EMPLOYED,      /* … of whom held a competitive job on an active day of P (R6) */
    OS_STARTED,       /* ips episodes started in P */
    OS_EXITS,         /* ips episodes ended in P */
    OS_EXIT_OPEN,     /* … with exit_reason employed_open */
    OS_EXIT_ANY,      /* … employed_open or employed_subsidized */
    OS_TTJ_N,         /* time-to-first-job cohort size (R7) */
    OS_TTJ_MEDIAN,    /* its KM median, only when reached */
    OS_TTJ_180,       /* 1 − S(180), percent */
    OS_TTJ_365,       /* 1 − S(365), percent */
    OS_TENURE_N,      /* job tenure cohort size (R9) */
    OS_TENURE_MEDIAN, /* its KM median, only when reached */
    OS_HOURS_N,       /* competitive jobs of ips episodes held in P with hours */
    OS_HOURS_SUM,     /* … sum of their hours_per_week */
    OS_WAIT_N,        /* episodes started in P with a referral_date */
    OS_WAIT_MEDIAN,   /* median of start − referral, days */
    OS__COUNT
} outcome_slot;

typedef struct {
    char group[96];
    outcome_slot slot;
    double value;
} outcome_cell;

typedef struct {
    outcome_cell *v;
    size_t n, cap;
} outcome_cells;

ips_error outcome_cells_add(outcome_cells *c, const char *group, outcome_slot slot, double value);

/* R5 as an SQL expression over a job aliased j (from jb): the episode its
 * enrollment_id names, else the client's episode active on the job's start
 * day, an ips one first, then the latest start.  Join it to ep and keep
 * service = 'ips' for the job metrics other than employment_rate and time to
 * first job. */
#define OUTCOME_JOB_EPISODE_SQL                                                          \
    "coalesce(j.enrollment_id, (SELECT e2.enrollment_id FROM ep e2"                      \
    " WHERE e2.client_id = j.client_id AND e2.start_date <= j.start_date"                \
    " AND (e2.end_date IS NULL OR e2.end_date >= j.start_date)"                          \
    " ORDER BY e2.service = 'ips' DESC, e2.start_date DESC, e2.enrollment_id DESC LIMIT 1))"

/* Prepares an SQL template over episodes aliased e: {g} becomes the
 * breakdown's group expression (metric_group_sql) and {joins} the joins of
 * clients cl and coaches co that it needs.  Code-made SQL only: values are
 * always bound as named parameters. */
ips_error outcomes_prepare(const metric_ctx *ctx, const char *tmpl, sqlite3_stmt **st,
                           ips_diag *d);

/* Time to first job and job tenure for ctx's breakdown, as cells. */
ips_error outcomes_km_compute(const metric_ctx *ctx, outcome_cells *cells, ips_diag *d);

#endif
