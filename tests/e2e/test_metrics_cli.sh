#!/bin/sh
# ipsreport metrics end to end: CSV header and quoting, JSON validity, --by,
# small-cell suppression against --internal, and usage errors (exit 2).
#
# The warehouse is made empty by the unit-test binary test_outcomes
# (--make-warehouse, which runs the real schema code) and filled with the
# sqlite3 CLI, so this test does not depend on ingest.
. "$(dirname "$0")/lib.sh"

W=$T/w.db
PY=/usr/bin/python3
MAKER=${IPS_BUILD:-build}/asan/tests/test_outcomes

check "warehouse made for the test" "$MAKER" --make-warehouse "$W"

# Three coaches: k1 with 6 clients (3 employed), k3 with 7 (2 employed) and a
# coach whose id needs CSV quoting, 'k,"2', with 2 clients (1 employed).
# Every episode is ips and starts in 2024Q3; jobs are competitive.
{
    echo "BEGIN;"
    echo "INSERT INTO coaches(coach_id, provider_id, fte, start_date, batch_id, src_line, row_hash) VALUES"
    echo " ('k1', 'p1', 1, '2020-01-01', 1, 0, 0), ('k,\"2', 'p2', 1, '2020-01-01', 1, 0, 0),"
    echo " ('k3', 'p1', 1, '2020-01-01', 1, 0, 0);"
    echo "INSERT INTO employers(employer_id, batch_id, src_line, row_hash) VALUES('x1', 1, 0, 0);"
    n=0
    for spec in k1:1 k1:1 k1:1 k1:0 k1:0 k1:0 'k,"2:1' 'k,"2:0' \
                k3:1 k3:1 k3:0 k3:0 k3:0 k3:0 k3:0; do
        n=$((n + 1))
        coach=${spec%:*}
        employed=${spec##*:}
        sqlcoach=$(printf '%s' "$coach" | sed "s/'/''/g")
        echo "INSERT INTO clients(client_id, gender, batch_id, src_line, row_hash) VALUES('c$n', 'f', 1, 0, 0);"
        echo "INSERT INTO enrollments(enrollment_id, client_id, coach_id, service, referral_date, start_date, batch_id, src_line, row_hash)"
        echo " VALUES('e$n', 'c$n', '$sqlcoach', 'ips', '2024-06-20', '2024-07-0$((n % 9 + 1))', 1, 0, 0);"
        if [ "$employed" = 1 ]; then
            echo "INSERT INTO jobs(job_id, client_id, employer_id, start_date, hours_per_week, competitive, batch_id, src_line, row_hash)"
            echo " VALUES('j$n', 'c$n', 'x1', '2024-08-15', 20, 1, 1, 0, 0);"
        fi
    done
    echo "COMMIT;"
} >"$T/fill.sql"
check "warehouse filled" sqlite3 -batch "$W" ".read $T/fill.sql"

metrics() { "$IPS" metrics --db "$W" --period 2024Q3 --as-of 2024-09-30 "$@"; }

# field CSVFILE METRIC GROUP COLUMN: one field of the CSV, parsed by Python's csv.
field() {
    "$PY" - "$@" <<'EOF'
import csv, sys
path, metric, group, col = sys.argv[1:5]
for r in csv.DictReader(open(path, newline='', encoding='utf-8')):
    if r['metric'] == metric and r['group'] == group:
        print(r[col])
        break
else:
    print('(no row)')
EOF
}

# expect_eq NAME GOT WANT
expect_eq() {
    if [ "$2" = "$3" ]; then pass "$1"; else fail "$1 (got '$2', wanted '$3')"; fi
}

# --- CSV, whole --------------------------------------------------------------
metrics >"$T/whole.csv" 2>"$T/whole.err"
expect_eq "metrics exits 0" "$?" 0
expect_eq "CSV header" "$(head -n 1 "$T/whole.csv")" \
    "metric,period_start,period_end,group_by,group,numerator,denominator,value,score,suppressed,to_date,note"
expect_eq "caseload_active whole" "$(field "$T/whole.csv" caseload_active '' value)" 15
expect_eq "employment_rate numerator" "$(field "$T/whole.csv" employment_rate '' numerator)" 6
expect_eq "employment_rate denominator" "$(field "$T/whole.csv" employment_rate '' denominator)" 15
expect_eq "employment_rate value 6/15" "$(field "$T/whole.csv" employment_rate '' value)" 40.0
expect_eq "not suppressed is n" "$(field "$T/whole.csv" employment_rate '' suppressed)" n
expect_eq "count has no denominator" "$(field "$T/whole.csv" caseload_active '' denominator)" ""
expect_eq "exits 0 is shown, not hidden" "$(field "$T/whole.csv" exits '' value)" 0
expect_eq "empty share is blank" "$(field "$T/whole.csv" employment_at_exit '' value)" ""
check "every row has 12 fields" "$PY" -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
sys.exit(0 if len(rows) > 12 and all(len(r) == 12 for r in rows) else 1)' "$T/whole.csv"
check "no internal warning without --internal" test ! -s "$T/whole.err"

# --- --by coach: quoting, suppression, secondary suppression -----------------
metrics --by coach >"$T/coach.csv"
check "coach id with comma and quote is RFC 4180 quoted" grep -q '^caseload_active,[^,]*,[^,]*,coach,"k,""2",' "$T/coach.csv"
expect_eq "group_by column" "$(field "$T/coach.csv" caseload_active k1 group_by)" coach
expect_eq "small group count prints <5" "$(field "$T/coach.csv" caseload_active 'k,"2' value)" "<5"
expect_eq "small group marked y" "$(field "$T/coach.csv" caseload_active 'k,"2' suppressed)" y
expect_eq "small share prints en dash" "$(field "$T/coach.csv" employment_rate 'k,"2' value)" "–"
expect_eq "suppressed share keeps no denominator" "$(field "$T/coach.csv" employment_rate 'k,"2' denominator)" ""
expect_eq "next smallest cell hidden too" "$(field "$T/coach.csv" caseload_active k1 value)" "–"
expect_eq "larger cell shown" "$(field "$T/coach.csv" caseload_active k3 value)" 7

metrics --by coach --internal >"$T/internal.csv" 2>"$T/internal.err"
expect_eq "--internal shows the small count" "$(field "$T/internal.csv" caseload_active 'k,"2' value)" 2
expect_eq "--internal shows its share" "$(field "$T/internal.csv" employment_rate 'k,"2' value)" 50.0
check "--internal warns on stderr" grep -q "internal: contains small numbers" "$T/internal.err"
check "--internal output is still pure CSV" sh -c '! grep -q internal "$1"' sh "$T/internal.csv"

metrics --by coach --min-cell 2 >"$T/min2.csv"
expect_eq "--min-cell 2 shows 2" "$(field "$T/min2.csv" caseload_active 'k,"2' value)" 2

# --- JSON --------------------------------------------------------------------
metrics --by coach --format json >"$T/coach.json"
check "JSON parses with the same keys and rows as CSV" "$PY" -c '
import csv, json, sys
rows = json.load(open(sys.argv[1], encoding="utf-8"))
crows = list(csv.DictReader(open(sys.argv[2], newline="", encoding="utf-8")))
keys = ["metric","period_start","period_end","group_by","group","numerator",
        "denominator","value","score","suppressed","to_date","note"]
assert isinstance(rows, list) and len(rows) == len(crows)
assert all(list(r.keys()) == keys for r in rows)
k3 = [r for r in rows if r["metric"] == "caseload_active" and r["group"] == "k3"][0]
assert k3["value"] == 7 and k3["suppressed"] is False and k3["numerator"] is None
q = [r for r in rows if r["metric"] == "caseload_active" and r["group"] == "k,\"2"][0]
assert q["value"] == "<5" and q["suppressed"] is True
er = [r for r in rows if r["metric"] == "employment_rate" and r["group"] == "k3"][0]
assert er["value"] == "\u2013" and er["numerator"] is None and er["suppressed"] is True
# Every episode started in 2024Q3, so no one has been followed 180 days by A
# (metrics.md R8): not estimable, never carried forward (it read 28.6).
km = [r for r in rows if r["metric"] == "employed_within_180_days" and r["group"] == "k3"][0]
assert km["value"] is None and km["denominator"] == 7 and km["numerator"] is None
assert km["note"] == "not estimable: no follow-up reaches 180 days" and km["to_date"] is False
' "$T/coach.json" "$T/coach.csv"
metrics --format json >"$T/whole.json"
# Rows that are split by definition (capacity per region, support levels,
# item 15's days in bins, the service path's steps,
# reviews) keep their own group_by; every other row has none without --by.
check "JSON without --by has null group_by and group" "$PY" -c '
import json, sys
rows = json.load(open(sys.argv[1], encoding="utf-8"))
own = {"region", "support_level", "review", "days", "step"}
assert all(r["group_by"] is None and r["group"] is None for r in rows if r["group_by"] not in own)
assert any(r["metric"] == "employment_rate" for r in rows if r["group_by"] is None)
assert [r for r in rows if r["metric"] == "employment_at_exit"][0]["value"] is None
' "$T/whole.json"

# --- periods -------------------------------------------------------------------
"$IPS" metrics --db "$W" --from 2024-07-01 --to 2024-09-30 --as-of 2024-09-30 >"$T/range.csv"
check "--from/--to equals --period" cmp -s "$T/range.csv" "$T/whole.csv"
check "--help" sh -c '"$1" metrics --help | grep -q "suppressed is y"' sh "$IPS"

# --- usage errors exit 2 with one line -----------------------------------------
expect_status "no --db" 2 "$IPS" metrics --period 2024Q3
expect_status "no period" 2 "$IPS" metrics --db "$W"
expect_status "bad period" 2 "$IPS" metrics --db "$W" --period 2024Q5
expect_status "--period with --from" 2 "$IPS" metrics --db "$W" --period 2024Q3 --from 2024-01-01 --to 2024-02-01
expect_status "--from without --to" 2 "$IPS" metrics --db "$W" --from 2024-01-01
expect_status "--to before --from" 2 "$IPS" metrics --db "$W" --from 2024-02-01 --to 2024-01-01
expect_status "bad date" 2 "$IPS" metrics --db "$W" --from 2024-02-30 --to 2024-03-01
expect_status "bad --by" 2 "$IPS" metrics --db "$W" --period 2024Q3 --by colour
expect_status "bad --format" 2 "$IPS" metrics --db "$W" --period 2024Q3 --format xml
expect_status "bad --min-cell" 2 "$IPS" metrics --db "$W" --period 2024Q3 --min-cell 0
expect_status "unknown option" 2 "$IPS" metrics --db "$W" --period 2024Q3 --colour
expect_status "missing option value" 2 "$IPS" metrics --db "$W" --period
expect_status "stray argument" 2 "$IPS" metrics --db "$W" --period 2024Q3 extra
expect_status "missing warehouse" 2 "$IPS" metrics --db "$T/none.db" --period 2024Q3
"$IPS" metrics --db "$W" --by colour --period 2024Q3 2>"$T/usage.err" >/dev/null
expect_eq "usage error is one line" "$(wc -l <"$T/usage.err" | tr -d ' ')" 1
check "usage error says what to do" grep -q "provider, team, coach" "$T/usage.err"
