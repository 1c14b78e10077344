# One warehouse, one kind of client id: a warehouse of pseudonymised client ids
# refuses a file whose client ids are not pseudonymised (the same people would
# be stored twice, every count doubled), and a warehouse of exported ids
# refuses pseudonymised ones; each refusal says how to load the file.
# Warehouses made before the kind was recorded infer it from their clients.
. "$(dirname "$0")/lib.sh"

S="$IPS_ROOT/samples"
TP="$IPS_ROOT/ingest/profiles/tyopaja.ini"
unset IPSREPORT_KEY_FILE
K=$T/k.key
# quiet OUT ERR CMD...: CMD with its output in files, so that the PASS/FAIL
# line of expect_status still reaches the log.
quiet() {
    out=$1 err=$2
    shift 2
    "$@" >"$out" 2>"$err"
}
"$IPS" key new "$K" >"$T/key.out" 2>&1
fp=$(sed -n 's/^key fingerprint: //p' "$T/key.out")
P=$T/p.db   # pseudonymised
C=$T/c.db   # as exported
cp "$S/canonical/clients.csv" "$T/clients.csv"
cp "$S/tyopaja/asiakkaat_2024.csv" "$T/asiakkaat_2024.csv"

expect_status "Työpaja clients load pseudonymised" 0 "$IPS" ingest -q --db "$P" --profile "$TP" --key-file "$K" "$T/asiakkaat_2024.csv"
check "the warehouse records pseudonymised client ids" [ "$(sql "$P" "SELECT value FROM meta WHERE key = 'client_ids'")" = pseudonyms ]
np=$(sql "$P" "SELECT count(*) FROM clients")
expect_status "canonical clients into it are refused (exit 2)" 2 quiet "$T/1.out" "$T/1.err" "$IPS" ingest --db "$P" "$T/clients.csv"
check "the refusal names the file, the kind and the key" grep -q "clients.csv: .*p.db holds pseudonymised client ids (key fingerprint $fp)" "$T/1.err"
check "the refusal says how to load it" grep -q "declares hetu = client_id and --key-file" "$T/1.err"
check "no client was added" [ "$(sql "$P" "SELECT count(*) FROM clients")" = "$np" ]
check "no batch was recorded" [ "$(sql "$P" "SELECT count(*) FROM batches WHERE file_name = 'clients.csv'")" = 0 ]
expect_status "the same, given the key but no profile, is refused too" 2 quiet /dev/null /dev/null "$IPS" ingest -q --db "$P" --key-file "$K" "$T/clients.csv"
expect_status "a file without client ids (coaches) still loads" 0 "$IPS" ingest -q --db "$P" "$S/canonical/coaches.csv"

expect_status "canonical clients load as exported" 0 "$IPS" ingest -q --db "$C" "$T/clients.csv"
check "the warehouse records exported client ids" [ "$(sql "$C" "SELECT value FROM meta WHERE key = 'client_ids'")" = exported ]
nc=$(sql "$C" "SELECT count(*) FROM clients")
expect_status "pseudonymised clients into it are refused (exit 2)" 2 quiet "$T/2.out" "$T/2.err" "$IPS" ingest --db "$C" --profile "$TP" --key-file "$K" "$T/asiakkaat_2024.csv"
check "the refusal says the warehouse holds exported ids and what to do" \
    grep -q "asiakkaat_2024.csv: .*c.db holds client ids as the client system exported them.*into a new warehouse" "$T/2.err"
check "no client was added" [ "$(sql "$C" "SELECT count(*) FROM clients")" = "$nc" ]

# Warehouses from before the record: the first stored client tells.
sql "$P" "DELETE FROM meta WHERE key = 'client_ids'"
sql "$C" "DELETE FROM meta WHERE key = 'client_ids'"
expect_status "old pseudonymised warehouse: canonical clients refused" 2 quiet /dev/null "$T/3.err" "$IPS" ingest -q --db "$P" "$T/clients.csv"
check "…as a warehouse of pseudonymised ids" grep -q "holds pseudonymised client ids" "$T/3.err"
expect_status "old exported warehouse: pseudonymised clients refused" 2 quiet /dev/null "$T/4.err" "$IPS" ingest -q --db "$C" --profile "$TP" --key-file "$K" "$T/asiakkaat_2024.csv"
check "…as a warehouse of exported ids" grep -q "holds client ids as the client system exported them" "$T/4.err"
printf 'client_id,birth_year,gender\nc_new1,1990,f\n' >"$T/more.csv"
expect_status "old exported warehouse: more canonical clients load" 0 "$IPS" ingest -q --db "$C" "$T/more.csv"
check "…and the kind is recorded from then on" [ "$(sql "$C" "SELECT value FROM meta WHERE key = 'client_ids'")" = exported ]
