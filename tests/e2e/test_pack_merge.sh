#!/bin/sh
# Federation (issue 16, docs/federation.md): the samples split into three
# counties by provider (scripts/split-counties.sh: each client in the county
# of its first enrollment, employers in all), each county's warehouse packed
# as of the data's day, the packs merged into a national warehouse: every
# metric row of every breakdown, for the quarters, halves and years of 2023
# and 2024, equals the rows of one warehouse holding all three counties'
# rows; so do the suppressed rows.  A pack holds no client id, pseudonym,
# birth year or free text about a client.  A newer pack replaces its
# county's older one; mixing as-of days, merging into a county's warehouse,
# ingesting into the national one and a file that is no pack are refused.
. "$(dirname "$0")/lib.sh"
S="$T/split"
sh "$IPS_ROOT/scripts/split-counties.sh" "$IPS_ROOT/samples/canonical" "$S"
counties=$(ls "$S")
check "three counties" test "$(echo "$counties" | wc -l)" -eq 3
"$IPS" ingest -q --db "$T/all.db" "$S"/*/*.csv >/dev/null 2>&1
check "one warehouse of all three counties' rows" test -s "$T/all.db"
packs=""
for c in $counties; do
    "$IPS" ingest -q --db "$T/$c.db" "$S/$c"/*.csv >/dev/null 2>&1
    "$IPS" pack --db "$T/$c.db" --county "$c" --as-of 2024-12-31 --out "$T/$c.pack" >/dev/null
    packs="$packs $T/$c.pack"
done
check "a pack per county" test -s "$T/valmennuslehto.pack"
"$IPS" pack --describe "$T/valmennuslehto.pack" >"$T/desc.txt"
check "pack --describe names the county and the as-of day" \
    grep -q "county *valmennuslehto" "$T/desc.txt"
check "… and the version" grep -q "ipsreport-pack, version 1" "$T/desc.txt"
# shellcheck disable=SC2086
"$IPS" merge --db "$T/nat.db" $packs >"$T/merge.txt"
check "merge adds three packs" grep -q "3 packs added, 0 replaced" "$T/merge.txt"

# No row about one client: no id, pseudonym, birth year column or free text.
for c in $counties; do sqlite3 "$T/$c.pack" .dump; done >"$T/dump.sql"
sql "$T/all.db" "SELECT client_id FROM clients" >"$T/ids.txt"
cut -d, -f1 "$IPS_ROOT/samples/canonical/clients.csv" | tail -n +2 >>"$T/ids.txt"
check "no client id or pseudonym in any pack" sh -c "! grep -F -f '$T/ids.txt' '$T/dump.sql' >/dev/null"
sql "$T/all.db" "SELECT DISTINCT job_title FROM jobs WHERE length(job_title) > 3" >"$T/titles.txt"
check "no job title (free text) in any pack" sh -c "! grep -F -f '$T/titles.txt' '$T/dump.sql' >/dev/null"
check "no client or birth column in any pack" \
    sh -c "! grep -Ei 'CREATE TABLE[^;]*(client|birth|pseudonym|enrollment_id|contact_id)' '$T/dump.sql'"

# Every row of every breakdown, quarters, halves and years.
bad=0 n=0
for p in 2023 2023H1 2023H2 2023Q1 2023Q2 2023Q3 2023Q4 2024 2024H1 2024H2 2024Q1 2024Q2 2024Q3 2024Q4; do
    for by in none provider team coach region municipality gender age_group segment \
        referral_source exit_reason; do
        set -- --period "$p" --internal
        [ "$by" = none ] || set -- "$@" --by "$by"
        "$IPS" metrics --db "$T/all.db" "$@" 2>/dev/null | sort >"$T/a.csv"
        "$IPS" metrics --db "$T/nat.db" "$@" 2>/dev/null | sort >"$T/n.csv"
        n=$((n + $(wc -l <"$T/a.csv")))
        if ! cmp -s "$T/a.csv" "$T/n.csv"; then
            bad=$((bad + 1))
            [ "$bad" -le 2 ] && diff "$T/a.csv" "$T/n.csv" | head -6
        fi
    done
done
check "every row of 154 queries ($n rows) merges exactly" test "$bad" -eq 0
for by in none coach gender; do
    set -- --period 2024Q4
    [ "$by" = none ] || set -- "$@" --by "$by"
    "$IPS" metrics --db "$T/all.db" "$@" | sort >"$T/a.csv"
    "$IPS" metrics --db "$T/nat.db" "$@" | sort >"$T/n.csv"
    check "suppressed 2024Q4 by $by: the same cells hidden" cmp -s "$T/a.csv" "$T/n.csv"
done
"$IPS" publish --db "$T/nat.db" --period 2024Q4 --out "$T/out" >/dev/null 2>&1
check "publish runs on the national warehouse" test -s "$T/out/summary-fi.pdf"
"$IPS" metrics --db "$T/nat.db" --period 2025Q2 >/dev/null 2>&1
check "a period after the packs is refused" test $? -eq 2
"$IPS" metrics --db "$T/nat.db" --from 2024-02-03 --to 2024-05-06 >/dev/null 2>"$T/err.txt"
check "a span no pack holds is refused, saying what is held" \
    grep -q "holds the counties' figures for calendar quarters" "$T/err.txt"

# A newer pack replaces its county's; an older one is ignored.
c=valmennuslehto
"$IPS" pack --db "$T/$c.db" --county "$c" --as-of 2024-12-31 --out "$T/new.pack" >/dev/null
"$IPS" merge --db "$T/nat.db" "$T/new.pack" >"$T/merge.txt"
check "a newer pack replaces its county's" grep -q "0 packs added, 1 replaced" "$T/merge.txt"
"$IPS" merge --db "$T/nat.db" "$T/new.pack" >"$T/merge.txt"
check "the same pack again is already held" \
    grep -q "0 packs added, 0 replaced, 1 older or already held ignored" "$T/merge.txt"
"$IPS" merge --db "$T/nat.db" "$T/$c.pack" >"$T/merge.txt"
check "an older one is ignored" grep -q "1 older or already held ignored; 3 counties" "$T/merge.txt"
"$IPS" metrics --db "$T/nat.db" --period 2024 --internal | sort >"$T/n.csv"
"$IPS" metrics --db "$T/all.db" --period 2024 --internal | sort >"$T/a.csv"
check "… and the figures stay the same" cmp -s "$T/a.csv" "$T/n.csv"

# Refusals.
"$IPS" pack --db "$T/kuntoutussaatio.db" --county kuntoutussaatio --out "$T/early.pack" \
    --as-of 2024-06-30 >/dev/null
"$IPS" merge --db "$T/nat.db" "$T/early.pack" >"$T/merge.txt"
check "a pack as of an earlier day than its county's is older: ignored" \
    grep -q "1 older or already held ignored" "$T/merge.txt"
"$IPS" merge --db "$T/n3.db" "$T/early.pack" "$T/new.pack" 2>"$T/err.txt"
check "counties' packs as of different days are refused" test $? -eq 2
check "… saying which counties and what to do" grep -q "ipsreport pack --as-of 2024-12-31" "$T/err.txt"
check "… and nothing is merged" sh -c "! sqlite3 '$T/n3.db' 'SELECT count(*) FROM national_packs' 2>/dev/null | grep -q '[1-9]'"
expect_status "merging into a county's warehouse is refused" 2 \
    "$IPS" merge --db "$T/all.db" "$T/new.pack"
expect_status "ingesting into the national warehouse is refused" 2 \
    "$IPS" ingest -q --db "$T/nat.db" "$S/$c/clients.csv"
printf 'client_id\nx\n' >"$T/not.pack"
expect_status "a file that is no pack is refused" 2 "$IPS" merge --db "$T/n2.db" "$T/not.pack"
expect_status "pack --describe of no pack" 2 "$IPS" pack --describe "$T/not.pack"
"$IPS" metrics --db "$T/n2.db" --period 2024 >/dev/null 2>&1
check "metrics on a warehouse without packs or enrollments" test $? -eq 2

# The county breakdown: each county's own figures beside the nation's.
"$IPS" metrics --db "$T/nat.db" --period 2024Q4 --internal --by county >"$T/bc.csv" 2>/dev/null
ok=0
for c in $counties; do
    "$IPS" metrics --db "$T/$c.db" --period 2024Q4 --internal 2>/dev/null |
        awk -F, -v c="$c" 'NR > 1 && $4 == "" { $4 = "county"; $5 = c; print }' OFS=, | sort >"$T/own.csv"
    grep ",county,$c," "$T/bc.csv" | sort >"$T/got.csv"
    cmp -s "$T/own.csv" "$T/got.csv" && ok=$((ok + 1))
done
check "by county: each county's rows are its own warehouse's" test "$ok" -eq 3
sum=$(awk -F, '$1 == "caseload_active" { s += $8 } END { print s }' "$T/bc.csv")
whole=$("$IPS" metrics --db "$T/nat.db" --period 2024Q4 | awk -F, '$1 == "caseload_active" { print $8 }')
check "… and add up to the nation's ($sum = $whole)" test "$sum" = "$whole"
expect_status "a county's warehouse has no county breakdown" 2 \
    "$IPS" metrics --db "$T/all.db" --period 2024Q4 --by county
"$IPS" pdf --db "$T/nat.db" --period 2024Q4 --lang en --per county --out "$T/c.pdf" >/dev/null
if command -v pdftotext >/dev/null 2>&1; then
    pdftotext "$T/c.pdf" "$T/c.txt"
    check "pdf --per county: a page per county" test "$(grep -c 'County: ' "$T/c.txt")" -eq 3
    check "… each with the nation's figure beside the county's" \
        test "$(grep -c "nationally $whole" "$T/c.txt")" -eq 3
fi
"$IPS" audit --db "$T/nat.db" --period 2024Q4 >"$T/audit.txt"
check "audit of the national publication, counties included: nothing worked out" \
    grep -q "0 worked out" "$T/audit.txt"

# Data quality: the counties' counts added up (no record ids travel).
"$IPS" check --db "$T/all.db" --as-of 2024-12-31 | sed -n '/^Findings/,/^$/p' |
    sed 's/  e\.g\..*//' >"$T/qa.txt"
