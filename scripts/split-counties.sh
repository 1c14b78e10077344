#!/bin/sh
# Splits a folder of canonical CSVs into one folder per county, the way
# counties would hold them: a county is a provider; each client (and every
# row about the client: enrollments, jobs, assessments, contacts) lives in
# the county of the provider of its first enrollment; contacts without a
# client go with their coach's provider; a county's coach register holds its
# own coaches and every coach its rows name; employers (a public register)
# are in every county; a fidelity review goes to the county of its unit.
# Used by the federation test (tests/e2e/test_pack_merge.sh) and the bench.
#   sh scripts/split-counties.sh IN_DIR OUT_DIR   → OUT_DIR/<provider>/*.csv
set -eu
in=$1 out=$2
mkdir -p "$out"
db="$out/.split.db"
rm -f "$db"
{
    echo ".mode csv"
    for t in clients coaches contacts employers enrollments jobs assessments fidelity_reviews; do
        [ -f "$in/$t.csv" ] && echo ".import '$in/$t.csv' $t"
    done
    cat <<'SQL'
CREATE TABLE client_county AS
  SELECT client_id, (SELECT c.provider_id FROM enrollments e JOIN coaches c USING (coach_id)
                     WHERE e.client_id = cl.client_id
                     ORDER BY e.start_date, e.enrollment_id LIMIT 1) AS county
  FROM clients cl;
-- A client without an enrollment: the county of its first contact's coach,
-- else the first county, so that no row is lost.
UPDATE client_county SET county = COALESCE(
  (SELECT c.provider_id FROM contacts k JOIN coaches c USING (coach_id)
   WHERE k.client_id = client_county.client_id ORDER BY k.date, k.contact_id LIMIT 1),
  (SELECT MIN(provider_id) FROM coaches)) WHERE county IS NULL;
CREATE TABLE counties AS SELECT DISTINCT provider_id AS county FROM coaches;
SQL
} | sqlite3 "$db"
for county in $(sqlite3 "$db" "SELECT county FROM counties ORDER BY county"); do
    d="$out/$county"
    mkdir -p "$d"
    q() { sqlite3 -header -csv "$db" "$2" >"$d/$1.csv"; }
    k="'$county'"
    mine="client_id IN (SELECT client_id FROM client_county WHERE county = $k)"
    q clients "SELECT * FROM clients WHERE $mine"
    q enrollments "SELECT * FROM enrollments WHERE $mine"
    q jobs "SELECT * FROM jobs WHERE $mine"
    [ -f "$in/assessments.csv" ] && q assessments "SELECT * FROM assessments WHERE $mine"
    q contacts "SELECT * FROM contacts WHERE $mine OR (client_id = '' AND coach_id IN
                 (SELECT coach_id FROM coaches WHERE provider_id = $k))"
    q coaches "SELECT * FROM coaches WHERE provider_id = $k
                 OR coach_id IN (SELECT coach_id FROM enrollments WHERE $mine)
                 OR coach_id IN (SELECT coach_id FROM contacts WHERE $mine)"
    q employers "SELECT * FROM employers"
    [ -f "$in/fidelity_reviews.csv" ] && q fidelity_reviews "SELECT * FROM fidelity_reviews WHERE unit = $k"
    for f in "$d"/*.csv; do [ -s "$f" ] || rm -f "$f"; done
done
rm -f "$db"
