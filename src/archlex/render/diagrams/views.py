"""The system diagrams as graphs: context and technical by zone, and what every view shares.

Each view is built from the model alone, with every collection sorted, and returns a
`Graph` for `archlex.toolkit.dot` to draw. Components roll up into their systems here; the process
views (`diagram_flows`) show the parts a flow names.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from itertools import pairwise

from archlex.i18n import N_
from archlex.model import Model
from archlex.model.flow import Flow
from archlex.model.system import DataCategory, System, SystemKind
from archlex.render.diagrams.labels import text, tr
from archlex.render.diagrams.style import (
    CLUSTER_STYLE,
    DATA_MARKER,
    FLOW_EDGE,
    GROUP_STYLE,
    SPECIAL,
    data_class,
    data_edge_attributes,
    most_sensitive,
    status_marker,
    system_attributes,
)
from archlex.toolkit.dot import Cluster, Edge, Label, Node, join_lines, text_label

# Left to right: the state, the interfaces at the border, the EU, the rest of the world.
TIER = {
    SystemKind.NATIONAL: 0,
    SystemKind.NATIONAL_INTERFACE: 1,
    SystemKind.INTEROPERABILITY_COMPONENT: 2,
    SystemKind.EU_CENTRAL: 3,
    SystemKind.EXTERNAL: 4,
}
# The sides' titles in English (the ArchiMate export's); a diagram shows `tr().gettext(title)`.
SIDES = [
    ("national", N_("National systems")),
    ("interfaces", N_("National uniform interfaces")),
    ("eu", N_("EU central systems and interoperability components")),
    ("external", N_("External systems")),
]
MAX_NAME_LINES = 8
SIDE_OF_KIND = {
    SystemKind.NATIONAL: "national",
    SystemKind.NATIONAL_INTERFACE: "interfaces",
    SystemKind.INTEROPERABILITY_COMPONENT: "eu",
    SystemKind.EU_CENTRAL: "eu",
    SystemKind.EXTERNAL: "external",
}


@dataclass
class Landscape:
    """The systems as the diagrams see them: components rolled up, flows as system hops."""

    model: Model
    systems: dict[str, System] = field(default_factory=dict)
    parent: dict[str, str] = field(default_factory=dict)  # system or component id -> system id
    _by_process: dict[str, list[Flow]] | None = field(default=None, repr=False)

    @classmethod
    def of(cls, model: Model) -> Landscape:
        """Index the model's systems and components."""
        landscape = cls(model)
        for system in sorted(model.systems, key=lambda s: s.id):
            landscape.systems.setdefault(system.id, system)
            landscape.parent.setdefault(system.id, system.id)
            for component in system.components:
                landscape.parent.setdefault(component.id, system.id)
        return landscape

    def system_of(self, ref: str | None) -> System | None:
        """The system a system or component id belongs to."""
        owner = self.parent.get(ref or "")
        return self.systems[owner] if owner else None

    def flows(self) -> list[Flow]:
        """Every flow, by id."""
        return sorted(self.model.flows, key=lambda f: f.id)

    def naming(self, process_id: str) -> list[Flow]:
        """The flows that name a process (`process:`), in the model's order."""
        if self._by_process is None:
            self._by_process = defaultdict(list)
            for flow in self.model.flows:
                if flow.process:
                    self._by_process[flow.process].append(flow)
        return self._by_process.get(process_id, [])

    def hops(self, flow: Flow) -> list[tuple[str, str]]:
        """The system pairs a flow passes, through its `via` when it has one."""
        path = [self.system_of(ref) for ref in (flow.from_, flow.via, flow.to)]
        if path[0] is None or path[2] is None:
            return []
        ids = [s.id for s in path if s is not None]
        return [(a, b) for a, b in pairwise(ids) if a != b]

    def shown(self) -> list[System]:
        """The national systems, and the others the state has in scope or a flow uses."""
        used = {s for flow in self.model.flows for hop in self.hops(flow) for s in hop}
        manifest = self.model.manifest
        scope = set(manifest.scope.systems) if manifest.scope else set()
        return [
            s
            for s in self.systems.values()
            if s.kind is SystemKind.NATIONAL or s.id in used or s.id in scope
        ]

    def category(self, data_id: str) -> DataCategory | None:
        """The data category with this id."""
        found = self.model.get(data_id)
        return found if isinstance(found, DataCategory) else None

    def data_kind(self, data_ids: Iterable[str]) -> str:
        """The most sensitive class of these data categories."""
        return most_sensitive({data_class(self.category(d)) for d in data_ids})

    def organisation_name(self, ref: str | None) -> str:
        """An organisation's name, its id when unknown, or a note when there is none."""
        if ref is None:
            return text("organisation.unowned")
        found = self.model.get(ref)
        return getattr(found, "name", None) or ref


def system_label(system: System, width: int = 24) -> Label:
    """A system's name, wrapped, with its status unless it exists already."""
    name = text_label(system.name, width)
    # A name of many words (the Latvian name of ECRIS-TCN is 150 characters) gets a wider box
    # rather than a tower that sets the height of its whole rank.
    while len(name.lines) > MAX_NAME_LINES:
        width += 2
        name = text_label(system.name, width)
    return join_lines(name, text_label(status_marker(system)))


