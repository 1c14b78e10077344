/* Source profiles: a good profile with ä/ö in its keys loads as meant; each
 * kind of mistake is refused on the right line with a reason; renames and
 * value maps ignore case and blanks; file patterns; freeing NULL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest/profile.h"

static char path_buf[64];

/* Writes text to a fresh temporary file and returns its path. */
static const char *write_profile(const char *text)
{
    snprintf(path_buf, sizeof path_buf, "/tmp/ipsprofileXXXXXX");
    int fd = mkstemp(path_buf);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
    return path_buf;
}

static profile *load_ok(const char *text)
{
    const char *path = write_profile(text);
    profile *p = NULL;
    ips_diag d;
    ips_diag_clear(&d);
    if (profile_load(path, &p, &d) != IPS_OK)
        fail_msg("profile should load: %s", d.msg);
    unlink(path);
    assert_non_null(p);
    return p;
}

static const char good[] =
    "\xEF\xBB\xBF; Työpaja-X exports (this line is a comment)\n"
    "[profile]\n"
    "name = Työpaja-X (Windows-1252)\n"
    "encoding = windows-1252\n"
    "delimiter = ;\n"
    "dates = d.m.yyyy\n"
    "decimal = ,\n"
    "\n"
    "[enrollments]\n"                                               /* line 9 */
    "file = asiakkuudet*.csv\n"
    "column.Asiakkuuden tunnus = enrollment_id\n"
    "column.Henkilötunnus = client_id\n"
    "column.Aloituspäivä = start_date\n"
    "  column.Päättymispäivä = end_date   ; indented: still a setting\n"
    "column.Klo: päättynyt = referral_date\n"                        /* line 15 */
    "column.\"Syy; lopetus = x\" = exit_reason\n"
    "hetu = client_id\n"
    "map.exit_reason.Työllistynyt avoimille työmarkkinoille = employed_open\n"
    "map.exit_reason.Ei tiedossa = \"\"\n"
    "map.service.IPS-valmennus = IPS\n"                              /* line 20 */
    "map.exit_reason.\"Muu (esim. \"\"muutto\"\")\" = moved\n"
    "\n"
    "[Contacts]\n"
    "encoding = utf-8\n"
    "delimiter = tab\n"
    "dates = yyyy-mm-dd\n"
    "map.in_person.Käynti = kyllä\n"
    "map.in_person.Puhelu = n\n"
    "\n"
    "[employers]\n"
    "file = tyonantajat_[0-9]*.csv\n"
    "ytunnus = employer_id\n";

static void good_profile_loads(void **state)
{
    (void)state;
    profile *p = load_ok(good);
    assert_string_equal(p->name, "Työpaja-X (Windows-1252)");
    const profile_entity *en = &p->ent[ENT_ENROLLMENTS];
    assert_true(en->present);
    assert_int_equal(en->line, 9);
    assert_string_equal(en->file_pattern, "asiakkuudet*.csv");
    assert_string_equal(en->encoding, "windows-1252");
    assert_int_equal(en->delimiter, ';');
    assert_int_equal(en->dates, DATE_FI);
    assert_int_equal(en->decimal, ',');
    assert_int_equal(en->nrenames, 6);
    assert_string_equal(en->renames[2].source, "Aloituspäivä");
    assert_string_equal(en->renames[2].canonical, "start_date");
    assert_int_equal(en->renames[4].line, 15);
    assert_string_equal(en->renames[4].source, "Klo: päättynyt");
    assert_string_equal(en->renames[5].source, "Syy; lopetus = x");
    assert_int_equal(en->nhetu, 1);
    assert_string_equal(en->hetu_columns[0], "client_id");
    assert_int_equal(en->nmaps, 4);
    assert_string_equal(en->maps[2].to, "ips");  /* the contract's spelling */
    assert_int_equal(en->maps[2].line, 20);
    assert_string_equal(en->maps[3].from, "Muu (esim. \"muutto\")");

    /* contacts overrides the defaults, and [Contacts] is matched case-insensitively */
    const profile_entity *co = &p->ent[ENT_CONTACTS];
    assert_true(co->present);
    assert_null(co->encoding);
    assert_int_equal(co->delimiter, '\t');
    assert_int_equal(co->dates, DATE_ISO);
    assert_int_equal(co->decimal, ',');
    assert_null(co->file_pattern);

    /* an entity with no section still gets the defaults */
    const profile_entity *jo = &p->ent[ENT_JOBS];
    assert_false(jo->present);
    assert_string_equal(jo->encoding, "windows-1252");
    assert_int_equal(jo->delimiter, ';');
    assert_int_equal(jo->dates, DATE_FI);
    assert_int_equal(jo->nrenames, 0);
    assert_true(profile_is_ytunnus_column(&p->ent[ENT_EMPLOYERS], "EMPLOYER_ID"));
    assert_false(profile_is_hetu_column(&p->ent[ENT_EMPLOYERS], "employer_id"));
    profile_free(p);
}

