#!/bin/sh
# Prints `ipsreport metrics` CSV for every quarter, half-year and year of
# 2023..2025, a free span, an earlier as-of date and a period after the data
# (2025 and 2030Q1: refused, the error line is the expected output),
# each whole and by every breakdown, with and without suppression: the
# matrix tests/e2e/test_metrics_matrix.sh compares with the rows the SQL
# families gave before the engine replaced them (tests/e2e/golden/).
#   scripts/metrics-matrix.sh IPSREPORT WAREHOUSE
set -eu
IPS=$1
DB=$2
export TZ=Europe/Helsinki LC_ALL=C.UTF-8
run() {
    echo "# $*"
    "$IPS" metrics --db "$DB" "$@" 2>&1 | grep -v "^ipsreport metrics: internal: contains small numbers$" || true
}
periods=""
for y in 2023 2024 2025; do
    periods="$periods $y ${y}H1 ${y}H2 ${y}Q1 ${y}Q2 ${y}Q3 ${y}Q4"
done
for p in $periods; do
    for by in "" provider team coach region municipality gender age_group segment \
        referral_source exit_reason; do
        run --internal --period "$p" ${by:+--by $by}
    done
done
for p in 2024Q4 2024; do
    for by in "" provider coach gender exit_reason; do
        run --period "$p" ${by:+--by $by}
        run --period "$p" --min-cell 3 ${by:+--by $by}
    done
done
for by in "" coach exit_reason; do
    run --internal --from 2023-02-11 --to 2024-05-20 ${by:+--by $by}
    run --internal --period 2024Q2 --as-of 2024-06-15 ${by:+--by $by}
    run --internal --period 2030Q1 ${by:+--by $by}
done
run --internal --period 2024Q4 --guidance-reasons work_trial,education --outcome-reasons employed_open,employed_subsidized
run --internal --period 2024 --clients-per-coach-year 40
