#!/bin/sh
# Disclosure control over everything published together (docs/privacy.md):
# fixtures built to leak by one subtraction, checked by that subtraction on
# what `metrics` publishes and by `ipsreport audit`; and the samples, whose
# whole-service counts of 5 or more are never hidden.
. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3

# fixture DIR: canonical CSVs with the given coaches, clients and episodes.
# Lines of $T/episodes: client coach start end exit_reason [fec-date]
fixture() {
    d=$1
    mkdir -p "$d"
    echo "coach_id,provider_id,team_id,region,fte,focus_share,community_share,start_date,end_date" >"$d/coaches.csv"
    cat "$T/coaches" >>"$d/coaches.csv"
    echo "client_id,birth_year,gender,municipality,segment" >"$d/clients.csv"
    echo "enrollment_id,client_id,coach_id,service,referral_date,start_date,end_date,exit_reason,referral_source,support_level" >"$d/enrollments.csv"
    echo "employer_id,name,industry,sector,municipality" >"$d/employers.csv"
    echo "x1,Firm,56.10,private,Lahti" >>"$d/employers.csv"
    echo "contact_id,date,kind,in_person,client_id,coach_id,by,employer_id,setting,minutes" >"$d/contacts.csv"
    n=0
    while read -r client coach start end reason fec; do
        n=$((n + 1))
        echo "$client,1980,f,Lahti,mental_health" >>"$d/clients.csv"
        echo "e$n,$client,$coach,ips,$start,$start,$end,$reason,social_work,light" >>"$d/enrollments.csv"
        [ -n "$fec" ] && echo "k$n,$fec,employer,y,$client,$coach,coach,x1,workplace,30" >>"$d/contacts.csv"
    done <"$T/episodes"
}

load() {
    "$IPS" ingest -q --db "$1/w.db" "$1"/coaches.csv "$1"/clients.csv "$1"/employers.csv \
        "$1"/enrollments.csv "$1"/contacts.csv >/dev/null 2>&1
}

# value CSV METRIC GROUP_BY GROUP: the printed value (or "(no row)").
value() {
    "$PY" - "$@" <<'EOF'
import csv, sys
path, metric, by, group = sys.argv[1:5]
for r in csv.DictReader(open(path, newline='', encoding='utf-8')):
    if r['metric'] == metric and r['group_by'] == by and r['group'] == group:
        print(r['value'])
        break
else:
    print('(no row)')
EOF
}

# quiet CMD...: CMD with its standard output dropped (its status kept).
quiet() { "$@" >/dev/null; }

numeric() { case $1 in '' | *[!0-9]*) return 1 ;; *) return 0 ;; esac; }

