/* The XLSX workbook that funders, evaluators and steering groups read.
 *
 *   report_options o; report_options_init(&o);
 *   o.lang = REPORT_LANG_FI; o.start = …; o.end = …; o.as_of = …;
 *   report_result res = {0};
 *   report_write("out/report-fi.xlsx", &o, data, inputs, &res, &d);
 *   report_result_free(&res);
 *
 * Sheets, in order: Summary, Outcomes, Fidelity, Employer work, Funding,
 * ESF+ indicators, Capacity, Breakdowns, Data quality, Definitions, About,
 * then with o.per one sheet per provider or team (names in the
 * chosen language; a sheet longer than the row limit continues on
 * "Name (2)", …).  The file appears only when complete: it is written to a
 * temporary file beside the target and renamed; libxlsxwriter's own
 * temporary files go to a private mkdtemp() directory that is removed. */
#ifndef IPS_REPORT_WORKBOOK_H
#define IPS_REPORT_WORKBOOK_H

#include <stdbool.h>
#include <stddef.h>

#include "common/date.h"
#include "common/error.h"
#include "reports/labels.h"
#include "reports/report_data.h"
#include "reports/report_inputs.h"

enum { REPORT_MEMORY_AUTO, REPORT_MEMORY_CONSTANT, REPORT_MEMORY_NORMAL };

typedef struct {
    report_lang lang;
    bool internal;                 /* no suppression: every sheet is marked internal */
    int min_cell;                  /* suppression threshold shown as "<N" */
    ips_day start, end;            /* the period */
    ips_day prev_start, prev_end;  /* the comparison period */
    ips_day as_of;
    const char *warehouse_name;    /* shown in About; give the file name, not its folders */
    const char *created;           /* time stamp text for About; NULL = now, local time */
    const char *const *summary_pngs; /* PNG charts to place on Summary (see report_insert_pngs) */
    size_t n_summary_pngs;
    unsigned long max_rows;        /* rows per sheet before it continues on the next; 0 = Excel's */
    int memory;                    /* REPORT_MEMORY_*: AUTO uses constant memory for big reports */
    metric_group per;              /* GROUP_PROVIDER or GROUP_TEAM: a sheet per group after About;
                                      GROUP_NONE: none */
} report_options;

typedef struct {
    char **sheets;          /* names of the sheets written, in order */
    size_t n_sheets;
    size_t masked;          /* identity-code-shaped texts masked */
    size_t suppressed;      /* cells written as suppressed */
    bool constant_memory;   /* libxlsxwriter's constant-memory mode was used */
} report_result;

void report_options_init(report_options *o);

/* Writes the workbook to path.  data and in are read only; in may be NULL.
 * res is overwritten (free an earlier result first) and must be freed with
 * report_result_free() whatever the outcome. */
ips_error report_write(const char *path, const report_options *o, const report_data *data,
                       const report_inputs *in, report_result *res, ips_diag *d);

void report_result_free(report_result *res);

#endif
