"""The model as ArchiMate 3.1 concepts: elements and relationships, before any XML is written.

The mapping (documented in docs/export.md) keeps every archlex id: an element's identifier is
`xml_id(id)` and its `archlex-id` property holds the id itself. Relationships the model states
(a flow) keep the flow's id; the others are derived from references and get an identifier
hashed from their type and ends, so it is stable as long as the ends are. Each name,
documentation and property value carries the language it is in (export/text_language.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from archlex.export.archimate_properties import entity_properties, flow_properties
from archlex.export.archimate_technology import (
    data_relationships,
    technology_elements,
    technology_relationships,
)
from archlex.export.archimate_types import Element, Relationship, derived_id
from archlex.export.ids import xml_id
from archlex.export.text_language import LangText, TextLanguages, archlex_words
from archlex.model import Model
from archlex.model.common import Entity
from archlex.model.flow import Flow
from archlex.model.regulation import Obligation
from archlex.model.requirement import Requirement
from archlex.model.roadmap import WorkPackage
from archlex.model.system import System, SystemKind

ELEMENT_TYPE = {
    "organisation": "BusinessActor",
    "role": "BusinessRole",
    "system": "ApplicationComponent",
    "interface": "ApplicationInterface",
    "component": "ApplicationComponent",
    "data": "DataObject",
    "requirement": "Requirement",
    "obligation": "Constraint",
    "phase": "Plateau",
    "milestone": "Plateau",
    "work package": "WorkPackage",
    "deliverable": "Deliverable",
}
# Where the ArchiMate relationship table allows flow (application components and interfaces,
# both ways); a flow between other element types is written as an association instead.
FLOW_ALLOWED = {"ApplicationComponent", "ApplicationInterface"}
# Systems a national interface can belong to: the EU side of the flows that pass it.
EU_SIDE = {SystemKind.EU_CENTRAL, SystemKind.INTEROPERABILITY_COMPONENT}


@dataclass
class Concepts:
    """Every element and relationship, sorted by identifier, with lookups by identifier."""

    elements: list[Element] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)

    def element(self, identifier: str) -> Element | None:
        """The element with this identifier."""
        return next((e for e in self.elements if e.identifier == identifier), None)


def deliverable_id(work_package_id: str) -> str:
    """The deliverable of a work package: `deliverable-` never starts an entity's `id-`."""
    return "deliverable-" + xml_id(work_package_id)[3:]


def archimate_concepts(model: Model, languages: TextLanguages) -> Concepts:
    """The model's elements and relationships, sorted, without duplicates."""
    elements = {e.identifier: e for e in _elements(model, languages)}
    types = {identifier: e.type for identifier, e in elements.items()}
    relationships: dict[str, Relationship] = {}
    for relationship in _relationships(model, types, languages):
        if relationship.source in types or relationship.source in relationships:
            if relationship.target in types:
                relationships.setdefault(relationship.identifier, relationship)

    def order(relationship: Relationship) -> tuple[bool, str]:
        # Relationships from a relationship come last: importers resolve the ends in order.
        return relationship.source in relationships, relationship.identifier

    return Concepts(
        sorted(elements.values(), key=lambda e: e.identifier),
        sorted(relationships.values(), key=order),
    )


def _element(
    kind: str, entity: Entity, name: LangText, documentation: str | None, languages: TextLanguages
) -> Element:
    return Element(
        xml_id(entity.id),
        ELEMENT_TYPE[kind],
        name,
        languages.of(documentation, entity.id) if documentation else None,
        entity_properties(kind, entity, languages),
        entity.id,
    )


def _elements(model: Model, languages: TextLanguages) -> Iterator[Element]:
    for kind, entity in model.entities():
        if isinstance(entity, System) and entity.kind is SystemKind.NATIONAL_INTERFACE:
            name = languages.of(entity.name, entity.id)
            yield _element("interface", entity, name, entity.description, languages)
        elif isinstance(entity, Requirement):
            name = languages.of(entity.title, entity.id)
            documentation = entity.text or entity.description
            yield _element(kind, entity, name, documentation, languages)
        elif isinstance(entity, Obligation):
            said = languages.of(entity.name or entity.summary, entity.id)
            name = languages.composed(f"{entity.provision}: {said.text}", said)
            yield _element(kind, entity, name, entity.summary, languages)
        elif kind in ELEMENT_TYPE:
            # An entity without a name shows its id, which is no one language's.
            name = languages.of(entity.name, entity.id) if entity.name else archlex_words(entity.id)
            yield _element(kind, entity, name, entity.description, languages)
    yield from technology_elements(model, languages)
    for package in model.work_packages:
        if package.delivers:
            said = languages.of(package.name, package.id)
            # "Deliverables of" is archlex's own English: no catalog translates it yet.
            name = languages.composed(
                f"Deliverables of {said.text}", said, archlex_words("Deliverables of")
            )
            delivered = "What the work package delivers: " + ", ".join(package.delivers)
            yield Element(
                deliverable_id(package.id),
                "Deliverable",
                name,
                archlex_words(delivered),
                [("derived-from", archlex_words(package.id))],
                None,
            )


