/* Look-ups in the compiled catalogue (reports/catalogue.h).  The domains are
 * short (at most a few hundred entries) and read while laying out, so a
 * linear search costs less than keeping an index in step with the .po. */
#include "reports/catalogue.h"

#include <string.h>

const catalogue_entry *catalogue_find(const catalogue_group *g, const char *key)
{
    for (size_t i = 0; g && key && i < g->n; i++)
        if (strcmp(g->entries[i].key, key) == 0)
            return &g->entries[i];
    return NULL;
}
