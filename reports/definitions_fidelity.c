/* Definitions of the fidelity items computed from data (metrics.md), with
 * THL's score bands, in fi, sv and en. */
#include "reports/definitions_tables.h"

const metric_def definitions_fidelity[] = {
    {"caseload_per_fte", UNIT_CLIENTS_PER_FTE, 1,
     {"Asiakkaita valmentajaa kohden (kohta 1)", "Klienter per handledare (punkt 1)",
      "Caseload per FTE (item 1)"},
     {"Kauden viimeisenä päivänä voimassa olevien IPS-asiakkuuksien asiakkaat jaettuna samana "
      "päivänä IPS-asiakkaita valmentavien työhönvalmentajien henkilötyövuosilla. Pisteet: ≤20 → "
      "5; 21–25 → 4; 26–30 → 3; 31–40 → 2; ≥41 → 1.",
      "Klienter med en aktiv IPS-klientrelation periodens sista dag delat med årsverkena för de "
      "jobbcoacher som samma dag har IPS-klienter. Poäng: ≤20 → 5; 21–25 → 4; 26–30 → 3; 31–40 → "
      "2; ≥41 → 1.",
      "Clients with an IPS episode active on the period's last day divided by the FTE of the "
      "coaches who have IPS clients that day. Score: ≤20 → 5; 21–25 → 4; 26–30 → 3; 31–40 → 2; "
      "≥41 → 1."}},
    {"focus_share", UNIT_PERCENT, 2,
     {"Työaika työhönvalmennukseen (kohta 2)", "Arbetstid för arbetshandledning (punkt 2)",
      "Time spent on employment (item 2)"},
     {"Työhönvalmentajien työajasta työhönvalmennukseen käytetty osuus, henkilötyövuosilla "
      "painotettu keskiarvo kauden viimeisenä päivänä. Pisteet: ≥96 % → 5; 90–95 → 4; 75–89 → 3; "
      "60–74 → 2; <60 → 1.",
      "Andel av jobbcoachernas arbetstid som går till arbetshandledning, medeltal viktat med "
      "årsverken periodens sista dag. Poäng: ≥96 % → 5; 90–95 → 4; 75–89 → 3; 60–74 → 2; <60 → 1.",
      "Share of the coaches' working time spent on employment coaching, FTE-weighted, on the "
      "period's last day. Score: ≥96 % → 5; 90–95 → 4; 75–89 → 3; 60–74 → 2; <60 → 1."}},
    {"first_employer_contact_mean_days", UNIT_DAYS, 15,
     {"Ensimmäinen työnantajakontakti (kohta 15)", "Första arbetsgivarkontakten (punkt 15)",
      "First employer contact (item 15)"},
     {"Arviointijaksolla alkaneet asiakkuudet, joissa on ollut asiakasta koskeva kasvokkainen "
      "työnantajakontakti: päiviä alkamisesta ensimmäiseen kontaktiin, keskiarvo. Asiakkuudet "
      "ilman kontaktia eivät ole keskiarvossa vaan luvussa ”ei vielä työnantajakontaktia”. "
      "Pisteet: ≤30 → 5; 31–60 → 4; 61–150 → 3; 151–270 → 2; ≥271 → 1.",
      "Klientrelationer som började under bedömningsfönstret och har haft en personlig "
      "arbetsgivarkontakt om klienten: dagar från start till den första kontakten, medeltal. "
      "Relationer utan kontakt räknas inte i medeltalet utan i ”ännu ingen arbetsgivarkontakt”. "
      "Poäng: ≤30 → 5; 31–60 → 4; 61–150 → 3; 151–270 → 2; ≥271 → 1.",
      "Episodes started in the review window that have had an in-person employer contact about "
      "the client: mean days from start to the first contact. Episodes with no contact yet are "
      "counted in \"no employer contact yet\" instead. Score: ≤30 → 5; 31–60 → 4; 61–150 → 3; "
      "151–270 → 2; ≥271 → 1."}},
    {"first_employer_contact_days", UNIT_COUNT, 15,
     {"Päiviä ensimmäiseen työnantajakontaktiin (kohta 15)",
      "Dagar till den första arbetsgivarkontakten (punkt 15)",
      "Days to the first employer contact (item 15)"},
     {"Koko palvelun mitatut asiakkuudet 15 päivän luokissa (0–15, 16–30, …, 166–180, yli 180 "
      "päivää). Kaksi ensimmäistä luokkaa yhteensä ovat 30 päivässä saavutetut kontaktit.",
      "Hela tjänstens mätta klientrelationer i klasser om 15 dagar (0–15, 16–30, …, 166–180, "
      "över 180 dagar). De två första klasserna tillsammans är kontakterna inom 30 dagar.",
      "The whole service's measured episodes in classes of 15 days (0–15, 16–30, …, 166–180, "
      "over 180 days). The first two classes together are the contacts within 30 days."}},
    {"first_employer_contact_pending", UNIT_COUNT, 15,
     {"Ei vielä työnantajakontaktia (kohta 15)", "Ännu ingen arbetsgivarkontakt (punkt 15)",
      "No employer contact yet (item 15)"},
     {"Arviointijaksolla alkaneet asiakkuudet, joissa kasvokkaista työnantajakontaktia ei ole "
      "vielä ollut.",
      "Klientrelationer som började under bedömningsfönstret och ännu inte haft någon personlig "
      "arbetsgivarkontakt.",
      "Episodes started in the review window with no in-person employer contact yet."}},
    {"first_employer_contact_within_30", UNIT_PERCENT, 15,
     {"Työnantajakontakti 30 päivässä (kohta 15)", "Arbetsgivarkontakt inom 30 dagar (punkt 15)",
      "Employer contact within 30 days (item 15)"},
     {"Niiden mitattujen asiakkuuksien osuus, joissa ensimmäinen työnantajakontakti oli 30 "
      "päivän kuluessa alkamisesta. Ei pisteitä.",
      "Andel av de mätta klientrelationerna där den första arbetsgivarkontakten skedde inom 30 "
      "dagar från start. Inga poäng.",
      "Share of the measured episodes whose first employer contact came within 30 days of the "
      "start. No score."}},
    {"employer_contacts_per_week", UNIT_PER_WEEK, 17,
     {"Työnantajakontakteja viikossa (kohta 17)", "Arbetsgivarkontakter per vecka (punkt 17)",
      "Employer contacts per week (item 17)"},
     {"IPS-työhönvalmentajien kasvokkaiset työnantajakontaktit kauden viimeisten 13 viikon (91 "
      "päivää) aikana jaettuna 13:lla ja henkilötyövuosien summalla. Osoittaja = kontaktit. "
      "Pisteet: ≥6 → 5; ≥5 → 4; ≥4 → 3; ≥2 → 2; <2 → 1.",
      "IPS-jobbcoachernas personliga arbetsgivarkontakter under periodens sista 13 veckor (91 "
      "dagar) delat med 13 och med summan av årsverken. Täljare = kontakter. Poäng: ≥6 → 5; ≥5 → "
      "4; ≥4 → 3; ≥2 → 2; <2 → 1.",
      "In-person employer contacts by the IPS coaches in the last 13 weeks (91 days) of the "
      "period, divided by 13 and by the sum of FTE. Numerator = contacts. Score: ≥6 → 5; ≥5 → 4; "
      "≥4 → 3; ≥2 → 2; <2 → 1."}},
    {"job_diversity", UNIT_PERCENT, 19,
     {"Työtehtävien monipuolisuus (kohta 19)", "Variation i arbetsuppgifter (punkt 19)",
      "Job diversity (item 19)"},
     {"Arviointijaksolla voimassa olleet avoimet työsuhteet: osuus, jotka ovat eri tyyppiä kuin "
      "asiakkaan aiemmat työsuhteet (tyyppi = ammattiluokitus neljään numeroon tai "
      "tehtävänimike). Osoittaja = erilaiset, nimittäjä = kaikki työsuhteet. Pisteet: ≥85 % → 5; "
      "70–84 → 4; 60–69 → 3; 50–59 → 2; <50 → 1.",
      "Jobb på den öppna arbetsmarknaden under bedömningsfönstret: andel som är av en annan typ "
      "än klientens tidigare jobb (typ = yrkesklassificering med fyra siffror eller "
      "yrkesbenämning). Täljare = olika, nämnare = alla jobb. Poäng: ≥85 % → 5; 70–84 → 4; 60–69 "
      "→ 3; 50–59 → 2; <50 → 1.",
      "Competitive jobs held in the review window: share of a type the client had not held "
      "before (type = occupation code at 4 digits, else the job title). Numerator = different, "
      "denominator = all jobs. Score: ≥85 % → 5; 70–84 → 4; 60–69 → 3; 50–59 → 2; <50 → 1."}},
    {"employer_diversity", UNIT_PERCENT, 20,
     {"Työnantajien monipuolisuus (kohta 20)", "Variation i arbetsgivare (punkt 20)",
      "Employer diversity (item 20)"},
     {"Kuten kohta 19, mutta tyypin sijaan verrataan työnantajaa. Samat pisterajat.",
      "Som punkt 19, men arbetsgivaren jämförs i stället för typen. Samma poänggränser.",
      "As item 19 with the employer in place of the job type. Same score bands."}},
    {"competitive_permanent_share", UNIT_PERCENT, 21,
     {"Vakituiset avoimet työsuhteet (kohta 21)", "Fasta jobb på öppna marknaden (punkt 21)",
      "Permanent competitive jobs (item 21)"},
     {"Arviointijaksolla voimassa olleet avoimet työsuhteet, joiden kesto tiedetään: "
      "vakituisten osuus. Pisteet: ≥95 % → 5; 85–94 → 4; 75–84 → 3; 65–74 → 2; <65 → 1; aina 1, "
      "jos avoimessa työssä oli alle 10 eri asiakasta.",
      "Jobb på den öppna arbetsmarknaden under bedömningsfönstret där anställningsformen är "
      "känd: andel fasta. Poäng: ≥95 % → 5; 85–94 → 4; 75–84 → 3; 65–74 → 2; <65 → 1; alltid 1 om "
      "färre än 10 olika klienter hade sådant jobb.",
      "Competitive jobs held in the review window with permanence known: share permanent. "
      "Score: ≥95 % → 5; 85–94 → 4; 75–84 → 3; 65–74 → 2; <65 → 1; and 1 whenever fewer than 10 "
      "distinct clients held a competitive job."}},
    {"follow_along_before", UNIT_PERCENT, 23,
     {"Tapaaminen ennen työn alkua (kohta 23)", "Möte före arbetsstart (punkt 23)",
      "Contact before job start (item 23)"},
     {"Arviointijaksolla ja vähintään 30 päivää ennen tietojen päivää alkaneet avoimet "
      "työsuhteet: osuus, joissa oli kasvokkainen asiakastapaaminen 7 päivän aikana ennen työn "
      "alkua.",
      "Jobb på den öppna arbetsmarknaden som började under bedömningsfönstret och minst 30 dagar "
      "före uppgiftsdagen: andel med ett personligt klientmöte under de 7 dagarna före start.",
      "Competitive jobs started in the review window and at least 30 days before the as-of "
      "date: share with an in-person client contact in the 7 days before the start."}},
    {"follow_along_first_days", UNIT_PERCENT, 23,
     {"Tapaaminen työn alettua (kohta 23)", "Möte efter arbetsstart (punkt 23)",
      "Contact after job start (item 23)"},
     {"Samat työsuhteet: osuus, joissa oli kasvokkainen asiakastapaaminen 3 päivän kuluessa "
      "työn alkamisesta.",
      "Samma jobb: andel med ett personligt klientmöte inom 3 dagar efter start.",
      "The same jobs: share with an in-person client contact within 3 days after the start."}},
    {"follow_along_weekly", UNIT_PERCENT, 23,
     {"Viikoittainen tuki alussa (kohta 23)", "Stöd varje vecka i början (punkt 23)",
      "Weekly support at first (item 23)"},
     {"Samat työsuhteet: osuus, joissa oli kasvokkainen asiakastapaaminen jokaisella neljällä "
      "ensimmäisellä viikolla.",
      "Samma jobb: andel med ett personligt klientmöte var och en av de fyra första veckorna.",
      "The same jobs: share with an in-person client contact in each of the first 4 weeks."}},
    {"follow_along_4_months", UNIT_PERCENT, 23,
     {"Tuki 4 kuukauden jälkeen (kohta 23)", "Stöd efter 4 månader (punkt 23)",
      "Support after 4 months (item 23)"},
     {"Vähintään 4 kuukautta kestäneet samat työsuhteet: osuus, joissa oli kasvokkainen "
      "asiakastapaaminen 4 kuukauden kohdalla tai myöhemmin. Pisteet (kohta 23): 5 kun kaikki "
      "neljä ≥ 80 %; 4 kun viikoittainen ja kuukausittainen tuki ≥ 80 %; 3 kun tämä ≥ 50 %; 2 kun "
      "tämä on yli 0 ja alle 50 %; muuten 1.",
      "Samma jobb som varat minst 4 månader: andel med ett personligt klientmöte vid 4 månader "
      "eller senare. Poäng (punkt 23): 5 när alla fyra ≥ 80 %; 4 när stöd varje vecka och varje "
      "månad ≥ 80 %; 3 när detta ≥ 50 %; 2 när detta är över 0 och under 50 %; annars 1.",
      "The same jobs held 4 months: share with an in-person client contact at 4 months or "
      "later. Score (item 23): 5 when all four ≥ 80 %; 4 when weekly and monthly support ≥ 80 %; 3 "
      "when this ≥ 50 %; 2 when this is above 0 and below 50 %; else 1."}},
    {"community_share", UNIT_PERCENT, 24,
     {"Työ toimiston ulkopuolella (kohta 24)", "Arbete utanför kontoret (punkt 24)",
      "Work in the community (item 24)"},
     {"Kun kontakteille on kirjattu kesto: yhteisössä, työpaikalla tai kotona käytetyt minuutit "
      "kaikista minuuteista, valmentajittain henkilötyövuosilla painotettuna; muuten "
      "valmentajan ilmoittama osuus. Pisteet: ≥65 % → 5; 50–64 → 4; 40–49 → 3; 30–39 → 2; <30 → 1.",
      "När kontakterna har en längd: minuter i samhället, på arbetsplatsen eller i hemmet av "
      "alla minuter, per jobbcoach viktat med årsverken; annars coachens uppgivna andel. Poäng: "
      "≥65 % → 5; 50–64 → 4; 40–49 → 3; 30–39 → 2; <30 → 1.",
      "When contacts carry minutes: minutes in the community, at workplaces or at home out of "
      "all minutes, per coach, FTE-weighted; else the coach's stated share. Score: ≥65 % → 5; "
      "50–64 → 4; 40–49 → 3; 30–39 → 2; <30 → 1."}},
};

const size_t definitions_fidelity_n = sizeof definitions_fidelity / sizeof definitions_fidelity[0];
