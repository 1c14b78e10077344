#include "common/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Protected files are few (a warehouse and its three side files, a tariff,
 * the inputs of one run), and one process protects them for its whole run:
 * a fixed table, no allocation to free. */
#define PROTECT_MAX 32

typedef struct {
    bool has_inode;
    dev_t dev;
    ino_t ino;
    /* The name: the folder (by device and inode, so "./w.db", "w.db" and
     * "/abs/w.db" agree) and the last part of the path. */
    bool has_dir;
    dev_t dir_dev;
    ino_t dir_ino;
    char base[256];
    char role[48];
} protected_file;

static protected_file protect[PROTECT_MAX];
static size_t nprotect;

/* The folder of path (by device and inode) and its last part; false when
 * the folder does not exist (then no existing file has that name). */
static bool name_of(const char *path, dev_t *dev, ino_t *ino, char base[256])
{
    char dir[OUTFILE_PATH_MAX];
    const char *slash = strrchr(path, '/');
    snprintf(base, 256, "%s", slash ? slash + 1 : path);
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else
        snprintf(dir, sizeof dir, "%.*s", slash == path ? 1 : (int)(slash - path), path);
    struct stat st;
    if (stat(dir, &st) != 0)
        return false;
    *dev = st.st_dev;
    *ino = st.st_ino;
    return true;
}

int outfile_protect(const char *path, const char *role)
{
    protected_file p = {0};
    struct stat st;
    /* stat, not lstat: what the name leads to is what must not be replaced. */
    p.has_inode = stat(path, &st) == 0;
    p.dev = p.has_inode ? st.st_dev : 0;
    p.ino = p.has_inode ? st.st_ino : 0;
    p.has_dir = name_of(path, &p.dir_dev, &p.dir_ino, p.base);
    snprintf(p.role, sizeof p.role, "%s", role);
    /* publish opens the warehouse once per part: one entry is enough. */
    for (size_t i = 0; i < nprotect; i++)
        if (protect[i].has_inode == p.has_inode && protect[i].dev == p.dev &&
            protect[i].ino == p.ino && protect[i].has_dir == p.has_dir &&
            protect[i].dir_dev == p.dir_dev && protect[i].dir_ino == p.dir_ino &&
            strcmp(protect[i].base, p.base) == 0)
            return 1;
    if (nprotect >= PROTECT_MAX)
        return 0;
    protect[nprotect++] = p;
    return 1;
}

void outfile_protect_clear(void)
{
    nprotect = 0;
}

static const protected_file *protected_match(const char *path, const struct stat *st)
{
    dev_t dev = 0;
    ino_t ino = 0;
    char base[256];
    bool has_dir = name_of(path, &dev, &ino, base);
    for (size_t i = 0; i < nprotect; i++) {
        const protected_file *p = &protect[i];
        if (st && p->has_inode && p->dev == st->st_dev && p->ino == st->st_ino)
            return p;
        if (has_dir && p->has_dir && p->dir_dev == dev && p->dir_ino == ino &&
            strcmp(p->base, base) == 0)
            return p;
    }
    return NULL;
}

ips_error outfile_check(const char *path, ips_diag *d)
{
    struct stat st;
    bool exists = lstat(path, &st) == 0;
    if (exists && S_ISLNK(st.st_mode))
        return ips_diag_set(d, IPS_ERR_IO, "%s: is a symbolic link; ipsreport does not write "
                            "through links: remove the link or give another name", path);
    if (exists && S_ISDIR(st.st_mode))
        return ips_diag_set(d, IPS_ERR_IO, "%s: is a folder; give a file name", path);
    if (exists && !S_ISREG(st.st_mode))
        return ips_diag_set(d, IPS_ERR_IO, "%s: is not a regular file (a device or a pipe); "
                            "give the name of a file to write", path);
    const protected_file *p = protected_match(path, exists ? &st : NULL);
    if (p)
        return ips_diag_set(d, IPS_ERR_USAGE, "%s: is %s; an output would overwrite it: give "
                            "the output another name", path, p->role);
    return IPS_OK;
}

