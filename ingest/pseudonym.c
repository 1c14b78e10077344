#include "ingest/pseudonym.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/trim.h"

#define KEY_HEX (2 * PSEUDONYM_KEY_BYTES)
/* A key file is 65 bytes; anything much longer is not a key file. */
#define KEY_FILE_MAX 128

static const char fingerprint_label[] = "ipsreport key fingerprint v1";

static ips_error crypto_ready(ips_diag *d)
{
    /* sodium_init() is safe to call repeatedly; 1 means already done. */
    if (sodium_init() < 0)
        return ips_diag_set(d, IPS_ERR_KEY, "cannot start the cryptography library (libsodium)");
    return IPS_OK;
}

static void hex_of(const unsigned char *mac, size_t bytes, char *out)
{
    sodium_bin2hex(out, 2 * bytes + 1, mac, bytes);
}

void pseudonym_make(const pseudonym_key *key, const char *code, char out[PSEUDONYM_LEN + 1])
{
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256(mac, (const unsigned char *)code, strlen(code), key->bytes);
    out[0] = 'p';
    out[1] = '_';
    hex_of(mac, (PSEUDONYM_LEN - 2) / 2, out + 2);
    sodium_memzero(mac, sizeof mac);
}

void pseudonym_fingerprint(const pseudonym_key *key, char out[PSEUDONYM_FINGERPRINT_LEN + 1])
{
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256(mac, (const unsigned char *)fingerprint_label, strlen(fingerprint_label), key->bytes);
    hex_of(mac, PSEUDONYM_FINGERPRINT_LEN / 2, out);
    sodium_memzero(mac, sizeof mac);
}

void pseudonym_key_wipe(pseudonym_key *key)
{
    if (key)
        sodium_memzero(key, sizeof *key);
}

/* Writes all n bytes, retrying short writes; false with errno set on error. */
static bool write_all(int fd, const char *buf, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, buf, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            if (w == 0)
                errno = EIO;
            return false;
        }
        buf += w;
        n -= (size_t)w;
    }
    return true;
}

static ips_error create_exclusive(const char *path, int *fd, ips_diag *d)
{
    *fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (*fd >= 0)
        return IPS_OK;
    if (errno == EEXIST)
        return ips_diag_set(d, IPS_ERR_KEY_EXISTS,
                            "%s already exists; ipsreport never replaces a key, because data "
                            "pseudonymised under it could no longer be linked. Choose another "
                            "file name, or delete the old key yourself if it is truly not needed",
                            path);
    return ips_diag_set(d, IPS_ERR_IO, "%s: cannot create the key file: %s", path, strerror(errno));
}

ips_error pseudonym_key_new_file(const char *path, pseudonym_key *key, ips_diag *d)
{
    ips_error err = crypto_ready(d);
    int fd;
    if (err || (err = create_exclusive(path, &fd, d)))
        return err;
    pseudonym_key k;
    char line[KEY_HEX + 2];
    randombytes_buf(k.bytes, sizeof k.bytes);
    hex_of(k.bytes, sizeof k.bytes, line);
    line[KEY_HEX] = '\n';
    /* fchmod: a umask such as 0777 must not leave the owner unable to read it. */
    bool ok = fchmod(fd, 0600) == 0 && write_all(fd, line, KEY_HEX + 1) && fsync(fd) == 0;
    int saved = ok ? 0 : errno;
    if (close(fd) != 0 && ok) {
        ok = false;
        saved = errno;
    }
    if (!ok) {
        /* A half-written key must not be mistaken for a key later. */
        unlink(path);
        err = ips_diag_set(d, IPS_ERR_IO, "%s: cannot write the key file: %s", path, strerror(saved));
    } else if (key) {
        *key = k;
    }
    sodium_memzero(line, sizeof line);
    pseudonym_key_wipe(&k);
    return err;
}

/* Reads up to KEY_FILE_MAX + 1 bytes (one more than a key file may have, to
 * notice a longer one) of a private regular file into buf. */
static ips_error read_private(const char *path, char buf[KEY_FILE_MAX + 2], size_t *len, ips_diag *d)
{
    /* O_NONBLOCK: a named pipe given by mistake must not hang the open; it
     * changes nothing for the regular files that pass the check below. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return ips_diag_set(d, IPS_ERR_KEY, "%s: cannot open the key file: %s", path, strerror(errno));
    struct stat st;
    ips_error err = IPS_OK;
    if (fstat(fd, &st) != 0)
        err = ips_diag_set(d, IPS_ERR_KEY, "%s: cannot read the key file: %s", path, strerror(errno));
    else if (!S_ISREG(st.st_mode))
        err = ips_diag_set(d, IPS_ERR_KEY, "%s is not a key file (it is a folder or some other special file)", path);
    else if (st.st_mode & (S_IRWXG | S_IRWXO))
        err = ips_diag_set(d, IPS_ERR_KEY_PERMISSIONS,
                           "%s: other users have access to the key file; make it private with "
                           "'chmod 600 %s' and try again",
                           path, path);
    *len = 0;
    while (!err && *len <= KEY_FILE_MAX) {
        ssize_t r = read(fd, buf + *len, KEY_FILE_MAX + 1 - *len);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            err = ips_diag_set(d, IPS_ERR_KEY, "%s: cannot read the key file: %s", path, strerror(errno));
        if (r <= 0)
            break;
        *len += (size_t)r;
    }
    close(fd);
    return err;
}

/* Decodes exactly KEY_HEX hex digits, with only blanks around them. */
static bool decode_key(const char *buf, size_t len, pseudonym_key *key)
{
    size_t n, got = 0;
    const char *s = trim_span(buf, &n);
    if (len > KEY_FILE_MAX || strlen(buf) != len || n != KEY_HEX)
        return false;
    return sodium_hex2bin(key->bytes, sizeof key->bytes, s, n, NULL, &got, NULL) == 0 && got == sizeof key->bytes;
}

ips_error pseudonym_key_load(const char *path, pseudonym_key *key, ips_diag *d)
{
    char buf[KEY_FILE_MAX + 2] = {0};
    size_t len = 0;
    ips_error err = crypto_ready(d);
    if (!err)
        err = read_private(path, buf, &len, d);
    if (!err && !decode_key(buf, len, key))
        err = ips_diag_set(d, IPS_ERR_KEY,
                           "%s is not an ipsreport key file: it must hold one line of %d "
                           "hexadecimal digits, as 'ipsreport key new' writes it",
                           path, KEY_HEX);
    if (err)
        pseudonym_key_wipe(key);
    sodium_memzero(buf, sizeof buf);
    return err;
}

ips_error pseudonym_key_from_env_or_path(const char *opt_path, pseudonym_key *key, ips_diag *d)
{
    const char *path = opt_path && *opt_path ? opt_path : getenv(PSEUDONYM_KEY_ENV);
    if (!path || !*path) {
        pseudonym_key_wipe(key);
        return ips_diag_set(d, IPS_ERR_KEY,
                            "no pseudonym key given: use --key-file FILE or set " PSEUDONYM_KEY_ENV
                            " to the key file (make a key once with 'ipsreport key new FILE' "
                            "and keep it safe)");
    }
    return pseudonym_key_load(path, key, d);
}
