#!/bin/sh
# Compares the metric engine with the SQL families on one warehouse, for
# every quarter, half-year and year of 2022..2025, a free span, a period
# after the data, an earlier as-of date, and every breakdown:
#   scripts/engine-check.sh IPSREPORT WAREHOUSE [FAMILY_MASK]
# (mask bits: 1 outcomes, 2 fidelity items, 4 reviews, 8 funding,
# 16 capacity, 32 services; default all).  Prints one line per difference
# and "engine-check: N queries, N differ"; exits 1 when any differ.
set -u
IPS=$1
DB=$2
export IPSREPORT_ENGINE=check IPSREPORT_ENGINE_FAMILIES=${3:-0xffffffff}
export TZ=Europe/Helsinki LC_ALL=C.UTF-8
n=0
bad=0
run() {
    n=$((n + 1))
    if ! out=$("$IPS" metrics --db "$DB" --internal "$@" 2>&1 >/dev/null); then
        bad=$((bad + 1))
        echo "DIFF: metrics $*: $out" | head -4
    fi
}
periods=""
for y in 2022 2023 2024 2025; do
    periods="$periods $y ${y}H1 ${y}H2 ${y}Q1 ${y}Q2 ${y}Q3 ${y}Q4"
done
for p in $periods; do
    for by in "" provider team coach region municipality gender age_group segment \
        referral_source exit_reason; do
        if [ -n "$by" ]; then run --period "$p" --by "$by"; else run --period "$p"; fi
    done
done
for by in "" coach exit_reason; do
    set -- --from 2023-02-11 --to 2024-05-20
    [ -n "$by" ] && set -- "$@" --by "$by"
    run "$@"
    run --period 2024Q2 --as-of 2024-06-15 ${by:+--by $by}
    run --period 2030Q1 ${by:+--by $by}
done
echo "engine-check: $n queries, $bad differ"
[ "$bad" -eq 0 ]
