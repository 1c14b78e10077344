/* Writing a county's aggregate pack (model/pack.h, docs/federation.md):
 * every query the national level may publish, computed here once, without
 * suppression, from the county's facts, and nothing about one client. */
#include "model/pack.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/outfile.h"
#include "common/version.h"
#include "model/engine.h"
#include "model/funder.h"
#include "model/metrics.h"
#include "model/pack_rows.h"

static const char *const pack_schema =
    "CREATE TABLE pack_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE pack_rows(family TEXT NOT NULL, q_start TEXT NOT NULL, q_end TEXT NOT NULL,"
    " q_by TEXT NOT NULL, seq INTEGER NOT NULL, " PACK_ROW_DECL ");"
    "CREATE TABLE pack_coaches(coach_id TEXT PRIMARY KEY, provider_id TEXT, team_id TEXT,"
    " region TEXT, fte REAL, focus_share REAL, community_share REAL, start_date TEXT,"
    " end_date TEXT);"
    "CREATE TABLE pack_reviews(review_id TEXT NOT NULL, unit TEXT, review_date TEXT,"
    " item INTEGER NOT NULL, status TEXT, score INTEGER, score_high INTEGER, reviewer TEXT);";

typedef struct {
    ips_day qe;
    metric_group by;
} end_key;

typedef struct {
    warehouse *wh;
    sqlite3 *out;
    sqlite3_stmt *ins;
    metric_query q;      /* settings: defaults, as of A, internal */
    pack_info *info;
    end_key *ends;       /* the end days and breakdowns whose end parts are written */
    size_t n_ends, cap_ends;
    ips_diag *d;
} pack_ctx;

static ips_error db_fail(pack_ctx *c, const char *what)
{
    return ips_diag_set(c->d, IPS_ERR_DB, "writing the pack (%s): %s", what,
                        sqlite3_errmsg(c->out));
}

static ips_error put_rows(pack_ctx *c, const char *family, ips_day qs, ips_day qe,
                          metric_group by, const metric_set *set)
{
    for (size_t i = 0; i < set->n; i++) {
        sqlite3_reset(c->ins);
        int rc = sqlite3_bind_text(c->ins, 1, family, -1, SQLITE_STATIC);
        rc |= pack_bind_day(c->ins, 2, qs);
        rc |= pack_bind_day(c->ins, 3, qe);
        rc |= sqlite3_bind_text(c->ins, 4, metric_group_name(by), -1, SQLITE_STATIC);
        rc |= sqlite3_bind_int64(c->ins, 5, (sqlite3_int64)i);
        rc |= pack_row_bind(c->ins, 6, &set->rows[i]);
        if (rc != SQLITE_OK || sqlite3_step(c->ins) != SQLITE_DONE)
            return db_fail(c, "a row");
    }
    c->info->rows += set->n;
    c->info->queries++;
    return IPS_OK;
}

/* The family of a query's parts: a calendar cell's, or a span's own (the
 * last four quarters ending with Q4 are the year: their parts must not be
 * counted twice). */
static const char *parts_family(const char *family)
{
    if (strcmp(family, PACK_FAMILY_METRICS) == 0)
        return PACK_FAMILY_PARTS;
    return strcmp(family, PACK_FAMILY_LAST4) == 0 ? PACK_FAMILY_PARTS_OF PACK_FAMILY_LAST4
                                                  : PACK_FAMILY_PARTS_OF PACK_FAMILY_SINCE;
}

/* Whether the end parts of (qe, by) are written; records them as written. */
static bool end_written(pack_ctx *c, ips_day qe, metric_group by)
{
    for (size_t i = 0; i < c->n_ends; i++)
        if (c->ends[i].qe == qe && c->ends[i].by == by)
            return true;
    if (c->n_ends == c->cap_ends) {
        size_t cap = c->cap_ends ? c->cap_ends * 2 : 64;
        end_key *g = realloc(c->ends, cap * sizeof *g);
        if (!g)
            return false; /* written again: only costs room */
        c->ends = g;
        c->cap_ends = cap;
    }
    c->ends[c->n_ends++] = (end_key){qe, by};
    return false;
}

/* One kind of q's parts, under family (the end day's under qs = qe). */
static ips_error put_parts(pack_ctx *c, const char *family, const metric_query *q,
                           eng_parts_kind kind)
{
    metric_set *set = metric_set_new();
    const facts *f;
    /* The parts read no meeting day or score: kept out until a span's
     * metrics need them, after the years' largest passes (fill()). */
    ips_error e = set ? facts_get_without(c->wh, q->as_of,
                                          FACTS_LAZY_MEETING_DAYS | FACTS_LAZY_SCORES, &f, c->d)
                      : ips_diag_set(c->d, IPS_ERR_NOMEM, "out of memory");
    if (e == IPS_OK)
        e = engine_parts(f, q, kind, set, c->d);
    if (e == IPS_OK)
        e = put_rows(c, family, kind == PARTS_OF_END ? q->end : q->start, q->end, q->by, set);
    metric_set_free(set);
    return e;
}

