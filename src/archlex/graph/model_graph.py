"""The model as one graph with typed edges, built once, and the queries rules need."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from archlex.model import Model, Obligation, Provision, Requirement, System

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    import networkx as nx

# Every kind of edge `build_graph` makes, from its source to its target, and what it says
# (`archlex impact` adds more: graph/impact.py).
EDGE_KINDS: dict[str, str] = {
    "has_component": "a system has a component",
    "holds": "an organisation holds a role",
    "from": "a flow comes from a system or component",
    "to": "a flow goes to a system or component",
    "via": "a flow passes through an interface",
    "carries": "a flow carries a data category",
    "step": "a process has a flow as a step",
    "allocated_to": "a requirement is allocated to a system or component",
    "traces": "a requirement traces an obligation",
    "delivers": "a work package delivers a requirement",
    "depends_on": "a work package depends on another",
    "after": "a milestone waits for a work package",
}
CITATIONS = "[citations]"  # not an edge: the requirements' citations that tracing reads


@dataclass
class ModelGraph:
    """Traceability (obligation <- requirement -> system, work package -> requirement), flows,
    roles and the roadmap's dependencies, as one directed graph whose edges have a kind
    (EDGE_KINDS).

    Plain dictionaries rather than a networkx graph: the rules only ask for the neighbours of
    one kind, and building a networkx MultiDiGraph of a 100k-entity model cost a fifth of
    `check`. The roadmap's dependencies become a networkx graph when asked for.
    """

    model: Model
    nodes: dict[str, str] = field(default_factory=dict)  # id -> kind, in the order added
    # (source, kind) -> targets, in the order first linked; and (target, kind) -> sources
    _out: dict[tuple[str, str], dict[str, None]] = field(default_factory=dict)
    _in: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    # By (regulation, article): each provision cited there -> (the order it was cited in,
    # the citing requirement); tracing an obligation compares the few provisions cited in
    # its article, not every citation.
    _by_article: dict[tuple[str, str], dict[Provision, list[tuple[int, Requirement]]]] = field(
        default_factory=lambda: defaultdict(dict)
    )
    _traced: dict[Provision, list[Requirement]] = field(default_factory=dict)
    parent_system: dict[str, System] = field(default_factory=dict)
    # What draws each kind of edge not drawn yet (build_graph(lazy=True))
    _pending: dict[str, Callable[[ModelGraph], None]] = field(default_factory=dict)

    def drawn(self, kind: str) -> ModelGraph:
        """The graph, with the edges of one kind drawn (a no-op once they are)."""
        draw = self._pending.pop(kind, None)
        if draw is not None:
            if kind not in (CITATIONS, "has_component"):  # a link may name a component
                self.drawn("has_component")
            draw(self)
        return self

    def link(self, source: str, target: str | None, kind: str) -> None:
        """An edge of a kind; left out when the target is no entity (reported elsewhere)."""
        if target is not None and target in self.nodes:
            # get, then make: setdefault would make an empty dict and set for every edge
            targets = self._out.get((source, kind))
            if targets is None:
                targets = self._out[(source, kind)] = {}
            targets[target] = None
            sources = self._in.get((target, kind))
            if sources is None:
                sources = self._in[(target, kind)] = set()
            sources.add(source)

    def tracing(self, obligation: Obligation) -> list[Requirement]:
        """Requirements that satisfy a provision containing or contained by the obligation's."""
        provision = obligation.provision
        traced = self._traced.get(provision)
        if traced is None and CITATIONS in self._pending:
            self.drawn(CITATIONS)
        if traced is None:
            cited = self._by_article[(provision.regulation, provision.article)]
            matched = [m for c, found in cited.items() if c.traces(provision) for m in found]
            matched.sort(key=lambda order_and_requirement: order_and_requirement[0])
            by_id = {requirement.id: requirement for _, requirement in matched}  # the last wins
            traced = self._traced[provision] = [by_id[k] for k in sorted(by_id)]
        return list(traced)

    def successors(self, node: str, kind: str) -> list[str]:
        """Targets of a node's edges of one kind, sorted."""
        return sorted(self.drawn(kind)._out.get((node, kind), ()))

    def predecessors(self, node: str, kind: str) -> list[str]:
        """Sources of the edges of one kind that end at a node, sorted."""
        return sorted(self.drawn(kind)._in.get((node, kind), ()))

    def edges_from(self, node: str, kinds: Iterable[str]) -> list[tuple[str, str, str]]:
        """(node, kind, target) of the node's edges of the given kinds."""
        return [(node, k, t) for k in kinds for t in self.drawn(k)._out.get((node, k), ())]

    def edges_to(self, node: str, kinds: Iterable[str]) -> list[tuple[str, str, str]]:
        """(source, kind, node) of the edges of the given kinds that end at the node."""
        return [(s, k, node) for k in kinds for s in self.drawn(k)._in.get((node, k), ())]

    def system_of(self, node: str) -> System | None:
        """The system a system or component id belongs to."""
        found = self.model.get(node)
        if isinstance(found, System):
            return found
        return self.drawn("has_component").parent_system.get(node)

    def dependencies(self) -> nx.DiGraph[str]:
        """Work package -> work package it depends on."""
        import networkx as nx  # only the roadmap's rules and views need it

        self.drawn("depends_on")
        dependencies: nx.DiGraph[str] = nx.DiGraph()
        dependencies.add_nodes_from(p.id for p in self.model.work_packages)
        dependencies.add_edges_from(
            (source, target)
            for source in self.nodes
            for target in self._out.get((source, "depends_on"), ())
        )
        return dependencies


