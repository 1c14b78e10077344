#!/bin/sh
# Every fuzz target, built without libFuzzer (tests/fuzz/driver.c, gcc,
# ASan+UBSan: `make fuzz-replay`), runs once over the bad-input corpus, the
# fuzz seeds and every past finding in tests/fuzz/regressions/: no crash, no
# leak, no broken invariant.  Fuzzing itself is `make fuzz`.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/warehouse_checks.sh"
: "${IPS_BUILD:?run through tests/run.sh}"
R=$IPS_ROOT

# Called from `make test`: a clean make environment for the nested build.
(cd "$R" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory \
    BUILD="$IPS_BUILD" fuzz-replay) >"$T/build.log" 2>&1
st=$?
check "fuzz replay programs build" test $st -eq 0
[ $st -eq 0 ] || { tail -20 "$T/build.log"; exit 1; }

for t in "$R"/tests/fuzz/fuzz_*.c; do
    t=$(basename "$t" .c)
    TMPDIR=$T timeout 600 "$IPS_BUILD/asan/fuzz/$t" "$R/tests/bad" "$R/tests/bad/base" \
        "$R/tests/fuzz/seeds/profile" "$R/tests/fuzz/seeds/ids" "$R/tests/fuzz/seeds/csv_reader" \
        "$R/tests/fuzz/regressions" \
        >"$T/$t.out" 2>&1
    st=$?
    n=$(sed -n 's/.*: \([0-9]*\) inputs run$/\1/p' "$T/$t.out")
    if [ $st -eq 0 ] && ! sanitizer_report "$T/$t.out" && [ "${n:-0}" -gt 30 ]; then
        pass "$t: $n corpus inputs run clean"
    else
        fail "$t: exit $st after ${n:-?} inputs"
        tail -30 "$T/$t.out"
    fi
done
check "fuzz targets leave no temp files" test -z "$(ls -d "$T"/ipsfuzz* 2>/dev/null)"
