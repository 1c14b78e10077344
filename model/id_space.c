#include "model/id_space.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define META_KEY "client_ids"

static const char *const names[] = {
    [ID_SPACE_EXPORTED] = "exported", [ID_SPACE_PSEUDONYMS] = "pseudonyms"};

static bool is_pseudonym(const unsigned char *s)
{
    if (!s || s[0] != 'p' || s[1] != '_')
        return false;
    size_t n = 0;
    for (s += 2; (*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f'); s++)
        n++;
    return !*s && n == 32;
}

/* The kind of the first client stored, for warehouses older than the record. */
static ips_error infer(warehouse *wh, id_space *out, ips_diag *d)
{
    sqlite3_stmt *st;
    *out = ID_SPACE_NONE;
    if (sqlite3_prepare_v2(warehouse_db(wh), "SELECT client_id FROM clients ORDER BY rowid LIMIT 1",
                           -1, &st, NULL) != SQLITE_OK)
        return warehouse_fail(wh, d, "reading the clients");
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *out = is_pseudonym(sqlite3_column_text(st, 0)) ? ID_SPACE_PSEUDONYMS : ID_SPACE_EXPORTED;
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? IPS_OK : warehouse_fail(wh, d, "reading the clients");
}

ips_error id_space_get(warehouse *wh, id_space *out, ips_diag *d)
{
    char *v = NULL;
    ips_error e = warehouse_meta_get(wh, META_KEY, &v, d);
    if (e != IPS_OK)
        return e;
    if (!v)
        return infer(wh, out, d);
    *out = strcmp(v, names[ID_SPACE_PSEUDONYMS]) == 0 ? ID_SPACE_PSEUDONYMS : ID_SPACE_EXPORTED;
    free(v);
    return IPS_OK;
}

ips_error id_space_set(warehouse *wh, id_space kind, ips_diag *d)
{
    if (kind == ID_SPACE_NONE)
        return IPS_OK;
    return warehouse_meta_set(wh, META_KEY, names[kind], d);
}
