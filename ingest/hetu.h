/* Finnish personal identity codes (henkilötunnus), validated as
 * metrics.md § Privacy defines them.  A code has 11 characters DDMMYYCNNNX:
 * birth date, century sign C, individual number NNN and check character X.
 *
 * Since the 2023 reform the century sign is part of the identity
 * (100190-999P and 100190Y999P are two people), so the normalised code keeps
 * it, and the whole normalised code is what gets pseudonymised.
 *
 * Privacy: the reasons hetu_parse() gives are fixed texts that never contain
 * the code, so they can go to rejects and logs as they are. */
#ifndef IPS_HETU_H
#define IPS_HETU_H

#include <stdbool.h>

#include "common/date.h"

#define HETU_LEN 11

typedef struct {
    char code[HETU_LEN + 1]; /* normalised: upper case, no blanks, NUL-ended */
    int birth_year;          /* e.g. 1952 */
    ips_day birth_date;      /* days since 1970-01-01 (common/date.h) */
    char gender;             /* 'm' when the individual number is odd, 'f' when even */
    bool temporary;          /* individual number 900-999: a temporary id (still valid) */
} hetu_info;

/* Validates `in`, which may have blanks around it and be in lower case.
 * On success fills *out and returns true.  On failure returns false, zeroes
 * *out and, when why is not NULL, points *why at a static reason such as
 * "not a valid personal identity code: check character does not match",
 * which never contains the input. */
bool hetu_parse(const char *in, hetu_info *out, const char **why);

/* Whether s contains a henkilötunnus anywhere in it.  Standing alone (no
 * letter or digit just before or after it), anything shaped like one
 * counts, valid or not: six digits that begin with a day and a month, a
 * century sign, three digits and one more letter or digit; a code with a
 * typo in it is still a person's code.  Inside a longer run of letters and
 * digits ("A130175-6041", "x130175-6041y") only a valid code counts (real
 * date, check character), so ordinary ids, "p_…" pseudonyms and Y-tunnus
 * never match.  Such text must be neither stored nor echoed in a message. */
bool hetu_find(const char *s);

#endif
