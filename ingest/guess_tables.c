/* Word lists for guessing profiles.  Keys are written as guess_plain_key()
 * makes them: lower case, no blanks or punctuation, ä/å as a, ö as o. */
#include "ingest/guess_tables.h"

#include <string.h>

#include "model/contract.h"

#define P SYN_PLAIN

static const guess_synonym synonyms[] = {
    /* identity */
    {"asiakasnumero", "client_id", P}, {"asiakasnro", "client_id", P},
    {"asiakas", "client_id", P}, {"asiakastunnus", "client_id", P},
    {"asiakasid", "client_id", P}, {"client", "client_id", P},
    {"customerid", "client_id", P}, {"customer", "client_id", P},
    {"henkilotunnus", "client_id", SYN_HETU}, {"hetu", "client_id", SYN_HETU},
    {"henkilotun", "client_id", SYN_HETU}, {"sotu", "client_id", SYN_HETU},
    {"ssn", "client_id", SYN_HETU}, {"personalidentitycode", "client_id", SYN_HETU},
    {"personalid", "client_id", SYN_HETU},
    {"valmentaja", "coach_id", P}, {"tyovalmentaja", "coach_id", P},
    {"tyohonvalmentaja", "coach_id", P}, {"valmentajatunnus", "coach_id", P},
    {"valmentajaid", "coach_id", P}, {"vastuuvalmentaja", "coach_id", P},
    {"tyontekija", "coach_id", P}, {"coach", "coach_id", P},
    {"employmentspecialist", "coach_id", P}, {"specialist", "coach_id", P},
    {"tyonantaja", "employer_id", P}, {"tyonantajatunnus", "employer_id", P},
    {"employer", "employer_id", P},
    {"ytunnus", "employer_id", SYN_YTUNNUS}, {"yritystunnus", "employer_id", SYN_YTUNNUS},
    {"tyonantajanytunnus", "employer_id", SYN_YTUNNUS},
    {"businessid", "employer_id", SYN_YTUNNUS},
    {"asiakkuus", "enrollment_id", P}, {"asiakkuudentunnus", "enrollment_id", P},
    {"asiakkuusnumero", "enrollment_id", P}, {"asiakkuustunnus", "enrollment_id", P},
    {"asiakkuusid", "enrollment_id", P}, {"jakso", "enrollment_id", P},
    {"jaksontunnus", "enrollment_id", P}, {"palvelujakso", "enrollment_id", P},
    {"episode", "enrollment_id", P}, {"episodeid", "enrollment_id", P},
    {"enrollment", "enrollment_id", P}, {"enrolment", "enrollment_id", P},
    {"tapaaminen", "contact_id", P}, {"tapaamisentunnus", "contact_id", P},
    {"tapahtuma", "contact_id", P}, {"tapahtumantunnus", "contact_id", P},
    {"tapahtumaid", "contact_id", P}, {"kaynnintunnus", "contact_id", P},
    {"yhteydenotto", "contact_id", P}, {"contact", "contact_id", P},
    {"eventid", "contact_id", P}, {"meetingid", "contact_id", P},
    {"tyosuhde", "job_id", P}, {"tyosuhteentunnus", "job_id", P},
    {"tyosuhdeid", "job_id", P}, {"job", "job_id", P}, {"employmentid", "job_id", P},
    {"arviointi", "review_id", P}, {"arvioinnintunnus", "review_id", P},
    {"review", "review_id", P},
    {"tunnus", NULL, SYN_KEY}, {"id", NULL, SYN_KEY}, {"numero", NULL, SYN_KEY},
    {"nro", NULL, SYN_KEY},
    /* coaches */
    {"palveluntuottaja", "provider_id", P}, {"tuottaja", "provider_id", P},
    {"provider", "provider_id", P}, {"tiimi", "team_id", P}, {"team", "team_id", P},
    {"alue", "region", P}, {"toimialue", "region", P}, {"area", "region", P},
    {"tyoaika", "fte", P}, {"tyoaikaosuus", "fte", P}, {"htv", "fte", P},
    {"henkilotyovuosi", "fte", P}, {"valmennusosuus", "focus_share", P},
    {"kenttatyo", "community_share", P}, {"kenttatyoosuus", "community_share", P},
    /* dates */
    {"aloituspaiva", "start_date", P}, {"alkupaiva", "start_date", P},
    {"alkupvm", "start_date", P}, {"aloituspvm", "start_date", P},
    {"alkamispaiva", "start_date", P}, {"alkamispvm", "start_date", P},
    {"alku", "start_date", P}, {"aloitus", "start_date", P},
    {"palveluuntulo", "start_date", P}, {"start", "start_date", P},
    {"begin", "start_date", P}, {"startdate", "start_date", P},
    {"paattymispaiva", "end_date", P}, {"loppupaiva", "end_date", P},
    {"loppupvm", "end_date", P}, {"paattymispvm", "end_date", P},
    {"paattyminen", "end_date", P}, {"loppu", "end_date", P},
    {"lopetuspaiva", "end_date", P}, {"end", "end_date", P},
    {"lahetepaiva", "referral_date", P}, {"lahetepvm", "referral_date", P},
    {"lahete", "referral_date", P}, {"lahetteenpaiva", "referral_date", P},
    {"pvm", "date", P}, {"paivamaara", "date", P}, {"paiva", "date", P},
    {"tapaamispaiva", "date", P}, {"kayntipaiva", "date", P},
    {"contactdate", "date", P}, {"meetingdate", "date", P}, {"eventdate", "date", P},
    {"visitdate", "date", P}, {"day", "date", P},
    {"arviointipaiva", "review_date", P}, {"arviointipvm", "review_date", P},
    {"mittauspaiva", "date", P},
    /* enrollments */
    {"palvelu", "service", P}, {"palvelumuoto", "service", P},
    {"palvelutyyppi", "service", P}, {"servicetype", "service", P},
    {"lahettaja", "referral_source", P}, {"lahettavataho", "referral_source", P},
    {"lahettajataho", "referral_source", P}, {"referredby", "referral_source", P},
    {"paattymisensyy", "exit_reason", P}, {"paattymisensyy", "end_reason", P},
    {"paattymissyy", "exit_reason", P}, {"paattymissyy", "end_reason", P},
    {"lopetussyy", "exit_reason", P}, {"lopetuksensyy", "exit_reason", P},
    {"syy", "exit_reason", P}, {"syy", "end_reason", P},
    {"reasonforexit", "exit_reason", P}, {"exit", "exit_reason", P},
    {"tuentaso", "support_level", P}, {"tukitaso", "support_level", P},
    {"tuenmaara", "support_level", P}, {"intensity", "support_level", P},
    /* clients */
    {"syntymavuosi", "birth_year", P}, {"yearofbirth", "birth_year", P},
    {"sukupuoli", "gender", P}, {"sex", "gender", P},
    {"kunta", "municipality", P}, {"kotikunta", "municipality", P},
    {"asuinkunta", "municipality", P},
    {"kohderyhma", "segment", P}, {"asiakasryhma", "segment", P},
    {"targetgroup", "segment", P},
    /* employers */
    {"nimi", "name", P}, {"tyonantajannimi", "name", P}, {"yrityksennimi", "name", P},
    {"employername", "name", P}, {"toimiala", "industry", P}, {"tol", "industry", P},
    {"sektori", "sector", P},
    /* contacts */
    {"tyyppi", "kind", P}, {"tapaamisentyyppi", "kind", P}, {"laji", "kind", P},
    {"yhteydenottotyyppi", "kind", P}, {"type", "kind", P}, {"contacttype", "kind", P},
    {"kasvokkain", "in_person", P}, {"lasna", "in_person", P},
    {"facetoface", "in_person", P},
    {"kuka", "by", P}, {"tapasi", "by", P}, {"metby", "by", P},
    {"paikka", "setting", P}, {"tapaamispaikka", "setting", P}, {"location", "setting", P},
    {"kesto", "minutes", P}, {"kestomin", "minutes", P}, {"minuutit", "minutes", P},
    {"kestominuutteina", "minutes", P}, {"duration", "minutes", P},
    /* jobs */
    {"tehtava", "job_title", P}, {"tehtavanimike", "job_title", P},
    {"ammattinimike", "job_title", P}, {"nimike", "job_title", P}, {"title", "job_title", P},
    {"ammatti", "occupation", P}, {"ammattiluokka", "occupation", P},
    {"ammattikoodi", "occupation", P}, {"isco", "occupation", P},
    {"viikkotunnit", "hours_per_week", P}, {"tunnitviikossa", "hours_per_week", P},
    {"tyotunnit", "hours_per_week", P}, {"tuntiaviikossa", "hours_per_week", P},
    {"weeklyhours", "hours_per_week", P},
    {"avoimettyomarkkinat", "competitive", P}, {"kilpailtu", "competitive", P},
    {"vakituinen", "permanent", P}, {"toistaiseksivoimassa", "permanent", P},
    {"palkkatuki", "subsidized", P}, {"palkkatuettu", "subsidized", P},
    {"paysubsidy", "subsidized", P},
    /* assessments, fidelity reviews */
    {"mittari", "instrument", P}, {"instrumentti", "instrument", P},
    {"measure", "instrument", P}, {"pisteet", "score", P}, {"tulos", "score", P},
    {"arvo", "score", P}, {"kriteeri", "item", P}, {"kohta", "item", P},
    {"criterion", "item", P}, {"yksikko", "unit", P}, {"arvioitavayksikko", "unit", P},
    {"tila", "status", P}, {"ylaraja", "score_high", P}, {"arvioija", "reviewer", P},
    /* more Finnish headers */
    {"valmentajantunnus", "coach_id", P}, {"toimintaalue", "region", P},
    {"tyoaikahtv", "fte", P}, {"tyohonvalmennuksenosuus", "focus_share", P},
    {"jalkautumisenosuus", "community_share", P}, {"jalkautuminen", "community_share", P},
    {"tuentarve", "support_level", P}, {"tapaamistapa", "in_person", P},
    {"kukatapasi", "by", P}, {"ammattiluokitus", "occupation", P},
    {"toimialatol2008", "industry", P}, {"toimialatol", "industry", P},
    {"arvioituyksikko", "unit", P}, {"pisteetenintaan", "score_high", P},
    {"tapaamisenpaikka", "setting", P}, {"kohderyhmakoodi", "segment", P},
    /* English headers (Casebook and the like) */
    {"staffid", "coach_id", P}, {"staff", "coach_id", P}, {"providercode", "provider_id", P},
    {"employmentfocus", "focus_share", P}, {"communitytime", "community_share", P},
    {"clientssn", "client_id", SYN_HETU}, {"industrycode", "industry", P},
    {"caseid", "enrollment_id", P}, {"programme", "service", P}, {"program", "service", P},
    {"closeddate", "end_date", P}, {"outcome", "exit_reason", P},
    {"activityid", "contact_id", P}, {"activitytype", "kind", P}, {"mode", "in_person", P},
    {"durationmin", "minutes", P}, {"placementid", "job_id", P},
    {"occupationcode", "occupation", P}, {"wagesubsidy", "subsidized", P},
    /* Swedish headers */
    {"personbeteckning", "client_id", SYN_HETU}, {"personnummer", "client_id", SYN_HETU},
    {"klient", "client_id", P}, {"klientnummer", "client_id", P},
    {"handledare", "coach_id", P}, {"jobbcoach", "coach_id", P},
    {"anordnare", "provider_id", P}, {"tjansteproducent", "provider_id", P},
    {"omrade", "region", P}, {"arsverke", "fte", P},
    {"fodelsear", "birth_year", P}, {"kon", "gender", P}, {"kommun", "municipality", P},
    {"hemkommun", "municipality", P}, {"malgrupp", "segment", P},
    {"klientgrupp", "segment", P},
    {"fonummer", "employer_id", SYN_YTUNNUS}, {"foretagsnummer", "employer_id", SYN_YTUNNUS},
    {"arbetsgivare", "employer_id", P}, {"namn", "name", P}, {"bransch", "industry", P},
    {"sektor", "sector", P},
    {"klientrelation", "enrollment_id", P}, {"tjanst", "service", P},
    {"remissdatum", "referral_date", P}, {"startdatum", "start_date", P},
    {"slutdatum", "end_date", P}, {"avslutningsorsak", "exit_reason", P},
    {"orsak", "exit_reason", P}, {"orsak", "end_reason", P}, {"remittent", "referral_source", P},
    {"stodniva", "support_level", P}, {"stodbehov", "support_level", P},
    {"datum", "date", P}, {"typ", "kind", P}, {"mottesform", "in_person", P},
    {"plats", "setting", P}, {"langdmin", "minutes", P}, {"minuter", "minutes", P},
    {"anstallning", "job_id", P}, {"yrke", "occupation", P}, {"titel", "job_title", P},
    {"timmarpervecka", "hours_per_week", P}, {"lonestod", "subsidized", P},
    {"fast", "permanent", P}, {"oppnaarbetsmarknaden", "competitive", P},
    {"matare", "instrument", P}, {"resultat", "score", P}, {"matdatum", "date", P},
    {"enhet", "unit", P}, {"bedomningsdatum", "review_date", P}, {"kriterium", "item", P},
    {"poang", "score", P}, {"bedomare", "reviewer", P},
};

