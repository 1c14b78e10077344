/* Loading the fact tables into memory (model/facts.h), in one read
 * transaction, and choosing which fact set to read: the stored one when its
 * stamp is the warehouse's data generation and its as-of date is the one
 * asked for, else the same tables built into the temp schema first. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/facts.h"
#include "model/metrics.h"
#include "model/national.h"
#include "model/pack.h"

typedef struct {
    warehouse *wh;
    const char *schema;
    facts *f;
    ips_diag *d;
} loader;

ips_day facts_first_day(const facts *f)
{
    if (f->national)
        return f->national->first_day;
    ips_day first = IPS_DAY_NONE;
    for (size_t i = 0; i < f->n_episodes; i++) {
        const fact_episode *x = &f->episodes[i];
        ips_day day = x->referral != IPS_DAY_NONE && x->referral < x->start ? x->referral
                                                                          : x->start;
        if (day != IPS_DAY_NONE && (first == IPS_DAY_NONE || day < first))
            first = day;
    }
    return first;
}

const char *facts_name(const facts *f, facts_dim_id dim, int id)
{
    if ((int)dim < 0 || dim >= FD__COUNT || id <= 0 || id >= f->dim[dim].n)
        return "";
    return f->dim[dim].names[id];
}

void facts_free(facts *f)
{
    if (!f)
        return;
    for (int k = 0; k < FD__COUNT; k++) {
        for (int i = 0; i < f->dim[k].n; i++)
            free(f->dim[k].names[i]);
        free(f->dim[k].names);
    }
    for (size_t i = 0; i < f->n_review_items; i++) {
        free(f->review_items[i].review_id);
        free(f->review_items[i].unit);
        free(f->review_items[i].reviewer);
    }
    free(f->review_items);
    free(f->coaches);
    free(f->clients);
    free(f->episodes);
    free(f->jobs);
    free(f->coach_days);
    free(f->meeting_days);
    free(f->scores);
    free(f->client_scores);
    free(f->client_episodes);
    free(f->client_jobs);
    free(f->client_meetings);
    free(f->coach_day_index);
    national_free((struct national *)f->national);
    free(f);
}

static ips_error nomem(ips_diag *d)
{
    return ips_diag_set(d, IPS_ERR_NOMEM, "out of memory");
}

/* Prepares tmpl with "@" replaced by the schema. */
static ips_error prepare(loader *l, const char *tmpl, sqlite3_stmt **st)
{
    char sql[1024];
    size_t k = 0, sl = strlen(l->schema);
    for (const char *p = tmpl; *p && k + sl + 1 < sizeof sql; p++) {
        if (*p == '@') {
            memcpy(sql + k, l->schema, sl);
            k += sl;
        } else {
            sql[k++] = *p;
        }
    }
    sql[k] = '\0';
    if (sqlite3_prepare_v2(warehouse_db(l->wh), sql, -1, st, NULL) != SQLITE_OK) {
        *st = NULL;
        return warehouse_fail(l->wh, l->d, "reading the derived facts");
    }
    return IPS_OK;
}

static ips_error count_rows(loader *l, const char *table, size_t *n)
{
    char tmpl[96];
    snprintf(tmpl, sizeof tmpl, "SELECT count(*) FROM @.%s", table);
    sqlite3_stmt *st;
    ips_error e = prepare(l, tmpl, &st);
    if (e != IPS_OK)
        return e;
    int rc = sqlite3_step(st);
    *n = rc == SQLITE_ROW ? (size_t)sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? IPS_OK : warehouse_fail(l->wh, l->d, "reading the derived facts");
}

/* ---- dimensions -------------------------------------------------------- */

static ips_error load_dim(loader *l, facts_dim_id k, const char *table, const char *column)
{
    char tmpl[192];
    snprintf(tmpl, sizeof tmpl,
             "SELECT DISTINCT %s FROM @.%s WHERE %s <> '' ORDER BY 1", column, table, column);
    sqlite3_stmt *st;
    ips_error e = prepare(l, tmpl, &st);
    if (e != IPS_OK)
        return e;
    facts_dim *dim = &l->f->dim[k];
    size_t cap = 16;
    dim->names = malloc(cap * sizeof *dim->names);
    if (!dim->names || !(dim->names[0] = strdup(""))) {
        sqlite3_finalize(st);
        return nomem(l->d);
    }
    dim->n = 1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if ((size_t)dim->n == cap) {
            char **grown = realloc(dim->names, 2 * cap * sizeof *grown);
            if (!grown) {
                sqlite3_finalize(st);
                return nomem(l->d);
            }
            dim->names = grown;
            cap *= 2;
        }
        if (!(dim->names[dim->n] = strdup((const char *)sqlite3_column_text(st, 0)))) {
            sqlite3_finalize(st);
            return nomem(l->d);
        }
        dim->n++;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? IPS_OK : warehouse_fail(l->wh, l->d, "reading the derived facts");
}

