/* Running one subcommand in-process, as `demo` and `publish` do. */
#include "cli/step.h"

#include <stdio.h>
#include <unistd.h>

#include "common/outfile.h"

/* Runs a command with argv, optionally with stdout sent to a file: written
 * to a temporary beside it and put in place only when the command
 * succeeded and every byte reached the disk (common/outfile.h). */
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
    int saved = -1;
    outfile of;
    fflush(stdout);
    if (out_file) {
        if (outfile_open(&of, out_file, d) != IPS_OK)
            return IPS_EXIT_FAILURE;
        saved = dup(1);
        if (saved < 0 || dup2(of.fd, 1) < 0) {
            if (saved >= 0)
                close(saved);
            outfile_abort(&of);
            ips_diag_set(d, IPS_ERR_IO, "%s: cannot send the output there", out_file);
            return IPS_EXIT_FAILURE;
        }
    }
    int status = fn(argc, argv, d);
    if (out_file) {
        /* Exit 1 (findings, rejected rows) is a finished output too. */
        if (fflush(stdout) != 0 || ferror(stdout)) {
            clearerr(stdout);
            if (status != IPS_EXIT_FAILURE)
                ips_diag_set(d, IPS_ERR_IO, "%s: cannot write the file (disk full?)", out_file);
            status = IPS_EXIT_FAILURE;
        }
        dup2(saved, 1);
        close(saved);
        if (status != IPS_EXIT_FAILURE && outfile_commit(&of, d) != IPS_OK)
            status = IPS_EXIT_FAILURE;
        else if (status == IPS_EXIT_FAILURE)
            outfile_abort(&of);
    }
    return status;
}
