/* The charts' words in Finnish, Swedish and English.  Finnish follows THL's
 * quality criteria (seed 002) where they name a thing. */
#include "charts/chart_labels.h"

#include <stdio.h>
#include <string.h>

#include "charts/chart_model.h"

#define NBSP "\u00a0"

int chart_lang_parse(const char *code)
{
    static const char *const codes[LANG__COUNT] = {"fi", "sv", "en"};
    for (int i = 0; i < LANG__COUNT; i++)
        if (code && strcmp(code, codes[i]) == 0)
            return i;
    return -1;
}

const char *chart_lang_code(chart_lang lang)
{
    return lang == LANG_SV ? "sv" : lang == LANG_EN ? "en" : "fi";
}

char chart_lang_decimal_mark(chart_lang lang) { return lang == LANG_EN ? '.' : ','; }

const char *chart_lang_percent(chart_lang lang) { return lang == LANG_EN ? "%" : NBSP "%"; }

void chart_lang_number(chart_lang lang, double v, int decimals, const char *unit, char *buf,
                       size_t n)
{
    chart_format_number(v, decimals, chart_lang_decimal_mark(lang), unit, buf, n);
}

static const char *const labels[CL__COUNT][LANG__COUNT] = {
    [CL_NO_DATA] = {"Ei tietoja tältä jaksolta", "Inga uppgifter för perioden",
                   "No data for this period"},
    [CL_HIDDEN] = {"piilotettu", "dold", "hidden"},
    [CL_SUPPRESSED_NOTE] = {"Alle %d henkilön luvut (<%d) ja luvut, joista ne voisi laskea (–), "
                           "on piilotettu tietosuojan vuoksi; samat kaikissa tuotoksissa.",
                           "Tal under %d personer (<%d) och tal som de kunde räknas fram ur (–) "
                           "är dolda av integritetsskäl; samma i alla utdata.",
                           "Numbers under %d people (<%d), and numbers they could be worked out "
                           "from (–), are hidden to protect privacy; the same in every output."},
    [CL_INTERNAL_NOTE] = {"SISÄINEN: sisältää pieniä lukuja, ei julkaistavaksi.",
                         "INTERN: innehåller små tal, inte för publicering.",
                         "INTERNAL: contains small numbers, not for publication."},
    [CL_PENDING_NOTE] = {"Tämän kaavion tiedot eivät ole vielä saatavilla.",
                        "Uppgifterna för detta diagram finns inte ännu.",
                        "The data for this chart is not available yet."},
    [CL_PERCENT_AXIS] = {"%", "%", "%"},
    [CL_EPISODES] = {"Asiakkuuksia", "Klientrelationer", "Episodes"},
    [CL_TO_DATE] = {"tähän päivään", "hittills", "to date"},
    [CL_DAYS_UNIT] = {NBSP "pv", NBSP "d", " days"},

    [CL_EMP_TITLE] = {"Työllisyysaste neljännesvuosittain", "Sysselsättningsgrad per kvartal",
                     "Quarterly employment rate"},
    [CL_EMP_SUBTITLE] = {"Osuus IPS-asiakkaista, joilla oli työ avoimilla työmarkkinoilla, %s–%s",
                        "Andel IPS-klienter med arbete på den öppna arbetsmarknaden, %s–%s",
                        "Share of IPS clients who held a competitive job, %s–%s"},
    [CL_EMP_AXIS] = {"Työssä, %", "I arbete, %", "Employed, %"},
    [CL_EMP_BENCHMARK] = {"IPS-vertailutaso 41–50" NBSP "%", "IPS-riktvärde 41–50" NBSP "%",
                         "IPS benchmark 41–50%"},
    [CL_EMP_READ_UP] = {"Työllisyysaste %s, nousua %s prosenttiyksikköä edellisestä neljänneksestä.",
                       "Sysselsättningsgraden %s, upp %s procentenheter från föregående kvartal.",
                       "Employment rate %s, up %s points from the previous quarter."},
    [CL_EMP_READ_DOWN] = {"Työllisyysaste %s, laskua %s prosenttiyksikköä edellisestä neljänneksestä.",
                         "Sysselsättningsgraden %s, ned %s procentenheter från föregående kvartal.",
                         "Employment rate %s, down %s points from the previous quarter."},
    [CL_EMP_READ_SAME] = {"Työllisyysaste %s, sama kuin edellisellä neljänneksellä.",
                         "Sysselsättningsgraden %s, samma som föregående kvartal.",
                         "Employment rate %s, the same as the previous quarter."},
    [CL_EMP_READ_FIRST] = {"Työllisyysaste %s; edelliseltä neljännekseltä ei ole vertailulukua.",
                          "Sysselsättningsgraden %s; inget jämförelsetal för föregående kvartal.",
                          "Employment rate %s; no figure for the previous quarter to compare."},
    [CL_EMP_READ_NONE] = {"Työllisyysastetta ei voi näyttää viimeiseltä neljännekseltä.",
                         "Sysselsättningsgraden kan inte visas för det senaste kvartalet.",
                         "The employment rate cannot be shown for the latest quarter."},
    [CL_EMP_READ_BELOW] = {"Taso on alle IPS-vertailutason (41–50" NBSP "%).",
                          "Nivån ligger under IPS-riktvärdet (41–50" NBSP "%).",
                          "That is below the IPS benchmark (41–50%)."},
    [CL_EMP_READ_WITHIN] = {"Taso on IPS-vertailutasolla (41–50" NBSP "%).",
                           "Nivån ligger inom IPS-riktvärdet (41–50" NBSP "%).",
                           "That is within the IPS benchmark (41–50%)."},
    [CL_EMP_READ_ABOVE] = {"Taso ylittää IPS-vertailutason (41–50" NBSP "%).",
                          "Nivån överstiger IPS-riktvärdet (41–50" NBSP "%).",
                          "That is above the IPS benchmark (41–50%)."},

    [CL_EXIT_TITLE] = {"Päättyneet asiakkuudet syyn mukaan", "Avslutade klientrelationer efter orsak",
                      "Exits by reason"},
    [CL_EXIT_SUBTITLE] = {"IPS-asiakkuudet, jotka päättyivät jaksolla %s",
                         "IPS-klientrelationer som avslutades under perioden %s",
                         "IPS episodes that ended in %s"},
    [CL_EXIT_READ1] = {"Jaksolla päättyi %s asiakkuutta; %s työllistyi avoimille työmarkkinoille (%s).",
                      "Under perioden avslutades %s klientrelationer; %s fick arbete på öppna marknaden (%s).",
                      "%s episodes ended in the period; %s moved into competitive work (%s)."},
    [CL_EXIT_READ2] = {"Yleisin päättymisen syy: %s (%s).", "Vanligaste orsaken: %s (%s).",
                      "Most common reason: %s (%s)."},

    [CL_FEC_TITLE] = {"Päiviä ensimmäiseen työnantajakontaktiin",
                     "Dagar till första arbetsgivarkontakten", "Days to the first employer contact"},
    [CL_FEC_SUBTITLE] = {"Asiakkuudet, jotka alkoivat 12 kuukauden aikana jakson loppuun mennessä",
                        "Klientrelationer som började under de 12 månaderna fram till periodens slut",
                        "Episodes started in the 12 months up to the end of the period"},
    [CL_FEC_X] = {"Päivää palvelun alusta", "Dagar från start", "Days from the start of the service"},
    [CL_FEC_30] = {"30 päivää", "30 dagar", "30 days"},
    [CL_FEC_LAST_BIN] = {"Viimeinen pylväs sisältää kaikki vähintään %s päivän odotukset.",
                        "Sista stapeln omfattar alla väntetider på minst %s dagar.",
                        "The last bar holds every wait of %s days or more."},
    [CL_FEC_PENDING] = {"Lisäksi %s asiakkuutta ilman työnantajakontaktia.",
                       "Dessutom %s klientrelationer utan arbetsgivarkontakt.",
                       "Another %s episodes have had no employer contact yet."},
    [CL_FEC_READ1] = {"Ensimmäiseen työnantajakontaktiin kului keskimäärin %s päivää (%s asiakkuutta).",
                     "Till första arbetsgivarkontakten gick i medeltal %s dagar (%s klientrelationer).",
                     "The first employer contact came after %s days on average (%s episodes)."},
    [CL_FEC_READ2] = {"%s sai kontaktin 30 päivässä; laatukriteerin tavoite on 30 päivää.",
                     "%s fick kontakt inom 30 dagar; kvalitetskriteriets mål är 30 dagar.",
                     "%s had one within 30 days, the fidelity target."},

    [CL_FID_TITLE] = {"Laatukriteerit: %s pistettä (%s)", "Kvalitetskriterier: %s poäng (%s)",
                     "Fidelity: %s points (%s)"},
    [CL_FID_TITLE_NONE] = {"Laatukriteerit: ei arviointia jaksolla",
                          "Kvalitetskriterier: ingen bedömning under perioden",
                          "Fidelity: no review in the period"},
    [CL_FID_SUBTITLE] = {"Arviointi %s; rinnalla tiedoista lasketut pisteet",
                        "Bedömning %s; bredvid poäng beräknade ur data",
                        "Review %s, beside the scores computed from data"},
    [CL_FID_SUBTITLE_NONE] = {"Tiedoista lasketut pisteet (12 kuukautta jakson loppuun)",
                             "Poäng beräknade ur data (12 månader till periodens slut)",
                             "Scores computed from data (12 months to the end of the period)"},
    [CL_FID_REVIEWER] = {"Arvioija", "Bedömare", "Reviewer"},
    [CL_FID_DATA] = {"Tiedoista laskettu", "Beräknat ur data", "From data"},
    [CL_FID_RANGE] = {"Arvioijan vaihteluväli", "Bedömarens intervall", "Reviewer's range"},
    [CL_FID_AXIS] = {"Pisteet (1–5)", "Poäng (1–5)", "Score (1–5)"},
    [CL_FID_NA] = {"ei sovellu", "ej tillämplig", "not applicable"},
    [CL_FID_NOT_RATED] = {"ei arvioitu", "ej bedömd", "not rated"},
    [CL_FID_NOTE] = {"Tiedoista laskettu piste kattaa vain kriteerin mitattavan osan.",
                    "Poängen ur data täcker bara den mätbara delen av kriteriet.",
                    "A data score covers only the measurable part of an item."},
    [CL_FID_READ1] = {"Kokonaispisteet %s: %s; arvioituja kriteereitä %s/25.",
                     "Totalpoäng %s: %s; bedömda kriterier %s/25.",
                     "Total %s points: %s; %s of 25 items rated."},
    [CL_FID_READ1_NONE] = {"Jaksolle ei ole laatukriteeriarviointia.",
                          "Det finns ingen kvalitetsbedömning för perioden.",
                          "There is no fidelity review for the period."},
    [CL_FID_READ2] = {"Arvioija ja tiedot eroavat vähintään 2 pistettä %s kriteerissä.",
                     "Bedömaren och data skiljer sig med minst 2 poäng i %s kriterier.",
                     "Reviewer and data differ by 2 or more in %s items."},
    [CL_FID_READ2_DATA] = {"Tiedoista voidaan laskea pisteet %s kriteerille.",
                          "Poäng kan beräknas ur data för %s kriterier.",
                          "Data give a score for %s items."},

    [CL_PATH_TITLE] = {"Palvelupolku", "Tjänstestigen", "Service path"},
    [CL_PATH_SUBTITLE] = {"Asiakkuudet, jotka alkoivat jaksolla: kuinka moni eteni kuhunkin vaiheeseen",
                         "Klientrelationer som började under perioden: hur många nådde varje steg",
                         "Episodes started in the period: how many reached each step"},
    [CL_PATH_STARTED] = {"Aloitti", "Började", "Started"},
    [CL_PATH_CONTACT] = {"Ensimmäinen työnantajakontakti", "Första arbetsgivarkontakten",
                        "First employer contact"},
    [CL_PATH_JOB] = {"Ensimmäinen työ", "Första jobbet", "First job"},
    [CL_PATH_JOB90] = {"Työ kesti 90 päivää", "Jobbet varade 90 dagar", "Job held 90 days"},
    [CL_PATH_NOTE] = {"Prosentti on osuus aloittaneista.", "Procenten är andelen av dem som började.",
                     "Percentages are shares of those started."},
    [CL_PATH_READ1] = {"Aloittaneista (%s) %s sai työnantajakontaktin ja %s ensimmäisen työn.",
                      "Av dem som började (%s) fick %s en arbetsgivarkontakt och %s ett första jobb.",
                      "Of %s started, %s had an employer contact and %s found a first job."},
    [CL_PATH_READ2] = {"Ensimmäinen työ kesti 90 päivää %s asiakkaalla (%s aloittaneista).",
                      "Det första jobbet varade 90 dagar för %s klienter (%s av dem som började).",
                      "%s held their first job for 90 days (%s of those started)."},
    [CL_PATH_PENDING] = {"%s ensimmäistä työtä alkoi alle 90 päivää ennen aineiston viimeistä päivää: "
                        "niiden kestoa ei vielä tiedetä.",
                        "%s första jobb började mindre än 90 dagar före den sista dagen i data: "
                        "det är ännu inte känt om de varar 90 dagar.",
                        "%s first jobs began less than 90 days before the data's last day: "
                        "whether they last 90 days is not yet known."},

    [CL_KM_TITLE] = {"Aika ensimmäiseen työhön", "Tid till första jobbet", "Time to the first job"},
    [CL_KM_SUBTITLE] = {"Kaplan–Meier: työllistyneiden osuus; %s asiakkuutta, jotka alkoivat 12 kuukauden aikana",
                       "Kaplan–Meier: andel anställda; %s klientrelationer som började under 12 månader",
                       "Kaplan–Meier: share employed; %s episodes started in the last 12 months"},
    [CL_KM_X] = {"Päivää palvelun alusta", "Dagar från start", "Days from the start of the service"},
    [CL_KM_Y] = {"Työllistyneitä, %", "Anställda, %", "Employed, %"},
    [CL_KM_MEDIAN] = {"puolet työllistynyt", "hälften anställda", "half employed"},
    [CL_KM_READ_MEDIAN] = {"Puolet asiakkaista sai ensimmäisen työn %s päivässä (mediaani).",
                          "Hälften av klienterna fick ett första jobb inom %s dagar (median).",
                          "Half of the clients found a first job within %s days (median)."},
    [CL_KM_READ_NO_MEDIAN] = {"Alle puolet asiakkaista on vielä saanut ensimmäisen työn.",
                             "Ännu har färre än hälften av klienterna fått ett första jobb.",
                             "Fewer than half of the clients have found a first job so far."},
    [CL_KM_READ2] = {"180 päivän kuluessa työllistyi %s.", "Inom 180 dagar fick %s arbete.",
                    "%s were employed within 180 days."},
    [CL_KM_READ2_NONE] = {"Kukaan ei ole vielä ollut seurannassa 180 päivää: 180 päivän "
                          "työllistymisosuutta ei voi arvioida.",
                          "Ingen har ännu följts i 180 dagar: andelen i arbete inom 180 "
                          "dagar kan inte skattas.",
                          "No one has been followed for 180 days yet: the share employed "
                          "within 180 days cannot be estimated."},

    [CL_COACH_TITLE] = {"Valmentajien työmäärä tavoitteisiin nähden",
                       "Coachernas arbetsmängd jämfört med målen", "Coach workload against targets"},
    [CL_COACH_SUBTITLE] = {"IPS-valmentajat %s; laatukriteerit 1 ja 17, työnantajakontaktit 13 viikolta",
                          "IPS-coacher den %s; kvalitetskriterier 1 och 17, arbetsgivarkontakter under 13 veckor",
                          "IPS coaches on %s; fidelity items 1 and 17, employer contacts over 13 weeks"},
    [CL_COACH_CASELOAD] = {"Asiakkaita henkilötyövuotta kohden", "Klienter per årsverke",
                          "Caseload per FTE"},
    [CL_COACH_CASELOAD_TARGET] = {"tavoite enintään 20", "mål högst 20", "target at most 20"},
    [CL_COACH_CONTACTS] = {"Työnantajakontakteja viikossa", "Arbetsgivarkontakter per vecka",
                          "Employer contacts per week"},
    [CL_COACH_CONTACTS_TARGET] = {"tavoite vähintään 6", "mål minst 6", "target at least 6"},
    [CL_COACH_MET] = {"Tavoite täyttyy", "Målet nås", "Target met"},
    [CL_COACH_MISSED] = {"Tavoite ei täyty", "Målet nås inte", "Target not met"},
    [CL_COACH_NO_COACH_NOTE] = {"Asiakkaat, joilla ei ole valmentajaa, sisältyvät vain koko palvelun lukuun.",
                               "Klienter utan coach ingår bara i talet för hela tjänsten.",
                               "Clients without a coach count only in the service-wide figure."},
    [CL_COACH_CAPPED] = {"Kuvassa %s valmentajaa (kaikkiaan %s): ne, joilla on eniten asiakkaita henkilötyövuotta kohden; työkirja luettelee kaikki.",
                        "Bilden visar %s av %s coacher, de med flest klienter per årsverke; arbetsboken listar alla.",
                        "Showing %s of %s coaches, those with the most clients per FTE; the workbook lists them all."},
    [CL_COACH_READ1] = {"Enintään 20 asiakasta henkilötyövuotta kohden: %s/%s valmentajaa; koko palvelussa %s.",
                       "Högst 20 klienter per årsverke: %s av %s coacher; hela tjänsten %s.",
                       "%s of %s coaches within 20 clients per FTE; service-wide %s."},
    [CL_COACH_READ1_NONE] = {"Valmentajakohtaisia asiakasmääriä ei voi näyttää; koko palvelussa %s asiakasta henkilötyövuotta kohden.",
                            "Klientantal per coach kan inte visas; hela tjänsten %s klienter per årsverke.",
                            "No caseload per coach can be shown; service-wide %s clients per FTE."},
    [CL_COACH_READ2] = {"Vähintään 6 työnantajakontaktia viikossa: %s/%s valmentajaa; mediaani %s, koko palvelussa %s.",
                       "Minst 6 arbetsgivarkontakter per vecka: %s av %s coacher; median %s, hela tjänsten %s.",
                       "%s of %s coaches make at least 6 employer contacts a week; median %s, service-wide %s."},
    [CL_COACH_READ2_NONE] = {"Valmentajakohtaisia työnantajakontakteja ei voi näyttää; koko palvelussa %s viikossa.",
                            "Arbetsgivarkontakter per coach kan inte visas; hela tjänsten %s per vecka.",
                            "No employer contacts per coach can be shown; service-wide %s a week."},

    [CL_PDF_TITLE] = {"Tuettu työllistyminen (IPS): seurantakatsaus",
                     "Individanpassat arbetsstöd (IPS): uppföljning",
                     "Supported employment (IPS): summary"},
    [CL_PDF_SUBTITLE] = {"Ohjausryhmälle", "För styrgruppen", "For the steering group"},
    [CL_PDF_PERIOD] = {"Jakso %s (%s–%s)", "Period %s (%s–%s)", "Period %s (%s to %s)"},
    [CL_PDF_AS_OF] = {"Tiedot päivään %s asti", "Uppgifter till och med %s", "Data up to %s"},
    [CL_PDF_KEY_FIGURES] = {"Avainluvut", "Nyckeltal", "Key figures"},
    [CL_PDF_PAGE] = {"Sivu %d/%d", "Sida %d/%d", "Page %d of %d"},
    [CL_PDF_TABLE_TITLE] = {"Laatukriteerit kohdittain", "Kvalitetskriterier per punkt",
                           "Fidelity items"},
    [CL_PDF_COL_ITEM] = {"Kriteeri", "Kriterium", "Item"},
    [CL_PDF_COL_REVIEWER] = {"Arvioija", "Bedömare", "Reviewer"},
    [CL_PDF_COL_DATA] = {"Tiedoista", "Ur data", "Data"},
    [CL_PDF_COL_DIFF] = {"Ero ≥ 2", "Skillnad ≥ 2", "Differ ≥ 2"},
    [CL_PDF_TABLE_TOTAL] = {"Yhteensä", "Totalt", "Total"},
    [CL_PDF_TABLE_NOTE] = {"Merkitty ● kun arvioijan ja tietojen pisteet eroavat vähintään 2.",
                          "Markerat ● när bedömarens och datas poäng skiljer sig med minst 2.",
                          "Marked ● where reviewer and data scores differ by 2 or more."},
    [CL_PDF_MADE_BY] = {"Laadittu ipsreport %s -ohjelmalla", "Skapad med ipsreport %s",
                       "Made with ipsreport %s"},
    [CL_EMP_TARGET] = {"Hankkeen tavoite %s", "Projektets mål %s", "Project target %s"},
    [CL_KM_MERGED] = {"Tietosuojan vuoksi käyrän jokaisessa portaassa on vähintään %d "
                      "työllistymistä; portaiden välissä käyrä on tasainen.",
                      "Av integritetsskäl rymmer varje steg i kurvan minst %d anställningar; "
                      "mellan stegen är kurvan plan.",
                      "To protect privacy, each step of the curve holds at least %d jobs "
                      "found; between steps the curve is flat."},
    [CL_INSTR_TITLE] = {"Mittarit: alkumittaus ja viimeisin mittaus",
                        "Mätinstrument: första och senaste mätning",
                        "Instruments: baseline and latest score"},
    [CL_INSTR_SUBTITLE] = {"%s; IPS-asiakkaat, joilla tulos vähintään kahtena päivänä, "
                           "palveluntuottajittain",
                           "%s; IPS-klienter med resultat på minst två dagar, per "
                           "tjänsteproducent",
                           "%s; IPS clients with scores on two days or more, by provider"},
    [CL_INSTR_X] = {"Keskiarvo", "Medelvärde", "Mean score"},
    [CL_INSTR_BASELINE] = {"Alkumittaus", "Första mätning", "Baseline"},
    [CL_INSTR_LATEST] = {"Viimeisin mittaus", "Senaste mätning", "Latest"},
    [CL_INSTR_ALL] = {"Kaikki (n = %s)", "Alla (n = %s)", "All (n = %s)"},
    [CL_INSTR_GROUP] = {"%s (n = %s)", "%s (n = %s)", "%s (n = %s)"},
    [CL_INSTR_READ1] = {"%s: keskiarvo %s alussa ja %s viimeisimmässä mittauksessa (%s asiakasta).",
                        "%s: medelvärde %s i början och %s vid den senaste mätningen "
                        "(%s klienter).",
                        "%s: mean %s at baseline and %s at the latest score (%s clients)."},
    [CL_INSTR_UNKNOWN] = {"tuntematon", "okänd", "unknown"},
    [CL_INSTR_READ2] = {"Parantuneita %s; muutos keskimäärin %s.",
                        "Förbättrade %s; förändringen i medeltal %s.",
                        "%s improved; the mean change was %s."},
    [CL_PDF_PROJECT] = {"Hanke: %s", "Projekt: %s", "Project: %s"},
    [CL_PDF_PROJECT_CODE] = {"hankekoodi %s", "projektkod %s", "project code %s"},
    [CL_PDF_FUNDER] = {"Rahoittaja: %s", "Finansiär: %s", "Funder: %s"},
    [CL_PDF_CMP_TITLE] = {"Vertailut ja tavoitteet", "Jämförelser och mål",
                         "Comparisons and targets"},
    [CL_PDF_CMP_NOW] = {"Tämä kausi", "Denna period", "This period"},
    [CL_PDF_CMP_YEAR_AGO] = {"Vuotta aiemmin", "Ett år tidigare", "A year earlier"},
    [CL_PDF_CMP_YTD] = {"Vuoden alusta", "Hittills i år", "Year to date"},
    [CL_PDF_CMP_LAST4] = {"4 viim. neljännestä", "Senaste 4 kvartal", "Last 4 quarters"},
    [CL_PDF_CMP_SINCE] = {"Hankkeen alusta", "Sedan start", "Since the start"},
    [CL_PDF_CMP_SINCE_DATA] = {"Aineiston alusta", "Sedan uppgifternas början",
                              "Since the data began"},
    [CL_PDF_CMP_TARGET] = {"Tavoite", "Mål", "Target"},
    [CL_PDF_CMP_DIFF] = {"Ero tavoitteeseen", "Skillnad mot målet", "From target"},
    [CL_PDF_CMP_PP] = {"%-yks.", "%-enh.", "pp"},
    [CL_PDF_CMP_NOTE] = {"▲ yli tavoitteen, ▼ alle. * IPS-vertailuarvo 41 % (keskitaso; vähintään "
                        "31 %, erinomainen 50 %). Usean vuoden luku näytetään, kun jokaisen "
                        "vuoden osa näytetään; muuten –.",
                        "▲ över målet, ▼ under. * IPS-riktvärde 41 % (medel; minst 31 %, "
                        "utmärkt 50 %). Siffror över flera år visas när varje års del visas; "
                        "annars –.",
                        "▲ above the target, ▼ below. * IPS benchmark 41 % (average; minimum "
                        "31 %, excellent 50 %). Figures spanning years show when each year's "
                        "part is shown; otherwise –."},
};

