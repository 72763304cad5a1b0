"""The technical view: each system inside the node it runs on in production (data centre, then
security zone), the national side (national systems and the national uniform interfaces, which
are installed in the Member State) left of the border and the EU side right of it, and one line
per connection, labelled with its protocol and format and coloured by the network it runs on.

A model without hosting draws each national system inside its `zone` instead; a model without
connections draws one line per pair of systems with how their flows are triggered.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from archlex.i18n import N_
from archlex.model.infrastructure import (
    Environment,
    Hosting,
    Node,
    hostings,
)
from archlex.model.system import System, SystemKind
from archlex.render.diagrams.connections import UNKNOWN_NETWORK, connection_edges
from archlex.render.diagrams.context import PairFlows, landscape_pairs, pair_edge
from archlex.render.diagrams.labels import Texts, tr
from archlex.render.diagrams.legend import LINE_SAMPLE, legend_cluster
from archlex.render.diagrams.style import (
    CLUSTER_STYLE,
    GROUP_STYLE,
    PERSONAL,
    graph_attributes,
    status_marker,
)
from archlex.render.diagrams.technical_columns import STATE_SIDE, columns
from archlex.render.diagrams.views import Landscape, system_node, view_title
from archlex.toolkit.dot import Cluster, Edge, Graph, join_lines, text_label
from archlex.toolkit.dot import Node as DotNode
from archlex.toolkit.labels import ENVIRONMENTS, FLOW_SYNC

# A zone's label at its right: lines enter a zone from the left, and their labels sit there.
ZONE_STYLE = {**GROUP_STYLE, "fontsize": "11", "labeljust": "r", "margin": "6"}
SITE_WRAP = 30  # a site's label no wider than the boxes in it
WRAP = {"system": 30, "interface": 28}
SITE_STYLE = {
    **CLUSTER_STYLE,
    "style": "rounded,filled",
    "fillcolor": "#FBFCFD",
    "fontsize": "12",
    "margin": "6",
}

TEXTS = Texts(
    {
        "title.all": N_("Technical view: hosting, networks and connections (production)"),
        "title.national": N_("Technical view: national hosting and connections (production)"),
        "title.border": N_("Technical view: connections across the border (production)"),
        "national": N_(
            "National side ({state}): national systems and the national uniform interfaces"
        ),
        "national.plain": N_("National side: national systems and the national uniform interfaces"),
        "eu": N_("EU side"),
        "zone": N_("Zone: {zone}"),
        "unhosted": N_("Hosting not stated"),
        "elsewhere": N_("{environments} in {node}"),
        "legend.label": N_("on each connection: its protocol, format"),
        "legend.planned": N_("planned connection: dashed"),
        "legend.site.sample": N_("site"),
        "legend.site": N_("data centre or site, and its zones; DR and test named in its label"),
        "legend.flows": N_(
            "flows between two systems: how they are triggered (query, push, batch)"
        ),
        "trigger.unstated": N_("trigger unstated"),
    }
)


def _say(key: str, **values: object) -> str:
    """One of this view's texts, its placeholders filled."""
    return TEXTS[key].format(**values)


@dataclass
class Hosted:
    """Where the shown systems run: the node tree and each system's production node."""

    nodes: dict[str, Node]
    production: dict[str, str] = field(default_factory=dict)  # system id -> node id
    elsewhere: dict[str, list[tuple[Node, Hosting]]] = field(default_factory=dict)

    @classmethod
    def of(cls, landscape: Landscape, systems: list[System]) -> Hosted:
        """Each system's production node (its own, else a component's) and its other ones."""
        model = landscape.model
        hosted = cls({n.id: n for n in model.nodes})
        found = hostings(model.nodes)
        for system in systems:
            parts = [system.id, *(c.id for c in system.components)]
            places = [place for part in parts for place in found.get(part, [])]
            live = [n.id for n, h in places if h.environment is Environment.PRODUCTION]
            if live:
                hosted.production[system.id] = live[0]
            hosted.elsewhere[system.id] = [
                (n, h) for n, h in places if h.environment is not Environment.PRODUCTION
            ]
        return hosted

    def chain(self, node_id: str) -> list[str]:
        """The node and those it sits within, outermost first (a cycle stops the climb)."""
        chain: list[str] = []
        current: str | None = node_id
        while current is not None and current in self.nodes and current not in chain:
            chain.insert(0, current)
            current = self.nodes[current].within
        return chain


