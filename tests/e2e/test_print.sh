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
# With the example project file: its comparison and target columns too.
PROJECT=""
[ -f "$IPS_ROOT/samples/project.ini" ] && PROJECT="--project $IPS_ROOT/samples/project.ini"
for lang in fi sv en; do
    # shellcheck disable=SC2086
    check "$lang workbook written" $IPS report --db $W --period 2024Q4 --lang $lang $PROJECT --out $T/$lang.xlsx
    check "$lang: every sheet fits one page wide, landscape, frozen, header repeats" \
        "$PY" "$HERE/check_print.py" $T/$lang.xlsx
done
# The data-quality sheet reads in the sheet's language: check names, not ids;
# counts in their own column, never run into the text; no English words.
for lang in fi sv; do
    check "$lang: data-quality sheet in $lang, labels not codes, counts apart" "$PY" - $T/$lang.xlsx $lang <<'PY'
import re, sys, openpyxl
lang = sys.argv[2]
ws = openpyxl.load_workbook(sys.argv[1])[{"fi": "Tietojen laatu", "sv": "Datakvalitet"}[lang]]
rows = list(ws.iter_rows(min_row=6, values_only=True))
findings = [r for r in rows[: next(i for i, r in enumerate(rows) if not any(r))]]
assert len(findings) >= 5, findings
english = re.compile(r"\b(e\.g\.|episodes?|jobs?|clients?|contacts?|with|without|after)\b", re.I)
for sev, check, entity, where, count, text in findings:
    assert not re.fullmatch(r"[a-z0-9_]+", check or ""), ("raw id", check)
    assert isinstance(count, (int, float)), ("count not a number", count)
    for cell in (sev, check, entity, where, text):
        assert not english.search(str(cell or "")), ("English", cell)
    assert not re.match(r"\s*\d", check) and not re.match(r"\s*\d", text or ""), \
        ("a count run into the text", check, text)
PY
done
# shellcheck disable=SC2086
check "internal workbook written" $IPS report --db $W --period 2024Q4 --lang fi --internal $PROJECT --out $T/int.xlsx
# Hidden cells are never blank, on any sheet: wherever the internal workbook
# (no suppression, same rows) has a number, the published one has a number,
# "<5" or "–"; and each sheet says what the two marks mean.
check "published workbook: no number turned into an empty cell, a legend on every sheet" "$PY" - $T/int.xlsx $T/fi.xlsx <<'PY'
import sys, openpyxl
a, b = (openpyxl.load_workbook(p) for p in sys.argv[1:3])
hidden = 0
for wa, wb in zip(a.worksheets, b.worksheets):
    assert wa.title == wb.title
    assert "<5" in str(wb["A3"].value) and "\u2013" in str(wb["A3"].value), (wb.title, wb["A3"].value)
    for ra, rb in zip(wa.iter_rows(), wb.iter_rows()):
        for ca, cb in zip(ra, rb):
            if isinstance(ca.value, (int, float)):
                assert cb.value is not None, ("blank where a number was hidden", wb.title, cb.coordinate)
                hidden += cb.value in ("<5", "\u2013")
assert hidden > 100, hidden
PY
check "native chart: bars across, the two periods apart in grey (a hatch pattern)" "$PY" - $T/fi.xlsx <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
assert charts, "no native chart"
x = z.read(charts[0]).decode()
assert '<c:barDir val="bar"/>' in x, "not a bar chart"
assert x.count("<a:pattFill") >= 1 and x.count("<c:ser>") == 2, "series not patterned"
PY
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
