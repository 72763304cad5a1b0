"""`archlex export reqif`: the requirements as a ReqIF 1.2 file for DOORS, Polarion, Jama ...

Two specifications: the requirements, each with its attributes (reqif_vocabulary), and the
provisions they satisfy with the obligations under each provision; `satisfies` relations run
from a requirement to each provision it names, `traces` relations to each obligation whose
provision it traces. Built with the standard library's ElementTree (which escapes model
text); identifiers derive from model ids and every time stamp is fixed (or SOURCE_DATE_EPOCH),
so the same model gives the same bytes. Validates against the OMG ReqIF schema in the tests.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

import archlex
from archlex.catalog.provision import Provision
from archlex.export.ids import XML_LANG, escape_id, xml_text
from archlex.export.registry import exporter
from archlex.export.reqif_types import (
    SPECIFICATION_TYPE,
    attribute_id,
    enum_value_id,
    identifiable,
    reference,
    write_datatypes,
    write_spec_types,
)
from archlex.export.reqif_vocabulary import (
    LIST_SEPARATOR,
    NAMESPACE,
    PROVISIONS_SPECIFICATION,
    REQUIREMENT_ATTRIBUTES,
    REQUIREMENTS_SPECIFICATION,
)
from archlex.model import Model, Obligation, Requirement
from archlex.model.text import DEFAULT_LANGUAGE
from archlex.toolkit.build_time import build_time


def requirement_object_id(requirement_id: str) -> str:
    """The SPEC-OBJECT identifier of a requirement."""
    return f"req-{escape_id(requirement_id)}"


def provision_object_id(provision: Provision) -> str:
    """The SPEC-OBJECT identifier of a provision."""
    return f"prov-{escape_id(str(provision))}"


def obligation_object_id(obligation_id: str) -> str:
    """The SPEC-OBJECT identifier of an obligation."""
    return f"obl-{escape_id(obligation_id)}"


@exporter(
    "reqif",
    order=30,
    default_file="requirements.reqif",
    help="The requirements as a ReqIF 1.2 file for DOORS, Polarion, Jama, Codebeamer, "
    "StrictDoc.\n\n"
    "Two specifications: the requirements (title, text, type, priority, status, allocation, "
    "the model id as ReqIF.ForeignID) and the provisions they satisfy with the obligations "
    "under each; `satisfies` and `traces` relations join them. Same model, same bytes "
    "(docs/exchange.md).",
)
def reqif_xml(model: Model) -> str:
    """The ReqIF document of the model's requirements, deterministic to the byte."""
    stamp = build_time().strftime("%Y-%m-%dT%H:%M:%SZ")
    root = ET.Element("REQ-IF", {"xmlns": NAMESPACE, **_language(model)})
    _header(root, model, stamp)
    content = ET.SubElement(ET.SubElement(root, "CORE-CONTENT"), "REQ-IF-CONTENT")
    write_datatypes(content, stamp)
    write_spec_types(content, stamp)
    obligations = traced_obligations(model)
    provisions = _provisions(model.requirements, obligations)
    _spec_objects(content, model, provisions, obligations, stamp)
    _relations(content, model.requirements, obligations, stamp)
    _specifications(content, model.requirements, provisions, obligations, stamp)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=False).join(
        ('<?xml version="1.0" encoding="UTF-8"?>\n', "\n")
    )


def _language(model: Model) -> dict[str, str]:
    """`xml:lang` of the whole document (the schema's one place for it): the language of the
    model's output (`archlex.localized.in_language`), said for English too, so that an import
    of the file merges each text into the model's text in that language (imports.texts)."""
    return {XML_LANG: model.manifest.language or DEFAULT_LANGUAGE}


def traced_obligations(model: Model) -> list[Obligation]:
    """The obligations some requirement traces, by provision then id."""
    cited = {p for r in model.requirements for p in r.satisfies}
    found = [o for o in model.obligations if any(p.traces(o.provision) for p in cited)]
    return sorted(found, key=lambda o: (o.provision.sort_key, o.id))


def _provisions(requirements: list[Requirement], obligations: list[Obligation]) -> list[Provision]:
    """Every provision a requirement satisfies or an exported obligation sits under, in order."""
    found = {p for r in requirements for p in r.satisfies} | {o.provision for o in obligations}
    return sorted(found, key=lambda p: p.sort_key)


def _header(root: ET.Element, model: Model, stamp: str) -> None:
    header = ET.SubElement(ET.SubElement(root, "THE-HEADER"), "REQ-IF-HEADER")
    header.set("IDENTIFIER", "header")
    ET.SubElement(header, "COMMENT").text = "Requirements and the provisions they satisfy"
    ET.SubElement(header, "CREATION-TIME").text = stamp
    ET.SubElement(header, "REQ-IF-TOOL-ID").text = "archlex"
    ET.SubElement(header, "REQ-IF-VERSION").text = "1.0"
    ET.SubElement(header, "SOURCE-TOOL-ID").text = f"archlex {archlex.__version__}"
    ET.SubElement(header, "TITLE").text = xml_text(model.manifest.name)


