#!/bin/sh
# The funder's (ESF+) figures, the per-provider pages and sheets, and the
# PDF's definitions and caveats page, read back from the files themselves
# (the sheet XML inside the xlsx, the PDF's text by pdftotext).
# A hand-made warehouse first; A = 2024-12-31 (a contact that day), the span
# starts on the data's first day, 2023-11-01 (e's first episode).
#   a f 2010 (<18)    ips k1 2024-02-01..03-01; job 03-20 open → on leaving; 6 m (08-31) employed
#   b m 2000 (18–29)  ips k1 01-15..04-30; job 06-10..07-31 (after 4 weeks); 6 m (10-30) not
#   c x 1980 (30–54)  ips k1 03-01..09-15; job 09-01..09-20 → on leaving; 6 m 2025-03-17: not yet known
#   d f 1960 (55+)    ips k2 05-01 open → not left
#   e -- --           ips k1 2023-11-01..2024-02-01, ips k2 06-01..06-30 → entry 2023-11-01 (P1);
#                     left 06-30, no job; 6 m (12-30) not
#   g m 1990          group service only → no participant
#   h f 1995 (18–29)  ips k2 02-01..03-01 and again 08-01 open → not left
# Participants 6 (P1: a b c e = 4, P2: d h = 2); leavers 4; on leaving 2 → 50.0 %;
# six months known 3, employed 1 → 33.3 %; not yet known 1.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
H="$T/hand"
mkdir -p "$H"
cat >"$H/coaches.csv" <<'CSV'
coach_id,provider_id,team_id,region,fte,focus_share,community_share,start_date,end_date
k1,P1,t1,north,1,1,0.7,2020-01-01,
k2,P2,t2,north,1,1,0.7,2020-01-01,
CSV
cat >"$H/clients.csv" <<'CSV'
client_id,birth_year,gender,municipality,segment
a,2010,f,Lahti,youth
b,2000,m,Lahti,youth
c,1980,x,Lahti,mental_health
d,1960,f,Lahti,long_term_unemployed
e,,,Lahti,other
g,1990,m,Lahti,other
h,1995,f,Lahti,youth
CSV
cat >"$H/enrollments.csv" <<'CSV'
enrollment_id,client_id,coach_id,service,referral_date,start_date,end_date,exit_reason,referral_source,support_level
ea,a,k1,ips,,2024-02-01,2024-03-01,employed_open,,
eb,b,k1,ips,,2024-01-15,2024-04-30,other,,
ec,c,k1,ips,,2024-03-01,2024-09-15,employed_open,,
ed,d,k2,ips,,2024-05-01,,,,
ee1,e,k1,ips,,2023-11-01,2024-02-01,other,,
ee2,e,k2,ips,,2024-06-01,2024-06-30,other,,
eg,g,k1,group,,2024-04-01,2024-05-01,other,,
eh1,h,k2,ips,,2024-02-01,2024-03-01,other,,
eh2,h,k2,ips,,2024-08-01,,,,
CSV
cat >"$H/employers.csv" <<'CSV'
employer_id,name,industry,sector,municipality
x1,Oy,56.10,private,Lahti
CSV
cat >"$H/jobs.csv" <<'CSV'
job_id,client_id,employer_id,enrollment_id,job_title,occupation,start_date,end_date,hours_per_week,competitive,permanent,subsidized,end_reason
ja,a,x1,,cook,,2024-03-20,,30,y,y,n,
jb,b,x1,,cook,,2024-06-10,2024-07-31,30,y,y,n,
jb2,b,x1,,cook,,2024-05-05,2024-05-20,30,n,y,n,
jc,c,x1,,cook,,2024-09-01,2024-09-20,30,y,y,n,
CSV
cat >"$H/contacts.csv" <<'CSV'
contact_id,date,kind,in_person,client_id,coach_id,by,employer_id,setting,minutes
k1,2024-12-31,client,y,d,k2,coach,,workplace,30
CSV
W="$T/hand.db"
check "hand-made warehouse loads" "$IPS" ingest -q --db "$W" "$H"/*.csv
check "workbook with a sheet per provider" "$IPS" report --db "$W" --period 2024Q4 --lang en \
    --internal --per provider --out "$T/hand.xlsx"
check "PDF with a page per provider" "$IPS" pdf --db "$W" --period 2024Q4 --lang en --internal \
    --per provider --out "$T/hand.pdf"

# The funder sheet's cells, from its XML: metric id → value, numerator, denominator.
cat >"$T/sheet.py" <<'PYEOF'
"""sheet.py BOOK.xlsx NAME: the sheet's rows as tab-separated text, from the XML."""
import re, sys, zipfile
import xml.etree.ElementTree as ET
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
z = zipfile.ZipFile(sys.argv[1])
book = ET.fromstring(z.read("xl/workbook.xml"))
rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
targets = {r.get("Id"): r.get("Target") for r in rels}
sheets = {s.get("name"): targets[s.get("{%s}id" % NS["r"])] for s in book.iter("{%s}sheet" % NS["m"])}
if len(sys.argv) < 3:
    print("\n".join(sheets))
    sys.exit(0)
strings = []
if "xl/sharedStrings.xml" in z.namelist():
    for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter("{%s}si" % NS["m"]):
        strings.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
xml = ET.fromstring(z.read("xl/" + sheets[sys.argv[2]].lstrip("/").replace("xl/", "")))
for row in xml.iter("{%s}row" % NS["m"]):
    cells = {}
    for c in row.iter("{%s}c" % NS["m"]):
        col = re.match(r"[A-Z]+", c.get("r")).group(0)
        v = c.find("m:v", NS)
        t = c.find("m:is/m:t", NS)
        val = strings[int(v.text)] if c.get("t") == "s" and v is not None else (
            v.text if v is not None else (t.text if t is not None else ""))
        cells[col] = val
    if cells:
        width = max(ord(k[-1]) - 64 for k in cells)
        print("\t".join(cells.get(chr(65 + i), "") for i in range(width)))
PYEOF
"$PY" "$T/sheet.py" "$T/hand.xlsx" >"$T/sheets.txt"
check "the workbook has the funder sheet" grep -qx "ESF+ indicators" "$T/sheets.txt"
check "the workbook has a sheet per provider" sh -c "grep -qx P1 '$T/sheets.txt' && grep -qx P2 '$T/sheets.txt'"
"$PY" "$T/sheet.py" "$T/hand.xlsx" "ESF+ indicators" >"$T/funder.txt"
# line TEXT: the funder sheet's line whose cells are exactly these (tab-separated, leading cells).
line() { grep -q "^$(printf '%s' "$1")" "$T/funder.txt"; }
check "participants since the start: 6" line "All	All	6"
check "by gender: 3 women" line "Gender	Female	3"
check "by gender: 1 man" line "Gender	Male	1"
check "by gender: 1 other" line "Gender	Other	1"
check "by gender: 1 unknown" line "Gender	(unknown)	1"
check "age at entry: 1 under 18" line "Age at entry	<18	1"
check "age at entry: 2 aged 18–29" line "Age at entry	18–29	2"
check "age at entry: 1 aged 30–54" line "Age at entry	30–54	1"
check "age at entry: 1 aged 55+" line "Age at entry	55+	1"
check "age at entry: 1 unknown" line "Age at entry	(unknown)	1"
check "labour-market status: 3 young people" line "Labour-market status at entry (segment)	Young people	3"
check "on leaving: 2 of 4 (50 %)" line "In employment on leaving	0.5	2	4"
check "six months after: 1 of 3 known" sh -c "grep -q '^In employment six months after leaving	0.333	1	3' '$T/funder.txt'"
check "six months after: 1 not yet known" line "Six months after: not yet known	1"
"$PY" "$T/sheet.py" "$T/hand.xlsx" P1 >"$T/p1.txt"
check "P1's sheet has its own figures (no client active in 2024Q4)" grep -q "^Active clients	0" "$T/p1.txt"
"$PY" "$T/sheet.py" "$T/hand.xlsx" P2 >"$T/p2.txt"
check "P2's sheet has its own figures (d and h active in 2024Q4)" grep -q "^Active clients	2" "$T/p2.txt"

if command -v pdftotext >/dev/null; then
    pdftotext -layout "$T/hand.pdf" "$T/hand.txt"
    check "PDF: nine pages, two providers, the funder's and the definitions page" \
        test "$(pdfinfo "$T/hand.pdf" | sed -n 's/^Pages: *//p')" = 13
    # pdftotext starts a page with a form feed: no ^ anchors on the first line
    check "PDF: a page for P1" grep -q "Provider: P1" "$T/hand.txt"
    check "PDF: a page for P2" grep -q "Provider: P2" "$T/hand.txt"
    check "PDF: the funder page" grep -q "ESF+ indicators" "$T/hand.txt"
    check "PDF: on leaving 50.0 %, 2 of 4" grep -Eq "In employment on leaving +50\.0% +2 ?/ ?4" "$T/hand.txt"
    check "PDF: six months after 33.3 %, 1 of 3" \
        grep -Eq "In employment six months after leaving +33\.3% +1 ?/ ?3" "$T/hand.txt"
    check "PDF: not yet known 1" grep -Eq "Six months after: not yet known +1$" "$T/hand.txt"
    check "PDF: the span starts on the data's first day" grep -q "2023-11-01–2024-12-31" "$T/hand.txt"
    check "PDF: the definitions and caveats page" grep -q "Definitions and data-quality caveats" "$T/hand.txt"
    check "PDF: a client without gender" grep -q "Clients without gender: 1\." "$T/hand.txt"
    check "PDF: a client without birth year" grep -q "Clients without a birth year: 1\." "$T/hand.txt"
    check "PDF: pages numbered of 13" grep -q "Page 13 of 13" "$T/hand.txt"
