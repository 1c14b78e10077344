#!/bin/sh
# `ipsreport demo` (make demo): the whole pipeline on the samples, as the
# quarterly pack a project manager brings: three languages, the project's
# comparisons, a page and sheet per provider, the fees in euros.
. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3

O="$T/out"
expect_status "demo runs" 0 "$IPS" demo --samples "$IPS_ROOT/samples/canonical" --out "$O"
for lang in fi sv en; do
    check "$lang: workbook, PDF and charts" \
        sh -c "test -s '$O/report-$lang.xlsx' && test -s '$O/summary-$lang.pdf' && test -s '$O/charts-$lang/service_path.png'"
done
check "metrics CSV and JSON" sh -c "test -s '$O'/metrics-*.csv && test -s '$O'/metrics-*.json"
check "one warehouse file, no -wal left" sh -c "test -s '$O/warehouse.db' && test ! -e '$O/warehouse.db-wal'"
if command -v pdftotext >/dev/null; then
    pdftotext -layout "$O/summary-en.pdf" "$T/s.txt"
    np=$(grep -c 'Provider: ' "$T/s.txt")
    check "a PDF page per provider ($np)" [ "$np" -ge 3 ]
    check "the project on the pages" grep -q "S30481" "$T/s.txt"
    check "fees in euros" grep -q "€" "$T/s.txt"
fi
"$PY" - "$O/report-en.xlsx" >"$T/sheets.txt" 2>/dev/null <<'PYEOF' || true
import sys, zipfile, re
z = zipfile.ZipFile(sys.argv[1])
print("\n".join(re.findall(r'<sheet name="([^"]+)"', z.read("xl/workbook.xml").decode())))
PYEOF
check "a workbook sheet per provider" grep -q "valmennuslehto" "$T/sheets.txt"
