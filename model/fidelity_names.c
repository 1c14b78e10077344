/* Names, sections and score bands of the 25 fidelity items.
 *
 * Finnish names are the seed's score sheet ("Tuetun työhönvalmennuksen
 * laatukriteerien pistemäärät", seed 002) with the long parenthesis of items
 * 17 and 18 left out; English names are those of the IPS Supported Employment
 * Fidelity Scale; Swedish names are our own short translations, using the
 * Finland-Swedish "arbetscoachning" for työhönvalmennus. */
#include "model/metrics.h"
#include "model/fidelity.h"

#include <string.h>


static const char *const names_fi[FIDELITY_ITEMS] = {
    "Asiakasmäärä",
    "Fokus työhönvalmennuksessa",
    "Kokonaisvaltainen palvelu",
    "Työhönvalmennuksen ja muun työllistymistä tukevan toiminnan yhteensovittaminen toteutuu tiimityöskentelyn kautta",
    "Työhönvalmennuksen ja muun työllistymistä tukevan toiminnan yhteensovittaminen toteutuu tiiviin tiimityöskentelyn kautta",
    "Yhteisasiakkaat ja työskentely asiakkaan työllistymistä tukevien keskeisten yhteistyötahojen kanssa",
    "Työhönvalmennuksen tiimi",
    "Työhönvalmennuksen tiiminvetäjän rooli",
    "Palvelun avoimuus",
    "Pyrkimys työllistyä avoimille työmarkkinoille",
    "Johdon tuki tuetun työllistymisen työhönvalmennukselle",
    "Taloudellisia etuuksia koskeva neuvonta",
    "Työkyvyn rajoitteista kertominen työpaikalla",
    "Jatkuva työhön perustuva ammatillinen arviointi",
    "Nopea työnhaku avoimilla työmarkkinoilla",
    "Henkilökohtaisesti räätälöity työnhaku",
    "Suhteen luominen työnantajiin – Tiivis yhteys työnantajiin",
    "Suhteen luominen työnantajiin – Työnantajayhteyksien laatu",
    "Töiden monimuotoisuus",
    "Työnantajien monimuotoisuus",
    "Avoimille työmarkkinoille sijoittuva työ",
    "Yksilöllinen rinnalla kulkeva tuki",
    "Kestoltaan rajaamaton palvelu",
    "Lähiyhteisössä tapahtuvat palvelut",
    "Aloitteellinen ja aktiivinen sitouttaminen toimintaan",
};

static const char *const names_sv[FIDELITY_ITEMS] = {
    "Antal klienter",
    "Fokus på arbetscoachning",
    "Heltäckande service",
    "Samordning genom teamarbete",
    "Samordning genom nära teamarbete",
    "Gemensamma klienter och samarbetspartner",
    "Arbetscoachningsteamet",
    "Teamledarens roll",
    "Tjänstens öppenhet",
    "Inriktning på den öppna arbetsmarknaden",
    "Ledningens stöd för arbetscoachning",
    "Rådgivning om förmåner",
    "Att berätta om nedsatt arbetsförmåga på arbetsplatsen",
    "Fortlöpande arbetsbaserad yrkesbedömning",
    "Snabb jobbsökning på den öppna arbetsmarknaden",
    "Individuellt anpassad jobbsökning",
    "Arbetsgivarkontakter – täta kontakter",
    "Arbetsgivarkontakter – kontakternas kvalitet",
    "Olika slags arbeten",
    "Olika arbetsgivare",
    "Arbete på den öppna arbetsmarknaden",
    "Individuellt stöd i arbetet",
    "Tidsobegränsat stöd",
    "Tjänster i närmiljön",
    "Uppsökande och aktivt engagemang",
};

static const char *const names_en[FIDELITY_ITEMS] = {
    "Caseload size",
    "Employment services staff",
    "Vocational generalists",
    "Integration of rehabilitation with mental health treatment through team assignment",
    "Integration of rehabilitation with mental health treatment through frequent team member contact",
    "Collaboration between employment specialists and vocational rehabilitation counselors",
    "Vocational unit",
    "Role of employment supervisor",
    "Zero exclusion criteria",
    "Agency focus on competitive employment",
    "Executive team support for supported employment",
    "Work incentives planning",
    "Disclosure",
    "Ongoing, work-based vocational assessment",
    "Rapid search for competitive job",
    "Individualized job search",
    "Job development – frequent employer contact",
    "Job development – quality of employer contact",
    "Diversity of job types",
    "Diversity of employers",
    "Competitive jobs",
    "Individualized follow-along supports",
    "Time-unlimited follow-along supports",
    "Community-based services",
    "Assertive engagement and outreach by integrated treatment team",
};