class Part(Enum):
    """Which systems and lines a technical view draws."""

    ALL = "all"  # every system and line: a view the model names
    NATIONAL = "national"  # the national side in its hosting, the lines inside the state
    BORDER = "border"  # the lines with an end outside the state, their ends and the EU side


NAMES = {Part.ALL: "technical", Part.NATIONAL: "technical", Part.BORDER: "technical-border"}


def technical_views(landscape: Landscape) -> list[tuple[str, Graph]]:
    """The default technical views: the national side, then the lines across the border (when
    the model has any); each fits a page at a size the reader can read."""
    views = [(NAMES[Part.NATIONAL], technical_view(landscape, Part.NATIONAL))]
    if _lines(landscape, _drawn(landscape), Part.BORDER, set())[0]:
        views.append((NAMES[Part.BORDER], technical_view(landscape, Part.BORDER)))
    return views


def technical_view(landscape: Landscape, part: Part = Part.ALL) -> Graph:
    """Systems inside their hosting, national side and EU side, and the connections."""
    model = landscape.model
    graph = Graph(NAMES[part], view_title(model, _say(f"title.{part.value}")))
    graph.attrs.update(graph_attributes("LR"))
    graph.attrs.update({"ranksep": "0.2", "nodesep": "0.08", "newrank": "true"})
    systems = _drawn(landscape)
    used: set[str] = set()
    graph.edges, rows = _lines(landscape, systems, part, used)
    ends = {end for edge in graph.edges for end in (edge.tail, edge.head)}
    systems = [s for s in systems if _shown(s, part, ends)]
    hosted = Hosted.of(landscape, systems)
    graph.clusters = _sides(landscape, systems, hosted, used)
    zone_of = {s.id: _zone(s, hosted) for s in systems}
    leaving = ends if part is Part.BORDER else _leaving(landscape)
    graph.same_rank, order = columns(graph.edges, systems, zone_of, leaving)
    graph.edges += order
    graph.clusters.insert(0, _legend(used, rows, bool(model.nodes)))
    _place_legend(graph)
    return graph


def _place_legend(graph: Graph) -> None:
    """The legend under the EU side; in a view without one, in a column after the last (under
    the national side it would make the page taller, where the view is tallest)."""
    legend = graph.clusters[0].nodes[0].id if graph.clusters[0].nodes else None
    if legend is None or not graph.same_rank:
        return
    if any(c.name == "eu" for c in graph.clusters):
        graph.same_rank[-1].append(legend)
        return
    graph.edges.append(Edge(graph.same_rank[-1][0], legend, None, {"style": "invis"}))
    graph.same_rank.append([legend])


def _leaving(landscape: Landscape) -> set[str]:
    """The systems of the state with a line out of it (drawn in the view across the border)."""
    edges, _ = _lines(landscape, _drawn(landscape), Part.BORDER, set())
    return {end for edge in edges for end in (edge.tail, edge.head)}


def _drawn(landscape: Landscape) -> list[System]:
    """The systems a technical view may draw: the national ones and those a line reaches."""
    reached = _reached(landscape)
    return [s for s in landscape.shown() if s.kind is SystemKind.NATIONAL or s.id in reached]


def _shown(system: System, part: Part, ends: set[str]) -> bool:
    """Whether a view of this part draws the system."""
    inside = system.kind in STATE_SIDE
    if part is Part.NATIONAL:
        return inside
    return part is Part.ALL or not inside or system.id in ends


