"""What each entity refers to: the ids it names (with the kinds they may name) and the
provisions it cites, each with where it is written.

The reference pass (archlex.check.references) asks this of every entity of the model, and
nearly every id names what it should, so the common case is kept cheap: each kind's
references are listed by one function found once per class (not a chain of isinstance tests
per entity), and an item of a list is given as the list's path and its index, the full path
(`(*path, index)`) being made only where it is needed (`references_of`, a finding).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from archlex.model import (
    AccessGrant,
    Act,
    Connection,
    DataCategory,
    Decision,
    EventDate,
    Flow,
    MidLink,
    Milestone,
    NationalAct,
    Network,
    Node,
    Obligation,
    Organisation,
    Process,
    Provision,
    Regulation,
    Requirement,
    Risk,
    Role,
    Standard,
    System,
    WorkPackage,
)
from archlex.model.common import Entity

Path = tuple[str | int, ...]
Kinds = frozenset[str]
# A reference: the id, the kinds it may name, the path of its field and, for an item of a
# list, its index in that list (None for a field of its own).
Reference = tuple[str, Kinds, Path, int | None]
Cited = tuple[Provision, Path, int | None]

SYSTEM: Kinds = frozenset({"system", "component"})
ORGANISATION: Kinds = frozenset({"organisation"})
ROLE: Kinds = frozenset({"role"})
ANY: Kinds = frozenset()
ACT: Kinds = frozenset({"act"})
MEMBER_STATE = "member-state"
_ACTOR: Kinds = ROLE | {MEMBER_STATE}
_DATA: Kinds = frozenset({"data"})
_PROCESS: Kinds = frozenset({"process"})
_FLOW: Kinds = frozenset({"flow"})
_PHASE: Kinds = frozenset({"phase"})
_WORK_PACKAGE: Kinds = frozenset({"work package"})
_REQUIREMENT: Kinds = frozenset({"requirement"})
_DECISION: Kinds = frozenset({"decision"})
_NODE: Kinds = frozenset({"node"})
_NETWORK: Kinds = frozenset({"network"})
_STANDARD: Kinds = frozenset({"standard"})
_EVENT_ACT: Kinds = ACT | {"regulation"}


def references_of(entity: Entity) -> Iterator[tuple[str, Path, Kinds]]:
    """Every id an entity refers to, with where it is written and the kinds it may name."""
    for value, kinds, path, index in references(entity):
        yield value, (path if index is None else (*path, index)), kinds


def provisions_of(entity: Entity) -> Iterator[tuple[Provision, Path]]:
    """Every provision an entity cites, with where it is written."""
    for provision, path, index in citations(entity):
        yield provision, (path if index is None else (*path, index))


def references(entity: Entity) -> Iterator[Reference]:
    """`references_of`, each list item given as its list's path and its index."""
    lister = _REFERENCES.get(type(entity))
    if lister is None:
        lister = _REFERENCES[type(entity)] = _references_lister(type(entity))
    return lister(entity)


def citations(entity: Entity) -> Iterator[Cited]:
    """`provisions_of`, each list item given as its list's path and its index."""
    lister = _CITATIONS.get(type(entity))
    if lister is None:
        lister = _CITATIONS[type(entity)] = _citations_lister(type(entity))
    return lister(entity)


def _organisation(entity: Organisation) -> Iterator[Reference]:
    for i, grant in enumerate(entity.roles):
        yield grant.role, ROLE, ("roles", i, "role"), None
        for j, system in enumerate(grant.for_):
            yield system, SYSTEM, ("roles", i, "for"), j


def _system(entity: System) -> Iterator[Reference]:
    if entity.owner is not None:
        yield entity.owner, ORGANISATION, ("owner",), None
    if entity.operator is not None:
        yield entity.operator, ORGANISATION, ("operator",), None


def _flow(entity: Flow) -> Iterator[Reference]:
    yield entity.from_, SYSTEM, ("from",), None
    yield entity.to, SYSTEM, ("to",), None
    if entity.via is not None:
        yield entity.via, SYSTEM, ("via",), None
    for i, data in enumerate(entity.data):
        yield data, _DATA, ("data",), i
    if entity.process is not None:
        yield entity.process, _PROCESS, ("process",), None
    if entity.logging is not None and entity.logging.by is not None:
        yield entity.logging.by, SYSTEM, ("logging", "by"), None


