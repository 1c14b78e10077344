/* Pseudonym keys and pseudonyms: known answers, determinism, key files that
 * are private, never overwritten and strictly formatted. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ingest/pseudonym.h"

/* The bytes 00 01 02 ... 1f as a key file line. */
#define KEY_0_31 "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"

typedef struct {
    char dir[64];
    char path[128];
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    snprintf(f->dir, sizeof f->dir, "/tmp/ips-pseudonym-XXXXXX");
    if (!mkdtemp(f->dir)) {
        free(f);
        return -1;
    }
    snprintf(f->path, sizeof f->path, "%s/key", f->dir);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    int rc = system(cmd);
    free(f);
    unsetenv(PSEUDONYM_KEY_ENV);
    return rc == 0 ? 0 : -1;
}

/* Writes len bytes of text to path with the given mode. */
static void write_file(const char *path, const char *text, size_t len, mode_t mode)
{
    unlink(path);
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(text, 1, len, fp), len);
    assert_int_equal(fclose(fp), 0);
    assert_int_equal(chmod(path, mode), 0);
}

static void write_key(const char *path, const char *text)
{
    write_file(path, text, strlen(text), 0600);
}

static bool key_is_zero(const pseudonym_key *k)
{
    for (size_t i = 0; i < sizeof k->bytes; i++)
        if (k->bytes[i])
            return false;
    return true;
}

static void known_answers(void **state)
{
    fixture *f = *state;
    pseudonym_key k;
    ips_diag d;
    ips_diag_clear(&d);
    write_key(f->path, KEY_0_31 "\n");
    assert_int_equal(pseudonym_key_load(f->path, &k, &d), IPS_OK);
    /* Computed independently with Python's hmac module, and for the first
     * also with: printf %s 131052-308T |
     *   openssl dgst -sha256 -mac HMAC -macopt hexkey:KEY_0_31 */
    char p[PSEUDONYM_LEN + 1], fp[PSEUDONYM_FINGERPRINT_LEN + 1];
    pseudonym_make(&k, "131052-308T", p);
    assert_string_equal(p, "p_0f38c15d4df3c1046b3f596a5f39b5d3");
    pseudonym_make(&k, "100190-999P", p);
    assert_string_equal(p, "p_63a8c5fb962549b9f86ef043e787affb");
    pseudonym_make(&k, "100190Y999P", p);
    assert_string_equal(p, "p_4a9ce5351364feef4794f6f9159970d3");
    pseudonym_fingerprint(&k, fp);
    assert_string_equal(fp, "ce8d3dcb1eee611d");
    pseudonym_key_wipe(&k);
    assert_true(key_is_zero(&k));
    pseudonym_key_wipe(NULL);
}

static void deterministic_per_key(void **state)
{
    fixture *f = *state;
    char other[160];
    snprintf(other, sizeof other, "%s/other", f->dir);
    pseudonym_key a, a2, b;
    ips_diag d;
    assert_int_equal(pseudonym_key_new_file(f->path, &a, &d), IPS_OK);
    assert_int_equal(pseudonym_key_load(f->path, &a2, &d), IPS_OK);
    assert_int_equal(pseudonym_key_new_file(other, &b, &d), IPS_OK);
    assert_memory_equal(a.bytes, a2.bytes, sizeof a.bytes);
    assert_memory_not_equal(a.bytes, b.bytes, sizeof a.bytes);

    char p1[PSEUDONYM_LEN + 1], p2[PSEUDONYM_LEN + 1], p3[PSEUDONYM_LEN + 1], p4[PSEUDONYM_LEN + 1];
    pseudonym_make(&a, "131052-308T", p1);
    pseudonym_make(&a2, "131052-308T", p2);
    pseudonym_make(&b, "131052-308T", p3);
    assert_string_equal(p1, p2);
    assert_string_not_equal(p1, p3);
    assert_int_equal(strlen(p1), PSEUDONYM_LEN);
    assert_int_equal(strncmp(p1, "p_", 2), 0);
    assert_int_equal(strspn(p1 + 2, "0123456789abcdef"), PSEUDONYM_LEN - 2);

    /* Two people whose codes differ only in the century sign. */
    pseudonym_make(&a, "100190-999P", p1);
    pseudonym_make(&a, "100190Y999P", p4);
    assert_string_not_equal(p1, p4);

    char fa[PSEUDONYM_FINGERPRINT_LEN + 1], fa2[PSEUDONYM_FINGERPRINT_LEN + 1], fb[PSEUDONYM_FINGERPRINT_LEN + 1];
    pseudonym_fingerprint(&a, fa);
    pseudonym_fingerprint(&a2, fa2);
    pseudonym_fingerprint(&b, fb);
    assert_string_equal(fa, fa2);
    assert_string_not_equal(fa, fb);
    assert_int_equal(strlen(fa), PSEUDONYM_FINGERPRINT_LEN);
    assert_int_equal(strspn(fa, "0123456789abcdef"), PSEUDONYM_FINGERPRINT_LEN);
    pseudonym_key_wipe(&a);
    pseudonym_key_wipe(&a2);
    pseudonym_key_wipe(&b);
}

