/* Business ids (Y-tunnus).  Each check digit below was computed by the rule
 * (weights 7 9 10 5 8 4 2, r = sum mod 11, check 0 when r = 0, 11 - r
 * otherwise, no valid id when r = 1):
 *   2077474: 14+0+70+35+32+28+8  = 187, r = 0  -> 0
 *   0737546: 0+63+30+35+40+16+12 = 196, r = 9  -> 2 (so 0737546-1 is wrong)
 *   0112038: 0+9+10+10+0+12+16   = 57,  r = 2  -> 9
 *   1234567: 7+18+30+20+40+24+14 = 153, r = 10 -> 1
 *   1000000: 7                   = 7,   r = 7  -> 4
 *   0123456: 0+9+20+15+32+20+12  = 108, r = 9  -> 2
 *   1234568: 7+18+30+20+40+24+16 = 155, r = 1  -> none */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "ingest/ytunnus.h"

static void expect_valid(const char *in, const char *norm)
{
    char out[YTUNNUS_LEN + 1];
    const char *why = "unset";
    if (!ytunnus_parse(in, out, &why))
        fail_msg("'%s' should be valid: %s", in, why);
    assert_null(why);
    assert_string_equal(out, norm);
}

static void expect_invalid(const char *in, const char *because)
{
    char out[YTUNNUS_LEN + 1];
    memset(out, 'x', sizeof out);
    const char *why = NULL;
    if (ytunnus_parse(in, out, &why))
        fail_msg("'%s' should be invalid", in);
    assert_non_null(why);
    if (!strstr(why, because))
        fail_msg("'%s': reason '%s' does not say '%s'", in, why, because);
    assert_string_equal(out, "");
}

static void check_digits(void **state)
{
    (void)state;
    expect_valid("2077474-0", "2077474-0");
    expect_invalid("2077474-1", "check digit does not match");
    expect_invalid("0737546-1", "check digit does not match");
    expect_valid("0737546-2", "0737546-2");
    expect_valid("0112038-9", "0112038-9");
    expect_valid("1234567-1", "1234567-1");
    expect_valid("1000000-4", "1000000-4");
}

static void remainder_one_is_never_valid(void **state)
{
    (void)state;
    /* 1234568: 7+18+30+20+40+24+16 = 155, 155 mod 11 = 1. */
    for (char c = '0'; c <= '9'; c++) {
        char id[10] = "1234568-0";
        id[8] = c;
        expect_invalid(id, "no check digit");
    }
}

static void six_digit_ids_get_a_leading_zero(void **state)
{
    (void)state;
    expect_valid("123456-2", "0123456-2");
    expect_invalid("123456-7", "check digit does not match");
    expect_valid("737546-2", "0737546-2");
}

static void blanks_and_malformed(void **state)
{
    (void)state;
    expect_valid("  2077474-0\r\n", "2077474-0");
    expect_invalid("", "blank");
    expect_invalid(" \t", "blank");
    expect_invalid("20774740", "seven digits");
    expect_invalid("2077474 0", "seven digits");
    expect_invalid("2077474-", "seven digits");
    expect_invalid("2077474-00", "seven digits");
    expect_invalid("12345-1", "seven digits");
    expect_invalid("12345678-1", "seven digits");
    expect_invalid("207747a-0", "seven digits");
    expect_invalid("2077474-X", "seven digits");
    expect_invalid("FI20774740", "seven digits");
    char out[YTUNNUS_LEN + 1];
    assert_false(ytunnus_parse(NULL, out, NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(check_digits),
        cmocka_unit_test(remainder_one_is_never_valid),
        cmocka_unit_test(six_digit_ids_get_a_leading_zero),
        cmocka_unit_test(blanks_and_malformed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
