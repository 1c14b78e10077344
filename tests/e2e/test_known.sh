#!/bin/sh
# Issue 12, "no silent zeros" and "nothing past what is known", through the CLI:
#   - a warehouse without enrollments, a period after the data's last day and
#     an --as-of before all data: every read command (metrics, report, charts,
#     pdf, publish) exits 2 with what is missing, writes nothing, never aborts;
#   - a period that ends after --as-of is cut there, marked to_date in the CSV
#     and JSON and "to date" in the workbook, charts and PDF; its counts use no
#     day after the as-of day and reviews dated later are not shown;
#   - Kaplan–Meier past the longest follow-up is not estimable (metrics.md R8).
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3

# run NAME WANT CMD...: CMD's exit status is WANT; its stderr in $T/err.
run() {
    name=$1
    want=$2
    shift 2
    "$@" >"$T/out" 2>"$T/err"
    got=$?
    if [ "$got" -eq "$want" ]; then pass "$name"; else fail "$name (exit $got, wanted $want)" && cat "$T/err"; fi
}

# refused LABEL DB PATTERN ARGS...: every read command on DB with ARGS exits
# 2 (not 134: an abort), says PATTERN, and leaves no output behind.
refused() {
    label=$1
    db=$2
    pattern=$3
    shift 3
    o="$T/out-$(echo "$label" | tr -c 'a-z0-9\n' '_')"
    run "$label: metrics exits 2" 2 "$IPS" metrics --db "$db" "$@"
    check "$label: metrics says so" grep -q "$pattern" "$T/err"
    check "$label: metrics prints no rows" test ! -s "$T/out"
    run "$label: report exits 2" 2 "$IPS" report --db "$db" "$@" --out "$o.xlsx"
    check "$label: report says so" grep -q "$pattern" "$T/err"
    run "$label: charts exits 2" 2 "$IPS" charts --db "$db" "$@" --out "$o-charts"
    check "$label: charts says so" grep -q "$pattern" "$T/err"
    run "$label: pdf exits 2" 2 "$IPS" pdf --db "$db" "$@" --out "$o.pdf"
    check "$label: pdf says so" grep -q "$pattern" "$T/err"
    check "$label: pdf has no sanitizer report" sh -c '! grep -q "Sanitizer\|Assertion" "$1"' sh "$T/err"
    run "$label: publish exits 2" 2 "$IPS" publish --db "$db" "$@" --out "$o-pack"
    check "$label: publish says so" grep -q "$pattern" "$T/err"
    check "$label: nothing was written" sh -c '! ls -d "$1"* 2>/dev/null | grep -q .' sh "$o"
}

# --- no enrollments ------------------------------------------------------------
EMPTY="$T/empty.db"
printf 'client_id,birth_year\nc1,1990\n' >"$T/clients.csv"
check "warehouse with clients only" "$IPS" ingest -q --db "$EMPTY" "$T/clients.csv"
refused "no enrollments" "$EMPTY" "holds no enrollments: ingest the enrollments export" \
    --period 2024Q4

