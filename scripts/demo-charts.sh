#!/bin/sh
# The charts part of `make demo`: PNG and SVG charts and the PDF summaries of
# one period from a warehouse the demo has already loaded.
#   sh scripts/demo-charts.sh BIN DB PERIOD [OUT]
# writes OUT/charts/*.png, OUT/charts-svg/*.svg and OUT/summary-{fi,sv,en}.pdf
# (OUT defaults to out).
set -eu
if [ $# -lt 3 ]; then
    echo "usage: sh scripts/demo-charts.sh BIN DB PERIOD [OUT]" >&2
    exit 2
fi
BIN=$1
DB=$2
PERIOD=$3
OUT=${4:-out}
mkdir -p "$OUT"
"$BIN" charts --db "$DB" --period "$PERIOD" --out "$OUT/charts" >/dev/null
"$BIN" charts --db "$DB" --period "$PERIOD" --format svg --out "$OUT/charts-svg" >/dev/null
for lang in fi sv en; do
    "$BIN" pdf --db "$DB" --period "$PERIOD" --lang "$lang" --out "$OUT/summary-$lang.pdf" >/dev/null
done
echo "demo: charts in $OUT/charts/, steering-group summary in $OUT/summary-fi.pdf (also -sv, -en)"
