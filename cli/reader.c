#include "cli/reader.h"

#include <string.h>

#include "cli/runs_warn.h"

static struct {
    const char *db;
    warehouse *wh;
} shared;

void reader_share(const char *db, warehouse *wh)
{
    shared.db = wh ? db : NULL;
    shared.wh = wh;
}

ips_error reader_open(const char *db, warehouse **out, ips_diag *d)
{
    if (shared.wh && strcmp(db, shared.db) == 0) {
        *out = shared.wh;
        return IPS_OK;
    }
    ips_error e = warehouse_open(db, WH_READONLY, out, d);
    if (e == IPS_OK)
        runs_warn(*out, db);
    return e;
}

void reader_close(warehouse *wh)
{
    if (wh != shared.wh)
        warehouse_free(wh);
}
