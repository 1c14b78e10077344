/* Every word the charts and the PDF summary print, in Finnish, Swedish and
 * English.  Templates with %s take numbers already formatted for the
 * language (chart_lang_number). */
#ifndef IPS_CHART_LABELS_H
#define IPS_CHART_LABELS_H

#include <stddef.h>

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
    L_NO_DATA,
    L_HIDDEN,
    L_SUPPRESSED_NOTE,   /* %d: the threshold */
    L_INTERNAL_NOTE,
    L_PENDING_NOTE,      /* data for this chart is not available from the model yet */
    L_PERCENT_AXIS,
    L_EPISODES,
    L_DAYS_UNIT,         /* appended to a number of days: " pv" */
    /* employment rate */
    L_EMP_TITLE,
    L_EMP_SUBTITLE,      /* %s first quarter, %s last quarter */
    L_EMP_AXIS,
    L_EMP_BENCHMARK,
    L_EMP_READ_UP,       /* %s rate, %s points */
    L_EMP_READ_DOWN,
    L_EMP_READ_SAME,     /* %s rate */
    L_EMP_READ_FIRST,    /* %s rate (no previous quarter) */
    L_EMP_READ_NONE,     /* no rate for the last quarter */
    L_EMP_READ_BELOW,
    L_EMP_READ_WITHIN,
    L_EMP_READ_ABOVE,
    /* exits */
    L_EXIT_TITLE,
    L_EXIT_SUBTITLE,     /* %s period */
    L_EXIT_READ1,        /* %s total, %s employed_open, %s share */
    L_EXIT_READ2,        /* %s most common reason, %s count */
    /* first employer contact */
    L_FEC_TITLE,
    L_FEC_SUBTITLE,
    L_FEC_X,
    L_FEC_30,
    L_FEC_LAST_BIN,      /* %s: days the last bar starts at */
    L_FEC_PENDING,       /* %s: episodes with no contact yet */
    L_FEC_READ1,         /* %s mean days, %s episodes */
    L_FEC_READ2,         /* %s share within 30 days */
    /* fidelity */
    L_FID_TITLE,         /* %s total, %s band */
    L_FID_TITLE_NONE,
    L_FID_SUBTITLE,      /* %s review id and date */
    L_FID_SUBTITLE_NONE,
    L_FID_REVIEWER,
    L_FID_DATA,
    L_FID_RANGE,
    L_FID_AXIS,
    L_FID_NA,
    L_FID_NOT_RATED,
    L_FID_NOTE,
    L_FID_READ1,         /* %s total, %s band, %s items rated */
    L_FID_READ1_NONE,
    L_FID_READ2,         /* %s items differing by 2 or more */
    L_FID_READ2_DATA,    /* %s items with a data score */
    /* service path */
    L_PATH_TITLE,
    L_PATH_SUBTITLE,
    L_PATH_REFERRED,
    L_PATH_STARTED,
    L_PATH_CONTACT,
    L_PATH_JOB,
    L_PATH_JOB90,
    L_PATH_NOTE,
    L_PATH_READ1,        /* %s referred, %s started, %s first job */
    L_PATH_READ2,        /* %s held 90 days, %s share */
    /* time to first job */
    L_KM_TITLE,
    L_KM_SUBTITLE,       /* %s cohort size */
    L_KM_X,
    L_KM_Y,
    L_KM_MEDIAN,
    L_KM_READ_MEDIAN,    /* %s days */
    L_KM_READ_NO_MEDIAN,
    L_KM_READ2,          /* %s share within 180 days */
    /* coach workload */
    L_COACH_TITLE,
    L_COACH_SUBTITLE,
    L_COACH_CASELOAD,
    L_COACH_CASELOAD_TARGET,
    L_COACH_CONTACTS,
    L_COACH_CONTACTS_TARGET,
    L_COACH_READ1,       /* %s caseload per fte */
    L_COACH_READ2,       /* %s contacts per week */
    /* PDF summary */
    L_PDF_TITLE,
    L_PDF_SUBTITLE,
    L_PDF_PERIOD,        /* %s period code, %s first day, %s last day */
    L_PDF_AS_OF,         /* %s date */
    L_PDF_KEY_FIGURES,
    L_PDF_PAGE,          /* %d page, %d pages */
    L_PDF_TABLE_TITLE,
    L_PDF_COL_ITEM,
    L_PDF_COL_REVIEWER,
    L_PDF_COL_DATA,
    L_PDF_COL_DIFF,
    L_PDF_TABLE_TOTAL,
    L_PDF_TABLE_NOTE,
    L_PDF_MADE_BY,       /* %s version */
    L__COUNT
} chart_label_id;

const char *chart_label(chart_lang lang, chart_label_id id);

/* Words for exit reason codes of the data contract; "" = reason missing. */
const char *chart_exit_reason(chart_lang lang, const char *code);
/* Short names of the 25 fidelity items (1..25) for chart rows. */
const char *chart_fidelity_item(chart_lang lang, int item);
/* Section of an item: 0 staffing (1–3), 1 organisation (4–11), 2 services (12–25). */
int chart_fidelity_section_of(int item);
const char *chart_fidelity_section(chart_lang lang, int section);
/* Band words for fidelity_band values ("fair", "fair/good"); buf gets the result. */
const char *chart_fidelity_band(chart_lang lang, const char *band, char *buf, size_t n);
/* Titles of the key figures on the PDF's first page, by metric id; NULL when unknown. */
const char *chart_metric_title(chart_lang lang, const char *metric);

#endif
