"""The sequence (dynamic) view of a process, drawn by Graphviz `dot`.

Each participant (a system, components rolled up; the interface a flow passes is a participant
of its own) is a column: a header box and a dashed lifeline of one point per step. A step is a
row: an arrow between the two lifelines, numbered, with the data it carries and its legal
basis. Graphviz draws it because it is already the diagrams' one engine, offline and
deterministic: the rows are ranks, the columns are kept in order by invisible edges, and an
arrow drawn right to left is written left to right with its head at the tail (`dir=back`),
since `dot` puts the tail of an edge within one rank on the left.
"""

from __future__ import annotations

from itertools import pairwise

from archlex.model.flow import Flow, Process
from archlex.render.diagrams.flows import process_steps
from archlex.render.diagrams.labels import text
from archlex.render.diagrams.legend import legend_cluster, used_by
from archlex.render.diagrams.style import (
    DATA_MARKER,
    FLOW_EDGE,
    SPECIAL,
    data_class,
    data_edge_attributes,
    graph_attributes,
)
from archlex.render.diagrams.views import (
    TIER,
    Landscape,
    provisions_label,
    system_node,
    view_title,
)
from archlex.toolkit.dot import Edge, Graph, Label, Node, join_lines, text_label

# Heavy lifelines stay straight under their headers.
LIFELINE = {"style": "dashed", "color": "#9AA5B1", "arrowhead": "none", "weight": "100"}
POINT = {"shape": "point", "width": "0.01", "style": "invis"}
# The corners of a message to itself: as wide as an arrowhead's length or two, and the lines
# drawn to their centres.
CORNER = {**POINT, "width": "0.3"}
UNCLIPPED = {"tailclip": "false", "headclip": "false"}
MESSAGE = {"shape": "plaintext", "fontsize": "11", "margin": "0.02"}
INVISIBLE = {"style": "invis"}
WRAP = 34
# Wider messages for a sequence too tall for its page: fewer lines a step, wider columns.
WIDE_WRAP = 46
HEADER_WRAP = 19


