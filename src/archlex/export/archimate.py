"""`archlex export archimate`: the model as an ArchiMate 3.1 Open Group exchange-format file.

The XML is built with the standard library's ElementTree, which escapes model text (`&`, `<`,
`>`, quotes); characters XML 1.0 cannot carry at all (most control characters) are removed
first, as docs/export.md says. The output validates against `archimate3_Diagram.xsd`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from archlex.export.archimate_concepts import Concepts, archimate_concepts
from archlex.export.archimate_properties import PROPERTY_TYPES
from archlex.export.archimate_types import Element, Figure, Relationship, View
from archlex.export.archimate_views import archimate_views
from archlex.export.ids import XML_LANG, xml_text
from archlex.export.registry import exporter
from archlex.model import Model

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


def _text(parent: ET.Element, tag: str, text: str, language: str) -> None:
    ET.SubElement(parent, _tag(tag), {XML_LANG: language}).text = xml_text(text)


@exporter(
    "archimate",
    order=10,
    default_file="model.xml",
    help="The model as an ArchiMate 3.1 Open Group exchange-format file that Archi imports.\n\n"
    "Elements and relationships keep their archlex ids as properties; the technology layer "
    "(networks, nodes, hosting per environment, connections) where the model has one; a view "
    "per diagram (context, each process, technical, technology per environment), laid out by "
    "Graphviz.",
)
def archimate_xml(model: Model) -> str:
    """The exchange-format document for the model, deterministic to the byte."""
    concepts = archimate_concepts(model)
    views = archimate_views(model, concepts)
    language = model.manifest.language or "en"
    root = ET.Element(
        _tag("model"),
        {
            "xmlns": NAMESPACE,
            "identifier": "archlex-model",
            f"{{{XSI}}}schemaLocation": SCHEMA_LOCATION,
        },
    )
    _text(root, "name", model.manifest.name, language)
    used = _write_concepts(root, concepts, language)
    definitions = ET.SubElement(root, _tag("propertyDefinitions"))
    for name, data_type in PROPERTY_TYPES.items():
        if name in used:
            definition = ET.SubElement(
                definitions,
                _tag("propertyDefinition"),
                {"identifier": f"prop-{name}", "type": data_type},
            )
            _text(definition, "name", name, "en")
    if views:
        diagrams = ET.SubElement(ET.SubElement(root, _tag("views")), _tag("diagrams"))
        for view in views:
            _write_view(diagrams, view, concepts, language)
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _write_concepts(root: ET.Element, concepts: Concepts, language: str) -> set[str]:
    """Elements and relationships; returns the names of the properties they use."""
    used: set[str] = set()
    elements = ET.SubElement(root, _tag("elements"))
    for element in concepts.elements:
        used |= _write_concept(elements, "element", element, language)
    relationships = ET.SubElement(root, _tag("relationships"))
    for relationship in concepts.relationships:
        used |= _write_concept(relationships, "relationship", relationship, language)
    return used


def _write_concept(
    parent: ET.Element, tag: str, concept: Element | Relationship, language: str
) -> set[str]:
    node = _typed(parent, tag, concept.type, concept.identifier)
    if isinstance(concept, Relationship):
        node.set("source", concept.source)
        node.set("target", concept.target)
    if concept.name:
        _text(node, "name", concept.name, language)
    if isinstance(concept, Element) and concept.documentation:
        _text(node, "documentation", concept.documentation, language)
    if concept.properties:
        properties = ET.SubElement(node, _tag("properties"))
        for name, value in concept.properties:
            item = ET.SubElement(
                properties, _tag("property"), {"propertyDefinitionRef": f"prop-{name}"}
            )
            _text(item, "value", value, language)
    return {name for name, _ in concept.properties}


def _write_view(parent: ET.Element, view: View, concepts: Concepts, language: str) -> None:
    node = _typed(parent, "view", "Diagram", view.identifier)
    _text(node, "name", view.name, language)
    _text(node, "documentation", view.documentation, language)
    figure_ids: dict[str, str] = {}
    for figure in view.figures:
        _write_figure(node, figure, view, figure_ids, language)
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
    parent: ET.Element, figure: Figure, view: View, figure_ids: dict[str, str], language: str
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
    if figure.label:
        _text(node, "label", figure.label, language)
    for child in figure.children:
        _write_figure(node, child, view, figure_ids, language)
