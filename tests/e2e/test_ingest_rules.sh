#!/bin/sh
# Every rule of the data contract: a file with one violating row among good
# ones must reject exactly that row, name its line and column, and keep the
# good rows; the accounting read = stored + rejected + duplicate must hold.
. "$(dirname "$0")/lib.sh"
cd "$T"
W=w.db

cat >coaches.csv <<'CSV'
coach_id,provider_id,team_id,region,fte,focus_share,community_share,start_date,end_date
k1,p1,t1,Lahti,1,0.9,0.5,2023-01-01,
k2,p1,t1,Lahti,0.5,,,2023-01-01,2024-06-30
CSV
cat >clients.csv <<'CSV'
client_id,birth_year,gender,municipality,segment
c1,1990,f,Lahti,youth
c2,1985,m,Hämeenlinna,other
CSV
cat >employers.csv <<'CSV'
employer_id,name,industry,sector,municipality
m1,"Kahvila Äijänpää, Oy",56,private,Lahti
CSV
cat >enrollments.csv <<'CSV'
enrollment_id,client_id,coach_id,service,referral_date,start_date,end_date,exit_reason,referral_source,support_level
e1,c1,k1,ips,2023-01-01,2023-02-01,,,self,basic
CSV
$IPS ingest --db $W coaches.csv clients.csv employers.csv enrollments.csv >base.out 2>&1
check "base files load with status 0" test $? -eq 0

# rule ENTITY HEADER GOODROW BADROW COLUMN WORDS — the bad row is on line 3.
# The good row is the same in several files: after the first it counts as a duplicate.
n=0
rule() {
    n=$((n + 1))
    f="rule$n.csv"
    printf '%s\n%s\n%s\n' "$2" "$3" "$4" >"$f"
    $IPS ingest --db $W --entity "$1" "$f" >out$n 2>err$n
    st=$?
    if [ $st -eq 1 ] && grep -q "^$f:3: $5: .*$6" err$n && grep -Eq "2 read, (1 stored, 0 updated, 1 rejected$|0 stored, 0 updated, 1 rejected, 1 duplicate)" out$n; then
        pass "$1: $5 $6 (line 3 rejected, good row kept)"
    else
        fail "$1: $5 $6 — exit $st: $(cat out$n err$n | tr '\n' ' ')"
    fi
}

C=contact_id,date,kind,in_person,client_id,coach_id,by,employer_id,setting,minutes
G=x$$,2024-01-02,client,y,c1,k1,,,office,60
rule contacts $C "$G" "a1,2024-02-31,client,y,c1,k1,,,office,60" date "not a real date"
rule contacts $C "$G" "a2,2024-13-01,client,y,c1,k1,,,office,60" date "not a real date"
rule contacts $C "$G" "a3,2.1.2024,client,y,c1,k1,,,office,60" date "YYYY-MM-DD"
rule contacts $C "$G" "a4,2024-01-02,meeting,y,c1,k1,,,office,60" kind "not a known kind"
rule contacts $C "$G" "a5,2024-01-02,client,maybe,c1,k1,,,office,60" in_person "not y or n"
rule contacts $C "$G" "a6,2024-01-02,client,,c1,k1,,,office,60" in_person "required but blank"
rule contacts $C "$G" "a7,2024-01-02,client,y,c7,k1,,,office,60" client_id "unknown client 'c7'"
rule contacts $C "$G" "a8,2024-01-02,client,y,c1,k9,,,office,60" coach_id "unknown coach 'k9'"
rule contacts $C "$G" "a9,2024-01-02,employer,y,,k1,,m9,workplace,30" employer_id "unknown employer"
rule contacts $C "$G" "a10,2024-01-02,employer,y,,,coach,m1,workplace,30" coach_id "blank only when by is 'client'"
rule contacts $C "$G" "a11,2024-01-02,client,y,c1,k1,someone,,office,60" by "not a known by"
rule contacts $C "$G" "a12,2024-01-02,client,y,c1,k1,,,street,60" setting "not a known setting"
rule contacts $C "$G" "a13,2024-01-02,client,y,c1,k1,,,office,-5" minutes "out of range"
rule contacts $C "$G" "a14,2024-01-02,client,y,c1,k1,,,office,many" minutes "not a number"
rule contacts $C "$G" ",2024-01-02,client,y,c1,k1,,,office,60" contact_id "required but blank"
rule contacts $C "$G" "a15,2024-01-02,client,y,c1,k1,,office,60" row "has 9 fields but the header has 10"
rule contacts $C "$G" "a16,2024-01-02,client,y,131052-308T,k1,,,office,60" client_id "personal identity code"

K=coach_id,provider_id,team_id,region,fte,focus_share,community_share,start_date,end_date
rule coaches $K "k5,p1,,,1,,,," "k6,p1,,,0,,,," fte "out of range"
rule coaches $K "k5,p1,,,1,,,," "k7,p1,,,1.5,,,," fte "out of range"
rule coaches $K "k5,p1,,,1,,,," "k8,p1,,,1,1.2,,," focus_share "out of range"
rule coaches $K "k5,p1,,,1,,,," "k9,p1,,,1,,,2024-02-01,2024-01-01" end_date "before start_date"
rule coaches $K "k5,p1,,,1,,,," "k10,,,,1,,,," provider_id "required but blank"

