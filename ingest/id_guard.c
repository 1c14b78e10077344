#include "ingest/id_guard.h"

#include <stdlib.h>

#include "model/id_space.h"

static ips_error refuse(warehouse *wh, id_space held, const char *file, ips_diag *d)
{
    if (held == ID_SPACE_PSEUDONYMS) {
        char *fp = NULL;
        ips_error e = warehouse_meta_get(wh, "key_fingerprint", &fp, d);
        if (e != IPS_OK)
            return e;
        ips_diag_set(d, IPS_ERR_KEY_MISMATCH,
                     "%s: %s holds pseudonymised client ids (key fingerprint %s), but this "
                     "file's client_id column is not pseudonymised, so its clients would be "
                     "stored a second time under other ids; nothing from it is stored: ingest "
                     "it with a profile that declares hetu = client_id and --key-file with "
                     "that key, or load it into another warehouse",
                     file, warehouse_path(wh), fp ? fp : "not recorded");
        free(fp);
        return IPS_ERR_KEY_MISMATCH;
    }
    return ips_diag_set(d, IPS_ERR_KEY_MISMATCH,
                        "%s: %s holds client ids as the client system exported them (not "
                        "pseudonymised), but the profile declares this file's client_id a "
                        "henkilötunnus to be pseudonymised, so its clients would be stored a "
                        "second time under other ids; nothing from it is stored: load the "
                        "pseudonymised files into a new warehouse (--db NEW.db), all with this "
                        "profile and key", file, warehouse_path(wh));
}

ips_error id_guard_admit(warehouse *wh, const contract_entity *ent, const profile_entity *pe,
                         bool has_client_id, const char *file, ips_diag *d)
{
    if (contract_column_find(ent, "client_id") < 0 || !has_client_id)
        return IPS_OK; /* no client ids in this file */
    id_space mine = pe && profile_is_hetu_column(pe, "client_id") ? ID_SPACE_PSEUDONYMS
                                                                  : ID_SPACE_EXPORTED;
    id_space held;
    ips_error e = id_space_get(wh, &held, d);
    if (e != IPS_OK)
        return e;
    if (held != ID_SPACE_NONE && held != mine)
        return refuse(wh, held, file, d);
    /* Recorded also when inferred, so that the record, not the first row,
     * decides from now on. */
    return id_space_set(wh, mine, d);
}
