"""The properties an exported concept carries: its archlex id and kind, provisions, provenance.

Every property has a definition (`propertyDefinitions` in the exchange format); the keys here
are the definitions' names, and `PROPERTY_TYPES` their data types. A value is in the language
of the model's text it holds (a `Text`: names, and the free text of fields such as `zone`);
anything else (ids, codes, dates, numbers) is archlex's own words (export/text_language.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from archlex.export.text_language import LangText, TextLanguages, archlex_words
from archlex.model.common import Entity, Provenance
from archlex.model.flow import Flow
from archlex.model.infrastructure import Network, Node
from archlex.model.organisation import Organisation, Role
from archlex.model.regulation import Obligation
from archlex.model.requirement import Requirement
from archlex.model.roadmap import Dated, Milestone, WorkPackage
from archlex.model.system import DataCategory, System
from archlex.model.text import Text

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


def property_pairs(
    pairs: Iterable[tuple[str, object]], languages: TextLanguages, entity_id: str
) -> list[tuple[str, LangText]]:
    """The pairs with a value, as text in its language (`entity_id`'s texts); booleans as the
    exchange format writes them."""
    kept = []
    for key, value in pairs:
        if value is None or value == "" or value == []:
            continue
        if isinstance(value, LangText):
            kept.append((key, value))
        elif isinstance(value, str):
            kept.append((key, languages.value(value, entity_id)))
        else:
            text = str(value).lower() if isinstance(value, bool) else str(value)
            kept.append((key, archlex_words(text)))
    return kept


def model_words(text: str | None) -> Text | None:
    """A free-text field the model writes as a plain string (`zone`, `location` ...): a model
    text, in the language of the entity's file."""
    return Text(text) if text else None


def entity_properties(
    kind: str, entity: Entity, languages: TextLanguages
) -> list[tuple[str, LangText]]:
    """The archlex id and kind, then what the entity's kind records."""
    pairs: list[tuple[str, object]] = [("archlex-id", entity.id), ("archlex-kind", kind)]
    pairs += _kind_pairs(entity, languages)
    if isinstance(entity, Provenance):
        pairs += [("verified", entity.verified), ("source", model_words(entity.source))]
    pairs.append(("tags", listed(entity.tags)))
    return property_pairs(pairs, languages, entity.id)


def _kind_pairs(entity: Entity, languages: TextLanguages) -> list[tuple[str, object]]:
    if isinstance(entity, Organisation):
        return [("kind", entity.kind.value), ("roles", listed(g.role for g in entity.roles))]
    if isinstance(entity, Role):
        return [("provisions", listed(entity.defined_by))]
    if isinstance(entity, System):
        return [
            ("kind", entity.kind.value),
            ("status", entity.status.value),
            ("zone", model_words(entity.zone)),
            ("owner", entity.owner),
            ("operator", entity.operator),
        ]
    if isinstance(entity, DataCategory):
        return _data_pairs(entity, languages)
    if isinstance(entity, Network):
        return [
            ("scope", entity.scope.value),
            ("operator", entity.operator),
            ("security", model_words(entity.security)),
        ]
    if isinstance(entity, Node):
        return [
            ("kind", entity.kind.value),
            ("operator", entity.operator),
            ("location", model_words(entity.location)),
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


def _data_pairs(category: DataCategory, languages: TextLanguages) -> list[tuple[str, object]]:
    # The fields of format extension 26 are written only where the model gives them, so a
    # category without them exports as before.
    entities = [
        f"{e.name} ({', '.join(e.attributes)})" if e.attributes else e.name
        for e in category.entities
    ]
    names = [languages.of(e.name, category.id) for e in category.entities]
    legal_basis = listed([*category.legal_basis, *_words(category.legal_basis_text)])
    return [
        ("personal", category.personal),
        ("special", category.special),
        ("special-kind", category.special_kind.value if category.special_kind else None),
        ("retention", model_words(category.retention)),
        ("retention-basis", listed(category.retention_basis)),
        # The model's words when it explains the basis in them, else provisions.
        ("legal-basis", model_words(legal_basis) if category.legal_basis_text else legal_basis),
        ("controller", listed(category.controller)),
        ("processor", listed(category.processor)),
        ("master", category.master),
        ("held-by", listed(category.held_by)),
        ("entities", languages.composed(listed(entities), *names) if entities else None),
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


def flow_properties(flow: Flow, languages: TextLanguages) -> list[tuple[str, LangText]]:
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
            ("purpose", model_words(flow.purpose)),
            ("sync", flow.sync.value if flow.sync else None),
            ("logging", logging),
            ("process", flow.process),
            ("tags", listed(flow.tags)),
        ],
        languages,
        flow.id,
    )
