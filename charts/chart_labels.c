/* The charts' words in Finnish, Swedish and English, read from the text
 * catalogue (po/; Finnish follows THL's quality criteria, seed 002,
 * where they name a thing), and the languages' number style. */
#include "charts/chart_labels.h"

#include <stdio.h>
#include <string.h>

#include "charts/chart_model.h"
#include "reports/catalogue.h"

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

/* Every text below is the catalogue's (po/, reports/catalogue.h).  A text
 * without a usable translation falls back to the English msgid, as gettext
 * does; tests/unit/test_catalogue.c makes sure none is left so. */
static const char *pick(const char *const text[REPORT_LANG__COUNT], chart_lang lang)
{
    if ((int)lang < 0 || lang >= LANG__COUNT)
        lang = LANG_EN;
    return text[lang] ? text[lang] : text[LANG_EN] ? text[LANG_EN] : "";
}

static const char *keyed(const catalogue_group *g, const char *key, chart_lang lang)
{
    const catalogue_entry *e = catalogue_find(g, key);
    return e ? pick(e->text, lang) : NULL;
}

const char *chart_label(chart_lang lang, chart_label_id id)
{
    if ((int)id < 0 || id >= CL__COUNT || (int)lang < 0 || lang >= LANG__COUNT)
        return "";
    return pick(catalogue_chart_labels[id], lang);
}

const char *chart_shared_label(chart_lang lang, label_id id)
{
    return label(id, (int)lang >= 0 && lang < LANG__COUNT ? (report_lang)lang : REPORT_LANG_EN);
}

const char *chart_code_label(chart_lang lang, code_domain domain, const char *code)
{
    const char *t = label_code(domain, code,
                               (int)lang >= 0 && lang < LANG__COUNT ? (report_lang)lang
                                                                     : REPORT_LANG_EN);
    return t ? t : code;
}

/* The instruments' names are the workbook's (CODE_INSTRUMENT). */
const char *chart_instrument_name(chart_lang lang, const char *code)
{
    return chart_code_label(lang, CODE_INSTRUMENT, code);
}

/* The charts word exit reasons their own way (a bar label, "" = missing). */
const char *chart_exit_reason(chart_lang lang, const char *code)
{
    const char *t = keyed(&catalogue_CHART_EXIT_REASON, code ? code : "", lang);
    return t ? t : code; /* a code the contract does not list: show it as it is */
}

const char *chart_fidelity_item(chart_lang lang, int item)
{
    char key[12];
    if (item < 1 || item > 25 || (int)lang < 0 || lang >= LANG__COUNT)
        return "";
    snprintf(key, sizeof key, "%d", item);
    const char *t = keyed(&catalogue_CHART_FIDELITY_ITEM, key, lang);
    return t ? t : "";
}

int chart_fidelity_section_of(int item) { return item <= 3 ? 0 : item <= 11 ? 1 : 2; }

const char *chart_fidelity_section(chart_lang lang, int section)
{
    static const char *const keys[3] = {"staffing", "organisation", "services"};
    if (section < 0 || section > 2 || (int)lang < 0 || lang >= LANG__COUNT)
        return "";
    const char *t = keyed(&catalogue_CHART_FIDELITY_SECTION, keys[section], lang);
    return t ? t : "";
}

/* The band words are the workbook's (CODE_BAND). */
static const char *band_word(chart_lang lang, const char *code, size_t len)
{
    char key[32];
    if (len >= sizeof key)
        return NULL;
    memcpy(key, code, len);
    key[len] = '\0';
    return label_code(CODE_BAND, key, (report_lang)lang);
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

const char *chart_metric_title(chart_lang lang, const char *metric)
{
    return metric ? keyed(&catalogue_CHART_METRIC_TITLE, metric, lang) : NULL;
}
