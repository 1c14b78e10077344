/* Whole-file format refusals that name the fix (see format_hint.h). */
#include "ingest/format_hint.h"

#include <stdio.h>
#include <string.h>

#include "common/date.h"
#include "common/trim.h"
#include "ingest/guess_tables.h"
#include "ingest/hetu.h"

static const char *base_of(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

void format_hint_init(format_hint *h, int entity, const profile *prof, const char *name)
{
    memset(h, 0, sizeof *h);
    h->entity = entity;
    h->ent = contract_entity_get(entity);
    h->prof = prof;
    h->pe = prof && entity >= 0 ? &prof->ent[entity] : NULL;
    h->name = name;
}

/* digits SEP digits, with an optional sign: 0,5 or -1.25 */
static bool number_with(const char *s, size_t n, char sep)
{
    size_t i = (n && (*s == '-' || *s == '+')) ? 1 : 0, a = 0, b = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++, a++;
    if (!a || i >= n || s[i] != sep)
        return false;
    for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++)
        b++;
    return b && i == n;
}

static void seen(format_hint_count *k, bool other, long line, const char *column,
                 const char *v, size_t n)
{
    if (k->relevant++ < FORMAT_HINT_ROWS && other)
        k->first_other++;
    if (!other)
        return;
    if (!k->other++) {
        k->line = line;
        snprintf(k->column, sizeof k->column, "%s", column);
        snprintf(k->value, sizeof k->value, "%.*s", (int)(n < 30 ? n : 30), v);
    }
}

void format_hint_row(format_hint *h, char *const cells[], const size_t lens[], long line)
{
    (void)lens;  /* a cell's text ends at its first NUL, as validate reads it */
    if (!h->ent)
        return;
    bool fi_expected = h->pe && h->pe->dates == DATE_FI;
    char sep = h->pe && h->pe->decimal == ',' ? ',' : '.';
    int date_col = -1, num_col = -1;
    const char *date_v = NULL, *num_v = NULL;
    size_t date_n = 0, num_n = 0;
    bool any_date = false, any_num = false;
    for (int c = 0; c < h->ent->ncols; c++) {
        if (!cells[c])
            continue;
        size_t n;
        const char *v = trim_span(cells[c], &n);
        if (!n || n >= 40)
            continue;
        char buf[40];
        memcpy(buf, v, n);
        buf[n] = '\0';
        ips_day day;
        if (h->ent->cols[c].type == CT_DATE) {
            any_date = true;
            bool other = fi_expected ? !date_parse_fi(buf, &day) && date_parse_iso(buf, &day)
                                     : !date_parse_iso(buf, &day) && date_parse_fi(buf, &day);
            if (other && date_col < 0)
                date_col = c, date_v = v, date_n = n;
        } else if (h->ent->cols[c].type == CT_NUMBER && (memchr(v, '.', n) || memchr(v, ',', n))) {
            any_num = true;
            if (number_with(v, n, sep == ',' ? '.' : ',') && num_col < 0)
                num_col = c, num_v = v, num_n = n;
        }
    }
    if (any_date)
        seen(&h->kinds[fi_expected ? FH_DATES_ISO : FH_DATES_FI], date_col >= 0, line,
             date_col >= 0 ? h->ent->cols[date_col].name : "", date_v, date_n);
    if (any_num)
        seen(&h->kinds[sep == ',' ? FH_DECIMAL_POINT : FH_DECIMAL_COMMA], num_col >= 0, line,
             num_col >= 0 ? h->ent->cols[num_col].name : "", num_v, num_n);
}

/* The sentence that says which profile line fixes it: in the entity's own
 * section when the profile has one, else under [profile]; without a profile,
 * how to make one. */
static void fix_sentence(const profile *prof, int entity, const char *name, const char *line,
                         char *out, size_t n)
{
    const char *ent = entity >= 0 ? contract_entity_get(entity)->name : "ENTITY";
    const char *file = prof ? base_of(prof->path ? prof->path : prof->name) : NULL;
    if (prof && entity >= 0 && prof->ent[entity].present)
        snprintf(out, n, "write `%s` in section [%s] of the profile %s and ingest again", line,
                 ent, file);
    else if (prof)
        snprintf(out, n, "write `%s` in section [profile] of the profile %s (or in a section "
                 "[%s] for these files only) and ingest again", line, file, ent);
    else
        snprintf(out, n, "ingest with a source profile (--profile FILE) whose [profile] section "
                 "says `%s`; 'ipsreport profile guess %s …', given all the system's files, "
                 "writes one", line, name);
}

