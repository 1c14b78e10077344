/* ipsreport metrics: every metric of metrics.md for one period as CSV or
 * JSON on standard output (metrics.md, "Machine-readable output";
 * docs/metrics-output.md).  Small-cell suppression applies unless --internal. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/reader.h"
#include "common/csv_cell.h"
#include "model/funding.h"
#include "model/metrics.h"
#include "cli/period_opts.h"

static const char help_text[] =
    "usage: ipsreport metrics --db FILE (--period P | --from DATE --to DATE) [options]\n"
    "\n"
    "Prints every metric of the period as CSV (default) or JSON, one row per\n"
    "metric and group:\n"
    "  metric,period_start,period_end,group_by,group,numerator,denominator,value,score,\n"
    "  suppressed,to_date,note\n"
    "A field that does not apply is blank (null in JSON).  suppressed is y when\n"
    "small-cell suppression hid the row (value then reads <5 or \xE2\x80\x93 and numerator\n"
    "and denominator are blank), otherwise n.  to_date is y when the period ends\n"
    "after the as-of day and was cut there (period_end is then the as-of day).\n"
    "note says why a value is blank where that needs saying, e.g. 'not estimable:\n"
    "no follow-up reaches 365 days'.  A warehouse without enrollments, or a period\n"
    "that starts after the as-of day, is refused (exit 2).\n"
    "\n"
    "options:\n"
    "  --db FILE            the warehouse (opened read-only)\n"
    PERIOD_OPTS_HELP
    "  --by G               split by provider, team, coach, region, municipality,\n"
    "                       gender, age_group, segment, referral_source or exit_reason\n"
    "  --format csv|json    output format (default csv)\n"
    "  --min-cell N         hide counts from 1 to N-1 (default 5)\n"
    "  --internal           no suppression; for internal use only (contains small numbers)\n"
    "  --clients-per-coach-year X  clients a full-time coach serves in a year (default 45)\n"
    "  --guidance-reasons LIST  exit reasons that earn the guidance fee, comma separated\n"
    "                       (default work_trial,sick_leave,pension,rehabilitation,\n"
    "                       education,other_service)\n"
    "  --outcome-reasons LIST  exit reasons that earn the outcome fee (default employed_open)\n"
    "  -h, --help           this text\n";

typedef struct {
    const char *db;
    period_opts p;
    const char *format;
    metric_query q;
    char reason_text[2][512];        /* --guidance-reasons, --outcome-reasons */
    const char *reasons[2][16];      /* NULL-terminated lists into reason_text */
} metrics_opts;

static int usage_error(ips_diag *d, const char *msg, const char *arg)
{
    ips_diag_set(d, IPS_ERR_USAGE, "%s%s%s; see 'ipsreport metrics --help'", msg,
                 arg ? " " : "", arg ? arg : "");
    return IPS_EXIT_FAILURE;
}

/* Splits "a, b,c" into o->reasons[which] and checks each is an exit reason. */
static int parse_reasons(metrics_opts *o, int which, const char *opt, const char *arg, ips_diag *d)
{
    char *text = o->reason_text[which];
    size_t n = 0;
    if (strlen(arg) >= sizeof o->reason_text[which])
        return usage_error(d, opt, "is too long");
    strcpy(text, arg);
    for (char *save = NULL, *tok = strtok_r(text, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save)) {
        if (n + 1 >= sizeof o->reasons[which] / sizeof o->reasons[which][0])
            return usage_error(d, opt, "lists too many reasons");
        o->reasons[which][n++] = tok;
    }
    o->reasons[which][n] = NULL;
    if (n == 0)
        return usage_error(d, opt, "needs at least one exit reason");
    if (funding_reasons_check(o->reasons[which], opt, d) != IPS_OK)
        return IPS_EXIT_FAILURE;
    if (which == 0)
        o->q.guidance_reasons = o->reasons[0];
    else
        o->q.outcome_reasons = o->reasons[1];
    return IPS_EXIT_OK;
}

enum { OPT_DB = 256, OPT_BY, OPT_FORMAT,
       OPT_MIN_CELL, OPT_INTERNAL, OPT_CPCY, OPT_GUIDANCE, OPT_OUTCOME };

static int apply_option(metrics_opts *o, int c, const char *arg, ips_diag *d)
{
    if (period_opts_take(&o->p, c, arg))
        return IPS_EXIT_OK;
    switch (c) {
    case OPT_DB: o->db = arg; break;
    case OPT_FORMAT: o->format = arg; break;
    case OPT_INTERNAL: o->q.internal = true; break;
    case OPT_GUIDANCE: return parse_reasons(o, 0, "--guidance-reasons", arg, d);
    case OPT_OUTCOME: return parse_reasons(o, 1, "--outcome-reasons", arg, d);
    case OPT_BY: {
        int g = metric_group_find(arg);
        if (g < 0)
            return usage_error(d, "--by takes provider, team, coach, region, municipality, gender, "
                               "age_group, segment, referral_source or exit_reason, not", arg);
        o->q.by = (metric_group)g;
        break;
    }
    case OPT_MIN_CELL: {
        size_t len = strlen(arg);
        int n = 0;
        if (len == 0 || len > 4 || strspn(arg, "0123456789") != len ||
            sscanf(arg, "%d", &n) != 1 || n < 1 || n > 1000)
            return usage_error(d, "--min-cell takes a whole number from 1 to 1000, not", arg);
        o->q.min_cell = (int)n;
        break;
    }
    case OPT_CPCY: {
        double x;
        int used = 0;
        if (sscanf(arg, "%lf%n", &x, &used) != 1 || arg[used] || !(x > 0) || !isfinite(x))
            return usage_error(d, "--clients-per-coach-year takes a number above 0, not", arg);
        o->q.clients_per_coach_year = x;
        break;
    }
    }
    return IPS_EXIT_OK;
}

