#!/usr/bin/python3
"""Checks a folder of ipsreport charts the way a reader would rely on them.
Prints "PASS: ..." / "FAIL: ..." per check (as tests/e2e/lib.sh does) and
exits 1 when any check failed.

    check_charts.py png DIR [--label L]
        every chart's PNG is 960 px wide and not blank (its pixels are
        decoded here with zlib: no imaging library is needed)
    check_charts.py svg DIR --lang fi|sv|en (--data | --empty) [--label L]
        [--coach-metrics FILE]
        every chart's SVG is well-formed, its <title> is the chart's title
        and its <desc> holds the axis titles (--data) or the "no data" text
        (--empty); the <metadata> counts say whether a plot was drawn.
        With --coach-metrics (`ipsreport metrics --by coach --format csv`)
        the coach chart has one bar per shown coach row of caseload_per_fte
        and employer_contacts_per_week, one hidden mark per suppressed row,
        a "–" per coach without a value, the misses of 20 and 6 drawn in
        their own style, and every coach id as a row label.
"""
import argparse
import csv
import math
import os
import struct
import sys
import zlib
import xml.etree.ElementTree as ET

CHARTS = ["employment_rate", "exits_by_reason", "first_employer_contact", "fidelity",
          "service_path", "time_to_first_job", "coach_targets"]

# Title (a prefix where it carries numbers) and axis or panel titles, as
# the catalogue po/ words them (CL_… entries).
EXPECT = {
    "fi": {
        "employment_rate": ("Työllisyysaste neljännesvuosittain", ["Työssä, %"]),
        "exits_by_reason": ("Päättyneet asiakkuudet syyn mukaan", ["Asiakkuuksia"]),
        "first_employer_contact": ("Päiviä ensimmäiseen työnantajakontaktiin",
                                   ["Päivää palvelun alusta", "Asiakkuuksia"]),
        "fidelity": ("Laatukriteerit: ", ["Pisteet (1–5)"]),
        "service_path": ("Palvelupolku", ["Aloitti", "Työ kesti 90 päivää"]),
        "time_to_first_job": ("Aika ensimmäiseen työhön",
                              ["Päivää palvelun alusta", "Työllistyneitä, %"]),
        "coach_targets": ("Valmentajien työmäärä tavoitteisiin nähden",
                          ["Asiakkaita henkilötyövuotta kohden", "Työnantajakontakteja viikossa",
                           "tavoite enintään 20", "tavoite vähintään 6"]),
    },
    "sv": {
        "employment_rate": ("Sysselsättningsgrad per kvartal", ["I arbete, %"]),
        "exits_by_reason": ("Avslutade klientrelationer efter orsak", ["Klientrelationer"]),
        "first_employer_contact": ("Dagar till första arbetsgivarkontakten",
                                   ["Dagar från start", "Klientrelationer"]),
        "fidelity": ("Kvalitetskriterier: ", ["Poäng (1–5)"]),
        "service_path": ("Tjänstestigen", ["Började", "Jobbet varade 90 dagar"]),
        "time_to_first_job": ("Tid till första jobbet", ["Dagar från start", "Anställda, %"]),
        "coach_targets": ("Coachernas arbetsmängd jämfört med målen",
                          ["Klienter per årsverke", "Arbetsgivarkontakter per vecka",
                           "mål högst 20", "mål minst 6"]),
    },
    "en": {
        "employment_rate": ("Quarterly employment rate", ["Employed, %"]),
        "exits_by_reason": ("Exits by reason", ["Episodes"]),
        "first_employer_contact": ("Days to the first employer contact",
                                   ["Days from the start of the service", "Episodes"]),
        "fidelity": ("Fidelity: ", ["Score (1–5)"]),
        "service_path": ("Service path", ["Started", "Job held 90 days"]),
        "time_to_first_job": ("Time to the first job",
                              ["Days from the start of the service", "Employed, %"]),
        "coach_targets": ("Coach workload against targets",
                          ["Caseload per FTE", "Employer contacts per week",
                           "target at most 20", "target at least 6"]),
    },
}
NO_DATA = {"fi": "Ei tietoja tältä jaksolta", "sv": "Inga uppgifter för perioden",
           "en": "No data for this period"}
MARKS = "{urn:ipsreport:chart-layout}marks"

failed = False


def result(ok, name):
    global failed
    print(("PASS: " if ok else "FAIL: ") + name)
    failed |= not ok


def unfilter(line, prev, f, bpp):
    """Undoes one PNG row filter (RFC 2083, 6.2) in place."""
    n = len(line)
    if f == 1:
        for i in range(bpp, n):
            line[i] = (line[i] + line[i - bpp]) & 255
    elif f == 2:
        for i in range(n):
            line[i] = (line[i] + prev[i]) & 255
    elif f == 3:
        for i in range(n):
            left = line[i - bpp] if i >= bpp else 0
            line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
    elif f == 4:
        for i in range(n):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255


