"""The data view: who is responsible for which data and where the master copy is kept.

On the left the controllers (organisations), in the middle the data categories, most sensitive
first within each controller's group, each with its entities, processor, legal basis and
retention; on the right the systems that hold the master copy. One line joins a controller to
each category it controls and one a category to its master system, so the view has as many
lines as the data architecture has facts, not one per flow end.
"""

from __future__ import annotations

from archlex.i18n import N_
from archlex.model import Model
from archlex.model.data import DataCategory
from archlex.render.diagrams.data_special import KIND_TEXT, STATUS_TEXT
from archlex.render.diagrams.labels import Texts
from archlex.render.diagrams.legend import LINE_SAMPLE, ORGANISATION_STYLE, SHAPE_WORD
from archlex.render.diagrams.style import (
    CLUSTER_STYLE,
    DATA_COLOUR,
    DATA_FILL,
    DATA_MARKER,
    KIND_STYLE,
    OTHER,
    PERSONAL,
    SPECIAL,
    data_attributes,
    data_class,
    data_edge_attributes,
    graph_attributes,
)
from archlex.render.diagrams.views import TIER, Landscape, system_node, view_title
from archlex.toolkit.dot import (
    Cluster,
    Edge,
    Graph,
    Label,
    Node,
    join_lines,
    table_label,
    text_label,
)
from archlex.toolkit.words import abbreviation, duration_words

ORDER = {SPECIAL: 0, PERSONAL: 1, OTHER: 2}
WIDTH = 62  # characters a line of a category box; wide and short keeps the page readable
CONTROLLER_LINE = {"color": "#2E6DA4", "penwidth": "1.2", "arrowhead": "none"}
# Read in the diagrams' language (labels.Texts).
TEXT = Texts(
    {
        "title": N_("Data architecture: controllers, data categories and master copies"),
        "controllers": N_("Controllers"),
        "categories": N_("Data categories"),
        "masters": N_("Master copy held in"),
        "legend": N_("Legend"),
        "entities": N_("entities: {names}"),
        "processor": N_("processor: {names}"),
        "basis": N_("legal basis: {provisions}"),
        "kept": N_("kept: {retention}"),
        "unstated": N_("not stated"),
        "no-controller": N_("controller not stated"),
        "legend.org": N_("controller (organisation); the line goes to each category it controls"),
        "legend.master": N_(
            "master copy of the category is held in this system (line in its class)"
        ),
        "legend.special": N_("special-category data (biometrics): red, marked [SPECIAL]"),
        "legend.personal": N_("personal data: orange, marked [personal]"),
        "legend.other": N_("other data: grey"),
        "legend.system": N_("{kind}: holds master copies"),
    }
)


def data_view(landscape: Landscape) -> Graph:
    """Controllers, data categories and the systems with their master copies."""
    model = landscape.model
    graph = Graph("data", view_title(model, TEXT["title"]), graph_attributes("LR"))
    # Wide ranks cost no print size (the page is filled by the height) and halve the crossings.
    graph.attrs.update({"ranksep": "1.4", "nodesep": "0.15", "splines": "spline"})
    categories = _ordered(model)
    controllers = _controllers(model, categories)
    masters = _masters(landscape, categories)
    graph.clusters = [
        _legend(categories, controllers, masters, landscape),
        _cluster(
            "controllers", TEXT["controllers"], [_organisation(model, o) for o in controllers]
        ),
        _cluster("categories", TEXT["categories"], [_category(model, c) for c in categories]),
        _cluster("masters", TEXT["masters"], [system_node(landscape.systems[s]) for s in masters]),
    ]
    graph.clusters = [c for c in graph.clusters if c.nodes]
    graph.edges = _edges(landscape, categories)
    return graph


def _ordered(model: Model) -> list[DataCategory]:
    """Categories grouped by their first controller (in the order controllers are declared),
    most sensitive first in each group: lines from one controller stay together."""
    rank = {o.id: n for n, o in enumerate(model.organisations)}
    first = len(rank)

    def key(category: DataCategory) -> tuple[int, int, str]:
        owner = rank.get(category.controller[0], first) if category.controller else first + 1
        return owner, ORDER[data_class(category)], category.id

    return sorted(model.data, key=key)


def _controllers(model: Model, categories: list[DataCategory]) -> list[str]:
    """Every organisation named as a controller, first-named first."""
    seen: dict[str, None] = {}
    for category in categories:
        for ref in category.controller:
            if model.get(ref) is not None:
                seen.setdefault(ref, None)
    return list(seen)


def _masters(landscape: Landscape, categories: list[DataCategory]) -> list[str]:
    """The systems holding a master copy, national first and the EU side after."""
    found = {s.id: s for c in categories if (s := landscape.system_of(c.master)) is not None}
    return sorted(found, key=lambda i: (TIER[found[i].kind], _first(categories, landscape, i)))


def _first(categories: list[DataCategory], landscape: Landscape, system: str) -> int:
    """The position of the first category whose master is this system."""
    for number, category in enumerate(categories):
        found = landscape.system_of(category.master)
        if found is not None and found.id == system:
            return number
    return len(categories)