def _lines(
    landscape: Landscape, systems: list[System], part: Part, used: set[str]
) -> tuple[list[Edge], list[tuple[str, str, str, str]]]:
    """The view's lines (connections, else flows by pair) and the legend rows of their
    networks: inside the state, across the border, or all."""
    inside = {s.id for s in systems if s.kind in STATE_SIDE}
    drawn = {s.id for s in systems}

    def joins(tail: str, head: str) -> bool:
        if not {tail, head} <= drawn:
            return False
        within = {tail, head} <= inside
        return part is Part.ALL or within == (part is Part.NATIONAL)

    if landscape.model.connections:
        return connection_edges(landscape, joins, used)
    return _flow_edges(landscape, joins, used), []


def _zone(system: System, hosted: Hosted) -> str:
    """The innermost box a system is drawn in (its column follows it)."""
    path = _path(system, hosted)
    return path[-1] if path else system.kind.value


def _reached(landscape: Landscape) -> set[str]:
    """The systems a flow passes or a connection joins (national systems are always drawn)."""
    reached = {s for flow in landscape.flows() for hop in landscape.hops(flow) for s in hop}
    for connection in landscape.model.connections:
        for end in (landscape.system_of(connection.from_), landscape.system_of(connection.to)):
            if end is not None:
                reached.add(end.id)
    return reached


def _sides(
    landscape: Landscape, systems: list[System], hosted: Hosted, used: set[str]
) -> list[Cluster]:
    """The national side, then the EU side, each with its nodes, zones and systems."""
    state = landscape.model.manifest.member_state
    title = _say("national", state=state) if state else _say("national.plain")
    sides = [
        Cluster("national", text_label(title, 60), dict(CLUSTER_STYLE)),
        Cluster("eu", text_label(_say("eu"), 40), dict(CLUSTER_STYLE)),
    ]
    for system in sorted(systems, key=lambda s: (s.kind != SystemKind.NATIONAL, s.id)):
        used |= {f"kind.{system.kind.value}", f"status.{system.status.value}"}
        side = sides[0] if system.kind in STATE_SIDE else sides[1]
        node = _system_node(system)
        node.attrs["tooltip"] = _tooltip(system, hosted)
        _home(side, system, hosted).nodes.append(node)
    for side in sides:
        _label_sites(side, hosted)
    return [side for side in sides if side.node_ids()]


def _system_node(system: System) -> DotNode:
    """A system by its name without the bracketed original-language name, then its id."""
    name = str(system.name)
    short = name.split(" (")[0] if name.endswith(")") and " (" in name else name
    hexagon = system.kind is SystemKind.NATIONAL_INTERFACE
    width = WRAP["interface" if hexagon else "system"]
    node = system_node(system, width)
    marker = f"[{system.id}] {status_marker(system)}".strip()
    node.label = join_lines(text_label(short, width), text_label(marker))
    node.attrs["margin"] = "0.02,0.02" if hexagon else "0.06,0.03"
    return node


def _path(system: System, hosted: Hosted) -> list[str]:
    """The keys of the boxes a system is drawn in within its side, outermost first."""
    node_id = hosted.production.get(system.id)
    zone = " ".join((system.zone or "").split())
    if node_id is not None:
        return [f"node:{n}" for n in hosted.chain(node_id)]
    if system.kind is SystemKind.NATIONAL and zone:
        return [f"zone:{zone}"]
    if system.kind in STATE_SIDE:
        return ["unhosted"]
    return []


def _home(side: Cluster, system: System, hosted: Hosted) -> Cluster:
    """The cluster a system goes in: its production node's, made on the way down."""
    cluster = side
    for key in _path(system, hosted):
        found = next((c for c in cluster.clusters if c.attrs.get("id") == key), None)
        if found is None:
            name = f"{cluster.name}-{len(cluster.clusters)}"  # unique: its path of positions
            found = Cluster(name, text_label(key), {"id": key})
            cluster.clusters.append(found)
        cluster = found
    return cluster


def _all_clusters(cluster: Cluster) -> list[Cluster]:
    return [c for child in cluster.clusters for c in (child, *_all_clusters(child))]


