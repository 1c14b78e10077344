#include "model/warehouse_access.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The folder of path: "." for a bare name. */
static void folder_of(const char *path, char *dir, size_t n)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(dir, n, ".");
    else
        snprintf(dir, n, "%.*s", slash == path ? 1 : (int)(slash - path), path);
}

static bool side_exists(const char *path, const char *suffix, struct stat *st)
{
    char name[4200];
    struct stat own;
    snprintf(name, sizeof name, "%s%s", path, suffix);
    return stat(name, st ? st : &own) == 0;
}

static bool folder_writable(const char *path)
{
    char dir[4096];
    folder_of(path, dir, sizeof dir);
    return access(dir, W_OK) == 0;
}

/* What the first bytes say: 0 not SQLite (or unreadable), 1 SQLite in a
 * rollback-journal mode, 2 SQLite in WAL mode (file format bytes 18-19). */
static int header_kind(const char *path)
{
    unsigned char h[20];
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return 0;
    ssize_t got = read(fd, h, sizeof h);
    close(fd);
    if (got != (ssize_t)sizeof h || memcmp(h, "SQLite format 3", 16) != 0)
        return 0;
    return h[18] == 2 && h[19] == 2 ? 2 : 1;
}

bool warehouse_access_uri(const char *path, bool readonly, bool create, char *uri, size_t n)
{
    size_t k = 0;
    int w = snprintf(uri, n, "file:");
    if (w < 0 || (size_t)w >= n)
        return false;
    k = (size_t)w;
    /* "file://x" would name a host: one leading slash is enough. */
    while (path[0] == '/' && path[1] == '/')
        path++;
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        bool plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                     (*p >= '0' && *p <= '9') || strchr("/._-~", *p);
        if (k + 4 >= n)
            return false;
        if (plain)
            uri[k++] = (char)*p;
        else
            k += (size_t)snprintf(uri + k, n - k, "%%%02X", *p);
    }
    /* immutable only where no writer could change the file (see the
     * header) and a plain read-only open would fail for want of a -wal. */
    bool immutable = readonly && !folder_writable(path) && header_kind(path) == 2 &&
                     !side_exists(path, "-wal", NULL);
    w = snprintf(uri + k, n - k, "?mode=%s%s", readonly ? "ro" : create ? "rwc" : "rw",
                 immutable ? "&immutable=1" : "");
    return w >= 0 && (size_t)w < n - k;
}

/* A -wal or -shm that this user may not write, left by another user's
 * reader: the writer cannot use it. */
static bool side_blocks_writer(const char *path, char *which, size_t n)
{
    static const char *const side[] = {"-shm", "-wal"};
    for (size_t i = 0; i < 2; i++) {
        char name[4200];
        snprintf(name, sizeof name, "%s%s", path, side[i]);
        if (access(name, F_OK) == 0 && access(name, W_OK) != 0) {
            snprintf(which, n, "%s", name);
            return true;
        }
    }
    return false;
}

ips_error warehouse_access_explain(const char *path, bool readonly, int rc, const char *msg,
                                   ips_diag *d)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return ips_diag_set(d, IPS_ERR_IO, "%s: cannot open the warehouse: %s", path,
                            strerror(errno));
    if (S_ISDIR(st.st_mode))
        return ips_diag_set(d, IPS_ERR_IO, "%s: is a folder, not a warehouse; give the "
                            "warehouse file with --db", path);
    if (access(path, R_OK) != 0)
        return ips_diag_set(d, IPS_ERR_IO, "%s: you may not read this file (%s); ask its owner "
                            "for read access, or read a copy", path, strerror(errno));
    if (st.st_size > 0 && header_kind(path) == 0)
        return ips_diag_set(d, IPS_ERR_NOT_WAREHOUSE, "%s: is not an SQLite file, so not a "
                            "warehouse; give the file 'ipsreport ingest --db' made", path);
    if (!readonly && access(path, W_OK) != 0)
        return ips_diag_set(d, IPS_ERR_IO, "%s: you may not write this file (%s); only its "
                            "owner can load data into it", path, strerror(errno));
    if (!readonly && !folder_writable(path))
        return ips_diag_set(d, IPS_ERR_IO, "%s: its folder is read-only (%s); loading needs "
                            "to create a -wal or -journal file beside the warehouse", path,
                            strerror(errno));
    if (!readonly && warehouse_access_writer_ready(path, d) != IPS_OK)
        return d ? d->code : IPS_ERR_IO;
    int primary = rc & 0xff;
    if (readonly && primary == SQLITE_READONLY)
        return ips_diag_set(d, IPS_ERR_IO, "%s: an interrupted ingest left a journal that only "
                            "someone who may write the file can roll back; ask its owner to "
                            "run 'ipsreport check --db %s' once", path, path);
    if (readonly && (primary == SQLITE_CANTOPEN || primary == SQLITE_IOERR) &&
        !folder_writable(path))
        return ips_diag_set(d, IPS_ERR_IO, "%s: its folder is read-only (read-only media or no "
                            "write permission) and the warehouse's %s-wal or %s-shm is missing "
                            "or unreadable, so it cannot be read here; copy the warehouse to "
                            "a writable folder", path, path, path);
    if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
        return ips_diag_set(d, IPS_ERR_NOT_WAREHOUSE, "%s: is damaged or not an SQLite "
                            "database (%s); give the file 'ipsreport ingest --db' made", path,
                            msg);
    return ips_diag_set(d, IPS_ERR_NOT_WAREHOUSE, "%s: cannot be opened as a warehouse (%s); "
                        "give an ipsreport warehouse or a new file name", path, msg);
}

/* SQLite's lock bytes (os_unix.c): PENDING, RESERVED and the SHARED range
 * from 2^30; a write lock on all of them is its EXCLUSIVE lock, which no
 * connection grants while it has the file open in WAL mode. */
#define SQLITE_LOCK_START 0x40000000
#define SQLITE_LOCK_LEN 512

void warehouse_access_clear_stale(const char *path)
{
    char wal[4200], shm[4200];
    struct stat st;
    snprintf(wal, sizeof wal, "%s-wal", path);
    snprintf(shm, sizeof shm, "%s-shm", path);
    bool wal_blocks = access(wal, F_OK) == 0 && access(wal, W_OK) != 0;
    bool shm_blocks = access(shm, F_OK) == 0 && access(shm, W_OK) != 0;
    if (!wal_blocks && !shm_blocks)
        return;
    if (stat(wal, &st) == 0 && st.st_size > 0)
        return; /* it may hold commits: never thrown away */
    int fd = open(path, O_RDWR);
    if (fd < 0)
        return;
    struct flock lk = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = SQLITE_LOCK_START,
                       .l_len = SQLITE_LOCK_LEN};
    if (fcntl(fd, F_SETLK, &lk) == 0) {
        unlink(wal);
        unlink(shm);
    }
    close(fd); /* releases the lock */
}

ips_error warehouse_access_writer_ready(const char *path, ips_diag *d)
{
    char which[4200];
    if (!side_blocks_writer(path, which, sizeof which))
        return IPS_OK;
    return ips_diag_set(d, IPS_ERR_IO, "%s: belongs to another user (left by a read as that "
                        "user) and cannot be written, so nothing can be loaded; when no one "
                        "is reading the warehouse, have that user or an administrator remove "
                        "%s-wal and %s-shm, and run again", which, path, path);
}
