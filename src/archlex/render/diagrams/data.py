"""The data view: the data categories in the middle, most sensitive first, each with its class,
retention and how many flows carry it; on the left the organisations whose systems send or
receive it (their systems rolled up), on the right the EU systems that do."""

from __future__ import annotations

from collections import defaultdict

from archlex.model.system import SystemKind
from archlex.render.diagrams.context import UNOWNED, landscape_box
from archlex.render.diagrams.labels import text
from archlex.render.diagrams.legend import ORGANISATION_STYLE, legend_cluster
from archlex.render.diagrams.style import (
    CLUSTER_STYLE,
    DATA_MARKER,
    OTHER,
    PERSONAL,
    SPECIAL,
    data_attributes,
    data_class,
    data_edge_attributes,
    graph_attributes,
)
from archlex.render.diagrams.views import TIER, Landscape, system_node, view_title
from archlex.toolkit.dot import Cluster, Edge, Graph, Node, join_lines, text_label

ORDER = {SPECIAL: 0, PERSONAL: 1, OTHER: 2}
Holds = dict[tuple[str, str], set[str]]  # (box, data id) -> flow ids


def data_view(landscape: Landscape) -> Graph:
    """Who holds which data: organisations, data categories, EU systems."""
    graph = Graph("data", view_title(landscape.model, text("title.data")), graph_attributes("LR"))
    graph.attrs.update({"ranksep": "1.0", "nodesep": "0.12"})
    holds, carried = _holds(landscape)
    used: set[str] = set()
    boxes = sorted({box for box, _ in holds})
    organisations = [b for b in boxes if b not in landscape.systems]
    systems = sorted((landscape.systems[b] for b in boxes if b in landscape.systems), key=_tier)
    graph.clusters = [_organisations(landscape, organisations, used), _data(landscape, carried)]
    if systems:
        eu = Cluster("eu", text_label(text("cluster.eu"), 40), dict(CLUSTER_STYLE))
        for system in systems:
            used |= {f"kind.{system.kind.value}", f"status.{system.status.value}"}
            eu.nodes.append(system_node(system))
        graph.clusters.append(eu)
    graph.edges = _edges(landscape, holds, used)
    legend, _ = legend_cluster(used)
    graph.clusters.insert(0, legend)
    graph.clusters = [c for c in graph.clusters if c.nodes]
    return graph


def _tier(system: object) -> tuple[int, str]:
    kind = getattr(system, "kind", SystemKind.EXTERNAL)
    return TIER[kind], str(getattr(system, "id", ""))


def _holds(landscape: Landscape) -> tuple[Holds, dict[str, set[str]]]:
    """Which box sends or receives which data category, and which flows carry each."""
    holds: Holds = defaultdict(set)
    carried: dict[str, set[str]] = defaultdict(set)
    for flow in landscape.flows():
        for data_id in flow.data:
            carried[data_id].add(flow.id)
            for ref in (flow.from_, flow.to):
                system = landscape.system_of(ref)
                if system is not None and landscape.category(data_id) is not None:
                    holds[(landscape_box(landscape, system), data_id)].add(flow.id)
    return holds, carried


def _organisations(landscape: Landscape, boxes: list[str], used: set[str]) -> Cluster:
    cluster = Cluster(
        "national", text_label(text("cluster.organisations"), 40), dict(CLUSTER_STYLE)
    )
    for box in boxes:
        used.add("org")
        name = landscape.organisation_name(None if box == UNOWNED else box)
        cluster.nodes.append(Node(box, text_label(name, 26), dict(ORGANISATION_STYLE)))
    return cluster


def _data(landscape: Landscape, carried: dict[str, set[str]]) -> Cluster:
    """The data categories, most sensitive first: name, class, retention, flows."""
    cluster = Cluster("data", text_label(text("cluster.data"), 40), dict(CLUSTER_STYLE))
    for category in sorted(landscape.model.data, key=lambda d: (ORDER[data_class(d)], d.id)):
        kind = data_class(category)
        count = len(carried.get(category.id, set()))
        retention = text("data.retention", retention=category.retention or text("data.unstated"))
        label = join_lines(
            text_label(f"{category.name} {DATA_MARKER[kind]}".strip(), 30),
            text_label(retention, 34),
            text_label(text("data.flow") if count == 1 else text("data.flows", count=count)),
        )
        attrs = {**data_attributes(kind), "tooltip": ", ".join(sorted(carried[category.id]))}
        cluster.nodes.append(Node(f"data:{category.id}", label, attrs))
    return cluster


def _edges(landscape: Landscape, holds: Holds, used: set[str]) -> list[Edge]:
    """An undirected line from each holder to each category it holds, coloured by class."""
    edges = []
    for box, data_id in sorted(holds):
        kind = data_class(landscape.category(data_id))
        used.add(f"data.{kind}")
        attrs = {**data_edge_attributes(kind), "dir": "none"}
        attrs["tooltip"] = ", ".join(sorted(holds[(box, data_id)]))
        node = f"data:{data_id}"
        if box in landscape.systems:
            edges.append(Edge(node, box, None, attrs))
        else:
            edges.append(Edge(box, node, None, attrs))
    return edges