static void defaults_without_profile_section(void **state)
{
    (void)state;
    profile *p = load_ok("[clients]\ncolumn.Asiakasnumero = client_id\n");
    const char *slash = strrchr(path_buf, '/');
    assert_string_equal(p->name, slash + 1);  /* no name: the file's own */
    for (int e = 0; e < ENT__COUNT; e++) {
        assert_null(p->ent[e].encoding);
        assert_int_equal(p->ent[e].delimiter, 0);
        assert_int_equal(p->ent[e].dates, DATE_ISO);
        assert_int_equal(p->ent[e].decimal, '.');
        assert_int_equal(p->ent[e].present, e == ENT_CLIENTS);
    }
    profile_free(p);
}

static void renames_ignore_case_and_blanks(void **state)
{
    (void)state;
    profile *p = load_ok(good);
    const profile_entity *en = &p->ent[ENT_ENROLLMENTS];
    assert_string_equal(profile_rename_column(en, "  ALOITUSPÄIVÄ "), "start_date");
    assert_string_equal(profile_rename_column(en, "asiakkuuden\t\ttunnus"), "enrollment_id");
    assert_string_equal(profile_rename_column(en, "HENKILÖTUNNUS"), "client_id");
    assert_string_equal(profile_rename_column(en, "syy; LOPETUS = x"), "exit_reason");
    const char *other = "Lisätiedot";
    assert_ptr_equal(profile_rename_column(en, other), other);
    assert_ptr_equal(profile_rename_column(NULL, other), other);
    /* a rename in one section does not apply to another */
    assert_string_equal(profile_rename_column(&p->ent[ENT_JOBS], "Aloituspäivä"), "Aloituspäivä");
    profile_free(p);
}

static void maps_ignore_case_and_blanks(void **state)
{
    (void)state;
    profile *p = load_ok(good);
    const profile_entity *en = &p->ent[ENT_ENROLLMENTS];
    assert_string_equal(profile_map_value(en, "exit_reason",
                                          " TYÖLLISTYNYT  avoimille\ttyömarkkinoille "),
                        "employed_open");
    assert_string_equal(profile_map_value(en, "EXIT_REASON", "työllistynyt avoimille työmarkkinoille"),
                        "employed_open");
    assert_string_equal(profile_map_value(en, "exit_reason", "ei TIEDOSSA"), "");
    assert_string_equal(profile_map_value(en, "exit_reason", "muu (ESIM. \"muutto\")"), "moved");
    assert_string_equal(profile_map_value(en, "service", "ips-VALMENNUS"), "ips");
    assert_null(profile_map_value(en, "exit_reason", "Työllistynyt"));
    assert_null(profile_map_value(en, "service", "Ei tiedossa"));  /* mapped for exit_reason only */
    assert_null(profile_map_value(NULL, "service", "x"));
    const profile_entity *co = &p->ent[ENT_CONTACTS];
    assert_string_equal(profile_map_value(co, "in_person", "KÄYNTI"), "y");
    assert_string_equal(profile_map_value(co, "in_person", "puhelu"), "n");
    profile_free(p);
}

/* An export's word for unknown may be mapped to "" in any column, also a
 * number or date column, whose values have nothing else to map to. */
