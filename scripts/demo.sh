#!/bin/sh
# make demo: the whole pipeline on the committed samples into out/.
set -eu
IPS=${1:-build/ipsreport}
export TZ=${TZ:-Europe/Helsinki}
"$IPS" demo --samples samples/canonical --out out
