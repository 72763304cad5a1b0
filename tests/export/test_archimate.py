"""The ArchiMate export: valid against the Open Group's XSD, and every element and
relationship of the model found again when the file is read back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from archlex.api import validate_model
from archlex.export.archimate import archimate_xml
from archlex.export.ids import xml_id
from archlex.model import Model
from archlex.model.system import SystemKind
from tests.export.exchange_schema import LOCAL_COPIES, SCHEMAS, load_schema

NS = {"a": "http://www.opengroup.org/xsd/archimate/3.0/"}
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"

Triple = tuple[str, str, str]


def parse(text: str) -> Any:
    """The document as an lxml tree, refusing network access and entities."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.fromstring(text.encode("utf-8"), parser)


def assert_valid(text: str) -> None:
    """The document validates against archimate3_Diagram.xsd."""
    schema, _ = load_schema()
    document = parse(text)
    if not schema.validate(document):
        errors = [f"{e.line}: {e.message}" for e in list(schema.error_log)[:10]]
        pytest.fail("\n".join(errors))


def properties(node: Any) -> dict[str, str]:
    """A concept's properties by definition name (`prop-<name>`)."""
    found = {}
    for item in node.iterfind("a:properties/a:property", NS):
        name = item.get("propertyDefinitionRef").removeprefix("prop-")
        found[name] = item.findtext("a:value", namespaces=NS)
    return found


def archlex_names(root: Any) -> dict[str, str]:
    """Every concept's identifier -> its archlex id (`deliverable:<work package>` for the
    deliverables archlex derives)."""
    names = {}
    for node in root.iterfind("a:elements/a:element", NS):
        props = properties(node)
        names[node.get("identifier")] = props.get("archlex-id") or (
            "deliverable:" + props["derived-from"]
        )
    for node in root.iterfind("a:relationships/a:relationship", NS):
        if "archlex-id" in properties(node):
            names[node.get("identifier")] = properties(node)["archlex-id"]
    return names


def exported_relationships(root: Any) -> set[Triple]:
    """(type, source, target) of every relationship, the ends as archlex ids."""
    names = archlex_names(root)
    return {
        (node.get(XSI_TYPE), names[node.get("source")], names[node.get("target")])
        for node in root.iterfind("a:relationships/a:relationship", NS)
    }


def expected_ids(model: Model) -> set[str]:
    """The archlex ids the export must carry: every entity of the kinds it maps."""
    kinds: list[list[Any]] = [
        model.organisations,
        model.roles,
        model.systems,
        model.components,
        model.data,
        model.flows,
        model.requirements,
        model.obligations,
        model.phases,
        model.work_packages,
        model.milestones,
        model.networks,
        model.nodes,
        model.connections,
    ]
    return {entity.id for entities in kinds for entity in entities}


def expected_relationships(model: Model) -> set[Triple]:
    """The relationships the mapping in docs/export.md promises, computed from the model."""
    found: set[Triple] = set()
    for organisation in model.organisations:
        found |= {("Assignment", organisation.id, g.role) for g in organisation.roles}
    for system in model.systems:
        found |= {("Composition", system.id, c.id) for c in system.components}
        found |= {("Association", o, system.id) for o in {system.owner, system.operator} if o}
    found |= _interface_relationships(model)
    for flow in model.flows:
        found.add(("Flow", flow.from_, flow.to))
        found |= {("Association", flow.id, data) for data in flow.data}
    for requirement in model.requirements:
        found |= {("Realization", part, requirement.id) for part in requirement.allocated_to}
        for obligation in model.obligations:
            if any(p.traces(obligation.provision) for p in requirement.satisfies):
                found.add(("Influence", requirement.id, obligation.id))
    for package in model.work_packages:
        deliverable = f"deliverable:{package.id}"
        if package.delivers:
            found.add(("Realization", package.id, deliverable))
        found |= {("Realization", deliverable, r) for r in package.delivers}
        found |= {("Triggering", earlier, package.id) for earlier in package.depends_on}
        if package.phase:
            found.add(("Realization", package.id, package.phase))
    for milestone in model.milestones:
        found |= {("Triggering", p, milestone.id) for p in milestone.after}
    return found | _technology_relationships(model) | _data_relationships(model)


