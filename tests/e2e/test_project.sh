#!/bin/sh
# The project settings file (--project) and the comparisons beside the
# headline figures (issue 15): read back from the files themselves — the
# Summary sheet with openpyxl, the PDF with pdftotext — in fi, sv and en,
# compared with what `ipsreport metrics` publishes for the same periods.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
W=$T/w.db
PRJ="$IPS_ROOT/samples/project.ini"
"$IPS" ingest -q --db "$W" "$IPS_ROOT"/samples/canonical/*.csv >/dev/null 2>&1
P=2024Q3

# What metrics publishes (suppressed) for the comparison periods of 2024Q3.
"$IPS" metrics --db "$W" --period $P >"$T/now.csv"
"$IPS" metrics --db "$W" --period 2023Q3 >"$T/year_ago.csv"
"$IPS" metrics --db "$W" --from 2024-01-01 --to 2024-09-30 >"$T/ytd.csv"
"$IPS" metrics --db "$W" --period 2023Q4 >"$T/q4_2023.csv"
"$IPS" metrics --db "$W" --period 2023 >"$T/y2023.csv"
"$IPS" metrics --db "$W" --from 2023-10-01 --to 2024-09-30 >"$T/last4.csv"

for lang in fi sv en; do
    check "$lang: workbook with --project written" \
        "$IPS" report --db "$W" --period $P --lang $lang --project "$PRJ" --out "$T/$lang.xlsx"
    check "$lang: Summary shows the comparisons, project and targets" "$PY" - "$T/$lang.xlsx" $lang \
        "$T/now.csv" "$T/year_ago.csv" "$T/ytd.csv" "$T/q4_2023.csv" "$T/y2023.csv" <<'PY'
import csv, sys, openpyxl
book, lang, now, year_ago, ytd, q4, y2023 = sys.argv[1:8]
heads = {"fi": ["Tämä kausi", "Vuotta aiemmin", "Vuoden alusta", "4 viim. neljännestä",
                "Hankkeen alusta", "Tavoite", "Ero tavoitteeseen"],
         "sv": ["Denna period", "Ett år tidigare", "Hittills i år", "Senaste 4 kvartal",
                "Sedan projektstart", "Mål", "Skillnad mot målet"],
         "en": ["This period", "A year earlier", "Year to date", "Last 4 quarters",
                "Since the start", "Target", "Difference from target"]}[lang]
ws = openpyxl.load_workbook(book).worksheets[0]
rows = [[c.value for c in r] for r in ws.iter_rows()]
texts = [v for r in rows for v in r if isinstance(v, str)]
assert any("Polku työhön" in t for t in texts), "no project name"
assert any("S30481" in t for t in texts), "no project code"
hdr = next(i for i, r in enumerate(rows) if r[1] == heads[0])
assert rows[hdr][1:8] == heads, rows[hdr]
table = {}
for r in rows[hdr + 2:]:
    if not r[0]:
        break
    table[r[0]] = r
def pub(path):
    out = {}
    for m in csv.DictReader(open(path)):
        if m["group_by"] == "":
            out[m["metric"]] = m
    return out
cols = {2: pub(now), 3: pub(year_ago), 4: pub(ytd)}
def cell_is(v, m):
    """A cell says what metrics publishes: '<5' or '–' when hidden, else the value."""
    if m["suppressed"] == "y":
        return v == m["value"]  # the same mark: "<5" small, "–" hidden to protect another
    if m["value"] == "":
        return v in (None, "", "\u2013")
    want = float(m["value"])
    return isinstance(v, (int, float)) and abs(v - want) < 1e-9 or \
        isinstance(v, (int, float)) and abs(v * 100 - want) < 1e-6
checked = 0
ids = ["caseload_active", "enrollments_started", "exits", "employment_rate",
       "employment_at_exit", "employed_within_180_days", "time_to_first_job_median_days",
       "first_employer_contact_mean_days"]
assert len(table) == len(ids), (len(table), list(table))
hidden = 0
for metric, r in zip(ids, table.values()):
    for col, sets in cols.items():
        assert cell_is(r[col - 1], sets[metric]), (metric, col, r[col - 1], sets[metric])
        checked += 1
    # a span over two years shows only when its parts (2023Q4, Jan–Sep 2024) are shown
    if r[4] not in ("\u2013", "<5", None):
        assert cols[4][metric]["suppressed"] == "n" and pub(q4)[metric]["suppressed"] == "n", metric
    # since the start (2023-01-01): 2023 and January–September 2024
    if r[5] not in ("\u2013", "<5", None):
        assert cols[4][metric]["suppressed"] == "n" and pub(y2023)[metric]["suppressed"] == "n", metric
    hidden += sum(1 for v in r[1:6] if v in ("\u2013", "<5"))
    assert all(v != "" for v in r[1:6]), "a blank cell in " + metric
assert hidden > 0, "no hidden cell to check the marks on"
er = table[list(table)[3]]
assert abs(er[6] - 0.35) < 1e-9, ("employment rate target from the file", er[6])
assert isinstance(er[7], (int, float)), "no difference from the target"
assert abs(er[7] - round((er[1] - 0.35) * 100, 1)) < 1e-9, er[7]
st = table[list(table)[1]]
assert abs(st[6] - 40) < 1e-9, ("160 a year is 40 a quarter", st[6])
print(checked, "cells checked")
PY
    check "$lang: PDF with --project written" \
        "$IPS" pdf --db "$W" --period $P --lang $lang --project "$PRJ" --out "$T/$lang.pdf"
    n=$(pdfinfo "$T/$lang.pdf" | sed -n 's/^Pages: *//p')
    every=yes
    i=1
    while [ "$i" -le "$n" ]; do
        pdftotext -f $i -l $i "$T/$lang.pdf" "$T/page.txt"
        grep -q "Polku työhön" "$T/page.txt" && grep -q "S30481" "$T/page.txt" || every="no (page $i)"
        i=$((i + 1))
    done
    check "$lang: every one of the $n pages names the project and its code ($every)" test "$every" = yes
    pdftotext -f 1 -l 1 "$T/$lang.pdf" "$T/p1.txt"
    case $lang in
    # one word of each header, as the headers wrap and pdftotext reads columns apart
    fi) words="aiemmin|Vuoden|Hankkeen|Tavoite|Rahoittaja: ESF+" ;;
    sv) words="tidigare|Hittills|Sedan|Mål|Finansiär: ESF+" ;;
    en) words="earlier|date|Since|Target|Funder: ESF+" ;;
    esac
    missing=""
    IFS='|'
    for w in $words; do grep -q "$w" "$T/p1.txt" || missing="$missing [$w]"; done
    unset IFS
    check "$lang: the first page shows a year earlier, year to date, since start and target${missing:+ (missing$missing)}" \
        test -z "$missing"
    check "$lang: the difference from a target carries ▲ or ▼" grep -q "[▲▼]" "$T/p1.txt"
