/* Writing an output file safely: every output (workbook, PDF, chart, the
 * metrics CSV/JSON of publish) is written to a temporary file in the same
 * folder and renamed over the real name only once it is complete and on
 * disk, so a full disk, a size limit or a kill leaves the previous file
 * whole.  Before anything is written the path is checked:
 *   - a path that names a protected file (the warehouse and its side files,
 *     an input of the same run) is refused, by device and inode as well as
 *     by name, so "./w.db", "w.db" and a hard link are all caught;
 *   - a symbolic link at the path is refused, never followed (the folder
 *     holding the file may itself be a link);
 *   - a folder at the path is refused.
 *
 *   outfile of;
 *   if (outfile_open(&of, path, d) != IPS_OK) return d->code;
 *   write to of.fd (or give of.tmp to a library that writes by name);
 *   return ok ? outfile_commit(&of, d) : (outfile_abort(&of), e);
 */
#ifndef IPS_OUTFILE_H
#define IPS_OUTFILE_H

#include <stdio.h>

#include "common/error.h"

#define OUTFILE_PATH_MAX 4096

typedef struct {
    char path[OUTFILE_PATH_MAX]; /* the name the file is to have */
    char tmp[OUTFILE_PATH_MAX];  /* the temporary beside it, "" once renamed or removed */
    int fd;                      /* open on tmp, or -1 once closed */
} outfile;

/* Protects a file from being overwritten by any output of this process:
 * what names the same file (device and inode), or the same name after
 * resolving its folder, is refused by outfile_check().  The file need not
 * exist yet (a warehouse's -wal).  role says what it is, for the message
 * ("the warehouse", "an input of this run").  Returns false when out of
 * room (the list holds a few dozen files). */
int outfile_protect(const char *path, const char *role);
/* Forgets every protected file. */
void outfile_protect_clear(void);

/* Refuses a path no output may be written to (see above); IPS_OK otherwise. */
ips_error outfile_check(const char *path, ips_diag *d);

/* Checks path and creates the temporary beside it, open for writing in
 * of->fd.  On failure nothing is left behind. */
ips_error outfile_open(outfile *of, const char *path, ips_diag *d);
/* Closes of->fd (if still open) without committing, for writers that
 * reopen of->tmp by name. */
void outfile_close_fd(outfile *of);
/* A stream on of->fd, which it then owns (fclose it before commit);
 * NULL when out of memory. */
FILE *outfile_stream(outfile *of);
/* Syncs the temporary to disk, gives it the usual mode (0666 less the
 * umask), checks the path again and renames it into place.  On any failure
 * the temporary is removed and the previous file is left as it was. */
ips_error outfile_commit(outfile *of, ips_diag *d);
/* Removes the temporary; the previous file stays.  Safe to call twice. */
void outfile_abort(outfile *of);

#endif
