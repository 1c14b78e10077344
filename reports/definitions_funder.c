/* Definitions of the funder's (ESF+) indicators of metrics.md "Funder
 * (ESF+)" (model/funder.h), in fi, sv and en. */
#include "reports/definitions_tables.h"

const metric_def definitions_funder[] = {
    {"esf_participants", UNIT_COUNT, 0,
     {"Osallistujat hankkeen alusta", "Deltagare sedan projektets start",
      "Participants since the start"},
     {"Asiakkaat, joiden IPS-asiakkuus on alkanut hankkeen alun ja kauden lopun välillä; "
      "kukin lasketaan kerran (ESF+-asetus (EU) 2021/1057, liite I). Ensimmäinen tällainen "
      "alku on osallistujan aloituspäivä, ja sen asiakkuus ratkaisee ryhmän. Ikäryhmä on ikä "
      "aloittaessa (aloitusvuosi − syntymävuosi): alle 18, 18–29, 30–54 (ESR+ ei erittele "
      "tätä), 55 ja yli. Hankkeen alku on tietojen ensimmäinen päivä, ellei projektitiedosto "
      "anna toista.",
      "Klienter vars IPS-klientrelation började mellan projektets start och periodens slut; var "
      "och en räknas en gång (ESF+-förordningen (EU) 2021/1057, bilaga I). Den första sådana "
      "starten är deltagarens inträdesdag, och dess klientrelation avgör gruppen. "
      "Åldersgruppen är åldern vid inträdet (inträdesår − födelseår): under 18, 18–29, 30–54 "
      "(redovisas inte av ESF+), 55 och äldre. Projektets start är uppgifternas första dag om "
      "inte projektfilen anger en annan.",
      "Clients whose IPS episode started between the project's start and the period's end; "
      "each counts once (ESF+ Regulation (EU) 2021/1057, Annex I). The first such start is "
      "the participant's entry, and its episode decides the group. The age group is the age at "
      "entry (year of entry − birth year): under 18, 18–29, 30–54 (not listed by ESF+), 55 and "
      "over. The project starts on the data's first day unless a project file says "
      "otherwise."}},
    {"esf_employed_on_leaving", UNIT_PERCENT, 0,
     {"Työssä poistuessa", "I arbete vid utträdet", "In employment on leaving"},
     {"Osuus poistuneista osallistujista, joilla oli avoimilla työmarkkinoilla työsuhde "
      "jonakin päivänä poistumispäivän ja neljän viikon (28 päivän) sen jälkeen välillä. "
      "Osallistuja on poistunut, kun mikään kauden loppuun mennessä alkanut IPS-asiakkuus ei "
      "ole voimassa kauden lopussa; poistumispäivä on viimeinen päättymispäivä.",
      "Andelen av deltagarna som lämnat som hade ett jobb på den öppna arbetsmarknaden någon "
      "dag mellan utträdesdagen och fyra veckor (28 dagar) därefter. En deltagare har lämnat "
      "när ingen IPS-klientrelation som börjat före periodens slut är aktivt vid periodens slut; "
      "utträdesdagen är det sista slutdatumet.",
      "Share of the participants who have left who held a competitive job on some day from "
      "the exit day to four weeks (28 days) after it. A participant has left when no IPS "
      "episode started by the period's end is open at it; the exit day is the last end."}},
    {"esf_employed_six_months", UNIT_PERCENT, 0,
     {"Työssä kuusi kuukautta poistumisen jälkeen", "I arbete sex månader efter utträdet",
      "In employment six months after leaving"},
     {"Osuus niistä poistuneista, joiden poistumisesta on tietojen päivään mennessä kulunut "
      "183 päivää, joilla oli avoimilla työmarkkinoilla työsuhde 183. päivänä.",
      "Andelen av dem som lämnat för minst 183 dagar sedan (per uppgiftsdagen) som hade ett "
      "jobb på den öppna arbetsmarknaden dag 183.",
      "Share of the leavers whose exit was at least 183 days before the as-of date who held a "
      "competitive job on the 183rd day after the exit."}},
    {"esf_six_months_not_yet_known", UNIT_COUNT, 0,
     {"Kuuden kuukauden tulos ei vielä tiedossa", "Sexmånadersresultatet ännu inte känt",
      "Six months after: not yet known"},
     {"Poistuneet, joiden 183. päivä poistumisen jälkeen on tietojen päivää myöhemmin.",
      "Deltagare som lämnat och vars dag 183 efter utträdet infaller efter uppgiftsdagen.",
      "Leavers whose 183rd day after the exit falls after the as-of date."}},
};
const size_t definitions_funder_n = sizeof definitions_funder / sizeof definitions_funder[0];
