/* Internal to model/disclosure_elim.c and model/disclosure_span.c: a dense
 * accumulator of sparse rows, the one both eliminations sum rows in
 * (model/disclosure_acc.c). */
#ifndef IPS_DISCLOSURE_ACC_H
#define IPS_DISCLOSURE_ACC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* val[c] holds column c's sum while in[c]; touched lists those columns in
 * the order first touched. */
typedef struct {
    double *val;
    bool *in;
    int32_t *touched;
    size_t n_touched;
} dc_acc;

/* Room for columns 0 … ncols − 1, none touched; false when out of memory
 * (dc_acc_free still frees what was made). */
bool dc_acc_init(dc_acc *a, size_t ncols);
void dc_acc_free(dc_acc *a);

static inline void dc_acc_add(dc_acc *a, int32_t c, double v)
{
    if (!a->in[c]) {
        a->in[c] = true;
        a->val[c] = 0;
        a->touched[a->n_touched++] = c;
    }
    a->val[c] += v;
}

/* The sums above eps as a new row (columns in the order first touched),
 * its arrays of that size: most of what is touched cancels, and the
 * eliminations keep tens of thousands of rows.  Clears the accumulator,
 * also when out of memory (false). */
bool dc_acc_take(dc_acc *a, double eps, int32_t **cols, double **vals, uint32_t *n);

#endif
