#!/bin/sh
# ipsreport report: usage errors, a workbook in fi, sv and en from a small
# warehouse, read back with openpyxl (check_report.py): every sheet in each
# language, formula-like texts as text, numbers as numbers, frozen headers,
# and the numbers equal to `ipsreport metrics` once that command exists.
. "$(dirname "$0")/lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)
PY=/usr/bin/python3
CHECK="$HERE/check_report.py"

# --- a warehouse with this build's schema --------------------------------
# mkwarehouse DB < rows.sql: ingest of a header-only file makes the schema of
# this very build; its empty batch is dropped, then the SQL is run.
MK=mkwarehouse
mkwarehouse() {
    printf 'client_id\n' >"$T/header-only.csv"
    "$IPS" ingest -q --db "$1" "$T/header-only.csv" &&
        { echo "PRAGMA foreign_keys=ON; DELETE FROM batches;"; cat; } | sqlite3 -bail "$1"
}

# A warehouse whose very name is formula-like and holds something shaped
# like a personal identity code: both reach the About sheet.
DB="$T/=SUM(1;2) 131052-308T.db"
$MK "$DB" <<'EOF'
INSERT INTO batches(batch_id, file_name, content_hash, entity, loaded_at) VALUES
 (1, '=HYPERLINK("http://example.invalid","x").csv', 'deadbeef', 'coaches', '2024-10-01T08:00:00Z');
INSERT INTO coaches(coach_id, provider_id, team_id, region, fte, focus_share, community_share,
                    start_date, batch_id, src_line, row_hash) VALUES
 ('k1', '=SUM(1,2)', '+team', '-region', 1.0, 0.95, 0.6, '2023-01-01', 1, 2, 0),
 ('k2', '@provider', 't2', 'r2', 0.5, NULL, NULL, '2023-06-01', 1, 3, 0);
INSERT INTO clients(client_id, birth_year, gender, municipality, segment, batch_id, src_line, row_hash) VALUES
 ('c1', 1990, 'f', 'Lahti', 'mental_health', 1, 2, 0),
 ('c2', 1985, 'm', 'Lahti', 'disability', 1, 3, 0),
 ('c3', 2001, 'x', 'Heinola', 'youth', 1, 4, 0),
 ('c4', 1970, 'f', 'Lahti', 'long_term_unemployed', 1, 5, 0),
 ('c5', 1962, 'm', 'Orimattila', 'other', 1, 6, 0),
 ('c6', 1999, 'f', 'Lahti', 'mental_health', 1, 7, 0);
INSERT INTO employers(employer_id, name, batch_id, src_line, row_hash) VALUES
 ('y1', '=cmd|'' /C calc''!A0', 1, 2, 0),
 ('y2', 'Kahvila Oy', 1, 3, 0);
INSERT INTO enrollments(enrollment_id, client_id, coach_id, service, referral_date, start_date,
                        end_date, exit_reason, referral_source, support_level,
                        batch_id, src_line, row_hash) VALUES
 ('e1', 'c1', 'k1', 'ips', '2024-01-05', '2024-01-10', NULL, NULL, 'mental_health', 'intensive', 1, 2, 0),
 ('e2', 'c2', 'k1', 'ips', NULL, '2024-03-01', '2024-08-31', 'employed_open', 'self', 'basic', 1, 3, 0),
 ('e3', 'c3', 'k2', 'ips', '2024-06-20', '2024-07-01', NULL, NULL, 'social_work', 'basic', 1, 4, 0),
 ('e4', 'c4', 'k2', 'ips', '2023-11-01', '2023-11-15', '2024-07-20', 'sick_leave', 'employment_services', 'light', 1, 5, 0),
 ('e5', 'c5', 'k1', 'ips', '2024-02-01', '2024-02-10', NULL, NULL, 'work_ability_team', 'basic', 1, 6, 0),
 ('e6', 'c6', 'k1', 'ips', '2024-07-25', '2024-08-05', NULL, NULL, 'self', 'basic', 1, 7, 0);
