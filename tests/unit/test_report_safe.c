/* The safe-text rules of reports/xlsx_safe.h: what counts as formula-like,
 * how text is cleaned, and that identity codes never reach a cell. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "reports/xlsx_safe.h"

static void formula_like_texts(void **state)
{
    (void)state;
    static const char *const risky[] = {
        "=HYPERLINK(\"http://x\",\"y\")", "+358401234567", "-1+2", "@SUM(A1:A2)",
        "\t=1+1",                         "\r=1+1",        "=",    "-",
    };
    for (size_t i = 0; i < sizeof risky / sizeof risky[0]; i++)
        assert_true(xlsx_formula_like(risky[i]));
    static const char *const plain[] = {"", "Lahti", "a=b", "1-2", " =1", "5", "<5", "–"};
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
        assert_false(xlsx_formula_like(plain[i]));
    assert_false(xlsx_formula_like(NULL));
}

static void clean(const char *in, const char *want, size_t want_masked)
{
    size_t masked = 0;
    char *out = xlsx_clean_text(in, &masked);
    assert_non_null(out);
    assert_string_equal(out, want);
    assert_int_equal(masked, want_masked);
    free(out);
}

static void text_is_cleaned(void **state)
{
    (void)state;
    clean("=1+2", "=1+2", 0);                        /* kept as it is: it is written as text */
    clean("a\r\nb\rc", "a\nb\nc", 0);                /* line breaks Excel shows */
    clean("\r=cmd", "\n=cmd", 0);
    clean("x\x01y\x1fz\x7f", "x y z ", 0);           /* control characters break the XML */
    clean("tab\tstays", "tab\tstays", 0);
    clean("bad \xff byte", "bad \xEF\xBF\xBD byte", 0);      /* invalid UTF-8 */
    clean("\xC3\x28", "\xEF\xBF\xBD(", 0);                    /* broken sequence */
    clean("\xE0\x80\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 0); /* overlong */
    clean("Työnantajatyö – ok", "Työnantajatyö – ok", 0);
}

static void identity_codes_are_masked(void **state)
{
    (void)state;
    clean("131052-308T", "******-****", 1);
    clean("asiakas 131052-308T.csv", "asiakas ******-****.csv", 1);
    clean("100190Y999P ja 010203A123b", "******-**** ja ******-****", 2); /* 2023 signs, lower case */
    clean("311299+001X", "******-****", 1); /* wrong check character: still someone's code */
    clean("131052-308T131052-308T", "131052-308T131052-308T", 0);  /* not a word of its own */
    clean("x1310523308T", "x1310523308T", 0);
    clean("321052-308T", "321052-308T", 0);  /* day 32 */
    clean("131352-308T", "131352-308T", 0);  /* month 13 */
    clean("131052G308T", "131052G308T", 0);  /* G is no century sign */
    clean("2024-07-01", "2024-07-01", 0);
    clean("12345678901", "12345678901", 0);
}

static void long_text_is_shortened(void **state)
{
    (void)state;
    size_t n = XLSX_TEXT_MAX + 100;
    char *in = malloc(n + 1);
    assert_non_null(in);
    memset(in, 'a', n);
    in[n] = '\0';
    char *out = xlsx_clean_text(in, NULL);
    assert_non_null(out);
    assert_int_equal(xlsx_text_width(out), XLSX_TEXT_MAX);
    assert_string_equal(out + strlen(out) - 3, "\xE2\x80\xA6");
    free(out);
    free(in);
}

static void chart_names(void **state)
{
    (void)state;
    char buf[32];
    xlsx_chart_name("=Sheet1!A1", buf, sizeof buf);
    assert_string_equal(buf, " =Sheet1!A1");
    xlsx_chart_name("Työllisyysaste", buf, sizeof buf);
    assert_string_equal(buf, "Työllisyysaste");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(formula_like_texts),
        cmocka_unit_test(text_is_cleaned),
        cmocka_unit_test(identity_codes_are_masked),
        cmocka_unit_test(long_text_is_shortened),
        cmocka_unit_test(chart_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
