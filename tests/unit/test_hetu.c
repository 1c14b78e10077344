/* Personal identity codes: the check character, every century sign, real
 * dates (29 February) and reasons that never repeat the code.
 *
 * Every check character asserted below was computed by the algorithm of
 * metrics.md § Privacy (DDMMYYNNN mod 31 indexed into
 * 0123456789ABCDEFHJKLMNPRSTUVWXY), e.g. 131052308 mod 31 = 25 -> 'T';
 * 010594902 mod 31 = 1 -> '1'; 100190999 mod 31 = 22 -> 'P';
 * 010203123 mod 31 = 0 -> '0'; 290200002 mod 31 = 12 -> 'C';
 * 290204123 mod 31 = 10 -> 'A'; 290201002 mod 31 = 20 -> 'M'. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "ingest/hetu.h"
#include "ingest/pseudonym.h"

/* True when no run of 6 or more characters of `in` appears in `why`, in
 * upper or lower case: a reason must never leak the code or its date part. */
static bool leaks_nothing(const char *in, const char *why)
{
    size_t n = strlen(in);
    for (size_t i = 0; i + 6 <= n; i++) {
        char part[7];
        memcpy(part, in + i, 6);
        part[6] = '\0';
        for (int k = 0; k < 6; k++)
            part[k] = (char)(part[k] >= 'a' && part[k] <= 'z' ? part[k] - 32 : part[k]);
        if (strstr(why, part))
            return false;
        for (int k = 0; k < 6; k++)
            part[k] = (char)(part[k] >= 'A' && part[k] <= 'Z' ? part[k] + 32 : part[k]);
        if (strstr(why, part))
            return false;
    }
    return true;
}

static void expect_valid(const char *in, const char *code, int year, char gender)
{
    hetu_info h;
    const char *why = "unset";
    if (!hetu_parse(in, &h, &why))
        fail_msg("'%s' should be valid: %s", in, why);
    assert_null(why);
    assert_string_equal(h.code, code);
    assert_int_equal(h.birth_year, year);
    assert_int_equal(h.gender, gender);
}

/* Asserts `in` is refused for a reason containing `because`. */
static void expect_invalid(const char *in, const char *because)
{
    hetu_info h;
    memset(&h, 'x', sizeof h);
    const char *why = NULL;
    if (hetu_parse(in, &h, &why))
        fail_msg("'%s' should be invalid", in);
    assert_non_null(why);
    assert_non_null(strstr(why, "not a valid personal identity code: "));
    if (!strstr(why, because))
        fail_msg("'%s': reason '%s' does not say '%s'", in, why, because);
    if (!leaks_nothing(in, why))
        fail_msg("reason '%s' repeats the code", why);
    assert_string_equal(h.code, ""); /* nothing of the code is left behind */
}

static void published_and_computed_vectors(void **state)
{
    (void)state;
    expect_valid("131052-308T", "131052-308T", 1952, 'f'); /* DVV's example */
    expect_valid("010594Y9021", "010594Y9021", 1994, 'f');
    expect_valid("010594Y9032", "010594Y9032", 1994, 'm');
    expect_invalid("131052-308U", "check character does not match");
    expect_invalid("010594Y9022", "check character does not match");
    /* 311299999 mod 31 = 14 -> 'E', so X is wrong. */
    expect_invalid("311299A999X", "check character does not match");
    expect_valid("311299A999E", "311299A999E", 2099, 'm');
}

static void century_sign_is_part_of_identity(void **state)
{
    (void)state;
    hetu_info a, b;
    assert_true(hetu_parse("100190-999P", &a, NULL));
    assert_true(hetu_parse("100190Y999P", &b, NULL));
    assert_string_not_equal(a.code, b.code);
    assert_int_equal(a.birth_year, 1990);
    assert_int_equal(b.birth_year, 1990);
    assert_int_equal(a.birth_date, b.birth_date);
    assert_true(a.temporary && b.temporary);
    assert_int_equal(a.gender, 'm');
}

static void every_century_sign(void **state)
{
    (void)state;
    static const struct {
        char sign;
        int year;
    } signs[] = {
        {'+', 1803}, {'-', 1903}, {'U', 1903}, {'V', 1903}, {'W', 1903}, {'X', 1903}, {'Y', 1903},
        {'A', 2003}, {'B', 2003}, {'C', 2003}, {'D', 2003}, {'E', 2003}, {'F', 2003},
    };
    for (size_t i = 0; i < sizeof signs / sizeof signs[0]; i++) {
        char code[12];
        snprintf(code, sizeof code, "010203%c1230", signs[i].sign);
        expect_valid(code, code, signs[i].year, 'm');
        hetu_info h;
        assert_true(hetu_parse(code, &h, NULL));
        assert_int_equal(h.birth_date, date_from_ymd(signs[i].year, 2, 1));
        assert_false(h.temporary);
    }
    expect_invalid("010203G1230", "century sign");
    expect_invalid("010203Z1230", "century sign");
    expect_invalid("010203 1230", "century sign");
    expect_invalid("010203/1230", "century sign");
}

