/* utf8_cut: text cut short for messages never splits a character. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "common/utf8_cut.h"

static void short_text_is_whole(void **state)
{
    (void)state;
    assert_int_equal(utf8_cut("", 5), 0);
    assert_int_equal(utf8_cut("abc", 3), 3);
    assert_int_equal(utf8_cut("Kärkölä", 60), strlen("Kärkölä"));
}

static void cut_backs_up_to_a_character_start(void **state)
{
    (void)state;
    assert_int_equal(utf8_cut("abcdef", 4), 4);
    /* "xä": x, then ä = C3 A4; a cut at 2 would keep C3 alone. */
    assert_int_equal(utf8_cut("x\xc3\xa4y", 2), 1);
    assert_int_equal(utf8_cut("x\xc3\xa4y", 3), 3);
    /* € = E2 82 AC; cuts at 1, 2 and 3 bytes into "a€b". */
    assert_int_equal(utf8_cut("a\xe2\x82\xac" "b", 2), 1);
    assert_int_equal(utf8_cut("a\xe2\x82\xac" "b", 3), 1);
    assert_int_equal(utf8_cut("a\xe2\x82\xac" "b", 4), 4);
    /* A four-byte character (U+1F600) at the start: nothing fits in 3. */
    assert_int_equal(utf8_cut("\xf0\x9f\x98\x80z", 3), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(short_text_is_whole),
        cmocka_unit_test(cut_backs_up_to_a_character_start),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