def _label_sites(side: Cluster, hosted: Hosted) -> None:
    """Give each node's cluster its name, the other environments of its systems, and style."""
    for cluster in _all_clusters(side):
        key = cluster.attrs.pop("id")
        kind, _, ref = key.partition(":")
        top = cluster in side.clusters
        cluster.attrs.update(SITE_STYLE if top else ZONE_STYLE)
        if kind == "node":
            node = hosted.nodes[ref]
            lines = [text_label(node.name or node.id, SITE_WRAP, left=True)]
            others = _other_environments(cluster, hosted)
            lines += [text_label(line, SITE_WRAP, left=True) for line in others]
            cluster.label = join_lines(*lines)
            cluster.attrs["tooltip"] = str(node.description or node.name or node.id)
        elif kind == "zone":
            cluster.label = text_label(_say("zone", zone=ref), SITE_WRAP, left=True)
        else:
            cluster.label = text_label(_say("unhosted"), SITE_WRAP, left=True)


def _other_environments(cluster: Cluster, hosted: Hosted) -> list[str]:
    """Where the systems drawn directly in this cluster also run: `DR, test in <node>`."""
    by_place: dict[str, set[Environment]] = defaultdict(set)
    for node in cluster.nodes:
        for place, hosting in hosted.elsewhere.get(node.id, []):
            top = hosted.nodes[hosted.chain(place.id)[0]]
            by_place[str(top.name or top.id)].add(hosting.environment)
    order = list(Environment)
    return [
        _say(
            "elsewhere",
            environments=", ".join(_environment(e) for e in sorted(envs, key=order.index)),
            node=place,
        )
        for place, envs in sorted(by_place.items())
    ]


def _environment(environment: Environment) -> str:
    """An environment's label in the diagram's language: `DR`, `test`."""
    return tr().gettext(ENVIRONMENTS[environment])


def _tooltip(system: System, hosted: Hosted) -> str:
    """The system's name and every node it runs on, by environment."""
    lines = [f"{system.id}: {system.name}"]
    if system.id in hosted.production:
        node = hosted.nodes[hosted.production[system.id]]
        lines.append(f"{_environment(Environment.PRODUCTION)}: {node.name or node.id}")
    lines += [
        f"{_environment(h.environment)}: {n.name or n.id}"
        for n, h in hosted.elsewhere.get(system.id, [])
    ]
    return "\n".join(lines)


def _flow_edges(
    landscape: Landscape, joins: Callable[[str, str], bool], used: set[str]
) -> list[Edge]:
    """Without connections: one line per pair of systems joined, with their flows' triggers."""

    def box(_: Landscape, system: System) -> str:
        return system.id

    pairs = landscape_pairs(landscape, box, STATE_SIDE)
    keep = {k: p for k, p in pairs.items() if joins(p.tail, p.head)}
    used.add("line.flows")
    return [pair_edge(landscape, keep[k], used, _triggers) for k in sorted(keep)]


def _triggers(_: Landscape, pair: PairFlows) -> list[str]:
    """How the pair's flows are triggered: `3 query, 1 push`."""
    counts = Counter(
        f.sync.value if f.sync else _say("trigger.unstated") for f in pair.forward + pair.back
    )
    return [", ".join(f"{counts[k]} {tr().label(FLOW_SYNC, k)}" for k in sorted(counts))]


def _legend(used: set[str], networks: list[tuple[str, str, str, str]], sites: bool) -> Cluster:
    """The legend of what this view draws: kinds, statuses, sites, networks, line styles."""
    rows = list(networks)
    if networks:
        rows.append(("SOAP, XML", "#2D3436", _say("legend.label"), ""))
    if "line.planned" in used:
        rows.append(("\u254c\u254c\u254c\u25b6", UNKNOWN_NETWORK, _say("legend.planned"), ""))
    if sites:
        rows.append((_say("legend.site.sample"), "#9AA5B1", _say("legend.site"), "#FBFCFD"))
    if "line.flows" in used:
        rows.append((LINE_SAMPLE[PERSONAL], UNKNOWN_NETWORK, _say("legend.flows"), ""))
    keys = {k for k in used if k.startswith(("kind.", "status."))}
    cluster, _ = legend_cluster(keys, extra=tuple(rows))
    return cluster
