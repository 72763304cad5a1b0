"""One context view per national system: the system, its neighbours, and its flows in full.

Each flow keeps its path through the national uniform interface or the ESP it passes; the
lines between two boxes in one direction are one edge, labelled with every flow on it (id and
name), and the tooltip adds each flow's data and legal basis.
"""

from __future__ import annotations

from collections import defaultdict

from archlex.model.flow import Flow
from archlex.model.system import System, SystemKind
from archlex.render.diagrams.context import distance_to_eu, tooltip_text
from archlex.render.diagrams.labels import text, tr
from archlex.render.diagrams.legend import FOCUS_PERIPHERIES, legend_cluster
from archlex.render.diagrams.style import (
    CLUSTER_STYLE,
    DATA_MARKER,
    FLOW_EDGE,
    SPECIAL,
    data_edge_attributes,
    graph_attributes,
)
from archlex.render.diagrams.views import (
    SIDE_OF_KIND,
    SIDES,
    TIER,
    Landscape,
    system_node,
    view_title,
)
from archlex.toolkit.dot import Cluster, Edge, Graph, Label, join_lines, text_label

Hop = tuple[str, str]


def focus_views(landscape: Landscape) -> list[tuple[str, Graph]]:
    """A focused view of every national system that takes part in a flow, by id."""
    views = []
    flows = _flows_by_system(landscape)
    for system in landscape.systems.values():
        if system.kind is SystemKind.NATIONAL:
            hops = system_hops(landscape, system, flows.get(system.id, []))
            if hops:
                views.append((f"context-{system.id}", focus_view(landscape, system, hops)))
    return views


def _flows_by_system(landscape: Landscape) -> dict[str, list[Flow]]:
    """Every system's flows (sent, received or passed), by id, each list in the flows' order:
    one pass over the flows instead of one per system (a 10k model has 150 such systems)."""
    flows: dict[str, list[Flow]] = defaultdict(list)
    for flow in landscape.flows():
        for system in dict.fromkeys(s for hop in landscape.hops(flow) for s in hop):
            flows[system].append(flow)
    return flows


def system_hops(
    landscape: Landscape, system: System, flows: list[Flow] | None = None
) -> dict[Hop, list[Flow]]:
    """Every hop of every flow the system sends, receives or passes, by pair and direction
    (`flows`: the system's flows, if known, else all are searched)."""
    hops: dict[Hop, list[Flow]] = defaultdict(list)
    for flow in landscape.flows() if flows is None else flows:
        path = landscape.hops(flow)
        if any(system.id in hop for hop in path):
            for hop in path:
                hops[hop].append(flow)
    return hops


def selection_view(landscape: Landscape, focus: System | None) -> Graph:
    """Every flow of the landscape in full, its focus (if any) framed twice: a named view."""
    hops: dict[Hop, list[Flow]] = defaultdict(list)
    for flow in landscape.flows():
        for hop in landscape.hops(flow):
            hops[hop].append(flow)
    return focus_view(landscape, focus, hops)


def focus_view(landscape: Landscape, system: System | None, hops: dict[Hop, list[Flow]]) -> Graph:
    """The system in the middle of its flows, the state on the left and the EU on the right."""
    name = system.name if system else landscape.model.manifest.name
    title = view_title(landscape.model, text("title.focus", system=name))
    graph = Graph(f"context-{system.id if system else ''}", title, graph_attributes("LR"))
    graph.attrs.update({"ranksep": "0.35", "nodesep": "0.2"})
    used: set[str] = {"focus"} if system else set()
    shown = sorted({s for hop in hops for s in hop}, key=lambda s: (TIER[_kind(landscape, s)], s))
    graph.clusters = _sides(landscape, [landscape.systems[s] for s in shown], system, used)
    tiers = {s: TIER[_kind(landscape, s)] for s in shown}
    # Peers in order: national ones from the farthest from the EU, EU ones from the nearest
    # to the state, so the national side stays left of the EU side.
    to_eu = distance_to_eu(set(hops), tiers)
    to_state = distance_to_eu(set(hops), {s: int(tier == 0) for s, tier in tiers.items()})
    rank = {s: (tiers[s], -to_eu[s], to_state[s], s) for s in shown}
    graph.edges = [_hop_edge(landscape, hop, hops[hop], used, rank) for hop in sorted(hops)]
    cluster, edges = legend_cluster(used)
    graph.clusters.insert(0, cluster)
    graph.edges += edges
    return graph


def _kind(landscape: Landscape, system_id: str) -> SystemKind:
    return landscape.systems[system_id].kind


def _sides(
    landscape: Landscape, systems: list[System], focus: System | None, used: set[str]
) -> list[Cluster]:
    clusters = []
    for side, title in SIDES:
        members = [s for s in systems if SIDE_OF_KIND[s.kind] == side]
        if not members:
            continue
        cluster = Cluster(side, text_label(tr().gettext(title), 40), dict(CLUSTER_STYLE))
        for member in members:
            used |= {f"kind.{member.kind.value}", f"status.{member.status.value}"}
            node = system_node(member)
            node.attrs["tooltip"] = member.name
            if focus is not None and member.id == focus.id:
                node.attrs["peripheries"] = FOCUS_PERIPHERIES
            cluster.nodes.append(node)
        clusters.append(cluster)
    return clusters


def _hop_edge(
    landscape: Landscape,
    hop: Hop,
    flows: list[Flow],
    used: set[str],
    rank: dict[str, tuple[int, int, int, str]],
) -> Edge:
    """The flows on one hop, one label line each, drawn from the state towards the EU (between
    national systems, from the one farther from the EU)."""
    kind = landscape.data_kind(d for f in flows for d in f.data)
    used |= {"line.flow", f"data.{kind}"}
    lines = [text_label(f"{f.id} {f.name or ''}".strip(), 24, left=True) for f in flows]
    if kind == SPECIAL:
        lines.append(text_label(DATA_MARKER[SPECIAL], left=True))
    attrs = {**FLOW_EDGE, **data_edge_attributes(kind)}
    attrs["tooltip"] = _details(landscape, flows)
    tail, head = hop
    if rank[tail] > rank[head]:
        tail, head, attrs["dir"] = head, tail, "back"  # keep the ranks national to EU
    label: Label = join_lines(*lines)
    return Edge(tail, head, label, attrs)


def _details(landscape: Landscape, flows: list[Flow]) -> str:
    """Each flow with its data and legal basis, for the tooltip."""
    lines = []
    for flow in flows:
        data = ", ".join(_name(landscape, d) for d in flow.data)
        basis = "; ".join(str(p) for p in flow.legal_basis)
        lines.append(f"{tooltip_text([flow])} ({data}){' - ' + basis if basis else ''}")
    return "\n".join(lines)


def _name(landscape: Landscape, data_id: str) -> str:
    category = landscape.category(data_id)
    return category.name if category else data_id
