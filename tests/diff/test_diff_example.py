"""`archlex diff` on a copy of the worked example in a real git repository."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from archlex.diff import diff_revisions
from tests.conftest import EXAMPLE
from tests.diff.conftest import commit, git

NEW_REQUIREMENT = """\
  - id: REQ-GOV-EDPS
    title: Cooperate with the EDPS on coordinated supervision
    type: organisational
    satisfies: ["2019/817 Art 53"]
    allocated_to: [STAT]
"""
UNLOGGED_FLOW = """\
  - id: F-POL-NEW
    name: A second CIR query, not logged
    from: ESP-GW
    to: eu.CIR
    data: [fingerprints]
    legal_basis: ["2019/817 Art 20(1)"]
"""


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_the_example_between_two_commits_and_the_working_tree(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(EXAMPLE, root / "model", ignore=shutil.ignore_patterns("eu"))
    git(root, "init", "-q", "-b", "main")
    first = commit(root, "the example")
    _append(root / "model" / "requirements" / "governance.yaml", NEW_REQUIREMENT)
    _append(root / "model" / "flows" / "police.yaml", UNLOGGED_FLOW)
    commit(root, "trace Art 53, add an unlogged CIR flow")
    roadmap = root / "model" / "roadmap.yaml"
    text = roadmap.read_text(encoding="utf-8")
    wp11 = text.index("- id: WP-11")
    roadmap.write_text(
        text[:wp11] + text[wp11:].replace("end: 2027-09-24", "end: 2027-12-17", 1),
        encoding="utf-8",
    )

    diff = diff_revisions(root / "model", root, first, None, dt.date(2026, 7, 1))

    assert diff.entities is not None
    assert [e.id for e in diff.entities.added] == ["F-POL-NEW", "REQ-GOV-EDPS"]
    assert diff.entities.removed == []
    [changed] = diff.entities.changed
    assert changed.entity.id == "WP-11"
    assert [(f.field, f.old, f.new) for f in changed.fields] == [
        ("end", "2027-09-24", "2027-12-17")
    ]
    delta = diff.compliance
    assert ("obligation-untraced", "eu.817-53") in {(f.rule, f.target) for f in delta.fixed}
    assert ("flow-not-logged", "F-POL-NEW") in {(f.rule, f.target) for f in delta.new}
    coverage = {c.scope: c for c in delta.coverage}
    for scope, before, after in (("2019/817", 78, 79), ("2019/818", 73, 73), ("overall", 151, 152)):
        figures = coverage[scope]
        assert figures.before is not None and figures.after is not None
        assert (figures.before.traced, figures.after.traced) == (before, after), scope
    overall = coverage["overall"]
    assert overall.after is not None and overall.after.applicable == 153
