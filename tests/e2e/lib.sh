# Shared helpers for end-to-end tests: source it, then call check/expect.
# Each check prints "PASS: name" or "FAIL: name" for tests/run.sh to count.
set -u
: "${IPS:?run through tests/run.sh}"
IPS_ROOT=${IPS_ROOT:-$(pwd)}
SHARED=$(cd "$IPS_ROOT/../shared" 2>/dev/null && pwd || echo "$IPS_ROOT/../shared")
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; }

# check NAME CMD...: passes when CMD exits 0.
check() {
    name=$1
    shift
    if "$@"; then pass "$name"; else fail "$name"; fi
}

# expect_status NAME WANT CMD...: passes when CMD exits with WANT.
expect_status() {
    name=$1
    want=$2
    shift 2
    "$@"
    got=$?
    if [ "$got" -eq "$want" ]; then pass "$name"; else fail "$name (exit $got, wanted $want)"; fi
}

# sql DB QUERY: one value from the warehouse.
sql() { sqlite3 -batch -noheader "$1" "$2"; }
