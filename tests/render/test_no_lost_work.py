"""No lost work: a killed render or build leaves the previous output whole, archlex never
writes over the model or over a folder of someone else's files without `--force`, and even
with `--force` never deletes or replaces a file it did not write."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from archlex.toolkit.staging import MARKER, restore_interrupted, written_files
from tests.conftest import CACHE_DIR
from tests.hostile.cli import run_in_process

SMALL_MANIFEST = 'archlex: 1\nname: Small\nmember_state: LV\ninclude: ["*.yaml"]\nuses: []\n'
SMALL_MODEL = """\
organisations:
  - {id: ORG, name: Ministry, kind: ministry}
systems:
  - {id: A, name: System A, kind: national, owner: ORG}
  - {id: B, name: System B, kind: national, owner: ORG}
flows:
  - {id: F1, name: A to B, from: A, to: B}
"""


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """A small model without the eu library (a fast render and build), in tmp_path/model."""
    model = tmp_path / "model"
    model.mkdir()
    (model / "archlex.yaml").write_text(SMALL_MANIFEST, encoding="utf-8")
    (model / "model.yaml").write_text(SMALL_MODEL, encoding="utf-8")
    return model


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _ok(*args: str, cwd: Path) -> None:
    result = run_in_process(*args, cwd=cwd)
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def _refused(*args: str, cwd: Path, says: str) -> None:
    result = run_in_process(*args, cwd=cwd)
    assert result.exit_code == 2, result
    assert says in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def _kill_once_staging_appears(command: str, cwd: Path, out: str) -> Path:
    """Start `archlex COMMAND model --out OUT`, SIGKILL it as soon as its staging folder
    exists, and return that folder (left behind by the killed process)."""
    env = {**os.environ, "NO_COLOR": "1", "ARCHLEX_CACHE_DIR": CACHE_DIR}
    child = subprocess.Popen(
        [sys.executable, "-m", "archlex", command, "model", "--out", out],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    prefix = f".{out}.archlex-{child.pid}-"
    deadline = time.monotonic() + 120
    staging: list[Path] = []
    while not staging and child.poll() is None and time.monotonic() < deadline:
        staging = [p for p in cwd.iterdir() if p.name.startswith(prefix)]
        time.sleep(0.005)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    assert staging and staging[0].is_dir(), "killed before it staged anything"
    return staging[0]


@pytest.mark.parametrize("command", ["render", "build"])
def test_a_killed_run_leaves_the_previous_output_whole_and_the_next_run_cleans_up(
    small: Path, tmp_path: Path, command: str
) -> None:
    _ok(command, "model", "--out", "out", cwd=tmp_path)
    before = _tree(tmp_path / "out")
    assert before

    staging = _kill_once_staging_appears(command, tmp_path, "out")
    assert _tree(tmp_path / "out") == before  # byte for byte

    _ok(command, "model", "--out", "out", cwd=tmp_path)
    assert not staging.exists(), "the killed run's staging folder was not cleaned up"
    assert _tree(tmp_path / "out") == before  # and a run after the kill gives the same tree
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model", "out"]


@pytest.mark.parametrize("command", ["render", "build"])
def test_running_twice_gives_identical_trees(small: Path, tmp_path: Path, command: str) -> None:
    _ok(command, "model", "--out", "one", cwd=tmp_path)
    _ok(command, "model", "--out", "two", cwd=tmp_path)
    _ok(command, "model", "--out", "two", cwd=tmp_path)  # over its own earlier output
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two")


def test_a_run_killed_between_the_two_renames_is_put_back(small: Path, tmp_path: Path) -> None:
    _ok("render", "model", "--out", "out", cwd=tmp_path)
    before = _tree(tmp_path / "out")
    (tmp_path / "out").rename(tmp_path / ".out.old")  # as a kill after the first rename
    restore_interrupted(tmp_path / "out")
    assert _tree(tmp_path / "out") == before
    assert not (tmp_path / ".out.old").exists()


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_the_model_folder_and_a_folder_holding_it_are_never_outputs(
    small: Path, tmp_path: Path, force: list[str]
) -> None:
    before = _tree(tmp_path)
    for command in ("render", "build"):
        _refused(command, "model", "--out", "model", *force, cwd=tmp_path, says="holds it")
        _refused(command, "model", "--out", ".", *force, cwd=tmp_path, says="holds it")
    assert _tree(tmp_path) == before


def test_a_folder_inside_the_model_is_an_output_by_default_and_never_read_back(
    small: Path, tmp_path: Path
) -> None:
    # The natural layout: archlex.yaml at the repository root, run from there, like mkdocs.
    (small / "archlex.yaml").write_text(
        SMALL_MANIFEST.replace('["*.yaml"]', '["**/*.yaml", "**/*.y*ml"]'), encoding="utf-8"
    )
    model_files = _tree(small)
    _ok("render", "--out", "build", cwd=small)
    _ok("build", "--out", "site", "--project", "mkdocs-project", cwd=small)
    assert (small / "build" / MARKER).is_file() and (small / "site" / MARKER).is_file()
    assert (small / "mkdocs-project" / "mkdocs.yml").is_file()  # YAML archlex wrote
    result = run_in_process("validate", "--format", "json", cwd=small)
    assert result.exit_code == 0, result.stdout
    assert json.loads(result.stdout)["findings"] == []
    assert {k: v for k, v in _tree(small).items() if k.split("/")[0] in model_files} == {
        k: v for k, v in model_files.items()
    }


def test_force_writes_beside_someone_elses_files_and_never_deletes_them(
    small: Path, tmp_path: Path
) -> None:
    out = tmp_path / "documents"
    (out / "notes").mkdir(parents=True)
    (out / "thesis.docx").write_text("precious", encoding="utf-8")
    (out / "notes" / "todo.txt").write_text("mine", encoding="utf-8")
    (out / "empty").mkdir()
    inode = (out / "thesis.docx").stat().st_ino

    _refused("render", "model", "--out", "documents", cwd=tmp_path, says="did not write")
    assert sorted(_tree(out)) == ["notes/todo.txt", "thesis.docx"]

    _ok("render", "model", "--out", "documents", "--force", cwd=tmp_path)
    _ok("render", "model", "--out", "documents", cwd=tmp_path)  # now archlex's: no --force
    _ok("build", "model", "--out", "documents", "--force", cwd=tmp_path)
    assert (out / "thesis.docx").read_text(encoding="utf-8") == "precious"
    assert (out / "thesis.docx").stat().st_ino == inode  # the same file, not a copy
    assert (out / "notes" / "todo.txt").read_text(encoding="utf-8") == "mine"
    assert (out / "empty").is_dir()
    assert (out / "index.html").is_file()  # the site was written beside them
    ours = written_files(out)
    assert "thesis.docx" not in ours and "notes/todo.txt" not in ours
    assert "index.html" in ours


def test_a_file_someone_added_to_an_output_is_kept(small: Path, tmp_path: Path) -> None:
    _ok("render", "model", "--out", "out", cwd=tmp_path)
    (tmp_path / "out" / "README.txt").write_text("read me", encoding="utf-8")
    _ok("render", "model", "--out", "out", cwd=tmp_path)
    assert (tmp_path / "out" / "README.txt").read_text(encoding="utf-8") == "read me"


def test_force_never_replaces_a_file_archlex_did_not_write(small: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "concept").mkdir(parents=True)
    (out / "concept" / "concept.md").write_text("my own concept", encoding="utf-8")
    before = _tree(out)
    _refused("render", "model", "--out", "out", "--force", cwd=tmp_path, says="not written by")
    assert _tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model", "out"]
