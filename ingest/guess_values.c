/* The built-in vocabulary behind 'ipsreport profile guess': Finnish, Swedish
 * and English values of the data contract's coded columns
 * (docs/data-contract.md) whose code is beyond doubt, and the words exports
 * write for "unknown".  Keys are written as guess_plain_key() makes them:
 * lower case, no blanks or punctuation, ä/å as a, ö as o.  Codes that are
 * the contract's own (ips, other, …) need no entry: the guesser compares
 * them itself. */
#include "ingest/guess_tables.h"

#include <string.h>

typedef struct {
    const char *column, *key, *code;
} value_code;

static const value_code value_codes[] = {
    /* clients */
    {"gender", "nainen", "f"}, {"gender", "mies", "m"}, {"gender", "muu", "x"},
    {"gender", "kvinna", "f"}, {"gender", "man", "m"}, {"gender", "annat", "x"},
    {"gender", "annan", "x"}, {"gender", "female", "f"}, {"gender", "male", "m"},
    {"gender", "woman", "f"}, {"gender", "other", "x"},
    {"segment", "mielenterveyskuntoutuja", "mental_health"},
    {"segment", "mielenterveyskuntoutujat", "mental_health"},
    {"segment", "mielenterveys", "mental_health"},
    {"segment", "psykiskohalsa", "mental_health"},
    {"segment", "mentalvardsrehabilitand", "mental_health"},
    {"segment", "vammainen", "disability"}, {"segment", "vammaiset", "disability"},
    {"segment", "vammaisuus", "disability"}, {"segment", "kehitysvammainen", "disability"},
    {"segment", "funktionsnedsattning", "disability"},
    {"segment", "funktionshindrad", "disability"},
    {"segment", "pitkaaikaistyoton", "long_term_unemployed"},
    {"segment", "pitkaaikaistyottomat", "long_term_unemployed"},
    {"segment", "langtidsarbetslos", "long_term_unemployed"},
    {"segment", "maahanmuuttaja", "immigrant"}, {"segment", "maahanmuuttajat", "immigrant"},
    {"segment", "invandrare", "immigrant"}, {"segment", "inflyttare", "immigrant"},
    {"segment", "nuori", "youth"}, {"segment", "nuoret", "youth"}, {"segment", "ung", "youth"},
    {"segment", "unga", "youth"}, {"segment", "ungdom", "youth"},
    {"segment", "muu", "other"}, {"segment", "annan", "other"}, {"segment", "ovrig", "other"},
    {"segment", "mentalhealth", "mental_health"}, {"segment", "disability", "disability"},
    {"segment", "longtermunemployed", "long_term_unemployed"},
    {"segment", "immigrant", "immigrant"}, {"segment", "youth", "youth"},
    {"segment", "other", "other"},
    /* employers */
    {"sector", "yksityinen", "private"}, {"sector", "julkinen", "public"},
    {"sector", "kolmas", "third"}, {"sector", "kolmassektori", "third"},
    {"sector", "jarjesto", "third"}, {"sector", "privat", "private"},
    {"sector", "offentlig", "public"}, {"sector", "tredjesektorn", "third"},
    {"sector", "tredjesektor", "third"}, {"sector", "thirdsector", "third"},
    /* enrollments */
    {"service", "ipstyohonvalmennus", "ips"}, {"service", "ipsvalmennus", "ips"},
    {"service", "ipsarbetscoachning", "ips"}, {"service", "ipsjobbcoachning", "ips"},
    {"service", "ryhmavalmennus", "group"}, {"service", "gruppcoachning", "group"},
    {"service", "groupcoaching", "group"},
    {"service", "valmennusymparisto", "coaching_environment"},
    {"service", "coachningsmiljo", "coaching_environment"},
    {"service", "muu", "other"}, {"service", "muupalvelu", "other"},
    {"service", "annantjanst", "other"}, {"service", "otherservice", "other"},
    {"exit_reason", "tyollistynytavoimilletyomarkkinoille", "employed_open"},
    {"exit_reason", "tyollistyiavoimilletyomarkkinoille", "employed_open"},
    {"exit_reason", "avoimilletyomarkkinoille", "employed_open"},
    {"exit_reason", "sysselsattpadenoppnaarbetsmarknaden", "employed_open"},
    {"exit_reason", "anstalldpaoppnaarbetsmarknaden", "employed_open"},
    {"exit_reason", "employedopenmarket", "employed_open"},
    {"exit_reason", "tyollistynytpalkkatuella", "employed_subsidized"},
    {"exit_reason", "tyollistyipalkkatuella", "employed_subsidized"},
    {"exit_reason", "anstalldmedlonestod", "employed_subsidized"},
    {"exit_reason", "sysselsattmedlonesubvention", "employed_subsidized"},
    {"exit_reason", "employedsubsidised", "employed_subsidized"},
    {"exit_reason", "tyokokeilu", "work_trial"}, {"exit_reason", "arbetsprovning", "work_trial"},
    {"exit_reason", "opiskelu", "education"}, {"exit_reason", "koulutus", "education"},
    {"exit_reason", "studier", "education"}, {"exit_reason", "utbildning", "education"},
    {"exit_reason", "kuntoutus", "rehabilitation"},
    {"exit_reason", "rehabilitering", "rehabilitation"},
    {"exit_reason", "sairausloma", "sick_leave"}, {"exit_reason", "sjukledighet", "sick_leave"},
    {"exit_reason", "sjukskrivning", "sick_leave"},
    {"exit_reason", "elake", "pension"},
    {"exit_reason", "muupalvelu", "other_service"},
    {"exit_reason", "siirtyimuuhunpalveluun", "other_service"},
    {"exit_reason", "overgicktillannantjanst", "other_service"},
    {"exit_reason", "annantjanst", "other_service"},
    {"exit_reason", "muutto", "moved"}, {"exit_reason", "muuttipaikkakunnalta", "moved"},
    {"exit_reason", "muuttoi", "moved"}, {"exit_reason", "flyttade", "moved"},
    {"exit_reason", "flyttadefranorten", "moved"}, {"exit_reason", "movedaway", "moved"},
    {"exit_reason", "kieltaytyi", "declined"}, {"exit_reason", "eihalunnutjatkaa", "declined"},
    {"exit_reason", "villeinteforsatta", "declined"}, {"exit_reason", "avbrot", "declined"},
    {"exit_reason", "eiyhteytta", "no_contact"}, {"exit_reason", "eisaatuyhteytta", "no_contact"},
    {"exit_reason", "ingenkontakt", "no_contact"}, {"exit_reason", "kontaktenbrots", "no_contact"},
    {"exit_reason", "lostcontact", "no_contact"},
    {"exit_reason", "muu", "other"}, {"exit_reason", "muusyy", "other"},
    {"exit_reason", "annan", "other"}, {"exit_reason", "annanorsak", "other"},
    {"referral_source", "sosiaalityo", "social_work"},
    {"referral_source", "socialarbete", "social_work"},
    {"referral_source", "vammaispalvelut", "disability_services"},
    {"referral_source", "handikappservice", "disability_services"},
    {"referral_source", "mielenterveyspalvelut", "mental_health"},
    {"referral_source", "mentalvardstjanster", "mental_health"},
    {"referral_source", "mentalhealthservices", "mental_health"},
    {"referral_source", "tyokykytiimi", "work_ability_team"},
    {"referral_source", "arbetsformagateam", "work_ability_team"},
    {"referral_source", "tyollisyyspalvelut", "employment_services"},
    {"referral_source", "tetoimisto", "employment_services"},
    {"referral_source", "teetoimisto", "employment_services"},
    {"referral_source", "sysselsattningstjanster", "employment_services"},
    {"referral_source", "omayhteydenotto", "self"}, {"referral_source", "itse", "self"},
    {"referral_source", "egenkontakt", "self"}, {"referral_source", "selfreferral", "self"},
    {"referral_source", "muu", "other"}, {"referral_source", "annan", "other"},
    {"support_level", "tehostettu", "intensive"}, {"support_level", "intensiivinen", "intensive"},
    {"support_level", "intensiv", "intensive"}, {"support_level", "perus", "basic"},
    {"support_level", "perustaso", "basic"}, {"support_level", "grund", "basic"},
    {"support_level", "kevyt", "light"}, {"support_level", "latt", "light"},
    /* contacts */
    {"kind", "asiakas", "client"}, {"kind", "asiakastapaaminen", "client"},
    {"kind", "klientmote", "client"}, {"kind", "klient", "client"},
    {"kind", "clientmeeting", "client"},
    {"kind", "tyonantaja", "employer"}, {"kind", "tyonantajakontakti", "employer"},
    {"kind", "tyonantajatapaaminen", "employer"}, {"kind", "arbetsgivarkontakt", "employer"},
    {"kind", "arbetsgivare", "employer"}, {"kind", "employercontact", "employer"},
    {"kind", "verkosto", "network"}, {"kind", "verkostotapaaminen", "network"},
    {"kind", "natverksmote", "network"}, {"kind", "networkmeeting", "network"},
    {"kind", "etuusneuvonta", "benefits"}, {"kind", "formansradgivning", "benefits"},
    {"kind", "benefitscounselling", "benefits"}, {"kind", "benefitscounseling", "benefits"},
    {"kind", "muu", "other"}, {"kind", "annan", "other"},
    {"in_person", "kaynti", "y"}, {"in_person", "kasvokkain", "y"},
    {"in_person", "lahitapaaminen", "y"}, {"in_person", "tapaaminen", "y"},
    {"in_person", "besok", "y"}, {"in_person", "personligen", "y"},
    {"in_person", "inperson", "y"}, {"in_person", "facetoface", "y"},
    {"in_person", "puhelu", "n"}, {"in_person", "puhelin", "n"}, {"in_person", "etayhteys", "n"},
    {"in_person", "eta", "n"}, {"in_person", "video", "n"}, {"in_person", "videopuhelu", "n"},
    {"in_person", "telefon", "n"}, {"in_person", "distans", "n"}, {"in_person", "videomote", "n"},
    {"in_person", "phone", "n"}, {"in_person", "telephone", "n"},
    {"by", "valmentaja", "coach"}, {"by", "tyohonvalmentaja", "coach"},
    {"by", "handledare", "coach"}, {"by", "staff", "coach"},
    {"by", "asiakas", "client"}, {"by", "klient", "client"},
    {"by", "molemmat", "both"}, {"by", "bada", "both"},
    {"setting", "toimisto", "office"}, {"setting", "kontor", "office"},
    {"setting", "lahiyhteiso", "community"}, {"setting", "yhteiso", "community"},
    {"setting", "narsamhalle", "community"}, {"setting", "samhalle", "community"},
    {"setting", "tyopaikka", "workplace"}, {"setting", "arbetsplats", "workplace"},
    {"setting", "koti", "home"}, {"setting", "kotikaynti", "home"}, {"setting", "hem", "home"},
    {"setting", "hembesok", "home"},
    {"setting", "eta", "remote"}, {"setting", "etana", "remote"},
    {"setting", "etayhteys", "remote"}, {"setting", "distans", "remote"},
    /* jobs */
    {"end_reason", "irtisanoutui", "quit"}, {"end_reason", "sadeupp", "quit"},
    {"end_reason", "resigned", "quit"},
    {"end_reason", "irtisanottu", "dismissed"}, {"end_reason", "irtisanottiin", "dismissed"},
    {"end_reason", "uppsagd", "dismissed"}, {"end_reason", "blevuppsagd", "dismissed"},
    {"end_reason", "maaraaikapaattyi", "fixed_term_ended"},
    {"end_reason", "maaraaikainenpaattyi", "fixed_term_ended"},
    {"end_reason", "visstidsanstallningupphorde", "fixed_term_ended"},
    {"end_reason", "visstidupphorde", "fixed_term_ended"},
    {"end_reason", "fixedtermended", "fixed_term_ended"},
    {"end_reason", "muu", "other"}, {"end_reason", "annan", "other"},
    /* assessments, fidelity reviews */
    {"instrument", "rtwse", "rtw_se"}, {"instrument", "returntoworkselfefficacy", "rtw_se"},
    {"instrument", "tyokykypistemaara", "work_ability_score"},
    {"instrument", "tyokykypisteet", "work_ability_score"},
    {"instrument", "arbetsformagepoang", "work_ability_score"},
    {"instrument", "workabilityscore", "work_ability_score"},
    {"instrument", "tavoitteidensaavuttaminen", "goal_attainment"},
    {"instrument", "maluppfyllelse", "goal_attainment"},
    {"instrument", "goalattainment", "goal_attainment"},
    {"status", "arvioitu", "rated"}, {"status", "bedomd", "rated"},
    {"status", "eisovellu", "not_applicable"}, {"status", "ejtillamplig", "not_applicable"},
    {"status", "eiarvioitu", "not_rated"}, {"status", "ejbedomd", "not_rated"},
};

