"""The review round trip: matrix.xlsx has a Review sheet; the statuses a reviewer sets there
come back as status updates, shown as a diff and written only with --write."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from archlex.api import check_model
from archlex.errors import ArchlexError
from archlex.render.matrix.review import COLUMNS, REVIEW_SHEET
from archlex.render.output import render_products
from tests.conftest import run_archlex
from tests.imports.conftest import model_files, run_import


def rendered_matrix(root: Path, out: Path) -> Path:
    report = check_model(root, root, today=dt.date(2026, 7, 1))
    render_products(report, out, ["matrix"])
    return out / "matrix" / "matrix.xlsx"


def review(path: Path, marks: dict[str, tuple[str | None, str | None]]) -> Path:
    """The workbook with a reviewer's status and comment on the rows of these requirements."""
    book = openpyxl.load_workbook(path)
    sheet = book[REVIEW_SHEET]
    for row in sheet.iter_rows(min_row=3):
        requirement = str(row[0].value)
        if requirement in marks:
            row[4].value, row[5].value = marks[requirement]
    reviewed = path.with_name("reviewed.xlsx")
    book.save(reviewed)
    return reviewed


@pytest.fixture
def matrix(example_copy: Path, tmp_path: Path) -> Path:
    return rendered_matrix(example_copy, tmp_path / "out")


def test_the_review_sheet_lists_each_requirement_with_marked_columns(matrix: Path) -> None:
    book = openpyxl.load_workbook(matrix)
    sheet = book[REVIEW_SHEET]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1] == COLUMNS
    ids = [r[0] for r in rows[2:]]
    assert len(ids) == len(set(ids)) > 60
    assert sheet["E2"].fill.fgColor.rgb == "FFFFE699"
    assert (
        sheet.data_validations.dataValidation[0].formula1
        == '"proposed,agreed,implemented,verified"'
    )


def test_reviewed_statuses_come_back_as_a_diff(example_copy: Path, matrix: Path) -> None:
    reviewed = review(
        matrix, {"REQ-ESP-02": ("Verified", "Tested in FAT"), "REQ-ESP-03": (None, "Why?")}
    )
    _, plan, edits = run_import("review", reviewed, example_copy)
    assert [(u.id, u.fields) for u in plan.updates] == [
        ("REQ-ESP-02", {"id": "REQ-ESP-02", "status": "verified"})
    ]
    assert sorted(n.split(": ", 2)[2] for n in plan.notes) == [
        "comment on REQ-ESP-02: Tested in FAT",
        "comment on REQ-ESP-03: Why?",
    ]
    assert plan.notes[0].startswith("reviewed.xlsx: sheet Review, row ")
    assert [e.file for e in edits] == ["requirements/esp.yaml"]


def test_the_cli_shows_the_diff_and_writes_only_with_write(
    example_copy: Path, matrix: Path
) -> None:
    reviewed = review(matrix, {"REQ-ESP-02": ("implemented", None)})
    before = model_files(example_copy)
    dry = run_archlex("import", "review", str(reviewed), "--model", str(example_copy))
    assert dry.returncode == 0, dry.stderr
    assert "-    status: agreed\n+    status: implemented\n" in dry.stdout
    assert dry.stdout.endswith("dry run: nothing written; add --write to apply these changes\n")
    assert model_files(example_copy) == before
    wet = run_archlex("import", "review", str(reviewed), "--model", str(example_copy), "--write")
    assert wet.returncode == 0, wet.stderr
    assert wet.stdout.endswith("wrote 1 file(s)\n")
    again = run_archlex("import", "review", str(reviewed), "--model", str(example_copy))
    assert again.stdout.startswith("no changes")


def test_a_status_that_is_no_status_names_the_cell(example_copy: Path, matrix: Path) -> None:
    reviewed = review(matrix, {"REQ-ESP-02": ("done", None)})
    with pytest.raises(ArchlexError, match=r"sheet Review, row \d+, column E \(Review: status\)"):
        run_import("review", reviewed, example_copy)


def test_a_workbook_without_the_review_sheet(example_copy: Path, tmp_path: Path) -> None:
    from tests.imports.sheets import write_xlsx

    other = write_xlsx(tmp_path / "o.xlsx", {"Sheet": [("a",)]})
    with pytest.raises(ArchlexError, match="no 'Review' sheet"):
        run_import("review", other, example_copy)
