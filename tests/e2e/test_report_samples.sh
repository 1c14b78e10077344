#!/bin/sh
# The workbook for the samples' latest quarter, read back with openpyxl: its
# numbers equal `ipsreport metrics`, every sheet exists in fi, sv and en, the
# Summary carries the seven PNG charts and the instruments chart (the samples
# hold assessments: issue 16), and a tariff fills the euro columns.
. "$(dirname "$0")/lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)
PY=/usr/bin/python3
W=$T/w.db
$IPS ingest -q --db $W "$IPS_ROOT"/samples/canonical/*.csv
M=""
$IPS metrics --db $W --period 2024Q4 --internal >$T/m.csv 2>/dev/null && M="--metrics-csv $T/m.csv"
for by in provider team region gender age_group segment; do
    $IPS metrics --db $W --period 2024Q4 --internal --by $by >$T/m-$by.csv 2>/dev/null && M="$M --metrics-csv $T/m-$by.csv"
done
check "fi internal workbook written" $IPS report --db $W --period 2024Q4 --lang fi --internal --out $T/fi.xlsx
# shellcheck disable=SC2086
check "fi workbook equals metrics, 8 charts on Summary" "$PY" "$HERE/check_report.py" $T/fi.xlsx --lang fi --internal --expect-images 8 $M
for lang in sv en; do
    check "$lang workbook written" $IPS report --db $W --period 2024Q4 --lang $lang --out $T/$lang.xlsx
    check "$lang workbook reads back (published, suppressed)" "$PY" "$HERE/check_report.py" $T/$lang.xlsx --lang $lang --expect-images 8
done
check "tariff: workbook written" $IPS report --db $W --period 2024Q4 --lang en --tariff "$IPS_ROOT"/samples/tariff.ini --out $T/tariff.xlsx
check "tariff: euro amounts on the Funding sheet" "$PY" - $T/tariff.xlsx <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Funding"]
nums = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, (int, float))]
assert any(v >= 100 for v in nums), "no euro amounts"
PY
expect_status "a broken tariff is refused (exit 2)" 2 sh -c "printf '[default]\nfee_start = lots\n' >$T/bad.ini; $IPS report --db $W --period 2024Q4 --tariff $T/bad.ini --out $T/bad.xlsx 2>$T/bad.err"
check "broken tariff message names file:line" grep -q "bad.ini:2" $T/bad.err
