/* The two client systems of gen-samples --exports, as tables (see
 * gen_dialects.h).  Every Finnish or English value written here has a map in
 * the system's profile (ingest/profiles/tyopaja.ini, casebook.ini) or is a
 * contract code in another case, which ingest reads as it is. */
#include "gen_dialects.h"

#define COLS(a) (a), (int)(sizeof(a) / sizeof((a)[0]))

/* ---------- Työpaja: a Finnish workshop system ---------- */

static const char *const fi_provider[] = {"valmennuslehto", "ValmennusLehto Oy",
    "tyopaja_orimattila", "Orimattilan Työpaja", "kuntoutussaatio", "Kuntoutussäätiö sr", NULL};
static const char *const fi_gender[] = {"f", "Nainen", "m", "Mies", "x", "Muu", NULL};
static const char *const fi_segment[] = {"mental_health", "Mielenterveyskuntoutuja",
    "disability", "Vammainen", "long_term_unemployed", "Pitkäaikaistyötön",
    "immigrant", "Maahanmuuttaja", "youth", "Nuori", "other", "Muu", NULL};
static const char *const fi_sector[] = {"private", "Yksityinen", "public", "Julkinen",
    "third", "Kolmas sektori", NULL};
static const char *const fi_service[] = {"ips", "IPS-työhönvalmennus", "group", "Ryhmävalmennus",
    "coaching_environment", "Valmennusympäristö", "other", "Muu palvelu", NULL};
static const char *const fi_exit[] = {
    "employed_open", "Työllistynyt avoimille työmarkkinoille",
    "employed_subsidized", "Työllistynyt palkkatuella", "work_trial", "Työkokeilu",
    "education", "Opiskelu", "rehabilitation", "Kuntoutus", "sick_leave", "Sairausloma",
    "pension", "Eläke", "other_service", "Siirtyi muuhun palveluun",
    "moved", "Muutti paikkakunnalta", "declined", "Ei halunnut jatkaa",
    "no_contact", "Ei saatu yhteyttä", "other", "Muu syy", NULL};
static const char *const fi_source[] = {"social_work", "Sosiaalityö",
    "disability_services", "Vammaispalvelut", "mental_health", "Mielenterveyspalvelut",
    "work_ability_team", "Työkykytiimi", "employment_services", "Työllisyyspalvelut",
    "self", "Oma yhteydenotto", "other", "Muu", NULL};
static const char *const fi_level[] = {"intensive", "Tehostettu", "basic", "Perus",
    "light", "Kevyt", NULL};
static const char *const fi_kind[] = {"client", "Asiakastapaaminen", "employer", "Työnantajakontakti",
    "network", "Verkostotapaaminen", "benefits", "Etuusneuvonta", "other", "Muu", NULL};
static const char *const fi_mode[] = {"y", "Käynti", "n", "Puhelu", "v", "Etäyhteys", NULL};
static const char *const fi_by[] = {"coach", "Valmentaja", "client", "Asiakas", "both", "Molemmat", NULL};
static const char *const fi_setting[] = {"office", "Toimisto", "community", "Lähiyhteisö",
    "workplace", "Työpaikka", "home", "Koti", "remote", "Etänä", NULL};
static const char *const fi_end[] = {"quit", "Irtisanoutui", "dismissed", "Irtisanottiin",
    "fixed_term_ended", "Määräaikainen päättyi", "other", "Muu", NULL};
static const char *const fi_instrument[] = {"rtw_se", "RTW-SE",
    "work_ability_score", "Työkykypistemäärä", NULL};
static const char *const fi_status[] = {"rated", "Arvioitu", "not_applicable", "Ei sovellu",
    "not_rated", "Ei arvioitu", NULL};

static const xcol fi_coaches[] = {
    {"Valmentajan tunnus", 0, X_PLAIN, NULL, NULL}, {"Palveluntuottaja", 1, X_MAP, fi_provider, NULL},
    {"Tiimi", 2, X_PLAIN, NULL, NULL}, {"Toiminta-alue", 3, X_PLAIN, NULL, NULL},
    {"Työaika (htv)", 4, X_PLAIN, NULL, NULL}, {"Työhönvalmennuksen osuus", 5, X_PLAIN, NULL, NULL},
    {"Jalkautumisen osuus", 6, X_PLAIN, NULL, NULL}, {"Aloituspäivä", 7, X_PLAIN, NULL, NULL},
    {"Päättymispäivä", 8, X_PLAIN, NULL, NULL}};
