/* Which id space a warehouse's client ids are in: the client system's own
 * ids as exported, or keyed pseudonyms of identity codes.  The two never
 * name the same person alike, so one warehouse holds one kind: mixed, every
 * client would be counted twice.  Recorded in meta as 'client_ids'. */
#ifndef IPS_ID_SPACE_H
#define IPS_ID_SPACE_H

#include "common/error.h"
#include "model/warehouse.h"

typedef enum {
    ID_SPACE_NONE = 0,   /* not known yet: no client stored */
    ID_SPACE_EXPORTED,   /* the ids as the client system wrote them */
    ID_SPACE_PSEUDONYMS, /* pseudonyms of identity codes under the warehouse's key */
} id_space;

/* The recorded kind; for a warehouse made before the record, the kind of
 * its first stored client id (a pseudonym is "p_" and 32 hex digits), or
 * ID_SPACE_NONE when it holds no client. */
ips_error id_space_get(warehouse *wh, id_space *out, ips_diag *d);

/* Records the kind (inside the caller's transaction, if any). */
ips_error id_space_set(warehouse *wh, id_space kind, ips_diag *d);

#endif
