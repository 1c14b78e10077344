/* Sheet names made from provider and team ids (reports/sheet_names.h): what
 * Excel refuses is replaced, long names are cut on a character, and clashes
 * (case ignored) get a number. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "reports/sheet_names.h"

/* Characters, not bytes. */
static size_t chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static void forbidden_characters_are_replaced(void **state)
{
    (void)state;
    char out[SHEET_NAME_SIZE];
    sheet_name_make("a/b\\c[d]e:f*g?h", "x", NULL, 0, out);
    assert_string_equal(out, "a_b_c_d_e_f_g_h");
    sheet_name_make("'quoted'", "x", NULL, 0, out);
    assert_string_equal(out, "quoted");
    sheet_name_make("''", "Provider", NULL, 0, out);
    assert_string_equal(out, "Provider");
}

static void long_names_are_cut_on_a_character(void **state)
{
    (void)state;
    char out[SHEET_NAME_SIZE];
    sheet_name_make("Työllisyyspalvelut Länsi-Pohjanmaa ja Äänekoski", "x", NULL, 0, out);
    assert_int_equal(chars(out), 27);
    assert_string_equal(out, "Työllisyyspalvelut Länsi-Po");
}

static void clashes_get_a_number(void **state)
{
    (void)state;
    char *taken[] = {"Summary", "P1", "p1 2", "ESF+ indicators"};
    char out[SHEET_NAME_SIZE];
    sheet_name_make("summary", "x", taken, 4, out);
    assert_string_equal(out, "summary 2");
    sheet_name_make("P1", "x", taken, 4, out);
    assert_string_equal(out, "P1 3");
    char *full[] = {"abcdefghijklmnopqrstuvwxyz0"};
    sheet_name_make("abcdefghijklmnopqrstuvwxyz0", "x", full, 1, out);
    assert_string_equal(out, "abcdefghijklmnopqrstuvwxy 2"); /* 25 + " 2" */
    assert_true(chars(out) <= 27);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(forbidden_characters_are_replaced),
        cmocka_unit_test(long_names_are_cut_on_a_character),
        cmocka_unit_test(clashes_get_a_number),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
