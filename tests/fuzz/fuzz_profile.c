/* Fuzz target: profile_load() on the input written to a temp file, then the
 * look-ups ingest makes with a loaded profile.  A refusal must come with a
 * message; a loaded profile must answer every look-up without crashing. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ingest/profile.h"
#include "tests/fuzz/support.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void use_profile(const profile *p)
{
    static const char *const files[] = {"asiakkaat_2024.csv", "TAPAAMISET.CSV", "x", ""};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        int e = profile_entity_for_file(p, files[i]);
        if (e < -1 || e >= ENT__COUNT)
            fuzz_fail("profile_entity_for_file gave %d", e);
    }
    for (int e = 0; e < ENT__COUNT; e++) {
        const profile_entity *pe = &p->ent[e];
        const contract_entity *ent = contract_entity_get(e);
        if (!pe->present)
            continue;
        for (size_t i = 0; i < pe->nrenames; i++)
            if (!profile_rename_column(pe, pe->renames[i].source))
                fuzz_fail("a rename of %s gives no column", ent->name);
        for (size_t i = 0; i < pe->nmaps; i++)
            if (!profile_map_value(pe, pe->maps[i].column, pe->maps[i].from))
                fuzz_fail("a value map of %s does not map its own value", ent->name);
        for (int c = 0; c < ent->ncols; c++) {
            (void)profile_rename_column(pe, ent->cols[c].name);
            (void)profile_map_value(pe, ent->cols[c].name, " Nainen ");
            (void)profile_is_hetu_column(pe, ent->cols[c].name);
            (void)profile_is_ytunnus_column(pe, ent->cols[c].name);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[600];
    fuzz_write("profile.ini", data, size, path, sizeof path);
    profile *p = NULL;
    ips_diag d;
    ips_diag_clear(&d);
    if (profile_load(path, &p, &d) == IPS_OK) {
        if (!p)
            fuzz_fail("profile_load succeeded without a profile");
        use_profile(p);
    } else {
        if (p)
            fuzz_fail("profile_load failed but returned a profile");
        if (!d.msg[0])
            fuzz_fail("profile_load failed without a message");
    }
    profile_free(p);
    return 0;
}
