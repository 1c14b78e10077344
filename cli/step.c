/* Running one subcommand in-process, as `demo` and `publish` do. */
#include "cli/step.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Runs a command with argv, optionally with stdout sent to a file. */
int step_run(command_fn fn, const char *out_file, ips_diag *d, char **argv)
{
    int argc = 0;
    while (argv[argc])
        argc++;
    fflush(stdout); /* keep the output of earlier steps above this line */
    fprintf(stderr, "+ ipsreport");
    for (int i = 0; i < argc; i++)
        fprintf(stderr, " %s", argv[i]);
    fprintf(stderr, "%s%s\n", out_file ? " > " : "", out_file ? out_file : "");
    int saved = -1, fd = -1;
    fflush(stdout);
    if (out_file) {
        fd = open(out_file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0) {
            ips_diag_set(d, IPS_ERR_IO, "%s: cannot create: %s", out_file, strerror(errno));
            return IPS_EXIT_FAILURE;
        }
        saved = dup(1);
        dup2(fd, 1);
        close(fd);
    }
    int status = fn(argc, argv, d);
    if (out_file) {
        if (fflush(stdout) != 0)
            status = IPS_EXIT_FAILURE;
        dup2(saved, 1);
        close(saved);
    }
    return status;
}

