#include "reports/report_images.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* Default row height in pixels (15 points at 96 dpi). */
#define ROW_PIXELS 20

ips_error report_png_size(const char *path, unsigned *width, unsigned *height, ips_diag *d)
{
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    unsigned char h[24];
    FILE *f = fopen(path, "rb");
    if (!f)
        return ips_diag_set(d, IPS_ERR_IO, "%s: cannot read the chart image: %s", path,
                            strerror(errno));
    size_t got = fread(h, 1, sizeof h, f);
    fclose(f);
    /* The IHDR chunk follows the signature: length, "IHDR", width, height. */
    if (got != sizeof h || memcmp(h, sig, sizeof sig) != 0 || memcmp(h + 12, "IHDR", 4) != 0)
        return ips_diag_set(d, IPS_ERR_CHART, "%s: not a PNG image", path);
    *width = (unsigned)h[16] << 24 | (unsigned)h[17] << 16 | (unsigned)h[18] << 8 | h[19];
    *height = (unsigned)h[20] << 24 | (unsigned)h[21] << 16 | (unsigned)h[22] << 8 | h[23];
    return IPS_OK;
}

ips_error report_insert_pngs(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                             const char *const *paths, size_t n, lxw_row_t *rows_used,
                             ips_diag *d)
{
    lxw_row_t at = row;
    for (size_t i = 0; i < n; i++) {
        unsigned w, h;
        ips_error e = report_png_size(paths[i], &w, &h, d);
        if (e != IPS_OK)
            return e;
        lxw_error le = worksheet_insert_image(ws, at, col, paths[i]);
        if (le != LXW_NO_ERROR)
            return ips_diag_set(d, IPS_ERR_XLSX, "%s: cannot place the chart image: %s",
                                paths[i], lxw_strerror(le));
        at += (lxw_row_t)((h + ROW_PIXELS - 1) / ROW_PIXELS) + 1;
    }
    if (rows_used)
        *rows_used = at - row;
    return IPS_OK;
}
