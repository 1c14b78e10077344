/* The compiled text catalogue (po/, reports/catalogue.h): every id has a
 * text in fi, sv and en, read from the tables as compiled, before any
 * fallback to English; each translation keeps the English text's
 * placeholders ({n}, %s, %d); and the definition tables and the catalogue's
 * DEF_ and TERM_ entries name the same ids.  Blanking one msgstr in
 * po/fi.po (or marking it fuzzy) makes this test fail. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "model/metrics.h"
#include "model/fidelity.h"
#include "reports/catalogue.h"
#include "reports/definitions.h"

static const char *const lang_names[REPORT_LANG__COUNT] = {"fi", "sv", "en"};

/* The placeholders of s in order ("{n}", "%s", "%d", "%%"), as one string. */
static void placeholders(const char *s, char *out, size_t size)
{
    size_t o = 0;
    out[0] = '\0';
    for (const char *p = s; *p && o + 4 < size; p++) {
        if (strncmp(p, "{n}", 3) == 0) {
            memcpy(out + o, "{n}", 3);
            o += 3;
        } else if (*p == '%' && p[1] && strchr("sd%", p[1])) {
            out[o++] = '%';
            out[o++] = p[1];
            p++;
        }
    }
    out[o] = '\0';
}

/* Fails unless every language has a non-empty text with the English
 * text's placeholders. */
static void check_texts(const char *what, const char *const text[REPORT_LANG__COUNT])
{
    char want[64], got[64];
    for (int l = 0; l < REPORT_LANG__COUNT; l++)
        if (!text[l] || !text[l][0])
            fail_msg("%s has no text in %s (po/%s.po: missing, empty or fuzzy)", what,
                     lang_names[l], lang_names[l]);
    placeholders(text[REPORT_LANG_EN], want, sizeof want);
    for (int l = 0; l < REPORT_LANG_EN; l++) {
        placeholders(text[l], got, sizeof got);
        if (strcmp(want, got) != 0)
            fail_msg("%s in %s has the placeholders \"%s\", English \"%s\"", what, lang_names[l],
                     got, want);
    }
}

static void every_label_in_every_language(void **state)
{
    (void)state;
    for (int id = 0; id < L__COUNT; id++) {
        assert_non_null(catalogue_label_ids[id]);
        check_texts(catalogue_label_ids[id], catalogue_labels[id]);
    }
}

static void every_chart_label_in_every_language(void **state)
{
    (void)state;
    for (int id = 0; id < CL__COUNT; id++) {
        assert_non_null(catalogue_chart_label_ids[id]);
        check_texts(catalogue_chart_label_ids[id], catalogue_chart_labels[id]);
    }
}

static void check_group(const char *name, const catalogue_group *g)
{
    char what[160];
    assert_true(g->n > 0);
    for (size_t i = 0; i < g->n; i++) {
        snprintf(what, sizeof what, "%s:%s", name, g->entries[i].key);
        check_texts(what, g->entries[i].text);
        for (size_t j = 0; j < i; j++)
            if (strcmp(g->entries[i].key, g->entries[j].key) == 0)
                fail_msg("%s appears twice", what);
    }
}

static void every_keyed_text_in_every_language(void **state)
{
    (void)state;
    char name[32];
    for (int d = 0; d < CODE__COUNT; d++) {
        snprintf(name, sizeof name, "code domain %d", d);
        check_group(name, &catalogue_codes[d]);
    }
    check_group("DEF_NAME", &catalogue_DEF_NAME);
    check_group("DEF_TEXT", &catalogue_DEF_TEXT);
    check_group("TERM_NAME", &catalogue_TERM_NAME);
    check_group("TERM_TEXT", &catalogue_TERM_TEXT);
    check_group("CHART_EXIT_REASON", &catalogue_CHART_EXIT_REASON);
    check_group("CHART_FIDELITY_ITEM", &catalogue_CHART_FIDELITY_ITEM);
    check_group("CHART_FIDELITY_SECTION", &catalogue_CHART_FIDELITY_SECTION);
    check_group("CHART_METRIC_TITLE", &catalogue_CHART_METRIC_TITLE);
    check_group("FIDELITY_ITEM", &catalogue_FIDELITY_ITEM);
    assert_int_equal(catalogue_FIDELITY_ITEM.n, 25);
}

/* ids: the definitions' (or terms') ids; every one has a name and a text,
 * and the catalogue has no entry for an id the tables do not know. */
