/* Look-ups over the definition tables, and the general terms of metrics.md
 * ("Time", "Privacy") that every reader needs before the metrics.  Names and
 * texts are the catalogue's: "DEF_NAME:id", "DEF_TEXT:id" for metrics,
 * "TERM_NAME:id", "TERM_TEXT:id" for the terms (po/). */
#include "reports/definitions.h"

#include <string.h>

#include "reports/catalogue.h"

#include "reports/definitions_tables.h"

static const metric_def terms[] = {
    {"period", UNIT_TEXT, 0},
    {"as_of", UNIT_TEXT, 0},
    {"review_window", UNIT_TEXT, 0},
    {"active", UNIT_TEXT, 0},
    {"suppression", UNIT_TEXT, 0},
};

size_t definition_count(void)
{
    return definitions_outcomes_n + definitions_fidelity_n + definitions_other_n +
           definitions_instruments_n + definitions_funder_n;
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
    i -= definitions_instruments_n;
    if (i < definitions_funder_n)
        return &definitions_funder[i];
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

static bool is_term(const metric_def *d)
{
    return d >= terms && d < terms + definition_term_count();
}

/* The catalogue's text, or the English msgid when it has no usable
 * translation (as gettext does), or "" when it has no entry at all. */
static const char *def_text(const catalogue_group *g, const metric_def *d, report_lang lang)
{
    const catalogue_entry *e = d ? catalogue_find(g, d->id) : NULL;
    if (!e)
        return "";
    if ((int)lang < 0 || lang >= REPORT_LANG__COUNT)
        lang = REPORT_LANG_EN;
    return e->text[lang] ? e->text[lang] : e->text[REPORT_LANG_EN] ? e->text[REPORT_LANG_EN] : "";
}

const char *definition_title(const metric_def *d, report_lang lang)
{
    return def_text(is_term(d) ? &catalogue_TERM_NAME : &catalogue_DEF_NAME, d, lang);
}

const char *definition_text(const metric_def *d, report_lang lang)
{
    return def_text(is_term(d) ? &catalogue_TERM_TEXT : &catalogue_DEF_TEXT, d, lang);
}

const char *definition_name(const char *id, report_lang lang)
{
    const metric_def *d = definition_find(id);
    return d && (int)lang >= 0 && lang < REPORT_LANG__COUNT ? definition_title(d, lang) : id;
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
