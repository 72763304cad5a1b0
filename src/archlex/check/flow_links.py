"""Edits of a flow's ends (`from`, `to`, `via`), checked for what the edit reaches; and of what
the flow rules read of the flow alone (`data`, `legal_basis`, `logging`), the same way.

The flow rules find about the edited flow from its ends' systems (their kind), the data
categories it carries (personal, special, who may hold them) and the access grants to its
target; `orphan-system` finds about the systems at the old and new ends from whether any flow
touches them. A rule declares such fields (`@rule(..., through={"flows": ...})`): after an edit
of a flow's ends, its findings change only about the flow and the systems owning its old and
new ends (`reached`), and it finds them from their neighbourhood (`context_of`): the flow as
it is now, those systems, the data categories it carries and the grants to its target, as
their files are now (through the parse cache), and for each of those systems one other flow
touching it, if any, standing in with its ends alone. The last check keeps what it takes to
find them without loading the model (`FlowLinks`): where each system, data category and
access grant is written, the system owning each component, each flow's ends and the grants
to each system. An edit of a flow's ends in a model with views is checked in full (a view's
selection follows every flow). An edit of the flow's `data`, `legal_basis` or `logging` alone
reaches the same entities (the systems at its ends, unchanged), and the rules reading those
fields declare them too.

tests/check/test_through.py holds every rule to its declaration: for every flow of the example
(its views taken out) and of the flow rules' `bad` examples, with its ends as written,
swapped, unknown, and to, from or through a system of each kind and a component, the rule
over the neighbourhood finds about the entities reached what it finds in the whole edited
model.
"""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from archlex.check.context import CheckContext
from archlex.check.neighbours import by_file
from archlex.check.unchanged import with_entities
from archlex.findings import Finding
from archlex.load import Project
from archlex.load.cache import ParseCache
from archlex.load.project import load_file
from archlex.load.sources import Located, SourceMap
from archlex.model import AccessGrant, Component, DataCategory, Flow, Model, System
from archlex.model.common import Entity
from archlex.rules import RULES

if TYPE_CHECKING:
    from archlex.check.incremental import LastCheck
    from archlex.check.rerun import Again

# A flow's ends: from, to, via.
Ends = tuple[str, str, str | None]
# Where entities are, given their ids: (the entity, where it is written) for each id found,
# and the components of the systems found with where each is written.
FetchAll = Callable[[Iterable[str]], dict[str, tuple[Entity, Located]]]
# An edit of a flow's ends: (before, after, where it is written now).
FlowEdit = tuple[Flow, Flow, Located]


@dataclass
class FlowLinks:
    """What the last check keeps to follow edits of flows' ends without loading the model."""

    files: list[str]  # the paths of every file read (the libraries' too)
    homes: dict[str, int]  # each system's, data category's, access grant's id -> its file
    owner: dict[str, str]  # each system's and component's id -> the system's id
    ends: dict[str, Ends]  # each flow's ends
    grants_to: dict[str, tuple[str, ...]]  # a system or component id -> the grants naming it
    views: bool  # whether the model has views (then: checked in full)


def flow_links_of(project: Project) -> FlowLinks | None:
    """What to keep of a checked project; None when an entity followed is not placed in a
    file the load read."""
    paths = {display: path for path, (display, _) in project.file_keys.items()}
    files = sorted(set(paths.values()))
    number = {path: index for index, path in enumerate(files)}
    model = project.model
    homes: dict[str, int] = {}
    for entity in [*model.systems, *model.data, *model.access]:
        located = project.sources.of(entity.id)
        if located is None or located.file not in paths:
            return None
        homes[entity.id] = number[paths[located.file]]
    return FlowLinks(files, homes, *followed_of(model))


