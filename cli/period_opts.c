/* One parser for the period options of every reading command
 * (cli/period_opts.h). */
#include "cli/period_opts.h"

#include <stdio.h>
#include <string.h>

#include "common/date.h"
#include "reports/report_data.h"

bool period_opts_take(period_opts *p, int c, const char *arg)
{
    switch (c) {
    case PERIOD_OPT_PERIOD: p->period = arg; return true;
    case PERIOD_OPT_FROM: p->from = arg; return true;
    case PERIOD_OPT_TO: p->to = arg; return true;
    case PERIOD_OPT_AS_OF: p->as_of = arg; return true;
    default: return false;
    }
}

static ips_error date_arg(const char *opt, const char *arg, ips_day *out, ips_diag *d)
{
    if (date_parse_iso(arg, out))
        return IPS_OK;
    return ips_diag_set(d, IPS_ERR_USAGE, "%s '%s' is not a date; write YYYY-MM-DD, e.g. 2024-12-31",
                        opt, arg);
}

ips_error period_opts_check(const period_opts *p, ips_diag *d)
{
    ips_day day;
    if (p->period && (p->from || p->to))
        return ips_diag_set(d, IPS_ERR_USAGE, "give either --period or --from and --to, not both");
    if (!p->period && !(p->from && p->to))
        return ips_diag_set(d, IPS_ERR_USAGE, p->from || p->to
                                                  ? "give both --from and --to"
                                                  : "give the period with --period (e.g. 2024Q3 "
                                                    "or latest) or --from DATE --to DATE");
    if (p->from && date_arg("--from", p->from, &day, d) != IPS_OK)
        return d->code;
    if (p->to && date_arg("--to", p->to, &day, d) != IPS_OK)
        return d->code;
    if (p->as_of && date_arg("--as-of", p->as_of, &day, d) != IPS_OK)
        return d->code;
    return IPS_OK;
}

ips_error period_opts_resolve(const period_opts *p, warehouse *wh, metric_query *q, ips_diag *d)
{
    ips_error e = period_opts_check(p, d);
    if (e != IPS_OK)
        return e;
    q->as_of = IPS_DAY_NONE;
    if (p->as_of)
        date_parse_iso(p->as_of, &q->as_of);
    if (p->from) {
        date_parse_iso(p->from, &q->start);
        date_parse_iso(p->to, &q->end);
        if (q->end < q->start)
            return ips_diag_set(d, IPS_ERR_USAGE, "--to %s is before --from %s; swap them", p->to,
                                p->from);
        return IPS_OK;
    }
    if (strcmp(p->period, "latest") != 0)
        return metric_period_parse(p->period, &q->start, &q->end, d);
    ips_day as_of = q->as_of;
    if (as_of == IPS_DAY_NONE) {
        if (!wh)
            return ips_diag_set(d, IPS_ERR_USAGE, "--period latest needs the warehouse");
        if ((e = metrics_as_of(wh, &as_of, d)) != IPS_OK)
            return e;
        if (as_of == IPS_DAY_NONE)
            return ips_diag_set(d, IPS_ERR_NO_DATA, "%s holds no dated rows: there is no latest "
                                "quarter; ingest the exports first", warehouse_path(wh));
    }
    report_latest_quarter(as_of, &q->start, &q->end);
    return IPS_OK;
}

void period_opts_label(const metric_query *q, char *buf, size_t size)
{
    report_period_text(q->start, q->end, buf, size);
}

int period_opts_argv(const period_opts *p, const char *label, char **argv, int n)
{
    if (p->from) {
        argv[n++] = "--from", argv[n++] = (char *)p->from;
        argv[n++] = "--to", argv[n++] = (char *)p->to;
    } else {
        argv[n++] = "--period", argv[n++] = (char *)label;
    }
    if (p->as_of)
        argv[n++] = "--as-of", argv[n++] = (char *)p->as_of;
    argv[n] = NULL;
    return n;
}
