"""Organisations of the state and the roles the regulations give them."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

from archlex.model.common import Entity, Record
from archlex.model.record import Field

if TYPE_CHECKING:
    from pydantic import BeforeValidator, WithJsonSchema

    from archlex.model.annotated import LocalText, ProvisionRefs, Ref, Refs


class OrganisationKind(StrEnum):
    """What sort of body an organisation is."""

    MINISTRY = "ministry"
    POLICE = "police"
    BORDER_GUARD = "border-guard"
    MIGRATION = "migration"
    IT_CENTRE = "it-centre"
    JUDICIAL = "judicial"
    SUPERVISORY = "supervisory"
    EU_AGENCY = "eu-agency"
    OTHER = "other"


class RoleGrant(Record):
    """A role an organisation holds, optionally only for some systems."""

    role: Ref = Field(description="The id of the role.")
    for_: Refs = Field(
        default_factory=list,
        alias="for",
        description="Systems the role is held for; empty means all systems.",
    )


def _grant_from_id(value: Any) -> Any:
    # `roles: [sirene-bureau]` is short for `roles: [{role: sirene-bureau}]`.
    if isinstance(value, list):
        return [{"role": item} if isinstance(item, str) else item for item in value]
    return [] if value is None else value


_GRANT_SCHEMA: dict[str, Any] = {
    "type": "array",
    "items": {
        "anyOf": [
            {"type": "string", "description": "A role id, held for all systems."},
            {
                "type": "object",
                "description": "A role held only for some systems.",
                "properties": {
                    "role": {"type": "string", "description": "The id of the role."},
                    "for": {
                        "type": "array",
                        "items": {"type": "string"},
                        "description": "Systems the role is held for.",
                    },
                },
                "required": ["role"],
                "additionalProperties": False,
            },
        ]
    },
}


class Organisation(Entity):
    """A ministry, authority or agency that owns, operates or uses systems."""

    name: LocalText = Field(description="Official name.")
    kind: OrganisationKind = Field(description="What sort of body it is.")
    roles: Annotated[
        list[RoleGrant], BeforeValidator(_grant_from_id), WithJsonSchema(_GRANT_SCHEMA)
    ] = Field(
        default_factory=list,
        description="Roles held: a role id, or {role, for: [system ids]}.",
    )


class Role(Entity):
    """A function the regulations assign, such as the SIRENE Bureau."""

    name: LocalText = Field(description="Name of the role.")
    defined_by: ProvisionRefs = Field(
        default_factory=list, description="Provisions that define the role."
    )