static void new_key_file_is_private_and_one_line(void **state)
{
    fixture *f = *state;
    static const mode_t masks[] = {022, 0, 0777};
    for (size_t i = 0; i < sizeof masks / sizeof masks[0]; i++) {
        unlink(f->path);
        mode_t old = umask(masks[i]);
        ips_diag d;
        ips_error err = pseudonym_key_new_file(f->path, NULL, &d);
        umask(old);
        assert_int_equal(err, IPS_OK);
        struct stat st;
        assert_int_equal(stat(f->path, &st), 0);
        assert_int_equal(st.st_mode & 07777, 0600);
        assert_int_equal(st.st_size, 65);
        char buf[80] = {0};
        FILE *fp = fopen(f->path, "rb");
        assert_non_null(fp);
        assert_int_equal(fread(buf, 1, sizeof buf - 1, fp), 65);
        fclose(fp);
        assert_int_equal(strspn(buf, "0123456789abcdef"), 64);
        assert_int_equal(buf[64], '\n');
    }
}

static void never_overwrites(void **state)
{
    fixture *f = *state;
    ips_diag d;
    pseudonym_key k;
    write_key(f->path, KEY_0_31 "\n");
    assert_int_equal(pseudonym_key_new_file(f->path, &k, &d), IPS_ERR_KEY_EXISTS);
    assert_int_equal(d.code, IPS_ERR_KEY_EXISTS);
    assert_non_null(strstr(d.msg, f->path));
    assert_non_null(strstr(d.msg, "already exists"));
    assert_int_equal(pseudonym_key_load(f->path, &k, &d), IPS_OK);
    char fp[PSEUDONYM_FINGERPRINT_LEN + 1];
    pseudonym_fingerprint(&k, fp);
    assert_string_equal(fp, "ce8d3dcb1eee611d"); /* still the old key */
    pseudonym_key_wipe(&k);

    /* Nor any other file that happens to have the name. */
    write_file(f->path, "client_id\n", 10, 0644);
    assert_int_equal(pseudonym_key_new_file(f->path, NULL, &d), IPS_ERR_KEY_EXISTS);
    struct stat st;
    assert_int_equal(stat(f->path, &st), 0);
    assert_int_equal(st.st_size, 10);
}

static void cannot_create_in_missing_folder(void **state)
{
    fixture *f = *state;
    char path[200];
    snprintf(path, sizeof path, "%s/no/such/key", f->dir);
    ips_diag d;
    assert_int_equal(pseudonym_key_new_file(path, NULL, &d), IPS_ERR_IO);
    assert_non_null(strstr(d.msg, path));
}

static void refuses_key_others_can_read(void **state)
{
    fixture *f = *state;
    static const mode_t shared[] = {0640, 0604, 0644, 0660, 0610, 0601};
    for (size_t i = 0; i < sizeof shared / sizeof shared[0]; i++) {
        write_file(f->path, KEY_0_31 "\n", 65, shared[i]);
        pseudonym_key k;
        memset(&k, 0xff, sizeof k);
        ips_diag d;
        assert_int_equal(pseudonym_key_load(f->path, &k, &d), IPS_ERR_KEY_PERMISSIONS);
        assert_non_null(strstr(d.msg, "chmod 600"));
        assert_non_null(strstr(d.msg, f->path));
        assert_true(key_is_zero(&k));
    }
    /* Read-only for the owner is private enough. */
    write_file(f->path, KEY_0_31 "\n", 65, 0400);
    pseudonym_key k;
    ips_diag d;
    assert_int_equal(pseudonym_key_load(f->path, &k, &d), IPS_OK);
    pseudonym_key_wipe(&k);
}

static void expect_bad_format(const char *path, const char *text, size_t len)
{
    write_file(path, text, len, 0600);
    pseudonym_key k;
    memset(&k, 0xff, sizeof k);
    ips_diag d;
    ips_diag_clear(&d);
    if (pseudonym_key_load(path, &k, &d) != IPS_ERR_KEY)
        fail_msg("key file of %zu bytes should be refused", len);
    assert_non_null(strstr(d.msg, "64 hexadecimal digits"));
    assert_true(key_is_zero(&k));
}

