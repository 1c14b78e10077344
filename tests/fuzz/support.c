#include "tests/fuzz/support.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[512];
static char written[8][64];
static size_t nwritten;

static void cleanup(void)
{
    char path[sizeof dir * 2 + sizeof written[0]];
    for (size_t i = 0; i < nwritten; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, written[i]);
        unlink(path);
    }
    if (dir[0])
        rmdir(dir);
}

void fuzz_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("fuzz invariant broken: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    abort();
}

const char *fuzz_dir(void)
{
    if (!dir[0]) {
        const char *tmp = getenv("TMPDIR");
        snprintf(dir, sizeof dir, "%s/ipsfuzzXXXXXX", tmp && *tmp ? tmp : "/tmp");
        if (!mkdtemp(dir))
            fuzz_fail("cannot make a temp folder under %s", tmp && *tmp ? tmp : "/tmp");
        atexit(cleanup);
    }
    return dir;
}

void fuzz_write(const char *name, const void *data, size_t n, char *path, size_t pathlen)
{
    snprintf(path, pathlen, "%s/%s", fuzz_dir(), name);
    /* A new file each time: rewriting a truncated one makes ext4 flush it
     * (auto_da_alloc), which cut the runs per second tenfold. */
    unlink(path);
    FILE *f = fopen(path, "wb");
    if (!f || (n && fwrite(data, 1, n, f) != n) || fclose(f) != 0)
        fuzz_fail("cannot write %s", path);
    for (size_t i = 0; i < nwritten; i++)
        if (strcmp(written[i], name) == 0)
            return;
    if (nwritten < sizeof written / sizeof written[0])
        snprintf(written[nwritten++], sizeof written[0], "%s", name);
}