/* One query's rows: metric rows, or (funder) the funder's since the start. */
static ips_error put_query(pack_ctx *c, const char *family, ips_day qs, ips_day qe,
                           metric_group by)
{
    metric_set *set = metric_set_new();
    if (!set)
        return ips_diag_set(c->d, IPS_ERR_NOMEM, "out of memory");
    metric_query q = c->q;
    q.start = qs;
    q.end = qe;
    q.by = by;
    ips_day s = qs;
    ips_error e = strcmp(family, PACK_FAMILY_FUNDER) == 0
                      ? funder_compute(c->wh, &q, IPS_DAY_NONE, set, &s, c->d)
                      : metrics_compute(c->wh, &q, set, c->d);
    if (e == IPS_OK)
        e = put_rows(c, family, s, qe, by, set);
    metric_set_free(set);
    if (e == IPS_OK && strcmp(family, PACK_FAMILY_FUNDER) != 0) {
        /* the parts the nation needs to work out what does not add up */
        e = put_parts(c, parts_family(family), &q, PARTS_OF_QUERY);
        if (e == IPS_OK && !end_written(c, qe, by))
            e = put_parts(c, PACK_FAMILY_PARTS_END, &q, PARTS_OF_END);
    }
    return e;
}

/* A year's cells (the disclosure universe's: the year, halves, quarters and
 * January–September), each whole and by every breakdown. */
static ips_error put_year(pack_ctx *c, int y)
{
    ips_day jan = date_from_ymd(y, 1, 1);
    static const int cell[][2] = {{0, 12}, {0, 6}, {6, 6}, {0, 3}, {3, 3}, {6, 3}, {9, 3}, {0, 9}};
    ips_error e = IPS_OK;
    for (size_t k = 0; e == IPS_OK && k < sizeof cell / sizeof cell[0]; k++) {
        ips_day s = date_add_months(jan, cell[k][0]);
        ips_day t = date_add_months(s, cell[k][1]) - 1;
        if (s > c->q.as_of)
            continue; /* nothing is known of it (R22) */
        for (int by = GROUP_NONE; e == IPS_OK && by < GROUP_COUNTY; by++)
            e = put_query(c, PACK_FAMILY_METRICS, s, t, (metric_group)by);
    }
    return e;
}

/* To each quarter's end: the last four quarters, the time since the data's
 * first quarter and the funder's span since the first ips start. */
static ips_error put_spans(pack_ctx *c, ips_day from)
{
    ips_error e = IPS_OK;
    for (ips_day qs = metric_quarter_start(from); e == IPS_OK && qs <= c->q.as_of;
         qs = date_add_months(qs, 3)) {
        ips_day qe = date_add_months(qs, 3) - 1;
        e = put_query(c, PACK_FAMILY_LAST4, date_add_months(qs, -9), qe, GROUP_NONE);
        if (e == IPS_OK && metric_quarter_start(c->info->first_day) <= qe)
            e = put_query(c, PACK_FAMILY_SINCE, metric_quarter_start(c->info->first_day), qe,
                          GROUP_NONE);
        if (e == IPS_OK && c->info->ips_first_day != IPS_DAY_NONE &&
            c->info->ips_first_day <= qe)
            e = put_query(c, PACK_FAMILY_FUNDER, c->info->ips_first_day, qe, GROUP_NONE);
    }
    return e;
}

static ips_error put_meta(pack_ctx *c, const char *key, const char *value)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(c->out, "INSERT INTO pack_meta(key, value) VALUES (?, ?)", -1, &st,
                           NULL) != SQLITE_OK)
        return db_fail(c, "meta");
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? IPS_OK : db_fail(c, "meta");
}

static void iso_or_blank(ips_day day, char buf[11])
{
    buf[0] = '\0';
    if (day != IPS_DAY_NONE)
        date_format_iso(day, buf);
}

static ips_error put_metas(pack_ctx *c)
{
    pack_info *i = c->info;
    char v[16], days[5][11];
    snprintf(v, sizeof v, "%d", PACK_VERSION);
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(i->created, sizeof i->created, "%Y-%m-%dT%H:%M:%SZ", &tm);
    snprintf(i->made_by, sizeof i->made_by, "%s", IPS_VERSION);
    const ips_day day[5] = {i->as_of, i->first_day, i->ips_first_day, i->period_first,
                            i->period_last};
    for (int k = 0; k < 5; k++)
        iso_or_blank(day[k], days[k]);
    /* what pack_read_info() reads back */
    const char *const meta[][2] = {
        {"format", PACK_FORMAT},  {"version", v},         {"county", i->county},
        {"made_by", i->made_by},  {"created", i->created}, {"as_of", days[0]},
        {"first_day", days[1]},   {"ips_first_day", days[2]}, {"period_first", days[3]},
        {"period_last", days[4]},
    };
    ips_error e = IPS_OK;
    for (size_t k = 0; e == IPS_OK && k < sizeof meta / sizeof meta[0]; k++)
        e = put_meta(c, meta[k][0], meta[k][1]);
    return e;
}