static const xcol fi_clients[] = {
    {"Henkilötunnus", 0, X_HETU, NULL, NULL}, {"Syntymävuosi", 1, X_BIRTH, NULL, "Ei tiedossa"},
    {"Sukupuoli", 2, X_GENDER, fi_gender, "Ei tiedossa"}, {"Kotikunta", 3, X_PLAIN, NULL, NULL},
    {"Asiakasryhmä", 4, X_MAP, fi_segment, NULL},
    {"Lisätiedot", -1, X_EXTRA, NULL, "||||Tarvitsee tulkin||Ajokortti B|||Haluaa osa-aikatyötä"
                                      "|||Kuntouttava työtoiminta aiemmin||"}};
static const xcol fi_employers[] = {
    {"Y-tunnus", 0, X_YTUNNUS, NULL, NULL}, {"Nimi", 1, X_PLAIN, NULL, NULL},
    {"Toimiala (TOL 2008)", 2, X_PLAIN, NULL, NULL}, {"Sektori", 3, X_MAP, fi_sector, NULL},
    {"Kunta", 4, X_PLAIN, NULL, NULL}};
static const xcol fi_enrollments[] = {
    {"Henkilötunnus", 1, X_HETU, NULL, NULL}, {"Asiakkuuden tunnus", 0, X_ID, NULL, "AK-"},
    {"Palvelu", 3, X_MAP, fi_service, NULL}, {"Valmentaja", 2, X_PLAIN, NULL, NULL},
    {"Lähetepäivä", 4, X_PLAIN, NULL, NULL}, {"Aloituspäivä", 5, X_PLAIN, NULL, NULL},
    {"Päättymispäivä", 6, X_PLAIN, NULL, NULL}, {"Päättymisen syy", 7, X_MAP, fi_exit, NULL},
    {"Lähettävä taho", 8, X_MAP, fi_source, NULL}, {"Tuen tarve", 9, X_MAP, fi_level, NULL}};
static const xcol fi_contacts[] = {
    {"Tapahtuman tunnus", 0, X_ID, NULL, "T-"}, {"Päivämäärä", 1, X_PLAIN, NULL, NULL},
    {"Tyyppi", 2, X_MAP, fi_kind, NULL}, {"Tapaamistapa", 3, X_MODE, fi_mode, NULL},
    {"Henkilötunnus", 4, X_HETU, NULL, NULL}, {"Valmentaja", 5, X_PLAIN, NULL, NULL},
    {"Kuka tapasi", 6, X_MAP, fi_by, NULL}, {"Y-tunnus", 7, X_YTUNNUS, NULL, NULL},
    {"Paikka", 8, X_MAP, fi_setting, NULL}, {"Kesto (min)", 9, X_PLAIN, NULL, NULL}};
static const xcol fi_jobs[] = {
    {"Työsuhteen tunnus", 0, X_ID, NULL, "TS-"}, {"Henkilötunnus", 1, X_HETU, NULL, NULL},
    {"Y-tunnus", 2, X_YTUNNUS, NULL, NULL}, {"Asiakkuuden tunnus", 3, X_ID, NULL, "AK-"},
    {"Tehtävänimike", 4, X_PLAIN, NULL, NULL}, {"Ammattiluokitus", 5, X_PLAIN, NULL, NULL},
    {"Alkamispäivä", 6, X_PLAIN, NULL, NULL}, {"Päättymispäivä", 7, X_PLAIN, NULL, NULL},
    {"Viikkotunnit", 8, X_PLAIN, NULL, NULL}, {"Avoimet työmarkkinat", 9, X_PLAIN, NULL, NULL},
    {"Vakituinen", 10, X_PLAIN, NULL, NULL}, {"Palkkatuki", 11, X_PLAIN, NULL, NULL},
    {"Päättymisen syy", 12, X_MAP, fi_end, NULL}};
static const xcol fi_assessments[] = {
    {"Henkilötunnus", 0, X_HETU, NULL, NULL}, {"Mittauspäivä", 1, X_PLAIN, NULL, NULL},
    {"Mittari", 2, X_MAP, fi_instrument, NULL}, {"Tulos", 3, X_PLAIN, NULL, NULL}};
static const xcol fi_reviews[] = {
    {"Arvioinnin tunnus", 0, X_PLAIN, NULL, NULL}, {"Arvioitu yksikkö", 1, X_MAP, fi_provider, NULL},
    {"Arviointipäivä", 2, X_PLAIN, NULL, NULL}, {"Kriteeri", 3, X_PLAIN, NULL, NULL},
    {"Tila", 4, X_MAP, fi_status, NULL}, {"Pisteet", 5, X_PLAIN, NULL, NULL},
    {"Pisteet enintään", 6, X_PLAIN, NULL, NULL}, {"Arvioija", 7, X_PLAIN, NULL, NULL}};

