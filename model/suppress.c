/* Small-cell suppression of metrics.md (Privacy) and the printed value.
 *
 * Primary: a count from 1 to min_cell − 1 prints as "<5" (with the actual
 * min_cell); a share, mean, median or Kaplan–Meier figure whose numerator or
 * denominator is from 1 to min_cell − 1 prints as "–".  Zero is never hidden.
 * A ratio (caseload_per_fte) is judged by its numerator only: its
 * denominator is coach fte, not people.  fte-weighted means, texts and a
 * review's own rows (group_by "review": scores about a unit, not people) are
 * never hidden.
 *
 * Secondary: in a breakdown (rows of one metric and period with a group_by),
 * when exactly one cell is hidden, the next smallest cell (by its count, or
 * by its denominator for the other kinds, zero cells excepted) is hidden too
 * so that the hidden one cannot be worked back from the total.  It prints as
 * "–" whatever its kind, since "<5" would not be true of it.
 *
 * A hidden row keeps no numbers: numerator, denominator, value and score are
 * cleared (has loses those bits) so no reader can print them by mistake;
 * text holds what prints in place of the value. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/metrics.h"
#include "common/intern.h"


#define DASH "\xE2\x80\x93" /* U+2013 EN DASH */

static bool small(double v, int min_cell)
{
    return v >= 1 && v < min_cell;
}

static bool suppressible(const metric_row *r)
{
    return r->kind != MK_TEXT && r->kind != MK_WEIGHTED && strcmp(r->group_by, "review") != 0;
}

static bool primary(const metric_row *r, int min_cell)
{
    if (!suppressible(r) || r->suppressed)
        return false;
    switch (r->kind) {
    case MK_COUNT:
        return (r->has & MH_VALUE) && small(r->value, min_cell);
    case MK_RATIO:
        return (r->has & MH_NUMERATOR) && small(r->numerator, min_cell);
    default:
        return ((r->has & MH_NUMERATOR) && small(r->numerator, min_cell)) ||
               ((r->has & MH_DENOMINATOR) && small(r->denominator, min_cell));
    }
}

/* How big a cell is when choosing the next smallest; < 0: not a candidate.
 * A cell with a blank value (a median not reached) still shows its
 * denominator, from which a hidden one could be worked back, so it counts. */
static double cell_size(const metric_row *r)
{
    if (!suppressible(r) || r->suppressed)
        return -1;
    if (r->kind == MK_COUNT)
        return (r->has & MH_VALUE) ? r->value : -1;
    if (r->kind == MK_RATIO) /* its denominator is fte or a setting, not people */
        return (r->has & MH_NUMERATOR) ? r->numerator : -1;
    if (r->has & MH_DENOMINATOR)
        return r->denominator;
    if (r->has & MH_NUMERATOR)
        return r->numerator;
    return -1;
}

static bool same_breakdown(const metric_row *a, const metric_row *b)
{
    return a->period_start == b->period_start && a->period_end == b->period_end &&
           strcmp(a->metric, b->metric) == 0 && strcmp(a->group_by, b->group_by) == 0;
}

void metric_row_hide(metric_row *r, bool small, int min_cell)
{
    r->suppressed = true;
    if (small && r->kind == MK_COUNT)
        r->text = ips_internf("<%d", min_cell);
    else
        r->text = DASH;
    r->note = ""; /* a reason could tell what the hidden cell holds */
    /* The score goes too: a band (score 5 = at most 20 clients per fte)
     * would give away what the hidden value is. */
    r->has &= ~(unsigned)(MH_NUMERATOR | MH_DENOMINATOR | MH_VALUE | MH_SCORE);
    r->numerator = r->denominator = r->value = 0;
    r->score = 0;
}

/* The rows of a breakdown need not be adjacent, so each breakdown is found by
 * scanning the set from its first row; done[] (when there was memory for it)
 * marks rows already looked at. */
static void secondary(metric_set *set, size_t first, bool *done)
{
    size_t hidden = 0, best = set->n;
    double best_size = 0;
    for (size_t j = first; j < set->n; j++) {
        metric_row *r = &set->rows[j];
        if (!same_breakdown(&set->rows[first], r))
            continue;
        if (done)
            done[j] = true;
        hidden += r->suppressed;
        double s = cell_size(r);
        if (s > 0 && (best == set->n || s < best_size)) {
            best = j;
            best_size = s;
        }
    }
    if (hidden == 1 && best < set->n)
        metric_row_hide(&set->rows[best], false, 0);
}

/* Without done[] (out of memory): slower, but never skips a breakdown. */
static bool seen_before(const metric_set *set, size_t i)
{
    for (size_t j = 0; j < i; j++)
        if (same_breakdown(&set->rows[j], &set->rows[i]))
            return true;
    return false;
}

void metric_set_suppress(metric_set *set, int min_cell)
{
    if (!set || set->n == 0)
        return;
    for (size_t i = 0; i < set->n; i++) {
        metric_row *r = &set->rows[i];
        if (primary(r, min_cell))
            metric_row_hide(r, true, min_cell);
    }
    bool *done = calloc(set->n, sizeof *done);
    for (size_t i = 0; i < set->n; i++) {
        const metric_row *r = &set->rows[i];
        if (r->group_by[0] == '\0' || !suppressible(r) || (done ? done[i] : seen_before(set, i)))
            continue;
        secondary(set, i, done);
    }
    free(done);
}

const char *metric_format_value(const metric_row *row, int min_cell, char *buf, size_t n)
{
    if (n == 0)
        return buf;
    if (row->suppressed) {
        if (row->text[0])
            snprintf(buf, n, "%s", row->text);
        else if (row->kind == MK_COUNT)
            snprintf(buf, n, "<%d", min_cell);
        else
            snprintf(buf, n, "%s", DASH);
    } else if (row->kind == MK_TEXT) {
        snprintf(buf, n, "%s", row->text);
    } else if (row->has & MH_VALUE) {
        double v = metric_round(row->value, row->decimals);
        snprintf(buf, n, "%.*f", row->decimals, v == 0 ? 0.0 : v); /* no "-0.0" */
    } else {
        buf[0] = '\0';
    }
    return buf;
}
