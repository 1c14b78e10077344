#include "cli/runs_warn.h"

#include <stdio.h>

#include "model/runs.h"

void runs_warn(warehouse *wh, const char *db)
{
    run_info r;
    bool found = false;
    ips_diag d;
    ips_diag_clear(&d);
    if (runs_unfinished(wh, &r, &found, &d) != IPS_OK || !found)
        return;
    if (r.running)
        fprintf(stderr, "ipsreport: warning: %s: an ingest started %s is still running (%lld of "
                "%lld files done); figures may change when it finishes\n", db, r.started_at,
                r.done, r.planned);
    else
        fprintf(stderr, "ipsreport: warning: %s: the ingest run of %s stopped after %lld of %lld "
                "files, so the warehouse may lack the rest: run the same ingest again (files "
                "already loaded are skipped)\n", db, r.started_at, r.done, r.planned);
}
