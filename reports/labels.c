/* The label table: {Finnish, Swedish, English} for every label_id.  Finnish
 * follows the wording of THL's quality criteria and the seeds (palvelun-
 * tuottaja, työhönvalmentaja, laatukriteerit, aloitus-, ohjaus- ja tulos-
 * palkkio); Swedish follows the official Swedish terms where they exist. */
#include "reports/labels.h"

#include "model/metrics.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const lang_codes[REPORT_LANG__COUNT] = {"fi", "sv", "en"};

int report_lang_parse(const char *code)
{
    for (int i = 0; i < REPORT_LANG__COUNT; i++)
        if (code && strcasecmp(code, lang_codes[i]) == 0)
            return i;
    return -1;
}

const char *report_lang_code(report_lang lang)
{
    return (int)lang >= 0 && lang < REPORT_LANG__COUNT ? lang_codes[lang] : "fi";
}

static const char *const labels[L__COUNT][REPORT_LANG__COUNT] = {
    [L_SHEET_SUMMARY] = {"Yhteenveto", "Sammanfattning", "Summary"},
    [L_SHEET_OUTCOMES] = {"Tulokset", "Resultat", "Outcomes"},
    [L_SHEET_FIDELITY] = {"Laatukriteerit", "Kvalitetskriterier", "Fidelity"},
    [L_SHEET_EMPLOYER] = {"Työnantajatyö", "Arbetsgivararbete", "Employer work"},
    [L_SHEET_FUNDING] = {"Rahoitus", "Finansiering", "Funding"},
    [L_SHEET_FUNDER] = {"ESR+-indikaattorit", "ESF+-indikatorer", "ESF+ indicators"},
    [L_SHEET_CAPACITY] = {"Kapasiteetti", "Kapacitet", "Capacity"},
    [L_SHEET_BREAKDOWNS] = {"Erittelyt", "Fördelningar", "Breakdowns"},
    [L_SHEET_QUALITY] = {"Tietojen laatu", "Datakvalitet", "Data quality"},
    [L_SHEET_DEFINITIONS] = {"Määritelmät", "Definitioner", "Definitions"},
    [L_SHEET_ABOUT] = {"Tietoja raportista", "Om rapporten", "About"},

    [L_REPORT_TITLE] = {"Tuetun työllistymisen (IPS) raportti",
                        "Rapport om individanpassat stöd till arbete (IPS)",
                        "Supported employment (IPS) report"},
    [L_INTERNAL_MARK] = {"SISÄINEN: sisältää pieniä lukuja", "INTERN: innehåller små tal",
                         "INTERNAL: contains small numbers"},
    [L_SUPPRESSION_NOTE] = {"Alle {n} henkilön luvut näkyvät muodossa <{n} ja osuudet, joiden "
                            "osoittaja tai nimittäjä on pieni, viivana (–). Viiva piilottaa myös "
                            "luvut, joista piilotetun voisi laskea, jottei ketään voi tunnistaa.",
                            "Tal under {n} personer visas som <{n}, och andelar med liten täljare "
                            "eller nämnare som ett streck (–). Strecket döljer också tal som ett "
                            "dolt tal kunde räknas fram ur, så att ingen kan identifieras.",
                            "Numbers below {n} people show as <{n}, and shares with a small "
                            "numerator or denominator as a dash (–). A dash also hides numbers "
                            "from which a hidden one could be worked out, so that no one can be "
                            "identified."},
    [L_SUPPRESSED_COMMENT] = {"Piilotettu pienten lukujen suojaamiseksi (alle {n} henkilöä, tai "
                              "piilotettu, jottei piilotettua lukua voi laskea julkaistuista).",
                              "Dold för att skydda små tal (under {n} personer, eller dold så att "
                              "inget dolt tal kan räknas fram ur de publicerade).",
                              "Hidden to protect small numbers (fewer than {n} people, or hidden "
                              "so that no hidden number can be worked out from the published "
                              "ones)."},
    [L_NO_DATA] = {"Ei tietoja tältä kaudelta.", "Inga uppgifter för perioden.",
                   "No data for this period."},
    [L_NO_REVIEWS] = {"Arviointikaudella ei ole laatukriteeriarviointeja; alla vain aineistosta "
                      "lasketut pisteet.",
                      "Inga kvalitetskriteriebedömningar under perioden; nedan endast poäng "
                      "beräknade ur data.",
                      "No fidelity reviews in the review window; below only scores computed "
                      "from the data."},
    [L_DATA_SCORE_NOTE] = {"Aineistosta laskettu pistemäärä kattaa vain kriteerin mitattavan osan. "
                           "Ero = arvioijan ja aineiston pisteet eroavat vähintään kahdella.",
                           "Poängen ur data täcker endast den mätbara delen av kriteriet. "
                           "Avvikelse = bedömarens och datans poäng skiljer sig med minst två.",
                           "The data score covers only the measurable part of a criterion. "
                           "Differs = the reviewer's and the data's scores differ by 2 or more."},
    [L_NO_TARIFF] = {"Hintoja ei annettu (--tariff), joten euromäärät puuttuvat.",
                     "Inga priser angavs (--tariff), därför saknas eurobelopp.",
                     "No prices given (--tariff), so euro amounts are blank."},
    [L_TITLE_KEY_FIGURES] = {"Keskeiset luvut", "Nyckeltal", "Key figures"},
    [L_TITLE_QUARTERS] = {"Neljännesvuosittain (8 viimeisintä)", "Per kvartal (de 8 senaste)",
                          "By quarter (last eight)"},
    [L_TITLE_EXIT_REASONS] = {"Päättymisen syyt", "Avslutsorsaker", "Exit reasons"},
    [L_TITLE_PERIOD_OUTCOMES] = {"Työllistyminen kaudella", "Sysselsättning under perioden",
                                 "Employment in the period"},
    [L_TITLE_DIVERSITY] = {"Töiden ja työnantajien monimuotoisuus",
                           "Olika slags arbeten och arbetsgivare", "Job and employer diversity"},
    [L_TITLE_REJECTS] = {"Hylätyt rivit tiedostoittain", "Avvisade rader per fil",
                         "Rejected rows per file"},
    [L_TITLE_BATCHES] = {"Luetut aineistot", "Inlästa filer", "Input batches"},
    [L_TITLE_CHARTS] = {"Kaaviot", "Diagram", "Charts"},
    [L_CHART_KEY_SHARES] = {"Keskeiset osuudet: kausi ja edellinen kausi",
                            "Viktiga andelar: perioden och föregående period",
                            "Key shares: period and previous period"},
    [L_CHART_EMPLOYMENT_RATE] = {"Työllisyysaste neljänneksittäin", "Sysselsättningsgrad per kvartal",
                                 "Employment rate by quarter"},
    [L_CHART_CLIENTS] = {"Asiakkaat neljänneksittäin", "Klienter per kvartal", "Clients by quarter"},

    [L_COL_METRIC] = {"Mittari", "Mått", "Metric"},
    [L_COL_VALUE] = {"Arvo", "Värde", "Value"},
    [L_COL_NUMERATOR] = {"Osoittaja", "Täljare", "Numerator"},
    [L_COL_DENOMINATOR] = {"Nimittäjä", "Nämnare", "Denominator"},
    [L_COL_SCORE] = {"Pisteet", "Poäng", "Score"},
    [L_COL_SCORE_ITEM] = {"Pisteet (kohta {n})", "Poäng (punkt {n})", "Score (item {n})"},
    [L_COL_UNIT] = {"Yksikkö", "Enhet", "Unit"},
    [L_COL_ID] = {"Tunnus", "Id", "Id"},
    [L_COL_CURRENT] = {"Kausi", "Perioden", "Period"},
    [L_COL_PREVIOUS] = {"Edellinen kausi", "Föregående period", "Previous period"},
    [L_COL_CHANGE] = {"Muutos", "Förändring", "Change"},
    [L_COL_BREAKDOWN] = {"Erittely", "Fördelning", "Breakdown"},
    [L_COL_GROUP] = {"Ryhmä", "Grupp", "Group"},
    [L_COL_BREAKDOWN_ID] = {"Erittelyn tunnus", "Fördelningens id", "Breakdown id"},
    [L_COL_GROUP_ID] = {"Ryhmän tunnus", "Gruppens id", "Group id"},
    [L_COL_QUARTER] = {"Neljännes", "Kvartal", "Quarter"},
    [L_COL_START] = {"Alkaa", "Börjar", "Starts"},
    [L_COL_END] = {"Päättyy", "Slutar", "Ends"},
    [L_COL_EXIT_REASON] = {"Päättymisen syy", "Avslutsorsak", "Exit reason"},
    [L_COL_CODE] = {"Koodi", "Kod", "Code"},
    [L_COL_REVIEW] = {"Arviointi", "Bedömning", "Review"},
    [L_COL_REVIEWED_UNIT] = {"Arvioitu yksikkö", "Bedömd enhet", "Reviewed unit"},
    [L_COL_REVIEW_DATE] = {"Arviointipäivä", "Bedömningsdag", "Review date"},
    [L_COL_ITEM] = {"Kohta", "Punkt", "Item"},
    [L_COL_ITEM_NAME] = {"Laatukriteeri", "Kvalitetskriterium", "Criterion"},
    [L_COL_REVIEWER_SCORE] = {"Arvioijan pisteet", "Bedömarens poäng", "Reviewer score"},
    [L_COL_REVIEWER_SCORE_HIGH] = {"Arvioijan pisteet, yläraja", "Bedömarens poäng, övre gräns",
                                   "Reviewer score, upper end"},
    [L_COL_DATA_SCORE] = {"Pisteet aineistosta", "Poäng ur data", "Score from data"},
    [L_COL_DATA_VALUE] = {"Arvo aineistosta", "Värde ur data", "Value from data"},
    [L_COL_DIFFERS] = {"Ero", "Avvikelse", "Differs"},
    [L_COL_COACH] = {"Työhönvalmentaja", "Jobbcoach", "Coach"},
    [L_COL_EPISODES_MEASURED] = {"Mitatut asiakkuudet", "Mätta klientrelationer",
                                 "Episodes measured"},
    [L_COL_FIRST_CONTACT_DAYS] = {"Ensimmäinen työnantajakontakti, päivää (ka.)",
                                  "Första arbetsgivarkontakt, dagar (medel)",
                                  "First employer contact, days (mean)"},
    [L_COL_WITHIN_30] = {"Kontakti 30 päivässä", "Kontakt inom 30 dagar", "Contact within 30 days"},
    [L_COL_PENDING] = {"Ei vielä kontaktia", "Ännu ingen kontakt", "No contact yet"},
    [L_COL_CONTACTS_PER_WEEK] = {"Työnantajakontakteja viikossa / htv",
                                 "Arbetsgivarkontakter per vecka / årsv.",
                                 "Employer contacts per week / FTE"},
    [L_COL_CONTACTS_13W] = {"Kontaktit 13 viikossa", "Kontakter på 13 veckor",
                            "Contacts in 13 weeks"},
    [L_COL_DIFFERENT] = {"Erilaisia", "Olika", "Different"},
    [L_COL_JOBS_OR_EMPLOYERS] = {"Työsuhteita", "Anställningar", "Jobs"},
    [L_COL_PROVIDER] = {"Palveluntuottaja", "Tjänsteproducent", "Provider"},
    [L_COL_FEE_START] = {"Aloituspalkkiot, kpl", "Startarvoden, st.", "Start fees, count"},
    [L_COL_FEE_GUIDANCE] = {"Ohjauspalkkiot, kpl", "Vägledningsarvoden, st.",
                            "Guidance fees, count"},
    [L_COL_FEE_OUTCOME] = {"Tulospalkkiot, kpl", "Resultatarvoden, st.", "Outcome fees, count"},
    [L_COL_EUR_START] = {"Aloituspalkkiot, €", "Startarvoden, €", "Start fees, €"},
    [L_COL_EUR_GUIDANCE] = {"Ohjauspalkkiot, €", "Vägledningsarvoden, €", "Guidance fees, €"},
    [L_COL_EUR_OUTCOME] = {"Tulospalkkiot, €", "Resultatarvoden, €", "Outcome fees, €"},
    [L_COL_EUR_TOTAL] = {"Yhteensä, €", "Totalt, €", "Total, €"},
    [L_COL_REGION] = {"Alue", "Område", "Region"},
    [L_COL_CLIENTS_PER_YEAR] = {"Asiakkaita vuodessa", "Klienter per år", "Clients per year"},
    [L_COL_FTE_NOW] = {"Htv nyt", "Årsv. nu", "FTE now"},
    [L_COL_FTE_NEEDED] = {"Htv tarve", "Årsv. behov", "FTE needed"},
    [L_COL_FTE_THROUGHPUT] = {"Htv tarve asiakasmäärästä", "Årsv. behov enligt antal klienter",
                              "FTE needed for throughput"},
    [L_COL_FTE_CASELOAD] = {"Htv tarve asiakasmitoituksesta", "Årsv. behov enligt klientantal per handledare",
                            "FTE needed for caseload"},
    [L_COL_FTE_GAP] = {"Vaje (htv)", "Underskott (årsv.)", "Gap (FTE)"},
    [L_COL_SEVERITY] = {"Vakavuus", "Allvar", "Severity"},
    [L_COL_CHECK] = {"Tarkistus", "Kontroll", "Check"},
    [L_COL_ENTITY] = {"Tietosisältö", "Innehåll", "Entity"},
    [L_COL_WHERE] = {"Missä", "Var", "Where"},
    [L_COL_COUNT] = {"Lukumäärä", "Antal", "Count"},
    [L_COL_MESSAGE] = {"Havainto", "Iakttagelse", "Finding"},
    [L_COL_FILE] = {"Tiedosto", "Fil", "File"},
    [L_COL_CONTENT_HASH] = {"Sisällön tiiviste (SHA-256)", "Innehållets hash (SHA-256)",
                            "Content hash (SHA-256)"},
    [L_COL_LOADED_AT] = {"Luettu", "Inläst", "Loaded"},
    [L_COL_ROWS_READ] = {"Rivejä luettu", "Rader lästa", "Rows read"},
    [L_COL_ROWS_STORED] = {"Tallennettu", "Sparade", "Stored"},
    [L_COL_ROWS_UPDATED] = {"Päivitetty", "Uppdaterade", "Updated"},
    [L_COL_ROWS_REJECTED] = {"Hylätty", "Avvisade", "Rejected"},
    [L_COL_ROWS_DUPLICATE] = {"Toistoja", "Dubbletter", "Duplicates"},
    [L_COL_REJECTED_SHARE] = {"Hylätty, osuus", "Avvisade, andel", "Rejected, share"},
    [L_COL_NAME] = {"Nimi", "Namn", "Name"},
    [L_COL_DEFINITION] = {"Määritelmä", "Definition", "Definition"},
    [L_COL_FIELD] = {"Tieto", "Uppgift", "Item"},

    [L_ABOUT_REPORT] = {"Raportti", "Rapport", "Report"},
    [L_ABOUT_PERIOD] = {"Kausi", "Period", "Period"},
    [L_ABOUT_PERIOD_START] = {"Kauden alku", "Periodens början", "Period start"},
    [L_ABOUT_PERIOD_END] = {"Kauden loppu", "Periodens slut", "Period end"},
    [L_ABOUT_COMPARE] = {"Vertailukausi", "Jämförelseperiod", "Comparison period"},
    [L_ABOUT_COMPARE_START] = {"Vertailukauden alku", "Jämförelseperiodens början",
                               "Comparison period start"},
    [L_ABOUT_COMPARE_END] = {"Vertailukauden loppu", "Jämförelseperiodens slut",
                             "Comparison period end"},
    [L_ABOUT_AS_OF] = {"Tiedot päivältä", "Uppgifter per", "Data as of"},
    [L_ABOUT_CREATED] = {"Raportti tehty", "Rapporten skapad", "Report created"},
    [L_ABOUT_VERSION] = {"Ohjelman versio", "Programversion", "Tool version"},
    [L_ABOUT_WAREHOUSE] = {"Tietovarasto", "Datalager", "Warehouse"},
    [L_ABOUT_KEY] = {"Pseudonymisointiavaimen sormenjälki", "Pseudonymiseringsnyckelns fingeravtryck",
                     "Pseudonym key fingerprint"},
    [L_ABOUT_SUPPRESSION] = {"Pienten lukujen suojaus", "Skydd av små tal", "Small-cell suppression"},
    [L_ABOUT_MIN_CELL] = {"Pienin näytettävä luku", "Minsta tal som visas", "Smallest number shown"},
    [L_ABOUT_LANGUAGE] = {"Kieli", "Språk", "Language"},
    [L_ABOUT_MASKED] = {"Henkilötunnuksen näköisiä tekstejä peitetty",
                        "Texter som liknar personbeteckningar maskerade",
                        "Texts like personal identity codes masked"},
    [L_ABOUT_BATCH_COUNT] = {"Luettuja aineistoja", "Inlästa filer", "Input batches"},
    [L_SUPPRESSION_ON] = {"käytössä: alle {n} henkilön luvut piilotettu",
                          "används: tal under {n} personer dolda",
                          "on: numbers below {n} people hidden"},
    [L_SUPPRESSION_OFF] = {"ei käytössä (sisäinen raportti)", "används inte (intern rapport)",
                           "off (internal report)"},
    [L_NOT_RECORDED] = {"ei tallennettu", "inte registrerat", "not recorded"},

    [L_ALL] = {"Kaikki", "Alla", "All"},
    [L_TOTAL] = {"Yhteensä", "Totalt", "Total"},
    [L_UNKNOWN_GROUP] = {"(tuntematon)", "(okänd)", "(unknown)"},
    [L_YES] = {"Kyllä", "Ja", "Yes"},
    [L_NOT_APPLICABLE] = {"ei sovellu", "inte tillämplig", "not applicable"},
    [L_NOT_RATED] = {"ei arvioitu", "inte bedömd", "not rated"},
    [L_NO_FINDINGS] = {"Tarkistus ei löytänyt huomautettavaa.", "Kontrollen hittade inget att anmärka.",
                       "The check found nothing to remark."},
    [L_ITEM_N] = {"Kohta {n}", "Punkt {n}", "Item {n}"},
    [L_LANGUAGE_NAME] = {"suomi", "svenska", "English"},
    [L_TO_DATE] = {"tähän päivään", "hittills", "to date"},
    [L_NOT_ESTIMABLE] = {"Ei arvioitavissa: kukaan ei ole ollut seurannassa näin kauan "
                         "(Kaplan–Meier ei ulotu pisimmän seuranta-ajan yli).",
                         "Kan inte skattas: ingen har följts så länge (Kaplan–Meier "
                         "sträcker sig inte förbi den längsta uppföljningstiden).",
                         "Not estimable: no one has been followed this long (Kaplan–Meier "
                         "does not reach beyond the longest follow-up)."},

    [L_UNIT_COUNT] = {"lkm", "antal", "count"},
    [L_UNIT_PERCENT] = {"%", "%", "%"},
    [L_UNIT_DAYS] = {"päivää", "dagar", "days"},
    [L_UNIT_HOURS_WEEK] = {"tuntia/vko", "timmar/vecka", "hours/week"},
    [L_UNIT_CLIENTS_PER_FTE] = {"asiakasta/htv", "klienter/årsv.", "clients/FTE"},
    [L_UNIT_PER_WEEK] = {"kontaktia/vko/htv", "kontakter/vecka/årsv.", "contacts/week/FTE"},
    [L_UNIT_POINTS] = {"pistettä", "poäng", "points"},
    [L_UNIT_FTE] = {"htv", "årsv.", "FTE"},
    [L_UNIT_PER_MONTH] = {"tapaamista/kk", "möten/månad", "meetings/month"},
    [L_UNIT_SCORE] = {"pisteet 1–5", "poäng 1–5", "score 1–5"},
    [L_UNIT_TEXT] = {"luokka", "klass", "band"},
    [L_UNIT_PP] = {"%-yks.", "%-enh.", "pp"},

    [L_SHEET_INSTRUMENTS] = {"Mittarit", "Mätinstrument", "Instruments"},
    [L_INSTRUMENTS_NOTE] =
        {"Asiakkaat, joilla on kaudella voimassa oleva IPS-asiakkuus ja saman mittarin tulos "
         "vähintään kahtena eri päivänä 30 päivää ennen asiakkuuden alkua – asiakkuuden tai "
         "kauden loppu. Alkumittaus on ensimmäinen, viimeisin mittaus viimeinen tulos; saman "
         "päivän tulosten keskiarvo lasketaan yhdeksi tulokseksi.",
         "Klienter med en aktiv IPS-klientrelation under perioden och resultat i samma "
         "instrument på minst två olika dagar från 30 dagar före klientrelationens start till "
         "dess eller periodens slut. Första mätningen är det tidigaste, senaste mätningen det "
         "senaste resultatet; flera resultat samma dag räknas som deras medelvärde.",
         "Clients with an IPS episode active in the period and scores on the same instrument "
         "on at least two different days, from 30 days before the episode's start to its end "
         "or the period's end. Baseline is the earliest score, latest the last one; several "
         "scores on one day count as their mean."},
    [L_COL_INSTRUMENT] = {"Mittari", "Instrument", "Instrument"},
    [L_COL_PAIRED] = {"Asiakkaita (alku- ja viimeisin mittaus)", "Klienter (första och senaste "
                      "mätning)", "Clients (baseline and latest)"},
    [L_COL_BASELINE_MEAN] = {"Alkumittaus, keskiarvo", "Första mätning, medelvärde",
                             "Baseline, mean"},
    [L_COL_LATEST_MEAN] = {"Viimeisin mittaus, keskiarvo", "Senaste mätning, medelvärde",
                           "Latest, mean"},
    [L_COL_CHANGE_MEAN] = {"Muutos, keskiarvo", "Förändring, medelvärde", "Change, mean"},
    [L_COL_IMPROVED_SHARE] = {"Parantuneita", "Förbättrade", "Improved"},
    [L_FUNDER_SINCE_START] = {"Osallistujat ja tulokset hankkeen alusta",
                              "Deltagare och resultat sedan projektets start",
                              "Participants and results since the project's start"},
    [L_TITLE_FUNDER_PARTICIPANTS] = {"Osallistujat (kukin kerran)",
                                     "Deltagare (var och en en gång)",
                                     "Participants (each counted once)"},
    [L_TITLE_FUNDER_RESULTS] = {"Tulokset hankkeesta poistuneille",
                                "Resultat för deltagare som lämnat",
                                "Results of the participants who have left"},
    [L_TITLE_FUNDER_FEES] = {"Palkkiot kaudella", "Arvoden under perioden", "Fees in the period"},
    [L_COL_PARTICIPANTS] = {"Osallistujia", "Deltagare", "Participants"},
    [L_FUNDER_AGE_AT_ENTRY] = {"Ikä aloittaessa", "Ålder vid inträdet", "Age at entry"},
    [L_FUNDER_STATUS_AT_ENTRY] = {"Työmarkkina-asema aloittaessa (kohderyhmä)",
                                  "Ställning på arbetsmarknaden vid inträdet (målgrupp)",
                                  "Labour-market status at entry (segment)"},
    [L_COL_FEE] = {"Palkkio", "Arvode", "Fee"},
    [L_COL_N] = {"Kpl", "Antal", "Count"},
    [L_COL_EUR] = {"Euroa", "Euro", "Euros"},
    [L_FUNDER_FEES_NOTE] = {"Euromäärä puuttuu, kun hintoja ei annettu (--tariff) tai kun "
                            "palveluntuottajan määrä on piilotettu.",
                            "Eurobeloppet saknas när inga priser gavs (--tariff) eller när en "
                            "tjänsteproducents antal är dolt.",
                            "An amount is blank when no prices were given (--tariff) or when a "
                            "provider's count is hidden."},
    [L_SHEET_PROVIDER] = {"Palveluntuottaja", "Tjänsteproducent", "Provider"},
    [L_SHEET_TEAM] = {"Tiimi", "Team", "Team"},
    [L_PDF_DEFS_TITLE] = {"Määritelmät ja tietojen laadun varaumat",
                          "Definitioner och förbehåll om datakvaliteten",
                          "Definitions and data-quality caveats"},
    [L_PDF_CAVEATS] = {"Varaumat", "Förbehåll", "Caveats"},
    [L_PDF_DEFINITIONS] = {"Määritelmät", "Definitioner", "Definitions"},
    [L_CAVEAT_REJECTED] = {"Tiedostojen hylätyt rivit: {n}. Ne puuttuvat kaikista luvuista "
                           "(syyt: työkirjan Tietojen laatu -välilehti).",
                           "Avvisade rader i filerna: {n}. De saknas i alla tal (orsakerna: "
                           "arbetsbokens flik Datakvalitet).",
                           "Rows of the files rejected: {n}. They are in no figure (the "
                           "reasons: the workbook's Data quality sheet)."},
    [L_CAVEAT_NO_GENDER] = {"Asiakkaita ilman sukupuolta: {n}. Sukupuolierittelyssä he ovat "
                            "ryhmässä (tuntematon).",
                            "Klienter utan kön: {n}. I fördelningen efter kön står de under "
                            "(okänd).",
                            "Clients without gender: {n}. By gender they count as (unknown)."},
    [L_CAVEAT_NO_BIRTH_YEAR] = {"Asiakkaita ilman syntymävuotta: {n}. Ikäryhmissä he ovat "
                                "ryhmässä (tuntematon).",
                                "Klienter utan födelseår: {n}. I åldersgrupperna står de under "
                                "(okänd).",
                                "Clients without a birth year: {n}. In the age groups they count "
                                "as (unknown)."},
    [L_CAVEAT_NO_FTE] = {"Työhönvalmentajia ilman henkilötyövuosia (htv 0): {n}. "
                         "Htv-kohtaiset luvut eivät sisällä heitä.",
                         "Coacher utan årsverken (0): {n}. Talen per årsverke omfattar dem "
                         "inte.",
                         "Coaches without FTE (0): {n}. The per-FTE figures leave them out."},
    [L_CAVEAT_HIDDEN] = {"Pienten lukujen suojaus piilottaa tämän kauden luvuista (koko "
                         "palvelu ja kaikki erittelyt) {n} (<5 tai –), jotta kenenkään "
                         "tietoja ei voi päätellä.",
                         "Skyddet av små tal döljer {n} av periodens tal (hela tjänsten och "
                         "alla fördelningar; <5 eller –) så att ingens uppgifter kan härledas.",
                         "Small-cell suppression hides {n} of this period's figures (whole and "
                         "by every breakdown; <5 or –) so that no one's data can be worked out."},
    [L_PDF_DEFS_MORE] = {"Kaikkien lukujen määritelmät: työkirjan Määritelmät-välilehti.",
                         "Definitionerna av alla tal: arbetsbokens flik Definitioner.",
                         "Every figure's definition: the workbook's Definitions sheet."},
    [L_PDF_FEES_EUR] = {"Palkkiot kaudella (kpl ja euroa)", "Arvoden under perioden (antal och "
                        "euro)", "Fees in the period (count and euros)"},
    [L_TITLE_COMPARISONS] = {"Vertailut ja tavoitteet", "Jämförelser och mål",
                             "Comparisons and targets"},
    [L_CMP_NOW] = {"Tämä kausi", "Denna period", "This period"},
    [L_CMP_YEAR_AGO] = {"Vuotta aiemmin", "Ett år tidigare", "A year earlier"},
    [L_CMP_YTD] = {"Vuoden alusta", "Hittills i år", "Year to date"},
    [L_CMP_LAST4] = {"4 viim. neljännestä", "Senaste 4 kvartal", "Last 4 quarters"},
    [L_CMP_SINCE] = {"Hankkeen alusta", "Sedan projektstart", "Since the start"},
    [L_CMP_SINCE_DATA] = {"Aineiston alusta", "Sedan uppgifternas början", "Since the data began"},
    [L_CMP_TARGET] = {"Tavoite", "Mål", "Target"},
    [L_CMP_DIFF] = {"Ero tavoitteeseen", "Skillnad mot målet", "Difference from target"},
    [L_CMP_SOURCE] = {"Tavoitteen lähde", "Målets källa", "Target from"},
    [L_CMP_SRC_PROJECT] = {"hankkeen tavoite", "projektets mål", "the project's target"},
    [L_CMP_SRC_BENCH] = {"IPS-vertailuarvo (keskitaso)", "IPS-riktvärde (medelnivå)",
                         "IPS benchmark (average)"},
    [L_CMP_NOTE] = {"▲ tavoitteen yläpuolella, ▼ alapuolella, = tavoitteessa. Työllisyysasteen "
                    "tavoite on IPS:n neljännesvuosittainen vertailuarvo 41 % (keskitaso; "
                    "vähimmäistaso 31 %, erinomainen 50 %), ellei hankkeen asetustiedosto "
                    "anna omaa.",
                    "▲ över målet, ▼ under målet, = på målet. Sysselsättningsgradens mål är "
                    "IPS kvartalsriktvärde 41 % (medelnivå; miniminivå 31 %, utmärkt 50 %) om "
                    "inte projektets inställningsfil anger ett eget.",
                    "▲ above the target, ▼ below it, = on target. The employment rate's "
                    "target is the IPS quarterly benchmark of 41 % (average; minimum 31 %, "
                    "excellent 50 %) unless the project settings file gives its own."},
    [L_CMP_SPAN_NOTE] = {"Usean vuoden luvut (4 viim. neljännestä, alusta) näytetään vain, kun "
                         "jokaisen vuoden osa näytetään; muuten –.",
                         "Siffror över flera år (senaste 4 kvartal, sedan start) visas bara när "
                         "varje års del visas; annars –.",
                         "Figures spanning years (last 4 quarters, since the start) show only "
                         "when each year's part is shown; otherwise –."},
    [L_PROJECT_NAME] = {"Hanke", "Projekt", "Project"},
    [L_PROJECT_CODE] = {"Hankekoodi", "Projektkod", "Project code"},
    [L_PROJECT_FUNDER] = {"Rahoittaja", "Finansiär", "Funder"},
    [L_EXAMPLES] = {"esim.", "t.ex.", "e.g."},
};

