#!/bin/sh
# Each chart renders for the samples: the canonical sample files ingested,
# all seven charts drawn for 2024Q4 as PNG and SVG and the PDF summary, in
# Finnish, Swedish and English.  Every PNG is inked, every SVG names its
# title and axes, the coach chart has one bar per coach row of `ipsreport
# metrics --by coach`, and the summary has its nine pages and, since the
# samples hold assessments, the outcome instruments' page (issue 16).  A
# period before the data (2019Q1) draws "no data" pictures without an error
# (and no instruments page: nobody is active then).
. "$(dirname "$0")/lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)
PY=/usr/bin/python3
W=$T/w.db
PERIOD=2024Q4

check "samples ingested" "$IPS" ingest -q --db "$W" "$IPS_ROOT"/samples/canonical/*.csv
"$IPS" metrics --db "$W" --period $PERIOD --by coach --format csv >"$T/coach.csv" 2>"$T/err"
check "metrics by coach for $PERIOD" test -s "$T/coach.csv"
check "the samples have coach rows" grep -q "^caseload_per_fte,.*,coach,tv" "$T/coach.csv"

# quiet CMD...: CMD's output in $T/out; its errors shown only when it fails.
quiet() { "$@" >"$T/out" 2>"$T/err" || { cat "$T/err" >&2; return 1; }; }
pages() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }

for lang in fi sv en; do
    D=$T/$lang
    mkdir -p "$D"
    check "$lang: charts png for $PERIOD" quiet "$IPS" charts --db "$W" --period $PERIOD --lang $lang --out "$D/png"
    "$PY" "$HERE/check_charts.py" png "$D/png" --label "$lang $PERIOD" || true
    check "$lang: charts svg for $PERIOD" quiet "$IPS" charts --db "$W" --period $PERIOD --lang $lang --format svg --out "$D/svg"
    "$PY" "$HERE/check_charts.py" svg "$D/svg" --lang $lang --data --label "$lang $PERIOD" \
        --coach-metrics "$T/coach.csv" || true
    check "$lang: pdf summary for $PERIOD" quiet "$IPS" pdf --db "$W" --period $PERIOD --lang $lang --out "$D/summary.pdf"
    check "$lang: summary has 9 pages and the instruments page" test "$(pages "$D/summary.pdf")" = 10
    check "$lang: an instruments chart" test -s "$D/svg/instruments.svg"
    pdftotext "$D/summary.pdf" "$D/summary.txt"
    case $lang in
    fi) reading="valmentajaa; koko palvelussa" ;;
    sv) reading="coacher; hela tjänsten" ;;
    en) reading="coaches within 20 clients per FTE" ;;
    esac
    # pdftotext may break the reading across lines: join them first.
    check "$lang: summary carries the coach reading" sh -c "tr '\n' ' ' <'$D/summary.txt' | grep -q '$reading'"
done

# --- a period with no data ---------------------------------------------------
for lang in fi sv en; do
    D=$T/empty-$lang
    mkdir -p "$D"
    check "$lang: charts png for 2019Q1" quiet "$IPS" charts --db "$W" --period 2019Q1 --lang $lang --out "$D/png"
    "$PY" "$HERE/check_charts.py" png "$D/png" --label "$lang 2019Q1" || true
    check "$lang: charts svg for 2019Q1" quiet "$IPS" charts --db "$W" --period 2019Q1 --lang $lang --format svg --out "$D/svg"
    "$PY" "$HERE/check_charts.py" svg "$D/svg" --lang $lang --empty --label "$lang 2019Q1" || true
    check "$lang: pdf summary for 2019Q1" quiet "$IPS" pdf --db "$W" --period 2019Q1 --lang $lang --out "$D/summary.pdf"
    check "$lang: empty summary has 9 pages" test "$(pages "$D/summary.pdf")" = 9
done
