"""A writable copy of the worked example for every import test, and helpers to run imports."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from archlex.api import load
from archlex.imports import ImportPlan, ImportRequest
from archlex.imports.changes import FileEdit, prepare_import, write_edits
from archlex.load import Project
from tests.conftest import EXAMPLE


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """The worked example's model folder, copied where a test may change it."""
    root = tmp_path / "model"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("eu"))
    return root


def run_import(
    name: str,
    file: Path,
    root: Path,
    kind: str = "requirements",
    mapping: dict[str, Any] | None = None,
    into: str | None = None,
    write: bool = False,
) -> tuple[Project, ImportPlan, list[FileEdit]]:
    """Run an import as the CLI does: read, plan, check; write only with `write`."""
    project = load(root, root)
    prepared = prepare_import(name, ImportRequest(file, project, kind, mapping or {}), into)
    if write:
        write_edits(project, prepared.edits)
    return project, prepared.plan, prepared.edits


def model_files(root: Path) -> dict[str, bytes]:
    """Every file of a model folder by relative path, to show that nothing was written."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }
