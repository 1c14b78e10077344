/* Every chart of a period into one folder: the `charts` command and the
 * workbook's Summary sheet both come through here. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "charts/charts.h"

void charts_paths_free(char **paths, size_t n)
{
    if (!paths)
        return;
    for (size_t i = 0; i < n; i++)
        free(paths[i]);
    free(paths);
}

static ips_error ensure_dir(const char *dir, ips_diag *d)
{
    struct stat st;
    if (stat(dir, &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return IPS_OK;
        return ips_diag_set(d, IPS_ERR_IO, "%s: exists but is not a folder; give a folder for "
                                           "the charts with --out", dir);
    }
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return ips_diag_set(d, IPS_ERR_IO, "%s: cannot create the folder: %s", dir,
                            strerror(errno));
    return IPS_OK;
}

static ips_error write_one(const chart_data *cd, chart_id id, chart_lang lang, chart_format fmt,
                           const char *dir, char **path_out, ips_diag *d)
{
    size_t len = strlen(dir) + strlen(chart_id_name(id)) + 8;
    char *path = malloc(len);
    if (!path)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    snprintf(path, len, "%s/%s.%s", dir, chart_id_name(id), chart_format_ext(fmt));
    chart_model *m = chart_build(cd, id, lang);
    ips_error e = m ? chart_render_file(m, fmt, path, NULL, d)
                    : ips_diag_set(d, IPS_ERR_NOMEM, "out of memory building %s", path);
    chart_free(m);
    if (e != IPS_OK) {
        free(path);
        return e;
    }
    *path_out = path;
    return IPS_OK;
}

ips_error charts_write_set(const chart_data *cd, chart_lang lang, chart_format fmt,
                           const char *dir, char ***paths, size_t *n, ips_diag *d)
{
    *paths = NULL;
    *n = 0;
    ips_error e = ensure_dir(dir, d);
    if (e != IPS_OK)
        return e;
    char **out = calloc(CH__ALL, sizeof *out);
    if (!out)
        return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
    size_t k = 0;
    for (int id = 0; id < CH__ALL && e == IPS_OK; id++)
        if (chart_wanted(cd, (chart_id)id) &&
            (e = write_one(cd, (chart_id)id, lang, fmt, dir, &out[k], d)) == IPS_OK)
            k++;
    if (e != IPS_OK) {
        charts_paths_free(out, k);
        return e;
    }
    *paths = out;
    *n = k;
    return IPS_OK;
}

static ips_error lang_of(const char *code, chart_lang *out, ips_diag *d)
{
    int l = chart_lang_parse(code ? code : "fi");
    if (l < 0)
        return ips_diag_set(d, IPS_ERR_USAGE, "language '%s' is not available; use fi, sv or en",
                            code);
    *out = (chart_lang)l;
    return IPS_OK;
}

ips_error charts_render_set(warehouse *wh, const metric_query *q, const char *lang,
                            chart_format fmt, const char *dir, char ***paths, size_t *n,
                            ips_diag *d)
{
    *paths = NULL;
    *n = 0;
    chart_lang l = LANG_FI;
    ips_error e = lang_of(lang, &l, d);
    if (e != IPS_OK)
        return e;
    chart_data cd;
    e = chart_data_fetch(wh, q, &cd, d);
    if (e == IPS_OK)
        e = charts_write_set(&cd, l, fmt, dir, paths, n, d);
    chart_data_free(&cd);
    return e;
}

ips_error charts_render_png_set(warehouse *wh, const metric_query *q, const char *lang,
                                const char *dir, char ***paths, size_t *n, ips_diag *d)
{
    return charts_render_set(wh, q, lang, CHART_PNG, dir, paths, n, d);
}

ips_error pdf_summary_write(warehouse *wh, const metric_query *q, const char *lang,
                            const char *path, ips_diag *d)
{
    chart_lang l = LANG_FI;
    ips_error e = lang_of(lang, &l, d);
    if (e != IPS_OK)
        return e;
    chart_data cd;
    e = chart_data_fetch(wh, q, &cd, d);
    if (e == IPS_OK)
        e = pdf_summary_write_data(&cd, l, path, d);
    chart_data_free(&cd);
    return e;
}
