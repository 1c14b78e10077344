/* Look-ups over the definition tables, and the general terms of metrics.md
 * ("Time", "Privacy") that every reader needs before the metrics. */
#include "reports/definitions.h"

#include <string.h>

#include "reports/definitions_tables.h"

static const metric_def terms[] = {
    {"period", UNIT_TEXT, 0,
     {"Kausi", "Period", "Period"},
     {"Raportin aikaväli, molemmat päivät mukaan lukien: neljännes (2024Q3), puolivuotis "
      "(2024H2) tai vuosi (2024).",
      "Rapportens tidsperiod, båda dagarna medräknade: ett kvartal (2024Q3), ett halvår (2024H2) "
      "eller ett år (2024).",
      "The span the report covers, both days included: a quarter (2024Q3), a half-year (2024H2) "
      "or a year (2024)."}},
    {"as_of", UNIT_TEXT, 0,
     {"Tiedot päivältä", "Uppgifter per", "As-of date"},
     {"Päivä, jota tiedot kuvaavat (oletus: tietovaraston viimeisin päivämäärä). Sen jälkeen "
      "alkaneita asiakkuuksia, työsuhteita ja tapaamisia ei lasketa; myöhempi päättymispäivä "
      "luetaan tyhjäksi.",
      "Dagen som uppgifterna beskriver (standard: det senaste datumet i datalagret). Det som "
      "börjar senare räknas inte; ett senare slutdatum läses som tomt.",
      "The day the data describe (default: the latest date in the warehouse). Nothing that "
      "starts later counts; a later end date reads as blank (still open)."}},
    {"review_window", UNIT_TEXT, 0,
     {"Arviointijakso", "Bedömningsfönster", "Review window"},
     {"Kauden loppuun päättyvät 12 kuukautta (365 päivää). Laatukriteerit arvioidaan "
      "edellisen vuoden perusteella.",
      "De 12 månader (365 dagar) som slutar med periodens sista dag. Kvalitetskriterierna "
      "bedöms över det senaste året.",
      "The 12 months (365 days) ending on the period's last day. The fidelity items are judged "
      "over the past year."}},
    {"active", UNIT_TEXT, 0,
     {"Voimassa", "Aktiv", "Active"},
     {"Asiakkuus on voimassa päivänä, joka on sen alkamispäivänä tai sen jälkeen eikä "
      "päättymispäivän jälkeen. Ellei toisin sanota, luvut koskevat IPS-asiakkuuksia.",
      "En klientrelation är aktiv en dag som infaller på eller efter startdagen och inte efter "
      "slutdagen. Om inget annat sägs gäller talen IPS-klientrelationer.",
      "An episode is active on a day on or after its start date and not after its end date. "
      "Unless said otherwise, figures cover IPS episodes."}},
    {"suppression", UNIT_TEXT, 0,
     {"Pienten lukujen suojaus", "Skydd av små tal", "Small-cell suppression"},
     {"Julkaistavissa raporteissa luvut 1–4 näkyvät muodossa <5 ja niihin perustuvat osuudet, "
      "keskiarvot ja mediaanit viivana (–). Lisäksi piilotetaan (–) niin monta muuta lukua, "
      "ettei yhtäkään piilotettua voi laskea julkaistuista: ei summista eikä erotuksista, ei "
      "ryhmittelystä toiseen (valmentaja, tiimi, palveluntuottaja, alue ja muut), ei "
      "vuosineljänneksistä puolivuotisiin ja vuoteen eikä saman luvun toisesta nimestä. Samat "
      "luvut piilotetaan kaikissa tuotoksissa (CSV, työkirja, kaaviot, PDF); koko palvelun "
      "lukuja vain, kun mikään muu ei riitä. Sisäinen raportti (--internal) näyttää kaikki "
      "luvut ja on merkitty.",
      "I rapporter som publiceras visas talen 1–4 som <5 och andelar, medelvärden och medianer "
      "som bygger på dem som ett streck (–). Dessutom döljs (–) så många andra tal att inget "
      "dolt tal kan räknas fram ur de publicerade: varken ur summor eller skillnader, mellan "
      "indelningar (coach, team, serviceproducent, region och andra), mellan kvartal, halvår och "
      "år eller ur samma tal under ett annat namn. Samma tal döljs i alla utdata (CSV, "
      "arbetsbok, diagram, PDF); tal för hela tjänsten bara när inget annat räcker. En intern "
      "rapport (--internal) visar alla tal och är märkt.",
      "In published reports the numbers 1–4 show as <5, and shares, means and medians built on "
      "them as a dash (–). Further numbers are hidden (–) until no hidden one can be worked "
      "out from the published ones: not from sums or differences, across breakdowns (coach, "
      "team, provider, region and the others), across quarters, halves and the year, or from "
      "the same number under another name. The same cells are hidden in every output (CSV, "
      "workbook, charts, PDF); whole-service figures only when nothing else will do. An "
      "internal report (--internal) shows every number and is marked so."}},
};

size_t definition_count(void)
{
    return definitions_outcomes_n + definitions_fidelity_n + definitions_other_n +
           definitions_instruments_n;
}

const metric_def *definition_at(size_t i)
{
    if (i < definitions_outcomes_n)
        return &definitions_outcomes[i];
    i -= definitions_outcomes_n;
    if (i < definitions_fidelity_n)
        return &definitions_fidelity[i];
    i -= definitions_fidelity_n;
    if (i < definitions_other_n)
        return &definitions_other[i];
    i -= definitions_other_n;
    if (i < definitions_instruments_n)
        return &definitions_instruments[i];
    return NULL;
}

size_t definition_term_count(void)
{
    return sizeof terms / sizeof terms[0];
}

const metric_def *definition_term_at(size_t i)
{
    return i < definition_term_count() ? &terms[i] : NULL;
}

const metric_def *definition_find(const char *id)
{
    for (size_t i = 0, n = definition_count(); id && i < n; i++) {
        const metric_def *d = definition_at(i);
        if (strcmp(d->id, id) == 0)
            return d;
    }
    /* An instrument row's id holds the data's code: "work_ability_score_paired". */
    return id ? definition_instrument_find(id) : NULL;
}

const char *definition_name(const char *id, report_lang lang)
{
    const metric_def *d = definition_find(id);
    return d && (int)lang >= 0 && lang < REPORT_LANG__COUNT ? d->name[lang] : id;
}

label_id definition_unit_label(metric_unit unit)
{
    static const label_id units[UNIT__COUNT] = {
        [UNIT_COUNT] = L_UNIT_COUNT,
        [UNIT_PERCENT] = L_UNIT_PERCENT,
        [UNIT_DAYS] = L_UNIT_DAYS,
        [UNIT_HOURS_WEEK] = L_UNIT_HOURS_WEEK,
        [UNIT_CLIENTS_PER_FTE] = L_UNIT_CLIENTS_PER_FTE,
        [UNIT_PER_WEEK] = L_UNIT_PER_WEEK,
        [UNIT_POINTS] = L_UNIT_POINTS,
        [UNIT_FTE] = L_UNIT_FTE,
        [UNIT_PER_MONTH] = L_UNIT_PER_MONTH,
        [UNIT_TEXT] = L_UNIT_TEXT,
    };
    return (int)unit >= 0 && unit < UNIT__COUNT ? units[unit] : L_UNIT_COUNT;
}

bool definition_row_is_percent(const metric_row *row)
{
    const metric_def *d = definition_find(row->metric);
    if (d)
        return d->unit == UNIT_PERCENT;
    return row->kind == MK_SHARE;
}