static void leap_day_depends_on_century(void **state)
{
    (void)state;
    expect_valid("290200A002C", "290200A002C", 2000, 'f'); /* 2000 is a leap year */
    expect_invalid("290200-002C", "not a real date");      /* 1900 is not */
    expect_invalid("290200+002C", "not a real date");      /* nor is 1800 */
    expect_valid("290204A123A", "290204A123A", 2004, 'm');
    expect_invalid("290201A002M", "not a real date");
    expect_invalid("311152-3087", "not a real date"); /* 31 November */
    expect_invalid("011352-308F", "not a real date"); /* month 13 */
    expect_invalid("000152-3085", "not a real date"); /* day 0 */
}

static void individual_number_range(void **state)
{
    (void)state;
    /* Check characters are right (010170000 -> 'H', 010170001 -> 'J'), so
     * only the individual number is wrong. */
    expect_invalid("010170-000H", "individual number");
    expect_invalid("010170-001J", "individual number");
    expect_valid("290200A002C", "290200A002C", 2000, 'f'); /* 002 is the first */
    expect_invalid("010170-00AJ", "digits");
}

static void blanks_and_lower_case_are_normalised(void **state)
{
    (void)state;
    expect_valid("  131052-308t \t", "131052-308T", 1952, 'f');
    expect_valid("100190y999p\r\n", "100190Y999P", 1990, 'm');
    expect_valid("290204a123a", "290204A123A", 2004, 'm');
}

static void malformed_inputs(void **state)
{
    (void)state;
    expect_invalid("", "blank");
    expect_invalid("   ", "blank");
    expect_invalid("131052-308", "11 characters");
    expect_invalid("131052-308TT", "11 characters");
    expect_invalid("131052 -308T", "11 characters");
    expect_invalid("13105A-308T", "birth date");
    expect_invalid("1310520308T", "century sign");
    hetu_info h;
    const char *why = NULL;
    assert_false(hetu_parse(NULL, &h, &why));
    assert_non_null(why);
}

/* What must be neither stored nor echoed: valid codes, codes with a typo,
 * codes inside other text; but not pseudonyms, Y-tunnus, dates or phone
 * numbers, which hold digits too. */
static void finds_code_shaped_text(void **state)
{
    (void)state;
    assert_true(hetu_find("131052-308T"));
    assert_true(hetu_find("131052-308U"));          /* wrong check character */
    assert_true(hetu_find("131052a308t"));          /* lower case */
    assert_true(hetu_find("290200-002C"));          /* no such date, still a typo of one */
    assert_true(hetu_find("Asiakas 131052-308T soitti"));
    assert_true(hetu_find("(131052+308T)"));
    assert_true(hetu_find("x;100190Y999P"));
    assert_false(hetu_find(""));
    assert_false(hetu_find(NULL));
    assert_false(hetu_find("131052-308"));          /* too short */
    /* Inside a longer id (issue 13): a valid code counts wherever it stands. */
    assert_true(hetu_find("131052-308TT"));
    assert_true(hetu_find("9131052-308T"));
    assert_true(hetu_find("A130175-6041"));
    assert_true(hetu_find("130175-6041B"));
    assert_true(hetu_find("x130175-6041y"));
    assert_true(hetu_find("ABC100190Y999PX"));      /* 2023 century sign */
    assert_true(hetu_find("id010594Y9021x"));       /* 010594902 -> '1' */
    assert_true(hetu_find("c290204B123A9"));        /* 2000s sign B */
    /* ...but inside one, a code with a typo is taken for an ordinary id. */
    assert_false(hetu_find("A130175-6042"));        /* wrong check character */
    assert_false(hetu_find("A310275-6041"));        /* 31 February */
    assert_false(hetu_find("A130175-0011"));        /* individual number 001 */
    assert_false(hetu_find("x131052a308Tb"));       /* lower-case letter sign */
    assert_false(hetu_find("131052Z308T"));         /* no century sign */
    assert_false(hetu_find("321352-308T"));         /* no day 32, no month 13 */
    assert_false(hetu_find("1234567-1"));           /* a Y-tunnus */
    assert_false(hetu_find("2024-05-09"));
    assert_false(hetu_find("040-1234567"));
    assert_false(hetu_find("p_0123456a789b0123456789abcdef0123"));
    assert_false(hetu_find("p_131052a308b1c2d3e4f5a6b7c8d9e0f1")); /* a pseudonym that starts like one */
    assert_false(hetu_find("ep000001"));
}

/* Pseudonyms are lower-case hex: however many, none holds a "code". */
static void no_pseudonym_is_taken_for_a_code(void **state)
{
    (void)state;
    pseudonym_key key;
    memset(&key, 0x5a, sizeof key);
    char code[16], p[PSEUDONYM_LEN + 1];
    for (int i = 0; i < 50000; i++) {
        snprintf(code, sizeof code, "%06d-%03d", i % 1000000, i % 997);
        pseudonym_make(&key, code, p);
        assert_false(hetu_find(p));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(published_and_computed_vectors),
        cmocka_unit_test(century_sign_is_part_of_identity),
        cmocka_unit_test(every_century_sign),
        cmocka_unit_test(leap_day_depends_on_century),
        cmocka_unit_test(individual_number_range),
        cmocka_unit_test(blanks_and_lower_case_are_normalised),
        cmocka_unit_test(malformed_inputs),
        cmocka_unit_test(finds_code_shaped_text),
        cmocka_unit_test(no_pseudonym_is_taken_for_a_code),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
