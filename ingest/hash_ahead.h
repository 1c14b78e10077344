/* SHA-256 of a stream of chunks, computed by a helper thread while the
 * caller parses the same chunks: hashing was a third of reading a CSV file
 * (libsodium's portable SHA-256), and it needs no answer until the end.
 * The caller fills the buffer it is given, submits it, and reads it freely
 * until it asks for the next one.  Without a thread (creation failed) the
 * chunks are hashed as they are submitted; the digest is the same. */
#ifndef IPS_HASH_AHEAD_H
#define IPS_HASH_AHEAD_H

#include <stddef.h>

/* The CSV reader's chunk.  Fuzz builds make it small (scripts/fuzz.sh), so
 * that inputs of a few KB cross chunk boundaries as a large file's do. */
#ifndef HASH_AHEAD_CHUNK
#define HASH_AHEAD_CHUNK 65536
#endif

typedef struct hash_ahead hash_ahead;

/* NULL when out of memory. */
hash_ahead *hash_ahead_new(void);
/* The next buffer to fill (HASH_AHEAD_CHUNK bytes); waits until the helper
 * is done with it.  The previous buffer must no longer be needed. */
unsigned char *hash_ahead_buffer(hash_ahead *h);
/* The first n bytes of the buffer from hash_ahead_buffer() are the next of
 * the stream. */
void hash_ahead_submit(hash_ahead *h, size_t n);
/* The digest of every byte submitted; afterwards no more may be. */
void hash_ahead_final(hash_ahead *h, unsigned char digest[32]);
/* Accepts NULL; stops the helper. */
void hash_ahead_free(hash_ahead *h);

#endif