def build_graph(model: Model, lazy: bool = False) -> ModelGraph:
    """Build the graph of a loaded model (references to missing ids are left out). `lazy`:
    each kind of edge is drawn the first time a query asks for it, so that a check reads only
    the fields its rules ask about (archlex.check.reads declares them link by link)."""
    built = ModelGraph(model)
    # Lazily, the components are nodes once drawn: every other kind of link draws them first.
    for kind, entity in model.entities(components=not lazy):
        built.nodes[entity.id] = kind
    built._pending = dict(_DRAWERS)
    if not lazy:
        for name in list(_DRAWERS):
            built.drawn(name)
    return built


def _components(built: ModelGraph) -> None:
    for system in built.model.systems:
        for component in system.components:
            built.nodes.setdefault(component.id, "component")
            built.parent_system[component.id] = system
            built.link(system.id, component.id, "has_component")


def _roles(built: ModelGraph) -> None:
    for organisation in built.model.organisations:
        for grant in organisation.roles:
            built.link(organisation.id, grant.role, "holds")


def _flow_links(name: str) -> Callable[[ModelGraph], None]:
    def draw(built: ModelGraph) -> None:
        for flow in built.model.flows:
            if name == "carries":
                for data in flow.data:
                    built.link(flow.id, data, "carries")
            else:
                built.link(flow.id, getattr(flow, _FLOW_FIELDS[name]), name)

    return draw


_FLOW_FIELDS = {"from": "from_", "to": "to", "via": "via"}


def _steps(built: ModelGraph) -> None:
    for process in built.model.processes:
        for step in process.steps:
            built.link(process.id, step, "step")


def _citations(built: ModelGraph) -> None:
    order = 0
    for requirement in built.model.requirements:
        for provision in requirement.satisfies:
            cited = built._by_article[(provision.regulation, provision.article)]
            cited.setdefault(provision, []).append((order, requirement))
            order += 1


def _allocations(built: ModelGraph) -> None:
    for requirement in built.model.requirements:
        for target in requirement.allocated_to:
            built.link(requirement.id, target, "allocated_to")


def _deliveries(built: ModelGraph) -> None:
    for package in built.model.work_packages:
        for requirement_id in package.delivers:
            built.link(package.id, requirement_id, "delivers")


def _dependencies(built: ModelGraph) -> None:
    for package in built.model.work_packages:
        for dependency in package.depends_on:
            built.link(package.id, dependency, "depends_on")


def _milestones(built: ModelGraph) -> None:
    for milestone in built.model.milestones:
        for package_id in milestone.after:
            built.link(milestone.id, package_id, "after")


def _traces(built: ModelGraph) -> None:
    for obligation in built.model.obligations:
        for requirement in built.tracing(obligation):
            built.link(requirement.id, obligation.id, "traces")


# Each kind of edge (and the index of citations that tracing reads), and what draws it, in the
# order an eager build draws them.
_DRAWERS: dict[str, Callable[[ModelGraph], None]] = {
    "has_component": _components,
    "holds": _roles,
    **{name: _flow_links(name) for name in ("from", "to", "via", "carries")},
    "step": _steps,
    CITATIONS: _citations,
    "allocated_to": _allocations,
    "delivers": _deliveries,
    "depends_on": _dependencies,
    "after": _milestones,
    "traces": _traces,
}
