/* row_reader: the records' verdicts come back in file order across many
 * batches, with their texts copied; an error comes after the verdicts of
 * the records before it; a caller that stops early is not kept waiting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest/row_reader.h"

#define LINES 5000 /* data lines: many batches of 256 */

/* A file "id,name" with LINES data lines, line k (2 ..) holding id k. */
static void write_file(char *path)
{
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fprintf(f, "id,name\n");
    for (int k = 2; k < LINES + 2; k++)
        fprintf(f, "%d,name %d of a long row %0*d\n", k, k, k % 97, 0);
    assert_int_equal(fclose(f), 0);
}

typedef struct {
    long fail_at; /* the line whose judge fails, or 0 */
    char reason[64];
} judge_state;

/* Every 5th line skipped, every 7th rejected, the others stored with their
 * fields as texts (pointing into the record, which the reader copies). */
static ips_error judge(void *ctx, const csv_record *rec, row_verdict *v, ips_diag *d)
{
    judge_state *js = ctx;
    if (rec->line == js->fail_at)
        return ips_diag_set(d, IPS_ERR_ENCODING, "line %ld is bad", rec->line);
    if (rec->line % 5 == 0)
        return IPS_OK;
    if (rec->line % 7 == 0) {
        snprintf(js->reason, sizeof js->reason, "seven divides %ld", rec->line);
        v->kind = ROW_REJECT;
        v->column = "name";
        v->reason = js->reason;
        return IPS_OK;
    }
    v->kind = ROW_STORE;
    v->ncols = 2;
    for (int c = 0; c < 2; c++)
        v->vals[c] = (ips_value){.kind = VAL_TEXT, .text = rec->fields[c]};
    return IPS_OK;
}

/* A written file, read through judge with js, from after its header. */
typedef struct {
    char path[32];
    csv_reader *r;
    row_reader *rr;
} opened;

static void open_reader(opened *o, judge_state *js)
{
    snprintf(o->path, sizeof o->path, "/tmp/ips-row-reader-XXXXXX");
    write_file(o->path);
    ips_diag d;
    assert_int_equal(csv_reader_open(o->path, &(csv_reader_options){0}, &o->r, &d), IPS_OK);
    const csv_record *hdr;
    assert_int_equal(csv_reader_next(o->r, &hdr, &d), IPS_OK);
    o->rr = row_reader_new(o->r, judge, js);
    assert_non_null(o->rr);
}

static void close_reader(opened *o)
{
    row_reader_free(o->rr);
    csv_reader_free(o->r);
    unlink(o->path);
}

/* The verdicts up to the end (or the error), checked line by line. */
static ips_error read_all(row_reader *rr, long *next_line, ips_diag *d)
{
    const row_verdict *v;
    ips_error e;
    long want = 2;
    while ((e = row_reader_next(rr, &v, d)) == IPS_OK && v) {
        while (want % 5 == 0)
            want++;
        assert_int_equal(v->line, want);
        char id[24];
        snprintf(id, sizeof id, "%ld", want);
        if (want % 7 == 0) {
            assert_int_equal(v->kind, ROW_REJECT);
            assert_string_equal(v->column, "name");
            char reason[64];
            snprintf(reason, sizeof reason, "seven divides %ld", want);
            assert_string_equal(v->reason, reason);
        } else {
            assert_int_equal(v->kind, ROW_STORE);
            assert_int_equal(v->ncols, 2);
            assert_string_equal(v->vals[0].text, id);
            assert_true(strncmp(v->vals[1].text, "name ", 5) == 0);
        }
        want++;
    }
    *next_line = want;
    return e;
}

static void verdicts_in_file_order(void **state)
{
    (void)state;
    judge_state js = {0};
    opened o;
    open_reader(&o, &js);
    ips_diag d;
    long next;
    assert_int_equal(read_all(o.rr, &next, &d), IPS_OK);
    assert_int_equal(next, LINES + 2);
    assert_true(row_reader_bytes(o.rr) > 0);
    /* past the end it stays at the end */
    const row_verdict *v;
    assert_int_equal(row_reader_next(o.rr, &v, &d), IPS_OK);
    assert_null(v);
    close_reader(&o);
}

static void error_after_the_rows_before_it(void **state)
{
    (void)state;
    judge_state js = {.fail_at = 3002};
    opened o;
    open_reader(&o, &js);
    ips_diag d;
    long next;
    assert_int_equal(read_all(o.rr, &next, &d), IPS_ERR_ENCODING);
    assert_int_equal(next, 3002); /* every line before it was handed over */
    assert_string_equal(d.msg, "line 3002 is bad");
    close_reader(&o);
}

static void stopping_early(void **state)
{
    (void)state;
    judge_state js = {0};
    opened o;
    open_reader(&o, &js);
    ips_diag d;
    const row_verdict *v;
    assert_int_equal(row_reader_next(o.rr, &v, &d), IPS_OK);
    assert_non_null(v);
    assert_int_equal(v->line, 2);
    close_reader(&o); /* the reader is waiting for room: it must stop */
    row_reader_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(verdicts_in_file_order),
        cmocka_unit_test(error_after_the_rows_before_it),
        cmocka_unit_test(stopping_early),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
