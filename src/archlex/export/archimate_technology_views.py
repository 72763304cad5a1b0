"""The technology views: one per environment, the systems drawn inside the nodes they run on.

Each view holds the nodes that host something in its environment (and the nodes they lie
within), nested as the model nests them; inside each node the systems it hosts there. The
networks stand beside them, joined to the outermost node shown that is attached to each; the
connections are drawn between the hosted systems. A system hosted on two nodes has two
figures, so a figure's key is the node's identifier and the system's.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from archlex.export.archimate_concepts import Concepts
from archlex.export.archimate_types import Figure, View, derived_id
from archlex.export.ids import xml_id
from archlex.model import Model
from archlex.model.infrastructure import Environment, Node

# The environments in the order a reader expects them; the enum's values name the views.
TITLES = {
    Environment.PRODUCTION: "production",
    Environment.DR: "disaster recovery (DR)",
    Environment.ACCEPTANCE: "acceptance",
    Environment.TEST: "test",
    Environment.TRAINING: "training",
    Environment.DEVELOPMENT: "development",
}


@dataclass
class _Scene:
    """What one environment's view draws: nodes by id, and the figures of hosted systems."""

    nodes: dict[str, Node]
    shown: set[str] = field(default_factory=set)
    figures: dict[str, list[str]] = field(default_factory=dict)  # system id -> figure keys


def technology_views(model: Model, concepts: Concepts) -> list[View]:
    """A view per environment that hosts at least one system, in the order of TITLES."""
    elements = {e.identifier for e in concepts.elements}
    exported = {r.identifier for r in concepts.relationships}
    views = []
    for environment, title in TITLES.items():
        scene = _scene(model, environment, elements)
        if scene.figures:
            figures = [_node_figure(scene, node, environment, elements) for node in _roots(scene)]
            figures += [Figure(xml_id(n), xml_id(n)) for n in _networks(scene, elements)]
            views.append(
                View(
                    f"view-technology-{environment.value}",
                    f"Technology: {title}",
                    f"The systems in {title} inside the nodes they run on, the networks the "
                    "nodes are attached to, and the connections between the systems.",
                    figures,
                    sorted(set(_lines(model, scene, exported))),
                )
            )
    return views


def _scene(model: Model, environment: Environment, elements: set[str]) -> _Scene:
    scene = _Scene({n.id: n for n in model.nodes})
    for node in sorted(model.nodes, key=lambda n: n.id):
        systems = sorted(
            {
                h.system
                for h in node.hosts
                if h.environment is environment and xml_id(h.system) in elements
            }
        )
        for system in systems:
            scene.figures.setdefault(system, []).append(_hosted_key(node.id, system))
        if systems:
            scene.shown |= set(_ancestry(scene.nodes, node))
    return scene


def _hosted_key(node_id: str, system_id: str) -> str:
    return f"{xml_id(node_id)}/{xml_id(system_id)}"


def _ancestry(nodes: dict[str, Node], node: Node) -> Iterator[str]:
    """The node and every node it lies within (a loop in `within` ends the walk)."""
    seen: set[str] = set()
    current: Node | None = node
    while current is not None and current.id not in seen:
        seen.add(current.id)
        yield current.id
        current = nodes.get(current.within or "")


def _parent(scene: _Scene, node_id: str) -> str | None:
    within = scene.nodes[node_id].within
    return within if within in scene.shown and within != node_id else None


def _roots(scene: _Scene) -> list[Node]:
    """The outermost nodes shown; a loop in `within` is broken at its smallest id."""
    roots = [scene.nodes[i] for i in sorted(scene.shown) if _parent(scene, i) is None]
    placed = {d for root in roots for d in _descendants(scene, root.id, set())}
    for node_id in sorted(scene.shown - placed):
        if node_id not in placed:
            roots.append(scene.nodes[node_id])
            placed |= _descendants(scene, node_id, set())
    return roots


def _children(scene: _Scene, node_id: str) -> list[str]:
    return sorted(i for i in scene.shown if _parent(scene, i) == node_id)


def _descendants(scene: _Scene, node_id: str, seen: set[str]) -> set[str]:
    seen.add(node_id)
    for child in _children(scene, node_id):
        if child not in seen:
            _descendants(scene, child, seen)
    return seen


def _node_figure(
    scene: _Scene,
    node: Node,
    environment: Environment,
    elements: set[str],
    seen: set[str] | None = None,
) -> Figure:
    seen = seen if seen is not None else set()
    seen.add(node.id)
    children = [
        _node_figure(scene, scene.nodes[child], environment, elements, seen)
        for child in _children(scene, node.id)
        if child not in seen
    ]
    hosted = sorted({h.system for h in node.hosts if h.environment is environment})
    children += [
        Figure(_hosted_key(node.id, system), xml_id(system))
        for system in hosted
        if xml_id(system) in elements
    ]
    return Figure(xml_id(node.id), xml_id(node.id), children=children)


def _attached(scene: _Scene) -> Iterator[tuple[str, str]]:
    """(node, network) for each node shown whose enclosing node is not attached to it too."""
    for node_id in sorted(scene.shown):
        parent = _parent(scene, node_id)
        above = set(scene.nodes[parent].networks) if parent else set()
        for network in sorted(set(scene.nodes[node_id].networks) - above):
            yield node_id, network


def _networks(scene: _Scene, elements: set[str]) -> list[str]:
    return sorted({n for _, n in _attached(scene) if xml_id(n) in elements})


def _lines(model: Model, scene: _Scene, exported: set[str]) -> Iterator[tuple[str, str, str]]:
    for node_id, network in _attached(scene):
        relationship = derived_id("Association", xml_id(node_id), xml_id(network))
        if relationship in exported:
            yield relationship, xml_id(node_id), xml_id(network)
    for connection in model.connections:
        if xml_id(connection.id) not in exported:
            continue
        for source in scene.figures.get(connection.from_, []):
            for target in scene.figures.get(connection.to, []):
                yield xml_id(connection.id), source, target
