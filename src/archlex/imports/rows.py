"""Rows of a table (a sheet or a CSV file) as entity updates, each checked as the loader
checks YAML: the entity the row makes must validate, and an error names the table, the row
and the column."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from archlex.errors import ArchlexError
from archlex.imports.registry import EntityUpdate, ImportPlan, ImportRequest
from archlex.model import Flow, Organisation, Requirement, System
from archlex.model.core import ValidationError
from archlex.model.record import Record

MODEL_CLASSES: dict[str, type[Record]] = {
    "systems": System,
    "organisations": Organisation,
    "requirements": Requirement,
    "flows": Flow,
}
# The fields a column can fill, per kind; lists are written one item a line or `,`/`;` apart.
COMMON = ("id", "name", "description", "tags")
FIELDS = {
    "systems": (*COMMON, "kind", "owner", "operator", "status", "zone"),
    "organisations": (*COMMON, "kind", "roles"),
    "requirements": (
        *COMMON, "title", "text", "type", "priority", "satisfies", "allocated_to", "status",
    ),
    "flows": (*COMMON, "from", "to", "via", "data", "purpose", "legal_basis", "sync", "process"),
    "components": COMMON,
}  # fmt: skip
ENUM_FIELDS = frozenset(("kind", "status", "type", "priority", "sync"))
LIST_FIELDS = frozenset(("tags", "roles", "satisfies", "allocated_to", "data", "legal_basis"))
# Headers that name a field in other words (compared case-, space- and dash-insensitively).
ALIASES = {"identifier": "id", "allocation": "allocated_to", "legal basis": "legal_basis"}
MAX_ERRORS_SHOWN = 50
Locator = Callable[[str], str]  # field -> where it came from, for messages
_SEPARATORS = re.compile(r"[\n;,]")


@dataclass(frozen=True)
class Table:
    """A table as read: its name for messages, its header and its rows with their numbers."""

    name: str  # "sheet Systems" or "systems.csv"
    header: list[str]
    rows: list[tuple[int, list[Any]]]  # (the row number a spreadsheet shows, the cells)


def column_letter(index: int) -> str:
    """A spreadsheet's name for the column at `index` (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _normal(header: str) -> str:
    return re.sub(r"[\s_-]+", " ", str(header)).strip().casefold()


def column_fields(
    table: Table, kind: str, columns: dict[str, Any]
) -> tuple[dict[int, str], list[str]]:
    """Column index -> field, from the mapping file's `columns` or the default names, and
    the columns that map to no field (reported, never silently dropped)."""
    mapped = {_normal(k): v for k, v in columns.items()}
    known = {_normal(f): f for f in FIELDS[kind]} | ALIASES
    fields: dict[int, str] = {}
    unknown: list[str] = []
    for index, header in enumerate(table.header):
        key = _normal(header)
        if not key:
            continue
        field = mapped[key] if key in mapped else known.get(key)
        if field is None and key in mapped:
            continue  # the mapping file says to ignore this column
        if field is None or field not in FIELDS[kind]:
            unknown.append(
                f"{table.name}: column {column_letter(index)} ({header}) maps to no field"
            )
            continue
        fields[index] = field
    if "id" not in fields.values():
        raise ArchlexError(
            f"{table.name}: no column holds the id (headers: {', '.join(map(str, table.header))})",
            "name a column `id`, or map one to `id` in a mapping file",
        )
    return fields, unknown


def cell_text(value: Any) -> str:
    """A cell as the text a YAML author would have typed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def field_value(field: str, text: str) -> Any:
    """The YAML value of a cell's text for a field (an enumeration's value in lower case:
    `Must` in a sheet is `must`)."""
    if field in ENUM_FIELDS:
        return text.strip().lower()
    if field in LIST_FIELDS:
        return [item.strip() for item in _SEPARATORS.split(text) if item.strip()]
    return text


def table_updates(table: Table, kind: str, request: ImportRequest) -> ImportPlan:
    """Every row of the table as an entity update; ArchlexError listing every bad cell."""
    fields, unknown = column_fields(table, kind, request.mapping.get("columns", {}))
    plan, errors = ImportPlan(notes=unknown), list[str]()
    seen: dict[str, int] = {}
    for number, cells in table.rows:
        values = {
            fields[i]: field_value(fields[i], cell_text(c))
            for i, c in enumerate(cells)
            if i in fields
        }
        values = {k: v for k, v in values.items() if v not in ("", [])}
        if not values:
            continue  # an empty row
        where = f"{table.name}, row {number}"
        entity_id = values.get("id")
        if not entity_id:
            errors.append(f"{where}: no id (column {_letter_of(fields, 'id')})")
            continue
        if entity_id in seen:
            errors.append(f"{where}: id `{entity_id}` already on row {seen[entity_id]}")
            continue
        seen[entity_id] = number
        errors += row_errors(kind, values, request, where, column_locator(fields, table.header))
        plan.updates.append(EntityUpdate(kind, entity_id, values, f"{where} ({entity_id})"))
    raise_errors(errors)
    return plan


def row_errors(
    kind: str, values: dict[str, Any], request: ImportRequest, where: str, locate: Locator
) -> list[str]:
    """What the model's schema finds wrong with the entity a row makes (merged over the
    entity the model already has), each naming the row and where the field came from."""
    current = request.project.model.get(values["id"])
    base = current.model_dump(mode="json", by_alias=True, exclude_defaults=True) if current else {}
    try:
        MODEL_CLASSES[kind].model_validate({**base, **values})
    except ValidationError as error:
        found = []
        for problem in error.errors():
            field = str(problem["loc"][0]) if problem["loc"] else ""
            found.append(
                f"{where}, {locate({'from_': 'from'}.get(field, field))}: {problem['msg']}"
            )
        return found
    return []


def column_locator(fields: dict[int, str], header: list[str]) -> Locator:
    """Names the column a field came from: `column C (Kind)`."""

    def locate(field: str) -> str:
        index = next((i for i, f in fields.items() if f == field), None)
        return (
            f"column {column_letter(index)} ({header[index]})"
            if index is not None
            else f"`{field}`"
        )

    return locate


def _letter_of(fields: dict[int, str], field: str) -> str:
    return next((column_letter(i) for i, f in fields.items() if f == field), "?")


def raise_errors(errors: list[str]) -> None:
    """Raise one ArchlexError listing the errors (the first 50), if there are any."""
    if errors:
        more = len(errors) - MAX_ERRORS_SHOWN
        shown = errors[:MAX_ERRORS_SHOWN] + ([f"... and {more} more"] if more > 0 else [])
        raise ArchlexError(
            f"{len(errors)} problem(s) in the file; nothing was written:\n  " + "\n  ".join(shown),
            "correct the cells named (or the mapping file) and import again",
        )
