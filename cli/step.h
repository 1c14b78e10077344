/* Runs another subcommand in this process with argv (NULL-terminated, argv[0]
 * the command's name), echoing it on stderr as "+ ipsreport …", with standard
 * output sent to out_file when that is not NULL.  Returns its exit status. */
#ifndef IPS_CLI_STEP_H
#define IPS_CLI_STEP_H

#include "cli/commands.h"

int step_run(command_fn fn, const char *out_file, ips_diag *d, char **argv);

#endif
