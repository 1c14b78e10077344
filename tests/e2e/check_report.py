#!/usr/bin/python3
"""Reads an ipsreport workbook with openpyxl, a real XLSX client, and checks
what a reader relies on.  Prints "PASS: ..." / "FAIL: ..." per check (as
tests/e2e/lib.sh does) and exits 1 when any check failed.

    check_report.py BOOK.xlsx --lang fi [--internal]
        [--expect-text TEXT]...          a string cell with exactly this text
        [--expect-text-file FILE]        the same, one text per line
        [--metrics-csv FILE]...          `ipsreport metrics --format csv` output
        [--metrics-placeholder REASON]   the metrics CLI is not built: no comparison
        [--expect-suppressed]            a "<N" cell with a note exists
        [--expect-images N] [--expect-split SHEET] [--expect-breakdown-rows N]

Run it with /usr/bin/python3 (Debian's python3-openpyxl).  The Breakdowns
sheet's columns are read by position, as reports/sheet_breakdowns.c lays
them out: D value, E numerator, F denominator, G score, I metric id,
J breakdown id, K group id.
"""
import argparse
import csv
import re
import sys
import zipfile

import openpyxl

SHEETS = {
    "fi": ["Yhteenveto", "Tulokset", "Laatukriteerit", "Työnantajatyö", "Rahoitus",
           "Kapasiteetti", "Erittelyt", "Tietojen laatu", "Määritelmät", "Tietoja raportista"],
    "sv": ["Sammanfattning", "Resultat", "Kvalitetskriterier", "Arbetsgivararbete",
           "Finansiering", "Kapacitet", "Fördelningar", "Datakvalitet", "Definitioner",
           "Om rapporten"],
    "en": ["Summary", "Outcomes", "Fidelity", "Employer work", "Funding", "Capacity",
           "Breakdowns", "Data quality", "Definitions", "About"],
}
SUMMARY, BREAKDOWNS, ABOUT = 0, 6, 9
INSTRUMENTS = {"fi": "Mittarit", "sv": "Mätinstrument", "en": "Instruments"}
# Breakdowns columns (0-based), see reports/sheet_breakdowns.c
B_VALUE, B_NUM, B_DEN, B_SCORE, B_METRIC, B_BY, B_GROUP = 3, 4, 5, 6, 8, 9, 10

HETU = re.compile(r"(?<![0-9A-Za-z])(0[1-9]|[12][0-9]|3[01])(0[1-9]|1[0-2])[0-9]{2}"
                  r"[-+A-FU-Ya-fu-y][0-9]{3}[0-9A-Ya-y](?![0-9A-Za-z])")
NUMERIC_TEXT = re.compile(r"^\s*[+-]?[0-9]+([.,][0-9]+)?\s*%?\s*$")
YEAR = re.compile(r"^(19|20)[0-9]{2}$")  # a period named by its year is a name

failures = 0


def report(ok, what, detail=None):
    """One PASS/FAIL line; detail (what was wrong) is shown on failure only."""
    global failures
    print(("PASS: " if ok else "FAIL: ") + what + ("" if ok or not detail else f": {detail}"))
    if not ok:
        failures += 1


def is_percent(fmt):
    """A percent format: a % outside quoted literal text ("+0.0\" %-yks.\"" is not)."""
    return "%" in re.sub(r'"[^"]*"', "", fmt or "")


def sheet(wb, lang, index):
    return wb[SHEETS[lang][index]]


def parts(wb, base):
    """The sheet and its continuations "base (2)", "base (3)", ..."""
    return [ws for ws in wb.worksheets
            if ws.title == base or re.fullmatch(re.escape(base) + r" \([0-9]+\)", ws.title)]


def all_cells(wb):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    yield ws, c


def check_structure(wb, lang, label):
    names = SHEETS[lang]
    bases = [t for t in wb.sheetnames if not re.search(r" \([0-9]+\)$", t)]
    # Instruments is there only when the data hold assessments, after Capacity.
    if INSTRUMENTS[lang] in bases:
        at = bases.index(INSTRUMENTS[lang])
        report(at > 0 and bases[at - 1] == names[BREAKDOWNS - 1],
               f"{label}: {INSTRUMENTS[lang]} follows {names[BREAKDOWNS - 1]}", bases)
        bases.remove(INSTRUMENTS[lang])
    report(bases == names, f"{label}: every sheet exists, in order", wb.sheetnames)
    report(all(ws.freeze_panes for ws in wb.worksheets),
           f"{label}: every sheet has frozen header rows")
    report(all(ws.auto_filter.ref for ws in wb.worksheets),
           f"{label}: every sheet has an autofilter")
    report(all((ws.column_dimensions["A"].width or 0) > 8 for ws in wb.worksheets),
           f"{label}: column widths are set")