/* Yes and no in any yes/no column, beyond the words ingest reads itself. */
static const value_code yes_no[] = {
    {NULL, "yes", "y"}, {NULL, "joo", "y"}, {NULL, "ja", "y"},
    {NULL, "no", "n"}, {NULL, "nej", "n"},
};

/* Words for "the system does not know": mapped to blank (unknown). */
static const char *const unknown_words[] = {
    "eitiedossa", "tuntematon", "eihaluakertoa", "eiilmoitettu", "okand", "ejkand",
    "vetej", "uppgiftsaknas", "unknown", "notstated", "notknown",
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

const char *guess_value_code(const char *column, const char *value_key)
{
    for (size_t i = 0; i < N(value_codes); i++)
        if (strcmp(value_codes[i].column, column) == 0 && strcmp(value_codes[i].key, value_key) == 0)
            return value_codes[i].code;
    return NULL;
}

const char *guess_yes_no(const char *value_key)
{
    for (size_t i = 0; i < N(yes_no); i++)
        if (strcmp(yes_no[i].key, value_key) == 0)
            return yes_no[i].code;
    return NULL;
}

bool guess_value_unknown(const char *value_key)
{
    for (size_t i = 0; i < N(unknown_words); i++)
        if (strcmp(unknown_words[i], value_key) == 0)
            return true;
    return false;
}

bool guess_column_has_vocabulary(const char *column)
{
    for (size_t i = 0; i < N(value_codes); i++)
        if (strcmp(value_codes[i].column, column) == 0)
            return true;
    return false;
}
