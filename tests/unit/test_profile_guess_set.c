/* One profile guessed from several exports: the formats by vote, a section
 * per entity with its files merged under one pattern, a section's own format
 * only where its files differ, Swedish values from the vocabulary, and notes
 * for what could not be decided. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest/profile_guess_set.h"

static char dir[64];
static char paths[6][128];

static int make_dir(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/ipsgsetXXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
    (void)state;
    return rmdir(dir);
}

static char *write_export(int i, const char *name, const char *bytes)
{
    snprintf(paths[i], sizeof paths[i], "%s/%s", dir, name);
    FILE *f = fopen(paths[i], "wb");
    assert_non_null(f);
    fputs(bytes, f);
    assert_int_equal(fclose(f), 0);
    return paths[i];
}

static const guess_column *col_named(const profile_guess *g, const char *header)
{
    for (size_t i = 0; i < g->ncols; i++)
        if (strcmp(g->cols[i].header, header) == 0)
            return &g->cols[i];
    fail_msg("no column %s", header);
    return NULL;
}

static const char *value_to(const guess_column *c, const char *from)
{
    for (size_t k = 0; k < c->nvalues; k++)
        if (strcmp(c->values[k].from, from) == 0)
            return c->values[k].to ? c->values[k].to : "TODO";
    return NULL;
}

static bool has_note(const profile_guess_set *s, const char *text)
{
    for (size_t i = 0; i < s->nnotes; i++)
        if (strstr(s->notes[i], text))
            return true;
    return false;
}

/* Windows-1252: ä = E4, ö = F6. */
static void one_system(void **state)
{
    (void)state;
    char *p[5];
    p[0] = write_export(0, "asiakkuudet_2023.csv",
                        "Asiakkuuden tunnus;Henkil\xF6tunnus;Palvelu;Aloitusp\xE4iv\xE4;"
                        "P\xE4\xE4ttymisen syy\r\n"
                        "A1;131052-308T;IPS-ty\xF6h\xF6nvalmennus;5.9.2022;Ty\xF6kokeilu\r\n");
    p[1] = write_export(1, "asiakkuudet_2024.csv",
                        "Asiakkuuden tunnus;Henkil\xF6tunnus;Palvelu;Aloitusp\xE4iv\xE4;"
                        "P\xE4\xE4ttymisen syy\r\n"
                        "A2;010594Y9021;Ryhm\xE4valmennus;1.2.2024;Flyttade\r\n"
                        "A3;010594Y9021;Ryhm\xE4valmennus;1.3.2024;Sattumaa\r\n");
    p[2] = write_export(2, "klienter.csv", "Personbeteckning;K\xF6n\r\n131052-308T;Kvinna\r\n"
                                           "010594Y9021;Man\r\n");
    p[3] = write_export(3, "tapaamiset.csv",
                        "Tapahtuman tunnus,P\xC3\xA4iv\xC3\xA4m\xC3\xA4\xC3\xA4r\xC3\xA4,Tyyppi,"
                        "Tapaamistapa\n"
                        "T1,2024-01-05,Verkostotapaaminen,K\xC3\xA4ynti\n"
                        "T2,2024-01-06,Etuusneuvonta,Puhelu\n");
    p[4] = write_export(4, "muistiinpanot.csv", "foo;bar\n1;2\n");
    profile_guess_set *s = NULL;
    ips_diag d;
    ips_diag_clear(&d);
    if (profile_guess_files(p, 5, NULL, &s, &d) != IPS_OK)
        fail_msg("guess failed: %s", d.msg);
    for (int i = 0; i < 5; i++)
        unlink(paths[i]);
    /* [profile]: what most files show */
    assert_string_equal(s->defaults.encoding, "windows-1252");
    assert_int_equal(s->defaults.delimiter, ';');
    assert_int_equal(s->defaults.dates, DATE_FI);
    assert_string_equal(s->name, strrchr(dir, '/') + 1);
    /* the two enrollments files are one section with one pattern and both files' values */
    const guess_section *en = &s->sections[ENT_ENROLLMENTS];
    assert_non_null(en->merged);
    assert_int_equal(en->nfiles, 2);
    assert_string_equal(en->merged->file_pattern, "asiakkuudet_*.csv");
    assert_false(en->own_encoding || en->own_delimiter || en->own_dates || en->own_decimal);
    const guess_column *exit = col_named(en->merged, "Päättymisen syy");
    assert_string_equal(value_to(exit, "Työkokeilu"), "work_trial");
    assert_string_equal(value_to(exit, "Flyttade"), "moved");
    assert_string_equal(value_to(exit, "Sattumaa"), "TODO");
    assert_string_equal(value_to(col_named(en->merged, "Palvelu"), "Ryhmävalmennus"), "group");
    assert_true(col_named(en->merged, "Henkilötunnus")->hetu);
    /* Swedish headers and values */
    const guess_section *cl = &s->sections[ENT_CLIENTS];
    assert_non_null(cl->merged);
    assert_true(col_named(cl->merged, "Personbeteckning")->hetu);
    assert_string_equal(value_to(col_named(cl->merged, "Kön"), "Kvinna"), "f");
    assert_string_equal(value_to(col_named(cl->merged, "Kön"), "Man"), "m");
    assert_false(cl->own_dates);  /* no dates seen: the default holds */
    /* the UTF-8 ',' contacts file with ISO dates sets its own */
    const guess_section *co = &s->sections[ENT_CONTACTS];
    assert_true(co->own_encoding && co->own_delimiter && co->own_dates);
    assert_null(co->fmt.encoding);
    assert_int_equal(co->fmt.delimiter, ',');
    assert_int_equal(co->fmt.dates, DATE_ISO);
    assert_string_equal(value_to(col_named(co->merged, "Tapaamistapa"), "Käynti"), "y");
    assert_string_equal(value_to(col_named(co->merged, "Tapaamistapa"), "Puhelu"), "n");
    assert_string_equal(value_to(col_named(co->merged, "Tyyppi"), "Verkostotapaaminen"), "network");
    /* what it could not decide */
    assert_int_equal(s->files[4]->entity, -1);
    assert_true(has_note(s, "muistiinpanot.csv: the header does not tell which entity"));
    assert_true(has_note(s, "no export of jobs was given"));
    assert_false(has_note(s, "no export of enrollments"));
    assert_null(s->sections[ENT_JOBS].merged);
    profile_guess_set_free(s);
}

static void refusals(void **state)
{
    (void)state;
    char *p[2] = {write_export(0, "a.csv", "x;y\n1;2\n"), "/nonexistent/b.csv"};
    profile_guess_set *s = NULL;
    ips_diag d;
    ips_diag_clear(&d);
    assert_int_equal(profile_guess_files(p, 2, NULL, &s, &d), IPS_ERR_IO);
    assert_non_null(strstr(d.msg, "/nonexistent/b.csv"));
    assert_null(s);
    unlink(paths[0]);
    profile_guess_set_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(one_system),
        cmocka_unit_test(refusals),
    };
    return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
