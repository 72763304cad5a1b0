"""A table's rows written straight into the DOCX's XML: the same elements python-docx's cell
and run API makes, one pass over the rows.

python-docx's `row.cells`, `add_run` and the run properties walk a parent's children on every
call (to find where an element goes), so a table of thousands of rows took minutes; here each
element is appended in the order Word's schema wants.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from docx.oxml.ns import qn
from docx.shared import Length, Pt
from docx.table import Table
from lxml import etree

from archlex.render.concept.docx_blocks import plain
from archlex.render.concept.docx_layout import TABLE_TEXT

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![\\*])\*([^*]+?)(?<!\\)\*(?!\*)")
# Amounts, counts and percentages: right-aligned so that their digits line up.
_NUMBER = re.compile(r"^-?[0-9][0-9\u00a0 ,]*(\.[0-9]+)?(\u00a0| )?([A-Z]{3}|%)?$")
_VAL, _W, _TYPE, _SPACE = qn("w:val"), qn("w:w"), qn("w:type"), qn("xml:space")
_SIZE = str(round(Pt(TABLE_TEXT).pt * 2))  # w:sz is in half-points


def pieces(text: str) -> Iterator[tuple[str, bool, bool]]:
    """The runs of a text: each piece with whether it is bold (`**bold**`) and italic (a
    cell's `*(example)*`); an escaped `\\*` is a star."""
    for index, part in enumerate(_BOLD.split(text)):
        for inner, piece in enumerate(_ITALIC.split(part)):
            if piece:
                yield plain(piece), index % 2 == 1, inner % 2 == 1


def write_rows(table: Table, rows: list[list[str]], widths: Sequence[Length]) -> None:
    """Append the rows to an empty table: no row splits across pages, the first (bold) repeats
    on every page, and numeric columns are right-aligned."""
    tbl = table._tbl
    count = len(table.columns)
    default = tbl.tblGrid.gridCol_lst[0].get(_W) if count else "0"  # a short row's other cells
    twips = [str(Length(w).twips) for w in widths]
    numeric = [
        all(_NUMBER.match(plain(r[c])) for r in rows[1:] if c < len(r) and r[c].strip())
        and any(c < len(r) and r[c].strip() for r in rows[1:])
        for c in range(count)
    ]
    for r, values in enumerate(rows):
        tr = etree.SubElement(tbl, qn("w:tr"))
        properties = etree.SubElement(tr, qn("w:trPr"))
        etree.SubElement(properties, qn("w:cantSplit"))
        if r == 0:
            etree.SubElement(properties, qn("w:tblHeader")).set(_VAL, "true")
        for c in range(count):
            value = values[c] if c < len(values) else None
            tc = etree.SubElement(tr, qn("w:tc"))
            width = etree.SubElement(etree.SubElement(tc, qn("w:tcPr")), qn("w:tcW"))
            width.set(_TYPE, "dxa")
            width.set(_W, twips[c] if value is not None else default)
            paragraph = etree.SubElement(tc, qn("w:p"))
            if value is None:
                continue
            if r > 0 and numeric[c]:
                alignment = etree.SubElement(etree.SubElement(paragraph, qn("w:pPr")), qn("w:jc"))
                alignment.set(_VAL, "right")
            for text, bold, italic in pieces(f"**{value}**" if r == 0 and value else value):
                _run(paragraph, text, bold, italic)


def _run(paragraph: etree._Element, text: str, bold: bool, italic: bool) -> None:
    """One run at the table's text size: tabs and line breaks as Word's own elements."""
    run = etree.SubElement(paragraph, qn("w:r"))
    properties = etree.SubElement(run, qn("w:rPr"))
    strong = etree.SubElement(properties, qn("w:b"))
    if not bold:
        strong.set(_VAL, "0")
    if italic:
        etree.SubElement(properties, qn("w:i"))
    etree.SubElement(properties, qn("w:sz")).set(_VAL, _SIZE)
    for part in re.split(r"([\t\r\n])", text):
        if part == "\t":
            etree.SubElement(run, qn("w:tab"))
        elif part in ("\r", "\n"):
            etree.SubElement(run, qn("w:br"))
        elif part:
            t = etree.SubElement(run, qn("w:t"))
            t.text = part
            if len(part.strip()) < len(part):
                t.set(_SPACE, "preserve")
