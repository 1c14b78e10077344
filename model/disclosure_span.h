/* Internal to model/disclosure_gauss.c: the published span of the greedy
 * secondary suppression and the hidden cells' residuals, as sparse vectors
 * over one block's free variables (model/disclosure_span.c). */
#ifndef IPS_DISCLOSURE_SPAN_H
#define IPS_DISCLOSURE_SPAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/disclosure_acc.h"

/* A sparse vector: n entries, columns c (in no particular order), values v. */
typedef struct {
    int32_t *c;
    double *v;
    uint32_t n;
} dc_svec;

/* The span and the residuals; columns 0 … ncols − 1, at most nvars rows of
 * each kind. */
typedef struct {
    size_t ncols;
    dc_acc a;
    dc_svec *basis;            /* published span, Gauss–Jordan: one pivot each */
    size_t n_basis;
    int32_t *pivot_of;      /* column → basis row, −1 */
    dc_svec *hid;              /* hidden residuals, reduced by the basis */
    size_t n_hid;
    int32_t **occ_b, **occ_h;  /* column → rows that may hold it */
    uint32_t *n_ob, *cap_ob, *n_oh, *cap_oh;
    uint32_t *stamp;
    uint32_t now;
} dc_span;

bool dc_span_init(dc_span *g, size_t ncols, size_t nvars);
void dc_span_free(dc_span *g);
/* Back to an empty span for the next block: its nb columns and the rows it
 * made. */
void dc_span_clear(dc_span *g, size_t nb);
/* Keeps residual r of a hidden cell (the span takes r's arrays). */
bool dc_span_hide(dc_span *g, dc_svec *r);
/* Forgets the residual kept last (a hidden zero need not stay unknown). */
void dc_span_forget_last(dc_span *g);
/* Publishes x unless that determines a hidden residual: 1 published, 0
 * hidden (its residual kept), −1 out of memory. */
int dc_span_publish(dc_span *g, const dc_svec *x);

#endif