static void same_ids(const char *what, const metric_def *(*at)(size_t), size_t n,
                     const catalogue_group *names, const catalogue_group *texts)
{
    for (size_t i = 0; i < n; i++) {
        const char *id = at(i)->id;
        if (!catalogue_find(names, id) || !catalogue_find(texts, id))
            fail_msg("%s %s has no name or no text in the catalogue", what, id);
    }
    const catalogue_group *gs[2] = {names, texts};
    for (int k = 0; k < 2; k++)
        for (size_t j = 0; j < gs[k]->n; j++) {
            size_t i = 0;
            while (i < n && strcmp(at(i)->id, gs[k]->entries[j].key) != 0)
                i++;
            if (i == n)
                fail_msg("the catalogue's %s entry %s is no id of the tables", what,
                         gs[k]->entries[j].key);
        }
}

static void definitions_and_catalogue_name_the_same_ids(void **state)
{
    (void)state;
    same_ids("definition", definition_at, definition_count(), &catalogue_DEF_NAME,
             &catalogue_DEF_TEXT);
    same_ids("term", definition_term_at, definition_term_count(), &catalogue_TERM_NAME,
             &catalogue_TERM_TEXT);
    assert_int_equal(catalogue_DEF_NAME.n, definition_count());
}

/* The chart look-ups find what their callers ask for. */
static void chart_lookups_find_their_keys(void **state)
{
    (void)state;
    for (int lang = 0; lang < LANG__COUNT; lang++) {
        for (int item = 1; item <= 25; item++)
            assert_true(chart_fidelity_item((chart_lang)lang, item)[0] != '\0');
        for (int s = 0; s < 3; s++)
            assert_true(chart_fidelity_section((chart_lang)lang, s)[0] != '\0');
    }
    assert_string_equal(chart_fidelity_section(LANG_SV, 2), "Tjänstens innehåll");
    assert_string_equal(chart_exit_reason(LANG_EN, ""), "Reason missing");
    assert_string_equal(chart_exit_reason(LANG_FI, "no_such"), "no_such");
    assert_string_equal(chart_metric_title(LANG_FI, "fidelity_total_low"), "Laatukriteeripisteet");
    assert_null(chart_metric_title(LANG_FI, "no_such_metric"));
    /* Texts the workbook and the charts share: one entry, the workbook's. */
    assert_ptr_equal(chart_shared_label(LANG_SV, L_TO_DATE), label(L_TO_DATE, REPORT_LANG_SV));
    assert_ptr_equal(chart_instrument_name(LANG_FI, "rtw_se"),
                     label_code(CODE_INSTRUMENT, "rtw_se", REPORT_LANG_FI));
    assert_string_equal(chart_instrument_name(LANG_FI, "own_scale"), "own_scale");
    char band[64];
    assert_string_equal(chart_fidelity_band(LANG_FI, "good", band, sizeof band),
                        label_code(CODE_BAND, "good", REPORT_LANG_FI));
}

/* The items' names are the seed's score sheet (fi), THL's Swedish and the
 * IPS scale's English ones: a few pinned. */
static void fidelity_item_names_from_the_seed(void **state)
{
    (void)state;
    static const struct {
        const char *item;
        int lang;
        const char *name;
    } pinned[] = {
        {"1", REPORT_LANG_FI, "Asiakasmäärä"},
        {"1", REPORT_LANG_SV, "Antal klienter"},
        {"19", REPORT_LANG_EN, "Diversity of job types"},
        {"21", REPORT_LANG_FI, "Avoimille työmarkkinoille sijoittuva työ"},
    };
    for (size_t i = 0; i < sizeof pinned / sizeof pinned[0]; i++) {
        const catalogue_entry *e = catalogue_find(&catalogue_FIDELITY_ITEM, pinned[i].item);
        assert_non_null(e);
        assert_string_equal(e->text[pinned[i].lang], pinned[i].name);
    }
    assert_null(catalogue_find(&catalogue_FIDELITY_ITEM, "0"));
    assert_string_equal(label_code(CODE_BAND, "fair", REPORT_LANG_FI), "kohtalainen");
    assert_string_equal(label_code(CODE_BAND, "not_supported", REPORT_LANG_EN),
                        "not supported employment");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_label_in_every_language),
        cmocka_unit_test(every_chart_label_in_every_language),
        cmocka_unit_test(every_keyed_text_in_every_language),
        cmocka_unit_test(definitions_and_catalogue_name_the_same_ids),
        cmocka_unit_test(chart_lookups_find_their_keys),
        cmocka_unit_test(fidelity_item_names_from_the_seed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
