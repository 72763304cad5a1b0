"""`archlex import` through the real command line: exit codes, notes, --into confined."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import MODELS, run_archlex
from tests.imports.conftest import model_files
from tests.imports.sheets import write_csv


def test_an_exported_file_imports_as_no_change(example_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.reqif"
    assert run_archlex("export", "reqif", str(example_copy), "-o", str(out)).returncode == 0
    result = run_archlex("import", "reqif", str(out), "--model", str(example_copy), "--write")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"no changes: the model already says what {out} says\n"


def test_notes_go_to_standard_error(example_copy: Path, tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "s.csv", [("id", "zone", "Budget"), ("RKIS", "DMZ 2", "5")])
    result = run_archlex("import", "csv", str(sheet), "-k", "systems", "-m", str(example_copy))
    assert result.returncode == 0
    assert result.stderr == "note: s.csv: column C (Budget) maps to no field\n"
    assert "+    zone: DMZ 2\n" in result.stdout


def test_a_model_that_does_not_load_is_refused(tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "s.csv", [("id", "name", "kind"), ("A", "A", "national")])
    model = MODELS / "unknown-reference"
    result = run_archlex("import", "csv", str(sheet), "--kind", "systems", "--model", str(model))
    assert result.returncode == 2
    assert "error[unknown-reference]" in result.stderr


def test_usage_errors_exit_2(example_copy: Path, tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "s.csv", [("id", "name", "kind"), ("NEW-1", "N", "national")])
    before = model_files(example_copy)
    kind = run_archlex("import", "csv", str(sheet), "--kind", "roads", "-m", str(example_copy))
    assert kind.returncode == 2 and "'roads'; choose one of systems" in kind.stderr
    args = ("import", "csv", str(sheet), "-k", "systems", "-m", str(example_copy), "--write")
    outside = run_archlex(*args, "--into", "../outside.yaml")
    assert outside.returncode == 2
    assert "not a .yaml file inside the model's folder" in outside.stderr
    missing = run_archlex(
        "import", "csv", str(tmp_path / "none.csv"), "-k", "systems", "-m", str(example_copy)
    )
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    assert model_files(example_copy) == before
    assert not (tmp_path / "outside.yaml").exists()
