#include "model/contract.h"

#include <stddef.h>
#include <string.h>
#include <strings.h>

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define NOREF -1

static const char *const genders[] = {"f", "m", "x", NULL};
static const char *const services[] = {"ips", "group", "coaching_environment", "other", NULL};
static const char *const exit_reasons[] = {
    "employed_open", "employed_subsidized", "work_trial", "education", "rehabilitation",
    "sick_leave", "pension", "other_service", "moved", "declined", "no_contact", "other", NULL};
static const char *const referral_sources[] = {
    "social_work", "disability_services", "mental_health", "work_ability_team",
    "employment_services", "self", "other", NULL};
static const char *const support_levels[] = {"intensive", "basic", "light", NULL};
static const char *const contact_kinds[] = {"client", "employer", "network", "benefits", "other", NULL};
static const char *const met_by[] = {"coach", "client", "both", NULL};
static const char *const settings[] = {"office", "community", "workplace", "home", "remote", NULL};
static const char *const sectors[] = {"private", "public", "third", NULL};
static const char *const end_reasons[] = {"quit", "dismissed", "fixed_term_ended", "other", NULL};
static const char *const statuses[] = {"rated", "not_applicable", "not_rated", NULL};

#define ID(n, req, ref) {n, CT_ID, req, NULL, 0, 0, false, 0, ref}
#define TEXT(n) {n, CT_TEXT, false, NULL, 0, 0, false, 0, NOREF}
#define DATE(n, req) {n, CT_DATE, req, NULL, 0, 0, false, 0, NOREF}
#define NUM(n, req, lo, hi) {n, CT_NUMBER, req, NULL, lo, hi, false, 0, NOREF}
#define INT(n, req, lo, hi) {n, CT_INT, req, NULL, lo, hi, false, 0, NOREF}
#define BOOL(n, req) {n, CT_BOOL, req, NULL, 0, 0, false, 0, NOREF}
#define CODE(n, req, list) {n, CT_CODE, req, list, 0, 0, false, 0, NOREF}

static const contract_column coaches[] = {
    ID("coach_id", true, NOREF),
    ID("provider_id", true, NOREF),
    ID("team_id", false, NOREF),
    TEXT("region"),
    {"fte", CT_NUMBER, true, NULL, 0, 1, true, 0, NOREF},
    NUM("focus_share", false, 0, 1),
    NUM("community_share", false, 0, 1),
    DATE("start_date", false),
    DATE("end_date", false),
};

static const contract_column clients[] = {
    ID("client_id", true, NOREF),
    INT("birth_year", false, 1900, 2100),
    CODE("gender", false, genders),
    TEXT("municipality"),
    ID("segment", false, NOREF),
};

static const contract_column employers[] = {
    ID("employer_id", true, NOREF),
    TEXT("name"),
    TEXT("industry"),
    CODE("sector", false, sectors),
    TEXT("municipality"),
};

static const contract_column enrollments[] = {
    ID("enrollment_id", true, NOREF),
    ID("client_id", true, ENT_CLIENTS),
    ID("coach_id", false, ENT_COACHES),
    CODE("service", true, services),
    DATE("referral_date", false),
    DATE("start_date", true),
    DATE("end_date", false),
    CODE("exit_reason", false, exit_reasons),
    CODE("referral_source", false, referral_sources),
    CODE("support_level", false, support_levels),
};

static const contract_column contacts[] = {
    ID("contact_id", true, NOREF),
    DATE("date", true),
    CODE("kind", true, contact_kinds),
    BOOL("in_person", true),
    ID("client_id", false, ENT_CLIENTS),
    ID("coach_id", false, ENT_COACHES),
    CODE("by", false, met_by),
    ID("employer_id", false, ENT_EMPLOYERS),
    CODE("setting", false, settings),
    NUM("minutes", false, 0, 1440),
};

static const contract_column jobs[] = {
    ID("job_id", true, NOREF),
    ID("client_id", true, ENT_CLIENTS),
    ID("employer_id", true, ENT_EMPLOYERS),
    ID("enrollment_id", false, ENT_ENROLLMENTS),
    TEXT("job_title"),
    {"occupation", CT_DIGITS, false, NULL, 0, 0, false, 5, NOREF},
    DATE("start_date", true),
    DATE("end_date", false),
    NUM("hours_per_week", false, 0, 168),
    BOOL("competitive", true),
    BOOL("permanent", false),
    BOOL("subsidized", false),
    CODE("end_reason", false, end_reasons),
};

static const contract_column assessments[] = {
    ID("client_id", true, ENT_CLIENTS),
    DATE("date", true),
    ID("instrument", true, NOREF),
    NUM("score", true, -1e9, 1e9),
};

static const contract_column fidelity_reviews[] = {
    ID("review_id", true, NOREF),
    INT("item", true, 1, 25),
    ID("unit", true, NOREF),
    DATE("review_date", true),
    CODE("status", true, statuses),
    INT("score", false, 1, 5),
    INT("score_high", false, 1, 5),
    TEXT("reviewer"),
};

static const contract_entity entities[ENT__COUNT] = {
    [ENT_COACHES] = {"coaches", coaches, N(coaches), 1},
    [ENT_CLIENTS] = {"clients", clients, N(clients), 1},
    [ENT_EMPLOYERS] = {"employers", employers, N(employers), 1},
    [ENT_ENROLLMENTS] = {"enrollments", enrollments, N(enrollments), 1},
    [ENT_CONTACTS] = {"contacts", contacts, N(contacts), 1},
    [ENT_JOBS] = {"jobs", jobs, N(jobs), 1},
    [ENT_ASSESSMENTS] = {"assessments", assessments, N(assessments), 3},
    [ENT_FIDELITY_REVIEWS] = {"fidelity_reviews", fidelity_reviews, N(fidelity_reviews), 2},
};

const contract_entity *contract_entity_get(ips_entity e)
{
    return (int)e >= 0 && e < ENT__COUNT ? &entities[e] : NULL;
}

int contract_entity_find(const char *name)
{
    for (int e = 0; e < ENT__COUNT; e++)
        if (strcasecmp(entities[e].name, name) == 0)
            return e;
    return -1;
}

int contract_column_find(const contract_entity *ent, const char *name)
{
    for (int i = 0; i < ent->ncols; i++)
        if (strcasecmp(ent->cols[i].name, name) == 0)
            return i;
    return -1;
}

bool contract_code_valid(const contract_column *col, const char *code)
{
    if (!col->codes)
        return false;
    for (const char *const *c = col->codes; *c; c++)
        if (strcmp(*c, code) == 0)
            return true;
    return false;
}
