"""Each rule's `through` (archlex.check.neighbours): after an edit of a requirement's citations
or a work package's deliveries or end, a rule finds about each entity the edit reaches, run
over their neighbourhood, what it finds in the whole model; the coverage of each obligation
reached is the whole model's. Checked for every requirement and work package of the example
and of every rule's `bad` example. A rule registered without the declaration, one wider than
what the rule reads or than the links followed, and an `idle` that is wrong fail here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

import pytest

from archlex.api import load
from archlex.check.context import CheckContext
from archlex.check.coverage import Coverage, ObligationCoverage
from archlex.check.neighbours import (
    FOLLOWED,
    Fetch,
    Links,
    delivered_by,
    delivered_now,
    kept_of,
    law_of,
    reached,
    stand_ins,
)
from archlex.check.reach import KIND_OF, Edit, planned
from archlex.check.reads import reads
from archlex.check.run import coverage_of
from archlex.check.statuses import requirement_facts
from archlex.check.through import context_of, findings_through, rows_through
from archlex.check.unchanged import with_entities
from archlex.findings import Finding, Severity
from archlex.load import Project
from archlex.load.sources import Located, SourceMap
from archlex.model import Waiver
from archlex.model.common import Entity
from archlex.rules import RULES, Phase, RuleInfo
from tests.check.models import TODAY
from tests.check.test_reads import EXAMPLE, _bad_model
from tests.conftest import WriteModel

THROUGH = sorted(r for r, info in RULES.items() if info.through and info.function is not None)
Row = tuple[object, ...]


def _rows(findings: Iterable[Finding]) -> list[Row]:
    return sorted((f.rule, f.message, f.file, f.line, f.column, f.target, f.hint) for f in findings)


def _whole(project: Project, rule: str) -> list[Finding]:
    function = RULES[rule].function
    assert function is not None
    return list(function(CheckContext(project, TODAY, rule)))


def _links(project: Project) -> tuple[Links, Coverage] | None:
    """What the last check would keep of the project (its entities found in memory)."""
    context = CheckContext(project, TODAY)
    coverage = Coverage([coverage_of(context.graph, o) for o in context.applicable])
    law = law_of(project, coverage)
    if law is None or project.invalid_ids:
        return None
    if any(len(places) > 1 for places in project.sources.entities.values()):
        return None  # an id written twice: the last check keeps no links
    model = project.model
    homes = {e.id: 0 for e in [*model.requirements, *model.work_packages]}
    delivered = delivered_by(model.work_packages)
    return Links(["-"], ["-"], homes, delivered, law, *kept_of(model)), coverage


def _fetch(project: Project) -> Fetch:
    placed = {entity.id: (entity, located) for entity, located in project.sources.placed}

    def fetch(ids: Iterable[str]) -> dict[str, tuple[Entity, Located]]:
        return {i: placed[i] for i in sorted(ids) if i in placed}

    return fetch


def _with(project: Project, before: Entity, after: Entity) -> Project:
    """The project with one entity edited."""
    model = replace(project.model)
    for kind in ("requirements", "work_packages"):
        setattr(model, kind, [after if e is before else e for e in getattr(model, kind)])
    model.reindex()
    sources = SourceMap()
    for entity, located in project.sources.placed:
        sources.add(after if entity is before else entity, located)
    return with_entities(project, model, sources)


def _compared(project: Project, rules: list[str]) -> list[tuple[str, list[Row], list[Row]]]:
    """For each requirement and work package of the model's own files, as it is and with its
    followed fields emptied: what the rules find about the entities the edit reaches, in
    their neighbourhood and in the whole edited model; and the coverage of the obligations
    reached, both ways."""
    kept = _links(project)
    if kept is None:
        return []
    links, coverage = kept
    kinds = project.model.kinds()
    facts = requirement_facts(project.model)
    assert facts is not None
    compared = []
    for entity, located in project.sources.placed:
        kind = KIND_OF.get(type(entity))
        if located.file.startswith("[") or kind is None or kind not in FOLLOWED:
            continue
        bare = entity.model_copy(update={key: [] for key in FOLLOWED[kind] - {"end"}})
        for after in (entity, bare):
            edited = [(entity, after, FOLLOWED[kind])]
            now = replace(links, delivered_by=dict(links.delivered_by))
            targets = reached(edited, now, coverage)
            delivered_now(now, edited)
            whole_project = _with(project, entity, after)
            # Those around what is reached stand in as the last check kept them.
            around = (_fetch(whole_project), stand_ins(now, facts, lambda home: True))
            context = context_of(whole_project, kinds, now, coverage, targets, around, TODAY)
            ids = targets.ids(now)
            found = findings_through(context, ids, {r: RULES[r] for r in rules})
            whole = [f for rule in rules for f in _whole(whole_project, rule) if f.target in ids]
            compared.append((entity.id, _rows(found), _rows(whole)))
            rows = _coverage(whole_project)
            again = rows_through(context)
            assert again == {o: rows[o] for o in again}, entity.id
            assert len(again) == len(targets.obligations)
    return compared


def _coverage(project: Project) -> dict[str, ObligationCoverage]:
    context = CheckContext(project, TODAY)
    return {o.id: coverage_of(context.graph, o) for o in context.applicable}


def test_every_rule_declares_what_it_finds_through_links() -> None:
    assert [r for r, info in RULES.items() if info.through is None] == []


def test_a_rule_follows_only_fields_it_reads_and_links_followed() -> None:
    for rule, info in RULES.items():
        for kind, names in (info.through or {}).items():
            assert names <= (info.reads or {}).get(kind, frozenset()), (rule, kind)
            assert names <= FOLLOWED.get(kind, frozenset()), (rule, kind)


def _edit_of(project: Project, kind: str, names: set[str]) -> Edit:
    entity, located = next(
        (e, where) for e, where in project.sources.placed if KIND_OF.get(type(e)) == kind
    )
    return Edit(entity, located, kind, frozenset(names), entity)


def test_a_rule_without_the_declaration_makes_a_citation_edit_checked_in_full() -> None:
    project = load(EXAMPLE, EXAMPLE.parent)
    manifest = project.model.manifest
    cited = _edit_of(project, "requirements", {"satisfies"})
    known = list(RULES.values())
    plan = planned([cited], known, set(), [], True, manifest)
    assert plan is not None and plan.followed
    assert plan.through == {"deadline-missed", "obligation-untraced"}
    assert planned([cited], known, set(), [], True) is None  # no links kept
    undeclared = RuleInfo(
        "new-rule", Severity.INFO, "new", Phase.CHECK, reads={}, reach={}, through=None
    )
    assert planned([cited], [*known, undeclared], set(), [], True, manifest) is None
    reading = reads(requirements={"satisfies"})
    narrow = RuleInfo(
        "new-rule", Severity.INFO, "new", Phase.CHECK, reads=reading, reach={}, through={}
    )
    assert planned([cited], [*known, narrow], set(), [], True, manifest) is None
    waived = [Waiver(rule="obligation-untraced", target="eu.X", reason="accepted")]
    assert planned([cited], known, set(), waived, True, manifest) is None  # any target
    assert planned([cited], known, set(), [], False, manifest) is None  # the coverage's facts
    delivered = _edit_of(project, "work_packages", {"delivers"})
    plan = planned([delivered], known, set(), [], True, manifest)
    assert plan is not None
    assert plan.through == {"deadline-missed", "requirement-unscheduled"}
    ended = _edit_of(project, "work_packages", {"end"})
    assert planned([ended], known, set(), [], True, manifest) is None  # roadmap-order reads it


def test_an_idle_rule_finds_nothing(write_model: WriteModel) -> None:
    idle = sorted(r for r, info in RULES.items() if info.idle is not None)
    assert idle == ["provision-changed"]
    both = set()
    for rule in idle:
        check = RULES[rule].idle
        assert check is not None
        for other in sorted(RULES):
            path = _bad_model(write_model, other)
            project = load(path, path.parent)
            quiet = check(project.model.manifest)
            both.add(quiet)
            if quiet:
                assert _whole(project, rule) == [], other
    assert both == {True, False}  # its own bad example is not idle


def test_the_example_keeps_links() -> None:
    assert _links(load(EXAMPLE, EXAMPLE.parent)) is not None


@pytest.mark.parametrize("rule", THROUGH, ids=str)
def test_a_rule_finds_about_what_an_edit_reaches_what_it_finds_in_the_model(
    write_model: WriteModel, rule: str
) -> None:
    compared = _compared(load(EXAMPLE, EXAMPLE.parent), [rule])
    assert compared
    for entity, alone, whole in compared:
        assert alone == whole, entity
    found_any = any(whole for _, _, whole in compared)
    for other in sorted(RULES):
        if other not in THROUGH:
            continue
        path = _bad_model(write_model, other)
        for entity, alone, whole in _compared(load(path, path.parent), [rule]):
            assert alone == whole, (other, entity)
            found_any = found_any or bool(whole)
    assert found_any  # some entity reached has a finding of the rule