done

# Without a project file the pack still works: the data's first quarter is the
# start, the IPS benchmark the employment rate's target.
# The guard is what hides it: employment at exit over 2023Q4–2024Q3 alone
# would show, but 2023Q4's is hidden and the year to date shown, so the span
# would give 2023Q4's away (the span minus the year to date).
check "a span over two years hides what would give a hidden part away" "$PY" - "$T/en.xlsx" \
    "$T/last4.csv" "$T/q4_2023.csv" <<'PY'
import csv, sys, openpyxl
rows = [[c.value for c in r] for r in openpyxl.load_workbook(sys.argv[1]).worksheets[0].iter_rows()]
alone = {m["metric"]: m for m in csv.DictReader(open(sys.argv[2])) if m["group_by"] == ""}
q4 = {m["metric"]: m for m in csv.DictReader(open(sys.argv[3])) if m["group_by"] == ""}
assert alone["employment_at_exit"]["suppressed"] == "n" and q4["employment_at_exit"]["suppressed"] == "y"
hdr = next(i for i, r in enumerate(rows) if r[1] == "This period")
row = next(r for r in rows[hdr:] if r[0] == "Employed at exit")
assert row[4] == "\u2013", row
PY
check "no --project: workbook written" "$IPS" report --db "$W" --period $P --lang en --out "$T/none.xlsx"
check "no --project: since the data began, IPS benchmark 41 %" "$PY" - "$T/none.xlsx" <<'PY'
import sys, openpyxl
rows = [[c.value for c in r] for r in openpyxl.load_workbook(sys.argv[1]).worksheets[0].iter_rows()]
hdr = next(r for r in rows if r[1] == "This period")
assert hdr[5] == "Since the data began", hdr
er = next(r for r in rows if r[0] == "Employment rate" and r[8])
assert abs(er[6] - 0.41) < 1e-9 and er[8] == "IPS benchmark (average)", er
PY
check "no --project: PDF written" "$IPS" pdf --db "$W" --period $P --lang en --out "$T/none.pdf"
pdftotext "$T/none.pdf" "$T/none.txt"
check "no --project: PDF names no project" sh -c '! grep -q "Project:" "$1"' sh "$T/none.txt"

