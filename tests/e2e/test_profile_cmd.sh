# ipsreport profile check / guess: a valid profile is summarised, each kind of
# mistake is refused with file:line and exit 2, and a profile guessed from a
# Windows-1252 ';' export passes check without printing identity codes.
. "$(dirname "$0")/lib.sh"

quiet() {
    out=$1
    err=$2
    shift 2
    "$@" >"$out" 2>"$err"
}

cat >"$T/good.ini" <<'INI'
; Työpaja-X: Windows-1252 exports with Finnish headers
[profile]
name = Työpaja-X
encoding = windows-1252
delimiter = ;
dates = d.m.yyyy
decimal = ,

[enrollments]
file = asiakkuudet*.csv
column.Asiakkuuden tunnus = enrollment_id
column.Henkilötunnus = client_id
column.Aloituspäivä = start_date
hetu = client_id
map.exit_reason.Työllistynyt avoimille työmarkkinoille = employed_open

[employers]
column.Y-tunnus = employer_id
ytunnus = employer_id
INI
expect_status "check accepts a good profile" 0 quiet "$T/good.out" "$T/good.err" "$IPS" profile check "$T/good.ini"
check "check names the profile" grep -q "profile 'Työpaja-X' is valid" "$T/good.out"
check "check summarises enrollments on one line" \
    grep -q "enrollments: file asiakkuudet\*.csv; windows-1252, delimiter ';', dates d.m.yyyy, decimal ','; 3 columns renamed, 1 value mapped; henkilötunnus in client_id" "$T/good.out"
check "check summarises employers" grep -q "employers: .*Y-tunnus in employer_id" "$T/good.out"
check "check prints no error for a good profile" [ ! -s "$T/good.err" ]

# bad NAME LINE REASON TEXT: the profile TEXT is refused on LINE with REASON.
bad() {
    printf '%s\n' "$4" >"$T/$1.ini"
    expect_status "check refuses $1" 2 quiet /dev/null "$T/$1.err" "$IPS" profile check "$T/$1.ini"
    check "$1 is reported on line $2" grep -q "$1.ini:$2: " "$T/$1.err"
    check "$1 says: $3" grep -qF "$3" "$T/$1.err"
}
bad section 3 "write [enrollments]" "[profile]
name = x
[asiakkuudet]"
bad key 2 "'fiel' is not a setting of [enrollments]" "[enrollments]
fiel = a.csv"
bad rename 3 "enrollments has no column 'start'" "[enrollments]
file = a.csv
column.Alkaa = start"
bad code 2 "'employed' is not a code of exit_reason" "[enrollments]
map.exit_reason.Töissä = employed"
bad encoding 2 "encoding 'klingon' is not known" "[profile]
encoding = klingon"
bad delimiter 2 "delimiter '|'" "[profile]
delimiter = |"
bad dates 2 "dates 'mm/dd/yyyy'" "[profile]
dates = mm/dd/yyyy"
bad hetu 2 "start_date is not an id column" "[enrollments]
hetu = start_date"
bad ytunnus 2 "name is not an id column" "[employers]
ytunnus = name"
printf '[profile]\nname = P\344iv\344\n' >"$T/latin.ini"
expect_status "check refuses a profile that is not UTF-8" 2 quiet /dev/null "$T/latin.err" "$IPS" profile check "$T/latin.ini"
check "it says to save the profile as UTF-8" grep -q "latin.ini:2: .*save it as UTF-8" "$T/latin.err"
expect_status "check of a missing file fails" 2 quiet /dev/null "$T/missing.err" "$IPS" profile check "$T/nonexistent.ini"
check "the missing file is named" grep -q "nonexistent.ini: cannot open" "$T/missing.err"
expect_status "check without a file is a usage error" 2 quiet /dev/null "$T/usage.err" "$IPS" profile check
check "usage error shows the form" grep -q "ipsreport profile check FILE" "$T/usage.err"

# A Windows-1252 ';' export with Finnish headers, d.m.yyyy dates, ',' decimals
# and personal identity codes.
printf '%s\r\n' \
    'Asiakkuuden tunnus;Henkilötunnus;Valmentaja;Palvelu;Aloituspäivä;Päättymispäivä;Päättymisen syy;Lisätiedot' \
    'A1;131052-308T;V1;IPS;5.9.2022;;;0,5' \
    'A2;010594Y9021;V1;Ryhmävalmennus;12.10.2022;1.3.2023;Työllistynyt avoimille työmarkkinoille;' \
    'A3;100190-999P;V2;IPS;1.1.2023;2.2.2023;Omasta pyynnöstä;1,25' |
    iconv -f UTF-8 -t WINDOWS-1252 >"$T/asiakkuudet_2024-06.csv"
