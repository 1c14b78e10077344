#!/bin/sh
# make fuzz: builds every tests/fuzz/fuzz_*.c with clang, libFuzzer,
# AddressSanitizer and UBSan, and runs each for FUZZ_SECONDS (default 600),
# reporting each target's executions per second
# seeded with tests/bad/, the small sample files, tests/fuzz/seeds/ and
# tests/fuzz/regressions/.  What a target finds (crash, leak, timeout, out of
# memory) is written to BUILD/fuzz/findings/TARGET/; the script fails when a
# run adds anything there.  The growing corpus is kept in BUILD/fuzz/corpus/
# so later runs start where earlier ones stopped.
#
# Usage: scripts/fuzz.sh BUILD_DIR
#   FUZZ_SECONDS=60   seconds per target
#   FUZZ_TARGETS="fuzz_ids"  only these targets
#   FUZZ_CC=clang-14  the compiler
set -eu
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
SECONDS_EACH=${FUZZ_SECONDS:-600}
CC=${FUZZ_CC:-clang}
OUT="$BUILD/fuzz"
JOBS=${FUZZ_JOBS:-2}

command -v "$CC" >/dev/null || { echo "fuzz: $CC not found; install clang (make deps)" >&2; exit 2; }
PKGS="sqlite3 xlsxwriter cairo pangocairo fontconfig libsodium inih"
SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
# 1 KiB CSV chunks instead of 64 KiB (ingest/hash_ahead.h): inputs of a few KB
# then cross the reader's chunk boundaries, which at 64 KiB only inputs slow
# enough to fuzz a few hundred a second would reach.
CFLAGS="-std=c17 -D_POSIX_C_SOURCE=200809L -DHASH_AHEAD_CHUNK=1024 -I. $(pkg-config --cflags $PKGS) -g -O1 $SAN"
LIBS="$(pkg-config --libs $PKGS) -lcsv -lm"
mkdir -p "$OUT/obj" "$OUT/bin" "$OUT/corpus" "$OUT/findings"

# Library and support objects with coverage for libFuzzer (no main).
echo "fuzz: building with $CC"
objs=""
for src in common/*.c model/*.c ingest/*.c reports/*.c charts/*.c tests/fuzz/support.c; do
    [ -f "$src" ] || continue
    objs="$objs $OUT/obj/$(echo "$src" | tr / _ | sed 's/\.c$/.o/')"
done
# Rebuilt every time (about 30 files): simpler than tracking headers.
for src in common/*.c model/*.c ingest/*.c reports/*.c charts/*.c tests/fuzz/support.c; do
    [ -f "$src" ] && echo "$src"
done | xargs -P "$JOBS" -I{} sh -c \
    'o="$0/obj/$(echo "$1" | tr / _ | sed "s/\.c\$/.o/")"; '"$CC"' '"$CFLAGS"' -fsanitize=fuzzer-no-link -c "$1" -o "$o"' \
    "$OUT" {}

# The text catalogue, compiled from po/ as the Makefile does.
awk -f scripts/po2c.awk reports/labels.h charts/chart_labels.h po/ipsreport.pot po/*.po \
    >"$OUT/obj/catalogue.c"
# shellcheck disable=SC2086
$CC $CFLAGS -fsanitize=fuzzer-no-link -c "$OUT/obj/catalogue.c" -o "$OUT/obj/catalogue.o"
objs="$objs $OUT/obj/catalogue.o"

targets=${FUZZ_TARGETS:-$(for f in tests/fuzz/fuzz_*.c; do basename "$f" .c; done)}
for t in $targets; do
    # shellcheck disable=SC2086
    $CC $CFLAGS -fsanitize=fuzzer "tests/fuzz/$t.c" $objs -o "$OUT/bin/$t" $LIBS
done

# Seeds: the small sample files (the large ones only slow each run down).
SEEDS=$(mktemp -d "$OUT/seeds.XXXXXX")
RUNTMP=$(mktemp -d "$OUT/tmp.XXXXXX")
trap 'rm -rf "$SEEDS" "$RUNTMP"' EXIT
for f in samples/canonical/*.csv; do
    [ -f "$f" ] && [ "$(wc -c <"$f")" -le 100000 ] && cp "$f" "$SEEDS/"
done
[ -d ingest/profiles ] && cp ingest/profiles/*.ini "$SEEDS/" 2>/dev/null || true

failed=0
summary=""
for t in $targets; do
    mkdir -p "$OUT/corpus/$t" "$OUT/findings/$t"
    case $t in
    fuzz_csv_ingest) seeds="tests/bad tests/bad/base $SEEDS"; max_len=16384 ;;
    # The reader alone is fast enough for inputs past its 64 KiB chunks.
    fuzz_csv_reader) seeds="tests/fuzz/seeds/csv_reader tests/bad tests/bad/base $SEEDS"; max_len=1048576 ;;
    fuzz_profile) seeds="tests/fuzz/seeds/profile $SEEDS"; max_len=4096 ;;
    fuzz_ids) seeds="tests/fuzz/seeds/ids"; max_len=64 ;;
    *) seeds="tests/bad"; max_len=4096 ;;
    esac
    before=$(ls "$OUT/findings/$t" | wc -l)
    echo "fuzz: $t for ${SECONDS_EACH}s"
    # Exit status is not trusted alone: findings are counted below.
    # shellcheck disable=SC2086
    TMPDIR="$RUNTMP" "$OUT/bin/$t" -max_total_time="$SECONDS_EACH" -timeout=25 \
        -rss_limit_mb=2048 -max_len=$max_len -print_final_stats=1 \
        -artifact_prefix="$OUT/findings/$t/" "$OUT/corpus/$t" $seeds tests/fuzz/regressions \
        >"$OUT/$t.log" 2>&1 || true
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$OUT/$t.log" | tail -1)
    eps=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$OUT/$t.log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$OUT/$t.log" | tail -1)
    corpus=$(ls "$OUT/corpus/$t" | wc -l)
    new=$(($(ls "$OUT/findings/$t" | wc -l) - before))
    line="$t: ${runs:-?} executions, ${eps:-?} per second, ${cov:-cov: ?}, corpus $corpus files, $new new findings"
    # The reader alone should manage thousands a second; fewer means the
    # target (or the machine) got slow, and the fuzzing shallow.
    if [ "$t" = fuzz_csv_reader ] && [ "${eps:-0}" -lt 1000 ]; then
        line="$line (below the 1000 per second it should reach)"
    fi
    echo "fuzz: $line"
    summary="$summary$line
"
    if [ "$new" -gt 0 ] || [ -z "$runs" ]; then
        failed=1
        grep -E 'ERROR|SUMMARY|invariant|Test unit written' "$OUT/$t.log" | head -20 >&2
        echo "fuzz: $t: see $OUT/$t.log; reproduce with $OUT/bin/$t FILE; once fixed, add the" \
             "file to tests/fuzz/regressions/" >&2
    fi
done
printf '%s' "$summary"
[ $failed -eq 0 ] && echo "fuzz: no findings" || { echo "fuzz: FINDINGS in $OUT/findings" >&2; exit 1; }