INSERT INTO jobs(job_id, client_id, employer_id, enrollment_id, job_title, occupation, start_date,
                 end_date, hours_per_week, competitive, permanent, batch_id, src_line, row_hash) VALUES
 ('j1', 'c1', 'y1', 'e1', '=HYPERLINK("http://example.invalid","click")', NULL, '2024-08-01', NULL, 20, 1, 1, 1, 2, 0),
 ('j2', 'c2', 'y2', 'e2', '+358 myyjä', '5223', '2024-05-01', NULL, 30, 1, 0, 1, 3, 0);
INSERT INTO contacts(contact_id, date, kind, in_person, client_id, coach_id, "by", employer_id,
                     setting, minutes, batch_id, src_line, row_hash) VALUES
 ('t1', '2024-09-30', 'employer', 1, 'c1', 'k1', 'coach', 'y1', 'workplace', 60, 1, 2, 0),
 ('t2', '2024-07-10', 'employer', 1, 'c3', 'k2', 'both', 'y2', 'workplace', 45, 1, 3, 0),
 ('t3', '2024-08-02', 'client', 1, 'c1', 'k1', 'coach', NULL, 'community', 30, 1, 4, 0);
INSERT INTO fidelity_reviews(review_id, item, unit, review_date, status, score, score_high,
                             reviewer, batch_id, src_line, row_hash) VALUES
 ('R1', 1, '=SUM(1,2)', '2024-09-01', 'rated', 4, NULL, 'THL', 1, 2, 0),
 ('R1', 2, '=SUM(1,2)', '2024-09-01', 'rated', 3, 5, 'THL', 1, 3, 0),
 ('R1', 3, '=SUM(1,2)', '2024-09-01', 'not_applicable', NULL, NULL, 'THL', 1, 4, 0);
EOF
check "test warehouse made" test -f "$DB"
DB_SUM=$(md5sum <"$DB")

# --- usage errors: exit 2 and one line that says what to do ---------------
usage_error() {
    name=$1
    shift
    "$IPS" report "$@" >"$T/out" 2>"$T/err"
    got=$?
    if [ "$got" -eq 2 ] && [ "$(wc -l <"$T/err")" -eq 1 ] && grep -q "^ipsreport report: " "$T/err"; then
        pass "usage: $name"
    else
        fail "usage: $name (exit $got: $(cat "$T/err"))"
    fi
}
usage_error "no options"
usage_error "no --period" --db "$DB" --out "$T/x.xlsx"
usage_error "no --out" --db "$DB" --period 2024Q3
usage_error "no --db" --period 2024Q3 --out "$T/x.xlsx"
usage_error "--lang de" --db "$DB" --period 2024Q3 --out "$T/x.xlsx" --lang de
usage_error "--min-cell zero" --db "$DB" --period 2024Q3 --out "$T/x.xlsx" --min-cell 0
usage_error "--min-cell text" --db "$DB" --period 2024Q3 --out "$T/x.xlsx" --min-cell five
usage_error "--out not .xlsx" --db "$DB" --period 2024Q3 --out "$T/x.pdf"
usage_error "unknown option" --db "$DB" --period 2024Q3 --out "$T/x.xlsx" --colour
usage_error "option without value" --db "$DB" --period 2024Q3 --out
usage_error "stray argument" --db "$DB" --period 2024Q3 --out "$T/x.xlsx" extra
usage_error "bad period" --db "$DB" --period 2024Q5 --out "$T/x.xlsx"
usage_error "bad --as-of" --db "$DB" --period 2024Q3 --out "$T/x.xlsx" --as-of 30.9.2024
usage_error "missing warehouse" --db "$T/nope.db" --period 2024Q3 --out "$T/x.xlsx"
usage_error "unreadable tariff" --db "$DB" --period 2024Q3 --out "$T/x.xlsx" --tariff "$T/nope.ini"
check "no workbook after failures" test ! -e "$T/x.xlsx"
"$IPS" report --db "$T/nope.db" --period 2024Q3 --out "$T/x.xlsx" 2>"$T/err"
check "a missing warehouse is named" grep -q "nope.db" "$T/err"
"$IPS" report --help >"$T/help"
check "--help prints the options" grep -q -- "--min-cell" "$T/help"

