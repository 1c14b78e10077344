/* Test helper for tests/e2e: creates a warehouse with the schema of this
 * very build (model/schema.c via warehouse_open(WH_CREATE)), then runs the
 * SQL read from standard input in it.  Built by the e2e scripts that need
 * hand-made data, from the library objects of the ASan build:
 *
 *   mkwarehouse DB < rows.sql
 *
 * Prints one line and exits 2 when anything fails. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/warehouse.h"

static char *read_all(FILE *f)
{
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n - 1 == 0) {
            char *grown = realloc(buf, cap *= 2);
            if (!grown) {
                free(buf);
                return NULL;
            }
            buf = grown;
        }
    }
    if (buf)
        buf[n] = '\0';
    return buf;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: mkwarehouse DB < rows.sql\n");
        return 2;
    }
    ips_diag d;
    ips_diag_clear(&d);
    warehouse *wh = NULL;
    if (warehouse_open(argv[1], WH_CREATE, &wh, &d) != IPS_OK) {
        fprintf(stderr, "mkwarehouse: %s\n", d.msg);
        return 2;
    }
    char *sql = read_all(stdin);
    char *err = NULL;
    int rc = sql ? sqlite3_exec(warehouse_db(wh), sql, NULL, NULL, &err) : SQLITE_NOMEM;
    if (rc != SQLITE_OK)
        fprintf(stderr, "mkwarehouse: %s\n", err ? err : "out of memory");
    sqlite3_free(err);
    free(sql);
    warehouse_free(wh);
    return rc == SQLITE_OK ? 0 : 2;
}
