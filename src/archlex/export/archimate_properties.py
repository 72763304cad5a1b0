"""The properties an exported concept carries: its archlex id and kind, provisions, provenance.

Every property has a definition (`propertyDefinitions` in the exchange format); the keys here
are the definitions' names, and `PROPERTY_TYPES` their data types.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from archlex.model.common import Entity, Provenance
from archlex.model.flow import Flow
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
}


def _listed(values: Iterable[object]) -> str:
    return "; ".join(str(v) for v in values)


def _pairs(pairs: Iterable[tuple[str, object]]) -> list[tuple[str, str]]:
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
    pairs.append(("tags", _listed(entity.tags)))
    return _pairs(pairs)


def _kind_pairs(entity: Entity) -> list[tuple[str, object]]:
    if isinstance(entity, Organisation):
        return [("kind", entity.kind.value), ("roles", _listed(g.role for g in entity.roles))]
    if isinstance(entity, Role):
        return [("provisions", _listed(entity.defined_by))]
    if isinstance(entity, System):
        return [
            ("kind", entity.kind.value),
            ("status", entity.status.value),
            ("zone", entity.zone),
            ("owner", entity.owner),
            ("operator", entity.operator),
        ]
    if isinstance(entity, DataCategory):
        return [
            ("personal", entity.personal),
            ("special", entity.special),
            ("retention", entity.retention),
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


def _requirement_pairs(requirement: Requirement) -> list[tuple[str, object]]:
    return [
        ("provisions", _listed(requirement.satisfies)),
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
        pairs += [("date", entity.date), ("provisions", _listed(entity.deadline_of))]
    return pairs


def flow_properties(flow: Flow) -> list[tuple[str, str]]:
    """A flow's id, legal basis, data, purpose, route and logging."""
    logging = None
    if flow.logging is not None:
        logging = f"by {flow.logging.by}" if flow.logging.by else _listed(flow.logging.fields)
        if flow.logging.retention:
            logging += f" (retention {flow.logging.retention})"
    return _pairs(
        [
            ("archlex-id", flow.id),
            ("archlex-kind", "flow"),
            ("provisions", _listed(flow.legal_basis)),
            ("via", flow.via),
            ("data", _listed(flow.data)),
            ("purpose", flow.purpose),
            ("sync", flow.sync.value if flow.sync else None),
            ("logging", logging),
            ("process", flow.process),
            ("tags", _listed(flow.tags)),
        ]
    )
