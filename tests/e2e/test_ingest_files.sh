#!/bin/sh
# Whole-file behaviour of ingest: dependency order, re-ingest idempotence,
# corrected re-exports, rollback of a refused file, CSV dialects, exit codes.
. "$(dirname "$0")/lib.sh"
cd "$T"
W=w.db

printf 'coach_id,provider_id,fte\nk1,p1,1\n' >coaches.csv
printf 'client_id,birth_year,gender\nc1,1990,f\nc2,1980,m\n' >clients.csv
printf 'enrollment_id,client_id,coach_id,service,start_date\ne1,c1,k1,ips,2023-02-01\ne2,c2,k1,ips,2023-03-01\n' >enrollments.csv

# Given in reverse dependency order, they still load.
expect_status "files load in dependency order whatever the order given" 0 \
    $IPS ingest --db $W enrollments.csv clients.csv coaches.csv
check "all rows stored" test "$(sql $W 'SELECT count(*) FROM enrollments')" = 2

# Loading the same files again changes nothing.
before=$(sql $W "SELECT group_concat(enrollment_id || batch_id) FROM enrollments")
$IPS ingest --db $W coaches.csv clients.csv enrollments.csv >again.out 2>&1
check "re-ingest says already loaded" grep -q "already loaded" again.out
check "re-ingest adds no batch" test "$(sql $W 'SELECT count(*) FROM batches')" = 3
check "re-ingest changes no row" test "$(sql $W "SELECT group_concat(enrollment_id || batch_id) FROM enrollments")" = "$before"

# A corrected re-export (another file, one row changed) updates by id.
printf 'enrollment_id,client_id,coach_id,service,start_date,end_date,exit_reason\ne1,c1,k1,ips,2023-02-01,2024-01-31,employed_open\ne2,c2,k1,ips,2023-03-01,,\n' >enrollments_fix.csv
$IPS ingest --db $W enrollments_fix.csv >fix.out 2>&1
check "corrected export: 1 updated, 1 duplicate" grep -q "2 read, 1 stored, 1 updated, 0 rejected, 1 duplicate" fix.out
check "corrected value stored" test "$(sql $W "SELECT exit_reason FROM enrollments WHERE enrollment_id='e1'")" = employed_open

# A file with an unterminated quote is refused whole: its good rows are not stored.
printf 'client_id,birth_year,gender,municipality\nc3,1990,f,Lahti\nc4,1991,f,"Lahti\nc5,1992,m,Hollola\n' >broken.csv
expect_status "unterminated quote: exit 2" 2 $IPS ingest --db $W broken.csv
$IPS ingest --db $W broken.csv >broken.out 2>broken.err
check "unterminated quote: message names the file and line" grep -q "broken.csv:[0-9]*: .*quote" broken.err
check "unterminated quote: nothing from the file stored (rollback)" test "$(sql $W "SELECT count(*) FROM clients WHERE client_id IN ('c3','c4','c5')")" = 0
check "refused file leaves no batch" test "$(sql $W "SELECT count(*) FROM batches WHERE file_name='broken.csv'")" = 0

# Missing required column: refused before any row is written.
printf 'client_id,date,kind\nc1,2024-01-01,client\n' >contacts_missing.csv
$IPS ingest --db $W --entity contacts contacts_missing.csv >miss.out 2>miss.err
check "missing required column: exit 2" test $? -eq 2
check "missing required column named" grep -q "contacts_missing.csv:1: required column 'contact_id'" miss.err
# Without --entity the same file must not pass for clients (client_id is all
# clients require): that would blank the named client's other columns.
before=$(sql $W "SELECT count(*) || birth_year FROM clients WHERE client_id='c1'")
$IPS ingest --db $W contacts_missing.csv >miss2.out 2>miss2.err
check "missing contact_id, no --entity: exit 2, not loaded as clients" test $? -eq 2
check "missing contact_id, no --entity: message names the column" grep -q "contacts_missing.csv:1: .*looks like contacts.*'contact_id' is missing" miss2.err
check "missing contact_id, no --entity: client row unchanged" test "$(sql $W "SELECT count(*) || birth_year FROM clients WHERE client_id='c1'")" = "$before"

# Duplicate header column.
printf 'client_id,gender,gender\nc9,f,f\n' >dup.csv
$IPS ingest --db $W dup.csv >dup.out 2>dup.err
check "duplicate header column refused" grep -q "column 'gender' appears twice" dup.err

# Unknown header.
printf 'foo,bar\n1,2\n' >unknown.csv
$IPS ingest --db $W unknown.csv >u.out 2>u.err
check "unknown header: exit 2 with a clear message" sh -c "test $? -eq 2 && grep -q 'names no column of the data contract' u.err"

# Empty file and header-only file.
: >empty.csv
$IPS ingest --db $W --entity clients empty.csv >e.out 2>e.err
check "empty file refused with a message" grep -q "empty.csv: the file is empty" e.err
printf 'client_id,birth_year\n' >header_only.csv
expect_status "header-only file loads zero rows" 0 $IPS ingest --db $W header_only.csv