ips_error outfile_open(outfile *of, const char *path, ips_diag *d)
{
    of->fd = -1;
    of->tmp[0] = '\0';
    if ((size_t)snprintf(of->path, sizeof of->path, "%s", path) >= sizeof of->path)
        return ips_diag_set(d, IPS_ERR_IO, "%s: the file name is too long", path);
    ips_error e = outfile_check(path, d);
    if (e != IPS_OK)
        return e;
    /* A hidden name in the same folder: the rename stays on one file
     * system, and a temporary left by a kill is not taken for an output. */
    const char *slash = strrchr(path, '/');
    int dirlen = slash ? (int)(slash - path + 1) : 0;
    if ((size_t)snprintf(of->tmp, sizeof of->tmp, "%.*s.%s.tmp-XXXXXX", dirlen, path,
                         path + dirlen) >= sizeof of->tmp) {
        of->tmp[0] = '\0';
        return ips_diag_set(d, IPS_ERR_IO, "%s: the file name is too long", path);
    }
    of->fd = mkstemp(of->tmp);
    if (of->fd < 0) {
        int err = errno;
        of->tmp[0] = '\0';
        return ips_diag_set(d, IPS_ERR_IO, "%s: cannot create the file: %s; check that the "
                            "folder exists and is writable", path, strerror(err));
    }
    return IPS_OK;
}

void outfile_close_fd(outfile *of)
{
    if (of->fd >= 0)
        close(of->fd);
    of->fd = -1;
}

FILE *outfile_stream(outfile *of)
{
    FILE *f = of->fd >= 0 ? fdopen(of->fd, "wb") : NULL;
    if (f)
        of->fd = -1;
    return f;
}

void outfile_abort(outfile *of)
{
    outfile_close_fd(of);
    if (of->tmp[0])
        unlink(of->tmp);
    of->tmp[0] = '\0';
}

static ips_error fail(outfile *of, ips_diag *d, const char *what, int err)
{
    ips_error e = ips_diag_set(d, IPS_ERR_IO, "%s: %s: %s; the previous file, if any, is "
                               "left as it was", of->path, what, strerror(err));
    outfile_abort(of);
    return e;
}

/* The rename is on disk only once the folder is synced; not every file
 * system can sync a folder, which is no reason to fail the output. */
static void sync_folder(const char *path)
{
    char dir[OUTFILE_PATH_MAX];
    const char *slash = strrchr(path, '/');
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path + (slash == path)) : 1,
             slash ? path : ".");
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

ips_error outfile_commit(outfile *of, ips_diag *d)
{
    if (!of->tmp[0])
        return ips_diag_set(d, IPS_ERR_IO, "%s: nothing to save", of->path);
    int fd = of->fd >= 0 ? of->fd : open(of->tmp, O_RDONLY | O_NOFOLLOW);
    of->fd = -1;
    if (fd < 0)
        return fail(of, d, "cannot reopen the written file", errno);
    /* mkstemp made the file private; an output gets the user's usual mode. */
    mode_t mask = umask(0);
    umask(mask);
    if (fsync(fd) != 0 || fchmod(fd, 0666 & ~mask) != 0) {
        int err = errno;
        close(fd);
        return fail(of, d, "cannot save the file", err);
    }
    if (close(fd) != 0)
        return fail(of, d, "cannot save the file", errno);
    /* Checked again: the path may have become a link or a protected file's
     * name while the output was being made. */
    ips_error e = outfile_check(of->path, d);
    if (e != IPS_OK) {
        outfile_abort(of);
        return e;
    }
    if (rename(of->tmp, of->path) != 0)
        return fail(of, d, "cannot put the file in place", errno);
    of->tmp[0] = '\0';
    sync_folder(of->path);
    return IPS_OK;
}
