"""`archlex import xlsx|csv`: an inventory made from the example's systems reproduces them;
a one-field change keeps the file's comments and every other line; each bad cell is named
by sheet, row and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from archlex.api import load
from archlex.errors import ArchlexError
from archlex.model import System
from tests.conftest import WriteModel
from tests.imports.conftest import model_files, run_import
from tests.imports.sheets import SYSTEM_COLUMNS, systems_workbook, write_csv, write_xlsx


def own_systems(root: Path) -> list[System]:
    project = load(root, root)
    return [
        s
        for s in project.model.systems
        if not project.sources.of(s.id).file.startswith("[")  # type: ignore[union-attr]
    ]


def test_an_inventory_of_the_examples_systems_reproduces_them(
    example_copy: Path, tmp_path: Path
) -> None:
    original = own_systems(example_copy)
    assert len(original) == 20 and any(s.components for s in original)
    workbook = systems_workbook(tmp_path / "inventory.xlsx", original)
    _, plan, edits = run_import("xlsx", workbook, example_copy, "systems")
    assert edits == [] and plan.notes == []  # the model already says all of it
    for path in sorted((example_copy / "systems").glob("*.yaml")):
        path.unlink()
    run_import("xlsx", workbook, example_copy, "systems", into="systems/all.yaml", write=True)
    assert own_systems(example_copy) == original
    text = (example_copy / "systems" / "all.yaml").read_text(encoding="utf-8")
    assert text.startswith("systems:\n  - id: ") and "\n\n  - id: " not in text
    assert "    description: >-\n      " in text  # long text folded, as the example writes it


COMMENTED = """\
# Systems of the State Border Guard (a comment the import must keep).
systems:
  - id: RKIS
    name: Border Control Information System   # the name the ministry uses
    kind: national
    owner: VRS
    status: changing
    zone: border DMZ
    # The components follow.
    components:
      - id: RKIS-BCP
        name: BCP workstation client
"""


def test_a_commented_file_keeps_its_comments_after_a_one_field_change(
    write_model: WriteModel, tmp_path: Path
) -> None:
    root = write_model({"systems.yaml": COMMENTED, "org.yaml": ORG})
    sheet = write_csv(tmp_path / "s.csv", [("ID", "Zone"), ("RKIS", "border DMZ (BCP segments)")])
    _, _, edits = run_import("csv", sheet, root, "systems", write=True)
    after = (root / "systems.yaml").read_text(encoding="utf-8")
    assert after == COMMENTED.replace("zone: border DMZ\n", "zone: border DMZ (BCP segments)\n")
    assert len(edits) == 1


ORG = """\
organisations:
  - id: VRS
    name: State Border Guard
    kind: border-guard
"""


def bad_rows(tmp_path: Path) -> Path:
    return write_xlsx(
        tmp_path / "bad.xlsx",
        {
            "Inventory": [
                ("ID", "Name", "Kind", "Budget"),
                ("NEW-1", "A new system", "national", "100"),
                ("NEW-2", "Another", "mainframe", ""),
                ("", "No id", "national", ""),
            ]
        },
    )


def test_each_bad_cell_is_named_and_nothing_is_written(example_copy: Path, tmp_path: Path) -> None:
    before = model_files(example_copy)
    with pytest.raises(ArchlexError) as raised:
        run_import("xlsx", bad_rows(tmp_path), example_copy, "systems", write=True)
    message = raised.value.message
    assert (
        "bad.xlsx: sheet Inventory, row 3, column C (Kind): Input should be 'national'" in message
    )
    assert "bad.xlsx: sheet Inventory, row 4: no id (column A)" in message
    assert model_files(example_copy) == before


def test_a_column_that_maps_to_nothing_is_reported(example_copy: Path, tmp_path: Path) -> None:
    sheet = write_xlsx(
        tmp_path / "s.xlsx",
        {"Systems": [("ID", "Name", "Kind", "Budget"), ("RKIS", None, None, 5)]},
    )
    _, plan, edits = run_import("xlsx", sheet, example_copy, "systems")
    assert plan.notes == ["s.xlsx: sheet Systems: column D (Budget) maps to no field"]
    assert edits == []
    mapping = {"columns": {"Budget": None}}
    _, plan, _ = run_import("xlsx", sheet, example_copy, "systems", mapping=mapping)
    assert plan.notes == []


def test_a_mapping_file_renames_columns(example_copy: Path, tmp_path: Path) -> None:
    sheet = write_csv(
        tmp_path / "orgs.csv",
        [(["Code", "Title", "Type", "Roles"]), ("VP-NEW", "Test unit", "police", "sirene-bureau")],
    )
    mapping = {"columns": {"Code": "id", "Title": "name", "Type": "kind"}}
    _, _, edits = run_import("csv", sheet, example_copy, "organisations", mapping=mapping)
    assert [e.file for e in edits] == ["organisations.yaml"]
    added = edits[0].after.removeprefix(edits[0].before)
    assert added == (
        "\n  - id: VP-NEW\n    name: Test unit\n    kind: police\n    roles: [sirene-bureau]\n"
    )


def test_an_unknown_reference_names_the_row(example_copy: Path, tmp_path: Path) -> None:
    sheet = write_csv(
        tmp_path / "s.csv", [("id", "name", "kind", "owner"), ("NEW-1", "New", "national", "VRSS")]
    )
    before = model_files(example_copy)
    with pytest.raises(ArchlexError) as raised:
        run_import("csv", sheet, example_copy, "systems", write=True)
    assert "s.csv, row 2 (NEW-1): unknown-reference:" in raised.value.message
    assert "VRS" in raised.value.message
    assert model_files(example_copy) == before


def test_a_library_entity_cannot_be_imported_over(example_copy: Path, tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "s.csv", [SYSTEM_COLUMNS[:3], ("eu.EES", "EES", "eu-central")])
    with pytest.raises(ArchlexError, match="defined by the bundled library"):
        run_import("csv", sheet, example_copy, "systems")
