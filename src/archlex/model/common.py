"""Building blocks shared by every entity kind: ids, references, provisions, the base class."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
)

from archlex.catalog.provision import PROVISION_FORMAT, Provision, parse_provision

ID_PATTERN = r"^[\w.-]+$"
REGULATION_ID_PATTERN = r"^[\w./-]+$"

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


def _to_provision(value: Any) -> Provision:
    if isinstance(value, Provision):
        return value
    if not isinstance(value, str):
        raise ValueError(f"a provision is a string: {PROVISION_FORMAT}")
    provision = parse_provision(value)
    if provision is None:
        raise ValueError(f"{value!r} is not a provision; write {PROVISION_FORMAT}")
    return provision


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


def _none_as_empty(value: Any) -> Any:
    # `tags:` with nothing after it reads as null; an author means "none".
    return [] if value is None else value


def _strict_flag(value: Any) -> Any:
    # YAML 1.1's yes/no/on/off are read as text (see the loader); only true/false are booleans.
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    raise ValueError("write true or false")


Flag = Annotated[bool, BeforeValidator(_strict_flag)]


Texts = Annotated[list[str], BeforeValidator(_none_as_empty)]
Refs = Annotated[list[Ref], BeforeValidator(_none_as_empty)]
ProvisionRefs = Annotated[list[ProvisionRef], BeforeValidator(_none_as_empty)]


class Record(BaseModel):
    """Every part of a model: immutable, and unknown fields are an error."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, defer_build=True)


class Entity(Record):
    """Anything with an id that other entities can refer to."""

    id: Id
    name: str | None = Field(default=None, description="Human-readable name.")
    description: str | None = Field(default=None, description="What it is, in a sentence or two.")
    tags: Texts = Field(default_factory=list, description="Free tags for grouping.")


class Provenance(Record):
    """Whether a catalog entry was checked against the text of the act, and where."""

    verified: Flag = Field(default=False, description="Checked against the text of the act.")
    source: str | None = Field(default=None, description="Where it was checked.")