static int parse_args(int argc, char **argv, metrics_opts *o, ips_diag *d)
{
    static const struct option longopts[] = {
        PERIOD_OPTIONS,
        {"db", required_argument, NULL, OPT_DB},
        {"by", required_argument, NULL, OPT_BY},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"min-cell", required_argument, NULL, OPT_MIN_CELL},
        {"internal", no_argument, NULL, OPT_INTERNAL},
        {"clients-per-coach-year", required_argument, NULL, OPT_CPCY},
        {"guidance-reasons", required_argument, NULL, OPT_GUIDANCE},
        {"outcome-reasons", required_argument, NULL, OPT_OUTCOME},
        {NULL, 0, NULL, 0},
    };
    memset(o, 0, sizeof *o);
    metric_query_init(&o->q);
    o->format = "csv";
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
        if (c == ':')
            return usage_error(d, "this option needs a value:", argv[optind - 1]);
        if (c == '?')
            return usage_error(d, "unknown option", argv[optind - 1]);
        if (apply_option(o, c, optarg, d) != IPS_EXIT_OK)
            return IPS_EXIT_FAILURE;
    }
    if (optind < argc)
        return usage_error(d, "unexpected argument", argv[optind]);
    return IPS_EXIT_OK;
}

/* The checks that need all options: exactly one way to give the period. */
static int check_opts(metrics_opts *o, ips_diag *d)
{
    if (!o->db)
        return usage_error(d, "give the warehouse with --db FILE", NULL);
    if (strcmp(o->format, "csv") != 0 && strcmp(o->format, "json") != 0)
        return usage_error(d, "--format takes csv or json, not", o->format);
    if (period_opts_check(&o->p, d) != IPS_OK) {
        char msg[sizeof d->msg];
        snprintf(msg, sizeof msg, "%s", d->msg);
        return usage_error(d, msg, NULL);
    }
    return IPS_EXIT_OK;
}

/* ---- output ---------------------------------------------------------- */

/* Counts print whole; fte sums and other fractions with up to 3 decimals. */
static const char *format_number(double v, char *buf, size_t n)
{
    if (fabs(v - round(v)) < 1e-9) {
        snprintf(buf, n, "%.0f", round(v) == 0 ? 0.0 : round(v));
        return buf;
    }
    snprintf(buf, n, "%.3f", v);
    char *p = buf + strlen(buf) - 1;
    while (*p == '0')
        *p-- = '\0';
    if (*p == '.')
        *p = '\0';
    return buf;
}

/* The fields of one row as text; "" where a field does not apply. */
typedef struct {
    char start[11], end[11];
    char num[32], den[32], value[64], score[8];
} row_text;

static void row_fields(const metric_row *r, int min_cell, row_text *t)
{
    date_format_iso(r->period_start, t->start);
    date_format_iso(r->period_end, t->end);
    t->num[0] = t->den[0] = t->score[0] = '\0';
    if (!r->suppressed && (r->has & MH_NUMERATOR))
        format_number(r->numerator, t->num, sizeof t->num);
    if (!r->suppressed && (r->has & MH_DENOMINATOR))
        format_number(r->denominator, t->den, sizeof t->den);
    if (r->has & MH_SCORE)
        snprintf(t->score, sizeof t->score, "%d", r->score);
    metric_format_value(r, min_cell, t->value, sizeof t->value);
}

static void write_csv(FILE *out, const metric_set *set, int min_cell)
{
    fputs("metric,period_start,period_end,group_by,group,numerator,denominator,value,score,"
          "suppressed,to_date,note\n", out);
    for (size_t i = 0; i < set->n; i++) {
        const metric_row *r = &set->rows[i];
        row_text t;
        row_fields(r, min_cell, &t);
        const char *f[] = {r->metric, t.start,   t.end,   r->group_by, r->group,
                           t.num,     t.den,     t.value, t.score,     r->suppressed ? "y" : "n",
                           r->to_date ? "y" : "n", r->note};
        /* Which fields are text, escaped if a spreadsheet would take them
         * for a formula (common/csv_cell.h): ids and names, a value that is
         * not a number ("<5", a fidelity band) and the note; numbers,
         * negative ones too, stay numbers. */
        bool value_text = r->suppressed || r->kind == MK_TEXT;
        const bool text[] = {true,  false, false, true, true, false,
                             false, value_text, false, true, true, true};
        for (size_t k = 0; k < sizeof f / sizeof f[0]; k++)
            csv_cell_write(out, f[k], text[k], k + 1 == sizeof f / sizeof f[0]);
    }
}

