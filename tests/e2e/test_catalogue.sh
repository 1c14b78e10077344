#!/bin/sh
# The text catalogue po/ (docs/translations.md): the .po files pass
# `msgfmt --check` when gettext is installed, every text has a translation,
# and scripts/po2c.awk refuses a catalogue whose ids differ from the C code's
# or which lacks a text (an empty msgstr, a fuzzy entry, a missing entry).
. "$(dirname "$0")/lib.sh"
cd "$IPS_ROOT" || exit 1
HDRS="reports/labels.h charts/chart_labels.h"

if command -v msgfmt >/dev/null; then
    for po in po/*.po; do
        check "msgfmt --check $po" msgfmt --check -o /dev/null "$po"
    done
    # the c-format flags are there: a translation that drops a %s fails
    awk '/^msgctxt "CL_EMP_SUBTITLE"$/ {hit = 1} hit && /%s–%s"$/ {sub(/%s–%s"$/, "%s\""); hit = 0} {print}' \
        po/fi.po >"$T/dropped.po"
    expect_status "msgfmt --check finds a dropped %s" 1 msgfmt --check -o /dev/null "$T/dropped.po" 2>/dev/null
else
    echo "SKIP: msgfmt not installed (Debian package gettext)"
fi

# check=1 lists every text without a usable translation and fails on one.
gen_check() { awk -v check=1 -f scripts/po2c.awk $HDRS "$1/ipsreport.pot" "$1/fi.po" "$1/sv.po"; }
gen() { awk -f scripts/po2c.awk $HDRS "$1/ipsreport.pot" "$1/fi.po" "$1/sv.po"; }

check "every text of the catalogue is translated" gen_check po
check "the catalogue compiles" sh -c "awk -f scripts/po2c.awk $HDRS po/ipsreport.pot po/fi.po po/sv.po >'$T/cat.c'"
check "one C table row per label id" test "$(grep -c '^    \[L_[A-Z0-9_]*\] = {' "$T/cat.c")" -eq \
    "$(grep -c '^    L_[A-Z0-9_]*,' reports/labels.h)"

# fresh copy of po/ in $T/$1
copy() { rm -rf "$T/$1"; cp -R po "$T/$1"; }

# An edited copy must fail, naming the id.  edit DIR AWK-PROGRAM FILE
edit() { awk "$2" "$T/$1/$3" >"$T/$1/tmp" && mv "$T/$1/tmp" "$T/$1/$3"; }
refused() { # NAME DIR ID MODE: MODE check or build
    if [ "$4" = check ]; then gen_check "$T/$2" >/dev/null 2>"$T/err"; else gen "$T/$2" >/dev/null 2>"$T/err"; fi
    rc=$?
    if [ "$rc" -ne 0 ] && grep -q "$3" "$T/err"; then pass "$1"; else fail "$1 (exit $rc: $(cat "$T/err"))"; fi
}

copy blank
edit blank '/^msgctxt "L_NO_DATA"$/ {hit = 1} hit && /^msgstr / {print "msgstr \"\""; hit = 0; next} {print}' fi.po
refused "an empty msgstr is reported" blank L_NO_DATA check
check "an empty msgstr gives NULL, not an empty text" sh -c \
    "awk -f scripts/po2c.awk $HDRS '$T/blank/ipsreport.pot' '$T/blank/fi.po' '$T/blank/sv.po' | grep -q '\[L_NO_DATA\] = {NULL, '"

copy fuzzy
edit fuzzy '/^msgctxt "CL_EMP_TITLE"$/ {print "#, fuzzy"} {print}' sv.po
refused "a fuzzy entry is reported" fuzzy CL_EMP_TITLE check

copy gone
edit gone '/^msgctxt "CODE_GENDER:f"$/ {skip = 1} skip && /^$/ {skip = 0; next} !skip {print}' fi.po
refused "a missing entry is reported" gone 'CODE_GENDER:f' check

copy stale
edit stale '/^msgctxt "L_TOTAL"$/ {print; getline; print "msgid \"Sum\""; next} {print}' sv.po
refused "a translation of an older English text is reported" stale L_TOTAL check

copy extra
printf '\nmsgctxt "L_NO_SUCH_TEXT"\nmsgid "x"\nmsgstr ""\n' >>"$T/extra/ipsreport.pot"
refused "a msgctxt that is no id stops the build" extra L_NO_SUCH_TEXT build

copy noid
edit noid '/^msgctxt "CL_KM_TITLE"$/ {skip = 1} skip && /^$/ {skip = 0; next} !skip {print}' ipsreport.pot
refused "an id without a msgctxt stops the build" noid CL_KM_TITLE build

copy twice
printf '\nmsgctxt "L_YES"\nmsgid "Yes"\nmsgstr ""\n' >>"$T/twice/ipsreport.pot"
refused "a msgctxt given twice stops the build" twice L_YES build

copy domain
printf '\nmsgctxt "CODE_NO_SUCH:x"\nmsgid "x"\nmsgstr ""\n' >>"$T/domain/ipsreport.pot"
refused "an unknown domain stops the build" domain CODE_NO_SUCH build
