#!/bin/sh
# The metric rows and data-quality findings kept with the facts
# (model/metric_store.c, model/quality.c): written at every ingest for
# the data's own as-of date and the default settings, read back by the
# reading commands instead of computing them again, and used only while
# they are the data's (the facts' stamp) and this build's (its build ID).
# Reading them must publish exactly what computing them does.
. "$(dirname "$0")/lib.sh"

S="$IPS_ROOT/samples/canonical"
W="$T/w.db"
"$IPS" ingest -q --db "$W" "$S"/*.csv >/dev/null 2>&1

passes=$(sql "$W" "SELECT count(*) FROM metric_pack")
years=$(sql "$W" "SELECT group_concat(y, ' ') FROM (SELECT DISTINCT
                  strftime('%Y', period_start * 86400, 'unixepoch') AS y FROM metric_pack ORDER BY y)")
check "ingest keeps the rows of every pass of the patterns' years ($passes passes: $years)" \
    [ "$years" = "2021 2022 2023 2024" ]
check "… each pass with its rows, as of the facts' date, named by one build" \
    [ "$(sql "$W" "SELECT count(DISTINCT build) || ':' || count(DISTINCT as_of) || ':' ||
                   min(length(build)) FROM metric_pack")" = "1:1:40" ]
check "ingest keeps the data-quality counts: 8 tables and 5 findings" \
    [ "$(sql "$W" "SELECT count(*) FROM quality_pack")" = 13 ]

# Without the kept rows every figure is computed from the facts.
cp "$W" "$T/fresh.db"
sql "$T/fresh.db" "DROP TABLE metric_pack; DROP TABLE quality_pack"
sh "$IPS_ROOT/scripts/metrics-matrix.sh" "$IPS" "$W" >"$T/kept.csv"
sh "$IPS_ROOT/scripts/metrics-matrix.sh" "$IPS" "$T/fresh.db" >"$T/computed.csv"
if cmp -s "$T/kept.csv" "$T/computed.csv"; then
    pass "the kept rows equal the computed ones in all $(grep -c '^#' "$T/kept.csv") queries of the matrix ($(wc -l <"$T/kept.csv") lines)"
else
    fail "kept and computed rows differ:"
    diff "$T/kept.csv" "$T/computed.csv" | head -10
fi

# The suppression kept with each pass (one byte a row: what the year's
# pattern does to it) is what reading the pattern does.
check "every pass keeps its rows' suppression states" \
    [ "$(sql "$W" "SELECT count(*) FROM metric_pack WHERE length(states) = n_rows")" = "$passes" ]
cp "$W" "$T/nostates.db"
sql "$T/nostates.db" "UPDATE metric_pack SET states = NULL"
sh "$IPS_ROOT/scripts/metrics-matrix.sh" "$IPS" "$T/nostates.db" >"$T/pattern.csv"
check "suppressing by the kept states equals applying the kept pattern, in every query" \
    cmp -s "$T/kept.csv" "$T/pattern.csv"
pub() { "$IPS" metrics --db "$1" --period 2024Q4 --format csv 2>/dev/null; }
q4="period_start = CAST(strftime('%s', '2024-10-01') AS INTEGER) / 86400 AND by = 0
    AND period_end = CAST(strftime('%s', '2024-12-31') AS INTEGER) / 86400"
n4=$(sql "$W" "SELECT n_rows FROM metric_pack WHERE $q4")
cp "$W" "$T/hideall.db"
sql "$T/hideall.db" "UPDATE metric_pack SET states = x'$(printf '02%.0s' $(seq "$n4"))' WHERE $q4"
check "the kept states are read: all of 2024Q4 marked hidden hides its caseload" \
    sh -c "pub() { '$IPS' metrics --db \"\$1\" --period 2024Q4 --format csv; };
           pub '$T/hideall.db' | grep -q '^caseload_active,2024-10-01,2024-12-31,,,,,–,,y,' &&
           ! pub '$W' | grep -q '^caseload_active,2024-10-01,2024-12-31,,,,,–,,y,'"
cp "$W" "$T/shortstates.db"
sql "$T/shortstates.db" "UPDATE metric_pack SET states = x'00' WHERE $q4"
cp "$W" "$T/badstates.db"
sql "$T/badstates.db" "UPDATE metric_pack SET states = x'$(printf '07%.0s' $(seq "$n4"))' WHERE $q4"
pub "$W" >"$T/pub.csv"
for db in shortstates badstates; do
    check "$db: states that do not fit the rows are not used (the pattern is)" \
        sh -c "'$IPS' metrics --db '$T/$db.db' --period 2024Q4 --format csv 2>/dev/null | cmp -s - '$T/pub.csv'"
done

q() { "$IPS" metrics --db "$1" --period "$2" --internal --format csv 2>/dev/null; }
# The kept rows are read: a warehouse whose 2024Q4 pass holds 2024Q3's rows
# publishes those, while its facts are the data's.
cp "$W" "$T/swap.db"
sql "$T/swap.db" "UPDATE metric_pack SET (rows, n_rows) = (SELECT m.rows, m.n_rows FROM metric_pack m
                  WHERE m.by = 0 AND m.period_end = metric_pack.period_start - 1 AND
                  m.period_start = CAST(strftime('%s', '2024-07-01') AS INTEGER) / 86400)
                  WHERE by = 0 AND period_start = CAST(strftime('%s', '2024-10-01') AS INTEGER) / 86400
                  AND period_end = CAST(strftime('%s', '2024-12-31') AS INTEGER) / 86400"
q "$T/swap.db" 2024Q4 >"$T/swapped.csv"
q "$W" 2024Q3 >"$T/q3.csv"
check "metrics reads the kept rows of its pass (2024Q3's, put in 2024Q4's place, show through)" \
    cmp -s "$T/swapped.csv" "$T/q3.csv"

# Another build's rows, a damaged pass and facts no longer the data's
# (their stamp) are not used: the figures are computed, and equal.
cp "$T/swap.db" "$T/other.db"
sql "$T/other.db" "UPDATE metric_pack SET build = '0123456789abcdef0123456789abcdef01234567'"
cp "$W" "$T/bad.db"
sql "$T/bad.db" "UPDATE metric_pack SET rows = x'4950534d5230303100ff'"
cp "$T/swap.db" "$T/stale.db"
sql "$T/stale.db" "UPDATE meta SET value = 'changed behind' WHERE key = 'facts_stamp'"
q "$T/fresh.db" 2024Q4 >"$T/f4.csv"
check "the computed 2024Q4 is not 2024Q3" sh -c "! cmp -s '$T/f4.csv' '$T/q3.csv'"
for db in other bad stale; do
    q "$T/$db.db" 2024Q4 >"$T/$db.csv"
    check "$db: the rows are computed, not read ($(wc -l <"$T/$db.csv") lines)" cmp -s "$T/$db.csv" "$T/f4.csv"
done
"$IPS" metrics --db "$T/swap.db" --period 2024Q4 --clients-per-coach-year 40 --internal \
    --format csv >"$T/s40.csv" 2>/dev/null
"$IPS" metrics --db "$T/fresh.db" --period 2024Q4 --clients-per-coach-year 40 --internal \
    --format csv >"$T/f40.csv" 2>/dev/null
check "other settings compute their rows" cmp -s "$T/s40.csv" "$T/f40.csv"

# The data-quality counts: kept ones are read, and equal counting afresh.
asof=$(sql "$W" "SELECT value FROM meta WHERE key = 'facts_as_of'")
"$IPS" check --db "$W" --as-of "$asof" | sed 1d >"$T/ck.txt"
"$IPS" check --db "$T/fresh.db" --as-of "$asof" | sed 1d >"$T/cf.txt"
check "check with the kept counts prints what counting prints" cmp -s "$T/ck.txt" "$T/cf.txt"
cp "$W" "$T/qswap.db"
sql "$T/qswap.db" "UPDATE quality_pack SET count = 4242 WHERE item = 8"
check "check reads the kept counts (a changed one shows through)" \
    sh -c "'$IPS' check --db '$T/qswap.db' --as-of '$asof' | grep -q 4242"
check "… only for the facts' own date" \
    sh -c "! '$IPS' check --db '$T/qswap.db' --as-of 2024-11-30 | grep -q 4242"

# The two-year finding at its boundary: an open episode counts once more
# than 730 days lie between its start and the as-of date.
first=$(sql "$W" "SELECT min(start_date) FROM enrollments WHERE end_date IS NULL")
for n in 730 731; do
    a=$(sql "$W" "SELECT date('$first', '+$n days')")
    want=$(sql "$W" "SELECT count(*) FROM enrollments WHERE end_date IS NULL
                     AND julianday('$a') - julianday(start_date) > 730")
    got=$("$IPS" check --db "$W" --as-of "$a" | sed -n 's/^  open episodes that started more than two years before the as-of date *\([0-9]*\).*/\1/p')
    check "open episodes over two years at $a: $want (${got:-none})" [ "$got" = "$want" ]
done
