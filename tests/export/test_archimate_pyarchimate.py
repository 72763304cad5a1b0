"""pyArchimate, a third-party reader of the Open Group exchange format, reads the export back:
every element, relationship and view, the technology layer nested as written, and no
relationship its own ArchiMate table refuses (it logs each one it refuses as an error)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from pyArchimate import Model as ArchimateModel

from archlex.api import load
from archlex.export.archimate import archimate_xml
from archlex.export.ids import xml_id
from tests.conftest import WriteModel
from tests.export.hostile import HOSTILE_IN_XML, TECHNICAL_FILES
from tests.export.test_archimate import NS, parse


class _Errors(logging.Handler):
    """The errors pyArchimate logs while it reads (it logs each relationship it refuses)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _read(text: str, folder: Path) -> Any:
    """The document as pyArchimate reads it, failing on any error it logs."""
    path = folder / "model.xml"
    path.write_text(text, encoding="utf-8")
    model = ArchimateModel("read back")
    errors = _Errors()
    logging.getLogger().addHandler(errors)
    try:
        model.read(str(path))
    finally:
        logging.getLogger().removeHandler(errors)
    assert errors.messages == []
    return model


@pytest.fixture(scope="module")
def read_back(example_xml: str, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The example's export as pyArchimate reads it."""
    return _read(example_xml, tmp_path_factory.mktemp("pyarchimate"))


def _descendants(node: Any) -> list[Any]:
    return [node, *(d for child in node.nodes for d in _descendants(child))]


def test_pyarchimate_reads_every_concept_and_view(example_xml: str, read_back: Any) -> None:
    model = read_back
    root = parse(example_xml)
    assert len(model.elements) == len(root.findall("a:elements/a:element", NS))
    assert len(model.relationships) == len(root.findall("a:relationships/a:relationship", NS))
    types = {e.type for e in model.elements}
    assert {"Facility", "Node", "CommunicationNetwork"} <= types
    views = {v.name: v for v in model.views}
    assert {"Technology: Production", "Technology: Disaster recovery (DR)"} <= set(views)
    # In the production view the NUI segment lies in the primary data centre and holds NSIS.
    figures = [d for n in views["Technology: Production"].nodes for d in _descendants(n)]
    (centre,) = [f for f in figures if f.ref == xml_id("DC1")]
    inner = {d.ref for d in _descendants(centre)}
    assert {xml_id("DC1-NUI"), xml_id("NSIS")} <= inner


def test_pyarchimate_reads_the_connections_properties(read_back: Any) -> None:
    (connection,) = [r for r in read_back.relationships if r.uuid == xml_id("CN-ESP")]
    assert connection.type == "Flow"
    assert connection.prop("protocol") == "REST"
    assert connection.prop("format") == "UMF (XML)"


def test_pyarchimate_reads_hostile_technical_text_as_text(
    write_model: WriteModel, tmp_path: Path
) -> None:
    text = archimate_xml(load(write_model(TECHNICAL_FILES)).model)
    model = _read(text, tmp_path)
    names = {e.uuid: e.name for e in model.elements}
    assert names[xml_id("zone.1")] == names[xml_id("net.1")] == HOSTILE_IN_XML


def test_the_reader_refuses_a_relationship_archimate_forbids(
    write_model: WriteModel, tmp_path: Path
) -> None:
    text = archimate_xml(load(write_model(TECHNICAL_FILES)).model)
    hosting = text.index('xsi:type="Realization" source="id-zone.1"')
    forbidden = text[:hosting] + 'xsi:type="Assignment"' + text[hosting + 22 :]
    with pytest.raises(AssertionError, match="Invalid Relationship type 'Assignment'"):
        _read(forbidden, tmp_path)
