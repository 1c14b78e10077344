/* Project settings files (model/project.h, docs/project.md), read with
 * libinih.  As with the tariff, the text is handed to inih line by line so
 * that every message can name the physical line. */
#include "model/project.h"

#include "common/ini_text.h"

#include <ctype.h>
#include <errno.h>
#include <ini.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/metrics.h"

const char *const project_headline_metrics[] = {
    "caseload_active",          "enrollments_started",
    "exits",                    "employment_rate",
    "employment_at_exit",       "employed_within_180_days",
    "time_to_first_job_median_days", "first_employer_contact_mean_days",
    NULL,
};

#define PROJECT_MAX_BYTES (256 * 1024)

typedef struct {
    const char *path;
    ips_project *p;
    bool has_name;
    ini_text in;
} pstate;

static bool headline(const char *metric)
{
    for (const char *const *m = project_headline_metrics; *m; m++)
        if (strcmp(*m, metric) == 0)
            return true;
    return false;
}

/* "35", "35.5", "35,5", "35 %" → 35.5; false when not a number ≥ 0. */
static bool parse_number(const char *text, double *out)
{
    char buf[64];
    size_t k = 0;
    for (const char *s = text; *s; s++) {
        if (*s == ' ' || *s == '%')
            continue;
        if (k + 1 >= sizeof buf)
            return false;
        buf[k++] = *s == ',' ? '.' : *s;
    }
    buf[k] = '\0';
    if (!k)
        return false;
    char *end;
    errno = 0;
    double v = strtod(buf, &end);
    if (*end || errno || !isfinite(v) || v < 0)
        return false;
    *out = v;
    return true;
}

static void copy_text(pstate *ps, char *dst, size_t n, const char *name, const char *value)
{
    if (strlen(value) >= n)
        ini_text_error(&ps->in, IPS_ERR_PROJECT, "'%s' is longer than %zu bytes; shorten it", name, n - 1);
    snprintf(dst, n, "%s", value);
}

static int project_key(pstate *ps, const char *name, const char *value)
{
    ips_project *p = ps->p;
    if (strcasecmp(name, "name") == 0) {
        copy_text(ps, p->name, sizeof p->name, name, value);
        ps->has_name = *value != '\0';
    } else if (strcasecmp(name, "code") == 0) {
        copy_text(ps, p->code, sizeof p->code, name, value);
    } else if (strcasecmp(name, "funder") == 0) {
        copy_text(ps, p->funder, sizeof p->funder, name, value);
    } else if (strcasecmp(name, "start") == 0) {
        if (!date_parse_iso(value, &p->start) && !date_parse_fi(value, &p->start)) {
            ini_text_error(&ps->in, IPS_ERR_PROJECT, "start '%s' is not a date; write it as 2023-01-01 or "
                 "1.1.2023", value);
            return 0;
        }
    } else {
        ini_text_error(&ps->in, IPS_ERR_PROJECT, "'%s' is not a project setting; write name, code, funder "
             "or start", name);
        return 0;
    }
    return ps->in.err_line ? 0 : 1;
}

static int target_key(pstate *ps, const char *metric, const char *name, const char *value)
{
    if (!headline(metric)) {
        char list[512] = "";
        for (const char *const *m = project_headline_metrics; *m; m++) {
            size_t n = strlen(list);
            snprintf(list + n, sizeof list - n, "%s%s", n ? ", " : "", *m);
        }
        ini_text_error(&ps->in, IPS_ERR_PROJECT, "[target %s]: targets are given for the headline metrics "
             "only; write one of %s", metric, list);
        return 0;
    }
    project_target t = {.kind = PT_PERIOD};
    snprintf(t.metric, sizeof t.metric, "%s", metric);
    if (strcasecmp(name, "value") == 0) {
        t.kind = PT_EVERY;
    } else if (strcasecmp(name, "per_year") == 0) {
        t.kind = PT_PER_YEAR;
    } else {
        ips_diag pd;
        if (metric_period_parse(name, &t.start, &t.end, &pd) != IPS_OK) {
            ini_text_error(&ps->in, IPS_ERR_PROJECT, "'%s' is neither a period (2024, 2024H1, 2024Q3) nor "
                 "value or per_year; write e.g. 2024Q3 = 40", name);
            return 0;
        }
    }
    if (!parse_number(value, &t.value)) {
        ini_text_error(&ps->in, IPS_ERR_PROJECT, "target '%s' is not a number; write e.g. 35 (a percent "
             "without the %% sign is fine) or 160", value);
        return 0;
    }
    ips_project *p = ps->p;
    project_target *grown = realloc(p->targets, (p->n_targets + 1) * sizeof *grown);
    if (!grown) {
        ini_text_error(&ps->in, IPS_ERR_NOMEM, "out of memory");
        return 0;
    }
    p->targets = grown;
    p->targets[p->n_targets++] = t;
    return 1;
}

static int handler(void *user, const char *section, const char *name, const char *value)
{
    pstate *ps = user;
    if (ps->in.err_line)
        return 0;
    if (strcasecmp(section, "project") == 0 || strcasecmp(section, "hanke") == 0)
        return project_key(ps, name, value);
    if (strncasecmp(section, "target ", 7) == 0 || strncasecmp(section, "tavoite ", 8) == 0) {
        const char *metric = strchr(section, ' ');
        while (*metric == ' ')
            metric++;
        return target_key(ps, metric, name, value);
    }
    if (!*section)
        ini_text_error(&ps->in, IPS_ERR_PROJECT, "'%s' is not under a section; put it under [project] or "
             "[target METRIC]", name);
    else
        ini_text_error(&ps->in, IPS_ERR_PROJECT, "section [%s] is not understood; write [project] or "
             "[target METRIC], e.g. [target employment_rate]", section);
    return 0;
}

