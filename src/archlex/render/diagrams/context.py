"""The context view at two levels: the landscape of organisations and the EU side, and one view
focused on each national system.

The landscape rolls national systems up into the organisations that own them, and folds each
national uniform interface into the flow that passes it, so a line runs from an organisation to
the EU system it reaches. Flows between two EU systems are the EU's own and are left to the
focused and process views. All flows between two boxes are one line: arrowheads show the
directions, the label the number of flows and the data they mostly carry, the tooltip every flow.
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from archlex.model.flow import Flow
from archlex.model.system import System, SystemKind
from archlex.render.diagrams.labels import text
from archlex.render.diagrams.legend import ORGANISATION_STYLE, legend_cluster
from archlex.render.diagrams.style import (
    CLUSTER_STYLE,
    DATA_MARKER,
    FLOW_EDGE,
    SPECIAL,
    data_edge_attributes,
    graph_attributes,
)
from archlex.render.diagrams.views import TIER, Landscape, system_node, view_title
from archlex.toolkit.dot import Cluster, Edge, Graph, Node, join_lines, text_label

EU_SIDES = (
    ("components", (SystemKind.INTEROPERABILITY_COMPONENT,)),
    ("central", (SystemKind.EU_CENTRAL,)),
    ("external", (SystemKind.EXTERNAL,)),
)
UNOWNED = "no-owner"


@dataclass
class PairFlows:
    """The flows between two boxes, by direction: `forward` from `tail` to `head`."""

    tail: str
    head: str
    forward: list[Flow] = field(default_factory=list)
    back: list[Flow] = field(default_factory=list)


Wording = Callable[[Landscape, "PairFlows"], list[str]]


def tooltip_text(flows: list[Flow]) -> str:
    """Each flow on a line of its own: id and name (tooltips are plain text)."""
    return "\n".join(f"{f.id}: {f.name}" if f.name else f.id for f in flows)


def pair_edge(
    landscape: Landscape, pair: PairFlows, used: set[str], wording: Wording | None = None
) -> Edge:
    """One line for all flows between two boxes, arrowheads where they go."""
    flows = pair.forward + pair.back
    kind = landscape.data_kind(d for f in flows for d in f.data)
    used |= {"line.merged", f"data.{kind}"}
    lines = (wording or count_and_data)(landscape, pair)
    if kind == SPECIAL:
        lines.append(DATA_MARKER[SPECIAL])
    direction = "both" if pair.forward and pair.back else "forward" if pair.forward else "back"
    attrs = {**FLOW_EDGE, **data_edge_attributes(kind), "dir": direction}
    attrs["tooltip"] = tooltip_text(sorted(flows, key=lambda f: f.id))
    label = join_lines(*(text_label(line, 22) for line in lines))
    return Edge(pair.tail, pair.head, label, attrs)


def count_and_data(landscape: Landscape, pair: PairFlows) -> list[str]:
    """How many flows each way, and the data they mostly carry."""
    flows = pair.forward + pair.back
    count = len(pair.forward) or len(pair.back)
    lines = [text("edge.flows", count=count) if count != 1 else text("edge.flow")]
    if pair.forward and pair.back:
        lines[0] += ", " + text("edge.back", count=len(pair.back))
    main = _main_data(landscape, flows)
    if main:
        lines.append(text("edge.mainly", data=main))
    return lines


def _main_data(landscape: Landscape, flows: list[Flow]) -> str:
    """The data category most of these flows carry (ties: the first by id)."""
    counts = Counter(d for f in flows for d in f.data)
    if not counts:
        return ""
    top = min(counts, key=lambda d: (-counts[d], d))
    category = landscape.category(top)
    return category.name if category else top


def landscape_box(landscape: Landscape, system: System) -> str:
    """The landscape box a system is drawn in: its owner for a national system."""
    if system.kind is SystemKind.NATIONAL:
        return system.owner or UNOWNED
    return system.id


def landscape_pairs(
    landscape: Landscape,
    box: Callable[[Landscape, System], str] | None = None,
    state_side: tuple[SystemKind, ...] = (SystemKind.NATIONAL,),
) -> dict[tuple[str, str], PairFlows]:
    """The flows between boxes (by default organisations and EU systems), one entry per pair,
    oriented from the state towards the EU: between peers, from the one farther from the EU.
    Interfaces not on the state's side are folded into the flows through them."""
    moves: dict[tuple[str, str], list[Flow]] = defaultdict(list)
    tiers: dict[str, int] = {}
    box_of = box or landscape_box
    fold = SystemKind.NATIONAL_INTERFACE not in state_side
    for flow in landscape.flows():
        for a, b in _landscape_hops(landscape, flow, fold):
            if a.kind not in state_side and b.kind not in state_side:
                continue  # the EU's own flows
            tail, head = box_of(landscape, a), box_of(landscape, b)
            if tail != head:
                tiers[tail], tiers[head] = TIER[a.kind], TIER[b.kind]
                moves[(tail, head)].append(flow)
    distance = distance_to_eu(set(moves), tiers)
    pairs: dict[tuple[str, str], PairFlows] = {}
    for start, end in sorted(moves):
        sent = {start: len(moves[(start, end)]), end: len(moves.get((end, start), []))}
        ranked = sorted((tiers[b], -distance[b], -sent[b], b) for b in (start, end))
        tail, head = ranked[0][3], ranked[1][3]
        pair = pairs.setdefault((tail, head), PairFlows(tail, head))
        if (start, end) == (tail, head):
            pair.forward += moves[(start, end)]
        else:
            pair.back += moves[(start, end)]
    return pairs


