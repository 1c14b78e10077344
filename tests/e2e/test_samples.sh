# The committed sample set: it is what build/gen-samples writes (determinism),
# it has the contract's columns, the sizes the demos need, and every row is
# valid by the data contract, so `ipsreport ingest` must store all of it.
. "$(dirname "$0")/lib.sh"

GEN="$IPS_BUILD/gen-samples"
SAMPLES="$IPS_ROOT/samples/canonical"
CONTRACT="$SHARED/spec/data-contract.md"
FILES="coaches clients employers enrollments contacts jobs assessments fidelity_reviews"
ASOF=2024-12-31

check "generator is built" test -x "$GEN"
check "generator --help" "$GEN" --help >/dev/null
expect_status "generator refuses an impossible date" 2 "$GEN" --out "$T/bad" --start 2023-02-30 2>/dev/null

# Determinism: the committed files are exactly what the generator writes today.
"$GEN" --out "$T/again" >/dev/null
same=1
for f in $FILES; do cmp -s "$SAMPLES/$f.csv" "$T/again/canonical/$f.csv" || { echo "differs: $f.csv"; same=0; }; done
check "regenerated sample set is byte-identical to samples/canonical" test "$same" -eq 1
check "samples/canonical holds exactly the 8 contract files" \
    test "$(ls "$SAMPLES" | sort | tr '\n' ' ')" = "assessments.csv clients.csv coaches.csv contacts.csv employers.csv enrollments.csv fidelity_reviews.csv jobs.csv "

# Column names of an entity as the contract's tables list them, one per line, sorted.
contract_cols() {
    awk -v ent="$1" '
        /^## / { cur = "" }
        /^### / { cur = $2; next }
        cur == ent && /^\| / && !/^\| column/ && !/^\|---/ {
            split($0, cell, "|"); c = cell[2]; gsub(/\(r\)/, "", c)
            n = split(c, part, ",")
            for (i = 1; i <= n; i++) { p = part[i]; gsub(/[ \t]/, "", p); if (p != "") print p }
        }' "$CONTRACT" | sort
}
for f in $FILES; do
    want=$(contract_cols "$f")
    got=$(head -n 1 "$SAMPLES/$f.csv" | tr -d '\r' | tr ',' '\n' | sort)
    check "$f.csv header has the contract's columns" test -n "$want" -a "$want" = "$got"
done

# Text: UTF-8 without BOM, Finnish letters intact.
enc_ok=1
for f in $FILES; do
    iconv -f UTF-8 -t UTF-8 "$SAMPLES/$f.csv" >/dev/null 2>&1 || enc_ok=0
    [ "$(head -c 3 "$SAMPLES/$f.csv" | od -An -tx1 | tr -d ' ')" = "efbbbf" ] && enc_ok=0
done
check "sample files are UTF-8 without BOM" test "$enc_ok" -eq 1
check "employer names keep ä, ö and å" grep -q "Åbo Städservice Ab" "$SAMPLES/employers.csv"

# Load everything into SQLite as text; a field count that does not match the
# header (broken quoting) makes .import complain.
DB="$T/s.db"
load() {
    for f in $FILES; do sqlite3 "$2" ".import --csv $1/$f.csv $f" || return 1; done
}
load "$SAMPLES" "$DB" 2>"$T/import.err"
check "every row has as many fields as its header (RFC 4180 quoting)" test ! -s "$T/import.err"
cat "$T/import.err"

# n NAME QUERY LO HI: the query's one number is within [LO, HI].
n() {
    v=$(sql "$DB" "$2")
    if [ -n "$v" ] && [ "$v" -ge "$3" ] && [ "$v" -le "$4" ]; then pass "$1 ($v)"; else fail "$1 (got '$v', wanted $3..$4)"; fi
}
# none NAME QUERY: the query counts rows that break a rule; there must be none.
none() { n "$1" "$2" 0 0; }

n "clients" "select count(*) from clients" 500 100000
n "providers" "select count(distinct provider_id) from coaches" 3 3
n "coaches" "select count(*) from coaches" 12 18
n "teams" "select count(distinct team_id) from coaches" 4 6
n "coaches who left" "select count(*) from coaches where end_date <> ''" 2 5
n "employers" "select count(*) from employers" 100 300
n "employers with two or more clients in jobs" \
    "select count(*) from (select employer_id from jobs group by 1 having count(distinct client_id) > 1)" 10 1000