static void key_file_format(void **state)
{
    fixture *f = *state;
    static const char *const bad[] = {
        "",
        "\n",
        "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e\n",     /* 62 digits */
        KEY_0_31 "20\n",                                                         /* 66 digits */
        "g00102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n",   /* not hex */
        "00 0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n",  /* inner blank */
        KEY_0_31 "\n" KEY_0_31 "\n",                                            /* two lines */
        KEY_0_31 "\nsecond line\n",
        "key = " KEY_0_31 "\n",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        expect_bad_format(f->path, bad[i], strlen(bad[i]));
    /* A NUL byte hidden after the digits. */
    expect_bad_format(f->path, KEY_0_31 "\0\n", 66);
    /* A long file is not read whole. */
    char big[4096];
    memset(big, 'a', sizeof big);
    expect_bad_format(f->path, big, sizeof big);

    /* Upper case, a missing or Windows line end are all the same key. */
    static const char *const good[] = {
        KEY_0_31,
        KEY_0_31 "\r\n",
        "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F\n",
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        write_key(f->path, good[i]);
        pseudonym_key k;
        ips_diag d;
        assert_int_equal(pseudonym_key_load(f->path, &k, &d), IPS_OK);
        for (int b = 0; b < PSEUDONYM_KEY_BYTES; b++)
            assert_int_equal(k.bytes[b], b);
        pseudonym_key_wipe(&k);
    }
}

static void missing_file_or_folder(void **state)
{
    fixture *f = *state;
    pseudonym_key k;
    ips_diag d;
    assert_int_equal(pseudonym_key_load(f->path, &k, &d), IPS_ERR_KEY);
    assert_non_null(strstr(d.msg, f->path));
    assert_int_equal(pseudonym_key_load(f->dir, &k, &d), IPS_ERR_KEY);
    assert_non_null(strstr(d.msg, "not a key file"));
    /* A named pipe is refused at once, not waited on. */
    assert_int_equal(mkfifo(f->path, 0600), 0);
    assert_int_equal(pseudonym_key_load(f->path, &k, &d), IPS_ERR_KEY);
    assert_non_null(strstr(d.msg, "not a key file"));
}

static void option_wins_over_environment(void **state)
{
    fixture *f = *state;
    char env_path[160];
    snprintf(env_path, sizeof env_path, "%s/env-key", f->dir);
    pseudonym_key from_opt, from_env, k;
    ips_diag d;
    assert_int_equal(pseudonym_key_new_file(f->path, &from_opt, &d), IPS_OK);
    assert_int_equal(pseudonym_key_new_file(env_path, &from_env, &d), IPS_OK);

    assert_int_equal(setenv(PSEUDONYM_KEY_ENV, env_path, 1), 0);
    assert_int_equal(pseudonym_key_from_env_or_path(f->path, &k, &d), IPS_OK);
    assert_memory_equal(k.bytes, from_opt.bytes, sizeof k.bytes);
    assert_int_equal(pseudonym_key_from_env_or_path(NULL, &k, &d), IPS_OK);
    assert_memory_equal(k.bytes, from_env.bytes, sizeof k.bytes);
    assert_int_equal(pseudonym_key_from_env_or_path("", &k, &d), IPS_OK);
    assert_memory_equal(k.bytes, from_env.bytes, sizeof k.bytes);

    assert_int_equal(unsetenv(PSEUDONYM_KEY_ENV), 0);
    assert_int_equal(pseudonym_key_from_env_or_path(NULL, &k, &d), IPS_ERR_KEY);
    assert_non_null(strstr(d.msg, "--key-file"));
    assert_non_null(strstr(d.msg, PSEUDONYM_KEY_ENV));
    assert_int_equal(setenv(PSEUDONYM_KEY_ENV, "", 1), 0);
    assert_int_equal(pseudonym_key_from_env_or_path(NULL, &k, &d), IPS_ERR_KEY);
    assert_true(key_is_zero(&k));
    pseudonym_key_wipe(&from_opt);
    pseudonym_key_wipe(&from_env);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(known_answers, setup, teardown),
        cmocka_unit_test_setup_teardown(deterministic_per_key, setup, teardown),
        cmocka_unit_test_setup_teardown(new_key_file_is_private_and_one_line, setup, teardown),
        cmocka_unit_test_setup_teardown(never_overwrites, setup, teardown),
        cmocka_unit_test_setup_teardown(cannot_create_in_missing_folder, setup, teardown),
        cmocka_unit_test_setup_teardown(refuses_key_others_can_read, setup, teardown),
        cmocka_unit_test_setup_teardown(key_file_format, setup, teardown),
        cmocka_unit_test_setup_teardown(missing_file_or_folder, setup, teardown),
        cmocka_unit_test_setup_teardown(option_wins_over_environment, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
