/* Every text a workbook shows, in Finnish, Swedish and English.  Sheets ask
 * for a label by id; no sheet holds a literal text a reader sees.  The texts
 * are the catalogue po/ (msgctxt = the id's enum name, docs/translations.md),
 * compiled in at build time; tests/unit/test_catalogue.c checks that each id
 * has all three texts.
 *
 * Codes of the data contract (exit reasons, genders, …) have their own
 * look-up, label_code(), which returns NULL for a code it does not know so
 * the caller can show the code itself. */
#ifndef IPS_REPORT_LABELS_H
#define IPS_REPORT_LABELS_H

#include <stddef.h>

#include "common/date.h"

typedef enum { REPORT_LANG_FI, REPORT_LANG_SV, REPORT_LANG_EN, REPORT_LANG__COUNT } report_lang;

/* "fi", "sv", "en" (any case) → language; -1 when unknown. */
int report_lang_parse(const char *code);
const char *report_lang_code(report_lang lang);

typedef enum {
    /* Sheet names: at most 27 characters, so that " (2)" still fits Excel's 31. */
    L_SHEET_SUMMARY,
    L_SHEET_OUTCOMES,
    L_SHEET_FIDELITY,
    L_SHEET_EMPLOYER,
    L_SHEET_FUNDING,
    L_SHEET_FUNDER,
    L_SHEET_CAPACITY,
    L_SHEET_BREAKDOWNS,
    L_SHEET_QUALITY,
    L_SHEET_DEFINITIONS,
    L_SHEET_ABOUT,

    /* Titles and notes */
    L_REPORT_TITLE,
    L_INTERNAL_MARK,
    L_SUPPRESSION_NOTE,   /* {n} = the threshold */
    L_SUPPRESSED_COMMENT, /* {n} = the threshold */
    L_NO_DATA,
    L_NO_REVIEWS,
    L_DATA_SCORE_NOTE,
    L_NO_TARIFF,
    L_TITLE_KEY_FIGURES,
    L_TITLE_QUARTERS,
    L_TITLE_EXIT_REASONS,
    L_TITLE_PERIOD_OUTCOMES,
    L_TITLE_DIVERSITY,
    L_TITLE_REJECTS,
    L_TITLE_BATCHES,
    L_TITLE_CHARTS,
    L_CHART_KEY_SHARES,
    L_CHART_EMPLOYMENT_RATE,
    L_CHART_CLIENTS,

    /* Column headers */
    L_COL_METRIC,
    L_COL_VALUE,
    L_COL_NUMERATOR,
    L_COL_DENOMINATOR,
    L_COL_SCORE,
    L_COL_SCORE_ITEM, /* {n} = item number */
    L_COL_UNIT,
    L_COL_ID,
    L_COL_CURRENT,
    L_COL_PREVIOUS,
    L_COL_CHANGE,
    L_COL_BREAKDOWN,
    L_COL_GROUP,
    L_COL_BREAKDOWN_ID,
    L_COL_GROUP_ID,
    L_COL_QUARTER,
    L_COL_START,
    L_COL_END,
    L_COL_EXIT_REASON,
    L_COL_CODE,
    L_COL_REVIEW,
    L_COL_REVIEWED_UNIT,
    L_COL_REVIEW_DATE,
    L_COL_ITEM,
    L_COL_ITEM_NAME,
    L_COL_REVIEWER_SCORE,
    L_COL_REVIEWER_SCORE_HIGH,
    L_COL_DATA_SCORE,
    L_COL_DATA_VALUE,
    L_COL_DIFFERS,
    L_COL_COACH,
    L_COL_EPISODES_MEASURED,
    L_COL_FIRST_CONTACT_DAYS,
    L_COL_WITHIN_30,
    L_COL_PENDING,
    L_COL_CONTACTS_PER_WEEK,
    L_COL_CONTACTS_13W,
    L_COL_DIFFERENT,
    L_COL_JOBS_OR_EMPLOYERS,
    L_COL_PROVIDER,
    L_COL_FEE_START,
    L_COL_FEE_GUIDANCE,
    L_COL_FEE_OUTCOME,
    L_COL_EUR_START,
    L_COL_EUR_GUIDANCE,
    L_COL_EUR_OUTCOME,
    L_COL_EUR_TOTAL,
    L_COL_REGION,
    L_COL_CLIENTS_PER_YEAR,
    L_COL_FTE_NOW,
    L_COL_FTE_NEEDED,
    L_COL_FTE_THROUGHPUT,
    L_COL_FTE_CASELOAD,
    L_COL_FTE_GAP,
    L_COL_SEVERITY,
    L_COL_CHECK,
    L_COL_ENTITY,
    L_COL_WHERE,
    L_COL_COUNT,
    L_COL_MESSAGE,
    L_COL_FILE,
    L_COL_CONTENT_HASH,
    L_COL_LOADED_AT,
    L_COL_ROWS_READ,
    L_COL_ROWS_STORED,
    L_COL_ROWS_UPDATED,
    L_COL_ROWS_REJECTED,
    L_COL_ROWS_DUPLICATE,
    L_COL_REJECTED_SHARE,
    L_COL_NAME,
    L_COL_DEFINITION,
    L_COL_FIELD,

    /* About sheet */
    L_ABOUT_REPORT,
    L_ABOUT_PERIOD,
    L_ABOUT_PERIOD_START,
    L_ABOUT_PERIOD_END,
    L_ABOUT_COMPARE,
    L_ABOUT_COMPARE_START,
    L_ABOUT_COMPARE_END,
    L_ABOUT_AS_OF,
    L_ABOUT_CREATED,
    L_ABOUT_VERSION,
    L_ABOUT_WAREHOUSE,
    L_ABOUT_KEY,
    L_ABOUT_SUPPRESSION,
    L_ABOUT_MIN_CELL,
    L_ABOUT_LANGUAGE,
    L_ABOUT_MASKED,
    L_ABOUT_BATCH_COUNT,
    L_SUPPRESSION_ON,  /* {n} = the threshold */
    L_SUPPRESSION_OFF,
    L_NOT_RECORDED,

    /* Words */
    L_ALL,
    L_TOTAL,
    L_UNKNOWN_GROUP,
    L_YES,
    L_NOT_APPLICABLE,
    L_NOT_RATED,
    L_NO_FINDINGS,
    L_ITEM_N,   /* {n} = item number, when no item name is known */
    L_LANGUAGE_NAME,
    L_TO_DATE,        /* after a period cut at the as-of day (metrics.md R22) */
    L_NOT_ESTIMABLE,  /* comment on a Kaplan–Meier figure past the longest follow-up */

    /* Units */
    L_UNIT_COUNT,
    L_UNIT_PERCENT,
    L_UNIT_DAYS,
    L_UNIT_HOURS_WEEK,
    L_UNIT_CLIENTS_PER_FTE,
    L_UNIT_PER_WEEK,
    L_UNIT_POINTS,
    L_UNIT_FTE,
    L_UNIT_PER_MONTH,
    L_UNIT_SCORE,
    L_UNIT_TEXT,
    L_UNIT_PP, /* percentage points, for changes of shares */

    /* Outcome instruments (the Instruments sheet; metrics.md "Outcome instruments") */
    L_SHEET_INSTRUMENTS,
    L_INSTRUMENTS_NOTE,
    L_COL_INSTRUMENT,
    L_COL_PAIRED,
    L_COL_BASELINE_MEAN,
    L_COL_LATEST_MEAN,
    L_COL_CHANGE_MEAN,
    L_COL_IMPROVED_SHARE,
    /* The funder's sheet (ESF+) and the per-provider/per-team sheets */
    L_FUNDER_SINCE_START,
    L_TITLE_FUNDER_PARTICIPANTS,
    L_TITLE_FUNDER_RESULTS,
    L_TITLE_FUNDER_FEES,
    L_COL_PARTICIPANTS,
    L_FUNDER_AGE_AT_ENTRY,
    L_FUNDER_STATUS_AT_ENTRY,
    L_COL_FEE,
    L_COL_N,
    L_COL_EUR,
    L_FUNDER_FEES_NOTE,
    L_SHEET_PROVIDER,     /* heading of a per-provider sheet (named by the provider) */
    L_SHEET_TEAM,
    L_SHEET_COUNTY,       /* … of a national warehouse's county (--per county) */
    /* The PDF's definitions and data-quality caveats page, and its fee lines */
    L_PDF_DEFS_TITLE,
    L_PDF_CAVEATS,
    L_PDF_DEFINITIONS,
    L_CAVEAT_REJECTED,      /* {n} rows */
    L_CAVEAT_NO_GENDER,     /* {n} clients */
    L_CAVEAT_NO_BIRTH_YEAR, /* {n} clients */
    L_CAVEAT_NO_FTE,        /* {n} coaches */
    L_CAVEAT_HIDDEN,        /* {n} figures */
    L_PDF_DEFS_MORE,
    L_PDF_FEES_EUR,
    L_PDF_NATION,         /* "nationally": the nation's figure beside a county's */
    /* Comparisons and targets on the Summary sheet, and the project */
    L_TITLE_COMPARISONS,
    L_CMP_NOW,
    L_CMP_YEAR_AGO,
    L_CMP_YTD,
    L_CMP_LAST4,
    L_CMP_SINCE,
    L_CMP_SINCE_DATA,
    L_CMP_TARGET,
    L_CMP_DIFF,
    L_CMP_SOURCE,
    L_CMP_SRC_PROJECT,
    L_CMP_SRC_BENCH,
    L_CMP_NOTE,
    L_CMP_SPAN_NOTE,
    L_PROJECT_NAME,
    L_PROJECT_CODE,
    L_PROJECT_FUNDER,
    L_EXAMPLES,      /* "e.g." before example ids */
    L__COUNT
} label_id;

