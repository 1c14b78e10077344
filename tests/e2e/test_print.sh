#!/bin/sh
# Print-ready workbooks: the fi, sv and en workbooks of the samples fit one
# page wide in landscape with frozen panes and repeated header rows (sheet
# XML), and, when LibreOffice is installed, render without any "###" and
# without a page that lost the first column (check_print.py).
. "$(dirname "$0")/lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)
PY=/usr/bin/python3
W=$T/w.db
$IPS ingest -q --db $W "$IPS_ROOT"/samples/canonical/*.csv
SOFFICE=$(command -v soffice || command -v libreoffice || true)
for lang in fi sv en; do
    check "$lang workbook written" $IPS report --db $W --period 2024Q4 --lang $lang --out $T/$lang.xlsx
    check "$lang: every sheet fits one page wide, landscape, frozen, header repeats" \
        "$PY" "$HERE/check_print.py" $T/$lang.xlsx
done
check "internal workbook written" $IPS report --db $W --period 2024Q4 --lang fi --internal --out $T/int.xlsx
check "internal workbook: page setup on every sheet" "$PY" "$HERE/check_print.py" $T/int.xlsx
if [ -z "$SOFFICE" ]; then
    echo "note: LibreOffice (soffice) is not installed: the rendering checks are skipped"
    exit 0
fi
# A profile of its own, so that a LibreOffice the user has open is not disturbed.
mkdir -p $T/pdf
if "$SOFFICE" -env:UserInstallation=file://$T/lo --headless --convert-to pdf --outdir $T/pdf \
    $T/fi.xlsx $T/sv.xlsx $T/en.xlsx $T/int.xlsx >$T/soffice.log 2>&1; then
    for lang in fi sv en int; do
        check "$lang: rendered by LibreOffice without ###, one page wide" \
            "$PY" "$HERE/check_print.py" $T/$lang.xlsx $T/pdf/$lang.pdf
    done
else
    fail "LibreOffice could not render the workbooks: $(tail -1 $T/soffice.log)"
fi
