#!/bin/sh
# Outputs are safe to open and safe to write (issue 13):
# 1. CSV cells a spreadsheet would read as a formula (=, +, -, @, tab, CR
#    first) are written with a leading quote; numbers stay numbers.
# 2. An output over the warehouse, a side file of it or an input of the run
#    is refused (by name and by inode), the warehouse intact.
# 3. A symbolic link at an output path is refused, its target untouched.
# 4. An output that fails mid-write (file-size limit) leaves the previous
#    file whole and no temporary behind.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
cd "$T"
C="$IPS_ROOT/samples/canonical"

# 1. Coach and team ids shaped like formulas, ingested as any export.
mkdir in
for f in "$C"/*.csv; do
    sed -e 's/\btv001\b/"=HYPERLINK(""http:\/\/evil.example"",""x"")"/g' \
        -e 's/\btv005\b/+1/g' -e 's/\btv003\b/-x/g' -e 's/\btv004\b/@SUM(A1)/g' \
        -e 's/\blehto_lahti\b/=1+2/g' "$f" >"in/$(basename "$f")"
done
"$IPS" ingest -q --db w.db in/*.csv >ingest.out 2>&1
check "formula-shaped ids ingested" test "$(sql w.db "SELECT count(*) FROM coaches WHERE coach_id IN ('+1', '-x', '@SUM(A1)') OR coach_id LIKE '=HYPERLINK%'")" -eq 4
"$IPS" metrics --db w.db --period 2024Q4 --by coach --internal >coach.csv 2>/dev/null
"$IPS" metrics --db w.db --period 2024Q4 --by team --internal >team.csv 2>/dev/null
check "metrics --by coach: CSV written" test -s coach.csv
cat >cells.py <<'PY'
import csv, sys
risky = tuple("=+-@\t\r")
groups, bad, numbers = set(), [], 0
for path in sys.argv[2:]:
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            groups.add(row["group"])
            for k in ("metric", "group_by", "group"):
                if row[k].startswith(risky):
                    bad.append(row[k])
            for k in ("numerator", "denominator", "value", "score"):
                v = row[k]
                if v and not (v.startswith("<") or v.startswith("\u2013") or "/" in v):
                    float(v)  # a number, as it was (negative ones too)
                    numbers += 1
want = sys.argv[1].split("|")
missing = [w for w in want if w not in groups]
if bad or missing or numbers == 0:
    print("unescaped:", bad[:5], "missing:", missing, "numbers:", numbers)
    sys.exit(1)
PY
check "formula-shaped coach and team ids are escaped, numbers stay numbers" "$PY" cells.py \
    "'=HYPERLINK(\"http://evil.example\",\"x\")|'+1|'-x|'@SUM(A1)|'=1+2" coach.csv team.csv
check "the escaped id is quoted as CSV needs" grep -q "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"" coach.csv
"$IPS" metrics --db w.db --period 2024Q4 --by coach --internal --format json >coach.json 2>/dev/null
check "JSON keeps the ids as they are (no spreadsheet reads JSON)" \
    "$PY" -c "import json,sys; g={r['group'] for r in json.load(open('coach.json'))}; sys.exit(0 if '@SUM(A1)' in g and '+1' in g else 1)"
"$IPS" publish --db w.db --period 2024Q4 --out pack >/dev/null 2>&1
"$IPS" metrics --db w.db --period 2024Q4 >plain.csv 2>/dev/null
check "publish's metrics CSV is written the same way" cmp -s plain.csv pack/metrics-2024Q4.csv

# 2. Outputs over the warehouse or an input are refused; the warehouse stays.
sum0=$(cksum <w.db)
expect_status "pdf --out the warehouse: refused (exit 2)" 2 "$IPS" pdf --db w.db --period 2024Q4 --out w.db 2>err
check "the refusal says it is the warehouse" grep -q "is the warehouse" err
expect_status "pdf --out ./w.db: refused" 2 "$IPS" pdf --db w.db --period 2024Q4 --out ./w.db 2>/dev/null
ln w.db hard.pdf
expect_status "pdf --out a hard link to the warehouse: refused" 2 "$IPS" pdf --db w.db --period 2024Q4 --out hard.pdf 2>/dev/null
mkdir sub && ln -s .. sub/up
expect_status "pdf --out the warehouse through a linked folder: refused" 2 \
    "$IPS" pdf --db w.db --period 2024Q4 --out sub/up/w.db 2>/dev/null
expect_status "pdf --out the warehouse's -wal: refused" 2 "$IPS" pdf --db w.db --period 2024Q4 --out w.db-wal 2>/dev/null
check "no -wal was made" test ! -e w.db-wal
check "the warehouse is intact" test "$(cksum <w.db)" = "$sum0"
expect_status "check still reads the warehouse" 1 sh -c '"$0" check --db w.db --as-of 2024-12-31 >/dev/null 2>&1' "$IPS"
cp "$IPS_ROOT/samples/tariff.ini" tariff.xlsx
expect_status "report --out its own tariff: refused" 2 "$IPS" report --db w.db --period 2024Q4 \
    --tariff tariff.xlsx --out tariff.xlsx 2>err
check "the refusal says it is an input" grep -q "an input of this run" err
check "the tariff is intact" cmp -s tariff.xlsx "$IPS_ROOT/samples/tariff.ini"

"$IPS" key new my.key >/dev/null 2>&1
key0=$(cksum <my.key)
expect_status "pdf --out the key of IPSREPORT_KEY_FILE: refused" 2 env IPSREPORT_KEY_FILE=my.key \
    "$IPS" pdf --db w.db --period 2024Q4 --out my.key 2>err
check "the refusal says it is the key" grep -q "is the pseudonym key" err
check "the key is intact" test "$(cksum <my.key)" = "$key0"

# 3. Links at output paths are not written through.
echo "precious" >target
ln -s target s.pdf
expect_status "pdf --out a symbolic link: refused" 2 "$IPS" pdf --db w.db --period 2024Q4 --out s.pdf 2>err
check "the refusal names the link" grep -q "symbolic link" err
mkdir charts && ln -s ../target charts/employment_rate.png
expect_status "charts with a link planted in the folder: refused" 2 "$IPS" charts --db w.db --period 2024Q4 --out charts 2>err
check "the charts refusal names the link" grep -q "employment_rate.png: is a symbolic link" err
ln -s target x.xlsx
expect_status "report --out a symbolic link: refused" 2 "$IPS" report --db w.db --period 2024Q4 --out x.xlsx 2>/dev/null
check "the link's target is untouched" test "$(cat target)" = precious

# 4. A write cut short leaves the previous file whole.
"$IPS" pdf --db w.db --period 2024Q4 --out good.pdf >/dev/null 2>&1
"$IPS" report --db w.db --period 2024Q4 --out good.xlsx >/dev/null 2>&1
check "a good PDF and workbook to begin with" test -s good.pdf -a -s good.xlsx
pdf0=$(cksum <good.pdf) xlsx0=$(cksum <good.xlsx)
# 40 blocks of 512 bytes (dash) or 1 KiB (bash): far less than either file.
expect_status "pdf past a file-size limit: fails (exit 2)" 2 sh -c "ulimit -f 40; exec \"$IPS\" pdf --db w.db --period 2024Q4 --lang en --out good.pdf >/dev/null 2>err"
expect_status "report past a file-size limit: fails (exit 2)" 2 sh -c "ulimit -f 40; exec \"$IPS\" report --db w.db --period 2024Q4 --out good.xlsx >/dev/null 2>/dev/null"
check "the previous PDF is whole" test "$(cksum <good.pdf)" = "$pdf0"
check "the previous workbook is whole" test "$(cksum <good.xlsx)" = "$xlsx0"
check "the PDF is still a PDF" sh -c "pdfinfo good.pdf >/dev/null 2>&1"
check "no temporary left behind" test -z "$(ls -A | grep '\.tmp-')"
m0=$(cksum <pack/metrics-2024Q4.json)
expect_status "publish past a file-size limit: fails" 2 sh -c "ulimit -f 2; exec \"$IPS\" publish --db w.db --period 2024Q4 --out pack >/dev/null 2>&1"
check "publish's previous files are whole" test "$(cksum <pack/metrics-2024Q4.json)" = "$m0"
check "publish leaves no temporary" test -z "$(ls -A pack | grep '\.tmp-')"