def check_safety(wb, label, expect_texts):
    formulas = [(ws.title, c.coordinate) for ws, c in all_cells(wb) if c.data_type == "f"]
    report(not formulas, f"{label}: no cell is a formula", formulas[:3])
    risky = [(ws.title, c.coordinate) for ws, c in all_cells(wb)
             if isinstance(c.value, str) and c.value[:1] in "=+-@\t\r" and c.data_type != "s"]
    report(not risky, f"{label}: formula-like texts are string cells", risky[:3])
    for text in expect_texts:
        hits = [c for _, c in all_cells(wb) if c.value == text]
        report(bool(hits) and all(c.data_type == "s" for c in hits),
               f"{label}: {text!r} arrives as text")
    ids = [(ws.title, c.coordinate) for ws, c in all_cells(wb)
           if isinstance(c.value, str) and HETU.search(c.value)]
    report(not ids, f"{label}: no personal identity code in any cell", ids[:3])


def check_numbers(wb, lang, label):
    """A number written as text is a bug; a code such as region "091" is text.
    So numeric-looking text is flagged in the value columns of Summary and
    Breakdowns, and in any column that also holds numbers on its sheet."""
    value_cols = {SHEETS[lang][SUMMARY]: {1, 2, 3}, SHEETS[lang][BREAKDOWNS]: {3, 4, 5, 6}}
    numeric_cols = {(ws.title, c.column) for ws, c in all_cells(wb) if c.data_type == "n"}
    texts = []
    for ws, c in all_cells(wb):
        if not isinstance(c.value, str) or not NUMERIC_TEXT.match(c.value) or YEAR.match(c.value):
            continue
        base = re.sub(r" \([0-9]+\)$", "", ws.title)
        if (c.column - 1) in value_cols.get(base, ()) or (ws.title, c.column) in numeric_cols:
            texts.append((ws.title, c.coordinate, c.value))
    report(not texts, f"{label}: numbers are stored as numbers", texts[:3])
    about = sheet(wb, lang, ABOUT)
    dates = [c for row in about.iter_rows() for c in row if c.is_date]
    report(len(dates) >= 3, f"{label}: About holds real dates ({len(dates)})")
    pct = [c for ws, c in all_cells(wb) if c.data_type == "n" and is_percent(c.number_format)]
    bad = [(c.coordinate, c.value) for c in pct if not -0.0001 <= c.value <= 1.0001]
    report(not bad, f"{label}: percent cells hold fractions 0..1", bad[:3])


def check_marks(wb, label, internal, expect_suppressed):
    red = all(ws["A3"].value and ws["A3"].font.color is not None
              and str(ws["A3"].font.color.rgb).endswith("C00000") for ws in wb.worksheets)
    if internal:
        report(red, f"{label}: every sheet is marked internal")
    else:
        report(not red and all(ws["A3"].value for ws in wb.worksheets),
               f"{label}: every sheet carries the suppression note, none the internal mark")
    if expect_suppressed:
        cells = [c for _, c in all_cells(wb)
                 if isinstance(c.value, str) and re.fullmatch(r"<[0-9]+", c.value)]
        report(bool(cells) and all(c.data_type == "s" for c in cells)
               and any(c.comment for c in cells),
               f"{label}: suppressed counts are text '<N' with a note ({len(cells)})")


def check_drawings(path, label, expect_images):
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
    charts = [n for n in names if re.fullmatch(r"xl/charts/chart[0-9]+\.xml", n)]
    report(len(charts) >= 3, f"{label}: native charts on Summary and Outcomes ({len(charts)})")
    if expect_images is not None:
        images = [n for n in names if n.startswith("xl/media/") and n.endswith(".png")]
        report(len(images) == expect_images, f"{label}: {expect_images} PNG images placed "
                                             f"({len(images)})")