# --- the samples: a period after the data, an as-of before it --------------------
S="$T/samples.db"
"$IPS" ingest -q --db "$S" "$IPS_ROOT"/samples/canonical/*.csv >/dev/null 2>&1
check "samples load" test -s "$S"
refused "late period" "$S" "period 2031Q1 starts after the data's last day 2024-12-31" \
    --period 2031Q1
check "late period: names the latest period with data" \
    grep -q "the latest period with data is 2024Q4" "$T/err"
refused "after --as-of" "$S" "period 2024Q4 starts after the as-of day (--as-of) 2024-06-30" \
    --period 2024Q4 --as-of 2024-06-30
refused "as-of before all data" "$S" "holds no enrollment that started by the as-of day 2000-01-01" \
    --period 1999Q4 --as-of 2000-01-01
run "publish --period latest with an as-of before all data exits 2" 2 \
    "$IPS" publish --db "$S" --period latest --as-of 2000-01-01 --out "$T/latest-pack"

# --- Kaplan–Meier past the longest follow-up (the samples) -----------------------
# 2024Q4's cohort started in the 365 days up to A: no one followed 365 days.
"$IPS" metrics --db "$S" --period 2024Q4 --format csv >"$T/q4.csv"
check "employed_within_365_days is not estimable, blank with its reason" "$PY" - "$T/q4.csv" <<'EOF'
import csv, sys
rows = {r["metric"]: r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))
        if r["group_by"] == ""}
r = rows["employed_within_365_days"]
assert r["value"] == "" and r["note"] == "not estimable: no follow-up reaches 365 days", r
assert int(r["denominator"]) > 0 and r["to_date"] == "n", r
r = rows["employed_within_180_days"]
assert r["value"] != "" and r["note"] == "", r  # 180 days are within the follow-up
EOF

# --- a hand-made warehouse: the period cut at --as-of 2024-06-15 ----------------
# k1 fte 1.  c1: e1 ips 2024-01-10..open, competitive job 2024-02-01 (event, 22 d).
# c2: e2 ips 2024-03-01..2024-07-31 (ends after A: open at A, reason unknown).
# c3: e3 ips from 2024-07-01 (after A: does not exist).  13 in-person employer
# contacts by k1 on 2024-03-20: within the 13 weeks up to A (03-17..06-15), not
# within those up to p_end (04-01..06-30).  Reviews: r-old 2024-05-02, r-late
# 2024-06-20 (after A).
H="$T/hand"
mkdir -p "$H"
cat >"$H/coaches.csv" <<'EOF'
coach_id,provider_id,team_id,region,fte,focus_share,community_share,start_date,end_date
k1,p1,t1,north,1,1,0.7,2020-01-01,
EOF
cat >"$H/clients.csv" <<'EOF'
client_id,birth_year,gender,municipality,segment
c1,1990,f,Lahti,
c2,1985,m,Lahti,
c3,1980,f,Lahti,
EOF
cat >"$H/enrollments.csv" <<'EOF'
enrollment_id,client_id,coach_id,service,referral_date,start_date,end_date,exit_reason,referral_source,support_level
e1,c1,k1,ips,,2024-01-10,,,,
e2,c2,k1,ips,,2024-03-01,2024-07-31,employed_open,,
e3,c3,k1,ips,,2024-07-01,,,,
EOF
cat >"$H/employers.csv" <<'EOF'
employer_id,name,industry,sector,municipality
x1,Oy,56.10,private,Lahti
EOF
cat >"$H/jobs.csv" <<'EOF'
job_id,client_id,employer_id,enrollment_id,job_title,occupation,start_date,end_date,hours_per_week,competitive,permanent,subsidized,end_reason
j1,c1,x1,e1,cook,,2024-02-01,,30,y,y,n,
EOF
{
    echo "contact_id,date,kind,in_person,client_id,coach_id,by,employer_id,setting,minutes"
    for i in 01 02 03 04 05 06 07 08 09 10 11 12 13; do
        echo "k$i,2024-03-20,employer,y,c1,k1,coach,x1,workplace,30"
    done
} >"$H/contacts.csv"
{
    echo "review_id,unit,review_date,item,status,score,score_high,reviewer"
    for i in $(seq 1 25); do
        echo "r-old,p1,2024-05-02,$i,rated,3,,ELY"
        echo "r-late,p1,2024-06-20,$i,rated,4,,ELY"
    done
} >"$H/fidelity_reviews.csv"
W="$T/hand.db"
check "hand-made warehouse loads" "$IPS" ingest -q --db "$W" "$H"/*.csv
run "metrics of 2024Q2 as of 2024-06-15" 0 \
    "$IPS" metrics --db "$W" --period 2024Q2 --as-of 2024-06-15 --internal --format csv
cp "$T/out" "$T/cut.csv"
check "the cut period: figures as of A, nothing after it" "$PY" - "$T/cut.csv" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
whole = {r["metric"]: r for r in rows if r["group_by"] == ""}
def val(m): return whole[m]["value"]
# every row is cut at A and says so
assert all(r["to_date"] == "y" for r in rows), [r for r in rows if r["to_date"] != "y"][:2]
assert all(r["period_end"] == "2024-06-15" for r in rows if r["group_by"] != "review")
# e3 starts after A; e2's end after A is unknown at A: no exit
assert val("caseload_active") == "2", whole["caseload_active"]
assert val("exits") == "0" and val("enrollments_started") == "0", (val("exits"), val("enrollments_started"))
# item 17 counts the 13 weeks up to A: 13 contacts / 13 / 1 fte
assert val("employer_contacts_per_week") == "1.00", whole["employer_contacts_per_week"]
# KM: c1's job at 22 days is the median; no follow-up reaches 180 days (e1: 157)
assert val("time_to_first_job_median_days") == "22.0", whole["time_to_first_job_median_days"]
for m, d in (("employed_within_180_days", "180"), ("employed_within_365_days", "365")):
    assert val(m) == "" and whole[m]["note"] == "not estimable: no follow-up reaches %s days" % d, whole[m]
# the review dated after A is not shown; the one before it is
reviews = {r["group"] for r in rows if r["group_by"] == "review"}
assert reviews == {"r-old"}, reviews
EOF
"$IPS" metrics --db "$W" --period 2024Q2 --as-of 2024-06-15 --internal --format json >"$T/cut.json" 2>/dev/null
check "JSON: to_date true, a not-estimable value is null with its note" "$PY" - "$T/cut.json" <<'EOF'
import json, sys
rows = json.load(open(sys.argv[1], encoding="utf-8"))
assert all(r["to_date"] is True for r in rows)
r = [r for r in rows if r["metric"] == "employed_within_365_days" and r["group_by"] is None][0]
assert r["value"] is None and r["note"].startswith("not estimable: "), r
r = [r for r in rows if r["metric"] == "caseload_active" and r["group_by"] is None][0]
assert r["note"] is None and r["value"] == 2, r
EOF
"$IPS" metrics --db "$W" --period 2024Q1 --as-of 2024-06-15 --internal >"$T/whole-q1.csv" 2>/dev/null
check "a period that ends before A is not to date" sh -c \
    '! grep -q "^caseload_active,.*,y,$" "$1" && grep -q "^caseload_active,2024-01-01,2024-03-31,.*,n,$" "$1"' sh "$T/whole-q1.csv"
run "2024Q3 as of 2024-06-15 is refused, not counted from open episodes" 2 \
    "$IPS" metrics --db "$W" --period 2024Q3 --as-of 2024-06-15

# The label in every output of the pack.
run "publish 2024Q2 as of 2024-06-15" 0 "$IPS" publish --db "$W" --period 2024Q2 --as-of 2024-06-15 \
    --lang fi,sv,en --format svg --internal --out "$T/pack"
for l in fi:tähän en:"to date" sv:hittills; do
    lang=${l%%:*}
    word=${l#*:}
    check "$lang workbook says 2024Q2 ($word)" sh -c \
        'unzip -p "$1" xl/sharedStrings.xml | grep -q "2024Q2 ($2"' sh "$T/pack/report-$lang.xlsx" "$word"
    check "$lang charts say ($word)" grep -q "2024Q2 ($word" "$T/pack/charts-$lang/exits_by_reason.svg"
    check "$lang employment rate axis says ($word)" grep -q "$word" "$T/pack/charts-$lang/employment_rate.svg"
    pdftotext "$T/pack/summary-$lang.pdf" "$T/summary-$lang.txt"
    check "$lang PDF says 2024Q2 ($word)" grep -q "2024Q2 ($word" "$T/summary-$lang.txt"
done
check "the PDF's time-to-job reading says 180 days cannot be estimated" \
    grep -q "No one has been followed for 180 days yet" "$T/summary-en.txt"
check "workbook marks the not-estimable figure with a dash and its reason" "$PY" - "$T/pack/report-en.xlsx" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
found = False
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            if c.value == "\u2013" and c.comment and "Not estimable" in c.comment.text:
                found = True
assert found
EOF
