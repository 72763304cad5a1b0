"""SARIF: valid against the OASIS schema, what GitHub code scanning needs, stable fingerprints."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema.validators import validator_for

from archlex import __version__
from archlex.api import check_model
from archlex.findings import Severity
from archlex.formats import DOCS_URL
from archlex.formats.sarif import FINGERPRINT_KEY, model_prefix, rule_name
from archlex.outcome import Report
from archlex.rules import RULES
from tests.conftest import REPO, WriteModel
from tests.formats.conftest import HOSTILE, MANIFEST, SYSTEMS, finding, render, with_findings
from tests.hostile.cli import run_in_process

RULE_REFERENCE = REPO / "docs" / "rules.md"
SCHEMA_PATH = Path(__file__).resolve().parents[1] / "data" / "sarif-schema-2.1.0.json"


def sarif(report: Report) -> dict[str, Any]:
    """The SARIF log of a report, checked against the official schema."""
    log: dict[str, Any] = json.loads(render(report, "sarif"))
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator_class = validator_for(schema)  # the schema names draft-04
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)
    return log


def results(report: Report) -> list[dict[str, Any]]:
    """The results of the one run."""
    run = sarif(report)["runs"][0]
    assert isinstance(run["results"], list)
    return run["results"]


def location(result: dict[str, Any]) -> tuple[str, int, int]:
    """The URI, start line and start column of a result."""
    physical = result["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    region = physical["region"]
    return physical["artifactLocation"]["uri"], region["startLine"], region["startColumn"]


def test_checked_model_is_valid_sarif_with_every_rule(checked: Report) -> None:
    log = sarif(checked)
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("archlex", __version__)
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == sorted(ids)
    assert set(RULES) <= set(ids)
    for result in run["results"]:
        assert ids[result["ruleIndex"]] == result["ruleId"]
    assert {r["ruleId"] for r in run["results"]} >= {"unknown-reference", "orphan-system"}


def test_rule_descriptors_carry_name_description_and_level(checked: Report) -> None:
    rules = {rule["id"]: rule for rule in sarif(checked)["runs"][0]["tool"]["driver"]["rules"]}
    reference = rules["unknown-reference"]
    assert reference["name"] == "UnknownReference"
    assert reference["shortDescription"]["text"] == "A reference names no entity"
    assert reference["fullDescription"]["text"]
    assert reference["defaultConfiguration"]["level"] == "error"
    assert rules["orphan-system"]["defaultConfiguration"]["level"] == "note"
    assert rule_name("flow-without-legal-basis") == "FlowWithoutLegalBasis"


def test_results_have_level_message_with_hint_and_repository_uri(checked: Report) -> None:
    (error,) = [r for r in results(checked) if r["ruleId"] == "unknown-reference"]
    assert error["level"] == "error"
    assert location(error) == ("model/systems.yaml", 9, 12)
    assert error["message"]["text"].endswith("\nhint: did you mean `state-police`?")
    assert error["locations"][0]["logicalLocations"] == [
        {"fullyQualifiedName": "police-information-system", "kind": "object"}
    ]
    notes = [r for r in results(checked) if r["ruleId"] == "orphan-system"]
    assert [n["level"] for n in notes] == ["note", "note"]


def test_waived_findings_are_suppressed(checked: Report) -> None:
    suppressed = [r for r in results(checked) if "suppressions" in r]
    assert [r["ruleId"] for r in suppressed] == ["requirement-unscheduled"]
    assert suppressed[0]["suppressions"] == [
        {"kind": "external", "justification": "waived in archlex.yaml"}
    ]
    assert all(
        "suppressions" not in r
        for r in results(checked)
        if r["ruleId"] != "requirement-unscheduled"
    )


def test_output_is_identical_across_runs(checked: Report) -> None:
    again = check_model(checked.project.root)
    assert render(checked, "sarif") == render(again, "sarif")


def fingerprints(report: Report) -> list[tuple[str, str, int]]:
    """(rule, fingerprint, start line) for every result, in the report's order."""
    return [
        (r["ruleId"], r["partialFingerprints"][FINGERPRINT_KEY], location(r)[1])
        for r in results(report)
    ]


def test_fingerprints_survive_lines_moving_down(
    write_model: WriteModel, in_repository: Path
) -> None:
    duplicate = "  - id: lonely\n    name: Lonely again\n    kind: national\n"
    text = SYSTEMS.replace("requirements:", duplicate + "requirements:")
    root = write_model({"systems.yaml": text}, MANIFEST)
    before = fingerprints(check_model(root))
    # The duplicate-id message quotes the first definition's line, which moves too.
    assert "already used at systems.yaml:10" in render(check_model(root), "sarif")
    (root / "systems.yaml").write_text("# a comment\n\n" + text, encoding="utf-8")
    after = fingerprints(check_model(root))
    assert "already used at systems.yaml:12" in render(check_model(root), "sarif")
    assert "duplicate-id" in [rule for rule, _, _ in before]
    assert after == [(rule, digest, line + 2) for rule, digest, line in before]


