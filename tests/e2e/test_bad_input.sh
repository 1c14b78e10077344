#!/bin/sh
# Bad input, file by file (tests/bad/, plus big files generated here): each
# ends within 60 s without a sanitizer report, with the exit status the README
# documents (0 all stored, 1 rows rejected, 2 file refused), a message naming
# the file and line, and a warehouse that is whole afterwards (integrity and
# foreign-key checks, accounting, no half-stored file: see warehouse_checks.sh).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/warehouse_checks.sh"
BAD="$IPS_ROOT/tests/bad"
cd "$T"
cp "$BAD"/*.csv .

$IPS ingest --db base.db "$BAD"/base/*.csv >base.out 2>&1
check "base files load" test $? -eq 0
rm -f base.db-wal base.db-shm
base_rows=$(total_rows base.db)
base_batches=$(sql base.db 'SELECT count(*) FROM batches')

# bad NAME FILE STATUS NEW_ROWS MESSAGE [ingest options]: ingests FILE into a
# copy of the base warehouse.  MESSAGE is an extended regex stderr must match
# ('' = stderr must be empty); NEW_ROWS is how many rows the file adds.
bad() {
    name=$1 file=$2 want=$3 rows=$4 msg=$5
    shift 5
    cp base.db w.db
    rm -f w.db-wal w.db-shm
    timeout 60 $IPS ingest --db w.db "$@" "$file" >"$file.out" 2>"$file.err"
    st=$?
    if [ $st -eq 124 ]; then fail "$name: still running after 60 s"; return; fi
    if sanitizer_report "$file.err"; then fail "$name: sanitizer report"; sed 20q "$file.err"; return; fi
    if [ $st -ne "$want" ]; then fail "$name: exit $st, wanted $want: $(cat "$file.out" "$file.err" | cut -c1-300)"; return; fi
    if [ -n "$msg" ] && ! grep -Eq "$msg" "$file.err"; then
        fail "$name: no message matching '$msg': $(cut -c1-300 "$file.err")"; return
    fi
    if [ -z "$msg" ] && [ -s "$file.err" ]; then fail "$name: unexpected stderr: $(cut -c1-300 "$file.err")"; return; fi
    problems=$(warehouse_problems w.db)
    if [ -n "$problems" ]; then fail "$name: warehouse not whole: $problems"; return; fi
    added=$(($(total_rows w.db) - base_rows))
    if [ "$added" -ne "$rows" ]; then fail "$name: $added rows added, wanted $rows"; return; fi
    batches=$(($(sql w.db 'SELECT count(*) FROM batches') - base_batches))
    if [ $st -eq 2 ]; then
        [ $batches -eq 0 ] && grep -q "refused, nothing stored" "$file.out" ||
            { fail "$name: refused file left a batch ($batches) or no 'refused' line"; return; }
    else
        summary=$(sql w.db "SELECT rows_read || ' read, ' || rows_stored || ' stored, ' || rows_updated
                            || ' updated, ' || rows_rejected || ' rejected' FROM batches
                            ORDER BY batch_id DESC LIMIT 1")
        [ $batches -eq 1 ] && grep -qF "$summary" "$file.out" ||
            { fail "$name: batch ($batches) and printed counts disagree: $summary / $(cat "$file.out")"; return; }
    fi
    pass "$name (exit $st, $rows rows added, warehouse whole)"
}

# Refused files: exit 2, one line naming file and line, nothing stored.
bad "missing required column (no --entity)" missing_required_column.csv 2 0 \
    "missing_required_column.csv:1: .*required column 'contact_id' is missing"
bad "missing required column (--entity contacts)" missing_required_column.csv 2 0 \
    "missing_required_column.csv:1: required column 'contact_id' of contacts is missing" --entity contacts
bad "duplicate header column" duplicate_header.csv 2 0 \
    "duplicate_header.csv:1: column 'gender' appears twice"
bad "unterminated quote at end of file" unterminated_quote_eof.csv 2 0 \
    "unterminated_quote_eof.csv:3: the file ends inside a quoted field"
bad "stray quote inside a field" stray_quote.csv 2 0 "stray_quote.csv:3: malformed quoting"
bad "text after a closing quote" text_after_quote.csv 2 0 "text_after_quote.csv:2: malformed quoting"
bad "invalid UTF-8 (broken sequence)" invalid_utf8.csv 2 0 \
    "invalid_utf8.csv:3: municipality: text is not UTF-8"
bad "invalid UTF-8 (overlong form)" invalid_utf8_overlong.csv 2 0 \
    "invalid_utf8_overlong.csv:3: municipality: text is not UTF-8"
bad "invalid UTF-8 (UTF-16 surrogate)" invalid_utf8_surrogate.csv 2 0 \
    "invalid_utf8_surrogate.csv:3: municipality: text is not UTF-8"
bad "Windows-1252 file without a profile" windows1252_no_profile.csv 2 0 \
    "windows1252_no_profile.csv:2: municipality: text is not UTF-8.*encoding = windows-1252"
bad "UTF-16 file (Excel 'Unicode text')" utf16_excel_unicode_text.csv 2 0 \
    "utf16_excel_unicode_text.csv:1: the header contains NUL bytes.*UTF-16"
bad "NUL byte in the header" nul_in_header.csv 2 0 "nul_in_header.csv:1: the header contains NUL bytes"
bad "empty file" empty.csv 2 0 "empty.csv: the file is empty"
bad "empty file (--entity clients)" empty.csv 2 0 "empty.csv: the file is empty" --entity clients
bad "file with only a BOM" bom_only.csv 2 0 "bom_only.csv: the file is empty"
bad "file with only blank lines" blank_lines_only.csv 2 0 "blank_lines_only.csv: the file is empty"

# Rows rejected: exit 1, file:line: column: reason, the good rows stored.
bad "Finnish date 31.02.2024 in canonical layout" date_finnish_impossible.csv 1 2 \
    "^date_finnish_impossible.csv:3: date: '31.02.2024' is not a real date"
bad "impossible ISO date 2024-02-31" date_impossible_iso.csv 1 2 \
    "^date_impossible_iso.csv:3: date: '2024-02-31' is not a real date"
check "2024-02-29 (leap day) stored, 2023-02-29 not" \
    test "$(sql w.db "SELECT group_concat(contact_id) FROM contacts WHERE contact_id IN ('b12','b13','b14','b15')")" = b13
check "2023-02-29 rejected on its line" grep -q "^date_impossible_iso.csv:5: date: '2023-02-29'" date_impossible_iso.csv.err
bad "end_date before start_date" enrollments_end_before_start.csv 1 1 \
    "^enrollments_end_before_start.csv:3: end_date: 2024-02-28 is before start_date 2024-03-01"
bad "unknown codes" unknown_codes.csv 1 1 "^unknown_codes.csv:3: kind: 'meeting' is not a known kind"
check "unknown setting and boolean named too" sh -c "grep -q '^unknown_codes.csv:4: setting:' unknown_codes.csv.err && grep -q '^unknown_codes.csv:5: in_person:' unknown_codes.csv.err"
bad "rows for an unknown client and coach" unknown_client.csv 1 1 \
    "^unknown_client.csv:3: client_id: unknown client 'c999'"
check "unknown coach named on its line" grep -q "^unknown_client.csv:4: coach_id: unknown coach 'k999'" unknown_client.csv.err
bad "mixed delimiters" mixed_delimiters.csv 1 2 \
    "^mixed_delimiters.csv:3: row: has 1 fields but the header has 4; check the delimiter"
check "mixed delimiters: the comma rows stored" test "$(sql w.db "SELECT group_concat(client_id) FROM (SELECT client_id FROM clients WHERE client_id LIKE 'c6%' ORDER BY 1)")" = c61,c63
bad "NUL byte in a field" nul_byte.csv 1 2 "^nul_byte.csv:3: municipality: contains a NUL byte"
check "NUL row not stored, neighbours stored" test "$(sql w.db "SELECT group_concat(client_id) FROM (SELECT client_id FROM clients WHERE client_id LIKE 'c9%' ORDER BY 1)")" = c91,c93
bad "long values of ä and ö quoted in reasons" long_multibyte_values.csv 1 1 \
    "^long_multibyte_values.csv:3: client_id: unknown client 'cööö*': load the clients"
bad "last line cut short (no line end)" truncated_last_line.csv 1 1 \
    "^truncated_last_line.csv:4: row: the last line has no line end, so the file was probably cut short"
check "the cut line leaves the stored row as it was" test "$(sql w.db "SELECT segment FROM clients WHERE client_id = 'c2'")" = other
bad "CR-only line ends (old Mac export)" cr_only_line_ends.csv 1 2 "^cr_only_line_ends.csv:3: birth_year:"
bad "rules across columns, repeated ids" contacts_rules_and_repeats.csv 1 3 \
    "^contacts_rules_and_repeats.csv:3: coach_id: is blank; it may be blank only when by is 'client'"
check "repeated id with other values rejected, same values counted duplicate" \
    sh -c "grep -q '^contacts_rules_and_repeats.csv:6: contact_id: the same contact_id appears with other values on line 5' contacts_rules_and_repeats.csv.err && grep -q '6 read, 3 stored, 0 updated, 2 rejected, 1 duplicate' contacts_rules_and_repeats.csv.out"

# Loads cleanly: exit 0, nothing on stderr.
bad "header-only file" header_only.csv 0 0 ""
check "header-only file: a batch of zero rows" test "$(sql w.db "SELECT rows_read FROM batches WHERE file_name = 'header_only.csv'")" = 0
bad "formula-like text" formula_text.csv 0 5 ""
# Formula-like text is legal data: stored exactly, as text (the report escapes it).
got=$(sql w.db "SELECT group_concat(employer_id || '|' || name || '|' || typeof(name) || '|' ||
                coalesce(municipality, '') || '|' || coalesce(typeof(municipality), ''), '#')
                FROM (SELECT * FROM employers WHERE employer_id LIKE 'f%' ORDER BY employer_id)")
want="f1|=HYPERLINK(\"http://example.com/x\",\"klikkaa\")|text|Lahti|text#f2|+1|text|-1|text#f3|@SUM(A1:A9)|text|=1+2|text#f4|-1|text|+358 40 123|text#f5|=cmd|' /C calc'!A0|text|@x|text"
check "formula-like text stored exactly as text" test "$got" = "$want"

# Big input, generated here rather than committed.
H=client_id,birth_year,gender,municipality
repeat() { head -c "$2" /dev/zero | tr '\0' "$1"; }
{ echo $H; echo g1,1990,f,Lahti; printf 'g2,1991,m,'; repeat x 102400; printf '\ng3,1992,x,Heinola\n'; } >big_field.csv
bad "100 KB field" big_field.csv 1 2 "^big_field.csv:3: municipality: is 102400 bytes long; the longest accepted is 10000"
{ echo $H; echo g4,1990,f,Lahti; printf 'g5,1991,m,"'; repeat , 102400; printf '"\ng6,1992,x,Heinola\n'; } >big_quoted_field.csv
bad "100 KB quoted field of commas" big_quoted_field.csv 1 2 "^big_quoted_field.csv:3: municipality: is 102400 bytes long"
{ echo client_id,notes; printf 'g7,'; repeat n 102400; echo; } >big_ignored_field.csv
bad "100 KB field in a column not in the contract" big_ignored_field.csv 0 1 ""
check "longest stored text stays short" test "$(sql w.db 'SELECT max(length(municipality)) FROM clients')" -lt 100
{ echo $H; echo g8,1990,f,Lahti; printf 'g9,1991,m,'; repeat z 5000000; printf '\ng10,1992,x,Heinola\n'; } >long_line.csv
bad "5-million-character line" long_line.csv 1 2 "^long_line.csv:3: municipality: is 5000000 bytes long"
{ echo $H; echo g11,1990,f,Lahti; repeat , 5000000; printf '\ng12,1992,x,Heinola\n'; } >long_line_fields.csv
bad "5-million-character line of delimiters" long_line_fields.csv 1 2 \
    "^long_line_fields.csv:3: row: has 5000001 fields but the header has 4"
{ printf 'client_id,birth_year,'; repeat h 5000000; printf '\ng13,1990,x\n'; } >long_header.csv
bad "5-million-character header column (not in the contract)" long_header.csv 0 1 ""
{ printf client_id; for i in $(seq 1 200); do printf ',sarake_ää_%d' $i; done; printf '\ng15'; repeat , 200; echo; } >many_ignored_columns.csv
bad "200 columns not in the contract, names with ää" many_ignored_columns.csv 0 1 ""
check "the list of ignored columns is cut at a whole character" \
    sh -c "test \$(sqlite3 w.db 'SELECT length(CAST(ignored_columns AS BLOB)) FROM batches ORDER BY batch_id DESC LIMIT 1') -le 1023"
{ printf client_id; repeat , 5000000; printf '\ng14\n'; } >wide_header.csv
bad "header of 5 million columns" wide_header.csv 2 0 "wide_header.csv:1: the header has 5000001 columns; at most 256"

# All of them in one command: the refused files are refused, the others load,
# and the warehouse is whole.
cp base.db all.db
rm -f all.db-wal all.db-shm
timeout 120 $IPS ingest --db all.db *.csv >all.out 2>all.err
st=$?
check "all bad files at once: exit 2, no hang" test $st -eq 2
check "all bad files at once: no sanitizer report" sh -c "! grep -Eq 'Sanitizer|runtime error:' all.err"
check "all bad files at once: warehouse whole" test -z "$(warehouse_problems all.db)"
check "all bad files at once: one line per file" test "$(grep -c '^[a-z0-9_]*\.csv: ' all.out)" -ge "$(ls *.csv | wc -l)"
