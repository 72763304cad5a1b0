"""The annotated types of model fields: what pydantic checks and how it writes the JSON Schema.

The model classes name these types in their annotations (imported for the type checker only);
pydantic reads them when it builds a twin (`archlex.model.twins`). The functions they call
live in the plain modules beside the classes, so that a validator kept between runs names
nothing that imports pydantic.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    BeforeValidator,
    Field,
    PlainSerializer,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
)

from archlex.catalog.provision import PROVISION_FORMAT, Provision
from archlex.model.common import (
    ID_PATTERN,
    PARTIAL,
    REGULATION_ID_PATTERN,
    _none_as_empty,
    _strict_flag,
    _to_provision,
    _verification,
)
from archlex.model.data import _ONE_OR_MANY_SCHEMA, _one_or_many
from archlex.model.law import DURATION_PATTERN, EVENT_PATTERN
from archlex.model.project import _version_number
from archlex.model.regulation import ARTICLE_NUMBER_PATTERN
from archlex.model.text import _SCHEMA as _TEXT_SCHEMA
from archlex.model.text import Text, _serialize, _to_text

LocalText = Annotated[
    Text,
    PlainValidator(_to_text),
    PlainSerializer(_serialize),
    WithJsonSchema(_TEXT_SCHEMA),
]
"""A text field: a string, or the text per language, e.g. `{en: Border guard, lv: Robežsardze}`."""

Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, min_length=1, max_length=128),
    Field(description="Unique id: letters, digits, '-', '_' and '.'."),
]
RegulationId = Annotated[
    str,
    StringConstraints(pattern=REGULATION_ID_PATTERN, min_length=1, max_length=128),
    Field(description="Regulation id, e.g. '2019/817'."),
]
# A reference is written like an id; whether it names an entity is checked after loading.
Ref = Annotated[
    str,
    StringConstraints(pattern=REGULATION_ID_PATTERN, min_length=1, max_length=128),
    Field(description="The id of another entity."),
]
ProvisionRef = Annotated[
    Provision,
    PlainValidator(_to_provision),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\s*\S+\s+[Aa][Rr][Tt]",
            "description": f"A provision: {PROVISION_FORMAT}.",
        }
    ),
]
Flag = Annotated[bool, BeforeValidator(_strict_flag)]
Verification = Annotated[
    bool | Literal["partial"],
    BeforeValidator(_verification),
    WithJsonSchema(
        {
            "anyOf": [{"type": "boolean"}, {"const": PARTIAL}],
            "description": "true: checked against the text of the act; partial: only part of "
            "the text was seen; false: not seen (recalled or inferred).",
        }
    ),
]
Texts = Annotated[list[str], BeforeValidator(_none_as_empty)]
Refs = Annotated[list[Ref], BeforeValidator(_none_as_empty)]
ProvisionRefs = Annotated[list[ProvisionRef], BeforeValidator(_none_as_empty)]

# data
Organisations = Annotated[
    list[Ref], BeforeValidator(_one_or_many), WithJsonSchema(_ONE_OR_MANY_SCHEMA)
]
# infrastructure
Percent = Annotated[float, Field(ge=0, le=100)]
# law
Event = Annotated[
    str,
    StringConstraints(pattern=EVENT_PATTERN, max_length=160),
    Field(
        description="An event in the catalog: `<component id>.start` (the day an act says it "
        "starts operations), `<act id>.applies` or `<act id>.in_force`, e.g. eu.ESP.start."
    ),
]
Duration = Annotated[
    str,
    StringConstraints(pattern=DURATION_PATTERN),
    Field(description="An ISO 8601 period of years, months, weeks and days, e.g. P2Y or P6M."),
]
# project
FormatVersion = Annotated[Literal[1], BeforeValidator(_version_number)]
# regulation
ArticleNumber = Annotated[
    str,
    StringConstraints(pattern=ARTICLE_NUMBER_PATTERN, to_lower=True),
    # Editors read YAML 1.2, where `number: 20` is an integer.
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1},
                {"type": "string", "pattern": ARTICLE_NUMBER_PATTERN},
            ],
            "description": "Article number, e.g. 20 or 20a.",
        }
    ),
]
ArticleRange = Annotated[list[ArticleNumber], Field(min_length=2, max_length=2)]

__all__ = [
    "ArticleNumber",
    "ArticleRange",
    "Duration",
    "Event",
    "Flag",
    "FormatVersion",
    "Id",
    "LocalText",
    "Organisations",
    "Percent",
    "ProvisionRef",
    "ProvisionRefs",
    "Ref",
    "Refs",
    "RegulationId",
    "Texts",
    "Verification",
]
