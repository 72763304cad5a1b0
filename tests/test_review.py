"""Suspect links when the law moves, through the real CLI: two releases of a catalog that differ
in one provision; `provision-changed` on exactly the elements that cite it; none after
`archlex review`; `archlex catalog diff` says what changed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, run_archlex

RELEASES = REPO / "tests" / "data" / "law-releases"

MANIFEST = """\
# The suspect-link test model (its law is copied in from a catalog release)
archlex: 1
name: Suspect-link test model
member_state: LV
uses: []
include: [law/law.yaml, model.yaml]
waivers:
  - rule: requirement-unscheduled
    target: REQ-B
    reason: Delivered with the logging rework.

checks:
  fail_on: error
"""

MODEL = """\
systems:
  - id: border-control
    name: Border control system
    kind: national
  - id: portal
    name: Search portal
    kind: external
requirements:
  - id: REQ-A
    title: Border guards search through the portal
    satisfies: ["LV-LAW-1 Art 2(1)"]
    allocated_to: [border-control]
  - id: REQ-B
    title: Every query is logged
    satisfies: ["LV-LAW-1 Art 3", "LV-LAW-1 Art 2"]
    allocated_to: [border-control]
  - id: REQ-C
    title: Identity checks only
    satisfies: ["LV-LAW-1 Art 2(2)"]
    allocated_to: [border-control]
flows:
  - id: F-1
    from: border-control
    to: portal
    legal_basis: ["LV-LAW-1 Art 2(1)"]
roadmap:
  work_packages:
    - id: WP-1
      name: Connect to the portal
      start: 2026-01-05
      end: 2026-12-18
      delivers: [REQ-A, REQ-C]
  milestones:
    - id: MS-1
      name: Logging ready
      date: 2027-01-04
      deadline_of: ["LV-LAW-1 Art 3"]
"""


@pytest.fixture
def model(tmp_path: Path) -> Path:
    root = tmp_path / "model"
    (root / "law").mkdir(parents=True)
    (root / "archlex.yaml").write_text(MANIFEST, encoding="utf-8")
    (root / "model.yaml").write_text(MODEL, encoding="utf-8")
    shutil.copy(RELEASES / "2026.1" / "law.yaml", root / "law" / "law.yaml")
    return root


def _changed(root: Path) -> list[tuple[str, str, int]]:
    result = run_archlex("check", str(root), "--format", "json", "--as-of", "2026-12-03")
    findings = json.loads(result.stdout)["findings"]
    return sorted(
        (f["target"], f["file"], f["line"]) for f in findings if f["rule"] == "provision-changed"
    )


def test_changed_provision_is_suspect_on_exactly_its_citers_until_reviewed(model: Path) -> None:
    first = run_archlex("review", str(model), "--on", "2026-12-01")
    assert first.returncode == 0, first.stderr
    assert "4 recorded for the first time, 0 unchanged" in first.stdout
    manifest = (model / "archlex.yaml").read_text(encoding="utf-8")
    assert manifest.startswith(MANIFEST)  # the author's lines are kept as written
    assert '    "LV-LAW-1 Art 2(1)": "title:' in manifest
    assert _changed(model) == []

    shutil.copy(RELEASES / "2026.2" / "law.yaml", model / "law" / "law.yaml")
    # Art 2(1) changed: REQ-A and F-1 cite it, WP-1 delivers REQ-A, REQ-B cites all of Art 2;
    # REQ-C (Art 2(2)), MS-1 (Art 3) and the waiver (on REQ-B's Art 2 ...) follow.
    changed = _changed(model)
    assert changed == [
        ("F-1", "model.yaml", 25),
        ("REQ-A", "model.yaml", 11),
        ("REQ-B", "archlex.yaml", 8),
        ("REQ-B", "model.yaml", 15),
        ("WP-1", "model.yaml", 32),
    ]
    result = run_archlex("check", str(model), "--as-of", "2026-12-03")
    assert (
        "requirement `REQ-A` cites `LV-LAW-1 Art 2(1)`, whose catalog entry changed since the "
        "review against the model's own law on 2026-12-01: its deadline changed" in result.stdout
    )

    partial = run_archlex("review", str(model), "-p", "LV-LAW-1 Art 2(1)", "--on", "2026-12-02")
    assert partial.returncode == 0, partial.stderr
    assert partial.stdout.startswith(
        "accepted LV-LAW-1 Art 2(1): its deadline changed (cited by F-1, REQ-A, WP-1)\n"
    )
    assert [c[0] for c in _changed(model)] == ["REQ-B", "REQ-B"]  # Art 2 not yet reviewed

    again = run_archlex("review", str(model), "--on", "2026-12-03")
    assert "accepted LV-LAW-1 Art 2: its deadline changed (cited by REQ-B)" in again.stdout
    assert _changed(model) == []
    text = (model / "archlex.yaml").read_text(encoding="utf-8")
    assert text.count("reviewed_against:") == 1 and "  on: 2026-12-03\n" in text


def test_catalog_diff_says_what_changed_in_words() -> None:
    result = run_archlex("catalog", "diff", str(RELEASES / "2026.1"), str(RELEASES / "2026.2"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "LV-LAW-1 Art 2(1): its deadline changed\n"
        "    was: obligation LV-OB-2-1: 2027-06-30\n"
        "    now: obligation LV-OB-2-1: 2028-06-30\n"
        "1 provision(s) changed.\n"
    )


def test_review_of_a_provision_that_is_not_one_is_a_usage_error(model: Path) -> None:
    result = run_archlex("review", str(model), "-p", "Art 2")
    assert result.returncode == 2
    assert "'Art 2' is not a provision" in result.stderr
