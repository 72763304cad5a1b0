"""The report cache: `archlex check` answered from it writes exactly what checking anew writes,
after edits that add, remove and rename ids across files, add and delete files; an entry that
is corrupt, or from another day or set of options, is never used."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from archlex.cli.cached_check import from_cache
from archlex.cli.commands import app

MANIFEST = """\
archlex: 1
name: Cache test model
member_state: LV
include: ["*.yaml", "more/*.yaml"]
uses: []
"""
ORGANISATIONS = """\
organisations:
  - id: it-centre
    name: Information Centre
    kind: it-centre
"""
SYSTEMS = """\
systems:
  - id: SYS-A
    name: System A
    kind: national
    owner: it-centre
  - id: SYS-B
    name: System B
    kind: national
    owner: it-centre
"""
FLOWS = """\
flows:
  - id: FLOW-1
    from: SYS-A
    to: SYS-B
    data: []
"""


@pytest.fixture
def model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A model of three files in tmp_path/model, run from tmp_path with its own cache."""
    root = tmp_path / "model"
    root.mkdir()
    for name, text in {
        "archlex.yaml": MANIFEST,
        "organisations.yaml": ORGANISATIONS,
        "systems.yaml": SYSTEMS,
        "flows.yaml": FLOWS,
    }.items():
        (root / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ARCHLEX_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("NO_COLOR", "1")
    yield root


def typer_check(*arguments: str) -> tuple[int, str]:
    """`archlex check` through typer (reads and fills the cache unless --no-cache)."""
    result = CliRunner().invoke(app, ["check", "model", "--as-of", "2026-06-01", *arguments])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stdout


def cached_check(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str] | None:
    """`archlex check` as the console script first tries it: from the cache, before typer."""
    capsys.readouterr()
    cached = from_cache(["model", "--as-of", "2026-06-01", *arguments])
    return None if cached is None else (cached.exit_code, capsys.readouterr().out)


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def assert_cached_equals_cold(capsys: pytest.CaptureFixture[str], *arguments: str) -> str:
    cold = typer_check("--no-cache", *arguments)
    assert cached_check(capsys, *arguments) is None  # the model changed since the entry
    assert typer_check(*arguments) == cold  # checked anew, and kept
    assert cached_check(capsys, *arguments) == cold  # now from the cache, byte for byte
    assert typer_check(*arguments) == cold  # typer's way reads the same entry
    return cold[1]


EDITS = [
    # add an id in one file and refer to it from another
    (
        "systems.yaml",
        "  - id: SYS-B\n",
        "  - id: SYS-C\n    name: C\n    kind: national\n    owner: it-centre\n  - id: SYS-B\n",
    ),
    ("flows.yaml", "to: SYS-B", "to: SYS-C"),
    # rename an id where it is defined only: the flow's reference breaks
    ("systems.yaml", "id: SYS-A", "id: SYS-X"),
    # and where it is used: whole again
    ("flows.yaml", "from: SYS-A", "from: SYS-X"),
    # remove an id another file refers to
    ("systems.yaml", "  - id: SYS-C\n    name: C\n    kind: national\n    owner: it-centre\n", ""),
]


def test_a_cached_report_equals_a_cold_check_after_each_edit(
    model: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports = {assert_cached_equals_cold(capsys)}
    for name, old, new in EDITS:
        edit(model, name, old, new)
        reports.add(assert_cached_equals_cold(capsys))
    assert any("SYS-C" in r for r in reports)  # the edits really changed what was reported
    assert len(reports) >= 3


def test_a_new_or_deleted_file_is_seen(model: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = assert_cached_equals_cold(capsys, "--format", "json")
    (model / "more").mkdir()
    (model / "more" / "extra.yaml").write_text(SYSTEMS, encoding="utf-8")  # duplicate ids
    second = assert_cached_equals_cold(capsys, "--format", "json")
    assert "duplicate-id" in second and "duplicate-id" not in first
    (model / "more" / "extra.yaml").unlink()
    assert assert_cached_equals_cold(capsys, "--format", "json") == first


def test_options_and_the_day_have_their_own_entries(
    model: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_cached_equals_cold(capsys)
    assert cached_check(capsys, "--format", "json") is None
    assert cached_check(capsys, "--fail-on", "never") is None
    capsys.readouterr()
    assert from_cache(["model", "--as-of", "2026-06-02"]) is None
    assert from_cache(["model", "--as-of", "2026-06-01", "--no-cache"]) is None
    # a command line the fast path does not read goes to typer, whatever the cache holds
    assert from_cache(["model", "--as-of", "2026-06-01", "--bogus"]) is None


def test_a_corrupt_entry_is_ignored_and_replaced(
    model: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cold = assert_cached_equals_cold(capsys)
    [entry] = [p for p in (model.parent / "cache" / "reports").rglob("*") if p.is_file()]
    blob = entry.read_bytes()
    for broken in (blob[:-5] + b"xxxxx", blob[:10], b""):
        entry.write_bytes(broken)
        assert cached_check(capsys) is None
        assert typer_check()[1] == cold
        assert entry.read_bytes() == blob  # written again, whole


def test_a_check_imports_no_typer_and_a_cached_report_no_pipeline(model: Path) -> None:
    # What makes it fast (the timings are in benchmarks/bench_startup.py, never in a test).
    command = [sys.executable, "-X", "importtime", "-m", "archlex", "check", "model"]
    runs = [
        subprocess.run(command, cwd=model.parent, capture_output=True, text=True, check=False)
        for _ in range(2)
    ]
    assert [r.returncode for r in runs] == [0, 0] and runs[0].stdout == runs[1].stdout
    imported = [
        {line.rsplit("|", 1)[-1].strip() for line in r.stderr.splitlines() if "import time" in line}
        for r in runs
    ]
    heavy = {"typer", "pydantic", "archlex.load", "archlex.model", "rich", "yaml"}
    # The first run checks the model (the trace is read right), still without typer.
    assert {"pydantic", "archlex.load", "archlex.model"} <= imported[0]
    assert "typer" not in imported[0]
    assert heavy & imported[1] == set()
