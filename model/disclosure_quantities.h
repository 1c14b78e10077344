/* Internal to model/disclosure*.c: the quantities behind metric rows. */
#ifndef IPS_DISCLOSURE_QUANTITIES_H
#define IPS_DISCLOSURE_QUANTITIES_H

#include <stddef.h>

#include "model/metrics.h"

/* Instrument codes the model tells apart in one process: more than the
 * engine reports of one data set (ENGINE_INSTRUMENTS_MAX), so that another
 * warehouse read by the same process finds free slots too. */
#define DC_INSTRUMENTS 64

/* How a quantity relates over periods. */
typedef enum {
    DC_FLOW,   /* events in P: a half is the sum of its quarters, a year of its halves */
    DC_STOCK,  /* distinct units in P: no sum over periods */
    DC_END,    /* fixed by P's last day (R2's window, p_end, 13 weeks): Q4, H2 and the
                  year are one quantity */
} dc_time;

enum {
    Q_CLIENTS_ACTIVE, Q_CLIENTS_EMPLOYED, Q_STARTS, Q_EXITS, Q_EXITS_OPEN, Q_EXITS_ANY,
    Q_FEE_GUIDANCE, Q_FEE_OUTCOME, Q_STARTS_REFERRAL, Q_TTJ_COHORT, Q_TENURE_JOBS,
    Q_JOBS_HOURS, Q_CLIENTS_END, Q_EMP_CONTACTS, Q_FEC_MEASURED, Q_FEC_30, Q_FEC_PENDING,
    Q_JOBS_W, Q_JOBS_NEWTYPE, Q_JOBS_NEWEMP, Q_PERM_KNOWN, Q_PERM, Q_FA_JOBS, Q_FA_BEFORE,
    Q_FA_FIRST, Q_FA_WEEKLY, Q_FA_JOBS4, Q_FA_4M, Q_FA_JOBS6, Q_FA_MONTHLY, Q_CLIENTS_PEAK,
    Q_CE_EPISODES, Q_BASIC_EPISODES, Q_SUPPORT_EPISODES, Q_FEC_BIN,
    /* the service path's steps after the start (the start is Q_STARTS) */
    Q_PATH_CONTACT, Q_PATH_JOB, Q_PATH_JOB90, Q_PATH_RECENT,
    /* the funder's rows (model/funder.h) */
    Q_ESF_PARTICIPANTS, Q_ESF_LEAVERS, Q_ESF_ON_LEAVING, Q_ESF_KNOWN, Q_ESF_SIX_MONTHS,
    Q_ESF_PENDING,
    /* Outcome instruments: slot k's paired clients at Q_INSTR_FIRST + 2k, its
     * improved clients after them (dc_fields_of gives a code its slot). */
    Q_INSTR_FIRST,
    Q__COUNT = Q_INSTR_FIRST + 2 * DC_INSTRUMENTS
};

/* What a quantity counts, which decides the sums that hold exactly. */
typedef enum {
    DC_ITEMS,    /* episodes, jobs, contacts: each in one group of every breakdown
                    (an episode's coach, team, provider, region, referral source) */
    DC_CLIENTS,  /* distinct clients: a client of two coaches counts under both, so
                    only the client's own attributes (gender, age, municipality,
                    segment) split them exactly */
    DC_PEAK,     /* a maximum over days: no sums at all */
} dc_unit;

typedef struct {
    const char *label;  /* for the audit's messages */
    dc_time time;
    dc_unit unit;
} dc_quantity;

extern const dc_quantity dc_quantities[Q__COUNT];

typedef struct {
    const char *metric;
    char field;         /* 'N' numerator, 'D' denominator, 'V' value */
    int q;
} dc_field;

/* The quantity of a service_path row's step (its group), or -1: the whole
 * service's count, "started" being enrollments_started's. */
int dc_path_quantity(const char *step);

/* The fields of metric's rows that print a quantity; 0 (and *out NULL) for none. */
size_t dc_fields_of(const char *metric, const dc_field **out);

/* NULL-terminated metric ids a derived row's figure is computed from, or NULL. */
const char *const *dc_derived_sources(const char *metric);

double dc_field_value(const metric_row *r, char field);
unsigned dc_field_bit(char field);

#endif
