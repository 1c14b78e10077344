/* Definitions of the employment outcomes of metrics.md, in fi, sv and en. */
#include "reports/definitions_tables.h"

const metric_def definitions_outcomes[] = {
    {"caseload_active", UNIT_COUNT, 0,
     {"Asiakkaita kaudella", "Klienter under perioden", "Active clients"},
     {"Eri asiakkaat, joilla oli IPS-asiakkuus voimassa ainakin yhtenä kauden päivänä.",
      "Olika klienter som hade en aktiv IPS-klientrelation minst en dag under perioden.",
      "Distinct clients with an IPS episode active on at least one day of the period."}},
    {"enrollments_started", UNIT_COUNT, 0,
     {"Alkaneet asiakkuudet", "Påbörjade klientrelationer", "Episodes started"},
     {"IPS-asiakkuudet, joiden alkamispäivä on kaudella.",
      "IPS-klientrelationer vars startdag ligger inom perioden.",
      "IPS episodes whose start date is in the period."}},
    {"exits", UNIT_COUNT, 0,
     {"Päättyneet asiakkuudet", "Avslutade klientrelationer", "Exits"},
     {"IPS-asiakkuudet, joiden päättymispäivä on kaudella. Tulokset-välilehti erittelee ne "
      "päättymisen syyn mukaan.",
      "IPS-klientrelationer vars slutdag ligger inom perioden. Fliken Resultat fördelar dem "
      "enligt avslutsorsak.",
      "IPS episodes whose end date is in the period. The Outcomes sheet splits them by exit "
      "reason."}},
    {"employment_rate", UNIT_PERCENT, 0,
     {"Työllisyysaste", "Sysselsättningsgrad", "Employment rate"},
     {"Osoittaja: kauden asiakkaat, jotka olivat avoimessa työssä vähintään yhtenä kauden "
      "päivänä, jona heidän IPS-asiakkuutensa oli voimassa. Nimittäjä: kauden asiakkaat. Avoin "
      "työ = vähintään työehtosopimuksen mukainen palkka, kenen tahansa haettavissa, ei varattu "
      "osatyökykyisille. IPS:n vertailuarvot ovat neljännesvuosittaisia.",
      "Täljare: periodens klienter som hade ett jobb på den öppna arbetsmarknaden minst en dag "
      "under perioden då deras IPS-klientrelation var aktiv. Nämnare: periodens klienter. Jobb på "
      "den öppna arbetsmarknaden = minst kollektivavtalsenlig lön, öppet för alla, inte reserverat "
      "för personer med partiell arbetsförmåga. IPS jämförelsevärden gäller kvartal.",
      "Numerator: clients of the period who held a competitive job on at least one day of the "
      "period on which their IPS episode was active. Denominator: clients of the period. "
      "Competitive = paid at least the collective-agreement wage, open to anyone, not reserved "
      "for people with reduced work ability. The IPS benchmark is quarterly."}},
    {"employment_at_exit", UNIT_PERCENT, 0,
     {"Päättyneistä työllistyi", "Avslutade som fick arbete", "Employed at exit"},
     {"Kaudella päättyneet asiakkuudet, joiden syy on työllistyminen avoimille työmarkkinoille, "
      "osuutena kaikista kaudella päättyneistä.",
      "Klientrelationer som avslutades under perioden med orsaken anställning på den öppna "
      "arbetsmarknaden, som andel av alla som avslutades.",
      "Exits in the period with the reason employed in the open labour market, as a share of "
      "all exits in the period."}},
    {"employed_at_exit_any", UNIT_PERCENT, 0,
     {"Päättyneistä työllistyi, myös palkkatuella", "Avslutade som fick arbete, även med "
      "lönesubvention", "Employed at exit, also subsidised"},
     {"Kuten edellä, mutta myös palkkatuella työllistyneet lasketaan.",
      "Som ovan, men även anställning med lönesubvention räknas.",
      "As above, but employment with pay subsidy also counts."}},
    {"time_to_first_job_median_days", UNIT_DAYS, 0,
     {"Aika ensimmäiseen työhön (mediaani)", "Tid till första jobbet (median)",
      "Time to first job (median)"},
     {"Arviointijaksolla (12 kk kauden loppuun) alkaneet IPS-asiakkuudet: päiviä alkamisesta "
      "ensimmäisen avoimen työn alkuun. Kun työtä ei ole, asiakkuus lasketaan mukaan "
      "päättymiseen tai tietojen päivään asti (sensurointi). Kaplan–Meier-mediaani; tyhjä, jos "
      "puolet ei ole vielä työllistynyt.",
      "IPS-klientrelationer som började under bedömningsfönstret (12 månader till periodens "
      "slut): dagar från start till början av det första jobbet på den öppna arbetsmarknaden. "
      "Utan jobb räknas relationen till sitt slut eller till uppgiftsdagen (censurering). "
      "Kaplan–Meier-median; tom om hälften ännu inte fått arbete.",
      "IPS episodes started in the review window (12 months to the period's end): days from "
      "start to the start of the first competitive job. Episodes without a job are censored at "
      "their end or the as-of date. Kaplan–Meier median; blank while fewer than half have "
      "found work."}},
    {"employed_within_180_days", UNIT_PERCENT, 0,
     {"Työllistyneet 180 päivässä", "Fått arbete inom 180 dagar", "Employed within 180 days"},
     {"Samat asiakkuudet kuin edellä: Kaplan–Meier-arvio niiden osuudesta, jotka aloittivat "
      "avoimen työn 180 päivän kuluessa.",
      "Samma klientrelationer som ovan: Kaplan–Meier-skattning av andelen som började ett jobb "
      "på den öppna arbetsmarknaden inom 180 dagar.",
      "The same episodes: Kaplan–Meier estimate of the share who started a competitive job "
      "within 180 days."}},
    {"employed_within_365_days", UNIT_PERCENT, 0,
     {"Työllistyneet 365 päivässä", "Fått arbete inom 365 dagar", "Employed within 365 days"},
     {"Kuten edellä, 365 päivän kuluessa.", "Som ovan, inom 365 dagar.",
      "As above, within 365 days."}},
    {"job_tenure_median_days", UNIT_DAYS, 0,
     {"Työsuhteen kesto (mediaani)", "Anställningens längd (median)", "Job tenure (median)"},
     {"Arviointijaksolla alkaneet avoimet työsuhteet: päiviä alusta loppuun; jatkuvat "
      "työsuhteet lasketaan tietojen päivään asti. Kaplan–Meier-mediaani.",
      "Jobb på den öppna arbetsmarknaden som började under bedömningsfönstret: dagar från början "
      "till slut; pågående jobb räknas till uppgiftsdagen. Kaplan–Meier-median.",
      "Competitive jobs started in the review window: days from start to end; open jobs are "
      "censored at the as-of date. Kaplan–Meier median."}},
    {"hours_per_week_mean", UNIT_HOURS_WEEK, 0,
     {"Viikkotyöaika (keskiarvo)", "Arbetstid per vecka (medel)", "Hours per week (mean)"},
     {"Kaudella voimassa olleiden avoimien työsuhteiden viikkotuntien keskiarvo; mukana "
      "työsuhteet, joille tunnit on kirjattu.",
      "Medeltal av veckotimmarna i jobb på den öppna arbetsmarknaden under perioden; jobb med "
      "angivna timmar.",
      "Mean hours per week of competitive jobs held in the period, over the jobs with hours "
      "given."}},
    {"referral_wait_median_days", UNIT_DAYS, 0,
     {"Odotusaika lähetteestä (mediaani)", "Väntetid från remiss (median)",
      "Wait from referral (median)"},
     {"Kaudella alkaneet asiakkuudet, joilla on lähetepäivä: alkamispäivä miinus lähetepäivä, "
      "mediaani.",
      "Klientrelationer som började under perioden och har ett remissdatum: startdag minus "
      "remissdag, median.",
      "Episodes started in the period with a referral date: start date minus referral date, "
      "median."}},
};

const size_t definitions_outcomes_n = sizeof definitions_outcomes / sizeof definitions_outcomes[0];