n "fidelity review items" "select count(*) from fidelity_reviews" 25 25
n "ips clients with a job, per cent" \
    "select 100 * count(distinct j.client_id) / (select count(distinct client_id) from enrollments where service = 'ips')
     from jobs j join enrollments e on e.client_id = j.client_id and e.service = 'ips'" 25 45
n "ongoing episodes" "select count(*) from enrollments where end_date = ''" 100 100000
n "clients with two episodes" "select count(*) from (select client_id from enrollments group by 1 having count(*) > 1)" 5 1000
n "employed_open is the most common exit" \
    "select exit_reason = 'employed_open' from enrollments where exit_reason <> '' group by exit_reason order by count(*) desc limit 1" 1 1
n "job titles that look like formulas" "select count(*) from jobs where job_title like '=%'" 1 1

# As-of: the latest date anywhere is the last day of the span, and it occurs.
DATES="select start_date d from coaches union all select end_date from coaches
 union all select referral_date from enrollments union all select start_date from enrollments
 union all select end_date from enrollments union all select date from contacts
 union all select start_date from jobs union all select end_date from jobs
 union all select date from assessments union all select review_date from fidelity_reviews"
check "latest date is $ASOF" test "$(sql "$DB" "select max(d) from ($DATES) where d <> ''")" = "$ASOF"
none "dates that are not real calendar dates" "select count(*) from ($DATES) where d <> '' and date(d, '+0 days') is not d"

# Contract rules, row by row.
none "episodes ending before they start" "select count(*) from enrollments where end_date <> '' and end_date < start_date"
none "exit_reason set exactly when end_date is" "select count(*) from enrollments where (end_date = '') <> (exit_reason = '')"
none "jobs ending before they start" "select count(*) from jobs where end_date <> '' and end_date < start_date"
none "end_reason only on ended jobs" "select count(*) from jobs where end_date = '' and end_reason <> ''"
none "coaches ending before they start" "select count(*) from coaches where end_date <> '' and start_date <> '' and end_date < start_date"
none "fte outside (0, 1]" "select count(*) from coaches where not (fte + 0 > 0 and fte + 0 <= 1)"
none "shares outside 0..1" "select count(*) from coaches where focus_share + 0 not between 0 and 1 or community_share + 0 not between 0 and 1"
none "unknown service codes" "select count(*) from enrollments where service not in ('ips','group','coaching_environment','other')"
none "unknown exit reasons" "select count(*) from enrollments where exit_reason not in ('','employed_open','employed_subsidized','work_trial','education','rehabilitation','sick_leave','pension','other_service','moved','declined','no_contact','other')"
none "unknown referral sources" "select count(*) from enrollments where referral_source not in ('','social_work','disability_services','mental_health','work_ability_team','employment_services','self','other')"
none "unknown support levels" "select count(*) from enrollments where support_level not in ('','intensive','basic','light')"
none "unknown genders or birth years" "select count(*) from clients where gender not in ('','f','m','x') or (birth_year <> '' and birth_year not glob '[12][0-9][0-9][0-9]')"
none "unknown contact codes" "select count(*) from contacts where kind not in ('client','employer','network','benefits','other') or in_person not in ('y','n') or by not in ('','coach','client','both') or setting not in ('','office','community','workplace','home','remote')"
none "contacts without a coach that are not by the client" "select count(*) from contacts where coach_id = '' and by <> 'client'"
none "minutes outside 0..1440" "select count(*) from contacts where minutes <> '' and minutes + 0 not between 0 and 1440"
none "bad job flags" "select count(*) from jobs where competitive not in ('y','n') or permanent not in ('','y','n') or subsidized not in ('','y','n') or end_reason not in ('','quit','dismissed','fixed_term_ended','other')"
none "occupations that are not 1 to 5 digits" "select count(*) from jobs where occupation <> '' and (length(occupation) > 5 or occupation glob '*[^0-9]*')"
none "hours outside 10..40" "select count(*) from jobs where hours_per_week <> '' and hours_per_week + 0 not between 10 and 40"
none "sectors outside the list" "select count(*) from employers where sector not in ('','private','public','third')"
none "assessment scores out of range" "select count(*) from assessments where (instrument = 'work_ability_score' and score + 0 not between 0 and 10) or (instrument = 'rtw_se' and score + 0 not between 1 and 6)"
none "fidelity rows that break the rules" "select count(*) from fidelity_reviews where item + 0 not between 1 and 25 or status not in ('rated','not_applicable','not_rated') or (status = 'rated') <> (score <> '') or (score_high <> '' and score_high + 0 < score + 0)"
n "fidelity ranges (score 3, score_high 5)" "select count(*) from fidelity_reviews where score = '3' and score_high = '5'" 1 25

