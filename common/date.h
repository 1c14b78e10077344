/* Calendar dates as whole days since 1970-01-01 (proleptic Gregorian), so that
 * day differences are plain subtraction, as metrics.md defines them. */
#ifndef IPS_DATE_H
#define IPS_DATE_H

#include <stdbool.h>
#include <stdint.h>

typedef int32_t ips_day;

#define IPS_DAY_NONE INT32_MIN

bool date_valid(int y, int m, int d);
ips_day date_from_ymd(int y, int m, int d);
void date_to_ymd(ips_day day, int *y, int *m, int *d);

/* Parses exactly YYYY-MM-DD; false when malformed or not a real date. */
bool date_parse_iso(const char *s, ips_day *out);
/* Parses d.m.yyyy with one or two digit day and month (5.9.2022, 05.09.2022). */
bool date_parse_fi(const char *s, ips_day *out);
/* Writes YYYY-MM-DD and a NUL into buf (11 bytes). */
void date_format_iso(ips_day day, char buf[11]);

/* The one date style of every output (workbook, charts, PDF) per language:
 * Finnish and Swedish write 31.12.2024 (day and month without a leading
 * zero, 1.10.2024, as Finnish and Finland-Swedish usage has it), English
 * the ISO 2024-12-31.  lang is "fi", "sv" or "en"; anything else reads as
 * "fi", the default language. */
typedef enum { DATE_STYLE_DMY, DATE_STYLE_ISO } date_style;
date_style date_style_of(const char *lang);
/* The day in that style into buf (16 bytes); "" for IPS_DAY_NONE. */
void date_format_style(ips_day day, date_style style, char buf[16]);
/* The same style as an Excel number format ("d.m.yyyy", "yyyy-mm-dd"). */
const char *date_style_excel(date_style style);

/* Day of week, 0 = Monday. */
int date_weekday(ips_day day);
ips_day date_add_months(ips_day day, int months);

#endif
