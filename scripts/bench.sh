#!/bin/sh
# make bench: what each stage of the pipeline costs, and how that compares
# with what a data analyst would write instead (bench/peer.py: pandas,
# XlsxWriter, matplotlib).  Not a test: it prints figures and says which of
# the targets in docs/performance.md are met.
#
# For each size in BENCH_SIZES (default "1 10"; 1 = a national-scale year =
# gen-samples --clients 10000, about 320,000 contacts and 22 MB of CSV; 100 =
# 1,000,000 clients, 2.2 GB of CSV, which takes hours, so only when asked) it
# generates the data once and runs every stage on that same data:
#   ingest (the other files, then contacts.csv alone so that it can be set
#   beside a bare `sqlite3 .import` of the same file into a table with the same
#   columns and no key, index or check), metrics, metrics --by coach, report,
#   charts, pdf, publish (when the binary has it), metrics --by provider (kept
#   from earlier runs; in no sum) and the peer script,
# and prints a table of wall seconds, CPU seconds and peak RSS per stage,
# measured with /usr/bin/time.  Then the targets:
#   (a) analysis stages (metrics, --by coach, report, charts, pdf) / peer <= 0.5
#   (b) whole pipeline (ingest + analysis stages) / peer <= 1.5
#   (c) peak RSS of every ipsreport stage <= 64 MB (the peer's is shown, not judged)
#   (d) growth: a stage's time at 10x / at 1x <= 12 (1.2 x the size ratio)
#   (e) ingest of contacts.csv / sqlite3 .import <= 1.5
# and, as before, the growth of ingest cost from size to size.
#
# Usage: scripts/bench.sh BUILD_DIR     (BENCH_SIZES="1 10 100" adds 100x;
#        BENCH_PERIOD=2024Q4; BENCH_PYTHON=/usr/bin/python3)
# Works in a temp folder under BUILD_DIR, removed at the end.
set -eu
BUILD=${1:-build}
IPS="$BUILD/ipsreport"
GEN="$BUILD/gen-samples"
SIZES=${BENCH_SIZES:-"1 10"}
PERIOD=${BENCH_PERIOD:-2024Q4}
# Debian's python3-pandas & co. are installed for /usr/bin/python3; a pyenv or
# virtualenv python3 earlier on PATH would not see them.
PY=${BENCH_PYTHON:-/usr/bin/python3}
PEER=$(dirname "$0")/../bench/peer.py
TIME=/usr/bin/time
RSS_LIMIT_MB=64
export TZ=Europe/Helsinki LC_ALL=C.UTF-8

for x in "$IPS" "$GEN"; do
    [ -x "$x" ] || { echo "bench: $x missing; run make all" >&2; exit 2; }
done
[ -x "$TIME" ] || { echo "bench: $TIME missing; install the Debian package 'time'" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "bench: sqlite3 missing; install the package 'sqlite3'" >&2; exit 2; }
[ -r "$PEER" ] || { echo "bench: $PEER missing" >&2; exit 2; }
"$PY" -c 'import pandas, matplotlib, xlsxwriter' 2>/dev/null || {
    echo "bench: $PY cannot import pandas, matplotlib and xlsxwriter; run 'sh scripts/deps.sh bench' as root" >&2
    exit 2
}
# publish is being added alongside the separate commands; time it once it exists.
has_publish=0
"$IPS" publish --help >/dev/null 2>&1 && has_publish=1

