"""The Review sheet of matrix.xlsx: a row per requirement in the matrix, with two marked
columns a reviewer fills in (a new status, a comment) and `archlex import review` reads back.
"""

from __future__ import annotations

import textwrap
from typing import Any

from archlex.model.requirement import RequirementStatus
from archlex.render.matrix.rows import Item, Matrix
from archlex.toolkit.escape import starts_formula

REVIEW_SHEET = "Review"
REQUIREMENT_COLUMN = "Requirement"
STATUS_COLUMN = "Review: status"
COMMENT_COLUMN = "Review: comment"
COLUMNS = ("Requirement", "Title", "Status", "Obligations", STATUS_COLUMN, COMMENT_COLUMN)
WIDTHS = (16, 60, 12, 40, 16, 60)
INSTRUCTION = (
    "Fill in the two yellow columns: a new status (proposed, agreed, implemented, verified) "
    "and a comment. `archlex import review matrix.xlsx` shows the changes, --write applies them."
)
HEADER = {"bold": True, "bg_color": "#E8ECF0", "border": 1, "text_wrap": True}
MARKED = {"bold": True, "bg_color": "#FFE699", "border": 2, "text_wrap": True}
CELL = {"border": 1, "border_color": "#C4C4C4", "text_wrap": True, "valign": "top"}
INPUT = {**CELL, "bg_color": "#FFF9E0"}
FIRST_ROW = 2  # row 0 is the instruction, row 1 the header
LINE_HEIGHT = 15  # points per line of the default font


def review_rows(matrix: Matrix) -> list[tuple[Item, list[str]]]:
    """Each requirement the matrix names, once, with the obligations it traces."""
    found: dict[str, tuple[Item, list[str]]] = {}
    for row in matrix.rows:
        for item in row.requirements:
            found.setdefault(item.id, (item, []))[1].append(row.obligation)
    return list(found.values())


def write_review_sheet(workbook: Any, matrix: Matrix) -> None:
    """Add the Review sheet to the workbook."""
    sheet = workbook.add_worksheet(REVIEW_SHEET)
    formats = {name: workbook.add_format(f) for name, f in _FORMATS.items()}
    sheet.write_string(0, 0, INSTRUCTION)
    for column, heading in enumerate(COLUMNS):
        marked = heading in (STATUS_COLUMN, COMMENT_COLUMN)
        sheet.write_string(1, column, heading, formats["marked" if marked else "header"])
    rows = review_rows(matrix)
    for index, (item, obligations) in enumerate(rows, start=FIRST_ROW):
        cells = (item.id, item.label, item.note, ", ".join(obligations))
        for column, text in enumerate(cells):
            style = "quoted" if starts_formula(text) else "cell"
            sheet.write_string(index, column, text, formats[style])
        # Neither Excel nor LibreOffice grows a row for wrapped text on opening: set it.
        lines = max(_lines(text, width) for text, width in zip(cells, WIDTHS, strict=False))
        sheet.set_row(index, LINE_HEIGHT * lines)
        sheet.write_blank(index, len(cells), None, formats["input"])
        sheet.write_blank(index, len(cells) + 1, None, formats["input"])
    last = FIRST_ROW + max(len(rows), 1) - 1
    statuses = [s.value for s in RequirementStatus]
    sheet.data_validation(FIRST_ROW, 4, last, 4, {"validate": "list", "source": statuses})
    for column, width in enumerate(WIDTHS):
        sheet.set_column(column, column, width)
    sheet.freeze_panes(FIRST_ROW, 1)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)


def _lines(text: str, width: int) -> int:
    """How many lines a text takes in a column of `width` characters, wrapped at spaces."""
    return sum(max(1, len(textwrap.wrap(line, max(1, width - 2)))) for line in text.split("\n"))


_FORMATS = {
    "header": HEADER,
    "marked": MARKED,
    "cell": CELL,
    "quoted": {**CELL, "quote_prefix": True},
    "input": INPUT,
}
