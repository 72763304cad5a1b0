"""The ReqIF export: valid against the OMG schema, and read by the `reqif` package's parser
(strictdoc-project/reqif, a consumer archlex did not write) with every requirement, attribute
and relation found again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from reqif.parser import ReqIFParser  # type: ignore[import-untyped]

from archlex.export.reqif import (
    obligation_object_id,
    provision_object_id,
    reqif_xml,
    requirement_object_id,
    traced_obligations,
)
from archlex.model import Model
from tests.conftest import WriteModel
from tests.export.reqif_schema import schema_errors


@pytest.fixture(scope="module")
def example_reqif(example: Model) -> str:
    """The example's requirements as ReqIF."""
    return reqif_xml(example)


def parsed(text: str, tmp_path: Path) -> Any:
    """The document as the `reqif` package reads it from a file."""
    path = tmp_path / "requirements.reqif"
    path.write_text(text, encoding="utf-8")
    return ReqIFParser.parse(str(path))


def values(bundle: Any, spec_object: Any) -> dict[str, Any]:
    """A spec object's attribute values by the attribute's long name."""
    lookup = bundle.lookup
    found = {}
    for attribute in spec_object.attributes:
        spec_type = lookup.get_spec_type_by_ref(spec_object.spec_object_type)
        definition = spec_type.attribute_map[attribute.definition_ref]
        found[definition.long_name] = attribute.value
    return found


def test_valid_against_the_reqif_schema(example_reqif: str) -> None:
    assert schema_errors(example_reqif) == []


def test_the_reqif_parser_finds_every_requirement(
    example: Model, example_reqif: str, tmp_path: Path
) -> None:
    bundle = parsed(example_reqif, tmp_path)
    content = bundle.core_content.req_if_content
    specification = next(s for s in content.specifications if s.long_name == "Requirements")
    objects = [
        bundle.get_spec_object_by_ref(node.spec_object)
        for node in bundle.iterate_specification_hierarchy(specification)
    ]
    assert len(objects) == len(example.requirements) == 82
    first = values(bundle, objects[0])
    requirement = example.requirements[0]
    assert first["ReqIF.ForeignID"] == requirement.id
    assert first["ReqIF.Name"] == requirement.title
    assert first["archlex.allocated_to"].split("\n") == requirement.allocated_to
    assert first["archlex.status"] == [f"ev-status-{requirement.status.value}"]


def test_the_relations_are_the_models(example: Model, example_reqif: str, tmp_path: Path) -> None:
    content = parsed(example_reqif, tmp_path).core_content.req_if_content
    found: dict[str, set[tuple[str, str]]] = {"rt-satisfies": set(), "rt-traces": set()}
    for relation in content.spec_relations:
        found[relation.relation_type_ref].add((relation.source, relation.target))
    satisfies = {
        (requirement_object_id(r.id), provision_object_id(p))
        for r in example.requirements
        for p in r.satisfies
    }
    traces = {
        (requirement_object_id(r.id), obligation_object_id(o.id))
        for r in example.requirements
        for o in traced_obligations(example)
        if any(p.traces(o.provision) for p in r.satisfies)
    }
    assert found == {"rt-satisfies": satisfies, "rt-traces": traces}
    assert len(satisfies) > 100 and len(traces) > 100


def test_provisions_hold_their_obligations(example_reqif: str, tmp_path: Path) -> None:
    bundle = parsed(example_reqif, tmp_path)
    content = bundle.core_content.req_if_content
    specification = next(s for s in content.specifications if s.long_name != "Requirements")
    levels: dict[int, int] = {}
    for node in bundle.iterate_specification_hierarchy(specification):
        levels[node.level] = levels.get(node.level, 0) + 1
        if node.level == 2:
            assert node.spec_object.startswith("obl-")
    assert levels[1] > 50 and levels[2] > 50


def test_same_model_same_bytes(example: Model, example_reqif: str) -> None:
    assert reqif_xml(example) == example_reqif


def test_source_date_epoch_sets_every_stamp(
    example: Model, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    text = reqif_xml(example)
    assert "2026-01-01T00:00:00Z" in text and "2000-01-01" not in text


def test_hostile_text_stays_text(write_model: WriteModel, tmp_path: Path) -> None:
    from archlex.api import load

    root = write_model(
        {
            "model.yaml": """\
requirements:
  - id: REQ-Ā.1
    title: "<script>alert(1)</script> & ]]> \\"q\\" \\0\\x01"
    text: "line one\\nline two\\ttab\\r\\n<!ENTITY x 'y'>"
    tags: ["a b", "&amp;"]
"""
        }
    )
    model = load(root).model
    text = reqif_xml(model)
    assert schema_errors(text) == []
    bundle = parsed(text, tmp_path)
    spec_object = bundle.core_content.req_if_content.spec_objects[0]
    got = values(bundle, spec_object)
    assert got["ReqIF.ForeignID"] == "REQ-Ā.1"
    assert got["ReqIF.Name"] == '<script>alert(1)</script> & ]]> "q" '
    assert got["ReqIF.Text"] == "line one\nline two\ttab\r\n<!ENTITY x 'y'>"
    assert spec_object.identifier == "req-REQ-_100_.1"
