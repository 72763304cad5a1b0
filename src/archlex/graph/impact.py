"""What depends on an entity and what it depends on, transitively, over the model graph.

Each kind of edge says which of its two ends depends on the other: a flow depends on the
system it goes to, a process on its flows, an obligation on the requirements that trace it, a
milestone on the work packages it waits for. Following those edges from an entity answers
"what breaks if it is late?" (its dependants) and "what must be ready first?" (its
dependencies), each with the shortest chain of edges that links it.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass

from archlex.graph import EDGE_KINDS, ModelGraph
from archlex.model import Obligation, Provision

# The edges that only the impact needs, added by `add_impact_edges`: `check` does not pay for
# them (on a 100 000-entity model they are a fifth more edges).
IMPACT_EDGE_KINDS: dict[str, str] = {
    "owned_by": "a system, process or work package is owned by an organisation",
    "operated_by": "a system is operated by an organisation",
    "in_process": "a flow belongs to a process",
    "cites": "a flow cites, as its legal basis, the provision of an obligation",
    "touches": "a work package touches a system or component",
    "in_phase": "a work package belongs to a phase",
    "deadline_of": "a milestone is the deadline of an obligation's provision",
    "concerns": "an obligation concerns a system",
    "actor": "an obligation falls on a role",
}

# The edge kinds whose source depends on their target; in the others the target depends on
# the source (a component on its system, a requirement on the work package delivering it ...).
SOURCE_DEPENDS: frozenset[str] = frozenset(
    {
        "owned_by",
        "operated_by",
        "from",
        "to",
        "via",
        "carries",
        "step",
        "allocated_to",
        "depends_on",
        "touches",
        "after",
        "deadline_of",
        "concerns",
        "actor",
    }
)
TARGET_DEPENDS: frozenset[str] = frozenset(EDGE_KINDS | IMPACT_EDGE_KINDS) - SOURCE_DEPENDS


def add_impact_edges(built: ModelGraph) -> None:
    """Add owners, operators, processes, touched systems, phases, cited and concerned
    obligations and deadlines to a graph made by `build_graph`."""
    model, link = built.model, built.link
    by_article: dict[tuple[str, str], list[Obligation]] = defaultdict(list)
    for obligation in model.obligations:
        by_article[(obligation.provision.regulation, obligation.provision.article)].append(
            obligation
        )

    def link_obligations(source: str, provisions: list[Provision], kind: str) -> None:
        for provision in provisions:
            for obligation in by_article[(provision.regulation, provision.article)]:
                if provision.traces(obligation.provision):
                    link(source, obligation.id, kind)

    for system in model.systems:
        link(system.id, system.owner, "owned_by")
        link(system.id, system.operator, "operated_by")
    for flow in model.flows:
        link(flow.id, flow.process, "in_process")
        link_obligations(flow.id, flow.legal_basis, "cites")
    for process in model.processes:
        link(process.id, process.owner, "owned_by")
    for package in model.work_packages:
        for system_id in package.systems:
            link(package.id, system_id, "touches")
        link(package.id, package.owner, "owned_by")
        link(package.id, package.phase, "in_phase")
    for milestone in model.milestones:
        link_obligations(milestone.id, milestone.deadline_of, "deadline_of")
    for obligation in model.obligations:
        for system_id in obligation.systems:
            link(obligation.id, system_id, "concerns")
        link(obligation.id, obligation.actor, "actor")


@dataclass(frozen=True)
class Link:
    """One edge of the graph, as it is stored: source -[kind]-> target."""

    source: str
    kind: str
    target: str


@dataclass(frozen=True)
class Reached:
    """An entity reached from the focus, and the chain of edges from the focus to it."""

    id: str
    kind: str  # the entity's kind: flow, process, ...
    path: tuple[Link, ...]


@dataclass(frozen=True)
class Impact:
    """The focus entity, what depends on it and what it depends on, each sorted by id."""

    focus: str
    kind: str
    dependants: tuple[Reached, ...]
    dependencies: tuple[Reached, ...]


def impact(graph: ModelGraph, focus: str, skip: frozenset[str] = frozenset()) -> Impact:
    """Follow dependencies both ways from `focus`; entities in `skip` are neither listed nor
    crossed (obligations that do not apply to the model, for instance)."""
    kind = graph.nodes[focus]
    return Impact(
        focus,
        kind,
        _reach(graph, focus, skip, dependants=True),
        _reach(graph, focus, skip, dependants=False),
    )


def _reach(
    graph: ModelGraph, focus: str, skip: frozenset[str], dependants: bool
) -> tuple[Reached, ...]:
    """Breadth first, neighbours in sorted order, so each path is the same shortest one."""
    paths: dict[str, tuple[Link, ...]] = {focus: ()}
    queue = deque([focus])
    while queue:
        node = queue.popleft()
        for link in _next(graph, node, dependants):
            other = link.source if link.target == node else link.target
            if other in paths or other in skip:
                continue
            paths[other] = (*paths[node], link)
            queue.append(other)
    del paths[focus]
    return tuple(Reached(n, graph.nodes[n], paths[n]) for n in sorted(paths))


def _next(graph: ModelGraph, node: str, dependants: bool) -> list[Link]:
    """The edges from `node` to what depends on it (or to what it depends on), sorted."""
    # node is the source: the target depends on it when the target is the dependent end
    outgoing = graph.edges_from(node, TARGET_DEPENDS if dependants else SOURCE_DEPENDS)
    incoming = graph.edges_to(node, SOURCE_DEPENDS if dependants else TARGET_DEPENDS)
    links = [Link(source, kind, target) for source, kind, target in outgoing + incoming]
    return sorted(links, key=lambda link: (link.source, link.kind, link.target))
