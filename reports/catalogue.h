/* The text catalogue: every fi/sv/en text of the workbook, the charts and the
 * PDF, from po/ipsreport.pot (English, the msgids) and po/fi.po, po/sv.po.
 * scripts/po2c.awk compiles them at build time into $(BUILD)/gen/catalogue.c,
 * which defines the tables below; it stops the build when an id of
 * reports/labels.h or charts/chart_labels.h has no msgctxt or a msgctxt is
 * no id.  A text that is missing, empty or fuzzy in a language is NULL here
 * (tests/unit/test_catalogue.c fails on it); the look-ups (label(),
 * label_code(), chart_label(), definition_name() …) are the API, these
 * tables only their storage. */
#ifndef IPS_REPORT_CATALOGUE_H
#define IPS_REPORT_CATALOGUE_H

#include <stddef.h>

#include "charts/chart_labels.h"
#include "reports/labels.h"

/* One text of a keyed domain: msgctxt "DOMAIN:key". */
typedef struct {
    const char *key;
    const char *text[REPORT_LANG__COUNT];
} catalogue_entry;

/* A domain's entries, in the catalogue's order. */
typedef struct {
    const catalogue_entry *entries;
    size_t n;
} catalogue_group;

extern const char *const catalogue_labels[L__COUNT][REPORT_LANG__COUNT];       /* L_… */
extern const char *const catalogue_chart_labels[CL__COUNT][REPORT_LANG__COUNT]; /* CL_… */
/* The ids' names (the msgctxts), for messages about a text. */
extern const char *const catalogue_label_ids[L__COUNT];
extern const char *const catalogue_chart_label_ids[CL__COUNT];
extern const catalogue_group catalogue_codes[CODE__COUNT];                     /* CODE_…:code */
extern const catalogue_group catalogue_DEF_NAME;  /* DEF_NAME:metric id */
extern const catalogue_group catalogue_DEF_TEXT;  /* DEF_TEXT:metric id */
extern const catalogue_group catalogue_TERM_NAME; /* TERM_NAME:term id (definitions.c) */
extern const catalogue_group catalogue_TERM_TEXT;
extern const catalogue_group catalogue_CHART_EXIT_REASON;      /* code, "" = missing */
extern const catalogue_group catalogue_CHART_FIDELITY_ITEM;    /* "1" … "25" */
/* "staffing", "organisation", "services" */
extern const catalogue_group catalogue_CHART_FIDELITY_SECTION;
extern const catalogue_group catalogue_CHART_METRIC_TITLE;     /* metric id */
extern const catalogue_group catalogue_FIDELITY_ITEM; /* "1" … "25": the items' full names */

/* The entry of key in g, or NULL. */
const catalogue_entry *catalogue_find(const catalogue_group *g, const char *key);

#endif