static const struct {
    const char *code;
    const char *text[LANG__COUNT];
} instruments[] = {
    {"rtw_se", {"Työhönpaluun pystyvyysusko (RTW-SE)", "Självtillit inför återgång i arbete "
                "(RTW-SE)", "Return-to-work self-efficacy (RTW-SE)"}},
    {"work_ability_score", {"Työkykypistemäärä (0–10)", "Arbetsförmågepoäng (0–10)",
                            "Work ability score (0–10)"}},
    {"goal_attainment", {"Tavoitteiden saavuttaminen (GAS)", "Måluppfyllelse (GAS)",
                         "Goal attainment (GAS)"}},
};

const char *chart_instrument_name(chart_lang lang, const char *code)
{
    if ((int)lang < 0 || lang >= LANG__COUNT)
        lang = LANG_EN;
    for (size_t i = 0; i < sizeof instruments / sizeof instruments[0]; i++)
        if (strcmp(instruments[i].code, code) == 0)
            return instruments[i].text[lang];
    return code;
}

const char *chart_label(chart_lang lang, chart_label_id id)
{
    if ((int)id < 0 || id >= CL__COUNT || (int)lang < 0 || lang >= LANG__COUNT)
        return "";
    const char *s = labels[id][lang];
    return s ? s : labels[id][LANG_EN] ? labels[id][LANG_EN] : "";
}

