"""The look of the diagrams: shapes and colours by system kind, status and data class, and the
legend that explains them. Every marker is also text, never colour alone."""

from __future__ import annotations

from itertools import pairwise

from archlex.i18n import N_
from archlex.model.system import DataCategory, System, SystemKind, SystemStatus
from archlex.render.diagrams.labels import Texts, tr
from archlex.toolkit.dot import FONT, Cluster, Edge, Graph, Label, Node, text_label

KIND_STYLE: dict[SystemKind, dict[str, str]] = {
    SystemKind.NATIONAL: {"shape": "box", "fillcolor": "#DCEBFA", "color": "#2E6DA4"},
    SystemKind.NATIONAL_INTERFACE: {"shape": "hexagon", "fillcolor": "#FFF2B3", "color": "#9A7B00"},
    SystemKind.INTEROPERABILITY_COMPONENT: {
        "shape": "box3d",
        "fillcolor": "#E6DAF5",
        "color": "#5B3A8C",
    },
    SystemKind.EU_CENTRAL: {"shape": "cylinder", "fillcolor": "#D9F0D9", "color": "#2F7A2F"},
    SystemKind.EXTERNAL: {"shape": "box", "fillcolor": "#EEEEEE", "color": "#666666"},
}
KIND_NAME = Texts(
    {
        SystemKind.NATIONAL: N_("national system"),
        SystemKind.NATIONAL_INTERFACE: N_("national uniform interface"),
        SystemKind.INTEROPERABILITY_COMPONENT: N_("interoperability component"),
        SystemKind.EU_CENTRAL: N_("EU central system"),
        SystemKind.EXTERNAL: N_("external system"),
    }
)
# The status as written under a system's name: one word each, so it never breaks.
STATUS_MARKER = Texts(
    {
        SystemStatus.EXISTING: "",
        SystemStatus.PLANNED: N_("(planned)"),
        SystemStatus.CHANGING: N_("(changing)"),
        SystemStatus.RETIRING: N_("(retiring)"),
    }
)
# Line style and width by status; the status is also written in the label.
STATUS_STYLE: dict[SystemStatus, tuple[str, str]] = {
    SystemStatus.EXISTING: ("solid", "1"),
    SystemStatus.PLANNED: ("dashed", "1.5"),
    SystemStatus.CHANGING: ("solid", "2.5"),
    SystemStatus.RETIRING: ("dotted", "1.5"),
}
COMPONENT_STYLE = {"shape": "box", "fillcolor": "#FFFFFF", "color": "#2E6DA4", "fontsize": "11"}

SPECIAL, PERSONAL, OTHER = "special", "personal", "other"
DATA_COLOUR = {SPECIAL: "#B3261E", PERSONAL: "#C25E00", OTHER: "#777777"}
DATA_FILL = {SPECIAL: "#F9D6D3", PERSONAL: "#FCE5CC", OTHER: "#F4F4F4"}
DATA_MARKER = Texts({SPECIAL: N_("[SPECIAL]"), PERSONAL: N_("[personal]"), OTHER: ""})
DATA_EDGE_STYLE = {SPECIAL: ("bold", "2.5"), PERSONAL: ("solid", "1.5"), OTHER: ("dashed", "1")}
CLUSTER_STYLE = {"style": "rounded", "color": "#9AA5B1", "fontsize": "13", "labeljust": "l"}
GROUP_STYLE = {"style": "rounded,filled", "fillcolor": "#F7F9FB", "color": "#C5CDD6"}
FLOW_EDGE = {"color": "#4A5968", "fontsize": "11", "fontcolor": "#2D3436"}


def graph_attributes(rankdir: str = "LR") -> dict[str, str]:
    """What every diagram shares: direction, font, spacing and spline style."""
    return {
        "rankdir": rankdir,
        "fontname": FONT,
        "fontsize": "16",
        "labelloc": "t",
        "labeljust": "l",
        "splines": "spline",
        "nodesep": "0.25",
        "ranksep": "0.6",
        "pad": "0.3",
        "bgcolor": "white",
    }


def data_class(category: DataCategory | None) -> str:
    """special, personal or other."""
    if category is None:
        return OTHER
    if category.special:
        return SPECIAL
    return PERSONAL if category.personal else OTHER


def most_sensitive(classes: set[str]) -> str:
    """The most sensitive of these data classes."""
    return next((c for c in (SPECIAL, PERSONAL) if c in classes), OTHER)


def status_marker(system: System) -> str:
    """`(planned)` and so on; nothing for an existing system."""
    return STATUS_MARKER[system.status]


def system_attributes(system: System) -> dict[str, str]:
    """Shape, colours and line style for a system."""
    return kind_attributes(system.kind, system.status)


