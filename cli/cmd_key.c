/* ipsreport key: makes the secret key that turns personal identity codes into
 * pseudonyms, and prints a key's fingerprint so that a user can tell which
 * key a warehouse was built with. */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "ingest/pseudonym.h"

static const char key_usage[] =
    "usage: ipsreport key new FILE\n"
    "       ipsreport key fingerprint [--key-file FILE]\n"
    "\n"
    "The key turns personal identity codes (henkilötunnus) into pseudonyms, so\n"
    "that the warehouse never holds a real code.  Keep the key file outside the\n"
    "warehouse and keep a backup: without the same key, later data cannot be\n"
    "linked to the people already in the warehouse.\n"
    "\n"
    "  new FILE      make a new random key in FILE (readable only by you)\n"
    "  fingerprint   print the fingerprint of a key, which names it without\n"
    "                revealing it\n"
    "\n"
    "'ipsreport key new --help' and 'ipsreport key fingerprint --help' say more.\n";

static const char new_usage[] =
    "usage: ipsreport key new FILE\n"
    "\n"
    "Makes a new random pseudonym key and writes it to FILE, which must not exist\n"
    "yet: an existing key is never overwritten.  FILE is made readable and\n"
    "writable only by you (mode 0600).  Prints the key's fingerprint.\n";

static const char fingerprint_usage[] =
    "usage: ipsreport key fingerprint [--key-file FILE]\n"
    "\n"
    "Prints the fingerprint of the key in FILE, or in the file named by the\n"
    "environment variable " PSEUDONYM_KEY_ENV " when --key-file is not given.\n"
    "The warehouse records the fingerprint of the key its data was made with.\n"
    "\n"
    "  --key-file FILE   the key file\n";

static int key_new(int argc, char **argv, ips_diag *d)
{
    if (wants_help(argc, argv)) {
        fputs(new_usage, stdout);
        return IPS_EXIT_OK;
    }
    if (argc != 2 || argv[1][0] == '-') {
        ips_diag_set(d, IPS_ERR_USAGE, "give the one file to create: ipsreport key new FILE");
        return IPS_EXIT_FAILURE;
    }
    pseudonym_key key;
    if (pseudonym_key_new_file(argv[1], &key, d) != IPS_OK)
        return IPS_EXIT_FAILURE;
    char fp[PSEUDONYM_FINGERPRINT_LEN + 1];
    pseudonym_fingerprint(&key, fp);
    pseudonym_key_wipe(&key);
    printf("created %s (readable only by you)\n"
           "key fingerprint: %s\n"
           "Keep a backup of this file somewhere safe and private: without it, later\n"
           "data cannot be linked to the people already in the warehouse.\n",
           argv[1], fp);
    return IPS_EXIT_OK;
}

/* Reads --key-file FILE or --key-file=FILE; *path stays NULL when absent. */
static ips_error parse_key_file(int argc, char **argv, const char **path, ips_diag *d)
{
    static const char opt[] = "--key-file";
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], opt) == 0 && i + 1 == argc)
            return ips_diag_set(d, IPS_ERR_USAGE, "--key-file needs the key file after it");
        if (strcmp(argv[i], opt) == 0)
            *path = argv[++i];
        else if (strncmp(argv[i], opt, strlen(opt)) == 0 && argv[i][strlen(opt)] == '=')
            *path = argv[i] + strlen(opt) + 1;
        else
            return ips_diag_set(d, IPS_ERR_USAGE, "'%s' is not understood; usage: ipsreport key fingerprint [--key-file FILE]",
                                argv[i]);
    }
    return IPS_OK;
}

static int key_fingerprint(int argc, char **argv, ips_diag *d)
{
    if (wants_help(argc, argv)) {
        fputs(fingerprint_usage, stdout);
        return IPS_EXIT_OK;
    }
    const char *path = NULL;
    pseudonym_key key;
    if (parse_key_file(argc, argv, &path, d) != IPS_OK || pseudonym_key_from_env_or_path(path, &key, d) != IPS_OK)
        return IPS_EXIT_FAILURE;
    char fp[PSEUDONYM_FINGERPRINT_LEN + 1];
    pseudonym_fingerprint(&key, fp);
    pseudonym_key_wipe(&key);
    printf("%s\n", fp);
    return IPS_EXIT_OK;
}

int cmd_key(int argc, char **argv, ips_diag *d)
{
    if (argc >= 2 && strcmp(argv[1], "new") == 0)
        return key_new(argc - 1, argv + 1, d);
    if (argc >= 2 && strcmp(argv[1], "fingerprint") == 0)
        return key_fingerprint(argc - 1, argv + 1, d);
    if (wants_help(argc, argv)) {
        fputs(key_usage, stdout);
        return IPS_EXIT_OK;
    }
    if (argc < 2)
        ips_diag_set(d, IPS_ERR_USAGE, "say what to do: 'ipsreport key new FILE' or 'ipsreport key fingerprint'");
    else
        ips_diag_set(d, IPS_ERR_USAGE, "'%s' is not a key command; 'ipsreport key --help' lists them", argv[1]);
    return IPS_EXIT_FAILURE;
}
