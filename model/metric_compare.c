/* Comparing two metric sets row by row, for the check that the engine and
 * the SQL path it replaces agree (IPSREPORT_ENGINE=check). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model/metrics.h"

static bool near(double a, double b)
{
    return a == b || fabs(a - b) <= 1e-9 * (fabs(a) > 1 ? fabs(a) : 1);
}

static void describe(const metric_row *r, char *buf, size_t n)
{
    char a[11], b[11];
    date_format_iso(r->period_start, a);
    date_format_iso(r->period_end, b);
    snprintf(buf, n, "%s %s..%s %s=%s kind %d has %u num %.10g den %.10g value %.10g score %d "
             "text '%s' dec %d%s", r->metric, a, b, r->group_by, r->group, (int)r->kind, r->has,
             r->numerator, r->denominator, r->value, r->score, r->text, r->decimals,
             r->suppressed ? " suppressed" : "");
}

static bool row_equal(const metric_row *x, const metric_row *y)
{
    return strcmp(x->metric, y->metric) == 0 && x->period_start == y->period_start &&
           x->period_end == y->period_end && strcmp(x->group_by, y->group_by) == 0 &&
           strcmp(x->group, y->group) == 0 && x->kind == y->kind && x->has == y->has &&
           near(x->numerator, y->numerator) && near(x->denominator, y->denominator) &&
           near(x->value, y->value) && x->score == y->score && strcmp(x->text, y->text) == 0 &&
           x->decimals == y->decimals && x->suppressed == y->suppressed;
}

bool metric_set_equal(const metric_set *a, const metric_set *b, char *why, size_t n)
{
    size_t k = a->n < b->n ? a->n : b->n;
    for (size_t i = 0; i < k; i++) {
        if (row_equal(&a->rows[i], &b->rows[i]))
            continue;
        char ra[400], rb[400];
        describe(&a->rows[i], ra, sizeof ra);
        describe(&b->rows[i], rb, sizeof rb);
        snprintf(why, n, "row %zu differs:\n  legacy: %s\n  engine: %s", i, ra, rb);
        return false;
    }
    if (a->n != b->n) {
        char r[400] = "";
        const metric_set *longer = a->n > b->n ? a : b;
        describe(&longer->rows[k], r, sizeof r);
        snprintf(why, n, "legacy has %zu rows, engine %zu; first extra (%s): %s", a->n, b->n,
                 a->n > b->n ? "legacy" : "engine", r);
        return false;
    }
    return true;
}
