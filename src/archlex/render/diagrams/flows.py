"""The data-flow view of each business process, and the data view.

A process view numbers the process's flows in its order and labels each with the data it
carries and its legal basis. The data view puts the data categories between the national
systems and the EU systems that hold them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from archlex.model import Model
from archlex.model.flow import Flow, Process
from archlex.model.system import System
from archlex.render.diagrams.labels import text, tr
from archlex.render.diagrams.style import (
    CLUSTER_STYLE,
    COMPONENT_STYLE,
    DATA_MARKER,
    FLOW_EDGE,
    GROUP_STYLE,
    SPECIAL,
    data_class,
    data_edge_attributes,
    graph_attributes,
    status_marker,
)
from archlex.render.diagrams.views import (
    SIDE_OF_KIND,
    SIDES,
    TIER,
    Landscape,
    provisions_label,
    system_node,
    view_title,
)
from archlex.toolkit.dot import Cluster, Edge, Graph, Label, Node, join_lines, text_label


def process_view(model: Model, process: Process, landscape: Landscape | None = None) -> Graph:
    """A process's flows in order, numbered, with the data they carry and their legal basis
    (`landscape`: the model's, if made already)."""
    landscape = landscape or Landscape.of(model)
    steps = process_steps(model, process, landscape.naming(process.id))
    heading = text("title.process", process=f"{process.name} ({process.id})")
    title = join_lines(
        text_label(heading, 100, left=True), view_title(model, tr().gettext("Model"))
    )
    title = replace(title, heading=heading)
    graph = Graph(f"process-{process.id}", title, graph_attributes("LR"))
    graph.attrs.update({"ranksep": "0.35", "nodesep": "0.2"})
    refs = sorted({r for _, f in steps for r in (f.from_, f.via, f.to) if r})
    graph.clusters, graph.nodes = _part_clusters(landscape, refs)
    for number, flow in steps:
        graph.edges += _step_edges(landscape, number, flow)
    return graph


def process_steps(
    model: Model, process: Process, naming: list[Flow] | None = None
) -> list[tuple[int, Flow]]:
    """The process's flows numbered as its steps list them, then flows naming it that it lacks
    (`naming`: the flows that name it, if known, else every flow is searched)."""
    steps = []
    for number, step in enumerate(process.steps, start=1):
        flow = model.get(step)
        if isinstance(flow, Flow):
            steps.append((number, flow))
    listed = set(process.steps)
    if naming is None:
        naming = [f for f in model.flows if f.process == process.id]
    extra = sorted((f for f in naming if f.id not in listed), key=lambda f: f.id)
    return steps + [(len(process.steps) + n, f) for n, f in enumerate(extra, start=1)]


def _part_clusters(landscape: Landscape, refs: list[str]) -> tuple[list[Cluster], list[Node]]:
    """Side clusters holding systems, and a cluster per system whose components are shown."""
    by_system: dict[str, list[str]] = defaultdict(list)
    unknown = []
    for ref in refs:
        system = landscape.system_of(ref)
        if system is None:
            label = text_label(tr().gettext("{ref} (no such system)").format(ref=ref))
            unknown.append(Node(ref, label, {"style": "dashed"}))
        else:
            by_system[system.id].append(ref)
    clusters = []
    for side, title in SIDES:
        cluster = Cluster(side, text_label(tr().gettext(title), 40), dict(CLUSTER_STYLE))
        for system_id in sorted(by_system):
            system = landscape.systems[system_id]
            if SIDE_OF_KIND[system.kind] == side:
                _add_parts(cluster, system, by_system[system_id])
        if cluster.nodes or cluster.clusters:
            clusters.append(cluster)
    return clusters, unknown


def _add_parts(side: Cluster, system: System, refs: list[str]) -> None:
    if refs == [system.id]:
        side.nodes.append(system_node(system))
        return
    group = Cluster(f"system-{system.id}", text_label(system.name, 36), dict(GROUP_STYLE))
    names = {c.id: c.name or c.id for c in system.components}
    for ref in refs:
        if ref == system.id:
            node = system_node(system)
            node.label = join_lines(
                text_label(tr().gettext("{system} (the system)").format(system=system.id)),
                text_label(status_marker(system)),
            )
        else:
            node = Node(ref, text_label(names[ref]), dict(COMPONENT_STYLE, style="filled,rounded"))
        group.nodes.append(node)
    side.clusters.append(group)


def _step_edges(landscape: Landscape, number: int, flow: Flow) -> list[Edge]:
    kind = landscape.data_kind(flow.data)
    attrs = {**FLOW_EDGE, **data_edge_attributes(kind)}
    data = [_data_name(landscape, d) for d in flow.data]
    basis = "; ".join(str(p) for p in flow.legal_basis) or text("sequence.no-basis")
    data_text = ", ".join(data) or tr().gettext("none given")
    label = join_lines(
        text_label(f"{number}. {flow.name or flow.id}", 22, left=True),
        text_label(text("sequence.data", data=data_text), 22, left=True),
        provisions_label(text("sequence.basis", basis=basis), 22),
    )
    if not flow.via:
        return [_towards_eu(landscape, flow.from_, flow.to, label, attrs)]
    via = text_label(tr().gettext("{number}. (continued)").format(number=number), 32)
    return [
        _towards_eu(landscape, flow.from_, flow.via, label, attrs),
        _towards_eu(landscape, flow.via, flow.to, via, attrs),
    ]


def _towards_eu(
    landscape: Landscape, tail: str, head: str, label: Label, attrs: dict[str, str]
) -> Edge:
    """An edge written from the state towards the EU, its arrowhead where the flow goes: a
    reply from the EU does not pull the EU's ranks left of the state's."""
    ends = [landscape.system_of(ref) for ref in (tail, head)]
    tiers = [TIER[s.kind] if s else 0 for s in ends]
    if tiers[0] > tiers[1]:
        return Edge(head, tail, label, {**attrs, "dir": "back"})
    return Edge(tail, head, label, attrs)


def _data_name(landscape: Landscape, data_id: str) -> str:
    category = landscape.category(data_id)
    marker = DATA_MARKER[SPECIAL] if data_class(category) == SPECIAL else ""
    name = category.name if category else data_id
    return f"{name} {marker}".strip()