const dialect dialect_tyopaja = {
    .dir = "tyopaja", .delim = ';', .decimal = ',', .crlf = true, .bom = false, .cp1252 = true,
    .fi_dates = true, .yes = "Kyllä", .no = "Ei", .derive_odd = false,
    .files = {
        [E_COACH] = {"valmentajat_%d.csv", COLS(fi_coaches)},
        [E_CLIENT] = {"asiakkaat_%d.csv", COLS(fi_clients)},
        [E_EMPLOYER] = {"tyonantajat_%d.csv", COLS(fi_employers)},
        [E_ENROLL] = {"asiakkuudet_%d.csv", COLS(fi_enrollments)},
        [E_CONTACT] = {"tapaamiset_%d.csv", COLS(fi_contacts)},
        [E_JOB] = {"tyosuhteet_%d.csv", COLS(fi_jobs)},
        [E_ASSESS] = {"mittaukset_%d.csv", COLS(fi_assessments)},
        [E_REVIEW] = {"laatuarviointi_%d.csv", COLS(fi_reviews)},
    },
};

/* ---------- Casebook: an English case-management system ---------- */

static const char *const en_provider[] = {"valmennuslehto", "VLEHTO",
    "tyopaja_orimattila", "ORIPAJA", "kuntoutussaatio", "KSAATIO", NULL};
static const char *const en_gender[] = {"f", "Female", "m", "Male", "x", "Other", NULL};
static const char *const en_segment[] = {"mental_health", "Mental health",
    "disability", "Disability", "long_term_unemployed", "Long-term unemployed",
    "immigrant", "Immigrant", "youth", "Youth", "other", "Other", NULL};
static const char *const en_sector[] = {"private", "Private", "public", "Public",
    "third", "Third sector", NULL};
static const char *const en_service[] = {"ips", "IPS", "group", "Group coaching",
    "coaching_environment", "Coaching environment", "other", "Other", NULL};
static const char *const en_exit[] = {
    "employed_open", "Employed - open market", "employed_subsidized", "Employed - subsidised",
    "work_trial", "Work trial", "education", "Education", "rehabilitation", "Rehabilitation",
    "sick_leave", "Sick leave", "pension", "Pension", "other_service", "Other service",
    "moved", "Moved away", "declined", "Declined", "no_contact", "Lost contact",
    "other", "Other", NULL};
static const char *const en_source[] = {"social_work", "Social work",
    "disability_services", "Disability services", "mental_health", "Mental health services",
    "work_ability_team", "Work ability team", "employment_services", "Employment services",
    "self", "Self-referral", "other", "Other", NULL};
static const char *const en_level[] = {"intensive", "Intensive", "basic", "Basic",
    "light", "Light", NULL};
static const char *const en_kind[] = {"client", "Client meeting", "employer", "Employer contact",
    "network", "Network meeting", "benefits", "Benefits counselling", "other", "Other", NULL};
static const char *const en_mode[] = {"y", "In person", "n", "Phone", "v", "Video", NULL};
static const char *const en_by[] = {"coach", "Staff", "client", "Client", "both", "Both", NULL};
static const char *const en_setting[] = {"office", "Office", "community", "Community",
    "workplace", "Workplace", "home", "Home", "remote", "Remote", NULL};
static const char *const en_end[] = {"quit", "Resigned", "dismissed", "Dismissed",
    "fixed_term_ended", "Fixed term ended", "other", "Other", NULL};
static const char *const en_instrument[] = {"rtw_se", "RTW-SE",
    "work_ability_score", "Work Ability Score", NULL};
static const char *const en_status[] = {"rated", "Rated", "not_applicable", "Not applicable",
    "not_rated", "Not rated", NULL};

static const xcol en_coaches[] = {
    {"Staff ID", 0, X_PLAIN, NULL, NULL}, {"Provider Code", 1, X_MAP, en_provider, NULL},
    {"Team", 2, X_PLAIN, NULL, NULL}, {"Region", 3, X_PLAIN, NULL, NULL},
    {"FTE", 4, X_PLAIN, NULL, NULL}, {"Employment Focus", 5, X_PLAIN, NULL, NULL},
    {"Community Time", 6, X_PLAIN, NULL, NULL}, {"Start Date", 7, X_PLAIN, NULL, NULL},
    {"End Date", 8, X_PLAIN, NULL, NULL}};
static const xcol en_clients[] = {
    {"Client SSN", 0, X_HETU, NULL, NULL}, {"Gender", 2, X_GENDER, en_gender, "Not stated"},
    {"Year of Birth", 1, X_BIRTH, NULL, "Unknown"}, {"Municipality", 3, X_PLAIN, NULL, NULL},
    {"Target Group", 4, X_MAP, en_segment, NULL},
    {"Notes", -1, X_EXTRA, NULL, "|||Needs an interpreter|||Driving licence||Prefers part-time work"
                                 "||||Previously in rehabilitative work activity|"}};
