/* Whole-file format refusals: a file whose dates (or decimals) are in the
 * other format throughout is refused with the profile line that fixes it; a
 * file with a few such values among good ones is not; and the message keeps
 * file:line: column: and names the section the line goes in. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/format_hint.h"
#include "ingest/validate.h"

/* Feeds rows of an enrollments file: start_date in column 5, rows i for
 * which fi(i) is true written as d.m.yyyy, the others as yyyy-mm-dd. */
static void feed(format_hint *h, long rows, bool (*fi)(long))
{
    const contract_entity *ent = contract_entity_get(ENT_ENROLLMENTS);
    int sd = contract_column_find(ent, "start_date");
    for (long i = 0; i < rows; i++) {
        char *cells[VALIDATE_MAX_COLS] = {NULL};
        size_t lens[VALIDATE_MAX_COLS] = {0};
        char date[16];
        strcpy(date, fi(i) ? "5.9.2022" : "2022-09-05");
        cells[sd] = date;
        lens[sd] = strlen(date);
        format_hint_row(h, cells, lens, i + 2);
    }
}

static bool always(long i) { (void)i; return true; }
static bool never(long i) { (void)i; return false; }
static bool few(long i) { return i % 50 == 7; }
static bool after_first_rows(long i) { return i >= 3; }
static bool first_rows_only(long i) { return i < 40; }

static void dates_throughout_refused(void **state)
{
    (void)state;
    format_hint h;
    ips_diag d;
    ips_diag_clear(&d);
    format_hint_init(&h, ENT_ENROLLMENTS, NULL, "asiakkuudet.csv");
    feed(&h, 100, always);
    assert_int_equal(format_hint_verdict(&h, &d), IPS_ERR_CSV);
    assert_non_null(strstr(d.msg, "asiakkuudet.csv:2: start_date: '5.9.2022' is a d.m.yyyy date"));
    assert_non_null(strstr(d.msg, "nothing from it is stored"));
    assert_non_null(strstr(d.msg, "`dates = d.m.yyyy`"));
    assert_non_null(strstr(d.msg, "ipsreport profile guess asiakkuudet.csv"));
}

static void few_bad_dates_are_rows(void **state)
{
    (void)state;
    format_hint h;
    ips_diag d;
    ips_diag_clear(&d);
    format_hint_init(&h, ENT_ENROLLMENTS, NULL, "a.csv");
    feed(&h, 500, few);
    assert_int_equal(format_hint_verdict(&h, &d), IPS_OK);
    /* good first rows: the format is not the file's */
    format_hint_init(&h, ENT_ENROLLMENTS, NULL, "a.csv");
    feed(&h, 500, after_first_rows);
    assert_int_equal(format_hint_verdict(&h, &d), IPS_OK);
    /* bad first rows but most of the file good: not throughout either */
    format_hint_init(&h, ENT_ENROLLMENTS, NULL, "a.csv");
    feed(&h, 500, first_rows_only);
    assert_int_equal(format_hint_verdict(&h, &d), IPS_OK);
}

static void names_the_section(void **state)
{
    (void)state;
    profile p;
    memset(&p, 0, sizeof p);
    p.name = "tyo";
    p.path = "/x/tyo.ini";
    format_hint h;
    ips_diag d;
    ips_diag_clear(&d);
    /* no [enrollments] section: the line goes under [profile] */
    format_hint_init(&h, ENT_ENROLLMENTS, &p, "a.csv");
    feed(&h, 10, always);
    assert_int_equal(format_hint_verdict(&h, &d), IPS_ERR_CSV);
    assert_non_null(strstr(d.msg, "write `dates = d.m.yyyy` in section [profile] of the profile tyo.ini"));
    /* with one, in it; a profile that says d.m.yyyy and ISO dates: the other way round */
    p.ent[ENT_ENROLLMENTS].present = true;
    p.ent[ENT_ENROLLMENTS].dates = DATE_FI;
    format_hint_init(&h, ENT_ENROLLMENTS, &p, "a.csv");
    feed(&h, 10, first_rows_only);
    assert_int_equal(format_hint_verdict(&h, &d), IPS_OK);
    format_hint_init(&h, ENT_ENROLLMENTS, &p, "a.csv");
    feed(&h, 50, never);
    assert_int_equal(format_hint_verdict(&h, &d), IPS_ERR_CSV);
    assert_non_null(strstr(d.msg, "a.csv:2: start_date: '2022-09-05' is a yyyy-mm-dd date"));
    assert_non_null(strstr(d.msg, "write `dates = yyyy-mm-dd` in section [enrollments] of the profile tyo.ini"));
    ips_diag_clear(&d);
    assert_int_equal(format_hint_not_utf8(&p, ENT_CLIENTS, "k.csv", 3, "municipality", &d),
                     IPS_ERR_ENCODING);
    assert_non_null(strstr(d.msg, "k.csv:3: municipality: text is not UTF-8"));
    assert_non_null(strstr(d.msg, "`encoding = windows-1252` in section [profile]"));
}

