/* Definitions of the review totals, funding fees, team capacity and other
 * services of metrics.md, in fi, sv and en. */
#include "reports/definitions_tables.h"

const metric_def definitions_other[] = {
    {"fidelity_total_low", UNIT_POINTS, 0,
     {"Laatukriteeripisteet, alaraja", "Kvalitetspoäng, nedre gräns", "Fidelity total, low"},
     {"Arvioitujen kohtien pisteiden summa; kun arvioija antoi vaihteluvälin (esim. 3–5), "
      "mukaan lasketaan alempi pistemäärä. Arvioimatta jätetyt ja soveltumattomat kohdat "
      "lisäävät 0.",
      "Summan av poängen för bedömda punkter; när bedömaren gav ett intervall (t.ex. 3–5) räknas "
      "den lägre poängen. Punkter som inte bedömts eller inte är tillämpliga ger 0.",
      "Sum of the scores of the rated items; where the reviewer gave a range (e.g. 3–5) the "
      "lower score counts. Items not rated or not applicable add 0."}},
    {"fidelity_total_high", UNIT_POINTS, 0,
     {"Laatukriteeripisteet, yläraja", "Kvalitetspoäng, övre gräns", "Fidelity total, high"},
     {"Kuten edellä, mutta vaihteluvälistä lasketaan ylempi pistemäärä.",
      "Som ovan, men av ett intervall räknas den högre poängen.",
      "As above, with the upper end of a range."}},
    {"fidelity_items_rated", UNIT_COUNT, 0,
     {"Arvioituja kohtia", "Bedömda punkter", "Items rated"},
     {"Niiden kohtien määrä (enintään 25), joille arvioija antoi pisteet.",
      "Antalet punkter (högst 25) som bedömaren gav poäng.",
      "Number of items (at most 25) the reviewer scored."}},
    {"fidelity_prorated_low", UNIT_POINTS, 0,
     {"Suhteutetut pisteet, alaraja", "Proportionerade poäng, nedre gräns",
      "Prorated total, low"},
     {"Alarajan pisteet / arvioidut kohdat × 25, yksi desimaali.",
      "Poängen för nedre gränsen / bedömda punkter × 25, en decimal.",
      "Low total / items rated × 25, one decimal."}},
    {"fidelity_prorated_high", UNIT_POINTS, 0,
     {"Suhteutetut pisteet, yläraja", "Proportionerade poäng, övre gräns",
      "Prorated total, high"},
     {"Ylärajan pisteet / arvioidut kohdat × 25, yksi desimaali.",
      "Poängen för övre gränsen / bedömda punkter × 25, en decimal.",
      "High total / items rated × 25, one decimal."}},
    {"fidelity_band", UNIT_TEXT, 0,
     {"Laatuluokka", "Kvalitetsklass", "Fidelity band"},
     {"Kokonaispisteistä: 115–125 esimerkillinen, 100–114 hyvä, 74–99 kohtalainen, enintään 73 "
      "ei tuettua työllistymistä. Jos vaihteluvälin päät osuvat eri luokkiin, näytetään "
      "molemmat.",
      "Ur totalpoängen: 115–125 föredömlig, 100–114 god, 74–99 måttlig, högst 73 inte stöd till "
      "arbete. Om intervallets ändar hamnar i olika klasser visas båda.",
      "From the total: 115–125 exemplary, 100–114 good, 74–99 fair, 73 or less not supported "
      "employment. A range whose ends fall in two bands shows both."}},
    {"fee_start", UNIT_COUNT, 0,
     {"Aloituspalkkiot", "Startarvoden", "Start fees"},
     {"Kaudella alkaneet IPS-asiakkuudet palveluntuottajittain.",
      "IPS-klientrelationer som började under perioden, per tjänsteproducent.",
      "IPS episodes started in the period, per provider."}},
    {"fee_guidance", UNIT_COUNT, 0,
     {"Ohjauspalkkiot", "Vägledningsarvoden", "Guidance fees"},
     {"Kaudella päättyneet IPS-asiakkuudet, joiden syy on työkokeilu, sairausloma, eläke, "
      "kuntoutus, koulutus tai muu palvelu (syyt ovat asetus).",
      "IPS-klientrelationer som avslutades under perioden med orsaken arbetsprövning, "
      "sjukledighet, pension, rehabilitering, utbildning eller annan tjänst (orsakerna är en "
      "inställning).",
      "IPS episodes ended in the period with the reason work trial, sick leave, pension, "
      "rehabilitation, education or other service (the reasons are a setting)."}},
    {"fee_outcome", UNIT_COUNT, 0,
     {"Tulospalkkiot", "Resultatarvoden", "Outcome fees"},
     {"Kaudella päättyneet IPS-asiakkuudet, joiden syy on työllistyminen avoimille "
      "työmarkkinoille.",
      "IPS-klientrelationer som avslutades under perioden med anställning på den öppna "
      "arbetsmarknaden.",
      "IPS episodes ended in the period with employment in the open labour market."}},
    {"clients_per_year", UNIT_COUNT, 0,
     {"Asiakkaita vuodessa", "Klienter per år", "Clients per year"},
     {"Eri asiakkaat, joiden asiakkuus oli voimassa vuoden aikana, alueittain.",
      "Olika klienter med en aktiv klientrelation under året, per område.",
      "Distinct clients active in the year, per region."}},
    {"fte_current", UNIT_FTE, 0,
     {"Henkilötyövuodet nyt", "Årsverken nu", "FTE now"},
     {"Vuoden viimeisenä päivänä työssä olevien työhönvalmentajien henkilötyövuodet yhteensä.",
      "Summan av årsverken för de jobbcoacher som arbetar årets sista dag.",
      "Sum of the FTE of the coaches employed on the year's last day."}},
    {"fte_needed_throughput", UNIT_FTE, 0,
     {"Tarve asiakasmäärästä (htv)", "Behov enligt antal klienter (årsv.)",
      "FTE needed for throughput"},
     {"Asiakkaita vuodessa jaettuna sillä asiakasmäärällä, jonka kokoaikainen työhönvalmentaja "
      "palvelee vuodessa (asetus, oletus 45; lähteen mukaan 40–50).",
      "Klienter per år delat med antalet klienter en heltidsanställd jobbcoach betjänar per år "
      "(inställning, standard 45; källan anger 40–50).",
      "Clients per year divided by the clients a full-time coach serves in a year (setting, "
      "default 45; the source says 40–50)."}},
    {"fte_needed_caseload", UNIT_FTE, 0,
     {"Tarve asiakasmitoituksesta (htv)", "Behov enligt klientantal per coach (årsv.)",
      "FTE needed for caseload"},
     {"Suurin samana päivänä voimassa olleiden asiakkuuksien määrä vuoden aikana jaettuna "
      "20:llä (kohdan 1 raja).",
      "Största antalet samtidigt aktiva klienter under året delat med 20 (gränsen i punkt 1).",
      "The largest number of clients active on any day of the year divided by 20 (item 1's "
      "limit)."}},
    {"fte_gap", UNIT_FTE, 0,
     {"Henkilöstövaje (htv)", "Underskott (årsv.)", "FTE gap"},
     {"Suurempi kahdesta tarpeesta miinus nykyiset henkilötyövuodet. Positiivinen luku: "
      "valmentajia puuttuu.",
      "Det större av de två behoven minus nuvarande årsverken. Positivt tal: det saknas "
      "jobbcoacher.",
      "The larger of the two needs minus the FTE now. A positive number means coaches are "
      "missing."}},
    {"trainees_per_coach", UNIT_CLIENTS_PER_FTE, 0,
     {"Valmentautujia valmentajaa kohden", "Deltagare per handledare", "Trainees per coach"},
     {"Valmennusympäristö-palvelun voimassa olevat asiakkuudet henkilötyövuotta kohden, kauden "
      "päivien keskiarvo. Tavoite 8–12.",
      "Aktiva klientrelationer i tjänsten träningsmiljö per årsverke, medeltal över periodens "
      "dagar. Mål 8–12.",
      "Active coaching-environment episodes per coach FTE, averaged over the days of the "
      "period. The target is 8–12."}},
    {"support_level_mix", UNIT_COUNT, 0,
     {"Tuen tasot", "Stödnivåer", "Support levels"},
     {"Kaudella voimassa olleet asiakkuudet tuen tason mukaan (tiivis, perus, kevyt).",
      "Aktiva klientrelationer under perioden enligt stödnivå (intensivt, grund, lätt).",
      "Episodes active in the period by support level (intensive, basic, light)."}},
    {"service_path", UNIT_COUNT, 0,
     {"Palvelupolku", "Tjänstevägen", "Service path"},
     {"Koko palvelun kaudella alkaneet IPS-asiakkuudet ja kuinka moni niistä on edennyt "
      "kuhunkin vaiheeseen tiedon päivään mennessä: kasvokkainen työnantajakontakti, "
      "ensimmäinen työ ja 90 päivää kestänyt ensimmäinen työ; lisäksi ensimmäiset työt, jotka "
      "ovat alkaneet alle 90 päivää sitten (ei vielä tiedossa).",
      "Hela tjänstens IPS-klientrelationer som började under perioden och hur många av dem som "
      "nått varje steg fram till datadagen: personlig arbetsgivarkontakt, första arbete och "
      "första arbete som varat 90 dagar; dessutom första arbeten som började för mindre än 90 "
      "dagar sedan (ännu inte kända).",
      "The whole service's IPS episodes started in the period and how many of them have reached "
      "each step by the data's day: an in-person employer contact, a first job, a first job "
      "held 90 days; and the first jobs begun less than 90 days before (not yet known)."}},
    {"meetings_per_month_basic", UNIT_PER_MONTH, 0,
     {"Tapaamisia kuukaudessa (perustuki)", "Möten per månad (grundstöd)",
      "Meetings per month (basic support)"},
     {"Perustuen asiakkuuksissa kasvokkaiset asiakastapaamiset voimassaolokuukautta kohden. "
      "Tavoite 1–4.",
      "Personliga klientmöten per aktiv månad i klientrelationer med grundstöd. Mål 1–4.",
      "In-person client contacts per active month in basic-support episodes. The target is "
      "1–4."}},
};

const size_t definitions_other_n = sizeof definitions_other / sizeof definitions_other[0];
