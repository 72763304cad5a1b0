"""matrix.xlsx: a coverage sheet and a sheet per regulation, byte-identical for the same model.

Every text is written with `write_string`, so nothing becomes a formula or a link; a text that
would read as a formula once edited also gets Excel's quote prefix (shown as text, the value
unchanged). The creation date is fixed (or SOURCE_DATE_EPOCH), and XlsxWriter dates the zip
entries 1980-01-01, so the file depends on the model alone.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Any

import xlsxwriter  # type: ignore[import-untyped]

from archlex.check.coverage import CoverageFigures, CoverageState
from archlex.i18n import N_, Translator, translator
from archlex.render.matrix.review import REVIEW_SHEET, write_review_sheet
from archlex.render.matrix.rows import (
    COLUMNS,
    STATE_COLUMN,
    STATE_MEANING,
    STATES,
    Matrix,
    RegulationPart,
    row_cells,
)
from archlex.toolkit.build_time import build_time
from archlex.toolkit.escape import starts_formula
from archlex.toolkit.labels import COVERAGE_STATES

# Fill and text colour per state: the same pairs as the HTML page.
STATE_COLOURS = {
    CoverageState.GAP: ("#FBE0E0", "#7A0C0C"),
    CoverageState.TRACED: ("#FFE6CC", "#6B3300"),
    CoverageState.ALLOCATED: ("#FFF4BF", "#574500"),
    CoverageState.SCHEDULED: ("#DBEAFE", "#0B3A75"),
    CoverageState.MET: ("#D7F2DF", "#0C4A2A"),
}
BASE = {"font_name": "Calibri", "font_size": 11, "valign": "top"}
TITLE = {"bold": True, "font_size": 14}
HEADER = {"bold": True, "bg_color": "#E8ECF0", "border": 1, "text_wrap": True}
CELL = {"border": 1, "border_color": "#C4C4C4", "text_wrap": True}
TOTAL = {"border": 1, "top": 2, "bold": True}
PERCENT = {"num_format": "0.0%"}
# The widest a column grows to (characters); longer text wraps.
WIDEST = {"Summary": 60, "Requirements": 60, "Work packages": 50, "Source": 60}
WIDEST_OTHER = 36
LINE_HEIGHT = 15  # points per line of Calibri 11, the default row height
FROZEN_COLUMNS = 3  # regulation, provision, obligation stay in view when scrolling right
A4 = 9
SUMMARY_HEADER = (N_("Regulation"), N_("Title"), N_("Applicable"))
SUMMARY_FIGURES = (N_("Traced"), N_("Met"))


def write_matrix_xlsx(matrix: Matrix, path: Path) -> None:
    """Write the workbook to `path`."""
    options = {"strings_to_formulas": False, "strings_to_urls": False, "in_memory": True}
    workbook = xlsxwriter.Workbook(str(path), options)
    tr = translator(matrix.language)
    title = tr.gettext("Traceability matrix: {name}").format(name=matrix.name)
    workbook.set_properties({"title": title, "created": build_time(), "author": "archlex"})
    formats = _Formats(workbook)
    coverage = tr.gettext("Coverage")
    _write_summary(workbook.add_worksheet(coverage), formats, matrix, tr)
    names = {coverage, REVIEW_SHEET}
    for part in matrix.regulations:
        sheet = workbook.add_worksheet(_sheet_name(part.id, names))
        _write_regulation(sheet, formats, part, tr)
    write_review_sheet(workbook, matrix)
    workbook.close()


class _Formats:
    """The workbook's cell formats, each added once however often it is asked for."""

    def __init__(self, workbook: Any) -> None:
        self._workbook = workbook
        self._cache: dict[tuple[tuple[str, Any], ...], Any] = {}

    def get(self, *presets: dict[str, Any], **properties: Any) -> Any:
        """The format with these presets and properties merged over the base."""
        merged = {**BASE, **{k: v for p in presets for k, v in p.items()}, **properties}
        key = tuple(sorted(merged.items()))
        if key not in self._cache:
            self._cache[key] = self._workbook.add_format(merged)
        return self._cache[key]


def _text(
    sheet: Any, formats: _Formats, row: int, column: int, text: str, *presets: dict[str, Any]
) -> None:
    """Write a text as a string, quote-prefixed when a spreadsheet would read a formula."""
    quoted = starts_formula(text)
    sheet.write_string(row, column, text, formats.get(*presets, quote_prefix=quoted))


def _state_format(state: CoverageState) -> dict[str, Any]:
    fill, ink = STATE_COLOURS[state]
    return {"bg_color": fill, "font_color": ink, "bold": True}