fi
expect_status "--per takes provider or team only" 2 "$IPS" pdf --db "$W" --period 2024Q4 --per coach \
    --out "$T/x.pdf" 2>/dev/null

# The samples: every provider has its page and sheet; euros on the funder page.
S="$T/s.db"
"$IPS" ingest -q --db "$S" "$IPS_ROOT"/samples/canonical/*.csv >/dev/null 2>&1
check "samples: publish with a page and sheet per provider and a tariff" sh -c "'$IPS' publish \
    --db '$S' --period 2024Q4 --out '$T/pack' --lang fi,en --per provider \
    --tariff '$IPS_ROOT/samples/tariff.ini' >'$T/pub.out' 2>&1"
"$IPS" metrics --db "$S" --period 2024Q4 --by provider --format csv |
    awk -F, '$1=="caseload_active"{print $5}' | sort -u >"$T/providers.txt"
np=$(wc -l <"$T/providers.txt")
check "samples: providers listed" test "$np" -ge 2
"$PY" "$T/sheet.py" "$T/pack/report-en.xlsx" >"$T/s-sheets.txt"
check "samples: the funder sheet" grep -qx "ESF+ indicators" "$T/s-sheets.txt"
while read -r p; do
    [ -n "$p" ] || p="(unknown)"
    check "samples: a sheet for provider $p" grep -qxF "$p" "$T/s-sheets.txt"
done <"$T/providers.txt"
if command -v pdftotext >/dev/null; then
    pdftotext -layout "$T/pack/summary-en.pdf" "$T/s.txt"
    check "samples: one PDF page per provider" test "$(grep -c 'Provider: ' "$T/s.txt")" = "$np"
    # nine, the outcome instruments' page (the samples hold assessments),
    # one per provider, the funder's and the definitions page
    check "samples: PDF pages 9 + instruments + providers + 2" \
        test "$(pdfinfo "$T/pack/summary-en.pdf" | sed -n 's/^Pages: *//p')" = "$((9 + 1 + np + 2))"
    check "samples: the funder page has fees in euros" grep -Eq "Start fees +[0-9]+ +[0-9,]+\.[0-9]{2} €" "$T/s.txt"
    check "samples: the definitions page, in Finnish" sh -c "pdftotext '$T/pack/summary-fi.pdf' - | grep -q 'Määritelmät ja tietojen laadun varaumat'"
    check "samples: suppression says what it hides" grep -q "Small-cell suppression hides" "$T/s.txt"
fi
for p in 2024Q1 2024Q4 2024H2 2024; do
    "$IPS" audit --db "$S" --period $p >"$T/audit.out" 2>&1
    check "samples: audit of $p finds nothing recoverable" grep -q "^Intruder: .*, 0 worked out" "$T/audit.out"
    check "samples: audit of $p, nothing of the funder's figures either" \
        grep -q "^Funder's figures since the start: [1-9][0-9]* hidden quantities checked, 0 worked out" "$T/audit.out"
done
