/* One metric row as columns (model/pack_rows.h). */
#include "model/pack_rows.h"
#include "common/intern.h"

#include <stdio.h>
#include <string.h>

int pack_copy_rows(sqlite3_stmt *src, sqlite3_stmt *dst, const char *lead, size_t *count)
{
    int rc, first = lead ? 2 : 1;
    while ((rc = sqlite3_step(src)) == SQLITE_ROW) {
        sqlite3_reset(dst);
        int b = lead ? sqlite3_bind_text(dst, 1, lead, -1, SQLITE_STATIC) : SQLITE_OK;
        for (int i = 0; i < sqlite3_column_count(src); i++)
            b |= sqlite3_bind_value(dst, first + i, sqlite3_column_value(src, i));
        if (b != SQLITE_OK || sqlite3_step(dst) != SQLITE_DONE)
            return PACK_COPY_WRITE;
        if (count)
            (*count)++;
    }
    return rc == SQLITE_DONE ? PACK_COPY_OK : PACK_COPY_READ;
}

int pack_bind_day(sqlite3_stmt *st, int col, ips_day day)
{
    if (day == IPS_DAY_NONE)
        return sqlite3_bind_null(st, col);
    char buf[11];
    date_format_iso(day, buf);
    return sqlite3_bind_text(st, col, buf, -1, SQLITE_TRANSIENT);
}

ips_day pack_column_day(sqlite3_stmt *st, int col)
{
    const char *t = (const char *)sqlite3_column_text(st, col);
    ips_day day;
    return t && date_parse_iso(t, &day) ? day : IPS_DAY_NONE;
}

static int bind_opt(sqlite3_stmt *st, int col, bool has, double v)
{
    return has ? sqlite3_bind_double(st, col, v) : sqlite3_bind_null(st, col);
}

int pack_row_bind(sqlite3_stmt *st, int col, const metric_row *r)
{
    int rc = sqlite3_bind_text(st, col, r->metric, -1, SQLITE_STATIC);
    rc |= sqlite3_bind_text(st, col + 1, r->group_by, -1, SQLITE_STATIC);
    rc |= sqlite3_bind_text(st, col + 2, r->group, -1, SQLITE_STATIC);
    rc |= pack_bind_day(st, col + 3, r->period_start);
    rc |= pack_bind_day(st, col + 4, r->period_end);
    rc |= sqlite3_bind_int(st, col + 5, (int)r->kind);
    rc |= sqlite3_bind_int(st, col + 6, (int)r->has);
    rc |= bind_opt(st, col + 7, r->has & MH_NUMERATOR, r->numerator);
    rc |= bind_opt(st, col + 8, r->has & MH_DENOMINATOR, r->denominator);
    rc |= bind_opt(st, col + 9, r->has & MH_VALUE, r->value);
    rc |= r->has & MH_SCORE ? sqlite3_bind_int(st, col + 10, r->score)
                            : sqlite3_bind_null(st, col + 10);
    rc |= r->text[0] ? sqlite3_bind_text(st, col + 11, r->text, -1, SQLITE_STATIC)
                     : sqlite3_bind_null(st, col + 11);
    rc |= sqlite3_bind_int(st, col + 12, r->decimals);
    rc |= r->kind == MK_KM ? sqlite3_bind_double(st, col + 13, r->events)
                           : sqlite3_bind_null(st, col + 13);
    rc |= sqlite3_bind_int(st, col + 14, r->to_date);
    rc |= r->note[0] ? sqlite3_bind_text(st, col + 15, r->note, -1, SQLITE_STATIC)
                     : sqlite3_bind_null(st, col + 15);
    rc |= sqlite3_bind_double(st, col + 16, r->sum);
    return rc;
}

/* A pack's name, cut where a metric row's arrays used to cut it (47, 23,
 * 95 and 31 bytes): a pack from another county reads as it always did. */
static const char *name_at(sqlite3_stmt *st, int col, size_t max)
{
    return ips_intern_n((const char *)sqlite3_column_text(st, col), max);
}

bool pack_row_read(sqlite3_stmt *st, int col, metric_row *r)
{
    metric_row_init(r);
    r->metric = name_at(st, col, 47);
    r->group_by = name_at(st, col + 1, 23);
    r->group = name_at(st, col + 2, 95);
    r->period_start = pack_column_day(st, col + 3);
    r->period_end = pack_column_day(st, col + 4);
    int kind = sqlite3_column_int(st, col + 5);
    if (!r->metric[0] || kind < MK_COUNT || kind > MK_TEXT || r->period_start == IPS_DAY_NONE ||
        r->period_end == IPS_DAY_NONE)
        return false;
    r->kind = (metric_kind)kind;
    r->has = (unsigned)sqlite3_column_int(st, col + 6) &
             (MH_NUMERATOR | MH_DENOMINATOR | MH_VALUE | MH_SCORE);
    r->numerator = sqlite3_column_double(st, col + 7);
    r->denominator = sqlite3_column_double(st, col + 8);
    r->value = sqlite3_column_double(st, col + 9);
    int score = sqlite3_column_int(st, col + 10), decimals = sqlite3_column_int(st, col + 12);
    if (score < 0 || score > 5 || decimals < 0 || decimals > 9)
        return false; /* no row ipsreport writes */
    r->score = (int8_t)score;
    r->text = name_at(st, col + 11, 31);
    r->decimals = (int8_t)decimals;
    r->events = sqlite3_column_double(st, col + 13);
    r->to_date = sqlite3_column_int(st, col + 14) != 0;
    r->note = name_at(st, col + 15, 95);
    r->sum = sqlite3_column_double(st, col + 16);
    return true;
}
