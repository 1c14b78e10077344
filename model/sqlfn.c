/* SQL functions the fact build (and the fidelity items) need: ips_fold()
 * for R12's job type of a title, ips_add_months() for item 23's months. */
#include "model/sqlfn.h"

#include <stdbool.h>
#include <string.h>

#include "common/date.h"


/* Lower-case of one code point for the Latin letters Finnish and Swedish
 * titles use (ASCII, Latin-1 and Latin Extended-A: Å Ä Ö Š Ž …). */
static unsigned fold_cp(unsigned c)
{
    if (c >= 'A' && c <= 'Z')
        return c + 32;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
        return c + 32;
    if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
        return c % 2 == 0 ? c + 1 : c;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
        return c % 2 == 1 ? c + 1 : c;
    if (c == 0x178)
        return 0xFF;
    return c;
}

/* Decodes one two-byte UTF-8 sequence (where the letters above live); any
 * other byte is passed through alone (*len = 1), so nothing is lost. */
static unsigned decode(const unsigned char *s, int *len)
{
    if (s[0] >= 0xC2 && s[0] <= 0xDF && (s[1] & 0xC0) == 0x80) {
        *len = 2;
        return ((unsigned)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    }
    *len = 1;
    return s[0];
}

/* Blanks: ASCII white space and the no-break space U+00A0 (decoded only). */
static bool is_blank(unsigned c, int len)
{
    return len == 2 ? c == 0xA0 : c == ' ' || (c >= '\t' && c <= '\r');
}

/* ips_fold(text): R12's job type of a title — lower-cased, runs of blanks
 * collapsed to one and trimmed.  NULL stays NULL. */
static void fold_fn(sqlite3_context *sc, int argc, sqlite3_value **argv)
{
    (void)argc;
    const unsigned char *s = sqlite3_value_text(argv[0]);
    if (!s) {
        sqlite3_result_null(sc);
        return;
    }
    size_t n = strlen((const char *)s);
    unsigned char *o = sqlite3_malloc64(n + 1);
    if (!o) {
        sqlite3_result_error_nomem(sc);
        return;
    }
    size_t k = 0;
    bool gap = false;
    for (size_t i = 0; i < n; ) {
        int len;
        unsigned c = decode(s + i, &len);
        i += (size_t)len;
        if (is_blank(c, len)) {
            gap = k > 0;
            continue;
        }
        if (gap)
            o[k++] = ' ';
        gap = false;
        if (len == 2) {
            c = fold_cp(c); /* stays below U+0800: still two bytes */
            o[k++] = (unsigned char)(0xC0 | (c >> 6));
            o[k++] = (unsigned char)(0x80 | (c & 0x3F));
        } else {
            o[k++] = (unsigned char)(c < 0x80 ? fold_cp(c) : c);
        }
    }
    sqlite3_result_text(sc, (const char *)o, (int)k, sqlite3_free);
}

/* ips_add_months(iso, n): common/date's month step (the 31st clamps to the
 * month's last day), so item 23's months match the rest of ipsreport. */
static void add_months_fn(sqlite3_context *sc, int argc, sqlite3_value **argv)
{
    (void)argc;
    const unsigned char *s = sqlite3_value_text(argv[0]);
    ips_day day;
    if (!s || !date_parse_iso((const char *)s, &day)) {
        sqlite3_result_null(sc);
        return;
    }
    char iso[11];
    date_format_iso(date_add_months(day, sqlite3_value_int(argv[1])), iso);
    sqlite3_result_text(sc, iso, 10, SQLITE_TRANSIENT);
}

int sqlfn_register(sqlite3 *db)
{
    int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
    int rc = sqlite3_create_function_v2(db, "ips_fold", 1, flags, NULL, fold_fn, NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(db, "ips_add_months", 2, flags, NULL, add_months_fn, NULL,
                                        NULL, NULL);
    return rc;
}
