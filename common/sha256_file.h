/* SHA-256 of a file's bytes (libsodium), for the batch list's pack files and
 * the profile a batch was read with. */
#ifndef IPS_SHA256_FILE_H
#define IPS_SHA256_FILE_H

#include <sodium.h>

/* Feeds every byte of the file at path into sha.  Returns 0, the errno of a
 * file that cannot be opened, or −1 when reading it failed. */
int sha256_file_add(crypto_hash_sha256_state *sha, const char *path);

/* sha's digest as 64 lowercase hex digits and a NUL. */
void sha256_file_hex(crypto_hash_sha256_state *sha, char hex[65]);

#endif
