#!/usr/bin/python3
"""Print-readiness of a workbook, read from the files themselves.

usage: check_print.py BOOK.xlsx [RENDERED.pdf]

The sheet XML: every sheet fits one page wide (fitToPage, fitToWidth 1,
fitToHeight 0), landscape A4, frozen panes, and its header row repeats on
every printed page (a Print_Titles name).  The PDF LibreOffice rendered from
the book: no "###" (a number too wide for its column) and no page that lost
the first column, which is what a sheet wider than one page prints on its
second page across."""
import re, subprocess, sys, zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
RID = "{%s}id" % NS["r"]
problems = []


def sheets(z):
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels}
    titles = {}
    for dn in wb.iter("{%s}definedName" % NS["m"]):
        if dn.get("name") == "_xlnm.Print_Titles":
            titles[int(dn.get("localSheetId"))] = dn.text
    out = []
    for i, sh in enumerate(wb.find("m:sheets", NS)):
        t = target[sh.get(RID)].lstrip("/")
        out.append((sh.get("name"), t if t.startswith("xl/") else "xl/" + t, titles.get(i)))
    return out


def shared_strings(z):
    try:
        root = ET.fromstring(z.read("xl/sharedStrings.xml"))
    except KeyError:
        return []
    return ["".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])) for si in root]


def cell_text(sheet_xml, strings, ref):
    for c in sheet_xml.iter("{%s}c" % NS["m"]):
        if c.get("r") == ref:
            v = c.find("m:v", NS)
            if c.get("t") == "s" and v is not None:
                return strings[int(v.text)]
            is_ = c.find("m:is", NS)
            if is_ is not None:
                return "".join(t.text or "" for t in is_.iter("{%s}t" % NS["m"]))
            return v.text if v is not None else None
    return None


def check_xml(path):
    heads = {}
    with zipfile.ZipFile(path) as z:
        strings = shared_strings(z)
        for name, part, titles in sheets(z):
            x = ET.fromstring(z.read(part))
            fit = x.find("m:sheetPr/m:pageSetUpPr", NS)
            if fit is None or fit.get("fitToPage") != "1":
                problems.append("%s: does not fit to the page (no fitToPage)" % name)
            ps = x.find("m:pageSetup", NS)
            if ps is None:
                problems.append("%s: no page setup" % name)
            else:
                if ps.get("fitToWidth", "1") != "1" or ps.get("fitToHeight") != "0":
                    problems.append("%s: not one page wide (fitToWidth %s, fitToHeight %s)"
                                    % (name, ps.get("fitToWidth", "1"), ps.get("fitToHeight")))
                if ps.get("orientation") != "landscape":
                    problems.append("%s: not landscape" % name)
                if ps.get("paperSize") != "9":
                    problems.append("%s: not A4" % name)
            pane = x.find("m:sheetViews/m:sheetView/m:pane", NS)
            if pane is None or pane.get("state") != "frozen":
                problems.append("%s: no frozen panes" % name)
            m = re.fullmatch(r"(?:'[^']+'|[^!]+)!\$(\d+):\$(\d+)", titles or "")
            if not m:
                problems.append("%s: its header row does not repeat on printed pages" % name)
            heads[name] = cell_text(x, strings, "A" + (m.group(1) if m else "1"))
    return heads


def check_pdf(path, heads):
    n = int(re.search(r"Pages:\s+(\d+)", subprocess.run(
        ["pdfinfo", path], capture_output=True, text=True, check=True).stdout).group(1))
    seen = set()
    for p in range(1, n + 1):
        text = subprocess.run(["pdftotext", "-layout", "-f", str(p), "-l", str(p), path, "-"],
                              capture_output=True, text=True, check=True).stdout
        if "###" in text:
            problems.append("page %d: a value shows ### (its column is too narrow)" % p)
        lines = [l.strip() for l in text.splitlines() if l.strip()]
        # The page header carries the sheet's name at its left.
        name = next((s for s in heads if lines and lines[0].startswith(s)), None)
        if name is None:
            problems.append("page %d: no sheet name in its header: %r" % (p, lines[:1]))
            continue
        seen.add(name)
        head = heads[name]
        if head and not re.search(r"(?<!\S)%s(?!\S)" % re.escape(head), text):
            problems.append("page %d (%s): the first column (%r) is not on it: the sheet is "
                            "wider than one page" % (p, name, head))
    for name in heads:
        if name not in seen:
            problems.append("%s: not in the rendered PDF" % name)
    return n


heads = check_xml(sys.argv[1])
if len(sys.argv) > 2:
    pages = check_pdf(sys.argv[2], heads)
    print("%s: %d sheets on %d pages" % (sys.argv[2], len(heads), pages))
for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
