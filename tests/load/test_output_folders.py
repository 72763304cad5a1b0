"""Output folders inside the model's folder: what archlex wrote there is never read back."""

from __future__ import annotations

from pathlib import Path

from archlex.api import validate_model
from archlex.files import OUTPUT_MARKER, OutputFolders

MANIFEST = 'archlex: 1\nname: Outputs\nmember_state: LV\ninclude: ["**/*.yaml"]\nuses: []\n'
ORGANISATION = "organisations:\n  - {id: %s, name: Ministry, kind: ministry}\n"


def _model(root: Path) -> Path:
    root.mkdir()
    (root / "archlex.yaml").write_text(MANIFEST, encoding="utf-8")
    (root / "model.yaml").write_text(ORGANISATION % "ORG", encoding="utf-8")
    return root


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_a_glob_skips_what_an_output_marker_lists_and_staging_folders(tmp_path: Path) -> None:
    root = _model(tmp_path / "model")
    _write(root / "out" / "copy.yaml", ORGANISATION % "ORG")  # a duplicate id if read
    _write(root / "out" / OUTPUT_MARKER, "Written by archlex render; ...:\ncopy.yaml\n")
    _write(root / ".site.archlex-123-abcd" / "page.yaml", ORGANISATION % "ORG")
    report = validate_model(root, tmp_path)
    assert report.findings == []
    assert sorted(report.project.files) == ["archlex.yaml", "model.yaml"]


def test_files_archlex_did_not_write_into_a_forced_output_are_still_read(tmp_path: Path) -> None:
    root = _model(tmp_path / "model")
    _write(root / "out" / "mine.yaml", ORGANISATION % "MINE")  # the user's own file
    _write(root / "out" / "index.html", "<p>archlex wrote this</p>")
    _write(root / "out" / OUTPUT_MARKER, "Written by archlex render; ...:\nindex.html\n")
    report = validate_model(root, tmp_path)
    assert report.findings == []
    assert "MINE" in {o.id for o in report.model.organisations}


def test_output_folders_answer_per_file(tmp_path: Path) -> None:
    root = tmp_path
    _write(root / "a" / "b" / OUTPUT_MARKER, "Written by archlex build; ...:\nc/d.yaml\n")
    outputs = OutputFolders(root)
    assert outputs.is_output(root / "a" / "b" / "c" / "d.yaml")
    assert not outputs.is_output(root / "a" / "b" / "c" / "e.yaml")
    assert not outputs.is_output(root / "a" / "x.yaml")
    assert not outputs.is_output(root / "top.yaml")
