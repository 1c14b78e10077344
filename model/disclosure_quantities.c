/* Which quantities each metric row prints (model/disclosure.h).  The same
 * quantity under two names is one entry here: caseload_active's value and
 * employment_rate's denominator are both Q_CLIENTS_ACTIVE, so hiding one and
 * printing the other would publish the hidden cell. */
#include "model/disclosure_quantities.h"

#include <string.h>

const dc_quantity dc_quantities[Q__COUNT] = {
    [Q_CLIENTS_ACTIVE] = {"clients active in the period", DC_STOCK, DC_CLIENTS},
    [Q_CLIENTS_EMPLOYED] = {"clients active and employed in the period", DC_STOCK, DC_CLIENTS},
    [Q_STARTS] = {"episodes started", DC_FLOW, DC_ITEMS},
    [Q_EXITS] = {"exits", DC_FLOW, DC_ITEMS},
    [Q_EXITS_OPEN] = {"exits to the open labour market", DC_FLOW, DC_ITEMS},
    [Q_EXITS_ANY] = {"exits to any job", DC_FLOW, DC_ITEMS},
    [Q_FEE_GUIDANCE] = {"exits with a guidance fee", DC_FLOW, DC_ITEMS},
    [Q_FEE_OUTCOME] = {"exits with an outcome fee", DC_FLOW, DC_ITEMS},
    [Q_STARTS_REFERRAL] = {"episodes started with a referral date", DC_FLOW, DC_ITEMS},
    [Q_TTJ_COHORT] = {"episodes started in the review window", DC_END, DC_ITEMS},
    [Q_TENURE_JOBS] = {"competitive jobs started in the review window", DC_END, DC_ITEMS},
    [Q_JOBS_HOURS] = {"competitive jobs held with hours", DC_STOCK, DC_ITEMS},
    [Q_CLIENTS_END] = {"clients active on the period's last day", DC_END, DC_CLIENTS},
    [Q_EMP_CONTACTS] = {"employer contacts in the last 13 weeks", DC_END, DC_ITEMS},
    [Q_FEC_MEASURED] = {"episodes with a first employer contact", DC_END, DC_ITEMS},
    [Q_FEC_30] = {"episodes with a first employer contact within 30 days", DC_END, DC_ITEMS},
    [Q_FEC_PENDING] = {"episodes without an employer contact yet", DC_END, DC_ITEMS},
    [Q_JOBS_W] = {"competitive jobs held in the review window", DC_END, DC_ITEMS},
    [Q_JOBS_NEWTYPE] = {"jobs of a new type", DC_END, DC_ITEMS},
    [Q_JOBS_NEWEMP] = {"jobs with a new employer", DC_END, DC_ITEMS},
    [Q_PERM_KNOWN] = {"jobs with permanence known", DC_END, DC_ITEMS},
    [Q_PERM] = {"permanent jobs", DC_END, DC_ITEMS},
    [Q_FA_JOBS] = {"jobs followed along", DC_END, DC_ITEMS},
    [Q_FA_BEFORE] = {"jobs with a contact before start", DC_END, DC_ITEMS},
    [Q_FA_FIRST] = {"jobs with a contact in the first days", DC_END, DC_ITEMS},
    [Q_FA_WEEKLY] = {"jobs with weekly contacts", DC_END, DC_ITEMS},
    [Q_FA_JOBS4] = {"jobs held four months", DC_END, DC_ITEMS},
    [Q_FA_4M] = {"jobs with a contact at four months", DC_END, DC_ITEMS},
    [Q_FA_JOBS6] = {"jobs held six months", DC_END, DC_ITEMS},
    [Q_FA_MONTHLY] = {"jobs with monthly contacts", DC_END, DC_ITEMS},
    [Q_CLIENTS_PEAK] = {"most clients active on one day", DC_STOCK, DC_PEAK},
    [Q_CE_EPISODES] = {"coaching-environment episodes", DC_STOCK, DC_ITEMS},
    [Q_BASIC_EPISODES] = {"basic-support episodes", DC_STOCK, DC_ITEMS},
    [Q_SUPPORT_EPISODES] = {"episodes by support level", DC_STOCK, DC_ITEMS},
    [Q_FEC_BIN] = {"episodes with a first employer contact after so many days", DC_END,
                   DC_ITEMS},
    [Q_PATH_CONTACT] = {"episodes started with an employer contact since", DC_FLOW, DC_ITEMS},
    [Q_PATH_JOB] = {"episodes started with a first job since", DC_FLOW, DC_ITEMS},
    [Q_PATH_JOB90] = {"episodes started whose first job lasted 90 days", DC_FLOW, DC_ITEMS},
    [Q_PATH_RECENT] = {"episodes started whose first job is too recent", DC_FLOW, DC_ITEMS},
    /* Paired and improved clients of each instrument slot: a client counts in
     * one group (its latest episode's), so the breakdowns split them exactly. */
#define INSTR_Q(k)                                                                      \
    [Q_INSTR_FIRST + 2 * (k)] = {"clients paired on an instrument", DC_STOCK, DC_CLIENTS}, \
    [Q_INSTR_FIRST + 2 * (k) + 1] = {"paired clients who improved", DC_STOCK, DC_CLIENTS}
#define INSTR_Q8(k)                                                                     \
    INSTR_Q(k), INSTR_Q(k + 1), INSTR_Q(k + 2), INSTR_Q(k + 3), INSTR_Q(k + 4),          \
        INSTR_Q(k + 5), INSTR_Q(k + 6), INSTR_Q(k + 7)
    INSTR_Q8(0), INSTR_Q8(8), INSTR_Q8(16), INSTR_Q8(24),
    INSTR_Q8(32), INSTR_Q8(40), INSTR_Q8(48), INSTR_Q8(56),
#undef INSTR_Q8
#undef INSTR_Q
    /* A participant counts once, in the group of the entry episode, so the
     * funder's counts split like items. */
    [Q_ESF_PARTICIPANTS] = {"participants since the start", DC_STOCK, DC_ITEMS},
    [Q_ESF_LEAVERS] = {"participants who have left", DC_STOCK, DC_ITEMS},
    [Q_ESF_ON_LEAVING] = {"leavers in employment on leaving", DC_STOCK, DC_ITEMS},
    [Q_ESF_KNOWN] = {"leavers six months after leaving", DC_STOCK, DC_ITEMS},
    [Q_ESF_SIX_MONTHS] = {"leavers in employment six months after", DC_STOCK, DC_ITEMS},
    [Q_ESF_PENDING] = {"leavers not yet six months after", DC_STOCK, DC_ITEMS},
};
_Static_assert(DC_INSTRUMENTS == 64, "INSTR_Q8 above fills 64 instrument slots");

