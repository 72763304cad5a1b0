"""The special-category data view: where biometric and other special-category data flow.

The systems that send or receive special-category data, national on the left, the national
uniform interfaces at the border and the EU side on the right, with one line per pair of
systems (both directions merged) for the flows that carry such data. A line carrying every
special category is unlabelled; one carrying only some names them. A system that holds the
master copy of a special category says so under its name.
"""

from __future__ import annotations

from collections import defaultdict

from archlex.i18n import N_
from archlex.model.data import DataCategory
from archlex.model.system import System
from archlex.render.diagrams.labels import Texts
from archlex.render.diagrams.legend import LINE_SAMPLE, SHAPE_WORD
from archlex.render.diagrams.style import (
    CLUSTER_STYLE,
    DATA_COLOUR,
    FLOW_EDGE,
    KIND_STYLE,
    SPECIAL,
    data_edge_attributes,
    graph_attributes,
    system_attributes,
)
from archlex.render.diagrams.views import (
    SIDE_OF_KIND,
    SIDES,
    TIER,
    Landscape,
    system_label,
    view_title,
)
from archlex.toolkit.dot import Cluster, Edge, Graph, Node, join_lines, table_label, text_label

Pairs = dict[tuple[str, str], dict[str, set[str]]]  # (tail, head) -> direction -> data ids
# Read in the diagrams' language (labels.Texts).
TEXT = Texts(
    {
        "title": N_("Special-category data: where biometric and other special data flow"),
        "master": N_("master copy: {names}"),
        "legend": N_("Legend"),
        "line.all": N_(
            "flows of special-category data between two systems, both directions in "
            "one line; unlabelled when it carries every special category ({names})"
        ),
        "line.some": N_("labelled with the categories it carries when only some"),
    }
)
# Read in the diagrams' language (labels.Texts).
STATUS_TEXT = Texts(
    {
        "planned": N_("planned: dashed border, marked (planned)"),
        "changing": N_("changing: thick border, marked (changing)"),
        "retiring": N_("retiring: dotted border, marked (retiring)"),
    }
)
# Read in the diagrams' language (labels.Texts).
KIND_TEXT = Texts(
    {
        "national": N_("national system"),
        "national-interface": N_("national uniform interface"),
        "interoperability-component": N_("interoperability component"),
        "eu-central": N_("EU central system"),
        "external": N_("external system"),
    }
)
# Read in the diagrams' language (labels.Texts).
SIDE_TEXT = Texts(
    {
        "national": N_("National systems"),
        "interfaces": N_("National uniform interfaces"),
        "eu": N_("EU central systems and interoperability components"),
        "external": N_("External systems"),
    }
)


def special_data_view(landscape: Landscape) -> Graph | None:
    """The systems special-category data pass through; None when no flow carries any."""
    special = {d.id: d for d in landscape.model.data if d.special}
    pairs = _pairs(landscape, set(special))
    if not pairs:
        return None
    graph = Graph("data-special", view_title(landscape.model, TEXT["title"]), graph_attributes())
    graph.attrs.update({"ranksep": "0.7", "nodesep": "0.2"})
    ids = sorted({s for pair in pairs for s in pair})
    systems = sorted((landscape.systems[i] for i in ids), key=lambda s: (TIER[s.kind], s.id))
    masters = _masters(landscape, list(special.values()))
    graph.clusters = [_legend(systems, special), *_sides(systems, masters)]
    graph.edges = [_edge(pair, pairs[pair], special) for pair in sorted(pairs)]
    return graph


def _pairs(landscape: Landscape, special: set[str]) -> Pairs:
    """Each pair of systems, oriented from the state towards the EU (between peers, as the
    first flow by id goes), and the special data each direction carries."""
    tier = {s.id: TIER[s.kind] for s in landscape.systems.values()}
    pairs: Pairs = defaultdict(lambda: defaultdict(set))
    for flow in landscape.flows():
        carried = special & set(flow.data)
        for a, b in landscape.hops(flow) if carried else []:
            if tier[a] != tier[b]:
                pair = (a, b) if tier[a] < tier[b] else (b, a)
            else:
                pair = (b, a) if (b, a) in pairs else (a, b)
            pairs[pair]["forward" if pair == (a, b) else "back"].update(carried)
    return pairs


def _masters(landscape: Landscape, categories: list[DataCategory]) -> dict[str, list[str]]:
    """System id -> names of the special categories whose master copy it holds."""
    masters: dict[str, list[str]] = defaultdict(list)
    for category in sorted(categories, key=lambda c: c.id):
        system = landscape.system_of(category.master)
        if system is not None:
            masters[system.id].append(str(category.name))
    return masters


def _sides(systems: list[System], masters: dict[str, list[str]]) -> list[Cluster]:
    """The national, interface, EU and external clusters."""
    clusters = []
    for side, _ in SIDES:
        members = [s for s in systems if SIDE_OF_KIND[s.kind] == side]
        if not members:
            continue
        cluster = Cluster(side, text_label(SIDE_TEXT[side], 40), dict(CLUSTER_STYLE))
        cluster.nodes = [_node(s, masters.get(s.id, [])) for s in members]
        if side != "national":  # one column each: the EU side's own chain (ESP, CIR, sBMS)
            cluster.same_rank.append([s.id for s in members])  # would widen the page
        clusters.append(cluster)
    return clusters


def _node(system: System, masters: list[str]) -> Node:
    label = system_label(system)
    if masters:
        label = join_lines(label, text_label(TEXT["master"].format(names=", ".join(masters)), 26))
    return Node(system.id, label, system_attributes(system))


def _edge(
    pair: tuple[str, str], carried: dict[str, set[str]], special: dict[str, DataCategory]
) -> Edge:
    """One red line for a pair, arrowheads for the directions, names when only some data."""
    data = carried.get("forward", set()) | carried.get("back", set())
    both = "forward" in carried and "back" in carried
    attrs = {**FLOW_EDGE, **data_edge_attributes(SPECIAL)}
    attrs["dir"] = "both" if both else ("forward" if "forward" in carried else "back")
    names = ", ".join(str(special[d].name) for d in sorted(data))
    label = None if data == set(special) else text_label(names, 24)
    return Edge(pair[0], pair[1], label, attrs)


def _legend(systems: list[System], special: dict[str, DataCategory]) -> Cluster:
    """The shapes and lines this view uses."""
    rows: list[tuple[str, str, str, str]] = []
    for kind in sorted({s.kind for s in systems}, key=lambda k: TIER[k]):
        style = KIND_STYLE[kind]
        word = SHAPE_WORD[style["shape"]]
        rows.append((word, style["color"], KIND_TEXT[kind.value], style["fillcolor"]))
    for status in sorted({s.status.value for s in systems} & set(STATUS_TEXT)):
        rows.append((f"({status})", "#2D3436", STATUS_TEXT[status], ""))
    names = ", ".join(str(special[d].name) for d in sorted(special))
    rows.append(
        (LINE_SAMPLE[SPECIAL], DATA_COLOUR[SPECIAL], TEXT["line.all"].format(names=names), "")
    )
    if len(special) > 1:
        rows.append((LINE_SAMPLE[SPECIAL], DATA_COLOUR[SPECIAL], TEXT["line.some"], ""))
    cluster = Cluster("legend", text_label(TEXT["legend"], 30), dict(CLUSTER_STYLE))
    cluster.nodes.append(
        Node("legend", table_label(rows), {"shape": "plaintext", "fontsize": "11"})
    )
    return cluster
