/* The funder's sheet (ESF+, metrics.md "Funder (ESF+)"): participants since
 * the project's start, each counted once, by gender, age group at entry and
 * labour-market status at entry (segment); the results of those who have
 * left; and the period's fees as counts and euros.  Everything comes from
 * the publication already suppressed; an amount is shown only when every
 * provider's count behind it is (the amount would give a hidden count away). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/funder.h"
#include "reports/sheets.h"

enum { C_BREAKDOWN, C_GROUP, C_PARTICIPANTS, C_COUNT };

static void participants_line(rsheet *s, const char *breakdown, code_domain dom,
                              const char *group, const char *group_text, const metric_row *row)
{
    lxw_row_t r = rsheet_row(s);
    rsheet_text(s, r, C_BREAKDOWN, breakdown);
    if (group_text)
        rsheet_text(s, r, C_GROUP, group_text);
    else
        rsheet_code(s, r, C_GROUP, dom, group);
    rsheet_metric(s, r, C_PARTICIPANTS, row, MH_VALUE);
}

/* One line per group of group_by among the funder rows, in name order. */
static void by_groups(rsheet *s, const metric_set *funder, const char *group_by, code_domain dom,
                      const char *breakdown)
{
    static const char *const ids[] = {FUNDER_PARTICIPANTS, NULL};
    size_t n = 0;
    const metric_set *sets[1] = {funder};
    const char **groups = sheet_groups(sets, 1, group_by, ids, &n);
    if (!groups) {
        book_nomem(s->b);
        return;
    }
    for (size_t i = 0; i < n; i++)
        participants_line(s, breakdown, dom, groups[i],
                          *groups[i] ? NULL : rs_label(s->b, L_UNKNOWN_GROUP),
                          sheet_find(funder, FUNDER_PARTICIPANTS, group_by, groups[i]));
    free((void *)groups);
}

static void participants(rsheet *s, const metric_set *funder)
{
    report_book *b = s->b;
    const char *hdr[C_COUNT] = {rs_label(b, L_COL_BREAKDOWN), rs_label(b, L_COL_GROUP),
                                rs_label(b, L_COL_PARTICIPANTS)};
    rsheet_section(s, rs_label(b, L_TITLE_FUNDER_PARTICIPANTS));
    rsheet_table(s, hdr, C_COUNT, true);
    participants_line(s, rs_label(b, L_ALL), CODE_GENDER, "", rs_label(b, L_ALL),
                      sheet_whole(funder, FUNDER_PARTICIPANTS));
    const char *gender = label_code(CODE_GROUP_BY, "gender", b->lang);
    by_groups(s, funder, "gender", CODE_GENDER, gender ? gender : "gender");
    for (int k = 0; k < FUNDER_AGE_GROUPS; k++) {
        const metric_row *r = sheet_find(funder, FUNDER_PARTICIPANTS, "age_group",
                                         funder_age_groups[k]);
        if (r)
            participants_line(s, rs_label(b, L_FUNDER_AGE_AT_ENTRY), CODE_GENDER, "",
                              funder_age_text(funder_age_groups[k], rs_label(b, L_UNKNOWN_GROUP)),
                              r);
    }
    by_groups(s, funder, "segment", CODE_SEGMENT, rs_label(b, L_FUNDER_STATUS_AT_ENTRY));
    rsheet_table_end(s);
}

static void results(rsheet *s, const metric_set *funder)
{
    static const char *const ids[] = {FUNDER_PARTICIPANTS, FUNDER_ON_LEAVING, FUNDER_SIX_MONTHS,
                                      FUNDER_NOT_YET_KNOWN};
    const char *hdr[SHEET_METRIC_COLS];
    sheet_metric_headers(s->b, hdr);
    rsheet_section(s, rs_label(s->b, L_TITLE_FUNDER_RESULTS));
    rsheet_table(s, hdr, SHEET_METRIC_COLS, false);
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
        sheet_metric_line(s, rsheet_row(s), 0, ids[i], sheet_whole(funder, ids[i]));
    rsheet_table_end(s);
}

