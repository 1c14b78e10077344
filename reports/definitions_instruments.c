/* Definitions of the outcome-instrument rows of metrics.md ("Outcome
 * instruments over time"), in fi, sv and en.  One entry per row kind under
 * the id "<I>_…": every instrument code I of the data shares it
 * (definition_find() matches "work_ability_score_paired" to "<I>_paired"). */
#include <string.h>

#include "reports/definitions_tables.h"

const metric_def definitions_instruments[] = {
    {"<I>_paired", UNIT_COUNT, 0,
     {"Mittari: asiakkaita, joilla alku- ja viimeisin mittaus",
      "Instrument: klienter med första och senaste mätning",
      "Instrument: clients with baseline and latest"},
     {"Kaudella voimassa olleet IPS-asiakkaat, joilla on mittarin I tulos vähintään kahtena "
      "eri päivänä. Mukaan luetaan kauden viimeksi alkaneen asiakkuuden tulokset 30 päivää "
      "ennen sen alkua – asiakkuuden loppu, kauden loppu tai tietojen päivä, kumpi tahansa on "
      "ensin. Saman päivän tulokset lasketaan keskiarvoksi. Asiakas kuuluu tämän asiakkuuden "
      "ryhmään.",
      "IPS-klienter aktiva under perioden med resultat i instrumentet I på minst två olika "
      "dagar. Räknas gör resultaten från 30 dagar före starten av den klientrelation som "
      "började senast till dess slut, periodens slut eller uppgiftsdagen, det som kommer "
      "först. Flera resultat samma dag räknas som medelvärde. Klienten hör till denna "
      "klientrelations grupp.",
      "IPS clients active in the period with scores on instrument I on at least two different "
      "days. The scores that count are those from 30 days before the start of the client's "
      "latest episode active in the period to its end, the period's end or the as-of day, "
      "whichever comes first; several scores on one day count as their mean. The client "
      "belongs to that episode's group."}},
    {"<I>_baseline_mean", UNIT_POINTS, 0,
     {"Mittari: alkumittaus, keskiarvo", "Instrument: första mätning, medelvärde",
      "Instrument: baseline, mean"},
     {"Edellisten asiakkaiden ensimmäisen tuloksen keskiarvo, kaksi desimaalia.",
      "Medelvärdet av de ovan nämnda klienternas första resultat, två decimaler.",
      "Mean of those clients' earliest score, two decimals."}},
    {"<I>_latest_mean", UNIT_POINTS, 0,
     {"Mittari: viimeisin mittaus, keskiarvo", "Instrument: senaste mätning, medelvärde",
      "Instrument: latest, mean"},
     {"Samojen asiakkaiden viimeisimmän tuloksen keskiarvo, kaksi desimaalia.",
      "Medelvärdet av samma klienters senaste resultat, två decimaler.",
      "Mean of the same clients' latest score, two decimals."}},
    {"<I>_change_mean", UNIT_POINTS, 0,
     {"Mittari: muutos, keskiarvo", "Instrument: förändring, medelvärde",
      "Instrument: change, mean"},
     {"Viimeisin miinus alkumittaus samoilla asiakkailla, keskiarvo, kaksi desimaalia.",
      "Senaste minus första mätning för samma klienter, medelvärde, två decimaler.",
      "Latest minus baseline for the same clients, mean, two decimals."}},
    {"<I>_improved_share", UNIT_PERCENT, 0,
     {"Mittari: parantuneita", "Instrument: förbättrade", "Instrument: improved"},
     {"Osuus samoista asiakkaista, joiden viimeisin tulos on suurempi kuin alkumittaus.",
      "Andelen av samma klienter vars senaste resultat är större än det första.",
      "Share of the same clients whose latest score is higher than their baseline."}},
};

const size_t definitions_instruments_n =
    sizeof definitions_instruments / sizeof definitions_instruments[0];

const metric_def *definition_instrument_find(const char *id)
{
    size_t len = strlen(id);
    for (size_t i = 0; i < definitions_instruments_n; i++) {
        const char *suffix = definitions_instruments[i].id + 3; /* after "<I>" */
        size_t sl = strlen(suffix);
        if (len > sl && strcmp(id + len - sl, suffix) == 0)
            return &definitions_instruments[i];
    }
    return NULL;
}