def _cluster(name: str, title: str, nodes: list[Node]) -> Cluster:
    cluster = Cluster(name, text_label(title, 40), dict(CLUSTER_STYLE))
    cluster.nodes = nodes
    return cluster


def _organisation(model: Model, ref: str) -> Node:
    return Node(ref, text_label(short_name(model, ref), 22), dict(ORGANISATION_STYLE))


def short_name(model: Model, ref: str) -> str:
    """An organisation's name without its parenthesised original: `State Police`."""
    found = model.get(ref)
    name = str(getattr(found, "name", None) or ref)
    return name.split(" (", 1)[0]


def _category(model: Model, category: DataCategory) -> Node:
    """A category: name and class, entities, processor, legal basis, retention."""
    kind = data_class(category)
    marker = DATA_MARKER[kind]
    if category.special_kind is not None:
        marker = f"[SPECIAL: {category.special_kind.value}]"
    lines = [text_label(f"{category.name} {marker}".strip(), WIDTH, left=True)]
    if category.entities:
        names = ", ".join(str(e.name) for e in category.entities)
        lines.append(text_label(TEXT["entities"].format(names=names), WIDTH, left=True))
    if category.processor:
        names = ", ".join(abbreviation(model, p) for p in category.processor)
        lines.append(text_label(TEXT["processor"].format(names=names), WIDTH, left=True))
    if not category.controller:
        lines.append(text_label(TEXT["no-controller"], WIDTH, left=True))
    if category.legal_basis:
        lines.append(_provisions([str(p) for p in category.legal_basis]))
    retention = duration_words(category.retention) or TEXT["unstated"]
    lines.append(_capped(text_label(TEXT["kept"].format(retention=retention), WIDTH, left=True)))
    attrs = {**data_attributes(kind), "tooltip": str(category.description or category.name)}
    return Node(f"data:{category.id}", join_lines(*lines), attrs)


def _provisions(provisions: list[str]) -> Label:
    """`legal basis: ...`, wrapped between provisions, never inside one (`Art` / `18(1)`)."""
    before, after = TEXT["basis"].split("{provisions}")
    pieces = [p + ("," if n < len(provisions) - 1 else after) for n, p in enumerate(provisions)]
    lines = [before.rstrip()]
    for piece in pieces:
        if len(lines[-1]) + 1 + len(piece) > WIDTH:
            lines.append(piece)
        else:
            lines[-1] = f"{lines[-1]} {piece}"
    return Label(tuple(text_label(line, 10 * WIDTH).lines[0] for line in lines), True)


def _capped(label: Label, most: int = 2) -> Label:
    """At most `most` lines; the rest is in the data architecture table."""
    if len(label.lines) <= most:
        return label
    return Label((*label.lines[: most - 1], label.lines[most - 1] + " \u2026"), label.left)


def _edges(landscape: Landscape, categories: list[DataCategory]) -> list[Edge]:
    """Controller to category, category to its master system."""
    edges = []
    for category in categories:
        node = f"data:{category.id}"
        for ref in category.controller:
            if landscape.model.get(ref) is not None:
                edges.append(Edge(ref, node, None, dict(CONTROLLER_LINE)))
        master = landscape.system_of(category.master)
        if master is not None:
            attrs = {**data_edge_attributes(data_class(category)), "arrowhead": "normal"}
            edges.append(Edge(node, master.id, None, attrs))
    return edges


def _legend(
    categories: list[DataCategory], controllers: list[str], masters: list[str], landscape: Landscape
) -> Cluster:
    """What this view draws, and only that."""
    rows: list[tuple[str, str, str, str]] = []
    if controllers:
        style = ORGANISATION_STYLE
        rows.append((SHAPE_WORD["folder"], style["color"], TEXT["legend.org"], style["fillcolor"]))
    classes = {data_class(c) for c in categories}
    for kind in (SPECIAL, PERSONAL, OTHER):
        if kind in classes:
            rows.append(("note", DATA_COLOUR[kind], TEXT[f"legend.{kind}"], DATA_FILL[kind]))
    for kind in sorted({landscape.systems[m].kind for m in masters}, key=lambda k: TIER[k]):
        style = KIND_STYLE[kind]
        meaning = TEXT["legend.system"].format(kind=KIND_TEXT[kind.value])
        rows.append((SHAPE_WORD[style["shape"]], style["color"], meaning, style["fillcolor"]))
    for status in sorted({landscape.systems[m].status.value for m in masters} & set(STATUS_TEXT)):
        rows.append((f"({status})", "#2D3436", STATUS_TEXT[status], ""))
    if masters:
        rows.append((LINE_SAMPLE[PERSONAL], DATA_COLOUR[PERSONAL], TEXT["legend.master"], ""))
    cluster = Cluster("legend", text_label(TEXT["legend"], 30), dict(CLUSTER_STYLE))
    if rows:
        cluster.nodes.append(
            Node("legend", table_label(rows), {"shape": "plaintext", "fontsize": "11"})
        )
    return cluster