/* Rows of one metric are consecutive; a metric absent here prints no
 * quantity that suppression protects (fte, fte-weighted means, texts). */
static const dc_field fields[] = {
    {"caseload_active", 'V', Q_CLIENTS_ACTIVE},
    {"clients_per_year", 'V', Q_CLIENTS_ACTIVE},
    {"competitive_permanent_share", 'N', Q_PERM},
    {"competitive_permanent_share", 'D', Q_PERM_KNOWN},
    {"caseload_per_fte", 'N', Q_CLIENTS_END},
    {"employed_at_exit_any", 'N', Q_EXITS_ANY},
    {"employed_at_exit_any", 'D', Q_EXITS},
    {"employed_within_180_days", 'D', Q_TTJ_COHORT},
    {"employed_within_365_days", 'D', Q_TTJ_COHORT},
    {"employer_contacts_per_week", 'N', Q_EMP_CONTACTS},
    {"employer_diversity", 'N', Q_JOBS_NEWEMP},
    {"employer_diversity", 'D', Q_JOBS_W},
    {"employment_at_exit", 'N', Q_EXITS_OPEN},
    {"employment_at_exit", 'D', Q_EXITS},
    {"employment_rate", 'N', Q_CLIENTS_EMPLOYED},
    {"employment_rate", 'D', Q_CLIENTS_ACTIVE},
    {"enrollments_started", 'V', Q_STARTS},
    {"exits", 'V', Q_EXITS},
    {"fee_guidance", 'V', Q_FEE_GUIDANCE},
    {"fee_outcome", 'V', Q_FEE_OUTCOME},
    {"fee_start", 'V', Q_STARTS},
    {"first_employer_contact_days", 'V', Q_FEC_BIN},
    {"service_path", 'V', Q_STARTS}, /* by step: dc_path_quantity() */
    {"first_employer_contact_mean_days", 'D', Q_FEC_MEASURED},
    {"first_employer_contact_pending", 'V', Q_FEC_PENDING},
    {"first_employer_contact_within_30", 'N', Q_FEC_30},
    {"first_employer_contact_within_30", 'D', Q_FEC_MEASURED},
    {"follow_along_4_months", 'N', Q_FA_4M},
    {"follow_along_4_months", 'D', Q_FA_JOBS4},
    {"follow_along_before", 'N', Q_FA_BEFORE},
    {"follow_along_before", 'D', Q_FA_JOBS},
    {"follow_along_first_days", 'N', Q_FA_FIRST},
    {"follow_along_first_days", 'D', Q_FA_JOBS},
    {"follow_along_monthly", 'N', Q_FA_MONTHLY},
    {"follow_along_monthly", 'D', Q_FA_JOBS6},
    {"follow_along_score", 'D', Q_FA_JOBS},
    {"follow_along_weekly", 'N', Q_FA_WEEKLY},
    {"follow_along_weekly", 'D', Q_FA_JOBS},
    {"fte_needed_caseload", 'N', Q_CLIENTS_PEAK},
    {"fte_needed_throughput", 'N', Q_CLIENTS_ACTIVE},
    {"hours_per_week_mean", 'D', Q_JOBS_HOURS},
    {"job_diversity", 'N', Q_JOBS_NEWTYPE},
    {"job_diversity", 'D', Q_JOBS_W},
    {"job_tenure_median_days", 'D', Q_TENURE_JOBS},
    {"meetings_per_month_basic", 'D', Q_BASIC_EPISODES},
    {"referral_wait_median_days", 'D', Q_STARTS_REFERRAL},
    {"support_level_mix", 'V', Q_SUPPORT_EPISODES},
    {"time_to_first_job_median_days", 'D', Q_TTJ_COHORT},
    {"esf_participants", 'V', Q_ESF_PARTICIPANTS},
    {"esf_employed_on_leaving", 'N', Q_ESF_ON_LEAVING},
    {"esf_employed_on_leaving", 'D', Q_ESF_LEAVERS},
    {"esf_employed_six_months", 'N', Q_ESF_SIX_MONTHS},
    {"esf_employed_six_months", 'D', Q_ESF_KNOWN},
    {"esf_six_months_not_yet_known", 'V', Q_ESF_PENDING},
};
#define N_FIELDS (sizeof fields / sizeof fields[0])