static ips_error read_all(const char *path, char **out, ips_diag *d)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return ips_diag_set(d, IPS_ERR_IO, "%s: cannot open the project file: %s; check the "
                            "name given to --project", path, strerror(errno));
    char *buf = malloc(PROJECT_MAX_BYTES + 1);
    size_t n = buf ? fread(buf, 1, PROJECT_MAX_BYTES + 1, f) : 0;
    bool bad = buf && ferror(f);
    fclose(f);
    if (!buf)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    if (bad || n > PROJECT_MAX_BYTES) {
        free(buf);
        return ips_diag_set(d, bad ? IPS_ERR_IO : IPS_ERR_PROJECT,
                            bad ? "%s: cannot read the project file" :
                                  "%s: the project file is over 256 KiB; is it the right file?",
                            path);
    }
    buf[n] = '\0';
    if (strlen(buf) != n) {
        free(buf);
        return ips_diag_set(d, IPS_ERR_PROJECT, "%s: the project file holds a NUL byte; save "
                            "it as UTF-8 text", path);
    }
    *out = buf;
    return IPS_OK;
}

ips_error project_load(const char *path, ips_project **out, ips_diag *d)
{
    *out = NULL;
    char *text = NULL;
    ips_error e = read_all(path, &text, d);
    if (e != IPS_OK)
        return e;
    ips_project *p = calloc(1, sizeof *p);
    if (!p) {
        free(text);
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    }
    p->start = IPS_DAY_NONE;
    const char *body = text;
    if (strncmp(body, "\xEF\xBB\xBF", 3) == 0)
        body += 3; /* a BOM */
    pstate ps = {.path = path, .p = p};
    ini_text_init(&ps.in, body, IPS_ERR_PROJECT);
    int r = ini_parse_stream(ini_text_read, &ps.in, handler, &ps);
    free(text);
    if (!ps.in.err_line && r > 0) {
        ps.in.lineno = r;
        ini_text_error(&ps.in, IPS_ERR_PROJECT, "the line is not 'key = value' nor a [section]; fix or "
             "remove it (comments start with ;)");
    }
    if (!ps.in.err_line && !ps.has_name) {
        ps.in.lineno = 1;
        ini_text_error(&ps.in, IPS_ERR_PROJECT, "the file names no project; add [project] with "
             "name = the project's name");
    }
    if (ps.in.err_line) {
        project_free(p);
        return ips_diag_set(d, ps.in.err_code, "%s:%d: %s", path, ps.in.err_line, ps.in.err);
    }
    *out = p;
    return IPS_OK;
}

void project_free(ips_project *p)
{
    if (!p)
        return;
    free(p->targets);
    free(p);
}

bool project_target_for(const ips_project *p, const char *metric, ips_day start, ips_day end,
                        double *out)
{
    const project_target *every = NULL, *yearly = NULL;
    for (size_t i = 0; p && i < p->n_targets; i++) {
        const project_target *t = &p->targets[i];
        if (strcmp(t->metric, metric) != 0)
            continue;
        if (t->kind == PT_PERIOD && t->start == start && t->end == end) {
            *out = t->value;
            return true;
        }
        if (t->kind == PT_EVERY)
            every = t;
        if (t->kind == PT_PER_YEAR)
            yearly = t;
    }
    if (yearly) {
        /* Whole months where the period is made of them (a quarter is a
         * quarter of the year), else days. */
        int y1, m1, d1, y2, m2, d2;
        date_to_ymd(start, &y1, &m1, &d1);
        date_to_ymd(end + 1, &y2, &m2, &d2);
        double share = d1 == 1 && d2 == 1 ? ((y2 - y1) * 12 + (m2 - m1)) / 12.0
                                          : (end - start + 1) / 365.25;
        *out = yearly->value * share;
        return true;
    }
    if (every) {
        *out = every->value;
        return true;
    }
    return false;
}

ips_project *project_copy(const ips_project *p, bool *ok)
{
    *ok = true;
    if (!p)
        return NULL;
    ips_project *c = malloc(sizeof *c);
    project_target *t = p->n_targets ? malloc(p->n_targets * sizeof *t) : NULL;
    if (!c || (p->n_targets && !t)) {
        free(c);
        free(t);
        *ok = false;
        return NULL;
    }
    *c = *p;
    if (t)
        memcpy(t, p->targets, p->n_targets * sizeof *t);
    c->targets = t;
    return c;
}

bool project_same(const ips_project *a, const ips_project *b)
{
    if (!a || !b)
        return a == b;
    if (strcmp(a->name, b->name) || strcmp(a->code, b->code) || strcmp(a->funder, b->funder) ||
        a->start != b->start || a->n_targets != b->n_targets)
        return false;
    for (size_t i = 0; i < a->n_targets; i++) {
        const project_target *x = &a->targets[i], *y = &b->targets[i];
        if (strcmp(x->metric, y->metric) || x->kind != y->kind || x->start != y->start ||
            x->end != y->end || x->value != y->value)
            return false;
    }
    return true;
}
