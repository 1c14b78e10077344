/* Translations of the data contract's codes (data-contract.md) and of the
 * metrics' group and band names (metrics.md), in contract order. */
#include <string.h>

#include "reports/labels.h"

typedef struct {
    const char *code;
    const char *text[REPORT_LANG__COUNT];
} code_label;

static const code_label exit_reasons[] = {
    {"employed_open", {"Työllistyi avoimille työmarkkinoille", "Anställd på den öppna arbetsmarknaden",
                       "Employed in the open labour market"}},
    {"employed_subsidized", {"Työllistyi palkkatuella", "Anställd med lönesubvention",
                             "Employed with pay subsidy"}},
    {"work_trial", {"Työkokeilu", "Arbetsprövning", "Work trial"}},
    {"education", {"Koulutus", "Utbildning", "Education"}},
    {"rehabilitation", {"Kuntoutus", "Rehabilitering", "Rehabilitation"}},
    {"sick_leave", {"Sairausloma", "Sjukledighet", "Sick leave"}},
    {"pension", {"Eläke", "Pension", "Pension"}},
    {"other_service", {"Muu palvelu", "Annan tjänst", "Other service"}},
    {"moved", {"Muutti pois", "Flyttade", "Moved away"}},
    {"declined", {"Kieltäytyi palvelusta", "Avböjde tjänsten", "Declined the service"}},
    {"no_contact", {"Ei saatu yhteyttä", "Ingen kontakt", "No contact"}},
    {"other", {"Muu syy", "Annan orsak", "Other reason"}},
};

static const code_label genders[] = {
    {"f", {"Nainen", "Kvinna", "Female"}},
    {"m", {"Mies", "Man", "Male"}},
    {"x", {"Muu", "Annat", "Other"}},
};

static const code_label age_groups[] = {
    {"<25", {"alle 25", "under 25", "under 25"}},
    {"25-29", {"25–29", "25–29", "25–29"}},
    {"30-39", {"30–39", "30–39", "30–39"}},
    {"40-49", {"40–49", "40–49", "40–49"}},
    {"50-59", {"50–59", "50–59", "50–59"}},
    {"60+", {"60 ja yli", "60 och äldre", "60 and over"}},
};

static const code_label segments[] = {
    {"mental_health", {"Mielenterveyskuntoutujat", "Psykisk ohälsa", "Mental health"}},
    {"disability", {"Vammaiset", "Funktionsnedsättning", "Disability"}},
    {"long_term_unemployed", {"Pitkäaikaistyöttömät", "Långtidsarbetslösa", "Long-term unemployed"}},
    {"immigrant", {"Maahanmuuttajat", "Invandrare", "Immigrants"}},
    {"youth", {"Nuoret", "Unga", "Young people"}},
    {"other", {"Muu", "Annan", "Other"}},
};

static const code_label bands[] = {
    {"exemplary", {"esimerkillinen", "föredömlig", "exemplary"}},
    {"good", {"hyvä", "god", "good"}},
    {"fair", {"kohtalainen", "måttlig", "fair"}},
    {"not_supported", {"ei tuettua työllistymistä", "inte stöd till arbete",
                       "not supported employment"}},
};

static const code_label group_bys[] = {
    {"", {"Kaikki", "Alla", "All"}},
    {"provider", {"Palveluntuottaja", "Tjänsteproducent", "Provider"}},
    {"team", {"Tiimi", "Team", "Team"}},
    {"coach", {"Työhönvalmentaja", "Jobbcoach", "Coach"}},
    {"region", {"Alue", "Område", "Region"}},
    {"municipality", {"Kunta", "Kommun", "Municipality"}},
    {"gender", {"Sukupuoli", "Kön", "Gender"}},
    {"age_group", {"Ikäryhmä", "Åldersgrupp", "Age group"}},
    {"segment", {"Kohderyhmä", "Målgrupp", "Segment"}},
    {"referral_source", {"Lähettäjä", "Remittent", "Referral source"}},
    {"exit_reason", {"Päättymisen syy", "Avslutsorsak", "Exit reason"}},
    {"review", {"Arviointi", "Bedömning", "Review"}},
    {"support_level", {"Tuen taso", "Stödnivå", "Support level"}},
    {"days", {"Päiviä", "Dagar", "Days"}},
    {"step", {"Palvelupolun vaihe", "Steg i tjänstevägen", "Service-path step"}},
};