static void unknown_words_in_any_column(void **state)
{
    (void)state;
    profile *p = load_ok("[clients]\nmap.birth_year.Ei tiedossa = \"\"\n"
                         "map.municipality.- = \"\"\n"
                         "[enrollments]\nmap.end_date.Auki = \"\"\n");
    const profile_entity *cl = &p->ent[ENT_CLIENTS];
    assert_int_equal(cl->nmaps, 2);
    assert_string_equal(profile_map_value(cl, "birth_year", "EI TIEDOSSA"), "");
    assert_string_equal(profile_map_value(cl, "municipality", "-"), "");
    assert_null(profile_map_value(cl, "birth_year", "1990"));
    assert_string_equal(profile_map_value(&p->ent[ENT_ENROLLMENTS], "end_date", "auki"), "");
    profile_free(p);
}

/* Each mistake: the profile text, the line it must be reported on, and a
 * part of the reason. */
static const struct {
    const char *text;
    int line;
    const char *why;
} bad[] = {
    {"[profile]\nname = x\n[asiakkuudet]\n", 3, "write [enrollments]"},
    {"[profile]\n\n[potilaat]\n", 3, "not a section ipsreport knows"},
    {"[enrollments]\nfile = a.csv\nfiel = b.csv\n", 3, "'fiel' is not a setting of [enrollments]"},
    {"[profile]\nname = x\ncolour = red\n", 3, "'colour' is not a setting of [profile]"},
    {"[profile]\nfile = a*.csv\n", 2, "belongs under an entity section"},
    {"[enrollments]\ncolumn.Alkaa = start\n", 2, "enrollments has no column 'start'"},
    {"[clients]\ncolumn.Alkaa = start_date\n", 2, "clients has no column 'start_date'"},
    {"[enrollments]\n\nmap.exit_reason.Töissä = employed\n", 3, "'employed' is not a code of exit_reason"},
    {"[enrollments]\nmap.exit_reason.Töissä =\n", 2, "says nothing to map to"},
    {"[enrollments]\nmap.start_date.eilen = today\n", 2, "values of start_date cannot be mapped"},
    {"[clients]\nmap.birth_year.Ei tiedossa = 1900\n", 2, "only a word for unknown may be mapped"},
    {"[clients]\nmap.birth_year.Ei tiedossa =\n", 2, "values of birth_year cannot be mapped"},
    {"[enrollments]\nmap.Syy.Muu = other\n", 2, "enrollments has no column 'Syy'"},
    {"[enrollments]\ncolumn.Syy = exit_reason\nmap.Syy.Muu = other\n", 3, "write map.exit_reason.Muu"},
    {"[contacts]\nmap.in_person.Käynti = joskus\n", 2, "not yes or no"},
    {"[profile]\nencoding = klingon-8\n", 2, "encoding 'klingon-8' is not known"},
    {"[profile]\nencoding = UTF-16\n", 2, "several bytes"},
    {"[profile]\ndelimiter = |\n", 2, "delimiter '|'"},
    {"[profile]\ndates = mm/dd/yyyy\n", 2, "dates 'mm/dd/yyyy'"},
    {"[profile]\ndecimal = ;\n", 2, "decimal ';'"},
    {"[enrollments]\nhetu = start_date\n", 2, "start_date is not an id column"},
    {"[employers]\nytunnus = name\n", 2, "name is not an id column"},
    {"[enrollments]\nhetu = client_id, henkilo\n", 2, "no column 'henkilo'"},
    {"[enrollments]\ncolumn.Hetu = client_id\nhetu = Hetu\n", 3, "write hetu = client_id"},
    {"[enrollments]\nhetu = client_id\nytunnus = client_id\n", 3, "both"},
    {"[profile]\nencoding = latin1\nencoding = utf-8\n", 3, "already set on line 2"},
    {"[enrollments]\ncolumn.A = client_id\ncolumn. a  = coach_id\n", 3, "already renamed on line 2"},
    {"[enrollments]\nmap.service.X = ips\nmap.service. x = group\n", 3, "already mapped on line 2"},
    {"[enrollments]\n[clients]\n[enrollments]\n", 3, "first on line 1"},
    {"name = x\n[profile]\n", 1, "before any section"},
    {"[profile]\n[enrollments\n", 2, "closing ']'"},
    {"[profile]\nname\n", 2, "not a setting"},
    {"[enrollments]\ncolumn.A ;B = client_id\n", 2, "in double quotes"},
    {"[enrollments]\ncolumn.\"A = client_id\n", 2, "not closed"},
    {"[profile]\nname = P\xE4iv\xE4\n", 2, "not UTF-8"},
    {"[profile]\nname = a\x01" "b\n", 2, "control character"},
    {"[enrollments]\nfile = exports/a.csv\n", 2, "drop the folder"},
    {"[enrollments]\nfile = a.csv\nfile = b.csv\n", 3, "already set on line 2"},
};

