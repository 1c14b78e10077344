#!/bin/sh
# Runs every unit test (cmocka, built with ASan+UBSan) and every end-to-end
# script, then prints the one closing line CI reads: "N passed, N failed".
# Usage: tests/run.sh BUILD_DIR
set -u
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export IPS="$ROOT/$BUILD/asan/ipsreport"
case "$BUILD" in /*) export IPS="$BUILD/asan/ipsreport" ;; esac
export IPS_BUILD="$(dirname "$(dirname "$IPS")")"
export IPS_ROOT="$ROOT"
export TZ=Europe/Helsinki LC_ALL=C.UTF-8 LANG=C.UTF-8
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export LSAN_OPTIONS="suppressions=$ROOT/tests/lsan.supp"
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
LOG=$(mktemp -d)
trap 'rm -rf "$LOG"' EXIT
passed=0
failed=0
failures=""

for t in "$IPS_BUILD"/asan/tests/test_*; do
    [ -x "$t" ] || continue
    name=$(basename "$t")
    "$t" >"$LOG/$name.out" 2>&1
    rc=$?
    p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$LOG/$name.out" | awk '{s+=$1} END {print s+0}')
    f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$LOG/$name.out" | awk '{s+=$1} END {print s+0}')
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi  # crashed before its summary
    passed=$((passed + p))
    failed=$((failed + f))
    if [ "$rc" -ne 0 ] || [ "$f" -ne 0 ]; then
        failures="$failures $name"
        cat "$LOG/$name.out"
    fi
    printf '%-40s %s passed, %s failed\n' "$name" "$p" "$f"
done

# End-to-end scripts print "PASS: what" or "FAIL: what" per check (tests/e2e/lib.sh).
for t in "$ROOT"/tests/e2e/test_*.sh; do
    [ -f "$t" ] || continue
    name=$(basename "$t" .sh)
    sh "$t" >"$LOG/$name.out" 2>&1
    rc=$?
    p=$(grep -c '^PASS: ' "$LOG/$name.out")
    f=$(grep -c '^FAIL: ' "$LOG/$name.out")
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    passed=$((passed + p))
    failed=$((failed + f))
    if [ "$rc" -ne 0 ] || [ "$f" -ne 0 ]; then
        failures="$failures $name"
        grep -v '^PASS: ' "$LOG/$name.out" | tail -60
    fi
    printf '%-40s %s passed, %s failed\n' "$name" "$p" "$f"
done

[ -n "$failures" ] && echo "failing:$failures"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
