#include "common/error.h"

#include <stdarg.h>
#include <stdio.h>

static const char *const error_text[IPS_ERR__COUNT] = {
    [IPS_OK] = "no error",
    [IPS_ERR_NOMEM] = "out of memory",
    [IPS_ERR_USAGE] = "invalid command line",
    [IPS_ERR_IO] = "cannot read or write a file",
    [IPS_ERR_DB] = "warehouse (SQLite) error",
    [IPS_ERR_SCHEMA_NEWER] = "warehouse was made by a newer ipsreport",
    [IPS_ERR_NOT_WAREHOUSE] = "file is not an ipsreport warehouse",
    [IPS_ERR_CSV] = "file cannot be read as CSV",
    [IPS_ERR_ENCODING] = "text is not in the expected encoding",
    [IPS_ERR_NO_ENTITY] = "file header matches no entity of the data contract",
    [IPS_ERR_MISSING_COLUMN] = "a required column is missing",
    [IPS_ERR_HEADER] = "file header is unusable",
    [IPS_ERR_PROFILE] = "source profile is invalid",
    [IPS_ERR_KEY] = "pseudonym key is missing or unreadable",
    [IPS_ERR_KEY_MISMATCH] = "data was pseudonymised under another key",
    [IPS_ERR_KEY_EXISTS] = "key file already exists and is never overwritten",
    [IPS_ERR_KEY_PERMISSIONS] = "key file can be read by other users",
    [IPS_ERR_PERIOD] = "invalid period or date",
    [IPS_ERR_NO_DATA] = "no data to compute from",
    [IPS_ERR_XLSX] = "cannot write the workbook",
    [IPS_ERR_CHART] = "cannot draw the chart",
    [IPS_ERR_INTERRUPTED] = "interrupted",
    [IPS_ERR_TARIFF] = "funding tariff file is invalid",
    [IPS_ERR_DISCLOSURE] = "a hidden cell could be worked out from the published ones",
    [IPS_ERR_PROJECT] = "project settings file is invalid",
    [IPS_ERR_PACK] = "aggregate pack is invalid",
};

const char *ips_strerror(ips_error err)
{
    if ((int)err < 0 || err >= IPS_ERR__COUNT || !error_text[err])
        return "unknown error";
    return error_text[err];
}

ips_error ips_diag_set(ips_diag *d, ips_error code, const char *fmt, ...)
{
    if (!d)
        return code;
    d->code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->msg, sizeof d->msg, fmt, ap);
    va_end(ap);
    return code;
}

void ips_diag_clear(ips_diag *d)
{
    if (!d)
        return;
    d->code = IPS_OK;
    d->msg[0] = '\0';
}
