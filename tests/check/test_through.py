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
from archlex.check.flow_links import FlowLinks, followed_of, placed_in
from archlex.check.flow_links import context_of as flow_context_of
from archlex.check.flow_links import findings_through as flow_findings_through
from archlex.check.flow_links import reached as flows_reached
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
from archlex.model import Flow, Waiver
from archlex.model.common import Entity
from archlex.rules import RULES, Phase, RuleInfo
from tests.check.models import TODAY
from tests.check.test_reads import EXAMPLE, _bad_model
from tests.conftest import WriteModel

THROUGH = sorted(
    r
    for r, info in RULES.items()
    if info.function is not None and set(info.through or {}) - {"flows"}
)
# The rules that follow a flow's ends (archlex.check.flow_links).
FLOW_THROUGH = sorted(
    r for r, info in RULES.items() if info.function is not None and "flows" in (info.through or {})
)
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
    for kind in ("flows", "requirements", "work_packages"):
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
        if kind == "flows":  # archlex.check.flow_links: _compared_flows
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


def _flow_links(project: Project) -> FlowLinks:
    """What the last check would keep of the project to follow flows' ends (its entities
    found in memory)."""
    model = project.model
    homes = {e.id: 0 for e in [*model.systems, *model.data, *model.access]}
    return FlowLinks(["-"], homes, *followed_of(model))


def _ends_edited(flow: Flow, systems: list[str], data: list[str]) -> list[Flow]:
    """A flow as written and with its ends edited: swapped, to an unknown id, through, to and
    from a system of each kind (and a component), without `via`; without its data, citations
    or logging, or with every data category of the model."""
    update: list[dict[str, object]] = [
        {},
        {"from_": flow.to, "to": flow.from_},
        {"to": "NO-SUCH-SYSTEM"},
        {"from_": "NO-SUCH-SYSTEM", "via": None},
        {"data": []},
        {"data": [*data, "NO-SUCH-DATA"]},
        {"legal_basis": []},
        {"logging": None},
        {"legal_basis": [], "logging": None, "data": data},
    ]
    update += [{"via": system} for system in systems]
    update += [{"to": system} for system in systems]
    update += [{"from_": system} for system in systems[:3]]
    return [flow.model_copy(update=values) for values in update]


def _compared_flows(project: Project, rules: list[str]) -> list[tuple[str, list[Row], list[Row]]]:
    """For each flow of the model's own files, as written and with its ends edited: what the
    rules find about the entities the edit reaches (the flow, the systems at its old and new
    ends), in their neighbourhood and in the whole edited model. A model with views is
    checked in full: nothing to compare."""
    if project.model.views or project.invalid_ids:
        return []
    if any(len(places) > 1 for places in project.sources.entities.values()):
        return []  # an id written twice: the last check keeps no links
    links = _flow_links(project)
    kinds = project.model.kinds()
    # one system of each kind, and a component
    kinds_of = {s.kind: s.id for s in reversed(project.model.systems)}
    parts = [c.id for c in project.model.components[:1]]
    systems = sorted(kinds_of.values()) + parts
    functions = {r: f for r in rules if (f := RULES[r].function) is not None}
    compared = []
    for entity, located in project.sources.placed:
        if located.file.startswith("[") or not isinstance(entity, Flow):
            continue
        for after in _ends_edited(entity, systems, [d.id for d in project.model.data]):
            edits = [(entity, after, located)]
            whole_project = _with(project, entity, after)
            placed = whole_project.sources.placed

            def fetch(ids: Iterable[str]) -> dict[str, tuple[Entity, Located]]:
                return placed_in(placed, set(ids), links)  # noqa: B023 (called at once)

            context = flow_context_of(whole_project, kinds, links, edits, fetch, TODAY)
            ids = flows_reached(edits, links)
            found = flow_findings_through(context, ids, functions)
            whole = [f for rule in rules for f in _whole(whole_project, rule) if f.target in ids]
            compared.append((entity.id, _rows(found), _rows(whole)))
    return compared


# Rules that find only about views, of which a model with views is checked in full.
ABOUT_VIEWS = {"view-invalid"}


@pytest.mark.parametrize("rule", FLOW_THROUGH, ids=str)
def test_a_rule_finds_about_what_a_flow_end_edit_reaches_what_it_finds_in_the_model(
    write_model: WriteModel, rule: str
) -> None:
    example = load(EXAMPLE, EXAMPLE.parent)
    assert _compared_flows(example, [rule]) == []  # it has views: checked in full
    example.model.views = []
    example.model.reindex()
    compared = _compared_flows(example, [rule])
    assert compared
    found_any = False
    for other in FLOW_THROUGH:
        path = _bad_model(write_model, other)
        compared += _compared_flows(load(path, path.parent), [rule])
    for entity, alone, whole in compared:
        assert alone == whole, entity
        found_any = found_any or bool(whole)
    assert found_any or rule in ABOUT_VIEWS  # some entity reached has a finding of the rule


def test_flow_end_rules_are_those_reading_them() -> None:
    reading = sorted(
        r
        for r, info in RULES.items()
        if (info.reads or {}).get("flows", frozenset()) & {"from_", "to", "via"}
        and not {"from_", "to", "via"} <= (info.reach or {}).get("flows", frozenset())
    )
    assert reading == FLOW_THROUGH
    assert FLOW_THROUGH == [
        "flow-not-logged",
        "flow-without-legal-basis",
        "legal-basis-mismatch",
        "orphan-system",
        "special-data-outside-holders",
        "unknown-reference",
        "view-invalid",
    ]


def test_a_flow_end_edit_is_planned_through_links_and_a_waiver_makes_it_full() -> None:
    project = load(EXAMPLE, EXAMPLE.parent)
    manifest = project.model.manifest
    moved = _edit_of(project, "flows", {"to"})
    known = list(RULES.values())
    plan = planned([moved], known, set(), [], True, manifest)
    assert plan is not None and plan.followed
    assert plan.through == set(FLOW_THROUGH)
    assert plan.reach == {"duplicate-id", "schema", "unknown-provision"}
    assert planned([moved], known, set(), [], True) is None  # no links kept
    waived = [Waiver(rule="orphan-system", target="eu.X", reason="accepted")]
    assert planned([moved], known, set(), waived, True, manifest) is None  # any target
    cited = _edit_of(project, "flows", {"legal_basis"})
    plan = planned([cited], known, set(), [], True, manifest)
    assert plan is not None  # what the flow rules read of the flow alone: followed too
    assert plan.through == {"flow-without-legal-basis", "legal-basis-mismatch"}
