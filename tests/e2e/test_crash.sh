#!/bin/sh
# Crash safety and concurrent writers.
#
# 1. A large load (gen-samples --clients 20000, ~43 MB, 770,000 rows) is
#    ingested by the release binary and SIGKILLed at several points (0.2 s,
#    0.5 s, 1 s, ... after start; wherever it got to, no timing is asserted),
#    and once each stopped by SIGINT and SIGTERM.
#    After each kill the warehouse must be whole: integrity and foreign-key
#    checks pass, and every batch present is complete (its rows all carry its
#    batch_id, its rejects are all there, its counts add up); a file whose
#    transaction was cut leaves no batch and no row.  Then the same ingest
#    run again completes, and the warehouse holds exactly the rows of a clean
#    single run (same row hashes, one batch per file).
# 2. Two ingests of the same files into one new warehouse at once: both end
#    (the second waits for the write lock) or one says another ingest is
#    writing; the warehouse is whole and, after a rerun, complete.
# 3. Three ingests started together on a new file: the schema is created once
#    (a race once failed with "table meta already exists" or "database is
#    locked"), all three succeed.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/warehouse_checks.sh"
: "${IPS_BUILD:?run through tests/run.sh}"
REL="$IPS_BUILD/ipsreport"
[ -x "$REL" ] || REL=$IPS
GEN="$IPS_BUILD/gen-samples"
cd "$T"

# same_rows A B: both warehouses hold the same rows (by row hash), entity by entity.
same_rows() {
    for e in $ENTITIES; do
        d=$(sqlite3 -batch -noheader "$1" "ATTACH '$2' AS b;
            SELECT (SELECT count(*) FROM $e) - (SELECT count(*) FROM b.$e),
                   (SELECT count(*) FROM (SELECT row_hash FROM $e EXCEPT SELECT row_hash FROM b.$e)),
                   (SELECT count(*) FROM (SELECT row_hash FROM b.$e EXCEPT SELECT row_hash FROM $e))")
        [ "$d" = "0|0|0" ] || { echo "$e differs: $d"; return 1; }
    done
}

"$GEN" --out big --clients "${CRASH_CLIENTS:-20000}" >gen.out 2>&1
check "large data set generated" test -s big/canonical/contacts.csv
FILES=$(ls big/canonical/*.csv)
nfiles=$(echo "$FILES" | wc -l)

# The clean single run everything is compared with.
$REL ingest -q --db clean.db $FILES >clean.out 2>&1
check "clean run: exit 0" test $? -eq 0
check "clean run: one batch per file" test "$(sql clean.db 'SELECT count(*) FROM batches')" -eq "$nfiles"
check "clean run: warehouse whole" test -z "$(warehouse_problems clean.db)"
check "clean run: every row the generator wrote is stored" test \
    "$(sql clean.db 'SELECT count(*) FROM contacts')" = "$(sed -n 's/.* contacts \([0-9]*\).*/\1/p' gen.out)"

# 1. Kill at several points, each run starting over on the same warehouse.
# kill_after SIGNAL DELAY FILES...: starts an ingest of FILES, sends SIGNAL
# after DELAY seconds (if still running) and checks the warehouse is whole.
kill_after() {
    signal=$1 delay=$2
    shift 2
    $REL ingest -q --db k.db "$@" >kill.out 2>&1 &
    pid=$!
    sleep "$delay"
    kill -$signal $pid 2>/dev/null
    wait $pid 2>/dev/null
    st=$?
    problems=$(warehouse_problems k.db)
    batches=$(sql k.db 'SELECT count(*) FROM batches')
    if [ -z "$problems" ]; then
        pass "SIG$signal after ${delay}s of $# files (exit $st): warehouse whole, $batches of $nfiles files committed"
    else
        fail "SIG$signal after ${delay}s of $# files: $problems"
    fi
}
# Early: the small files, then inside contacts (the big transaction).
for delay in 0.2 0.5 1 3 6; do kill_after KILL $delay $FILES; done
# Ctrl-C and a plain kill end it the same way (no handler): also whole.
kill_after INT 2 $FILES
kill_after TERM 4 $FILES
# Contacts committed, then kills in the files after it.  A rerun first reads
# the files already loaded again, so kill those later files on their own.
$REL ingest -q --db k.db $(echo "$FILES" | grep -E '/(coaches|clients|employers|enrollments|contacts)\.csv$') >/dev/null 2>&1
LATER=$(echo "$FILES" | grep -E '/(jobs|assessments|fidelity_reviews)\.csv$')
for delay in 0.1 0.3 0.6; do kill_after KILL $delay $LATER; done
$REL ingest -q --db k.db $FILES >rerun.out 2>&1
check "rerun after the kills: exit 0" test $? -eq 0
check "rerun after the kills: warehouse whole" test -z "$(warehouse_problems k.db)"
check "rerun after the kills: one batch per file" test "$(sql k.db 'SELECT count(*) FROM batches')" -eq "$nfiles"
check "rerun after the kills: the same rows as a clean run" same_rows k.db clean.db

# 2. Two writers on one new warehouse (the ASan binary, on a smaller set).
"$GEN" --out small --clients 1500 >/dev/null 2>&1
SMALL=$(ls small/canonical/*.csv)
$IPS ingest -q --db small_clean.db $SMALL >/dev/null 2>&1
timeout 300 $IPS ingest -q --db two.db $SMALL >two_a.out 2>two_a.err &
pa=$!
timeout 300 $IPS ingest -q --db two.db $SMALL >two_b.out 2>two_b.err
sb=$?
wait $pa
sa=$?
ok_or_busy() { [ "$1" -eq 0 ] || { [ "$1" -eq 2 ] && grep -q "another ingest is writing" "$2"; }; }
if ok_or_busy $sa two_a.err && ok_or_busy $sb two_b.err; then
    pass "two writers: each ends, or says another ingest is writing (exit $sa and $sb)"
else
    fail "two writers: exit $sa and $sb: $(cat two_a.err two_b.err | head -3)"
fi
check "two writers: no sanitizer report" sh -c "! grep -Eq 'Sanitizer|runtime error:' two_a.err two_b.err"
check "two writers: warehouse whole" test -z "$(warehouse_problems two.db)"
[ $sa -eq 0 ] && [ $sb -eq 0 ] || $IPS ingest -q --db two.db $SMALL >/dev/null 2>&1
check "two writers: one batch per file" test "$(sql two.db 'SELECT count(*) FROM batches')" -eq "$(echo "$SMALL" | wc -l)"
check "two writers: the same rows as a clean run" same_rows two.db small_clean.db

# 3. Three processes create one new warehouse at once, a few times over.
bad=0
for i in 1 2 3 4 5; do
    rm -f new.db new.db-wal new.db-shm
    $IPS ingest -q --db new.db small/canonical/coaches.csv small/canonical/clients.csv >n1.out 2>&1 &
    p1=$!
    $IPS ingest -q --db new.db small/canonical/clients.csv >n2.out 2>&1 &
    p2=$!
    $IPS ingest -q --db new.db small/canonical/coaches.csv >n3.out 2>&1
    s3=$?
    wait $p1; s1=$?
    wait $p2; s2=$?
    if [ $s1 -ne 0 ] || [ $s2 -ne 0 ] || [ $s3 -ne 0 ] || [ -n "$(warehouse_problems new.db)" ] ||
        [ "$(sql new.db 'SELECT count(*) FROM batches')" -ne 2 ]; then
        bad=$((bad + 1))
        cat n1.out n2.out n3.out | head -5
    fi
done
check "three ingests creating one warehouse at once: all succeed, 5 times of 5" test $bad -eq 0
