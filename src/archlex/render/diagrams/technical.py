"""The technical view: the national network or security zones (each box lists the systems in
it), the national uniform interfaces on the national side of the border, and the EU systems;
one line per pair of boxes, labelled with how its flows are triggered (query, push, batch).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from archlex.model.system import System, SystemKind
from archlex.render.diagrams.context import PairFlows, landscape_pairs, pair_edge
from archlex.render.diagrams.labels import text, tr
from archlex.render.diagrams.legend import legend_cluster
from archlex.render.diagrams.style import CLUSTER_STYLE, graph_attributes, status_marker
from archlex.render.diagrams.views import SIDE_OF_KIND, Landscape, system_node, view_title
from archlex.toolkit.dot import Cluster, Graph, Node, join_lines, text_label
from archlex.toolkit.labels import FLOW_SYNC

ZONE_STYLE = {
    "shape": "box",
    "style": "filled,rounded",
    "fillcolor": "#EEF3F8",
    "color": "#4A5968",
    "fontsize": "11",
}
STATE_SIDE = (SystemKind.NATIONAL, SystemKind.NATIONAL_INTERFACE)
SIDES = (
    ("national", "cluster.zones", ("national",)),
    ("interfaces", "cluster.interfaces", ("interfaces",)),
    ("eu", "cluster.eu", ("eu", "external")),
)


def zone_of(system: System) -> str:
    """A national system's zone as written, whitespace collapsed; '' when none is given."""
    return " ".join((system.zone or "").split())


def technical_view(landscape: Landscape) -> Graph:
    """Zones, interfaces and EU systems, and how the flows between them are triggered."""
    graph = Graph("technical", view_title(landscape.model, text("title.technical")))
    graph.attrs.update(graph_attributes("LR"))
    graph.attrs.update({"ranksep": "0.45", "nodesep": "0.25"})
    zones = _zones(landscape)
    numbers = {zone: n for n, zone in enumerate(sorted(zones, key=lambda z: (z == "", z)))}
    used: set[str] = {"zone"}

    def box(_: Landscape, system: System) -> str:
        if system.kind is SystemKind.NATIONAL:
            return f"zone-{numbers[zone_of(system)]}"
        return system.id

    pairs = landscape_pairs(landscape, box, STATE_SIDE)
    shown = {b for pair in pairs for b in pair}
    graph.clusters = _sides(landscape, zones, numbers, shown, used)
    graph.edges = [pair_edge(landscape, pairs[k], used, _triggers) for k in sorted(pairs)]
    legend, _ = legend_cluster(used)
    graph.clusters.insert(0, legend)
    return graph


def _zones(landscape: Landscape) -> dict[str, list[System]]:
    zones: dict[str, list[System]] = defaultdict(list)
    for system in landscape.shown():
        if system.kind is SystemKind.NATIONAL:
            zones[zone_of(system)].append(system)
    return zones


def _sides(
    landscape: Landscape,
    zones: dict[str, list[System]],
    numbers: dict[str, int],
    shown: set[str],
    used: set[str],
) -> list[Cluster]:
    clusters = []
    for name, title, sides in SIDES:
        cluster = Cluster(name, text_label(text(title), 40), dict(CLUSTER_STYLE))
        if name == "national":
            cluster.nodes = [
                _zone_node(z, zones[z], numbers[z])
                for z in sorted(numbers, key=lambda z: numbers[z])
            ]
        else:
            for system in landscape.systems.values():
                if SIDE_OF_KIND[system.kind] in sides and system.id in shown:
                    used |= {f"kind.{system.kind.value}", f"status.{system.status.value}"}
                    node = system_node(system)
                    node.attrs["tooltip"] = system.name
                    cluster.nodes.append(node)
        if cluster.nodes:
            clusters.append(cluster)
    return clusters


def _zone_node(zone: str, systems: list[System], number: int) -> Node:
    """A zone: its name, then the systems in it, one short line each."""
    title = text("zone.named", zone=zone) if zone else text("zone.none")
    names = [text_label(_entry(s), 30, left=True) for s in sorted(systems, key=lambda s: s.id)]
    label = join_lines(text_label(title, 30, left=True), *names)
    attrs = {**ZONE_STYLE, "tooltip": "\n".join(f"{s.id}: {s.name}" for s in systems)}
    return Node(f"zone-{number}", label, attrs)


def _entry(system: System) -> str:
    """A system in its zone's list: its id, and its status unless it exists already."""
    marker = status_marker(system)
    return f"{system.id} {marker}".strip()


def _triggers(_: Landscape, pair: PairFlows) -> list[str]:
    """How the pair's flows are triggered: `3 query, 1 push`."""
    counts = Counter(
        f.sync.value if f.sync else text("sync.unstated") for f in pair.forward + pair.back
    )
    return [", ".join(f"{counts[k]} {tr().label(FLOW_SYNC, k)}" for k in sorted(counts))]