def _relation(kind: str, source: str, target: str, name: str | None = None) -> Relationship:
    said = archlex_words(name) if name else None
    return Relationship(derived_id(kind, source, target), kind, source, target, said)


def _relationships(
    model: Model, types: dict[str, str], languages: TextLanguages
) -> Iterator[Relationship]:
    yield from _organisation_relationships(model)
    yield from _system_relationships(model)
    for flow in model.flows:
        yield from _flow_relationships(flow, types, languages)
    yield from _requirement_relationships(model)
    for package in model.work_packages:
        yield from _roadmap_relationships(package)
    for milestone in model.milestones:
        for package_id in milestone.after:
            yield _relation("Triggering", xml_id(package_id), xml_id(milestone.id))
    yield from technology_relationships(model, languages)
    yield from data_relationships(model)


def _organisation_relationships(model: Model) -> Iterator[Relationship]:
    for organisation in model.organisations:
        for grant in organisation.roles:
            yield _relation("Assignment", xml_id(organisation.id), xml_id(grant.role))
    for system in model.systems:
        if system.owner:
            yield _relation("Association", xml_id(system.owner), xml_id(system.id), "owns")
        if system.operator and system.operator != system.owner:
            yield _relation("Association", xml_id(system.operator), xml_id(system.id), "operates")


def _system_relationships(model: Model) -> Iterator[Relationship]:
    for system in model.systems:
        for component in system.components:
            yield _relation("Composition", xml_id(system.id), xml_id(component.id))
    for interface, owners in sorted(interface_owners(model).items()):
        kind = "Composition" if len(owners) == 1 else "Aggregation"
        for owner in sorted(owners):
            yield _relation(kind, xml_id(owner), xml_id(interface))


def interface_owners(model: Model) -> dict[str, set[str]]:
    """Each national interface's EU systems: the EU-side ends of the flows that pass it."""
    systems = {s.id: s for s in model.systems}
    parent = {c.id: s.id for s in model.systems for c in s.components}
    owners: dict[str, set[str]] = {}
    for flow in model.flows:
        interface = systems.get(flow.via or "")
        if interface is None or interface.kind is not SystemKind.NATIONAL_INTERFACE:
            continue
        for end in (flow.from_, flow.to):
            system = systems.get(parent.get(end, end))
            if system is not None and system.kind in EU_SIDE:
                owners.setdefault(interface.id, set()).add(system.id)
    return owners


def _flow_relationships(
    flow: Flow, types: dict[str, str], languages: TextLanguages
) -> Iterator[Relationship]:
    source, target = xml_id(flow.from_), xml_id(flow.to)
    allowed = types.get(source) in FLOW_ALLOWED and types.get(target) in FLOW_ALLOWED
    identifier = xml_id(flow.id)
    name = flow.name or flow.purpose
    yield Relationship(
        identifier,
        "Flow" if allowed else "Association",
        source,
        target,
        languages.of(name, flow.id) if name else None,
        flow_properties(flow, languages),
        flow.id,
    )
    for data in flow.data:
        yield _relation("Association", identifier, xml_id(data), "carries")


def _requirement_relationships(model: Model) -> Iterator[Relationship]:
    for requirement in model.requirements:
        for part in requirement.allocated_to:
            yield _relation("Realization", xml_id(part), xml_id(requirement.id))
        for obligation in model.obligations:
            if any(p.traces(obligation.provision) for p in requirement.satisfies):
                yield _relation("Influence", xml_id(requirement.id), xml_id(obligation.id))


def _roadmap_relationships(package: WorkPackage) -> Iterator[Relationship]:
    this = xml_id(package.id)
    if package.delivers:
        deliverable = deliverable_id(package.id)
        yield _relation("Realization", this, deliverable)
        for requirement in package.delivers:
            yield _relation("Realization", deliverable, xml_id(requirement))
    for earlier in package.depends_on:
        yield _relation("Triggering", xml_id(earlier), this)
    if package.phase:
        yield _relation("Realization", this, xml_id(package.phase))