static int name_cmp(const void *key, const void *elem)
{
    return strcmp(key, *(char *const *)elem);
}

/* The id of column i's text in dimension k; 0 for NULL or "". */
static int32_t dim_id(const facts *f, facts_dim_id k, sqlite3_stmt *st, int i)
{
    const unsigned char *s = sqlite3_column_text(st, i);
    if (!s || !*s || f->dim[k].n <= 1)
        return 0;
    char **hit = bsearch(s, f->dim[k].names + 1, (size_t)f->dim[k].n - 1, sizeof(char *),
                         name_cmp);
    return hit ? (int32_t)(hit - f->dim[k].names) : 0;
}

static ips_error load_dims(loader *l)
{
    static const struct {
        facts_dim_id k;
        const char *table, *column;
    } dims[] = {
        {FD_COACH, "fact_coach", "coach_id"},
        {FD_PROVIDER, "fact_coach", "provider_id"},
        {FD_TEAM, "fact_coach", "team_id"},
        {FD_REGION, "fact_coach", "region"},
        {FD_MUNICIPALITY, "fact_client", "municipality"},
        {FD_GENDER, "fact_client", "gender"},
        {FD_SEGMENT, "fact_client", "segment"},
        {FD_REFERRAL_SOURCE, "fact_episode", "referral_source"},
        {FD_EXIT_REASON, "fact_episode", "exit_reason"},
        {FD_SUPPORT_LEVEL, "fact_episode", "support_level"},
        {FD_INSTRUMENT, "fact_score", "instrument"},
    };
    ips_error e = IPS_OK;
    for (size_t i = 0; e == IPS_OK && i < sizeof dims / sizeof dims[0]; i++)
        e = load_dim(l, dims[i].k, dims[i].table, dims[i].column);
    return e;
}

/* ---- rows -------------------------------------------------------------- */

static ips_day col_day(sqlite3_stmt *st, int i)
{
    return sqlite3_column_type(st, i) == SQLITE_NULL ? IPS_DAY_NONE
                                                     : (ips_day)sqlite3_column_int(st, i);
}

static double col_real(sqlite3_stmt *st, int i)
{
    return sqlite3_column_type(st, i) == SQLITE_NULL ? NAN : sqlite3_column_double(st, i);
}

static int32_t col_index(sqlite3_stmt *st, int i)
{
    return sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : sqlite3_column_int(st, i);
}

/* Each reader fills row i of its array from the statement's current row. */
typedef void (*row_fn)(facts *f, sqlite3_stmt *st, size_t i);

static void coach_row(facts *f, sqlite3_stmt *st, size_t i)
{
    fact_coach *c = &f->coaches[i];
    c->id = dim_id(f, FD_COACH, st, 0);
    c->provider = dim_id(f, FD_PROVIDER, st, 1);
    c->team = dim_id(f, FD_TEAM, st, 2);
    c->region = dim_id(f, FD_REGION, st, 3);
    c->fte = sqlite3_column_double(st, 4);
    c->focus_share = col_real(st, 5);
    c->community_share = col_real(st, 6);
    c->start = col_day(st, 7);
    c->end = col_day(st, 8);
}

static void client_row(facts *f, sqlite3_stmt *st, size_t i)
{
    fact_client *c = &f->clients[i];
    c->birth_year = sqlite3_column_int(st, 0);
    c->gender = dim_id(f, FD_GENDER, st, 1);
    c->municipality = dim_id(f, FD_MUNICIPALITY, st, 2);
    c->segment = dim_id(f, FD_SEGMENT, st, 3);
}

static void episode_row(facts *f, sqlite3_stmt *st, size_t i)
{
    fact_episode *e = &f->episodes[i];
    e->client = sqlite3_column_int(st, 0);
    e->coach = col_index(st, 1);
    e->service = (uint8_t)sqlite3_column_int(st, 2);
    e->referral = col_day(st, 3);
    e->start = col_day(st, 4);
    e->end = col_day(st, 5);
    e->exit_reason = (int16_t)dim_id(f, FD_EXIT_REASON, st, 6);
    e->referral_source = (int16_t)dim_id(f, FD_REFERRAL_SOURCE, st, 7);
    e->support_level = (int16_t)dim_id(f, FD_SUPPORT_LEVEL, st, 8);
    e->first_employer_contact = col_day(st, 9);
    e->first_competitive_job = col_day(st, 10);
}