check "the test export is not UTF-8" sh -c "! iconv -f UTF-8 -t UTF-8 '$T/asiakkuudet_2024-06.csv' >/dev/null 2>&1"
expect_status "guess reads the export" 0 quiet "$T/guess.ini" "$T/guess.err" "$IPS" profile guess "$T/asiakkuudet_2024-06.csv"
check "guess writes UTF-8" sh -c "iconv -f UTF-8 -t UTF-8 '$T/guess.ini' >/dev/null"
check "guess suggests windows-1252" grep -qx "encoding = windows-1252" "$T/guess.ini"
check "guess finds the ';' delimiter" grep -qx "delimiter = semicolon" "$T/guess.ini"
check "guess finds d.m.yyyy dates" grep -qx "dates = d.m.yyyy" "$T/guess.ini"
check "guess finds ',' decimals" grep -qx "decimal = ," "$T/guess.ini"
check "guess finds the entity" grep -qx "\[enrollments\]" "$T/guess.ini"
check "guess makes a file pattern" grep -qx "file = asiakkuudet_\*.csv" "$T/guess.ini"
check "guess renames a Finnish header" grep -qx "column.Aloituspäivä = start_date" "$T/guess.ini"
check "guess marks the henkilötunnus column" grep -qx "hetu = client_id" "$T/guess.ini"
check "guess maps a known value" grep -qx "map.exit_reason.Työllistynyt avoimille työmarkkinoille = employed_open" "$T/guess.ini"
check "guess leaves an unknown value as a TODO" grep -q "^; TODO map.exit_reason.Omasta pyynnöstä = CODE" "$T/guess.ini"
check "guess marks the unrecognised column" grep -q "^; TODO column.Lisätiedot = COLUMN" "$T/guess.ini"
check "guess prints no identity code" sh -c "! grep -Eq '308T|Y9021|999P' '$T/guess.ini'"
expect_status "the guessed profile passes check" 0 quiet "$T/gcheck.out" "$T/gcheck.err" "$IPS" profile check "$T/guess.ini"
check "check of the guess maps enrollments" grep -q "enrollments: file asiakkuudet_\*.csv; windows-1252" "$T/gcheck.out"
# Finishing a TODO as the comment says gives a profile that still passes.
sed 's/^; TODO map.exit_reason.Omasta pyynnöstä = CODE/map.exit_reason.Omasta pyynnöstä = declined/' \
    "$T/guess.ini" >"$T/finished.ini"
expect_status "a finished TODO passes check" 0 quiet "$T/fin.out" /dev/null "$IPS" profile check "$T/finished.ini"
check "the finished map is counted" grep -q "4 values mapped" "$T/fin.out"

expect_status "guess with --encoding" 0 quiet "$T/g15.ini" /dev/null "$IPS" profile guess --encoding iso-8859-15 "$T/asiakkuudet_2024-06.csv"
check "--encoding is used" grep -qx "encoding = iso-8859-15" "$T/g15.ini"
expect_status "guess --encoding utf-8 on a windows-1252 file fails" 2 quiet /dev/null "$T/enc.err" "$IPS" profile guess "$T/asiakkuudet_2024-06.csv" --encoding=utf-8
check "it suggests windows-1252" grep -q "try --encoding windows-1252" "$T/enc.err"
expect_status "guess of a missing file fails" 2 quiet /dev/null "$T/gm.err" "$IPS" profile guess "$T/none.csv"
expect_status "guess without a file is a usage error" 2 quiet /dev/null "$T/gu.err" "$IPS" profile guess
check "guess usage error shows the form" grep -q "ipsreport profile guess EXPORT.csv" "$T/gu.err"

printf 'foo,bar\n1,2\n' >"$T/other.csv"
expect_status "guess of an unknown layout still succeeds" 0 quiet "$T/other.ini" /dev/null "$IPS" profile guess "$T/other.csv"
check "it says the entity is unknown" grep -q "TODO the header does not tell which entity" "$T/other.ini"
expect_status "that guess passes check too" 0 quiet /dev/null /dev/null "$IPS" profile check "$T/other.ini"

for sub in "" check guess; do
    expect_status "profile ${sub:+$sub }--help" 0 quiet "$T/help.out" /dev/null "$IPS" profile $sub --help
    check "profile ${sub:+$sub }--help shows usage" grep -q "^usage: ipsreport profile $sub" "$T/help.out"
done
expect_status "unknown profile command is a usage error" 2 quiet /dev/null "$T/uc.err" "$IPS" profile fix
check "unknown profile command is named" grep -q "'fix' is not a profile command" "$T/uc.err"

# The full example of docs/profiles.md is a valid profile.
sed -n '/^## A full example/,/^## The file itself/p' "$IPS_ROOT/docs/profiles.md" |
    sed -n '/^```ini$/,/^```$/p' | sed '1d;$d' >"$T/doc.ini"
check "the documented example was found" grep -q '^\[enrollments\]' "$T/doc.ini"
expect_status "the documented example passes check" 0 quiet "$T/doc.out" "$T/doc.err" "$IPS" profile check "$T/doc.ini"
check "the documented example maps five entities" [ "$(grep -c '^  [a-z_]*: file ' "$T/doc.out")" -eq 5 ]