const char *label(label_id id, report_lang lang)
{
    if ((int)id < 0 || id >= L__COUNT || (int)lang < 0 || lang >= REPORT_LANG__COUNT)
        return "";
    const char *s = labels[id][lang];
    return s ? s : "";
}

const char *label_subst(const char *text, long n, char *buf, size_t size)
{
    size_t o = 0;
    if (size == 0)
        return buf;
    for (const char *p = text; *p && o + 1 < size;) {
        if (strncmp(p, "{n}", 3) == 0) {
            int w = snprintf(buf + o, size - o, "%ld", n);
            o = w < 0 ? o : (o + (size_t)w < size ? o + (size_t)w : size - 1);
            p += 3;
        } else {
            buf[o++] = *p++;
        }
    }
    buf[o] = '\0';
    return buf;
}

void label_date(report_lang lang, ips_day day, char buf[16])
{
    date_format_style(day, date_style_of(report_lang_code(lang)), buf);
}

const char *label_date_format(report_lang lang)
{
    return date_style_excel(date_style_of(report_lang_code(lang)));
}

void label_period(report_lang lang, ips_day start, ips_day end, ips_day as_of, char *buf,
                  size_t size)
{
    char name[48], a[16], b[16];
    metric_period_text(start, end, name, sizeof name);
    if (strchr(name, '-')) { /* a span, not 2024Q3: its days in the language's style */
        label_date(lang, start, a);
        label_date(lang, end, b);
        snprintf(name, sizeof name, "%s\xE2\x80\x93%s", a, b);
    }
    if (metric_period_cut(end, as_of) < end)
        snprintf(buf, size, "%s (%s)", name, label(L_TO_DATE, lang));
    else
        snprintf(buf, size, "%s", name);
}
