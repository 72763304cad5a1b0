"""The rule registry: one module per rule, its examples beside it, severities from one place."""

from __future__ import annotations

import dataclasses
from importlib import resources

import pytest

from archlex.api import validate_model
from archlex.findings import Severity
from archlex.load import load_project
from archlex.rules import RULES, VALIDATE_RULES, Phase, RuleInfo, _discovered
from tests.conftest import WriteModel

RULE_PACKAGE = resources.files("archlex.check.rules")
BROKEN_REFERENCE = {"s.yaml": "systems:\n  - {id: s, name: S, kind: national, owner: nobody}\n"}


def test_each_rule_module_declares_the_rule_it_is_named_after() -> None:
    modules = sorted(
        p.name.removesuffix(".py")
        for p in RULE_PACKAGE.iterdir()
        if p.name.endswith(".py") and p.name != "__init__.py"
    )
    assert modules == sorted(rule.replace("-", "_") for rule in RULES)
    for info in RULES.values():
        assert info.module == f"archlex.check.rules.{info.id.replace('-', '_')}"


def test_every_rule_has_exactly_its_two_example_files() -> None:
    examples = sorted(p.name for p in (RULE_PACKAGE / "examples").iterdir())
    expected = sorted(f"{rule}.{kind}.yaml" for rule in RULES for kind in ("bad", "good"))
    assert examples == expected


def test_phases_come_from_the_declarations() -> None:
    assert set(VALIDATE_RULES) == {r.id for r in RULES.values() if r.phase is Phase.VALIDATE}
    assert {"unknown-reference", "duplicate-id", "id-confusable"} <= set(VALIDATE_RULES)
    assert "obligation-untraced" not in VALIDATE_RULES


def test_the_loader_only_reads_and_the_validate_rules_find_the_rest(
    write_model: WriteModel,
) -> None:
    root = write_model(BROKEN_REFERENCE)
    assert load_project(root, root).findings == []
    [finding] = validate_model(root, root).findings
    assert (finding.rule, finding.target, finding.file, finding.line) == (
        "unknown-reference",
        "s",
        "s.yaml",
        2,
    )


@pytest.mark.parametrize(
    ("rule", "files", "manifest_extra"),
    [
        ("unknown-reference", BROKEN_REFERENCE, ""),  # found by a validate-phase rule
        ("include-unmatched", {}, 'include: ["nothing/*.yaml"]\n'),  # found by the loader
    ],
)
def test_every_finding_takes_its_severity_from_the_registry(
    write_model: WriteModel,
    monkeypatch: pytest.MonkeyPatch,
    rule: str,
    files: dict[str, str],
    manifest_extra: str,
) -> None:
    manifest = "archlex: 1\nname: Severity\n" + manifest_extra
    root = write_model(files, manifest) if manifest_extra else write_model(files)
    declared: RuleInfo = RULES[rule]
    monkeypatch.setitem(_discovered(), rule, dataclasses.replace(declared, severity=Severity.INFO))
    found = [f for f in validate_model(root, root).findings if f.rule == rule]
    assert found and {f.severity for f in found} == {Severity.INFO}