def _data(category: DataCategory) -> Iterator[Reference]:
    for i, organisation in enumerate(category.controller):
        yield organisation, ORGANISATION, ("controller",), i
    for i, organisation in enumerate(category.processor):
        yield organisation, ORGANISATION, ("processor",), i
    if category.master is not None:
        yield category.master, SYSTEM, ("master",), None
    for i, system in enumerate(category.held_by):
        yield system, SYSTEM, ("held_by",), i


def _process(entity: Process) -> Iterator[Reference]:
    if entity.owner is not None:
        yield entity.owner, ORGANISATION, ("owner",), None
    for i, step in enumerate(entity.steps):
        yield step, _FLOW, ("steps",), i


def _requirement(entity: Requirement) -> Iterator[Reference]:
    for i, system in enumerate(entity.allocated_to):
        yield system, SYSTEM, ("allocated_to",), i


def _work_package(entity: WorkPackage) -> Iterator[Reference]:
    if entity.phase is not None:
        yield entity.phase, _PHASE, ("phase",), None
    for i, package in enumerate(entity.depends_on):
        yield package, _WORK_PACKAGE, ("depends_on",), i
    for i, requirement in enumerate(entity.delivers):
        yield requirement, _REQUIREMENT, ("delivers",), i
    for i, system in enumerate(entity.systems):
        yield system, SYSTEM, ("systems",), i
    if entity.owner is not None:
        yield entity.owner, ORGANISATION, ("owner",), None


def _milestone(entity: Milestone) -> Iterator[Reference]:
    for i, package in enumerate(entity.after):
        yield package, _WORK_PACKAGE, ("after",), i


def _risk(entity: Risk) -> Iterator[Reference]:
    if entity.owner is not None:
        yield entity.owner, ORGANISATION, ("owner",), None
    for i, related in enumerate(entity.related):
        yield related, ANY, ("related",), i


def _decision(entity: Decision) -> Iterator[Reference]:
    for i, related in enumerate(entity.relates_to):
        yield related, ANY, ("relates_to",), i
    if entity.superseded_by is not None:
        yield entity.superseded_by, _DECISION, ("superseded_by",), None


def _national_act(entity: NationalAct) -> Iterator[Reference]:
    if entity.responsible is not None:
        yield entity.responsible, ORGANISATION, ("responsible",), None
    if entity.work_package is not None:
        yield entity.work_package, _WORK_PACKAGE, ("work_package",), None


def _network(entity: Network) -> Iterator[Reference]:
    if entity.operator is not None:
        yield entity.operator, ORGANISATION, ("operator",), None


def _node(entity: Node) -> Iterator[Reference]:
    if entity.operator is not None:
        yield entity.operator, ORGANISATION, ("operator",), None
    if entity.within is not None:
        yield entity.within, _NODE, ("within",), None
    for i, network in enumerate(entity.networks):
        yield network, _NETWORK, ("networks",), i
    for i, hosting in enumerate(entity.hosts):
        yield hosting.system, SYSTEM, ("hosts", i, "system"), None


def _connection(entity: Connection) -> Iterator[Reference]:
    yield entity.from_, SYSTEM, ("from",), None
    yield entity.to, SYSTEM, ("to",), None
    if entity.network is not None:
        yield entity.network, _NETWORK, ("network",), None
    if entity.standard is not None:
        yield entity.standard, _STANDARD, ("standard",), None
    for i, flow in enumerate(entity.flows):
        yield flow, _FLOW, ("flows",), i


def _obligation(entity: Obligation) -> Iterator[Reference]:
    yield entity.actor, _ACTOR, ("actor",), None
    for i, system in enumerate(entity.systems):
        yield system, SYSTEM, ("systems",), i
    if entity.applies_when is not None:
        for i, system in enumerate(entity.applies_when.systems_any):
            yield system, SYSTEM, ("applies_when", "systems_any"), i
    for name in ("applies_from", "deadline"):  # the component or act each event names
        rule = getattr(entity, name)
        if isinstance(rule, EventDate):
            subject, _, event = rule.after.rpartition(".")
            yield subject, (SYSTEM if event == "start" else _EVENT_ACT), (name, "after"), None


