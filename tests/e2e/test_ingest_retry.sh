#!/bin/sh
# Re-ingest that retries: rows rejected because what they name was missing wait
# and are stored when it comes (in a later run too); the same bytes again try
# the rejected rows again; a file read under another profile is read again;
# whichever way the files came, the warehouse ends as if loaded in the right
# order.  A missing input creates no warehouse and changes none.
. "$(dirname "$0")/lib.sh"
S="$IPS_ROOT/samples/canonical"
TS="$IPS_ROOT/samples/tyopaja"
TP="$IPS_ROOT/ingest/profiles/tyopaja.ini"
TABLES="coaches clients employers enrollments contacts jobs assessments fidelity_reviews"
unset IPSREPORT_KEY_FILE

# quiet OUT ERR CMD...: CMD's output to files, so that expect_status's own line
# still reaches the test log.
quiet() {
    out=$1
    err=$2
    shift 2
    "$@" >"$out" 2>"$err"
}

counts() { for t in $TABLES; do printf '%s=%s ' "$t" "$(sql "$1" "SELECT count(*) FROM $t")"; done; }
metrics() { "$IPS" metrics --db "$1" --period 2024Q3 --as-of 2024-09-30 --format csv; }
# same_as_right NAME DB: DB holds the rows, and gives the figures, of $RIGHT.
same_as_right() {
    check "$1: the same rows per table as loaded in the right order" \
        test "$(counts "$2")" = "$(counts "$RIGHT")"
    metrics "$2" >"$T/m.csv" 2>"$T/m.err"
    check "$1: metrics the same as loaded in the right order" cmp -s "$T/m.csv" "$T/right.csv"
    check "$1: every batch: read = stored + rejected + duplicate" \
        test "$(sql "$2" 'SELECT count(*) FROM batches WHERE rows_read <> rows_stored + rows_rejected + rows_duplicate')" = 0
    check "$1: each batch's rejected rows are its rejects" \
        test "$(sql "$2" 'SELECT count(*) FROM batches b WHERE rows_rejected <> (SELECT count(*) FROM rejects x WHERE x.batch_id = b.batch_id)')" = 0
}

