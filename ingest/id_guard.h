/* One warehouse, one id space for clients (model/id_space.h): a file whose
 * client ids are pseudonymised is refused by a warehouse of exported ids,
 * and the other way round, with what to do instead. */
#ifndef IPS_ID_GUARD_H
#define IPS_ID_GUARD_H

#include <stdbool.h>

#include "ingest/profile.h"
#include "model/contract.h"
#include "model/warehouse.h"

/* Checks a file of entity ent, read with pe (NULL: the canonical layout),
 * before its rows are stored; has_client_id: the file has a client_id
 * column.  The first such file records the warehouse's kind.  Call inside
 * the file's transaction, so that a file refused for another reason records
 * nothing.  file names the file in the message. */
ips_error id_guard_admit(warehouse *wh, const contract_entity *ent, const profile_entity *pe,
                         bool has_client_id, const char *file, ips_diag *d);

#endif
