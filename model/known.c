/* What is known (metrics.md R1, R22): before any figure is computed, a query
 * that nothing is known of is refused with a message that says what is
 * missing, instead of printing zeros that look like a report.  Also the
 * period's name as users write it. */
#include <stdio.h>

#include "model/facts.h"
#include "model/metrics.h"

void metric_period_text(ips_day start, ips_day end, char *buf, size_t size)
{
    int y1, m1, d1, y2, m2, d2;
    date_to_ymd(start, &y1, &m1, &d1);
    date_to_ymd(end + 1, &y2, &m2, &d2);
    int months = (y2 * 12 + m2) - (y1 * 12 + m1);
    if (d1 == 1 && d2 == 1 && months == 3 && (m1 - 1) % 3 == 0) {
        snprintf(buf, size, "%dQ%d", y1, (m1 - 1) / 3 + 1);
    } else if (d1 == 1 && d2 == 1 && months == 6 && (m1 == 1 || m1 == 7)) {
        snprintf(buf, size, "%dH%d", y1, m1 == 1 ? 1 : 2);
    } else if (d1 == 1 && d2 == 1 && months == 12 && m1 == 1) {
        snprintf(buf, size, "%d", y1);
    } else {
        char a[11], b[11];
        date_format_iso(start, a);
        date_format_iso(end, b);
        snprintf(buf, size, "%s\xE2\x80\x93%s", a, b);
    }
}

/* The period of the same kind as [start, end] (quarter, half-year, year)
 * that holds day; false for another span. */
static bool same_kind_holding(ips_day start, ips_day end, ips_day day, ips_day *s, ips_day *e)
{
    int y1, m1, d1, y2, m2, d2, y, m, dd;
    date_to_ymd(start, &y1, &m1, &d1);
    date_to_ymd(end + 1, &y2, &m2, &d2);
    date_to_ymd(day, &y, &m, &dd);
    int months = (y2 * 12 + m2) - (y1 * 12 + m1);
    if (d1 != 1 || d2 != 1 || (months != 3 && months != 6 && months != 12) ||
        (m1 - 1) % months != 0)
        return false;
    *s = date_from_ymd(y, (m - 1) / months * months + 1, 1);
    *e = date_add_months(*s, months) - 1;
    return true;
}

/* The first start date of any enrollment, IPS_DAY_NONE when there is none. */
static ips_error first_enrollment(warehouse *wh, ips_day *out, ips_diag *d)
{
    sqlite3_stmt *st;
    *out = IPS_DAY_NONE;
    if (sqlite3_prepare_v2(warehouse_db(wh), "SELECT min(start_date) FROM enrollments", -1, &st,
                           NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, "counting the enrollments");
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
        date_parse_iso((const char *)sqlite3_column_text(st, 0), out);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? IPS_OK : warehouse_fail(wh, d, "counting the enrollments");
}

static ips_error no_enrollments(warehouse *wh, ips_day as_of, ips_diag *d)
{
    ips_day first;
    ips_error e = first_enrollment(wh, &first, d);
    if (e != IPS_OK)
        return e;
    if (first == IPS_DAY_NONE || as_of == IPS_DAY_NONE)
        return ips_diag_set(d, IPS_ERR_NO_DATA, "%s holds no enrollments: ingest the "
                            "enrollments export (enrollments.csv) first",
                            warehouse_path(wh));
    char a[11], f[11];
    date_format_iso(as_of, a);
    date_format_iso(first, f);
    return ips_diag_set(d, IPS_ERR_NO_DATA, "%s holds no enrollment that started by the as-of "
                        "day %s (the first starts on %s); give a later --as-of",
                        warehouse_path(wh), a, f);
}

static ips_error after_as_of(const metric_query *q, ips_day as_of, bool given, ips_diag *d)
{
    char period[48], a[11], latest[96] = "";
    metric_period_text(q->start, q->end, period, sizeof period);
    date_format_iso(as_of, a);
    ips_day ls, le;
    if (same_kind_holding(q->start, q->end, as_of, &ls, &le)) {
        char name[48];
        metric_period_text(ls, le, name, sizeof name);
        snprintf(latest, sizeof latest, "; the latest period with data is %s%s", name,
                 le > as_of ? " (to date)" : "");
    }
    return ips_diag_set(d, IPS_ERR_NO_DATA, "period %s starts after %s %s: nothing is known "
                        "of it%s", period, given ? "the as-of day (--as-of)" : "the data's last day",
                        a, latest);
}

/* A as q resolves it (the data's own unless given) and whether it was the
 * user's own: callers may pass A resolved, so only a date that is not the
 * data's counts as given. */
static ips_error query_as_of(warehouse *wh, const metric_query *q, ips_day *as_of, bool *given,
                             ips_diag *d)
{
    ips_day data_as_of;
    ips_error e = metrics_as_of(wh, &data_as_of, d);
    *as_of = q->as_of != IPS_DAY_NONE ? q->as_of : data_as_of;
    *given = *as_of != data_as_of;
    return e;
}

ips_error metrics_check_period(warehouse *wh, const metric_query *q, ips_diag *d)
{
    ips_day as_of;
    bool given;
    ips_error e = query_as_of(wh, q, &as_of, &given, d);
    if (e == IPS_OK && as_of != IPS_DAY_NONE && q->start != IPS_DAY_NONE && q->start > as_of)
        e = after_as_of(q, as_of, given, d);
    return e;
}

ips_error metrics_check_known(warehouse *wh, const metric_query *q, ips_diag *d)
{
    ips_day as_of;
    bool given;
    ips_error e = query_as_of(wh, q, &as_of, &given, d);
    if (e != IPS_OK)
        return e;
    if (as_of == IPS_DAY_NONE)
        return no_enrollments(wh, as_of, d);
    /* The stored facts' pack counts their episodes: no need to load them. */
    ips_day kept_as_of;
    long long n_episodes;
    e = facts_kept_summary(wh, &kept_as_of, &n_episodes, d);
    if (e != IPS_OK)
        return e;
    if (kept_as_of != as_of || n_episodes < 0) {
        const facts *f;
        e = facts_get_core(wh, as_of, &f, d);
        if (e != IPS_OK)
            return e;
        n_episodes = f->n_episodes || f->national ? 1 : 0;
    }
    if (n_episodes == 0)
        return no_enrollments(wh, as_of, d);
    return metrics_check_period(wh, q, d);
}