L=client_id,birth_year,gender,municipality,segment
rule clients $L "c5,1990,f,," "c6,19x0,f,," birth_year "not a whole number"
rule clients $L "c5,1990,f,," "c7,1700,f,," birth_year "out of range"
rule clients $L "c5,1990,f,," "c8,1990,woman,," gender "not a known gender"

M=employer_id,name,industry,sector,municipality
rule employers $M "m5,A,,," "m6,B,,state," sector "not a known sector"

E=enrollment_id,client_id,coach_id,service,referral_date,start_date,end_date,exit_reason,referral_source,support_level
rule enrollments $E "e5,c1,k1,ips,,2023-02-01,,,," "e6,c1,k1,ipsx,,2023-02-01,,,," service "not a known service"
rule enrollments $E "e5,c1,k1,ips,,2023-02-01,,,," "e7,c1,k1,ips,,2023-02-01,2023-01-01,moved,," end_date "before start_date"
rule enrollments $E "e5,c1,k1,ips,,2023-02-01,,,," "e8,c1,k1,ips,,2023-02-01,2023-05-01,,," exit_reason "required when end_date is set"
rule enrollments $E "e5,c1,k1,ips,,2023-02-01,,,," "e9,c1,k1,ips,,2023-02-01,2023-05-01,employed,," exit_reason "not a known exit_reason"
rule enrollments $E "e5,c1,k1,ips,,2023-02-01,,,," "e10,c1,k1,ips,,2023-02-01,,,friend," referral_source "not a known referral_source"
rule enrollments $E "e5,c1,k1,ips,,2023-02-01,,,," "e11,c1,k1,ips,,2023-02-01,,,,high" support_level "not a known support_level"
rule enrollments $E "e5,c1,k1,ips,,2023-02-01,,,," "e12,c1,k1,ips,,,,,," start_date "required but blank"

J=job_id,client_id,employer_id,enrollment_id,job_title,occupation,start_date,end_date,hours_per_week,competitive,permanent,subsidized,end_reason
GJ="j1,c1,m1,e1,Myyjä,5223,2023-03-01,,30,y,y,n,"
rule jobs $J "$GJ" "j2,c1,m1,e1,Kokki,51200x,2023-03-01,,30,y,y,n," occupation "1 to 5 digits"
rule jobs $J "$GJ" "j3,c1,m1,e1,Kokki,5120,2023-03-01,,200,y,y,n," hours_per_week "out of range"
rule jobs $J "$GJ" "j4,c1,m1,e1,Kokki,5120,2023-03-01,,30,,y,n," competitive "required but blank"
rule jobs $J "$GJ" "j5,c1,m1,e1,Kokki,5120,2023-03-01,,30,y,y,n,fired" end_reason "not a known end_reason"
rule jobs $J "$GJ" "j6,c1,m1,e99,Kokki,5120,2023-03-01,,30,y,y,n," enrollment_id "unknown enrollment"
rule jobs $J "$GJ" "j7,c1,m9,e1,Kokki,5120,2023-03-01,,30,y,y,n," employer_id "unknown employer"
rule jobs $J "$GJ" "j8,c1,m1,e1,Kokki,5120,2023-03-01,2023-02-01,30,y,y,n,quit" end_date "before start_date"

A=client_id,date,instrument,score
rule assessments $A "c1,2023-03-01,rtw_se,5" "c1,2023-03-02,rtw_se,high" score "not a number"
rule assessments $A "c1,2023-03-01,rtw_se,5" "c1,2023-03-02,,4" instrument "required but blank"

R=review_id,unit,review_date,item,status,score,score_high,reviewer
rule fidelity_reviews $R "r1,p1,2024-05-01,1,rated,4,,THL" "r1,p1,2024-05-01,26,rated,4,,THL" item "out of range"
rule fidelity_reviews $R "r1,p1,2024-05-01,1,rated,4,,THL" "r1,p1,2024-05-01,2,rated,,,THL" score "required when status is 'rated'"
rule fidelity_reviews $R "r1,p1,2024-05-01,1,rated,4,,THL" "r1,p1,2024-05-01,3,rated,6,,THL" score "out of range"
rule fidelity_reviews $R "r1,p1,2024-05-01,1,rated,4,,THL" "r1,p1,2024-05-01,4,rated,4,3,THL" score_high "lower than score"
rule fidelity_reviews $R "r1,p1,2024-05-01,1,rated,4,,THL" "r1,p1,2024-05-01,5,not_applicable,3,,THL" score "status is 'not_applicable'"
rule fidelity_reviews $R "r1,p1,2024-05-01,1,rated,4,,THL" "r1,p1,2024-05-01,6,unknown,,,THL" status "not a known status"

# Accounting over every batch: read = stored + rejected + duplicate.
bad=$(sql $W "SELECT count(*) FROM batches WHERE rows_read <> rows_stored + rows_rejected + rows_duplicate")
check "every batch accounts for every row" test "$bad" = 0
# The reject table holds the line and column of each reject, and no raw identity code.
check "rejects table records the line and column" test "$(sql $W "SELECT count(*) FROM rejects WHERE line = 3 AND column_name = 'date'")" -ge 3
check "no identity code in the warehouse" sh -c "! grep -a -q '131052-308T' $W $W-wal 2>/dev/null"
check "no identity code echoed on stderr" sh -c "! grep -q '131052-308T' err*"