def sequence_view(landscape: Landscape, process: Process, wrap: int = WRAP) -> Graph:
    """The process's steps as messages between lifelines, numbered top to bottom, each message
    wrapped at `wrap` characters."""
    model = landscape.model
    steps = process_steps(model, process, landscape.naming(process.id))
    title = view_title(model, text("title.sequence", process=f"{process.name} ({process.id})"))
    graph = Graph(f"sequence-{process.id}", title, graph_attributes("TB"))
    graph.attrs.update({"ranksep": "0.12", "nodesep": "0.12", "splines": "line"})
    hops = [(number, flow, _path(landscape, flow)) for number, flow in steps]
    columns = _columns(landscape, [system for _, _, path in hops for system in path])
    graph.nodes = [_header(landscape, c) for c in columns]
    graph.edges = [Edge(a, b, None, INVISIBLE) for a, b in pairwise(columns)]
    graph.same_rank = [columns]
    lifelines: dict[str, list[str]] = {c: [c] for c in columns}
    for row, (number, flow, path) in enumerate(hops, start=1):
        _add_row(graph, landscape, columns, (row, wrap), (number, flow, path))
        for column in columns:
            lifelines[column] += [_point(column, row, "label"), _point(column, row, "arrow")]
    for line in lifelines.values():
        graph.edges += [Edge(a, b, None, LIFELINE) for a, b in pairwise(line)]
    _add_legend(graph, lifelines[columns[len(columns) // 2]][-1] if columns else "")
    return graph


def _add_legend(graph: Graph, above: str) -> None:
    """The view's legend under the end of the middle lifeline, where no arrow runs."""
    cluster, _ = legend_cluster(used_by(graph, ("line.message",)), across=3)
    if cluster.nodes and above:
        graph.clusters.append(cluster)
        graph.edges.append(Edge(above, cluster.nodes[0].id, None, {**INVISIBLE, "weight": "0"}))


def _add_row(
    graph: Graph,
    landscape: Landscape,
    columns: list[str],
    place: tuple[int, int],
    step: tuple[int, Flow, list[str]],
) -> None:
    """Two ranks per step (`place` is the row and the wrap of its message): its label, just
    right of the leftmost lifeline it touches, and under it the arrows between the lifelines."""
    (row, wrap), (number, flow, path) = place, step
    label_id = f"step {row}"
    left = min((columns.index(s) for s in path), default=0)
    label_rank = [_point(c, row, "label") for c in columns]
    arrow_rank = [_point(c, row, "arrow") for c in columns]
    corners = _corners(path, row)
    if corners:
        label_rank.insert(left + 1, corners[0])
        arrow_rank.insert(left + 1, corners[1])
    # the message's text right of the leftmost lifeline it touches (and of the loop from it)
    label_rank.insert(left + 1 + bool(corners), label_id)
    graph.nodes += [
        Node(i, Label(), CORNER if i in corners else POINT)
        for i in [*label_rank, *arrow_rank]
        if i != label_id
    ]
    graph.nodes.append(Node(label_id, _message(landscape, number, flow, wrap), MESSAGE))
    graph.same_rank += [label_rank, arrow_rank]
    for rank in (label_rank, arrow_rank):
        graph.edges += [Edge(a, b, None, INVISIBLE) for a, b in pairwise(rank)]
    graph.edges += _arrows(landscape, columns, row, flow, path)


def _arrows(
    landscape: Landscape, columns: list[str], row: int, flow: Flow, path: list[str]
) -> list[Edge]:
    """An arrow per hop of the flow, drawn left to right with its head where the flow goes."""
    kind = landscape.data_kind(flow.data)
    attrs = {**FLOW_EDGE, **data_edge_attributes(kind), "constraint": "false"}
    attrs["tooltip"] = f"{flow.id}: {flow.name}" if flow.name else flow.id
    corners = _corners(path, row)
    if corners:  # within one system: out of its lifeline, down and back into it
        (out, back), column = corners, path[0]
        line = {**attrs, **UNCLIPPED, "arrowhead": "none"}
        down = {**line, "constraint": "true", "weight": LIFELINE["weight"]}  # straight down
        return [
            Edge(_point(column, row, "label"), out, None, line),
            Edge(out, back, None, down),
            Edge(_point(column, row, "arrow"), back, None, {**attrs, **UNCLIPPED, "dir": "back"}),
        ]
    edges = []
    for a, b in pairwise(path):
        tail, head, direction = a, b, "forward"
        if columns.index(a) > columns.index(b):
            tail, head, direction = b, a, "back"
        points = _point(tail, row, "arrow"), _point(head, row, "arrow")
        edges.append(Edge(*points, None, {**attrs, "dir": direction}))
    return edges


def _path(landscape: Landscape, flow: Flow) -> list[str]:
    """The systems a flow passes, in order (components rolled up); the one system of a flow
    between its own components, whose step is a message to itself."""
    hops = landscape.hops(flow)
    if hops:
        return [hops[0][0], *(b for _, b in hops)]
    start, end = landscape.system_of(flow.from_), landscape.system_of(flow.to)
    return [start.id] if start is not None and start is end else []


def _columns(landscape: Landscape, systems: list[str]) -> list[str]:
    """Participants left to right: the state before the EU, then by first appearance."""
    first = {s: n for n, s in reversed(list(enumerate(systems)))}
    return sorted(first, key=lambda s: (TIER[landscape.systems[s].kind], first[s]))


def _header(landscape: Landscape, system_id: str) -> Node:
    node = system_node(landscape.systems[system_id], HEADER_WRAP)
    node.attrs["tooltip"] = landscape.systems[system_id].name
    return node


def _corners(path: list[str], row: int) -> list[str]:
    """The two corners of a step's message to itself (a flow within one system: out right of
    its lifeline, down and back), in its label's rank and its arrow's; none for any other."""
    return [_point(path[0], row, "out"), _point(path[0], row, "back")] if len(path) == 1 else []


def _point(column: str, row: int, rank: str) -> str:
    return f"{column} {rank} {row}"


def _message(landscape: Landscape, number: int, flow: Flow, wrap: int) -> Label:
    data = [_data_name(landscape, d) for d in flow.data]
    basis = "; ".join(str(p) for p in flow.legal_basis) or text("sequence.no-basis")
    return join_lines(
        text_label(f"{number}. {flow.name or flow.id}", wrap, left=True),
        text_label(text("sequence.data", data=", ".join(data) or "-"), wrap, left=True),
        provisions_label(text("sequence.basis", basis=basis), wrap),
    )


def _data_name(landscape: Landscape, data_id: str) -> str:
    category = landscape.category(data_id)
    name = category.name if category else data_id
    special = data_class(category) == SPECIAL
    return f"{name} {DATA_MARKER[SPECIAL]}" if special else name