def followed_of(
    model: Model,
) -> tuple[dict[str, str], dict[str, Ends], dict[str, tuple[str, ...]], bool]:
    """The system owning each system and component, each flow's ends, the grants naming each
    system, and whether the model has views."""
    owner = {s.id: s.id for s in model.systems}
    owner |= {c.id: s.id for s in model.systems for c in s.components}
    grants: dict[str, list[str]] = {}
    for grant in model.access:
        for system in grant.systems:
            grants.setdefault(system, []).append(grant.id)
    ends = {f.id: (f.from_, f.to, f.via) for f in model.flows}
    granted = {system: tuple(ids) for system, ids in grants.items()}
    return owner, ends, granted, bool(model.views)


def kept(links: FlowLinks | None) -> bytes | None:
    """The links, pickled for the last check (None stays None)."""
    return None if links is None else pickle.dumps(links, pickle.HIGHEST_PROTOCOL)


def reached(edits: Sequence[FlowEdit], links: FlowLinks) -> set[str]:
    """The ids an edit of flows' ends reaches: the flows, and the systems owning their old
    and new ends."""
    found: set[str] = set()
    for before, after, _ in edits:
        found.add(after.id)
        for end in (before.from_, before.to, before.via, after.from_, after.to, after.via):
            if end is not None and end in links.owner:
                found.add(links.owner[end])
    return found


class FlowNeighbourhood(Model):
    """A model of the flows edited and what the rules read to find about them and the systems
    reached; the ids and kinds of the whole model."""

    def __init__(self, model: Model, kinds: dict[str, str]) -> None:
        super().__init__(manifest=model.manifest, regulations=list(model.regulations))
        self._kinds = kinds

    def kinds(self) -> dict[str, str]:
        """Each id of the whole model and its kind."""
        return self._kinds


_PROTOTYPE: list[Flow] = []


def stand_in(flow_id: str, ends: Ends) -> Flow:
    """A flow with its ends alone (what `orphan-system` reads of the flows around)."""
    if not _PROTOTYPE:
        _PROTOTYPE.append(Flow.model_construct(id=""))
    values = {"id": flow_id, "from_": ends[0], "to": ends[1], "via": ends[2]}
    return _PROTOTYPE[0].model_copy(update=values)


def context_of(
    project: Project,
    kinds: dict[str, str],
    links: FlowLinks,
    edits: Sequence[FlowEdit],
    fetch: FetchAll,
    today: dt.date,
) -> CheckContext:
    """A check of the neighbourhood of the flows edited (`project`: the whole model's
    manifest and regulations): the flows as they are now, the systems reached, the data
    categories they carry and the grants to their targets, read from their files (`fetch`),
    and another flow touching each system reached."""
    model = FlowNeighbourhood(project.model, kinds)
    sources = SourceMap()
    edited = {after.id for _, after, _ in edits}
    systems = reached(edits, links) - edited
    carried = {d for _, after, _ in edits for d in after.data}
    granted = {g for _, after, _ in edits for g in links.grants_to.get(after.to, ())}
    # A holder of the data whose system is not reached cannot be the system of an end: its
    # id stands for its system (special-data-outside-holders compares systems).
    found = fetch(systems | carried | granted)
    for _, after, located in edits:
        model.flows.append(after)
        sources.add(after, located)
    for entity, located in found.values():
        _add(model, entity)
        sources.add(entity, located)
    model.flows += _touching(links, systems, edited)
    model.reindex()
    return CheckContext(with_entities(project, model, sources), today)


def _touching(links: FlowLinks, systems: set[str], edited: set[str]) -> list[Flow]:
    """A flow (other than those edited) touching each of the systems, if any, standing in:
    whether one does is all `orphan-system` asks of the flows around (ESP is at the end of
    thousands of flows at 100k entities)."""
    untouched = set(systems)
    found: list[Flow] = []
    for flow_id, ends in links.ends.items():
        if not untouched:
            break
        touched = {links.owner.get(end or "") for end in ends} & untouched
        if touched and flow_id not in edited:
            found.append(stand_in(flow_id, ends))
            untouched -= touched
    return found


