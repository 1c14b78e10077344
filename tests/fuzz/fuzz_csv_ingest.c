/* Fuzz target: the whole ingest path on one input file.  The input is written
 * to a temp file and loaded with ingest_files() into a fresh in-memory
 * warehouse holding a small base (coaches, clients, employers, enrollments),
 * so references can resolve.  The input's size picks the way: size % 3 == 0
 * loads base and input in one call into an empty warehouse (dependency
 * order); 1 loads the input alone into a copy of a prepared base warehouse
 * (faster, so more runs); 2 loads it alone through a source profile and a key
 * (a Finnish-style layout; canonical while profiles cannot be loaded) into
 * an empty warehouse, since the base's client ids are not pseudonyms and a
 * warehouse refuses pseudonymised clients beside them (model/id_space.h).
 * Beyond memory errors, the target aborts when ingest breaks its promises:
 * every file accounted for (read = stored + rejected + duplicate), a refused
 * file leaves nothing, every batch's rows and rejects all there, every
 * text stored valid UTF-8, SQLite's integrity and foreign-key checks pass. */
#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ingest/ingest.h"
#include "ingest/validate.h"
#include "tests/fuzz/support.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const base_files[][2] = {
    {"coaches.csv", "coach_id,provider_id,team_id,region,fte,focus_share,community_share,"
                    "start_date,end_date\nk1,p1,t1,Lahti,1,0.9,0.5,2023-01-01,\n"
                    "tv001,p1,t1,Lahti,0.5,,,2023-01-01,2024-06-30\n"},
    {"clients.csv", "client_id,birth_year,gender,municipality,segment\nc1,1990,f,Lahti,youth\n"
                    "as000001,1985,m,Hämeenlinna,other\n"},
    {"employers.csv", "employer_id,name,industry,sector,municipality\n"
                      "m1,\"Kahvila Äijänpää, Oy\",56,private,Lahti\ntn0001,x,47,public,\n"},
    {"enrollments.csv", "enrollment_id,client_id,coach_id,service,start_date,end_date,"
                        "exit_reason\ne1,c1,k1,ips,2023-02-01,,\n"
                        "ep000001,as000001,tv001,ips,2023-03-17,2024-01-31,employed_open\n"},
};
#define NBASE (sizeof base_files / sizeof base_files[0])

/* A Finnish-style layout: d.m.yyyy, decimal comma, renames, value maps, a
 * henkilötunnus and a Y-tunnus column (docs/profiles.md). */
static const char profile_text[] =
    "[profile]\nname = fuzz\ndates = d.m.yyyy\ndecimal = ,\n"
    "[clients]\ncolumn.Henkilötunnus = client_id\ncolumn.Kunta = municipality\n"
    "hetu = client_id\nmap.gender.Nainen = f\nmap.gender.Mies = m\nmap.gender.Ei tiedossa = \"\"\n"
    "[employers]\nencoding = windows-1252\ndelimiter = ;\nytunnus = employer_id\n"
    "[contacts]\ncolumn.Pvm = date\nmap.kind.Tapaaminen = client\nmap.in_person.Käynti = y\n";

static char base_paths[NBASE][600];
static char input_path[600];
static profile *prof;
static pseudonym_key key;
static unsigned char *base_image; /* the base warehouse, serialised */
static sqlite3_int64 base_image_size;

static void ingest_one(warehouse *wh, char *const *paths, size_t n, const ingest_options *opt);
static void check_warehouse(sqlite3 *db);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    for (size_t i = 0; i < NBASE; i++)
        fuzz_write(base_files[i][0], base_files[i][1], strlen(base_files[i][1]), base_paths[i],
                   sizeof base_paths[i]);
    char path[600];
    fuzz_write("fuzz.ini", profile_text, sizeof profile_text - 1, path, sizeof path);
    ips_diag d;
    if (profile_load(path, &prof, &d) != IPS_OK)
        prof = NULL; /* profiles not built in yet: the canonical layout only */
    for (size_t i = 0; i < sizeof key.bytes; i++)
        key.bytes[i] = (unsigned char)(i * 37 + 11);
    warehouse *wh = NULL;
    if (warehouse_open(":memory:", WH_CREATE, &wh, &d) != IPS_OK)
        fuzz_fail("cannot open an in-memory warehouse: %s", d.msg);
    char *paths[NBASE];
    for (size_t i = 0; i < NBASE; i++)
        paths[i] = base_paths[i];
    ingest_one(wh, paths, NBASE, &(ingest_options){.entity = -1});
    check_warehouse(warehouse_db(wh));
    if (!(base_image = sqlite3_serialize(warehouse_db(wh), "main", &base_image_size, 0)))
        fuzz_fail("cannot serialise the base warehouse");
    warehouse_free(wh);
    return 0;
}

/* A warehouse holding the base: the prepared image, copied. */
static warehouse *base_warehouse(void)
{
    warehouse *wh = NULL;
    ips_diag d;
    if (warehouse_open(":memory:", WH_CREATE, &wh, &d) != IPS_OK)
        fuzz_fail("cannot open an in-memory warehouse: %s", d.msg);
    unsigned char *copy = sqlite3_malloc64((sqlite3_uint64)base_image_size);
    if (!copy)
        fuzz_fail("out of memory");
    memcpy(copy, base_image, (size_t)base_image_size);
    if (sqlite3_deserialize(warehouse_db(wh), "main", copy, base_image_size, base_image_size,
                            SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE) !=
        SQLITE_OK)
        fuzz_fail("cannot load the base warehouse: %s", sqlite3_errmsg(warehouse_db(wh)));
    return wh;
}

