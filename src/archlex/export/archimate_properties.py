"""The properties an exported concept carries: its archlex id and kind, provisions, provenance.

Every property has a definition (`propertyDefinitions` in the exchange format); the keys here
are the definitions' names, and `PROPERTY_TYPES` their data types.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from archlex.model.common import Entity, Provenance
from archlex.model.flow import Flow
from archlex.model.infrastructure import Network, Node
from archlex.model.organisation import Organisation, Role
from archlex.model.regulation import Obligation
from archlex.model.requirement import Requirement
from archlex.model.roadmap import Dated, Milestone, WorkPackage
from archlex.model.system import DataCategory, System

# name -> exchange-format data type; written in this order.
PROPERTY_TYPES = {
    "archlex-id": "string",
    "archlex-kind": "string",
    "provisions": "string",
    "verified": "boolean",
    "source": "string",
    "status": "string",
    "kind": "string",
    "zone": "string",
    "owner": "string",
    "operator": "string",
    "roles": "string",
    "personal": "boolean",
    "special": "boolean",
    "retention": "string",
    "priority": "string",
    "requirement-type": "string",
    "start": "date",
    "end": "date",
    "date": "date",
    "deadline": "date",
    "actor": "string",
    "via": "string",
    "data": "string",
    "purpose": "string",
    "sync": "string",
    "logging": "string",
    "process": "string",
    "tags": "string",
    "derived-from": "string",
    # The technology layer and the data architecture (format extensions 25 and 26).
    "scope": "string",
    "security": "string",
    "location": "string",
    "networks": "string",
    "environment": "string",
    "instances": "number",
    "availability": "number",
    "notes": "string",
    "protocol": "string",
    "format": "string",
    "standard": "string",
    "network": "string",
    "flows": "string",
    "volume": "string",
    "special-kind": "string",
    "legal-basis": "string",
    "retention-basis": "string",
    "controller": "string",
    "processor": "string",
    "master": "string",
    "held-by": "string",
    "entities": "string",
}


def listed(values: Iterable[object]) -> str:
    """Values as one property text, `; ` between them."""
    return "; ".join(str(v) for v in values)


def property_pairs(pairs: Iterable[tuple[str, object]]) -> list[tuple[str, str]]:
    """The pairs with a value, as text; booleans as the exchange format writes them."""
    kept = []
    for key, value in pairs:
        if value is None or value == "" or value == []:
            continue
        text = str(value).lower() if isinstance(value, bool) else str(value)
        kept.append((key, text))
    return kept


def entity_properties(kind: str, entity: Entity) -> list[tuple[str, str]]:
    """The archlex id and kind, then what the entity's kind records."""
    pairs: list[tuple[str, object]] = [("archlex-id", entity.id), ("archlex-kind", kind)]
    pairs += _kind_pairs(entity)
    if isinstance(entity, Provenance):
        pairs += [("verified", entity.verified), ("source", entity.source)]
    pairs.append(("tags", listed(entity.tags)))
    return property_pairs(pairs)


def _kind_pairs(entity: Entity) -> list[tuple[str, object]]:
    if isinstance(entity, Organisation):
        return [("kind", entity.kind.value), ("roles", listed(g.role for g in entity.roles))]
    if isinstance(entity, Role):
        return [("provisions", listed(entity.defined_by))]
    if isinstance(entity, System):
        return [
            ("kind", entity.kind.value),
            ("status", entity.status.value),
            ("zone", entity.zone),
            ("owner", entity.owner),
            ("operator", entity.operator),
        ]
    if isinstance(entity, DataCategory):
        return _data_pairs(entity)
    if isinstance(entity, Network):
        return [
            ("scope", entity.scope.value),
            ("operator", entity.operator),
            ("security", entity.security),
        ]
    if isinstance(entity, Node):
        return [
            ("kind", entity.kind.value),
            ("operator", entity.operator),
            ("location", entity.location),
            ("networks", listed(entity.networks)),
        ]
    if isinstance(entity, Requirement):
        return _requirement_pairs(entity)
    if isinstance(entity, Obligation):
        return [
            ("provisions", str(entity.provision)),
            ("actor", entity.actor),
            # A deadline derived from an event has no date here; the exchange wants a date.
            ("deadline", entity.deadline if isinstance(entity.deadline, dt.date) else None),
        ]
    return _roadmap_pairs(entity)


def _data_pairs(category: DataCategory) -> list[tuple[str, object]]:
    # The fields of format extension 26 are written only where the model gives them, so a
    # category without them exports as before.
    entities = [
        f"{e.name} ({', '.join(e.attributes)})" if e.attributes else e.name
        for e in category.entities
    ]
    return [
        ("personal", category.personal),
        ("special", category.special),
        ("special-kind", category.special_kind.value if category.special_kind else None),
        ("retention", category.retention),
        ("retention-basis", listed(category.retention_basis)),
        ("legal-basis", listed([*category.legal_basis, *_words(category.legal_basis_text)])),
        ("controller", listed(category.controller)),
        ("processor", listed(category.processor)),
        ("master", category.master),
        ("held-by", listed(category.held_by)),
        ("entities", listed(entities)),
    ]


def _words(text: str | None) -> list[str]:
    return [text] if text else []


def _requirement_pairs(requirement: Requirement) -> list[tuple[str, object]]:
    return [
        ("provisions", listed(requirement.satisfies)),
        ("requirement-type", requirement.type.value if requirement.type else None),
        ("priority", requirement.priority.value if requirement.priority else None),
        ("status", requirement.status.value),
    ]


def _roadmap_pairs(entity: Entity) -> list[tuple[str, object]]:
    pairs: list[tuple[str, object]] = []
    if isinstance(entity, Dated):
        pairs += [("start", entity.start), ("end", entity.end)]
    if isinstance(entity, WorkPackage):
        pairs.append(("owner", entity.owner))
    if isinstance(entity, Milestone):
        pairs += [("date", entity.date), ("provisions", listed(entity.deadline_of))]
    return pairs


def flow_properties(flow: Flow) -> list[tuple[str, str]]:
    """A flow's id, legal basis, data, purpose, route and logging."""
    logging = None
    if flow.logging is not None:
        logging = f"by {flow.logging.by}" if flow.logging.by else listed(flow.logging.fields)
        if flow.logging.retention:
            logging += f" (retention {flow.logging.retention})"
    return property_pairs(
        [
            ("archlex-id", flow.id),
            ("archlex-kind", "flow"),
            ("provisions", listed(flow.legal_basis)),
            ("via", flow.via),
            ("data", listed(flow.data)),
            ("purpose", flow.purpose),
            ("sync", flow.sync.value if flow.sync else None),
            ("logging", logging),
            ("process", flow.process),
            ("tags", listed(flow.tags)),
        ]
    )
