#include "cli/reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/outfile.h"
#include "ingest/pseudonym.h"
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

void reader_protect_input(const char *path)
{
    outfile_protect(path, "an input of this run");
}

/* An output over the warehouse would destroy it, and one over a side file
 * would corrupt it or lose the last commits. */
static void protect_warehouse(const char *db)
{
    static const char *const side[] = {"-wal", "-shm", "-journal"};
    char name[4200];
    outfile_protect(db, "the warehouse");
    for (size_t i = 0; i < sizeof side / sizeof side[0]; i++) {
        snprintf(name, sizeof name, "%s%s", db, side[i]);
        outfile_protect(name, "a file of the warehouse");
    }
}

ips_error reader_open(const char *db, warehouse **out, ips_diag *d)
{
    protect_warehouse(db);
    /* The key named by the environment is not an input of a read, but an
     * output over it would lose every pseudonym's link for good. */
    const char *key = getenv(PSEUDONYM_KEY_ENV);
    if (key && *key)
        outfile_protect(key, "the pseudonym key");
    if (shared.wh && strcmp(db, shared.db) == 0) {
        *out = shared.wh;
        return IPS_OK;
    }
    ips_error e = warehouse_open(db, WH_READONLY, out, d);
    if (e == IPS_OK)
        runs_warn(*out, db);
    bool own = false;
    if (e == IPS_OK && (e = warehouse_read_begin(*out, &own, d)) != IPS_OK) {
        warehouse_free(*out);
        *out = NULL;
    }
    return e;
}

void reader_close(warehouse *wh)
{
    if (!wh || wh == shared.wh)
        return;
    /* Nothing was written: how the read transaction ends changes nothing. */
    warehouse_read_end(wh, true, IPS_OK, NULL);
    warehouse_free(wh);
}
