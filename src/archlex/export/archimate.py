"""`archlex export archimate`: the model as an ArchiMate 3.1 Open Group exchange-format file.

The XML is built with the standard library's ElementTree, which escapes model text (`&`, `<`,
`>`, quotes); characters XML 1.0 cannot carry at all (most control characters) are removed
first, as docs/export.md says. The output validates against `archimate3_Diagram.xsd`.

Every `name`, `documentation`, `label` and property `value` says the language its text is in
(`xml:lang`), which is the output language only where the model or archlex's catalog gives the
text in it (export/text_language.py). Each is written once, in that one language: the exchange
format allows one element per language, but Archi shows the one in its user's language before
the first, which would undo `--language` for whoever reads English.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from archlex.export.archimate_concepts import Concepts, archimate_concepts
from archlex.export.archimate_properties import PROPERTY_TYPES
from archlex.export.archimate_types import Element, Figure, Relationship, View
from archlex.export.archimate_views import archimate_views
from archlex.export.ids import XML_LANG, xml_text
from archlex.export.registry import report_exporter
from archlex.export.text_language import LangText, TextLanguages, archlex_words
from archlex.localized import library_ids
from archlex.model import Model

if TYPE_CHECKING:
    from archlex.outcome import Report

NAMESPACE = "http://www.opengroup.org/xsd/archimate/3.0/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = (
    "http://www.opengroup.org/xsd/archimate/3.0/ "
    "http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd"
)


def _tag(name: str) -> str:
    # Unqualified: the root declares the exchange format's namespace as the default one
    # (ElementTree's `default_namespace` refuses the unqualified attributes the format uses).
    return name


def _typed(parent: ET.Element, tag: str, xsi_type: str, identifier: str) -> ET.Element:
    return ET.SubElement(parent, _tag(tag), {"identifier": identifier, f"{{{XSI}}}type": xsi_type})


def _text(parent: ET.Element, tag: str, said: LangText) -> None:
    ET.SubElement(parent, _tag(tag), {XML_LANG: said.language}).text = xml_text(said.text)


@report_exporter(
    "archimate",
    order=10,
    default_file="model.xml",
    help="The model as an ArchiMate 3.1 Open Group exchange-format file that Archi imports.\n\n"
    "Elements and relationships keep their archlex ids as properties; the technology layer "
    "(networks, nodes, hosting per environment, connections) where the model has one; a view "
    "per diagram (context, each process, technical, technology per environment), laid out by "
    "Graphviz.",
)
def archimate_export(report: Report) -> str:
    """The exchange-format document for the report's model in its output language, each text
    tagged with the language it is in (a library's plain texts are English)."""
    model = report.model
    written = report.written_language or model.manifest.language
    languages = TextLanguages(model.manifest.language, written, library_ids(report.project))
    return archimate_xml(model, languages)


def archimate_xml(model: Model, languages: TextLanguages | None = None) -> str:
    """The exchange-format document for the model, deterministic to the byte. Without
    `languages`, the model as loaded: its plain texts (a library's too) in the manifest's
    language."""
    if languages is None:
        language = model.manifest.language
        languages = TextLanguages(language, language)
    concepts = archimate_concepts(model, languages)
    views = archimate_views(model, concepts, languages)
    root = ET.Element(
        _tag("model"),
        {
            "xmlns": NAMESPACE,
            "identifier": "archlex-model",
            f"{{{XSI}}}schemaLocation": SCHEMA_LOCATION,
        },
    )
    _text(root, "name", languages.of(model.manifest.name))
    used = _write_concepts(root, concepts)
    definitions = ET.SubElement(root, _tag("propertyDefinitions"))
    for name, data_type in PROPERTY_TYPES.items():
        if name in used:
            definition = ET.SubElement(
                definitions,
                _tag("propertyDefinition"),
                {"identifier": f"prop-{name}", "type": data_type},
            )
            _text(definition, "name", archlex_words(name))
    if views:
        diagrams = ET.SubElement(ET.SubElement(root, _tag("views")), _tag("diagrams"))
        for view in views:
            _write_view(diagrams, view)
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _write_concepts(root: ET.Element, concepts: Concepts) -> set[str]:
    """Elements and relationships; returns the names of the properties they use."""
    used: set[str] = set()
    elements = ET.SubElement(root, _tag("elements"))
    for element in concepts.elements:
        used |= _write_concept(elements, "element", element)
    relationships = ET.SubElement(root, _tag("relationships"))
    for relationship in concepts.relationships:
        used |= _write_concept(relationships, "relationship", relationship)
    return used


def _write_concept(parent: ET.Element, tag: str, concept: Element | Relationship) -> set[str]:
    node = _typed(parent, tag, concept.type, concept.identifier)
    if isinstance(concept, Relationship):
        node.set("source", concept.source)
        node.set("target", concept.target)
    if concept.name and concept.name.text:
        _text(node, "name", concept.name)
    if isinstance(concept, Element) and concept.documentation and concept.documentation.text:
        _text(node, "documentation", concept.documentation)
    if concept.properties:
        properties = ET.SubElement(node, _tag("properties"))
        for name, value in concept.properties:
            item = ET.SubElement(
                properties, _tag("property"), {"propertyDefinitionRef": f"prop-{name}"}
            )
            _text(item, "value", value)
    return {name for name, _ in concept.properties}


def _write_view(parent: ET.Element, view: View) -> None:
    node = _typed(parent, "view", "Diagram", view.identifier)
    _text(node, "name", view.name)
    _text(node, "documentation", view.documentation)
    figure_ids: dict[str, str] = {}
    for figure in view.figures:
        _write_figure(node, figure, view, figure_ids)
    for number, (relationship, source, target) in enumerate(view.lines, start=1):
        ET.SubElement(
            node,
            _tag("connection"),
            {
                "identifier": f"{view.identifier}-c{number}",
                f"{{{XSI}}}type": "Relationship",
                "relationshipRef": relationship,
                "source": figure_ids[source],
                "target": figure_ids[target],
            },
        )


def _write_figure(
    parent: ET.Element, figure: Figure, view: View, figure_ids: dict[str, str]
) -> None:
    identifier = f"{view.identifier}-n{len(figure_ids) + 1}"
    figure_ids[figure.key] = identifier
    xsi_type = "Element" if figure.element else "Container"
    node = _typed(parent, "node", xsi_type, identifier)
    if figure.element:
        node.set("elementRef", figure.element)
    bounds = view.bounds[figure.key]
    for name, value in (("x", bounds.x), ("y", bounds.y), ("w", bounds.w), ("h", bounds.h)):
        node.set(name, str(value))
    if figure.label and figure.label.text:
        _text(node, "label", figure.label)
    for child in figure.children:
        _write_figure(node, child, view, figure_ids)