/* Outcome instrument rows (model/engine_instruments.c), "<I>_paired" …
 * "<I>_improved_share": the paired count is the means' denominator and the
 * share's, the improved count the share's numerator.  A code gets the
 * next free slot the first time it is seen; the slots are this process's
 * (the pattern is never stored), and only equal codes must share one. */
static const char *const instr_suffix[] = {"_paired", "_baseline_mean", "_latest_mean",
                                           "_change_mean", "_improved_share"};
static char instr_codes[DC_INSTRUMENTS][48];
static dc_field instr_fields[DC_INSTRUMENTS][4];
static int n_instr_codes;

static size_t instrument_fields(const char *metric, const dc_field **out)
{
    size_t len = strlen(metric);
    for (int k = 0; k < 5; k++) {
        size_t sl = strlen(instr_suffix[k]);
        if (len <= sl || len - sl >= sizeof instr_codes[0] ||
            strcmp(metric + len - sl, instr_suffix[k]) != 0)
            continue;
        int slot = 0;
        while (slot < n_instr_codes && (strlen(instr_codes[slot]) != len - sl ||
                                        strncmp(instr_codes[slot], metric, len - sl) != 0))
            slot++;
        if (slot == n_instr_codes) {
            if (slot == DC_INSTRUMENTS)
                return 0;
            memcpy(instr_codes[slot], metric, len - sl);
            instr_codes[slot][len - sl] = '\0';
            int paired = Q_INSTR_FIRST + 2 * slot;
            dc_field *fs = instr_fields[slot];
            fs[0] = (dc_field){"", 'V', paired};
            fs[1] = (dc_field){"", 'D', paired};
            fs[2] = (dc_field){"", 'N', paired + 1};
            fs[3] = (dc_field){"", 'D', paired};
            n_instr_codes++;
        }
        *out = &instr_fields[slot][k == 0 ? 0 : k == 4 ? 2 : 1];
        return k == 4 ? 2 : 1;
    }
    *out = NULL;
    return 0;
}

int dc_path_quantity(const char *step)
{
    static const struct {
        const char *step;
        int q;
    } steps[] = {
        {"started", Q_STARTS},            /* the same number as enrollments_started */
        {"employer_contact", Q_PATH_CONTACT},
        {"first_job", Q_PATH_JOB},
        {"job_90_days", Q_PATH_JOB90},
        {"job_90_days_not_yet_known", Q_PATH_RECENT},
    };
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
        if (strcmp(steps[i].step, step) == 0)
            return steps[i].q;
    return -1;
}

size_t dc_fields_of(const char *metric, const dc_field **out)
{
    for (size_t i = 0; i < N_FIELDS; i++) {
        if (strcmp(fields[i].metric, metric) != 0)
            continue;
        size_t n = 1;
        while (i + n < N_FIELDS && strcmp(fields[i + n].metric, metric) == 0)
            n++;
        *out = &fields[i];
        return n;
    }
    return instrument_fields(metric, out);
}

/* A derived row prints a function of its sources' figures (a gap between
 * two needs, a score banded from four shares), so it is hidden whenever one
 * of them is. */
static const char *const gap_sources[] = {"fte_needed_caseload", "fte_needed_throughput", NULL};
static const char *const score_sources[] = {"follow_along_before", "follow_along_first_days",
                                            "follow_along_weekly", "follow_along_4_months",
                                            "follow_along_monthly", NULL};

const char *const *dc_derived_sources(const char *metric)
{
    if (strcmp(metric, "fte_gap") == 0)
        return gap_sources;
    if (strcmp(metric, "follow_along_score") == 0)
        return score_sources;
    return NULL;
}

double dc_field_value(const metric_row *r, char field)
{
    switch (field) {
    case 'N': return r->numerator;
    case 'D': return r->denominator;
    default: return r->value;
    }
}

unsigned dc_field_bit(char field)
{
    switch (field) {
    case 'N': return MH_NUMERATOR;
    case 'D': return MH_DENOMINATOR;
    default: return MH_VALUE;
    }
}
