#!/bin/sh
# The committed samples load completely, account for every row, and load
# again without change; the warehouse passes SQLite's own checks.
. "$(dirname "$0")/lib.sh"
W=$T/w.db
$IPS ingest --db $W "$IPS_ROOT"/samples/canonical/*.csv >$T/out 2>$T/err
check "samples ingest with status 0" test $? -eq 0
for f in "$IPS_ROOT"/samples/canonical/*.csv; do
    name=$(basename "$f")
    rows=$(($(wc -l <"$f") - 1))  # the samples have no multi-line fields
    check "$name: summary reports $rows read, all stored" grep -q "^$name: $rows read, $rows stored, 0 updated, 0 rejected$" $T/out
done
check "every batch: read = stored + rejected + duplicate" test "$(sql $W 'SELECT count(*) FROM batches WHERE rows_read <> rows_stored + rows_rejected + rows_duplicate')" = 0
check "integrity_check ok" test "$(sql $W 'PRAGMA integrity_check')" = ok
check "foreign_key_check clean" test -z "$(sql $W 'PRAGMA foreign_key_check')"
$IPS ingest --db $W "$IPS_ROOT"/samples/canonical/*.csv >$T/again 2>&1
check "second ingest of the samples changes nothing" test "$(grep -c 'already loaded' $T/again)" = 8
check "check runs on the samples" sh -c "$IPS check --db $W --as-of 2024-12-31 | grep -q 'IPS episodes with no coach'"