def test_same_text_twice_gets_distinct_fingerprints(checked: Report) -> None:
    twice = [finding(line=3, target=None), finding(line=30, target=None)]
    prints = [
        r["partialFingerprints"][FINGERPRINT_KEY] for r in results(with_findings(checked, twice))
    ]
    assert prints[0].split(":")[0] == prints[1].split(":")[0]
    assert [p.split(":")[1] for p in prints] == ["1", "2"]


def test_library_findings_point_at_the_manifest(checked: Report) -> None:
    library = finding("eu.FOO is odd", file="[eu]/systems/eu.yaml", line=12, column=5)
    (result,) = results(with_findings(checked, [library]))
    assert location(result) == ("model/archlex.yaml", 1, 1)
    assert result["message"]["text"] == "[eu]/systems/eu.yaml:12:5: eu.FOO is odd"


def test_uris_are_relative_to_the_working_directory(checked: Report, in_repository: Path) -> None:
    (in_repository / "elsewhere").mkdir()
    expected = {
        in_repository: "model/",
        in_repository / "model": "",
        in_repository / "elsewhere": "",
    }
    for cwd, prefix in expected.items():
        checked.project.cwd = cwd  # the folder archlex was run from
        error = next(r for r in results(checked) if r["ruleId"] == "unknown-reference")
        assert location(error)[0] == prefix + "systems.yaml", cwd
    assert model_prefix(Path("infra/arch model"), Path()) == "infra/arch model/"


def test_uris_are_percent_encoded(write_model: WriteModel, in_repository: Path) -> None:
    root = in_repository / "arch model"
    write_model({"systems.yaml": SYSTEMS}, MANIFEST).rename(root)
    error = next(r for r in results(check_model(root)) if r["ruleId"] == "unknown-reference")
    assert location(error)[0] == "arch%20model/systems.yaml"


def test_hostile_text_stays_valid_json(checked: Report) -> None:
    hostile = finding(HOSTILE, hint=HOSTILE, severity=Severity.WARNING, target=HOSTILE)
    (result,) = results(with_findings(checked, [hostile]))
    assert result["message"]["text"] == f"{HOSTILE}\nhint: {HOSTILE}"
    assert result["level"] == "warning"


def test_a_rule_missing_from_the_catalogue_still_gets_a_descriptor(checked: Report) -> None:
    odd = finding(rule="brand-new-rule", severity=Severity.INFO)
    log = sarif(with_findings(checked, [odd]))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    (result,) = log["runs"][0]["results"]
    assert rules[result["ruleIndex"]]["id"] == "brand-new-rule"


def test_the_eu_library_gives_valid_sarif_with_stable_fingerprints(
    write_model: WriteModel, in_repository: Path
) -> None:
    manifest = MANIFEST.replace("uses: []", "uses: [eu]")
    root = write_model({"systems.yaml": SYSTEMS}, manifest)
    before = fingerprints(check_model(root))
    (root / "archlex.yaml").write_text("# a comment\n" + manifest, encoding="utf-8")
    after = fingerprints(check_model(root))
    assert len(before) > 3  # the library adds findings of its own
    assert sorted(digest for _, digest, _ in before) == sorted(digest for _, digest, _ in after)


def test_every_rule_links_to_its_section_of_the_rule_reference(checked: Report) -> None:
    driver = sarif(checked)["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == DOCS_URL
    headings = set(re.findall(r"^## (\S+)$", RULE_REFERENCE.read_text("utf-8"), re.M))
    for rule in driver["rules"]:
        page, anchor = rule["helpUri"].split("#")
        assert page == DOCS_URL + "rules.html"
        assert anchor == rule["id"] and anchor in headings  # the section exists


def test_a_self_hosted_docs_site_is_named_on_the_command_line_or_in_the_environment(
    write_model: WriteModel, in_repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_model({"systems.yaml": SYSTEMS}, MANIFEST)
    own = "https://docs.example.lv/archlex"
    given = run_in_process("check", "model", "-f", "sarif", "--docs-url", own, cwd=in_repository)
    monkeypatch.setenv("ARCHLEX_DOCS_URL", own + "/")
    from_environment = run_in_process("check", "model", "-f", "sarif", cwd=in_repository)
    for result in (given, from_environment):
        driver = json.loads(result.stdout)["runs"][0]["tool"]["driver"]
        assert driver["informationUri"].rstrip("/") == own
        uris = {rule["helpUri"] for rule in driver["rules"]}
        assert f"{own}/rules.html#flow-not-logged" in uris
