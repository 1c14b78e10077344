/* Definitions: the general terms, then every metric's name, definition and
 * unit in the report's language (metrics.md). */
#include "reports/sheets.h"

#define DEFINITION_WIDTH 90 /* characters: the wrapped definitions */

static void line(rsheet *s, const metric_def *def, bool unit)
{
    report_book *b = s->b;
    lxw_row_t r = rsheet_row(s);
    rsheet_wrap_height(s, r, definition_text(def, b->lang), DEFINITION_WIDTH);
    rsheet_text(s, r, 0, definition_title(def, b->lang));
    rsheet_text_fmt(s, r, 1, definition_text(def, b->lang), b->f.wrap);
    if (unit)
        rsheet_text(s, r, 2, rs_label(b, definition_unit_label(def->unit)));
    rsheet_text(s, r, 3, def->id);
}

ips_error sheet_definitions(report_book *b)
{
    rsheet s;
    if (!rsheet_open(b, &s, L_SHEET_DEFINITIONS))
        return rsheet_close(&s);
    const char *hdr[] = {rs_label(b, L_COL_NAME), rs_label(b, L_COL_DEFINITION),
                         rs_label(b, L_COL_UNIT), rs_label(b, L_COL_ID)};
    rsheet_table(&s, hdr, 4, true);
    rsheet_fix_width(&s, 1, DEFINITION_WIDTH);
    for (size_t i = 0; i < definition_term_count(); i++)
        line(&s, definition_term_at(i), false);
    for (size_t i = 0; i < definition_count(); i++)
        line(&s, definition_at(i), true);
    return rsheet_close(&s);
}
