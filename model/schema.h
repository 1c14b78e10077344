/* The warehouse schema: DDL, its version (PRAGMA user_version), and upgrades. */
#ifndef IPS_SCHEMA_H
#define IPS_SCHEMA_H

#include <sqlite3.h>

#include "common/error.h"

#define SCHEMA_VERSION 5

/* Creates the schema in an empty database, upgrades an older one, refuses a
 * newer one or a database that is not a warehouse. */
ips_error schema_ensure(sqlite3 *db, const char *path, ips_diag *d);

/* PRAGMA user_version, or -1 when it cannot be read. */
int schema_version(sqlite3 *db);

#endif
