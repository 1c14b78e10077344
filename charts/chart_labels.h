/* Every word the charts and the PDF summary print, in Finnish, Swedish and
 * English.  The texts live in the catalogue po/ (docs/translations.md),
 * compiled in at build time; a text the workbook shows too (the comparisons'
 * column names, "Total", the service-path steps, the fidelity bands, the
 * instruments) is the workbook's label (reports/labels.h), kept once.
 * Templates with %s take numbers already formatted for the language
 * (chart_lang_number). */
#ifndef IPS_CHART_LABELS_H
#define IPS_CHART_LABELS_H

#include <stddef.h>

#include "reports/labels.h"

typedef enum { LANG_FI, LANG_SV, LANG_EN, LANG__COUNT } chart_lang;

/* "fi", "sv", "en" → language, or -1. */
int chart_lang_parse(const char *code);
const char *chart_lang_code(chart_lang lang);
/* ',' for Finnish and Swedish, '.' for English. */
char chart_lang_decimal_mark(chart_lang lang);
/* " %" with a no-break space (fi, sv) or "%" (en). */
const char *chart_lang_percent(chart_lang lang);
/* A number as the language writes it; unit may be NULL. */
void chart_lang_number(chart_lang lang, double v, int decimals, const char *unit, char *buf,
                       size_t n);

typedef enum {
    CL_NO_DATA,
    CL_HIDDEN,
    CL_SUPPRESSED_NOTE,   /* %d: the threshold */
    CL_INTERNAL_NOTE,
    CL_PENDING_NOTE,      /* data for this chart is not available from the model yet */
    CL_EPISODES,
    CL_DAYS_UNIT,         /* appended to a number of days: " pv" */
    /* employment rate */
    CL_EMP_TITLE,
    CL_EMP_SUBTITLE,      /* %s first quarter, %s last quarter */
    CL_EMP_AXIS,
    CL_EMP_BENCHMARK,
    CL_EMP_READ_UP,       /* %s rate, %s points */
    CL_EMP_READ_DOWN,
    CL_EMP_READ_SAME,     /* %s rate */
    CL_EMP_READ_FIRST,    /* %s rate (no previous quarter) */
    CL_EMP_READ_NONE,     /* no rate for the last quarter */
    CL_EMP_READ_BELOW,
    CL_EMP_READ_WITHIN,
    CL_EMP_READ_ABOVE,
    /* exits */
    CL_EXIT_TITLE,
    CL_EXIT_SUBTITLE,     /* %s period */
    CL_EXIT_READ1,        /* %s total, %s employed_open, %s share */
    CL_EXIT_READ2,        /* %s most common reason, %s count */
    /* first employer contact */
    CL_FEC_TITLE,
    CL_FEC_SUBTITLE,
    CL_FEC_X,
    CL_FEC_30,
    CL_FEC_LAST_BIN,      /* %s: days the last bar starts at */
    CL_FEC_PENDING,       /* %s: episodes with no contact yet */
    CL_FEC_READ1,         /* %s mean days, %s episodes */
    CL_FEC_READ2,         /* %s share within 30 days */
    /* fidelity */
    CL_FID_TITLE,         /* %s total, %s band */
    CL_FID_TITLE_NONE,
    CL_FID_SUBTITLE,      /* %s review id and date */
    CL_FID_SUBTITLE_NONE,
    CL_FID_REVIEWER,
    CL_FID_DATA,
    CL_FID_RANGE,
    CL_FID_AXIS,
    CL_FID_NA,
    CL_FID_NOT_RATED,
    CL_FID_NOTE,
    CL_FID_READ1,         /* %s total, %s band, %s items rated */
    CL_FID_READ1_NONE,
    CL_FID_READ2,         /* %s items differing by 2 or more */
    CL_FID_READ2_DATA,    /* %s items with a data score */
    /* service path */
    CL_PATH_TITLE,
    CL_PATH_SUBTITLE,
    CL_PATH_NOTE,
    CL_PATH_READ1,        /* %s started, %s employer contact, %s first job */
    CL_PATH_READ2,        /* %s held 90 days, %s share */
    CL_PATH_PENDING,      /* %s first jobs under 90 days old at A */
    /* time to first job */
    CL_KM_TITLE,
    CL_KM_SUBTITLE,       /* %s cohort size */
    CL_KM_X,
    CL_KM_Y,
    CL_KM_MEDIAN,
    CL_KM_READ_MEDIAN,    /* %s days */
    CL_KM_READ_NO_MEDIAN,
    CL_KM_READ2,          /* %s share within 180 days */
    CL_KM_READ2_NONE,     /* employed within 180 days not estimable (R8) */
    /* coach workload */
    CL_COACH_TITLE,
    CL_COACH_SUBTITLE,    /* %s the day the coaches are counted on */
    CL_COACH_CASELOAD,
    CL_COACH_CASELOAD_TARGET,
    CL_COACH_CONTACTS,
    CL_COACH_CONTACTS_TARGET,
    CL_COACH_MET,         /* legend: bar meets its target */
    CL_COACH_MISSED,      /* legend: bar misses its target */
    CL_COACH_NO_COACH_NOTE,
    CL_COACH_CAPPED,
    CL_COACH_READ1,       /* %s coaches within, %s coaches shown, %s service-wide caseload */
    CL_COACH_READ1_NONE,  /* %s service-wide caseload */
    CL_COACH_READ2,       /* %s coaches within, %s shown, %s median, %s service-wide contacts */
    CL_COACH_READ2_NONE,  /* %s service-wide contacts */
    /* PDF summary */
    CL_PDF_TITLE,
    CL_PDF_SUBTITLE,
    CL_PDF_PERIOD,        /* %s period code, %s first day, %s last day */
    CL_PDF_AS_OF,         /* %s date */
    CL_PDF_KEY_FIGURES,
    CL_PDF_PAGE,          /* %d page, %d pages */
    CL_PDF_TABLE_TITLE,
    CL_PDF_COL_ITEM,
    CL_PDF_COL_REVIEWER,
    CL_PDF_COL_DATA,
    CL_PDF_COL_DIFF,
    CL_PDF_TABLE_NOTE,
    CL_PDF_MADE_BY,       /* %s version */
    CL_KM_MERGED,         /* %d: the threshold */
    CL_EMP_TARGET,        /* %s: the project's employment-rate target */
    /* outcome instruments */
    CL_INSTR_TITLE,
    CL_INSTR_SUBTITLE,    /* %s period */
    CL_INSTR_X,
    CL_INSTR_BASELINE,
    CL_INSTR_LATEST,
    CL_INSTR_ALL,         /* the whole service's row, %s its paired clients */
    CL_INSTR_GROUP,       /* a provider's row: %s name, %s paired clients */
    CL_INSTR_READ1,       /* %s instrument, %s baseline, %s latest, %s clients */
    CL_INSTR_READ2,       /* %s share improved, %s mean change */
    CL_INSTR_UNKNOWN,     /* a provider not known */
    /* PDF: the project and the comparisons beside the key figures */
    CL_PDF_PROJECT,       /* %s project name */
    CL_PDF_PROJECT_CODE,  /* %s project code */
    CL_PDF_FUNDER,        /* %s funder */
    CL_PDF_CMP_SINCE,
    CL_PDF_CMP_DIFF,
    CL_PDF_CMP_NOTE,
    CL__COUNT
} chart_label_id;