def distance_to_eu(moves: set[tuple[str, str]], tiers: dict[str, int]) -> dict[str, int]:
    """How many lines each box is from the nearest EU box (EU boxes 0, unreachable far)."""
    far = len(tiers) + 1
    distance = {box: 0 if tier > 0 else far for box, tier in tiers.items()}
    neighbours: dict[str, list[str]] = defaultdict(list)
    for a, b in moves:
        neighbours[a].append(b)
        neighbours[b].append(a)
    # Breadth first from every EU box at once: each box is reached first by a shortest path.
    reached = deque(box for box, tier in tiers.items() if tier > 0)
    while reached:
        box = reached.popleft()
        for other in neighbours[box]:
            if distance[other] > distance[box] + 1:
                distance[other] = distance[box] + 1
                reached.append(other)
    return distance


def _landscape_hops(landscape: Landscape, flow: Flow, fold: bool) -> list[tuple[System, System]]:
    """The system pairs a flow passes, national uniform interfaces folded in if asked."""
    hops = landscape.hops(flow)
    path = [landscape.systems[i] for i in [hops[0][0], *(b for _, b in hops)]] if hops else []
    kept = [s for s in path if s.kind is not SystemKind.NATIONAL_INTERFACE]
    path = kept if fold and len(kept) > 1 else path
    return [(a, b) for a, b in pairwise(path) if a.id != b.id]


def context_view(landscape: Landscape) -> Graph:
    """Organisations and the EU systems they reach, one line per pair of boxes."""
    model = landscape.model
    title = view_title(model, text("title.context"))
    graph = Graph("context", title, graph_attributes("LR"))
    graph.attrs.update({"ranksep": "0.45", "nodesep": "0.25"})
    used: set[str] = {"org"}
    pairs = landscape_pairs(landscape)
    boxes = {box for pair in pairs for box in pair}
    graph.clusters = [_organisations(landscape, boxes), *_eu_side(landscape, boxes, used)]
    graph.clusters = [c for c in graph.clusters if c.nodes or c.clusters]
    graph.edges = [pair_edge(landscape, pairs[key], used) for key in sorted(pairs)]
    _add_legend(graph, used)
    return graph


def _organisations(landscape: Landscape, boxes: set[str]) -> Cluster:
    """Every organisation that owns a national system, with how many it owns."""
    owned: dict[str, list[System]] = defaultdict(list)
    for system in landscape.shown():
        if system.kind is SystemKind.NATIONAL:
            owned[system.owner or UNOWNED].append(system)
    cluster = Cluster(
        "national", text_label(text("cluster.organisations"), 40), dict(CLUSTER_STYLE)
    )
    for owner in sorted(owned | dict.fromkeys(b for b in boxes if b == UNOWNED)):
        name = landscape.organisation_name(None if owner == UNOWNED else owner)
        count = len(owned[owner])
        systems = (
            text("organisation.system") if count == 1 else text("organisation.systems", count=count)
        )
        attrs = {**ORGANISATION_STYLE, "tooltip": "\n".join(s.name for s in owned[owner])}
        label = join_lines(text_label(name, 26), text_label(systems))
        cluster.nodes.append(Node(owner, label, attrs))
    return cluster


def _eu_side(landscape: Landscape, boxes: set[str], used: set[str]) -> list[Cluster]:
    """The EU systems the state's flows reach, components before central systems."""
    eu = Cluster("eu", text_label(text("cluster.eu"), 40), dict(CLUSTER_STYLE))
    for name, kinds in EU_SIDES:
        members = [s for s in landscape.systems.values() if s.kind in kinds and s.id in boxes]
        if not members:
            continue
        inner = Cluster(name, text_label(text(f"cluster.{name}"), 30), dict(CLUSTER_STYLE))
        inner.nodes = [_system_box(s, used) for s in members]
        eu.clusters.append(inner)
    return [eu]


def _system_box(system: System, used: set[str]) -> Node:
    used |= {f"kind.{system.kind.value}", f"status.{system.status.value}"}
    node = system_node(system)
    node.attrs["tooltip"] = system.name
    return node


def _add_legend(graph: Graph, used: set[str]) -> None:
    cluster, edges = legend_cluster(used)
    graph.clusters.insert(0, cluster)
    graph.edges += edges
