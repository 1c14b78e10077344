#!/bin/sh
# Our global functions must not share a name with a library we link: the
# linker would silently bind the library's callers to ours (it happened once:
# chart_add_series of libxlsxwriter and of charts/).
. "$(dirname "$0")/lib.sh"
ours=$(nm "$IPS_BUILD"/rel/*/*.o 2>/dev/null | awk '$2=="T"{print $3}' | sort -u)
check "object files found" test -n "$ours"
for lib in xlsxwriter sqlite3 cairo csv inih sodium; do
    so=$(ls /usr/lib/*/lib$lib.so 2>/dev/null | head -1)
    [ -n "$so" ] || { fail "lib$lib.so not found"; continue; }
    echo "$ours" >"$T/ours"
    clash=$(nm -D "$so" | awk '$2=="T"{print $3}' | sort -u | comm -12 - "$T/ours")
    check "no function name shared with lib$lib: ${clash:-none}" test -z "$clash"
done
