/* Subcommands: each cmd_NAME() lives in cli/cmd_NAME.c with its own options.
 * A command returns the process exit status and reports its one error line
 * through the ips_diag; main() prints it. */
#ifndef IPS_COMMANDS_H
#define IPS_COMMANDS_H

#include "common/error.h"

/* Exit statuses, as README.md documents them. */
enum {
    IPS_EXIT_OK = 0,        /* everything done, every row stored */
    IPS_EXIT_REJECTS = 1,   /* done, but some rows were rejected (ingest) or findings (check) */
    IPS_EXIT_FAILURE = 2,   /* a file refused, a usage error, or nothing could be done */
};

typedef int (*command_fn)(int argc, char **argv, ips_diag *d);

typedef struct {
    const char *name;
    command_fn fn;
    const char *summary;
} command;

int cmd_ingest(int argc, char **argv, ips_diag *d);
int cmd_check(int argc, char **argv, ips_diag *d);
int cmd_metrics(int argc, char **argv, ips_diag *d);
int cmd_report(int argc, char **argv, ips_diag *d);
int cmd_charts(int argc, char **argv, ips_diag *d);
int cmd_pdf(int argc, char **argv, ips_diag *d);
int cmd_profile(int argc, char **argv, ips_diag *d);
int cmd_key(int argc, char **argv, ips_diag *d);
int cmd_demo(int argc, char **argv, ips_diag *d);
int cmd_publish(int argc, char **argv, ips_diag *d);
int cmd_audit(int argc, char **argv, ips_diag *d);
int cmd_pack(int argc, char **argv, ips_diag *d);
int cmd_merge(int argc, char **argv, ips_diag *d);

/* True when argv holds -h or --help before any "--". */
int wants_help(int argc, char **argv);

#endif
