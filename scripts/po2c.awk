# po2c.awk — compiles the text catalogue po/*.po into C (see docs/translations.md).
#
#   awk -f scripts/po2c.awk reports/labels.h charts/chart_labels.h \
#       po/ipsreport.pot po/fi.po po/sv.po > catalogue.c
#   awk -v check=1 -f scripts/po2c.awk …same files…     (lists missing texts)
#
# POSIX awk (Debian's mawk), so that the build needs no gettext nor Python.
# The headers give the ids the C code asks for: every L_… and CL_… enum name
# and every CODE_… domain must have a msgctxt in the template, and every
# msgctxt must be such an id or DOMAIN:key of a known domain; anything else
# stops the build, so that no id silently shows an empty text.  English is
# the template's msgid; a language's text is its msgstr unless the entry is
# missing, empty, fuzzy or translated from another msgid: then the table holds
# NULL, which tests/unit/test_catalogue.c and tests/e2e/test_catalogue.sh
# report (check=1 prints each such entry and exits 1).

BEGIN {
    # The languages in the order of report_lang and chart_lang; English is
    # the template's msgid, every other one a po/LANG.po.
    nlang = split("fi sv en", langs, " ")
    for (i = 1; i <= nlang; i++)
        if (langs[i] != "en") is_lang[langs[i]] = 1
    ngroup = split("DEF_NAME DEF_TEXT TERM_NAME TERM_TEXT CHART_EXIT_REASON " \
                   "CHART_FIDELITY_ITEM CHART_FIDELITY_SECTION CHART_METRIC_TITLE FIDELITY_ITEM", fixed, " ")
    for (i = 1; i <= ngroup; i++)
        is_fixed[fixed[i]] = 1
    nerr = 0
    n = 0
}

function fail(where, msg) {
    printf "%s: %s\n", where, msg > "/dev/stderr"
    nerr++
}

