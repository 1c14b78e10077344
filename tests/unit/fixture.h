/* Test fixtures for model/ tests: a fresh warehouse in a temporary file and
 * short helpers to insert hand-made rows.  Header-only so every unit test can
 * include it.  Rows are inserted with SQL here (tests of the model may know
 * the schema); batch 1 exists so batch_id/src_line/row_hash can be defaulted.
 *
 *   warehouse *wh = fixture_open();
 *   fixture_sql(wh, "INSERT INTO clients(client_id) VALUES('c1')");  // FIX_TAIL added for you? no:
 *   use the FIX_* macros below, e.g.
 *   fixture_sql(wh, "INSERT INTO coaches(coach_id,provider_id,fte,start_date," FIX_COLS ") "
 *                   "VALUES('k1','p1',1,'2024-01-01'," FIX_VALS ")");
 *   fixture_close(wh); */
#ifndef IPS_TEST_FIXTURE_H
#define IPS_TEST_FIXTURE_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/metrics.h"
#include "model/warehouse.h"

#define FIX_COLS "batch_id, src_line, row_hash"
#define FIX_VALS "1, 0, 0"


static char fixture_path_buf[64];

static inline void fixture_sql(warehouse *wh, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(warehouse_db(wh), sql, NULL, NULL, &err) != SQLITE_OK) {
        fail_msg("fixture SQL failed: %s\n  in: %s", err ? err : "?", sql);
    }
}

static inline warehouse *fixture_open(void)
{
    snprintf(fixture_path_buf, sizeof fixture_path_buf, "/tmp/ipsfixtureXXXXXX");
    int fd = mkstemp(fixture_path_buf);
    assert_true(fd >= 0);
    close(fd);
    unlink(fixture_path_buf);
    warehouse *wh = NULL;
    ips_diag d;
    ips_diag_clear(&d);
    if (warehouse_open(fixture_path_buf, WH_CREATE, &wh, &d) != IPS_OK)
        fail_msg("fixture warehouse: %s", d.msg);
    fixture_sql(wh, "INSERT INTO batches(batch_id, file_name, content_hash, entity, loaded_at) "
                    "VALUES(1, 'fixture', 'fixture', 'fixture', '2024-01-01T00:00:00Z')");
    return wh;
}

static inline void fixture_close(warehouse *wh)
{
    char wal[80], shm[80];
    snprintf(wal, sizeof wal, "%s-wal", warehouse_path(wh));
    snprintf(shm, sizeof shm, "%s-shm", warehouse_path(wh));
    char path[64];
    snprintf(path, sizeof path, "%s", warehouse_path(wh));
    warehouse_free(wh);
    unlink(path);
    unlink(wal);
    unlink(shm);
}

/* Computes metrics for a period text ("2024Q3") with --internal semantics
 * (no suppression) and an optional as-of date (NULL = from the data). */
static inline metric_set *fixture_metrics(warehouse *wh, const char *period, const char *as_of,
                                          metric_group by)
{
    metric_query q;
    metric_query_init(&q);
    ips_diag d;
    ips_diag_clear(&d);
    assert_int_equal(metric_period_parse(period, &q.start, &q.end, &d), IPS_OK);
    if (as_of)
        assert_true(date_parse_iso(as_of, &q.as_of));
    q.internal = true;
    q.by = by;
    metric_set *set = metric_set_new();
    if (metrics_compute(wh, &q, set, &d) != IPS_OK)
        fail_msg("metrics_compute: %s", d.msg);
    return set;
}

/* The row of metric (whole, no group) or fails the test. */
static inline const metric_row *fixture_row(const metric_set *set, const char *metric,
                                            const char *group)
{
    const metric_row *r = metric_set_find(set, metric, NULL, group ? group : "");
    if (!r)
        fail_msg("no row for metric %s group '%s'", metric, group ? group : "");
    return r;
}

#endif
