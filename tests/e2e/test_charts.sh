#!/bin/sh
# ipsreport charts and ipsreport pdf end to end: on a warehouse without
# enrollments both refuse (exit 2, nothing written: no silent zeros); on one
# whose only enrollment is not an IPS one every chart is written as a "no
# data" picture (PNG, SVG, PDF), the summary has its eleven pages; usage errors
# exit 2 with a message.
. "$(dirname "$0")/lib.sh"

DB="$T/empty.db"

# run NAME WANT CMD...: like expect_status, with CMD's output in $T/out and
# $T/err (redirecting expect_status itself would swallow its PASS line).
run() {
    name=$1
    want=$2
    shift 2
    "$@" >"$T/out" 2>"$T/err"
    got=$?
    if [ "$got" -eq "$want" ]; then pass "$name"; else fail "$name (exit $got, wanted $want)" && cat "$T/err"; fi
}

# An empty warehouse: ingest of a header-only file creates the schema and no rows.
printf 'client_id,birth_year\n' >"$T/clients.csv"
check "empty warehouse created" "$IPS" ingest -q --db "$DB" "$T/clients.csv"

# --- usage -------------------------------------------------------------------
"$IPS" charts --help >"$T/help.txt" 2>&1
check "charts --help exits 0" test $? -eq 0
check "charts --help names the options" grep -q -- "--period" "$T/help.txt"
"$IPS" pdf --help >"$T/help.txt" 2>&1
check "pdf --help exits 0" test $? -eq 0

run "charts without --db" 2 "$IPS" charts --period 2024Q3 --out "$T/x"
check "missing --db is explained" grep -q -- "--db FILE is required" "$T/err"
run "charts with a bad language" 2 "$IPS" charts --db "$DB" --period 2024Q3 --lang de --out "$T/x"
check "bad language is explained" grep -q "use fi, sv or en" "$T/err"
run "charts with a bad format" 2 "$IPS" charts --db "$DB" --period 2024Q3 --format gif --out "$T/x"
run "charts with an unknown option" 2 "$IPS" charts --db "$DB" --period 2024Q3 --colour --out "$T/x"
check "unknown option is named" grep -q -- "--colour" "$T/err"
run "charts with a bad period" 2 "$IPS" charts --db "$DB" --period 2024Q5 --out "$T/x"
check "bad period is explained" grep -q "2024Q3" "$T/err"
run "charts with a bad --min-cell" 2 "$IPS" charts --db "$DB" --period 2024Q3 --min-cell 0 --out "$T/x"
run "charts with a bad --as-of" 2 "$IPS" charts --db "$DB" --period 2024Q3 --as-of 2024-13-01 --out "$T/x"
run "charts on a missing warehouse" 2 "$IPS" charts --db "$T/nothing.db" --period 2024Q3 --out "$T/x"
check "missing warehouse is explained" grep -q "no such warehouse" "$T/err"
run "pdf does not take --format" 2 "$IPS" pdf --db "$DB" --period 2024Q3 --format png --out "$T/x.pdf"
run "pdf into a missing folder" 2 "$IPS" pdf --db "$DB" --period 2024Q3 --out "$T/no/such/dir/x.pdf"

# --- no enrollments: refused, nothing written ---------------------------------
run "charts on a warehouse without enrollments" 2 "$IPS" charts --db "$DB" --period 2024Q3 --out "$T/none"
check "no enrollments is explained" grep -q "holds no enrollments: ingest" "$T/err"
check "no chart folder is made" test ! -e "$T/none"
run "pdf on a warehouse without enrollments" 2 "$IPS" pdf --db "$DB" --period 2024Q3 --out "$T/none.pdf"
check "no summary is written" test ! -e "$T/none.pdf"

