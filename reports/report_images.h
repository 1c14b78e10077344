/* The hook for pictures drawn elsewhere: charts/ renders charts to PNG files
 * in a temporary directory, and the Summary sheet places them with
 * report_insert_pngs() (report_options.summary_pngs).  The files must stay
 * until the workbook is closed: libxlsxwriter reads them then. */
#ifndef IPS_REPORT_IMAGES_H
#define IPS_REPORT_IMAGES_H

#include <stddef.h>
#include <xlsxwriter.h>

#include "common/error.h"

/* Width and height in pixels from a PNG file's header; IPS_ERR_IO when the
 * file cannot be read, IPS_ERR_CHART when it is not a PNG. */
ips_error report_png_size(const char *path, unsigned *width, unsigned *height, ips_diag *d);

/* Places the PNGs one below the other from (row, col), a blank row between
 * them; *rows_used gets the rows they cover (may be NULL). */
ips_error report_insert_pngs(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                             const char *const *paths, size_t n, lxw_row_t *rows_used,
                             ips_diag *d);

#endif