static void each_mistake_on_its_line(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *path = write_profile(bad[i].text);
        profile *p = (profile *)1;
        ips_diag d;
        ips_diag_clear(&d);
        ips_error e = profile_load(path, &p, &d);
        unlink(path);
        char want[96];
        snprintf(want, sizeof want, "%s:%d: ", path, bad[i].line);
        if (e != IPS_ERR_PROFILE || strncmp(d.msg, want, strlen(want)) != 0 ||
            !strstr(d.msg, bad[i].why))
            fail_msg("case %zu: wanted '%s…%s', got %d '%s'", i, want, bad[i].why, e, d.msg);
        assert_null(p);
    }
}

static void long_line_is_refused(void **state)
{
    (void)state;
    char text[700];
    int n = snprintf(text, sizeof text, "[enrollments]\nmap.exit_reason.");
    memset(text + n, 'a', 300);
    snprintf(text + n + 300, sizeof text - (size_t)n - 300, " = other\n");
    const char *path = write_profile(text);
    profile *p = NULL;
    ips_diag d;
    ips_diag_clear(&d);
    assert_int_equal(profile_load(path, &p, &d), IPS_ERR_PROFILE);
    unlink(path);
    assert_non_null(strstr(d.msg, ":2: "));
    assert_non_null(strstr(d.msg, "at most"));
    assert_null(p);
    /* the longest line the loader promises to take is taken */
    n = snprintf(text, sizeof text, "[enrollments]\n");
    int head = snprintf(text + n, sizeof text - (size_t)n, "map.exit_reason.");
    int tail = (int)strlen(" = other");
    memset(text + n + head, 'a', (size_t)(PROFILE_LINE_MAX - head - tail));
    snprintf(text + n + PROFILE_LINE_MAX - tail, 16, " = other\n");
    p = load_ok(text);
    assert_int_equal(p->ent[ENT_ENROLLMENTS].nmaps, 1);
    profile_free(p);
    /* a comment may be longer: nothing in it is read */
    n = snprintf(text, sizeof text, "[enrollments]\n  ; ");
    memset(text + n, 'c', 400);
    snprintf(text + n + 400, sizeof text - (size_t)n - 400, "\ncolumn.A = client_id\n");
    p = load_ok(text);
    assert_int_equal(p->ent[ENT_ENROLLMENTS].nrenames, 1);
    assert_int_equal(p->ent[ENT_ENROLLMENTS].renames[0].line, 3);
    profile_free(p);
    /* and so may a comment after a setting or a section header */
    n = snprintf(text, sizeof text, "[enrollments] ; ");
    memset(text + n, 'c', 250);
    n += 250;
    n += snprintf(text + n, sizeof text - (size_t)n, "\ncolumn.A = client_id ; ");
    memset(text + n, 'c', 250);
    snprintf(text + n + 250, sizeof text - (size_t)n - 250, "\n");
    p = load_ok(text);
    assert_string_equal(p->ent[ENT_ENROLLMENTS].renames[0].canonical, "client_id");
    profile_free(p);
}

static void empty_and_missing_files(void **state)
{
    (void)state;
    const char *path = write_profile("; only a comment\n\n");
    profile *p = NULL;
    ips_diag d;
    ips_diag_clear(&d);
    assert_int_equal(profile_load(path, &p, &d), IPS_ERR_PROFILE);
    unlink(path);
    assert_non_null(strstr(d.msg, "empty"));
    assert_int_equal(profile_load("/nonexistent/dir/p.ini", &p, &d), IPS_ERR_IO);
    assert_non_null(strstr(d.msg, "/nonexistent/dir/p.ini"));
    assert_null(p);
}