# --- charts on an empty period -----------------------------------------------
# The only enrollment is a group one, started on the data's last day
# 2024-09-30: every IPS figure of 2024Q3 is empty.
DB="$T/no-ips.db"
printf 'client_id,birth_year\nc1,1990\n' >"$T/clients.csv"
printf 'enrollment_id,client_id,service,start_date\ne1,c1,group,2024-09-30\n' >"$T/enrollments.csv"
check "warehouse without IPS episodes created" "$IPS" ingest -q --db "$DB" "$T/clients.csv" "$T/enrollments.csv"
CHARTS="employment_rate exits_by_reason first_employer_contact fidelity service_path time_to_first_job coach_targets"

run "charts png on an empty period" 0 "$IPS" charts --db "$DB" --period 2024Q3 --out "$T/png"
check "charts lists the seven files" test "$(wc -l <"$T/out")" -eq 7
for c in $CHARTS; do
    check "png $c is a 960 px wide PNG" python3 - "$T/png/$c.png" <<'EOF'
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
w, h = struct.unpack(">II", data[16:24])
assert w == 960 and h > 250, (w, h)
assert len(data) > 5000, len(data)
EOF
done

run "charts svg on an empty period" 0 "$IPS" charts --db "$DB" --period 2024Q3 --format svg --out "$T/svg"
for c in $CHARTS; do
    check "svg $c is well-formed XML" python3 -c "import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])" "$T/svg/$c.svg"
    check "svg $c says no data" grep -q "Ei tietoja tältä jaksolta" "$T/svg/$c.svg"
done
check "svg carries the title as text" grep -q "<title>Työllisyysaste neljännesvuosittain</title>" "$T/svg/employment_rate.svg"
check "svg carries the histogram's subtitle" grep -q "Asiakkuudet, jotka alkoivat 12 kuukauden aikana" "$T/svg/first_employer_contact.svg"

run "charts pdf in Swedish" 0 "$IPS" charts --db "$DB" --period 2024Q3 --format pdf --lang sv --out "$T/pdfs"
for c in $CHARTS; do
    check "pdf $c has one page" test "$(pdfinfo "$T/pdfs/$c.pdf" | sed -n 's/^Pages: *//p')" = 1
done
check "Swedish chart text" sh -c "pdftotext '$T/pdfs/exits_by_reason.pdf' - | grep -q 'Avslutade klientrelationer efter orsak'"

# --- the summary -------------------------------------------------------------
run "pdf summary on an empty period" 0 "$IPS" pdf --db "$DB" --period 2024Q3 --out "$T/summary-fi.pdf"
# nine pages, then the funder's page and the definitions and caveats page
check "summary has eleven pages" test "$(pdfinfo "$T/summary-fi.pdf" | sed -n 's/^Pages: *//p')" = 11
check "summary is A4" sh -c "pdfinfo '$T/summary-fi.pdf' | grep -q 'Page size: *595.* x 841.* pts (A4)'"
pdftotext "$T/summary-fi.pdf" "$T/summary.txt"
check "summary has the key figures" grep -q "Avainluvut" "$T/summary.txt"
check "summary numbers its pages" grep -q "Sivu 11/11" "$T/summary.txt"
check "summary pages say no data" grep -q "Ei tietoja tältä jaksolta" "$T/summary.txt"
check "summary has the fidelity table" grep -q "Laatukriteerit kohdittain" "$T/summary.txt"
check "summary is not marked internal" sh -c "! grep -q SISÄINEN '$T/summary.txt'"

run "pdf summary in English, internal" 0 "$IPS" pdf --db "$DB" --from 2024-01-01 --to 2024-06-30 --lang en --internal --out "$T/summary-en.pdf"
pdftotext "$T/summary-en.pdf" "$T/summary-en.txt"
check "English summary" grep -q "Key figures" "$T/summary-en.txt"
check "internal summary says so" grep -q "INTERNAL: contains small numbers" "$T/summary-en.txt"
check "half-year period label" grep -q "2024H1" "$T/summary-en.txt"
