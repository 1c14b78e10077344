/* Keys for comparing export text: case folding of ASCII and Ä Ö Å (and the
 * other Latin-1 capitals), blanks trimmed and collapsed, no-break spaces as
 * blanks; and the UTF-8 check that tells a Windows-1252 file apart. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "common/text.h"

static void key_is(const char *in, const char *want)
{
    char *k = text_key(in);
    assert_non_null(k);
    assert_string_equal(k, want);
    assert_true(text_key_equal(in, want));
    free(k);
}

static void keys_fold_case_and_blanks(void **state)
{
    (void)state;
    key_is("  Asiakkuuden   tunnus \t", "asiakkuuden tunnus");
    key_is("ALOITUSPÄIVÄ", "aloituspäivä");
    key_is("ÖLJY Åland", "öljy åland");
    key_is("Café ÉCOLE", "café école");
    key_is("a\xC2\xA0\xC2\xA0" "b\xC2\xA0", "a b");  /* no-break spaces from Windows-1252 */
    key_is("", "");
    key_is("   ", "");
    key_is("×", "×");  /* U+00D7 is not a letter and stays */
}

static void key_equal_compares_the_whole(void **state)
{
    (void)state;
    assert_true(text_key_equal("TYÖLLISTYNYT  avoimille ", "työllistynyt avoimille"));
    assert_false(text_key_equal("työllistynyt avoimille x", "työllistynyt avoimille"));
    assert_false(text_key_equal("työllistynyt", "työllistynyt avoimille"));
    assert_false(text_key_equal("tyollistynyt", "työllistynyt"));
    assert_true(text_key_equal("", ""));
    assert_false(text_key_equal("x", ""));
}

static void lower_keeps_blanks(void **state)
{
    (void)state;
    char *s = text_lower("ASIAKKUUDET  Ä.CSV");
    assert_string_equal(s, "asiakkuudet  ä.csv");
    free(s);
}

static void utf8_validity(void **state)
{
    (void)state;
    const char *ok = "Päättymispäivä €";
    assert_true(text_utf8_valid(ok, strlen(ok), false));
    assert_false(text_utf8_valid("P\xE4iv\xE4", 6, false));     /* Windows-1252 ä */
    assert_false(text_utf8_valid("\xC0\xAF", 2, false));         /* overlong */
    assert_false(text_utf8_valid("\xED\xA0\x80", 3, false));     /* surrogate */
    assert_false(text_utf8_valid("\xC3", 1, false));
    assert_true(text_utf8_valid("ab\xC3", 3, true));             /* cut off by a buffer end */
    assert_false(text_utf8_valid("\xF5\x80\x80\x80", 4, false)); /* beyond U+10FFFF */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(keys_fold_case_and_blanks),
        cmocka_unit_test(key_equal_compares_the_whole),
        cmocka_unit_test(lower_keeps_blanks),
        cmocka_unit_test(utf8_validity),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
