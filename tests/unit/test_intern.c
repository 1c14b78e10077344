/* Interned strings (common/intern.h), which metric rows hold their texts
 * by: one copy of each text, the same pointer for the same text, the
 * text itself kept whatever happens to the buffer it came from. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/intern.h"

static void equal_texts_share_one_copy(void **state)
{
    (void)state;
    char buf[32];
    snprintf(buf, sizeof buf, "employment_rate");
    const char *a = ips_intern(buf);
    snprintf(buf, sizeof buf, "something else");
    const char *b = ips_intern("employment_rate");
    assert_ptr_equal(a, b);
    assert_string_equal(a, "employment_rate"); /* not the buffer, which changed */
    assert_ptr_not_equal(ips_intern("employment_rate_x"), a);
    assert_ptr_not_equal(ips_intern("employment_rat"), a);
}

static void empty_and_null_are_the_empty_text(void **state)
{
    (void)state;
    assert_string_equal(ips_intern(""), "");
    assert_string_equal(ips_intern(NULL), "");
    assert_string_equal(ips_intern_n("abc", 0), "");
    assert_string_equal(ips_intern_n(NULL, 5), "");
}

static void a_length_cuts_the_text(void **state)
{
    (void)state;
    assert_string_equal(ips_intern_n("coach-0042", 5), "coach");
    assert_ptr_equal(ips_intern_n("coach-0042", 5), ips_intern("coach"));
    /* a NUL before the length ends it */
    assert_ptr_equal(ips_intern_n("ab\0cd", 5), ips_intern("ab"));
}

static void formatted_texts_of_any_length(void **state)
{
    (void)state;
    assert_ptr_equal(ips_internf("<%d", 5), ips_intern("<5"));
    char *big = malloc(2001);
    assert_non_null(big);
    memset(big, 'x', 2000);
    big[2000] = '\0';
    const char *t = ips_internf("%s!", big); /* longer than the formatting buffer */
    assert_int_equal(strlen(t), 2001);
    assert_int_equal(t[2000], '!');
    assert_ptr_equal(t, ips_internf("%s!", big));
    free(big);
}

static void many_texts_all_stay(void **state)
{
    (void)state;
    enum { N = 20000 }; /* past several table growths and chunks */
    const char **seen = malloc(N * sizeof *seen);
    assert_non_null(seen);
    for (int i = 0; i < N; i++)
        seen[i] = ips_internf("group %d", i);
    for (int i = 0; i < N; i++) {
        char want[32];
        snprintf(want, sizeof want, "group %d", i);
        assert_string_equal(seen[i], want);
        assert_ptr_equal(seen[i], ips_intern(want));
    }
    free(seen);
    assert_false(ips_intern_failed());
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(equal_texts_share_one_copy),
        cmocka_unit_test(empty_and_null_are_the_empty_text),
        cmocka_unit_test(a_length_cuts_the_text),
        cmocka_unit_test(formatted_texts_of_any_length),
        cmocka_unit_test(many_texts_all_stay),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