def png_ink(path):
    """(width, height, pixels darker than near-white) of an 8-bit RGB(A) PNG."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, head = 8, [], None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IHDR":
            head = struct.unpack(">IIBBBBB", data[pos + 8:pos + 8 + n])
        elif kind == b"IDAT":
            idat.append(data[pos + 8:pos + 8 + n])
        pos += 12 + n
    w, h, depth, colour, _, _, interlace = head
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError("unexpected PNG kind %r" % (head,))
    bpp = 4 if colour == 6 else 3
    raw = zlib.decompress(b"".join(idat))
    stride, prev, ink = w * bpp, bytearray(w * bpp), 0
    for y in range(h):
        off = y * (stride + 1)
        line = bytearray(raw[off + 1:off + 1 + stride])
        unfilter(line, prev, raw[off], bpp)
        ink += sum(1 for x in range(0, stride, bpp)
                   if min(line[x], line[x + 1], line[x + 2]) < 235
                   and (bpp == 3 or line[x + 3] > 128))
        prev = line
    return w, h, ink


def check_png(args):
    for c in CHARTS:
        path = os.path.join(args.dir, c + ".png")
        try:
            w, h, ink = png_ink(path)
        except (OSError, ValueError, TypeError, zlib.error) as e:
            result(False, "%s %s.png reads (%s)" % (args.label, c, e))
            continue
        result(w == 960 and h >= 250, "%s %s.png is 960 px wide (%dx%d)" % (args.label, c, w, h))
        # A title and a "no data" line ink about 1 % of a chart; a blank one has none.
        result(ink > w * h // 200, "%s %s.png is not blank (%d of %d pixels inked)"
               % (args.label, c, ink, w * h))


def read_svg(path):
    root = ET.parse(path).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    title = root.find(ns + "title")
    desc = root.find(ns + "desc")
    marks = root.find(ns + "metadata/" + MARKS)
    lines = (desc.text or "").split("\n") if desc is not None else []
    return (title.text or "") if title is not None else None, lines, marks


def coach_expectations(path):
    """Bars, hidden, missing and off-target marks the coach rows call for."""
    rows = {}
    for r in csv.DictReader(open(path, encoding="utf-8")):
        if r["metric"] in ("caseload_per_fte", "employer_contacts_per_week") and \
                r["group_by"] == "coach" and r["group"]:
            rows[(r["metric"], r["group"])] = r
    coaches = sorted({g for (_, g) in rows})
    want = {"bars": 0, "hidden": 0, "missing": 0, "off-target": 0}
    for g in coaches:
        for metric in ("caseload_per_fte", "employer_contacts_per_week"):
            r = rows.get((metric, g))
            if r is not None and r["suppressed"] == "y":
                want["hidden"] += 1
            elif r is None or r["value"] in ("", "–"):
                want["missing"] += 1
            else:
                v = float(r["value"])
                want["bars"] += 1
                # Item 1 bands the value rounded to whole clients (R16); item 17 the raw value.
                miss = math.floor(v + 0.5) > 20 if metric == "caseload_per_fte" else v < 6
                want["off-target"] += miss
    return coaches, want


def check_svg(args):
    for c in CHARTS:
        path = os.path.join(args.dir, c + ".svg")
        name = "%s %s.svg" % (args.label, c)
        try:
            title, lines, marks = read_svg(path)
        except (OSError, ET.ParseError) as e:
            result(False, "%s is well-formed (%s)" % (name, e))
            continue
        want_title, axes = EXPECT[args.lang][c]
        result(title is not None and title.startswith(want_title),
               "%s <title> is the chart's title (%r)" % (name, title))
        result(marks is not None, "%s carries the drawn marks in <metadata>" % name)
        if marks is None:
            continue
        if args.empty:
            result(marks.get("no-data") == "true" and NO_DATA[args.lang] in lines,
                   "%s draws and says '%s'" % (name, NO_DATA[args.lang]))
            continue
        result(marks.get("no-data") == "false", "%s has a plot, not 'no data'" % name)
        missing = [a for a in axes if a not in lines]
        result(not missing, "%s <desc> holds the axis titles%s" % (
            name, " (lacks %s)" % missing if missing else ""))
        drawn = sum(int(marks.get(k, "0")) for k in ("bars", "points", "hidden"))
        result(drawn > 0, "%s draws marks (%d)" % (name, drawn))
        if c == "coach_targets" and args.coach_metrics:
            coaches, want = coach_expectations(args.coach_metrics)
            got = {k: int(marks.get(k, "-1")) for k in want}
            result(len(coaches) > 0 and got == want,
                   "%s: one bar per shown coach row of %d coaches (%s; want %s)"
                   % (name, len(coaches), got, want))
            absent = [g for g in coaches if g not in lines]
            result(not absent, "%s labels every coach%s" % (
                name, " (lacks %s)" % absent if absent else ""))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=["png", "svg"])
    ap.add_argument("dir")
    ap.add_argument("--lang", choices=sorted(EXPECT), default="fi")
    ap.add_argument("--label", default="")
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--data", action="store_true")
    g.add_argument("--empty", action="store_true")
    ap.add_argument("--coach-metrics")
    args = ap.parse_args()
    args.label = args.label or args.lang
    (check_png if args.what == "png" else check_svg)(args)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