static void file_patterns(void **state)
{
    (void)state;
    profile *p = load_ok("[clients]\nfile = asiakkaat.csv\n"
                         "[enrollments]\nfile = asiakkuudet*.csv\n"
                         "[contacts]\nfile = *.csv\n"
                         "[employers]\nfile = tyonantajat_[0-9][0-9][0-9][0-9].csv\n"
                         "[jobs]\n");
    assert_int_equal(profile_entity_for_file(p, "/data/export/asiakkuudet_2024.csv"), ENT_ENROLLMENTS);
    assert_int_equal(profile_entity_for_file(p, "ASIAKKUUDET.CSV"), ENT_ENROLLMENTS);
    assert_int_equal(profile_entity_for_file(p, "asiakkaat.csv"), ENT_CLIENTS);
    assert_int_equal(profile_entity_for_file(p, "tyonantajat_2024.csv"), ENT_EMPLOYERS);
    /* overlapping patterns: the first entity in dependency order */
    assert_int_equal(profile_entity_for_file(p, "tyonantajat_24.csv"), ENT_CONTACTS);
    assert_int_equal(profile_entity_for_file(p, "muut.txt"), -1);
    /* the folder is not part of the name matched */
    assert_int_equal(profile_entity_for_file(p, "asiakkuudet/muut.txt"), -1);
    assert_int_equal(profile_entity_for_file(NULL, "asiakkaat.csv"), -1);
    profile_free(p);
}

static void free_null_and_null_lookups(void **state)
{
    (void)state;
    profile_free(NULL);
    assert_false(profile_is_hetu_column(NULL, "client_id"));
    assert_false(profile_is_ytunnus_column(NULL, "employer_id"));
    assert_string_equal(profile_date_format_name(DATE_FI), "d.m.yyyy");
    assert_string_equal(profile_date_format_name(DATE_ISO), "yyyy-mm-dd");
}

static void delimiter_spellings(void **state)
{
    (void)state;
    static const struct {
        const char *value;
        char want;
    } cases[] = {{";", ';'}, {"\";\"", ';'}, {"semicolon", ';'}, {",", ','}, {"comma", ','},
                 {"tab", '\t'}, {"\\t", '\t'}, {"detect", 0}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[80];
        snprintf(text, sizeof text, "[profile]\ndelimiter = %s\n", cases[i].value);
        profile *p = load_ok(text);
        assert_int_equal(p->ent[ENT_COACHES].delimiter, cases[i].want);
        profile_free(p);
    }
}

static void quoting_forms(void **state)
{
    (void)state;
    profile *p = load_ok("[assessments]\n"
                         "\"column.Tulos = arvio\" = score\n"
                         "column.\"  Mittari ; nimi \" = instrument ; a comment\n"
                         "[profile]\n"
                         "name = \"Järjestelmä; versio 2\"\n");
    const profile_entity *as = &p->ent[ENT_ASSESSMENTS];
    assert_string_equal(profile_rename_column(as, "tulos = ARVIO"), "score");
    assert_string_equal(profile_rename_column(as, "mittari ; nimi"), "instrument");
    assert_string_equal(p->name, "Järjestelmä; versio 2");
    profile_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(good_profile_loads),
        cmocka_unit_test(defaults_without_profile_section),
        cmocka_unit_test(renames_ignore_case_and_blanks),
        cmocka_unit_test(maps_ignore_case_and_blanks),
        cmocka_unit_test(unknown_words_in_any_column),
        cmocka_unit_test(each_mistake_on_its_line),
        cmocka_unit_test(long_line_is_refused),
        cmocka_unit_test(empty_and_missing_files),
        cmocka_unit_test(file_patterns),
        cmocka_unit_test(free_null_and_null_lookups),
        cmocka_unit_test(delimiter_spellings),
        cmocka_unit_test(quoting_forms),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
