"""The deployments as Structurizr deployment environments, and their deployment views.

Each environment that hosts a system becomes a `deploymentEnvironment`; its nodes become
`deploymentNode`s nested as `within` nests them (export/deployments.py); a hosted system a
`softwareSystemInstance` (a component or national uniform interface, which are containers
here, a `containerInstance`) with its instances and availability as properties; a network an
`infrastructureNode` in the outermost node attached to it. A connection is a relationship
between the instances of its ends in each environment that hosts both, its technology the
protocol and format, tagged `Connection`. Structurizr copies every flow between two systems
onto their instances too, so the deployment views show only the connections.
"""

from __future__ import annotations

from collections.abc import Iterator

from archlex.export.deployments import Deployment, deployments, volume_text
from archlex.export.ids import dsl_deployment_identifier, dsl_identifier
from archlex.export.structurizr_text import quoted
from archlex.model import Model
from archlex.model.infrastructure import Connection, Hosting, Node
from archlex.model.view import View

NODE_KINDS = {
    "site": "Site",
    "data-centre": "Data centre",
    "zone": "Zone",
    "cluster": "Cluster",
    "server": "Server",
    "cloud": "Cloud",
}
# Relationships the deployment views leave out: all but the connections.
ONLY_CONNECTIONS = 'exclude "relationship.tag!=Connection"'


def instance_identifier(deployment: Deployment, node_id: str, system_id: str) -> str:
    """The identifier of one system's instance on one node in one environment."""
    return dsl_deployment_identifier(deployment.environment.value, node_id, system_id)


def deployment_lines(model: Model, parent: dict[str, str]) -> Iterator[str]:
    """The deployment environments, for the model block (`parent`: element -> system)."""
    for deployment in deployments(model, lambda system: system in parent):
        yield f"deploymentEnvironment {quoted(deployment.title)} {{"
        seen: set[str] = set()
        roots = deployment.roots()
        names = _unique_names(model, [(r, r) for r in roots])
        for root in roots:
            lines = _node_lines(model, deployment, root, names[root], parent, seen)
            yield from _indented(lines)
        yield from _indented(_connection_lines(model, deployment))
        yield "}"


def _indented(lines: Iterator[str]) -> Iterator[str]:
    return (f"    {line}" for line in lines)


def _unique_names(model: Model, keyed: list[tuple[str, str]]) -> dict[str, str]:
    """Names by key for siblings (Structurizr refuses two with one name): a repeat gets its
    id appended. `keyed` is (key, archlex id) in the order they are written."""
    names: dict[str, str] = {}
    seen: set[str] = set()
    for key, archlex_id in keyed:
        name = str(getattr(model.get(archlex_id), "name", None) or archlex_id)
        unique = name if name not in seen else f"{name} ({archlex_id})"
        seen.add(unique)
        names[key] = unique
    return names


def _node_lines(
    model: Model,
    deployment: Deployment,
    node_id: str,
    name: str,
    parent: dict[str, str],
    seen: set[str],
) -> Iterator[str]:
    seen.add(node_id)
    node = deployment.nodes[node_id]
    kind = ", ".join(filter(None, [NODE_KINDS[node.kind.value], node.location]))
    yield (
        f"deploymentNode {quoted(name)} {quoted(node.description or '')} {quoted(kind)} "
        f"{quoted('Node,' + NODE_KINDS[node.kind.value])} {{"
    )
    networks = [n for n in deployment.attached(node_id) if model.get(n) is not None]
    children = [c for c in deployment.children(node_id) if c not in seen]
    names = _unique_names(
        model, [*((f"network {n}", n) for n in networks), *((c, c) for c in children)]
    )
    for network in networks:
        yield f"    {_network_line(model, network, names[f'network {network}'])}"
    for child in children:
        if child not in seen:
            yield from _indented(_node_lines(model, deployment, child, names[child], parent, seen))
    placed: set[str] = set()
    for hosting in node.hosts:
        # A system listed twice for one node and environment is one instance (one identifier).
        if hosting.environment is deployment.environment and hosting.system in parent:
            if hosting.system not in placed:
                placed.add(hosting.system)
                yield from _indented(_instance_lines(deployment, node, hosting, parent))
    yield from _indented(_properties([("archlex-id", node.id), ("operator", node.operator)]))
    yield "}"


