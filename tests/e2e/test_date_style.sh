#!/bin/sh
# One date style per language in every output (common/date.h): Finnish and
# Swedish write 31.12.2024, English 2024-12-31 — in the workbook's text and
# date cells, and in the PDF summary's text.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
W=$T/w.db
$IPS ingest -q --db $W "$IPS_ROOT"/samples/canonical/*.csv
for lang in fi sv en; do
    check "$lang workbook written" sh -c "$IPS report --db $W --period 2024Q4 --lang $lang --out $T/$lang.xlsx >/dev/null"
    check "$lang PDF written" sh -c "$IPS pdf --db $W --period 2024Q4 --lang $lang --out $T/$lang.pdf >/dev/null"
    case $lang in en) want=iso ;; *) want=dmy ;; esac
    check "$lang workbook: every date reads $want (text and date cells)" "$PY" - $T/$lang.xlsx $want <<'PY'
import re, sys, openpyxl
want = sys.argv[2]
iso, dmy = re.compile(r"\b\d{4}-\d\d-\d\d\b"), re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{4}\b")
wrong, right = (dmy, iso) if want == "iso" else (iso, dmy)
fmt = "yyyy-mm-dd" if want == "iso" else "d.m.yyyy"
seen = 0
for ws in openpyxl.load_workbook(sys.argv[1]).worksheets:
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str):
                assert not wrong.search(c.value), (ws.title, c.coordinate, c.value)
                seen += bool(right.search(c.value))
            elif c.is_date:
                assert c.number_format == fmt, (ws.title, c.coordinate, c.number_format)
                seen += 1
assert seen > 10, seen
PY
    pdftotext $T/$lang.pdf $T/$lang.txt
    if [ $want = iso ]; then
        check "en PDF: ISO dates only" sh -c "grep -qE '2024-12-31' $T/en.txt && ! grep -qE '\b[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}\b' $T/en.txt"
    else
        check "$lang PDF: 31.12.2024, no ISO dates" sh -c "grep -q '31\.12\.2024' $T/$lang.txt && ! grep -qE '\b[0-9]{4}-[0-9]{2}-[0-9]{2}\b' $T/$lang.txt"
    fi
done
