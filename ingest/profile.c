/* Source profiles: look-ups that ingest makes for every header and cell, and
 * freeing.  Loading and validating the INI file is in profile_load.c. */
#include "ingest/profile.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/text.h"

const char *profile_rename_column(const profile_entity *pe, const char *source)
{
    if (!pe || !source)
        return source;
    for (size_t i = 0; i < pe->nrenames; i++)
        if (text_key_equal(source, pe->renames[i].source_key))
            return pe->renames[i].canonical;
    return source;
}

const char *profile_map_value(const profile_entity *pe, const char *column, const char *value)
{
    if (!pe || !column || !value)
        return NULL;
    for (size_t i = 0; i < pe->nmaps; i++) {
        const profile_value_map *m = &pe->maps[i];
        if (strcasecmp(m->column, column) == 0 && text_key_equal(value, m->from_key))
            return m->to;
    }
    return NULL;
}

/* Windows systems write ASIAKKUUDET.CSV as readily as asiakkuudet.csv, so the
 * pattern and the name are both folded to lower case before fnmatch. */
static bool pattern_matches(const char *pattern, const char *base)
{
    char *fp = text_lower(pattern), *fb = text_lower(base);
    bool hit = fp && fb && fnmatch(fp, fb, 0) == 0;
    free(fp);
    free(fb);
    return hit;
}

int profile_entity_for_file(const profile *p, const char *path)
{
    if (!p || !path)
        return -1;
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    for (int e = 0; e < ENT__COUNT; e++)
        if (p->ent[e].present && p->ent[e].file_pattern && pattern_matches(p->ent[e].file_pattern, base))
            return e;
    return -1;
}

static bool in_list(char *const *list, size_t n, const char *column)
{
    if (!column)
        return false;
    for (size_t i = 0; i < n; i++)
        if (strcasecmp(list[i], column) == 0)
            return true;
    return false;
}

bool profile_is_hetu_column(const profile_entity *pe, const char *column)
{
    return pe && in_list(pe->hetu_columns, pe->nhetu, column);
}

bool profile_is_ytunnus_column(const profile_entity *pe, const char *column)
{
    return pe && in_list(pe->ytunnus_columns, pe->nytunnus, column);
}

const char *profile_date_format_name(profile_date_format f)
{
    return f == DATE_FI ? "d.m.yyyy" : "yyyy-mm-dd";
}

static void entity_free(profile_entity *pe)
{
    free(pe->file_pattern);
    free(pe->encoding);
    for (size_t i = 0; i < pe->nrenames; i++) {
        free(pe->renames[i].source);
        free(pe->renames[i].canonical);
        free(pe->renames[i].source_key);
    }
    free(pe->renames);
    for (size_t i = 0; i < pe->nmaps; i++) {
        free(pe->maps[i].column);
        free(pe->maps[i].from);
        free(pe->maps[i].to);
        free(pe->maps[i].from_key);
    }
    free(pe->maps);
    for (size_t i = 0; i < pe->nhetu; i++)
        free(pe->hetu_columns[i]);
    for (size_t i = 0; i < pe->nytunnus; i++)
        free(pe->ytunnus_columns[i]);
}

void profile_free(profile *p)
{
    if (!p)
        return;
    for (int e = 0; e < ENT__COUNT; e++)
        entity_free(&p->ent[e]);
    free(p->name);
    free(p->path);
    free(p);
}
