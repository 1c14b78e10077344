/* Reading a header: which contract column each field names, and which entity
 * a file is (ingest_header.h). */
#include "ingest/ingest_header.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "common/trim.h"
#include "ingest/validate.h"

/* Every entity of a profile carries the [profile] defaults, with or without a
 * section of its own (profile_load), so an entity without one is still read
 * with the profile's encoding, delimiter, dates and decimals. */
const profile_entity *ingest_profile_part(const ingest_options *opt, int entity)
{
    if (!opt->prof || entity < 0)
        return NULL;
    return &opt->prof->ent[entity];
}

/* The contract column of ent that header field `field` names (trimmed, then
 * renamed by the profile), or -1; the trimmed name and length in *name, *len. */
int ingest_header_column(const contract_entity *ent, const profile_entity *pe, const char *field,
                         const char **name, size_t *len)
{
    char buf[256];
    *name = trim_span(field, len);
    snprintf(buf, sizeof buf, "%.*s", (int)*len, *name);
    return contract_column_find(ent, pe ? profile_rename_column(pe, buf) : buf);
}

/* Number of header columns that name columns of entity e, and whether all its
 * required columns are there. */
static int score_entity(const ingest_options *opt, int e, const csv_record *hdr, bool *complete,
                        const char **missing)
{
    const contract_entity *ent = contract_entity_get(e);
    const profile_entity *pe = ingest_profile_part(opt, e);
    bool have[VALIDATE_MAX_COLS] = {false};
    int matched = 0;
    for (size_t i = 0; i < hdr->nfields; i++) {
        size_t len;
        const char *name;
        int c = ingest_header_column(ent, pe, hdr->fields[i], &name, &len);
        if (c >= 0 && !have[c]) {
            have[c] = true;
            matched++;
        }
    }
    *complete = true;
    *missing = NULL;
    for (int c = 0; c < ent->ncols; c++)
        if (ent->cols[c].required && !have[c]) {
            *complete = false;
            if (!*missing)
                *missing = ent->cols[c].name;
        }
    return matched;
}

/* The complete entity matching most columns, unless an incomplete one
 * matches more: a contacts file without contact_id is complete as clients
 * (client_id is all clients need), and loading it so would overwrite every
 * named client with blanks. */
int ingest_recognise(const ingest_options *opt, const char *path, const csv_record *hdr,
                     const char *name, ips_diag *d)
{
    int best = -1, best_score = -1, best_matched = 0;
    int closest = -1, closest_score = 0, closest_matched = 0;
    const char *closest_missing = NULL;
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    for (int e = 0; e < ENT__COUNT; e++) {
        bool complete;
        const char *missing;
        int s = score_entity(opt, e, hdr, &complete, &missing);
        /* A file name such as contacts_2024q3.csv breaks ties. */
        bool hinted = strncasecmp(base, contract_entity_get(e)->name,
                                  strlen(contract_entity_get(e)->name)) == 0;
        int weighted = s * 2 + hinted;
        if (complete && weighted > best_score)
            best = e, best_score = weighted, best_matched = s;
        if (!complete && weighted > closest_score)
            closest = e, closest_score = weighted, closest_matched = s, closest_missing = missing;
    }
    if (best >= 0 && closest_matched <= best_matched)
        return best;
    if (closest >= 0)
        ips_diag_set(d, IPS_ERR_MISSING_COLUMN,
                     "%s:1: the header matches no entity of the data contract; it looks like "
                     "%s, but the required column '%s' is missing", name,
                     contract_entity_get(closest)->name, closest_missing);
    else
        ips_diag_set(d, IPS_ERR_NO_ENTITY,
                     "%s:1: the header names no column of the data contract; is the first line "
                     "the header, and is this a CSV export? (see docs/data-contract.md)", name);
    return -1;
}
