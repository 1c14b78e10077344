/* What the sample generator (gen_samples.c and the parts gen_world.h lists)
 * shares with its export writers (gen_exports.c): the row of canonical fields
 * a writer turns into text, the entities, and integer-only dates and numbers
 * (identical on every machine). */
#ifndef GEN_COMMON_H
#define GEN_COMMON_H

#include <limits.h>

#define NODATE INT_MIN

/* One canonical field.  t: '-' blank, 's' text, 'd' date (v = days since
 * 1970-01-01), 'n' number (v / 10^dec), 'b' yes/no (v = 1 or 0). */
typedef struct { char t; const char *s; long v; int dec; } fld;

/* In dependency order, as the data contract lists them. */
enum { E_COACH, E_CLIENT, E_EMPLOYER, E_ENROLL, E_CONTACT, E_JOB, E_ASSESS, E_REVIEW, E_N };

int ymd_day(int y, int m, int d);
void day_ymd(int z, int *y, int *m, int *d);
/* Writes v / 10^dec with '.' and no trailing zeros ("0.8", "1", "37.5");
 * returns the end of what it wrote. */
char *put_num(char *p, long v, int dec);

#endif
