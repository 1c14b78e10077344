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

/* Day of week, 0 = Monday. */
int date_weekday(ips_day day);
ips_day date_add_months(ips_day day, int months);

#endif