static void decimal_commas(void **state)
{
    (void)state;
    const contract_entity *ent = contract_entity_get(ENT_COACHES);
    int fte = contract_column_find(ent, "fte");
    format_hint h;
    ips_diag d;
    ips_diag_clear(&d);
    format_hint_init(&h, ENT_COACHES, NULL, "v.csv");
    for (long i = 0; i < 30; i++) {
        char *cells[VALIDATE_MAX_COLS] = {NULL};
        size_t lens[VALIDATE_MAX_COLS] = {0};
        char v[8];
        strcpy(v, i % 3 ? "0,5" : "1");  /* whole numbers say nothing */
        cells[fte] = v;
        lens[fte] = strlen(v);
        format_hint_row(&h, cells, lens, i + 2);
    }
    assert_int_equal(format_hint_verdict(&h, &d), IPS_ERR_CSV);
    assert_non_null(strstr(d.msg, "v.csv:3: fte: '0,5' is a number with a decimal comma"));
    assert_non_null(strstr(d.msg, "`decimal = ,`"));
}

static void header_hints(void **state)
{
    (void)state;
    char f0[] = "Asiakkuuden tunnus;Henkilötunnus;Aloituspäivä";
    char *fields[] = {f0};
    size_t lens[] = {strlen(f0)};
    csv_record one = {.fields = fields, .lens = lens, .nfields = 1, .line = 1};
    ips_diag d;
    ips_diag_set(&d, IPS_ERR_MISSING_COLUMN, "a.csv:1: required column 'x' is missing");
    format_hint_header(NULL, ENT_ENROLLMENTS, &one, ',', &d);
    assert_non_null(strstr(d.msg, "a.csv:1: required column 'x' is missing; the header is one "
                                  "column with ';' in it"));
    assert_non_null(strstr(d.msg, "`delimiter = ;`"));

    char a[] = "Asiakkuuden tunnus", b[] = "Henkilötunnus", c[] = "Aloituspäivä";
    char *fi[] = {a, b, c};
    size_t fl[] = {strlen(a), strlen(b), strlen(c)};
    csv_record fin = {.fields = fi, .lens = fl, .nfields = 3, .line = 1};
    ips_diag_set(&d, IPS_ERR_NO_ENTITY, "a.csv:1: the header names no column");
    format_hint_header(NULL, -1, &fin, ';', &d);
    assert_non_null(strstr(d.msg, "other words (Asiakkuuden tunnus, Henkilötunnus, Aloituspäivä)"));
    assert_non_null(strstr(d.msg, "ipsreport profile guess"));
    /* canonical names get no hint */
    char x[] = "foo", y[] = "bar";
    char *cn[] = {x, y};
    size_t cl[] = {3, 3};
    csv_record can = {.fields = cn, .lens = cl, .nfields = 2, .line = 1};
    ips_diag_set(&d, IPS_ERR_NO_ENTITY, "b.csv:1: no");
    format_hint_header(NULL, -1, &can, ',', &d);
    assert_string_equal(d.msg, "b.csv:1: no");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dates_throughout_refused),
        cmocka_unit_test(few_bad_dates_are_rows),
        cmocka_unit_test(names_the_section),
        cmocka_unit_test(decimal_commas),
        cmocka_unit_test(header_hints),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
