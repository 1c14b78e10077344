/* Source profiles: how one client system's export maps onto the contract
 * (docs/data-contract.md, "Source profiles").  Parsed from INI files with
 * libinih by profile_load(); ingest consults the per-entity part. */
#ifndef IPS_PROFILE_H
#define IPS_PROFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "common/error.h"
#include "model/contract.h"

typedef enum { DATE_ISO, DATE_FI } profile_date_format;

typedef struct {
    char *source;     /* column name in the export (compared case-insensitively) */
    char *canonical;  /* contract column */
} profile_rename;

typedef struct {
    char *column;     /* contract column */
    char *from;       /* export's value (compared case- and blank-insensitively) */
    char *to;         /* contract code */
} profile_value_map;

typedef struct {
    bool present;                 /* the profile has a section for this entity */
    char *file_pattern;           /* fnmatch pattern of the file name, or NULL */
    char *encoding;               /* NULL: utf-8 */
    char delimiter;               /* 0: detect */
    profile_date_format dates;
    char decimal;                 /* '.' or ',' */
    profile_rename *renames;
    size_t nrenames;
    profile_value_map *maps;
    size_t nmaps;
    char *hetu_columns[4];        /* contract columns holding a henkilötunnus */
    size_t nhetu;
    char *ytunnus_columns[4];     /* contract columns holding a Y-tunnus */
    size_t nytunnus;
} profile_entity;

typedef struct {
    char *name;                   /* [profile] name = … or the file name */
    char *path;
    profile_entity ent[ENT__COUNT];
} profile;

/* Parses an INI profile; errors name file:line and what is wrong. */
ips_error profile_load(const char *path, profile **out, ips_diag *d);
void profile_free(profile *p);

/* The canonical column an export column maps to: the rename when there is
 * one, else the name itself. */
const char *profile_rename_column(const profile_entity *pe, const char *source);
/* The code a value maps to for a column, or NULL when no map applies. */
const char *profile_map_value(const profile_entity *pe, const char *column, const char *value);
/* The entity whose file_pattern matches the base name of path, or -1. */
int profile_entity_for_file(const profile *p, const char *path);
bool profile_is_hetu_column(const profile_entity *pe, const char *column);
bool profile_is_ytunnus_column(const profile_entity *pe, const char *column);

#endif
