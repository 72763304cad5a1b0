"""The technology views: one per environment, the systems drawn inside the nodes they run on.

Each view holds the nodes that host something in its environment (and the nodes they lie
within), nested as the model nests them (export/deployments.py); inside each node the systems
it hosts there. The networks stand beside them, joined to the outermost node shown that is
attached to each; the connections are drawn between the hosted systems. A system hosted on
two nodes has two figures, so a hosted figure's key is the node's identifier and the system's.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from archlex.export.archimate_concepts import Concepts
from archlex.export.archimate_types import Figure, View, derived_id
from archlex.export.deployments import Deployment, deployments
from archlex.export.ids import xml_id
from archlex.export.text_language import TextLanguages, translated
from archlex.i18n import N_, Translator
from archlex.model import Model

GRID_FROM = 4  # a node with more systems than this sets them out in a grid


def technology_views(
    model: Model, concepts: Concepts, tr: Translator, languages: TextLanguages
) -> list[View]:
    """A view per environment that hosts at least one system, production first."""
    elements = {e.identifier for e in concepts.elements}
    exported = {r.identifier for r in concepts.relationships}
    views = []
    for deployment in deployments(model, lambda system: xml_id(system) in elements):
        seen: set[str] = set()
        figures = [_node_figure(deployment, root, seen) for root in deployment.roots()]
        networks = {n for i in deployment.shown for n in deployment.attached(i)}
        figures += [Figure(xml_id(n), xml_id(n)) for n in sorted(networks) if xml_id(n) in elements]
        title = translated(tr, deployment.title)
        name = translated(tr, N_("Technology: {environment}"))
        documentation = translated(
            tr,
            N_(
                "{environment}: the systems inside the nodes they run on, the networks "
                "the nodes are attached to, and the connections between the systems."
            ),
        )
        views.append(
            View(
                f"view-technology-{deployment.environment.value}",
                languages.composed(name.text.format(environment=title.text), title, name),
                languages.composed(
                    documentation.text.format(environment=title.text), title, documentation
                ),
                figures,
                sorted(set(_lines(model, deployment, exported))),
                hints=[pair for figure in figures for pair in _grid(figure)],
            )
        )
    return views


def _grid(figure: Figure) -> Iterator[tuple[str, str]]:
    """Pairs that set a node's systems out in a near-square grid rather than one tall column
    (Graphviz stacks figures no line joins): the one below a column's end starts the next."""
    leaves = [child.key for child in figure.children if not child.children]
    if len(leaves) > GRID_FROM:
        rows = math.ceil(len(leaves) / math.ceil(math.sqrt(len(leaves))))
        yield from zip(leaves, leaves[rows:], strict=False)
    for child in figure.children:
        yield from _grid(child)


def _hosted_key(node_id: str, system_id: str) -> str:
    return f"{xml_id(node_id)}/{xml_id(system_id)}"


def _node_figure(deployment: Deployment, node_id: str, seen: set[str]) -> Figure:
    seen.add(node_id)
    children = [
        _node_figure(deployment, child, seen)
        for child in deployment.children(node_id)
        if child not in seen
    ]
    children += [
        Figure(_hosted_key(node_id, system), xml_id(system))
        for system in deployment.hosted.get(node_id, [])
    ]
    return Figure(xml_id(node_id), xml_id(node_id), children=children)


def _lines(
    model: Model, deployment: Deployment, exported: set[str]
) -> Iterator[tuple[str, str, str]]:
    for node_id in sorted(deployment.shown):
        for network in deployment.attached(node_id):
            relationship = derived_id("Association", xml_id(node_id), xml_id(network))
            if relationship in exported:
                yield relationship, xml_id(node_id), xml_id(network)
    placements = deployment.placements()
    for connection in model.connections:
        if xml_id(connection.id) not in exported:
            continue
        for source in placements.get(connection.from_, []):
            for target in placements.get(connection.to, []):
                ends = _hosted_key(source, connection.from_), _hosted_key(target, connection.to)
                yield xml_id(connection.id), *ends
