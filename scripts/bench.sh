#!/bin/sh
# make bench: how ingest, metrics, report and charts scale.  Not a test: it
# prints figures.
#
# For each size in BENCH_SIZES (default "1 10 100"; 1 = a national-scale year
# = gen-samples --clients 10000, about 300,000 contacts and 22 MB of CSV;
# 100 = 1,000,000 clients, 2.2 GB of CSV, which takes hours here) it
# generates the data, ingests it with the release binary (the other files,
# then contacts.csv alone so that it can be compared), times metrics, report
# and charts (skipped with a note while a command is a placeholder), records
# peak RSS with /usr/bin/time -v's counter, and on the same contacts file times
# a bare `sqlite3 .import` into a table of the same columns with no key, no
# index and no checks.  Then the growth of ingest cost from size to size
# (linear growth = the size ratio).
#
# Usage: scripts/bench.sh BUILD_DIR     (BENCH_SIZES="1 10" to skip 100×)
# Works in a temp folder under BUILD_DIR, removed at the end.
set -eu
BUILD=${1:-build}
IPS="$BUILD/ipsreport"
GEN="$BUILD/gen-samples"
SIZES=${BENCH_SIZES:-"1 10 100"}
PERIOD=${BENCH_PERIOD:-2024Q4}
TIME=/usr/bin/time
export TZ=Europe/Helsinki LC_ALL=C.UTF-8

for x in "$IPS" "$GEN"; do
    [ -x "$x" ] || { echo "bench: $x missing; run make all" >&2; exit 2; }
done
[ -x "$TIME" ] || { echo "bench: $TIME missing; install the Debian package 'time'" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "bench: sqlite3 missing; install the package 'sqlite3'" >&2; exit 2; }
TMP=$(mktemp -d "$BUILD/bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM

# measure NAME CMD...: runs CMD; $TMP/NAME.t gets "wall user sys maxrss_kb status".
measure() {
    name=$1
    shift
    "$TIME" -f '%e %U %S %M %x' -o "$TMP/$name.t" "$@" >"$TMP/$name.out" 2>"$TMP/$name.err" || true
    tail -1 "$TMP/$name.t" >"$TMP/$name.t1"
    mv "$TMP/$name.t1" "$TMP/$name.t"
}
field() { awk -v i="$2" '{print $i}' "$TMP/$1.t"; }
ok() { [ "$(field "$1" 5)" = 0 ]; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }

# optional NAME LABEL CMD...: times a command that may still be a placeholder.
optional() {
    name=$1 label=$2
    shift 2
    measure "$name" "$@"
    if grep -q "not built yet" "$TMP/$name.err"; then
        printf '  %-28s skipped: the command is still a placeholder\n' "$label"
    elif ok "$name"; then
        printf '  %-28s %8.2f s  (peak RSS %s MB)\n' "$label" "$(field "$name" 1)" \
            "$(calc '%.0f' "$(field "$name" 4) / 1024")"
    else
        printf '  %-28s failed (exit %s): %s\n' "$label" "$(field "$name" 5)" \
            "$(head -c 200 "$TMP/$name.err" | tr '\n' ' ')"
    fi
}

echo "ipsreport bench: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); sizes: $SIZES"
echo "(wall-clock seconds; CPU = user + system; a busy machine inflates wall time)"
summary=""
for size in $SIZES; do
    clients=$((size * 10000))
    D="$TMP/x$size"
    echo
    echo "== ${size}x: $clients clients"
    measure gen "$GEN" --out "$D" --clients "$clients"
    ok gen || { echo "  gen-samples failed: $(cat "$TMP/gen.err")"; continue; }
    C="$D/canonical"
    contacts=$(($(wc -l <"$C/contacts.csv") - 1))
    printf '  %-28s %8.2f s  (%s MB of CSV, %s contacts)\n' "gen-samples" "$(field gen 1)" \
        "$(du -sm "$C" | cut -f1)" "$contacts"

    others=$(ls "$C"/*.csv | grep -v '/contacts\.csv$')
    # shellcheck disable=SC2086
    measure ingest_rest "$IPS" ingest -q --db "$D/w.db" $others
    measure ingest_contacts "$IPS" ingest -q --db "$D/w.db" "$C/contacts.csv"
    if ! ok ingest_rest || ! ok ingest_contacts; then
        echo "  ingest failed: $(head -c 300 "$TMP/ingest_rest.err" "$TMP/ingest_contacts.err")"
        continue
    fi
    rows=$(sqlite3 "$D/w.db" 'SELECT sum(rows_read) FROM batches')
    wall=$(calc '%.2f' "$(field ingest_rest 1) + $(field ingest_contacts 1)")
    cpu=$(calc '%.2f' "$(field ingest_rest 2) + $(field ingest_rest 3) + $(field ingest_contacts 2) + $(field ingest_contacts 3)")
    rss=$(calc '%.0f' "($(field ingest_rest 4) > $(field ingest_contacts 4) ? $(field ingest_rest 4) : $(field ingest_contacts 4)) / 1024")
    printf '  %-28s %8.2f s  CPU %.2f s, %s rows, %s rows/s, peak RSS %s MB, warehouse %s MB\n' \
        "ingest (all files)" "$wall" "$cpu" "$rows" "$(calc '%.0f' "$rows / $wall")" "$rss" \
        "$(du -sm "$D/w.db" | cut -f1)"
    printf '  %-28s %8.2f s  %s rows/s\n' "  of which contacts.csv" "$(field ingest_contacts 1)" \
        "$(calc '%.0f' "$contacts / $(field ingest_contacts 1)")"

    # A bare import of the same file: same columns, no key, index or check.
    cols=$(head -1 "$C/contacts.csv" | tr -d '\r' | sed 's/[^,][^,]*/"&"/g')
    measure import sqlite3 "$D/import.db" "CREATE TABLE contacts($cols);" \
        ".import --csv --skip 1 $C/contacts.csv contacts"
    imported=$(sqlite3 "$D/import.db" 'SELECT count(*) FROM contacts' 2>/dev/null || echo 0)
    if ok import && [ "$imported" = "$contacts" ]; then
        printf '  %-28s %8.2f s  (table without key, index or checks)\n' "sqlite3 .import contacts" \
            "$(field import 1)"
        printf '  %-28s %8.1f\n' "ratio ingest / .import" \
            "$(calc '%.1f' "$(field ingest_contacts 1) / $(field import 1)")"
    else
        echo "  sqlite3 .import failed or short ($imported of $contacts rows): $(head -c 200 "$TMP/import.err")"
    fi
    rm -f "$D/import.db"

    optional metrics "metrics --by provider" "$IPS" metrics --db "$D/w.db" --period "$PERIOD" \
        --by provider --format csv
    optional report "report" "$IPS" report --db "$D/w.db" --period "$PERIOD" --lang fi \
        --out "$D/report.xlsx"
    optional charts "charts (png)" "$IPS" charts --db "$D/w.db" --period "$PERIOD" --format png \
        --out "$D/charts"
    summary="$summary$size $rows $wall $cpu $rss
"
    rm -rf "$D"
done

echo
echo "== growth of ingest cost (linear = the size ratio)"
printf '%s' "$summary" | awk '
    NF == 5 {
        if (n) printf "  %sx -> %sx: rows x%.1f, wall time x%.1f, CPU x%.1f, peak RSS %s -> %s MB\n",
                      s, $1, $2 / r, $3 / w, $4 / c, m, $5
        s = $1; r = $2; w = $3; c = $4; m = $5; n++
    }
    END { if (n < 2) print "  (needs two sizes)" }'
