"""`archlex import review matrix.xlsx`: the statuses a reviewer set in the matrix's Review
sheet, as requirement updates; the comments are shown with the diff (the model has no field
for them)."""

from __future__ import annotations

from typing import Any

from archlex.errors import ArchlexError
from archlex.imports.registry import EntityUpdate, ImportPlan, ImportRequest, importer
from archlex.imports.rows import Table, cell_text, column_letter, raise_errors
from archlex.imports.tables import open_workbook, sheet_table
from archlex.model import Requirement
from archlex.model.requirement import RequirementStatus
from archlex.render.matrix.review import (
    COMMENT_COLUMN,
    FIRST_ROW,
    REQUIREMENT_COLUMN,
    REVIEW_SHEET,
    STATUS_COLUMN,
)

STATUSES = tuple(s.value for s in RequirementStatus)


@importer("review", 40, "Status updates from the Review sheet of matrix.xlsx.")
def import_review(request: ImportRequest) -> ImportPlan:
    """A status update per row whose `Review: status` is filled in."""
    workbook = open_workbook(request.file, request.max_rows + 1)
    try:
        if REVIEW_SHEET not in workbook.sheetnames:
            raise ArchlexError(
                f"{request.file}: no {REVIEW_SHEET!r} sheet; is it archlex's matrix.xlsx?",
                "render the matrix again (`archlex render matrix`) and review that file",
            )
        # The header is on the second row: skip the instruction above it.
        table = sheet_table(workbook, REVIEW_SHEET, request.file, request.max_rows + 1)
    finally:
        workbook.close()
    return review_plan(_below_instruction(table), request)


def _below_instruction(table: Table) -> Table:
    if not table.rows:
        return table
    header = [cell_text(c) for c in table.rows[0][1]]
    return Table(table.name, header, table.rows[1:])


def review_plan(table: Table, request: ImportRequest) -> ImportPlan:
    """Status updates and comments from the Review sheet's rows."""
    columns = {
        name: _column(table, name) for name in (REQUIREMENT_COLUMN, STATUS_COLUMN, COMMENT_COLUMN)
    }
    plan, errors = ImportPlan(), list[str]()
    for number, cells in table.rows:
        cell = _cells(cells, columns)
        requirement, status, comment = (
            cell[REQUIREMENT_COLUMN],
            cell[STATUS_COLUMN],
            cell[COMMENT_COLUMN],
        )
        where = f"{table.name}, row {number}"
        if not requirement or not (status or comment):
            continue
        if not isinstance(request.project.model.get(requirement), Requirement):
            errors.append(f"{where}: `{requirement}` is not a requirement of the model")
            continue
        if comment:
            plan.notes.append(f"{where}: comment on {requirement}: {comment}")
        if not status:
            continue
        if status.lower() not in STATUSES:
            letter = column_letter(columns[STATUS_COLUMN])
            errors.append(
                f"{where}, column {letter} ({STATUS_COLUMN}): {status!r} is not one of "
                + ", ".join(STATUSES)
            )
            continue
        fields = {"id": requirement, "status": status.lower()}
        plan.updates.append(
            EntityUpdate("requirements", requirement, fields, f"{where} ({requirement})")
        )
    raise_errors(errors)
    return plan


def _column(table: Table, name: str) -> int:
    for index, header in enumerate(table.header):
        if header.strip().casefold() == name.casefold():
            return index
    raise ArchlexError(
        f"{table.name}: no {name!r} column (row {FIRST_ROW}); is it archlex's matrix.xlsx?",
        "keep the Review sheet's header row as archlex wrote it",
    )


def _cells(cells: list[Any], columns: dict[str, int]) -> dict[str, str]:
    return {name: cell_text(cells[i]) if i < len(cells) else "" for name, i in columns.items()}