static long long query(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        fuzz_fail("%s: %s", sql, sqlite3_errmsg(db));
    long long v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    return v;
}

/* Every text stored is valid UTF-8 without NUL: values, reject reasons,
 * lists of ignored columns (a cut inside a character once broke this). */
static void check_text(sqlite3 *db, const char *table)
{
    char sql[80];
    sqlite3_stmt *st;
    snprintf(sql, sizeof sql, "SELECT * FROM %s", table);
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        fuzz_fail("%s: %s", sql, sqlite3_errmsg(db));
    while (sqlite3_step(st) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count(st); c++)
            if (sqlite3_column_type(st, c) == SQLITE_TEXT) {
                const char *t = (const char *)sqlite3_column_text(st, c);
                if (!validate_utf8(t, (size_t)sqlite3_column_bytes(st, c)))
                    fuzz_fail("%s.%s holds text that is not UTF-8", table,
                              sqlite3_column_name(st, c));
            }
    sqlite3_finalize(st);
}

static void check_warehouse(sqlite3 *db)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK ||
        sqlite3_step(st) != SQLITE_ROW || strcmp((const char *)sqlite3_column_text(st, 0), "ok"))
        fuzz_fail("integrity_check failed");
    sqlite3_finalize(st);
    if (sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &st, NULL) != SQLITE_OK ||
        sqlite3_step(st) != SQLITE_DONE)
        fuzz_fail("foreign_key_check found a row without its parent");
    sqlite3_finalize(st);
    if (query(db, "SELECT count(*) FROM batches WHERE rows_read <> rows_stored + rows_rejected + "
                  "rows_duplicate OR content_hash = 'loading' OR rows_updated > rows_stored"))
        fuzz_fail("a batch whose counts do not add up");
    if (query(db, "SELECT count(*) FROM batches b WHERE rows_rejected <> "
                  "(SELECT count(*) FROM rejects r WHERE r.batch_id = b.batch_id)"))
        fuzz_fail("a batch whose rejects are not all there");
    for (int e = 0; e < ENT__COUNT; e++) {
        char sql[600];
        const char *name = contract_entity_get(e)->name;
        snprintf(sql, sizeof sql,
                 "SELECT count(*) FROM batches b WHERE b.entity = '%s' AND (SELECT count(*) "
                 "FROM %s t WHERE t.batch_id = b.batch_id) NOT BETWEEN (CASE WHEN EXISTS "
                 "(SELECT 1 FROM batches l WHERE l.entity = b.entity AND l.batch_id > b.batch_id "
                 "AND l.rows_updated > 0) THEN 0 ELSE b.rows_stored END) AND b.rows_stored",
                 name, name);
        if (query(db, sql))
            fuzz_fail("%s: a batch whose stored rows are not all there", name);
        check_text(db, name);
    }
    check_text(db, "rejects");
    check_text(db, "batches");
}

static void check_result(const ingest_result *res, sqlite3 *db, long long batches_before)
{
    for (size_t i = 0; i < res->n; i++) {
        const ingest_file_result *f = &res->files[i];
        const store_counts *c = &f->counts;
        if (f->error != IPS_OK) {
            if (!f->message[0])
                fuzz_fail("%s refused without a message", f->path);
            continue;
        }
        if (c->read != c->stored + c->rejected + c->duplicate || c->updated > c->stored)
            fuzz_fail("%s: %lld read, %lld stored, %lld rejected, %lld duplicate", f->path,
                      c->read, c->stored, c->rejected, c->duplicate);
        if (f->batch_id <= 0)
            fuzz_fail("%s loaded without a batch", f->path);
    }
    long long loaded = 0;
    for (size_t i = 0; i < res->n; i++)
        loaded += res->files[i].error == IPS_OK && !res->files[i].already_loaded;
    if (query(db, "SELECT count(*) FROM batches") != batches_before + loaded)
        fuzz_fail("batches in the warehouse do not match the files loaded");
}

static void ingest_one(warehouse *wh, char *const *paths, size_t n, const ingest_options *opt)
{
    sqlite3 *db = warehouse_db(wh);
    long long before = query(db, "SELECT count(*) FROM batches");
    ingest_result *res = NULL;
    ips_diag d;
    ips_diag_clear(&d);
    if (ingest_files(wh, paths, n, opt, &res, &d) != IPS_OK)
        fuzz_fail("ingest_files failed: %s", d.msg);
    check_result(res, db, before);
    ingest_result_free(res);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write("input.csv", data, size, input_path, sizeof input_path);
    char *paths[NBASE + 1];
    for (size_t i = 0; i < NBASE; i++)
        paths[i] = base_paths[i];
    paths[NBASE] = input_path;
    ingest_options canonical = {.entity = -1};
    ingest_options with_profile = {.entity = -1, .prof = prof, .key = &key};
    warehouse *wh = NULL;
    bool keyed = size % 3 == 2 && prof;
    if (size % 3 == 0 || keyed) {
        ips_diag d;
        if (warehouse_open(":memory:", WH_CREATE, &wh, &d) != IPS_OK)
            fuzz_fail("cannot open an in-memory warehouse: %s", d.msg);
        if (keyed)
            ingest_one(wh, paths + NBASE, 1, &with_profile);
        else
            ingest_one(wh, paths, NBASE + 1, &canonical);
    } else {
        wh = base_warehouse();
        ingest_one(wh, paths + NBASE, 1, &canonical);
    }
    check_warehouse(warehouse_db(wh));
    warehouse_free(wh);
    return 0;
}
