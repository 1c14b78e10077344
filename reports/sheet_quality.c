/* Data quality: the findings of `ipsreport check`, then the rows rejected
 * per loaded file. */
#include <stdio.h>
#include <string.h>

#include "reports/sheets.h"

#define MESSAGE_WIDTH 70 /* characters: the wrapped "what to do" column */

/* The contract entity each check is about (model/quality.c). */
static const char *check_entity(const char *check)
{
    static const struct {
        const char *check, *entity;
    } map[] = {
        {"episodes_without_coach", "enrollments"},
        {"open_episodes_over_two_years", "enrollments"},
        {"jobs_without_episode", "jobs"},
        {"clients_without_contact_90_days", "clients"},
        {"contacts_after_as_of", "contacts"},
    };
    for (size_t i = 0; check && i < sizeof map / sizeof map[0]; i++)
        if (strcmp(map[i].check, check) == 0)
            return map[i].entity;
    return NULL;
}

/* One finding in the sheet's language: the check's name (not its id), the
 * entity, the count in its own column, example ids after "e.g.", and what
 * to do.  A rejected row keeps the ingest's reason, which names the file,
 * line and column. */
static void finding(rsheet *s, const report_finding *f)
{
    report_book *b = s->b;
    const char *hint = f->check ? label_code(CODE_CHECK_HINT, f->check, b->lang) : NULL;
    bool rejected = f->check && strcmp(f->check, "rejected_rows") == 0;
    char text[1024];
    if (rejected && f->message && *f->message)
        snprintf(text, sizeof text, "%s \xE2\x80\x93 %s", f->message, hint ? hint : "");
    else
        snprintf(text, sizeof text, "%s", hint ? hint : f->message ? f->message : "");
    lxw_row_t r = rsheet_row(s);
    rsheet_wrap_height(s, r, text, MESSAGE_WIDTH);
    const char *sev = f->severity ? label_code(CODE_SEVERITY, f->severity, b->lang) : NULL;
    rsheet_text(s, r, 0, sev ? sev : f->severity);
    const char *name = f->check ? label_code(CODE_CHECK, f->check, b->lang) : NULL;
    rsheet_text(s, r, 1, name ? name : f->check);
    const char *entity = f->entity ? f->entity : check_entity(f->check);
    const char *ent = entity ? label_code(CODE_ENTITY, entity, b->lang) : NULL;
    rsheet_text(s, r, 2, ent ? ent : entity);
    if (f->where && *f->where && !rejected) {
        char where[320];
        snprintf(where, sizeof where, "%s %s", rs_label(b, L_EXAMPLES), f->where);
        rsheet_text(s, r, 3, where);
    } else {
        rsheet_text(s, r, 3, f->where);
    }
    if (f->count >= 0)
        rsheet_number(s, r, 4, (double)f->count, b->f.num[0]);
    rsheet_text_fmt(s, r, 5, text, b->f.wrap);
}

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
    rsheet_fix_width(s, 5, MESSAGE_WIDTH);
    for (size_t i = 0; i < n; i++)
        finding(s, &in->findings[i]);
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
        rsheet_timestamp(s, r, 2, bt->loaded_at);
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