# --- the workbook in three languages --------------------------------------
expect_status "report fi (internal)" 0 "$IPS" report --db "$DB" --period 2024Q3 --lang fi \
    --internal --out "$T/report-fi.xlsx"
expect_status "report sv" 0 "$IPS" report --db "$DB" --period 2024Q3 --lang sv \
    --out "$T/report-sv.xlsx"
expect_status "report en" 0 "$IPS" report --db "$DB" --period latest --lang en --min-cell 3 \
    --compare 2023Q3 --out "$T/report-en.xlsx"
"$IPS" report --db "$DB" --period latest --as-of 2024-08-15 --out "$T/q2.xlsx" >"$T/out"
check "--period latest with --as-of takes the last complete quarter" grep -q "period 2024Q2" "$T/out"
check "the warehouse is only read" test "$(md5sum <"$DB")" = "$DB_SUM"
check "no temporary file is left beside the workbooks" \
    test -z "$(find "$T" -name '*.xlsx.*')"

# --- read back with openpyxl ----------------------------------------------
if ! "$PY" -c 'import openpyxl' 2>/dev/null; then
    fail "openpyxl for $PY (Debian python3-openpyxl; make deps)"
    exit 1
fi
# `ipsreport metrics` for the same period, internal (as the fi workbook).
METRICS=""
PLACEHOLDER=""
"$IPS" metrics --db "$DB" --period 2024Q3 --format csv --internal >"$T/m-whole.csv" 2>"$T/m-err"
rc=$?
if [ "$rc" -ne 0 ] && grep -q "not built yet" "$T/m-err"; then
    PLACEHOLDER="the metrics command is a placeholder in this build ($(cat "$T/m-err"))"
elif [ "$rc" -ne 0 ]; then
    fail "ipsreport metrics runs (exit $rc: $(cat "$T/m-err"))"
else
    METRICS="--metrics-csv $T/m-whole.csv"
    for by in provider team region gender age_group segment; do
        if "$IPS" metrics --db "$DB" --period 2024Q3 --by "$by" --format csv --internal \
            >"$T/m-$by.csv" 2>"$T/m-err"; then
            METRICS="$METRICS --metrics-csv $T/m-$by.csv"
        else
            fail "ipsreport metrics --by $by runs ($(cat "$T/m-err"))"
        fi
    done
fi

# The settings a reader sees on About: the latest quarter, --compare, --min-cell.
"$PY" - "$T/report-en.xlsx" >"$T/about" 2>&1 <<'PYEOF'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["About"]
values = {r[0].value: r[1].value for r in ws.iter_rows() if len(r) > 1}
print(values.get("Period"), values.get("Comparison period"), values.get("Smallest number shown"))
PYEOF
check "About shows the period, --compare and --min-cell" \
    test "$(cat "$T/about")" = "2024Q3 2023Q3 3"

NAME_TEXT='=SUM(1;2) ******-****.db'
if [ -n "$PLACEHOLDER" ]; then
    "$PY" "$CHECK" "$T/report-fi.xlsx" --lang fi --internal --expect-text "$NAME_TEXT" \
        --metrics-placeholder "$PLACEHOLDER" || fail "check_report fi"
else
    # shellcheck disable=SC2086
    "$PY" "$CHECK" "$T/report-fi.xlsx" --lang fi --internal --expect-text "$NAME_TEXT" \
        $METRICS || fail "check_report fi"
fi
"$PY" "$CHECK" "$T/report-sv.xlsx" --lang sv --expect-text "$NAME_TEXT" || fail "check_report sv"
"$PY" "$CHECK" "$T/report-en.xlsx" --lang en --expect-text "$NAME_TEXT" || fail "check_report en"
