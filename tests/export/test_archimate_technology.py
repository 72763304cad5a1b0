"""The ArchiMate export's technology layer and data architecture: nodes, networks, hosting
per environment, connections with their figures, the technology views, and the data objects'
controllers and holders; valid against the Open Group's schema (test_archimate.py)."""

from __future__ import annotations

from typing import Any

from archlex.api import load
from archlex.export.archimate import archimate_xml
from archlex.export.archimate_technology import hosting_id
from archlex.export.ids import xml_id
from archlex.model import Model
from tests.conftest import WriteModel
from tests.export.hostile import FILES
from tests.export.test_archimate import NS, XSI_TYPE, parse, properties
from tests.export.test_archimate_views import box, inside, views

TECHNOLOGY_TYPES = {"Facility", "Node", "Device", "CommunicationNetwork"}


def _element(root: Any, archlex_id: str) -> Any:
    return root.find(f"a:elements/a:element[@identifier='{xml_id(archlex_id)}']", NS)


def _relationship(root: Any, identifier: str) -> Any:
    return root.find(f"a:relationships/a:relationship[@identifier='{identifier}']", NS)


def test_nodes_and_networks_take_the_type_their_kind_says(example: Model, example_xml: str) -> None:
    root = parse(example_xml)
    assert _element(root, "DC1").get(XSI_TYPE) == "Facility"  # a data centre
    assert _element(root, "EULISA-FR").get(XSI_TYPE) == "Facility"  # a site
    assert _element(root, "DC1-NUI").get(XSI_TYPE) == "Node"  # a security zone
    assert _element(root, "NET-EUCI").get(XSI_TYPE) == "CommunicationNetwork"
    props = properties(_element(root, "DC1"))
    assert props["kind"] == "data-centre" and props["location"] == "Riga"
    assert props["networks"] == "NET-IEM; NET-DC"
    assert properties(_element(root, "NET-EUCI"))["scope"] == "european"


def test_each_hosting_is_a_realization_with_its_environment(
    example: Model, example_xml: str
) -> None:
    root = parse(example_xml)
    hostings = [(n, h) for n in example.nodes for h in n.hosts]
    assert len({hosting_id(n, h) for n, h in hostings}) == len(hostings)
    for node, hosting in hostings:
        found = _relationship(root, hosting_id(node, hosting))
        assert found.get(XSI_TYPE) == "Realization"
        assert found.get("source") == xml_id(node.id)
        assert found.get("target") == xml_id(hosting.system)
        props = properties(found)
        assert props["environment"] == hosting.environment.value
        assert props.get("instances") == (str(hosting.instances) if hosting.instances else None)
    nui = next(h for h in _node(example, "DC1-NUI").hosts if h.system == "EES-NI")
    props = properties(_relationship(root, hosting_id(_node(example, "DC1-NUI"), nui)))
    assert (props["instances"], props["availability"]) == ("2", "99.9")


def _node(model: Model, node_id: str) -> Any:
    return next(n for n in model.nodes if n.id == node_id)


def test_connections_are_flows_with_protocol_format_and_figures(example_xml: str) -> None:
    root = parse(example_xml)
    connection = _relationship(root, xml_id("CN-ESP"))
    assert connection.get(XSI_TYPE) == "Flow"
    assert (connection.get("source"), connection.get("target")) == (
        xml_id("ESP-GW"),
        xml_id("eu.ESP"),
    )
    props = properties(connection)
    assert props["protocol"] == "REST" and props["format"] == "UMF (XML)"
    assert props["standard"] == "eu.UMF" and props["network"] == "NET-EUCI"
    assert props["availability"] == "99.9"
    assert props["volume"] == "average 300, peak 1500 searches per minute"
    over = [
        r
        for r in root.iterfind("a:relationships/a:relationship", NS)
        if r.get("source") == xml_id("CN-ESP")
    ]
    assert [(r.get("target"), r.findtext("a:name", namespaces=NS)) for r in over] == [
        (xml_id("NET-EUCI"), "runs over")
    ]


def test_data_objects_carry_controller_master_and_retention(
    example: Model, example_xml: str
) -> None:
    root = parse(example_xml)
    category = next(d for d in example.data if d.special_kind and d.controller and d.master)
    props = properties(_element(root, category.id))
    assert category.special_kind is not None
    assert props["special-kind"] == category.special_kind.value
    assert props["controller"] == "; ".join(category.controller)
    assert props["master"] == category.master
    assert props["retention"] == category.retention
    named = {
        (r.get("source"), r.findtext("a:name", namespaces=NS))
        for r in root.iterfind("a:relationships/a:relationship", NS)
        if r.get("target") == xml_id(category.id)
    }
    assert (xml_id(category.master), "holds the master copy") in named
    assert {(xml_id(c), "controller") for c in category.controller} <= named


def test_a_technology_view_nests_systems_in_their_nodes(example: Model, example_xml: str) -> None:
    view = views(example_xml)["view-technology-production"]
    figures = {
        (n.get("elementRef"), p.get("elementRef"))
        for p in view.iter(f"{{{NS['a']}}}node")
        for n in p.iterfind("a:node", NS)
    }
    for node in example.nodes:
        hosted = {h.system for h in node.hosts if h.environment.value == "production"}
        assert {(xml_id(s), xml_id(node.id)) for s in hosted} <= figures
        if node.within and hosted:
            assert (xml_id(node.id), xml_id(node.within)) in figures
    for parent in view.iter(f"{{{NS['a']}}}node"):
        assert all(inside(box(child), box(parent)) for child in parent.iterfind("a:node", NS))
    drawn = {line.get("relationshipRef") for line in view.iterfind("a:connection", NS)}
    assert xml_id("CN-ESP") in drawn and xml_id("CN-NUI-EES") in drawn


def test_a_model_without_hosting_has_no_technology_layer(write_model: WriteModel) -> None:
    text = archimate_xml(load(write_model(FILES)).model)
    root = parse(text)
    types = {e.get(XSI_TYPE) for e in root.iterfind("a:elements/a:element", NS)}
    assert not types & TECHNOLOGY_TYPES
    assert not [v for v in views(text) if v.startswith("view-technology")]
    definitions = {d.get("identifier") for d in root.iterfind(".//a:propertyDefinition", NS)}
    assert not definitions & {"prop-environment", "prop-protocol", "prop-controller"}