# Identity and references.
none "duplicate ids" "select (select count(*) - count(distinct coach_id) from coaches) + (select count(*) - count(distinct client_id) from clients)
 + (select count(*) - count(distinct employer_id) from employers) + (select count(*) - count(distinct enrollment_id) from enrollments)
 + (select count(*) - count(distinct contact_id) from contacts) + (select count(*) - count(distinct job_id) from jobs)
 + (select count(*) - count(distinct client_id || date || instrument) from assessments) + (select count(*) - count(distinct review_id || '/' || item) from fidelity_reviews)"
none "references to clients that do not exist" "select count(*) from (select client_id from enrollments union all select client_id from jobs union all select client_id from assessments union all select client_id from contacts where client_id <> '') where client_id not in (select client_id from clients)"
none "references to coaches that do not exist" "select count(*) from (select coach_id from enrollments union all select coach_id from contacts) where coach_id <> '' and coach_id not in (select coach_id from coaches)"
none "references to employers that do not exist" "select count(*) from (select employer_id from jobs union all select employer_id from contacts where employer_id <> '') where employer_id not in (select employer_id from employers)"
none "jobs naming another client's episode" "select count(*) from jobs j where enrollment_id <> '' and not exists (select 1 from enrollments e where e.enrollment_id = j.enrollment_id and e.client_id = j.client_id)"
none "employer contacts without an employer" "select count(*) from contacts where kind = 'employer' and employer_id = ''"
none "contacts by a coach not employed that day" "select count(*) from contacts k join coaches c using (coach_id) where (c.start_date <> '' and k.date < c.start_date) or (c.end_date <> '' and k.date > c.end_date)"

# The cases the tools must handle are in the set.
n "a client with the same employer twice" "select count(*) from (select client_id from jobs group by client_id, employer_id having count(*) > 1)" 1 1000
n "a client with the same occupation twice" "select count(*) from (select client_id from jobs where occupation <> '' group by client_id, occupation having count(*) > 1)" 1 1000
n "jobs starting before the client's first episode" "select count(*) from jobs j where start_date < (select min(start_date) from enrollments e where e.client_id = j.client_id)" 1 1000
n "first in-person employer contact on the start day" "select count(*) from enrollments e where exists (select 1 from contacts k where k.client_id = e.client_id and k.kind = 'employer' and k.in_person = 'y' and k.date = e.start_date)" 1 1000
n "employer contacts for no one client" "select count(*) from contacts where kind = 'employer' and client_id = ''" 1 100000
n "referrals after the start (negative wait)" "select count(*) from enrollments where referral_date > start_date" 1 1000
n "episodes without a referral date" "select count(*) from enrollments where referral_date = ''" 1 1000

# Size: twice and more the clients, about as many more contacts.
"$GEN" --out "$T/big" --clients 2000 >/dev/null
DB2="$T/big.db"
load "$T/big/canonical" "$DB2" 2>/dev/null
c1=$(sql "$DB" "select count(*) from contacts")
c2=$(sql "$DB2" "select count(*) from contacts")
k1=$(sql "$DB" "select count(*) from clients")
k2=$(sql "$DB2" "select count(*) from clients")
check "--clients 2000 writes 2000 clients" test "$k2" -eq 2000
# per-client contact rates within 20 % of each other
check "--clients 2000 scales contacts linearly ($c1 for $k1, $c2 for $k2)" \
    awk -v a="$c1" -v b="$c2" -v ka="$k1" -v kb="$k2" 'BEGIN { r = (b / kb) / (a / ka); exit !(r > 0.8 && r < 1.25) }'
check "--clients 2000 still ends on the as-of date" test "$(sql "$DB2" "select max(date) from contacts")" = "$ASOF"
