#!/bin/sh
# Every metric of the samples, for every quarter, half-year and year of
# 2023..2025 and other periods, whole and by every breakdown, with and without
# suppression (scripts/metrics-matrix.sh), equals golden/samples-metrics.csv.gz:
# the rows the SQL families computed before the engine over derived facts
# replaced them (both paths agreed on all of them when it was recorded), as
# issue 12 changed them: periods after the data are refused (the error line),
# Kaplan–Meier figures past the longest follow-up are blank with a note, the
# --as-of 2024-06-15 queries are cut at that day (metrics.md R8, R22), and
# every row has the to_date and note columns; and as issue 14 changed the
# suppressed queries (2024Q4 and 2024, with and without --min-cell 3): one
# pattern over everything published together (docs/privacy.md) hides other
# cells than the old rule of one breakdown at a time.  The --internal
# queries, every figure of the engine, are unchanged, but for rows added
# since, each time with every earlier row as it was (a diff shows additions
# only): first_employer_contact_days (item 15's days in bins, whole service
# only), which the chart draws instead of binning raw days itself; the
# service_path rows (the funnel's steps, whole service only); and issue
# 16's outcome-instrument rows (rtw_se_*, work_ability_score_*) at the end of
# every query.  Issue 15 changed the suppressed queries (2024Q4 and 2024)
# again: January–September (the third quarter's year to date beside the
# headline figures) is published with its year, so the pattern that hides
# the year's cells now also protects it.  Regenerated with
# scripts/metrics-matrix.sh and gzip -9n.
. "$(dirname "$0")/lib.sh"
DB="$T/samples.db"
"$IPS" ingest -q --db "$DB" "$IPS_ROOT"/samples/canonical/*.csv >/dev/null 2>&1
check "samples load" test -s "$DB"
sh "$IPS_ROOT/scripts/metrics-matrix.sh" "$IPS" "$DB" >"$T/now.csv"
gzip -dc "$IPS_ROOT/tests/e2e/golden/samples-metrics.csv.gz" >"$T/golden.csv"
check "the matrix has every query ($(grep -c '^#' "$T/golden.csv"))" \
    test "$(grep -c '^#' "$T/now.csv")" = "$(grep -c '^#' "$T/golden.csv")"
if cmp -s "$T/now.csv" "$T/golden.csv"; then
    pass "every row of $(wc -l <"$T/golden.csv") equals the SQL families' rows"
else
    fail "rows differ from the SQL families' rows:"
    diff "$T/golden.csv" "$T/now.csv" | head -20
fi
