"""Every text the diagrams write that is archlex's own (not the model's): titles, edge wording,
legend entries. Kept in one mapping so a translation replaces them in one place (issue 16 marks
them for `archlex.i18n` once the Latvian catalog has their terms)."""

from __future__ import annotations

TEXT: dict[str, str] = {
    # view titles; {name} is the model's name and state
    "title.context": "Context: organisations and the EU side",
    "title.focus": "Context of {system}",
    "title.sequence": "Sequence: {process}",
    "title.data": "Data categories: who sends and receives them, and how long they are kept",
    "cluster.data": "Data categories",
    "data.retention": "kept: {retention}",
    "data.unstated": "retention not stated",
    "data.flows": "carried by {count} flows",
    "data.flow": "carried by 1 flow",
    "title.technical": "Technical view: zones, interfaces and connections",
    # sequence view messages
    "sequence.data": "data: {data}",
    "sequence.basis": "legal basis: {basis}",
    "sequence.no-basis": "none cited",
    # clusters
    "cluster.organisations": "National organisations (their systems rolled up)",
    "cluster.eu": "EU side",
    "cluster.components": "Interoperability components",
    "cluster.central": "EU central systems",
    "cluster.external": "External systems",
    "cluster.legend": "Legend",
    "cluster.zones": "National network and security zones",
    "cluster.interfaces": "National uniform interfaces (national side of the border)",
    "zone.named": "Zone: {zone}",
    "zone.none": "No zone given",
    "sync.unstated": "trigger unstated",
    "legend.zone": "network or security zone: the systems in it by id",
    # landscape edges
    "edge.flows": "{count} flows",
    "edge.flow": "1 flow",
    "edge.back": "{count} back",
    "edge.mainly": "mainly {data}",
    "organisation.systems": "{count} systems",
    "organisation.system": "1 system",
    "organisation.unowned": "No owner given",
    # legend entries
    "legend.org": "organisation: its national systems rolled up",
    "legend.focus": "the system this view is about: thick border",
    "legend.merged": "all flows between two boxes, one line: arrowheads show the direction(s); "
    "the label gives the number and the main data",
    "legend.flow": "one flow: its id and name",
    "legend.message": "a message of a step, numbered in order: name, data, legal basis",
    "legend.special": "carries special-category data (biometrics): red, thick, [SPECIAL]",
    "legend.personal": "carries personal data: orange",
    "legend.other": "carries other data only: grey, dashed",
    "kind.national": "national system",
    "kind.national-interface": "national uniform interface",
    "kind.interoperability-component": "interoperability component",
    "kind.eu-central": "EU central system",
    "kind.external": "external system",
    "status.existing": "existing: solid line",
    "status.planned": "planned: dashed line, marked (planned)",
    "status.changing": "changing: thick line, marked (changing)",
    "status.retiring": "retiring: dotted line, marked (retiring)",
}


def text(key: str, **values: object) -> str:
    """The text for `key`, with its placeholders filled."""
    return TEXT[key].format(**values)