def system_node(system: System, width: int = 24) -> Node:
    """A system: its name, wrapped, with its status unless it exists already."""
    return Node(system.id, system_label(system, width), system_attributes(system))


def _side_clusters(landscape: Landscape, systems: list[System], by_owner: bool) -> list[Cluster]:
    """The national, interface, EU and external clusters, each grouped by owner if asked."""
    clusters = []
    for side, title in SIDES:
        members = [s for s in systems if SIDE_OF_KIND[s.kind] == side]
        if not members:
            continue
        cluster = Cluster(side, text_label(tr().gettext(title), 40), dict(CLUSTER_STYLE))
        if by_owner and side != "interfaces":
            cluster.clusters = _owner_clusters(landscape, side, members)
        else:
            cluster.nodes = [system_node(s) for s in members]
        clusters.append(cluster)
    return clusters


def _owner_clusters(landscape: Landscape, side: str, systems: list[System]) -> list[Cluster]:
    owners: dict[str, list[System]] = defaultdict(list)
    for system in systems:
        owners[system.owner or ""].append(system)
    clusters = []
    for number, owner in enumerate(sorted(owners)):
        label = text_label(landscape.organisation_name(owner or None), 36)
        cluster = Cluster(f"{side}-owner-{number}", label, dict(GROUP_STYLE))
        cluster.nodes = [system_node(s) for s in owners[owner]]
        clusters.append(cluster)
    return clusters


def _pair_edges(landscape: Landscape, pairs: dict[tuple[str, str], list[Flow]]) -> list[Edge]:
    """One edge per pair of systems, drawn from the state towards the EU, both ways merged."""
    tier = {s.id: TIER[s.kind] for s in landscape.systems.values()}
    done: set[tuple[str, str]] = set()
    edges = []
    for a, b in sorted(pairs):
        if (a, b) in done:
            continue
        tail, head = _orient(a, b, tier, pairs)
        forward, back = pairs.get((tail, head), []), pairs.get((head, tail), [])
        done |= {(tail, head), (head, tail)}
        kind = landscape.data_kind(d for f in forward + back for d in f.data)
        edges.append(_pair_edge(tail, head, len(forward), len(back), kind))
    return edges


def _orient(
    a: str, b: str, tier: dict[str, int], pairs: dict[tuple[str, str], list[Flow]]
) -> tuple[str, str]:
    """From the state towards the EU; between peers as the flows go, or by id if both ways."""
    if tier[a] != tier[b]:
        return (a, b) if tier[a] < tier[b] else (b, a)
    return (a, b) if (b, a) not in pairs else (min(a, b), max(a, b))


def _pair_edge(tail: str, head: str, forward: int, back: int, kind: str) -> Edge:
    """A line for the flows between two systems; unlabelled when it is one flow of no
    special-category data (the legend says so)."""
    if forward and back:
        words = tr().ngettext("{count} flow, both ways", "{count} flows, both ways", forward + back)
        label, direction = words.format(count=forward + back), "both"
    else:
        count = forward or back
        label = text("edge.flows", count=count) if count > 1 else ""
        direction = "forward" if forward else "back"
    marker = DATA_MARKER[SPECIAL] if kind == SPECIAL else ""
    attrs = {**FLOW_EDGE, **data_edge_attributes(kind), "dir": direction}
    label = f"{label} {marker}".strip()
    return Edge(tail, head, text_label(label, 30) if label else None, attrs)


def _system_pairs(landscape: Landscape, shown: set[str]) -> dict[tuple[str, str], list[Flow]]:
    pairs: dict[tuple[str, str], list[Flow]] = defaultdict(list)
    for flow in landscape.flows():
        for hop in landscape.hops(flow):
            if hop[0] in shown and hop[1] in shown:
                pairs[hop].append(flow)
    return pairs


def provisions_label(text: str, width: int, separator: str = "; ") -> Label:
    """Text listing provisions, wrapped only between them so that none is cut in two
    (`2019/817 Art` at a line's end and `9(1)` on the next)."""
    lines: list[str] = []
    parts = text.split(separator)
    head, colon, first = parts[0].partition(": ")
    if colon and len(parts[0]) > width:  # `legal basis:` on a line of its own
        lines, parts[0] = [head + colon.rstrip()], first
    for part in parts:
        if (
            lines
            and not lines[-1].endswith(":")
            and len(lines[-1]) + len(separator) + len(part) <= width
        ):
            lines[-1] += separator + part
        else:
            if lines and not lines[-1].endswith(":"):
                lines[-1] += separator.rstrip()
            lines.append(part)
    labels = [text_label(line, max(width, len(line)), left=True) for line in lines]
    return join_lines(*labels)


def view_title(model: Model, view: str) -> Label:
    """The diagram's title: the view and the model's name (its `heading`: the view alone)."""
    state = f" ({model.manifest.member_state})" if model.manifest.member_state else ""
    return replace(
        text_label(f"{view}: {model.manifest.name}{state}", 100, left=True), heading=view
    )