def _technology_relationships(model: Model) -> set[Triple]:
    """Nodes within nodes, hosting, networks and operators; connections (docs/export.md)."""
    found = {("Association", n.operator, n.id) for n in model.networks if n.operator}
    for node in model.nodes:
        found |= {("Composition", node.within, node.id)} if node.within else set()
        found |= {("Association", node.operator, node.id)} if node.operator else set()
        found |= {("Association", node.id, network) for network in node.networks}
        found |= {("Realization", node.id, hosting.system) for hosting in node.hosts}
    for connection in model.connections:
        found.add(("Flow", connection.from_, connection.to))
        if connection.network:
            found.add(("Association", connection.id, connection.network))
    return found


def _data_relationships(model: Model) -> set[Triple]:
    """Controllers, processors and the systems that hold each category."""
    found: set[Triple] = set()
    for category in model.data:
        ends = [*category.controller, *category.processor, *category.holders]
        found |= {("Association", end, category.id) for end in ends}
    return found


def _interface_relationships(model: Model) -> set[Triple]:
    """A national interface is part of the EU system the flows through it reach."""
    kind = {s.id: s.kind for s in model.systems}
    owner = {c.id: s.id for s in model.systems for c in s.components}
    found = set()
    for flow in model.flows:
        if flow.via and kind.get(flow.via) is SystemKind.NATIONAL_INTERFACE:
            for end in (owner.get(flow.from_, flow.from_), owner.get(flow.to, flow.to)):
                if kind.get(end) in (SystemKind.EU_CENTRAL, SystemKind.INTEROPERABILITY_COMPONENT):
                    found.add(("Composition", end, flow.via))
    return found


def test_the_example_validates_against_the_exchange_format_schema(example_xml: str) -> None:
    assert_valid(example_xml)


def test_the_schema_is_read_offline_from_the_tests_copy() -> None:
    _, resolver = load_schema()
    remote = [url for url in resolver.asked if "://" in url]
    assert remote == ["http://www.w3.org/2001/xml.xsd"]
    assert all(url in LOCAL_COPIES for url in remote)
    assert (SCHEMAS / "LICENSE.txt").is_file()


def test_every_entity_comes_back_by_its_archlex_id(example: Model, example_xml: str) -> None:
    root = parse(example_xml)
    ids = {name for name in archlex_names(root).values() if not name.startswith("deliverable:")}
    assert ids == expected_ids(example)
    assert len(ids) > 400  # organisations ... obligations of the example and the eu library


def test_every_relationship_comes_back(example: Model, example_xml: str) -> None:
    exported = exported_relationships(parse(example_xml))
    expected = expected_relationships(example)
    assert exported == expected
    assert {t for t, _, _ in exported} >= {"Flow", "Influence", "Assignment", "Triggering"}


def test_identifiers_keep_the_archlex_id_as_a_property(example_xml: str) -> None:
    root = parse(example_xml)
    node = root.find("a:elements/a:element[@identifier='id-eu.ESP']", NS)
    assert node.get(XSI_TYPE) == "ApplicationComponent"
    assert properties(node)["archlex-id"] == "eu.ESP"
    flow = root.find("a:relationships/a:relationship[@identifier='id-F-BRD-02']", NS)
    assert flow.get(XSI_TYPE) == "Flow"
    assert "2019/817 Art" in properties(flow)["provisions"]


