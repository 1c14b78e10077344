/* The CSV reader: delimiter detection, BOM, CRLF, quoting, line numbers of
 * records that span lines and 64 KiB chunk boundaries, and errors with lines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest/csv_reader.h"

static char path[64];

static void write_file(const char *data, size_t n)
{
    snprintf(path, sizeof path, "/tmp/ipscsvXXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, data, n), (ssize_t)n);
    close(fd);
}

static csv_reader *open_file(const char *enc)
{
    csv_reader *r = NULL;
    ips_diag d;
    csv_reader_options o = {0, enc};
    assert_int_equal(csv_reader_open(path, &o, &r, &d), IPS_OK);
    return r;
}

static void semicolons_bom_crlf_and_quotes(void **state)
{
    (void)state;
    const char data[] = "\xEF\xBB\xBF" "a;b;c\r\n1;\"x;y\";\"say \"\"hi\"\"\"\r\n\r\n2;\"two\r\nlines\";z\r\n3;;\r\n";
    write_file(data, sizeof data - 1);
    csv_reader *r = open_file(NULL);
    const csv_record *rec;
    ips_diag d;
    assert_int_equal(csv_reader_next(r, &rec, &d), IPS_OK);
    assert_int_equal(csv_reader_delimiter(r), ';');
    assert_int_equal(rec->nfields, 3);
    assert_string_equal(rec->fields[0], "a");
    assert_int_equal(rec->line, 1);
    assert_int_equal(csv_reader_next(r, &rec, &d), IPS_OK);
    assert_string_equal(rec->fields[1], "x;y");
    assert_string_equal(rec->fields[2], "say \"hi\"");
    assert_int_equal(rec->line, 2);
    assert_int_equal(csv_reader_next(r, &rec, &d), IPS_OK);
    assert_string_equal(rec->fields[1], "two\r\nlines");
    assert_int_equal(rec->line, 4);  /* line 3 is blank */
    assert_int_equal(csv_reader_next(r, &rec, &d), IPS_OK);
    assert_int_equal(rec->line, 6);
    assert_int_equal(rec->nfields, 3);
    assert_string_equal(rec->fields[2], "");
    assert_int_equal(csv_reader_next(r, &rec, &d), IPS_OK);
    assert_null(rec);
    char hex[65];
    csv_reader_hash_hex(r, hex);
    assert_int_equal(strlen(hex), 64);
    csv_reader_free(r);
    unlink(path);
}

/* Many rows with multi-line quoted fields, so records straddle chunk borders. */
static void records_across_chunks_keep_lines(void **state)
{
    (void)state;
    size_t cap = 1 << 20, n = 0;
    char *buf = malloc(cap);
    assert_non_null(buf);
    n += (size_t)sprintf(buf + n, "id,text\n");
    for (int i = 0; i < 5000; i++)
        n += (size_t)sprintf(buf + n, "%d,\"line one of %d\nline two, with comma\"\n", i, i);
    write_file(buf, n);
    free(buf);
    csv_reader *r = open_file(NULL);
    const csv_record *rec;
    ips_diag d;
    assert_int_equal(csv_reader_next(r, &rec, &d), IPS_OK);
    for (int i = 0; i < 5000; i++) {
        assert_int_equal(csv_reader_next(r, &rec, &d), IPS_OK);
        assert_non_null(rec);
        assert_int_equal(rec->nfields, 2);
        assert_int_equal(atoi(rec->fields[0]), i);
        assert_int_equal(rec->line, 2 + 2 * i);
        char want[64];
        snprintf(want, sizeof want, "line one of %d\nline two, with comma", i);
        assert_string_equal(rec->fields[1], want);
    }
    assert_int_equal(csv_reader_next(r, &rec, &d), IPS_OK);
    assert_null(rec);
    csv_reader_free(r);
    unlink(path);
}

static void unterminated_quote_names_its_line(void **state)
{
    (void)state;
    const char data[] = "a,b\n1,2\n3,\"open\n4,5\n";
    write_file(data, sizeof data - 1);
    csv_reader *r = open_file(NULL);
    const csv_record *rec;
    ips_diag d;
    ips_error e;
    while ((e = csv_reader_next(r, &rec, &d)) == IPS_OK && rec)
        ;
    assert_int_equal(e, IPS_ERR_CSV);
    assert_non_null(strstr(d.msg, "starts on or before line 3"));
    csv_reader_free(r);
    unlink(path);
}

/* A 5 MB field, bare and quoted, is read whole and the next record keeps its
 * line.  Before libcsv's buffer grew by doubling this took minutes. */
