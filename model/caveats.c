/* The data-quality caveats (model/caveats.h), from the facts and batches. */
#include "model/caveats.h"

#include <math.h>
#include <string.h>

#include "model/batches.h"
#include "model/facts.h"
#include "model/pack.h"
#include "model/pack_rows.h"

ips_error caveats_count(warehouse *wh, const metric_query *q, data_caveats *out, ips_diag *d)
{
    memset(out, 0, sizeof *out);
    ips_day as_of = q->as_of;
    ips_error e = as_of == IPS_DAY_NONE ? metrics_as_of(wh, &as_of, d) : IPS_OK;
    if (e != IPS_OK)
        return e;
    if (as_of == IPS_DAY_NONE)
        as_of = q->end;
    const facts *f = NULL;
    if ((e = facts_get_core(wh, as_of, &f, d)) != IPS_OK)
        return e;
    if (f->national) /* the counties' counts; the coaches are the national register's */
        e = national_caveats(wh, &out->rows_rejected, &out->clients, &out->clients_no_gender,
                             &out->clients_no_birth_year, d);
    if (e != IPS_OK)
        return e;
    if (!f->national)
        out->clients = (long)f->n_clients;
    for (size_t i = 0; i < f->n_clients; i++) {
        out->clients_no_gender += f->clients[i].gender == 0;
        out->clients_no_birth_year += f->clients[i].birth_year == 0;
    }
    out->coaches = (long)f->n_coaches;
    for (size_t i = 0; i < f->n_coaches; i++)
        out->coaches_no_fte += !(f->coaches[i].fte > 0) || isnan(f->coaches[i].fte);
    if (f->national)
        return IPS_OK;
    batch_list *b = NULL;
    if ((e = batches_list(wh, &b, d)) != IPS_OK)
        return e;
    /* a batch read again under another profile counts once, as its successor */
    for (size_t i = 0; i < b->n; i++)
        if (b->items[i].superseded_by == 0)
            out->rows_rejected += b->items[i].rejected;
    batch_list_free(b);
    return IPS_OK;
}
