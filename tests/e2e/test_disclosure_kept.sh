#!/bin/sh
# The suppression patterns kept in the warehouse (model/disclosure_store.c):
# built with the facts at every ingest for the default settings, one per
# calendar year; a reading command with those settings applies the kept
# one, and must publish exactly what it would with a pattern built afresh.
. "$(dirname "$0")/lib.sh"

S="$IPS_ROOT/samples/canonical"
W="$T/w.db"
"$IPS" ingest -q --db "$W" "$S"/coaches.csv "$S"/clients.csv "$S"/employers.csv \
    "$S"/enrollments.csv >/dev/null 2>&1
"$IPS" ingest -q --db "$W" "$S"/*.csv >/dev/null 2>&1

years=$(sql "$W" "SELECT group_concat(date(year_start * 86400, 'unixepoch'), ' ')
                  FROM (SELECT year_start FROM disclosure_pack ORDER BY year_start)")
check "ingest keeps a pattern for each year of the data ($years)" \
    [ "$years" = "2021-01-01 2022-01-01 2023-01-01 2024-01-01" ]
kept_as_of=$(sql "$W" "SELECT DISTINCT date(as_of * 86400, 'unixepoch') FROM disclosure_pack")
facts_as_of=$(sql "$W" "SELECT value FROM meta WHERE key = 'facts_as_of'")
check "the kept patterns are as of the facts' date ($kept_as_of)" [ "$kept_as_of" = "$facts_as_of" ]
check "each kept pattern passed its audit" \
    [ "$(sql "$W" "SELECT count(*) FROM disclosure_pack WHERE audit_recovered = 0 AND audit_hidden > 0")" = 2 ]
check "… and those of the two years before the data (the outputs' nine quarters reach them)" \
    [ "$(sql "$W" "SELECT count(*) FROM disclosure_pack WHERE audit_recovered = 0")" = 4 ]

# The same warehouse without kept patterns builds them on every read.
cp "$W" "$T/fresh.db"
sql "$T/fresh.db" "DROP TABLE disclosure_pack"
# A damaged pattern is not used: the reader builds its own.
cp "$W" "$T/bad.db"
sql "$T/bad.db" "UPDATE disclosure_pack SET pattern = x'00112233'"

same=0
diff=0
for args in "--period 2024Q4" "--period 2024Q4 --by coach" "--period 2023H2 --by team" \
    "--period 2024 --by provider" "--period 2023Q1 --by region"; do
    # shellcheck disable=SC2086
    "$IPS" metrics --db "$W" $args --format csv >"$T/kept.csv" 2>/dev/null
    # shellcheck disable=SC2086
    "$IPS" metrics --db "$T/fresh.db" $args --format csv >"$T/fresh.csv" 2>/dev/null
    # shellcheck disable=SC2086
    "$IPS" metrics --db "$T/bad.db" $args --format csv >"$T/bad.csv" 2>/dev/null
    if cmp -s "$T/kept.csv" "$T/fresh.csv" && cmp -s "$T/kept.csv" "$T/bad.csv" &&
        grep -q ',y,n,' "$T/kept.csv"; then
        same=$((same + 1))
    else
        diff=$((diff + 1))
        echo "  differs: metrics $args"
    fi
done
check "the kept pattern hides exactly what a fresh one does ($same of 5 queries)" [ "$diff" = 0 ]

# Other settings are not kept: they build their own pattern.
"$IPS" metrics --db "$W" --period 2024Q4 --by coach --min-cell 3 --format csv >"$T/m3.csv" 2>/dev/null
"$IPS" metrics --db "$T/fresh.db" --period 2024Q4 --by coach --min-cell 3 --format csv \
    >"$T/m3f.csv" 2>/dev/null
"$IPS" metrics --db "$W" --period 2024Q4 --by coach --format csv >"$T/m5.csv" 2>/dev/null
check "--min-cell 3 builds its own pattern, the same with or without kept ones" \
    cmp -s "$T/m3.csv" "$T/m3f.csv"
check "… and it is not the kept default one" sh -c "! cmp -s '$T/m3.csv' '$T/m5.csv'"
"$IPS" metrics --db "$W" --period 2024Q2 --as-of 2024-05-31 --format csv >"$T/a1.csv" 2>/dev/null
"$IPS" metrics --db "$T/fresh.db" --period 2024Q2 --as-of 2024-05-31 --format csv \
    >"$T/a2.csv" 2>/dev/null
check "an earlier --as-of builds its own pattern too" cmp -s "$T/a1.csv" "$T/a2.csv"

# audit attacks the kept pattern afresh; publish trusts the kept audit.
"$IPS" audit --db "$W" --period 2024Q4 >"$T/audit.txt" 2>&1
check "audit finds nothing worked out with the kept pattern" grep -q ', 0 worked out' "$T/audit.txt"
"$IPS" audit --db "$T/fresh.db" --period 2024Q4 >"$T/audit2.txt" 2>&1
h1=$(grep '^Hidden' "$T/audit.txt")
h2=$(grep '^Hidden' "$T/audit2.txt")
check "audit reports the same pattern with or without kept ones ($h1)" [ "${h1:-none}" = "${h2:-none2}" ]
expect_status "publish writes the pack with the kept pattern" 0 \
    "$IPS" publish --db "$W" --period 2024Q4 --out "$T/pack" --lang en
"$IPS" metrics --db "$W" --period 2024Q4 --format csv >"$T/single.csv" 2>/dev/null
check "… and its metrics CSV hides what metrics does" cmp -s "$T/single.csv" "$T/pack/metrics-2024Q4.csv"
# publish reads the kept check's counts, not the pattern: a count of
# pinned cells there is refused, and nothing is written.
cp "$W" "$T/pinned.db"
sql "$T/pinned.db" "UPDATE disclosure_pack SET audit_recovered = 3, audit_example = 'a made-up cell'
                    WHERE year_start = CAST(strftime('%s', '2024-01-01') AS INTEGER) / 86400"
expect_status "publish refuses when the kept check found pinned cells" 2 \
    sh -c "'$IPS' publish --db '$T/pinned.db' --period 2024Q4 --out '$T/pinned' --lang en 2>'$T/pinned.err'"
check "… says how many and which, and writes nothing" \
    sh -c "grep -q '3 hidden cells could be worked out.*a made-up cell' '$T/pinned.err' && [ ! -e '$T/pinned' ]"

# New data: the kept patterns are rebuilt with the facts, as of the new date.
printf 'contact_id,date,kind,in_person,client_id,coach_id,by,employer_id,setting,minutes\n' >"$T/more.csv"
sql "$W" "SELECT 'kept-' || enrollment_id || ',2025-01-10,client,1,' || client_id || ',' || coach_id ||
          ',coach,,office,30' FROM enrollments WHERE end_date IS NULL LIMIT 40" >>"$T/more.csv"
"$IPS" ingest -q --db "$W" --entity contacts "$T/more.csv" >/dev/null 2>&1
kept=$(sql "$W" "SELECT group_concat(date(year_start * 86400, 'unixepoch') || '@' ||
                 date(as_of * 86400, 'unixepoch'), ' ') FROM
                 (SELECT year_start, as_of FROM disclosure_pack ORDER BY year_start)")
check "a new ingest rebuilds the kept patterns as of its date ($kept)" \
    [ "$kept" = "2021-01-01@2025-01-10 2022-01-01@2025-01-10 2023-01-01@2025-01-10 2024-01-01@2025-01-10 2025-01-01@2025-01-10" ]
cp "$W" "$T/fresh2.db"
sql "$T/fresh2.db" "DROP TABLE disclosure_pack"
"$IPS" metrics --db "$W" --period 2024Q4 --by coach --format csv >"$T/k2.csv" 2>/dev/null
"$IPS" metrics --db "$T/fresh2.db" --period 2024Q4 --by coach --format csv >"$T/f2.csv" 2>/dev/null
check "… and the rebuilt one still hides what a fresh one does" cmp -s "$T/k2.csv" "$T/f2.csv"
