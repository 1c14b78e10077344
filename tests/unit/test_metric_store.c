/* The kept metric rows' encoding (model/metric_store.h): every row reads
 * back exactly, field by field and doubles bit for bit, and a damaged
 * encoding is refused without touching the set it was to fill.  And the
 * sets the outputs share with the publication (metric_set_share). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/build_id.h"
#include "common/intern.h"
#include "model/metric_store.h"

static bool same_bits(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

static void assert_same_row(const metric_row *a, const metric_row *b)
{
    assert_string_equal(a->metric, b->metric);
    assert_string_equal(a->group_by, b->group_by);
    assert_string_equal(a->group, b->group);
    assert_string_equal(a->text, b->text);
    assert_string_equal(a->note, b->note);
    assert_int_equal(a->period_start, b->period_start);
    assert_int_equal(a->period_end, b->period_end);
    assert_int_equal(a->kind, b->kind);
    assert_int_equal(a->has, b->has);
    assert_true(same_bits(a->numerator, b->numerator));
    assert_true(same_bits(a->denominator, b->denominator));
    assert_true(same_bits(a->value, b->value));
    assert_true(same_bits(a->events, b->events));
    assert_true(same_bits(a->sum, b->sum));
    assert_int_equal(a->score, b->score);
    assert_int_equal(a->decimals, b->decimals);
    assert_int_equal(a->suppressed, b->suppressed);
    assert_int_equal(a->to_date, b->to_date);
}

/* Rows whose numbers take every path of the encoding: zero, −0, small and
 * large integers of both signs, fractions, NaN, infinities, 2^53 and
 * beyond; strings empty, repeated, and longer than the arrays rows had. */
static metric_set *awkward_rows(void)
{
    static const double nums[] = {0.0, -0.0, 1, -1, 127, 128, -300000, 9007199254740991.0,
                                  9007199254740992.0, -9007199254740993.0, 0.1, 41.25,
                                  1e300, -1e-300, NAN, INFINITY, -INFINITY, 4.5e15 + 0.5};
    size_t nn = sizeof nums / sizeof nums[0];
    metric_set *set = metric_set_new();
    assert_non_null(set);
    for (size_t i = 0; i < 60; i++) {
        metric_row *r = metric_set_add(set, i % 3 ? "employment_rate" : "caseload_active");
        assert_non_null(r);
        r->period_start = (ips_day)(19723 + (i % 7) * 90);
        r->period_end = (ips_day)(19723 + (i % 5) * 91 - (i == 9 ? 30000 : 0));
        r->group_by = ips_intern(i % 2 ? "coach" : "");
        char longer[301]; /* names longer than the arrays rows once had */
        if (i == 4 || i == 5) {
            memset(longer, i == 4 ? 'g' : 'n', sizeof longer - 1);
            longer[sizeof longer - 1] = '\0';
        }
        if (i == 4)
            r->group = ips_intern(longer);
        else
            r->group = ips_internf("tv%03zu", i / 2);
        if (i == 5)
            r->note = ips_intern(longer);
        if (i == 6)
            r->text = "hyvä/erinomainen";
        r->kind = (metric_kind)(i % (MK_TEXT + 1));
        r->has = (unsigned)(i % 16);
        r->numerator = nums[i % nn];
        r->denominator = nums[(i + 3) % nn];
        r->value = nums[(i + 7) % nn];
        r->events = nums[(i + 11) % nn];
        r->sum = nums[(i + 13) % nn];
        r->score = (int)(i % 6) - 1;
        r->decimals = (int)(i % 3);
        r->suppressed = i % 4 == 0;
        r->to_date = i % 5 == 0;
    }
    return set;
}

static void rows_read_back_exactly(void **state)
{
    (void)state;
    metric_set *set = awkward_rows();
    unsigned char *buf;
    size_t len;
    assert_true(metric_store_encode(set->rows, set->n, &buf, &len));
    /* each name once (two are 300 bytes), then the rows, whose awkward
     * numbers mostly take 9 bytes each: under 64 bytes a row all told */
    assert_true(len < set->n * 64);
    metric_set *back = metric_set_new();
    metric_set_add(back, "already_there");
    assert_true(metric_store_decode(buf, len, back));
    assert_int_equal(back->n, set->n + 1);
    assert_string_equal(back->rows[0].metric, "already_there");
    for (size_t i = 0; i < set->n; i++)
        assert_same_row(&set->rows[i], &back->rows[i + 1]);
    free(buf);
    metric_set_free(back);
    metric_set_free(set);
}