static void job_row(facts *f, sqlite3_stmt *st, size_t i)
{
    fact_job *j = &f->jobs[i];
    j->client = sqlite3_column_int(st, 0);
    j->episode = col_index(st, 1);
    j->start = col_day(st, 2);
    j->end = col_day(st, 3);
    j->hours = col_real(st, 4);
    j->permanent = (int8_t)(sqlite3_column_type(st, 5) == SQLITE_NULL ? -1
                                                                       : sqlite3_column_int(st, 5));
    j->flags = (uint8_t)sqlite3_column_int(st, 6);
    j->months = (uint8_t)sqlite3_column_int(st, 7);
}

/* The lazy arrays' rows: column 0 is the key, which load_rows() reads. */
static void coach_day_row(facts *f, sqlite3_stmt *st, size_t i)
{
    fact_coach_day *c = &f->coach_days[i];
    c->day = col_day(st, 1);
    c->employer_contacts = sqlite3_column_int(st, 2);
    c->minutes = sqlite3_column_double(st, 3);
    c->community_minutes = sqlite3_column_double(st, 4);
}

static void meeting_row(facts *f, sqlite3_stmt *st, size_t i)
{
    fact_meeting_day *m = &f->meeting_days[i];
    m->day = col_day(st, 1);
    m->n = sqlite3_column_int(st, 2);
}

static void score_row(facts *f, sqlite3_stmt *st, size_t i)
{
    fact_score *s = &f->scores[i];
    s->instrument = dim_id(f, FD_INSTRUMENT, st, 1);
    s->day = col_day(st, 2);
    s->score = sqlite3_column_double(st, 3);
}

/* The offsets of rows sorted by a key 0 .. nkeys − 1 that the array does
 * not hold: idx[k] is the first row of key k, and idx[nkeys] all rows. */
typedef struct {
    size_t nkeys;
    size_t **idx, *n_idx;
    size_t next; /* the next key whose first row is not known yet */
} keyed;

/* Row i has key: the offsets up to it; false when the rows are out of key
 * order or the key out of range (the tables are not the facts). */
static bool place_key(keyed *k, sqlite3_int64 key, size_t i)
{
    if (key < (sqlite3_int64)k->next - 1 || key >= (sqlite3_int64)k->nkeys)
        return false;
    while (k->next <= (size_t)key)
        (*k->idx)[k->next++] = i;
    return true;
}

/* Reads table into *arr (elem bytes per row) with sql, one fn call per
 * row; with k, column 0 is the rows' key, which goes into k's offsets. */
static ips_error load_rows(loader *l, const char *table, const char *sql, void **arr,
                           size_t elem, size_t *n, row_fn fn, keyed *k)
{
    ips_error e = count_rows(l, table, n);
    if (e != IPS_OK)
        return e;
    if (!(*arr = calloc(*n ? *n : 1, elem)) ||
        (k && !(*k->idx = calloc(k->nkeys + 1, sizeof **k->idx))))
        return nomem(l->d);
    if (k)
        *k->n_idx = k->nkeys + 1;
    sqlite3_stmt *st;
    if ((e = prepare(l, sql, &st)) != IPS_OK)
        return e;
    size_t i = 0;
    bool ordered = true;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && i < *n) {
        if (k && !(ordered = place_key(k, sqlite3_column_int64(st, 0), i)))
            break;
        fn(l->f, st, i++);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return warehouse_fail(l->wh, l->d, "reading the derived facts");
    if (!ordered)
        return ips_diag_set(l->d, IPS_ERR_DB, "the derived facts in %s are out of order: run "
                            "ipsreport ingest again to rebuild them", table);
    *n = i;
    while (k && k->next <= k->nkeys)
        (*k->idx)[k->next++] = i;
    return IPS_OK;
}