enum { LANG_FI, LANG_SV, LANG_EN };

static int lang_index(const char *lang)
{
    if (lang && strncmp(lang, "sv", 2) == 0)
        return LANG_SV;
    if (lang && strncmp(lang, "en", 2) == 0)
        return LANG_EN;
    return LANG_FI;
}

fidelity_section fidelity_item_section(int item)
{
    if (item >= 1 && item <= 3)
        return FID_SECTION_STAFFING;
    if (item >= 4 && item <= 11)
        return FID_SECTION_ORGANISATION;
    if (item >= 12 && item <= FIDELITY_ITEMS)
        return FID_SECTION_SERVICES;
    return 0;
}

const char *fidelity_item_name(int item, const char *lang)
{
    if (item < 1 || item > FIDELITY_ITEMS)
        return "";
    const char *const *table[] = {names_fi, names_sv, names_en};
    return table[lang_index(lang)][item - 1];
}

const char *fidelity_section_name(fidelity_section s, const char *lang)
{
    static const char *const names[3][3] = {
        {"Palvelun henkilöstö", "Palvelun järjestäminen", "Palvelun sisältö"},
        {"Personal", "Tjänstens organisering", "Tjänstens innehåll"},
        {"Staffing", "Organization", "Services"},
    };
    if (s < FID_SECTION_STAFFING || s > FID_SECTION_SERVICES)
        return "";
    return names[lang_index(lang)][s - 1];
}

/* Each band list reads "score 5 when v meets the first limit, 4 the second…";
 * the limits are the seed's whole-number ranges (LIITE 1). */
static int band_at_least(double v, double l5, double l4, double l3, double l2)
{
    return v >= l5 ? 5 : v >= l4 ? 4 : v >= l3 ? 3 : v >= l2 ? 2 : 1;
}

static int band_at_most(double v, double l5, double l4, double l3, double l2)
{
    return v <= l5 ? 5 : v <= l4 ? 4 : v <= l3 ? 3 : v <= l2 ? 2 : 1;
}

int fidelity_band_score(int item, double value)
{
    double v = item == 17 ? value : metric_round(value, 0);
    switch (item) {
    case 1: return band_at_most(v, 20, 25, 30, 40);
    case 2: return band_at_least(v, 96, 90, 75, 60);
    case 15: return band_at_most(v, 30, 60, 150, 270);
    case 17: return band_at_least(v, 6, 5, 4, 2);
    case 19:
    case 20: return band_at_least(v, 85, 70, 60, 50);
    case 21: return band_at_least(v, 95, 85, 75, 65);
    case 24: return band_at_least(v, 65, 50, 40, 30);
    default: return 0;
    }
}

const char *fidelity_score_metric(int item)
{
    switch (item) {
    case 1: return "caseload_per_fte";
    case 2: return "focus_share";
    case 15: return "first_employer_contact_mean_days";
    case 17: return "employer_contacts_per_week";
    case 19: return "job_diversity";
    case 20: return "employer_diversity";
    case 21: return "competitive_permanent_share";
    case 23: return "follow_along_score";
    case 24: return "community_share";
    default: return NULL;
    }
}

const char *fidelity_total_band(int total)
{
    if (total >= 115)
        return "exemplary";
    if (total >= 100)
        return "good";
    if (total >= 74)
        return "fair";
    return "not_supported";
}

const char *fidelity_band_label(const char *band, const char *lang)
{
    static const struct {
        const char *id;
        const char *label[3];
    } labels[] = {
        {"exemplary", {"esimerkillinen", "exemplarisk", "exemplary"}},
        {"good", {"hyvä", "god", "good"}},
        {"fair", {"kohtalainen", "måttlig", "fair"}},
        {"not_supported",
         {"ei tuettua työllistymistä", "inte stödd sysselsättning", "not supported employment"}},
    };
    for (size_t i = 0; band && i < sizeof labels / sizeof labels[0]; i++)
        if (strcmp(labels[i].id, band) == 0)
            return labels[i].label[lang_index(lang)];
    return "";
}

const char *fidelity_status_name(fidelity_status s)
{
    switch (s) {
    case FID_STATUS_RATED: return "rated";
    case FID_STATUS_NOT_APPLICABLE: return "not_applicable";
    case FID_STATUS_NOT_RATED: return "not_rated";
    case FID_STATUS_MISSING: break;
    }
    return "missing";
}