def _add(model: Model, entity: Entity) -> None:
    """Add a system, data category or access grant to the model (a component: its system's)."""
    if isinstance(entity, System):
        model.systems.append(entity)
    elif isinstance(entity, DataCategory):
        model.data.append(entity)
    elif isinstance(entity, AccessGrant):
        model.access.append(entity)


def findings_through(
    context: CheckContext, ids: set[str], functions: dict[str, Callable[..., Iterable[Finding]]]
) -> list[Finding]:
    """What each rule finds about the entities reached (`ids`) in their neighbourhood."""
    found: list[Finding] = []
    for rule_id, function in sorted(functions.items()):
        found += [f for f in function(context.for_rule(rule_id)) if f.target in ids]
    return found


def ends_now(links: FlowLinks, edits: Sequence[FlowEdit]) -> None:
    """The links' ends, with those of the flows edited as they are now."""
    for _, after, _ in edits:
        links.ends[after.id] = _ends(after)


def _ends(flow: Flow) -> Ends:
    return (flow.from_, flow.to, flow.via)


def followed(
    last: LastCheck, cache: ParseCache, again: Again, findings: list[Finding], today: dt.date
) -> tuple[list[Finding], bytes | None] | None:
    """The findings with those of the rules that read flows' ends (or what the flow rules read
    of the flow alone) about the entities the edits reach found again, and the links to keep;
    None when the model must be checked in full (an edit moved a flow's ends in a model with
    views, or an entity is no longer where the links say)."""
    assert last.flow_links is not None and last.kinds is not None
    links: FlowLinks = pickle.loads(last.flow_links)  # the sealed entry's own bytes
    if links.views and any(_ends(before) != _ends(after) for before, after, _ in again.flows):
        return None
    if again.kinds is None:
        again.kinds = pickle.loads(last.kinds)
    missing: set[str] = set()
    fetch = _from_files(last, cache, links, missing)
    context = context_of(last.project, again.kinds, links, again.flows, fetch, today)
    if missing:
        return None
    ids = reached(again.flows, links)
    functions = {r: f for r in again.through if (f := RULES[r].function) is not None}
    result = [f for f in findings if not (f.rule in again.through and f.target in ids)]
    result += findings_through(context, ids, functions)
    ends_now(links, again.flows)
    return result, kept(links)


def _from_files(
    last: LastCheck, cache: ParseCache, links: FlowLinks, missing: set[str]
) -> FetchAll:
    """What finds systems, data categories and access grants in their files as they are now
    (through the parse cache); the ids not found where the links say go to `missing`."""

    def fetch(ids: Iterable[str]) -> dict[str, tuple[Entity, Located]]:
        wanted = by_file(ids, links.homes)
        found: dict[str, tuple[Entity, Located]] = {}
        for index in sorted(wanted):
            path = links.files[index]
            if path not in last.file_keys:
                missing.update(wanted[index])
                continue
            display = last.file_keys[path][0]
            outcome = load_file(last.project.manifest_path, Path(path), display, cache)
            found |= placed_in(outcome.placed, wanted[index], links)
            missing.update(wanted[index] - found.keys())
        return found

    return fetch


def placed_in(
    placed: Iterable[tuple[Entity, Located]], wanted: set[str], links: FlowLinks
) -> dict[str, tuple[Entity, Located]]:
    """The entities of a file that are wanted, and the components of the systems wanted."""
    found: dict[str, tuple[Entity, Located]] = {}
    for entity, located in placed:
        if entity.id in wanted:
            found[entity.id] = (entity, located)
        elif isinstance(entity, Component) and links.owner.get(entity.id) in wanted:
            found[entity.id] = (entity, located)
    return found


__all__ = [
    "FetchAll",
    "FlowEdit",
    "FlowLinks",
    "FlowNeighbourhood",
    "context_of",
    "ends_now",
    "findings_through",
    "flow_links_of",
    "followed",
    "followed_of",
    "kept",
    "placed_in",
    "reached",
    "stand_in",
]
