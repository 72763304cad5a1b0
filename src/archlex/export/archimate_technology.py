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

from archlex.export.archimate_properties import (
    entity_properties,
    listed,
    model_words,
    property_pairs,
)
from archlex.export.archimate_types import Element, Relationship, derived_id
from archlex.export.deployments import volume_text
from archlex.export.ids import xml_id
from archlex.export.text_language import LangText, TextLanguages, archlex_words
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


def technology_elements(model: Model, languages: TextLanguages) -> Iterator[Element]:
    """A Communication Network per network, a Facility, Device or Node per node."""
    for network in model.networks:
        yield Element(
            xml_id(network.id),
            "CommunicationNetwork",
            languages.of(network.name, network.id),
            _documentation(network.description, network.id, languages),
            entity_properties("network", network, languages),
            network.id,
        )
    for node in model.nodes:
        yield Element(
            xml_id(node.id),
            NODE_TYPE[node.kind],
            languages.of(node.name, node.id),
            _documentation(node.description, node.id, languages),
            entity_properties("node", node, languages),
            node.id,
        )


def _documentation(text: str | None, entity_id: str, languages: TextLanguages) -> LangText | None:
    return languages.of(text, entity_id) if text else None


def hosting_id(node: Node, hosting: Hosting) -> str:
    """The Realization of one hosting: the environment is part of what makes it unique."""
    ends = f"Realization\n{node.id}\n{hosting.system}\n{hosting.environment.value}"
    return "host-" + hashlib.sha256(ends.encode()).hexdigest()[:20]


def technology_relationships(model: Model, languages: TextLanguages) -> Iterator[Relationship]:
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
                archlex_words("hosts"),
                hosting_properties(hosting, node.id, languages),
            )
    for connection in model.connections:
        yield from _connection_relationships(connection, languages)


def _association(source: str, target: str, name: str) -> Relationship:
    return Relationship(
        derived_id("Association", xml_id(source), xml_id(target)),
        "Association",
        xml_id(source),
        xml_id(target),
        archlex_words(name),
    )


def _connection_relationships(
    connection: Connection, languages: TextLanguages
) -> Iterator[Relationship]:
    identifier = xml_id(connection.id)
    name = (
        languages.of(connection.name, connection.id)
        if connection.name
        else archlex_words(connection_label(connection))
    )
    yield Relationship(
        identifier,
        "Flow",
        xml_id(connection.from_),
        xml_id(connection.to),
        name,
        connection_properties(connection, languages),
        connection.id,
    )
    if connection.network:
        target = xml_id(connection.network)
        yield Relationship(
            derived_id("Association", identifier, target),
            "Association",
            identifier,
            target,
            archlex_words("runs over"),
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


def hosting_properties(
    hosting: Hosting, node_id: str, languages: TextLanguages
) -> list[tuple[str, LangText]]:
    """What one instance on the node `node_id` records: environment, how many, availability,
    notes."""
    return property_pairs(
        [
            ("archlex-kind", "hosting"),
            ("environment", hosting.environment.value),
            ("instances", hosting.instances),
            ("availability", f"{hosting.availability:g}" if hosting.availability else None),
            ("notes", model_words(hosting.description)),
        ],
        languages,
        node_id,
    )


def connection_properties(
    connection: Connection, languages: TextLanguages
) -> list[tuple[str, LangText]]:
    """A connection's id, protocol, format, standard, network, flows and figures."""
    availability = connection.availability
    return property_pairs(
        [
            ("archlex-id", connection.id),
            ("archlex-kind", "connection"),
            ("protocol", connection.protocol),
            ("format", connection.format),
            ("standard", connection.standard),
            ("security", model_words(connection.security)),
            ("network", connection.network),
            ("flows", listed(connection.flows)),
            ("availability", f"{availability:g}" if availability is not None else None),
            ("volume", volume_text(connection.volume) if connection.volume else None),
            ("status", connection.status.value),
            ("tags", listed(connection.tags)),
        ],
        languages,
        connection.id,
    )
