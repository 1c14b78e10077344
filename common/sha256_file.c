#include "common/sha256_file.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>

int sha256_file_add(crypto_hash_sha256_state *sha, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return errno ? errno : -1;
    unsigned char buf[65536];
    size_t k;
    while ((k = fread(buf, 1, sizeof buf, f)) > 0)
        crypto_hash_sha256_update(sha, buf, k);
    bool bad = ferror(f);
    fclose(f);
    return bad ? -1 : 0;
}

void sha256_file_hex(crypto_hash_sha256_state *sha, char hex[65])
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(sha, digest);
    sodium_bin2hex(hex, 65, digest, sizeof digest);
}
