"""`archlex impact --format dot|svg`: the entity, what it depends on (left) and what depends on
it (right), each line drawn from what is needed to what needs it."""

from __future__ import annotations

from dataclasses import dataclass

from archlex.graph.impact import SOURCE_DEPENDS, Impact, Link, Reached
from archlex.impact import dates, kinds, title
from archlex.model import Model, System
from archlex.render.diagrams.labels import capped
from archlex.render.diagrams.style import FLOW_EDGE, graph_attributes, system_attributes
from archlex.toolkit.dot import Edge, Graph, Node, join_lines, text_label

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
GROUP_AT = 8  # more entities than this at the end of one relation are drawn as one box


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
    grouped = _groups(reached)
    hidden = {item.id for items in grouped.values() for item in items}
    graph.nodes += [_node(model, r.id, r.kind) for r in reached if r.id not in hidden]
    links = {link for r in reached if r.id not in hidden for link in r.path}
    graph.edges = [_edge(link) for link in sorted(links, key=_link_order)]
    for number, (key, items) in enumerate(sorted(grouped.items()), start=1):
        group = f"group {number}"  # ours: a model id cannot contain a space
        graph.nodes.append(_group_node(group, key.kind, items))
        if key.is_source:
            graph.edges.append(_edge(Link(group, key.relation, key.other)))
        else:
            graph.edges.append(_edge(Link(key.other, key.relation, group)))
    capped(graph)
    return graph


@dataclass(frozen=True, order=True)
class GroupKey:
    """Entities of one kind at the end of the same relation to the same entity."""

    kind: str
    relation: str
    other: str
    is_source: bool  # whether the grouped entities are the relation's source


def _groups(reached: list[Reached]) -> dict[GroupKey, list[Reached]]:
    """Entities that end a chain, of one kind and reached by one relation from one entity,
    where there are more than GROUP_AT of them: drawn as one box listing their ids, so that
    the ninety obligations that concern the CIR do not make the diagram a hundred boxes tall."""
    inner = {end for r in reached for link in r.path[:-1] for end in (link.source, link.target)}
    candidates: dict[GroupKey, list[Reached]] = {}
    for item in reached:
        if item.id in inner or not item.path:
            continue
        last = item.path[-1]
        is_source = last.source == item.id
        other = last.target if is_source else last.source
        key = GroupKey(item.kind, last.kind, other, is_source)
        candidates.setdefault(key, []).append(item)
    return {key: items for key, items in candidates.items() if len(items) > GROUP_AT}


def _group_node(group: str, kind: str, items: list[Reached]) -> Node:
    ids = ", ".join(item.id for item in items)
    label = join_lines(text_label(kinds(kind, len(items))), text_label(ids, 60))
    attrs = {**KIND_SHAPE.get(kind, DEFAULT_SHAPE), "shape": "box", "style": "filled"}
    attrs["fontsize"] = "10"
    return Node(group, label, attrs)


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
