"""The concept DOCX's tables written straight into the XML give exactly what python-docx's
cell and run API gives, and the column planner's one-pass line counts exactly what counting
row by row gives (so the example's document stays byte-identical)."""

from __future__ import annotations

from collections.abc import Sequence

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Length, Pt
from docx.table import Table
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from archlex.render.concept.docx_layout import CELL_PADDING, TABLE_TEXT, _line_counts
from archlex.render.concept.docx_table import pieces, write_rows

ROWS = [
    ["Id", "Title", "Cost", "Share", "Note"],
    ["REQ-1", "**Bold** and *(example)* and a \\* star", "1 200 000 EUR", "45%", ""],
    ["REQ-2", "  leading and trailing  ", "-3.50 EUR", "", "a<br>break\tand tab"],
    ["REQ-3", '&amp; <kept> "quoted"', "12", "7.5%"],  # a short row
    ["REQ-4", "", "", "", "**all bold**"],
]
WIDTHS = [Pt(60), Pt(160.5), Pt(70), Pt(40), Pt(120)]


def _by_api(table: Table, rows: list[list[str]], widths: Sequence[Length]) -> None:
    """The rows as python-docx's API writes them (the writer before it wrote XML itself)."""
    for r, (row, values) in enumerate(zip(table.rows, rows, strict=False)):
        for c, (cell, value) in enumerate(zip(row.cells, values, strict=False)):
            cell.width = widths[c]
            paragraph = cell.paragraphs[0]
            for text, bold, italic in pieces(f"**{value}**" if r == 0 and value else value):
                run = paragraph.add_run(text)
                run.bold = bold
                if italic:
                    run.italic = True
            if r > 0 and c in (2, 3):  # the numeric columns
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            for run in paragraph.runs:
                run.font.size = Pt(TABLE_TEXT)
        properties = row._tr.get_or_add_trPr()
        etree.SubElement(properties, qn("w:cantSplit"))
        if r == 0:
            header = etree.SubElement(properties, qn("w:tblHeader"))
            header.set(qn("w:val"), "true")


def test_rows_written_as_xml_are_what_the_api_writes() -> None:
    document = docx.Document()
    expected = document.add_table(rows=len(ROWS), cols=5)
    _by_api(expected, ROWS, WIDTHS)
    written = document.add_table(rows=0, cols=5)
    write_rows(written, ROWS, WIDTHS)
    assert etree.tostring(written._tbl) == etree.tostring(expected._tbl)
    cells = [c.text for c in written.rows[2].cells]
    assert cells[1] == "  leading and trailing  " and cells[4] == "a\nbreak\tand tab"
    assert written.rows[3].cells[4].width != Pt(120)  # a short row's last cell: the default


def _rows_one_at_a_time(
    widths: list[float], lengths: list[list[float]], step: float
) -> tuple[float, list[float]]:
    """The line counts as the planner counted them before: the whole table per column."""

    def lines(at: list[float]) -> float:
        return sum(
            max(1.0, *(n / max(w - CELL_PADDING, 1.0) for n, w in zip(row, at, strict=True)))
            for row in lengths
        )

    wider = [
        lines([w + step if c == column else w for c, w in enumerate(widths)])
        for column in range(len(widths))
    ]
    return lines(widths), wider


sizes = st.floats(min_value=0, max_value=900, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=1, max_value=6).flatmap(
        lambda n: st.tuples(
            st.lists(st.floats(min_value=10, max_value=300), min_size=n, max_size=n),
            st.lists(st.lists(sizes, min_size=n, max_size=n), min_size=1, max_size=30),
            st.floats(min_value=1, max_value=20),
        )
    )
)
def test_line_counts_are_the_row_by_row_sums(
    case: tuple[list[float], list[list[float]], float],
) -> None:
    widths, lengths, step = case
    columns = [list(c) for c in zip(*lengths, strict=True)]
    assert _line_counts(widths, columns, step) == _rows_one_at_a_time(widths, lengths, step)