# The text between the quotes of a PO string line, escapes kept: PO escapes
# are C escapes, so the text goes into a C literal as it is.
function unquote(s) {
    sub(/^[^"]*"/, "", s)
    sub(/"[ \t]*$/, "", s)
    return s
}

function lang_of(file,    b) {
    b = file
    sub(/^.*\//, "", b)
    sub(/\.pot?$/, "", b)
    return b
}

# Ends the entry read so far (at a blank line, a new entry, a new file):
# file is the one it was read from, since at a new file FILENAME is the next.
function flush(    l, why) {
    if (state == "") return
    if (ctx == "" && id == "") { reset(); return }   # the header entry
    if (ctx == "") { fail(curfile ":" eline, "an entry without msgctxt (msgid \"" id "\"): every text needs its id"); reset(); return }
    if (is_template) {
        if (ctx in en) fail(curfile ":" eline, "msgctxt \"" ctx "\" appears twice")
        else { order[++n] = ctx; en[ctx] = id; where[ctx] = curfile ":" eline }
    } else {
        l = lang_of(curfile)
        if (!(ctx in en)) {
            if (check) fail(curfile ":" eline, "msgctxt \"" ctx "\" is not in the template (an old id?)")
        } else {
            seen[l, ctx] = 1
            why = ""
            if (fuzzy) why = "is marked fuzzy (needs review)"
            else if (id != en[ctx]) why = "was translated from another English text (msgid differs from the template)"
            else if (str == "") why = "has no translation (empty msgstr)"
            if (why == "") text[l, ctx] = str
            else if (check) fail(curfile ":" eline, "msgctxt \"" ctx "\" " why)
        }
    }
    reset()
}

function reset() {
    state = ""; ctx = ""; id = ""; str = ""; fuzzy = 0
}

FNR == 1 {
    flush()
    curfile = FILENAME
    is_header = FILENAME ~ /\.h$/
    is_template = FILENAME ~ /\.pot$/
    if (!is_header && !is_template) {
        l = lang_of(FILENAME)
        if (!(l in is_lang)) fail(FILENAME, "unknown language \"" l "\" (add it to report_lang and to po2c.awk's list)")
        po_file[l] = FILENAME
    }
}

is_header {
    if (match($0, /^[ \t]*(L|CL|CODE)_[A-Z0-9_]+[ \t]*[,=]/)) {
        name = substr($0, RSTART, RLENGTH - 1)
        gsub(/[ \t]/, "", name)
        if (name !~ /__COUNT$/) { enum_at[name] = FILENAME ":" FNR; nenum++; enums[nenum] = name }
    }
    next
}

/^[ \t]*$/ { flush(); next }
/^#,/ { if (state == "str") flush(); if ($0 ~ /fuzzy/) fuzzy = 1; next }
/^#/ { if (state == "str") flush(); next }
/^msgctxt[ \t]/ { flush(); state = "ctx"; eline = FNR; ctx = unquote($0); next }
/^msgid[ \t]/ { if (state == "str") flush(); if (state == "") eline = FNR; state = "id"; id = unquote($0); next }
/^msgstr[ \t]/ { state = "str"; str = unquote($0); next }
/^[ \t]*"/ {
    if (state == "ctx") ctx = ctx unquote($0)
    else if (state == "id") id = id unquote($0)
    else if (state == "str") str = str unquote($0)
    next
}
{ fail(FILENAME ":" FNR, "not a line of a PO file: " $0) }

function c_str(s) {
    gsub(/\?/, "\\?", s)   # no trigraphs
    return "\"" s "\""
}

function c_text(l, c) {
    if (l == "en") return c_str(en[c])
    return ((l, c) in text) ? c_str(text[l, c]) : "NULL"
}

function triple(c,    i, s) {
    s = "{"
    for (i = 1; i <= nlang; i++) s = s (i > 1 ? ", " : "") c_text(langs[i], c)
    return s "}"
}

END {
    flush()
    is_template = 0
    # The ids of the C code and of the template must be the same set.
    for (i = 1; i <= n; i++) {
        c = order[i]
        if (c ~ /^(L|CL)_/) {
            if (!(c in enum_at)) fail(where[c], "msgctxt \"" c "\" is no id of reports/labels.h or charts/chart_labels.h")
        } else if (index(c, ":")) {
            g = substr(c, 1, index(c, ":") - 1)
            if (g ~ /^CODE_/ ? !(g in enum_at) : !(g in is_fixed)) fail(where[c], "msgctxt \"" c "\": \"" g "\" is no domain of texts")
            else {
                if (!(g in group_n)) groups[++ngroups] = g
                group_n[g]++; group_at[g, group_n[g]] = c
            }
        } else fail(where[c], "msgctxt \"" c "\" is neither an id (L_…, CL_…) nor DOMAIN:key")
    }
    for (i = 1; i <= nenum; i++) {
        c = enums[i]
        if (c ~ /^CODE_/) { if (!(c in group_n)) fail(enum_at[c], c ": no msgctxt \"" c ":…\" in po/ipsreport.pot") }
        else if (!(c in en)) fail(enum_at[c], c ": no msgctxt \"" c "\" in po/ipsreport.pot")
    }
    for (i = 1; i <= ngroup; i++)
        if (!(fixed[i] in group_n)) fail("po/ipsreport.pot", "no msgctxt \"" fixed[i] ":…\"")
    for (l in is_lang)
        if (!(l in po_file)) fail("po/" l ".po", "missing from the generator's input")
    if (check) {
        for (l in is_lang)
            for (j = 1; j <= n; j++)
                if (!((l, order[j]) in seen))
                    fail(po_file[l], "msgctxt \"" order[j] "\" is missing")
    }
    if (nerr) exit 1
    if (check) exit 0

    print "/* Generated by scripts/po2c.awk from po/ipsreport.pot, po/fi.po and po/sv.po:"
    print " * edit those, not this.  NULL = no usable translation. */"
    print "#include <stddef.h>"
    print ""
    print "#include \"reports/catalogue.h\""
    print ""
    print "const char *const catalogue_labels[L__COUNT][REPORT_LANG__COUNT] = {"
    for (i = 1; i <= n; i++) if (order[i] ~ /^L_/) print "    [" order[i] "] = " triple(order[i]) ","
    print "};"
    print ""
    print "const char *const catalogue_chart_labels[CL__COUNT][REPORT_LANG__COUNT] = {"
    for (i = 1; i <= n; i++) if (order[i] ~ /^CL_/) print "    [" order[i] "] = " triple(order[i]) ","
    print "};"
    print ""
    print "const char *const catalogue_label_ids[L__COUNT] = {"
    for (i = 1; i <= n; i++) if (order[i] ~ /^L_/) print "    [" order[i] "] = \"" order[i] "\","
    print "};"
    print ""
    print "const char *const catalogue_chart_label_ids[CL__COUNT] = {"
    for (i = 1; i <= n; i++) if (order[i] ~ /^CL_/) print "    [" order[i] "] = \"" order[i] "\","
    print "};"
    for (k = 1; k <= ngroups; k++) {
        g = groups[k]
        print ""
        print "static const catalogue_entry g_" g "[] = {"
        for (j = 1; j <= group_n[g]; j++) {
            c = group_at[g, j]
            print "    {" c_str(substr(c, length(g) + 2)) ", " triple(c) "},"
        }
        print "};"
        if (g in is_fixed) print "const catalogue_group catalogue_" g " = {g_" g ", " group_n[g] "};"
    }
    print ""
    print "const catalogue_group catalogue_codes[CODE__COUNT] = {"
    for (i = 1; i <= nenum; i++)
        if (enums[i] ~ /^CODE_/) print "    [" enums[i] "] = {g_" enums[i] ", " group_n[enums[i]] "},"
    print "};"
}
