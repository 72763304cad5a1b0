"""The ReqIF datatypes and spec types archlex declares: strings, the requirement enumerations,
the object types of requirements, provisions and obligations, and the relation types."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from enum import StrEnum

from archlex.export.ids import escape_id
from archlex.export.reqif_vocabulary import (
    OBLIGATION_ATTRIBUTES,
    OBLIGATION_TYPE,
    PROVISION_ATTRIBUTES,
    PROVISION_TYPE,
    REQUIREMENT_ATTRIBUTES,
    REQUIREMENT_TYPE,
    SATISFIES_RELATION,
    TRACES_RELATION,
)

STRING_TYPE = "dt-string"
SPECIFICATION_TYPE = "spt-archlex"
MAX_LENGTH = "1000000"
# Spec object type id -> its long name and its string attributes (enumerations added below).
OBJECT_TYPES = {
    "st-requirement": REQUIREMENT_TYPE,
    "st-provision": PROVISION_TYPE,
    "st-obligation": OBLIGATION_TYPE,
}
RELATION_TYPES = {"rt-satisfies": SATISFIES_RELATION, "rt-traces": TRACES_RELATION}


def enum_type_id(field: str) -> str:
    """The datatype id of a requirement field's enumeration."""
    return f"dt-enum-{field}"


def enum_value_id(field: str, value: str) -> str:
    """The id of one value of a field's enumeration."""
    return f"ev-{field}-{escape_id(value)}"


def attribute_id(object_type: str, name: str) -> str:
    """The id of an attribute definition of a spec object type."""
    return f"ad-{object_type.removeprefix('st-')}-{escape_id(name)}"


def identifiable(
    parent: ET.Element, tag: str, identifier: str, stamp: str, **more: str
) -> ET.Element:
    """An element with IDENTIFIER and LAST-CHANGE, and any other attributes given."""
    attributes = {"IDENTIFIER": identifier, "LAST-CHANGE": stamp}
    attributes.update({key.replace("_", "-").upper(): value for key, value in more.items()})
    return ET.SubElement(parent, tag, attributes)


def reference(parent: ET.Element, wrapper: str, tag: str, identifier: str) -> None:
    """`<wrapper><tag>identifier</tag></wrapper>`: ReqIF's way of pointing at an element."""
    ET.SubElement(ET.SubElement(parent, wrapper), tag).text = identifier


def write_datatypes(content: ET.Element, stamp: str) -> None:
    """The string datatype and one enumeration per enumerated requirement field."""
    types = ET.SubElement(content, "DATATYPES")
    identifiable(
        types,
        "DATATYPE-DEFINITION-STRING",
        STRING_TYPE,
        stamp,
        long_name="String",
        max_length=MAX_LENGTH,
    )
    for attribute in REQUIREMENT_ATTRIBUTES:
        if attribute.enum is not None:
            _enumeration(types, attribute.field, attribute.enum, stamp)


def _enumeration(types: ET.Element, field: str, enum: type[StrEnum], stamp: str) -> None:
    definition = identifiable(
        types, "DATATYPE-DEFINITION-ENUMERATION", enum_type_id(field), stamp, long_name=field
    )
    values = ET.SubElement(definition, "SPECIFIED-VALUES")
    for key, member in enumerate(enum):
        value = identifiable(
            values,
            "ENUM-VALUE",
            enum_value_id(field, member.value),
            stamp,
            long_name=member.value,
        )
        properties = ET.SubElement(value, "PROPERTIES")
        ET.SubElement(
            properties, "EMBEDDED-VALUE", {"KEY": str(key), "OTHER-CONTENT": member.value}
        )


def write_spec_types(content: ET.Element, stamp: str) -> None:
    """The three object types with their attributes, the relation and specification types."""
    types = ET.SubElement(content, "SPEC-TYPES")
    _object_type(types, "st-requirement", stamp)
    _object_type(types, "st-provision", stamp)
    _object_type(types, "st-obligation", stamp)
    for identifier, name in RELATION_TYPES.items():
        identifiable(types, "SPEC-RELATION-TYPE", identifier, stamp, long_name=name)
    identifiable(types, "SPECIFICATION-TYPE", SPECIFICATION_TYPE, stamp, long_name="archlex")


def _object_type(types: ET.Element, identifier: str, stamp: str) -> None:
    element = identifiable(
        types, "SPEC-OBJECT-TYPE", identifier, stamp, long_name=OBJECT_TYPES[identifier]
    )
    attributes = ET.SubElement(element, "SPEC-ATTRIBUTES")
    for name, enum_field in _attributes_of(identifier):
        definition_id = attribute_id(identifier, name)
        if enum_field is None:
            definition = identifiable(
                attributes, "ATTRIBUTE-DEFINITION-STRING", definition_id, stamp, long_name=name
            )
            reference(definition, "TYPE", "DATATYPE-DEFINITION-STRING-REF", STRING_TYPE)
        else:
            definition = identifiable(
                attributes,
                "ATTRIBUTE-DEFINITION-ENUMERATION",
                definition_id,
                stamp,
                long_name=name,
                multi_valued="false",
            )
            reference(
                definition, "TYPE", "DATATYPE-DEFINITION-ENUMERATION-REF", enum_type_id(enum_field)
            )


def _attributes_of(object_type: str) -> list[tuple[str, str | None]]:
    """(long name, enumerated field or None) of each attribute of an object type."""
    if object_type == "st-requirement":
        return [(a.name, a.field if a.enum is not None else None) for a in REQUIREMENT_ATTRIBUTES]
    names = PROVISION_ATTRIBUTES if object_type == "st-provision" else OBLIGATION_ATTRIBUTES
    return [(name, None) for name in names]
