#!/bin/sh
# Install the Debian packages ipsreport needs to build, test and run its demo.
# Run as root it installs what is missing with apt-get; otherwise it prints the
# exact apt-get line and fails, so nobody builds against a half-set-up machine.
#
# Usage: sh scripts/deps.sh [bench]
# `bench` adds the packages only `make bench` needs: the pandas peer script
# (bench/peer.py) that the timings are compared with.  They are kept out of the
# default set so that `make test` and `make demo` do not pull in pandas and
# matplotlib.
# gettext gives msgfmt, which `make test` runs over po/ (msgfmt --check); the
# build itself compiles the catalogue with awk alone.
set -eu

PKGS="build-essential pkg-config libsqlite3-dev sqlite3 libxlsxwriter-dev libcsv-dev
libinih-dev libsodium-dev libcmocka-dev libcairo2-dev libpango1.0-dev
fonts-dejavu-core python3 python3-openpyxl poppler-utils clang libclang-rt-14-dev
time unzip gettext"

case "${1:-}" in
'') ;;
bench) PKGS="$PKGS python3-pandas python3-matplotlib python3-xlsxwriter" ;;
*) echo "usage: sh scripts/deps.sh [bench]" >&2; exit 2 ;;
esac

missing=""
for p in $PKGS; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "ipsreport: missing dependencies:$missing" >&2
    echo "Install them as root with:" >&2
    echo "  apt-get update && apt-get install -y$missing" >&2
    exit 1
fi

echo "ipsreport: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing >/dev/null
