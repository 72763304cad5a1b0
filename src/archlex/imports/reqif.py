"""`archlex import reqif FILE`: requirements from a ReqIF file, e.g. the one a requirements
tool sends back with the integrator's status.

Parsed with defusedxml, which refuses a DTD, entities and external references (XXE, billion
laughs) before anything expands. Each SPEC-OBJECT with an id (ReqIF.ForeignID, or the
attribute the mapping file names) is a requirement; archlex's own provision and obligation
objects are context and skipped. Attributes map to fields by their long name
(archlex.export.reqif_vocabulary, then the mapping file); one that maps to no field is
reported, never silently dropped.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from archlex.errors import ArchlexError
from archlex.export.ids import XML_LANG
from archlex.export.reqif_vocabulary import (
    NAMESPACE,
    OBLIGATION_TYPE,
    PROVISION_TYPE,
    REQUIREMENT_ATTRIBUTES,
)
from archlex.imports.registry import EntityUpdate, ImportPlan, ImportRequest, importer
from archlex.imports.rows import field_value, raise_errors, row_errors
from archlex.imports.tables import ZIP_MAGIC, read_bytes

NS = f"{{{NAMESPACE}}}"
CONTEXT_TYPES = frozenset((PROVISION_TYPE, OBLIGATION_TYPE))
DEFAULT_ATTRIBUTES = {a.name: a.field for a in REQUIREMENT_ATTRIBUTES}
XHTML_BREAKS = frozenset(("p", "div", "br", "li", "tr"))


@dataclass
class _Definitions:
    """Long names of what SPEC-OBJECTs point at: attributes, enum values, object types."""

    names: dict[str, str] = field(default_factory=dict)

    def name(self, identifier: str) -> str:
        return self.names.get(identifier, identifier)


@importer("reqif", 10, "Requirements and their status from a ReqIF file.")
def import_reqif(request: ImportRequest) -> ImportPlan:
    """Every requirement the file holds, as updates; unknown attributes in the notes."""
    root = parse_reqif(request.file)
    definitions = _Definitions(
        {
            e.get("IDENTIFIER", ""): e.get("LONG-NAME") or e.get("IDENTIFIER") or ""
            for e in root.iter()
            if e.get("IDENTIFIER")
        }
    )
    mapping = DEFAULT_ATTRIBUTES | request.mapping.get("attributes", {})
    plan, errors, unknown = ImportPlan(), list[str](), dict[str, int]()
    for spec_object in root.iter(f"{NS}SPEC-OBJECT"):
        type_ref = spec_object.findtext(f"{NS}TYPE/{NS}SPEC-OBJECT-TYPE-REF", "")
        if definitions.name(type_ref) in CONTEXT_TYPES:
            continue
        values = attribute_values(spec_object, definitions)
        where = f"{request.file.name}: SPEC-OBJECT {spec_object.get('IDENTIFIER')}"
        update, missing, sources = _update(values, mapping, where)
        for name in missing:
            unknown[name] = unknown.get(name, 0) + 1
        if update is None:
            plan.notes.append(f"{where}: no id attribute (ReqIF.ForeignID); not imported")
            continue
        errors += row_errors("requirements", update.fields, request, where, _locator(sources))
        plan.updates.append(update)
    raise_errors(errors)
    # archlex's export says its language unless it is English; a file that does not say is
    # taken to be in the model's written language (a requirements tool's own file).
    plan.language = root.get(XML_LANG)
    plan.notes += [
        f"{request.file.name}: attribute {name!r} (on {count} object(s)) maps to no field and "
        "was not imported; map it in a mapping file (`attributes:`) or ignore it with null"
        for name, count in sorted(unknown.items())
    ]
    return plan


def parse_reqif(path: Path) -> ET.Element:
    """The document's root, refusing DTDs, entities, and what is not ReqIF."""
    raw = read_bytes(path)
    if raw.startswith(ZIP_MAGIC):
        raise ArchlexError(
            f"{path}: a zip archive (.reqifz), not a ReqIF XML file",
            "unzip it and import the .reqif",
        )
    try:
        root = fromstring(raw, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise ArchlexError(
            f"{path}: declares a DTD, entities or external references "
            f"({type(error).__name__}); archlex refuses them in a ReqIF file",
            "export the file again from the requirements tool",
        ) from error
    except ET.ParseError as error:
        line, column = error.position
        raise ArchlexError(f"{path}:{line}:{column + 1}: not well-formed XML: {error}") from error
    if root.tag != f"{NS}REQ-IF":
        raise ArchlexError(
            f"{path}: the root element is {root.tag!r}, not ReqIF's REQ-IF (namespace {NAMESPACE})"
        )
    return root


def attribute_values(spec_object: ET.Element, definitions: _Definitions) -> dict[str, str]:
    """The object's attribute values as text, by the attribute's long name."""
    found: dict[str, str] = {}
    for value in spec_object.iterfind(f"{NS}VALUES/*"):
        reference = value.find(f"{NS}DEFINITION/*")
        if reference is None or reference.text is None:
            continue
        name = definitions.name(reference.text.strip())
        kind = value.tag.removeprefix(f"{NS}ATTRIBUTE-VALUE-")
        if kind == "ENUMERATION":
            labels = [
                definitions.name((r.text or "").strip()) for r in value.iter(f"{NS}ENUM-VALUE-REF")
            ]
            found[name] = "\n".join(labels)
        elif kind == "XHTML":
            found[name] = _xhtml_text(value.find(f"{NS}THE-VALUE"))
        else:
            found[name] = value.get("THE-VALUE", "")
    return found


def _xhtml_text(element: ET.Element | None) -> str:
    """The text of an XHTML value, a line per paragraph or break."""
    if element is None:
        return ""
    parts: list[str] = []
    for node in element.iter():
        local = node.tag.rsplit("}", 1)[-1]
        if local in XHTML_BREAKS and parts and not parts[-1].endswith("\n"):
            parts.append("\n")
        if node is not element and node.text:
            parts.append(node.text)
        if node is not element and node.tail:
            parts.append(node.tail)
    return "".join(parts).strip()


def _update(
    values: dict[str, str], mapping: dict[str, Any], where: str
) -> tuple[EntityUpdate | None, list[str], dict[str, str]]:
    """The update the object's values make, the attributes that map to nothing, and the
    attribute each field came from."""
    fields: dict[str, Any] = {}
    missing: list[str] = []
    sources: dict[str, str] = {}
    for name, text in values.items():
        if name not in mapping:
            missing.append(name)
            continue
        target = mapping[name]
        if target is None:
            continue  # the mapping file ignores it
        value = field_value(target, text)
        if value not in ("", []):
            fields[target], sources[target] = value, name
    entity_id = fields.get("id")
    if not entity_id:
        return None, missing, sources
    update = EntityUpdate("requirements", entity_id, fields, f"{where} ({entity_id})")
    return update, missing, sources


def _locator(sources: dict[str, str]) -> Callable[[str], str]:
    """Names the attribute a field came from."""
    return lambda field: f"attribute {sources.get(field, field)!r}"
