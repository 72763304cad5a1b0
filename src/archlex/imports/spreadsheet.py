"""`archlex import xlsx|csv FILE --kind KIND`: an inventory sheet as entities.

A row is an entity, a column a field (default: the field's name as the header; a mapping
file renames). For systems, a workbook's `Components` sheet (a `system` column naming the
system, then the component's id, name, description) adds each system's components.
"""

from __future__ import annotations

from typing import Any

from archlex.errors import ArchlexError
from archlex.imports.registry import EntityUpdate, ImportPlan, ImportRequest, importer
from archlex.imports.rows import (
    Table,
    cell_text,
    column_fields,
    field_value,
    raise_errors,
    table_updates,
)
from archlex.imports.tables import csv_table, find_sheet, open_workbook, sheet_table

COMPONENTS_SHEET = "Components"


@importer("xlsx", 20, "Entities from an XLSX sheet, a row an entity.")
def import_xlsx(request: ImportRequest) -> ImportPlan:
    """The rows of the kind's sheet (and, for systems, of the Components sheet)."""
    workbook = open_workbook(request.file, request.max_rows)
    try:
        wanted = request.mapping.get("sheet")
        sheet = find_sheet(workbook, wanted, request.kind, request.file)
        plan = table_updates(
            sheet_table(workbook, sheet, request.file, request.max_rows), request.kind, request
        )
        components = request.mapping.get("components_sheet", COMPONENTS_SHEET)
        if request.kind == "systems" and components in workbook.sheetnames:
            table = sheet_table(workbook, components, request.file, request.max_rows)
            plan = _with_components(plan, table, request)
    finally:
        workbook.close()
    return plan


@importer("csv", 30, "Entities from a CSV file, a row an entity.")
def import_csv(request: ImportRequest) -> ImportPlan:
    """The rows of a CSV file."""
    return table_updates(csv_table(request.file, request.max_rows), request.kind, request)


def _with_components(plan: ImportPlan, table: Table, request: ImportRequest) -> ImportPlan:
    """Each system's update with the components the Components sheet gives it."""
    system_column = _system_column(table)
    rest = Table(
        table.name,
        [h if i != system_column else "" for i, h in enumerate(table.header)],
        table.rows,
    )
    fields, unknown = column_fields(rest, "components", {})
    by_system: dict[str, list[dict[str, Any]]] = {}
    errors = []
    systems = {u.id for u in plan.updates}
    for number, cells in table.rows:
        system = cell_text(cells[system_column]) if system_column < len(cells) else ""
        values = {
            fields[i]: field_value(fields[i], cell_text(c))
            for i, c in enumerate(cells)
            if i in fields
        }
        values = {k: v for k, v in values.items() if v not in ("", [])}
        if not values and not system:
            continue
        if system not in systems:
            errors.append(
                f"{table.name}, row {number}: system `{system}` is not on the systems sheet"
            )
            continue
        by_system.setdefault(system, []).append(values)
    raise_errors(errors)
    updates = [
        EntityUpdate(u.kind, u.id, u.fields, u.origin, {"components": by_system[u.id]})
        if u.id in by_system
        else u
        for u in plan.updates
    ]
    return ImportPlan(updates, plan.notes + unknown)


def _system_column(table: Table) -> int:
    for index, header in enumerate(table.header):
        if header.strip().casefold() == "system":
            return index
    raise ArchlexError(f"{table.name}: no `system` column naming each component's system")