static const xcol en_employers[] = {
    {"Business ID", 0, X_YTUNNUS, NULL, NULL}, {"Employer Name", 1, X_PLAIN, NULL, NULL},
    {"Industry Code", 2, X_PLAIN, NULL, NULL}, {"Sector", 3, X_MAP, en_sector, NULL},
    {"Municipality", 4, X_PLAIN, NULL, NULL}};
static const xcol en_enrollments[] = {
    {"Case ID", 0, X_ID, NULL, "CASE-"}, {"Client SSN", 1, X_HETU, NULL, NULL},
    {"Staff ID", 2, X_PLAIN, NULL, NULL}, {"Programme", 3, X_MAP, en_service, NULL},
    {"Referral Date", 4, X_PLAIN, NULL, NULL}, {"Start Date", 5, X_PLAIN, NULL, NULL},
    {"Closed Date", 6, X_PLAIN, NULL, NULL}, {"Outcome", 7, X_MAP, en_exit, NULL},
    {"Referral Source", 8, X_MAP, en_source, NULL}, {"Support Level", 9, X_MAP, en_level, NULL},
    {"Case Status", 6, X_STATUS, NULL, "Open|Closed"}};
static const xcol en_contacts[] = {
    {"Activity ID", 0, X_ID, NULL, "ACT-"}, {"Date", 1, X_PLAIN, NULL, NULL},
    {"Activity Type", 2, X_MAP, en_kind, NULL}, {"Mode", 3, X_MODE, en_mode, NULL},
    {"Client SSN", 4, X_HETU, NULL, NULL}, {"Staff ID", 5, X_PLAIN, NULL, NULL},
    {"Met By", 6, X_MAP, en_by, NULL}, {"Business ID", 7, X_YTUNNUS, NULL, NULL},
    {"Location", 8, X_MAP, en_setting, NULL}, {"Duration (min)", 9, X_PLAIN, NULL, NULL}};
static const xcol en_jobs[] = {
    {"Placement ID", 0, X_ID, NULL, "PL-"}, {"Client SSN", 1, X_HETU, NULL, NULL},
    {"Business ID", 2, X_YTUNNUS, NULL, NULL}, {"Case ID", 3, X_ID, NULL, "CASE-"},
    {"Job Title", 4, X_PLAIN, NULL, NULL}, {"Occupation Code", 5, X_PLAIN, NULL, NULL},
    {"Start Date", 6, X_PLAIN, NULL, NULL}, {"End Date", 7, X_PLAIN, NULL, NULL},
    {"Hours per Week", 8, X_PLAIN, NULL, NULL}, {"Competitive", 9, X_PLAIN, NULL, NULL},
    {"Permanent", 10, X_PLAIN, NULL, NULL}, {"Wage Subsidy", 11, X_PLAIN, NULL, NULL},
    {"End Reason", 12, X_MAP, en_end, NULL}};
static const xcol en_assessments[] = {
    {"Client SSN", 0, X_HETU, NULL, NULL}, {"Date", 1, X_PLAIN, NULL, NULL},
    {"Measure", 2, X_MAP, en_instrument, NULL}, {"Score", 3, X_PLAIN, NULL, NULL}};
static const xcol en_reviews[] = {
    {"Review ID", 0, X_PLAIN, NULL, NULL}, {"Unit", 1, X_MAP, en_provider, NULL},
    {"Review Date", 2, X_PLAIN, NULL, NULL}, {"Item", 3, X_PLAIN, NULL, NULL},
    {"Status", 4, X_MAP, en_status, NULL}, {"Score", 5, X_PLAIN, NULL, NULL},
    {"Score High", 6, X_PLAIN, NULL, NULL}, {"Reviewer", 7, X_PLAIN, NULL, NULL}};

const dialect dialect_casebook = {
    .dir = "casebook", .delim = ',', .decimal = '.', .crlf = false, .bom = true, .cp1252 = false,
    .fi_dates = false, .yes = "Yes", .no = "No", .derive_odd = true,
    .files = {
        [E_COACH] = {"CB_Staff_%d.csv", COLS(en_coaches)},
        [E_CLIENT] = {"CB_Clients_%d.csv", COLS(en_clients)},
        [E_EMPLOYER] = {"CB_Employers_%d.csv", COLS(en_employers)},
        [E_ENROLL] = {"CB_Cases_%d.csv", COLS(en_enrollments)},
        [E_CONTACT] = {"CB_Activities_%d.csv", COLS(en_contacts)},
        [E_JOB] = {"CB_Placements_%d.csv", COLS(en_jobs)},
        [E_ASSESS] = {"CB_Measures_%d.csv", COLS(en_assessments)},
        [E_REVIEW] = {"CB_FidelityReviews_%d.csv", COLS(en_reviews)},
    },
};
