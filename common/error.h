/* One error enum for the whole library, with a message table kept in sync by
 * tests/unit/test_error.c.  Library code never prints: it returns an ips_error
 * and fills an ips_diag with the one line main() will print. */
#ifndef IPS_ERROR_H
#define IPS_ERROR_H

#include <stddef.h>

typedef enum {
    IPS_OK = 0,
    IPS_ERR_NOMEM,          /* out of memory */
    IPS_ERR_USAGE,          /* bad command line */
    IPS_ERR_IO,             /* cannot open, read or write a file */
    IPS_ERR_DB,             /* SQLite failed */
    IPS_ERR_SCHEMA_NEWER,   /* warehouse made by a newer ipsreport */
    IPS_ERR_NOT_WAREHOUSE,  /* file is not an ipsreport warehouse */
    IPS_ERR_CSV,            /* file cannot be parsed as CSV */
    IPS_ERR_ENCODING,       /* text is not in the declared encoding */
    IPS_ERR_NO_ENTITY,      /* header matches no entity of the contract */
    IPS_ERR_MISSING_COLUMN, /* a required column is missing */
    IPS_ERR_HEADER,         /* header is unusable (duplicate, empty) */
    IPS_ERR_PROFILE,        /* source profile is invalid */
    IPS_ERR_KEY,            /* pseudonym key missing or unreadable */
    IPS_ERR_KEY_MISMATCH,   /* batch made under another key */
    IPS_ERR_KEY_EXISTS,     /* refusing to overwrite a key file */
    IPS_ERR_KEY_PERMISSIONS, /* key file readable by other users */
    IPS_ERR_PERIOD,         /* period or date argument is invalid */
    IPS_ERR_NO_DATA,        /* nothing to compute from */
    IPS_ERR_XLSX,           /* libxlsxwriter failed */
    IPS_ERR_CHART,          /* cairo failed */
    IPS_ERR_INTERRUPTED,    /* stopped by a signal */
    IPS_ERR_TARIFF,         /* funding tariff file is invalid */
    IPS_ERR_DISCLOSURE,     /* a hidden cell could be worked out from the published ones */
    IPS_ERR_PROJECT,        /* project settings file is invalid */
    IPS_ERR_PACK,           /* aggregate pack is invalid or does not fit */
    IPS_ERR__COUNT
} ips_error;

/* Human readable text for an error code; never NULL. */
const char *ips_strerror(ips_error err);

/* Where an error came from: the one line main() prints. */
typedef struct {
    ips_error code;
    char msg[1024];
} ips_diag;

/* Sets d->code and formats d->msg (printf style); returns code so callers can
 * `return ips_diag_set(d, IPS_ERR_IO, "%s: %s", path, strerror(errno));`.
 * d may be NULL. */
ips_error ips_diag_set(ips_diag *d, ips_error code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Clears a diagnostic to IPS_OK and an empty message. */
void ips_diag_clear(ips_diag *d);

#endif