/* Words in file names. */
static const struct {
    const char *word;
    ips_entity e;
} name_words[] = {
    {"valmentaj", ENT_COACHES}, {"coach", ENT_COACHES},
    {"asiakkaat", ENT_CLIENTS}, {"client", ENT_CLIENTS},
    {"tyonantaj", ENT_EMPLOYERS}, {"employer", ENT_EMPLOYERS},
    {"asiakkuu", ENT_ENROLLMENTS}, {"jakso", ENT_ENROLLMENTS}, {"enrol", ENT_ENROLLMENTS},
    {"tapaami", ENT_CONTACTS}, {"yhteydenot", ENT_CONTACTS}, {"kaynni", ENT_CONTACTS},
    {"contact", ENT_CONTACTS},
    {"tyosuhte", ENT_JOBS}, {"job", ENT_JOBS},
    {"mittau", ENT_ASSESSMENTS}, {"assessment", ENT_ASSESSMENTS},
    {"laatu", ENT_FIDELITY_REVIEWS}, {"fidelity", ENT_FIDELITY_REVIEWS},
    /* English and Swedish words, after the ones above so that they decide first */
    {"staff", ENT_COACHES}, {"handledar", ENT_COACHES}, {"klienter", ENT_CLIENTS},
    {"arbetsgivar", ENT_EMPLOYERS}, {"case", ENT_ENROLLMENTS}, {"klientrelation", ENT_ENROLLMENTS},
    {"activit", ENT_CONTACTS}, {"kontakter", ENT_CONTACTS}, {"moten", ENT_CONTACTS},
    {"placement", ENT_JOBS}, {"anstallning", ENT_JOBS}, {"measure", ENT_ASSESSMENTS},
    {"matning", ENT_ASSESSMENTS}, {"review", ENT_FIDELITY_REVIEWS},
    {"kvalitet", ENT_FIDELITY_REVIEWS},
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

void guess_plain_key(const char *s, char *out, size_t n)
{
    size_t k = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p && k + 1 < n) {
        unsigned char c = *p++;
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out[k++] = (char)c;
            continue;
        }
        if (c != 0xC3 || !*p)
            continue;
        unsigned char l = (unsigned char)(*p++ | 0x20);  /* Ä -> ä and so on */
        char plain = l == 0xA4 || l == 0xA5 ? 'a' : l == 0xB6 ? 'o' : l == 0xA9 ? 'e'
                   : l == 0xBC ? 'u' : 0;
        if (plain)
            out[k++] = plain;
    }
    out[k] = '\0';
}

size_t guess_synonyms(const char *key, const guess_synonym **out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < N(synonyms) && n < max; i++)
        if (strcmp(synonyms[i].key, key) == 0)
            out[n++] = &synonyms[i];
    return n;
}

int guess_entity_from_name(const char *name_key)
{
    for (size_t i = 0; i < N(name_words); i++)
        if (strstr(name_key, name_words[i].word))
            return (int)name_words[i].e;
    return -1;
}
