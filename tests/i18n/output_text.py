"""The text a reader sees in each kind of output file: no markup, no code, no style."""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser
from pathlib import Path

from docx import Document
from openpyxl import load_workbook

# Attributes whose values a reader (or a screen reader) sees.
_SHOWN = {"aria-label", "title", "placeholder", "alt", "data-text"}


class _Text(HTMLParser):
    """Text nodes outside script and style, and the shown attributes; with `diagrams=False`,
    not the site's embedded diagrams (their figures, and the images that link to them)."""

    def __init__(self, diagrams: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._skipped = {"script", "style"} | (set() if diagrams else {"figure"})
        self._diagrams = diagrams

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag in self._skipped - {"figure"} or (
            tag in self._skipped and "archlex-diagram" in (named.get("class") or "")
        ):
            self._skip += 1
        if not self._diagrams and tag == "img" and "diagrams/" in (named.get("src") or ""):
            return
        if not self._skip:
            self.parts += [value for name, value in attrs if name in _SHOWN and value]

    def handle_endtag(self, tag: str) -> None:
        if tag in self._skipped and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def markup_text(path: Path, diagrams: bool = True) -> str:
    """The shown text of an HTML or SVG file (`diagrams=False`: but the embedded diagrams)."""
    parser = _Text(diagrams)
    parser.feed(path.read_text(encoding="utf-8"))
    return "\n".join(parser.parts)


def docx_text(path: Path) -> str:
    """Every paragraph and table cell of a DOCX."""
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join(parts)


def xlsx_text(path: Path, skip: frozenset[str] = frozenset()) -> str:
    """Every sheet name and cell of a workbook, but for the sheets named in `skip`."""
    book = load_workbook(str(path), read_only=True)
    parts = [name for name in book.sheetnames if name not in skip]
    for sheet in book.worksheets:
        if sheet.title in skip:
            continue
        parts += [str(v) for row in sheet.iter_rows(values_only=True) for v in row if v is not None]
    return "\n".join(parts)


def csv_text(path: Path) -> str:
    """Every cell of a CSV."""
    rows = csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")))
    return "\n".join(cell for row in rows for cell in row)


def shown_text(path: Path) -> str:
    """The reader's text of any output archlex writes."""
    readers = {
        ".html": markup_text,
        ".svg": markup_text,
        ".docx": docx_text,
        ".xlsx": xlsx_text,
        ".csv": csv_text,
    }
    reader = readers.get(path.suffix)
    return reader(path) if reader else path.read_text(encoding="utf-8")