/* The seven fact tables, in the order of fact_pack's parts (facts_pack.c). */
static ips_error load_part(loader *l, int part)
{
    facts *f = l->f;
    switch (part) {
    case 0:
        return load_rows(l, "fact_coach",
                         "SELECT coach_id, provider_id, team_id, region, fte, focus_share,"
                         " community_share, start_day, end_day FROM @.fact_coach ORDER BY idx",
                         (void **)&f->coaches, sizeof *f->coaches, &f->n_coaches, coach_row,
                         NULL);
    case 1:
        return load_rows(l, "fact_client",
                         "SELECT birth_year, gender, municipality, segment FROM @.fact_client"
                         " ORDER BY idx",
                         (void **)&f->clients, sizeof *f->clients, &f->n_clients, client_row,
                         NULL);
    case 2:
        return load_rows(l, "fact_episode",
                         "SELECT client, coach, service, referral, start, end_day, exit_reason,"
                         " referral_source, support_level, first_employer_contact,"
                         " first_competitive_job FROM @.fact_episode ORDER BY idx",
                         (void **)&f->episodes, sizeof *f->episodes, &f->n_episodes,
                         episode_row, NULL);
    case 3:
        return load_rows(l, "fact_job",
                         "SELECT client, episode, start, end_day, hours, permanent, flags, months"
                         " FROM @.fact_job ORDER BY idx",
                         (void **)&f->jobs, sizeof *f->jobs, &f->n_jobs, job_row, NULL);
    case 4:
        return load_rows(l, "fact_coach_day",
                         "SELECT coach, day, employer_contacts, minutes, community_minutes"
                         " FROM @.fact_coach_day ORDER BY coach, day",
                         (void **)&f->coach_days, sizeof *f->coach_days, &f->n_coach_days,
                         coach_day_row,
                         &(keyed){f->n_coaches, &f->coach_day_index, &f->n_coach_day_index, 0});
    case 5:
        return load_rows(l, "fact_meeting_day",
                         "SELECT client, day, n FROM @.fact_meeting_day ORDER BY client, day",
                         (void **)&f->meeting_days, sizeof *f->meeting_days,
                         &f->n_meeting_days, meeting_row,
                         &(keyed){f->n_clients, &f->client_meetings, &f->n_client_meetings, 0});
    default:
        return load_rows(l, "fact_score",
                         "SELECT client, instrument, day, score FROM @.fact_score ORDER BY rowid",
                         (void **)&f->scores, sizeof *f->scores, &f->n_scores, score_row,
                         &(keyed){f->n_clients, &f->client_scores, &f->n_client_scores, 0});
    }
}

static ips_error load_tables(loader *l)
{
    ips_error e = IPS_OK;
    for (int part = 0; e == IPS_OK && part < FACTS_PARTS; part++)
        e = load_part(l, part);
    return e;
}

ips_error facts_read_part(warehouse *wh, const char *schema, facts *f, int part, ips_diag *d)
{
    loader l = {wh, schema, f, d};
    return load_part(&l, part);
}

ips_error facts_read_dims(warehouse *wh, const char *schema, facts *f, ips_diag *d)
{
    loader l = {wh, schema, f, d};
    return load_dims(&l);
}

/* ---- reviews (small: read from their own table) ------------------------ */

static char *dup_col(sqlite3_stmt *st, int i, bool *ok)
{
    const unsigned char *s = sqlite3_column_text(st, i);
    if (!s || !*s)
        return NULL;
    char *c = strdup((const char *)s);
    if (!c)
        *ok = false;
    return c;
}

static ips_error load_reviews(loader *l)
{
    facts *f = l->f;
    loader main_l = *l;
    main_l.schema = "main";
    ips_error e = count_rows(&main_l, "fidelity_reviews", &f->n_review_items);
    if (e != IPS_OK)
        return e;
    if (!(f->review_items = calloc(f->n_review_items ? f->n_review_items : 1,
                                   sizeof *f->review_items)))
        return nomem(l->d);
    sqlite3_stmt *st;
    e = prepare(&main_l, "SELECT review_id, unit, reviewer, review_date, item, status, score,"
                         " score_high FROM main.fidelity_reviews ORDER BY review_id, item", &st);
    if (e != IPS_OK)
        return e;
    size_t i = 0;
    int rc;
    bool ok = true;
    while (ok && i < f->n_review_items && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        fact_review_item *r = &f->review_items[i++];
        r->review_id = dup_col(st, 0, &ok);
        r->unit = dup_col(st, 1, &ok);
        r->reviewer = dup_col(st, 2, &ok);
        const unsigned char *rd = sqlite3_column_text(st, 3);
        if (!rd || !date_parse_iso((const char *)rd, &r->review_date))
            r->review_date = IPS_DAY_NONE;
        r->item = sqlite3_column_int(st, 4);
        const char *s = (const char *)sqlite3_column_text(st, 5);
        r->status = !s || strcmp(s, "rated") == 0 ? FR_RATED
                    : strcmp(s, "not_applicable") == 0 ? FR_NOT_APPLICABLE : FR_NOT_RATED;
        r->score = sqlite3_column_int(st, 6);
        r->score_high = sqlite3_column_int(st, 7);
        if (!r->review_id && !(r->review_id = strdup("")))
            ok = false;
        if (!r->unit && !(r->unit = strdup("")))
            ok = false;
    }
    f->n_review_items = i;
    sqlite3_finalize(st);
    return ok ? IPS_OK : nomem(l->d);
}

