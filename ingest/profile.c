/* Interim: profiles are parsed on the profiles branch; until it lands, no
 * profile can be loaded and the look-ups are identities. */
#include "ingest/profile.h"

#include <stdlib.h>

ips_error profile_load(const char *path, profile **out, ips_diag *d)
{
    *out = NULL;
    return ips_diag_set(d, IPS_ERR_PROFILE, "%s: source profiles are not supported yet", path);
}

void profile_free(profile *p) { free(p); }

const char *profile_rename_column(const profile_entity *pe, const char *source)
{
    (void)pe;
    return source;
}

const char *profile_map_value(const profile_entity *pe, const char *column, const char *value)
{
    (void)pe;
    (void)column;
    (void)value;
    return NULL;
}

int profile_entity_for_file(const profile *p, const char *path)
{
    (void)p;
    (void)path;
    return -1;
}

bool profile_is_hetu_column(const profile_entity *pe, const char *column)
{
    (void)pe;
    (void)column;
    return false;
}

bool profile_is_ytunnus_column(const profile_entity *pe, const char *column)
{
    (void)pe;
    (void)column;
    return false;
}