def test_obligations_carry_provision_and_provenance(example: Model, example_xml: str) -> None:
    obligation = next(o for o in example.obligations if o.source)
    root = parse(example_xml)
    node = root.find(f"a:elements/a:element[@identifier='{xml_id(obligation.id)}']", NS)
    assert node.get(XSI_TYPE) == "Constraint"
    props = properties(node)
    assert props["provisions"] == str(obligation.provision)
    assert props["source"] == obligation.source
    assert props["verified"] == str(obligation.verified).lower()


def test_the_export_is_byte_identical_twice(example: Model, example_xml: str) -> None:
    assert archimate_xml(example) == example_xml


# The ArchiMate 3.1 relationship table (Appendix B) for the element types archlex writes:
# a composition, f flow, g aggregation, i assignment, n influence, o association,
# r realization, t triggering. Association is allowed between any two concepts.
RELATIONSHIP_TABLE = {
    ("BusinessActor", "BusinessRole"): "io",
    ("ApplicationComponent", "ApplicationComponent"): "cfgorstv",
    ("ApplicationComponent", "ApplicationInterface"): "cfgortv",
    ("ApplicationInterface", "ApplicationComponent"): "fotv",
    ("ApplicationInterface", "ApplicationInterface"): "cfgostv",
    ("ApplicationComponent", "Requirement"): "nor",
    ("ApplicationInterface", "Requirement"): "nor",
    ("Requirement", "Constraint"): "cgnos",
    ("WorkPackage", "Deliverable"): "aor",
    ("Deliverable", "Requirement"): "nor",
    ("WorkPackage", "WorkPackage"): "cfgost",
    ("WorkPackage", "Plateau"): "fort",
    # The technology layer, from Archi's relationships.xml (ArchiMate 3.2; Facility and Device
    # are specialisations of Node): a node realizes what it hosts, and nests by composition.
    ("Facility", "ApplicationComponent"): "fortv",
    ("Facility", "ApplicationInterface"): "fortv",
    ("Node", "ApplicationComponent"): "fortv",
    ("Node", "ApplicationInterface"): "fortv",
    ("Facility", "Node"): "cfgiotv",
    ("Facility", "Facility"): "cfgiostv",
    ("Facility", "Device"): "cfgiortv",
    ("Node", "Node"): "cfgiostv",
    ("Node", "Device"): "cfgiortv",
    ("Node", "Facility"): "cfgiotv",
}
LETTER = {
    "Composition": "c",
    "Flow": "f",
    "Aggregation": "g",
    "Assignment": "i",
    "Influence": "n",
    "Realization": "r",
    "Triggering": "t",
}


def test_every_relationship_is_one_the_archimate_table_allows(example_xml: str) -> None:
    root = parse(example_xml)
    types = {
        node.get("identifier"): node.get(XSI_TYPE)
        for node in root.iterfind("a:elements/a:element", NS)
    }
    types |= {r.get("identifier"): "Relationship" for r in root.iterfind(".//a:relationship", NS)}
    for node in root.iterfind("a:relationships/a:relationship", NS):
        kind = node.get(XSI_TYPE)
        if kind == "Association":
            continue
        pair = (types[node.get("source")], types[node.get("target")])
        assert LETTER[kind] in RELATIONSHIP_TABLE[pair], (kind, pair)


def test_a_model_without_systems_or_flows_exports_its_empty_views(tmp_path: Path) -> None:
    # Nothing to draw in the technical view, nor in the view of a process without flows yet:
    # the views are still written (the process exists; its view is where it shows in a tool),
    # empty and valid, where laying them out used to fail with an internal error.
    (tmp_path / "archlex.yaml").write_text(
        "archlex: 1\nname: Nothing drawn yet\nuses: [eu]\n"
        "processes:\n  - {id: PR-1, name: Border check}\n",
        encoding="utf-8",
    )
    report = validate_model(tmp_path, tmp_path)
    text = archimate_xml(report.model)
    assert_valid(text)
    views = {
        view.findtext("a:name", namespaces=NS): view
        for view in parse(text).iterfind(".//a:view", NS)
    }
    assert views["Process: Border check"].findall("a:node", NS) == []
