"""Manifests in the parse cache (archlex.load.manifest_entry): a warm load reads no YAML and
builds no validator for them, and gives what a cold load gives: settings, findings, the
entities a manifest holds, positions, libraries."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from archlex.api import validate_model
from archlex.load import yaml_reader
from archlex.load.cache import ParseCache
from archlex.outcome import Report
from tests.conftest import EXAMPLE, WriteModel

# A manifest with a bad setting (a finding), a duplicate key (a YAML problem) and an entity.
MANIFEST = """\
archlex: 1
name: Manifest cache test
member_state: LV
include: ["*.yaml"]
uses: [eu]
checks: {fail_on: sometimes}
organisations:
  - {id: it-centre, name: IT centre, kind: it-centre}
  - {id: police, name: Police, kind: it-centre, kind: police}
"""
SYSTEM = "systems:\n  - {id: pis, name: Police information system, kind: national}\n"


def _outcome(report: Report) -> tuple[object, ...]:
    project = report.project
    return (
        [f.to_json() for f in report.findings],
        project.model.manifest.model_dump(),
        project.model.counts(),
        sorted((e.id, loc.file, loc.at()) for e, loc in project.sources.placed),
        project.manifest_source.at("include"),
        project.libraries,
        project.files,
    )


def test_a_warm_load_reads_no_manifest_and_gives_the_cold_result(
    write_model: WriteModel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_model({"s.yaml": SYSTEM}, manifest=MANIFEST)
    cache = ParseCache(tmp_path / "cache")
    cold = _outcome(validate_model(root, root, cache=cache))
    rules = {finding["rule"] for finding in cold[0]}  # type: ignore[attr-defined]
    assert {"schema", "duplicate-key"} <= rules
    placed = {(entity, file) for entity, file, _ in cold[3]}  # type: ignore[attr-defined]
    assert {("it-centre", "archlex.yaml"), ("police", "archlex.yaml")} <= placed

    def no_yaml(raw: bytes) -> object:
        raise AssertionError("a cached manifest was read again")

    monkeypatch.setattr(yaml_reader, "parse_yaml", no_yaml)
    assert _outcome(validate_model(root, root, cache=cache)) == cold


def test_an_edited_manifest_is_read_again(write_model: WriteModel, tmp_path: Path) -> None:
    root = write_model({"s.yaml": SYSTEM}, manifest=MANIFEST)
    cache = ParseCache(tmp_path / "cache")
    validate_model(root, root, cache=cache)
    manifest = root / "archlex.yaml"
    manifest.write_text(MANIFEST.replace("sometimes", "warning").replace(", kind: police", ""))
    warm = validate_model(root, root, cache=cache)
    assert warm.model.manifest.checks.fail_on == "warning"
    assert _outcome(warm) == _outcome(validate_model(root, root))


def test_a_warm_check_imports_no_yaml_library_and_builds_no_validator(tmp_path: Path) -> None:
    # The report is made anew from the parse cache: no file is read as YAML (a finding's
    # position needs rapidyaml alone), no pydantic validator is built (pydantic's plugins are
    # looked up when the first is), and typer is not imported.
    env = os.environ | {"ARCHLEX_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"}
    command = [sys.executable, "-X", "importtime", "-m", "archlex", "check", str(EXAMPLE)]
    runs = []
    for _ in range(2):
        runs.append(subprocess.run(command, env=env, capture_output=True, text=True, check=False))
        for entry in (tmp_path / "cache" / "reports").rglob("*"):
            entry.unlink() if entry.is_file() else None
    imported = [
        {line.rsplit("|", 1)[-1].strip() for line in r.stderr.splitlines() if "import time" in line}
        for r in runs
    ]
    assert [r.returncode for r in runs] == [1, 1] and runs[0].stdout == runs[1].stdout
    light = {"yaml", "archlex.load.yaml_reader", "pydantic.plugin._loader", "typer"}
    assert light - {"typer"} <= imported[0]  # the cold run reads YAML: the trace is read right
    assert light & imported[1] == set()
    assert "archlex.model.record" in imported[1]  # the entities were unpickled: read right
    assert "pydantic" not in imported[1]  # plain classes: their validators were kept
