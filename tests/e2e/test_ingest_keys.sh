#!/bin/sh
# A row repeated with other values names every column of its key: an
# assessment is one client's score on one day with one instrument, so a
# second score of the same client, day and instrument says all three.
. "$(dirname "$0")/lib.sh"

S="$IPS_ROOT/samples/canonical"
W="$T/w.db"
"$IPS" ingest -q --db "$W" "$S/clients.csv" >/dev/null 2>&1
c=$(sed -n 2p "$S/clients.csv" | cut -d, -f1)
printf 'client_id,date,instrument,score\n%s,2024-05-02,work_ability_score,6\n%s,2024-05-02,work_ability_score,7\n' \
    "$c" "$c" >"$T/assessments.csv"
"$IPS" ingest --db "$W" "$T/assessments.csv" >"$T/out" 2>"$T/err"
check "the repeat is rejected, the first row stored" grep -q "2 read, 1 stored, 0 updated, 1 rejected" "$T/out"
check "its reason names the whole key" \
    grep -q "assessments.csv:3: .*the same client_id, date and instrument appears with other values on line 2" "$T/err"
