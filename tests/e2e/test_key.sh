# ipsreport key: a new key file is private and never overwritten, and its
# fingerprint is stable and the same whichever way the key is named.
. "$(dirname "$0")/lib.sh"

# quiet OUT ERR CMD...: runs CMD with its output in files, so that the
# PASS/FAIL line of expect_status still reaches the log.
quiet() {
    out=$1
    err=$2
    shift 2
    "$@" >"$out" 2>"$err"
}

K="$T/project.key"
"$IPS" key new "$K" >"$T/new.out" 2>"$T/new.err"
check "key new succeeds" [ $? -eq 0 ]
mode=$(stat -c %a "$K" 2>/dev/null)
check "key file has mode 600 (got $mode)" [ "$mode" = 600 ]
check "key file is one line of 64 hex digits" grep -Eqx '[0-9a-f]{64}' "$K"
check "key file has exactly one line" [ "$(wc -l <"$K")" -eq 1 ]
check "key new prints no error" [ ! -s "$T/new.err" ]
before=$(cat "$K")

expect_status "second key new on the same path fails" 2 quiet /dev/null "$T/again.err" "$IPS" key new "$K"
check "refusal names the file and says why" grep -q "project.key already exists" "$T/again.err"
check "existing key is untouched" [ "$(cat "$K")" = "$before" ]

fp1=$("$IPS" key fingerprint --key-file "$K")
fp2=$("$IPS" key fingerprint --key-file="$K")
fp3=$(IPSREPORT_KEY_FILE="$K" "$IPS" key fingerprint)
check "fingerprint is 16 hex digits ($fp1)" sh -c "printf '%s\n' '$fp1' | grep -Eqx '[0-9a-f]{16}'"
check "fingerprint printed twice is the same" [ "$fp1" = "$fp2" ]
check "IPSREPORT_KEY_FILE gives the same fingerprint" [ "$fp1" = "$fp3" ]
check "key new printed that fingerprint" grep -q "fingerprint: $fp1" "$T/new.out"
check "the key itself is never printed" sh -c "! grep -q '$before' '$T/new.out'"

# --key-file wins over the environment.
"$IPS" key new "$T/other.key" >/dev/null 2>&1
fp_other=$("$IPS" key fingerprint --key-file "$T/other.key")
check "another key has another fingerprint" [ "$fp_other" != "$fp1" ]
fp4=$(IPSREPORT_KEY_FILE="$T/other.key" "$IPS" key fingerprint --key-file "$K")
check "--key-file wins over IPSREPORT_KEY_FILE" [ "$fp4" = "$fp1" ]

chmod 644 "$K"
expect_status "a key others can read is refused" 2 quiet /dev/null "$T/perm.err" "$IPS" key fingerprint --key-file "$K"
check "refusal tells how to fix it" grep -q "chmod 600" "$T/perm.err"
chmod 600 "$K"

expect_status "no key named is an error" 2 quiet /dev/null "$T/none.err" env -u IPSREPORT_KEY_FILE "$IPS" key fingerprint
check "missing key message names both ways" grep -q -- "--key-file FILE or set IPSREPORT_KEY_FILE" "$T/none.err"
expect_status "key new without a file is a usage error" 2 quiet /dev/null "$T/usage.err" "$IPS" key new
check "usage error shows the right form" grep -q "ipsreport key new FILE" "$T/usage.err"
expect_status "--key-file without a file is a usage error" 2 quiet /dev/null "$T/usage.err" "$IPS" key fingerprint --key-file
check "it says the file is missing" grep -q -- "--key-file needs the key file" "$T/usage.err"
expect_status "unknown key command is a usage error" 2 quiet /dev/null "$T/usage.err" "$IPS" key rotate
check "unknown key command is named" grep -q "'rotate' is not a key command" "$T/usage.err"
for sub in "" new fingerprint; do
    expect_status "key ${sub:+$sub }--help" 0 quiet "$T/help.out" /dev/null "$IPS" key $sub --help
    check "key ${sub:+$sub }--help shows usage" grep -q "^usage: ipsreport key $sub" "$T/help.out"
done
check "key new --help creates nothing" [ ! -e "$T/--help" ]
