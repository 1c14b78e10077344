/* Funding: start, guidance and outcome fees per provider (seed 002), and
 * their euro amounts when a tariff gives prices.  A suppressed count has no
 * amount: the amount would give the count away. */
#include <stdlib.h>

#include "reports/sheets.h"

static const char *const fees[] = {"fee_start", "fee_guidance", "fee_outcome", NULL};

enum { C_PROVIDER, C_START, C_GUIDANCE, C_OUTCOME, C_EUR_START, C_EUR_GUIDANCE, C_EUR_OUTCOME,
       C_EUR_TOTAL, C_COUNT };

static double price_of(const report_price *p, int fee)
{
    return fee == 0 ? p->start : fee == 1 ? p->guidance : p->outcome;
}

/* Euro sums over the provider lines, for the total line: providers may
 * have prices of their own, so the total is not total count × one price. */
typedef struct {
    double eur[3];
    bool known[3];
} sums;

static void provider_line(rsheet *s, const report_inputs *in, const char *label_text,
                          const metric_set *const sets[2], const char *group, sums *acc)
{
    report_book *b = s->b;
    lxw_row_t r = rsheet_row(s);
    rsheet_text(s, r, C_PROVIDER, label_text);
    const report_price *price = in && in->has_tariff ? report_inputs_price(in, group) : NULL;
    double total = 0;
    bool all = price != NULL;
    for (int f = 0; f < 3; f++) {
        const metric_row *row = sheet_find(sets[0], fees[f], "provider", group);
        if (!row)
            row = sheet_find(sets[1], fees[f], "provider", group);
        rsheet_metric(s, r, (lxw_col_t)(C_START + f), row, MH_VALUE);
        double count;
        if (price && row && rsheet_metric_number(b, row, &count)) {
            double eur = count * price_of(price, f);
            rsheet_number(s, r, (lxw_col_t)(C_EUR_START + f), eur, b->f.eur);
            total += eur;
            acc->eur[f] += eur;
        } else {
            all = false;
            if (row)
                acc->known[f] = false;
        }
    }
    if (all)
        rsheet_number(s, r, C_EUR_TOTAL, total, b->f.eur);
}

static void total_line(rsheet *s, const report_inputs *in, const metric_set *cur,
                       const sums *acc, bool providers)
{
    report_book *b = s->b;
    lxw_row_t r = rsheet_row(s);
    rsheet_text(s, r, C_PROVIDER, rs_label(b, L_TOTAL));
    double total = 0;
    bool all = in && in->has_tariff && providers;
    for (int f = 0; f < 3; f++) {
        rsheet_metric(s, r, (lxw_col_t)(C_START + f), sheet_whole(cur, fees[f]), MH_VALUE);
        if (all && acc->known[f]) {
            rsheet_number(s, r, (lxw_col_t)(C_EUR_START + f), acc->eur[f], b->f.eur);
            total += acc->eur[f];
        } else {
            all = false;
        }
    }
    if (all)
        rsheet_number(s, r, C_EUR_TOTAL, total, b->f.eur);
}

ips_error sheet_funding(report_book *b, const metric_set *cur, const metric_set *by_provider,
                        const report_inputs *in)
{
    rsheet s;
    if (!rsheet_open(b, &s, L_SHEET_FUNDING))
        return rsheet_close(&s);
    bool tariff = in && in->has_tariff;
    const char *hdr[C_COUNT] = {
        rs_label(b, L_COL_PROVIDER),    rs_label(b, L_COL_FEE_START),
        rs_label(b, L_COL_FEE_GUIDANCE), rs_label(b, L_COL_FEE_OUTCOME),
        rs_label(b, L_COL_EUR_START),    rs_label(b, L_COL_EUR_GUIDANCE),
        rs_label(b, L_COL_EUR_OUTCOME),  rs_label(b, L_COL_EUR_TOTAL),
    };
    const metric_set *sets[2] = {by_provider, cur};
    size_t n = 0;
    const char **providers = sheet_groups(sets, 2, "provider", fees, &n);
    if (!providers) {
        book_nomem(b);
        return rsheet_close(&s);
    }
    bool whole = sheet_whole(cur, "fee_start") || sheet_whole(cur, "fee_guidance") ||
                 sheet_whole(cur, "fee_outcome");
    if (!tariff)
        rsheet_note(&s, rs_label(b, L_NO_TARIFF));
    if (n == 0 && !whole)
        rsheet_note(&s, rs_label(b, L_NO_DATA));
    rsheet_table(&s, hdr, tariff ? C_COUNT : C_EUR_START, true);
    sums acc = {{0, 0, 0}, {true, true, true}};
    for (size_t i = 0; i < n; i++)
        provider_line(&s, in, *providers[i] ? providers[i] : rs_label(b, L_UNKNOWN_GROUP), sets,
                      providers[i], &acc);
    if (whole)
        total_line(&s, in, cur, &acc, n > 0);
    free((void *)providers);
    return rsheet_close(&s);
}
