/* Guessing a profile from an export: encoding, delimiter, date and decimal
 * format, entity, renames, identity-code columns by name and by value, value
 * maps, and that no identity code is ever kept for printing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest/profile_guess.h"

static char dir[64];
static char path[128];

static int make_dir(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/ipsguessXXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
    (void)state;
    return rmdir(dir);
}

static const char *write_export(const char *name, const char *bytes)
{
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(bytes, f);
    assert_int_equal(fclose(f), 0);
    return path;
}

static profile_guess *guess_ok(const char *name, const char *bytes, const char *encoding)
{
    profile_guess *g = NULL;
    ips_diag d;
    ips_diag_clear(&d);
    if (profile_guess_file(write_export(name, bytes), encoding, &g, &d) != IPS_OK)
        fail_msg("guess failed: %s", d.msg);
    unlink(path);
    return g;
}

static const guess_column *col_named(const profile_guess *g, const char *header)
{
    for (size_t i = 0; i < g->ncols; i++)
        if (strcmp(g->cols[i].header, header) == 0)
            return &g->cols[i];
    fail_msg("no column %s", header);
    return NULL;
}

static const char *mapped_to(const profile_guess *g, const char *header)
{
    const guess_column *c = col_named(g, header);
    return c->column < 0 ? NULL : contract_entity_get(g->entity)->cols[c->column].name;
}

/* Windows-1252 bytes: ä = E4, ö = F6, Ä = C4. */
static const char finnish_export[] =
    "Asiakkuuden tunnus;Henkil\xF6tunnus;Valmentaja;Palvelu;Aloitusp\xE4iv\xE4;"
    "P\xE4\xE4ttymisp\xE4iv\xE4;P\xE4\xE4ttymisen syy;Lis\xE4tiedot\r\n"
    "A1;131052-308T;V1;IPS;5.9.2022;;;x\r\n"
    "A2;010594Y9021;V1;Ryhm\xE4valmennus;12.10.2022;1.3.2023;Ty\xF6llistynyt avoimille "
    "ty\xF6markkinoille;\r\n"
    "A3;100190-999P;V2;IPS;1.1.2023;2.2.2023;131052-308T;y\r\n"
    "A4;100190-999P;V2;IPS;1.1.2023;2.2.2023;Sattumaa;y\r\n";

static void finnish_windows_1252_export(void **state)
{
    (void)state;
    profile_guess *g = guess_ok("asiakkuudet_2024-06.csv", finnish_export, NULL);
    assert_true(g->not_utf8);
    assert_string_equal(g->encoding, "windows-1252");
    assert_int_equal(g->delimiter, ';');
    assert_int_equal(g->dates_seen, GUESS_FORMAT_ONE);
    assert_int_equal(g->dates, DATE_FI);
    assert_int_equal(g->entity, ENT_ENROLLMENTS);
    assert_int_equal(g->rows, 4);
    assert_string_equal(g->file_pattern, "asiakkuudet_*.csv");
    assert_string_equal(mapped_to(g, "Asiakkuuden tunnus"), "enrollment_id");
    assert_string_equal(mapped_to(g, "Henkilötunnus"), "client_id");
    assert_string_equal(mapped_to(g, "Aloituspäivä"), "start_date");
    assert_string_equal(mapped_to(g, "Päättymispäivä"), "end_date");
    assert_string_equal(mapped_to(g, "Päättymisen syy"), "exit_reason");
    assert_string_equal(mapped_to(g, "Valmentaja"), "coach_id");
    assert_null(mapped_to(g, "Lisätiedot"));
    assert_true(col_named(g, "Henkilötunnus")->hetu);
    assert_true(col_named(g, "Henkilötunnus")->values_look_hetu);
    /* exit reasons: one surely known, one for a person, the identity code never kept */
    const guess_column *exit = col_named(g, "Päättymisen syy");
    assert_int_equal(exit->nvalues, 2);
    assert_string_equal(exit->values[0].from, "Työllistynyt avoimille työmarkkinoille");
    assert_string_equal(exit->values[0].to, "employed_open");
    assert_string_equal(exit->values[1].from, "Sattumaa");
    assert_null(exit->values[1].to);
    const guess_column *service = col_named(g, "Palvelu");
    assert_int_equal(service->nvalues, 2);
    assert_string_equal(service->values[0].to, "ips");
    assert_string_equal(service->values[1].to, "group");
    for (size_t i = 0; i < g->ncols; i++)
        for (size_t k = 0; k < g->cols[i].nvalues; k++)
            assert_null(strstr(g->cols[i].values[k].from, "308T"));
    profile_guess_free(g);
}

