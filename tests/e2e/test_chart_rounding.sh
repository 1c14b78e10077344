#!/bin/sh
# Chart labels print the figures as the tables do (metrics.md R17): the SVG
# text of the samples' 2024Q4 charts against `ipsreport metrics`.  The KM
# curve's end reads with one decimal (49.8 %, not 50 %); the employment
# rate's last point is the metric; the service-path funnel starts with
# enrollments_started.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
W=$T/w.db
$IPS ingest -q --db $W "$IPS_ROOT"/samples/canonical/*.csv
check "metrics written" sh -c "$IPS metrics --db $W --period 2024Q4 --format csv >$T/m.csv"
for lang in en fi; do
    check "$lang charts written" sh -c "$IPS charts --db $W --period 2024Q4 --lang $lang --format svg --out $T/$lang >/dev/null"
done
labels() { # chart lang: the SVG's text lines (the <desc> holds every drawn text)
    "$PY" - "$T/$2/$1.svg" <<'PY'
import re, sys, html
svg = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r"<desc>(.*?)</desc>", svg, re.S)
for line in (m.group(1) if m else "").splitlines():
    print(html.unescape(line.strip()))
PY
}
metric() { "$PY" -c "import csv,sys
for r in csv.DictReader(open(sys.argv[1])):
    if r['metric'] == sys.argv[2] and not r['group_by']: print(r['value'])" $T/m.csv "$1"; }

labels employment_rate en >$T/emp.txt
rate=$(metric employment_rate)
check "employment rate: every point label has one decimal" sh -c "! grep -E '^[0-9]+%$' $T/emp.txt && grep -qE '^[0-9]+\.[0-9]%$' $T/emp.txt"
check "employment rate: the 2024Q4 point reads as the metric ($rate%)" grep -qx "$rate%" $T/emp.txt
labels time_to_first_job en >$T/km.txt
# (Axis ticks are bare numbers; the only "N%" texts are the curve's labels.)
check "KM curve: its end label has the tables' one decimal (e.g. 49.8%, not 50%)" sh -c "grep -qxE '[0-9]+\.[0-9]%' $T/km.txt && ! grep -qxE '[0-9]+%' $T/km.txt"
end=$(grep -xE '[0-9]+\.[0-9]%' $T/km.txt | tail -1 | tr -d '%' | tr . ,)
labels time_to_first_job fi >$T/km-fi.txt
check "KM curve in Finnish: decimal comma, the same digits ($end %)" grep -qx "$end$(printf '\302\240%%')" $T/km-fi.txt
labels service_path en >$T/path.txt
started=$(metric enrollments_started)
check "funnel: Started is enrollments_started ($started), not those referred" sh -c "grep -A1 -x Started $T/path.txt | grep -qx '$started (100.0%)'"
check "funnel: shares with one decimal" sh -c "grep -E '^[0-9]+ \(' $T/path.txt | grep -vqE '\([0-9]+\.[0-9]%\)' && exit 1 || exit 0"