ips_error format_hint_verdict(const format_hint *h, ips_diag *d)
{
    static const char *const what[FH__COUNT] = {
        "is a d.m.yyyy date", "is a yyyy-mm-dd date", "is a number with a decimal comma",
        "is a number with a decimal point"};
    static const char *const fix[FH__COUNT] = {
        "dates = d.m.yyyy", "dates = yyyy-mm-dd", "decimal = ,", "decimal = ."};
    static const char *const rows_of[FH__COUNT] = {"dates", "dates", "numbers", "numbers"};
    int lead = -1;
    char lines[120] = "";
    for (int k = 0; k < FH__COUNT; k++) {
        const format_hint_count *c = &h->kinds[k];
        long first = c->relevant < FORMAT_HINT_ROWS ? c->relevant : FORMAT_HINT_ROWS;
        if (!c->other || c->first_other < first || c->other * 2 < c->relevant)
            continue;
        /* Both dates and decimals may be the file's: one message fixes both. */
        snprintf(lines + strlen(lines), sizeof lines - strlen(lines), "%s%s",
                 *lines ? "` and `" : "", fix[k]);
        if (lead < 0)
            lead = k;
    }
    for (int k = lead; k >= 0; k = -1) {
        const format_hint_count *c = &h->kinds[k];
        char fix_text[500];
        fix_sentence(h->prof, h->entity, h->name, lines, fix_text, sizeof fix_text);
        return ips_diag_set(d, IPS_ERR_CSV,
                            "%s:%ld: %s: '%s' %s, and so are the %s of %ld of the file's %ld "
                            "rows with %s; the file is refused and nothing from it is stored: %s",
                            h->name, c->line, c->column, c->value, what[k], rows_of[k], c->other,
                            c->relevant, k < FH_DECIMAL_COMMA ? "a date" : "a decimal number",
                            fix_text);
    }
    return IPS_OK;
}

ips_error format_hint_not_utf8(const profile *prof, int entity, const char *name, long line,
                               const char *column, ips_diag *d)
{
    char fix_text[500];
    fix_sentence(prof, entity, name, "encoding = windows-1252", fix_text, sizeof fix_text);
    return ips_diag_set(d, IPS_ERR_ENCODING,
                        "%s:%ld: %s: text is not UTF-8; an export from a Windows system is "
                        "probably Windows-1252: the file is refused and nothing from it is "
                        "stored: %s", name, line, column, fix_text);
}

static void append(ips_diag *d, const char *text)
{
    size_t n = strlen(d->msg);
    snprintf(d->msg + n, sizeof d->msg - n, "; %s", text);
}

void format_hint_header(const profile *prof, int entity, const csv_record *hdr, char delimiter,
                        ips_diag *d)
{
    if (!hdr || !hdr->nfields)
        return;
    char text[700], fix_text[500];
    if (hdr->nfields == 1) {
        static const char seps[] = {';', ',', '\t'};
        static const char *const words[] = {";", ",", "tab"};
        for (size_t i = 0; i < sizeof seps; i++) {
            if (seps[i] == delimiter || !memchr(hdr->fields[0], seps[i], hdr->lens[0]))
                continue;
            char line[32];
            snprintf(line, sizeof line, "delimiter = %s", words[i]);
            fix_sentence(prof, entity, "FILES", line, fix_text, sizeof fix_text);
            snprintf(text, sizeof text, "the header is one column with '%s' in it, so the "
                     "file is separated by '%s': %s", words[i], words[i], fix_text);
            append(d, text);
            return;
        }
    }
    /* Names the vocabulary of 'profile guess' knows but that are not the
     * contract's own: headers in Finnish or Swedish (or in other words). */
    char names[200] = "";
    int known = 0;
    for (size_t i = 0; i < hdr->nfields; i++) {
        char key[160], field[120];
        snprintf(field, sizeof field, "%.*s", (int)(hdr->lens[i] < 100 ? hdr->lens[i] : 100),
                 hdr->fields[i]);
        guess_plain_key(field, key, sizeof key);
        const guess_synonym *syn[1];
        if (!*key || !guess_synonyms(key, syn, 1) || hetu_find(field))
            continue;
        if (known++ < 3) {
            size_t n;
            const char *t = trim_span(field, &n);
            snprintf(names + strlen(names), sizeof names - strlen(names), "%s%.*s",
                     *names ? ", " : "", (int)n, t);
        }
    }
    if (known < 2)
        return;
    if (prof)
        snprintf(text, sizeof text, "the header names its columns in other words (%s%s): "
                 "rename them with column.NAME = COLUMN lines in section [%s] of the profile "
                 "%s, or run 'ipsreport profile guess FILES…' for a profile that does", names,
                 known > 3 ? ", …" : "", entity >= 0 ? contract_entity_get(entity)->name : "ENTITY",
                 base_of(prof->path ? prof->path : prof->name));
    else
        snprintf(text, sizeof text, "the header names its columns in other words (%s%s), "
                 "which a source profile renames: run 'ipsreport profile guess FILES…' (all "
                 "the system's files) to write one, and ingest with --profile", names,
                 known > 3 ? ", …" : "");
    append(d, text);
}