def _network_line(model: Model, network_id: str, name: str) -> str:
    network = model.get(network_id)
    scope = getattr(network, "scope", None)
    security = getattr(network, "security", None)
    technology = f"{scope.value} network" if scope is not None else "network"
    description = " ".join(filter(None, [getattr(network, "description", None), security]))
    return (
        f"infrastructureNode {quoted(name)} {quoted(description)} {quoted(technology)} "
        f"{quoted('Network')}"
    )


def _instance_lines(
    deployment: Deployment, node: Node, hosting: Hosting, parent: dict[str, str]
) -> Iterator[str]:
    kind = (
        "softwareSystemInstance"
        if parent[hosting.system] == hosting.system
        else "containerInstance"
    )
    identifier = instance_identifier(deployment, node.id, hosting.system)
    availability = f"{hosting.availability:g} %" if hosting.availability is not None else None
    properties = _properties(
        [
            ("instances", str(hosting.instances) if hosting.instances else None),
            ("availability", availability),
            ("notes", hosting.description),
        ]
    )
    lines = list(properties)
    head = f"{identifier} = {kind} {dsl_identifier(hosting.system)}"
    if not lines:
        yield head
        return
    yield head + " {"
    yield from _indented(iter(lines))
    yield "}"


def _properties(pairs: list[tuple[str, str | None]]) -> Iterator[str]:
    kept = [(name, value) for name, value in pairs if value]
    if kept:
        yield "properties {"
        yield from (f"    {quoted(name)} {quoted(value)}" for name, value in kept)
        yield "}"


def _connection_lines(model: Model, deployment: Deployment) -> Iterator[str]:
    placements = deployment.placements()
    for connection in sorted(model.connections, key=lambda c: c.id):
        for source in placements.get(connection.from_, []):
            for target in placements.get(connection.to, []):
                yield from _connection(model, deployment, connection, source, target)


def _connection(
    model: Model, deployment: Deployment, connection: Connection, source: str, target: str
) -> Iterator[str]:
    start = instance_identifier(deployment, source, connection.from_)
    end = instance_identifier(deployment, target, connection.to)
    what = connection.name or connection.description or "carries " + ", ".join(connection.flows)
    technology = ", ".join(filter(None, [connection.protocol, connection.format]))
    network = model.get(connection.network or "")
    properties = [
        ("archlex-id", connection.id),
        ("network", str(getattr(network, "name", None) or connection.network or "")),
        ("standard", connection.standard),
        ("security", connection.security),
        ("flows", ", ".join(connection.flows)),
        ("availability", f"{connection.availability:g} %" if connection.availability else None),
        ("volume", volume_text(connection.volume) if connection.volume else None),
        ("status", connection.status.value),
    ]
    yield (
        f"{start} -> {end} {quoted(f'{connection.id}: {what}')} {quoted(technology)} "
        f"{quoted('Connection')} {{"
    )
    yield from _indented(_properties(properties))
    yield "}"


def deployment_view_lines(model: Model, parent: dict[str, str]) -> Iterator[str]:
    """A deployment view per environment: every node and instance, and the connections."""
    for deployment in deployments(model, lambda system: system in parent):
        key = f"deployment-{deployment.environment.value}"
        yield f"deployment * {quoted(deployment.title)} {quoted(key)} {{"
        yield from ("    include *", f"    {ONLY_CONNECTIONS}", "    autolayout lr", "}")


def named_deployment_view(
    model: Model, parent: dict[str, str], view: View, chosen: set[str]
) -> list[str]:
    """A named technical view as a deployment view of the instances of the systems it
    selects, in the first environment (production first) that hosts one; none if none does."""
    for deployment in deployments(model, lambda system: system in parent):
        instances = [
            instance_identifier(deployment, node_id, system)
            for system, nodes in sorted(deployment.placements().items())
            if parent[system] in chosen
            for node_id in nodes
        ]
        if instances:
            names = f"{quoted(deployment.title)} {quoted(view.id)} {quoted(str(view.title))}"
            head = f"deployment * {names} {{"
            body = [f"    include {i}" for i in instances]
            return [head, *body, f"    {ONLY_CONNECTIONS}", "    autolayout lr", "}"]
    return []
