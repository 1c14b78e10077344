/* Keyed pseudonyms for personal identity codes (metrics.md § Privacy).
 *
 * The key is 32 random bytes that the user keeps outside the warehouse.
 * Key file format: exactly one line, the 32 bytes as 64 hexadecimal digits
 * (written in lower case; upper case is accepted), ending in a newline.  The
 * file must not be readable by group or others (mode 0600).
 *
 * A pseudonym is "p_" followed by the first 16 bytes of
 * HMAC-SHA256(key, normalised code) as 32 lower-case hex digits.  Cutting the
 * MAC to 128 bits is safe: collisions between codes become likely only near
 * 2^64 distinct codes (there are fewer than 10^10 possible codes), and without
 * the key no pseudonym can be computed or reversed, however many are known.
 * The same key and code always give the same pseudonym, so one person keeps
 * one pseudonym across batches; anyone with the key can reproduce it, e.g.
 *   printf %s CODE | openssl dgst -sha256 -mac HMAC -macopt hexkey:KEYHEX
 *
 * The fingerprint names a key without revealing it: the first 8 bytes of
 * HMAC-SHA256(key, "ipsreport key fingerprint v1") as 16 lower-case hex
 * digits.  The warehouse records it and refuses a batch made under another
 * key.  (The label is 28 characters, so it is never a normalised code.)
 *
 * Key material is wiped with sodium_memzero(); call pseudonym_key_wipe()
 * when done with a key.  Nothing here prints; errors go into the ips_diag. */
#ifndef IPS_PSEUDONYM_H
#define IPS_PSEUDONYM_H

#include "common/error.h"

#define PSEUDONYM_KEY_BYTES 32
#define PSEUDONYM_LEN 34            /* "p_" + 32 hex digits */
#define PSEUDONYM_FINGERPRINT_LEN 16 /* 16 hex digits */
#define PSEUDONYM_KEY_ENV "IPSREPORT_KEY_FILE"

typedef struct {
    unsigned char bytes[PSEUDONYM_KEY_BYTES];
} pseudonym_key;

/* Makes a new random key and writes it to a new file `path` with mode 0600.
 * Never overwrites: an existing path gives IPS_ERR_KEY_EXISTS (the user must
 * delete an old key deliberately, since data pseudonymised under it could
 * no longer be linked).  When key is not NULL it receives the new key. */
ips_error pseudonym_key_new_file(const char *path, pseudonym_key *key, ips_diag *d);

/* Reads a key file.  Refuses a file that group or others may read
 * (IPS_ERR_KEY_PERMISSIONS, with the chmod 600 that fixes it) and one that
 * is not exactly 64 hex digits and a line end (IPS_ERR_KEY).  On failure
 * *key is zeroed. */
ips_error pseudonym_key_load(const char *path, pseudonym_key *key, ips_diag *d);

/* Loads the key named by opt_path (from --key-file) when it is given and not
 * empty, else by the environment variable IPSREPORT_KEY_FILE; IPS_ERR_KEY,
 * with what to do, when neither names one. */
ips_error pseudonym_key_from_env_or_path(const char *opt_path, pseudonym_key *key, ips_diag *d);

/* Wipes key material; key may be NULL. */
void pseudonym_key_wipe(pseudonym_key *key);

/* Writes the pseudonym of `code` and a NUL into out.  Pass the normalised
 * code (hetu_info.code from hetu_parse()), so that lower case or blanks in
 * the source never make one person into two. */
void pseudonym_make(const pseudonym_key *key, const char *code, char out[PSEUDONYM_LEN + 1]);

/* Writes the key's fingerprint and a NUL into out. */
void pseudonym_fingerprint(const pseudonym_key *key, char out[PSEUDONYM_FINGERPRINT_LEN + 1]);

#endif