static const struct {
    const char *code;
    const char *text[LANG__COUNT];
} exit_reasons[] = {
    {"employed_open", {"Työllistyi avoimille työmarkkinoille", "Arbete på öppna arbetsmarknaden",
                       "Employed (competitive job)"}},
    {"employed_subsidized", {"Työllistyi palkkatuella", "Arbete med lönesubvention",
                             "Employed with pay subsidy"}},
    {"work_trial", {"Työkokeiluun", "Arbetsprövning", "Work trial"}},
    {"education", {"Koulutukseen", "Utbildning", "Education"}},
    {"rehabilitation", {"Kuntoutukseen", "Rehabilitering", "Rehabilitation"}},
    {"sick_leave", {"Sairauslomalle", "Sjukledighet", "Sick leave"}},
    {"pension", {"Eläkkeelle", "Pension", "Pension"}},
    {"other_service", {"Muuhun palveluun", "Annan tjänst", "Other service"}},
    {"moved", {"Muutti pois", "Flyttade", "Moved away"}},
    {"declined", {"Ei halunnut jatkaa", "Avböjde fortsättning", "Declined"}},
    {"no_contact", {"Ei tavoitettu", "Nåddes inte", "Could not be reached"}},
    {"other", {"Muu syy", "Annan orsak", "Other reason"}},
    {"", {"Syy puuttuu", "Orsak saknas", "Reason missing"}},
};