def _access_grant(entity: AccessGrant) -> Iterator[Reference]:
    yield entity.role, _ACTOR, ("role",), None
    for i, system in enumerate(entity.systems):
        yield system, SYSTEM, ("systems",), i
    if entity.via is not None:
        yield entity.via, SYSTEM, ("via",), None
    if entity.applies_when is not None:
        for i, system in enumerate(entity.applies_when.systems_any):
            yield system, SYSTEM, ("applies_when", "systems_any"), i


def _mid_link(entity: MidLink) -> Iterator[Reference]:
    for i, role in enumerate(entity.verified_by):
        yield role, ROLE, ("verified_by",), i


def _act(entity: Act) -> Iterator[Reference]:
    for i, start in enumerate(entity.starts):
        yield start.component, SYSTEM, ("starts", i, "component"), None


def _regulation(entity: Regulation) -> Iterator[Reference]:
    for i, amendment in enumerate(entity.amended_by):
        yield amendment.act, ACT, ("amended_by", i, "act"), None
    for i, article in enumerate(entity.articles):
        if article.inserted_by is not None:
            yield article.inserted_by, ACT, ("articles", i, "inserted_by"), None


def _nothing(_entity: Entity) -> Iterator[Any]:
    return iter(())


# The first class an entity is an instance of decides (the order of the old isinstance chain).
_REFERRING: list[tuple[type, Callable[..., Iterator[Reference]]]] = [
    (Organisation, _organisation),
    (System, _system),
    (Flow, _flow),
    (DataCategory, _data),
    (Process, _process),
    (Requirement, _requirement),
    (WorkPackage, _work_package),
    (Milestone, _milestone),
    (Risk, _risk),
    (Decision, _decision),
    (NationalAct, _national_act),
    (Network, _network),
    (Node, _node),
    (Connection, _connection),
    (Obligation, _obligation),
    (AccessGrant, _access_grant),
    (MidLink, _mid_link),
    (Act, _act),
    (Regulation, _regulation),
]
_REFERENCES: dict[type, Callable[..., Iterator[Reference]]] = {}


def _references_lister(cls: type) -> Callable[..., Iterator[Reference]]:
    return next((f for base, f in _REFERRING if issubclass(cls, base)), _nothing)


def _cited(field: str) -> Callable[[Entity], Iterator[Cited]]:
    def cited(entity: Entity) -> Iterator[Cited]:
        for i, provision in enumerate(getattr(entity, field)):
            yield provision, (field,), i

    return cited


def _single(entity: Obligation | AccessGrant | MidLink | Standard) -> Iterator[Cited]:
    if entity.provision is not None:
        yield entity.provision, ("provision",), None


def _changes(entity: Regulation) -> Iterator[Cited]:
    for i, amendment in enumerate(entity.amended_by):
        for j, change in enumerate(amendment.changes):
            yield change.provision, ("amended_by", i, "changes", j, "provision"), None


def _logs(entity: System) -> Iterator[Cited]:
    for index, policy in enumerate(entity.logs):
        yield policy.provision, ("logs", index, "provision"), None


def _data_citations(category: DataCategory) -> Iterator[Cited]:
    for i, provision in enumerate(category.legal_basis):
        yield provision, ("legal_basis",), i
    for i, provision in enumerate(category.retention_basis):
        yield provision, ("retention_basis",), i


_CITING: list[tuple[type, Callable[..., Iterator[Cited]]]] = [
    (Role, _cited("defined_by")),
    (Flow, _cited("legal_basis")),
    (DataCategory, _data_citations),
    (Requirement, _cited("satisfies")),
    (Milestone, _cited("deadline_of")),
    (Decision, _cited("provisions")),
    (NationalAct, _cited("implements")),
    (Obligation, _single),
    (AccessGrant, _single),
    (MidLink, _single),
    (Standard, _single),
    (Act, _cited("legal_basis")),
    (Regulation, _changes),
]
_CITATIONS: dict[type, Callable[..., Iterator[Cited]]] = {}


def _citations_lister(cls: type) -> Callable[..., Iterator[Cited]]:
    first = next((f for base, f in _CITING if issubclass(cls, base)), None)
    if not issubclass(cls, System):
        return first or _nothing
    if first is None:
        return _logs
    return lambda entity: _chained(first(entity), _logs(entity))  # a System that cites too


def _chained(*parts: Iterator[Cited]) -> Iterator[Cited]:
    for part in parts:
        yield from part
