"""Model text that tries to break the XML: escaped, or removed where XML 1.0 cannot carry it."""

from __future__ import annotations

from archlex.api import load
from archlex.export.archimate import archimate_xml
from archlex.export.ids import xml_id
from tests.conftest import WriteModel
from tests.export.hostile import FILES, HOSTILE_IN_XML, TECHNICAL_FILES
from tests.export.test_archimate import NS, assert_valid, parse, properties
from tests.export.test_archimate_views import views


def test_hostile_names_are_escaped_or_stripped_and_still_validate(
    write_model: WriteModel,
) -> None:
    project = load(write_model(FILES))
    text = archimate_xml(project.model)
    assert_valid(text)
    assert "<script>" not in text and "]]>" not in text  # only as &lt;script&gt; and ]]&gt;
    root = parse(text)
    names = {
        properties(node)["archlex-id"]: node.findtext("a:name", namespaces=NS)
        for node in root.iterfind("a:elements/a:element", NS)
    }
    for archlex_id in ("0rg.one", "sys.a", "sys.a-part", "hostile-data"):
        assert names[archlex_id] == HOSTILE_IN_XML
    flow = root.find("a:relationships/a:relationship[@identifier='id-f.1']", NS)
    assert flow.findtext("a:name", namespaces=NS) == HOSTILE_IN_XML
    view = root.find("a:views/a:diagrams/a:view[@identifier='view-process-p.1']", NS)
    assert view.findtext("a:name", namespaces=NS) == "Process: " + HOSTILE_IN_XML


def test_an_id_starting_with_a_digit_becomes_a_valid_identifier(
    write_model: WriteModel,
) -> None:
    text = archimate_xml(load(write_model(FILES)).model)
    root = parse(text)
    node = root.find("a:elements/a:element[@identifier='id-0rg.one']", NS)
    assert properties(node)["archlex-id"] == "0rg.one"


def test_hostile_technical_text_is_escaped_and_still_validates(write_model: WriteModel) -> None:
    text = archimate_xml(load(write_model(TECHNICAL_FILES)).model)
    assert_valid(text)
    assert "<script>" not in text and "]]>" not in text
    root = parse(text)
    for archlex_id in ("net.1", "dc.1", "zone.1", "zone.2"):
        node = root.find(f"a:elements/a:element[@identifier='{xml_id(archlex_id)}']", NS)
        assert node.findtext("a:name", namespaces=NS) == HOSTILE_IN_XML
    connection = root.find(f"a:relationships/a:relationship[@identifier='{xml_id('cn.1')}']", NS)
    props = properties(connection)
    assert props["protocol"] == props["format"] == props["security"] == HOSTILE_IN_XML
    assert props["volume"] == f"average 5 {HOSTILE_IN_XML} per day"
    found = set(views(text))
    assert {"view-technology-production", "view-technology-dr", "view-technology-test"} <= found