TMP=$(mktemp -d "$BUILD/bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
# One line per size and stage: "size stage wall cpu rss_kb status" (status ok,
# skip or fail); the targets are worked out from it at the end.
RES="$TMP/results"
: >"$RES"

# measure NAME CMD...: runs CMD; $TMP/NAME.t gets "wall user sys maxrss_kb status".
measure() {
    name=$1
    shift
    "$TIME" -f '%e %U %S %M %x' -o "$TMP/$name.t" "$@" >"$TMP/$name.out" 2>"$TMP/$name.err" || true
    # time writes "Command exited with non-zero status N" first on failure.
    tail -1 "$TMP/$name.t" >"$TMP/$name.t1"
    mv "$TMP/$name.t1" "$TMP/$name.t"
}
field() { awk -v i="$2" '{print $i}' "$TMP/$1.t"; }
ok() { [ "$(field "$1" 5)" = 0 ]; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }
mb() { calc '%.0f' "$1 / 1024"; }
# get SIZE STAGE FIELD: one figure of the results (3 wall, 4 cpu, 5 rss_kb, 6 status).
get() { awk -v s="$1" -v n="$2" -v i="$3" '$1 == s && $2 == n { print $i }' "$RES"; }
verdict() { awk "BEGIN { print (($1 <= $2) ? \"met\" : \"NOT MET\") }"; }

# row LABEL SECONDS CPU PEAK_MB NOTE: one line of the table.
row() { printf '  %-32s %9s %9s %8s  %s\n' "$1" "$2" "$3" "$4" "$5"; }
# record SIZE STAGE WALL CPU RSS_KB STATUS
record() { echo "$1 $2 $3 $4 $5 $6" >>"$RES"; }

# stage SIZE NAME LABEL CMD...: times CMD, prints its row and records it.  A
# command that is still a placeholder is skipped with a note.
stage() {
    size=$1 name=$2 label=$3
    shift 3
    measure "$name" "$@"
    cpu=$(calc '%.2f' "$(field "$name" 2) + $(field "$name" 3)")
    if grep -q "not built yet" "$TMP/$name.err"; then
        row "$label" - - - "skipped: the command is still a placeholder"
        record "$size" "$name" 0 0 0 skip
    elif ok "$name"; then
        row "$label" "$(field "$name" 1)" "$cpu" "$(mb "$(field "$name" 4)")" ""
        record "$size" "$name" "$(field "$name" 1)" "$cpu" "$(field "$name" 4)" ok
    else
        row "$label" - - - "failed (exit $(field "$name" 5)): $(head -c 160 "$TMP/$name.err" | tr '\n' ' ')"
        record "$size" "$name" 0 0 0 fail
    fi
}

# The stages whose sum is "analysis"; ingest is added for "whole pipeline".
ANALYSIS="metrics metrics_coach report charts pdf"
# sum_of SIZE STAGES...: total wall time, or nothing when a stage did not run.
sum_of() {
    s=$1
    shift
    total=0
    for n in "$@"; do
        [ "$(get "$s" "$n" 6)" = ok ] || return 0
        total=$(calc '%.2f' "$total + $(get "$s" "$n" 3)")
    done
    echo "$total"
}

echo "ipsreport bench: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); sizes: $SIZES; period $PERIOD"
echo "(wall-clock seconds; CPU = user + system; a busy machine inflates wall time)"
[ "$has_publish" = 1 ] || echo "(ipsreport has no publish subcommand yet: that row is skipped)"
summary=""
for size in $SIZES; do
    clients=$((size * 10000))
    D="$TMP/x$size"
    echo
    measure gen "$GEN" --out "$D" --clients "$clients"
    ok gen || { echo "== ${size}x: gen-samples failed: $(cat "$TMP/gen.err")"; continue; }
    C="$D/canonical"
    contacts=$(($(wc -l <"$C/contacts.csv") - 1))
    echo "== ${size}x: $clients clients, $contacts contacts, $(du -sm "$C" | cut -f1) MB of CSV" \
        "(gen-samples $(field gen 1) s)"
    row "stage" "seconds" "CPU s" "peak MB" ""

    others=""
    for f in "$C"/*.csv; do
        [ "$f" = "$C/contacts.csv" ] || others="$others $f"
    done
    # shellcheck disable=SC2086
    measure ingest_rest "$IPS" ingest -q --db "$D/w.db" $others
    measure ingest_contacts "$IPS" ingest -q --db "$D/w.db" "$C/contacts.csv"
    if ! ok ingest_rest || ! ok ingest_contacts; then
        echo "  ingest failed: $(head -c 300 "$TMP/ingest_rest.err" "$TMP/ingest_contacts.err")"
        continue
    fi
    rows=$(sqlite3 "$D/w.db" 'SELECT sum(rows_read) FROM batches')
    wall=$(calc '%.2f' "$(field ingest_rest 1) + $(field ingest_contacts 1)")
    icpu=$(calc '%.2f' "$(field ingest_rest 2) + $(field ingest_rest 3) + $(field ingest_contacts 2) + $(field ingest_contacts 3)")
    rss=$(calc '%.0f' "($(field ingest_rest 4) > $(field ingest_contacts 4) ? $(field ingest_rest 4) : $(field ingest_contacts 4))")
    row "ingest (all files)" "$wall" "$icpu" "$(mb "$rss")" \
        "$rows rows, $(calc '%.0f' "$rows / $wall") rows/s, warehouse $(du -sm "$D/w.db" | cut -f1) MB"
    record "$size" ingest "$wall" "$icpu" "$rss" ok
    ccpu=$(calc '%.2f' "$(field ingest_contacts 2) + $(field ingest_contacts 3)")
    row "  of which contacts.csv" "$(field ingest_contacts 1)" "$ccpu" "$(mb "$(field ingest_contacts 4)")" \
        "$(calc '%.0f' "$contacts / $(field ingest_contacts 1)") rows/s"
    record "$size" ingest_contacts "$(field ingest_contacts 1)" "$ccpu" "$(field ingest_contacts 4)" ok

    # A bare import of the same file: same columns, no key, index or check.
    cols=$(head -1 "$C/contacts.csv" | tr -d '\r' | sed 's/[^,][^,]*/"&"/g')
    measure import sqlite3 "$D/import.db" "CREATE TABLE contacts($cols);" \
        ".import --csv --skip 1 $C/contacts.csv contacts"
    imported=$(sqlite3 "$D/import.db" 'SELECT count(*) FROM contacts' 2>/dev/null || echo 0)
    if ok import && [ "$imported" = "$contacts" ]; then
        mcpu=$(calc '%.2f' "$(field import 2) + $(field import 3)")
        row "  sqlite3 .import contacts.csv" "$(field import 1)" "$mcpu" "$(mb "$(field import 4)")" \
            "no key, index or checks; ingest / .import = $(calc '%.1f' "$(field ingest_contacts 1) / $(field import 1)")"
        record "$size" import "$(field import 1)" "$mcpu" "$(field import 4)" ok
    else
        row "  sqlite3 .import contacts.csv" - - - \
            "failed or short ($imported of $contacts rows): $(head -c 160 "$TMP/import.err" | tr '\n' ' ')"
        record "$size" import 0 0 0 fail
    fi
    rm -f "$D/import.db"

    stage "$size" metrics "metrics --period $PERIOD" \
        "$IPS" metrics --db "$D/w.db" --period "$PERIOD" --format csv
    stage "$size" metrics_coach "metrics --by coach" \
        "$IPS" metrics --db "$D/w.db" --period "$PERIOD" --by coach --format csv
    stage "$size" report "report --lang fi" \
        "$IPS" report --db "$D/w.db" --period "$PERIOD" --lang "fi" --out "$D/report.xlsx"
    stage "$size" charts "charts --format png" \
        "$IPS" charts --db "$D/w.db" --period "$PERIOD" --format png --out "$D/charts"
    stage "$size" pdf "pdf" \
        "$IPS" pdf --db "$D/w.db" --period "$PERIOD" --out "$D/summary.pdf"
    if [ "$has_publish" = 1 ]; then
        stage "$size" publish "publish" \
            "$IPS" publish --db "$D/w.db" --period "$PERIOD" --out "$D/publish"
    else
        row "publish" - - - "skipped: ipsreport has no publish subcommand"
        record "$size" publish 0 0 0 skip
    fi
    stage "$size" metrics_provider "metrics --by provider" \
        "$IPS" metrics --db "$D/w.db" --period "$PERIOD" --by provider --format csv
    # The federation (docs/federation.md): the whole data as one county's
    # pack, merged into a national warehouse, and the nation's publish.
    if "$IPS" pack --help >/dev/null 2>&1; then
        stage "$size" pack "pack (one county)" \
            "$IPS" pack --db "$D/w.db" --county bench --out "$D/bench.pack"
        rm -f "$D/national.db"
        stage "$size" merge "merge (into a new national)" \
            "$IPS" merge --db "$D/national.db" "$D/bench.pack"
        stage "$size" publish_national "publish (national)" \
            "$IPS" publish --db "$D/national.db" --period "$PERIOD" --out "$D/publish-national"
        echo "   pack: $(du -m "$D/bench.pack" | cut -f1) MB"
    fi
    # shellcheck disable=SC2086
    analysis=$(sum_of "$size" $ANALYSIS)
    # shellcheck disable=SC2086
    pipeline=$(sum_of "$size" ingest $ANALYSIS)
    row "= analysis stages" "${analysis:--}" "" "" "metrics, --by coach, report, charts, pdf"
    row "= whole pipeline" "${pipeline:--}" "" "" "ingest (all files) + analysis stages"
    stage "$size" peer "peer (bench/peer.py)" "$PY" "$PEER" "$D" "$PERIOD" "$D/peer"

    summary="$summary$size $rows $wall $icpu $(mb "$rss")
"
    rm -rf "$D"
done

echo
echo "== targets (figures from the tables above)"
# ratio_target LABEL LIMIT DENOMINATOR_STAGE NUMERATOR_STAGES...: one line per size.
ratio_target() {
    label=$1 limit=$2 den_stage=$3
    shift 3
    echo "$label"
    for size in $SIZES; do
        num=$(sum_of "$size" "$@")
        den=$(sum_of "$size" "$den_stage")
        if [ -z "$num" ] || [ -z "$den" ]; then
            printf '  %5s: n/a (a stage did not run)\n' "${size}x"
        else
            r=$(calc '%.2f' "$num / $den")
            printf '  %5s: %8.2f s / %6.2f s = %6.2f  %s\n' "${size}x" "$num" "$den" "$r" \
                "$(verdict "$r" "$limit")"
        fi
    done
}
# shellcheck disable=SC2086
ratio_target "(a) analysis stages / peer, target <= 0.5 (stated at 10x)" 0.5 peer $ANALYSIS
# shellcheck disable=SC2086
ratio_target "(b) whole pipeline / peer, target <= 1.5" 1.5 peer ingest $ANALYSIS
if [ "$has_publish" = 1 ]; then
    ratio_target "    for comparison: publish / peer (against (a)'s 0.5)" 0.5 peer publish
fi

echo "(c) peak RSS of every ipsreport stage <= $RSS_LIMIT_MB MB (the peer is shown, not judged)"
# ingest_contacts is left out: ingest (all files) is the larger of its two runs.
for size in $SIZES; do
    over=$(awk -v s="$size" -v lim="$RSS_LIMIT_MB" '
        $1 == s && $6 == "ok" && $2 != "peer" && $2 != "import" && $2 != "ingest_contacts" && $5 / 1024 > lim {
            printf "%s%s %.0f MB", sep, $2, $5 / 1024; sep = ", " }' "$RES")
    peer=$(get "$size" peer 5)
    peer_note=""
    [ -n "$peer" ] && [ "$(get "$size" peer 6)" = ok ] && peer_note="  (peer $(mb "$peer") MB)"
    [ -n "$(get "$size" ingest 6)" ] || { printf '  %5s: n/a\n' "${size}x"; continue; }
    if [ -z "$over" ]; then
        printf '  %5s: met%s\n' "${size}x" "$peer_note"
    else
        printf '  %5s: NOT MET: %s%s\n' "${size}x" "$over" "$peer_note"
    fi
done

echo "(d) growth: a stage's time at the larger size / at the smaller <= 1.2 x the size ratio (12 for 1x -> 10x)"
prev=""
for size in $SIZES; do
    if [ -n "$prev" ]; then
        limit=$(calc '%.1f' "1.2 * $size / $prev")
        for n in ingest ingest_contacts $ANALYSIS publish metrics_provider peer; do
            a=$(get "$prev" "$n" 3) b=$(get "$size" "$n" 3)
            if [ "$(get "$prev" "$n" 6)" != ok ] || [ "$(get "$size" "$n" 6)" != ok ]; then
                [ "$n" = publish ] && [ "$has_publish" = 0 ] && continue
                printf '  %5s -> %-5s %-18s n/a (did not run at both sizes)\n' "${prev}x" "${size}x" "$n"
                continue
            fi
            g=$(calc '%.1f' "$b / ($a > 0 ? $a : 0.01)")
            # CPU growth beside it: on a busy machine wall time grows with the load.
            ca=$(get "$prev" "$n" 4) cb=$(get "$size" "$n" 4)
            gc=$(calc '%.1f' "$cb / ($ca > 0 ? $ca : 0.01)")
            v=$(verdict "$g" "$limit")
            [ "$n" = peer ] && v="(not judged)"
            printf '  %5s -> %-5s %-18s %8.2f s -> %8.2f s  x%-6s %-12s %s\n' \
                "${prev}x" "${size}x" "$n" "$a" "$b" "$g" "(CPU x$gc)" "$v"
        done
    fi
    prev=$size
done
[ "$(echo "$SIZES" | wc -w)" -ge 2 ] || echo "  (needs two sizes)"

echo "(e) ingest contacts.csv / sqlite3 .import, target <= 1.5"
for size in $SIZES; do
    if [ "$(get "$size" ingest_contacts 6)" = ok ] && [ "$(get "$size" import 6)" = ok ]; then
        a=$(get "$size" ingest_contacts 3) b=$(get "$size" import 3)
        r=$(calc '%.2f' "$a / $b")
        printf '  %5s: %8.2f s / %6.2f s = %6.2f  %s\n' "${size}x" "$a" "$b" "$r" "$(verdict "$r" 1.5)"
    else
        printf '  %5s: n/a\n' "${size}x"
    fi
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
