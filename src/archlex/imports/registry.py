"""The registry of imports: each format registers one function with `@importer(name)`.

An importer reads a file and returns an `ImportPlan`: the entities it found, each as the
fields the file gives (YAML-ready values), and notes on what it could not map. It never
writes; `archlex.imports.changes` turns the plan into file edits, checks the edited model
and writes only when asked.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archlex.load import Project

# The importable kinds of entity and the modules that read each format.
KINDS = ("systems", "organisations", "requirements", "flows")
FORMAT_MODULES = ("reqif", "spreadsheet", "review")


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


Importer = Callable[[ImportRequest], ImportPlan]
IMPORTERS: dict[str, Importer] = {}


def importer(name: str) -> Callable[[Importer], Importer]:
    """Register the function that reads one format (`archlex import NAME FILE`)."""

    def register(function: Importer) -> Importer:
        IMPORTERS[name] = function
        return function

    return register


def run_importer(name: str, request: ImportRequest) -> ImportPlan:
    """Read the request's file with the named importer."""
    _load_all()
    return IMPORTERS[name](request)


def importer_names() -> list[str]:
    """Every registered import format."""
    _load_all()
    return sorted(IMPORTERS)


def _load_all() -> None:
    # Importing a format module registers it; a new format is added to FORMAT_MODULES.
    for module in FORMAT_MODULES:
        importlib.import_module(f"archlex.imports.{module}")
