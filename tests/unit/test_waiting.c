/* model/waiting.c: a waiting row's values come back exactly as they were
 * kept (every kind of value), are grouped for check, are forgotten when tried
 * again, and a damaged record is refused rather than stored half read. */
#include "tests/unit/fixture.h"

#include "model/waiting.h"

static const ips_value contact[] = {
    {.kind = VAL_TEXT, .text = "a1"},       {.kind = VAL_TEXT, .text = "2024-01-02"},
    {.kind = VAL_TEXT, .text = "client"},   {.kind = VAL_INT, .i = 1},
    {.kind = VAL_TEXT, .text = "c\xc3\xb6"}, {.kind = VAL_NULL},
    {.kind = VAL_NULL},                     {.kind = VAL_NULL},
    {.kind = VAL_TEXT, .text = ""},         {.kind = VAL_REAL, .r = 12.5},
};

static void keep_one(warehouse *wh, long line)
{
    waiting_writer *w = NULL;
    ips_diag d;
    ips_diag_clear(&d);
    assert_int_equal(waiting_writer_new(wh, &w, &d), IPS_OK);
    assert_int_equal(waiting_add(w, 1, ENT_CONTACTS, line, "client_id", ENT_CLIENTS, "c\xc3\xb6",
                                 contact, &d), IPS_OK);
    waiting_writer_free(w);
    char sql[200];
    snprintf(sql, sizeof sql, "INSERT INTO rejects(batch_id, line, column_name, reason) "
             "VALUES(1, %ld, 'client_id', 'unknown client')", line);
    fixture_sql(wh, sql);
}

static void test_values_come_back(void **state)
{
    (void)state;
    assert_int_equal(contract_entity_get(ENT_CONTACTS)->ncols, 10);
    warehouse *wh = fixture_open();
    keep_one(wh, 7);
    waiting_row *rows = NULL;
    size_t n = 0;
    ips_diag d;
    ips_diag_clear(&d);
    assert_int_equal(waiting_rows(wh, 1, ENT_CONTACTS, 0, 10, &rows, &n, &d), IPS_OK);
    assert_int_equal(n, 1);
    assert_int_equal(rows[0].line, 7);
    assert_string_equal(rows[0].ref_entity, "clients");
    assert_string_equal(rows[0].ref_id, "c\xc3\xb6");
    for (int i = 0; i < 10; i++) {
        assert_int_equal(rows[0].vals[i].kind, contact[i].kind);
        if (contact[i].kind == VAL_TEXT)
            assert_string_equal(rows[0].vals[i].text, contact[i].text);
    }
    assert_int_equal(rows[0].vals[3].i, 1);
    assert_true(rows[0].vals[9].r == 12.5);
    waiting_rows_free(rows, n);
    /* after the last line: nothing more */
    assert_int_equal(waiting_rows(wh, 1, ENT_CONTACTS, 7, 10, &rows, &n, &d), IPS_OK);
    assert_int_equal(n, 0);
    waiting_rows_free(rows, n);
    fixture_close(wh);
}

static void test_summary_and_forget(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    for (long line = 2; line <= 6; line++)
        keep_one(wh, line);
    waiting_group *g = NULL;
    size_t n = 0;
    ips_diag d;
    ips_diag_clear(&d);
    assert_int_equal(waiting_summary(wh, &g, &n, &d), IPS_OK);
    assert_int_equal(n, 1);
    assert_int_equal(g[0].count, 5);
    assert_string_equal(g[0].entity, "contacts");
    assert_string_equal(g[0].ref_entity, "clients");
    assert_string_equal(g[0].lines, "2, 3, 4");
    assert_string_equal(g[0].example, "unknown client");
    waiting_summary_free(g, n);

    waiting_writer *w = NULL;
    assert_int_equal(waiting_writer_new(wh, &w, &d), IPS_OK);
    assert_int_equal(waiting_forget(w, 1, 2, &d), IPS_OK);
    waiting_writer_free(w);
    long long *lines = NULL;
    assert_int_equal(waiting_rejected_lines(wh, 1, &lines, &n, &d), IPS_OK);
    assert_int_equal(n, 4);
    assert_int_equal(lines[0], 3);
    assert_int_equal(lines[3], 6);
    free(lines);
    assert_int_equal(waiting_summary(wh, &g, &n, &d), IPS_OK);
    assert_int_equal(n, 1);
    assert_int_equal(g[0].count, 4);
    assert_string_equal(g[0].lines, "3, 4, 5");
    waiting_summary_free(g, n);
    fixture_close(wh);
}

static void test_damaged_record_refused(void **state)
{
    (void)state;
    warehouse *wh = fixture_open();
    keep_one(wh, 3);
    fixture_sql(wh, "UPDATE waiting SET vals = substr(vals, 1, length(vals) - 3)");
    waiting_row *rows = NULL;
    size_t n = 0;
    ips_diag d;
    ips_diag_clear(&d);
    assert_int_equal(waiting_rows(wh, 1, ENT_CONTACTS, 0, 10, &rows, &n, &d), IPS_ERR_DB);
    assert_non_null(strstr(d.msg, "line 3"));
    waiting_rows_free(rows, n);
    fixture_close(wh);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_values_come_back),
        cmocka_unit_test(test_summary_and_forget),
        cmocka_unit_test(test_damaged_record_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