/* The steps of the service_path rows (model/distributions.h). */
static const code_label path_steps[] = {
    {"started", {"Aloitti", "Började", "Started"}},
    {"employer_contact", {"Ensimmäinen työnantajakontakti", "Första arbetsgivarkontakten",
                          "First employer contact"}},
    {"first_job", {"Ensimmäinen työ", "Första jobbet", "First job"}},
    {"job_90_days", {"Työ kesti 90 päivää", "Jobbet varade 90 dagar", "Job held 90 days"}},
    {"job_90_days_not_yet_known", {"90 päivää ei vielä tiedossa", "90 dagar ännu inte kända",
                                   "90 days not yet known"}},
};

static const code_label severities[] = {
    {"error", {"Virhe", "Fel", "Error"}},
    {"warning", {"Varoitus", "Varning", "Warning"}},
    {"info", {"Tieto", "Information", "Information"}},
};

static const code_label entities[] = {
    {"coaches", {"Työhönvalmentajat", "Jobbcoacher", "Coaches"}},
    {"clients", {"Asiakkaat", "Klienter", "Clients"}},
    {"employers", {"Työnantajat", "Arbetsgivare", "Employers"}},
    {"enrollments", {"Asiakkuudet", "Klientrelationer", "Enrollments"}},
    {"contacts", {"Tapaamiset ja yhteydenotot", "Möten och kontakter", "Contacts"}},
    {"jobs", {"Työsuhteet", "Anställningar", "Jobs"}},
    {"assessments", {"Arvioinnit", "Bedömningar", "Assessments"}},
    {"fidelity_reviews", {"Laatukriteeriarvioinnit", "Kvalitetskriteriebedömningar",
                          "Fidelity reviews"}},
};

static const code_label support_levels[] = {
    {"intensive", {"Tiivis tuki", "Intensivt stöd", "Intensive support"}},
    {"basic", {"Perustuki", "Grundstöd", "Basic support"}},
    {"light", {"Kevyt tuki", "Lätt stöd", "Light support"}},
};

/* The follow-up instruments seed 003 names; other codes show as they are. */
static const code_label instruments[] = {
    {"rtw_se", {"Työhönpaluun pystyvyysusko (RTW-SE)", "Självtillit inför återgång i arbete "
                "(RTW-SE)", "Return-to-work self-efficacy (RTW-SE)"}},
    {"work_ability_score", {"Työkykypistemäärä (0–10)", "Arbetsförmågepoäng (0–10)",
                            "Work ability score (0–10)"}},
    {"goal_attainment", {"Tavoitteiden saavuttaminen (GAS)", "Måluppfyllelse (GAS)",
                         "Goal attainment (GAS)"}},
};

/* The checks of model/quality.c and the ingest's rejected rows: a name for
 * the Data quality sheet, and what to do about each. */
static const code_label checks[] = {
    {"episodes_without_coach", {"IPS-asiakkuudet ilman työhönvalmentajaa",
                                "IPS-klientrelationer utan jobbcoach",
                                "IPS episodes with no coach"}},
    {"open_episodes_over_two_years", {"Yli kaksi vuotta avoinna olleet asiakkuudet",
                                      "Klientrelationer som varit öppna i över två år",
                                      "Episodes open for more than two years"}},
    {"jobs_without_episode", {"Työsuhteet, jotka eivät osu asiakkaan asiakkuuksiin",
                              "Anställningar utanför klientens klientrelationer",
                              "Jobs that overlap none of the client's episodes"}},
    {"clients_without_contact_90_days", {"Avoimen asiakkuuden asiakkaat ilman tapaamista 90 päivään",
                                         "Klienter med öppen klientrelation utan kontakt på 90 dagar",
                                         "Clients with an open episode and no contact in 90 days"}},
    {"contacts_after_as_of", {"Tapaamiset, jotka on päivätty tietojen päivän jälkeen",
                              "Kontakter daterade efter uppgiftsdagen",
                              "Contacts dated after the as-of day"}},
    {"rejected_rows", {"Hylätyt rivit", "Avvisade rader", "Rejected rows"}},
};

