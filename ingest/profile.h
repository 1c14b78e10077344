/* Source profiles: how one client system's export maps onto the contract
 * (docs/data-contract.md, "Source profiles"; the INI format is in
 * docs/profiles.md).  Parsed from INI files with libinih by profile_load();
 * ingest consults the per-entity part.
 *
 * Every entity gets the [profile] defaults (encoding, delimiter, dates,
 * decimal) even when the profile has no section for it (present = false),
 * so a file of any entity can be read with p->ent[e]. */
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
    char *source_key; /* source as text_key() (common/text.h): what is compared */
    int line;         /* line of the profile that says so */
} profile_rename;

typedef struct {
    char *column;     /* contract column */
    char *from;       /* export's value (compared case- and blank-insensitively) */
    char *to;         /* contract code; "" maps the value to blank (unknown) */
    char *from_key;   /* from as text_key(): what is compared */
    int line;         /* line of the profile that says so */
} profile_value_map;

#define PROFILE_MAX_ID_COLUMNS 4
/* The longest line (in bytes, without the line end) profile_load() takes:
 * libinih reads lines into a 200-byte buffer. */
#define PROFILE_LINE_MAX 198

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
    char *hetu_columns[PROFILE_MAX_ID_COLUMNS];    /* contract columns holding a henkilötunnus */
    size_t nhetu;
    char *ytunnus_columns[PROFILE_MAX_ID_COLUMNS]; /* contract columns holding a Y-tunnus */
    size_t nytunnus;
    int line;                     /* line of the [entity] header, 0 when absent */
} profile_entity;

typedef struct {
    char *name;                   /* [profile] name = … or the file name */
    char *path;
    profile_entity ent[ENT__COUNT];
} profile;

/* Parses an INI profile; errors name file:line and what is wrong
 * (IPS_ERR_PROFILE; IPS_ERR_IO when the file cannot be read).  *out is NULL
 * on error. */
ips_error profile_load(const char *path, profile **out, ips_diag *d);
/* Accepts NULL. */
void profile_free(profile *p);

/* The canonical column an export column maps to: the rename when there is
 * one (names compared case- and blank-insensitively), else source itself.
 * pe may be NULL. */
const char *profile_rename_column(const profile_entity *pe, const char *source);
/* The code a value maps to for a contract column, or NULL when no map
 * applies (then the value is validated as it is).  "" means blank.  Values
 * are compared case- and blank-insensitively; pe may be NULL. */
const char *profile_map_value(const profile_entity *pe, const char *column, const char *value);
/* The entity whose file_pattern matches the base name of path (fnmatch,
 * case-insensitive), or -1.  When patterns overlap, the first entity in
 * dependency order wins. */
int profile_entity_for_file(const profile *p, const char *path);
/* Whether the profile says a contract column holds a henkilötunnus / a
 * Y-tunnus (column compared case-insensitively; pe may be NULL). */
bool profile_is_hetu_column(const profile_entity *pe, const char *column);
bool profile_is_ytunnus_column(const profile_entity *pe, const char *column);

/* The profile's name for a date format: "yyyy-mm-dd" or "d.m.yyyy". */
const char *profile_date_format_name(profile_date_format f);

#endif
