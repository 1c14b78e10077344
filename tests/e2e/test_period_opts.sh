#!/bin/sh
# The same period options on every reading command (cli/period_opts.c):
# --period (a quarter, half, year or 'latest'), --from/--to and --as-of are
# taken by report, charts, pdf, publish, metrics and audit, give the same
# period, and are refused with the same words when mixed or malformed.
. "$(dirname "$0")/lib.sh"
W=$T/w.db
$IPS ingest -q --db $W "$IPS_ROOT"/samples/canonical/*.csv
# cmd NAME OUT: the command line of one reading command writing to OUT
cmd() {
    case $1 in
    report) echo "report --db $W --out $2.xlsx" ;;
    charts) echo "charts --db $W --format svg --out $2" ;;
    pdf) echo "pdf --db $W --out $2.pdf" ;;
    publish) echo "publish --db $W --lang en --out $2" ;;
    metrics) echo "metrics --db $W" ;;
    audit) echo "audit --db $W" ;;
    esac
}
for c in report charts pdf publish metrics audit; do
    # shellcheck disable=SC2046
    expect_status "$c --from/--to" 0 sh -c "$IPS $(cmd $c $T/$c-ft) --from 2024-07-01 --to 2024-09-30 --as-of 2024-12-31 >$T/$c-ft.out 2>$T/$c-ft.err"
    expect_status "$c --period latest" 0 sh -c "$IPS $(cmd $c $T/$c-l) --period latest >$T/$c-l.out 2>$T/$c-l.err"
    expect_status "$c: --period with --from is refused (exit 2)" 2 sh -c "$IPS $(cmd $c $T/$c-x) --period 2024Q3 --from 2024-07-01 >/dev/null 2>$T/$c-x.err"
    check "$c: says to give one or the other" grep -q "give either --period or --from and --to, not both" $T/$c-x.err
    expect_status "$c: --to alone is refused (exit 2)" 2 sh -c "$IPS $(cmd $c $T/$c-t) --to 2024-09-30 >/dev/null 2>$T/$c-t.err"
    check "$c: says both are needed" grep -q "give both --from and --to" $T/$c-t.err
    expect_status "$c: a bad --as-of is refused (exit 2)" 2 sh -c "$IPS $(cmd $c $T/$c-a) --period 2024Q3 --as-of 2024-02-30 >/dev/null 2>$T/$c-a.err"
    check "$c: names the option and the form" grep -q "\-\-as-of '2024-02-30' is not a date; write YYYY-MM-DD" $T/$c-a.err
done
# The same period, whichever way it is given.
$IPS metrics --db $W --period 2024Q3 --as-of 2024-12-31 >$T/q3.csv 2>/dev/null
check "metrics: --from/--to of a quarter equals --period" cmp -s $T/q3.csv $T/metrics-ft.out
$IPS metrics --db $W --period 2024Q4 >$T/q4.csv 2>/dev/null
check "metrics: --period latest is the latest complete quarter (2024Q4)" cmp -s $T/q4.csv $T/metrics-l.out
check "report: --from/--to gives the quarter's workbook" grep -q "period 2024Q3" $T/report-ft.out
check "publish: --from/--to of a quarter names its files by the quarter" test -f $T/publish-ft/metrics-2024Q3.csv
check "publish: latest names its files by the quarter" test -f $T/publish-l/metrics-2024Q4.csv
