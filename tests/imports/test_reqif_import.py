"""`archlex import reqif`: an export read back changes nothing; a requirements tool's changes
come back as field updates; unknown attributes are reported; a mapping file renames."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from archlex.api import load
from archlex.errors import ArchlexError
from archlex.export.reqif import reqif_xml
from tests.imports.conftest import model_files, run_import

REQUIREMENTS_FILES = "requirements/*.yaml"


def exported(root: Path, tmp_path: Path) -> Path:
    path = tmp_path / "out.reqif"
    path.write_text(reqif_xml(load(root, root).model), encoding="utf-8")
    return path


def dumped(root: Path) -> dict[str, dict[str, object]]:
    model = load(root, root).model
    return {r.id: r.model_dump(mode="json") for r in model.requirements}


def test_export_then_import_changes_nothing(example_copy: Path, tmp_path: Path) -> None:
    before = model_files(example_copy)
    _, plan, edits = run_import("reqif", exported(example_copy, tmp_path), example_copy)
    assert len(plan.updates) == 82 and plan.notes == []
    assert edits == []
    assert model_files(example_copy) == before


def test_round_trip_rebuilds_every_requirement(example_copy: Path, tmp_path: Path) -> None:
    """Export, delete every requirement from the model, import: the same requirements."""
    original = dumped(example_copy)
    reqif = exported(example_copy, tmp_path)
    for path in sorted((example_copy / "requirements").glob("*.yaml")):
        path.unlink()
    _, _, edits = run_import(
        "reqif", reqif, example_copy, into="requirements/imported.yaml", write=True
    )
    assert [e.file for e in edits] == ["requirements/imported.yaml"]
    assert dumped(example_copy) == original


def test_a_status_changed_in_the_tool_changes_one_line(example_copy: Path, tmp_path: Path) -> None:
    reqif = exported(example_copy, tmp_path)
    text = reqif.read_text(encoding="utf-8")
    marker = '<SPEC-OBJECT IDENTIFIER="req-REQ-ESP-02"'
    start = text.index(marker)
    end = text.index("</SPEC-OBJECT>", start)
    changed = text[start:end].replace("ev-status-agreed", "ev-status-verified")
    reqif.write_text(text[:start] + changed + text[end:], encoding="utf-8")
    _, _, edits = run_import("reqif", reqif, example_copy, write=True)
    assert [e.file for e in edits] == ["requirements/esp.yaml"]
    before, after = edits[0].before.splitlines(), edits[0].after.splitlines()
    assert len(before) == len(after)
    assert [(a, b) for a, b in zip(before, after, strict=True) if a != b] == [
        ("    status: agreed", "    status: verified")
    ]
    assert load(example_copy, example_copy).model.get("REQ-ESP-02").status == "verified"  # type: ignore[union-attr]


TOOL_FILE = """\
<?xml version="1.0" encoding="UTF-8"?>
<REQ-IF xmlns="http://www.omg.org/spec/ReqIF/20110401/reqif.xsd"
        xmlns:xhtml="http://www.w3.org/1999/xhtml">
  <THE-HEADER><REQ-IF-HEADER IDENTIFIER="h"><CREATION-TIME>2026-01-01T00:00:00Z</CREATION-TIME>
  <REQ-IF-TOOL-ID>tool</REQ-IF-TOOL-ID><REQ-IF-VERSION>1.0</REQ-IF-VERSION>
  <SOURCE-TOOL-ID>tool</SOURCE-TOOL-ID><TITLE>t</TITLE></REQ-IF-HEADER></THE-HEADER>
  <CORE-CONTENT><REQ-IF-CONTENT>
    <DATATYPES>
      <DATATYPE-DEFINITION-ENUMERATION IDENTIFIER="e" LAST-CHANGE="2026-01-01T00:00:00Z">
        <SPECIFIED-VALUES>
          <ENUM-VALUE IDENTIFIER="v1" LONG-NAME="Implemented" LAST-CHANGE="2026-01-01T00:00:00Z"/>
        </SPECIFIED-VALUES>
      </DATATYPE-DEFINITION-ENUMERATION>
    </DATATYPES>
    <SPEC-TYPES>
      <SPEC-OBJECT-TYPE IDENTIFIER="t" LONG-NAME="Requirement" LAST-CHANGE="2026-01-01T00:00:00Z">
        <SPEC-ATTRIBUTES>
          <ATTRIBUTE-DEFINITION-STRING IDENTIFIER="a-id" LONG-NAME="Object Identifier" LAST-CHANGE="2026-01-01T00:00:00Z"/>
          <ATTRIBUTE-DEFINITION-XHTML IDENTIFIER="a-text" LONG-NAME="Object Text" LAST-CHANGE="2026-01-01T00:00:00Z"/>
          <ATTRIBUTE-DEFINITION-ENUMERATION IDENTIFIER="a-st" LONG-NAME="Status" LAST-CHANGE="2026-01-01T00:00:00Z"/>
          <ATTRIBUTE-DEFINITION-STRING IDENTIFIER="a-c" LONG-NAME="Integrator comment" LAST-CHANGE="2026-01-01T00:00:00Z"/>
        </SPEC-ATTRIBUTES>
      </SPEC-OBJECT-TYPE>
    </SPEC-TYPES>
    <SPEC-OBJECTS>
      <SPEC-OBJECT IDENTIFIER="o1" LAST-CHANGE="2026-01-01T00:00:00Z">
        <TYPE><SPEC-OBJECT-TYPE-REF>t</SPEC-OBJECT-TYPE-REF></TYPE>
        <VALUES>
          <ATTRIBUTE-VALUE-STRING THE-VALUE="REQ-ESP-02">
            <DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>a-id</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION>
          </ATTRIBUTE-VALUE-STRING>
          <ATTRIBUTE-VALUE-XHTML>
            <DEFINITION><ATTRIBUTE-DEFINITION-XHTML-REF>a-text</ATTRIBUTE-DEFINITION-XHTML-REF></DEFINITION>
            <THE-VALUE><xhtml:div><xhtml:p>First &amp; only.</xhtml:p><xhtml:p>Second.</xhtml:p></xhtml:div></THE-VALUE>
          </ATTRIBUTE-VALUE-XHTML>
          <ATTRIBUTE-VALUE-ENUMERATION>
            <DEFINITION><ATTRIBUTE-DEFINITION-ENUMERATION-REF>a-st</ATTRIBUTE-DEFINITION-ENUMERATION-REF></DEFINITION>
            <VALUES><ENUM-VALUE-REF>v1</ENUM-VALUE-REF></VALUES>
          </ATTRIBUTE-VALUE-ENUMERATION>
          <ATTRIBUTE-VALUE-STRING THE-VALUE="Done in sprint 4">
            <DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>a-c</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION>
          </ATTRIBUTE-VALUE-STRING>
        </VALUES>
      </SPEC-OBJECT>
    </SPEC-OBJECTS>
  </REQ-IF-CONTENT></CORE-CONTENT>