def number(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def same(a, b):
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def breakdown_rows(wb, lang):
    rows = {}
    for ws in parts(wb, SHEETS[lang][BREAKDOWNS]):
        header = None
        for row in ws.iter_rows():
            if header is None:
                # Title lines fill column A only; the header is the first row
                # with the metric id column, on every part.
                if len(row) > B_GROUP and row[B_METRIC].value is not None:
                    header = row
                continue
            if len(row) > B_GROUP and isinstance(row[B_METRIC].value, str):
                key = (row[B_METRIC].value, row[B_BY].value or "", row[B_GROUP].value or "")
                rows[key] = row
    return rows


def cell_number(c):
    if c.value is None or c.data_type != "n":
        return None
    return c.value * 100 if is_percent(c.number_format) else c.value


def compare_row(key, rec, row):
    problems = []
    for field, col in (("value", B_VALUE), ("numerator", B_NUM), ("denominator", B_DEN),
                       ("score", B_SCORE)):
        want = number(rec.get(field))
        if field == "value" and want is None and rec.get(field):
            continue  # a text value (fidelity_band) is shown translated
        got = cell_number(row[col])
        if want is None and got is None:
            continue
        if want is None or got is None or not same(want, got):
            problems.append(f"{key} {field}: metrics {rec.get(field)!r}, workbook {row[col].value!r}")
    return problems


def check_metrics(wb, lang, label, csv_files, placeholder):
    if placeholder:
        print(f"NOTE: {label}: no comparison with `ipsreport metrics`: {placeholder}")
        report(True, f"{label}: metrics comparison (vacuous: {placeholder})")
        return
    if not csv_files:
        return
    records = {}
    for path in csv_files:
        with open(path, newline="", encoding="utf-8") as f:
            for rec in csv.DictReader(f):
                # The CSV guards a text cell a spreadsheet would take for a
                # formula with a leading quote (docs/metrics-output.md); the
                # workbook holds the text itself.
                g = rec["group"]
                if g[:1] == "'" and g[1:2] and g[1] in "=+-@\t\r":
                    rec["group"] = g = g[1:]
                records[(rec["metric"], rec["group_by"], g)] = rec
    report(bool(records), f"{label}: `ipsreport metrics` gave rows to compare ({len(records)})")
    rows = breakdown_rows(wb, lang)
    missing = [k for k in records if k not in rows]
    report(not missing, f"{label}: every metrics row is in Breakdowns", missing[:3])
    extra = [k for k in rows if k not in records]
    report(not extra, f"{label}: every Breakdowns row is a metrics row", extra[:3])
    problems = []
    for key, rec in records.items():
        if key in rows:
            problems += compare_row(key, rec, rows[key])
    report(not problems, f"{label}: Breakdowns numbers equal `ipsreport metrics` "
                         f"({len(records)} rows)", problems[:3])
    summary = sheet(wb, lang, SUMMARY)
    bad = []
    for row in summary.iter_rows():
        if len(row) < 6 or not isinstance(row[5].value, str):
            continue
        rec = records.get((row[5].value, "", ""))
        want = number(rec["value"]) if rec else None
        if want is not None and (cell_number(row[1]) is None or not same(want, cell_number(row[1]))):
            bad.append((row[5].value, rec["value"], row[1].value))
    report(not bad, f"{label}: Summary numbers equal `ipsreport metrics`", bad[:3])


def check_split(wb, lang, label, base, want_rows):
    if not base:
        return
    names = [ws.title for ws in parts(wb, base)]
    report(len(names) >= 2, f"{label}: {base} continues on further sheets ({names})")
    if want_rows is not None:
        got = len(breakdown_rows(wb, lang))
        report(got == want_rows, f"{label}: no row lost in the split ({got} of {want_rows})")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("book")
    ap.add_argument("--lang", required=True, choices=sorted(SHEETS))
    ap.add_argument("--internal", action="store_true")
    ap.add_argument("--expect-text", action="append", default=[])
    ap.add_argument("--expect-text-file")
    ap.add_argument("--metrics-csv", action="append", default=[])
    ap.add_argument("--metrics-placeholder")
    ap.add_argument("--expect-suppressed", action="store_true")
    ap.add_argument("--expect-images", type=int)
    ap.add_argument("--expect-split")
    ap.add_argument("--expect-breakdown-rows", type=int)
    a = ap.parse_args()
    label = f"report {a.lang}"
    if a.expect_text_file:
        with open(a.expect_text_file, encoding="utf-8") as f:
            a.expect_text += [line.rstrip("\n") for line in f if line.strip()]
    try:
        wb = openpyxl.load_workbook(a.book)
    except Exception as e:  # any failure to read is the finding
        report(False, f"{label}: openpyxl opens {a.book}: {e}")
        return 1
    report(True, f"{label}: openpyxl opens the workbook")
    check_structure(wb, a.lang, label)
    check_safety(wb, label, a.expect_text)
    check_numbers(wb, a.lang, label)
    check_marks(wb, label, a.internal, a.expect_suppressed)
    check_drawings(a.book, label, a.expect_images)
    check_metrics(wb, a.lang, label, a.metrics_csv, a.metrics_placeholder)
    check_split(wb, a.lang, label, a.expect_split, a.expect_breakdown_rows)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
