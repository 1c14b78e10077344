/* sha256_file: a file's SHA-256, and the two ways reading it can fail. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/sha256_file.h"

static void digest_of_a_file(void **state)
{
    (void)state;
    char path[] = "/tmp/ips-sha256-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "abc", 3), 3);
    close(fd);
    crypto_hash_sha256_state sha;
    crypto_hash_sha256_init(&sha);
    assert_int_equal(sha256_file_add(&sha, path), 0);
    char hex[65];
    sha256_file_hex(&sha, hex);
    /* FIPS 180-2, appendix B.1 */
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    unlink(path);
}

static void missing_file_gives_its_errno(void **state)
{
    (void)state;
    crypto_hash_sha256_state sha;
    crypto_hash_sha256_init(&sha);
    assert_int_equal(sha256_file_add(&sha, "/nonexistent/ips-sha256"), ENOENT);
    /* a directory opens but cannot be read */
    assert_int_equal(sha256_file_add(&sha, "/tmp"), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(digest_of_a_file),
        cmocka_unit_test(missing_file_gives_its_errno),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