RIGHT=$T/right.db
"$IPS" ingest --db "$RIGHT" "$S"/*.csv >/dev/null 2>&1
metrics "$RIGHT" >"$T/right.csv" 2>/dev/null
check "the right-order warehouse has enrollments" [ "$(sql "$RIGHT" 'SELECT count(*) FROM enrollments')" -gt 500 ]

# ---- enrollments before clients, then everything again -----------------------
W=$T/early.db
expect_status "enrollments alone: rows rejected (exit 1)" 1 quiet "$T/e1.out" "$T/e1.err" "$IPS" ingest --db "$W" "$S/enrollments.csv"
check "enrollments alone: every row rejected, none stored" test "$(sql "$W" 'SELECT count(*) FROM enrollments')" = 0
check "enrollments alone: the reason names the client" grep -q "^enrollments.csv:2: client_id: unknown client" "$T/e1.err"
check "enrollments alone: every row waits" test "$(sql "$W" 'SELECT count(*) FROM waiting')" = 585
"$IPS" check --db "$W" --as-of 2024-12-31 >"$T/c1.out" 2>&1
check "check lists the waiting rows with count and what for" \
    grep -q "enrollments.csv (batch 1), enrollments: 585 waiting for clients (client_id)" "$T/c1.out"
check "check gives file:line references of waiting rows" grep -q "e.g. enrollments.csv:2, enrollments.csv:3" "$T/c1.out"
expect_status "all files after: exit 0" 0 quiet "$T/e2.out" "$T/e2.err" "$IPS" ingest --db "$W" "$S"/*.csv
check "all files after: no 'nothing changed' for enrollments" sh -c "! grep -q '^enrollments.csv: already loaded' '$T/e2.out'"
check "all files after: nothing waits" test "$(sql "$W" 'SELECT count(*) FROM waiting')" = 0
check "all files after: batch 1 now accounts its rows as stored" \
    test "$(sql "$W" 'SELECT rows_read || "/" || rows_stored || "/" || rows_rejected FROM batches WHERE batch_id = 1')" = 585/585/0
same_as_right "enrollments first" "$W"
"$IPS" check --db "$W" --as-of 2024-12-31 >"$T/c2.out" 2>&1
check "check: no rejected rows left" sh -c "sed -n '/^Rejected rows/,/^\$/p' '$T/c2.out' | grep -q '^  none'"
check "check: nothing waits" sh -c "sed -n '/^Rows waiting/,/^\$/p' '$T/c2.out' | grep -q '^  none'"
check "check's accounting: the enrollments batch now all stored, tried again" \
    grep -q "^  enrollments.csv (batch 1, enrollments): 585 read, 585 stored (0 updated), 0 rejected, 0 duplicate; rejected rows last tried again" "$T/c2.out"
# Every row now stored: the same bytes again change nothing.
"$IPS" ingest --db "$W" "$S/enrollments.csv" >"$T/e3.out" 2>&1
check "the same file once all stored: already loaded" grep -q "^enrollments.csv: already loaded (batch 1)" "$T/e3.out"

# ---- the same bytes again, with their referents already there ----------------
W=$T/again.db
"$IPS" ingest --db "$W" "$S/enrollments.csv" >/dev/null 2>&1
sql "$W" "DELETE FROM waiting"  # as a warehouse of schema 2 had it: rejects only
"$IPS" ingest --db "$W" "$S/coaches.csv" "$S/clients.csv" >/dev/null 2>&1
check "rows without a waiting record stay rejected" test "$(sql "$W" 'SELECT count(*) FROM enrollments')" = 0
expect_status "the same enrollments again: exit 0" 0 quiet "$T/a.out" "$T/a.out.err" "$IPS" ingest --db "$W" "$S/enrollments.csv"
check "the same bytes again: rejected rows tried again, all stored" \
    grep -q "^enrollments.csv: loaded before (batch 1); its 585 rejected rows tried again: 585 stored" "$T/a.out"
check "the same bytes again: no new batch" test "$(sql "$W" "SELECT count(*) FROM batches WHERE entity = 'enrollments'")" = 1
check "the same bytes again: all 585 stored" test "$(sql "$W" 'SELECT count(*) FROM enrollments')" = 585

# ---- a few bad values: tried again row by row, not judged a format of the file --
W=$T/slip.db
{
    echo 'client_id,birth_year,gender'
    i=1
    while [ $i -le 30 ]; do echo "s$i,1980,f"; i=$((i + 1)); done
} >"$T/slip_clients.csv"
{
    echo 'enrollment_id,client_id,service,start_date'
    i=1
    while [ $i -le 30 ]; do echo "x$i,s$i,ips,2023-01-0$((i % 9 + 1))"; i=$((i + 1)); done
    echo "x31,s1,ips,5.9.2023"
} >"$T/slip_enrollments.csv"
"$IPS" ingest --db "$W" "$T/slip_clients.csv" "$T/slip_enrollments.csv" >/dev/null 2>&1
check "one bad date among good rows: that row rejected" test "$(sql "$W" 'SELECT count(*) FROM enrollments')" = 30
expect_status "the same file again: exit 1, not refused whole" 1 quiet "$T/slip.out" "$T/slip.err" "$IPS" ingest --db "$W" "$T/slip_enrollments.csv"
check "the same file again: its one rejected row tried again, still rejected" \
    grep -q "^slip_enrollments.csv: loaded before (batch 2); its 1 rejected rows tried again: 0 stored, 0 updated, 1 rejected" "$T/slip.out"
check "the same file again: today's reason on its line" grep -q "^slip_enrollments.csv:32: start_date:" "$T/slip.err"
check "the same file again: the good rows stay" test "$(sql "$W" 'SELECT count(*) FROM enrollments')" = 30

# ---- a chain released by a later run: jobs wait for enrollments, enrollments for clients
W=$T/chain.db
"$IPS" ingest --db "$W" "$S/jobs.csv" "$S/enrollments.csv" "$S/employers.csv" >/dev/null 2>&1
check "jobs and enrollments wait" test "$(sql "$W" "SELECT count(DISTINCT entity) FROM waiting")" = 2
"$IPS" ingest --db "$W" "$S/clients.csv" >"$T/ch1.out" 2>&1
check "clients alone: enrollments now wait for their coach" \
    test "$(sql "$W" "SELECT count(*) FROM waiting WHERE entity = 'enrollments' AND ref_entity = 'coaches'")" -gt 0
"$IPS" check --db "$W" --as-of 2024-12-31 >"$T/ch.out" 2>&1
check "check says what the rows wait for now" grep -q "enrollments: [0-9]* waiting for coaches (coach_id)" "$T/ch.out"
"$IPS" ingest --db "$W" "$S/coaches.csv" >"$T/ch2.out" 2>&1
check "coaches in a later run release the enrollments" \
    grep -q "^enrollments.csv (batch 2): [0-9]* waiting rows (enrollments) tried again: [0-9]* stored, 0 updated, 0 rejected; 0 still waiting" "$T/ch2.out"
check "... and the jobs waiting for them in the same run" test "$(sql "$W" 'SELECT count(*) FROM waiting')" = 0
"$IPS" ingest --db "$W" "$S"/contacts.csv "$S"/assessments.csv "$S"/fidelity_reviews.csv >/dev/null 2>&1
same_as_right "a chain released later" "$W"

# ---- a waiting row released later never overwrites what a later file stored ----
W=$T/newer.db
mkdir -p "$T/nw"
printf 'client_id,birth_year\nc1,1980\n' >"$T/nw/clients.csv"
printf 'enrollment_id,client_id,service,start_date\ne1,c9,ips,2023-01-01\n' >"$T/nw/old.csv"
printf 'enrollment_id,client_id,service,start_date\ne1,c1,ips,2023-02-01\n' >"$T/nw/new.csv"
printf 'client_id,birth_year\nc9,1990\n' >"$T/nw/clients9.csv"
"$IPS" ingest --db "$W" "$T/nw/clients.csv" >/dev/null 2>&1
"$IPS" ingest --db "$W" --entity enrollments "$T/nw/old.csv" >/dev/null 2>&1
"$IPS" ingest --db "$W" --entity enrollments "$T/nw/new.csv" >/dev/null 2>&1
"$IPS" ingest --db "$W" "$T/nw/clients9.csv" >"$T/nw.out" 2>&1
check "released row older than a later file's: the later one is kept" \
    test "$(sql "$W" "SELECT client_id || ' ' || start_date FROM enrollments WHERE enrollment_id = 'e1'")" = "c1 2023-02-01"
check "released row older than a later file's: rejected, no longer waiting" \
    test "$(sql "$W" "SELECT count(*) FROM waiting")/$(sql "$W" "SELECT rows_rejected FROM batches WHERE file_name = 'old.csv'")" = 0/1
check "released row older than a later file's: the reason names that file's batch" \
    sh -c "sqlite3 '$W' \"SELECT reason FROM rejects\" | grep -q 'a later file (batch 3) stored this enrollment_id'"

# ---- a workshop export first under a profile without its date format ----------
"$IPS" key new "$T/k.key" >/dev/null 2>&1
grep -v '^dates *=' "$TP" >"$T/nodates.ini"
TR=$T/tyopaja_right.db
"$IPS" ingest --db "$TR" --profile "$TP" --key-file "$T/k.key" "$TS"/*.csv >/dev/null 2>&1
W=$T/tyopaja.db
# Refused or rejected row by row: either way not everything is stored.
"$IPS" ingest --db "$W" --profile "$T/nodates.ini" --key-file "$T/k.key" "$TS"/*.csv >"$T/t1.out" 2>&1
check "without the date format the enrollments are not stored" test "$(sql "$W" 'SELECT count(*) FROM enrollments')" = 0
expect_status "under the right profile: exit 0" 0 quiet "$T/t2.out" "$T/t2.out.err" "$IPS" ingest --db "$W" --profile "$TP" --key-file "$T/k.key" "$TS"/*.csv
check "under the right profile the file is read again, not 'already loaded'" sh -c "! grep -q 'already loaded' '$T/t2.out'"
check "Työpaja: the same rows per table as loaded right first" test "$(counts "$W")" = "$(counts "$TR")"
metrics "$W" >"$T/tw.csv" 2>/dev/null
metrics "$TR" >"$T/tr.csv" 2>/dev/null
check "Työpaja: the same metrics as loaded right first" cmp -s "$T/tw.csv" "$T/tr.csv"
"$IPS" check --db "$W" --as-of 2024-12-31 >"$T/tc.out" 2>&1
check "Työpaja: the rejects of the wrong reading are no longer listed" \
    sh -c "sed -n '/^Rejected rows/,/^\$/p' '$T/tc.out' | grep -q '^  none'"
check "Työpaja: check counts the replaced readings apart" \
    grep -q "^  and [0-9]* earlier readings of the same files under another profile, replaced" "$T/tc.out"
"$IPS" ingest --db "$W" --profile "$TP" --key-file "$T/k.key" "$TS"/*.csv >"$T/t3.out" 2>&1
check "Työpaja under the right profile once more: all already loaded" \
    test "$(grep -c 'already loaded' "$T/t3.out")" = 8

# ---- a warehouse of schema version 2 opens and keeps its identities -----------
. "$IPS_ROOT/tests/e2e/old_schema.sh"
cp "$RIGHT" "$T/v2.db"
schema_v2 "$T/v2.db"
"$IPS" ingest --db "$T/v2.db" "$S"/*.csv >"$T/v2.out" 2>&1
check "schema 2 upgraded to 5" test "$(sql "$T/v2.db" 'PRAGMA user_version')" = 5
check "schema 2: canonical files loaded before are still 'already loaded'" test "$(grep -c 'already loaded' "$T/v2.out")" = 8
check "schema 2: upgrade passes SQLite's checks" test "$(sql "$T/v2.db" 'PRAGMA integrity_check')" = ok
check "schema 2: foreign keys hold after the rebuild" test -z "$(sql "$T/v2.db" 'PRAGMA foreign_key_check')"

# ---- missing or unreadable input ----------------------------------------------
expect_status "missing input: exit 2" 2 "$IPS" ingest --db "$T/none.db" "$T/no_such.csv" 2>"$T/m1.err"
check "missing input: no warehouse file" test ! -e "$T/none.db"
check "missing input: the message names the path" grep -q "no_such.csv: cannot read the input file" "$T/m1.err"
expect_status "missing input beside a good file: exit 2" 2 "$IPS" ingest --db "$T/none.db" "$S/clients.csv" "$T/no_such.csv" 2>/dev/null
check "missing input beside a good file: no warehouse file" test ! -e "$T/none.db"
expect_status "a directory as input: exit 2" 2 "$IPS" ingest --db "$T/none.db" "$T" 2>/dev/null
check "a directory as input: no warehouse file" test ! -e "$T/none.db"
sum_before=$(cat "$RIGHT"* | cksum)
expect_status "missing input, existing warehouse: exit 2" 2 "$IPS" ingest --db "$RIGHT" "$S/clients.csv" "$T/no_such.csv" 2>/dev/null
check "missing input, existing warehouse: left untouched" test "$(cat "$RIGHT"* | cksum)" = "$sum_before"