def _spec_objects(
    content: ET.Element,
    model: Model,
    provisions: list[Provision],
    obligations: list[Obligation],
    stamp: str,
) -> None:
    objects = ET.SubElement(content, "SPEC-OBJECTS")
    for requirement in model.requirements:
        _requirement(objects, requirement, stamp)
    for provision in provisions:
        element = _object(objects, provision_object_id(provision), "st-provision", stamp)
        values = ET.SubElement(element, "VALUES")
        _string(values, "st-provision", "ReqIF.ForeignID", str(provision))
        title = _article_title(model, provision)
        if title:
            _string(values, "st-provision", "ReqIF.Name", title)
    for obligation in obligations:
        element = _object(objects, obligation_object_id(obligation.id), "st-obligation", stamp)
        values = ET.SubElement(element, "VALUES")
        _string(values, "st-obligation", "ReqIF.ForeignID", obligation.id)
        _string(values, "st-obligation", "ReqIF.Text", obligation.summary)
        _string(values, "st-obligation", "archlex.provision", str(obligation.provision))
        _string(values, "st-obligation", "archlex.actor", obligation.actor)


def _article_title(model: Model, provision: Provision) -> str | None:
    regulation = model.regulation(provision.regulation)
    article = regulation.article(provision.article) if regulation is not None else None
    return article.title if article is not None else None


def _object(objects: ET.Element, identifier: str, object_type: str, stamp: str) -> ET.Element:
    element = identifiable(objects, "SPEC-OBJECT", identifier, stamp)
    reference(element, "TYPE", "SPEC-OBJECT-TYPE-REF", object_type)
    return element


def _requirement(objects: ET.Element, requirement: Requirement, stamp: str) -> None:
    element = _object(objects, requirement_object_id(requirement.id), "st-requirement", stamp)
    values = ET.SubElement(element, "VALUES")
    for attribute in REQUIREMENT_ATTRIBUTES:
        value = getattr(requirement, attribute.field)
        if value is None or (attribute.is_list and not value):
            continue  # an absent attribute is an empty field
        if attribute.enum is not None:
            _enumerated(values, attribute.name, attribute.field, str(value))
        elif attribute.is_list:
            _string(values, "st-requirement", attribute.name, _joined(value))
        else:
            _string(values, "st-requirement", attribute.name, str(value))


def _joined(items: Iterable[object]) -> str:
    return LIST_SEPARATOR.join(str(item) for item in items)


def _string(values: ET.Element, object_type: str, name: str, text: str) -> None:
    value = ET.SubElement(values, "ATTRIBUTE-VALUE-STRING", {"THE-VALUE": xml_text(text)})
    reference(
        value, "DEFINITION", "ATTRIBUTE-DEFINITION-STRING-REF", attribute_id(object_type, name)
    )


def _enumerated(values: ET.Element, name: str, field: str, member: str) -> None:
    value = ET.SubElement(values, "ATTRIBUTE-VALUE-ENUMERATION")
    reference(
        value,
        "DEFINITION",
        "ATTRIBUTE-DEFINITION-ENUMERATION-REF",
        attribute_id("st-requirement", name),
    )
    reference(value, "VALUES", "ENUM-VALUE-REF", enum_value_id(field, member))


def _relations(
    content: ET.Element,
    requirements: list[Requirement],
    obligations: list[Obligation],
    stamp: str,
) -> None:
    relations = ET.SubElement(content, "SPEC-RELATIONS")
    for requirement in requirements:
        source = requirement_object_id(requirement.id)
        for provision in dict.fromkeys(requirement.satisfies):
            _relation(relations, "rt-satisfies", source, provision_object_id(provision), stamp)
        for obligation in obligations:
            if any(p.traces(obligation.provision) for p in requirement.satisfies):
                target = obligation_object_id(obligation.id)
                _relation(relations, "rt-traces", source, target, stamp)


def _relation(
    relations: ET.Element, relation_type: str, source: str, target: str, stamp: str
) -> None:
    identifier = f"rel-{relation_type.removeprefix('rt-')}-{source}-{target}"
    relation = identifiable(relations, "SPEC-RELATION", identifier, stamp)
    reference(relation, "TYPE", "SPEC-RELATION-TYPE-REF", relation_type)
    reference(relation, "SOURCE", "SPEC-OBJECT-REF", source)
    reference(relation, "TARGET", "SPEC-OBJECT-REF", target)


def _specifications(
    content: ET.Element,
    requirements: list[Requirement],
    provisions: list[Provision],
    obligations: list[Obligation],
    stamp: str,
) -> None:
    specifications = ET.SubElement(content, "SPECIFICATIONS")
    children = _specification(
        specifications, "spec-requirements", REQUIREMENTS_SPECIFICATION, stamp
    )
    for requirement in requirements:
        _hierarchy(children, requirement_object_id(requirement.id), stamp)
    children = _specification(specifications, "spec-provisions", PROVISIONS_SPECIFICATION, stamp)
    for provision in provisions:
        node = _hierarchy(children, provision_object_id(provision), stamp)
        under = [o for o in obligations if o.provision == provision]
        if under:
            nested = ET.SubElement(node, "CHILDREN")
            for obligation in under:
                _hierarchy(nested, obligation_object_id(obligation.id), stamp)


def _specification(
    specifications: ET.Element, identifier: str, name: str, stamp: str
) -> ET.Element:
    element = identifiable(specifications, "SPECIFICATION", identifier, stamp, long_name=name)
    reference(element, "TYPE", "SPECIFICATION-TYPE-REF", SPECIFICATION_TYPE)
    return ET.SubElement(element, "CHILDREN")


def _hierarchy(children: ET.Element, object_id: str, stamp: str) -> ET.Element:
    node = identifiable(children, "SPEC-HIERARCHY", f"h-{object_id}", stamp)
    reference(node, "OBJECT", "SPEC-OBJECT-REF", object_id)
    return node
