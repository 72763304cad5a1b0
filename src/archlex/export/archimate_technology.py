"""The technology layer and the data architecture as ArchiMate concepts (docs/export.md).

Networks become Communication Networks; nodes become Facilities (a site or data centre: a
physical structure that houses equipment), Devices (a server) or Nodes (a security zone, a
cluster, a cloud); `within` is a Composition from the outer node. A system hosted on a node
is realized by it (the ArchiMate 3.2 table allows Realization from a node to an application
component or interface, not Assignment), one relationship per environment, which it carries
as a property. A connection is a Flow between the systems it joins, its protocol, format,
standard and figures as properties, associated with the network it runs over. A data
category's controllers and processors, and the systems holding its master copy or other
copies, are associations with the Data Object.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from archlex.export.archimate_properties import entity_properties, listed, property_pairs
from archlex.export.archimate_types import Element, Relationship, derived_id
from archlex.export.deployments import volume_text
from archlex.export.ids import xml_id
from archlex.model import Model
from archlex.model.infrastructure import Connection, Hosting, Node, NodeKind

NODE_TYPE = {
    NodeKind.SITE: "Facility",
    NodeKind.DATA_CENTRE: "Facility",
    NodeKind.ZONE: "Node",
    NodeKind.CLUSTER: "Node",
    NodeKind.SERVER: "Device",
    NodeKind.CLOUD: "Node",
}


def technology_elements(model: Model) -> Iterator[Element]:
    """A Communication Network per network, a Facility, Device or Node per node."""
    for network in model.networks:
        yield Element(
            xml_id(network.id),
            "CommunicationNetwork",
            network.name,
            network.description,
            entity_properties("network", network),
            network.id,
        )
    for node in model.nodes:
        yield Element(
            xml_id(node.id),
            NODE_TYPE[node.kind],
            node.name,
            node.description,
            entity_properties("node", node),
            node.id,
        )


def hosting_id(node: Node, hosting: Hosting) -> str:
    """The Realization of one hosting: the environment is part of what makes it unique."""
    ends = f"Realization\n{node.id}\n{hosting.system}\n{hosting.environment.value}"
    return "host-" + hashlib.sha256(ends.encode()).hexdigest()[:20]


def technology_relationships(model: Model) -> Iterator[Relationship]:
    """Nesting, hosting, networks and operators of the nodes; the connections."""
    for network in model.networks:
        if network.operator:
            yield _association(network.operator, network.id, "operates")
    for node in model.nodes:
        if node.within:
            yield Relationship(
                derived_id("Composition", xml_id(node.within), xml_id(node.id)),
                "Composition",
                xml_id(node.within),
                xml_id(node.id),
            )
        if node.operator:
            yield _association(node.operator, node.id, "operates")
        for attached in node.networks:
            yield _association(node.id, attached, "attached to")
        for hosting in node.hosts:
            yield Relationship(
                hosting_id(node, hosting),
                "Realization",
                xml_id(node.id),
                xml_id(hosting.system),
                "hosts",
                hosting_properties(hosting),
            )
    for connection in model.connections:
        yield from _connection_relationships(connection)


def _association(source: str, target: str, name: str) -> Relationship:
    return Relationship(
        derived_id("Association", xml_id(source), xml_id(target)),
        "Association",
        xml_id(source),
        xml_id(target),
        name,
    )


def _connection_relationships(connection: Connection) -> Iterator[Relationship]:
    identifier = xml_id(connection.id)
    yield Relationship(
        identifier,
        "Flow",
        xml_id(connection.from_),
        xml_id(connection.to),
        connection.name or connection_label(connection),
        connection_properties(connection),
        connection.id,
    )
    if connection.network:
        target = xml_id(connection.network)
        yield Relationship(
            derived_id("Association", identifier, target),
            "Association",
            identifier,
            target,
            "runs over",
        )


def data_relationships(model: Model) -> Iterator[Relationship]:
    """Controllers, processors and holders of each data category, as associations."""
    for category in model.data:
        for organisation in category.controller:
            yield _association(organisation, category.id, "controller")
        for organisation in category.processor:
            yield _association(organisation, category.id, "processor")
        if category.master:
            yield _association(category.master, category.id, "holds the master copy")
        for holder in category.held_by:
            if holder != category.master:
                yield _association(holder, category.id, "holds a copy")


def connection_label(connection: Connection) -> str:
    """Protocol and format, as the technical view labels a connection."""
    parts = [p for p in (connection.protocol, connection.format) if p]
    return ", ".join(parts) or connection.id


def hosting_properties(hosting: Hosting) -> list[tuple[str, str]]:
    """What one instance records: environment, how many, availability, notes."""
    return property_pairs(
        [
            ("archlex-kind", "hosting"),
            ("environment", hosting.environment.value),
            ("instances", hosting.instances),
            ("availability", f"{hosting.availability:g}" if hosting.availability else None),
            ("notes", hosting.description),
        ]
    )


def connection_properties(connection: Connection) -> list[tuple[str, str]]:
    """A connection's id, protocol, format, standard, network, flows and figures."""
    availability = connection.availability
    return property_pairs(
        [
            ("archlex-id", connection.id),
            ("archlex-kind", "connection"),
            ("protocol", connection.protocol),
            ("format", connection.format),
            ("standard", connection.standard),
            ("security", connection.security),
            ("network", connection.network),
            ("flows", listed(connection.flows)),
            ("availability", f"{availability:g}" if availability is not None else None),
            ("volume", volume_text(connection.volume) if connection.volume else None),
            ("status", connection.status.value),
            ("tags", listed(connection.tags)),
        ]
    )
