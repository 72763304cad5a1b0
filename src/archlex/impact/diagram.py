"""`archlex impact --format dot|svg`: the entity, what it depends on (left) and what depends on
it (right), each line drawn from what is needed to what needs it."""

from __future__ import annotations

from archlex.graph.impact import SOURCE_DEPENDS, Impact, Link
from archlex.impact import dates, title
from archlex.model import Model, System
from archlex.render.diagram_dot import Edge, Graph, Node, join_lines, text_label
from archlex.render.diagram_style import FLOW_EDGE, graph_attributes, system_attributes

KIND_SHAPE = {
    "organisation": {"shape": "house", "fillcolor": "#FDEBD0", "color": "#A04000"},
    "role": {"shape": "ellipse", "fillcolor": "#FDEBD0", "color": "#A04000"},
    "component": {"shape": "box", "fillcolor": "#FFFFFF", "color": "#2E6DA4"},
    "data": {"shape": "note", "fillcolor": "#EEEEEE", "color": "#777777"},
    "flow": {"shape": "cds", "fillcolor": "#E8F1F8", "color": "#4A5968"},
    "process": {"shape": "box", "fillcolor": "#E8F8F5", "color": "#117A65"},
    "requirement": {"shape": "note", "fillcolor": "#FEF9E7", "color": "#9A7D0A"},
    "obligation": {"shape": "octagon", "fillcolor": "#F9EBEA", "color": "#922B21"},
    "phase": {"shape": "box", "fillcolor": "#F4ECF7", "color": "#6C3483"},
    "work package": {"shape": "box", "fillcolor": "#F4ECF7", "color": "#6C3483"},
    "milestone": {"shape": "diamond", "fillcolor": "#F4ECF7", "color": "#6C3483"},
}
DEFAULT_SHAPE = {"shape": "box", "fillcolor": "#FFFFFF", "color": "#666666"}


def impact_graph(model: Model, result: Impact) -> Graph:
    """The impact as a DOT graph; model text only through `text_label`."""
    heading = text_label(
        f"Impact of {result.kind} {result.focus}: what it depends on (left) and what "
        "depends on it (right)",
        100,
        left=True,
    )
    graph = Graph(f"impact-{result.focus}", heading, graph_attributes("LR"))
    graph.nodes.append(_node(model, result.focus, result.kind, focus=True))
    reached = sorted(result.dependencies + result.dependants, key=lambda r: r.id)
    graph.nodes += [_node(model, r.id, r.kind) for r in reached]
    links = sorted({link for r in reached for link in r.path}, key=_link_order)
    graph.edges = [_edge(link) for link in links]
    graph.cap()
    return graph


def _link_order(link: Link) -> tuple[str, str, str]:
    return (link.source, link.kind, link.target)


def _node(model: Model, entity_id: str, kind: str, focus: bool = False) -> Node:
    entity = model.get(entity_id)
    name = title(entity)
    when = " to ".join(dates(entity).values())
    label = join_lines(
        text_label(f"{kind}: {entity_id}"),
        *([text_label(_shortened(name))] if name else []),
        *([text_label(when)] if when else []),
    )
    if isinstance(entity, System):
        attrs = system_attributes(entity)
    else:
        attrs = {**KIND_SHAPE.get(kind, DEFAULT_SHAPE), "style": "filled", "fontsize": "11"}
    if focus:
        attrs = {**attrs, "penwidth": "3"}
    return Node(entity_id, label, attrs)


def _shortened(text: str, limit: int = 90) -> str:
    """Long summaries cut, so a box stays readable; the text format has them whole."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _edge(link: Link) -> Edge:
    """From what is needed to what needs it, labelled with the model's relation."""
    if link.kind in SOURCE_DEPENDS:
        tail, head = link.target, link.source
    else:
        tail, head = link.source, link.target
    return Edge(tail, head, text_label(link.kind.replace("_", " ")), dict(FLOW_EDGE))