# Finnish-style dialect: BOM, ';', CRLF, quoted ';' and a quoted newline.
printf '\357\273\277client_id;birth_year;municipality\r\nf1;1970;"Hämeen;linna"\r\nf2;1971;"Kärkölä\r\nkylä"\r\nf3;19x;Lahti\r\n' >fi.csv
$IPS ingest --db $W fi.csv >fi.out 2>fi.err
check "BOM + ; + CRLF: good rows stored" test "$(sql $W "SELECT count(*) FROM clients WHERE client_id IN ('f1','f2')")" = 2
check "quoted delimiter kept in value" test "$(sql $W "SELECT municipality FROM clients WHERE client_id='f1'")" = "Hämeen;linna"
check "row after a quoted newline reports its own line (5)" grep -q "^fi.csv:5: birth_year:" fi.err

# Invalid UTF-8 (a Windows-1252 file) without a profile: refused with advice.
printf 'client_id,municipality\nw1,K\344rk\366l\344\n' >cp1252.csv
$IPS ingest --db $W cp1252.csv >cp.out 2>cp.err
check "Windows-1252 without profile: refused, advice given" grep -q "cp1252.csv:2: municipality: text is not UTF-8.*windows-1252" cp.err

# A UTF-16 export (Excel's "Unicode text") is not called Windows-1252.
printf 'client_id,municipality\r\nu1,K\303\244rk\303\266l\303\244\r\n' | iconv -f UTF-8 -t UTF-16 >utf16.csv
$IPS ingest --db $W utf16.csv >u16.out 2>u16.err
check "UTF-16 file: exit 2" test $? -eq 2
check "UTF-16 file: refused with advice to save as CSV UTF-8" grep -q "utf16.csv:1: .*UTF-16.*CSV UTF-8" u16.err

# Rows of one id twice in one file with other values: the second is rejected.
printf 'client_id,birth_year\nd1,1970\nd1,1971\nd1,1970\n' >twice.csv
$IPS ingest --db $W twice.csv >tw.out 2>tw.err
check "same id twice in a file: later conflicting row rejected" grep -q "twice.csv:3: client_id: the same client_id appears with other values on line 2" tw.err
check "same id, same values in one file: counted duplicate" grep -q "3 read, 1 stored, 0 updated, 1 rejected, 1 duplicate" tw.out

# Unknown columns are listed and never stored.
printf 'client_id,birth_year,phone\ng1,1970,0401234567\n' >extra.csv
$IPS ingest --db $W extra.csv >x.out 2>&1
check "unknown columns listed" grep -q "not stored: phone" x.out
check "unknown column values not in the warehouse" sh -c "! grep -a -q 0401234567 $W $W-wal 2>/dev/null"

# Accounting holds for every batch.
check "every batch: read = stored + rejected + duplicate" test "$(sql $W 'SELECT count(*) FROM batches WHERE rows_read <> rows_stored + rows_rejected + rows_duplicate')" = 0
check "schema is versioned" test "$(sql $W 'PRAGMA user_version')" = 5

# A version-1 warehouse (narrow contacts indexes) is upgraded on open, also by
# a read-only command, and keeps its rows.
. "$IPS_ROOT/tests/e2e/old_schema.sh"
cp $W old.db
schema_v2 old.db
sqlite3 old.db "DROP INDEX contacts_client; CREATE INDEX contacts_client ON contacts(client_id, date); PRAGMA user_version=1"
$IPS check --db old.db --as-of 2024-12-31 >old.out 2>old.err
check "old warehouse upgraded to version 5 by a read-only command" test "$(sql old.db 'PRAGMA user_version')" = 5
check "upgrade widened the contacts index" sh -c "sqlite3 old.db \"SELECT sql FROM sqlite_schema WHERE name='contacts_client'\" | grep -q in_person"
check "upgrade dropped the contacts-by-kind index no query reads" test "$(sql old.db "SELECT count(*) FROM sqlite_schema WHERE name='contacts_kind'")" = 0
check "… and the contacts-by-coach index the facts no longer read" test "$(sql old.db "SELECT count(*) FROM sqlite_schema WHERE name='contacts_coach'")" = 0
check "upgrade kept the rows" test "$(sql old.db 'SELECT count(*) FROM enrollments')" = "$(sql $W 'SELECT count(*) FROM enrollments')"

# A newer warehouse is refused; a non-warehouse SQLite file too.
cp $W newer.db
sqlite3 newer.db 'PRAGMA user_version=99'
$IPS check --db newer.db --as-of 2024-12-31 >n.out 2>n.err
check "newer schema refused with advice" grep -q "newer than this ipsreport" n.err
sqlite3 other.db 'CREATE TABLE t(x)'
$IPS ingest --db other.db clients.csv >o.out 2>o.err
check "foreign SQLite file refused" grep -q "not an ipsreport warehouse" o.err

# Usage errors exit 2.
expect_status "ingest without files: exit 2" 2 $IPS ingest --db $W
expect_status "unknown entity: exit 2" 2 $IPS ingest --db $W --entity foo clients.csv
check "ingest --help" sh -c "$IPS ingest --help | grep -q 'usage: ipsreport ingest'"
