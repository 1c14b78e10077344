#!/bin/sh
# Outcome instruments end to end (metrics.md "Outcome instruments over
# time"): a small fixture of CSV files ingested, its figures worked out by
# hand, and the rows in the metrics CSV and JSON, the workbook's Instruments
# sheet, the instruments chart (SVG) and the PDF summary's page; published,
# the small groups hidden everywhere; a warehouse without assessments gets
# no sheet, chart or page.
#
# P = 2024Q3; A = 2024-10-05 (the latest date: c1's last score).  k1 is
# provider p1, k2 p2.  work_ability_score (wa) unless said:
#   c1 k1 ips 03-01..: 01-30 = 1 (before start − 30: out), 01-31 = 4 (in),
#      05-01 = 6, 09-30 = 7 (p_end: in), 10-05 = 9 (after p_end: out)  → 4 → 7
#   c2 k1 ips 06-01..08-31: 06-05 = 6, 08-20 = 5, 09-15 = 10 (after the end) → 6 → 5
#   c3 k2 ips 07-15..: wa on one day only (not paired); rtw_se 07-01 = 2, 09-01 = 3.5
#   c4 k2 ips 01-01..05-31: not active in P
#   c5 ips k1 02-01..07-31, ips k2 08-01..: the later episode (p2, from 07-02):
#      03-01 = 2 (out), 07-10 = 4, 09-10 = 4 → 4 → 4 (not improved)
#   c6 group service: not counted
#   c7..c10 k1 ips 04-01..: 05-01 = 5, 08-01 = 6 → 5 → 6
# wa whole: paired 7; baseline 34 / 7 = 4.86; latest 40 / 7 = 5.71; change
#   6 / 7 = 0.86; improved 5 / 7 = 71.4 %.  p1: 6, 5.00, 6.00, 1.00, 83.3 %;
#   p2: 1, 4.00, 4.00, 0.00, 0.0 %.  rtw_se whole: 1, 2.00, 3.50, 1.50, 100.0 %.
# Published (min cell 5): p2's 1 reads "<5", so p1 is hidden too ("–"); the
# whole stays; rtw_se's whole 1 reads "<5".
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
D=$T/csv
mkdir -p "$D"

cat >"$D/coaches.csv" <<'EOF'
coach_id,provider_id,fte,start_date
k1,p1,1,2020-01-01
k2,p2,1,2020-01-01
EOF
{
    echo "client_id,birth_year,gender"
    for i in 1 2 3 4 5 6 7 8 9 10; do echo "c$i,1980,f"; done
} >"$D/clients.csv"
{
    echo "enrollment_id,client_id,coach_id,service,start_date,end_date,exit_reason"
    echo "e1,c1,k1,ips,2024-03-01,,"
    echo "e2,c2,k1,ips,2024-06-01,2024-08-31,moved"
    echo "e3,c3,k2,ips,2024-07-15,,"
    echo "e4,c4,k2,ips,2024-01-01,2024-05-31,moved"
    echo "e5a,c5,k1,ips,2024-02-01,2024-07-31,other_service"
    echo "e5b,c5,k2,ips,2024-08-01,,"
    echo "g6,c6,k1,group,2024-07-01,,"
    for i in 7 8 9 10; do echo "e$i,c$i,k1,ips,2024-04-01,,"; done
} >"$D/enrollments.csv"
{
    echo "client_id,date,instrument,score"
    echo "c1,2024-01-30,work_ability_score,1"
    echo "c1,2024-01-31,work_ability_score,4"
    echo "c1,2024-05-01,work_ability_score,6"
    echo "c1,2024-09-30,work_ability_score,7"
    echo "c1,2024-10-05,work_ability_score,9"
    echo "c2,2024-06-05,work_ability_score,6"
    echo "c2,2024-08-20,work_ability_score,5"
    echo "c2,2024-09-15,work_ability_score,10"
    echo "c3,2024-08-01,work_ability_score,3"
    echo "c3,2024-07-01,rtw_se,2"
    echo "c3,2024-09-01,rtw_se,3.5"
    echo "c4,2024-02-01,work_ability_score,1"
    echo "c4,2024-04-01,work_ability_score,9"
    echo "c5,2024-03-01,work_ability_score,2"
    echo "c5,2024-07-10,work_ability_score,4"
    echo "c5,2024-09-10,work_ability_score,4"
    echo "c6,2024-07-05,work_ability_score,1"
    echo "c6,2024-08-05,work_ability_score,9"
    for i in 7 8 9 10; do
        echo "c$i,2024-05-01,work_ability_score,5"
        echo "c$i,2024-08-01,work_ability_score,6"
    done
} >"$D/assessments.csv"

