/* SQL functions of model/ (model/sqlfn.c), registered per connection. */
#ifndef IPS_SQLFN_H
#define IPS_SQLFN_H

#include <sqlite3.h>

/* Registers ips_fold(text) and ips_add_months(iso, n); an SQLite result code. */
int sqlfn_register(sqlite3 *db);

#endif