static void five_megabyte_field_is_read_whole(void **state)
{
    (void)state;
    const size_t big = 5000000;
    char *buf = malloc(2 * big + 64);
    assert_non_null(buf);
    size_t n = (size_t)sprintf(buf, "a,b\n1,");
    memset(buf + n, 'x', big);
    n += big;
    n += (size_t)sprintf(buf + n, "\n2,\"");
    memset(buf + n, ',', big);
    n += big;
    n += (size_t)sprintf(buf + n, "\"\n3,z\n");
    write_file(buf, n);
    free(buf);
    csv_reader *r = open_file(NULL);
    const csv_record *rec;
    ips_diag d;
    assert_int_equal(csv_reader_next(r, &rec, &d), IPS_OK);
    for (int i = 1; i <= 2; i++) {
        assert_int_equal(csv_reader_next(r, &rec, &d), IPS_OK);
        assert_non_null(rec);
        assert_int_equal(rec->line, i + 1);
        assert_int_equal(rec->nfields, 2);
        assert_int_equal(rec->lens[1], big);
    }
    assert_int_equal(csv_reader_next(r, &rec, &d), IPS_OK);
    assert_non_null(rec);
    assert_int_equal(rec->line, 4);
    assert_string_equal(rec->fields[1], "z");
    csv_reader_free(r);
    unlink(path);
}

/* CR-only line ends (old Mac exports): records still know their lines. */
static void cr_only_line_ends_count_lines(void **state)
{
    (void)state;
    const char data[] = "a,b\r1,x\r\r2,\"two\rlines\"\r3,z\r";
    write_file(data, sizeof data - 1);
    csv_reader *r = open_file(NULL);
    const csv_record *rec;
    ips_diag d;
    static const long lines[] = {1, 2, 4, 6};
    for (int i = 0; i < 4; i++) {
        assert_int_equal(csv_reader_next(r, &rec, &d), IPS_OK);
        assert_non_null(rec);
        assert_int_equal(rec->line, lines[i]);
        assert_int_equal(rec->nfields, 2);
    }
    assert_string_equal(rec->fields[1], "z");
    assert_int_equal(csv_reader_next(r, &rec, &d), IPS_OK);
    assert_null(rec);
    csv_reader_free(r);
    unlink(path);
}

static void windows_1252_is_converted(void **state)
{
    (void)state;
    const char data[] = "kunta;nimi\nK\xe4rk\xf6l\xe4;\x80uro\n";
    write_file(data, sizeof data - 1);
    csv_reader *r = open_file("windows-1252");
    const csv_record *rec;
    ips_diag d;
    assert_int_equal(csv_reader_next(r, &rec, &d), IPS_OK);
    assert_int_equal(csv_reader_next(r, &rec, &d), IPS_OK);
    assert_string_equal(rec->fields[0], "Kärkölä");
    assert_string_equal(rec->fields[1], "€uro");
    csv_reader_free(r);
    unlink(path);
}

/* Whether the last record of data ends without a line end; every record
 * before it must have one. */
static bool last_unterminated(const char *data)
{
    write_file(data, strlen(data));
    csv_reader *r = open_file(NULL);
    const csv_record *rec;
    ips_diag d;
    bool last = false;
    while (csv_reader_next(r, &rec, &d) == IPS_OK && rec) {
        assert_false(last); /* only the last record may be unterminated */
        last = rec->unterminated;
    }
    csv_reader_free(r);
    unlink(path);
    return last;
}

/* A file cut short ends inside its last line: the record says so. */
static void last_line_without_a_line_end_is_marked(void **state)
{
    (void)state;
    assert_true(last_unterminated("a,b\n1,mental_health\n2,menta"));
    assert_true(last_unterminated("a,b\r\n1,x\r\n2,\"quoted\""));
    assert_true(last_unterminated("a,b\r1,x\r2,y"));       /* CR-only line ends */
    assert_true(last_unterminated("a,b"));                  /* a header alone */
    assert_false(last_unterminated("a,b\n1,x\n2,y\n"));
    assert_false(last_unterminated("a,b\r\n1,x\r\n"));
    assert_false(last_unterminated("a,b\n1,x\r"));          /* cut between CR and LF: whole */
    assert_false(last_unterminated("a,b\n1,x\n\n"));
    assert_false(last_unterminated("a,b\n1,\"two\nlines\"\n"));
}

static void missing_file_is_an_io_error(void **state)
{
    (void)state;
    csv_reader *r = NULL;
    ips_diag d;
    assert_int_equal(csv_reader_open("/nonexistent/x.csv", NULL, &r, &d), IPS_ERR_IO);
    assert_null(r);
    assert_non_null(strstr(d.msg, "/nonexistent/x.csv"));
    csv_reader_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(semicolons_bom_crlf_and_quotes),
        cmocka_unit_test(records_across_chunks_keep_lines),
        cmocka_unit_test(unterminated_quote_names_its_line),
        cmocka_unit_test(five_megabyte_field_is_read_whole),
        cmocka_unit_test(cr_only_line_ends_count_lines),
        cmocka_unit_test(windows_1252_is_converted),
        cmocka_unit_test(last_line_without_a_line_end_is_marked),
        cmocka_unit_test(missing_file_is_an_io_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
