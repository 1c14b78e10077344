/* About: what this workbook is — period, comparison period, as-of date,
 * when and by which version it was made, from which warehouse and input
 * files (with their content hashes), under which pseudonym key, and with
 * which suppression.  Written last, so it can also say how many texts were
 * masked for looking like personal identity codes. */
#include <stdio.h>
#include <time.h>

#include "common/version.h"
#include "reports/sheets.h"

#ifndef IPS_VERSION
#define IPS_VERSION "0.0.0"
#endif

static lxw_row_t field(rsheet *s, label_id name)
{
    lxw_row_t r = rsheet_row(s);
    rsheet_text(s, r, 0, rs_label(s->b, name));
    return r;
}

static void text_field(rsheet *s, label_id name, const char *value)
{
    rsheet_text(s, field(s, name), 1, value);
}

static void date_field(rsheet *s, label_id name, ips_day day)
{
    rsheet_date(s, field(s, name), 1, day);
}

static void number_field(rsheet *s, label_id name, double v)
{
    rsheet_number(s, field(s, name), 1, v, s->b->f.num[0]);
}

static void settings(rsheet *s, const report_inputs *in)
{
    report_book *b = s->b;
    const report_options *o = b->opt;
    char period[48], prev[48], created[32], text[256];
    label_period(b->lang, o->start, o->end, o->as_of, period, sizeof period);
    label_period(b->lang, o->prev_start, o->prev_end, o->as_of, prev, sizeof prev);
    if (o->created) {
        snprintf(created, sizeof created, "%s", o->created);
    } else {
        time_t now = time(NULL);
        struct tm tm;
        char day[16], clock[8];
        /* The day in the language's one date style, as every other date. */
        if (localtime_r(&now, &tm) && strftime(clock, sizeof clock, "%H:%M", &tm)) {
            label_date(b->lang, date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), day);
            snprintf(created, sizeof created, "%s %s", day, clock);
        } else {
            created[0] = '\0';
        }
    }
    text_field(s, L_ABOUT_REPORT, rs_label(b, L_REPORT_TITLE));
    text_field(s, L_ABOUT_PERIOD, period);
    date_field(s, L_ABOUT_PERIOD_START, o->start);
    date_field(s, L_ABOUT_PERIOD_END, metric_period_cut(o->end, o->as_of)); /* R22 */
    text_field(s, L_ABOUT_COMPARE, prev);
    date_field(s, L_ABOUT_COMPARE_START, o->prev_start);
    date_field(s, L_ABOUT_COMPARE_END, o->prev_end);
    date_field(s, L_ABOUT_AS_OF, o->as_of);
    text_field(s, L_ABOUT_CREATED, created);
    text_field(s, L_ABOUT_VERSION, "ipsreport " IPS_VERSION);
    text_field(s, L_ABOUT_WAREHOUSE, o->warehouse_name);
    text_field(s, L_ABOUT_KEY, in && in->key_fingerprint ? in->key_fingerprint
                                                           : rs_label(b, L_NOT_RECORDED));
    if (o->internal)
        text_field(s, L_ABOUT_SUPPRESSION, rs_label(b, L_SUPPRESSION_OFF));
    else
        text_field(s, L_ABOUT_SUPPRESSION,
                   label_subst(rs_label(b, L_SUPPRESSION_ON), o->min_cell, text, sizeof text));
    number_field(s, L_ABOUT_MIN_CELL, o->min_cell);
    text_field(s, L_ABOUT_LANGUAGE, rs_label(b, L_LANGUAGE_NAME));
    number_field(s, L_ABOUT_BATCH_COUNT, in ? (double)in->n_batches : 0);
}

static void batches(rsheet *s, const report_inputs *in)
{
    report_book *b = s->b;
    const char *hdr[] = {
        rs_label(b, L_COL_FILE),         rs_label(b, L_COL_ENTITY),
        rs_label(b, L_COL_CONTENT_HASH), rs_label(b, L_COL_LOADED_AT),
        rs_label(b, L_COL_ROWS_READ),    rs_label(b, L_COL_ROWS_STORED),
        rs_label(b, L_COL_ROWS_UPDATED), rs_label(b, L_COL_ROWS_REJECTED),
        rs_label(b, L_COL_ROWS_DUPLICATE),
    };
    size_t n = in ? in->n_batches : 0;
    rsheet_section(s, rs_label(b, L_TITLE_BATCHES));
    if (n == 0)
        rsheet_note(s, rs_label(b, L_NO_DATA));
    rsheet_table(s, hdr, 9, false);
    for (size_t i = 0; i < n; i++) {
        const report_batch *bt = &in->batches[i];
        lxw_row_t r = rsheet_row(s);
        rsheet_text(s, r, 0, bt->file_name);
        const char *ent = bt->entity ? label_code(CODE_ENTITY, bt->entity, b->lang) : NULL;
        rsheet_text(s, r, 1, ent ? ent : bt->entity);
        rsheet_text(s, r, 2, bt->content_hash);
        rsheet_timestamp(s, r, 3, bt->loaded_at);
        const long long counts[] = {bt->rows_read, bt->rows_stored, bt->rows_updated,
                                    bt->rows_rejected, bt->rows_duplicate};
        for (int c = 0; c < 5; c++)
            rsheet_number(s, r, (lxw_col_t)(4 + c), (double)counts[c], b->f.num[0]);
    }
    rsheet_table_end(s);
}

ips_error sheet_about(report_book *b, const report_inputs *in)
{
    rsheet s;
    if (!rsheet_open(b, &s, L_SHEET_ABOUT))
        return rsheet_close(&s);
    const char *hdr[] = {rs_label(b, L_COL_FIELD), rs_label(b, L_COL_VALUE)};
    rsheet_table(&s, hdr, 2, true);
    settings(&s, in);
    rsheet_table_end(&s);
    batches(&s, in);
    /* Last, so that it counts the masking in every sheet, this one included. */
    lxw_row_t r = rsheet_row(&s);
    rsheet_text(&s, r, 0, rs_label(b, L_ABOUT_MASKED));
    rsheet_number(&s, r, 1, (double)b->res->masked, b->f.num[0]);
    return rsheet_close(&s);
}
