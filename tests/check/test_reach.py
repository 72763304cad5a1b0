"""Each rule's reach (`@rule(..., reach=...)`, archlex.check.reach): run over a model of one
entity alone (with the whole model's ids and kinds), a rule finds about that entity what it
finds in the whole model, for every entity with a field in the rule's reach, on the example
and on every rule's `bad` example. A new rule without a declaration, a reach wider than what
the rule reads, or a rule whose findings about an entity need other entities' fields, fails
here."""

from __future__ import annotations

import pytest

from archlex.api import load
from archlex.check.context import CheckContext
from archlex.check.reach import KIND_OF, Edit, findings_again, rules_to_rerun
from archlex.check.reads import reads
from archlex.findings import Finding, Severity
from archlex.load import Project
from archlex.model import Waiver
from archlex.rules import RULES, Phase, RuleInfo
from tests.check.models import TODAY
from tests.check.test_reads import EXAMPLE, _bad_model
from tests.conftest import WriteModel

# In a model where no id is written twice, these find nothing about an entity (the reference
# pass's other findings are about the manifest): their reach is checked, but finds nothing.
ABOUT_NO_ENTITY = frozenset({"duplicate-id", "schema"})
REACHING = sorted(r for r, info in RULES.items() if info.reach and info.function is not None)
Row = tuple[object, ...]


def _rows(findings: list[Finding]) -> list[Row]:
    return sorted((f.rule, f.message, f.file, f.line, f.column, f.target, f.hint) for f in findings)


def _whole(project: Project, rule: str) -> list[Finding]:
    function = RULES[rule].function
    assert function is not None
    return list(function(CheckContext(project, TODAY, rule)))


def _alone_and_whole(project: Project, rule: str) -> list[tuple[str, list[Row], list[Row]]]:
    """For each entity of the model's own files with a field in the rule's reach: what the
    rule finds about it alone, and in the whole model."""
    reach = RULES[rule].reach or {}
    whole = _whole(project, rule)
    kinds = project.model.kinds()
    compared = []
    for entity, located in project.sources.placed:
        kind = KIND_OF.get(type(entity))
        if located.file.startswith("[") or kind is None or not reach.get(kind):
            continue
        edit = Edit(entity, located, kind, reach[kind])
        alone = findings_again(project, kinds, [edit], {rule: RULES[rule]}, TODAY)
        about = [f for f in whole if f.target == entity.id]
        compared.append((entity.id, _rows(alone), _rows(about)))
    return compared


def _without_duplicates(project: Project) -> bool:
    """Whether the incremental check would keep the model's ids (none written twice)."""
    return not project.invalid_ids and all(len(p) == 1 for p in project.sources.entities.values())


def test_every_rule_declares_its_reach() -> None:
    assert [r for r, info in RULES.items() if info.reach is None] == []


def test_a_rule_reaches_only_fields_it_reads() -> None:
    for rule, info in RULES.items():
        for kind, names in (info.reach or {}).items():
            assert names <= (info.reads or {}).get(kind, frozenset()), (rule, kind)


def test_a_rule_without_a_reach_makes_every_edit_checked_in_full() -> None:
    project = load(EXAMPLE, EXAMPLE.parent)
    entity, located = next(
        (e, where) for e, where in project.sources.placed if KIND_OF.get(type(e)) == "risks"
    )
    edit = Edit(entity, located, "risks", frozenset({"mitigation"}))
    known = list(RULES.values())
    assert rules_to_rerun([edit], known, set(), [], True) == {"risk-unmanaged"}
    undeclared = RuleInfo("new-rule", Severity.INFO, "new", Phase.CHECK, reads={})
    assert rules_to_rerun([edit], [*known, undeclared], set(), [], True) is None
    wider = RuleInfo(
        "new-rule", Severity.INFO, "new", Phase.CHECK, reads=reads(risks={"mitigation"})
    )
    assert rules_to_rerun([edit], [*known, _reaching(wider, {})], set(), [], True) is None
    waived = [Waiver(rule="risk-unmanaged", target=entity.id, reason="accepted")]
    assert rules_to_rerun([edit], known, set(), waived, True) is None  # whether it is used
    assert rules_to_rerun([edit], known, {"risk-unmanaged"}, [], True) == set()


def _reaching(info: RuleInfo, reach: dict[str, frozenset[str]]) -> RuleInfo:
    return RuleInfo(info.id, info.severity, info.summary, info.phase, reads=info.reads, reach=reach)


def test_a_coverage_field_not_kept_is_checked_in_full() -> None:
    project = load(EXAMPLE, EXAMPLE.parent)
    entity, located = next(
        (e, where) for e, where in project.sources.placed if KIND_OF.get(type(e)) == "requirements"
    )
    known = list(RULES.values())
    allocated = Edit(entity, located, "requirements", frozenset({"allocated_to"}))
    assert rules_to_rerun([allocated], known, set(), [], True) == {
        "duplicate-id",
        "requirement-unallocated",
        "schema",
        "unknown-provision",
        "unknown-reference",
    }
    assert rules_to_rerun([allocated], known, set(), [], False) is None  # no facts kept
    cited = Edit(entity, located, "requirements", frozenset({"satisfies"}))
    assert rules_to_rerun([cited], known, set(), [], True) is None  # obligation-untraced


@pytest.mark.parametrize("rule", REACHING, ids=str)
def test_a_rule_finds_about_an_entity_alone_what_it_finds_in_the_model(
    write_model: WriteModel, rule: str
) -> None:
    compared = _alone_and_whole(load(EXAMPLE, EXAMPLE.parent), rule)
    assert compared  # the example has entities with fields in its reach
    for entity, alone, whole in compared:
        assert alone == whole, entity
    found_any = any(whole for _, _, whole in compared)
    for other in sorted(RULES):
        if other not in REACHING and other != rule:
            continue
        path = _bad_model(write_model, other)
        bad = load(path, path.parent)
        if not _without_duplicates(bad):
            continue  # the incremental check keeps no ids then: checked in full
        for entity, alone, whole in _alone_and_whole(bad, rule):
            assert alone == whole, (other, entity)
            found_any = found_any or bool(whole)
    # some entity has a finding of the rule, so the comparison says something
    assert found_any or rule in ABOUT_NO_ENTITY
