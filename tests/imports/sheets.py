"""Workbooks and CSV files for the import tests, written with openpyxl and csv."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl

from archlex.model import System

SYSTEM_COLUMNS = (
    "id",
    "name",
    "kind",
    "owner",
    "operator",
    "status",
    "zone",
    "description",
    "tags",
)
COMPONENT_COLUMNS = ("system", "id", "name", "description", "tags")


def write_xlsx(path: Path, sheets: dict[str, Sequence[Sequence[Any]]]) -> Path:
    """A workbook with these sheets (first row the header); text cells stay text."""
    workbook = openpyxl.Workbook()
    for default in list(workbook.worksheets):
        workbook.remove(default)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    workbook.save(path)
    return path


def write_csv(path: Path, rows: Sequence[Sequence[Any]]) -> Path:
    """A CSV file (UTF-8 with a BOM, as Excel saves it)."""
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        csv.writer(stream, lineterminator="\n").writerows(rows)
    return path


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return "" if value is None else str(value)


def systems_workbook(path: Path, systems: list[System]) -> Path:
    """The systems as an architect's inventory: a Systems sheet and a Components sheet."""
    rows = [SYSTEM_COLUMNS]
    components = [COMPONENT_COLUMNS]
    for system in systems:
        data = system.model_dump(mode="json")
        rows.append(tuple(_cell(data[c]) for c in SYSTEM_COLUMNS))
        for part in system.components:
            part_data = part.model_dump(mode="json")
            components.append((system.id, *(_cell(part_data[c]) for c in COMPONENT_COLUMNS[1:])))
    return write_xlsx(path, {"Systems": rows, "Components": components})