# --- a team of two coaches, one with 3 clients -------------------------------
cat >"$T/coaches" <<'EOF'
a1,p1,t1,Lahti,1,1,0.5,2020-01-01,
a2,p1,t1,Lahti,1,1,0.5,2020-01-01,
b1,p1,t2,Heinola,1,1,0.5,2020-01-01,
b2,p1,t2,Heinola,1,1,0.5,2020-01-01,
EOF
: >"$T/episodes"
i=0
for spec in a1:3 a2:9 b1:8 b2:7; do
    coach=${spec%:*}
    count=${spec#*:}
    j=0
    while [ "$j" -lt "$count" ]; do
        i=$((i + 1))
        j=$((j + 1))
        echo "c$i $coach 2024-07-0$((j % 9 + 1))" >>"$T/episodes"
    done
done
A=$T/team
fixture "$A"
check "team fixture ingested" load "$A"
metrics() { "$IPS" metrics --db "$1/w.db" --period "$2" --as-of 2024-12-31 ${3:+--by "$3"}; }
metrics "$A" 2024Q3 coach >"$T/a-coach.csv"
metrics "$A" 2024Q3 team >"$T/a-team.csv"
a1=$(value "$T/a-coach.csv" caseload_active coach a1)
a2=$(value "$T/a-coach.csv" caseload_active coach a2)
t1=$(value "$T/a-team.csv" caseload_active team t1)
check "the coach with 3 clients reads <5" test "$a1" = "<5"
if numeric "$a2" && numeric "$t1"; then
    fail "team t1 ($t1) and coach a2 ($a2) both printed: t1 - a2 gives a1"
else
    pass "team t1 minus coach a2 cannot give the hidden coach (t1=$t1, a2=$a2)"
fi
expect_status "audit of the team fixture finds nothing to work out" 0 \
    quiet "$IPS" audit --db "$A/w.db" --period 2024Q3 --as-of 2024-12-31

# --- a quarter with 2 exits beside its half-year ---------------------------
cat >"$T/coaches" <<'EOF'
a1,p1,t1,Lahti,1,1,0.5,2020-01-01,
EOF
: >"$T/episodes"
i=0
for spec in 2024-08-15:2 2024-11-15:6 2024-05-15:0; do
    end=${spec%:*}
    count=${spec#*:}
    j=0
    while [ "$j" -lt "$count" ]; do
        i=$((i + 1))
        j=$((j + 1))
        echo "c$i a1 2024-01-0$((j % 9 + 1)) $end moved" >>"$T/episodes"
    done
done
for j in 1 2 3 4 5 6 7 8; do echo "o$j a1 2024-02-0$j" >>"$T/episodes"; done
B=$T/exits
fixture "$B"
check "exits fixture ingested" load "$B"
metrics "$B" 2024Q3 >"$T/b-q3.csv"
metrics "$B" 2024Q4 >"$T/b-q4.csv"
metrics "$B" 2024H2 >"$T/b-h2.csv"
q3=$(value "$T/b-q3.csv" exits "" "")
q4=$(value "$T/b-q4.csv" exits "" "")
h2=$(value "$T/b-h2.csv" exits "" "")
check "the quarter with 2 exits reads <5" test "$q3" = "<5"
if numeric "$q4" && numeric "$h2"; then
    fail "H2 ($h2) and Q4 ($q4) both printed: H2 - Q4 gives the hidden Q3"
else
    pass "H2 minus Q4 cannot give the hidden quarter (H2=$h2, Q4=$q4)"
fi
expect_status "audit of the exits fixture finds nothing to work out" 0 \
    quiet "$IPS" audit --db "$B/w.db" --period 2024Q3 --as-of 2024-12-31

# --- a cohort where pending is 2 --------------------------------------------
# 10 episodes started in 2024Q1, 8 with a first employer contact, 2 pending.
C=$T/cohort
fixture_cohort() {
    d=$1
    mkdir -p "$d"
    : >"$T/episodes"
    fixture "$d"
    n=0
    for j in 1 2 3 4 5 6 7 8; do
        n=$((n + 1))
        echo "m$j,1980,f,Lahti,mental_health" >>"$d/clients.csv"
        echo "em$j,m$j,a1,ips,2024-03-0$j,2024-03-0$j,,,social_work,light" >>"$d/enrollments.csv"
        echo "km$j,2024-03-2$j,employer,y,m$j,a1,coach,x1,workplace,30" >>"$d/contacts.csv"
    done
    for j in 1 2; do
        echo "p$j,1980,f,Lahti,mental_health" >>"$d/clients.csv"
        echo "ep$j,p$j,a1,ips,2024-03-1$j,2024-03-1$j,,,social_work,light" >>"$d/enrollments.csv"
    done
}
fixture_cohort "$C"
check "cohort fixture ingested" load "$C"
metrics "$C" 2024Q4 >"$T/c-q4.csv"
pending=$(value "$T/c-q4.csv" first_employer_contact_pending "" "")
check "2 episodes pending read <5" test "$pending" = "<5"
"$PY" - "$T/c-q4.csv" <<'EOF' && pass "cohort minus measured cannot give the hidden pending" || fail "cohort minus measured gives the hidden pending"
import csv, sys
rows = {r['metric']: r for r in csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8'))
        if r['group_by'] == ''}
cohort = rows['time_to_first_job_median_days']['denominator'] or rows['employed_within_180_days']['denominator']
measured = rows['first_employer_contact_mean_days']['denominator'] or rows['first_employer_contact_within_30']['denominator']
sys.exit(1 if cohort.isdigit() and measured.isdigit() else 0)
EOF
expect_status "audit of the cohort fixture finds nothing to work out" 0 \
    quiet "$IPS" audit --db "$C/w.db" --period 2024Q4 --as-of 2024-12-31

# --- the samples --------------------------------------------------------------
S=$T/samples
mkdir -p "$S"
"$IPS" ingest -q --db "$S/w.db" "$IPS_ROOT"/samples/canonical/*.csv >/dev/null 2>&1
for p in 2024Q4 2023Q4; do
    expect_status "audit of the samples' $p year finds nothing to work out" 0 \
        quiet "$IPS" audit --db "$S/w.db" --period "$p"
done
"$IPS" audit --db "$S/w.db" --period 2024Q4 >"$T/audit.out"
check "audit prints how many cells were hidden secondarily" \
    grep -q "to protect them (secondary" "$T/audit.out"
# Whole-service counts of at least 5 are printed, in every period of the year.
for p in 2024Q1 2024Q2 2024Q3 2024Q4 2024H1 2024H2 2024; do
    "$IPS" metrics --db "$S/w.db" --period "$p" >"$T/pub.csv"
    "$IPS" metrics --db "$S/w.db" --period "$p" --internal >"$T/int.csv" 2>/dev/null
    "$PY" - "$T/pub.csv" "$T/int.csv" <<'EOF' && pass "whole-service counts >= 5 printed in $p" || fail "a whole-service count >= 5 hidden in $p"
import csv, sys
pub = {(r['metric'], r['group_by'], r['group'], r['period_start']): r
       for r in csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8'))}
bad = []
for r in csv.DictReader(open(sys.argv[2], newline='', encoding='utf-8')):
    if r['group_by'] or r['numerator'] or r['denominator']:
        continue  # counts only: no numerator or denominator
    try:
        v = float(r['value'])
    except ValueError:
        continue
    k = (r['metric'], r['group_by'], r['group'], r['period_start'])
    if v >= 5 and v == int(v) and k in pub and pub[k]['suppressed'] == 'y':
        bad.append(r['metric'])
print(bad) if bad else None
sys.exit(1 if bad else 0)
EOF
done
# One pattern: the rows a breakdown prints alone are those it prints in publish.
"$IPS" metrics --db "$S/w.db" --period 2024Q4 --by coach >"$T/alone.csv"
"$IPS" publish --db "$S/w.db" --period 2024Q4 --out "$T/pack" --lang en >/dev/null 2>&1
check "the same cells are hidden by metrics --by coach and by publish's CSV" "$PY" - "$T/alone.csv" "$T/pack/metrics-2024Q4.csv" <<'EOF'
import csv, sys
a = {(r['metric'], r['group_by'], r['group']): r['suppressed']
     for r in csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8'))}
b = {(r['metric'], r['group_by'], r['group']): r['suppressed']
     for r in csv.DictReader(open(sys.argv[2], newline='', encoding='utf-8'))}
common = [k for k in a if k in b]
sys.exit(0 if common and all(a[k] == b[k] for k in common) else 1)
EOF

# No silent zeros: a period after the data is refused, as every read command refuses it.
expect_status "audit of a period after the data exits 2" 2 \
    "$IPS" audit --db "$S/w.db" --period 2031Q1
check "audit says why" sh -c '"$1" audit --db "$2" --period 2031Q1 2>&1 | grep -q "after"' sh "$IPS" "$S/w.db"

# A hidden row keeps no note either: "not estimable: …" could tell what it holds.
for by in "" coach exit_reason; do
    "$IPS" metrics --db "$S/w.db" --period 2024Q4 ${by:+--by $by} >"$T/notes.csv"
    check "no hidden row carries a note (${by:-whole})" "$PY" - "$T/notes.csv" <<'PYEOF'
import csv, sys
bad = [r for r in csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8'))
       if r['suppressed'] == 'y' and r['note']]
sys.exit(1 if bad else 0)
PYEOF
done