/* ---- choosing the fact set --------------------------------------------- */

/* Whether the stored facts are of the data's generation (and trusted on
 * this connection); their A in *out.  *known is false on an error too. */
ips_error facts_stored_as_of(warehouse *wh, bool *known, ips_day *out, ips_diag *d)
{
    char now[256], *stamp = NULL, *as_of = NULL;
    ips_error e = facts_stamp(wh, now, sizeof now, d);
    if (e == IPS_OK)
        e = warehouse_meta_get(wh, "facts_stamp", &stamp, d);
    if (e == IPS_OK)
        e = warehouse_meta_get(wh, "facts_as_of", &as_of, d);
    *known = e == IPS_OK && stamp && as_of && strcmp(stamp, now) == 0 &&
             warehouse_facts_trusted(wh);
    *out = IPS_DAY_NONE;
    if (*known && *as_of)
        date_parse_iso(as_of, out);
    free(stamp);
    free(as_of);
    return e;
}

/* The stored facts' pack into f, read apart so that a pack found unusable
 * halfway leaves f as it was. */
static ips_error unpack(warehouse *wh, facts *f, unsigned skip, bool *packed, ips_diag *d)
{
    facts *p = calloc(1, sizeof *p);
    if (!p)
        return nomem(d);
    ips_error e = facts_pack_read(wh, p, skip, packed, d);
    if (e == IPS_OK && *packed) {
        memcpy(f->dim, p->dim, sizeof f->dim);
        f->coaches = p->coaches, f->n_coaches = p->n_coaches;
        f->clients = p->clients, f->n_clients = p->n_clients;
        f->episodes = p->episodes, f->n_episodes = p->n_episodes;
        f->jobs = p->jobs, f->n_jobs = p->n_jobs;
        facts_take_lazy(f, p, FACTS_LAZY);
        f->absent = p->absent;
        free(p);
    } else {
        facts_free(p);
    }
    return e;
}

static ips_error load_in_txn(warehouse *wh, ips_day as_of, unsigned skip, facts *f,
                             ips_diag *d)
{
    bool fresh;
    ips_day stored;
    ips_error e = facts_stored_as_of(wh, &fresh, &stored, d);
    if (e != IPS_OK)
        return e;
    f->data_as_of = stored;
    if (!fresh && (e = facts_scan_as_of(wh, &f->data_as_of, d)) != IPS_OK)
        return e;
    f->as_of = as_of == IPS_DAY_NONE ? f->data_as_of : as_of;
    loader l = {wh, "main", f, d};
    /* An empty warehouse's facts are empty at any date. */
    if (!fresh || (f->as_of != stored && stored != IPS_DAY_NONE)) {
        /* Building into temp is this connection's own write, not a change
         * of the data: it must not make the stored facts untrusted. */
        bool trusted = warehouse_facts_trusted(wh);
        l.schema = "temp";
        e = facts_build(wh, "temp", f->as_of, d);
        if (trusted)
            warehouse_facts_rebuilt(wh);
    }
    f->stored = strcmp(l.schema, "main") == 0 && f->as_of == f->data_as_of;
    bool packed = false;
    if (e == IPS_OK && strcmp(l.schema, "main") == 0)
        e = unpack(wh, f, skip, &packed, d);
    if (e == IPS_OK && !packed)
        e = load_dims(&l);
    if (e == IPS_OK && !packed)
        e = load_tables(&l);
    if (e == IPS_OK)
        e = load_reviews(&l);
    if (e == IPS_OK)
        e = facts_build_offsets(f, d);
    return e;
}

ips_error facts_load(warehouse *wh, ips_day as_of, facts **out, ips_diag *d)
{
    return facts_load_lazy(wh, as_of, 0, out, d);
}

ips_error facts_load_lazy(warehouse *wh, ips_day as_of, unsigned skip, facts **out, ips_diag *d)
{
    *out = NULL;
    bool nat;
    ips_error ne = national_is(wh, &nat, d);
    if (ne != IPS_OK || nat) /* a national warehouse: its packs are its facts */
        return ne == IPS_OK ? national_facts_load(wh, out, d) : ne;
    facts *f = calloc(1, sizeof *f);
    if (!f)
        return nomem(d);
    bool own;
    ips_error e = warehouse_read_begin(wh, &own, d);
    if (e == IPS_OK)
        e = warehouse_read_end(wh, own, load_in_txn(wh, as_of, skip, f, d), d);
    if (e != IPS_OK) {
        facts_free(f);
        return e;
    }
    *out = f;
    return IPS_OK;
}