/* Length of the valid UTF-8 sequence at s, or 0 when it is not one. */
static size_t utf8_len(const unsigned char *s)
{
    if (s[0] < 0x80)
        return 1;
    size_t n = s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 && s[0] < 0xE0 ? 2 : 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    if ((n == 3 && s[0] == 0xE0 && s[1] < 0xA0) || (n == 3 && s[0] == 0xED && s[1] >= 0xA0) ||
        (n == 4 && s[0] == 0xF0 && s[1] < 0x90) || (n == 4 && s[0] == 0xF4 && s[1] >= 0x90))
        return 0; /* overlong, surrogate or beyond U+10FFFF */
    return n;
}

/* A JSON string; bytes that are not UTF-8 become U+FFFD so the output stays valid. */
static void json_string(FILE *out, const char *s)
{
    fputc('"', out);
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        size_t n = utf8_len(p);
        if (n == 0) {
            fputs("\\ufffd", out);
            p++;
        } else if (*p == '"' || *p == '\\') {
            fprintf(out, "\\%c", *p++);
        } else if (*p < 0x20) {
            fprintf(out, "\\u%04x", *p++);
        } else {
            fwrite(p, 1, n, out);
            p += n;
        }
    }
    fputc('"', out);
}

/* A field: null when blank, a JSON number when numeric, else a string. */
static void json_field(FILE *out, const char *key, const char *v, bool number, bool first)
{
    fprintf(out, "%s\"%s\":", first ? "" : ",", key);
    if (!v[0])
        fputs("null", out);
    else if (number)
        fputs(v, out);
    else
        json_string(out, v);
}

static void write_json(FILE *out, const metric_set *set, int min_cell)
{
    fputc('[', out);
    for (size_t i = 0; i < set->n; i++) {
        const metric_row *r = &set->rows[i];
        row_text t;
        row_fields(r, min_cell, &t);
        /* group is "" for an unknown group of a breakdown, null without one. */
        bool numeric_value = !r->suppressed && r->kind != MK_TEXT;
        fputs(i ? ",\n{" : "\n{", out);
        json_field(out, "metric", r->metric, false, true);
        json_field(out, "period_start", t.start, false, false);
        json_field(out, "period_end", t.end, false, false);
        json_field(out, "group_by", r->group_by, false, false);
        fputs(",\"group\":", out);
        if (r->group_by[0])
            json_string(out, r->group);
        else
            fputs("null", out);
        json_field(out, "numerator", t.num, true, false);
        json_field(out, "denominator", t.den, true, false);
        json_field(out, "value", t.value, numeric_value, false);
        json_field(out, "score", t.score, true, false);
        fprintf(out, ",\"suppressed\":%s,\"to_date\":%s", r->suppressed ? "true" : "false",
                r->to_date ? "true" : "false");
        json_field(out, "note", r->note, false, false);
        fputc('}', out);
    }
    fputs(set->n ? "\n]\n" : "]\n", out);
}

static int run(metrics_opts *o, ips_diag *d)
{
    warehouse *wh = NULL;
    if (reader_open(o->db, &wh, d) != IPS_OK)
        return IPS_EXIT_FAILURE;
    metric_set *set = metric_set_new();
    /* No silent zeros: say what is missing rather than print empty figures. */
    ips_error e = !set ? ips_diag_set(d, IPS_ERR_NOMEM, "out of memory")
                       : period_opts_resolve(&o->p, wh, &o->q, d);
    if (e == IPS_OK)
        e = metrics_check_known(wh, &o->q, d);
    if (e == IPS_OK)
        e = metrics_compute(wh, &o->q, set, d);
    reader_close(wh);
    if (e == IPS_OK) {
        if (o->q.internal)
            fputs("ipsreport metrics: internal: contains small numbers\n", stderr);
        if (strcmp(o->format, "json") == 0)
            write_json(stdout, set, o->q.min_cell);
        else
            write_csv(stdout, set, o->q.min_cell);
        if (fflush(stdout) != 0 || ferror(stdout)) {
            e = ips_diag_set(d, IPS_ERR_IO, "cannot write standard output (%s)", strerror(errno));
            clearerr(stdout); /* reported here once; main() need not say it again */
        }
    }
    metric_set_free(set);
    return e == IPS_OK ? IPS_EXIT_OK : IPS_EXIT_FAILURE;
}

int cmd_metrics(int argc, char **argv, ips_diag *d)
{
    if (wants_help(argc, argv)) {
        fputs(help_text, stdout);
        return IPS_EXIT_OK;
    }
    metrics_opts o;
    if (parse_args(argc, argv, &o, d) != IPS_EXIT_OK || check_opts(&o, d) != IPS_EXIT_OK)
        return IPS_EXIT_FAILURE;
    return run(&o, d);
}
