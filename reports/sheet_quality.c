/* Data quality: the findings of `ipsreport check`, then the rows rejected
 * per loaded file. */
#include "reports/sheets.h"

static void findings(rsheet *s, const report_inputs *in)
{
    report_book *b = s->b;
    const char *hdr[] = {rs_label(b, L_COL_SEVERITY), rs_label(b, L_COL_CHECK),
                         rs_label(b, L_COL_ENTITY),   rs_label(b, L_COL_WHERE),
                         rs_label(b, L_COL_COUNT),    rs_label(b, L_COL_MESSAGE)};
    size_t n = in ? in->n_findings : 0;
    if (n == 0)
        rsheet_note(s, rs_label(b, in && in->checked ? L_NO_FINDINGS : L_NO_DATA));
    rsheet_table(s, hdr, 6, true);
    rsheet_fix_width(s, 5, 80);
    for (size_t i = 0; i < n; i++) {
        const report_finding *f = &in->findings[i];
        lxw_row_t r = rsheet_row(s);
        const char *sev = f->severity ? label_code(CODE_SEVERITY, f->severity, b->lang) : NULL;
        rsheet_text(s, r, 0, sev ? sev : f->severity);
        rsheet_text(s, r, 1, f->check);
        const char *ent = f->entity ? label_code(CODE_ENTITY, f->entity, b->lang) : NULL;
        rsheet_text(s, r, 2, ent ? ent : f->entity);
        rsheet_text(s, r, 3, f->where);
        if (f->count >= 0)
            rsheet_number(s, r, 4, (double)f->count, b->f.num[0]);
        rsheet_text_fmt(s, r, 5, f->message, b->f.wrap);
    }
    rsheet_table_end(s);
}

static void rejects(rsheet *s, const report_inputs *in)
{
    report_book *b = s->b;
    const char *hdr[] = {rs_label(b, L_COL_FILE),        rs_label(b, L_COL_ENTITY),
                         rs_label(b, L_COL_LOADED_AT),   rs_label(b, L_COL_ROWS_READ),
                         rs_label(b, L_COL_ROWS_REJECTED), rs_label(b, L_COL_REJECTED_SHARE)};
    size_t n = in ? in->n_batches : 0;
    rsheet_section(s, rs_label(b, L_TITLE_REJECTS));
    if (n == 0)
        rsheet_note(s, rs_label(b, L_NO_DATA));
    rsheet_table(s, hdr, 6, false);
    for (size_t i = 0; i < n; i++) {
        const report_batch *bt = &in->batches[i];
        lxw_row_t r = rsheet_row(s);
        rsheet_text(s, r, 0, bt->file_name);
        const char *ent = bt->entity ? label_code(CODE_ENTITY, bt->entity, b->lang) : NULL;
        rsheet_text(s, r, 1, ent ? ent : bt->entity);
        rsheet_text(s, r, 2, bt->loaded_at);
        rsheet_number(s, r, 3, (double)bt->rows_read, b->f.num[0]);
        rsheet_number(s, r, 4, (double)bt->rows_rejected, b->f.num[0]);
        if (bt->rows_read > 0)
            rsheet_number(s, r, 5, (double)bt->rows_rejected / (double)bt->rows_read, b->f.pct[1]);
    }
    rsheet_table_end(s);
}

ips_error sheet_quality(report_book *b, const report_inputs *in)
{
    rsheet s;
    if (rsheet_open(b, &s, L_SHEET_QUALITY)) {
        findings(&s, in);
        rejects(&s, in);
    }
    return rsheet_close(&s);
}
