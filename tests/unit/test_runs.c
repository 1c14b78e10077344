/* Ingest runs (model/runs.h) and the warehouse's kind of client id
 * (model/id_space.h): what the read commands' warning and the ingest's
 * refusal are decided from. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "model/id_space.h"
#include "model/runs.h"

static warehouse *open_memory(void)
{
    warehouse *wh = NULL;
    ips_diag d;
    assert_int_equal(warehouse_open(":memory:", WH_CREATE, &wh, &d), IPS_OK);
    return wh;
}

static void exec_sql(warehouse *wh, const char *sql)
{
    assert_int_equal(sqlite3_exec(warehouse_db(wh), sql, NULL, NULL, NULL), SQLITE_OK);
}

static void a_warehouse_without_runs_has_none_unfinished(void **state)
{
    (void)state;
    warehouse *wh = open_memory();
    run_info r;
    bool found = true;
    ips_diag d;
    assert_int_equal(runs_unfinished(wh, &r, &found, &d), IPS_OK);
    assert_false(found);
    warehouse_free(wh);
}

static void a_run_is_unfinished_until_it_ends(void **state)
{
    (void)state;
    warehouse *wh = open_memory();
    ips_diag d;
    long long run;
    run_info r;
    bool found;
    assert_int_equal(runs_begin(wh, 8, &run, &d), IPS_OK);
    for (int i = 0; i < 4; i++)
        assert_int_equal(runs_file_done(wh, run, &d), IPS_OK);
    assert_int_equal(runs_unfinished(wh, &r, &found, &d), IPS_OK);
    assert_true(found);
    assert_int_equal(r.planned, 8);
    assert_int_equal(r.done, 4);
    assert_true(r.running); /* this very process */
    assert_non_null(strstr(r.started_at, " UTC"));
    /* Its process gone: stopped, not running. */
    exec_sql(wh, "UPDATE ingest_runs SET pid = 0");
    assert_int_equal(runs_unfinished(wh, &r, &found, &d), IPS_OK);
    assert_true(found);
    assert_false(r.running);
    assert_int_equal(runs_end(wh, run, &d), IPS_OK);
    assert_int_equal(runs_unfinished(wh, &r, &found, &d), IPS_OK);
    assert_false(found);
    warehouse_free(wh);
}

/* Running it again is the remedy: a later run that finished settles it. */
static void a_later_finished_run_settles_a_stopped_one(void **state)
{
    (void)state;
    warehouse *wh = open_memory();
    ips_diag d;
    long long stopped, again, later;
    run_info r;
    bool found;
    assert_int_equal(runs_begin(wh, 3, &stopped, &d), IPS_OK);
    assert_int_equal(runs_begin(wh, 3, &again, &d), IPS_OK);
    assert_int_equal(runs_end(wh, again, &d), IPS_OK);
    assert_int_equal(runs_unfinished(wh, &r, &found, &d), IPS_OK);
    assert_false(found);
    /* ...but one that stops after it is reported. */
    assert_int_equal(runs_begin(wh, 2, &later, &d), IPS_OK);
    assert_int_equal(runs_file_done(wh, later, &d), IPS_OK);
    assert_int_equal(runs_unfinished(wh, &r, &found, &d), IPS_OK);
    assert_true(found);
    assert_int_equal(r.planned, 2);
    assert_int_equal(r.done, 1);
    warehouse_free(wh);
}

static void client_id_kind_recorded_or_inferred(void **state)
{
    (void)state;
    warehouse *wh = open_memory();
    ips_diag d;
    id_space k;
    assert_int_equal(id_space_get(wh, &k, &d), IPS_OK);
    assert_int_equal(k, ID_SPACE_NONE);
    /* No record (a warehouse older than it): the first client tells. */
    exec_sql(wh, "INSERT INTO batches(batch_id, file_name, content_hash, entity, loaded_at) "
                 "VALUES(1, 'c.csv', 'h', 'clients', 'now')");
    exec_sql(wh, "INSERT INTO clients(client_id, batch_id, src_line, row_hash) VALUES"
                 "('p_0123456789abcdef0123456789abcdef', 1, 2, 0), ('c2', 1, 3, 0)");
    assert_int_equal(id_space_get(wh, &k, &d), IPS_OK);
    assert_int_equal(k, ID_SPACE_PSEUDONYMS);
    exec_sql(wh, "DELETE FROM clients");
    exec_sql(wh, "INSERT INTO clients(client_id, batch_id, src_line, row_hash) VALUES"
                 "('p_0123', 1, 2, 0)"); /* too short for a pseudonym */
    assert_int_equal(id_space_get(wh, &k, &d), IPS_OK);
    assert_int_equal(k, ID_SPACE_EXPORTED);
    /* The record wins over the rows. */
    assert_int_equal(id_space_set(wh, ID_SPACE_PSEUDONYMS, &d), IPS_OK);
    assert_int_equal(id_space_get(wh, &k, &d), IPS_OK);
    assert_int_equal(k, ID_SPACE_PSEUDONYMS);
    warehouse_free(wh);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_warehouse_without_runs_has_none_unfinished),
        cmocka_unit_test(a_run_is_unfinished_until_it_ends),
        cmocka_unit_test(a_later_finished_run_settles_a_stopped_one),
        cmocka_unit_test(client_id_kind_recorded_or_inferred),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
