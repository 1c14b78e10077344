# An ingest run that stops midway is recorded as such: `check` and the read
# commands warn that it stopped after k of n files, and say to run it again;
# while it still runs they say so instead; a finished run afterwards settles it.
# The run is held after its first file deterministically: its second file is
# a named pipe nobody writes to, so opening it waits until the test kills it.
. "$(dirname "$0")/lib.sh"

S="$IPS_ROOT/samples/canonical"
W=$T/w.db
cd "$T"
head -50 "$S/clients.csv" >first.csv
{ head -1 "$S/clients.csv"; sed -n '51,$p' "$S/clients.csv"; } >second.csv
mkfifo held.csv

# wait_for SQL WANT: waits (up to 2 minutes) until SQL on W gives WANT.
wait_for() {
    i=0
    while [ "$(sql "$W" "$1" 2>/dev/null)" != "$2" ] && [ $i -lt 1200 ]; do
        sleep 0.1
        i=$((i + 1))
    done
    [ "$(sql "$W" "$1" 2>/dev/null)" = "$2" ]
}

"$IPS" ingest -q --db "$W" --entity clients first.csv held.csv >held.out 2>held.err &
pid=$!
check "the run records its first file as done" wait_for "SELECT files_done || '/' || files_planned FROM ingest_runs" 1/2
"$IPS" check --db "$W" >running.out 2>running.err
check "check while it runs: says an ingest is still running, 1 of 2 files" \
    grep -q "warning: .*w.db: an ingest started .* is still running (1 of 2 files done)" running.err
kill -9 $pid
wait $pid 2>/dev/null
check "the run is not marked finished" [ "$(sql "$W" "SELECT count(*) FROM ingest_runs WHERE ended_at IS NULL")" = 1 ]

"$IPS" check --db "$W" >stopped.out 2>stopped.err
check "check after the kill: the run stopped after 1 of 2 files" \
    grep -q "warning: .*w.db: the ingest run of .* UTC stopped after 1 of 2 files.*run the same ingest again" stopped.err
check "check still prints its summary" grep -q "Rows stored:" stopped.out
for cmd in metrics report charts pdf; do
    case $cmd in
    metrics) "$IPS" metrics --db "$W" --period 2024 >$cmd.out 2>$cmd.err ;;
    report) "$IPS" report --db "$W" --period 2024 --out r.xlsx >$cmd.out 2>$cmd.err ;;
    charts) "$IPS" charts --db "$W" --period 2024 --out charts >$cmd.out 2>$cmd.err ;;
    pdf) "$IPS" pdf --db "$W" --period 2024 --out s.pdf >$cmd.out 2>$cmd.err ;;
    esac
    check "$cmd warns about the stopped run" grep -q "the ingest run of .* stopped after 1 of 2 files" $cmd.err
done
"$IPS" publish --db "$W" --period 2024 --out pub >publish.out 2>publish.err
check "publish warns once" [ "$(grep -c 'stopped after 1 of 2 files' publish.err)" = 1 ]

expect_status "the ingest again, its second file now a whole file, finishes" 0 \
    "$IPS" ingest -q --db "$W" --entity clients first.csv second.csv
check "every run is now accounted: the last finished 2 of 2" \
    [ "$(sql "$W" "SELECT files_done || '/' || files_planned || '/' || (ended_at IS NOT NULL) FROM ingest_runs ORDER BY run_id DESC LIMIT 1")" = 2/2/1 ]
"$IPS" check --db "$W" >after.out 2>after.err
check "check after the rerun: no warning" sh -c "! grep -q warning after.err"
