/* Internal to the profile loader (profile_load.c reads the INI file through
 * libinih, profile_settings.c validates each setting).  Not for other modules:
 * they use ingest/profile.h. */
#ifndef IPS_PROFILE_LOAD_H
#define IPS_PROFILE_LOAD_H

#include <stdbool.h>
#include <stdio.h>

#include "ingest/profile.h"

#define SEC_NONE (-2)     /* before the first section header */
#define SEC_PROFILE (-1)  /* [profile]; 0..ENT__COUNT-1 are entity sections */

/* The format settings of [profile] (defaults) or of one entity section, and
 * the line where each was set (0: not set there). */
typedef struct {
    char *encoding;       /* NULL: utf-8 */
    char delimiter;
    profile_date_format dates;
    char decimal;
    int encoding_line, delimiter_line, dates_line, decimal_line;
} loader_format;

typedef struct {
    profile *p;
    const char *path;
    FILE *fp;
    char *raw;
    size_t rawcap;
    int lineno;
    int section;                     /* SEC_* or an ips_entity */
    int profile_line;                /* line of [profile], 0 when absent */
    int name_line, file_line[ENT__COUNT];
    loader_format fmt[ENT__COUNT + 1]; /* [ENT__COUNT]: the [profile] defaults */
    int sections, pairs;
    bool failed;
    ips_error code;
    char msg[sizeof ((ips_diag *)0)->msg];
} loader;

/* One `name = value` with quotes removed.  explicit_value: the value was
 * written (possibly as ""), not left empty. */
typedef struct {
    const char *key;
    const char *value;    /* trimmed */
    bool explicit_value;
} loader_pair;

/* Records the first error as "path:line: …"; returns 0 for inih. */
int loader_error(loader *L, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int loader_nomem(loader *L);

/* A [name] header (len bytes at name) on the current line; false with the
 * error recorded. */
bool loader_section_start(loader *L, const char *name, size_t len);
int loader_profile_setting(loader *L, const loader_pair *pair);
int loader_entity_setting(loader *L, int e, const loader_pair *pair);
/* Applies the defaults and the profile's name once every line is read. */
void loader_finish(loader *L);
/* Frees what the loader holds besides the profile. */
void loader_release(loader *L);

#endif