def _write_summary(sheet: Any, formats: _Formats, matrix: Matrix, tr: Translator) -> None:
    title = tr.gettext("Traceability matrix: {name}").format(name=matrix.name)
    _text(sheet, formats, 0, 0, title, TITLE)
    intro = tr.gettext("Applicable obligations by coverage state, as `check` computed")
    _text(sheet, formats, 1, 0, intro)
    header = [tr.gettext(h) for h in SUMMARY_HEADER]
    header += [tr.label(COVERAGE_STATES, s) for s in STATES]
    header += [tr.gettext(h) for h in SUMMARY_FIGURES]
    for column, heading in enumerate(header):
        _text(sheet, formats, 3, column, heading, HEADER)
    row = 4
    for part in matrix.regulations:
        _write_figures(sheet, formats, row, (part.id, part.title), part.figures, CELL)
        row += 1
    overall = (tr.gettext("Overall"), "")
    _write_figures(sheet, formats, row, overall, matrix.overall, CELL, TOTAL)
    row += 2
    _text(sheet, formats, row, 0, tr.gettext("State"), HEADER)
    _text(sheet, formats, row, 1, tr.gettext("Meaning"), HEADER)
    for offset, state in enumerate(STATES, start=1):
        label = tr.label(COVERAGE_STATES, state)
        _text(sheet, formats, row + offset, 0, label, CELL, _state_format(state))
        _text(sheet, formats, row + offset, 1, tr.gettext(STATE_MEANING[state]), CELL)
    titles = [len(p.title) for p in matrix.regulations]
    sheet.set_column(0, 0, 14)
    sheet.set_column(1, 1, min(max([20, *titles]) + 2, 70))
    sheet.set_column(2, len(header) - 1, 11)
    sheet.set_landscape()
    sheet.set_paper(A4)
    sheet.fit_to_pages(1, 0)


def _write_figures(
    sheet: Any,
    formats: _Formats,
    row: int,
    labels: tuple[str, str],
    figures: CoverageFigures,
    *presets: dict[str, Any],
) -> None:
    _text(sheet, formats, row, 0, labels[0], *presets)
    _text(sheet, formats, row, 1, labels[1], *presets)
    counts = [figures.applicable, *(figures.states[s.value] for s in STATES)]
    for column, count in enumerate(counts, start=2):
        sheet.write_number(row, column, count, formats.get(*presets))
    shares = (figures.percent / 100, figures.met_percent / 100)
    for column, share in enumerate(shares, start=2 + len(counts)):
        sheet.write_number(row, column, share, formats.get(*presets, PERCENT))


def _write_regulation(sheet: Any, formats: _Formats, part: RegulationPart, tr: Translator) -> None:
    headings = [tr.gettext(heading) for heading in COLUMNS]
    for column, heading in enumerate(headings):
        _text(sheet, formats, 0, column, heading, HEADER)
    table = [row_cells(row, tr) for row in part.rows]
    widths = [
        _width(headings[column], [cells[column] for cells in table], WIDEST.get(key, WIDEST_OTHER))
        for column, key in enumerate(COLUMNS)
    ]
    for index, cells in enumerate(table, start=1):
        for column, text in enumerate(cells):
            state = _state_format(part.rows[index - 1].state) if column == STATE_COLUMN else {}
            _text(sheet, formats, index, column, text, CELL, state)
        # Neither Excel nor LibreOffice grows a row for wrapped text on opening: set it.
        lines = max(_wrapped_lines(text, width) for text, width in zip(cells, widths, strict=True))
        sheet.set_row(index, LINE_HEIGHT * lines)
    for column, width in enumerate(widths):
        sheet.set_column(column, column, width)
    sheet.freeze_panes(1, FROZEN_COLUMNS)
    sheet.autofilter(0, 0, len(table), len(COLUMNS) - 1)
    sheet.set_landscape()
    sheet.set_paper(A4)
    sheet.repeat_rows(0)
    sheet.fit_to_pages(1, 0)


def _width(heading: str, texts: list[str], widest: int) -> int:
    """Characters for the longest line in the column (header included), within limits."""
    longest = max(len(line) for text in [heading, *texts] for line in text.split("\n"))
    return max(8, min(longest + 2, widest))


def _wrapped_lines(text: str, width: int) -> int:
    """How many lines a text takes in a column of `width` characters, wrapped at spaces."""
    return sum(max(1, len(textwrap.wrap(line, max(1, width - 1)))) for line in text.split("\n"))


def _sheet_name(regulation: str, taken: set[str]) -> str:
    """A sheet name from a regulation id: no `/` or other forbidden character, 31 at most."""
    base = re.sub(r"[\[\]:*?/\\]", "-", regulation).strip("'")[:31] or "Regulation"
    name, number = base, 2
    while name.casefold() in {t.casefold() for t in taken}:
        suffix = f" ({number})"
        name, number = base[: 31 - len(suffix)] + suffix, number + 1
    taken.add(name)
    return name