/* The text of id in lang; never NULL (an unknown id gives ""). */
const char *label(label_id id, report_lang lang);

/* Domains of contract codes that have translations. */
typedef enum {
    CODE_EXIT_REASON,
    CODE_GENDER,
    CODE_AGE_GROUP,
    CODE_SEGMENT,
    CODE_BAND,
    CODE_GROUP_BY,   /* metric_group_name()s, "review" and "" (whole) */
    CODE_SEVERITY,
    CODE_ENTITY,
    CODE_SUPPORT_LEVEL,
    CODE_INSTRUMENT, /* assessments.instrument */
    CODE_CHECK,      /* ids of the data-quality checks (model/quality.c), "rejected_rows" */
    CODE_CHECK_HINT, /* … what to do about each */
    CODE_PATH_STEP,  /* the service_path rows' steps */
    CODE__COUNT
} code_domain;

/* Text for code in domain, or NULL when the code is not known. */
const char *label_code(code_domain domain, const char *code, report_lang lang);

/* Number of codes known in a domain, and the i-th code (for tests and for
 * listing exit reasons in contract order). */
size_t label_code_count(code_domain domain);
const char *label_code_at(code_domain domain, size_t i);

/* Copies text into buf replacing "{n}" with n; returns buf. */
const char *label_subst(const char *text, long n, char *buf, size_t size);

/* P's name as readers see it: "2024Q4", and "2024Q4 (to date)" in lang when
 * P ends after the as-of day, where every figure stops (metrics.md R22). */
void label_period(report_lang lang, ips_day start, ips_day end, ips_day as_of, char *buf,
                  size_t size);

/* A day as readers of lang write it: 5.9.2024 (fi), 2024-09-05 (sv, en). */
void label_date(report_lang lang, ips_day day, char buf[16]);
/* The Excel number format for dates in lang. */
const char *label_date_format(report_lang lang);

#endif