const char *chart_exit_reason(chart_lang lang, const char *code)
{
    if ((int)lang < 0 || lang >= LANG__COUNT)
        lang = LANG_EN;
    for (size_t i = 0; i < sizeof exit_reasons / sizeof exit_reasons[0]; i++)
        if (strcmp(exit_reasons[i].code, code ? code : "") == 0)
            return exit_reasons[i].text[lang];
    return code; /* a code the contract does not list: show it as it is */
}

static const char *const items[25][LANG__COUNT] = {
    {"Asiakasmäärä", "Antal klienter",
     "Caseload size"},
    {"Fokus työhönvalmennuksessa", "Fokus på arbetscoachning",
     "Employment services staff"},
    {"Kokonaisvaltainen palvelu", "Heltäckande service",
     "Vocational generalists"},
    {"Yhteistyö psykiatrisen hoidon kanssa", "Samordning genom teamarbete",
     "Integration with mental health team"},
    {"Tiivis tiimityöskentely", "Tätt teamarbete",
     "Frequent team contact"},
    {"Yhteistyötahot", "Samarbetsparter",
     "Collaboration with partners"},
    {"Työhönvalmennuksen tiimi", "Arbetscoachningsteamet",
     "Vocational unit"},
    {"Tiiminvetäjän rooli", "Teamledarens roll",
     "Role of the supervisor"},
    {"Palvelun avoimuus", "Tjänstens öppenhet",
     "Zero exclusion criteria"},
    {"Tavoitteena avoimet työmarkkinat", "Mål: öppna arbetsmarknaden",
     "Focus on competitive employment"},
    {"Johdon tuki", "Ledningens stöd",
     "Executive team support"},
    {"Etuusneuvonta", "Rådgivning om förmåner",
     "Work incentives planning"},
    {"Työkyvyn rajoitteista kertominen", "Att berätta om nedsatt arbetsförmåga",
     "Disclosure"},
    {"Jatkuva työhön perustuva arviointi", "Fortlöpande arbetsbaserad bedömning",
     "Ongoing work-based assessment"},
    {"Nopea työnhaku", "Snabb arbetssökning",
     "Rapid job search"},
    {"Yksilöllinen työnhaku", "Individuell arbetssökning",
     "Individualized job search"},
    {"Tiivis yhteys työnantajiin", "Täta arbetsgivarkontakter",
     "Job development: frequency"},
    {"Työnantajayhteyksien laatu", "Arbetsgivarkontakternas kvalitet",
     "Job development: quality"},
    {"Töiden monimuotoisuus", "Olika slags arbeten",
     "Diversity of job types"},
    {"Työnantajien monimuotoisuus", "Olika arbetsgivare",
     "Diversity of employers"},
    {"Avoimien työmarkkinoiden työ", "Arbete på öppna marknaden",
     "Competitive jobs"},
    {"Yksilöllinen rinnalla kulkeva tuki", "Individuellt stöd i arbetet",
     "Individualised follow-along"},
    {"Kestoltaan rajaamaton palvelu", "Tidsobegränsat stöd",
     "Time-unlimited support"},
    {"Lähiyhteisössä tapahtuvat palvelut", "Tjänster i närmiljön",
     "Community-based services"},
    {"Aktiivinen sitouttaminen", "Aktivt engagemang",
     "Assertive engagement"},
};

