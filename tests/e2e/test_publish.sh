#!/bin/sh
# ipsreport publish: the whole pack of a period from one computation, equal to
# what the single commands write, and clear refusals.
. "$(dirname "$0")/lib.sh"
DB="$T/samples.db"
"$IPS" ingest -q --db "$DB" "$IPS_ROOT"/samples/canonical/*.csv >/dev/null 2>&1
OUT="$T/pack"
expect_status "publish fi,sv,en" 0 "$IPS" publish --db "$DB" --period 2024Q4 --lang fi,sv,en \
    --out "$OUT" >/dev/null 2>"$T/err"
check "it says what it wrote" grep -q "publish: wrote $OUT for 2024Q4" "$T/err"
for f in metrics-2024Q4.csv metrics-2024Q4.json report-fi.xlsx report-sv.xlsx report-en.xlsx \
    summary-fi.pdf summary-sv.pdf summary-en.pdf; do
    check "$f written" test -s "$OUT/$f"
done
for l in fi sv en; do
    # The seven charts and, the samples holding assessments, the instruments one (issue 16).
    check "charts-$l: eight PNG charts" test "$(ls "$OUT/charts-$l"/*.png | wc -l)" = 8
done

# The same as the single commands.
"$IPS" metrics --db "$DB" --period 2024Q4 --format csv >"$T/m.csv"
check "metrics CSV equals 'ipsreport metrics'" cmp -s "$T/m.csv" "$OUT/metrics-2024Q4.csv"
"$IPS" metrics --db "$DB" --period 2024Q4 --format json >"$T/m.json"
check "metrics JSON equals 'ipsreport metrics --format json'" cmp -s "$T/m.json" "$OUT/metrics-2024Q4.json"
"$IPS" report --db "$DB" --period 2024Q4 --lang sv --out "$T/r.xlsx" >/dev/null 2>&1
mkdir -p "$T/a" "$T/b"
(cd "$T/a" && unzip -q "$OUT/report-sv.xlsx") && (cd "$T/b" && unzip -q "$T/r.xlsx")
# The About sheet says when the workbook was made: leave times out.
norm() { sed 's/[0-9]\{4\}-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]//g' "$1"; }
same=yes
for s in "$T"/a/xl/worksheets/sheet*.xml; do
    n=$(basename "$s")
    norm "$s" >"$T/x1"
    norm "$T/b/xl/worksheets/$n" >"$T/x2"
    cmp -s "$T/x1" "$T/x2" || same="no ($n)"
done
check "workbook sheets equal 'ipsreport report' ($same)" test "$same" = yes
"$IPS" pdf --db "$DB" --period 2024Q4 --lang en --out "$T/s.pdf" >/dev/null 2>&1
check "PDF has the pages of 'ipsreport pdf'" \
    test "$(pdfinfo "$OUT/summary-en.pdf" | grep Pages)" = "$(pdfinfo "$T/s.pdf" | grep Pages)"

# Refusals name the fault and the fix; nothing half-written is claimed.
expect_status "unknown language" 2 "$IPS" publish --db "$DB" --period 2024Q4 --lang de --out "$T/x" 2>"$T/err"
check "unknown language is named" grep -q "fi, sv and en" "$T/err"
expect_status "missing --out" 2 "$IPS" publish --db "$DB" --period 2024Q4 2>"$T/err"
check "missing --out is named" grep -q -- "--out" "$T/err"
expect_status "bad period" 2 "$IPS" publish --db "$DB" --period 2024Q5 --out "$T/x" 2>"$T/err"
check "bad period is named" grep -q "2024Q5" "$T/err"
expect_status "missing warehouse" 2 "$IPS" publish --db "$T/nope.db" --period 2024Q4 --out "$T/x" 2>"$T/err"
check "missing warehouse is named" grep -q "nope.db" "$T/err"
printf 'client_id\n' >"$T/h.csv"
"$IPS" ingest -q --db "$T/empty.db" "$T/h.csv" >/dev/null 2>&1
expect_status "empty warehouse, latest" 2 "$IPS" publish --db "$T/empty.db" --period latest --out "$T/x" 2>"$T/err"
check "empty warehouse says to ingest" grep -q "ingest" "$T/err"
"$IPS" publish --help >"$T/help"
check "--help lists the options" grep -q -- "--lang LIST" "$T/help"
