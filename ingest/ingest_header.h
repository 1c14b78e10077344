/* Reading a header, for ingest.c: which contract column a header field
 * names under a profile, and which entity a file's header is. */
#ifndef IPS_INGEST_HEADER_H
#define IPS_INGEST_HEADER_H

#include <stddef.h>

#include "common/error.h"
#include "ingest/csv_reader.h"
#include "ingest/ingest.h"

/* The profile's part for entity (the [profile] defaults included), or NULL
 * without a profile or entity. */
const profile_entity *ingest_profile_part(const ingest_options *opt, int entity);

/* The contract column of ent that header field `field` names (trimmed, then
 * renamed by the profile), or -1; the trimmed name and length in *name, *len. */
int ingest_header_column(const contract_entity *ent, const profile_entity *pe, const char *field,
                         const char **name, size_t *len);

/* The entity a header is, or -1 with the refusal in d; name is the file's
 * base name for messages, path's base name a tie-breaking hint. */
int ingest_recognise(const ingest_options *opt, const char *path, const csv_record *hdr,
                     const char *name, ips_diag *d);

#endif