static void an_empty_pass_reads_back_empty(void **state)
{
    (void)state;
    unsigned char *buf;
    size_t len;
    assert_true(metric_store_encode(NULL, 0, &buf, &len));
    metric_set *back = metric_set_new();
    assert_true(metric_store_decode(buf, len, back));
    assert_int_equal(back->n, 0);
    free(buf);
    metric_set_free(back);
}

static void damaged_encodings_are_refused(void **state)
{
    (void)state;
    metric_set *set = awkward_rows();
    unsigned char *buf;
    size_t len;
    assert_true(metric_store_encode(set->rows, set->n, &buf, &len));
    metric_set *back = metric_set_new();
    /* every truncation, a wrong magic, a trailing byte */
    for (size_t cut = 0; cut < len; cut++)
        assert_false(metric_store_decode(buf, cut, back));
    assert_int_equal(back->n, 0);
    buf[0] ^= 1;
    assert_false(metric_store_decode(buf, len, back));
    buf[0] ^= 1;
    unsigned char *longer = malloc(len + 1);
    memcpy(longer, buf, len);
    longer[len] = 0;
    assert_false(metric_store_decode(longer, len + 1, back));
    assert_int_equal(back->n, 0);
    assert_false(metric_store_decode(NULL, 0, back));
    free(longer);
    free(buf);
    metric_set_free(back);
    metric_set_free(set);
}

/* metric_set_share: an empty set reads another's rows in place, and copies
 * them before its first change; neither set frees the other's rows. */
static void shared_rows_are_copied_before_a_change(void **state)
{
    (void)state;
    metric_set *from = awkward_rows();
    metric_set *view = metric_set_new();
    assert_true(metric_set_share(view, from));
    assert_true(view->shared);
    assert_ptr_equal(view->rows, from->rows);
    assert_int_equal(view->n, from->n);
    assert_non_null(metric_set_find(view, "employment_rate", "coach", "tv000"));
    metric_row *r = metric_set_add(view, "added");
    assert_non_null(r);
    assert_false(view->shared);
    assert_ptr_not_equal(view->rows, from->rows);
    assert_int_equal(view->n, from->n + 1);
    assert_string_equal(view->rows[from->n].metric, "added");
    for (size_t i = 0; i < from->n; i++)
        assert_same_row(&view->rows[i], &from->rows[i]);
    assert_int_equal(from->n, 60);
    metric_set_free(view);

    /* a set that has rows appends copies; clearing a shared set lets go */
    metric_set *own = metric_set_new();
    metric_set_add(own, "first");
    assert_true(metric_set_share(own, from));
    assert_false(own->shared);
    assert_int_equal(own->n, from->n + 1);
    metric_set *cleared = metric_set_new();
    assert_true(metric_set_share(cleared, from));
    metric_set_clear(cleared);
    assert_false(cleared->shared);
    assert_non_null(metric_set_add(cleared, "again"));
    assert_int_equal(cleared->n, 1);
    assert_string_equal(from->rows[0].metric, "caseload_active");
    metric_set_free(cleared);
    metric_set_free(own);
    metric_set_free(from);
}

static void this_build_has_an_id(void **state)
{
    (void)state;
    /* Debian's toolchain links with --build-id: without one nothing is
     * kept, and the reading commands lose their speed. */
    const char *id = build_id();
    assert_true(strlen(id) >= 16);
    assert_true(strspn(id, "0123456789abcdef") == strlen(id));
    assert_ptr_equal(build_id(), id);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rows_read_back_exactly),
        cmocka_unit_test(an_empty_pass_reads_back_empty),
        cmocka_unit_test(damaged_encodings_are_refused),
        cmocka_unit_test(shared_rows_are_copied_before_a_change),
        cmocka_unit_test(this_build_has_an_id),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
