/* Short row builders for the fidelity tests, on top of fixture.h.  Text
 * arguments are SQL values: NULL (the C pointer) stores a blank.  Numbers
 * below 0 store a blank too. */
#ifndef IPS_TEST_FIDELITY_FIXTURE_H
#define IPS_TEST_FIDELITY_FIXTURE_H

#include <math.h>

#include "tests/unit/fixture.h"

static inline void sqlf(warehouse *wh, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static inline void sqlf(warehouse *wh, const char *fmt, ...)
{
    char buf[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    fixture_sql(wh, buf);
}

/* 'text' or NULL, in one of 16 rotating buffers (enough for one statement). */
static inline const char *lit(const char *s)
{
    static char bufs[16][128];
    static int next;
    char *b = bufs[next++ % 16];
    if (s)
        snprintf(b, sizeof bufs[0], "'%s'", s);
    else
        snprintf(b, sizeof bufs[0], "NULL");
    return b;
}

static inline const char *num(double v)
{
    static char bufs[16][32];
    static int next;
    char *b = bufs[next++ % 16];
    if (v < 0)
        snprintf(b, sizeof bufs[0], "NULL");
    else
        snprintf(b, sizeof bufs[0], "%.6g", v);
    return b;
}

static inline void add_coach(warehouse *wh, const char *id, const char *provider, double fte,
                             double focus, double community, const char *start, const char *end)
{
    sqlf(wh,
         "INSERT INTO coaches(coach_id, provider_id, team_id, region, fte, focus_share,"
         " community_share, start_date, end_date, " FIX_COLS ")"
         " VALUES('%s', '%s', 't-%s', 'r1', %s, %s, %s, %s, %s, " FIX_VALS ")",
         id, provider, provider, num(fte), num(focus), num(community), lit(start), lit(end));
}

static inline void add_client(warehouse *wh, const char *id, const char *gender)
{
    sqlf(wh, "INSERT INTO clients(client_id, gender, " FIX_COLS ") VALUES('%s', %s, " FIX_VALS ")",
         id, lit(gender));
}

/* An episode; an ended one gets exit_reason 'other'. */
static inline void add_episode(warehouse *wh, const char *id, const char *client,
                               const char *coach, const char *service, const char *start,
                               const char *end)
{
    sqlf(wh,
         "INSERT INTO enrollments(enrollment_id, client_id, coach_id, service, start_date,"
         " end_date, exit_reason, " FIX_COLS ") VALUES('%s', '%s', %s, '%s', '%s', %s, %s, "
         FIX_VALS ")",
         id, client, lit(coach), service, start, lit(end), end ? "'other'" : "NULL");
}

static inline void add_employer(warehouse *wh, const char *id)
{
    sqlf(wh, "INSERT INTO employers(employer_id, " FIX_COLS ") VALUES('%s', " FIX_VALS ")", id);
}

/* A contact with a made-up id; in_person 1/0; minutes < 0 = blank. */
static inline void add_contact(warehouse *wh, const char *date, const char *kind, int in_person,
                               const char *client, const char *coach, const char *by,
                               const char *setting, double minutes)
{
    static int next;
    sqlf(wh,
         "INSERT INTO contacts(contact_id, date, kind, in_person, client_id, coach_id, \"by\","
         " setting, minutes, " FIX_COLS ") VALUES('x%d', '%s', '%s', %d, %s, %s, %s, %s, %s, "
         FIX_VALS ")",
         ++next, date, kind, in_person, lit(client), lit(coach), lit(by), lit(setting),
         num(minutes));
}

/* n in-person employer contacts by coach, one a day from first (by = by). */
static inline void add_employer_contacts(warehouse *wh, const char *coach, int n,
                                         const char *first, const char *by)
{
    static int batch;
    batch++;
    sqlf(wh,
         "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < %d)"
         " INSERT INTO contacts(contact_id, date, kind, in_person, coach_id, \"by\", " FIX_COLS ")"
         " SELECT 'e%d-' || i, date('%s', '+' || i || ' days'), 'employer', 1, '%s', %s, "
         FIX_VALS " FROM n",
         n, batch, first, coach, lit(by));
}

/* A job; permanent 1/0, or < 0 for blank; competitive 1/0. */
static inline void add_job(warehouse *wh, const char *id, const char *client,
                           const char *employer, const char *enrollment, const char *title,
                           const char *occupation, const char *start, const char *end,
                           int competitive, int permanent)
{
    sqlf(wh,
         "INSERT INTO jobs(job_id, client_id, employer_id, enrollment_id, job_title, occupation,"
         " start_date, end_date, competitive, permanent, " FIX_COLS ")"
         " VALUES('%s', '%s', '%s', %s, %s, %s, '%s', %s, %d, %s, " FIX_VALS ")",
         id, client, employer, lit(enrollment), lit(title), lit(occupation), start, lit(end),
         competitive, permanent < 0 ? "NULL" : permanent ? "1" : "0");
}

/* The row or a failure naming it. */
static inline const metric_row *row_of(const metric_set *set, const char *metric,
                                       const char *group)
{
    return fixture_row(set, metric, group);
}

static inline void assert_value(const metric_row *r, double want)
{
    if (!(r->has & MH_VALUE))
        fail_msg("%s '%s': no value, want %g", r->metric, r->group, want);
    if (fabs(r->value - want) > 1e-9)
        fail_msg("%s '%s': value %.6f, want %g", r->metric, r->group, r->value, want);
}

static inline void assert_score(const metric_row *r, int want)
{
    if (!(r->has & MH_SCORE))
        fail_msg("%s '%s': no score, want %d", r->metric, r->group, want);
    if (r->score != want)
        fail_msg("%s '%s': score %d, want %d", r->metric, r->group, r->score, want);
}

/* Blank value and score: the row exists but says nothing (never 0 or 1). */
static inline void assert_blank(const metric_row *r)
{
    if (r->has & (MH_VALUE | MH_SCORE))
        fail_msg("%s '%s': want blank, has value %g score %d", r->metric, r->group, r->value,
                 r->score);
}

static inline void assert_fraction(const metric_row *r, double num, double den)
{
    assert_true(r->has & MH_NUMERATOR);
    assert_true(r->has & MH_DENOMINATOR);
    if (fabs(r->numerator - num) > 1e-9 || fabs(r->denominator - den) > 1e-9)
        fail_msg("%s '%s': %g / %g, want %g / %g", r->metric, r->group, r->numerator,
                 r->denominator, num, den);
}

#endif
