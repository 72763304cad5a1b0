"""The worked example: its size, its validity, and its check findings as a golden file."""

from __future__ import annotations

import json

from archlex.api import validate_model
from archlex.model import SystemKind
from tests.conftest import EXAMPLE, REPO, UPDATE_GOLDEN, run_archlex

GOLDEN = REPO / "tests" / "golden" / "check-example.json"
# The waiver in the example expires 2027-06-30; a fixed date keeps the golden file stable.
AS_OF = "2026-11-29"


def test_example_validates_cleanly_and_has_the_size_the_concept_needs() -> None:
    report = validate_model(EXAMPLE, EXAMPLE)
    assert report.findings == [] and report.exit_code == 0
    model = report.model
    assert model.manifest.member_state == "LV"
    national = [s for s in model.systems if s.kind is SystemKind.NATIONAL]
    assert len(national) >= 10
    assert len(model.flows) >= 30
    assert len(model.requirements) >= 40
    assert len(model.work_packages) >= 12
    assert all(p.cost is not None and p.cost.funding for p in model.work_packages)
    names = " ".join(p.name.lower() for p in model.processes)
    for process in ("border", "visa", "asylum", "identity check", "manual verification"):
        assert process in names
    eu_targets = {f.to for f in model.flows} | {f.via for f in model.flows}
    for system in (
        "eu.EES",
        "eu.VIS",
        "eu.ETIAS",
        "eu.SIS",
        "eu.Eurodac",
        "eu.ECRIS-TCN",
        "eu.ESP",
        "eu.sBMS",
        "eu.CIR",
        "eu.MID",
    ):
        assert system in eu_targets, system


def test_check_findings_of_the_example_match_the_golden_file() -> None:
    result = run_archlex("check", "model", "--format", "json", "--as-of", AS_OF)
    assert result.returncode == 1, result.stderr  # the example is honest about its gaps
    report = json.loads(result.stdout)
    if UPDATE_GOLDEN:
        GOLDEN.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert report == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_check_output_is_byte_identical_across_runs() -> None:
    first = run_archlex("check", "model", "--format", "json", "--as-of", AS_OF).stdout
    second = run_archlex("check", "model", "--format", "json", "--as-of", AS_OF).stdout
    assert first == second and first