"$IPS" check --db "$T/nat.db" | sed -n '/^Findings/,/^$/p' >"$T/qn.txt"
check "check on the national warehouse: the same findings, counted" cmp -s "$T/qa.txt" "$T/qn.txt"
check "… with no record id" sh -c "! grep -q 'e\.g\.' '$T/qn.txt'"
check "merge keeps the national suppression patterns, as ingest does a county's" \
    test "$(sql "$T/nat.db" 'SELECT count(*) FROM disclosure_pack')" -gt 0
"$IPS" charts --db "$T/all.db" --period 2024Q4 --format svg --out "$T/ca" >/dev/null 2>&1
"$IPS" charts --db "$T/nat.db" --period 2024Q4 --format svg --out "$T/cn" >/dev/null 2>&1
same=0 all=0
for f in "$T"/ca/*.svg; do
    all=$((all + 1))
    cmp -s "$f" "$T/cn/$(basename "$f")" && same=$((same + 1))
done
check "every chart of the nation equals the one warehouse's ($same of $all)" \
    test "$all" -gt 0 -a "$same" -eq "$all"
"$IPS" check --db "$T/nat.db" >"$T/check.txt"
check "check lists the packs held, as the batches of a national warehouse" \
    test "$(grep -c '\.pack (batch [0-9]*, pack)' "$T/check.txt")" -eq 3
want=$(sha256sum "$T/new.pack" | cut -d' ' -f1)
check "… each with its file's SHA-256" \
    test "$(sql "$T/nat.db" "SELECT sha256 FROM national_packs WHERE county = 'valmennuslehto'")" = "$want"