static double price_of(const report_price *p, int fee)
{
    return fee == 0 ? p->start : fee == 1 ? p->guidance : p->outcome;
}

/* The euros of one fee: each provider's count at its own price, summed;
 * false when there is no tariff or a provider's count is not shown. */
static bool fee_euros(const report_book *b, const report_inputs *in, const metric_set *by_provider,
                      const char *fee, int k, double *out)
{
    if (!in || !in->has_tariff || !by_provider)
        return false;
    double sum = 0;
    for (size_t i = 0; i < by_provider->n; i++) {
        const metric_row *r = &by_provider->rows[i];
        if (strcmp(r->metric, fee) != 0 || strcmp(r->group_by, "provider") != 0)
            continue;
        const report_price *p = report_inputs_price(in, r->group);
        double count;
        if (!p || !rsheet_metric_number(b, r, &count))
            return false;
        sum += count * price_of(p, k);
    }
    *out = sum;
    return true;
}

/* With prices, an amount that would give a hidden count away reads "–",
 * never blank (a blank reads as nothing to pay). */
static void hidden_amount(rsheet *s, lxw_row_t r, const report_inputs *in)
{
    if (in && in->has_tariff)
        rsheet_text_fmt(s, r, 2, "\xE2\x80\x93", s->b->f.suppressed);
}

static void fees(rsheet *s, const metric_set *cur, const metric_set *by_provider,
                 const report_inputs *in)
{
    static const char *const ids[] = {"fee_start", "fee_guidance", "fee_outcome"};
    report_book *b = s->b;
    const char *hdr[3] = {rs_label(b, L_COL_FEE), rs_label(b, L_COL_N),
                          rs_label(b, L_COL_EUR)};
    rsheet_section(s, rs_label(b, L_TITLE_FUNDER_FEES));
    rsheet_note(s, rs_label(b, L_FUNDER_FEES_NOTE));
    rsheet_table(s, hdr, 3, false);
    double total = 0;
    bool all = true;
    for (int k = 0; k < 3; k++) {
        lxw_row_t r = rsheet_row(s);
        rsheet_text(s, r, 0, definition_name(ids[k], b->lang));
        rsheet_metric(s, r, 1, sheet_whole(cur, ids[k]), MH_VALUE);
        double eur;
        if (fee_euros(b, in, by_provider, ids[k], k, &eur)) {
            rsheet_number(s, r, 2, eur, b->f.eur);
            total += eur;
        } else {
            all = false;
            hidden_amount(s, r, in);
        }
    }
    lxw_row_t r = rsheet_row(s);
    rsheet_text(s, r, 0, rs_label(b, L_TOTAL));
    if (all)
        rsheet_number(s, r, 2, total, b->f.eur);
    else
        hidden_amount(s, r, in);
    rsheet_table_end(s);
}

ips_error sheet_funder(report_book *b, const metric_set *funder, ips_day span_start,
                       ips_day span_end, const metric_set *cur, const metric_set *by_provider,
                       const report_inputs *in)
{
    rsheet s;
    if (!rsheet_open(b, &s, L_SHEET_FUNDER))
        return rsheet_close(&s);
    char from[16], to[16], line[256];
    label_date(b->lang, span_start, from);
    label_date(b->lang, span_end, to);
    snprintf(line, sizeof line, "%s: %s\xE2\x80\x93%s", rs_label(b, L_FUNDER_SINCE_START), from,
             to);
    rsheet_note(&s, line);
    if (!sheet_whole(funder, FUNDER_PARTICIPANTS))
        rsheet_note(&s, rs_label(b, L_NO_DATA));
    participants(&s, funder);
    results(&s, funder);
    fees(&s, cur, by_provider, in);
    return rsheet_close(&s);
}