const char *chart_label(chart_lang lang, chart_label_id id);
/* A text the workbook shows too, by its label id (chart_lang and report_lang
 * list fi, sv, en in the same order). */
const char *chart_shared_label(chart_lang lang, label_id id);
/* The workbook's text of a contract code (label_code()), or the code itself. */
const char *chart_code_label(chart_lang lang, code_domain domain, const char *code);

/* Words for exit reason codes of the data contract; "" = reason missing. */
const char *chart_exit_reason(chart_lang lang, const char *code);
/* Short names of the 25 fidelity items (1..25) for chart rows. */
const char *chart_fidelity_item(chart_lang lang, int item);
/* Section of an item: 0 staffing (1–3), 1 organisation (4–11), 2 services (12–25). */
int chart_fidelity_section_of(int item);
const char *chart_fidelity_section(chart_lang lang, int section);
/* Band words for fidelity_band values ("fair", "fair/good"); buf gets the result. */
const char *chart_fidelity_band(chart_lang lang, const char *band, char *buf, size_t n);
/* The name of an instrument code (seed 003's three), or the code itself. */
const char *chart_instrument_name(chart_lang lang, const char *code);
/* Titles of the key figures on the PDF's first page, by metric id; NULL when unknown. */
const char *chart_metric_title(chart_lang lang, const char *metric);

#endif
