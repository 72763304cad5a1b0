"""The bundled library kept as loaded (archlex.load.compiled_library): `--no-cache` reads it
without YAML or validation when its files are unchanged, and gets the same model, positions,
findings and reports as a load that reads it."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest

from archlex.api import check_model
from archlex.formats.registry import format_names, write_report
from archlex.load import Project, load_project
from archlex.load import project as loader
from archlex.load.cache import ValidatorsOnly
from archlex.load.libraries import library_manifest
from tests.conftest import REPO

MODEL = REPO / "model"
DAY = dt.date(2026, 6, 1)


def _read_files(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the loader reads from their text from now on (parsed or fast-read)."""
    read: list[str] = []
    load_file, parse = loader._Loader._load_file, loader._Loader._parse

    def loading(self: Any, raw: bytes, display: str, *fast_data: Any) -> None:
        read.append(display)
        load_file(self, raw, display, *fast_data)

    def parsing(self: Any, raw: bytes, display: str) -> Any:
        read.append(display)
        return parse(self, raw, display)

    monkeypatch.setattr(loader._Loader, "_load_file", loading)
    monkeypatch.setattr(loader._Loader, "_parse", parsing)
    return read


def _library_view(project: Project) -> list[tuple[object, ...]]:
    """Every library entity with its data and where it is written."""
    return [
        (located.file, located.at(), entity.id, entity.model_dump(mode="json"))
        for entity, located in project.sources.placed
        if located.file.startswith("[eu]/")
    ]


def test_no_cache_reads_the_unchanged_library_from_its_compiled_form(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = load_project(MODEL, REPO)  # no cache folder at all: every file read
    load_project(MODEL, REPO, ValidatorsOnly(tmp_path))  # reads it, and keeps it
    assert list((tmp_path / "libraries").rglob("*"))
    read = _read_files(monkeypatch)
    compiled = load_project(MODEL, REPO, ValidatorsOnly(tmp_path))
    assert read and not [name for name in read if name.startswith("[eu]")]
    assert any(name.startswith("flows/") for name in read)  # the model itself is read anew
    # Each library entity's own position was kept: no library file is parsed to place one.
    kept = [located for _, located in compiled.sources.placed if located.file.startswith("[")]
    assert kept and not [located for located in kept if located.pending()]
    assert _library_view(compiled) == _library_view(plain) != []
    assert compiled.findings == plain.findings
    assert compiled.libraries == plain.libraries == {"eu": "2026.12"}
    assert compiled.files == plain.files


def test_a_changed_library_file_is_read_anew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_project(MODEL, REPO, ValidatorsOnly(tmp_path))
    manifest = library_manifest("eu")
    assert manifest is not None
    acts = (manifest.parent / "acts.yaml").resolve()
    text = acts.read_bytes()
    edited = text.replace(b"title: ", b"title: Edited ", 1)
    assert edited != text
    read = _read_files(monkeypatch)
    project = load_project(MODEL, REPO, ValidatorsOnly(tmp_path), overlay={acts: edited})
    assert [name for name in read if name.startswith("[eu]")] == ["[eu]/acts.yaml"]
    assert any(a.title.startswith("Edited ") for a in project.model.acts)
    read.clear()
    again = load_project(MODEL, REPO, ValidatorsOnly(tmp_path))  # the file's own bytes again
    assert [name for name in read if name.startswith("[eu]")] == ["[eu]/acts.yaml"]
    assert not any(str(a.title).startswith("Edited ") for a in again.model.acts)


def _reports(model: Path, cache: ValidatorsOnly | None) -> dict[str, str]:
    report = check_model(model, REPO, today=DAY, cache=cache)
    texts = {}
    for name in format_names():
        stream = io.StringIO()
        write_report(report, name, stream, False)
        texts[name] = stream.getvalue()
    return texts


@pytest.mark.parametrize(
    "model", ["model", "tests/models/unknown-provision", "tests/models/schema"]
)
def test_reports_are_byte_identical_in_every_format(tmp_path: Path, model: str) -> None:
    plain = _reports(REPO / model, None)
    assert len(plain) == 5
    assert _reports(REPO / model, ValidatorsOnly(tmp_path)) == plain  # reads and keeps it
    assert list((tmp_path / "libraries").rglob("*"))
    assert _reports(REPO / model, ValidatorsOnly(tmp_path)) == plain  # from the kept form