static ips_error fill(pack_ctx *c)
{
    pack_info *i = c->info;
    const facts *f;
    ips_error e = facts_get_core(c->wh, i->as_of, &f, c->d);
    if (e == IPS_OK)
        i->first_day = facts_first_day(f);
    if (e == IPS_OK)
        e = funder_first_day(c->wh, &c->q, &i->ips_first_day, c->d);
    if (e != IPS_OK)
        return e;
    int y0, y1, m, dd;
    date_to_ymd(i->first_day, &y0, &m, &dd);
    date_to_ymd(i->as_of, &y1, &m, &dd);
    /* Two years before the data, as the kept patterns: the nine quarters a
     * publication shows reach that far back. */
    i->period_first = date_from_ymd(y0 - 2, 1, 1);
    i->period_last = date_from_ymd(y1, 12, 31);
    /* A year that ingest kept no pass of (before the data) is computed
     * from every array; the next year's parts need only the coach days. */
    for (int y = y0 - 2; e == IPS_OK && y <= y1; y++) {
        e = put_year(c, y);
        facts_release(c->wh, i->as_of, FACTS_LAZY_MEETING_DAYS | FACTS_LAZY_SCORES);
    }
    if (e == IPS_OK)
        e = put_spans(c, i->period_first);
    if (e == IPS_OK)
        e = pack_copy_registers(c->wh, c->out, i, c->d);
    if (e == IPS_OK)
        e = pack_put_quality(c->wh, c->out, i->as_of, c->d);
    return e == IPS_OK ? put_metas(c) : e;
}

static ips_error write_db(pack_ctx *c, const char *file)
{
    if (sqlite3_open_v2(file, &c->out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
        SQLITE_OK)
        return db_fail(c, "opening");
    ips_error e = IPS_OK;
    if (sqlite3_exec(c->out, "PRAGMA journal_mode=OFF; BEGIN;", NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(c->out, pack_schema, NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(c->out,
                           "INSERT INTO pack_rows(family, q_start, q_end, q_by, seq, " PACK_ROW_COLUMNS
                           ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                           -1, &c->ins, NULL) != SQLITE_OK)
        e = db_fail(c, "creating the tables");
    if (e == IPS_OK)
        e = fill(c);
    sqlite3_finalize(c->ins);
    if (e == IPS_OK && sqlite3_exec(c->out, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        e = db_fail(c, "COMMIT");
    if (sqlite3_close(c->out) != SQLITE_OK && e == IPS_OK)
        e = ips_diag_set(c->d, IPS_ERR_IO, "cannot close the pack");
    return e;
}

ips_error pack_write(warehouse *wh, const char *county, ips_day as_of, const char *path,
                     pack_info *info, ips_diag *d)
{
    pack_info local;
    if (!info)
        info = &local;
    memset(info, 0, sizeof *info);
    info->version = PACK_VERSION;
    if (!county || !county[0] || strlen(county) >= sizeof info->county)
        return ips_diag_set(d, IPS_ERR_USAGE, "name the county with 1 to %d characters",
                            (int)sizeof info->county - 1);
    snprintf(info->county, sizeof info->county, "%s", county);
    pack_ctx c = {.wh = wh, .info = info, .d = d};
    metric_query_init(&c.q);
    c.q.internal = true;
    ips_error e = as_of == IPS_DAY_NONE ? metrics_as_of(wh, &as_of, d) : IPS_OK;
    if (e != IPS_OK)
        return e;
    c.q.as_of = info->as_of = as_of;
    c.q.start = c.q.end = as_of;
    e = as_of == IPS_DAY_NONE ? ips_diag_set(d, IPS_ERR_NO_DATA, "the warehouse holds no "
                                             "enrollments: there is nothing to pack")
                              : metrics_check_known(wh, &c.q, d);
    if (e != IPS_OK)
        return e;
    outfile of;
    if ((e = outfile_open(&of, path, d)) != IPS_OK)
        return e;
    outfile_close_fd(&of);
    e = write_db(&c, of.tmp);
    free(c.ends);
    if (e != IPS_OK) {
        outfile_abort(&of);
        return e;
    }
    return outfile_commit(&of, d);
}
