"""The imports family: each format is a module of this package that registers one function
with `@importer(name, ...)` (archlex.registry, as every output family does).

An importer reads a file and returns an `ImportPlan`: the entities it found, each as the
fields the file gives (YAML-ready values), and notes on what it could not map. It never
writes; `archlex.imports.changes` turns the plan into file edits, checks the edited model
and writes only when asked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archlex.load import Project
from archlex.registry import Registry

# The kinds of entity a table can hold.
KINDS = ("systems", "organisations", "requirements", "flows")


@dataclass(frozen=True)
class ImportRequest:
    """What an importer reads: the file, the loaded model, the kind and the mapping file."""

    file: Path
    project: Project
    kind: str = "requirements"
    mapping: dict[str, Any] = field(default_factory=dict)
    max_rows: int = 20_000


@dataclass(frozen=True)
class EntityUpdate:
    """One entity as the file gives it: only the fields the file has a value for."""

    kind: str
    id: str
    fields: dict[str, Any]
    origin: str  # where in the file, for messages: "sheet Systems, row 4"
    children: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # e.g. components


@dataclass
class ImportPlan:
    """What an import found: entity updates, and notes on what it could not map."""

    updates: list[EntityUpdate] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # The language of the file's texts, where the file says it (None: the model's written
    # language); each text is merged into the model's in that language (imports.texts).
    language: str | None = None


Importer = Callable[[ImportRequest], ImportPlan]
IMPORTS: Registry[Importer] = Registry("import", "archlex.imports")


def importer(name: str, order: int, about: str) -> Callable[[Importer], Importer]:
    """Register the function that reads one format (`archlex import NAME FILE`)."""
    return IMPORTS.register(name, order, about)


def run_importer(name: str, request: ImportRequest) -> ImportPlan:
    """Read the request's file with the named importer."""
    return IMPORTS.get(name)(request)


def importer_names() -> list[str]:
    """Every registered import format, in order."""
    return IMPORTS.names()