const char *chart_fidelity_item(chart_lang lang, int item)
{
    if (item < 1 || item > 25 || (int)lang < 0 || lang >= LANG__COUNT)
        return "";
    return items[item - 1][lang];
}

int chart_fidelity_section_of(int item) { return item <= 3 ? 0 : item <= 11 ? 1 : 2; }

const char *chart_fidelity_section(chart_lang lang, int section)
{
    static const char *const sections[3][LANG__COUNT] = {
        {"Palvelun henkilöstö", "Personal", "Staffing"},
        {"Palvelun järjestäminen", "Organisering", "Organisation"},
        {"Palvelun sisältö", "Tjänstens innehåll", "Services"},
    };
    if (section < 0 || section > 2 || (int)lang < 0 || lang >= LANG__COUNT)
        return "";
    return sections[section][lang];
}

static const char *band_word(chart_lang lang, const char *code, size_t len)
{
    static const struct {
        const char *code;
        const char *text[LANG__COUNT];
    } bands[] = {
        {"exemplary", {"esimerkillinen", "föredömlig", "exemplary"}},
        {"good", {"hyvä", "god", "good"}},
        {"fair", {"kohtalainen", "måttlig", "fair"}},
        {"not_supported", {"ei tuettua työllistymistä", "inte stöd till arbete",
                           "not supported employment"}},
    };
    for (size_t i = 0; i < sizeof bands / sizeof bands[0]; i++)
        if (strlen(bands[i].code) == len && strncmp(bands[i].code, code, len) == 0)
            return bands[i].text[lang];
    return NULL;
}

