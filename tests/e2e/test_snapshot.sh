#!/bin/sh
# One snapshot per read command (issue 13): a read while another connection
# holds a write transaction sees the committed state, and a read during
# which an ingest commits shows the state it started with in every part.
# Synchronised by fifos, never by sleeping: a holder process (Python's
# sqlite3, which keeps a transaction open until told) and a report whose
# tariff is a fifo, so it stops after reading its data and before its
# Funding figures, until the test has committed an ingest.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
cd "$T"
C="$IPS_ROOT/samples/canonical"
# The base: every episode that started before the fourth quarter of 2024;
# the later ones come in by an ingest while the report reads.
mkdir base
for f in "$C"/*.csv; do cp "$f" base/; done
awk -F, 'NR == 1 || $6 < "2024-10-01"' "$C/enrollments.csv" >base/enrollments.csv
"$IPS" ingest -q --db w.db base/*.csv >/dev/null 2>&1
check "base warehouse loaded" test "$(sql w.db 'SELECT count(*) FROM enrollments')" -lt \
    "$(($(wc -l <"$C/enrollments.csv") - 1))"
"$IPS" metrics --db w.db --period 2024Q4 >before.csv 2>/dev/null

# 1. A write transaction held open (contacts deleted, not committed): a
#    read sees the committed state, whole.
mkfifo hold.in hold.out
cat >holder.py <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=60)
for line in sys.stdin:
    if line.strip() != "sync":
        db.execute(line.strip())
    print("ok", flush=True)
PY
"$PY" holder.py w.db <hold.in >hold.out 2>hold.err &
HOLDER=$!
exec 4>hold.in 5<hold.out
say() { echo "$1" >&4 && read -r _ <&5; }
say "PRAGMA journal_mode=WAL"
say "BEGIN IMMEDIATE"
say "DELETE FROM contacts"
"$IPS" metrics --db w.db --period 2024Q4 >held.csv 2>held.err
check "read during a held write transaction: exit 0" test -s held.csv
check "read during a held write transaction sees the committed state" cmp -s before.csv held.csv
"$IPS" check --db w.db --as-of 2024-12-31 >held-check.txt 2>&1
check "check during a held write transaction counts the committed contacts" \
    grep -q "contacts *$(sql w.db 'SELECT count(*) FROM contacts')\$" held-check.txt
say "ROLLBACK"
# The holder stays connected (idle, in WAL mode), so the ingest below can
# commit while the report holds its snapshot.

# 2. An ingest commits while a report reads: every sheet is what a report
#    of the state before shows, none what one of the state after shows.
"$IPS" report --db w.db --period 2024Q4 --lang en --tariff "$IPS_ROOT/samples/tariff.ini" \
    --out before.xlsx >/dev/null 2>&1
mkfifo tariff.fifo
"$IPS" report --db w.db --period 2024Q4 --lang en --tariff tariff.fifo --out during.xlsx \
    >during.out 2>during.err &
READER=$!
exec 6>tariff.fifo            # returns once the report has read its data and opens the tariff
"$IPS" ingest -q --db w.db "$C/enrollments.csv" >ingest.out 2>&1
check "an ingest commits while the report reads" test "$(sql w.db 'SELECT count(*) FROM enrollments')" \
    -eq "$(($(wc -l <"$C/enrollments.csv") - 1))"
cat "$IPS_ROOT/samples/tariff.ini" >&6
exec 6>&-
wait $READER
check "the report during the ingest: exit 0" test $? -eq 0
say "sync"
exec 4>&-
wait $HOLDER
"$IPS" report --db w.db --period 2024Q4 --lang en --tariff "$IPS_ROOT/samples/tariff.ini" \
    --out after.xlsx >/dev/null 2>&1
for x in before during after; do mkdir "$x.x" && (cd "$x.x" && unzip -q "../$x.xlsx"); done
# The sheets and the Summary's charts (drawn after the tariff is read),
# less the time the About sheet says the workbook was made.
norm() { sed 's/[0-9]\{4\}-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]//g' "$1"; }
same=yes differs=no
for s in before.x/xl/worksheets/sheet*.xml before.x/xl/media/*; do
    n=${s#before.x/}
    norm "$s" >x1
    norm "during.x/$n" >x2
    norm "after.x/$n" >x3
    cmp -s x1 x2 || same="no ($n)"
    cmp -s x1 x3 || differs=yes
done
check "the ingest changed what a report shows" test "$differs" = yes
check "the report read during the ingest shows one snapshot, the one before ($same)" test "$same" = yes
"$IPS" metrics --db w.db --period 2024Q4 >after.csv 2>/dev/null
check "a read after the commit sees it" sh -c '! cmp -s before.csv after.csv'
