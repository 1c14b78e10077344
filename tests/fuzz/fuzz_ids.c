/* Fuzz target: hetu_parse() and ytunnus_parse() on the input as a string.
 * Beyond memory errors: an accepted code parses again to itself (the
 * normalised form is a fixed point), and a refusal's reason never repeats
 * the input (reasons go to logs; a personal identity code must not). */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/hetu.h"
#include "ingest/ytunnus.h"
#include "tests/fuzz/support.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* True when the reason repeats the input, leaving out inputs that are part
 * of the reasons' own examples ("as in 1234567-1", "DDMMYY-NNNX"). */
static bool echoes(const char *why, const char *s)
{
    return strlen(s) >= 6 && strstr(why, s) && !strstr("DDMMYY-NNNX 1234567-1", s);
}

static void check_hetu(const char *s)
{
    hetu_info h, again;
    const char *why = NULL;
    if (!hetu_parse(s, &h, &why)) {
        if (!why)
            fuzz_fail("hetu refused without a reason");
        if (echoes(why, s))
            fuzz_fail("hetu reason repeats the input");
        return;
    }
    if (why || strlen(h.code) != HETU_LEN || (h.gender != 'f' && h.gender != 'm') ||
        h.birth_year < 1800 || h.birth_year > 2099)
        fuzz_fail("hetu accepted with odd details");
    if (!hetu_parse(h.code, &again, NULL) || memcmp(&h, &again, sizeof h) != 0)
        fuzz_fail("a normalised hetu does not parse to itself");
}

static void check_ytunnus(const char *s)
{
    char out[YTUNNUS_LEN + 1], again[YTUNNUS_LEN + 1];
    const char *why = NULL;
    if (!ytunnus_parse(s, out, &why)) {
        if (!why || out[0])
            fuzz_fail("Y-tunnus refused without a reason, or with output");
        if (echoes(why, s))
            fuzz_fail("Y-tunnus reason repeats the input");
        return;
    }
    if (why || strlen(out) != YTUNNUS_LEN || out[7] != '-')
        fuzz_fail("Y-tunnus accepted with odd details");
    if (!ytunnus_parse(out, again, NULL) || strcmp(out, again) != 0)
        fuzz_fail("a normalised Y-tunnus does not parse to itself");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = '\0'; /* stops at the first NUL byte, as a C string does */
    check_hetu(s);
    check_ytunnus(s);
    free(s);
    return 0;
}
