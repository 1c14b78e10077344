#!/bin/sh
# Reading never leaves files a writer cannot use (issue 13):
# - a warehouse rests as one file: no -wal or -shm once every command ended;
# - a read-only copy in a read-only folder is read, and nothing is created
#   beside it (in rollback mode, and in WAL mode through immutable=1);
# - a read by another user leaves the owner able to ingest, and a -wal/-shm
#   that an older version's read left behind is cleared by the owner's
#   ingest, or explained where a sticky folder forbids that;
# - a warehouse that cannot be read says why.
# The tests that need a second user run only as root (setpriv to spare uids).
. "$(dirname "$0")/lib.sh"
cd "$T"
C="$IPS_ROOT/samples/canonical"
"$IPS" ingest -q --db w.db "$C"/*.csv >/dev/null 2>&1
check "at rest the warehouse is one file" test -z "$(ls -A | grep '^w\.db-')"
"$IPS" metrics --db w.db --period 2024Q4 >rw.csv 2>/dev/null
check "after a read too" test -z "$(ls -A | grep '^w\.db-')"

# A read-only copy in a read-only folder.
mkdir ro && cp w.db ro/ && chmod a-w ro/w.db ro
"$IPS" metrics --db ro/w.db --period 2024Q4 >ro.csv 2>ro.err
check "a read-only copy in a read-only folder is read" cmp -s rw.csv ro.csv
check "nothing is created beside it" test "$(ls -A ro)" = w.db
chmod u+w ro ro/w.db
expect_status "the copy made writable again takes an ingest" 0 sh -c '"$0" ingest -q --db ro/w.db "$1" >/dev/null 2>&1' "$IPS" "$C/clients.csv"
check "and rests as one file again" test "$(ls -A ro)" = w.db

# Messages that say why.
printf 'not a database at all\n' >text.db
expect_status "a file that is not SQLite: refused" 2 sh -c '"$0" metrics --db text.db --period 2024Q4 2>err' "$IPS"
check "it says the file is not an SQLite file" grep -q "not an SQLite file" err
expect_status "a missing warehouse: refused" 2 sh -c '"$0" check --db nope.db 2>err' "$IPS"
check "it says there is no such warehouse" grep -q "no such warehouse" err

if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null 2>&1; then
    echo "note: not root (or no setpriv): the tests with a second user are skipped"
    exit 0
fi
OWNER="setpriv --reuid=23451 --regid=23451 --clear-groups"
OTHER="setpriv --reuid=23452 --regid=23452 --clear-groups"
chmod 755 "$T"
mkdir in && cp "$C"/*.csv in/ && chmod -R a+rX in
# ASan's leak checker cannot stop the world under another uid's ptrace rules
# everywhere; the leak check runs in the tests above.
export ASAN_OPTIONS=detect_leaks=0

# A WAL-mode warehouse (as older versions left them) in a read-only folder,
# read by a user who may not write it: through immutable=1, nothing created.
mkdir wal && cp w.db wal/ && sqlite3 wal/w.db "PRAGMA journal_mode=WAL" >/dev/null
chmod a-w wal/w.db wal
$OTHER "$IPS" metrics --db wal/w.db --period 2024Q4 >wal.csv 2>wal.err
check "a WAL-mode warehouse in a read-only folder is read by another user" cmp -s rw.csv wal.csv
check "nothing is created beside it" test "$(ls -A wal)" = w.db

# Another user reads the owner's warehouse in a shared folder.
mkdir -m 1777 shared
$OWNER "$IPS" ingest -q --db shared/w.db in/*.csv >/dev/null 2>&1
$OTHER "$IPS" metrics --db shared/w.db --period 2024Q4 >other.csv 2>other.err
check "another user reads the owner's warehouse" cmp -s rw.csv other.csv
check "the read leaves no file of that user" test -z "$(find shared -user 23452)"
expect_status "the owner ingests after the other user's read" 0 sh -c "$OWNER \"\$0\" ingest -q --db shared/w.db in/clients.csv >/dev/null 2>&1" "$IPS"
$OTHER "$IPS" check --db shared/w.db >/dev/null 2>&1
check "check by the other user leaves no file of theirs either" test -z "$(find shared -user 23452)"

# A -wal/-shm left by another user's read of a WAL-mode warehouse (what an
# older ipsreport did): cleared by the owner's next ingest where the folder
# lets the owner remove them; explained in a sticky folder.
mkdir -m 777 open
$OWNER "$IPS" ingest -q --db open/w.db in/*.csv >/dev/null 2>&1
$OWNER sqlite3 open/w.db "PRAGMA journal_mode=WAL" >/dev/null
$OTHER sqlite3 "file:open/w.db?mode=ro" "SELECT count(*) FROM clients" >/dev/null
check "an old-style read left the other user's -wal/-shm" test -n "$(find open -user 23452)"
expect_status "the owner's ingest clears them and loads" 0 sh -c "$OWNER \"\$0\" ingest -q --db open/w.db in/clients.csv >/dev/null 2>&1" "$IPS"
check "none of the other user's files is left" test -z "$(find open -user 23452)"
$OWNER sqlite3 shared/w.db "PRAGMA journal_mode=WAL" >/dev/null
$OTHER sqlite3 "file:shared/w.db?mode=ro" "SELECT count(*) FROM clients" >/dev/null
expect_status "in a sticky folder the owner's ingest is refused" 2 sh -c "$OWNER \"\$0\" ingest -q --db shared/w.db in/clients.csv 2>err" "$IPS"
check "and the message says whose files and what to do" grep -q "belongs to another user.*remove" err

# A warehouse the reader may not read says so.
mkdir -m 777 private
$OWNER "$IPS" ingest -q --db private/w.db in/clients.csv >/dev/null 2>&1
chmod 600 private/w.db
expect_status "a warehouse another user may not read: refused" 2 sh -c "$OTHER \"\$0\" metrics --db private/w.db --period 2024Q4 2>err" "$IPS"
check "it says the reader may not read the file" grep -q "you may not read this file" err
