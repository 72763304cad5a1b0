"""A DOCX from the concept's Markdown: real headings, tables, lists and images, byte-stable.

Only the Markdown that the concept templates write is understood: `#` headings, paragraphs,
`- ` lists, `![alt](path)` images on their own line, pipe tables and `**bold**`.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
import zipfile
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Length, Pt
from docx.table import _Row
from docx.text.paragraph import Paragraph

# python-docx stamps the save time into the archive; a fixed date keeps the file byte-stable.
FIXED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
_IMAGE = re.compile(r"^!\[(?P<alt>[^\]]*)\]\((?P<path>[^)]+)\)$")
_HEADING = re.compile(r"^(?P<marks>#{1,4}) (?P<text>.*)$")
_ESCAPED = re.compile(r"\\(.)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
TEXT_WIDTH = Cm(16)


def markdown_to_docx(text: str, base: Path, target: Path) -> None:
    """Write `target` from Markdown whose image paths are relative to `base`."""
    document = Document()
    _set_up(document)
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("|"):
            block = []
            while index < len(lines) and lines[index].startswith("|"):
                block.append(lines[index])
                index += 1
            _table(document, block)
            continue
        _line(document, line, base)
        index += 1
    document.save(str(target))
    _normalise_archive(target)


def _set_up(document: DocxDocument) -> None:
    properties = document.core_properties
    properties.created = properties.modified = properties.last_printed = FIXED_TIME.replace(
        tzinfo=None
    )
    properties.author = properties.last_modified_by = "archlex"
    properties.revision = 1
    style = document.styles["Normal"]
    style.font.name = "DejaVu Sans"
    style.font.size = Pt(10)


def _line(document: DocxDocument, line: str, base: Path) -> None:
    stripped = line.strip()
    if not stripped:
        return
    heading = _HEADING.match(stripped)
    image = _IMAGE.match(stripped)
    if heading:
        document.add_heading(plain(heading["text"]), level=max(0, len(heading["marks"]) - 1))
    elif image:
        path = (base / image["path"]).resolve()
        if path.is_file():
            document.add_picture(str(path), width=TEXT_WIDTH)
            document.add_paragraph(plain(image["alt"]), style="Caption")
    elif stripped.startswith("- "):
        _runs(document.add_paragraph(style="List Bullet"), stripped[2:])
    elif stripped.startswith("*") and stripped.endswith("*") and not stripped.startswith("**"):
        document.add_paragraph().add_run(plain(stripped[1:-1])).italic = True
    else:
        _runs(document.add_paragraph(), stripped)


def _runs(paragraph: Paragraph, text: str) -> None:
    """Add text with its `**bold**` parts as bold runs."""
    for index, part in enumerate(_BOLD.split(text)):
        if part:
            paragraph.add_run(plain(part)).bold = index % 2 == 1


def _table(document: DocxDocument, block: list[str]) -> None:
    rows = [_cells(line) for line in block if not re.fullmatch(r"\|(\s*-+\s*\|)+", line)]
    if not rows:
        return
    width = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    table.autofit = False
    widths = _column_widths(rows, width)
    for column, column_width in zip(table.columns, widths, strict=True):
        column.width = column_width  # the grid, which LibreOffice follows; Word reads cells
    # Row by row: python-docx's table.cell(r, c) walks the whole table on every call.
    for r, (row, values) in enumerate(zip(table.rows, rows, strict=False)):
        for cell, value, cell_width in zip(row.cells, values, widths, strict=False):
            cell.width = cell_width
            _runs(cell.paragraphs[0], f"**{value}**" if r == 0 and value else value)
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(8)
    _repeat_header(table.rows[0])


def _column_widths(rows: list[list[str]], count: int) -> list[Length]:
    """Widths in proportion to each column's longest text (so summaries get the room), but
    never narrower than its longest word (so no word breaks in the middle)."""
    weights = []
    for column in range(count):
        texts = [plain(row[column]) for row in rows if column < len(row)]
        longest_word = max((len(w) for t in texts for w in t.split()), default=1)
        longest_text = max((len(t) for t in texts), default=1)
        # Cell padding costs a few characters' width, and the bold header is wider than text.
        weights.append(5 + max(math.ceil(longest_word * 1.2), min(50, longest_text)))
    total = sum(weights)
    return [Emu(int(TEXT_WIDTH * weight / total)) for weight in weights]


def _repeat_header(row: _Row) -> None:
    """Mark the first row as a header that Word repeats on every page the table spans."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _cells(line: str) -> list[str]:
    """The cells of a pipe-table row; `\\|` inside a cell is text, not a border."""
    cells, current, escaped = [], "", False
    for char in line.strip()[1:]:
        if escaped:
            current += "\\" + char
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            cells.append(current.strip())
            current = ""
        else:
            current += char
    return cells


def plain(text: str) -> str:
    """Markdown-escaped text as a reader should see it: no backslashes, no entities, and
    `<br>` (a line break inside a table cell) as a real line break."""
    return html.unescape(_ESCAPED.sub(r"\1", text.replace("<br>", "\n")))


def _normalise_archive(path: Path) -> None:
    """Rewrite the DOCX with a fixed date on every entry, in the same order."""
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, data)