</REQ-IF>
"""  # noqa: E501
MAPPING = {"attributes": {"Object Identifier": "id", "Object Text": "text", "Status": "status"}}


def test_another_tools_attributes_through_a_mapping(example_copy: Path, tmp_path: Path) -> None:
    reqif = tmp_path / "tool.reqif"
    reqif.write_text(TOOL_FILE, encoding="utf-8")
    _, plan, edits = run_import("reqif", reqif, example_copy, mapping=MAPPING)
    assert plan.updates[0].fields == {
        "id": "REQ-ESP-02",
        "text": "First & only.\nSecond.",
        "status": "implemented",
    }
    assert plan.notes == [
        "tool.reqif: attribute 'Integrator comment' (on 1 object(s)) maps to no field and was "
        "not imported; map it in a mapping file (`attributes:`) or ignore it with null"
    ]
    assert [e.file for e in edits] == ["requirements/esp.yaml"]
    assert "+    status: implemented" in edits[0].after.replace(
        "    status: implemented", "+    status: implemented"
    )


def test_without_the_mapping_no_id_is_reported_not_dropped(
    example_copy: Path, tmp_path: Path
) -> None:
    reqif = tmp_path / "tool.reqif"
    reqif.write_text(TOOL_FILE, encoding="utf-8")
    _, plan, edits = run_import("reqif", reqif, example_copy)
    assert plan.updates == [] and edits == []
    assert (
        plan.notes[0]
        == "tool.reqif: SPEC-OBJECT o1: no id attribute (ReqIF.ForeignID); not imported"
    )
    assert len(plan.notes) == 5  # and each of the four attributes it could not map


def test_a_bad_value_names_the_object_and_the_attribute(example_copy: Path, tmp_path: Path) -> None:
    reqif = tmp_path / "tool.reqif"
    reqif.write_text(
        TOOL_FILE.replace('LONG-NAME="Implemented"', 'LONG-NAME="Done"'), encoding="utf-8"
    )
    with pytest.raises(ArchlexError) as raised:
        run_import("reqif", reqif, example_copy, mapping=MAPPING)
    assert "tool.reqif: SPEC-OBJECT o1, attribute 'Status': Input should be" in raised.value.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<notreqif/>", "not ReqIF's REQ-IF"),
        ("<REQ-IF", "not well-formed XML"),
        ("PK\x03\x04rest", "a zip archive (.reqifz)"),
    ],
)
def test_not_what_it_claims(example_copy: Path, tmp_path: Path, text: str, expected: str) -> None:
    reqif = tmp_path / "x.reqif"
    reqif.write_text(text, encoding="utf-8")
    with pytest.raises(ArchlexError, match=re.escape(expected)):
        run_import("reqif", reqif, example_copy)