# Errors in the file: file:line: reason, with what to do; nothing written.
bad() { # NAME TEXT LINE WORD
    printf "$2" >"$T/bad.ini"
    rm -f "$T/bad.xlsx"
    expect_status "bad project file ($1) is refused" 2 \
        sh -c '"$1" report --db "$2" --period 2024Q3 --project "$3" --out "$4" 2>"$5"' sh \
        "$IPS" "$W" "$T/bad.ini" "$T/bad.xlsx" "$T/bad.err"
    check "$1: the message names bad.ini:$3 and says $4" \
        sh -c 'grep -q "bad.ini:$2: " "$1" && grep -q "$3" "$1"' sh "$T/bad.err" "$3" "$4"
    check "$1: no workbook" test ! -e "$T/bad.xlsx"
}
bad "a target of an unknown metric" '[project]\nname = X\n\n[target happiness]\nvalue = 3\n' 5 "headline metrics"
bad "a start that is no date" '[project]\nname = X\nstart = soon\n' 3 "2023-01-01"
bad "a target that is no number" '[project]\nname = X\n[target exits]\n2024Q3 = many\n' 4 "not a number"
bad "an unknown key" '[project]\nname = X\nowner = me\n' 3 "name, code, funder or start"
bad "no name" '[project]\ncode = X1\n' 1 "name ="
expect_status "a missing project file is refused" 2 \
    sh -c '"$1" pdf --db "$2" --period 2024Q3 --project "$3/none.ini" --out "$3/x.pdf" 2>/dev/null' sh "$IPS" "$W" "$T"
printf '[project]\nname = X\n[target nope]\nvalue = 1\n' >"$T/bad.ini"
expect_status "publish with a bad project file writes nothing" 2 \
    "$IPS" publish --db "$W" --period 2024Q3 --project "$T/bad.ini" --out "$T/pack" 2>/dev/null
check "publish: no folder made" test ! -e "$T/pack"

# publish passes the file to the workbook, charts and PDF; audit still finds nothing.
check "publish with --project" "$IPS" publish --db "$W" --period 2024Q3 --lang sv --project "$PRJ" \
    --out "$T/pack" 2>/dev/null
pdftotext "$T/pack/summary-sv.pdf" "$T/pack.txt"
check "publish: the PDF names the project" grep -q "S30481" "$T/pack.txt"
for p in 2024Q3 2023Q3; do
    expect_status "audit of $p's year (with January–September) finds nothing to work out" 0 \
        sh -c '"$1" audit --db "$2" --period "$3" >/dev/null' sh "$IPS" "$W" "$p"
done

# The employment-rate chart draws the project's own target (2024Q4 = 38 in
# samples/project.ini) beside the IPS benchmark band; without a project file
# only the band.
"$IPS" charts --db "$W" --period 2024Q4 --lang en --format svg --out "$T/chp" \
    --project "$IPS_ROOT/samples/project.ini" >/dev/null 2>&1
check "charts: the project's target line on the employment-rate chart" \
    grep -q "Project target 38.0%" "$T/chp/employment_rate.svg"
"$IPS" charts --db "$W" --period 2024Q4 --lang en --format svg --out "$T/chn" >/dev/null 2>&1
check "charts: no target line without a project file" \
    sh -c "test -s '$T/chn/employment_rate.svg' && ! grep -q 'Project target' '$T/chn/employment_rate.svg'"
