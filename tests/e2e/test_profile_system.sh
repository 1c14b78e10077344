# Profiles for a whole system (issue 12): [profile] settings are the defaults
# of every entity, with or without a section; `profile guess FILES…` writes
# one profile for all of a system's exports that ingests them as the shipped
# profile does; and a file written in another format throughout is refused
# whole with the profile line that fixes it, while a few bad values among good
# ones are still rejected row by row.
. "$(dirname "$0")/lib.sh"

quiet() {
    out=$1
    err=$2
    shift 2
    "$@" >"$out" 2>"$err"
}

S="$IPS_ROOT/samples"
TABLES="coaches clients employers enrollments contacts jobs assessments fidelity_reviews"
unset IPSREPORT_KEY_FILE
"$IPS" key new "$T/k.key" >/dev/null 2>&1

# The canonical samples as a Finnish-locale system writes them: ';',
# d.m.yyyy dates, decimal commas, Windows-1252, canonical headers.
mkdir "$T/fi"
for f in "$S"/canonical/*.csv; do
    python3 - "$f" "$T/fi/$(basename "$f")" <<'PY'
import csv, re, sys
iso = re.compile(r'^(\d{4})-(\d{2})-(\d{2})$')
dec = re.compile(r'^-?\d+\.\d+$')
with open(sys.argv[1], encoding='utf-8', newline='') as f:
    rows = list(csv.reader(f))
def fi(c):
    m = iso.match(c)
    if m:
        return '%d.%d.%s' % (int(m.group(3)), int(m.group(2)), m.group(1))
    return c.replace('.', ',') if dec.match(c) else c
out = [rows[0]] + [[fi(c) for c in r] for r in rows[1:]]
with open(sys.argv[2], 'w', encoding='windows-1252', newline='') as f:
    csv.writer(f, delimiter=';', lineterminator='\r\n').writerows(out)
PY
done
check "the Finnish-locale copy has d.m.yyyy dates and ';'" grep -q '^ko0000001;27\.3\.2023;' "$T/fi/contacts.csv"
check "the Finnish-locale copy is not UTF-8" sh -c "! iconv -f UTF-8 -t UTF-8 '$T/fi/employers.csv' >/dev/null 2>&1"

# counts DB: "n n n …", the rows of every table
counts() {
    for t in $TABLES; do printf '%s ' "$(sql "$1" "SELECT count(*) FROM $t")"; done
}
C=$T/canonical.db
"$IPS" ingest --db "$C" "$S"/canonical/*.csv >/dev/null 2>&1
all_rows=$(counts "$C")
check "the canonical samples are loaded ($all_rows)" [ "$(sql "$C" "SELECT count(*) FROM contacts")" = 17602 ]

# ---- [profile] defaults ---------------------------------------------------
printf '[profile]\nencoding = windows-1252\ndelimiter = ;\ndates = d.m.yyyy\ndecimal = ,\n' >"$T/only.ini"
expect_status "a [profile]-only profile ingests the Finnish-locale files, status 0" 0 \
    quiet "$T/only.out" "$T/only.err" "$IPS" ingest --db "$T/only.db" --profile "$T/only.ini" "$T"/fi/*.csv
check "[profile]-only: all 17602 contacts stored" grep -q "^contacts.csv: 17602 read, 17602 stored, 0 updated, 0 rejected" "$T/only.out"
rows=$(counts "$T/only.db")
check "[profile]-only: every table as from the canonical files ($rows)" [ "$rows" = "$all_rows" ]
check "[profile]-only: dates and decimals read right" \
    [ "$(sql "$T/only.db" "SELECT start_date || ' ' || focus_share FROM coaches WHERE coach_id = 'tv001'")" = \
      "$(sql "$C" "SELECT start_date || ' ' || focus_share FROM coaches WHERE coach_id = 'tv001'")" ]
# A section for one entity changes only that entity: the others keep the defaults.
printf '[profile]\nencoding = windows-1252\ndelimiter = ;\ndates = d.m.yyyy\ndecimal = ,\n[jobs]\nfile = jobs*.csv\n' >"$T/one.ini"
"$IPS" ingest --db "$T/one.db" --profile "$T/one.ini" "$T"/fi/*.csv >/dev/null 2>&1
rows=$(counts "$T/one.db")
check "[profile] and one section: every table stored ($rows)" [ "$rows" = "$all_rows" ]

# ---- profile guess FILES… ------------------------------------------------
for sys in tyopaja casebook; do
    G=$T/guess-$sys.ini
    expect_status "$sys: profile guess of all its exports, status 0" 0 \
        quiet "$G" "$T/guess-$sys.err" "$IPS" profile guess "$S/$sys"/*.csv
    check "$sys: one [profile] section" [ "$(grep -c '^\[profile\]$' "$G")" = 1 ]
    check "$sys: one section per entity" [ "$(grep -c '^\[[a-z_]*\]$' "$G")" = 9 ]
    check "$sys: the guess prints no identity code" sh -c "! grep -Eq '[0-9]{6}[-+A][0-9]{3}[0-9A-Y]' '$G'"
    expect_status "$sys: the guessed profile passes check" 0 quiet "$T/gc-$sys.out" /dev/null "$IPS" profile check "$G"
    expect_status "$sys: its exports ingest with the guess, status 0" 0 quiet "$T/gi-$sys.out" "$T/gi-$sys.err" \
        "$IPS" ingest --db "$T/g-$sys.db" --profile "$G" --key-file "$T/k.key" "$S/$sys"/*.csv
    "$IPS" ingest --db "$T/s-$sys.db" --profile "$IPS_ROOT/ingest/profiles/$sys.ini" --key-file "$T/k.key" \
        "$S/$sys"/*.csv >/dev/null 2>&1
    gs=$(counts "$T/g-$sys.db")
    ss=$(counts "$T/s-$sys.db")
    check "$sys: the guess stores as many rows in every table as $sys.ini ($gs)" [ "$gs" = "$ss" -a "$gs" = "$all_rows" ]
    check "$sys: no row rejected under the guess" sh -c "! grep -q ', [1-9][0-9]* rejected' '$T/gi-$sys.out'"
    # Value by value too, but for the providers' ids: a shipped profile maps the
    # system's names for them to short ids, which no vocabulary can know.
    for t in $TABLES; do
        cols=$(sql "$T/s-$sys.db" "SELECT group_concat(name) FROM pragma_table_info('$t') WHERE name NOT IN ('batch_id', 'row_hash', 'provider_id', 'unit')")
        diff=$(sqlite3 -batch -noheader "$T/g-$sys.db" "ATTACH '$T/s-$sys.db' AS s" \
            "SELECT count(*) FROM (SELECT $cols FROM main.$t EXCEPT SELECT $cols FROM s.$t)")
        check "$sys: $t rows with other values than under $sys.ini: $diff" [ "$diff" = 0 ]
    done
done
G=$T/guess-tyopaja.ini
check "tyopaja guess: the defaults are the system's formats" sh -c "grep -qx 'encoding = windows-1252' '$G' && grep -qx 'delimiter = semicolon' '$G' && grep -qx 'dates = d.m.yyyy' '$G' && grep -qx 'decimal = ,' '$G'"
check "tyopaja guess: a section per entity with a file pattern" grep -qx "file = tapaamiset_\*.csv" "$G"
check "tyopaja guess: the Finnish vocabulary maps segment" grep -qx "map.segment.Mielenterveyskuntoutuja = mental_health" "$G"
check "tyopaja guess: ... and exit reasons" grep -qx "map.exit_reason.Työllistynyt avoimille työmarkkinoille = employed_open" "$G"
check "tyopaja guess: ... and the contact's mode" grep -qx "map.in_person.Puhelu = n" "$G"
check "tyopaja guess: a word for unknown maps to blank" grep -qx 'map.gender.Ei tiedossa = ""' "$G"
check "tyopaja guess: the henkilötunnus columns are marked" [ "$(grep -cx 'hetu = client_id' "$G")" = 5 ]
check "tyopaja guess: what it could not decide is a TODO" grep -q "^; TODO column.Lisätiedot = COLUMN" "$G"
check "tyopaja guess: ... and is summed up on stderr" grep -q "1 decision left" "$T/guess-tyopaja.err"
check "casebook guess: the English vocabulary maps outcomes" grep -qx "map.exit_reason.Employed - open market = employed_open" "$T/guess-casebook.ini"
check "casebook guess: no d.m.yyyy anywhere" sh -c "! grep -q 'd.m.yyyy' '$T/guess-casebook.ini'"

# One file of another format among them: its section says so itself.
mkdir "$T/mixed"
cp "$S"/tyopaja/*.csv "$T/mixed/"
iconv -f WINDOWS-1252 -t UTF-8 "$S/tyopaja/tapaamiset_2024.csv" | tr ';' ',' >"$T/mixed/tapaamiset_2024.csv"
expect_status "guess with one UTF-8 ',' export among them" 0 quiet "$T/mixed.ini" /dev/null "$IPS" profile guess "$T/mixed"/*.csv
check "its [contacts] sets its own encoding and delimiter" \
    sh -c "sed -n '/^\[contacts\]/,/^\[jobs\]/p' '$T/mixed.ini' | grep -qx 'encoding = utf-8' && sed -n '/^\[contacts\]/,/^\[jobs\]/p' '$T/mixed.ini' | grep -qx 'delimiter = comma'"
"$IPS" ingest --db "$T/mixed.db" --profile "$T/mixed.ini" --key-file "$T/k.key" "$T/mixed"/*.csv >/dev/null 2>&1
rows=$(counts "$T/mixed.db")
check "... and the whole export ingests with it ($rows)" [ "$rows" = "$all_rows" ]
# An export it cannot place is a note, and a file it cannot read an error.
printf 'foo;bar\n1;2\n' >"$T/mixed/muistio.csv"
"$IPS" profile guess "$T/mixed"/*.csv >"$T/note.ini" 2>"$T/note.err"
check "a file of no entity is a TODO in the profile" grep -q "^; TODO muistio.csv: the header does not tell which entity" "$T/note.ini"
check "... and said on stderr" grep -q "muistio.csv: the header does not tell which entity" "$T/note.err"
expect_status "a missing export fails the guess" 2 quiet /dev/null "$T/miss.err" "$IPS" profile guess "$S"/tyopaja/asiakkaat_2024.csv "$T/none.csv"
check "... naming it" grep -q "none.csv" "$T/miss.err"

# ---- errors that say the fix --------------------------------------------
# Dates in d.m.yyyy throughout, no profile: refused whole, nothing stored.
cp "$S/canonical/coaches.csv" "$S/canonical/clients.csv" "$T/"
python3 - "$S/canonical/enrollments.csv" "$T/enrollments.csv" <<'PY'
import re, sys
text = open(sys.argv[1], encoding='utf-8').read()
open(sys.argv[2], 'w').write(re.sub(r'(\d{4})-(\d{2})-(\d{2})',
    lambda m: '%d.%d.%s' % (int(m.group(3)), int(m.group(2)), m.group(1)), text))
PY
D=$T/fix.db
expect_status "d.m.yyyy dates without a profile: status 2" 2 quiet "$T/fix.out" "$T/fix.err" \
    "$IPS" ingest --db "$D" "$T/coaches.csv" "$T/clients.csv" "$T/enrollments.csv"
check "the file is refused whole" grep -qx "enrollments.csv: refused, nothing stored" "$T/fix.out"
check "nothing of it is stored" [ "$(sql "$D" "SELECT count(*) FROM enrollments")" = 0 ]
check "the files before it are stored" [ "$(sql "$D" "SELECT count(*) FROM clients")" = 540 ]
check "one message, with file:line: column:" [ "$(grep -c 'enrollments.csv' "$T/fix.err")" = 1 ]
check "... naming the line that fixes it" \
    grep -q "^ipsreport ingest: enrollments.csv:2: referral_date: '20.2.2023' is a d.m.yyyy date.*\`dates = d.m.yyyy\`.*profile guess" "$T/fix.err"
# With a profile that lacks the line, the message names the section it goes in.
printf '[profile]\nname = x\n[enrollments]\nfile = enrollments*.csv\n' >"$T/sec.ini"
"$IPS" ingest --db "$D" --profile "$T/sec.ini" "$T/enrollments.csv" >/dev/null 2>"$T/sec.err"
check "with a profile: the line goes in its [enrollments] section" \
    grep -q "write \`dates = d.m.yyyy\` in section \[enrollments\] of the profile sec.ini" "$T/sec.err"
"$IPS" ingest --db "$D" --profile "$T/only.ini" "$T/fi/coaches.csv" >/dev/null 2>&1
printf '[profile]\nencoding = windows-1252\ndelimiter = ;\n' >"$T/nodates.ini"
"$IPS" ingest --db "$T/nd.db" --profile "$T/nodates.ini" "$T/fi/coaches.csv" >/dev/null 2>"$T/nd.err"
check "dates and decimal commas together: both lines, under [profile]" \
    grep -q "write \`dates = d.m.yyyy\` and \`decimal = ,\` in section \[profile\] of the profile nodates.ini" "$T/nd.err"
check "... and nothing stored" [ "$(sql "$T/nd.db" "SELECT count(*) FROM coaches")" = 0 ]
# Windows-1252 bytes without a profile.
"$IPS" ingest --db "$T/enc.db" "$T/fi/employers.csv" >/dev/null 2>"$T/enc.err"
check "Windows-1252 bytes: the encoding line" grep -q "employers.csv:[0-9]*: [a-z]*: text is not UTF-8.*\`encoding = windows-1252\`" "$T/enc.err"
# The wrong delimiter in a profile: the header shows the right one.
printf '[profile]\ndelimiter = ,\n' >"$T/comma.ini"
"$IPS" ingest --db "$T/dl.db" --entity enrollments --profile "$T/comma.ini" "$T/fi/enrollments.csv" >/dev/null 2>"$T/dl.err"
check "a ';' file read with ',': the delimiter line" grep -q "enrollments.csv:1: .*\`delimiter = ;\` in section \[profile\] of the profile comma.ini" "$T/dl.err"
# Finnish headers without a profile: profile guess.
iconv -f WINDOWS-1252 -t UTF-8 "$S/tyopaja/asiakkuudet_2024.csv" >"$T/asiakkuudet.csv"
"$IPS" ingest --db "$T/hd.db" "$T/asiakkuudet.csv" >/dev/null 2>"$T/hd.err"
check "Finnish headers: 'profile guess' is named" grep -q "asiakkuudet.csv:1: .*other words (Henkilötunnus, Asiakkuuden tunnus, Palvelu, …).*ipsreport profile guess" "$T/hd.err"

# A few bad dates among good ones: the good rows are stored, the bad ones
# rejected one by one as before.
python3 - "$S/canonical/enrollments.csv" "$T/few/enrollments.csv" <<'PY'
import os, re, sys
os.makedirs(os.path.dirname(sys.argv[2]), exist_ok=True)
lines = open(sys.argv[1], encoding='utf-8').read().split('\n')
for i in (5, 50, 300):
    lines[i] = re.sub(r'(\d{4})-(\d{2})-(\d{2})',
                      lambda m: '%d.%d.%s' % (int(m.group(3)), int(m.group(2)), m.group(1)), lines[i])
open(sys.argv[2], 'w').write('\n'.join(lines))
PY
expect_status "a few d.m.yyyy dates among good ones: status 1 (rejects)" 1 quiet "$T/few.out" "$T/few.err" \
    "$IPS" ingest --db "$T/few.db" "$T/coaches.csv" "$T/clients.csv" "$T/few/enrollments.csv"
check "the good rows are stored" grep -q "^enrollments.csv: 585 read, 582 stored, 0 updated, 3 rejected" "$T/few.out"
check "each bad row has its file:line: column: reason" grep -q "^enrollments.csv:6: [a-z_]*: '[0-9]*\.[0-9]*\.20[0-9]*' is not a real date" "$T/few.err"
