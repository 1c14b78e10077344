/* Internal to model/pack*.c and model/national*.c: one metric row as
 * columns of a pack or national table, and the tables' SQL. */
#ifndef IPS_PACK_ROWS_H
#define IPS_PACK_ROWS_H

#include <sqlite3.h>

#include "model/metrics.h"

/* The row columns, in bind/read order, after a table's key columns. */
#define PACK_ROW_COLUMNS                                                                  \
    "metric, group_by, grp, row_start, row_end, kind, has, numerator, denominator, value, score, " \
    "text, decimals, events, to_date, note, sum"
#define PACK_ROW_NCOLS 17
#define PACK_ROW_DECL                                                                      \
    "metric TEXT NOT NULL, group_by TEXT NOT NULL, grp TEXT NOT NULL, row_start TEXT NOT NULL, row_end TEXT NOT "  \
    "NULL, kind INTEGER NOT NULL, has INTEGER NOT NULL, numerator REAL, denominator REAL, " \
    "value REAL, score INTEGER, text TEXT, decimals INTEGER NOT NULL, events REAL, "      \
    "to_date INTEGER NOT NULL, note TEXT, sum REAL"

/* A query's family in a pack: metric rows, the funder's rows, and the
 * comparison spans (the last four quarters; since the start, matched by end). */
#define PACK_FAMILY_METRICS "metrics"
#define PACK_FAMILY_FUNDER "funder"
#define PACK_FAMILY_LAST4 "last4"
#define PACK_FAMILY_SINCE "since"
/* The families' additive parts of a metrics query ("@…" rows, model/engine.h). */
#define PACK_FAMILY_PARTS "parts"
/* … of a comparison span: "parts:" and the span's family. */
#define PACK_FAMILY_PARTS_OF "parts:"
/* The parts of an end day and breakdown (PARTS_OF_END, model/engine.h),
 * kept once, under q_start = q_end = that day. */
#define PACK_FAMILY_PARTS_END "parts:end"

/* Binds r's fields to st's parameters col .. col + PACK_ROW_NCOLS − 1. */
int pack_row_bind(sqlite3_stmt *st, int col, const metric_row *r);
/* Reads r from st's result columns col .. (false: a column is unusable). */
bool pack_row_read(sqlite3_stmt *st, int col, metric_row *r);

/* Steps src to its end, inserting each row with dst: the row's columns after
 * lead (bound first when not NULL).  Counts the rows in *count (may be NULL).
 * PACK_COPY_OK, or which side failed (its connection has the message). */
enum { PACK_COPY_OK, PACK_COPY_READ, PACK_COPY_WRITE };
int pack_copy_rows(sqlite3_stmt *src, sqlite3_stmt *dst, const char *lead, size_t *count);

/* Binds an ISO day (NULL for IPS_DAY_NONE). */
int pack_bind_day(sqlite3_stmt *st, int col, ips_day day);
/* Reads an ISO day column (IPS_DAY_NONE when NULL or unreadable). */
ips_day pack_column_day(sqlite3_stmt *st, int col);

/* Copies wh's coach register and fidelity reviews into the pack out
 * (model/pack_read.c), counting them in info. */
#include "model/pack.h"
ips_error pack_copy_registers(warehouse *wh, sqlite3 *out, pack_info *info, ips_diag *d);

/* The county's data quality as counts into the pack's pack_quality, and on
 * a national warehouse the counties' counts added up into r (whose
 * findings' ids are set) and into the caveats (model/national_quality.c). */
struct quality_report;
ips_error pack_put_quality(warehouse *wh, sqlite3 *out, ips_day as_of, ips_diag *d);
ips_error national_quality(warehouse *wh, struct quality_report *r, ips_diag *d);
ips_error national_caveats(warehouse *wh, long long *rows_rejected, long *clients,
                           long *no_gender, long *no_birth_year, ips_diag *d);

/* Opens a pack read-only (model/pack_read.c) and reads its description. */
ips_error pack_open(const char *path, sqlite3 **out, ips_diag *d);
ips_error pack_read_info(sqlite3 *db, const char *path, pack_info *info, ips_diag *d);

#endif