W=$T/w.db
check "fixture ingested" "$IPS" ingest -q --db "$W" "$D"/*.csv
check "every fixture row stored" test "$(sql "$W" "SELECT count(*) FROM enrollments")" = 11

# --- metrics CSV and JSON ----------------------------------------------------
"$IPS" metrics --db "$W" --period 2024Q3 --internal >"$T/all.csv" 2>/dev/null
"$IPS" metrics --db "$W" --period 2024Q3 --internal --by provider >>"$T/all.csv" 2>/dev/null
# field METRIC GROUP_BY GROUP COLUMN: one field of a metrics row (8 = value,
# 7 = denominator, 6 = numerator).
field() { awk -F, -v m="$1" -v b="$2" -v g="$3" -v c="$4" \
    '$1 == m && $4 == b && $5 == g { print $c; exit }' "$T/all.csv"; }
# row ID BY GROUP PAIRED BASELINE LATEST CHANGE IMPROVED
row() {
    c=$1 by=$2 g=$3
    got="$(field ${c}_paired "$by" "$g" 8) $(field ${c}_baseline_mean "$by" "$g" 8)"
    got="$got $(field ${c}_latest_mean "$by" "$g" 8) $(field ${c}_change_mean "$by" "$g" 8)"
    got="$got $(field ${c}_improved_share "$by" "$g" 8)"
    if [ "$got" = "$4 $5 $6 $7 $8" ]; then pass "$c '$by' '$g': $got"
    else fail "$c '$by' '$g': $got, expected $4 $5 $6 $7 $8"; fi
}
row work_ability_score "" "" 7 4.86 5.71 0.86 71.4
row work_ability_score provider p1 6 5.00 6.00 1.00 83.3
row work_ability_score provider p2 1 4.00 4.00 0.00 0.0
row rtw_se "" "" 1 2.00 3.50 1.50 100.0
check "the means' denominator is the paired clients" \
    test "$(field work_ability_score_latest_mean "" "" 7)" = 7
check "improved_share's numerator is the improved clients" \
    test "$(field work_ability_score_improved_share "" "" 6)" = 5

"$IPS" metrics --db "$W" --period 2024Q3 --internal --format json >"$T/m.json" 2>/dev/null
check "JSON carries the rows" "$PY" -c '
import json, sys
rows = {(r["metric"], r["group_by"] or "", r["group"] or ""): r for r in json.load(open(sys.argv[1]))}
r = rows[("work_ability_score_change_mean", "", "")]
assert abs(float(r["value"]) - 0.86) < 1e-9 and float(r["denominator"]) == 7, r
assert ("rtw_se_paired", "", "") in rows
' "$T/m.json"

"$IPS" metrics --db "$W" --period 2024Q3 --by provider >"$T/pub.csv" 2>/dev/null
"$IPS" metrics --db "$W" --period 2024Q3 >>"$T/pub.csv" 2>/dev/null
pub() { awk -F, -v m="$1" -v g="$2" '$1 == m && $5 == g { print $8 "," $10; exit }' "$T/pub.csv"; }
check "published: p2's one paired client reads <5" test "$(pub work_ability_score_paired p2)" = "<5,y"
check "published: its mean reads –" test "$(pub work_ability_score_baseline_mean p2)" = "–,y"
check "published: p1 is hidden to protect it" test "$(pub work_ability_score_paired p1)" = "–,y"
check "published: the whole stays" test "$(pub work_ability_score_paired '')" = "7,n"
check "published: rtw_se's one paired client reads <5" test "$(pub rtw_se_paired '')" = "<5,y"
check "published: the audit finds nothing recoverable" \
    sh -c "'$IPS' audit --db '$W' --period 2024 2>&1 | grep -q ', 0 worked out'"

# --- workbook ------------------------------------------------------------------
check "workbook written" "$IPS" report --db "$W" --period 2024Q3 --lang en --internal --out "$T/i.xlsx"
check "workbook (published) written" "$IPS" report --db "$W" --period 2024Q3 --lang fi --out "$T/p.xlsx"
check "the Instruments sheet holds the figures" "$PY" - "$T/i.xlsx" "$T/p.xlsx" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
names = wb.sheetnames
assert names.index("Instruments") == names.index("Capacity") + 1, names
rows = [r for r in wb["Instruments"].iter_rows(values_only=True) if r and r[-1] in ("work_ability_score", "rtw_se")]
whole = [r for r in rows if r[-1] == "work_ability_score" and r[1] == "All"][0]
assert whole[0] == "Work ability score (0–10)", whole
assert list(whole[3:7]) == [7, 4.86, 5.71, 0.86] and abs(whole[7] - 0.714) < 1e-9, whole
p1 = [r for r in rows if r[-1] == "work_ability_score" and r[2] == "p1"][0]
assert list(p1[3:7]) == [6, 5, 6, 1], p1
wb = openpyxl.load_workbook(sys.argv[2])
rows = [r for r in wb["Mittarit"].iter_rows(values_only=True) if r and r[-1] == "work_ability_score"]
p2 = [r for r in rows if r[2] == "p2"][0]
p1 = [r for r in rows if r[2] == "p1"][0]
assert p2[3] == "<5" and p2[4] == "–", p2
assert p1[3] == "–" and p1[7] == "–", p1
EOF

# --- chart and PDF ---------------------------------------------------------------
check "charts written" "$IPS" charts --db "$W" --period 2024Q3 --lang en --internal --format svg --out "$T/svg"
check "instruments.svg is among them" test -s "$T/svg/instruments.svg"
check "the chart's title" grep -qF "<title>Instruments: baseline and latest score</title>" \
    "$T/svg/instruments.svg"
for text in "All (n = 7)" "p1 (n = 6)" "p2 (n = 1)" "4.86" "5.71" "4.00" "6.00" \
    "Work ability score (0–10)" "Return-to-work self-efficacy (RTW-SE)" Baseline Latest; do
    check "the chart says '$text'" grep -qxF "$text" "$T/svg/instruments.svg"
done
check "charts (published) written" "$IPS" charts --db "$W" --period 2024Q3 --lang en --format svg --out "$T/psvg"
# The SVG's <desc> lists every text drawn, one a line.
check "published chart marks the hidden group" grep -qxF 'p2 (n = &lt;5)' "$T/psvg/instruments.svg"
check "published chart prints no value of a hidden group" \
    sh -c "! grep -qxF '4.00' '$T/psvg/instruments.svg' && ! grep -qxF '6.00' '$T/psvg/instruments.svg'"
check "published chart prints the whole" grep -qxF '4.86' "$T/psvg/instruments.svg"
check "PDF written" "$IPS" pdf --db "$W" --period 2024Q3 --lang en --internal --out "$T/s.pdf"
pages() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }
check "the PDF has the instruments page (10 pages)" test "$(pages "$T/s.pdf")" = 10
pdftotext "$T/s.pdf" "$T/s.txt"
check "the PDF page reads the figures" sh -c "tr '\n' ' ' <'$T/s.txt' | grep -q 'mean 2.00 at baseline and 3.50 at the latest score (1 clients)'"
check "the PDF page shows the chart" grep -q "All (n = 7)" "$T/s.txt"

# --- no assessments: no sheet, chart or page --------------------------------------
W0=$T/w0.db
check "fixture without assessments ingested" "$IPS" ingest -q --db "$W0" "$D/coaches.csv" \
    "$D/clients.csv" "$D/enrollments.csv"
"$IPS" metrics --db "$W0" --period 2024Q3 --internal >"$T/none.csv" 2>/dev/null
check "no instrument rows without assessments" sh -c "! grep -q '_paired,' '$T/none.csv'"
check "workbook without assessments" "$IPS" report --db "$W0" --period 2024Q3 --lang en --out "$T/n.xlsx"
check "no Instruments sheet" "$PY" -c '
import sys, openpyxl
assert "Instruments" not in openpyxl.load_workbook(sys.argv[1]).sheetnames' "$T/n.xlsx"
check "charts without assessments" "$IPS" charts --db "$W0" --period 2024Q3 --format svg --out "$T/nsvg"
check "no instruments chart" test ! -e "$T/nsvg/instruments.svg"
check "PDF without assessments" "$IPS" pdf --db "$W0" --period 2024Q3 --out "$T/n.pdf"
check "the PDF keeps its nine pages" test "$(pages "$T/n.pdf")" = 9
