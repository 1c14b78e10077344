/* The dense accumulator of the disclosure eliminations
 * (model/disclosure_acc.h). */
#include "model/disclosure_acc.h"

#include <math.h>
#include <stdlib.h>

bool dc_acc_init(dc_acc *a, size_t ncols)
{
    size_t n = ncols ? ncols : 1;
    a->val = malloc(n * sizeof *a->val);
    a->in = calloc(n, sizeof *a->in);
    a->touched = malloc(n * sizeof *a->touched);
    a->n_touched = 0;
    return a->val && a->in && a->touched;
}

void dc_acc_free(dc_acc *a)
{
    free(a->val);
    free(a->in);
    free(a->touched);
    a->val = NULL;
    a->in = NULL;
    a->touched = NULL;
}

bool dc_acc_take(dc_acc *a, double eps, int32_t **cols, double **vals, uint32_t *n)
{
    size_t nz = 0;
    for (size_t i = 0; i < a->n_touched; i++)
        nz += fabs(a->val[a->touched[i]]) > eps;
    *n = 0;
    *cols = malloc((nz ? nz : 1) * sizeof **cols);
    *vals = malloc((nz ? nz : 1) * sizeof **vals);
    bool ok = *cols && *vals;
    for (size_t i = 0; i < a->n_touched; i++) {
        int32_t c = a->touched[i];
        if (ok && fabs(a->val[c]) > eps) {
            (*cols)[*n] = c;
            (*vals)[(*n)++] = a->val[c];
        }
        a->in[c] = false;
    }
    a->n_touched = 0;
    return ok;
}
