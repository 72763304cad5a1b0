"""Editing model files in place: one changed field is one changed line, in every file of the
worked example; what ruamel would re-flow stays as written; new entities look hand-written."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from archlex.imports.registry import EntityUpdate
from archlex.imports.yaml_edit import edit_model_file, splice
from tests.conftest import EXAMPLE

STATUSES = ("proposed", "agreed", "implemented", "verified")


def changed_lines(before: str, after: str) -> list[str]:
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def entities(text: str) -> list[str]:
    return [line.split(": ", 1)[1] for line in text.splitlines() if line.startswith("  - id: ")]


@pytest.mark.parametrize(
    "path", sorted((EXAMPLE / "requirements").glob("*.yaml")), ids=lambda p: p.name
)
def test_a_status_change_is_one_line_in_every_requirements_file(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for requirement in entities(text):
        line = next(
            line
            for line in text.splitlines()[text.splitlines().index(f"  - id: {requirement}") :]
            if line.startswith("    status: ")
        )
        new = next(s for s in STATUSES if s != line.removeprefix("    status: "))
        update = EntityUpdate("requirements", requirement, {"status": new}, "test")
        after = edit_model_file(text, "requirements", [update], {})
        assert changed_lines(text, after) == [f"-{line}", f"+    status: {new}"], requirement


@pytest.mark.parametrize("path", sorted((EXAMPLE / "systems").glob("*.yaml")), ids=lambda p: p.name)
def test_a_new_field_is_one_line_where_an_architect_puts_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for system in entities(text):
        update = EntityUpdate("systems", system, {"tags": ["reviewed"]}, "test")
        after = edit_model_file(text, "systems", [update], {})
        assert changed_lines(text, after) == ["+    tags: [reviewed]"], system


def test_a_flow_list_written_over_two_lines_stays_as_written() -> None:
    text = (EXAMPLE / "requirements" / "governance.yaml").read_text(encoding="utf-8")
    assert '"2019/817 Art 16(3)",\n                "2019/818 Art 16(3)"' in text
    update = EntityUpdate("requirements", "REQ-GOV-01", {"priority": "could"}, "test")
    after = edit_model_file(text, "requirements", [update], {})
    assert len(changed_lines(text, after)) == 2
    assert '"2019/817 Art 16(3)",\n                "2019/818 Art 16(3)"' in after


def test_nothing_to_change_returns_the_text_itself() -> None:
    text = (EXAMPLE / "systems" / "border.yaml").read_text(encoding="utf-8")
    same = EntityUpdate("systems", "RKIS", {"kind": "national", "owner": "VRS"}, "test")
    assert edit_model_file(text, "systems", [same], {}) is text


def test_a_new_entity_in_a_new_file() -> None:
    update = EntityUpdate(
        "systems",
        "NEW",
        {
            "zone": "DMZ",
            "id": "NEW",
            "kind": "national",
            "name": "New",
            "description": "x " * 59 + "x",
        },
        "test",
        {"components": [{"id": "NEW-A", "name": "Part"}]},
    )
    assert edit_model_file("", "systems", [update], {}) == (
        "systems:\n"
        "  - id: NEW\n"
        "    name: New\n"
        "    kind: national\n"
        "    zone: DMZ\n"
        "    description: >-\n"
        "      " + "x " * 44 + "x\n"
        "      " + "x " * 14 + "x\n"
        "    components:\n"
        "      - id: NEW-A\n"
        "        name: Part\n"
    )


def test_splice_applies_only_the_edit() -> None:
    original = "a: [1,\n    2]\nb: 1\n"
    baseline = "a: [1, 2]\nb: 1\n"
    modified = "a: [1, 2]\nb: 2\n"
    assert splice(original, baseline, modified) == "a: [1,\n    2]\nb: 2\n"
