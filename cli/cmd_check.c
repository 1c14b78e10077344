/* Placeholder until the 'check' command is built; it says so rather than pretend. */
#include "cli/commands.h"

int cmd_check(int argc, char **argv, ips_diag *d)
{
    (void)argc;
    (void)argv;
    ips_diag_set(d, IPS_ERR_USAGE, "'check' is not built yet");
    return IPS_EXIT_FAILURE;
}