const char *chart_fidelity_band(chart_lang lang, const char *band, char *buf, size_t n)
{
    if ((int)lang < 0 || lang >= LANG__COUNT)
        lang = LANG_EN;
    const char *slash = strchr(band, '/');
    size_t len1 = slash ? (size_t)(slash - band) : strlen(band);
    const char *a = band_word(lang, band, len1);
    const char *b = slash ? band_word(lang, slash + 1, strlen(slash + 1)) : NULL;
    if (a && b)
        snprintf(buf, n, "%s–%s", a, b);
    else if (a && !slash)
        snprintf(buf, n, "%s", a);
    else
        snprintf(buf, n, "%s", band);
    return buf;
}

static const struct {
    const char *metric;
    const char *text[LANG__COUNT];
} metric_titles[] = {
    {"caseload_active", {"Asiakkaita jaksolla", "Klienter under perioden", "Clients in the period"}},
    {"enrollments_started", {"Aloittaneita", "Nya klientrelationer", "Episodes started"}},
    {"exits", {"Päättyneitä asiakkuuksia", "Avslutade klientrelationer", "Exits"}},
    {"employment_rate", {"Työllisyysaste", "Sysselsättningsgrad", "Employment rate"}},
    {"employment_at_exit", {"Työllistyi päättyessä (avoimet)", "Arbete vid avslut (öppna)",
                            "Employed at exit (competitive)"}},
    {"time_to_first_job_median_days", {"Mediaaniaika ensimmäiseen työhön, pv",
                                       "Mediantid till första jobb, dagar",
                                       "Median days to the first job"}},
    {"employed_within_180_days", {"Työllistyi 180 päivässä", "Anställda inom 180 dagar",
                                  "Employed within 180 days"}},
    {"caseload_per_fte", {"Asiakkaita / htv (tavoite ≤ 20)", "Klienter / årsverke (mål ≤ 20)",
                          "Caseload per FTE (target ≤ 20)"}},
    {"employer_contacts_per_week", {"Työnantajakontakteja / vko (tavoite ≥ 6)",
                                    "Arbetsgivarkontakter / vecka (mål ≥ 6)",
                                    "Employer contacts per week (target ≥ 6)"}},
    {"first_employer_contact_mean_days", {"Päiviä 1. työnantajakontaktiin, ka.",
                                          "Dagar till 1:a arbetsgivarkontakt, medel",
                                          "Mean days to the first employer contact"}},
    {"fidelity_total_low", {"Laatukriteeripisteet", "Kvalitetspoäng", "Fidelity score"}},
};

const char *chart_metric_title(chart_lang lang, const char *metric)
{
    if ((int)lang < 0 || lang >= LANG__COUNT)
        lang = LANG_EN;
    for (size_t i = 0; i < sizeof metric_titles / sizeof metric_titles[0]; i++)
        if (strcmp(metric_titles[i].metric, metric) == 0)
            return metric_titles[i].text[lang];
    return NULL;
}
