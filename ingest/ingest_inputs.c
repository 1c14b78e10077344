/* Checking the inputs before anything is opened (ingest.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ingest/ingest.h"

ips_error ingest_inputs_readable(char *const *paths, size_t n, ips_diag *d)
{
    for (size_t i = 0; i < n; i++) {
        /* Non-blocking: a named pipe's writer may come only later, and
         * opening it here must not wait for one. */
        int fd = open(paths[i], O_RDONLY | O_NONBLOCK);
        struct stat sb;
        if (fd < 0)
            return ips_diag_set(d, IPS_ERR_IO, "%s: cannot read the input file: %s; check the "
                                "path; nothing was loaded", paths[i], strerror(errno));
        bool dir = fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode);
        close(fd);
        if (dir)
            return ips_diag_set(d, IPS_ERR_IO, "%s: is a directory, not a CSV file; give the "
                                "files in it (e.g. %s/*.csv); nothing was loaded", paths[i],
                                paths[i]);
    }
    return IPS_OK;
}
