"""The model's deployments per environment, as the exports draw them: the nodes that host a
system there (and the nodes they lie within) as a tree, the systems on each node, and where
each network is attached.

Both exports (the ArchiMate technology views and the Structurizr deployment environments)
read the nesting from here, so they show the same nodes in the same order. A loop in
`within` (which the loader reports) is broken at its smallest id rather than followed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from archlex.i18n import N_
from archlex.model import Model
from archlex.model.infrastructure import Environment, Node, Volume

# The environments in the order a reader expects them, with how the exports title them
# (English; the ArchiMate views translate them into the model's language).
ENVIRONMENT_TITLES = {
    Environment.PRODUCTION: N_("Production"),
    Environment.DR: N_("Disaster recovery (DR)"),
    Environment.ACCEPTANCE: N_("Acceptance"),
    Environment.TEST: N_("Test"),
    Environment.TRAINING: N_("Training"),
    Environment.DEVELOPMENT: N_("Development"),
}


@dataclass
class Deployment:
    """One environment: the nodes shown, their nesting, and the systems each hosts."""

    environment: Environment
    nodes: dict[str, Node]
    shown: set[str] = field(default_factory=set)
    hosted: dict[str, list[str]] = field(default_factory=dict)  # node id -> system ids

    @property
    def title(self) -> str:
        """The environment's title, e.g. `Production`."""
        return ENVIRONMENT_TITLES[self.environment]

    def parent(self, node_id: str) -> str | None:
        """The node shown that this one lies within, if any."""
        within = self.nodes[node_id].within
        return within if within in self.shown and within != node_id else None

    def children(self, node_id: str) -> list[str]:
        """The nodes shown directly within this one, by id."""
        return sorted(i for i in self.shown if self.parent(i) == node_id)

    def roots(self) -> list[str]:
        """The outermost nodes shown, by id; a loop in `within` is entered at its smallest id."""
        roots = [i for i in sorted(self.shown) if self.parent(i) is None]
        placed = {d for root in roots for d in self.subtree(root)}
        for node_id in sorted(self.shown):
            if node_id not in placed:
                roots.append(node_id)
                placed |= set(self.subtree(node_id))
        return roots

    def subtree(self, node_id: str, seen: set[str] | None = None) -> Iterator[str]:
        """The node and every node shown within it, depth first, each once."""
        seen = seen if seen is not None else set()
        if node_id in seen:
            return
        seen.add(node_id)
        yield node_id
        for child in self.children(node_id):
            yield from self.subtree(child, seen)

    def attached(self, node_id: str) -> list[str]:
        """The networks this node is attached to and the node it lies within is not."""
        parent = self.parent(node_id)
        above = set(self.nodes[parent].networks) if parent else set()
        return sorted(set(self.nodes[node_id].networks) - above)

    def placements(self) -> dict[str, list[str]]:
        """Every system hosted here, with the nodes it runs on, by id."""
        found: dict[str, list[str]] = {}
        for node_id, systems in sorted(self.hosted.items()):
            for system in systems:
                found.setdefault(system, []).append(node_id)
        return found


def deployments(model: Model, is_known: Callable[[str], bool]) -> list[Deployment]:
    """A deployment per environment that hosts at least one known system, in title order."""
    nodes = {n.id: n for n in model.nodes}
    found = []
    for environment in ENVIRONMENT_TITLES:
        deployment = Deployment(environment, nodes)
        for node in sorted(model.nodes, key=lambda n: n.id):
            systems = {
                h.system for h in node.hosts if h.environment is environment and is_known(h.system)
            }
            if systems:
                deployment.hosted[node.id] = sorted(systems)
                deployment.shown |= set(_ancestry(nodes, node))
        if deployment.hosted:
            found.append(deployment)
    return found


def _ancestry(nodes: dict[str, Node], node: Node) -> Iterator[str]:
    """The node and every node it lies within, ending where `within` loops."""
    seen: set[str] = set()
    current: Node | None = node
    while current is not None and current.id not in seen:
        seen.add(current.id)
        yield current.id
        current = nodes.get(current.within or "")


def volume_text(volume: Volume) -> str:
    """`average 300, peak 1500 searches per minute`."""
    figures = [
        f"{name} {value:g}"
        for name, value in (("average", volume.average), ("peak", volume.peak))
        if value is not None
    ]
    return f"{', '.join(figures)} {volume.unit} per {volume.per}".strip()
