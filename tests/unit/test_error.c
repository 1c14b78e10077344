/* Keeps the error enum and its message table in sync. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "common/error.h"

static void every_code_has_its_own_text(void **state)
{
    (void)state;
    for (int e = 0; e < IPS_ERR__COUNT; e++) {
        const char *s = ips_strerror((ips_error)e);
        assert_non_null(s);
        assert_string_not_equal(s, "unknown error");
        for (int f = 0; f < e; f++)
            assert_string_not_equal(s, ips_strerror((ips_error)f));
    }
    assert_string_equal(ips_strerror(IPS_ERR__COUNT), "unknown error");
}

static void diag_formats_and_returns_code(void **state)
{
    (void)state;
    ips_diag d;
    ips_diag_clear(&d);
    assert_int_equal(ips_diag_set(&d, IPS_ERR_IO, "%s:%d", "a.csv", 7), IPS_ERR_IO);
    assert_string_equal(d.msg, "a.csv:7");
    assert_int_equal(ips_diag_set(NULL, IPS_ERR_DB, "x"), IPS_ERR_DB);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_code_has_its_own_text),
        cmocka_unit_test(diag_formats_and_returns_code),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