def kind_attributes(kind: SystemKind, status: SystemStatus) -> dict[str, str]:
    """Shape and colours for the kind, line style for the status."""
    style, width = STATUS_STYLE[status]
    attrs = {**KIND_STYLE[kind], "penwidth": width, "fontsize": "11"}
    attrs["style"] = f"filled,{style}" + (",rounded" if attrs["shape"] == "box" else "")
    return attrs


def data_attributes(kind: str) -> dict[str, str]:
    """Shape and colours of a data category node."""
    return {
        "shape": "note",
        "style": "filled",
        "fillcolor": DATA_FILL[kind],
        "color": DATA_COLOUR[kind],
        "penwidth": "2" if kind == SPECIAL else "1",
        "fontsize": "11",
    }


def data_edge_attributes(kind: str) -> dict[str, str]:
    """Colour and line style of an edge carrying data of this class."""
    style, width = DATA_EDGE_STYLE[kind]
    return {"color": DATA_COLOUR[kind], "style": style, "penwidth": width}


def legend() -> Graph:
    """The legend: every shape, line style and colour the diagrams use, with its meaning."""
    graph = Graph(
        "legend", text_label(tr().gettext("Legend"), 60, left=True), graph_attributes("TB")
    )
    graph.attrs.update({"nodesep": "0.4", "ranksep": "0.25"})
    kinds = _legend_cluster("kinds", tr().gettext("Systems, by kind"))
    for kind in SystemKind:
        attrs = kind_attributes(kind, SystemStatus.EXISTING)
        kinds.nodes.append(Node(f"kind-{kind.value}", text_label(KIND_NAME[kind]), attrs))
    statuses = _legend_cluster(
        "statuses", tr().gettext("Status: line style, and written under the name")
    )
    for status, text in STATUS_TEXT.items():
        attrs = kind_attributes(SystemKind.NATIONAL, status)
        statuses.nodes.append(Node(f"status-{status.value}", text_label(text), attrs))
    component = dict(COMPONENT_STYLE, style="filled,rounded")
    statuses.nodes.append(
        Node("component", text_label(tr().gettext("component of a system (processes)")), component)
    )
    data = _legend_cluster("data", tr().gettext("Data categories"))
    for data_kind, text in DATA_TEXT.items():
        data.nodes.append(Node(f"data-{data_kind}", text_label(text), data_attributes(data_kind)))
    lines = _legend_cluster("lines", tr().gettext("Lines"))
    for number, (text, label, attrs) in enumerate(LEGEND_LINES):
        start, end = f"line-{number}", f"line-{number}-text"
        lines.nodes += [
            Node(start, Label(), {"shape": "point", "width": "0.06"}),
            Node(
                end,
                text_label(tr().gettext(text), 40, left=True),
                {"shape": "plaintext", "fontsize": "11"},
            ),
        ]
        lines.same_rank.append([start, end])
        graph.edges.append(Edge(start, end, text_label(label), {**attrs, "minlen": "3"}))
    graph.clusters = [kinds, statuses, data, lines]
    for cluster in graph.clusters:  # each cluster a column: its nodes one under another
        ids = [n.id for n in cluster.nodes if not n.id.endswith("-text")]
        graph.edges += [Edge(a, b, None, {"style": "invis"}) for a, b in pairwise(ids)]
    return graph


def _legend_cluster(name: str, title: str) -> Cluster:
    return Cluster(name, text_label(title, 30), dict(CLUSTER_STYLE))


STATUS_TEXT = Texts(
    {
        SystemStatus.EXISTING: N_("existing: solid line"),
        SystemStatus.PLANNED: N_("planned: dashed line, marked (planned)"),
        SystemStatus.CHANGING: N_("changing: thick line, marked (changing)"),
        SystemStatus.RETIRING: N_("retiring: dotted line, marked (retiring)"),
    }
)
DATA_TEXT = Texts(
    {
        SPECIAL: N_("special-category data: red, marked [SPECIAL]"),
        PERSONAL: N_("personal data: orange, marked [personal]"),
        OTHER: N_("other data: grey"),
    }
)
LEGEND_LINES: list[tuple[str, str, dict[str, str]]] = [
    (
        N_(
            "flows between two systems, components rolled up: the number of flows when more "
            "than one, 'both ways' when they go in both directions; in the technical view, how "
            "they are triggered (query, push, batch)"
        ),
        "",
        FLOW_EDGE,
    ),
    (
        N_("a step of a process, numbered in order: its name, data and legal basis"),
        "1.",
        FLOW_EDGE,
    ),
    (
        N_("carries or holds special-category data: red, thick, marked [SPECIAL]"),
        "",
        data_edge_attributes(SPECIAL),
    ),
    (N_("carries or holds personal data: orange"), "", data_edge_attributes(PERSONAL)),
    (N_("carries or holds other data only: grey, dashed"), "", data_edge_attributes(OTHER)),
]