static void english_utf8_contacts(void **state)
{
    (void)state;
    profile_guess *g = guess_ok("contacts.csv",
                                "Contact ID,Date,Type,Face to face,Client,Coach,Minutes\n"
                                "e1,2024-01-05,client,yes,c1,k1,\"45,5\"\n"
                                "e2,2024-01-06,employer,no,,k1,30\n", NULL);
    assert_false(g->not_utf8);
    assert_null(g->encoding);
    assert_int_equal(g->delimiter, ',');
    assert_int_equal(g->entity, ENT_CONTACTS);
    assert_int_equal(g->dates, DATE_ISO);
    assert_int_equal(g->decimal_seen, GUESS_FORMAT_ONE);
    assert_int_equal(g->decimal, ',');
    assert_string_equal(mapped_to(g, "Contact ID"), "contact_id");
    assert_string_equal(mapped_to(g, "Face to face"), "in_person");
    assert_string_equal(mapped_to(g, "Client"), "client_id");
    assert_string_equal(mapped_to(g, "Minutes"), "minutes");
    const guess_column *ftf = col_named(g, "Face to face");
    assert_int_equal(ftf->nvalues, 2);
    assert_string_equal(ftf->values[0].to, "y");
    assert_string_equal(ftf->values[1].to, "n");
    assert_int_equal(col_named(g, "Type")->nvalues, 0);  /* already codes */
    assert_false(col_named(g, "Client")->hetu);
    profile_guess_free(g);
}

static void identity_codes_found_by_value(void **state)
{
    (void)state;
    profile_guess *g = guess_ok("asiakkaat.csv",
                                "Tunniste;Syntymävuosi;Sukupuoli;Kotikunta\n"
                                "131052-308T;1952;Nainen;Turku\n"
                                "010594Y9021;1994;Mies;Espoo\n", NULL);
    assert_int_equal(g->entity, ENT_CLIENTS);
    assert_string_equal(mapped_to(g, "Tunniste"), "client_id");
    assert_true(col_named(g, "Tunniste")->hetu);
    const guess_column *gender = col_named(g, "Sukupuoli");
    assert_int_equal(gender->nvalues, 2);
    assert_string_equal(gender->values[0].to, "f");
    assert_string_equal(gender->values[1].to, "m");
    profile_guess_free(g);

    g = guess_ok("tyonantajat.csv", "Tunnus;Nimi;Toimiala\n0112038-9;Oy Ab;47\n", NULL);
    assert_int_equal(g->entity, ENT_EMPLOYERS);
    assert_true(col_named(g, "Tunnus")->ytunnus);
    assert_false(col_named(g, "Tunnus")->hetu);
    profile_guess_free(g);
}

static void unknown_header_names_no_entity(void **state)
{
    (void)state;
    profile_guess *g = guess_ok("x.csv", "foo;bar\n1;2\n", NULL);
    assert_int_equal(g->entity, -1);
    assert_int_equal(g->dates_seen, GUESS_FORMAT_NONE);
    assert_int_equal(g->decimal_seen, GUESS_FORMAT_NONE);
    profile_guess_free(g);
}

static void refusals(void **state)
{
    (void)state;
    profile_guess *g = NULL;
    ips_diag d;
    ips_diag_clear(&d);
    assert_int_equal(profile_guess_file(write_export("a.csv", finnish_export), "utf-8", &g, &d),
                     IPS_ERR_ENCODING);
    assert_non_null(strstr(d.msg, "windows-1252"));
    unlink(path);
    assert_int_equal(profile_guess_file(write_export("b.csv", ""), NULL, &g, &d), IPS_ERR_HEADER);
    unlink(path);
    assert_int_equal(profile_guess_file("/nonexistent/c.csv", NULL, &g, &d), IPS_ERR_IO);
    assert_null(g);
    profile_guess_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(finnish_windows_1252_export),
        cmocka_unit_test(english_utf8_contacts),
        cmocka_unit_test(identity_codes_found_by_value),
        cmocka_unit_test(unknown_header_names_no_entity),
        cmocka_unit_test(refusals),
    };
    return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
