/* Finnish business ids (Y-tunnus): seven digits, a hyphen and a check digit,
 * NNNNNNN-C.  Old six-digit ids are written with a leading zero added, so
 * 123456-2 is read as 0123456-2. */
#ifndef IPS_YTUNNUS_H
#define IPS_YTUNNUS_H

#include <stdbool.h>

#define YTUNNUS_LEN 9

/* Validates `in`, which may have blanks around it.  On success writes the
 * normalised 9-character form and a NUL into out and returns true.  On
 * failure returns false, leaves out empty and, when why is not NULL, points
 * *why at a static reason such as "not a valid business id (Y-tunnus): check
 * digit does not match" (the input is not repeated; the caller names the
 * file, line and column). */
bool ytunnus_parse(const char *in, char out[YTUNNUS_LEN + 1], const char **why);

#endif
