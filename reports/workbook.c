/* report_write(): the workbook from start to finish — a private directory
 * for libxlsxwriter's temporary files, a temporary output file beside the
 * target, the ten sheets in order, a checked close, and a rename so that the
 * target is either the complete new workbook or left as it was. */
#include "common/version.h"
#include "common/outfile.h"
#include "reports/workbook.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "reports/report_sheet.h"
#include "reports/sheets.h"

/* Above this many metric rows the workbook is written in constant-memory
 * mode: libxlsxwriter then keeps one row in memory instead of every cell. */
#define REPORT_CONSTANT_MEMORY_ROWS 50000
/* A sheet needs room for its title lines, a header and one row. */
#define REPORT_MIN_ROWS 16

void report_options_init(report_options *o)
{
    memset(o, 0, sizeof *o);
    o->lang = REPORT_LANG_FI;
    o->min_cell = 5;
    o->start = o->end = o->prev_start = o->prev_end = o->as_of = IPS_DAY_NONE;
    o->memory = REPORT_MEMORY_AUTO;
}

void report_result_free(report_result *res)
{
    if (!res)
        return;
    for (size_t i = 0; i < res->n_sheets; i++)
        free(res->sheets[i]);
    free(res->sheets);
    memset(res, 0, sizeof *res);
}

static size_t total_rows(const report_data *data, const report_inputs *in)
{
    size_t n = data->cur->n + data->prev->n;
    for (int q = 0; q < REPORT_QUARTERS; q++)
        n += data->quarter[q]->n;
    for (int g = 0; g < GROUP__COUNT; g++)
        n += data->by[g] ? data->by[g]->n : 0;
    return n + (in ? in->n_batches + in->n_findings : 0);
}

/* Removes the private temporary directory and anything libxlsxwriter left
 * in it (it normally unlinks its files at once). */
static void remove_tmpdir(const char *dir)
{
    DIR *dp = opendir(dir);
    if (dp) {
        struct dirent *e;
        char path[4096 + 260]; /* dir + '/' + a name of up to 255 bytes */
        while ((e = readdir(dp)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            unlink(path);
        }
        closedir(dp);
    }
    rmdir(dir);
}

static ips_error write_sheets(report_book *b, const report_data *data, const report_inputs *in)
{
    const metric_set *const *quarters = (const metric_set *const *)data->quarter;
    const metric_set *const *by = (const metric_set *const *)data->by;
    if (sheet_summary(b, data->cur, data->prev, in) != IPS_OK ||
        sheet_outcomes(b, quarters, data->q_start, data->q_end, REPORT_QUARTERS, data->cur,
                       by[GROUP_EXIT_REASON]) != IPS_OK ||
        sheet_fidelity(b, data->cur, by[GROUP_PROVIDER], by[GROUP_TEAM], in) != IPS_OK ||
        sheet_employer(b, data->cur, by[GROUP_COACH]) != IPS_OK ||
        sheet_funding(b, data->cur, by[GROUP_PROVIDER], in) != IPS_OK ||
        sheet_funder(b, data->funder, data->funder_start, data->funder_end, data->cur,
                     by[GROUP_PROVIDER], in) != IPS_OK ||
        sheet_capacity(b, data->cur, by[GROUP_REGION]) != IPS_OK ||
        sheet_instruments(b, data->cur, by) != IPS_OK ||
        sheet_breakdowns(b, data->cur, by) != IPS_OK || sheet_quality(b, in) != IPS_OK ||
        sheet_definitions(b) != IPS_OK)
        return b->err;
    if (sheet_about(b, in) != IPS_OK)
        return b->err;
    if (b->opt->per == GROUP_COUNTY && !by[GROUP_COUNTY]) {
        b->err = ips_diag_set(b->d, IPS_ERR_USAGE, "--per county needs a national warehouse "
                              "(ipsreport merge): a county's own has no county breakdown");
        return b->err;
    }
    if (b->opt->per == GROUP_PROVIDER || b->opt->per == GROUP_TEAM ||
        b->opt->per == GROUP_COUNTY)
        return sheet_per_group(b, by[b->opt->per], b->opt->per);
    return IPS_OK;
}

static void properties(report_book *b)
{
    char title[256], period[48];
    label_period(b->lang, b->opt->start, b->opt->end, b->opt->as_of, period, sizeof period);
    snprintf(title, sizeof title, "%s %s", label(L_REPORT_TITLE, b->lang), period);
    lxw_doc_properties p = {
        .title = title,
        .author = "ipsreport " IPS_VERSION,
        .comments = b->opt->internal ? (char *)label(L_INTERNAL_MARK, b->lang) : NULL,
    };
    book_check(b, workbook_set_properties(b->wb, &p), "-", 0, 0);
}

/* Builds the workbook into tmp_out; the caller renames or removes it. */
static ips_error build(const char *tmp_out, char *tmpdir, const report_options *o,
                       const report_data *data, const report_inputs *in, report_result *res,
                       ips_diag *d)
{
    bool constant = o->memory == REPORT_MEMORY_CONSTANT ||
                    (o->memory == REPORT_MEMORY_AUTO &&
                     total_rows(data, in) > REPORT_CONSTANT_MEMORY_ROWS);
    lxw_workbook_options opts = {.constant_memory = constant ? LXW_TRUE : LXW_FALSE,
                                 .tmpdir = tmpdir, .use_zip64 = LXW_FALSE};
    lxw_workbook *wb = workbook_new_opt(tmp_out, &opts);
    if (!wb)
        return ips_diag_set(d, IPS_ERR_XLSX, "cannot start the workbook (out of memory?)");
    res->constant_memory = constant;
    unsigned long max = o->max_rows ? o->max_rows : LXW_ROW_MAX;
    report_book b = {
        .wb = wb, .opt = o, .lang = o->lang, .res = res, .err = IPS_OK, .d = d,
        .max_rows = (lxw_row_t)(max < REPORT_MIN_ROWS ? REPORT_MIN_ROWS : max > LXW_ROW_MAX ? LXW_ROW_MAX : max),
    };
    if (report_book_formats(&b)) {
        properties(&b);
        write_sheets(&b, data, in);
    }
    /* Close even after an error: it frees the workbook. */
    lxw_error e = workbook_close(wb);
    if (b.err == IPS_OK && e != LXW_NO_ERROR)
        b.err = ips_diag_set(d, IPS_ERR_XLSX, "cannot finish the workbook: %s", lxw_strerror(e));
    return b.err;
}

ips_error report_write(const char *path, const report_options *o, const report_data *data,
                       const report_inputs *in, report_result *res, ips_diag *d)
{
    memset(res, 0, sizeof *res);
    const char *base = getenv("TMPDIR");
    char tmpdir[4096];
    snprintf(tmpdir, sizeof tmpdir, "%s/ipsreport-XXXXXX", base && *base ? base : "/tmp");
    outfile of;
    ips_error e = outfile_open(&of, path, d);
    if (e != IPS_OK)
        return e;
    if (!mkdtemp(tmpdir)) {
        outfile_abort(&of);
        return ips_diag_set(d, IPS_ERR_IO, "cannot make a temporary folder under %s: %s",
                            base && *base ? base : "/tmp", strerror(errno));
    }
    /* libxlsxwriter writes by name: it gets the temporary's, which is
     * renamed over path only once workbook_close has succeeded. */
    outfile_close_fd(&of);
    e = build(of.tmp, tmpdir, o, data, in, res, d);
    remove_tmpdir(tmpdir);
    if (e == IPS_OK)
        return outfile_commit(&of, d);
    outfile_abort(&of);
    return e;
}
