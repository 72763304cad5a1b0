"""The legend of one view, built from what that view draws: a box inside the diagram with a
sample of each shape, line style and colour it uses, and what it means."""

from __future__ import annotations

from archlex.i18n import N_
from archlex.model.system import SystemKind, SystemStatus
from archlex.render.diagrams.labels import Texts, text
from archlex.render.diagrams.style import (
    CLUSTER_STYLE,
    DATA_COLOUR,
    FLOW_EDGE,
    KIND_STYLE,
    OTHER,
    PERSONAL,
    SPECIAL,
    STATUS_MARKER,
    STATUS_STYLE,
)
from archlex.toolkit.dot import Cluster, Edge, Graph, Node, table_label, text_label

ORGANISATION_STYLE = {
    "shape": "folder",
    "style": "filled",
    "fillcolor": "#DCEBFA",
    "color": "#2E6DA4",
    "fontsize": "11",
}
# The focus of a view is framed twice: a thick line is the "changing" status's, so a status
# keeps its own line and the focus adds a second frame around it.
FOCUS_PERIPHERIES = "2"
LEGEND_TEXT = {"shape": "plaintext", "fontsize": "11"}
DATA_ORDER = (SPECIAL, PERSONAL, OTHER)
LINE_KEYS = ("line.merged", "line.flow", "line.message")


def legend_cluster(
    used: set[str], across: int = 1, extra: tuple[tuple[str, str, str, str], ...] = ()
) -> tuple[Cluster, list[Edge]]:
    """The legend box for the keys a view used (and a view's `extra` rows): one table of
    shapes, statuses and lines, so the legend takes one box and no rank of the diagram's own."""
    cluster = Cluster("legend", text_label(text("cluster.legend"), 30), dict(CLUSTER_STYLE))
    rows = [*_shape_rows(used), *_line_rows(used), *extra]
    if rows:
        double = frozenset({SHAPE_WORD["double"]} if "focus" in used else ())
        cluster.nodes.append(Node("legend", table_label(rows, across, double), LEGEND_TEXT))
    return cluster, []


def used_by(graph: Graph, lines: tuple[str, ...]) -> set[str]:
    """The legend keys a graph built by the older views uses, read from its drawing attributes:
    kinds by their fill, statuses by their line style, data classes by the line colour."""
    used = set(lines)
    fills = {style["fillcolor"]: kind for kind, style in KIND_STYLE.items()}
    styles = {STATUS_STYLE[s][0]: s for s in SystemStatus}
    nodes = [*graph.nodes, *(n for c in graph.clusters for n in _cluster_nodes(c))]
    for node in nodes:
        kind = fills.get(node.attrs.get("fillcolor", ""))
        if kind is not None:
            used.add(f"kind.{kind.value}")
        for part in node.attrs.get("style", "").split(","):
            if part in styles:
                used.add(f"status.{styles[part].value}")
    colours = {colour: kind for kind, colour in DATA_COLOUR.items()}
    used |= {
        f"data.{colours[e.attrs['color']]}" for e in graph.edges if e.attrs.get("color") in colours
    }
    return used


def with_legend(graph: Graph, lines: tuple[str, ...]) -> Graph:
    """The graph with its own legend added, first so that it goes to the bottom left."""
    cluster, _ = legend_cluster(used_by(graph, lines))
    graph.clusters.insert(0, cluster)
    return graph


def legend_at_the_end(graph: Graph) -> Edge | None:
    """Tie the legend after the graph's last box (for a left-to-right view: to the right of the
    EU side, where there is room) by an invisible edge; the edge, to take back, or None."""
    legends = [c for c in graph.clusters if c.name == "legend" and c.nodes]
    others = [c for c in graph.clusters if c.name != "legend" and c.node_ids()]
    if not legends or not others:
        return None
    edge = Edge(others[-1].node_ids()[-1], legends[0].nodes[0].id, None, {"style": "invis"})
    graph.edges.append(edge)
    return edge


def _cluster_nodes(cluster: Cluster) -> list[Node]:
    return [*cluster.nodes, *(n for c in cluster.clusters for n in _cluster_nodes(c))]


# The sample of a shape in the legend: its name, in a box of its colours.
SHAPE_WORD = Texts(
    {
        "box": N_("box"),
        "hexagon": N_("hexagon"),
        "box3d": N_("3-D box"),
        "cylinder": N_("cylinder"),
        "folder": N_("folder"),
        "double": N_("double"),
    }
)


def _shape_rows(used: set[str]) -> list[tuple[str, str, str, str]]:
    rows = []
    if "org" in used:
        style = ORGANISATION_STYLE
        rows.append((SHAPE_WORD["folder"], style["color"], text("legend.org"), style["fillcolor"]))
    if "zone" in used:
        rows.append((SHAPE_WORD["box"], "#4A5968", text("legend.zone"), "#EEF3F8"))
    if "focus" in used:
        style = KIND_STYLE[SystemKind.NATIONAL]
        sample = SHAPE_WORD["double"]
        rows.append((sample, style["color"], text("legend.focus"), style["fillcolor"]))
    for kind in SystemKind:
        if f"kind.{kind.value}" in used:
            style = KIND_STYLE[kind]
            word = SHAPE_WORD[style["shape"]]
            rows.append((word, style["color"], text(f"kind.{kind.value}"), style["fillcolor"]))
    for status in SystemStatus:
        if status is not SystemStatus.EXISTING and f"status.{status.value}" in used:
            marker = STATUS_MARKER[status]
            rows.append((marker, "#2D3436", text(f"status.{status.value}"), ""))
    return rows


# Line samples as text: heavy, light and dashed box-drawing strokes, in the line's colour.
LINE_SAMPLE = {
    SPECIAL: "\u2501\u2501\u2501\u25b6",
    PERSONAL: "\u2500\u2500\u2500\u25b6",
    OTHER: "\u254c\u254c\u254c\u25b6",
}


def _line_rows(used: set[str]) -> list[tuple[str, str, str, str]]:
    rows = [
        (LINE_SAMPLE[PERSONAL], FLOW_EDGE["color"], text(key.replace("line.", "legend.")), "")
        for key in LINE_KEYS
        if key in used
    ]
    for kind in DATA_ORDER:
        if f"data.{kind}" in used:
            rows.append((LINE_SAMPLE[kind], DATA_COLOUR[kind], text(f"legend.{kind}"), ""))
    return rows