static const code_label check_hints[] = {
    {"episodes_without_coach",
     {"Kirjaa asiakkuudelle työhönvalmentaja asiakasjärjestelmään; ilman valmentajaa asiakkuus "
      "lasketaan vain koko palvelun lukuihin.",
      "Ange klientrelationens jobbcoach i klientsystemet; utan coach räknas den bara i hela "
      "tjänstens tal.",
      "Record the episode's coach in the client system; without one it counts only in the "
      "service-wide figures."}},
    {"open_episodes_over_two_years",
     {"Tarkista, onko asiakkuus jo päättynyt: puuttuva päättymispäivä kasvattaa asiakasmäärää.",
      "Kontrollera om klientrelationen redan har avslutats: ett saknat slutdatum ökar antalet "
      "klienter.",
      "Check whether the episode has ended: a missing end date inflates the caseload."}},
    {"jobs_without_episode",
     {"Tarkista työsuhteen ja asiakkuuden päivämäärät: tällainen työ ei näy tuloksissa.",
      "Kontrollera anställningens och klientrelationens datum: ett sådant jobb syns inte i "
      "resultaten.",
      "Check the dates of the job and of the episode: such a job does not count in the "
      "outcomes."}},
    {"clients_without_contact_90_days",
     {"Onko asiakkuus yhä käynnissä? Kirjaa tapaamiset tai päätä asiakkuus.",
      "Pågår klientrelationen fortfarande? Registrera kontakterna eller avsluta den.",
      "Is the episode still going on? Record the contacts or end the episode."}},
    {"contacts_after_as_of",
     {"Tarkista päivämäärä: tietojen päivän jälkeisiä tapaamisia ei lasketa.",
      "Kontrollera datumet: kontakter efter uppgiftsdagen räknas inte.",
      "Check the date: contacts after the as-of day are not counted."}},
    {"rejected_rows",
     {"Korjaa rivit lähdejärjestelmässä ja lue tiedosto uudelleen; syy on ensimmäisen hylätyn "
      "rivin.",
      "Rätta raderna i källsystemet och läs in filen igen; orsaken är den första avvisade "
      "radens.",
      "Fix the rows in the source system and load the file again; the reason is the first "
      "rejected row's."}},
};

#define N(a) (sizeof a / sizeof a[0])

static const struct {
    const code_label *codes;
    size_t n;
} domains[CODE__COUNT] = {
    [CODE_EXIT_REASON] = {exit_reasons, N(exit_reasons)},
    [CODE_GENDER] = {genders, N(genders)},
    [CODE_AGE_GROUP] = {age_groups, N(age_groups)},
    [CODE_SEGMENT] = {segments, N(segments)},
    [CODE_BAND] = {bands, N(bands)},
    [CODE_GROUP_BY] = {group_bys, N(group_bys)},
    [CODE_SEVERITY] = {severities, N(severities)},
    [CODE_ENTITY] = {entities, N(entities)},
    [CODE_SUPPORT_LEVEL] = {support_levels, N(support_levels)},
    [CODE_INSTRUMENT] = {instruments, N(instruments)},
    [CODE_PATH_STEP] = {path_steps, N(path_steps)},
    [CODE_CHECK] = {checks, N(checks)},
    [CODE_CHECK_HINT] = {check_hints, N(check_hints)},
};

const char *label_code(code_domain domain, const char *code, report_lang lang)
{
    if ((int)domain < 0 || domain >= CODE__COUNT || !code || (int)lang < 0 ||
        lang >= REPORT_LANG__COUNT)
        return NULL;
    for (size_t i = 0; i < domains[domain].n; i++)
        if (strcmp(domains[domain].codes[i].code, code) == 0)
            return domains[domain].codes[i].text[lang];
    return NULL;
}

size_t label_code_count(code_domain domain)
{
    return (int)domain >= 0 && domain < CODE__COUNT ? domains[domain].n : 0;
}

const char *label_code_at(code_domain domain, size_t i)
{
    return i < label_code_count(domain) ? domains[domain].codes[i].code : NULL;
}
