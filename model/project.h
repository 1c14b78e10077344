/* The project settings file (docs/project.md): the project's name, code,
 * funder and start date, and its targets per headline metric, read with
 * libinih.  Without a file the pack still works: no name, the data's first
 * day as the start, and the IPS benchmark as the employment rate's target.
 *
 *   ips_project *p;
 *   if (project_load("project.ini", &p, &d) == IPS_OK) { q.project = p; ... }
 *   project_free(p);
 */
#ifndef IPS_PROJECT_H
#define IPS_PROJECT_H

#include <stdbool.h>
#include <stddef.h>

#include "common/date.h"
#include "common/error.h"

/* One target: for one period (start..end), for every period (value), or a
 * yearly amount spread over the period's length (per_year). */
typedef enum { PT_PERIOD, PT_EVERY, PT_PER_YEAR } project_target_kind;

typedef struct {
    char metric[48];
    project_target_kind kind;
    ips_day start, end;  /* PT_PERIOD only */
    double value;
} project_target;

typedef struct ips_project {
    char name[160];
    char code[64];
    char funder[160];
    ips_day start;       /* IPS_DAY_NONE when not given */
    project_target *targets;
    size_t n_targets;
} ips_project;

/* The headline metrics that comparisons and targets are given for, NULL
 * terminated (model/publication_compare.c shows them in this order). */
extern const char *const project_headline_metrics[];

/* Reads path; errors read "path:line: reason" with what to do. */
ips_error project_load(const char *path, ips_project **out, ips_diag *d);
void project_free(ips_project *p);
/* A copy of p (NULL for NULL); *ok false when out of memory. */
ips_project *project_copy(const ips_project *p, bool *ok);
/* Whether a and b say the same (both NULL included). */
bool project_same(const ips_project *a, const ips_project *b);

/* The target of metric for the period start..end: the period's own, else a
 * per-year amount scaled to the period's length, else the every-period
 * value.  false when the file gives none (p may be NULL). */
bool project_target_for(const ips_project *p, const char *metric, ips_day start, ips_day end,
                        double *out);

#endif
